"""The page's head and a record's fields: what a page or an API record says about itself
(<meta> tags, JSON-LD, <title>, canonical link; a record's title/date/source/author/url fields)
becomes metadata hints. Read by the HTML reader; the body is read in `html`.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections import Counter
from urllib.parse import parse_qs, unquote, urlsplit

import lxml.html

from .candidates import Hints, normalise_space
from .credits import page_source, split_names
from .metadata import strip_site_suffix

TAG = re.compile(r"<[^>]+>")


def _read_fields(fields: dict[str, str], hints: Hints) -> None:
    """A record's own fields become hints: `api:*` for JSON/SQL records and crawler dumps, `feed:*`
    for RSS/Atom items. Markup in a title (search-hit <em>) is not part of it; an update time only
    places a dateline in time (`feed_dates`), it is not the publication date."""
    origin = "feed" if fields.get("record") == "feed" else "api"
    if fields.get("title"):
        title = TAG.sub("", html_lib.unescape(fields["title"]))
        hints.titles.append((normalise_space(title), f"{origin}:title"))
    if fields.get("date"):
        hints.dates.append((fields["date"], f"{origin}:date"))
    if fields.get("stored"):
        hints.feed_dates.append((fields["stored"], f"{origin}:stored"))
    if fields.get("updated"):
        hints.feed_dates.append((fields["updated"], f"{origin}:updated"))
    if fields.get("source"):
        hints.outlets.append((normalise_space(fields["source"]), f"{origin}:source"))
    if fields.get("channel"):
        hints.outlets.append((normalise_space(fields["channel"]), "feed:channel"))
    if fields.get("author"):
        hints.authors.append((split_names(fields["author"]), f"{origin}:author"))
    if fields.get("url", "").startswith(("http://", "https://")):
        hints.urls.append((fields["url"], "feed:link" if origin == "feed" else "api:url"))


# --- the page's head -------------------------------------------------------------------------------------


META_KEYS = ("property", "name", "itemprop")


def _meta_contents(root: lxml.html.HtmlElement) -> dict[tuple[str, str], list[str]]:
    """(attribute, value) → the content of each <meta> so named, in document order: what
    `//meta[@attribute="value"]/@content` selects, for every name at once. One pass over the page
    instead of one XPath (compiled, then run over the whole page) per name and attribute tried."""
    contents: dict[tuple[str, str], list[str]] = {}
    for element in root.xpath("//meta[@content]"):
        for attr in META_KEYS:
            value = element.get(attr)
            if value is not None:
                contents.setdefault((attr, value), []).append(element.get("content"))
    return contents


def _read_head(root: lxml.html.HtmlElement, hints: Hints) -> None:
    contents = _meta_contents(root)

    def meta(*names: str) -> str | None:
        for name in names:
            for attr in META_KEYS:
                found = contents.get((attr, name))
                if found and found[0].strip():
                    return normalise_space(found[0])
        return None

    for value, rule in ((meta("og:title", "twitter:title"), "html:og-title"),):
        if value:
            hints.titles.append((value, rule))
    for script in root.xpath('//script[@type="application/ld+json"]/text()'):
        _read_json_ld(script, hints)
    page_sources = []
    for script in root.xpath("//script[not(@src)]/text()"):
        _read_page_data(script, hints)
        page_sources.append(page_source(script))
    shared = _shared_address(root.xpath("//a/@href"))
    if shared:
        hints.urls.append((shared, "html:share-link"))
    sources = {s for s in page_sources if s}
    if len(sources) == 1:
        hints.outlets.append((sources.pop(), "html:page-source"))
    site = meta("og:site_name", "application-name", "publisher")
    if site:
        hints.outlets.insert(0, (site, "html:site-name"))
    title = root.xpath("//title/text()")
    if title and title[0].strip():
        kept, suffix = strip_site_suffix(normalise_space(title[0]), [site] if site else [])
        hints.titles.append((kept, "html:title"))
        if suffix:
            hints.outlets.append((suffix, "html:title-suffix"))
    published = meta("article:published_time", "og:published_time", "og:release_date", "pubdate", "publishdate",
                     "PubDate", "publish_date", "publishtime", "datePublished", "date", "dc.date", "DC.date.issued",
                     "dcterms.created", "sailthru.date", "parsely-pub-date", "weibo:article:create_at")
    if published:
        hints.dates.append((published, "html:meta-published"))
    author = meta("author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author")
    if author and not author.startswith("http"):
        hints.authors.append((split_names(author), "html:meta-author"))
    source = meta("source", "mediaid", "article:publisher_name")
    if source and not source.startswith("http"):
        hints.outlets.append((source, "html:meta-source"))
    _read_paper_property(root, hints)
    canonical = root.xpath('//link[@rel="canonical"]/@href')
    if canonical and canonical[0].startswith("http"):
        hints.urls.append((canonical[0].strip(), "html:canonical"))
    url = meta("og:url")
    if url and url.startswith("http"):
        hints.urls.append((url, "html:og-url"))


# The property comment a digital-edition (数字报) publishing system writes beside the article's
# text: <!--enpproperty <date>2025-03-01 00:00:00:0</date><author>…</author><url>…</url>…/enpproperty-->.
PAPER_PROPERTY = "enpproperty"
PAPER_FIELD = re.compile(r"<(date|author|url)>([^<]*)</\1>")


def _read_paper_property(root: lxml.html.HtmlElement, hints: Hints) -> None:
    """Rule `html:paper-property`: a digital edition's property comment states the article's issue
    date, its author and its own address; the first such comment is the page's article."""
    for comment in root.xpath("//comment()"):
        text = comment.text or ""
        if not text.lstrip().startswith(PAPER_PROPERTY):
            continue
        fields = {key: normalise_space(html_lib.unescape(value)) for key, value in PAPER_FIELD.findall(text)}
        if fields.get("date"):
            hints.dates.append((fields["date"], "html:paper-property"))
        if fields.get("author"):
            hints.authors.append((split_names(fields["author"]), "html:meta-author"))
        if fields.get("url", "").startswith(("http://", "https://")):
            hints.urls.append((fields["url"], "html:paper-property"))
        return


def _read_json_ld(script: str, hints: Hints) -> None:
    try:
        data = json.loads(script)
    except ValueError:
        return
    items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
    for item in items:
        if not isinstance(item, dict) or "Article" not in str(item.get("@type", "")):
            continue
        if any(rule.startswith("json-ld:") for _, rule in [*hints.titles, *hints.dates, *hints.urls]):
            return  # the page's first article item is the page's; later ones describe related stories
        if isinstance(item.get("dateModified"), str):
            hints.feed_dates.append((item["dateModified"], "json-ld:dateModified"))
        if isinstance(item.get("headline"), str):
            hints.titles.insert(0, (normalise_space(item["headline"]), "json-ld:headline"))
        if isinstance(item.get("datePublished"), str):
            hints.dates.insert(0, (item["datePublished"], "json-ld:datePublished"))
        authors = item.get("author")
        listed = authors if isinstance(authors, list) else [authors]
        # An author of @type Organization (NewsMediaOrganization, …) is the outlet signing for no one.
        written = [(None if "Organization" in str(a.get("@type", "")) else a.get("name")) if isinstance(a, dict) else a
                   for a in listed]
        names = [n for n in written if isinstance(n, str) and n.strip()]
        if names:
            hints.authors.insert(0, ([normalise_space(n) for n in names], "json-ld:author"))
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            hints.outlets.insert(0, (publisher["name"], "json-ld:publisher"))
        if isinstance(item.get("url"), str) and item["url"].startswith("http"):
            hints.urls.append((item["url"], "json-ld:url"))


SHARE_PARAMS = ("url", "u", "link", "target", "href", "sharelink", "shareurl")
ARTICLE_PATH = re.compile(r"\d{4,}")


def _shared_address(hrefs: list[str]) -> str | None:
    """Rule `html:share-link`: the page's own address as its share, mail and print links pass it on
    (…/share?url=http%3A%2F%2Fnews.example.com%2F…); the one passed most often. Only an address shaped
    like an article's counts — its path holds an id or a date (four digits or more); a front page, a
    feed list or a payment page does not."""
    found: Counter[str] = Counter()
    for href in hrefs:
        query = urlsplit(href.strip()).query if "=" in href else ""
        for key, values in parse_qs(query).items():
            if key.lower() not in SHARE_PARAMS:
                continue
            for value in values:
                value = unquote(value).strip()
                if value.startswith(("http://", "https://")) and ARTICLE_PATH.search(urlsplit(value).path):
                    found[value] += 1
    return found.most_common(1)[0][0] if found else None


# A script that hands the page its state: window.DATA = {…}, var pageData = {…};
PAGE_DATA = re.compile(r"^\s*(?:(?:var|let|const)\s+)?[\w$.]+\s*=\s*(\{.*\})\s*;?\s*$", re.S)
PAGE_DATA_DATE_KEYS = ("pubtime", "pubdate", "publishtime", "publishdate", "publishedat", "publishedtime",
                       "datepublished", "ptime", "releasetime", "posttime")
PAGE_DATA_DEPTH = 3  # window.DATA.article.pubtime at most; deeper keys belong to widgets


# A publication-time key of a script's configuration object, as JavaScript writes it (unquoted keys,
# single quotes): pubtime: '2025-05-03 21:30', "publish_time" = "…".
CONFIG_DATE = re.compile(r"""(?:^|[\s,{;(])["']?(?:pub_?time|pub_?date|publish_?time|publish_?date|p_?time|"""
                         r"""date_?published|release_?time|post_?time)["']?\s*[:=]\s*["']([^"'\n]{8,40})["']""", re.I)


def _read_config_date(script: str, hints: Hints) -> None:
    """Rule `html:page-config`: a script's configuration object that is not JSON states the time once
    under a publication-time key; a script that states several (a list of stories) says nothing."""
    found = CONFIG_DATE.findall(script)
    if len(found) == 1 and found[0].strip():
        hints.dates.append((found[0].strip(), "html:page-config"))


def _read_page_data(script: str, hints: Hints) -> None:
    """Rule `html:page-data`: a script that assigns the page's state as a JSON object (window.DATA =
    {"pubtime": …}) states the publication time under a publication-time key. Only keys reached
    through objects count, never through a list (a list holds other stories: related, hot)."""
    match = PAGE_DATA.match(script)
    try:
        data = json.loads(match[1]) if match else None
    except ValueError:
        data = None
    if data is None:
        _read_config_date(script, hints)
        return
    queue: list[tuple[int, object]] = [(1, data)]
    while queue:
        depth, item = queue.pop(0)
        if not isinstance(item, dict):
            continue
        for key, value in item.items():
            if isinstance(value, dict) and depth < PAGE_DATA_DEPTH:
                queue.append((depth + 1, value))
            elif isinstance(value, (str, int)) and not isinstance(value, bool) \
                    and re.sub(r"[_\-]", "", str(key)).lower() in PAGE_DATA_DATE_KEYS and str(value).strip():
                hints.dates.append((str(value), "html:page-data"))
                return
