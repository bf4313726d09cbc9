"""Finding actors in a text: listed ones by their Chinese forms, unlisted ones by the shape of names.

Matching runs on the Simplified form of the text (see `textnorm`), so one list serves Traditional
articles too. Rules, each named in the mention it produces:

  listed-form         a name, alias or metonym from actors.yaml; the longest form wins, so 亚美尼亚
                      is Armenia and never 美 (United States) inside it
  organ-of-state      a country followed by one of its organs (吉尔吉斯斯坦外交部, 俄国防部) counts
                      for the country
  abbrev-compound     single-character abbreviations count only in compounds that start a word:
                      中俄, 俄乌, 美俄, 俄亚关系; never inside another word (道德中 is not Germany-China),
                      nor when two of them abbreviate one actor (中华 is not a list of countries)
  abbrev-object       an abbreviation after a verb of relation: 对华, 访华, 联俄制华, 驻华; not
                      when it begins a longer word (反越来越严) or repeats (越反越腐)
  transliterated-name a foreign name joined with a middle dot: 马里奥·纳夫尔法; the last part of a
                      listed person's name (德米特里·佩斯科夫) resolves to that person
  title-name          a transliterated name right after a title: 外长米尔佐扬, 前防长萨尔基相
  title-not-in-name   a dotted name never starts with the end of a title before it: in 总理杰辛达·阿德恩
                      the name is 杰辛达·阿德恩, though 理 also writes names (理查德)
  organ-of-another-state a listed state body of one country after another country's name is that
                      country's: 美国教育部 is not China's 教育部
  latin-word-edge     a form in Latin letters (Google, xAI) counts only as a whole word: Nest is not
                      found in Nestlé
  listed-last-part    a dotted name whose last part runs into a listed person's form takes it whole:
                      弗拉基米尔·普京 is Putin although 京 writes no other foreign name
  foreign-organisation a transliterated name ending in an institution word: 约翰·霍普金斯大学
  dotted-name-word-start a dotted name starts where the word holding its first character starts:
                      史蒂芬·埃洛普 and 露西·里格比 keep 史 and 露, which write few other names
  name-runs-on        a listed person's short form is not found inside a longer transliteration
                      that jieba reads as one word: 鲍尔默 (Ballmer) is not 鲍尔 (Powell)
  street-name         a form followed by a road word names a street: 中华东路 is not China
  compound-names-a-company two abbreviations before a company's last word name the company:
                      华泰汽车 is not China and Thailand
  own-outlet          the outlet an article is credited to is not its actor unless the text is
                      about it (`without_own_outlet`)
  compound-in-a-place an abbreviation compound that runs into a place's suffix is the place's
                      name: 台中市 is a city, not Taiwan and China
  day-of-month        日 after a number, spaces between or not, is a day: 7 月 6 日中美 is China
                      and the United States after a date, not Japan too
  lost-dot            a name after a title that runs on past a "?" or U+FFFD into more Han
                      characters lost its middle dot to a wrong code page (卡琳娜?维特):
                      its first part alone is not taken for the person
  country-as-attribute a country that only says where a named paper or company is from is not
                      a mention of it: 英国《金融时报》, 英国「金融时报」, 加拿大资产管理公司Maple
                      Arc, 美国投资公司派克(Parker Capital)
  own-author          a person the article is credited to (its byline) is not its actor unless
                      the headline names them (`without_own_authors`): 我是安娜 in a press
                      review read by 安娜
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..han import is_han
from ..model import Actor, ActorMention
from ..textnorm import to_simplified, word_tokenizer

# Characters of the standard Chinese transliteration of foreign names (Xinhua's tables).
TRANSLIT_CHARS = (
    "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁东杜多厄恩尔法范菲费芬丰"
    "冯佛夫弗福富盖甘冈高戈哥格根古瓜圭哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉"
    "莱赖兰朗劳勒雷蕾里理丽利莉连列林琳隆卢鲁伦罗洛吕马玛迈麦曼芒梅门蒙米明莫姆穆纳娜奈南内尼涅宁"
    "纽努诺欧帕派潘庞佩彭皮珀普奇齐恰乔切钦琴丘萨塞赛桑瑟森沙莎山善尚绍舍申舒斯松苏索塔泰坦汤唐陶"
    "特提廷图托瓦万旺威韦维温沃乌伍武西希锡夏谢辛休许雅亚扬耶叶伊英尤于约扎泽詹兹佐珊茨琪娅蒂黛"
    "相良妮罕默卜义岑裘顿丝路易"
)
NAME_RUN = f"[{TRANSLIT_CHARS}]"
DOT = "[·・•‧]"
# Older wire copy joins the parts of a foreign name with a hyphen or an ideographic space
# (巴沙尔－阿萨德, 希拉里　克林顿): such a joint counts only between two parts of two characters or more.
WEAK_DOT = "[－\u2010\u2011\u3000]"
DOTTED_NAME = re.compile(f"{NAME_RUN}{{1,7}}(?:{DOT}{NAME_RUN}{{1,8}})+(?:{WEAK_DOT}{NAME_RUN}{{2,8}})*"
                         f"|{NAME_RUN}{{2,7}}(?:{WEAK_DOT}{NAME_RUN}{{2,8}})+")
TITLES = ("外交部长", "外长", "国防部长", "防长", "总统", "副总统", "总理", "首相", "发言人", "新闻秘书", "大使",
          "特使", "议长", "主席", "秘书长", "国务卿", "顾问", "部长", "教授", "博主", "记者", "分析师", "将军",
          "司令", "参议员", "众议员", "议员", "学者", "研究员", "总司令", "领导人", "外相", "防相", "国王", "王储")
TITLE_NAME = re.compile(f"(?:{'|'.join(sorted(TITLES, key=len, reverse=True))}){{1}}({NAME_RUN}{{2,6}})")
INSTITUTION = ("大学", "学院", "研究所", "研究院", "研究中心", "基金会", "学会", "公司", "集团", "银行")
FOREIGN_ORG = re.compile(f"({NAME_RUN}{{1,7}}(?:{DOT}{NAME_RUN}{{1,8}})*(?:{'|'.join(INSTITUTION)}))")
# Organs of a state that speak for it: a match on "<country><organ>" counts for the country.
STATE_ORGANS = ("外交部", "国防部", "政府", "总统府", "议会", "国家杜马", "军方", "央行", "财政部", "商务部",
                "驻华使馆", "大使馆", "使馆", "官方", "当局", "军队", "媒体",
                # parliaments, courts and cabinets: 韩国国会, 美国众议院, 巴西最高法院, 日本内阁
                "国会", "众议院", "参议院", "下议院", "上议院", "联邦议院", "最高法院", "宪法法院", "内阁")
# How a state body's name ends (教育部, 统计局, 海关总署, 发改委): such a listed body of one country,
# written after another country's name, is that other country's (rule organ-of-another-state).
STATE_BODY_ENDS = ("部", "局", "署", "委", "院", "办", "委员会", "法院")
COUNTRY_FORM_MAX = 8  # the longest country form looked for before a state body
ORGAN_AFTER = re.compile("|".join(sorted(STATE_ORGANS, key=len, reverse=True)))
# An abbreviation preceded by one of these is the object of a relation: 对华, 访俄, 联俄制华.
RELATION_VERBS = "对访赴驻来涉援联制抗反亲仇"
ABBREV_SUFFIX = re.compile("(?:" + "|".join(("方", "军", "媒", "企", "籍", "总统", "总理", "外长", "防长",
                                              *(o for o in STATE_ORGANS if o != "央行"))) + ")")
# After a form ending in 方, these characters make 方 the start of another word (方向, 方案).
SIDE_NOT_PARTY = set("面向式法案针便")
# A transliterated run this long must be a name, not a word, before a title rule accepts it.
NAME_MIN = 2
# Characters that end a clause or sentence (`figures.CLAUSE_BREAK`, `sentences.TERMINAL`, …) and
# white space: none is Han, a digit, a name's dot or in jieba's word characters (`ActorMatcher.isolates`).
CLAUSE_EDGES = "，；;,。！？!?…”」』)）" + " \t\n\u3000\u00a0"
# Words after a form that make it a street's name (rule street-name): 中华东路, 北京西路.
STREET_WORDS = ("路", "街", "大道", "大街", "东路", "西路", "南路", "北路", "中路", "巷")
# Words that end a company's name (rule compound-names-a-company): 华泰汽车, 中美集团.
COMPANY_WORDS = ("汽车", "集团", "公司", "证券", "控股", "股份", "实业", "电器", "保险", "基金")
# Suffixes of a place's name (rule compound-in-a-place): 台中市, 中西区.
PLACE_SUFFIX_CHARS = "市县区省州镇乡村"
# A title in brackets that names a newspaper, a magazine or a broadcaster, and a description of a
# company followed by its name in Latin letters, bare or as the original of a Chinese name: what a
# country right before them is an attribute of (rule country-as-attribute).
PAPER_TITLE = re.compile(r"[《「“]([^》」”\n]{1,12})[》」”]")
PAPER_ENDS = ("报", "刊", "杂志", "周报", "新闻", "电视台", "通讯社", "广播公司")
# A name, in quotes or not, with its original in Latin letters in brackets: 高桥(Takahashi
# Partners), 「北岭」(Northridge). Also the recogniser's rule describes-a-name.
NAME_WITH_ORIGINAL = "[「“『\"]?[\u4e00-\u9fff·]{1,8}[」”』\"]?[(（][A-Za-z]"
DESCRIBED_COMPANY = re.compile("(?:(?![和与及])[\u4e00-\u9fff]){0,8}?(?:公司|集团|银行|机构|基金)"
                               f"(?:[A-Za-z]|{NAME_WITH_ORIGINAL})")
# Characters a page decoded with the wrong code page leaves where one was lost (rules lost-dot
# here, garbled-edge in the recogniser).
GARBLED = ("?", "\ufffd")
# Space that may stand between a number and its unit in typeset copy (7 月 6 日).
NUMBER_SPACE = " \u3000\u00a0"
# Words a transliterated-looking run often ends with but that are not part of the name.
NAME_STOP_TAIL = ("表示", "说", "称", "指出", "强调", "认为", "在", "与", "和", "对", "将", "曾", "也", "则")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    actor: Actor
    surface: str
    rule: str


def unlisted_actor(name: str, actor_type: str) -> Actor:
    """An actor discovered in text: its id is a hash of its name, so its page address is stable."""
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return Actor(id=f"u-{digest}", name=name, name_zh=name, type=actor_type, listed=False)


class ActorMatcher:
    """Compiled once per vocabulary; `find(text)` gives every actor match in a Simplified text."""

    def __init__(self, actors: Sequence[Actor], not_actors: Iterable[str] = ()) -> None:
        self.by_form: dict[str, Actor] = {}
        self.by_abbrev: dict[str, Actor] = {}
        self.persons_by_last_part: dict[str, Actor] = {}
        for actor in actors:
            for form in actor.zh_forms:
                if len(form) >= 2:
                    self.by_form[form] = actor
            for char in _abbrevs(actor):
                self.by_abbrev[char] = actor
            if actor.type == "person":
                self.persons_by_last_part[_last_part(actor.name_zh)] = actor
        self.name_chars = frozenset(TRANSLIT_CHARS)
        self.blockers = {form for form in not_actors if form not in self.by_form}
        # Clause and sentence edges that no form or blocker contains: see `isolates`.
        self.separators = frozenset(CLAUSE_EDGES).difference(*self.by_form, *self.blockers)
        forms = sorted({*self.by_form, *self.blockers}, key=len, reverse=True)
        # The longest form at every position, overlaps included, found through the lengths of the
        # forms that start with the two characters there; the longest overall then wins (许多哈马斯
        # is Hamas, not Doha). Only a `not_actors` given here directly can hold a one-character form.
        self.forms = set(forms)
        self.single_forms = {form for form in forms if len(form) == 1}
        lengths: dict[str, set[int]] = {}
        for form in forms:
            if len(form) >= 2:
                lengths.setdefault(form[:2], set()).add(len(form))
        self.lengths_by_pair = {pair: tuple(sorted(ls, reverse=True)) for pair, ls in lengths.items()}
        abbrevs = "".join(sorted(self.by_abbrev))
        self.abbrev_pattern = re.compile(f"[{re.escape(abbrevs)}]") if abbrevs else None
        self.compound_pattern = re.compile(f"[{re.escape(abbrevs)}]{{2,4}}") if len(abbrevs) > 1 else None
        self.object_pattern = re.compile(f"(?<=[{RELATION_VERBS}])[{re.escape(abbrevs)}]") if abbrevs else None

    def find(self, text: str) -> list[Match]:
        matches: list[Match] = []
        taken = bytearray(len(text))  # 1 where a match (or a blocker) already stands

        def claim(match: Match) -> None:
            matches.append(match)
            taken[match.start:match.end] = b"\x01" * (match.end - match.start)

        def free(start: int, end: int) -> bool:
            return not any(taken[start:end])

        # Foreign names first: 马里奥·纳夫尔法 must not yield 马里 (Mali).
        for found in DOTTED_NAME.finditer(text):
            start, end = found.span()
            start += _title_overlap(text, start) or -_word_start_before(text, start)
            end = self._listed_last_part_end(text, start, end)
            name = text[start:end]
            org = FOREIGN_ORG.match(text, start)
            if org and org.end() > end:
                claim(Match(org.start(), org.end(), self.by_form.get(org.group()) or unlisted_actor(org.group(),
                            "organization"), org.group(), "foreign-organisation"))
                continue
            listed = self.by_form.get(name) or self.persons_by_last_part.get(_last_part(name))
            claim(Match(start, end, listed or unlisted_actor(name, "person"), name,
                        "listed-form" if name in self.by_form else "transliterated-name"))
        if self.forms:
            for start, form in self._longest_forms(text):
                end = start + len(form)
                if not free(start, end):
                    continue
                if form in self.blockers:
                    taken[start:end] = b"\x01" * len(form)
                    continue
                if form.endswith("方") and text[end:end + 1] in SIDE_NOT_PARTY:
                    continue  # 亚方向, 法方案: 方 starts another word
                if _inside_latin_word(text, start, end):
                    continue  # Nest in Nestlé, Meta in Metaverse
                if text.startswith(STREET_WORDS, end):
                    continue  # 中华东路 is a street (rule street-name)
                actor = self.by_form[form]
                if actor.type == "person" and self._name_runs_on(text, start, end):
                    continue  # 鲍尔默 is not 鲍尔 (rule name-runs-on)
                if self._organ_of_another_state(text, start, form, actor):
                    continue  # 美国教育部 is the United States', not China's 教育部
                if actor.type == "country" and _attribute_of_a_name(text, end):
                    taken[start:end] = b"\x01" * len(form)
                    continue  # 英国《金融时报》 (rule country-as-attribute)
                rule = "listed-form"
                if actor.type == "country":
                    organ = ORGAN_AFTER.match(text, end)
                    if organ:
                        end, rule = organ.end(), "organ-of-state"
                claim(Match(start, end, actor, text[start:end], rule))
        self._abbreviations(text, free, claim)
        for found in TITLE_NAME.finditer(text):
            name = _trim_name(found.group(1))
            start = found.start(1)
            if text[start + len(name):start + len(name) + 1] in GARBLED and \
                    is_han(text[start + len(name) + 1:start + len(name) + 2] or "a"):
                continue  # 卡琳娜?维特: only the first part of a name (rule lost-dot)
            if len(name) >= NAME_MIN and free(start, start + len(name)):
                actor = self.by_form.get(name) or self.persons_by_last_part.get(name) or unlisted_actor(name, "person")
                claim(Match(start, start + len(name), actor, name, "title-name"))
        return sorted(matches, key=lambda m: m.start)

    def _organ_of_another_state(self, text: str, start: int, form: str, actor: Actor) -> bool:
        """Whether `form`, a state body of one country (教育部 of China), follows another country's
        name (美国教育部, 英国国家统计局): then it is that country's (rule organ-of-another-state)."""
        if actor.type != "organization" or not actor.country or not form.endswith(STATE_BODY_ENDS):
            return False
        for length in range(2, min(start, COUNTRY_FORM_MAX) + 1):
            other = self.by_form.get(text[start - length:start])
            if other is not None and other.type == "country" and other.id != actor.country:
                return True
        other = self.by_abbrev.get(text[start - 1:start]) if start else None
        return other is not None and other.type == "country" and other.id != actor.country

    def _name_runs_on(self, text: str, start: int, end: int) -> bool:
        """Whether jieba reads the transliterated form at [start, end) as the start of a longer
        transliteration (rule name-runs-on): 鲍尔默 is one word, 鲍尔希望 is two."""
        if end >= len(text) or text[end] not in self.name_chars or not set(text[start:end]) <= self.name_chars:
            return False
        return _word_end(text, start) > end and set(text[start:_word_end(text, start)]) <= self.name_chars

    def _listed_last_part_end(self, text: str, start: int, end: int) -> int:
        """`end`, or past it when the name's last part begins a listed form that runs on (rule
        listed-last-part): 弗拉基米尔·普 + 京 is 弗拉基米尔·普京 when 普京 is a listed form."""
        tail_start = end - len(_last_part(text[start:end]))
        for length in self.lengths_by_pair.get(text[tail_start:tail_start + 2], ()):
            candidate = text[tail_start:tail_start + length]
            if tail_start + length > end and candidate in self.by_form and self.by_form[candidate].type == "person":
                return tail_start + length
        return end

    def isolates(self, text: str, start: int, end: int) -> bool:
        """Whether `find(text[start:end])` gives exactly the matches of `find(text)` that start in
        [start, end), shifted: so when at each edge of the span one of the two characters that meet
        there is a separator (a clause or sentence edge that no form contains). Then no match,
        blocker or name runs across the edge; the checks that look beside a match (a digit or
        verb before an abbreviation, an organ or 方向 after a form) find a separator, as they find
        the end of the text alone; and jieba, which `_starts_word` asks, ends its runs of Han at a
        separator, so a window cut at the edge segments like the wider one."""
        def edge(at: int) -> bool:
            return at <= 0 or at >= len(text) or text[at - 1] in self.separators or text[at] in self.separators
        return edge(start) and edge(end)

    def _longest_forms(self, text: str) -> list[tuple[int, str]]:
        """(start, form) of the longest form starting at each position where one does, longest
        first. Only positions whose two characters begin some form are tried: they are picked out
        with C-level map and compress, not a Python loop over every character."""
        found = []
        lengths_by_pair, forms, singles = self.lengths_by_pair, self.forms, self.single_forms
        pairs = map(operator.add, text, text[1:])
        starts: Iterable[int] = itertools.compress(itertools.count(), map(lengths_by_pair.__contains__, pairs))
        if singles:
            starts = sorted({*starts, *(i for i, char in enumerate(text) if char in singles)})
        for start in starts:
            for length in lengths_by_pair.get(text[start:start + 2], ()):
                candidate = text[start:start + length]
                if candidate in forms:
                    found.append((start, candidate))
                    break
            else:
                if text[start] in singles:
                    found.append((start, text[start]))
        return sorted(found, key=lambda item: (-len(item[1]), item[0]))

    def _abbreviations(self, text: str, free, claim) -> None:
        if self.compound_pattern:
            for found in self.compound_pattern.finditer(text):
                start, run = found.start(), found.group()
                if not free(start, found.end()) or not _starts_word(text, start):
                    continue
                if _after_a_number(text, start):
                    if run[0] != "日" or len(run) < 3 or not _starts_word(text, start + 1):
                        continue  # 5日中方: 日 is the day (rule day-of-month)
                    start, run = start + 1, run[1:]  # 6 日中美: the day, then China and the US
                if len({self.by_abbrev[char].id for char in run}) < len(run):
                    continue  # 美美, 中华: not a list of countries
                if text[found.end():found.end() + 1] in PLACE_SUFFIX_CHARS and _word_end(text, start) > found.end():
                    continue  # 台中市 is a city (rule compound-in-a-place)
                if len(run) == 2 and text.startswith(COMPANY_WORDS, found.end()):
                    continue  # 华泰汽车 is a carmaker (rule compound-names-a-company)
                for offset, char in enumerate(run):
                    claim(Match(start + offset, start + offset + 1, self.by_abbrev[char], run, "abbrev-compound"))
        if self.object_pattern:
            for found in self.object_pattern.finditer(text):
                start = found.start()
                if _word_at(text, start)[0] == start and _word_end(text, start) > start + 1:
                    continue  # 反越来越严: 越 begins another word (rule object-word-of-its-own)
                if text[start - 2:start - 1] == text[start]:
                    continue  # 越反越腐: a correlative, not Vietnam
                if free(start, start + 1) and _starts_word(text, start - 1):
                    claim(Match(start, start + 1, self.by_abbrev[found.group()], text[start - 1:start + 1],
                                "abbrev-object"))
        # Every abbreviation's places in one pass, then taken abbreviation by abbreviation as before
        # (the order decides which of two overlapping claims stands).
        places: dict[str, list[int]] = {}
        for found in self.abbrev_pattern.finditer(text) if self.abbrev_pattern else ():
            places.setdefault(found.group(), []).append(found.start())
        for char, actor in self.by_abbrev.items():
            for start in places.get(char, ()):
                suffix = ABBREV_SUFFIX.match(text, start + 1)
                if suffix and free(start, suffix.end()) and _starts_word(text, start) and not (
                        char == "日" and _after_a_number(text, start)):
                    claim(Match(start, suffix.end(), actor, text[start:suffix.end()], "abbrev-compound"))


def _attribute_of_a_name(text: str, end: int) -> bool:
    """Whether a newspaper's title in brackets, or a company's description and its name in Latin
    letters, starts at `end`: a country before it is an attribute (rule country-as-attribute)."""
    title = PAPER_TITLE.match(text, end)
    return (title is not None and title.group(1).endswith(PAPER_ENDS)) or bool(DESCRIBED_COMPANY.match(text, end))


def _after_a_number(text: str, start: int) -> bool:
    """Whether a digit ends right before `start`, spaces between allowed (rule day-of-month)."""
    at = start - 1
    while at >= 0 and text[at] in NUMBER_SPACE:
        at -= 1
    return at >= 0 and text[at].isdigit()


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _inside_latin_word(text: str, start: int, end: int) -> bool:
    """Whether a form written in Latin letters runs on into more letters (rule latin-word-edge)."""
    return (_latin(text[start]) and start > 0 and _latin(text[start - 1])) or (
        _latin(text[end - 1]) and end < len(text) and _latin(text[end]))


def _last_part(name: str) -> str:
    return re.split(f"{DOT}|{WEAK_DOT}", name)[-1]


# Titles by their ends: the last one or two characters of a title, and the titles ending so.
_TITLE_ENDS: dict[str, tuple[str, ...]] = {}
for _title in TITLES:
    for _k in (1, 2):
        if len(_title) > _k:
            _TITLE_ENDS[_title[-_k:]] = (*_TITLE_ENDS.get(_title[-_k:], ()), _title)


def _title_overlap(text: str, start: int) -> int:
    """How many characters at `start` end a title begun before it (rule title-not-in-name): 1 for
    总理杰辛达·阿德恩 matched from 理. Only a title of the list, written whole, counts."""
    for k in (2, 1):
        for title in _TITLE_ENDS.get(text[start:start + k], ()):
            if start + k - len(title) >= 0 and text.startswith(title, start + k - len(title)):
                return k
    return 0


def _abbrevs(actor: Actor) -> tuple[str, ...]:
    return tuple(actor.abbrev or "")


def _trim_name(name: str) -> str:
    for tail in NAME_STOP_TAIL:
        if name.endswith(tail) and len(name) - len(tail) >= NAME_MIN:
            return name[: -len(tail)]
    return name


@lru_cache(maxsize=4096)
def _word_starts(window: str) -> frozenset[int]:
    starts, position = set(), 0
    for token in word_tokenizer().cut(window, HMM=False):
        starts.add(position)
        position += len(token)
    return frozenset(starts)


@lru_cache(maxsize=4096)
def _words(window: str) -> tuple[tuple[int, int], ...]:
    """jieba's words of `window` as (start, end) spans."""
    spans, position = [], 0
    for token in word_tokenizer().cut(window, HMM=False):
        spans.append((position, position + len(token)))
        position += len(token)
    return tuple(spans)


def _word_at(text: str, at: int) -> tuple[int, int]:
    """The (start, end) in `text` of the word jieba reads around `at`, on a small window."""
    left = max(0, at - 6)
    for start, end in _words(text[left:at + 8]):
        if start <= at - left < end:
            return left + start, left + end
    return at, at + 1


def _word_end(text: str, start: int) -> int:
    return _word_at(text, start)[1]


def _word_start_before(text: str, start: int) -> int:
    """How many Han characters before `start` belong to the word jieba reads at `start`, at most
    two (rule dotted-name-word-start): 1 for 史蒂芬·埃洛普 matched from 蒂."""
    if start <= 0 or not is_han(text[start - 1]):
        return 0
    word_start = _word_at(text, start)[0]
    return start - word_start if 0 < start - word_start <= 2 else 0


def _starts_word(text: str, start: int) -> bool:
    """Whether a word starts at `start`, by jieba on a small window around it (cheap, and a window
    segments like the whole sentence near its middle)."""
    if start <= 0:
        return True
    left = max(0, start - 6)
    window = text[left:start + 6]
    return (start - left) in _word_starts(window)


# What follows an outlet's name in a dateline or a credit (新华社北京6月22日电, 新华社记者, 据新华社
#报道): there it is the source of the text, not its subject.
CREDIT_AFTER = re.compile(r"记者|通讯员|特约|讯|电|报道|报导|消息|[^，。；！？\n]{1,10}?\d{1,2}日(?:电|讯)")
# An article names the outlet that publishes it as an actor only when it says this much about it.
OWN_OUTLET_MENTIONS = 2


def without_own_outlet(matches: Sequence[Match], outlet_names: Iterable[str], text: str,
                       title_end: int) -> list[Match]:
    """The matches without those of the outlet the article is credited to (rule own-outlet),
    unless the text is about it: its headline names it, or the text names it
    `OWN_OUTLET_MENTIONS` times outside datelines and credits. A Xinhua wire story opening
    新华社北京6月22日电 is not about Xinhua."""
    names = set(outlet_names)
    own = {m.actor.id for m in matches if m.surface in names or m.actor.name_zh in names}
    if not own:
        return list(matches)
    about = set()
    for actor_id in own:
        group = [m for m in matches if m.actor.id == actor_id]
        plain = [m for m in group if not CREDIT_AFTER.match(text, m.end)]
        if any(m.start < title_end for m in group) or len(plain) >= OWN_OUTLET_MENTIONS:
            about.add(actor_id)
    return [m for m in matches if m.actor.id not in own or m.actor.id in about]


def without_own_authors(matches: Sequence[Match], authors: Iterable[str], title_end: int) -> list[Match]:
    """The matches without the people the article is credited to (rule own-author), unless the
    headline names them: a reporter who introduces the report (我是安娜) or signs it writes it,
    and is not what it is about. A listed actor is kept (an op-ed by a minister is his)."""
    names = {to_simplified(name) for name in authors if len(name) >= 2}
    own = {m.actor.id for m in matches if not m.actor.listed and m.actor.type == "person" and m.surface in names}
    if not own:
        return list(matches)
    headlined = {m.actor.id for m in matches if m.actor.id in own and m.start < title_end}
    return [m for m in matches if m.actor.id not in own or m.actor.id in headlined]


def within(matches: Sequence[Match], starts: Sequence[int], start: int, end: int) -> Sequence[Match]:
    """The matches that start in [start, end); `starts` are the matches' starts, sorted (as `find`
    returns them). Bisecting keeps a long text linear instead of quadratic."""
    return matches[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


def mentions(matches: Sequence[Match], title_end: int, lead_end: int) -> tuple[ActorMention, ...]:
    """Group matches by actor; salience counts mentions, weighs the headline and the lead most."""
    grouped: dict[str, list[Match]] = {}
    for match in matches:
        grouped.setdefault(match.actor.id, []).append(match)
    out = []
    for group in grouped.values():
        in_title = any(m.start < title_end for m in group)
        in_lead = any(title_end <= m.start < lead_end for m in group)
        salience = len(group) + 5.0 * in_title + 3.0 * in_lead
        surfaces = tuple(dict.fromkeys(m.surface for m in group))
        out.append((-salience, group[0].start, ActorMention(group[0].actor, surfaces, len(group), salience)))
    return tuple(item[2] for item in sorted(out, key=lambda item: (item[0], item[1])))
