"""Who an article is from and by whom: the outlet and source-type chain and the authors chain.

Both read the page `metadata.build_metadata` prepares (blocks with their Simplified forms, and which
of them are the header, the lead, the body and the trailer) and the markup's hints.

  outlet   the devset convention: the organisation the file credits for the text, else the site or
           feed. Best first:
           1. a self-media platform (its notice, a breadcrumb through it, WeChat's viewer strings, a
              listed platform's statement that it only hosts the post: 搜狐号系信息发布平台):
              the post is the account's, the platform is where it stands. WeChat's viewer strings
              alone name no one: a credit of step 2 (原文来自订阅号「海外米筐」) comes first there
              (`credit-over-viewer`);
           2. a credit: a licence (本文为东岸晨报授权海风网发布: the licensor) > a 来源 line (its value
              may be the next block or in brackets, 来源：[ 人民网 ]; a placeholder such as 转载文章 or
              网络 names no one and the chain reads on; of several, 新浪体育、凤凰体育, the first) >
              the page's own source field
              (<meta name=source>, an API record's source, a page script's `source:`) > the agency
              of a dateline in the header or the first paragraphs (新华社北京3月5日电, 2018-02-28 中央社 澎湖縣28日電),
              an outlet tag (新京报讯), a listed outlet alone in brackets (（德国之声中文网）), an
              English-style dateline of a listed outlet or a Latin abbreviation (VOA 华盛顿 —,
              VOA - ; cut from the paragraph by `trim_credits`), an outlet named in a
              reporter credit (端傳媒記者 楊子琪) or a bracket tag (【明报专讯】) > the outlet after a
              header's date (2017年08月24日06:48 新浪综合) or alone in the article header >
              a wire credit (陈立希（新华社专稿）, 据新华社电) > an app promotion (本文来自海川新闻客户端)
              > a text's own or re-post credit (本文系观察者网独家稿件, 本文转载自信报, 原文来自
              「好奇心日报」) > a translator that is an outlet (翻译：纽约时报中文网);
           3. the site or feed: JSON-LD publisher, og:site_name, the feed's channel, each without
              the section after its name (东岸晨报 - 国际) > the listed
              outlet serving the URL's host > the <title>'s site suffix or another site hint > the
              copyright owner > a newspaper imprint in the footer (某某日报社出版) > the bare host.
           Names are given as the page writes them (明報 stays 明報); `content/outlets.yaml` supplies
           names for hosts and the source-type badge.
  authors  front matter, markup (JSON-LD, <address>, meta author, API field), unless a byline in the header
           spells the same names out in full (front matter's ERICA is the byline's ERICA FRANTZ) >
           bylines in the header > reporters of a dateline or outlet tag in the opening > a credit
           opening the body > bylines after the body > a closing credit ((唐风) after the last
           sentence, or with where they filed from: (王小明／台南报导); cut from the paragraph by
           `trim_credits`) or a wire sign-off (陈立希（新华社专稿）) > an author's note under the text
           (作者林墨，海风网专栏作者) > the self-media account (marked by
           the classifier, or by shape: above its statistics, above the post time, in the 来源 line). Translators
           named as people join whichever answers (the devset's gold counts them as authors). Never
           editors: a name the page credits as editor (责任编辑, 编辑, 核稿) is dropped from every
           source, including markup (a CMS fills its author field with the editor on duty).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Protocol
from urllib.parse import urlparse

from ..han import HAN, HAN_CLASS
from ..model import Block, BlockKind, Sourced, SourceType
from ..rulenames import ACCOUNT_BLOCK, BREADCRUMB, EDITOR_LINE
from ..rulenames import SOURCE_LINE as SOURCE_LINE_RULE
from ..textnorm import to_simplified
from ..vocab import Outlet, Outlets
from .candidates import Hints
from .credits import (
    BRACKET_OUTLET,
    DASH_DATELINE,
    LATIN_DASH_DATELINE,
    LICENCE_CREDIT,
    NOT_TEXT_SOURCE,
    ORIGINAL_MARK,
    OUTLET_LIKE,
    OWN_CREDIT,
    REPOST_CREDIT,
    REPOST_VERB,
    after_stamp,
    before_stamp,
    bio_credit,
    byline,
    closing_credit,
    closing_credit_start,
    editor_names,
    outlet_tag,
    parse_dateline,
    split_names,
    translator_names,
    wire_credit,
)
from .patterns import (
    APP_PROMO,
    COPYRIGHT_OWNER,
    PLATFORM_NAME,
    PLATFORM_NOTICE,
    SOURCE_CHANNEL,
    SOURCE_LABELS,
    SOURCE_LINE,
    SOURCE_TRAILING_LABEL,
    TRANSLATOR_LINE,
    USER_UPLOAD,
    WECHAT_HEADER,
    WECHAT_MARKERS,
    WIRE_SHORT,
)

# Each chain's precedence in a line, for `explain`.
OUTLET_CHAIN = ("front matter > self-media platform (notice, breadcrumb, WeChat strings unless the text credits "
                "someone, platform statement) > "
                "licence credit > 来源 line > source field > dateline, outlet tag, bracketed or "
                "dash-dateline outlet, reporter credit > outlet after the header's date > wire sign-off > app "
                "promotion > own or re-post credit > translator outlet > publisher / site name / feed channel "
                "(section cut) > known host > "
                "<title> suffix or copyright owner > newspaper imprint > unknown host")
AUTHORS_CHAIN = ("front matter or markup (JSON-LD, <address>, meta author, record field; unless a byline spells it "
                 "out) > header byline > dateline or outlet-tag reporters > a credit opening the body > a byline "
                 "after the body > closing credit or wire sign-off > author's note (作者X，…专栏作者) > "
                 "self-media account; + translators; - editors")
LEAD_CREDIT_CHARS = 80
# How many real paragraphs a dateline may open (a photo caption or a kicker the reader kept can
# stand before the one that carries it); and how many dropped blocks just above the body count as
# the opening (a dateline-only line: TNW中文站 10月14日报道).
OPENING_BODY_BLOCKS = 2
LEAD_MIN_CHARS = 40  # a paragraph this long is the story's; shorter ones before it are captions or kickers
OPENING_DROPPED_BLOCKS = 3
HEADER_ACCOUNT = "header-account"
CLOSING_CREDIT_RULE = "closing-credit"
ASCII_TAIL = re.compile(r"(\s+[A-Za-z][\w-]*)+$")
WECHAT_PLATFORM = "微信公众号"
GENERIC_PLATFORM_RULE = "wechat-markers"
WECHAT_MARKERS_MIN = 2
MARKUP_AUTHOR_RULES = ("json-ld:author", "html:address", "html:meta-author", "api:author", "feed:author")
# Rule `not-a-person`: a host or address in a byline field (www.example.cn, example.com/news).
DOMAIN = re.compile(r"^(?:https?://)?(?:[\w-]+\.)+[A-Za-z]{2,}(?:/\S*)?$")
# Rule `not-a-person`: a company or institution in a byline field (东岸传媒股份有限公司海风网).
ORGANISATION = re.compile(r"公司|集团|控股|股份|有限|报业|出版社|委员会|协会|研究院|研究所|工作室")
# Rule `not-a-person`: a newsroom desk signing a credit (国际中心, 社会组, 新闻部, 编辑室).
DESK = re.compile(r"..(?:中心|部|组|室|团队)$")
# What a byline field sometimes holds instead of a name.
PLACEHOLDER_NAME = re.compile(r"未知|佚名|匿名|不详|admin|administrator|name|author|editor|user|system|root|"
                              r"小编|本站|本网|网友|管理员|编辑部|记者|作者|null|none|undefined", re.I)
NAME_LABEL = re.compile(r"(?:责任编辑|责编|编辑|校对|审核|来源|时间|发布时间|日期|原标题|字号)")
# A title standing where a name should (本报驻澳大利亚记者, 特约撰稿人): a byline field split on spaces.
TITLE_ONLY = re.compile(r"^(?:本报|本网|本台|本刊|本社)?(?:特派|特约|首席|实习|资深|驻\S{1,8})?"
                        r"(?:记者|通讯员|撰稿人|评论员|编辑|作者|主笔|实习生)$")
# A wire's short name, which a closing bracket gives like a person's ((路透), (彭博)).
WIRE_NAME = re.compile(f"(?:{WIRE_SHORT})")
# A self-media account's statistics line: 文章数 321 总阅读量 5万, 粉丝 1.2万, 获赞 300.
ACCOUNT_STATS_LINE = re.compile(r"文章数|\d+\s*篇文章|总阅读|阅读量|粉丝数?\s*\d|关注度|获赞")
ACCOUNT_NAME_MAX = 20
# A breadcrumb trail, whatever rule dropped it: 网易首页 > 网易号 > 正文.
BREADCRUMB_SHAPE = re.compile(r"^\S{1,12}(?:\s*[>›»]\s*\S{1,12}){1,6}(?:\s+\S{1,6})?$")
# How a paper names itself in its own credits (【本報消息】, 本报北京3月5日电): it names no outlet.
SELF_REFERENCE = re.compile(r"本报|本网|本台|本刊|本站|本社")
# Rule `placeholder-source`: a 来源 that names no one — "from the internet", "a re-posted article",
# "our own": words of where-from or how (网络, 转载, 原创, 综合, 整理), run together (网络转载, 综合整理),
# with a word for the text itself after them (转载文章, 网友投稿, 网络资料). The chain reads on.
PLACEHOLDER_SOURCE = re.compile(r"(?:网络|互联网|网上|网友|本站|本网|本刊|未知|不详|原创|转载|转帖|转发|综合|整理|编辑|"
                                r"其他|其它|投稿|来稿|用户|匿名|佚名)+"
                                r"(?:文章|稿件|作品|内容|资料|信息|新闻|图文|投稿|媒体|报道|报导|消息)*")
# Rule `source-line`, the bracketed value: 来源：[ 人民网 ], 来源：【东岸晨报】.
BRACKETED_SOURCE = re.compile(rf"(?:{SOURCE_LABELS})\s*[:：]\s*[\[【〔［(（]\s*"
                              r"([^\]】〕］)）]{2,24}?)\s*[\]】〕］)）]")
# A block that speaks of the text itself: 本文…, 原文…, （本文…）.
ABOUT_THE_TEXT = re.compile(r"\s*[（(【\[]?\s*(?:本文|原文|此文|全文)")
# Rule `source-line` with a bar for its separator, as WeChat posts set it: 来源 | 东岸晨报, 来源丨东岸晨报.
BAR_SOURCE = re.compile(rf"(?:{SOURCE_LABELS})\s*[|｜丨︱]\s*([^\s|｜丨︱,，:：]{{2,24}})")
# A line above the body that opens with a source label, whatever rule dropped it (来源丨东岸晨报).
SOURCE_OPENING = re.compile(r"^\s*(?:本文|文章)?(?:来源|稿源|出处)\s*[:：|｜丨︱]")
SOURCE_BRACKET = re.compile(r"\s*[（(）)【】\[\]〔〕]")
# Rule `first-credit`: a source naming several outlets (新浪体育、凤凰体育; 东岸晨报; 海风网) credits the first.
CREDIT_LIST = re.compile(r"\s*[、;；]\s*")
# A Latin outlet name in a source line, spaces included (LINE TODAY, Voice of America).
LATIN_SOURCE = re.compile(r"[A-Za-z][A-Za-z0-9.&'’-]*(?: [A-Za-z][A-Za-z.&'’-]*)*")
# A source field's own label repeated in its value.
SOURCE_LABEL = re.compile(r"^\s*(?:来源|來源|稿源|出处|出處|source)\s*[:：]\s*", re.I)
# A source label with its value in the next block (来源：| 人民日报海外版).
BARE_SOURCE_LABEL = re.compile(rf"^(?:{SOURCE_LABELS})\s*[:：]?$")
# A byline right after the body counts whatever rule dropped it (本文来源：… 作者：… under the text).
TRAILER_NEAR_BLOCKS = 2
# Where a byline after the body may sit: not in recommendation lists or comments.
TRAILER_CREDIT_RULES = ("meta-line", "after-body-chrome", "after-end", EDITOR_LINE, SOURCE_LINE_RULE)
SITE_RULES = ("json-ld:publisher", "html:site-name", "feed:source", "feed:channel")
# How a site or feed names a section after its own name: 东岸晨报 - 国际, 人民网 | 国际频道, 某某网_首页.
SITE_SECTION = re.compile(r"\s+[-–—|｜/]\s+.*$|\s*[｜_]\s*.*$")
# The page's own field naming where the text comes from: a CMS's source, an API record's source.
CREDITED_SOURCE_RULES = ("html:meta-source", "api:source", "html:page-source")
# A dump's or feed reader's field line above the body (作者：…, Author: …).
FEED_FIELD = "feed-meta-line"
# Blocks in the article header that may hold the outlet's name alone (TNW中文站 beside the date).
HEADER_NAME_RULES = ("html-article-header", "meta-line")
HEADER_NAME_MAX = 12
STAMPED_LINE_MAX = 40  # a header line with a date and a name; longer, it is a sentence that gives a date
# How a newsroom's own name ends (a stricter OUTLET_LIKE: a header's 国际频道 or 关注公众号 is no outlet).
NEWSROOM_LIKE = re.compile(r"(?:网|报|通讯社|新闻社|新闻|周刊|杂志|传媒|之声|之音|中文站|电台|电视台)$")
# The separators of "site－outlet" in a source field (人民网－人民日报).
SOURCE_PARTS = re.compile(r"\s*[-－—–|｜/]\s*")


class PageView(Protocol):
    """What the chains read of a page (`metadata._Page`)."""

    blocks: list[Block]
    folded: list[str]
    body: list[int]
    lead: list[int]
    header: list[int]
    trailer: list[int]

    def with_rule(self, *rules: str) -> list[int]: ...


# --- the registry ------------------------------------------------------------------------------------------


def _registry(outlets: Sequence[Outlet]) -> Outlets:
    return outlets if isinstance(outlets, Outlets) else Outlets(outlets)


def known_outlet(name: str, outlets: Sequence[Outlet]) -> Outlet | None:
    """The listed outlet a written name refers to, in either script (明報 is 明报)."""
    return _registry(outlets).named(name)


def outlet_by_host(host: str, outlets: Sequence[Outlet]) -> Outlet | None:
    """The listed outlet serving a host, the most specific host first (k.sina.com.cn before sina.com.cn)."""
    return _registry(outlets).serving(host)


def _looks_like_outlet(name: str, outlets: Outlets) -> bool:
    """A listed outlet, or a name shaped like a newsroom's (…网, …日报, …之声, …中文站; not …频道,
    …号 or …平台, which name channels and accounts)."""
    folded = to_simplified(name.strip())
    if outlets.named(folded) is not None:
        return True
    return 2 <= len(folded) <= HEADER_NAME_MAX and bool(NEWSROOM_LIKE.search(folded)) \
        and not SELF_REFERENCE.fullmatch(folded)


# --- outlet ------------------------------------------------------------------------------------------------


def _platform(page: PageView) -> Sourced | None:
    """Rule `platform`: a self-media platform naming itself (自媒体平台“网易号”, 入驻新浪看点平台),
    a breadcrumb through one (网易首页 > 网易号 > 正文), or WeChat's viewer strings."""
    for index, folded in enumerate(page.folded):
        match = PLATFORM_NOTICE.search(folded)
        if match:
            start, end = match.span(1) if match[1] else match.span(2)
            return Sourced(page.blocks[index].text[start:end], "platform-notice")
    for index, folded in enumerate(page.folded):
        # A breadcrumb through a platform (网易首页 > 网易号 > 正文), wherever the markup put it.
        if page.blocks[index].rule != BREADCRUMB and not BREADCRUMB_SHAPE.match(folded):
            continue
        for part in re.split(r"\s*[>›»/|]\s*", folded):
            word = part.split()[0] if part.split() else ""
            if PLATFORM_NAME.match(word):
                return Sourced(page.blocks[index].text[folded.find(word):folded.find(word) + len(word)],
                               "breadcrumb-platform")
    for index in page.header:
        # A source line through a platform: 来源：澎湃新闻·澎湃号·政务.
        match = SOURCE_LINE.search(page.folded[index])
        for part in re.split(r"[·・|/\-－]", match[1]) if match else ():
            if PLATFORM_NAME.match(part):
                return Sourced(part, "source-platform")
    markers = {m.group(0) for folded in page.folded for m in WECHAT_MARKERS.finditer(folded)}
    if len(markers) >= WECHAT_MARKERS_MIN:  # one alone (微信扫一扫) is any page's share prompt
        return Sourced(WECHAT_PLATFORM, GENERIC_PLATFORM_RULE)
    return None


PLATFORM_WORDS = re.compile("平台|发布|上传")
# What a re-post credit may name that is where, not whose: 来自微信, 转自微博.
PLATFORM_WORD = re.compile(r"微信|微博|网络|互联网|朋友圈|公众号|订阅号")


@lru_cache(maxsize=8)
def _platform_statement(forms: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?P<a>{names})\s*(?:系|是|为|仅提供|只提供)?\S{{0,6}}平台"
                      rf"|(?P<b>{names})(?:作者|用户)(?:发布|上传|撰写)"
                      rf"|(?:本文|该文|此文)(?:为|由|系|来自)\s*(?P<c>{names})")


def _registry_platform(page: PageView, outlets: Outlets) -> Sourced | None:
    """Rule `platform-statement`: a listed self-media platform saying it only hosts the post, outside
    the article's text (搜狐号系信息发布平台, 本文为百家号作者发布)."""
    forms = outlets.platform_forms
    if not forms:
        return None
    pattern, body = _platform_statement(forms), set(page.body)
    for index, folded in enumerate(page.folded):
        if index in body or not PLATFORM_WORDS.search(folded):
            continue
        match = pattern.search(folded)
        if match:
            group = next(g for g in ("a", "b", "c") if match[g])
            return Sourced(_cut(page, index, match.start(group), match.end(group)), "platform-statement")
    return None


def _opening(page: PageView) -> list[int]:
    """The header, the few dropped blocks just above the body and the body up to its second real
    paragraph (short blocks before it, a caption's pieces or a kicker, do not count): where a
    dateline or an outlet tag may stand."""
    first_body = page.body[0] if page.body else len(page.blocks)
    above = [i for i in range(first_body) if not page.blocks[i].kept][-OPENING_DROPPED_BLOCKS:]
    opening, real = [], 0
    for index in page.body:
        opening.append(index)
        real += len(page.folded[index]) >= LEAD_MIN_CHARS
        if real >= OPENING_BODY_BLOCKS:
            break
    return list(dict.fromkeys([*page.header, *above, *opening]))


def _cut(page: PageView, index: int, start: int, end: int) -> str:
    """The span [start, end) of a block's Simplified form, cut from the text as written."""
    text, folded = page.blocks[index].text, page.folded[index]
    return (text if len(text) == len(folded) else folded)[start:end]


def _credited_name(value: str, outlets: Outlets) -> str:
    """The outlet a source field names: 人民网－人民日报 names 人民日报 (the registry's name for both),
    人民网-文化频道 names 人民网 (a channel after the dash)."""
    parts = [p for p in SOURCE_PARTS.split(value.strip()) if p]
    if len(parts) > 1:
        named = [p for p in parts if (o := outlets.named(p)) is not None and to_simplified(p) == to_simplified(o.name)]
        return named[-1] if named else parts[0]
    return value.strip()


def _site_name(value: str) -> str:
    """A site's or feed's own name without the section after it (东岸晨报 - 国际 is 东岸晨报; RFI - 法国国际
    广播电台 is RFI, the brand it leads with)."""
    return SITE_SECTION.sub("", value.strip()) or value.strip()


def _is_name(value: str) -> bool:
    """A source field's value that names something: not a code (1), a URL or a placeholder."""
    folded = to_simplified(value.strip())
    return (len(folded) >= 2 and bool(re.search(rf"[{HAN_CLASS}A-Za-z]", folded)) and "://" not in folded
            and not PLACEHOLDER_SOURCE.fullmatch(folded))


def _source_line(page: PageView) -> Sourced | None:
    """Rule `source-line`: 来源：X in a header, source or trailer line; a bare 来源： label takes the
    next block as its value (来源： | 人民日报海外版)."""
    first_body = page.body[0] if page.body else len(page.blocks)
    for index, block in enumerate(page.blocks):
        folded = page.folded[index]
        in_place = (block.rule in ("meta-line", SOURCE_LINE_RULE, "html-article-header") or index in page.trailer
                    or (index < first_body and BARE_SOURCE_LABEL.match(folded.strip()) is not None)
                    or (index < first_body and SOURCE_OPENING.match(folded) is not None))
        if not in_place or not any(label in folded for label in ("来源", "稿源", "出处")):
            continue
        match = BRACKETED_SOURCE.search(folded) or SOURCE_LINE.search(folded) or BAR_SOURCE.search(folded)
        if match and NOT_TEXT_SOURCE.search(folded[:match.start()]):
            continue  # 图片来源：视觉中国 credits the picture
        if match:
            latin = LATIN_SOURCE.match(block.text, match.start(1))  # 来源：LINE TODAY, one name with a space
            end = max(match.end(1), latin.end() if latin else 0)
            name = SOURCE_TRAILING_LABEL.sub("", block.text[match.start(1):end].strip())
            name = SOURCE_BRACKET.split(name)[0]  # 东岸晨报）, 港湾观察（ID：…）: the name ends at a bracket
            name = SOURCE_CHANNEL.sub("", name) or name
            name = CREDIT_LIST.split(name)[0]
            if len(name) >= 2 and not PLACEHOLDER_SOURCE.fullmatch(to_simplified(name)):
                return Sourced(name, f"text:{block.rule}")
        elif BARE_SOURCE_LABEL.match(folded.strip()) and index + 1 < len(page.blocks):
            name = page.blocks[index + 1].text.strip()
            if 2 <= len(name) <= HEADER_NAME_MAX * 2 and _is_name(name):
                return Sourced(name, "text:source-label")
    return None


def _credited_source(hints: Hints, outlets: Outlets) -> Sourced | None:
    """Rule `credited-source`: the page's or record's own source field, when it names something."""
    for value, rule in hints.outlets:
        value = SOURCE_LABEL.sub("", value)  # a field that repeats its label: 来源：人民网
        value = CREDIT_LIST.split(value.strip())[0]
        if rule in CREDITED_SOURCE_RULES and _is_name(value):
            return Sourced(_credited_name(value, outlets), rule)
    return None


def _dateline_credit(page: PageView, outlets: Outlets) -> Sourced | None:
    """Datelines, outlet tags and reporter credits in the opening (rules `dateline`, `outlet-tag`,
    `bracket-outlet`, `dash-dateline`, `text:credit`)."""
    opening = _opening(page)
    for index in opening:
        folded, text = page.folded[index], page.blocks[index].text
        if page.blocks[index].rule == "meta-line":
            # A header line's date then a dateline: 2018-02-28 14:31中央社 澎湖縣28日電.
            at = after_stamp(folded)
            if at is not None and at < len(folded):
                found = parse_dateline(folded[at:].lstrip(), _cut(page, index, at, len(folded)).lstrip())
                if found and found.agency and not SELF_REFERENCE.fullmatch(to_simplified(found.agency)):
                    return Sourced(found.agency, "text:dateline")
        found = parse_dateline(folded, text)
        if found and found.agency and not SELF_REFERENCE.fullmatch(to_simplified(found.agency)):
            return Sourced(found.agency, "text:dateline")
        tag = outlet_tag(folded, text)
        if tag and not SELF_REFERENCE.fullmatch(to_simplified(tag[0])):
            return Sourced(tag[0], "text:outlet-tag")
        match = BRACKET_OUTLET.match(folded)
        if match and outlets.named(match["agency"]):
            return Sourced(_cut(page, index, match.start("agency"), match.end("agency")), "text:bracket-outlet")
        dash = dash_dateline(folded, outlets)
        if dash:
            return Sourced(_cut(page, index, dash[0], dash[1]).strip(), "text:dash-dateline")
    # Rule `credit-above-body`: the short credit line some rule dropped just above the text (某报记者
    # 秦立峰/文) names the outlet as the author chain reads its reporter; a caption there does not.
    above = [i for i in _dropped_above(page) if page.blocks[i].kind is not BlockKind.CAPTION]
    for index in [*page.header, *page.lead, *above]:
        credit = byline(page.folded[index][:LEAD_CREDIT_CHARS], page.blocks[index].text[:LEAD_CREDIT_CHARS],
                        anchored=index in page.lead)
        if credit and credit[0] and not SELF_REFERENCE.fullmatch(to_simplified(credit[0])):
            return Sourced(credit[0], "text:credit")
    return None


def _dropped_above(page: PageView) -> list[int]:
    """The last few short blocks above the body that some rule dropped, header lines aside."""
    first_body = page.body[0] if page.body else len(page.blocks)
    return [i for i in range(first_body) if not page.blocks[i].kept and i not in page.header
            and len(page.folded[i]) <= LEAD_CREDIT_CHARS][-OPENING_DROPPED_BLOCKS:]


def dash_dateline(folded: str, outlets: Sequence[Outlet]) -> tuple[int, int, int] | None:
    """Rule `dash-dateline`: an English-style dateline opening a paragraph — a listed outlet with the
    place and a dash (VOA 华盛顿 —, 美国之音华盛顿—, VOA - ), or an unlisted Latin abbreviation with
    a place (XNA 北京 - ). Gives the outlet's span and where the text after the dash starts."""
    registry = _registry(outlets)
    latin = LATIN_DASH_DATELINE.match(folded)
    if latin and (latin["place"] or registry.named(latin["agency"])):
        return latin.start("agency"), latin.end("agency"), latin.end()
    match = DASH_DATELINE.match(folded)
    if not match:
        return None
    # The longest listed outlet the line opens with (美国之音华盛顿 — is 美国之音 in 华盛顿).
    start = match.start("agency")
    head = folded[start:match.end()].rstrip("—– ")
    for end in range(len(head), 1, -1):
        if registry.named(head[:end]):
            return start, start + end, match.end()
    return None


def _header_outlet(page: PageView, outlets: Outlets) -> Sourced | None:
    """Rule `header-outlet`: the outlet a header line names after its date (2017年08月24日06:48 新浪综合,
    2014年01月16日 04:04 新浪科技 微博), or a block of the article header that is only an outlet's
    name (TNW中文站 beside the date). Platforms are not outlets here: 新浪微博 in a header is a share
    button."""
    first_body = page.body[0] if page.body else len(page.blocks)
    for index in range(first_body):
        block, folded = page.blocks[index], page.folded[index]
        # A short line with a date stamp, whatever rule dropped it (a dump's header: 分享 2017年08月24日06:48
        # 新浪综合), or a header block holding only a name.
        at = after_stamp(folded) if len(folded) <= STAMPED_LINE_MAX else None
        names: list[tuple[str, int]] = []
        if at is not None:
            after, before = folded[at:].split(), folded[:before_stamp(folded)].split()
            names += [(after[0], folded.index(after[0], at))] if after else []
            names += [(before[-1], folded.rindex(before[-1], 0, before_stamp(folded)))] if before else []
        elif block.rule in HEADER_NAME_RULES and block.rule != "meta-line" and folded.strip():
            names.append((folded.strip(), folded.index(folded.strip())))
        for name, start in names:
            listed = outlets.named(name)
            if (listed is None or listed.type != "self-media") and _looks_like_outlet(name, outlets):
                return Sourced(_cut(page, index, start, start + len(name)), "text:header-outlet")
    return None


def _repost_credit(page: PageView, outlets: Outlets) -> Sourced | None:
    """Rule `repost-credit`: 本文转载自信报, 原文来自「好奇心日报」 — anywhere but the body's own sentences,
    where 来自 is an ordinary word; there only a listed outlet counts, or any in a block that speaks
    of the text itself (本文经授权转载自东岸晨报。), which is a credit the reader kept."""
    body, trailer = set(page.body[1:]), set(page.trailer)
    for index, folded in enumerate(page.folded):
        if index in body and ABOUT_THE_TEXT.match(folded) and len(folded) <= LEAD_CREDIT_CHARS:
            body = body - {index}
        own = OWN_CREDIT.search(folded) if "本文" in folded else None
        mark = ORIGINAL_MARK.match(folded) if own is None and index in trailer and "原创" in folded else None
        if mark and (mark["id"] or folded[0] in "｜|【[" or _looks_like_outlet(mark["agency"], outlets)) \
                and not SELF_REFERENCE.fullmatch(to_simplified(mark["agency"])):
            own = mark  # rule `original-mark`, after the text only
        if own and _is_name(own["agency"]):
            return Sourced(_cut(page, index, own.start("agency"), own.end("agency")), "text:own-credit")
        if not REPOST_VERB.search(folded):
            continue
        for match in REPOST_CREDIT.finditer(folded):
            name = match["agency"]
            if index in body and not outlets.named(name):
                continue
            credited = _looks_like_outlet(name, outlets) or match.group(0)[:2] in ("本文", "原文", "转载") \
                or ABOUT_THE_TEXT.match(folded) is not None
            if credited and _is_name(name) and not PLATFORM_WORD.fullmatch(to_simplified(name)):
                return Sourced(_cut(page, index, match.start("agency"), match.end("agency")), "text:repost-credit")
    return None


def _licence_credit(page: PageView) -> Sourced | None:
    """Rule `licence-credit`: 本文为东岸晨报授权海风网发布 — the licensor, who the page says the text
    comes from, before any 来源 or source field (which on the licensee's page names the licensee).
    In the body's sentences only the form that says 本文 counts."""
    body = set(page.body)
    for index, folded in enumerate(page.folded):
        if "授权" not in folded:
            continue
        for match in LICENCE_CREDIT.finditer(folded):
            if (match["own"] or index not in body) and _is_name(match["agency"]) \
                    and not SELF_REFERENCE.fullmatch(to_simplified(match["agency"])):
                return Sourced(_cut(page, index, match.start("agency"), match.end("agency")), "text:licence-credit")
    return None


def _wire_credit(page: PageView) -> Sourced | None:
    for index in page.body:
        found = wire_credit(page.folded[index], page.blocks[index].text) if "电" in page.folded[index] \
            or "稿" in page.folded[index] else None
        if found:
            return Sourced(found[0], "text:wire-credit")
    return None


def _translator_outlet(page: PageView, outlets: Outlets) -> Sourced | None:
    for index, folded in enumerate(page.folded):
        match = TRANSLATOR_LINE.match(folded)
        if match and (outlets.named(match[1]) or _looks_like_outlet(match[1].strip(), outlets)):
            start, end = match.span(1)
            return Sourced(page.blocks[index].text[start:end].strip(), "translator-line")
    return None


def _app_promotion(page: PageView) -> Sourced | None:
    for index, folded in enumerate(page.folded):
        match = APP_PROMO.search(folded)
        if match:
            return Sourced(page.blocks[index].text[match.start(1):match.end(1)], "text:app-promotion")
    return None


# What follows 版权所有 when it is the notice going on, not an owner: 版權所有 不得轉載, 翻印必究.
RIGHTS_WORDS = re.compile(r"不得|禁止|严禁|未经|转载|翻印|必究|保留")


def _copyright_owner(page: PageView, outlets: Outlets) -> Sourced | None:
    """Rule `copyright-owner`: the owner a copyright line in the trailer names (© 2024 东岸晨报), not
    the notice's own words (版權所有 不得轉載). Rule `owner-company`: an owner that is the company
    publishing a listed outlet (东岸晨报传媒有限公司, 某省东岸晨报社) is that outlet."""
    for index in page.trailer:
        match = COPYRIGHT_OWNER.search(page.folded[index])
        if match and not re.fullmatch(r"[A-Za-z ]+", match["owner"]) and HAN.search(match["owner"]) \
                and not RIGHTS_WORDS.search(to_simplified(match["owner"])):
            owner = page.blocks[index].text[match.start("owner"):match.end("owner")]
            return Sourced(_company_outlet(owner, outlets) or owner, "text:copyright")
    return None


# A newspaper's imprint in the footer: 某某日报社出版, 某某晚报社主办 (the paper the page is an edition of).
IMPRINT = re.compile(rf"(?:^|[\s|｜])(?P<paper>[{HAN_CLASS}]{{2,10}}报)社\s*(?:出版|主办)")


def _imprint(page: PageView) -> Sourced | None:
    """Rule `imprint`: the newspaper a footer's imprint names (某某日报社出版) — a digital edition's
    masthead, read where no credit, site name or copyright owner named the outlet."""
    for index in page.trailer:
        match = IMPRINT.search(page.folded[index])
        if match:
            return Sourced(_cut(page, index, match.start("paper"), match.end("paper")), "text:imprint")
    return None


def _company_outlet(owner: str, outlets: Outlets) -> str | None:
    """The listed outlet a company owner publishes, by the longest outlet form (two Han characters or
    more) its name holds; None when the owner is no company or holds no form."""
    folded = to_simplified(owner)
    if not ORGANISATION.search(folded) and not folded.endswith("社"):
        return None
    held = [form for form in outlets.prefixes if len(form) < len(folded) and form in folded]
    known = outlets.named(max(held, key=len)) if held else None
    return known.name if known else None


def credited_outlet(hints: Hints, page: PageView, outlets: Sequence[Outlet]) -> Sourced | None:
    """The organisation the file credits for the text, or None (step 2 of the outlet chain)."""
    registry = _registry(outlets)
    return (_licence_credit(page) or _source_line(page) or _credited_source(hints, registry)
            or _dateline_credit(page, registry)
            or _header_outlet(page, registry) or _wire_credit(page) or _app_promotion(page)
            or _repost_credit(page, registry) or _translator_outlet(page, registry))


def choose_outlet(hints: Hints, page: PageView, url: str | None,
                  outlets: Sequence[Outlet], front: str | None = None) -> tuple[Sourced | None, SourceType]:
    """The outlet and its source-type badge; `front` (the front matter's outlet) is the first link."""
    registry = _registry(outlets)
    host = (urlparse(url).hostname or "") if url else ""
    by_host = registry.serving(host) if host and not front else None
    platform = _platform(page) or _registry_platform(page, registry)
    found = Sourced(front.strip(), "front-matter") if front and front.strip() else None
    if platform is not None and platform.rule == GENERIC_PLATFORM_RULE:
        # Rule `credit-over-viewer`: WeChat's viewer strings only say the page is some 公众号's post;
        # the account or outlet the text credits (原文来自订阅号「X」, 来源：X) says whose.
        found = found or credited_outlet(hints, page, registry)
    found = found or platform or credited_outlet(hints, page, registry)
    if found is None:
        found = next((Sourced(_site_name(v), r) for v, r in hints.outlets if r in SITE_RULES and _is_name(v)), None)
    if found is None and by_host:
        found = Sourced(by_host.name, "url-host")
    if found is None:
        found = next((Sourced(v, r) for v, r in hints.outlets if _is_name(v)), None) or _copyright_owner(page, registry)
    if found is None:
        found = _imprint(page)
    if found is None and host:
        found = Sourced(host.removeprefix("www."), "url-host")
    self_media = platform is not None or any(USER_UPLOAD.search(f) for f in page.folded)
    if self_media:
        return found, SourceType.SELF_MEDIA
    if found is None:
        return None, SourceType.UNKNOWN
    known = registry.named(found.value) or by_host
    return found, SourceType(known.type) if known else SourceType.NEWSROOM


# --- authors -----------------------------------------------------------------------------------------------


def _editors(page: PageView) -> set[str]:
    """Rule `editor-credit`: every name the page credits as editor, in Simplified form."""
    return {to_simplified(n) for index, folded in enumerate(page.folded) if "编" in folded or "审" in folded
            or "校" in folded or "核" in folded or "监" in folded
            for n in editor_names(folded, page.blocks[index].text)}


def _clean_names(names: Sequence[str], outlet: str | None, outlets: Sequence[Outlet] = (),
                 sites: Sequence[str] = (), editors: set[str] | frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Rule `not-a-person`: drop what a byline field holds that is not a person or an account — the
    outlet itself or any listed outlet (网易, 新京报 in a meta author), a site name, a placeholder
    (未知, name, admin), an address or host (www.example.cn), a company or institution (…股份有限公司…)
    or a desk (国际中心),
    a label (责任编辑), a title (本报驻澳大利亚记者), a dateline
    (澎湖縣28日電), or an editor (a name the page credits as editor, or ending in one: 青网校园崔宁宁)."""
    refused = {to_simplified(x) for x in (outlet, *sites) if x}
    prefixes = _registry(outlets).prefixes
    kept = []
    for name in (n.strip() for n in names):
        folded = to_simplified(name)
        if (not name or folded in refused or folded.startswith(prefixes) or "@" in name
                or DOMAIN.match(name) or ORGANISATION.search(folded) or DESK.fullmatch(folded)
                or _registry(outlets).named(folded.split()[0]) is not None  # BBC News 中文
                or _registry(outlets).named(folded) is not None
                or PLACEHOLDER_NAME.fullmatch(folded) or NAME_LABEL.fullmatch(folded) or TITLE_ONLY.match(folded)
                or WIRE_NAME.fullmatch(folded)
                or (OUTLET_LIKE.search(folded) and len(folded) >= 3)
                or re.search(r"[–—_/|]|\d", name) or ("-" in name and HAN.search(name))
                or any(folded.endswith(e) for e in editors)):
            continue
        kept.append(name)
    return tuple(dict.fromkeys(kept))


def _spelled_out(short: Sequence[str], full: Sequence[str]) -> bool:
    """Whether each short name begins one of the full names and the full ones say more (ERICA → ERICA
    FRANTZ; 丁杰 → 丁杰 苏鸣华): a truncated field."""
    longer = [f.casefold() for f in full]
    if not all(any(f.startswith(s.casefold()) for f in longer) for s in short):
        return False  # the byline names someone else: the field stands
    return len(full) > len(short) or any(
        any(f.startswith(s.casefold()) and len(f) > len(s) for f in longer) for s in short)


def _credited_names(names: Sequence[str]) -> list[str]:
    """A field's names, a credit in one read as a byline (新华社记者王小明 is 王小明)."""
    out: list[str] = []
    for name in names:
        folded = to_simplified(name)
        credit = byline(folded, name) if "记者" in folded or "/" in folded or "：" in folded else None
        out.extend(credit[1] if credit and credit[1] else [name])
    return out


def front_matter_authors(front: Mapping[str, object]) -> list[str]:
    """The authors a file's front matter names (`authors:` or `author:`, a list or one line)."""
    value = front.get("authors") or front.get("author")
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return split_names(str(value)) if value else []


def choose_authors(hints: Hints, page: PageView, outlet: str | None, self_media: bool,
                   outlets: Sequence[Outlet] = (), front: Sequence[str] = ()) -> tuple[str, ...]:
    """Authors, best evidence first (front matter's first); a source whose names are all refused
    (`not-a-person`) gives way to the next. Translators named as people join the winner."""
    sites = [value for value, _ in hints.outlets]
    editors = _editors(page)

    def clean(names: Sequence[str]) -> tuple[str, ...]:
        return _clean_names(names, outlet, outlets, sites, editors)

    markup = [clean(_credited_names(front))] if front else []
    markup += [clean(_credited_names(names)) for rule in MARKUP_AUTHOR_RULES for names, where in hints.authors
               if where == rule]
    text: list[tuple[str, ...]] = []
    first_body = page.body[0] if page.body else len(page.blocks)
    # A dump's field lines and the article header's own lines (文｜财新 秦立峰 beside the date).
    fields = [i for i in range(first_body) if page.blocks[i].rule in (FEED_FIELD, "html-article-header")]
    # A meta line the reader left among the opening's blocks (a headline it kept as a paragraph above).
    last = max(_opening(page), default=-1)
    inside = [i for i in range(first_body, last) if page.blocks[i].rule == "meta-line"]
    # A short credit line some rule dropped just above the body (文 | 秦立峰 taken for chrome).
    for index in [*page.header, *fields, *inside, *_dropped_above(page)]:
        wechat = WECHAT_HEADER.match(page.folded[index])
        if wechat:
            start, end = wechat.span("author") if wechat["author"] else wechat.span("account")
            text.append(clean([page.blocks[index].text[start:end]]))
        credit = byline(page.folded[index], page.blocks[index].text)
        if credit and credit[1]:
            text.append(clean(credit[1]))
    for index in _opening(page):
        folded, original = page.folded[index], page.blocks[index].text
        if page.blocks[index].rule == "meta-line" and (at := after_stamp(folded)) is not None:
            folded, original = folded[at:].lstrip(), _cut(page, index, at, len(folded)).lstrip()
        dateline = parse_dateline(folded, original)
        if dateline and dateline.reporters:
            text.append(clean(dateline.reporters))
        tag = outlet_tag(folded, original)
        if tag and tag[1]:
            text.append(clean(tag[1]))
    for index in page.lead:
        credit = byline(page.folded[index][:LEAD_CREDIT_CHARS], page.blocks[index].text[:LEAD_CREDIT_CHARS],
                        anchored=True)
        if credit and credit[1]:
            text.append(clean(credit[1]))
    for index in page.trailer:
        near = index in page.trailer[:TRAILER_NEAR_BLOCKS]
        if (near or page.blocks[index].rule in TRAILER_CREDIT_RULES) and len(page.folded[index]) <= LEAD_CREDIT_CHARS:
            credit = byline(page.folded[index], page.blocks[index].text)
            if credit and credit[1]:
                text.append(clean(credit[1]))
    if page.body:
        last = page.body[-1]
        text.append(clean(closing_credit(page.folded[last], page.blocks[last].text)))
    for index in page.body:
        folded = page.folded[index]
        signed = wire_credit(folded, page.blocks[index].text) if "电" in folded or "稿" in folded else None
        if signed:
            text.append(clean(signed[1]))
            break
    for index in page.trailer[:TRAILER_NEAR_BLOCKS]:
        text.append(clean(bio_credit(page.folded[index], page.blocks[index].text)))
    markup = [m for m in markup if m]
    text = [t for t in text if t]
    chosen: tuple[str, ...] = ()
    if markup:
        chosen = markup[0]
        if text and _spelled_out(chosen, text[0]):
            chosen = text[0]  # rule `truncated-field`: the byline spells out what the field cut short
    elif text:
        chosen = text[0]
    translators = clean(_translators(page))
    if not chosen and not translators:
        account = _self_media_account(page) if self_media else None
        return (account,) if account else ()
    return tuple(dict.fromkeys([*chosen, *translators]))


def _translators(page: PageView) -> list[str]:
    """Rule `translator-credit` in the header, the trailer or the closing of the last paragraph."""
    places = [*page.header, *page.trailer, *page.body[-1:]]
    names: list[str] = []
    for index in places:
        folded = page.folded[index]
        if "译" in folded:
            names.extend(translator_names(folded, page.blocks[index].text))
    return names


def _self_media_account(page: PageView) -> str | None:
    """Rule `self-media-account`: the posting account, named just above its statistics line
    (文章数/关注度), usually twice (an icon's alt text, then the name); else the account line above
    the post time in the header (`header-account`)."""
    for index in page.with_rule(ACCOUNT_BLOCK):
        window = [ASCII_TAIL.sub("", page.blocks[i].text).strip() for i in range(max(0, index - 5), index)
                  if page.blocks[i].rule not in ("timestamp-line", "meta-line")]
        window = [w for w in window if 2 <= len(w) <= 20]
        for name in window:
            if window.count(name) >= 2:
                return name
        if window:
            return window[0]
    accounts = page.with_rule(HEADER_ACCOUNT)
    if accounts:
        return page.blocks[accounts[0]].text
    return _account_by_shape(page)


def _account_name(text: str) -> bool:
    folded = to_simplified(text.strip())
    return (2 <= len(folded) <= ACCOUNT_NAME_MAX and not re.search(r"[\s:：，,。|｜/]|\d", folded)
            and not PLACEHOLDER_NAME.fullmatch(folded) and not NAME_LABEL.search(folded))


def _account_by_shape(page: PageView) -> str | None:
    """Rule `account-by-shape`, when the classifier marked no account: the name just above a
    statistics line the reader kept apart (港湾观察 / 文章数 321 总阅读量 5万), the name alone on the
    line above the header's date (港湾观察 / 发布时间: 03-02 09:15), or what the 来源 line of a
    platform's post names (来源: 港湾观察)."""
    body = set(page.body)
    for index, folded in enumerate(page.folded):
        if index not in body and ACCOUNT_STATS_LINE.search(folded) and len(folded) <= LEAD_CREDIT_CHARS:
            above = [page.blocks[i].text.strip() for i in range(max(0, index - 3), index) if i not in body]
            names = [a for a in reversed(above) if _account_name(a)]
            if names:
                return names[0]
    for index in page.header:
        if index > 0 and page.blocks[index - 1].rule in HEADER_NAME_RULES and page.blocks[index].rule == "meta-line" \
                and _account_name(page.blocks[index - 1].text):
            return page.blocks[index - 1].text.strip()
    source = _source_line(page)
    return source.value if source and _account_name(source.value) and not OUTLET_LIKE.search(
        to_simplified(source.value)) else None


# --- the credits' own text in the body ---------------------------------------------------------------------


def trim_credits(blocks: Sequence[Block], outlets: Sequence[Outlet]) -> list[Block]:
    """Rule `credit-cut`: the credits the outlet and authors chains read at the body's edges are not
    the story's text — an English-style dateline opening the first paragraph (VOA - , 美国之音华盛顿—)
    and a closing credit ending the last one (（记者 王小明）, （王小明／台南报导））. The paragraph
    keeps the rest; a last paragraph that is only the credit is dropped (`closing-credit`), a first
    one that is only a dateline stays."""
    kept = [i for i, b in enumerate(blocks) if b.kept and b.kind is BlockKind.PARAGRAPH]
    if not kept:
        return list(blocks)
    out = list(blocks)
    first, last = kept[0], kept[-1]
    text = out[first].text
    dash = dash_dateline(to_simplified(text), outlets)
    if dash and text[dash[2]:].strip():
        out[first] = replace(out[first], text=text[dash[2]:].lstrip())
    text = out[last].text
    folded = to_simplified(text)
    start = closing_credit_start(folded if len(folded) == len(text) else text)
    if start is not None and text[:start].strip():
        out[last] = replace(out[last], text=text[:start].rstrip())
    elif start is not None and last != first:  # the credit alone: a byline the reader kept
        out[last] = replace(out[last], kind=BlockKind.NOISE, kept=False, rule=CLOSING_CREDIT_RULE)
    return out


__all__ = ["AUTHORS_CHAIN", "OUTLET_CHAIN", "choose_authors", "choose_outlet", "credited_outlet",
           "front_matter_authors", "known_outlet", "outlet_by_host", "trim_credits"]
