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

from ..textnorm import to_simplified
from .patterns import BRACKET_TAG, BYLINE, CREDIT_TAIL, DATELINE, NOT_AUTHOR_LABEL, REPORTER, ROLE_TAIL

NAME_MAX = 40
# What may stand before a credit that opens a block: white space and an opening bracket.
OPENING = re.compile(r"\s*[【\[(（〔]?\s*")
# An outlet named inside a byline (文/观察者网 王世纯) ends like an outlet's name.
OUTLET_LIKE = re.compile(r"(?:网|报|社|台|新闻|日报|时报|晚报|周刊|杂志|频道|号|传媒|财经)$")
CJK_NAME = re.compile(r"^[\u3400-\u9fff]{2,4}$|^[\u3400-\u9fff]{1,6}·[\u3400-\u9fff·]{1,12}$")
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
    latin = bool(re.search(r"[A-Za-z]{2}", text)) and not re.search(r"[\u3400-\u9fff]", text)
    separators = r"\s*(?:,|，|、|;|；|/|\band\b|&)\s*" if latin else r"\s*(?:,|，|、|;|；|/|\band\b|&|和|与|及|\s)\s*"
    names = []
    for name in re.split(separators, text):
        name = CREDIT_TAIL.sub("", name.strip(" 　.·")).strip()
        if not name or len(name) > NAME_MAX or CREDIT_TAIL.fullmatch(name) or re.search(r"\d", name):
            continue
        names.append(name.title() if name.isupper() else name)
    return names


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
    match = re.compile(r"\s*[（(]\s*(?:[\u3400-\u9fff]{0,8}?记者\s*)?([^）)]{2,40})[）)]").match(folded, start)
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
    for pattern in (BYLINE, REPORTER):
        matches = [m for m in [OPENING.match(folded)] if m] if anchored else []
        found = ([pattern.match(folded, matches[0].end())] if anchored else list(pattern.finditer(folded)))
        for match in (m for m in found if m):
            if NOT_AUTHOR_LABEL.search(folded[max(0, match.start() - 6):match.start("names")]):
                continue
            raw = _from_original(original, folded, match.start("names"), match.end("names"))
            tokens = split_names(raw)
            outlet = tag_outlet
            if pattern is REPORTER and match["outlet"]:
                outlet = _from_original(original, folded, match.start("outlet"), match.end("outlet"))
            first = ROLE_TAIL.sub("", to_simplified(tokens[0])) if tokens else ""
            if len(tokens) > 1 and OUTLET_LIKE.search(first) and not is_person_name(tokens[0]):
                outlet, tokens = tokens[0][: len(first)], tokens[1:]
            names = [t for t in tokens if is_person_name(t)]
            if names:
                return outlet, names
    return (tag_outlet, []) if tag_outlet else None
