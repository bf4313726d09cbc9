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
           site suffix or the copyright owner > an unknown host. Names are given as the page writes
           them; `content/outlets.yaml` supplies names for hosts and the source-type badge.
  authors  markup (JSON-LD, <address>, meta author, API field) > bylines in the header > the
           dateline's reporters > a credit opening the body > bylines after the body > the
           self-media account. Never editors or translators.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from urllib.parse import urlparse

from ..dates import (
    FULL_DATE,
    MONTH_DAY,
    MONTH_ONLY,
    YEAR_MONTH,
    DateValue,
    date_in_url,
    full_dates,
    make_date,
    month_mentions,
    parse_explicit,
    resolve_day,
    roc_stamp,
    years_mentioned,
)
from ..model import Block, BlockKind, Reference, Sourced, SourceForm, SourceType
from ..textnorm import to_simplified
from ..vocab import Outlet, Outlets
from .candidates import Hints
from .credits import OUTLET_LIKE, byline, parse_dateline
from .patterns import (
    APP_PROMO,
    COPYRIGHT_OWNER,
    PAGE_LINKS,
    PAGE_OF,
    PLATFORM_NAME,
    PLATFORM_NOTICE,
    SITE_SUFFIX,
    SOURCE_CHANNEL,
    SOURCE_LINE,
    SOURCE_TRAILING_LABEL,
    TIMESTAMP_LINE,
    TITLE_SEPARATOR,
    TRANSLATOR_LINE,
    USER_UPLOAD,
    WECHAT_HEADER,
    WECHAT_MARKERS,
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
LEAD_CREDIT_CHARS = 80
FULL_OR_MONTH = re.compile(f"{FULL_DATE.pattern}|{YEAR_MONTH.pattern}")
CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")
ACCOUNT_STATS = "account-block"
HEADER_ACCOUNT = "header-account"
ASCII_TAIL = re.compile(r"(\s+[A-Za-z][\w-]*)+$")
REFERENCE_DATE = re.compile(r"((?:19|20)\d{2}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?)")
REFERENCE_OUTLET = re.compile(r"^[\u3400-\u9fffA-Za-z0-9·]{2,12}$")
# A Taiwanese wire trailer: （編輯：陳俊華）1140709 — the stamp is the story's date in the ROC calendar.
ROC_TRAILER = re.compile(r"[)）。]\s*(1[01]\d{5})$")
WECHAT_PLATFORM = "微信公众号"
WECHAT_MARKERS_MIN = 2
EXPLICIT_TITLE_RULES = ("json-ld:headline", "html:og-title", "api:title", "feed:title", "feed:link-line",
                        "markdown:h1")
# Title sources that may carry the site's name after the story's (标题_频道_某某网).
SUFFIXED_TITLE_RULES = ("html:og-title", "api:title", "feed:title")
# A newspaper's page label before a title in its feed or API (03版 - , 第A2版：): where it was printed,
# not what the story is called (rule `page-label`).
PAGE_LABEL = re.compile(r"^(?:第\s*)?[A-Z]?[0-9０-９]{1,3}\s*版\s*(?:[-–—:：|｜_]\s*|\s+)(?=\S)")
MARKUP_AUTHOR_RULES = ("json-ld:author", "html:address", "html:meta-author", "api:author", "feed:author")
# What a byline field sometimes holds instead of a name.
PLACEHOLDER_NAME = re.compile(r"未知|佚名|匿名|不详|admin|administrator|name|author|editor|user|system|root|"
                              r"小编|本站|本网|网友|管理员|编辑部|记者|作者|null|none|undefined", re.I)
NAME_LABEL = re.compile(r"(?:责任编辑|责编|编辑|校对|审核|来源|时间|发布时间|日期|原标题|字号)")
# A breadcrumb trail, whatever rule dropped it: 网易首页 > 网易号 > 正文.
BREADCRUMB_SHAPE = re.compile(r"^\S{1,12}(?:\s*[>›»]\s*\S{1,12}){1,6}(?:\s+\S{1,6})?$")
# How a paper names itself in its own credits (【本報消息】, 本报北京3月5日电): it names no outlet.
SELF_REFERENCE = re.compile(r"本报|本网|本台|本刊|本站|本社")
# A 来源 that names no one: "from the internet".
PLACEHOLDER_SOURCE = re.compile(r"网络|互联网|网络整理|综合|综合整理|网友|本站|本网|未知|不详|原创|转载|其他|其它")
# Where a byline after the body may sit: not in recommendation lists or comments.
TRAILER_CREDIT_RULES = ("meta-line", "after-body-chrome", "after-end", "editor-line")
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
    chinese = bool(re.search(r"[\u3400-\u9fff]", parts[0]))
    sites: list[str] = []
    while len(parts) > 1 and parts[-1].strip():
        last, separator = parts[-1].strip(), separators[-1]
        short_after_bar = separator[:1] in ("_", "|", "｜")
        rest = "".join(parts[:-1]).strip()
        # A part longer than all that comes before it is the story's title, whatever it ends in (…安全网).
        is_site = len(last) <= SITE_PART_MAX and len(last) <= len(rest) and (
            bool(SITE_SUFFIX.search(last)) or last in site_names
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
    site = next((s for s in sites if SITE_SUFFIX.search(s) and re.search(r"[\u3400-\u9fff]", s)), sites[0])
    return kept.strip(), site


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


def _page_label_cut(found: Sourced) -> Sourced:
    cut = PAGE_LABEL.sub("", found.value)
    return Sourced(cut, found.rule, found.inferred) if cut != found.value else found


def choose_title(form: SourceForm, hints: Hints, blocks: Sequence[Block]) -> Sourced | None:
    found = _choose_title(form, hints, blocks)
    return _page_label_cut(found) if found else None


def _choose_title(form: SourceForm, hints: Hints, blocks: Sequence[Block]) -> Sourced | None:
    sites = [value for value, rule in hints.outlets if rule in SITE_OUTLET_RULES]
    headline = next((b for b in blocks if b.rule == "headline"), None)
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
        # with something after a separator (an unknown site name) stands.
        squeezed, whole = re.sub(r"\s+", "", headline.text), re.sub(r"\s+", "", page_title)
        at = whole.find(squeezed)
        repeats = at == 0 and (len(whole) == len(squeezed) or bool(TITLE_SEPARATOR.match(whole[len(squeezed):])))
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


def _references(blocks: Sequence[Block]) -> tuple[Reference, ...]:
    """Entries of a 参考资料 list: "title outlet date", "title date outlet" or "title，date"."""
    out = []
    for block in blocks:
        if block.kind is not BlockKind.REFERENCE:
            continue
        match = REFERENCE_DATE.search(block.text)
        date = parse_explicit(match[1]) if match else None
        head = block.text[: match.start()].strip(" ，,;；") if match else block.text
        tail = block.text[match.end():].strip(" ，,;；") if match else ""
        title, outlet = head, tail or None
        parts = head.rsplit(" ", 1)
        if len(parts) == 2 and REFERENCE_OUTLET.match(parts[1]) and re.search(r"[\u3400-\u9fff]", parts[1]):
            title, outlet = parts[0], parts[1]
        out.append(Reference(title=title.strip(" ，,"), outlet=outlet, date=date.iso if date else None))
    return tuple(out)


# --- date ----------------------------------------------------------------------------------------------


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
REPOST_CREDIT = re.compile(r"转载|转自|原文|原载|首发|出处|来源|本文来自")
REPOST_DATE_WINDOW = 3  # blocks between the credit and its date line


def _original_date(page: _Page, stated: DateValue) -> Sourced | None:
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
                return Sourced(value.iso, "text:original-date")
    return None


def choose_date(hints: Hints, page: _Page, url: str | None, references: Sequence[Reference],
                front_date: str | None = None) -> Sourced | None:
    """Publication date, best evidence first; inferred dates keep month precision only. The front
    matter's date comes first, unless it is a re-post's own time (`repost-original-date`)."""
    if front_date:
        stated = parse_explicit(front_date)
        original = _original_date(page, stated) if stated else None
        return original or Sourced(front_date, "front-matter")
    for value, rule in hints.dates:
        parsed = parse_explicit(value)
        if parsed:
            return Sourced(parsed.iso, rule)
    for index in page.header:
        if page.blocks[index].rule == "meta-line":
            parsed = parse_explicit(page.folded[index])
            if parsed:
                return Sourced(parsed.iso, "text:meta-line")
    url_date = date_in_url(url) if url else None
    if url_date and url_date.day:
        return Sourced(url_date.iso, "url")
    feed = next((d for d in (parse_explicit(v) for v, _ in hints.feed_dates) if d), None)
    roc = _roc_date(page)
    dated_refs = [d for d in (parse_explicit(r.date) for r in references if r.date) if d]
    body_text = "\n".join(page.blocks[i].text for i in page.body)
    context = feed or roc or url_date or (max(dated_refs) if dated_refs else None)
    dateline = _dateline(page, context, _context_year(body_text, references))
    if dateline:
        return dateline
    if url_date:
        return Sourced(url_date.iso, "url")
    if feed:
        return Sourced(feed.iso, hints.feed_dates[0][1])
    if roc:
        return Sourced(roc.iso, "text:roc-stamp")
    if dated_refs:
        return Sourced(max(dated_refs).month_iso, "references:latest", inferred=True)
    lead = _lead_date([page.blocks[i] for i in page.lead], _context_year(body_text, references))
    if lead:
        return lead
    body_dates = full_dates(body_text)
    if body_dates:
        return Sourced(max(body_dates).month_iso, "body:latest-date", inferred=True)
    return None


def _dateline(page: _Page, context: DateValue | None, context_year: int | None) -> Sourced | None:
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
            return Sourced(value.iso, "text:dateline", inferred=not found.year)
    return None


def _lead_date(lead: Sequence[Block], context_year: int | None) -> Sourced | None:
    """Rule `lead-date`: the first date the lead paragraph gives (a news lead dates its event):
    a full one as it is, a month and day with the year the article speaks from."""
    for block in lead:
        dated = full_dates(block.text)
        months = month_mentions(block.text)
        first_full = FULL_OR_MONTH.search(block.text)
        if dated and (not months or (first_full and first_full.start() <= _first_month_at(block.text))):
            return Sourced(dated[0].month_iso, "body:lead-date", inferred=True)
        if months and context_year:
            return Sourced(DateValue(context_year, months[0][0]).month_iso, "body:lead-month+context-year",
                           inferred=True)
    return None


def _first_month_at(text: str) -> int:
    match = MONTH_DAY.search(text) or MONTH_ONLY.search(text)
    return match.start() if match else len(text)


def _context_year(body_text: str, references: Sequence[Reference]) -> int | None:
    """The year the article speaks from: the latest year given with a month, else any year said."""
    years = [d.year for d in full_dates(body_text)]
    years += [int(r.date[:4]) for r in references if r.date]
    if not years:
        years = [y for y in years_mentioned(body_text) if y <= 2100]
    return max(years) if years else None


# --- url -----------------------------------------------------------------------------------------------


def choose_url(hints: Hints) -> str | None:
    for rule in ("html:canonical", "html:og-url", "json-ld:url", "api:url", "feed:link-line", "feed:link",
                 "markdown:heading-link", "markdown:original-link"):
        for value, found in hints.urls:
            if found == rule and value.startswith(("http://", "https://")):
                return value
    return None


# --- outlet and source type ----------------------------------------------------------------------------


def _registry(outlets: Sequence[Outlet]) -> Outlets:
    return outlets if isinstance(outlets, Outlets) else Outlets(outlets)


def known_outlet(name: str, outlets: Sequence[Outlet]) -> Outlet | None:
    """The listed outlet a written name refers to, in either script (明報 is 明报)."""
    return _registry(outlets).named(name)


def outlet_by_host(host: str, outlets: Sequence[Outlet]) -> Outlet | None:
    """The listed outlet serving a host, the most specific host first (k.sina.com.cn before sina.com.cn)."""
    return _registry(outlets).serving(host)


def _platform(page: _Page) -> Sourced | None:
    """Rule `platform`: a self-media platform naming itself (自媒体平台“网易号”, 入驻新浪看点平台),
    a breadcrumb through one (网易首页 > 网易号 > 正文), or WeChat's viewer strings."""
    for index, folded in enumerate(page.folded):
        match = PLATFORM_NOTICE.search(folded)
        if match:
            start, end = match.span(1) if match[1] else match.span(2)
            return Sourced(page.blocks[index].text[start:end], "platform-notice")
    for index, folded in enumerate(page.folded):
        # A breadcrumb through a platform (网易首页 > 网易号 > 正文), wherever the markup put it.
        if page.blocks[index].rule != "breadcrumb" and not BREADCRUMB_SHAPE.match(folded):
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
        return Sourced(WECHAT_PLATFORM, "wechat-markers")
    return None


def _outlet_in_text(page: _Page, outlets: Sequence[Outlet]) -> Sourced | None:
    """A dateline's agency, a bracket tag or reporter credit (【明报专讯】, 海川新闻记者 苏梦), or an
    app promotion (本文来自海川新闻客户端)."""
    candidates = [*page.header, *page.lead]
    for index in candidates:
        found = parse_dateline(page.folded[index], page.blocks[index].text)
        if found and found.agency and not SELF_REFERENCE.fullmatch(to_simplified(found.agency)):
            return Sourced(found.agency, "text:dateline")
    for index in candidates:
        credit = byline(page.folded[index][:LEAD_CREDIT_CHARS], page.blocks[index].text[:LEAD_CREDIT_CHARS],
                        anchored=index in page.lead)
        if credit and credit[0] and not SELF_REFERENCE.fullmatch(to_simplified(credit[0])):
            return Sourced(credit[0], "text:credit")
    for index, folded in enumerate(page.folded):
        match = APP_PROMO.search(folded)
        if match:
            return Sourced(page.blocks[index].text[match.start(1):match.end(1)], "text:app-promotion")
    return None


def _source_line(page: _Page) -> Sourced | None:
    for index, block in enumerate(page.blocks):
        if block.rule in ("meta-line", "source-line") or (index in page.trailer and "来源" in page.folded[index]):
            match = SOURCE_LINE.search(page.folded[index])
            if match:
                name = SOURCE_TRAILING_LABEL.sub("", block.text[match.start(1):match.end(1)])
                name = SOURCE_CHANNEL.sub("", name) or name
                if len(name) >= 2 and not PLACEHOLDER_SOURCE.fullmatch(to_simplified(name)):
                    return Sourced(name, f"text:{block.rule}")
    return None


def _copyright_owner(page: _Page) -> Sourced | None:
    for index in page.trailer:
        match = COPYRIGHT_OWNER.search(page.folded[index])
        if match and not re.fullmatch(r"[A-Za-z ]+", match["owner"]) and re.search(r"[\u3400-\u9fff]", match["owner"]):
            return Sourced(page.blocks[index].text[match.start("owner"):match.end("owner")], "text:copyright")
    return None


def choose_outlet(hints: Hints, page: _Page, url: str | None,
                  outlets: Sequence[Outlet]) -> tuple[Sourced | None, SourceType]:
    host = (urlparse(url).hostname or "") if url else ""
    by_host = outlet_by_host(host, outlets) if host else None
    platform = _platform(page)
    found = platform
    if found is None:
        found = next((Sourced(v, r) for v, r in hints.outlets if r in SITE_OUTLET_RULES and v.strip()), None)
    if found is None:
        for index, folded in enumerate(page.folded):
            match = TRANSLATOR_LINE.match(folded)
            if match and (known_outlet(match[1], outlets) or len(match[1].strip()) >= 4):
                start, end = match.span(1)
                found = Sourced(page.blocks[index].text[start:end].strip(), "translator-line")
                break
    found = found or _outlet_in_text(page, outlets) or _source_line(page)
    if found is None and by_host:
        found = Sourced(by_host.name, "url-host")
    if found is None:
        found = next((Sourced(v, r) for v, r in hints.outlets if v.strip()), None) or _copyright_owner(page)
    if found is None and host:
        found = Sourced(host.removeprefix("www."), "url-host")
    self_media = platform is not None or any(USER_UPLOAD.search(f) for f in page.folded)
    if self_media:
        return found, SourceType.SELF_MEDIA
    if found is None:
        return None, SourceType.UNKNOWN
    known = known_outlet(found.value, outlets) or by_host
    return found, SourceType(known.type) if known else SourceType.NEWSROOM


# --- authors -------------------------------------------------------------------------------------------


def _clean_names(names: Sequence[str], outlet: str | None, outlets: Sequence[Outlet] = (),
                 sites: Sequence[str] = ()) -> tuple[str, ...]:
    """Rule `not-a-person`: drop what a byline field holds that is not a person or an account — the
    outlet itself or any listed outlet (网易, 新京报 in a meta author), a site name, a placeholder
    (未知, name, admin), an address, a label (责任编辑)."""
    refused = {to_simplified(x) for x in (outlet, *sites) if x}
    forms = tuple(f for o in outlets for f in o.simplified_prefixes)
    kept = []
    for name in (n.strip() for n in names):
        folded = to_simplified(name)
        if (not name or folded in refused or folded.startswith(forms) or "@" in name
                or PLACEHOLDER_NAME.fullmatch(folded) or NAME_LABEL.fullmatch(folded)
                or (OUTLET_LIKE.search(folded) and len(folded) >= 3)
                or re.search(r"[-–—_/|]", name)):
            continue
        kept.append(name)
    return tuple(dict.fromkeys(kept))


def choose_authors(hints: Hints, page: _Page, outlet: str | None, self_media: bool,
                   outlets: Sequence[Outlet] = ()) -> tuple[str, ...]:
    """Authors, best evidence first; a source whose names are all refused (`not-a-person`) gives way
    to the next."""
    sites = [value for value, _ in hints.outlets]
    found: list[Sequence[str]] = []
    for rule in MARKUP_AUTHOR_RULES:
        found.extend(names for names, where in hints.authors if where == rule)
    for index in page.header:
        wechat = WECHAT_HEADER.match(page.folded[index])
        if wechat:
            start, end = wechat.span("author") if wechat["author"] else wechat.span("account")
            found.append([page.blocks[index].text[start:end]])
        credit = byline(page.folded[index], page.blocks[index].text)
        if credit and credit[1]:
            found.append(credit[1])
    for index in page.lead:
        dateline = parse_dateline(page.folded[index], page.blocks[index].text)
        if dateline and dateline.reporters:
            found.append(dateline.reporters)
        credit = byline(page.folded[index][:LEAD_CREDIT_CHARS], page.blocks[index].text[:LEAD_CREDIT_CHARS],
                        anchored=True)
        if credit and credit[1]:
            found.append(credit[1])
    for index in page.trailer:
        if page.blocks[index].rule in TRAILER_CREDIT_RULES and len(page.folded[index]) <= LEAD_CREDIT_CHARS:
            credit = byline(page.folded[index], page.blocks[index].text)
            if credit and credit[1]:
                found.append(credit[1])
    for names in found:
        cleaned = _clean_names(names, outlet, outlets, sites)
        if cleaned:
            return cleaned
    account = _self_media_account(page) if self_media else None
    return (account,) if account else ()


def _self_media_account(page: _Page) -> str | None:
    """Rule `self-media-account`: the posting account, named just above its statistics line
    (文章数/关注度), usually twice (an icon's alt text, then the name); else the account line above
    the post time in the header (`header-account`)."""
    for index in page.with_rule(ACCOUNT_STATS):
        window = [ASCII_TAIL.sub("", page.blocks[i].text).strip() for i in range(max(0, index - 5), index)
                  if page.blocks[i].rule not in ("timestamp-line", "meta-line")]
        window = [w for w in window if 2 <= len(w) <= 20]
        for name in window:
            if window.count(name) >= 2:
                return name
        if window:
            return window[0]
    accounts = page.with_rule(HEADER_ACCOUNT)
    return page.blocks[accounts[0]].text if accounts else None


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


def build_metadata(form: SourceForm, hints: Hints, blocks: Sequence[Block], outlets: Sequence[Outlet],
                   folded: Sequence[str] | None = None, front: Mapping[str, object] | None = None) -> dict:
    """`folded[i]` is `to_simplified(blocks[i].text)` when the caller has it (the classifier made it).
    `front` is the input's front matter: the first link of the title, date and url chains."""
    front = front or {}
    page = _Page(blocks, folded)
    references = _references(blocks)
    front_url = str(front.get("url") or "")
    url = front_url if front_url.startswith(("http://", "https://")) else choose_url(hints)
    outlet, source_type = choose_outlet(hints, page, url, outlets)
    authors = choose_authors(hints, page, outlet.value if outlet else None, source_type is SourceType.SELF_MEDIA,
                             outlets)
    front_title = front.get("title")
    if isinstance(front_title, str) and front_title.strip():
        title: Sourced | None = Sourced(front_title.strip(), "front-matter")
    else:
        title = choose_title(form, hints, blocks)
    return {
        "title": title,
        "date": choose_date(hints, page, url, references, str(front["date"]) if front.get("date") else None),
        "outlet": outlet,
        "source_type": source_type,
        "authors": tuple(a for a in authors if a),
        "url": url,
        "references": references,
        "page": choose_page(hints, page),
    }


__all__ = ["build_metadata", "choose_title", "derive_title", "known_outlet", "outlet_by_host", "strip_site_suffix"]
