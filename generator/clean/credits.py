"""Who wrote an article and for whom, read from the ways Chinese news credits it: labelled bylines
(作者：, 文/), reporter credits (记者 张三 李四), wire datelines (新华社明斯克1月27日电（记者 赵文博）,
（中央社記者林書豪台北9日電）) and bracket tags (【星島日報報道】記者 何嘉欣).

Input is a block's Simplified form (`Candidate.folded` / `to_simplified`); names are returned cut
from the original text, as the page spells them, so Traditional bylines stay Traditional.
Editors, proofreaders and translators are never returned as authors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..han import HAN_CLASS
from ..textnorm import to_simplified
from .patterns import (
    BRACKET_TAG,
    BYLINE,
    CREDIT_TAIL,
    DATELINE,
    NOT_AUTHOR_LABEL,
    OUTLET_BEFORE_REPORTER,
    REPORTER,
    REPORTER_TITLE,
    ROLE_TAIL,
)

NAME_MAX = 40
_HAN = HAN_CLASS
# What may stand before a credit that opens a block: white space and an opening bracket.
OPENING = re.compile(r"\s*[【\[(（〔]?\s*")
# An outlet named inside a byline (文/观察者网 王世纯) ends like an outlet's name.
OUTLET_LIKE = re.compile(r"(?:网|报|社|台|站|新闻|日报|时报|晚报|周刊|杂志|频道|号|传媒|财经|之声|之音|客户端)$")
# Separators pages set between a credit's label and its names besides ：and /: 作者︱春春, 作者丨林墨.
# Folded to ｜ before matching; one character for one, so offsets into the original still hold.
LABEL_SEPARATORS = str.maketrans({"︱": "｜", "丨": "｜", "┃": "｜"})
_NAMES = rf"[{_HAN}·]{{2,5}}(?:\s*[、，,]\s*[{_HAN}·]{{2,5}}|\s+[{_HAN}·]{{2,4}}(?=\s|$|[)）】\]/／]))*"
# Rule `editor-credit`: who edited, proofread or checked the text (责任编辑：宋雨, 核稿：陳彥鈞, [责任编辑:肖春芳]).
# Those names are never authors, wherever else the page puts them (a CMS often fills its author
# field with the editor on duty).
EDITOR_CREDIT = re.compile(rf"(?:责任编辑|责编|值班编辑|网编|编辑|校对|审核|审校|核稿|监制|终审|初审|复审|美编|排版)"
                           rf"\s*[:：|｜/／]\s*(?P<names>{_NAMES})")
# Rule `translator-credit`: who translated the text (翻译：王小明, （编译/林靖东）, （譯者：洪啓原/核稿：…）). The
# devset's convention, which its gold follows: a translator named in a byline wrote the Chinese text
# and is credited as an author; an outlet named as translator (翻译：纽约时报中文网) is the outlet.
TRANSLATOR_CREDIT = re.compile(rf"(?:^|(?<=[\s(（【\[〔/／|｜]))(?:翻译|译者|编译|译)\s*[:：|｜/／]\s*"
                               rf"(?P<names>{_NAMES})")
# The roles a closing credit lists its people under: 记者, 特约记者, 实习生, 通讯员.
CLOSING_ROLE = r"(?:(?:特约|特派|首席|实习)?记者|实习生|通讯员)"
# Rule `closing-credit`: reporters' names in brackets closing the last paragraph (…收购这种平台。”(唐风)),
# or standing alone as the last one ((记者 王小明), (东岸晨报记者 王小明), 【记者 王小明】),
# optionally after a label ((记者 张三), (文/李四)) and before where they filed from ((王小明／台南报导),
# (记者 王小明 北京报道)). Only after a sentence's end, so an abbreviation in brackets (世界卫生组织（世卫）)
# is not one; without a label or a place the first name must start with a common surname. A desk in
# the names' place (（国际中心／综合报导）) is a credit too, which the authors chain refuses as no person.
CLOSING_CREDIT = re.compile(rf"(?:(?<=[。！？!?”」』])|^)\s*[（(【\[]\s*"
                            rf"(?P<label>(?:(?:本报|本台|本网|本刊|[{_HAN}A-Za-z]{{2,10}}?)?{CLOSING_ROLE}"
                            r"|作者|文|撰文|采写)\s*[:：/／|｜]?\s*)?"
                            rf"(?P<names>[{_HAN}]{{2,4}}(?:[\s、，,]+(?:{CLOSING_ROLE}\s*)?[{_HAN}]{{2,4}}){{0,3}}?)"
                            rf"(?P<filed>\s*[/／\s]\s*[{_HAN}]{{1,8}}?(?:综合)?报[道导])?\s*[)）】\]]\s*$")
# Rule `closing-credit`, the labelled kind: a credit list in the bracket that closes the article
# (（记者：王小明 责编：李四）); the byline rule reads it, editors are refused there.
CLOSING_BRACKET = re.compile(r"[（(]\s*(?P<credits>(?:记者|作者|撰稿|文)\s*[:：/／|｜][^（()）]{2,60})[)）]\s*$")
# Credit labels that split_names may leave as a token of a credit list (王小明 责编：…).
EDITOR_LABEL = re.compile(r"责任编辑|责编|编辑|网编|校对|审核|审校|核稿|监制|美编")
# The next field of a credit line after the names: a short label and its separator (图/, 编辑|, 摄影：).
NEXT_FIELD = re.compile(rf"\s+[{_HAN}]{{1,4}}\s*[/／|｜:：]")
# The credit words that say where a reporter filed from (北京报道, 台中報導 folded to 报导).
FILED_FROM = re.compile(r"(?:综合|联合)?报[道导]")
# How the name of an administrative unit ends: 冠县, 南市, 山东省, 新界区, 某某镇.
ADMIN_UNIT = re.compile(r"(?:省|市|县|区|州|镇|乡|村|岛|郡|盟|旗)$")
# A note in brackets after a name in a byline: （东岸晨报特约撰稿人）, (东岸晨报).
BRACKET_NOTE = re.compile(r"\s*[（(][^（()）]{1,30}[）)]")
# A sentence's punctuation right before a credit label, set as a space so the label opens a credit
# (…（ID：dongan），作者：王小明); one character for one.
BEFORE_LABEL = re.compile(r"[，,；;。](?=\s*(?:作者|撰文|记者)\s*[:：/／|｜])")
# A field label glued to the name before it when the page set two fields without a space (秦立峰发布 / …).
LABEL_TAIL = re.compile(r"(?:发布|发表|来源|时间|日期|更新|出版|编辑|责编)$")
# Rule `own-credit`: a text declaring whose it is (本文系观察者网独家稿件, 本文为端传媒原创).
OWN_CREDIT = re.compile(rf"本文(?:系|为|是)\s*[「『《“]?(?P<agency>[{_HAN}A-Za-z0-9]{{2,16}}?)[」』》”]?\s*"
                        r"(?:独家|原创|特约|专稿|稿件|约稿|首发)")
# Rule `original-mark`: the mark a post closes with, naming whose original it is, with the account's
# ID or none (｜东岸晨报 dongan 原创文章｜, 【海风周刊原创】): a line of its own after the text. Only a
# mark set in bars or brackets, carrying an ID, or naming a newsroom counts (张三 原创 is a person's).
ORIGINAL_MARK = re.compile(rf"^[｜|【\[]?\s*(?P<agency>[{_HAN}A-Za-z0-9]{{2,16}}?)\s*"
                           r"(?P<id>[A-Za-z][A-Za-z0-9_\-]{2,29}\s+)?原创(?:文章|稿件|内容|作品)?\s*[｜|】\]]?$")
# Rule `licence-credit`: who licensed the text to the page (本文为东岸晨报授权海风网发布, 本文经海风周刊授权
# 转载, 经东岸晨报授权刊发): the licensor is where it comes from. `own` marks the form that says 本文,
# which counts anywhere; the bare 经X授权 form may be a story's own words (经国务院授权，…发布).
LICENCE_CREDIT = re.compile(rf"(?:(?P<own>本文|此文|该文)(?:为|系|是|由|经)|(?<![未不须需])经)\s*[「『《“]?"
                            rf"(?P<agency>[{_HAN}A-Za-z0-9·]{{2,16}}?)[」』》”]?\s*(?:独家|正式)?授权\s*"
                            r"[^，,。；;！!]{0,20}?(?:发布|转载|刊发|刊登|首发|使用|转发|刊载)")
# Rule `bio-credit`: an author's note under the text naming the writer, then what they are
# (作者林墨，海风网专栏作者; 作者 seabird，为某某网特约撰稿人): the name is a person's or a handle.
BIO_CREDIT = re.compile(rf"^\s*作者\s*[:：]?\s*(?P<names>[A-Za-z][A-Za-z0-9_.-]{{1,29}}|[{_HAN}·]{{2,8}}?)\s*[，,]\s*"
                        r"(?:现为|现任|曾任|系|为|是)?\s*\S{0,20}?(?:作者|撰稿人|评论员|记者|编辑|学者|研究员|教授|博士|主笔|专栏|创始人)")
# Rule `wire-credit`: a wire named as the text's source in brackets, with the writer before it
# (the name stands after a sentence's end, not inside a sentence): 陈立希（新华社专稿）, （据新华社电）;
# or run in: 据新华社电　叙利亚….
WIRE_CREDIT = re.compile(rf"(?:(?<![{_HAN}A-Za-z0-9，,、])(?P<names>[{_HAN}]{{2,4}}))?[（(]\s*(?:据)?"
                         rf"(?P<agency>[{_HAN}A-Za-z]{{2,12}}?(?:社|网|报|台))\s*(?:专稿|专电|特稿|供稿|电|稿)\s*[)）]"
                         rf"|(?:^|(?<=[。！？!?”」』\s]))据(?P<runin>[{_HAN}A-Za-z]{{1,12}}?社)电\s")
# Rule `outlet-tag`: an outlet's tag opening the body without a date: 新京报讯　（记者邢世伟）, 新浪科技讯
# 北京时间…消息. The reporters in brackets after it are the authors.
OUTLET_TAG = re.compile(rf"^[【\[(（〔]?\s*(?P<agency>[{_HAN}A-Za-z0-9]{{1,12}}?"
                        rf"(?:社|网|报|台|站|新闻|客户端|频道|日报|时报|晚报|财经|科技))(?:专讯|讯|消息)(?=[\s（(【)）】\]]|$)")
# Rule `byline`, an outlet's reporter with a label separator: 东岸晨报记者 | 秦立峰, 海风网记者：林墨.
LABELLED_REPORTER = re.compile(rf"(?:^|(?<=[\s(（【\[〔]))(?P<outlet>{OUTLET_BEFORE_REPORTER})?\s*"
                               rf"{REPORTER_TITLE}\s*[:：|｜/／]\s*"
                               rf"(?P<names>[{_HAN}·]{{2,12}}(?:[ \u3000、，,]+[{_HAN}·]{{2,12}}){{0,5}})")
# Rule `dash-dateline`: an English-style dateline, outlet and place before a dash: VOA 华盛顿 —,
# 美国之音华盛顿— ; the outlet must be listed (the caller checks), a dash alone proves nothing.
DASH_DATELINE = re.compile(rf"^\s*(?P<agency>[A-Za-z]{{2,8}}|[{_HAN}A-Za-z]{{2,10}}?)\s*(?P<place>[{_HAN}]{{2,8}})?"
                           r"\s*[—–]{1,2}\s*")
# Rule `dash-dateline`, a Latin abbreviation set apart by spaces before any dash, a plain hyphen too
# (VOA - 日本首相…, AFP 巴黎 — …): listed, or with a place (the caller checks); CEO - is no dateline.
LATIN_DASH_DATELINE = re.compile(rf"^\s*(?P<agency>[A-Z]{{2,6}})(?:\s+(?P<place>[{_HAN}]{{2,8}}))?"
                                 r"\s+[-－—–]{1,2}\s+(?=\S)")
# Rule `bracket-outlet`: an outlet's name alone in brackets opening the body: （德国之声中文网）; listed only.
BRACKET_OUTLET = re.compile(r"^\s*[（(【\[〔]\s*(?P<agency>[^（(）)【】\[\]〔〕\s]{2,16})\s*[）)】\]〕]")
# Rule `repost-credit`: where a re-post says the text comes from: 本文转载自信报, 原文来自「好奇心日报」,
# 本文来自端传媒, 原载《南方周末》, 转自：观察者网.
REPOST_CREDIT = re.compile(r"(?:本文|此文|文章|全文|原文)?"
                           r"(?:转载自|转自|转载于|来自|来源于|原载于?|原刊于?|首发于|刊于|选自)"
                           r"\s*[:：]?\s*(?:(?:微信公众号|微信订阅号|公众号|订阅号|服务号|微信号|微博|头条号|百家号|网易号|搜狐号)"
                           r"\s*[:：]?)?"
                           rf"\s*[「『《“\"【]?\s*(?P<agency>[{_HAN}A-Za-z0-9·]{{2,16}}?)\s*"
                           r"(?:[」』》”\"】]|(?=[，,。.；;：:！!\s(（\[]|$)|(?:微信)?公众号|网站|官网|客户端|app|APP)")
# What a 来源 label credits when another word stands before it: a picture's or a chart's source
# (图片来源：视觉中国), not the text's.
NOT_TEXT_SOURCE = re.compile(r"(?:图片|图|题图|封面|视频|数据|资料|图表|配图)$")
# The verbs of a re-post credit, to find the lines worth reading with REPOST_CREDIT.
REPOST_VERB = re.compile(r"转载|转自|来自|来源于|原载|原刊|首发|刊于|选自")
# A full date and time: the stamp a header meta line gives before the outlet (2017年08月24日06:48 新浪综合).
STAMP = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?")
# Common Chinese surnames, single and compound: a bracketed closing credit must start with one.
_SURNAMES = """
王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁
潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱
江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢 安
齐 易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌
毕 单 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 时
穆 农 司 卓 古 吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 全 佟 应 臧 闵
苟 邬 边 卞 姬 师 和 仇 栾 隋 商 刁 沙 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 明 佘 池 查 麻 苑 迟 邝 官 封 谈 匡 鞠
惠 荆 乐 冀 郁 胥 南 班 储 原 栗 燕 楚 鄢 劳 谌 奚 皮 粟 冼 蔺 楼 盘 满 闻 位 厉 伊 仝 区 郜 海 阚 花 权 强 帅
屠 豆 朴 盖 练 廉 禹 井 祖 漆 巴 丰 支 卿 国 狄 平 计 索 宣 晋 相 初 门 云 容 敬 来 扈 晁 芮 都 普 阙 浦 戈 伏
鹿 薄 邸 雍 辜 羊 阿 乌 母 裘 亓 修 邰 赫 杭 况 那 宿 鲜 印 逯 隆 茹 诸 战 慕 危 玉 银 亢 嵇 公 哈 湛 宾 戎 勾
茅 利 於 呼 居 揭 干 但 尉 冶 斯 元 束 檀 衣 信 展 阴 昝 智 幸 奉 植 衡 富 尧 闭 由
欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 端木 轩辕 钟离 申屠 澹台
"""
SURNAMES = frozenset(_SURNAMES.split())
CJK_NAME = re.compile(rf"^[{_HAN}]{{2,4}}$|^[{_HAN}]{{1,6}}·[{_HAN}·]{{1,12}}$")
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]*){0,3}$")
# Places that open datelines, for cutting a reporter's name off the place glued to it
# (记者林书豪台北9日电 is 林书豪 in 台北). Where none matches, a three-character name is assumed,
# the commonest length of Chinese names.
_PLACES = """
北京 上海 天津 重庆 广州 深圳 香港 澳门 台北 新北 桃园 台中 台南 高雄 基隆
新竹 嘉义 屏东 宜兰 花莲 台东 金门 马祖 澎湖 南京 杭州 武汉 成都 西安 沈阳
长春 哈尔滨 乌鲁木齐 拉萨 昆明 南宁 海口 福州 厦门 济南 青岛 郑州 长沙 合肥
南昌 太原 石家庄 呼和浩特 银川 西宁 兰州 贵阳 大连 苏州 珠海 东京 首尔 平壤
华盛顿 纽约 洛杉矶 旧金山 芝加哥 休斯敦 莫斯科 圣彼得堡 伦敦 巴黎 柏林
布鲁塞尔 日内瓦 维也纳 罗马 马德里 里斯本 华沙 布拉格 布达佩斯 基辅 明斯克
安卡拉 伊斯坦布尔 德黑兰 利雅得 迪拜 多哈 开罗 耶路撒冷 特拉维夫 贝鲁特
大马士革 巴格达 新德里 孟买 伊斯兰堡 喀布尔 曼谷 河内 胡志明市 金边 万象 仰光
吉隆坡 新加坡 雅加达 马尼拉 悉尼 墨尔本 堪培拉 惠灵顿 渥太华 多伦多 温哥华
墨西哥城 巴西利亚 圣保罗 布宜诺斯艾利斯 圣地亚哥 利马 波哥大 加拉加斯 哈瓦那
约翰内斯堡 比勒陀利亚 内罗毕 亚的斯亚贝巴 拉各斯 阿斯塔纳 塔什干 比什凯克 杜尚别
阿什哈巴德 第比利斯 埃里温 巴库 联合国 海牙 斯德哥尔摩 赫尔辛基 奥斯陆 哥本哈根
雅典 贝尔格莱德 布加勒斯特 索非亚 维尔纽斯 里加 塔林 釜山 大阪 乌兰巴托
符拉迪沃斯托克 喀山 索契 阿拉斯加 安克雷奇 檀香山
"""
DATELINE_PLACES = tuple(sorted(_PLACES.split(), key=len, reverse=True))  # longest first


@dataclass(frozen=True)
class Dateline:
    """A wire dateline: the agency (as written), reporters, place and date parts; `end` is where the
    dateline's text stops in the block (the body starts after it)."""

    agency: str | None
    reporters: tuple[str, ...]
    place: str | None
    year: int | None
    month: int | None
    day: int
    end: int


def _from_original(original: str, folded: str, start: int, end: int) -> str:
    """A span found in the Simplified form, cut from the original (t2s keeps offsets)."""
    return original[start:end] if len(original) == len(folded) else folded[start:end]


def split_names(text: str) -> list[str]:
    """Split a byline into names; ALL-CAPS Latin names (DAVID PIERSON) become David Pierson.
    Credit words after the names (综合报道, 摄) and labels before them (作者：, By) are dropped."""
    text = re.sub(r"^(?:作者|文|记者|記者|撰文|By|BY|by)\s*[:：/|]?\s*", "", text.strip())
    text = re.split(r"\s+(?=\S*\d)", text)[0]  # a date after the names (… JOSEPH WRIGHT　2025年10月28日)
    text = NEXT_FIELD.split(text)[0]  # the next credit after the names (文/王小明 图/李四): not theirs
    # Rule `name-note`: a note in brackets after a name says who they are (王小明（东岸晨报特约撰稿人）).
    text = re.split(r"[（(]", BRACKET_NOTE.sub(" ", text))[0].strip()
    # Latin names keep the spaces inside them (a field of "BBC News 中文" is one name, refused later as an outlet).
    latin = bool(re.search(r"[A-Za-z]{2}", text))
    separators = r"\s*(?:,|，|、|;|；|/|\band\b|&)\s*" if latin else r"\s*(?:,|，|、|;|；|/|\band\b|&|和|与|及|\s)\s*"
    names: list[str] = []
    for name in re.split(separators, text):
        name = name.strip(" 　.·")
        tail = CREDIT_TAIL.search(to_simplified(name))  # 發自香港 is 发自香港: the tail is matched folded
        name = name[: tail.start()].strip() if tail else name
        if names and tail and FILED_FROM.fullmatch(tail.group(0)) and _is_place(name):
            continue  # 记者 王小明 北京报道: where the reporter filed from, not a second reporter
        label = LABEL_TAIL.search(to_simplified(name))  # 秦立峰发布: the next field's label glued on
        name = name[: label.start()] if label and label.start() >= 2 else name
        name = _strip_place(name)  # 王小明台北 (…台北報導): where the reporter filed from
        if not name or len(name) > NAME_MAX or re.search(r"\d", name):
            continue
        names.append(name.title() if name.isupper() and " " in name else name)
    return names


def _is_place(word: str) -> bool:
    """Rule `filed-from`: a word before 报道 in a credit that names a place, not a reporter: a known
    dateline place, a word ending like an administrative unit (冠县, 南市, 山东省), or one that starts
    with no common surname."""
    folded = to_simplified(word)
    return (folded in DATELINE_PLACES or bool(ADMIN_UNIT.search(folded)) or not has_surname(folded)) \
        and bool(re.fullmatch(f"[{_HAN}]{{2,8}}", folded))


def _strip_place(name: str) -> str:
    """王小明台北 → 王小明: a known dateline place glued after a Chinese name of two to four characters."""
    folded = to_simplified(name)
    if len(folded) <= 4 or not re.fullmatch(f"[{_HAN}]+", folded):
        return name
    for place in DATELINE_PLACES:
        if folded.endswith(place) and 2 <= len(folded) - len(place) <= 4:
            return name[: -len(place)]
    return name


def is_person_name(name: str) -> bool:
    return bool(CJK_NAME.match(name) or LATIN_NAME.match(name)) and not OUTLET_LIKE.search(name)


def _cut_place(glued: str) -> tuple[str, str | None]:
    """林书豪台北 → (林书豪, 台北): a known place at the end, else a three-character name."""
    for place in DATELINE_PLACES:
        if glued.endswith(place) and 2 <= len(glued) - len(place) <= 4:
            return glued[: -len(place)], place
    if len(glued) >= 5:
        return glued[:3], glued[3:]
    if len(glued) == 4:
        return glued[:2], glued[2:]
    return glued, None


def parse_dateline(folded: str, original: str | None = None) -> Dateline | None:
    """Rule `dateline`: the wire dateline at the start of a block, or None."""
    original = original if original is not None else folded
    match = DATELINE.match(folded)
    if not match or (match["cited"] and match["kind"] not in ("电", "专电")):
        return None  # 据美国有线电视新闻网10日报道 cites a report; 据新华社莫斯科5月9日电 carries a wire
    agency = match["agency"]
    if agency:
        agency = _from_original(original, folded, match.start("agency"), match.end("agency"))
    reporters: list[str] = []
    place = match["place"]
    if match["reporter"] is not None:
        raw = _from_original(original, folded, match.start("reporter"), match.end("reporter"))
        tokens = [t for t in re.split(r"[ 、，,]+", raw) if t]
        if tokens and place is None:  # the place was swallowed by the last name: 林书豪台北
            name, place = _cut_place(tokens[-1])
            tokens[-1] = name
        reporters = [t for t in tokens if is_person_name(t)]
    elif place and not agency:
        return None  # "某某12日电" with neither agency nor reporter is too loose to trust
    names_after = _reporters_in_bracket(folded, original, match.end())
    end = names_after[1] if names_after else match.end()
    if names_after and not reporters:
        reporters = names_after[0]
    return Dateline(
        agency=agency,
        reporters=tuple(reporters),
        place=place,
        year=int(match["year"]) if match["year"] else None,
        month=int(match["month"]) if match["month"] else None,
        day=int(match["day"]),
        end=end,
    )


def _reporters_in_bracket(folded: str, original: str, start: int) -> tuple[list[str], int] | None:
    """The reporter credit right after a dateline: （记者 赵文博） or (记者 刘一鸣 张思远)."""
    match = re.compile(rf"\s*[（(]\s*(?:[{_HAN}]{{0,8}}?记者\s*)?([^）)]{{2,40}})[）)]").match(folded, start)
    if not match or "记者" not in folded[start:match.end()]:
        close = re.compile(r"\s*[）)】\]〕]").match(folded, start)
        return ([], close.end()) if close else None
    raw = _from_original(original, folded, match.start(1), match.end(1))
    return [n for n in split_names(raw) if is_person_name(n)], match.end()


def byline(folded: str, original: str | None = None, anchored: bool = False) -> tuple[str | None, list[str]] | None:
    """Rule `byline`: names credited in a line (作者：, 文/, 记者 …, 【…报道】记者 …), with the
    outlet when the credit names one (文/观察者网 王世纯, 海川新闻记者 苏梦). None when the line
    credits no author (an editor line is not a byline). `anchored`: only a credit that opens the
    line counts (in body text, 记者 further on is someone the story mentions)."""
    original = original if original is not None else folded
    folded = BEFORE_LABEL.sub(" ", folded.translate(LABEL_SEPARATORS))
    if NOT_AUTHOR_LABEL.match(folded.strip("【[（( ")):
        return None
    tag = BRACKET_TAG.match(folded)
    tag_outlet = None
    if tag:
        tag_outlet = ROLE_TAIL.sub("", _from_original(original, folded, tag.start("outlet"), tag.end("outlet"))) or None
        names = [n for n in split_names(_from_original(original, folded, tag.start("names"), tag.end("names")))
                 if is_person_name(n)]
        if names:
            return tag_outlet, names
    for pattern in (BYLINE, REPORTER, LABELLED_REPORTER):
        matches = [m for m in [OPENING.match(folded)] if m] if anchored else []
        found = ([pattern.match(folded, matches[0].end())] if anchored else list(pattern.finditer(folded)))
        for match in (m for m in found if m):
            if NOT_AUTHOR_LABEL.search(folded[max(0, match.start() - 6):match.start("names")]):
                continue
            raw = _from_original(original, folded, match.start("names"), match.end("names"))
            # 撰文：秦立峰 出版：…: the last word before a separator labels the next field.
            after = re.match(r"\s*([:：|｜])", folded[match.end("names"):])
            if after and len(raw.split()) > 1:
                raw = raw.rsplit(None, 1)[0]
            elif after and after[1] in ":：":
                raw = ""  # a lone word before a colon is the next label (作者：出品：)
            tokens = split_names(raw)
            outlet = tag_outlet
            if pattern is not BYLINE and match["outlet"]:
                outlet = _from_original(original, folded, match.start("outlet"), match.end("outlet"))
            first = ROLE_TAIL.sub("", to_simplified(tokens[0])) if tokens else ""
            if len(tokens) > 1 and OUTLET_LIKE.search(first) and not is_person_name(tokens[0]):
                outlet, tokens = tokens[0][: len(first)], tokens[1:]
            names = [t for t in tokens if is_person_name(t)]
            if names:
                return outlet, names
    return (tag_outlet, []) if tag_outlet else None


def has_surname(name: str) -> bool:
    """Whether a Chinese name starts with a common surname (欧阳 and other compound ones too)."""
    folded = to_simplified(name)
    return folded[:1] in SURNAMES or folded[:2] in SURNAMES


def _names_at(match: re.Match[str], folded: str, original: str, group: str = "names") -> list[str]:
    return split_names(_from_original(original, folded, match.start(group), match.end(group)))


def editor_names(folded: str, original: str | None = None) -> list[str]:
    """Rule `editor-credit`: the names a line credits as editors, proofreaders or checkers."""
    original = original if original is not None else folded
    folded = folded.translate(LABEL_SEPARATORS)
    return [n for m in EDITOR_CREDIT.finditer(folded) for n in _names_at(m, folded, original)]


def translator_names(folded: str, original: str | None = None) -> list[str]:
    """Rule `translator-credit`: the people a line credits as translators (not outlets: 翻译：纽约时报中文网
    gives none)."""
    original = original if original is not None else folded
    folded = folded.translate(LABEL_SEPARATORS)
    return [n for m in TRANSLATOR_CREDIT.finditer(folded) for n in _names_at(m, folded, original)
            if is_person_name(n)]


def closing_credit(folded: str, original: str | None = None) -> list[str]:
    """Rule `closing-credit`: names in brackets that close a paragraph after its last sentence, or the
    reporters of a credit list closing it (（记者：王小明 责编：李四）)."""
    original = original if original is not None else folded
    match = CLOSING_CREDIT.search(folded)
    if not match:
        listed = CLOSING_BRACKET.search(folded.translate(LABEL_SEPARATORS))
        if not listed:
            return []
        start, end = listed.span("credits")
        credit = byline(folded[start:end], _from_original(original, folded, start, end))
        return [n for n in credit[1] if not EDITOR_LABEL.fullmatch(to_simplified(n))] if credit else []
    names = [n for n in _names_at(match, folded, original) if not re.fullmatch(CLOSING_ROLE, to_simplified(n))]
    credited = bool(match["label"] or match["filed"])
    if not names or not all(is_person_name(n) and (credited or has_surname(n)) for n in names):
        return []
    return names


def bio_credit(folded: str, original: str | None = None) -> list[str]:
    """Rule `bio-credit`: the writer an author's note under the text names (作者林墨，海风网专栏作者)."""
    original = original if original is not None else folded
    match = BIO_CREDIT.match(folded)
    if not match:
        return []
    name = _from_original(original, folded, match.start("names"), match.end("names"))
    return [name] if re.fullmatch(r"[A-Za-z][A-Za-z0-9_.-]+", name) or is_person_name(name) else []


def closing_credit_start(folded: str) -> int | None:
    """Where a closing credit (rule `closing-credit`) starts in a paragraph: the body ends before it."""
    if not closing_credit(folded):
        return None
    match = CLOSING_CREDIT.search(folded) or CLOSING_BRACKET.search(folded.translate(LABEL_SEPARATORS))
    return match.start() if match else None


def wire_credit(folded: str, original: str | None = None) -> tuple[str, list[str]] | None:
    """Rule `wire-credit`: the first wire a text names as its source in brackets or run in (陈立希（新华社专稿）,
    据新华社电), with the writer signing before the bracket."""
    original = original if original is not None else folded
    match = WIRE_CREDIT.search(folded)
    if not match:
        return None
    group = "agency" if match["agency"] else "runin"
    agency = _from_original(original, folded, match.start(group), match.end(group))
    names = []
    if match["names"] and has_surname(match["names"]):
        names = [n for n in _names_at(match, folded, original) if is_person_name(n)]
    return agency, names


def outlet_tag(folded: str, original: str | None = None) -> tuple[str, list[str], int] | None:
    """Rule `outlet-tag`: 新京报讯（记者邢世伟） opening a block: the outlet, the reporters in the bracket
    after it, and where the tag ends."""
    original = original if original is not None else folded
    match = OUTLET_TAG.match(folded)
    if not match:
        return None
    agency = _from_original(original, folded, match.start("agency"), match.end("agency"))
    after = _reporters_in_bracket(folded, original, match.end())
    return agency, (after[0] if after else []), (after[1] if after else match.end())


def after_stamp(folded: str) -> int | None:
    """Where the text after a line's date and time starts (2017年08月24日06:48 新浪综合 → at 新浪综合)."""
    stamps = list(STAMP.finditer(folded))
    return stamps[-1].end() if stamps else None


def before_stamp(folded: str) -> int | None:
    """Where a line's first date and time starts (澎湃新闻 2024-03-02 09:15 → at 2024)."""
    stamp = STAMP.search(folded)
    return stamp.start() if stamp else None


# Rule `page-source`: the source a page's own script configuration names (source: '环球时报新媒体',
# "mediaName":"某某日报"): CMS templates hand the credited outlet to their widgets this way. Only a
# value with Chinese in it, and only when the script names one source (a list of related stories
# names many).
PAGE_SOURCE = re.compile(r"""(?:^|[{,;\s])["']?(?:source|sourcename|source_name|media|medianame|media_name|"""
                         r"""articlesource|copyfrom|origin_name)["']?\s*[:=]\s*["']([^"'\\<>\n]{2,30})["']""", re.I)


def page_source(script: str) -> str | None:
    values = {m[1].strip() for m in PAGE_SOURCE.finditer(script) if re.search(f"[{_HAN}]", m[1])}
    return values.pop() if len(values) == 1 else None
