"""Title, date, outlet, authors, url, source type and page: per-field fallback chains.

Each chain tries its sources best first and keeps the first that answers (trafilatura's
`extract_metadata`); each value records the rule that produced it, and a helper that is unsure
returns None rather than guess. Text rules read the Simplified form of a block (so 記者 and 電
need no second spelling) but return what the page wrote.

  title    JSON-LD headline > og:title > an API's title field > a feed's link line > Markdown # >
           the headline line (unless the page's <title> holds more of it or another title: rule
           `page-title-over-headline`) > <title> (site name cut off) > the first sentence, after any
           dateline and opening time clause (marked inferred)
  date     explicit publication time (markup, API field, the header's meta line) > a date in the
           URL > the dateline (its year and month from the page's other dates) > the feed's
           timestamp > a ROC date stamp > the latest dated reference (month) > the lead (month)
           > the latest date in the body (month). Recommendation lists, comments and crawl stamps
           never count: the classifier has marked them.
  outlet   a self-media platform (its notice, breadcrumb or app strings) > publisher / site name /
           API source > a translator line (翻译：纽约时报中文网) > the dateline's agency, a bracket tag,
           a reporter credit or an app promotion > a 来源： line > a known URL host > the <title>'s
           site suffix or the copyright owner > a footer's newspaper imprint > an unknown host. Names
           are given as the page writes them; `content/outlets.yaml` supplies names for hosts and the
           source-type badge.
  authors  markup (JSON-LD, <address>, meta author, API field) > bylines in the header > the
           dateline's reporters > a credit opening the body > bylines after the body > the
           self-media account. Never editors or translators.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..dates import (
    FULL_DATE,
    MONTH_DAY,
    MONTH_ONLY,
    YEAR_MONTH,
    DateValue,
    date_in_url,
    from_iso,
    full_dates,
    make_date,
    month_mentions,
    parse_explicit,
    resolve_day,
    roc_stamp,
    years_mentioned,
)
from ..han import HAN, HAN_CLASS
from ..model import Block, BlockKind, Reference, Sourced, SourcedDate, SourceForm, SourceType
from ..rulenames import SOURCE_LINE
from ..textnorm import to_simplified
from ..vocab import Outlet
from .attribution import (
    HEADER_ACCOUNT,
    LEAD_CREDIT_CHARS,
    choose_authors,
    choose_outlet,
    front_matter_authors,
    known_outlet,
    outlet_by_host,
)
from .candidates import Hints
from .credits import parse_dateline
from .patterns import (
    PAGE_LINKS,
    PAGE_OF,
    SITE_SUFFIX,
    TIMESTAMP_LINE,
    TITLE_SEPARATOR,
)

TITLE_MAX_DERIVED = 30
TITLE_MAX_WHOLE = 120
LEAD_TIME_CLAUSE = re.compile(r"^(?:当地时间|北京时间|据\S{1,12}报道，?)?\s*(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日"
                              r"(?:上午|下午|晚间|晚上|凌晨|早上|中午|晚)?\s*[，,]")
TITLE_MIN_PAGE = 6  # a <title> shorter than this names a section (新闻动态), not a story
SITE_PART_MAX = 16
SITE_BRAND_MAX = 10  # a site's brand without a telling suffix (游民星空) after _ or |
LATIN_BRAND = re.compile(r"[A-Za-z][A-Za-z0-9 .&'’-]{1,24}")
CHANNEL_PART_MAX = 4
LEAD_BLOCKS = 2
FULL_OR_MONTH = re.compile(f"{FULL_DATE.pattern}|{YEAR_MONTH.pattern}")
CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")
REFERENCE_DATE = re.compile(r"((?:19|20)\d{2}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?)")
REFERENCE_OUTLET = re.compile(f"^[{HAN_CLASS}A-Za-z0-9·]{{2,12}}$")
# A Taiwanese wire trailer: （編輯：陳俊華）1140709 — the stamp is the story's date in the ROC calendar.
ROC_TRAILER = re.compile(r"[)）。]\s*(1[01]\d{5})$")
EXPLICIT_TITLE_RULES = ("json-ld:headline", "html:og-title", "api:title", "feed:title", "feed:link-line",
                        "markdown:h1")
# Title sources that may carry the site's name after the story's (标题_频道_某某网).
SUFFIXED_TITLE_RULES = ("html:og-title", "api:title", "feed:title")
# A newspaper's page label before a title in its feed or API (03版 - , 第A2版：): where it was printed,
# not what the story is called (rule `page-label`); the page's column name may follow the label.
# A scrape's field label before the headline: 标题：…, 題目：…, Title: …
TITLE_LABEL = re.compile(r"^(?:标题|標題|题目|題目|新闻标题|新聞標題|Title|Headline)\s*[:：]\s*(?=\S)", re.I)
# What a CMS or a test puts where a headline belongs (read in Simplified).
PLACEHOLDER_TITLE = re.compile(r"(?:新增|新建|编辑|测试|默认)(?:讯息|消息|文章|新闻|内容|标题)?\s*\d*|未命名|无标题|"
                               r"无题|标题|untitled|no title|test\s*\d*|null|none|undefined", re.I)
# A header field of a scrape, which is never the headline: 来源：…, Source: …, 作者：…, 发布时间：…
FIELD_LINE = re.compile(r"^\s*(?:来源|作者|编辑|责任编辑|记者|发布时间|发布日期|时间|日期|浏览|阅读|字号|"
                        r"Source|Author|By|Published|Updated|Date|Posted)\s*[:：]", re.I)
TITLE_MAX_LINE = 60
PAGE_LABEL = re.compile(r"^(?:第\s*)?[A-Z]?[0-9０-９]{1,3}\s*版(?:[^\s\-–—:：|｜_]{1,8})?"  # 04版教科文新闻 -
                        r"\s*(?:[-–—:：|｜_]\s*|\s+)(?=\S)")
# A portal's channel after the title (…-搜狐财经, _新浪科技): a brand and a channel word, named like a site.
CHANNEL_SITE = re.compile(r"\S{1,5}(?:财经|科技|体育|娱乐|汽车|军事|教育|健康|时尚|房产|文化|旅游|数码|游戏|股票|基金|"
                          r"国际|国内|社会|评论|视频|图片|博客|读书|女性|新闻中心|资讯)$")
CHANNEL_SITE_MAX = 8
SITE_OUTLET_RULES = ("json-ld:publisher", "html:site-name", "api:source", "feed:source")


class _Page:
    """The blocks with their Simplified forms, computed once for all chains."""

    def __init__(self, blocks: Sequence[Block], folded: Sequence[str] | None = None) -> None:
        self.blocks = list(blocks)
        self.folded = list(folded) if folded is not None else [to_simplified(b.text) for b in blocks]
        self.body = [i for i, b in enumerate(blocks)
                     if b.kept and b.kind not in (BlockKind.CAPTION, BlockKind.REFERENCE)]
        self.lead = [i for i in self.body if self.blocks[i].kind is BlockKind.PARAGRAPH][:LEAD_BLOCKS]
        first_body = self.body[0] if self.body else len(self.blocks)
        last_body = self.body[-1] if self.body else -1
        self.header = [i for i in range(first_body) if self.blocks[i].rule in ("meta-line", HEADER_ACCOUNT)]
        self.trailer = [i for i in range(last_body + 1, len(self.blocks)) if not self.blocks[i].kept]

    def with_rule(self, *rules: str) -> list[int]:
        return [i for i, b in enumerate(self.blocks) if b.rule in rules]


# --- title ---------------------------------------------------------------------------------------------


def strip_site_suffix(title: str, site_names: Sequence[str] = ()) -> tuple[str, str | None]:
    """`标题_国际_寰宇时事网` → (标题, 寰宇时事网): trailing parts that name the site are not the story's
    title. A part names the site when it reads like a site name (…网, …新闻, News), is the page's
    site name, is a Latin brand after a Chinese title (The Paper), or is short and set off by `_` or
    `|`, which pages use for nothing else; once the site is cut, a channel name before it goes too.
    The site returned is the Chinese name where the title gives one (澎湃新闻, not The Paper)."""
    pieces = re.split(f"({TITLE_SEPARATOR.pattern})", title)
    parts = pieces[0::2]
    separators = [p.strip() for p in pieces[1::2]]
    chinese = bool(HAN.search(parts[0]))
    sites: list[str] = []
    while len(parts) > 1 and parts[-1].strip():
        last, separator = parts[-1].strip(), separators[-1]
        short_after_bar = separator[:1] in ("_", "|", "｜")
        # A part longer than all that comes before it is the story's title, whatever it ends in (…安全网);
        # Latin letters weigh half (BBC News 中文 is a short name).
        is_site = len(last) <= SITE_PART_MAX and _weight(last) <= _weight("".join(parts[:-1])) and (
            bool(SITE_SUFFIX.search(last)) or last in site_names
            or (len(last) <= CHANNEL_SITE_MAX and bool(CHANNEL_SITE.search(last)))
            or (chinese and bool(LATIN_BRAND.fullmatch(last)))
            or (short_after_bar and len(last) <= SITE_BRAND_MAX))
        is_channel = bool(sites) and len(last) <= (CHANNEL_PART_MAX if not short_after_bar else SITE_BRAND_MAX)
        if not (is_site or is_channel):
            break
        if is_site:
            sites.append(last)
        parts.pop()
        separators.pop()
    if not sites or not "".join(parts).strip():
        return title, None
    kept = "".join(p + (separators[i] if i < len(separators) else "") for i, p in enumerate(parts))
    site = next((s for s in sites if SITE_SUFFIX.search(s) and HAN.search(s)), sites[0])
    return kept.strip(), site


def _weight(text: str) -> float:
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.5 for ch in text if not ch.isspace())


def derive_title(blocks: Sequence[Block]) -> str | None:
    """A short headline from the first sentence: cut at the last clause boundary within the limit."""
    first = next((b.text for b in blocks if b.kept and b.kind is BlockKind.PARAGRAPH), None)
    if not first:
        return None
    found = parse_dateline(to_simplified(first), first)
    if found:
        first = first[found.end:].lstrip("）) ")
    sentence = re.split(r"(?<=[。！？!?])", first)[0].strip()
    # A lead that opens with when it happened (当地时间6月25日，…) says what happened after it.
    opening = LEAD_TIME_CLAUSE.match(sentence)
    if opening and len(sentence) - opening.end() >= 8:
        sentence = sentence[opening.end():]
    if len(sentence) <= TITLE_MAX_DERIVED:
        return sentence.rstrip("。")
    cuts = [m.start() for m in CLAUSE_BREAK.finditer(sentence) if 6 <= m.start() <= TITLE_MAX_DERIVED]
    if cuts:
        return sentence[: cuts[-1]]
    return sentence[:TITLE_MAX_DERIVED] + "…"


def _headline_within(title: str, headline: str) -> bool:
    """Rule `headline-within-title`: the article's own headline (<h1>) ends a title that puts a short
    column or site name in front of it across a separator (法国报纸摘要 - 标题, 栏目｜标题). What
    follows a headline is left to `strip_site_suffix`: after a separator it may be the headline's
    second half."""
    squeezed, whole = re.sub(r"\s+", "", headline), re.sub(r"\s+", "", title)
    if len(squeezed) < TITLE_MIN_PAGE or squeezed == whole or not whole.endswith(squeezed):
        return False
    before = re.match(f"(.+?)(?:{TITLE_SEPARATOR.pattern})$", whole[: len(whole) - len(squeezed)])
    return before is not None and len(before[1]) <= SITE_PART_MAX


def _headline_block(blocks: Sequence[Block]) -> Block | None:
    """The reader's headline line, unless it is a field of the header (Source: …, 来源：…, 作者：…): rule
    `headline-not-a-field` then takes the nearest line above it that reads like a headline (short, no
    sentence end, no field label), else none."""
    at = next((i for i, b in enumerate(blocks) if b.rule == "headline"), None)
    if at is None or not FIELD_LINE.match(to_simplified(blocks[at].text)):
        return blocks[at] if at is not None else None
    for block in reversed(blocks[:at]):
        text = block.text.strip()
        if (not block.kept and TITLE_MIN_PAGE <= len(text) <= TITLE_MAX_LINE and text[-1] not in "。！？!?；;，,：:"
                and not FIELD_LINE.match(to_simplified(text)) and not FULL_DATE.search(text)):
            return Block(text, BlockKind.HEADING, False, "headline", block.line)
    return None


def _labels_cut(found: Sourced) -> Sourced:
    """Rules `page-label` and `title-label`: 03版 - 标题 and 标题：标题 are the headline after the label."""
    cut = TITLE_LABEL.sub("", PAGE_LABEL.sub("", found.value))
    return Sourced(cut, found.rule, found.inferred) if cut != found.value and cut.strip() else found


def choose_title(form: SourceForm, hints: Hints, blocks: Sequence[Block]) -> Sourced | None:
    found = _choose_title(form, hints, blocks)
    return _labels_cut(found) if found else None


def _choose_title(form: SourceForm, hints: Hints, blocks: Sequence[Block]) -> Sourced | None:
    sites = [value for value, rule in hints.outlets if rule in SITE_OUTLET_RULES]
    # Rule `placeholder-title`: a CMS's default (新增訊息, 无标题, Untitled) names no story.
    hints = Hints(**{**vars(hints), "titles": [(v, r) for v, r in hints.titles
                                                if not PLACEHOLDER_TITLE.fullmatch(to_simplified(v).strip())]})
    headline = _headline_block(blocks)
    for rule in EXPLICIT_TITLE_RULES:
        for value, found_rule in hints.titles:
            if found_rule == rule and value:
                if headline and _headline_within(value, headline.text):
                    return Sourced(headline.text, f"{form.value}:headline")
                strip = rule in SUFFIXED_TITLE_RULES
                return Sourced(strip_site_suffix(value, sites)[0] if strip else value, rule)
    page_title = next((strip_site_suffix(v, sites)[0] for v, r in hints.titles if r == "html:title"), None)
    if headline and page_title and len(page_title) >= TITLE_MIN_PAGE and len(page_title) <= TITLE_MAX_WHOLE:
        # Rule `page-title-over-headline`: the page's <title> says what the story is called. A
        # headline line that is only part of it (a heading set over several lines) or unrelated to
        # it (a guess among the lines above the body) gives way; a headline that the <title> repeats
        # with something after a separator (an unknown site name) stands, and so does one that the
        # <title> follows with a site name after a space only (标题 某某日报网).
        squeezed, whole = re.sub(r"\s+", "", headline.text), re.sub(r"\s+", "", page_title)
        at = whole.find(squeezed)
        rest = whole[len(squeezed):]
        spaced_site = bool(rest) and len(rest) <= SITE_PART_MAX and bool(SITE_SUFFIX.search(rest)) \
            and bool(re.search(rf"\s{re.escape(rest)}$", page_title))
        repeats = at == 0 and (not rest or bool(TITLE_SEPARATOR.match(rest)) or spaced_site)
        if not repeats and whole not in squeezed:
            return Sourced(page_title, "html:title")
    if headline:
        return Sourced(headline.text, f"{form.value}:headline")
    for value, rule in hints.titles:
        if value:
            return Sourced(strip_site_suffix(value, sites)[0], rule)
    derived = derive_title(blocks)
    return Sourced(derived, "derived:first-sentence", inferred=True) if derived else None


# --- references ----------------------------------------------------------------------------------------


def _references(blocks: Sequence[Block]) -> tuple[tuple[Reference, ...], tuple[DateValue, ...]]:
    """Entries of a 参考资料 list: "title outlet date", "title date outlet" or "title，date"; and the
    dates they give, for the date chain."""
    out, dates = [], []
    for block in blocks:
        if block.kind is not BlockKind.REFERENCE:
            continue
        match = REFERENCE_DATE.search(block.text)
        date = parse_explicit(match[1]) if match else None
        head = block.text[: match.start()].strip(" ，,;；") if match else block.text
        tail = block.text[match.end():].strip(" ，,;；") if match else ""
        title, outlet = head, tail or None
        parts = head.rsplit(" ", 1)
        if len(parts) == 2 and REFERENCE_OUTLET.match(parts[1]) and HAN.search(parts[1]):
            title, outlet = parts[0], parts[1]
        out.append(Reference(title=title.strip(" ，,"), outlet=outlet, date=date))
        dates.extend([date] if date else [])
    return tuple(out), tuple(dates)


# --- date ----------------------------------------------------------------------------------------------


def _month(value: DateValue) -> DateValue:
    """An inferred date keeps month precision only."""
    return DateValue(value.year, value.month)


def _roc_date(page: _Page) -> DateValue | None:
    """Rule `roc-stamp`: the ROC date stamp that ends Taiwanese wire copy, after the editor credit or
    right after the last sentence (…縮小。1040820)."""
    for index in [*page.trailer, *page.body[-1:]]:
        match = ROC_TRAILER.search(page.folded[index])
        if match:
            return roc_stamp(match[1])
    return None


# A re-post's credit for where it came from (本文轉載自信報, 原文題為…, 首发于…): a bare date line next to
# it is the original's date.
META_LINE_RULE = "meta-line"  # the classifier's name for a date/source/byline line around the headline
REPOST_CREDIT = re.compile(r"转载|转自|原文|原载|首发|出处|来源|本文来自")
REPOST_DATE_WINDOW = 3  # blocks between the credit and its date line


def _stamp_line(page: _Page) -> SourcedDate | None:
    """Rule `stamp-line`: a dropped meta or source line that states a full date (BUSINESS.EXAMPLE.COM
    2005年3月11日12:12, 来源：某报 2021-11-25 16:26) where the reader did not put it above the body (a
    table layout, a source line under the headline box): in the first half of the body at the latest,
    never among the lines after it (recommendations, comments)."""
    if not page.body:
        return None
    limit = page.body[len(page.body) // 2]
    for index in range(limit):
        block = page.blocks[index]
        if not block.kept and block.rule in (META_LINE_RULE, SOURCE_LINE) and index not in page.header:
            parsed = parse_explicit(page.folded[index])
            if parsed and parsed.day:
                return SourcedDate(parsed, "text:meta-line")
    return None


# A stamp closing the text: （远东经济观察 2025年5月4日）, or 发布于 2025-05-03 21:30 right after the body.
CLOSING_CREDIT = re.compile(r"^[（(]\s*[^（()）]{2,24}?\s+([^（()）]{6,24})\s*[)）]$")
POSTED_AT = re.compile(r"^(?:发布于|发表于|发布时间|发表时间|发布日期|刊发于|首发于)\s*[:：]?\s*")
TRAILER_STAMP_REACH = 2  # blocks after the body where the post's own time stands


def _closing_stamp(page: _Page) -> SourcedDate | None:
    """Rule `closing-stamp`: the date that closes the text — an outlet and date in brackets as its last
    paragraph, or a posting time (发布于 …, or a bare timestamp) in the first lines after the body."""
    if page.body:
        match = CLOSING_CREDIT.match(page.folded[page.body[-1]].strip())
        parsed = parse_explicit(match[1]) if match else None
        if parsed and parsed.day:
            return SourcedDate(parsed, "text:closing-stamp")
    for index in page.trailer[:TRAILER_STAMP_REACH]:
        folded = page.folded[index].strip()
        posted = POSTED_AT.match(folded)
        stamp = folded[posted.end():] if posted else folded
        if (posted or TIMESTAMP_LINE.match(folded)) and len(stamp) <= LEAD_CREDIT_CHARS:
            parsed = parse_explicit(stamp)
            if parsed and parsed.day:
                return SourcedDate(parsed, "text:closing-stamp")
    return None


# A line that is only a day, with at most its weekday: 2025年03月01日, 2025-03-01 星期六 (no clock time:
# a list entry or a crawl stamp carries one).
DAY_LINE = re.compile(r"^\s*(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})"
                      r"\s*(?:星期.|周.)?\s*$")


def _issue_date(page: _Page) -> SourcedDate | None:
    """Rule `issue-date`: a digital edition (数字报) prints its issue's day on a line of its own in the
    chrome above the article (2025年03月01日 beside the page list); one day, stated once or repeated,
    in the lines above the body and in none after it. Two different days there, or a day line after
    the body (a list of dated entries), say nothing."""
    if not page.body:
        return None
    above = {page.folded[i].strip() for i in range(page.body[0]) if DAY_LINE.match(page.folded[i])}
    values = {parse_explicit(line) for line in above}
    below = any(DAY_LINE.match(page.folded[i]) for i in page.trailer)
    if len(values) == 1 and not below:
        value = values.pop()
        if value and value.day:
            return SourcedDate(value, "text:issue-date")
    return None


def _original_date(page: _Page, stated: DateValue) -> SourcedDate | None:
    """Rule `repost-original-date`: a re-post (a note whose front matter holds the time it was
    re-posted) that states the original's date — in a byline or meta line above the body (作者：…
    2025年10月28日纽约时报), or as a bare date line by its credit after the body (本文轉載自… /
    2025-11-29) — is dated by that original date, when it is a full date before the re-post's."""
    first_body = page.body[0] if page.body else len(page.blocks)
    header = [i for i in range(first_body) if len(page.folded[i]) <= LEAD_CREDIT_CHARS]
    credits = [i for i in page.trailer if REPOST_CREDIT.search(page.folded[i])]
    near_credit = [i for i in page.trailer if TIMESTAMP_LINE.match(page.folded[i].strip())
                   and any(0 < i - c <= REPOST_DATE_WINDOW for c in credits)]
    for index in [*header, *near_credit]:
        for value in full_dates(page.folded[index]):
            if value.day and value < stated:
                return SourcedDate(value, "text:original-date")
    return None


def choose_date(hints: Hints, page: _Page, url: str | None, ref_dates: Sequence[DateValue],
                front_date: str | None = None) -> SourcedDate | None:
    """Publication date, best evidence first; inferred dates keep month precision only. The front
    matter's date comes first, unless it is a re-post's own time (`repost-original-date`)."""
    stated = (from_iso(front_date) or parse_explicit(front_date)) if front_date else None
    if stated:
        return _original_date(page, stated) or SourcedDate(stated, "front-matter")
    for value, rule in hints.dates:
        parsed = parse_explicit(value)
        if parsed:
            return SourcedDate(parsed, rule)
    for index in page.header:
        if page.blocks[index].rule == "meta-line":
            parsed = parse_explicit(page.folded[index])
            if parsed:
                return SourcedDate(parsed, "text:meta-line")
    stamped = _stamp_line(page)
    if stamped:
        return stamped
    url_date = date_in_url(url) if url else None
    if url_date and url_date.day:
        return SourcedDate(url_date, "url")
    feed = next((d for d in (parse_explicit(v) for v, _ in hints.feed_dates) if d), None)
    roc = _roc_date(page)
    dated_refs = list(ref_dates)
    body_text = "\n".join(page.blocks[i].text for i in page.body)
    context = feed or roc or url_date or (max(dated_refs) if dated_refs else None)
    dateline = _dateline(page, context, _context_year(body_text, ref_dates))
    if dateline and dateline.inferred and roc == dateline.when:
        return SourcedDate(roc, dateline.rule)  # stated after all: the stamp gives the day the dateline implies
    if dateline:
        return dateline
    closing = _closing_stamp(page)
    if closing:
        return closing
    issue = _issue_date(page)
    if issue and (url_date is None or (issue.when.year, issue.when.month) == (url_date.year, url_date.month)):
        return issue
    if url_date:
        return SourcedDate(url_date, "url")
    if feed:
        return SourcedDate(feed, hints.feed_dates[0][1])
    if roc:
        return SourcedDate(roc, "text:roc-stamp")
    if dated_refs:
        return SourcedDate(_month(max(dated_refs)), "references:latest", inferred=True)
    lead = _lead_date([page.blocks[i] for i in page.lead], _context_year(body_text, ref_dates))
    if lead:
        return lead
    body_dates = full_dates(body_text)
    if body_dates:
        return SourcedDate(_month(max(body_dates)), "body:latest-date", inferred=True)
    return None


def _dateline(page: _Page, context: DateValue | None, context_year: int | None) -> SourcedDate | None:
    """Rule `dateline`: 新华社巴黎12月9日电 (year from the page's other dates, else the year the body
    speaks from) or 中央社台北10日電 (month and year from a full date elsewhere on the page)."""
    for index in page.lead:
        found = parse_dateline(page.folded[index], page.blocks[index].text)
        if found is None:
            continue
        if found.year and found.month:
            value = make_date(found.year, found.month, found.day)
        elif context is not None:
            value = resolve_day(found.day, found.month, context)
        elif found.month and context_year:
            value = make_date(context_year, found.month, found.day)
        else:
            value = None
        if value:
            return SourcedDate(value, "text:dateline", inferred=not found.year)
    return None


def _lead_date(lead: Sequence[Block], context_year: int | None) -> SourcedDate | None:
    """Rule `lead-date`: the first date the lead paragraph gives (a news lead dates its event):
    a full one as it is, a month and day with the year the article speaks from."""
    for block in lead:
        dated = full_dates(block.text)
        months = month_mentions(block.text)
        first_full = FULL_OR_MONTH.search(block.text)
        if dated and (not months or (first_full and first_full.start() <= _first_month_at(block.text))):
            return SourcedDate(_month(dated[0]), "body:lead-date", inferred=True)
        if months and context_year:
            return SourcedDate(DateValue(context_year, months[0][0]), "body:lead-month+context-year",
                               inferred=True)
    return None


def _first_month_at(text: str) -> int:
    match = MONTH_DAY.search(text) or MONTH_ONLY.search(text)
    return match.start() if match else len(text)


def _context_year(body_text: str, ref_dates: Sequence[DateValue]) -> int | None:
    """The year the article speaks from: the latest year given with a month, else any year said."""
    years = [d.year for d in full_dates(body_text)]
    years += [d.year for d in ref_dates]
    if not years:
        years = [y for y in years_mentioned(body_text) if y <= 2100]
    return max(years) if years else None


# --- url -----------------------------------------------------------------------------------------------


# A labelled address line of a text scrape, outside the body: 原文链接：https://…, URL: https://…
URL_LINE = re.compile(r"^\s*(?:原文链接|原文地址|原文网址|原文|文章链接|文章地址|本文链接|本文地址|链接|网址|来源网址|"
                      r"来源链接|出处|URL|Link|Source)\s*[:：]\s*(https?://[^\s<>\"'，。）)]+)", re.I)


def choose_url(hints: Hints, page: _Page | None = None) -> str | None:
    for rule in ("html:canonical", "html:og-url", "json-ld:url", "html:paper-property", "api:url", "feed:link-line",
                 "feed:link", "markdown:heading-link", "markdown:original-link"):
        for value, found in hints.urls:
            if found == rule and value.startswith(("http://", "https://")):
                return value
    stated = _url_line(page) if page is not None else None
    return stated or next((value for value, rule in hints.urls if rule == "html:share-link"), None)


def _url_line(page: _Page) -> str | None:
    """Rule `url-line`: a scrape's labelled address line (原文链接：https://…) above or below the body."""
    body = set(page.body)
    for index, folded in enumerate(page.folded):
        match = URL_LINE.match(folded) if index not in body else None
        if match:
            return page.blocks[index].text[match.start(1):match.end(1)]
    return None


# --- outlet, source type and authors: see attribution.py -----------------------------------------------


# --- pages ---------------------------------------------------------------------------------------------


def choose_page(hints: Hints, page: _Page) -> tuple[int, int] | None:
    """Rule `pagination`: 第1页/共3页, (1/3), or a row of page links (上一页 1 2 3 下一页): the page this
    copy is and how many there are. A row without 上一页 is page one; without 下一页, the last."""
    for value, _ in hints.pages:
        return value
    for folded in page.folded:
        match = PAGE_OF.search(folded)
        if match:
            numbers = [int(g) for g in match.groups() if g]
            if len(numbers) == 2 and 1 <= numbers[0] <= numbers[1] and numbers[1] > 1:
                return numbers[0], numbers[1]
    for folded in page.folded:
        if PAGE_LINKS.match(folded) and ("下一页" in folded or "上一页" in folded or "下页" in folded):
            numbers = [int(n) for n in re.findall(r"\d{1,2}", folded)]
            if len(numbers) >= 2:
                last = max(numbers)
                if "上一页" not in folded and "上页" not in folded:
                    return 1, last
                if "下一页" not in folded and "下页" not in folded:
                    return last, last
    return None


@dataclass(frozen=True)
class Metadata:
    """What the chains hand the clean stage: every metadata field of an `Article`, each value with the
    rule that found it (front matter first where it has the field)."""

    title: Sourced | None
    date: SourcedDate | None
    outlet: Sourced | None
    source_type: SourceType
    authors: tuple[str, ...]
    url: str | None
    references: tuple[Reference, ...]
    page: tuple[int, int] | None


def build_metadata(form: SourceForm, hints: Hints, blocks: Sequence[Block], outlets: Sequence[Outlet],
                   folded: Sequence[str] | None = None, front: Mapping[str, object] | None = None) -> Metadata:
    """`folded[i]` is `to_simplified(blocks[i].text)` when the caller has it (the classifier made it).
    `front` is the input's front matter: the first link of every chain."""
    front = front or {}
    page = _Page(blocks, folded)
    references, ref_dates = _references(blocks)
    front_url = str(front.get("url") or "")
    url = front_url if front_url.startswith(("http://", "https://")) else choose_url(hints, page)
    front_outlet = str(front.get("outlet") or front.get("source") or "") or None
    outlet, source_type = choose_outlet(hints, page, url, outlets, front_outlet)
    authors = choose_authors(hints, page, outlet.value if outlet else None, source_type is SourceType.SELF_MEDIA,
                             outlets, front_matter_authors(front))
    front_title = front.get("title")
    if isinstance(front_title, str) and front_title.strip():
        title: Sourced | None = Sourced(front_title.strip(), "front-matter")
    else:
        title = choose_title(form, hints, blocks)
    return Metadata(
        title=title,
        date=choose_date(hints, page, url, ref_dates, str(front["date"]) if front.get("date") else None),
        outlet=outlet,
        source_type=source_type,
        authors=tuple(a for a in authors if a),
        url=url,
        references=references,
        page=choose_page(hints, page),
    )


__all__ = ["Metadata", "build_metadata", "choose_title", "derive_title", "known_outlet", "outlet_by_host",
           "strip_site_suffix"]
