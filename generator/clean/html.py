"""Reader for HTML: RSS item fragments, whole saved pages, and HTML escaped inside JSON or SQL dumps.

It walks the tree once, iteratively (a page nested 5000 deep must not exhaust the stack), and emits
one candidate per block element in reading order. Structure decides what it can: page chrome
(nav, aside, header outside the article, footers, comment threads) is emitted with a verdict so
that `explain` still shows it and metadata can still read it (a translator line in a footer names
the outlet). Everything else is judged by the shared classifier.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import lxml.etree
import lxml.html

from ..model import BlockKind
from .candidates import Candidate, Hints, normalise_space

DROP_TAGS = {"script", "style", "noscript", "iframe", "svg", "form", "button", "input", "select", "textarea",
             "object", "embed", "canvas", "template", "link", "meta", "video", "audio", "map"}
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "td", "th", "dd",
              "dt", "address", "div", "section", "article", "header", "footer", "main", "aside", "nav", "ul", "ol",
              "table", "tr", "tbody", "thead", "figure", "body", "html", "dl", "center", "time", "caption"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

# Class and id tokens of page chrome, by concept (trafilatura's xpaths.py idea).
CHROME_TOKENS = {
    "html-navigation": ("nav", "menu", "breadcrumb", "crumb", "topbar", "header-nav", "channel"),
    "html-related": ("related", "recommend", "hot-list", "hotnews", "more-news", "read-more", "tuijian"),
    "html-comments": ("comment", "reply", "discuss"),
    "html-share": ("share", "social", "toolbar"),
    "html-ad": ("advert", "ad-", "-ad", "ads", "sponsor", "promo", "banner"),
    "html-footer": ("footer", "copyright", "author-bio", "bio"),
}
CHROME_TAGS = {"nav": "html-navigation", "aside": "html-related", "footer": "html-footer"}

FEED_EPOCH_COMMENT = re.compile(r"<!--\s*(1\d{9}|1\d{12})\s*-->")
LEADING_LINK = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)?\[([^\]\n]{2,200})\]\((https?://[^)\s]+)\)\s*\n(?:[-=]{3,}\s*\n)?", re.S)
JSON_ESCAPED_TAG = re.compile(r"\\u003c|\\x3c|\\/p>|<\\/")
TITLE_SEPARATOR = re.compile(r"\s*(?:_|\||｜|—|–|-{1,2}|::)\s*")


def read_html(text: str, whole_page: bool) -> tuple[list[Candidate], Hints]:
    hints = Hints()
    text = unescape_embedded_html(text)
    match = FEED_EPOCH_COMMENT.search(text[:500])
    if match:
        stamp = int(match[1][:10])
        day = dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date().isoformat()
        hints.feed_dates.append((day, "feed:timestamp"))
    link = LEADING_LINK.match(text)
    if link:
        hints.titles.append((normalise_space(link[1]), "feed:link-line"))
        hints.urls.append((link[2], "feed:link-line"))
        text = text[link.end():]
    try:
        root = lxml.html.document_fromstring(text) if whole_page else lxml.html.fragment_fromstring(
            text, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return [], hints
    _read_head(root, hints)
    content = _content_root(root) if whole_page else root
    return _walk(content, hints), hints


def unescape_embedded_html(text: str) -> str:
    """HTML escaped inside JSON (an app's API) or SQL dumps: take out the string that holds the markup."""
    stripped = text.strip()
    if stripped[:1] in "{[":
        try:
            data = json.loads(stripped)
        except ValueError:
            data = None
        if data is not None:
            strings = [s for s in _strings(data) if "<" in s and ">" in s]
            if strings:
                return max(strings, key=len)
    if JSON_ESCAPED_TAG.search(text[:20000]):
        text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), text)
        text = text.replace('\\"', '"').replace("\\'", "'").replace("\\/", "/")
        text = text.replace("\\n", "\n").replace("\\r", "").replace("\\t", " ")
    elif re.search(r"\\'", text[:20000]) and "<p" in text:
        text = text.replace("\\'", "'").replace('\\"', '"').replace("\\n", "\n")
    return text


def _strings(data: Any) -> list[str]:
    out: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return out


def _read_head(root: lxml.html.HtmlElement, hints: Hints) -> None:
    def meta(*names: str) -> str | None:
        for name in names:
            for attr in ("property", "name", "itemprop"):
                found = root.xpath(f'//meta[@{attr}="{name}"]/@content')
                if found and found[0].strip():
                    return normalise_space(found[0])
        return None

    for value, rule in ((meta("og:title", "twitter:title"), "html:og-title"),):
        if value:
            hints.titles.append((value, rule))
    for script in root.xpath('//script[@type="application/ld+json"]/text()'):
        _read_json_ld(script, hints)
    title = root.xpath("//title/text()")
    if title and title[0].strip():
        parts = [p for p in TITLE_SEPARATOR.split(normalise_space(title[0])) if p]
        if len(parts) > 1 and len(parts[-1]) <= 16:
            hints.outlets.append((parts[-1], "html:title-suffix"))
            hints.titles.append((normalise_space(" ".join(parts[:-1])), "html:title"))
        else:
            hints.titles.append((normalise_space(title[0]), "html:title"))
    published = meta("article:published_time", "og:published_time", "pubdate", "publishdate", "PubDate",
                     "publish_date", "datePublished", "date", "dc.date", "DC.date.issued", "sailthru.date")
    if published:
        hints.dates.append((published, "html:meta-published"))
    author = meta("author", "article:author", "byl", "dc.creator", "sailthru.author")
    if author and not author.startswith("http"):
        hints.authors.append((split_names(author), "html:meta-author"))
    site = meta("og:site_name", "application-name", "publisher")
    if site:
        hints.outlets.insert(0, (site, "html:site-name"))
    canonical = root.xpath('//link[@rel="canonical"]/@href')
    if canonical and canonical[0].startswith("http"):
        hints.urls.append((canonical[0].strip(), "html:canonical"))
    url = meta("og:url")
    if url and url.startswith("http"):
        hints.urls.append((url, "html:og-url"))


def _read_json_ld(script: str, hints: Hints) -> None:
    try:
        data = json.loads(script)
    except ValueError:
        return
    items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
    for item in items:
        if not isinstance(item, dict) or "Article" not in str(item.get("@type", "")):
            continue
        if isinstance(item.get("headline"), str):
            hints.titles.insert(0, (normalise_space(item["headline"]), "json-ld:headline"))
        if isinstance(item.get("datePublished"), str):
            hints.dates.insert(0, (item["datePublished"], "json-ld:datePublished"))
        authors = item.get("author")
        listed = authors if isinstance(authors, list) else [authors]
        names = [a.get("name") if isinstance(a, dict) else a for a in listed]
        names = [n for n in names if isinstance(n, str) and n.strip()]
        if names:
            hints.authors.insert(0, ([normalise_space(n) for n in names], "json-ld:author"))
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            hints.outlets.insert(0, (publisher["name"], "json-ld:publisher"))


def _content_root(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element holding the article: an explicit marker, else the one with most paragraph text."""
    for xpath in ('//*[@itemprop="articleBody"]', "//article", '//*[@role="main"]', "//main"):
        found = root.xpath(xpath)
        if found:
            return max(found, key=lambda e: len(e.text_content()))
    best, best_score = root, 0
    for element in root.iter("div", "section", "td"):
        score = sum(len(p.text_content()) for p in element.findall("p"))
        if score > best_score:
            best, best_score = element, score
    body = root.find("body")
    return best if best_score >= 200 else (body if body is not None else root)


def _chrome_rule(element: lxml.html.HtmlElement) -> str | None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in CHROME_TAGS:
        return CHROME_TAGS[tag]
    tokens = f"{element.get('class', '')} {element.get('id', '')}".lower()
    if not tokens.strip():
        return None
    for rule, words in CHROME_TOKENS.items():
        if any(word in tokens for word in words):
            return rule
    return None


def _walk(content: lxml.html.HtmlElement, hints: Hints) -> list[Candidate]:
    candidates: list[Candidate] = []
    # (element, verdict inherited from chrome ancestors); explicit stack, reading order.
    stack: list[tuple[Any, str | None]] = [(content, None)]
    while stack:
        element, verdict = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in DROP_TAGS:
            continue
        verdict = verdict or _chrome_rule(element)
        if tag == "address":
            names = split_names(normalise_space(element.text_content()))
            if names:
                hints.authors.append((names, "html:address"))
            continue
        if tag == "time":
            value = element.get("datetime") or element.get("pudate") or element.text_content()
            if value and value.strip():
                hints.dates.append((value.strip(), "html:time"))
            continue
        if tag == "figcaption":
            text = _text(element, skip={"cite"})
            if text:
                candidates.append(Candidate(text, BlockKind.CAPTION, verdict=verdict))
            continue
        children = [c for c in element if isinstance(c.tag, str)]
        if tag not in ("div", "section", "article", "main", "body", "html", "figure", "table", "tbody", "thead",
                       "tr", "ul", "ol", "dl", "header", "footer", "nav", "aside", "center") or not any(
                c.tag in BLOCK_TAGS for c in children):
            candidates.extend(_leaf_blocks(element, tag, verdict))
            continue
        # A container: its own loose text and its children's tails are blocks too.
        if element.text and element.text.strip():
            candidates.append(Candidate(normalise_space(element.text), verdict=verdict))
        pieces: list[tuple[Any, str | None]] = []
        for child in children:
            pieces.append((child, verdict))
            if child.tail and child.tail.strip():
                pieces.append((_TailText(child.tail), verdict))
        stack.extend(reversed(pieces))
    return candidates


class _TailText:
    """Loose text between two block children of a container, walked like an element."""

    tag = "p"

    def __init__(self, text: str) -> None:
        self.text = text

    def __iter__(self):  # no children
        return iter(())

    def get(self, _key: str, default: str = "") -> str:
        return default

    def text_content(self) -> str:
        return self.text


def _leaf_blocks(element: Any, tag: str, verdict: str | None) -> list[Candidate]:
    if isinstance(element, _TailText):
        text = normalise_space(element.text)
        return [Candidate(text, verdict=verdict)] if text else []
    kind = (BlockKind.HEADING if tag in HEADING_TAGS else BlockKind.QUOTE if tag == "blockquote"
            else BlockKind.LIST_ITEM if tag == "li" else BlockKind.PARAGRAPH)
    out: list[Candidate] = []
    # A <small> or <em> right after an image is that image's caption.
    for img in element.iter("img"):
        following = img.getnext()
        if following is not None and following.tag in ("small", "em", "span", "i") and following.text_content().strip():
            out.append(Candidate(normalise_space(following.text_content()), BlockKind.CAPTION, verdict=verdict))
            following.drop_tree()
    lines = _text(element, skip=set(), breaks=True).split("\n")
    for index, line in enumerate(lines):
        line = normalise_space(line)
        if line:
            out.append(Candidate(line, kind, verdict=verdict, blank_before=index == 0))
    return out


def _text(element: Any, skip: set[str], breaks: bool = False) -> str:
    """Text of an element in reading order; <br> becomes a line break when `breaks`, tags in `skip`
    (and dropped tags) are left out but their tails kept."""
    parts: list[str] = []
    stack: list[Any] = [element]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        tag = item.tag if isinstance(item.tag, str) else ""
        if item is not element:  # its tail was pushed by the parent
            if not tag or tag in skip or tag in DROP_TAGS:
                continue
            if tag == "br":
                parts.append("\n" if breaks else "")
                continue
        if item.text:
            parts.append(item.text)
        for child in reversed(list(item)):
            if child.tail:
                stack.append(child.tail)
            stack.append(child)
    return "".join(parts)


def split_names(text: str) -> list[str]:
    """Split a byline into names; ALL-CAPS Latin names (DAVID PIERSON) become David Pierson."""
    text = re.sub(r"^(作者|文|记者|撰文|By|BY|by)\s*[:：/|]?\s*", "", text.strip())
    names = [n.strip(" 　.") for n in re.split(r"\s*(?:,|，|、|;|；|/|\band\b|和|与)\s*", text) if n.strip(" 　.")]
    return [n.title() if n.isupper() else n for n in names if len(n) <= 40]
