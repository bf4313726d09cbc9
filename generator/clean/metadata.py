"""Title, date, outlet, authors, url and source type: per-field fallback chains.

Each chain tries its sources best first and keeps the first that answers (trafilatura's
`extract_metadata`); each value records the rule that produced it. Dates are read only from markup,
the header zone, the body and the reference list — never from recommendation lists, comments or
crawl stamps, which the classifier has already marked as noise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlparse

from ..dates import (
    FULL_DATE,
    MONTH_DAY,
    MONTH_ONLY,
    YEAR_MONTH,
    DateValue,
    date_in_url,
    full_dates,
    month_mentions,
    parse_explicit,
    years_mentioned,
)
from ..model import Block, BlockKind, Reference, Sourced, SourceForm, SourceType
from ..vocab import Outlet
from .candidates import Hints

TITLE_MAX_DERIVED = 30
FULL_OR_MONTH = re.compile(f"{FULL_DATE.pattern}|{YEAR_MONTH.pattern}")
CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")
PLATFORM_NOTICE = re.compile(r"自媒体平台[“\"「]([^”\"」]{2,12})[”\"」]")
PLATFORM_FORM = re.compile(r"^\S{1,8}号$")
USER_UPLOAD = re.compile(r"用户上传并发布|uploaded and posted by a user", re.I)
TRANSLATOR_LINE = re.compile(r"^(?:翻译|编译)[:：]\s*(\S.{0,20})$")
SOURCE_LINE = re.compile(r"(?:来源|本文来源|文章来源|稿源)\s*[:：]\s*([^\s|｜,，]{2,20})")
BYLINE = re.compile(r"(?:作者|撰文|文)\s*[:：/|]\s*([^\s|｜,，]{2,20}(?:[、,，\s][^\s|｜,，]{2,20})*)")
REPORTER = re.compile(r"[（(【\[]?\s*(?:记者|記者|特派记者|特約記者|特约记者)\s*"
                      r"([\u3400-\u9fff·]{2,4}(?:[ 、，,][\u3400-\u9fff·]{2,4})*)")
DATELINE = re.compile(
    r"^[【\[(（]?\s*(?P<agency>[\u3400-\u9fff]{1,8}?(?:社|网|報|报|台|新闻|新聞)(?:记者|記者)?)?\s*"
    r"(?:[\u3400-\u9fff]{2,6})?\s*(?:(?P<year>(?:19|20)\d{2})年)?(?:(?P<month>\d{1,2})月)?(?P<day>\d{1,2})日\s*[电電讯訊]")
BRACKET_OUTLET = re.compile(r"^[【\[]\s*([\u3400-\u9fffA-Za-z0-9]{2,10}?)(?:专讯|專訊|讯|訊)\s*[】\]]")
ACCOUNT_STATS = "account-block"
ASCII_TAIL = re.compile(r"(\s+[A-Za-z][\w-]*)+$")
REFERENCE_DATE = re.compile(r"((?:19|20)\d{2}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?)")


def derive_title(blocks: Sequence[Block]) -> str | None:
    """A short headline from the first sentence: cut at the last clause boundary within the limit."""
    first = next((b.text for b in blocks if b.kept and b.kind is BlockKind.PARAGRAPH), None)
    if not first:
        return None
    sentence = re.split(r"(?<=[。！？!?])", first)[0].strip()
    if len(sentence) <= TITLE_MAX_DERIVED:
        return sentence.rstrip("。")
    cuts = [m.start() for m in CLAUSE_BREAK.finditer(sentence) if 6 <= m.start() <= TITLE_MAX_DERIVED]
    if cuts:
        return sentence[: cuts[-1]]
    return sentence[:TITLE_MAX_DERIVED] + "…"


def choose_title(form: SourceForm, hints: Hints, blocks: Sequence[Block]) -> Sourced | None:
    order = ("json-ld:headline", "html:og-title", "feed:link-line", "markdown:h1")
    for rule in order:
        for value, found_rule in hints.titles:
            if found_rule == rule and value:
                return Sourced(value, rule)
    headline = next((b for b in blocks if b.rule == "headline"), None)
    if headline:
        return Sourced(headline.text, f"{form.value}:headline")
    for value, rule in hints.titles:
        if value:
            return Sourced(value, rule)
    derived = derive_title(blocks)
    return Sourced(derived, "derived:first-sentence", inferred=True) if derived else None


def _references(blocks: Sequence[Block]) -> tuple[Reference, ...]:
    out = []
    for block in blocks:
        if block.kind is not BlockKind.REFERENCE:
            continue
        match = REFERENCE_DATE.search(block.text)
        date = parse_explicit(match[1]) if match else None
        head = block.text[: match.start()].strip() if match else block.text
        tail = block.text[match.end():].strip() if match else ""
        parts = head.rsplit(" ", 1)
        title, outlet = (parts[0], parts[1]) if len(parts) == 2 and len(parts[1]) <= 12 else (head, tail or None)
        out.append(Reference(title=title.strip(), outlet=(outlet or tail or None), date=date.iso if date else None))
    return tuple(out)


def choose_date(hints: Hints, blocks: Sequence[Block], url: str | None,
                references: Sequence[Reference]) -> Sourced | None:
    """Publication date, best evidence first; inferred dates keep month precision only."""
    for value, rule in hints.dates:
        parsed = parse_explicit(value)
        if parsed:
            return Sourced(parsed.iso, rule)
    for block in blocks:
        if block.rule == "meta-line":
            parsed = parse_explicit(block.text)
            if parsed:
                return Sourced(parsed.iso, "text:meta-line")
    if url:
        parsed = date_in_url(url)
        if parsed:
            return Sourced(parsed.iso, "url")
    body = [b for b in blocks if b.kept and b.kind is not BlockKind.CAPTION and b.kind is not BlockKind.REFERENCE]
    body_text = "\n".join(b.text for b in body)
    context = _context_year(body_text, references)
    dateline = _dateline(body[:2], context)
    if dateline:
        return dateline
    for value, rule in hints.feed_dates:
        return Sourced(value, rule)
    dated_refs = [parse_explicit(r.date) for r in references if r.date]
    dated_refs = [d for d in dated_refs if d]
    if dated_refs:
        return Sourced(max(dated_refs).month_iso, "references:latest", inferred=True)
    lead = _lead_date(body[:2], context)
    if lead:
        return lead
    body_dates = full_dates(body_text)
    if body_dates:
        return Sourced(max(body_dates).month_iso, "body:latest-date", inferred=True)
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


def _dateline(lead: Sequence[Block], context_year: int | None) -> Sourced | None:
    for block in lead:
        match = DATELINE.match(block.text)
        if not match or not match["month"]:
            continue
        year = int(match["year"]) if match["year"] else context_year
        if year is None:
            continue
        value = DateValue(year, int(match["month"]), int(match["day"]))
        return Sourced(value.iso, "text:dateline", inferred=not match["year"])
    return None


def choose_url(hints: Hints) -> str | None:
    for rule in ("html:canonical", "html:og-url", "feed:link-line", "markdown:heading-link"):
        for value, found in hints.urls:
            if found == rule and value.startswith(("http://", "https://")):
                return value
    return None


def _outlet_by_form(name: str, outlets: Sequence[Outlet]) -> Outlet | None:
    return next((o for o in outlets if name == o.name or name in o.forms), None)


def choose_outlet(hints: Hints, blocks: Sequence[Block], url: str | None,
                  outlets: Sequence[Outlet]) -> tuple[Sourced | None, SourceType]:
    texts = [(b.text, b.rule) for b in blocks]
    found: Sourced | None = None
    for value, rule in hints.outlets:
        if rule in ("json-ld:publisher", "html:site-name"):
            found = Sourced(value, rule)
            break
    self_media = any(USER_UPLOAD.search(t) for t, _ in texts)
    if found is None:
        for text, _ in texts:  # a platform notice names the platform: 自媒体平台“网易号”
            match = PLATFORM_NOTICE.search(text)
            if match:
                found = Sourced(match[1], "platform-notice")
                break
    if found is None:
        for text, rule in texts:  # a breadcrumb through a self-media platform: 网易首页 > 网易号 > 正文
            if rule == "breadcrumb":
                for part in re.split(r"\s*[>›»/]\s*", text):
                    if PLATFORM_FORM.match(part.split()[0] if part.split() else ""):
                        found = Sourced(part.split()[0], "breadcrumb-platform")
                        break
            if found:
                break
    if found is None:
        for text, _ in texts:
            match = TRANSLATOR_LINE.match(text)
            if (match and _outlet_by_form(match[1].strip(), outlets)) or (match and len(match[1]) >= 4):
                found = Sourced(match[1].strip(), "translator-line")
                break
    if found is None:
        found = _outlet_from_lines(blocks, outlets)
    host = urlparse(url).hostname if url else None
    if found is None and host:
        known = next((o for o in outlets if o.serves(host)), None)
        found = Sourced(known.name, "url-host") if known else Sourced(host.removeprefix("www."), "url-host")
    if found is None:
        for value, rule in hints.outlets:
            found = Sourced(value, rule)
            break
    source_type = SourceType.SELF_MEDIA if self_media else SourceType.UNKNOWN
    if found is not None and source_type is SourceType.UNKNOWN:
        known = _outlet_by_form(found.value, outlets) or (next((o for o in outlets if o.serves(host)), None)
                                                          if host else None)
        source_type = SourceType(known.type) if known else SourceType.NEWSROOM
    return found, source_type


def _outlet_from_lines(blocks: Sequence[Block], outlets: Sequence[Outlet]) -> Sourced | None:
    """A dateline's agency (新华社莫斯科5月9日电), a 【明報專訊】 tag, or a 来源： line above or below."""
    lead = [b for b in blocks if b.kept and b.kind is BlockKind.PARAGRAPH][:2]
    for block in lead:
        match = DATELINE.match(block.text)
        if match and match["agency"]:
            agency = re.sub(r"(记者|記者)$", "", match["agency"])
            known = next((o for o in outlets for f in o.forms if agency.startswith(f) or f.startswith(agency)), None)
            return Sourced(known.name if known else agency, "text:dateline")
        match = BRACKET_OUTLET.match(block.text)
        if match:
            known = _outlet_by_form(match[1], outlets)
            return Sourced(known.name if known else match[1], "text:bracket-tag")
    for block in blocks:
        if block.rule in ("meta-line", "source-line"):
            match = SOURCE_LINE.search(block.text)
            if match:
                known = _outlet_by_form(match[1], outlets)
                return Sourced(known.name if known else match[1], f"text:{block.rule}")
    return None


def choose_authors(hints: Hints, blocks: Sequence[Block]) -> tuple[str, ...]:
    for rule in ("json-ld:author", "html:address", "html:meta-author"):
        for names, found in hints.authors:
            if found == rule and names:
                return tuple(dict.fromkeys(names))
    for block in blocks:
        if block.rule == "meta-line":
            match = BYLINE.search(block.text) or REPORTER.search(block.text)
            if match:
                return tuple(dict.fromkeys(n for n in re.split(r"[、,，\s]+", match[1]) if n))
    lead = [b for b in blocks if b.kept and b.kind is BlockKind.PARAGRAPH][:2]
    for block in lead:
        match = REPORTER.search(block.text[:80])
        if match:
            return tuple(dict.fromkeys(n for n in re.split(r"[、,，\s]+", match[1]) if n))
    account = _self_media_account(blocks)
    return (account,) if account else ()


def _self_media_account(blocks: Sequence[Block]) -> str | None:
    """Rule `self-media-account`: the posting account is named just above its statistics line
    (文章数/关注度), usually twice (an icon's alt text, then the name), after the post's timestamp."""
    for index, block in enumerate(blocks):
        if block.rule != ACCOUNT_STATS:
            continue
        window = [ASCII_TAIL.sub("", b.text).strip() for b in blocks[max(0, index - 5):index]
                  if b.rule != "timestamp-line"]
        window = [w for w in window if 2 <= len(w) <= 20]
        for name in window:
            if window.count(name) >= 2:
                return name
        return window[0] if window else None
    return None


def build_metadata(form: SourceForm, hints: Hints, blocks: Sequence[Block], outlets: Sequence[Outlet]) -> dict:
    references = _references(blocks)
    url = choose_url(hints)
    outlet, source_type = choose_outlet(hints, blocks, url, outlets)
    return {
        "title": choose_title(form, hints, blocks),
        "date": choose_date(hints, blocks, url, references),
        "outlet": outlet,
        "source_type": source_type,
        "authors": choose_authors(hints, blocks),
        "url": url,
        "references": references,
    }
