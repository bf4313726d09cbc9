"""Key figures: every numeric fact of the body (GDELT GKG's "Amounts", in Chinese and richer).

How a sentence is read:
  1. fold    Traditional to Simplified (OpenCC, then `TRADITIONAL_FOLD` for the characters that
             matter here) and full-width to ASCII; both map one character to one, so an offset in
             the folded text is an offset in the sentence and `Figure.text` is cut from the original.
  2. mask    spans that hold numerals but are not amounts are blanked in a scanning copy: dates,
             times, ordinals (第…), designations (苏-30SM, G20, 5G), phone numbers, idioms.
  3. scan    `SCAN` finds, left to right, one of: a range (15%至20%), 百分之…, a fraction (三分之一),
             a currency sign ($5亿), a compound span of time (约1小时40分钟: one figure, 100
             minutes), a number with its unit (逾4000亿美元, 477架, 三周年), or a
             number with 万/亿 and no unit (14亿). A number is Arabic (1,200 / 72.8), Chinese
             (三千, 两, 十余), or vague (数十亿, 上千: value None); 十/百/千/万/亿 after it multiply.
  4. judge   a bare Chinese numeral counts only before a unit or measure word; 一 alone never does
             (一个, 一次, 一方, 一些 …) except in 百分之一, 三分之一, 一周年, 一倍; a Chinese numeral
             under ten with a generic measure word needs a known noun after it (三个盟友, not
             两个大国), and before a span of time it is narrative (三年前, 两年), not an amount; a
             figure after 这/那/此/每/各 points back at one already said (这三个盟友) and is skipped.
  5. fill    unit and value from the tables below; a measure word takes the noun after it into the
             text when it is a known noun (`NOUN_UNITS`) or one short word (jieba); `measure` is that
             noun, else the subject before a verb such as 达/占/攀升至, else the noun after the
             figure (90%的能源 → 能源); `year` is a four-digit year in the same clause; after
             每秒/每年 … the unit becomes a rate (km/s, cubic-metres/year).
The same text said twice in an article is one figure (the first); the anchor hashes the text only,
so it survives edits elsewhere in the article.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import cn2an

from .. import units
from ..han import HAN_CLASS
from ..model import Figure
from ..textnorm import pos_tokenizer, to_simplified

# --- Vocabulary -------------------------------------------------------------------------------------

# Characters of number words that OpenCC may leave alone when it refuses a text (its length guard):
# folded here too, one character to one, so Traditional articles (逾4000億美元, 2500萬歐元) read the same.
TRADITIONAL_FOLD = str.maketrans({
    "億": "亿", "萬": "万", "兩": "两", "歐": "欧", "盧": "卢", "鎊": "镑", "幣": "币", "韓": "韩",
    "約": "约", "餘": "余", "數": "数", "幾": "几", "個": "个", "輛": "辆", "項": "项", "門": "门",
    "顆": "颗", "臺": "台", "噸": "吨", "點": "点", "過": "过", "機": "机", "彈": "弹", "艦": "舰",
    "於": "于", "線": "线", "車": "车", "廠": "厂", "時": "时", "鐘": "钟", "週": "周",
    # full-width digits and signs
    **{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": ".", "＄": "$", "～": "~",
})

CN_DIGITS = "零〇一二两三四五六七八九"  # Chinese digits, read with cn2an
CN_MULTIPLIERS = "十百千万亿"  # inside a Chinese numeral, or after an Arabic one (4000亿, 1.5万)
# Value of each multiplier character; a run multiplies (万亿 = 1e12, 千万 = 1e7).
MULTIPLIER_VALUE = {"十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "亿": 1e8}

# Currency words after a number → ISO 4217 code. 元 alone is the renminbi (the articles are
# Chinese); longer words win (日元 before 元), so the order here does not matter.
CURRENCY_UNITS = {
    "美元": "USD", "美金": "USD", "欧元": "EUR", "人民币": "CNY", "元人民币": "CNY", "元": "CNY",
    "卢布": "RUB", "日元": "JPY", "英镑": "GBP", "港元": "HKD", "港币": "HKD", "韩元": "KRW",
    "新台币": "TWD", "澳元": "AUD", "加元": "CAD", "瑞士法郎": "CHF", "卢比": "INR",
    "德拉姆": "AMD", "坚戈": "KZT", "格里夫纳": "UAH", "白俄罗斯卢布": "BYN", "兹罗提": "PLN",
    "里拉": "TRY", "雷亚尔": "BRL", "兰特": "ZAR", "新加坡元": "SGD", "泰铢": "THB", "越南盾": "VND",
    "迪拉姆": "AED",
}
# Currency signs before a number ($5亿); ¥ is left out: yen or yuan.
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP"}

# Shares. Values are in percent (72.8 for 72.8%); ‰ is turned into percent, 个百分点 is not a share.
PERCENT_UNITS = {"%": ("percent", 1.0), "‰": ("percent", 0.1), "个百分点": ("percentage-points", 1.0),
                 "百分点": ("percentage-points", 1.0)}
# 七成 = 70%: 成 is a tenth, only after a Chinese numeral up to 十.
TENTHS = "成"

# Measure words of counted things → the unit when no known noun follows (架 alone is aircraft).
MEASURE_WORDS = {
    "架": "aircraft", "枚": "missiles", "辆": "vehicles", "艘": "ships", "座": "units", "个": "items",
    "项": "items", "家": "companies", "门": "guns", "套": "systems", "颗": "items", "台": "machines",
    "条": "items", "份": "documents", "批": "batches", "轮": "rounds", "场": "events", "次": "times",
    "所": "institutions", "处": "sites", "件": "items", "户": "households", "名": "people",
    "位": "people", "章": "chapters", "例": "cases", "宗": "cases", "列": "trains", "班": "flights",
    "支": "units", "票": "votes", "国": "countries",
}
# Measure words that begin other words: a measure word followed by one of these characters is not
# one (3支持者 is not three units, 5列入 is not five trains, 10国家 reads through to 国家).
MEASURE_WORD_NOT_BEFORE = {"支": "持援付出撑柱", "列": "入为出举表强", "例": "如外行", "宗": "教旨族",
                           "班": "子级长主", "国": "家际内外务民营有会", "章": "程法节"}
# Generic measure words: after a Chinese numeral under ten they count only before a known noun
# (三个盟友 is a fact, 两个大国 and 两位领导人 are rhetoric). Spans of time written so (三年前, 两年,
# 五天) are narrative time, not amounts, and are dropped too; 三周年 stays. Arabic numerals always count.
# Measure words that name what they count (16国 are sixteen countries): the noun after them is what
# the countries have (17国贸易额), not what is counted, and stays out of the figure.
COUNT_IS_THE_NOUN = ("国",)
GENERIC_MEASURE_WORDS = "个位项件条次场处份批轮所章例宗列班支票国"
SMALL_CHINESE = 10
# People counted without a measure word (5000人).
PEOPLE_UNITS = {"人": "people", "人次": "visits"}

# Nouns after a measure word → unit; the noun joins the figure text (477架无人机). Longest first.
NOUN_UNITS = {
    "无人机": "drones", "导弹": "missiles", "巡航导弹": "missiles", "弹道导弹": "missiles",
    "火箭弹": "rockets", "火箭": "rockets", "炮弹": "shells", "弹头": "warheads", "核弹头": "warheads",
    "飞机": "aircraft", "战机": "aircraft", "战斗机": "aircraft", "轰炸机": "bombers",
    "运输机": "aircraft", "预警机": "aircraft", "直升机": "helicopters", "坦克": "tanks",
    "装甲车": "armoured-vehicles", "车辆": "vehicles", "汽车": "vehicles", "军舰": "warships",
    "战舰": "warships", "舰艇": "warships", "驱逐舰": "warships", "护卫舰": "warships",
    "潜艇": "submarines", "航母": "carriers", "航空母舰": "carriers", "船": "ships", "船只": "ships",
    "油轮": "tankers", "卫星": "satellites", "火炮": "guns", "防空系统": "systems", "系统": "systems",
    "工厂": "factories", "军事工厂": "factories", "兵工厂": "factories", "军工厂": "factories",
    "炼油厂": "refineries", "电站": "power-plants", "发电厂": "power-plants", "核电站": "power-plants",
    "机场": "airports", "港口": "ports", "基地": "bases", "军事基地": "bases", "桥梁": "bridges",
    "大桥": "bridges", "城市": "cities", "村庄": "villages", "医院": "hospitals", "学校": "schools",
    "国家": "countries", "成员国": "member-states", "成员方": "members", "盟友": "allies",
    "伙伴": "partners", "企业": "companies", "公司": "companies", "银行": "banks",
    "协议": "agreements", "合作协议": "agreements", "条约": "treaties", "项目": "projects",
    "航班": "flights", "航线": "routes", "士兵": "people", "军人": "people", "平民": "people",
    "难民": "people", "儿童": "people", "官员": "people", "记者": "people", "议员": "people",
    "人": "people",
}

# Physical units. 千米 before 千+米: a unit is tried before a multiplier.
QUANTITY_UNITS = {
    "公里": "km", "千米": "km", "米": "m", "英里": "miles", "海里": "nautical-miles",
    "平方公里": "km2", "平方千米": "km2", "平方米": "m2", "公顷": "hectares", "亩": "mu",
    "吨": "tonnes", "公斤": "kg", "千克": "kg", "桶": "barrels", "立方米": "cubic-metres",
    "千瓦": "kW", "兆瓦": "MW", "吉瓦": "GW", "千瓦时": "kWh",
}

# Spans of time. 年前/年来/年后 keep their tail in the text (53年前). 月 and 日 alone are dates.
TIME_UNITS = {
    "年": "years", "年前": "years", "年来": "years", "年后": "years", "周年": "anniversary",
    "个月": "months", "个多月": "months", "天": "days", "小时": "hours", "个小时": "hours",
    "个多小时": "hours", "个星期": "weeks", "周": "weeks", "分钟": "minutes", "岁": "years-old",
    "周岁": "years-old",
}
# 周 after a number that begins another word: 周边, 周末 …
TIME_NOT_BEFORE = {"周": "边末围期内刊报"}
# Compound spans of time (rule `_read_duration`): a span said in two units, the larger first
# (1小时40分钟, 2小时30分, 3年6个月, 1天12小时, 两年零三个月), is one figure: its value in the smaller
# unit (100 minutes), when the two units are on one ladder of `units.DURATIONS` and the smaller
# part is less than one larger unit. Otherwise its parts are read as two figures, as before.
DURATION_LARGER = {"年": "years", "周": "weeks", "个星期": "weeks", "星期": "weeks", "天": "days",
                   "小时": "hours", "个小时": "hours", "钟头": "hours", "个钟头": "hours", "分钟": "minutes",
                   "分": "minutes"}
DURATION_SMALLER = {"个月": "months", "天": "days", "小时": "hours", "个小时": "hours", "钟头": "hours",
                    "个钟头": "hours", "分钟": "minutes", "分": "minutes", "秒": "seconds", "秒钟": "seconds"}
DURATION_JOINERS = ("零", "又")  # 两年零三个月, 三年又六个月
# 每秒2.5至3公里, 每年500亿立方米: a rate; the period is added to the unit (km/s, cubic-metres/year).
RATE_BEFORE = {"每秒": "/s", "每小时": "/h", "每天": "/day", "每日": "/day", "每周": "/week",
               "每月": "/month", "每年": "/year"}
# 年 followed by these is not a span: 90年代 (a decade), 三年级 (a school year), 2024年度.
YEAR_NOT_SPAN = "代级度"

MULTIPLE_UNITS = {"倍": "multiple"}  # 增长3倍
SLASH_DENOMINATOR_MAX = 10  # 2/3, 3/4, 1/10 are shares; 3/15 is more often a date

# Qualifiers. 近 ("nearly") is read as approx, like 约: the figure is a round estimate either way.
QUALIFIERS_BEFORE = {
    "逾": "over", "超过": "over", "超": "over", "多于": "over", "至少": "over",
    "约": "approx", "大约": "approx", "大概": "approx", "近": "approx", "将近": "approx",
    "接近": "approx", "差不多": "approx",
    "不到": "under", "不足": "under", "少于": "under", "至多": "under", "最多": "under", "最少": "over",
    "不少于": "over", "不低于": "over", "不超过": "under", "不多于": "under", "不高于": "under",
}
# Characters before a qualifier that make it part of another word: 最近, 条约, 赶超 …
QUALIFIER_NOT_AFTER = {"近": "最附靠亲贴邻", "约": "条公契预制节合邀隐", "超": "赶高"}
# Verbs that carry a qualifier (约为 is "is about"): the figure is qualified, its text and anchor
# stay the number (the verb is not part of the figure).
QUALIFYING_VERBS = {"约为": "approx", "约有": "approx", "约达": "approx", "约占": "approx", "大约为": "approx"}
QUALIFIERS_AFTER_NUMBER = {"多": "over", "余": "over"}  # 8400多公里, 三千余人, 20多万
QUALIFIERS_AFTER_UNIT = {"以上": "over", "左右": "approx", "上下": "approx", "以下": "under",
                         "以内": "under"}

# Vague amounts: 数十亿, 几百, 上千 — a size, not a value.
VAGUE_PREFIXES = "数几上"
# 上百, 上千, 上万 say "a hundred and more": the value is the bound, the qualifier says "over";
# 数十, 几百 (some tens, a few hundred) have no value.
LOWER_BOUND_VAGUE = "上"
# Characters that join two ends of a range: 15%至20%, 3000-5000人.
RANGE_JOINERS = ("至", "到", "-", "—", "–", "~", "〜")
# Before a range, these make it a change from one figure to another (从15%到20%): two figures.
CHANGE_BEFORE = ("从", "由", "增长", "下降", "上升", "减少", "降低", "提高", "增加", "下跌", "上涨")
# A figure right after these refers back to one already said (这三个盟友, 每3年).
DEMONSTRATIVES = "这那此每各"
# …except 每 before an Arabic numeral: an interval or a rate stated as a figure (每3年举行一次).
EVERY = "每"

# Four-character idioms and names with numerals that are not amounts.
IDIOMS = (
    "一带一路", "三番五次", "九死一生", "千方百计", "四面八方", "五花八门", "七上八下", "一五一十",
    "三三两两", "千千万万", "成千上万", "万无一失", "十全十美", "一干二净", "三心二意", "万众一心",
    "千军万马", "三言两语", "两全其美", "一成不变", "十万火急", "百分之百", "一石二鸟", "一举两得",
    "五年计划", "五年规划", "三天两头", "三年五载", "千载难逢", "百年不遇", "一兵一卒", "半斤八两",
)

# Verbs of change: a percentage or multiple right after one measures the change of its subject
# (贸易额同比增长46.2% measures 贸易额增长), and two figures joined by one (成员国数量由5个增加到9个)
# are one change from the first value to the second.
CHANGE_VERBS = ("增加", "增长", "减少", "下降", "上升", "提高", "降低", "扩大", "缩小", "提升", "攀升",
                "跃升", "回落", "下滑", "下跌", "上涨", "增", "减", "升", "降", "涨", "跌")
# Between the two ends of a change: a verb of change, then 到/至/为 (增加到, 降至); a bare 到/至
# joins them only after 从/由 (从15%到20%).
CHANGE_LINK = re.compile(f"(?:同比|分别)?(?:{'|'.join(sorted(CHANGE_VERBS, key=len, reverse=True))})?了?(?:到|至|为)")
CHANGE_FROM = ("从", "由")
CHANGE_GAP_MAX = 6  # characters between the two ends of a change
# People counted, then what happened to them (16人遇难, 38万户停电): that verb is what is measured.
OUTCOME_FLAGS = ("v",)
# Spans of time counted back from now (20年前, 数十年来) date an event; they measure nothing.
TIME_AGO = ("年前", "年来")
TIME_AFTER = ("年后", "天后", "月后", "周后")
# Nouns of measurement that jieba splits or tags as verbs: taken as one noun in what is measured.
MEASURE_NOUNS = frozenset(("占比", "增速", "增幅", "降幅", "涨幅", "跌幅", "比重", "比例", "时速", "航速",
                           "总额", "数量", "规模", "人数", "产量", "销量", "份额", "产能", "速度", "面积",
                           "长度", "距离", "人口", "产值", "金额", "价值", "税率", "利率", "汇率", "高度",
                           "重量", "射程", "航程", "预算", "开支", "支出", "收入", "利润", "市值", "估值",
                           "成本", "价格", "贸易额", "出口额", "进口额", "投资额", "增长率", "自给率", "失业率",
                           "通胀率", "得票率", "支持率", "投票率", "储量", "运量", "吞吐量", "跨度", "全长"))
# Words that name a time, not a thing (6月份为50万人提供 measures the people, not 月份).
TIME_NOUNS = frozenset(("月份", "年份", "期间", "时候", "当天", "当日", "同期", "上午", "下午", "晚上", "年度"))
# Reading back what is measured: flags dropped from its end, and flags that end it.
TAIL_DROP_FLAGS = ("t", "d", "u", "y", "c", "p", "r", "f", "m", "x", "q")
BOUNDARY_FLAGS = ("p", "r", "t", "d", "u", "c", "f", "x", "y", "m", "q")
# jieba flags of the words that make up what is measured, read back from its last word (the thing);
# two-character words jieba tags as verbs or adjectives that are nouns here (国际组织, 能源合同总额)
# are read as nouns only between nouns or before 的.
PHRASE_FLAGS = ("n", "nz", "nt", "ns", "nr", "nrt", "ng", "nrfg", "vn", "an", "j", "eng", "b", "l")
AMBIGUOUS_VERB_LENGTH = 2
AMBIGUOUS_FLAGS = ("v", "a")  # jieba tags 组织 a verb and 合同 an adjective

# Verbs that end the subject of a measured amount: 中俄贸易额|攀升至|2448亿美元. Compound verbs are
# listed so that a match starts at the compound, not inside it (拥有, not 有).
MEASURE_VERBS = (
    "攀升至", "攀升", "达到", "高达", "多达", "约为", "升至", "降至", "增至", "减至", "跃升至", "冲到",
    "升到", "降到", "增到", "减到", "增加到", "增长到", "减少到", "下降到", "提高到", "降低到",
    "增长", "增加", "下降", "减少", "上升", "突破", "超过", "提高", "降低", "取得", "占到",
    "拥有", "共有", "现有", "只有", "仅有", "占", "达", "为", "至", "到", "有",
)
# Words around a year or before a verb that are not part of what is measured.
MEASURE_TRIM_TAIL = ("的", "了", "已经", "已", "将", "也", "都", "则", "还", "仍", "又", "更", "再",
                     "总共", "共", "累计", "里", "中", "内", "上", "在", "于", "其", "几乎", "大约", "仅",
                     "才", "只", "连续", "最高", "最低", "最多", "最少", "约", "从", "由", "短短", "仅仅",
                     "预计", "将近", "今年", "去年", "明年", "目前", "当前", "如今", "现在", "此前", "当时",
                     "同比", "分别", "平均", "超过", "至少", "最多", "不到", "不足", "逾", "近", "达")
MEASURE_TRIM_HEAD = ("但是", "但", "而且", "而", "并且", "并", "且", "也", "更", "还", "又", "仍",
                     "则", "即", "就", "其中", "其", "在", "于", "对于", "与", "和", "另外", "此外")
# Marks that end a phrase inside a clause (headline colons, list commas, quotes): what is measured
# starts after the last of them.
MEASURE_BREAKS = re.compile(r"[!！?？:：“”「」『』《》（）()—…、\s]")
MEASURE_MIN, MEASURE_MAX = 2, 12  # characters; outside this the guess is dropped
# Without a verb to end it, the text before a figure is what is measured only when this short
# (合同总额逾4000亿美元); longer, it is most often a whole clause (拜登当天宣布向乌克兰提供).
MEASURE_MAX_WITHOUT_VERB = 8
NOUN_SHORT = 3  # a noun jieba finds after a measure word joins the text up to this many characters
# jieba part-of-speech flags taken as nouns when reading what is measured
NOUN_FLAGS = ("n", "nz", "nt", "ns", "nr", "nrt", "ng", "vn", "an", "j", "eng", "b")
# Flags of what may follow a noun that joins the figure text: a particle, conjunction, preposition,
# adverb or the end of the run (6个国际|组织 is cut inside a word: the noun stays out).
NOUN_END_FLAGS = ("u", "c", "p", "d", "f", "y", "x")

# --- Patterns ---------------------------------------------------------------------------------------


def _alt(words) -> str:
    """Alternation of literal words, longest first, so that 平方公里 wins over 公里; words of one
    length in a fixed order, so the pattern is the same in every process (a set's order is not)."""
    words = sorted(set(words), key=lambda word: (-len(word), word))
    if not words:
        raise ValueError("empty alternation")
    return "|".join(re.escape(w) for w in words)


def _qualifier_before() -> str:
    parts = []
    for word in sorted(QUALIFIERS_BEFORE, key=len, reverse=True):
        guard = QUALIFIER_NOT_AFTER.get(word)
        parts.append((f"(?<![{guard}])" if guard else "") + re.escape(word))
    return "|".join(parts)


ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?"
CN_NUMBER = f"[{CN_DIGITS}{CN_MULTIPLIERS}]{{1,12}}"  # bounded: no runaway backtracking on long runs
VAGUE = f"(?:[数几][{CN_MULTIPLIERS}]{{1,4}}|上[百千万亿][{CN_MULTIPLIERS}]{{0,3}})"
MULT = f"[{CN_MULTIPLIERS}]{{0,4}}?"
NUMBER = f"(?:{ARABIC}|{VAGUE}|{CN_NUMBER})"
SPACE = r"[ \u00a0\u2009]?"
QPRE = _qualifier_before()
QNUM = _alt(QUALIFIERS_AFTER_NUMBER)
QUNIT = _alt(QUALIFIERS_AFTER_UNIT)
UNIT_TABLES = (CURRENCY_UNITS, PERCENT_UNITS, MEASURE_WORDS, PEOPLE_UNITS, QUANTITY_UNITS, TIME_UNITS,
               MULTIPLE_UNITS, {TENTHS: None})


def _units() -> str:
    """Every unit word, longest first; a word that begins other words is guarded by a lookahead."""
    guards = {**MEASURE_WORD_NOT_BEFORE, **TIME_NOT_BEFORE}
    words = sorted({w for table in UNIT_TABLES for w in table}, key=lambda word: (-len(word), word))
    return "|".join(re.escape(w) + (f"(?![{guards[w]}])" if w in guards else "") for w in words)


UNIT = _units()
# Not inside a number or a Latin designation.
START = rf"(?<![\dA-Za-z.{CN_DIGITS}{CN_MULTIPLIERS}])"

# One alternative per form; each is also compiled alone to read the span it found.
FORMS = {
    "range": (rf"(?P<num1>{NUMBER})(?P<mult1>{MULT})(?P<unit1>{UNIT})?{SPACE}"
              rf"(?P<join>{_alt(RANGE_JOINERS)}){SPACE}(?P<num2>{NUMBER})(?P<post2>{QNUM})?"
              rf"(?P<mult2>{MULT}){SPACE}(?P<unit2>{UNIT})"),
    "percent_words": rf"(?P<per>百分之|千分之)(?P<num>{NUMBER}(?:点(?:\d+|[{CN_DIGITS}]+))?)",
    "fraction": rf"(?P<den>{NUMBER})分之(?P<num>{NUMBER})",
    # 2/3以上: a proper fraction with a small denominator (9/11 and 24/7 are names, not shares)
    "slash": rf"(?P<num>\d)/(?P<den>\d{{1,2}})(?![\d/.])(?P<suffix>{QUNIT})?",
    "sign": rf"(?P<sign>[{''.join(map(re.escape, CURRENCY_SIGNS))}]){SPACE}(?P<num>{ARABIC})"
            rf"(?P<mult>[{CN_MULTIPLIERS}]{{0,4}})",
    # before "amount", which would read only its first part
    "duration": rf"(?P<num1>{NUMBER})(?P<unit1>{_alt(DURATION_LARGER)}){SPACE}(?:{_alt(DURATION_JOINERS)})?"
                rf"(?P<num2>{NUMBER})(?P<unit2>{_alt(DURATION_SMALLER)})(?P<suffix>{QUNIT})?",
    "amount": rf"(?P<num>{NUMBER}){SPACE}(?P<post>{QNUM})?(?P<mult>{MULT})(?P<post2>{QNUM})?"
              rf"{SPACE}(?P<unit>{UNIT})(?P<suffix>{QUNIT})?",
    "bare": rf"(?P<num>{ARABIC}){SPACE}(?P<post>{QNUM})?(?P<mult>[万亿]{{1,2}})(?P<post2>{QNUM})?",
}
FORM_RES = {name: re.compile(f"(?P<pre>{QPRE})?(?:{src})") for name, src in FORMS.items()}


def _unnamed(src: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", src)


# Every figure starts with one of these: a qualifier's first character, a digit, a Chinese numeral
# (or 数/几/上 of a vague one, 百/千 of 百分之), a currency sign. Python's re tries SCAN at every
# position of a sentence; this lookahead turns most positions away at once (five times faster),
# and changes no match. tests/extract/test_figures.py checks it against SCAN without it.
SCAN_FIRST = "".join(sorted({word[0] for word in QUALIFIERS_BEFORE} | set(CN_DIGITS + CN_MULTIPLIERS)
                            | set(VAGUE_PREFIXES) | set(CURRENCY_SIGNS)))
SCAN_SOURCE = START + f"(?:{QPRE})?(?:" + "|".join(f"(?P<{n}>{_unnamed(s)})" for n, s in FORMS.items()) + ")"
SCAN_START = re.compile(f"[\\d{re.escape(SCAN_FIRST)}]")
SCAN = re.compile(f"(?={SCAN_START.pattern})" + SCAN_SOURCE)

# Spans blanked before scanning, each a kind of numeral that is not an amount. Each of the first
# DIGIT_MASKS needs a digit to match: `_masked` skips them for a sentence without one (most are).
MASKS = (
    re.compile(r"(?<!\d)\d{4}\s*[-—–~至到]\s*\d{4}\s*年"),  # year ranges: 2023至2024年
    re.compile(r"(?:%[0-9A-Fa-f]{2}){2,}|https?://[!-~]+"),  # addresses and their %E5%8C escapes
    re.compile(r"(?<!\d)\d{2,4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?"),  # 2025年3月, 25年3月5日
    re.compile(r"(?<!\d)(?:1\d|20|21)\d{2}\s*年[初底末度代间]?"),  # years: 2024年, 1991年 (not 5000年)
    re.compile(r"(?<!\d)\d{2,3}\s*年代"),  # decades: 90年代
    re.compile(r"(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"),  # 2025-02-25
    re.compile(r"(?<!\d)\d{1,2}\s*月\s*(?:\d{1,2}\s*[日号]|初|中旬|上旬|下旬|底|末|份)?"),  # 7月3日, 11月初
    re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)"),  # times of day
    re.compile(r"[A-Za-z]+[-‐]?\d[\dA-Za-z.\-]*|(?<![\d.])\d+[A-Za-z][\dA-Za-z\-]*"),  # G20, F-35, 5G
    re.compile(f"(?<![\\d{CN_MULTIPLIERS}%])[-‐–]\\d[\\dA-Za-z]*"),  # 苏-30SM, 空警-500
    re.compile(r"(?<!\d)(?:\+?\d{1,3}[-\s])?\d{3,4}[-\s]\d{3,4}[-\s]?\d{4}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)"),
    # Those without a digit:
    re.compile(f"[{CN_DIGITS}]{{4}}年"),  # 二〇二四年
    re.compile(f"第[\\d{CN_DIGITS}{CN_MULTIPLIERS}]+"),  # ordinals: 第102, 第二次
    re.compile(_alt(IDIOMS)),
    re.compile(f"[\\d{CN_DIGITS}{CN_MULTIPLIERS}]+国集团"),  # names of groups: 七国集团, 二十国集团
)
DIGIT_MASKS = 11  # MASKS[:DIGIT_MASKS] match only where there is a digit
DIGIT = re.compile(r"\d")
MASK_CHAR = "\x00"

YEAR = re.compile(r"(?<!\d)((?:1[5-9]|20|21)\d{2})\s*年")
CLAUSE_BREAK = re.compile(r"[，；;]|(?<!\d),|,(?!\d)")
HAN_RUN = re.compile(f"[{HAN_CLASS}]{{1,12}}")
# 占比 is a noun, not the verb 占; one character long, 占 comes last in the longest-first alternation
VERB_RE = re.compile(f"{_alt(w for w in MEASURE_VERBS if w != '占')}|占(?!比)")
QPRE_RE = re.compile(QPRE)
YEAR_PHRASE = re.compile(r"(?:在|于)?(?<!\d)\d{4}\s*年(?:\d{1,2}月)?[初底末]?")
VALID_CN = re.compile(f"[{CN_DIGITS}{CN_MULTIPLIERS}]+")
BAD_CN = re.compile(f"[一二两三四五六七八九〇][{CN_DIGITS}]|^[零〇]")

# --- Reading ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    code: str | None
    kind: str  # money | percent | count | people | quantity | time | multiple | tenths | bare
    factor: float = 1.0
    qualifier: str | None = None


def _unit(word: str) -> _Unit:
    if word in CURRENCY_UNITS:
        return _Unit(CURRENCY_UNITS[word], "money")
    if word in PERCENT_UNITS:
        code, factor = PERCENT_UNITS[word]
        return _Unit(code, "percent", factor)
    if word in MEASURE_WORDS:
        return _Unit(MEASURE_WORDS[word], "count")
    if word in PEOPLE_UNITS:
        return _Unit(PEOPLE_UNITS[word], "people")
    if word in QUANTITY_UNITS:
        return _Unit(QUANTITY_UNITS[word], "quantity")
    if word in TIME_UNITS:
        return _Unit(TIME_UNITS[word], "time", qualifier="over" if "多" in word else None)
    if word in MULTIPLE_UNITS:
        return _Unit(MULTIPLE_UNITS[word], "multiple")
    return _Unit("percent", "tenths", 10.0)


def _multiplier(run: str) -> float:
    value = 1.0
    for char in run:
        value *= MULTIPLIER_VALUE[char]
    return value


@dataclass(frozen=True)
class _Number:
    value: float | None
    chinese: bool
    one: bool  # written 一: a word more often than an amount


@lru_cache(maxsize=4096)  # the same few spellings (两, 三, 1.5) recur in every article; cn2an is slow
def _number(text: str) -> _Number | None:
    """The value of a number as written; None when it is not a well-formed number."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit():
        try:
            return _Number(float(text.replace(",", "")), False, False)
        except ValueError:
            return None
    if text[0] == LOWER_BOUND_VAGUE and len(text) == 2:
        return _Number(MULTIPLIER_VALUE[text[1]], True, False)  # 上百, 上千, 上万: a bound
    if text[0] in VAGUE_PREFIXES:
        return _Number(None, True, False)
    if "点" in text:
        head = text.split("点", 1)[0]
        if head and (head.isdigit() or not BAD_CN.search(head)):
            try:
                return _Number(float(cn2an.cn2an(text, "normal")), True, False)
            except (ValueError, KeyError, IndexError):
                return None
        return None
    if not VALID_CN.fullmatch(text) or BAD_CN.search(text) or text[0] in "百千万亿":
        return None  # 一二 (a list), 二〇二四 (a year), 千万 (an adverb), 百年 (an idiom)
    try:
        value = float(cn2an.cn2an(text, "normal"))
    except (ValueError, KeyError, IndexError):
        return None
    return _Number(value, True, text == "一")


def _bare_multiple(number: str, post: str | None) -> _Number | None:
    """百余, 千余, 万余: a multiplier standing for its own value, only before 余/多."""
    if post and number and number in CN_MULTIPLIERS and number != "十":
        return _Number(MULTIPLIER_VALUE[number], True, False)
    return None


def _fold(sentence: str) -> str:
    folded = to_simplified(sentence).translate(TRADITIONAL_FOLD)
    return folded if len(folded) == len(sentence) else sentence.translate(TRADITIONAL_FOLD)


def _fold_all(sentences: Sequence[str]) -> list[str]:
    """`_fold` of each sentence, with one OpenCC call for all of them: joined by newlines, which no
    sentence holds and no conversion spans, then cut apart again. Where a sentence's conversion
    changed its length (the guard in `to_simplified`), each sentence is folded alone."""
    if any("\n" in sentence for sentence in sentences):
        return [_fold(sentence) for sentence in sentences]
    parts = to_simplified("\n".join(sentences)).split("\n")
    if len(parts) != len(sentences) or any(len(a) != len(b) for a, b in zip(parts, sentences)):
        return [_fold(sentence) for sentence in sentences]
    return [part.translate(TRADITIONAL_FOLD) for part in parts]


def _masked(text: str) -> str:
    spans = [found.span() for pattern in (MASKS if DIGIT.search(text) else MASKS[DIGIT_MASKS:])
             for found in pattern.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = MASK_CHAR * (end - start)
    return "".join(chars)


def _pos():
    return pos_tokenizer()  # our own instance, loaded on first use: a second or so


@lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    """jieba's words of a short text with their part-of-speech flags."""
    return tuple((pair.word, pair.flag) for pair in _pos().lcut(text))


def _is_phrase_word(words: Sequence[tuple[str, str]], i: int) -> bool:
    """Whether word `i` can be part of what is measured: a noun, or a two-character word jieba tags
    as a verb standing between a noun and a noun or 的 (国际|组织|的, 该|组织|成员国 are nouns)."""
    word, flag = words[i]
    if flag.startswith(PHRASE_FLAGS):
        return True
    if flag not in AMBIGUOUS_FLAGS or len(word) != AMBIGUOUS_VERB_LENGTH:
        return False
    following = words[i + 1] if i + 1 < len(words) else ("", "")
    noun_after = following[1].startswith("n") and following[1] != "vn"
    noun_before = i > 0 and words[i - 1][1].startswith(PHRASE_FLAGS)
    if flag == "a":
        return noun_before and noun_after  # 能源|合同|总额
    pronoun_before = i == 0 or words[i - 1][1] == "r"  # 该|组织|成员国
    return (following[0] == "的" and (noun_before or i == 0)) or (pronoun_before and noun_after)


@lru_cache(maxsize=4096)
def _noun_chain(han: str) -> tuple[tuple[str, ...], str, bool]:
    """Nouns jieba reads at the start of a run of Han characters: (words, joined, whether what
    follows them ends the phrase)."""
    tagged = _tagged(han)
    words: list[str] = []
    ended = True
    for i, (word, flag) in enumerate(tagged):
        if len(words) == 3 or not (flag.startswith(NOUN_FLAGS) or (words and _is_phrase_word(tagged, i))):
            ended = flag.startswith(NOUN_END_FLAGS)
            break
        words.append(word)
    return tuple(words), "".join(words), ended


def _noun_after(folded: str, end: int) -> tuple[str, str | None, bool]:
    """The noun after a figure: (noun, its unit when known, whether it is short enough for the
    text). ("", None, False) when none. A listed noun counts only as a whole word of jieba's
    (59%的人口 is 人口, not 人)."""
    spaced = folded[end:end + 1] == " "  # 25% 关税: the noun is read, but never joins the text
    run = HAN_RUN.match(folded, end + spaced)
    if not run:
        return "", None, False
    han = run.group()
    words, joined, ended = _noun_chain(han)
    for size in range(min(len(han), 4), 0, -1):
        if han[:size] in NOUN_UNITS and (not words or len(words[0]) <= size):
            return han[:size], NOUN_UNITS[han[:size]], not spaced
    if len(joined) < MEASURE_MIN or len(joined) > 8:
        return "", None, False
    unit = next((NOUN_UNITS[joined[i:]] for i in range(len(joined)) if joined[i:] in NOUN_UNITS), None)
    return joined, unit, ended and len(words) == 1 and len(joined) <= NOUN_SHORT and not spaced


def _outcome_after(folded: str, end: int) -> str | None:
    """The verb right after counted people (16人遇难, 38万户停电): what happened to them."""
    run = HAN_RUN.match(folded, end)
    if not run:
        return None
    word, flag = _tagged(run.group())[0]
    if word in CHANGE_VERBS or folded.startswith(("到", "至", "为"), end + len(word)):
        return None  # 5个增加到9个: a change, read by `_change`
    return word if flag.startswith(OUTCOME_FLAGS) and len(word) >= MEASURE_MIN else None


@lru_cache(maxsize=4096)
def _noun_tail(candidate: str, longest: int = MEASURE_MAX, activity: bool = False) -> str | None:
    """The noun phrase that ends a subject, read back from its last word: words that cannot end it
    (time words, adverbs, particles, pronouns, verbs) are dropped from the end, then
    words are taken back to a boundary: a preposition, pronoun, adverb, time word, particle,
    conjunction or locative, a one-character verb or adjective, or a verb once two words are taken
    (清洁|能源|占比 and 外资|持股|比例 are one phrase,
    抓获|走私|嫌疑人 is a verb and its object). 马伊加今年 → 马伊加, 粮食自给率降 → 粮食自给率,
    在中国抓获犯罪嫌疑人 → 犯罪嫌疑人, 该组织成员国数量 → 成员国数量. It stops before it grows past
    `longest` characters (中东欧国家双向投资规模 → 国家双向投资规模). For a span of time the verb
    that ends the subject is the activity it measures, and stays (在英国求学6年 → 英国求学). None when
    nothing is left."""
    words = _measure_words(candidate)
    verbs_dropped = 0
    while words and (words[-1][1].startswith(TAIL_DROP_FLAGS) or (words[-1][1] == "v" and not activity)
                     or (words[-1][1].startswith(("a", "v")) and len(words[-1][0]) == 1)):
        verbs_dropped += words[-1][1].startswith("v")
        if verbs_dropped > 1:
            return None  # 垄断精炼与分离: verbs and their objects, not a thing measured
        words.pop()
    first = len(words)
    while first > 0:
        word, flag = words[first - 1]
        taken = len(words) - first
        if flag.startswith(BOUNDARY_FLAGS) and not (flag == "m" and taken and len(words[first][0]) == 1):
            break  # 两|国 keeps its numeral; 在|中国, 该|组织 stop
        if flag.startswith(("v", "a")) and flag not in ("vn", "an") and len(word) == 1:
            break
        if flag.startswith("v") and flag != "vn" and taken >= 2:
            break
        if taken and sum(len(w) for w, _ in words[first - 1:]) > longest:
            break
        first -= 1
    tail = "".join(word for word, _ in words[first:])
    return tail if len(tail) >= MEASURE_MIN else None


def _measure_words(candidate: str) -> list[tuple[str, str]]:
    """jieba's words of a subject, with the measure nouns it splits (占|比, 增|速) put together."""
    words = list(_tagged(candidate))
    i = 0
    while i + 1 < len(words):
        if words[i][0] + words[i + 1][0] in MEASURE_NOUNS:
            words[i:i + 2] = [(words[i][0] + words[i + 1][0], "n")]
        else:
            i += 1
    return [(word, "n" if word in MEASURE_NOUNS else "t" if word in TIME_NOUNS else flag) for word, flag in words]


def _trim(candidate: str) -> str:
    candidate = candidate.strip(" \u3000\x00、：:“”\"'（）()《》")
    changed = True
    while changed and candidate:
        changed = False
        for tail in MEASURE_TRIM_TAIL:
            if candidate.endswith(tail) and len(candidate) > len(tail):
                candidate, changed = candidate[: -len(tail)], True
        for head in MEASURE_TRIM_HEAD:
            if candidate.startswith(head) and len(candidate) > len(head):
                candidate, changed = candidate[len(head):], True
        found = VERB_RE.search(candidate[-3:]) if candidate else None
        if found and candidate.endswith(found.group()) and len(candidate) > len(found.group()):
            candidate, changed = candidate[: -len(found.group())], True
    return candidate.strip(" \u3000\x00、：:“”\"'（）()《》")


def _subject(prefix: str, need_verb: bool, activity: bool = False) -> str | None:
    """What is measured, read before the figure: the text before the last verb, after the last
    year (2024年中俄贸易额攀升至 → 中俄贸易额)."""
    verbs = list(VERB_RE.finditer(prefix))
    if verbs:
        prefix = prefix[: verbs[-1].start()]
    elif need_verb:
        return None
    breaks = list(MEASURE_BREAKS.finditer(prefix))
    if breaks:
        prefix = prefix[breaks[-1].end():]
    years = list(YEAR_PHRASE.finditer(prefix))
    if years:
        after = _trim(prefix[years[-1].end():])
        prefix = after if len(after) >= MEASURE_MIN else prefix[: years[-1].start()]
    candidate = _trim(prefix)
    head = candidate.rsplit("的", 1)[-1]
    if len(head) >= MEASURE_MIN:
        candidate = head  # 两国签署的能源合同总额 → 能源合同总额
    if candidate in MEASURE_TRIM_TAIL or candidate in MEASURE_TRIM_HEAD:
        return None
    longest = MEASURE_MAX if verbs else MEASURE_MAX_WITHOUT_VERB
    if candidate and not candidate.isascii():
        candidate = _noun_tail(candidate, longest, activity) or ""
    if MEASURE_MIN <= len(candidate) <= longest and re.search(f"[{HAN_CLASS}A-Za-z]", candidate):
        return candidate
    return None


@dataclass(frozen=True)
class _Sentence:
    """A sentence, its folded form, and where its clauses and years are (found once)."""

    text: str
    folded: str
    breaks: tuple[tuple[int, int], ...]  # clause separators: (start, end)
    years: tuple[tuple[int, int], ...]  # (position, year)

    @classmethod
    def of(cls, text: str, folded: str | None = None) -> _Sentence:
        """`folded` is `_fold(text)`, when already made."""
        folded = _fold(text) if folded is None else folded
        breaks = tuple((m.start(), m.end()) for m in CLAUSE_BREAK.finditer(folded))
        years = tuple((m.start(), int(m.group(1))) for m in YEAR.finditer(folded))
        return cls(text, folded, breaks, years)

    def clause(self, at: int) -> tuple[int, int]:
        """The clause (split at ，,；;) that holds position `at`."""
        i = bisect.bisect_right(self.breaks, (at, len(self.folded) + 1))
        left = self.breaks[i - 1][1] if i > 0 and self.breaks[i - 1][1] <= at else 0
        right = self.breaks[i][0] if i < len(self.breaks) else len(self.folded)
        return left, right

    def year(self, at: int) -> int | None:
        """The four-digit year in the clause of `at`: the nearest before it, else the first after."""
        left, right = self.clause(at)
        inside = [(pos, year) for pos, year in self.years if left <= pos < right]
        before = [year for pos, year in inside if pos < at]
        if before:
            return before[-1]
        return inside[0][1] if inside else None


@dataclass(frozen=True)
class _Read:
    """One figure read from a span, before the clause fills in measure, year and actors."""

    start: int
    end: int
    value: float | None
    unit: _Unit
    qualifier: str | None
    value_high: float | None = None
    small_generic: bool = False  # 两个, 三位: needs a known noun after it
    parts: tuple[tuple[int, int], ...] = ()  # spans read as figures of their own before (aliases)


def _qualifier(*words: str | None) -> str | None:
    for word in words:
        if word:
            for table in (QUALIFIERS_BEFORE, QUALIFIERS_AFTER_NUMBER, QUALIFIERS_AFTER_UNIT):
                if word in table:
                    return table[word]
    return None


def _times(value: float | None, factor: float) -> float | None:
    return None if value is None else round(value * factor, 6)


def _read_amount(found: re.Match[str], offset: int) -> _Read | None:
    g = found.groupdict()
    number = _number(g["num"]) or _bare_multiple(g["num"], g.get("post"))
    if number is None:
        return None
    unit = _unit(g["unit"]) if g.get("unit") else _Unit(None, "bare")
    if number.one and unit.kind not in ("percent", "multiple") and unit.code != "anniversary":
        return None  # 一个, 一次, 一年, 一方 …
    if unit.kind == "tenths" and (not number.chinese or number.value is None or number.value > 10):
        return None
    mult = _multiplier(g.get("mult") or "")
    value = _times(number.value, mult * unit.factor)
    qualifier = _qualifier(g.get("pre"), g.get("post"), g.get("post2"), g.get("suffix")) or unit.qualifier
    if number.value is None:
        qualifier = qualifier or "approx"
    if g["num"] == "二" and unit.kind not in ("multiple", "tenths", "percent"):
        return None  # amounts say 两; 二 before a unit is an ordinal or a term (二套房, 二元困境)
    if g["num"].startswith(LOWER_BOUND_VAGUE) and number.value is not None:
        qualifier = "over"  # 上百人: a hundred and more
    small = number.chinese and number.value is not None and number.value < SMALL_CHINESE
    bounded = _qualifier(g.get("pre")) in ("over", "under")  # 最多两个月, 超过三年: a stated bound
    if small and unit.kind == "time" and unit.code != "anniversary" and not bounded:
        return None
    small_generic = small and (g.get("unit") or "") in GENERIC_MEASURE_WORDS
    return _Read(offset + found.start(), offset + found.end(), value, unit, qualifier, None, small_generic)


def _read(kind: str, folded: str, start: int, end: int) -> list[_Read]:
    span = folded[start:end]
    found = FORM_RES[kind].fullmatch(span)
    if not found:
        return []
    g = found.groupdict()
    if kind in ("amount", "bare"):
        read = _read_amount(found, start)
        return [read] if read else []
    if kind == "percent_words":
        number = _number(g["num"])
        factor = 1.0 if g["per"] == "百分之" else 0.1
        if number is None or number.value is None:
            return []
        return [_Read(start, end, _times(number.value, factor), _Unit("percent", "percent"),
                      _qualifier(g.get("pre")))]
    if kind == "fraction":
        den, num = _number(g["den"]), _number(g["num"])
        if not den or not num or not den.value or num.value is None:
            return []
        return [_Read(start, end, round(100 * num.value / den.value, 2), _Unit("percent", "percent"),
                      _qualifier(g.get("pre")))]
    if kind == "slash":
        numerator, denominator = int(g["num"]), int(g["den"])
        if not 0 < numerator < denominator <= SLASH_DENOMINATOR_MAX:
            return []
        return [_Read(start, end, round(100 * numerator / denominator, 2), _Unit("percent", "percent"),
                      _qualifier(g.get("pre"), g.get("suffix")))]
    if kind == "sign":
        number = _number(g["num"])
        if number is None:
            return []
        return [_Read(start, end, _times(number.value, _multiplier(g["mult"])),
                      _Unit(CURRENCY_SIGNS[g["sign"]], "money"), _qualifier(g.get("pre")))]
    if kind == "duration":
        return _read_duration(found, folded, start)
    return _read_range(found, folded, start)


def _read_duration(found: re.Match[str], folded: str, start: int) -> list[_Read]:
    """A compound span of time (see `DURATION_LARGER`) as one figure in its smaller unit; a pair of
    units that does not make one span is read as its two parts, each as an amount."""
    g = found.groupdict()
    larger, smaller = DURATION_LARGER[g["unit1"]], DURATION_SMALLER[g["unit2"]]
    first, second = _number(g["num1"]), _number(g["num2"])
    step = units.ratio(larger, smaller)
    # (start, end) of the larger part and of the smaller one (after any 零/又) in `folded`
    halves = ((start, start + found.end("unit1")), (start + found.start("num2"), start + found.end()))
    if step is None or not first or not second or first.value is None or second.value is None \
            or not 0 < second.value < step:
        amounts = (FORM_RES["amount"].fullmatch(folded, s, e) for s, e in halves)
        reads = [_read_amount(m, 0) for m in amounts if m]
        return [r for r in reads if r]
    value = round(first.value * step + second.value, 6)
    qualifier = _qualifier(g.get("pre"), g.get("suffix"))
    return [_Read(start, start + found.end(), value, _Unit(smaller, "time"), qualifier, parts=halves)]


def _read_range(found: re.Match[str], folded: str, start: int) -> list[_Read]:
    g = found.groupdict()
    unit1, unit2 = g.get("unit1"), g["unit2"]
    if unit1 and unit1 != unit2:
        return []
    low, high = _number(g["num1"]), _number(g["num2"])
    if low is None or high is None or low.one:
        return []
    if g["join"] in "-–~〜" and (low.chinese or high.chinese):
        return []  # 三-五 is not how Chinese numerals make a range
    before = folded[max(0, start - 3):start]
    if unit1 and any(before.endswith(word) for word in CHANGE_BEFORE):
        # 从15%到20%: two figures, not a range
        first = FORM_RES["amount"].fullmatch(folded, start, start + found.end("unit1"))
        second = FORM_RES["amount"].fullmatch(folded, start + found.start("num2"), start + found.end())
        reads = [_read_amount(m, 0) for m in (first, second) if m]
        return [r for r in reads if r]
    unit = _unit(unit2)
    mult2 = _multiplier(g["mult2"] or "")
    mult1 = _multiplier(g["mult1"]) if g["mult1"] else (1.0 if unit1 else mult2)
    if unit.kind == "tenths":
        return []
    return [_Read(start, start + found.end(), _times(low.value, mult1 * unit.factor), unit, "range",
                  _times(high.value, mult2 * unit.factor))]


def _reads(folded: str) -> list[_Read]:
    if not SCAN_START.search(folded):
        return []  # no figure can start anywhere (masking only removes characters)
    masked = _masked(folded)
    reads: list[_Read] = []
    for found in SCAN.finditer(masked):
        before = masked[found.start() - 1] if found.start() > 0 else "。"
        if before in DEMONSTRATIVES and not (before == EVERY and masked[found.start()].isdigit()):
            continue
        kind = found.lastgroup or ""
        for read in _read(kind, folded, found.start(), found.end()):
            if read.unit.code == "years" and folded[read.end:read.end + 1] in YEAR_NOT_SPAN:
                continue
            reads.append(read)
    return reads


def _anchor(text: str) -> str:
    return "fig-" + hashlib.sha1(text.encode()).hexdigest()[:8]


# Actor ids named in a clause of a sentence: (index of the sentence, clause start, clause end).
ActorsIn = Callable[[int, int, int], tuple[str, ...]]


def _no_actors(index: int, start: int, end: int) -> tuple[str, ...]:
    return ()


def _measure(read: _Read, sent: _Sentence, prefix: str, end: int, noun: str, previous: Figure | None) -> str | None:
    """What a figure measures when no counted noun follows it, first rule that answers:
    an ago-span measures nothing; counted people measure what happened to them (16人遇难); a
    percentage or multiple after a verb of change measures the change of its subject, or of the
    figure before it in the sentence (贸易额407.1亿美元，同比增长46.2% → 贸易额增长); then the
    subject before a verb (贸易额攀升至), a noun after a non-count figure (90%的能源 → 能源 is read
    after 的), the subject without a verb."""
    folded = sent.folded
    if folded[read.start:read.end].endswith(TIME_AGO):
        return None
    if read.unit.kind in ("people", "count") and not noun:
        outcome = _outcome_after(folded, end)
        if outcome:
            return outcome
    change = next((verb for verb in CHANGE_VERBS if prefix.rstrip("了").endswith(verb)), None)
    if change and read.unit.kind in ("percent", "multiple"):
        subject = _subject(prefix.rstrip("了")[: -len(change)], need_verb=False)
        subject = subject or (previous.measure if previous and previous.measure else None)
        return f"{subject}{change}" if subject and not subject.endswith(change) else subject
    if read.unit.kind == "bare" and noun:
        return noun  # 为50万叙利亚人提供: a number without a unit counts the noun after it
    activity = read.unit.kind == "time"
    with_verb = _subject(prefix, need_verb=True, activity=activity)
    if with_verb:
        return with_verb
    adjacent = _subject(prefix, need_verb=False, activity=activity)
    if adjacent and adjacent.endswith(tuple(MEASURE_NOUNS)) and prefix.endswith(adjacent):
        return adjacent  # 设计时速350公里的高铁: the measurement named right before the figure
    after_de = _noun_after(folded, end + 1)[0] if folded[end:end + 1] == "的" else ""
    if folded[read.start:end].endswith(TIME_AFTER):
        noun = ""  # 留学4年后回到北京: what follows a span "after" is the next event
    return (noun if noun and read.unit.kind != "count" else None) or after_de or adjacent


def _core_anchor(read: _Read, sent: _Sentence) -> str:
    """The anchor of the number as written with its unit, without a qualifier before it or a noun
    joined after it: a row also answers to it, so reading a new qualifier word (最多1.5%) or a noun
    never breaks a published link."""
    qualifier = QPRE_RE.match(sent.folded, read.start)
    start = qualifier.end() if qualifier and qualifier.end() < read.end else read.start
    return _anchor(sent.text[start:read.end])


def _figure(read: _Read, sent: _Sentence, actors_in: ActorsIn, index: int, floor: int = 0,
            previous: Figure | None = None) -> Figure | None:
    """The figure of a read span in sentence `index`; `floor` is where the previous figure of the
    sentence ended: what is measured is not looked for before it."""
    sentence, folded = sent.text, sent.folded
    end, unit_code, measure = read.end, read.unit.code, None
    noun, noun_unit, short = _noun_after(folded, end)
    if read.small_generic and not (short and noun in NOUN_UNITS):
        return None
    if read.unit.kind == "count" and noun and not folded.endswith(COUNT_IS_THE_NOUN, read.start, end):
        measure = noun
        unit_code = noun_unit or unit_code
        if short and not folded[read.start:end].endswith(tuple(QUALIFIERS_AFTER_UNIT)):
            end += len(noun)
    rate = next((per for word, per in RATE_BEFORE.items() if folded.endswith(word, 0, read.start)), None)
    if rate and unit_code:
        unit_code += rate
    left, right = sent.clause(read.start)
    if measure is None:
        measure = _measure(read, sent, folded[max(left, floor):read.start], end, noun, previous)
    text = sentence[read.start:end]
    core = _core_anchor(read, sent)
    # a compound span answers to the anchors its parts had as figures of their own
    aliases = tuple(dict.fromkeys(a for a in (core, *(_anchor(sentence[s:e]) for s, e in read.parts))
                                  if a != _anchor(text)))
    qualifier = read.qualifier or next((q for verb, q in QUALIFYING_VERBS.items()
                                        if folded.endswith(verb, 0, read.start)), None)
    return Figure(
        anchor=_anchor(text),
        text=text,
        value=read.value,
        unit=unit_code,
        qualifier=qualifier,
        value_high=read.value_high,
        measure=measure,
        year=sent.year(read.start),
        actors=tuple(actors_in(index, left, right)),
        sentence=sentence,
        aliases=aliases,
    )


def _change(first: Figure, second: Figure, sent: _Sentence, starts: tuple[int, int]) -> Figure | None:
    """Two figures of one sentence that are the two ends of a change (成员国数量由5个增加到9个,
    从15%到20%): one row from the first value to the second, measuring what the first measured
    (read before 由/从); it answers to both old anchors. None when they are not."""
    if first.unit != second.unit or first.value is None or second.value is None:
        return None
    folded = sent.folded
    first_end = starts[0] + len(first.text)
    gap = folded[first_end:starts[1]]
    link = CHANGE_LINK.fullmatch(gap) if len(gap) <= CHANGE_GAP_MAX else None
    if not link:
        return None
    opened = folded[:starts[0]].endswith(CHANGE_FROM)
    if not opened and not any(verb in gap for verb in CHANGE_VERBS):
        return None
    text = sent.text[starts[0]:starts[1] + len(second.text)]
    measure = first.measure if opened or first.measure != second.measure else second.measure
    if measure and measure.endswith(CHANGE_VERBS):
        measure = None
    aliases = tuple(dict.fromkeys((first.anchor, *first.aliases, second.anchor, *second.aliases)))
    return Figure(
        anchor=_anchor(text), text=text, value=second.value, unit=second.unit,
        qualifier=second.qualifier, value_high=None, measure=measure, year=first.year or second.year,
        actors=tuple(dict.fromkeys(first.actors + second.actors)), sentence=sent.text,
        value_from=first.value, aliases=aliases,
    )


def _sentence_figures(sent: _Sentence, reads: list[_Read], actors_in: ActorsIn, index: int) -> list[Figure]:
    """The figures of one sentence, in order, the ends of a change joined into one."""
    found: list[tuple[int, Figure]] = []
    floor = 0
    for read in reads:
        previous = found[-1][1] if found else None
        figure = _figure(read, sent, actors_in, index, floor, previous)
        if figure is None:
            continue
        if previous is not None:
            joined = _change(previous, figure, sent, (found[-1][0], read.start))
            if joined is not None:
                found[-1] = (found[-1][0], joined)
                floor = read.start + len(figure.text)
                continue
        found.append((read.start, figure))
        floor = read.start + len(figure.text)
    return [figure for _, figure in found]


def find_figures(sentences: Sequence[str], actors_in: ActorsIn = _no_actors) -> tuple[Figure, ...]:
    """Every numeric fact in the sentences (the article body split into sentences, in order);
    `actors_in(i, start, end)` names the actors of `sentences[i][start:end]`, a figure's clause.
    A row's aliases never name another row's anchor, nor an alias an earlier row already holds."""
    figures: dict[str, Figure] = {}
    for index, (sentence, folded) in enumerate(zip(sentences, _fold_all(sentences))):
        reads = _reads(folded)
        if not reads:
            continue  # most sentences: no need to find their clauses and years
        for figure in _sentence_figures(_Sentence.of(sentence, folded), reads, actors_in, index):
            figures.setdefault(figure.text, figure)
    taken = {figure.anchor for figure in figures.values()}
    rows = []
    for figure in figures.values():
        aliases = tuple(alias for alias in figure.aliases if alias not in taken)
        taken.update(aliases)
        rows.append(figure if aliases == figure.aliases else replace(figure, aliases=aliases))
    return tuple(rows)
