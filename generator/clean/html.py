"""Reader for HTML bodies: RSS item fragments, whole saved pages, and the markup that `containers`
unwraps from an API's JSON or an SQL dump. The page's head is read by `head`.

It walks the tree once, iteratively (a page nested 5000 deep must not exhaust the stack), and emits
one candidate per block element in reading order. Structure decides what it can (rules `html-*`):
  html-navigation, html-related, html-comments, html-share, html-ad, html-footer, html-pagination,
  html-diagram-source
                        an element whose tag (nav, aside, footer) or class/id words name page chrome
  html-outside-article  on a whole page, what lies outside the element holding the article (found by
                        its markup, else by where the paragraph text is), except the article's own
                        header: its <h1> (the `headline`) and the lines down to the body
  html-article-header   in that header, what is not a date, source or byline line (share widgets,
                        promotions, a teaser): the classifier reads the meta lines, nothing is body
  markup-bold-heading   a short paragraph all in bold: a sub-head
  markup-caption        <figcaption>, a box classed as a caption (picinfo, img-desc), a <small>/<em>
                        right after an image, an <img alt> sentence, the <dd>/<dt> text of a <dl>
                        that holds a picture
  html-flatten          markup nested deeper than the parser builds is flattened first, so its text
                        is not silently lost
Chrome is emitted with its verdict, not removed, so that `explain` still shows it and metadata can
still read it (a translator line in a footer names the outlet). Everything else is judged by the
shared classifier. An API's or a dump's own fields (title, pubDate, source, author, url) become
metadata hints.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

import lxml.etree
import lxml.html

from ..dates import from_epoch
from ..model import BlockKind
from .candidates import (
    BOLD_HEADING_MAX,
    CJK,
    Candidate,
    Hints,
    looks_like_body,
    normalise_space,
    split_run_in_credits,
)
from .containers import unescape_strings
from .credits import split_names
from .head import _read_fields, _read_head
from .patterns import META_LINE, PAGE_OF, TIMESTAMP_LINE

DROP_TAGS = {"script", "style", "noscript", "iframe", "svg", "form", "button", "input", "select", "textarea",
             "object", "embed", "canvas", "template", "link", "meta", "video", "audio", "map", "head", "title"}
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "td", "th", "dd",
              "dt", "address", "div", "section", "article", "header", "footer", "main", "aside", "nav", "ul", "ol",
              "table", "tr", "tbody", "thead", "figure", "body", "html", "dl", "center", "time", "caption"}
CONTAINER_TAGS = {"div", "section", "article", "main", "body", "html", "figure", "table", "tbody", "thead", "tr",
                  "ul", "ol", "dl", "header", "footer", "nav", "aside", "center"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

# Class and id words of page chrome, by concept (trafilatura's xpaths.py idea). A class is split into
# words at spaces, hyphens and underscores; a word matches when it equals an entry or starts with an
# entry ending in "*". Whole class strings are also searched for the compound entries.
CHROME_WORDS = {
    "html-navigation": ("nav*", "menu*", "breadcrumb*", "crumb*", "topbar", "sitenav", "subnav"),
    "html-related": ("related*", "recommend*", "tuijian", "hotnews", "hotlist", "morenews", "readmore", "sidebar*"),
    "html-comments": ("comment", "comments", "commentlist", "reply", "replies", "discuss*", "pinglun"),
    "html-share": ("share*", "social*", "toolbar", "sharebar"),
    "html-ad": ("ad", "ads", "advert*", "advertisement", "sponsor*", "promo*", "banner*", "adsbygoogle"),
    "html-footer": ("footer*", "copyright*", "bio", "authorbio"),
    "html-pagination": ("pagination", "pager", "paging", "pagenav", "pagelist"),
    "html-diagram-source": ("mermaid", "graphviz", "plantuml"),
}
CHROME_COMPOUNDS = {
    "html-related": ("hot-list", "hot-news", "more-news", "read-more", "hot_news"),
    "html-footer": ("author-bio", "site-info"),
}
CHROME_TAGS = {"nav": "html-navigation", "aside": "html-related", "footer": "html-footer"}
# Class words of a box that holds a picture's caption (rule `markup-caption`): its lines are captions.
CAPTION_WORDS = ("caption*", "figcaption", "picinfo", "pictext", "pictxt", "imgtext", "imgtxt", "imgdesc", "picdesc",
                 "photodesc", "phototext", "picnote", "imgnote", "imginfo", "photoinfo")
CAPTION_COMPOUNDS = ("pic-info", "pic_info", "img-desc", "img_desc", "pic-desc", "pic_desc", "photo-desc",
                     "pic-txt", "pic_txt", "img-txt", "img_txt", "img-info", "img_info", "photo-info", "photo_info")
# Chrome that never wraps an article, so nothing inside it can be the article.
ENCLOSING_CHROME = {"html-footer", "html-comments", "html-navigation"}
# Markup that says where the article is, best first.
ARTICLE_MARKERS = ('//*[@itemprop="articleBody"]', "//article", '//*[@role="main"]', "//main")
# A marked element holding less paragraph text than this share of the densest one is a card
# (a related story), not the article.
MARKER_MIN_SHARE = 0.5
# A sibling of the densest element joins it when it holds this share of its paragraph text.
SIBLING_MIN_SHARE = 0.25
PARAGRAPH_MIN_CHARS = 10
# Below this much paragraph text no box is trusted to be the article: the whole body is read.
CONTENT_MIN_CHARS = 100
CAPTION_ALT_MIN_CHARS = 8
FILE_NAME = re.compile(r"^[\w.-]+\.(?:jpe?g|png|gif|webp|bmp)$", re.I)

# Where _text marks a <br> or a block boundary (a character no page uses: source line breaks stay white space).
LINE_BREAK = "\u2029"
# libxml2 builds at most 255 levels of a tree; stay clear of it.
NESTING_LIMIT = 200
TAG_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "param",
             "track", "!doctype"}

FEED_EPOCH_COMMENT = re.compile(r"<!--\s*(1\d{9}|1\d{12})\s*-->")
LEADING_LINK = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)?\[([^\]\n]{2,200})\]\((https?://[^)\s]+)\)\s*\n(?:[-=]{3,}\s*\n)?", re.S)


def read_html(text: str, whole_page: bool, fields: dict[str, str] | None = None) -> tuple[list[Candidate], Hints]:
    """Candidates and hints of markup: a page, a fragment, or a container's markup (ingest unwrapped
    it; `fields` are the container's own fields)."""
    hints = Hints()
    text = unescape_strings(text)
    _read_fields(fields or {}, hints)
    match = FEED_EPOCH_COMMENT.search(text[:500])
    if match:
        day = from_epoch(match[1])
        if day:
            hints.feed_dates.append((day.iso, "feed:timestamp"))
    link = LEADING_LINK.match(text)
    if link:
        hints.titles.append((normalise_space(link[1]), "feed:link-line"))
        hints.urls.append((link[2], "feed:link-line"))
        text = text[link.end():]
    if not text.strip():
        return [], hints
    text = flatten_deep_nesting(text)
    try:
        root = lxml.html.document_fromstring(text) if whole_page else lxml.html.fragment_fromstring(
            text, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return [], hints
    if whole_page:
        root = _merge_roots(root)
    _read_head(root, hints)
    if whole_page:
        # The whole document, not only <body>: markup after a stray </html> lands outside it.
        scope, content = root, _content_root(root)
    else:
        scope = content = root
    candidates, tags = _walk(scope, content, hints)
    if whole_page:
        _mark_outside(candidates, tags, hints)
    return split_run_in_credits(candidates), hints


# --- markup too deep to parse ------------------------------------------------------------------------


def flatten_deep_nesting(text: str) -> str:
    """Rule `html-flatten`: libxml2 stops building the tree at 255 levels and silently drops what
    lies deeper. When elements nest deeper than `NESTING_LIMIT`, the tags that make up the deep
    stack (5000 <div>s) are taken out — their text, and the paragraphs inside them, stay."""
    depth, deepest = 0, 0
    stack_at_deepest: Counter[str] = Counter()
    stack: list[str] = []
    for match in TAG_TOKEN.finditer(text):
        closing, name, self_closing = match[1], match[2].lower(), match[3]
        if name in VOID_TAGS or self_closing:
            continue
        if closing:
            if name in stack:
                while stack and stack.pop() != name:
                    pass
        else:
            stack.append(name)
        depth = len(stack)
        if depth > deepest:
            deepest = depth
            if deepest > NESTING_LIMIT:
                stack_at_deepest = Counter(stack)
                break
    if deepest <= NESTING_LIMIT:
        return text
    deep = {name for name, count in stack_at_deepest.items() if count > NESTING_LIMIT // 4}
    if not deep:
        return text
    return re.sub(rf"</?(?:{'|'.join(sorted(deep))})\b[^>]*>", "\n", text, flags=re.I)


def _merge_roots(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """A page with a stray </html> (an included header file) parses into two <html> roots; what the
    second holds — usually the article — is moved under the first, so nothing is out of reach."""
    for extra in [s for s in root.itersiblings() if isinstance(s.tag, str)]:
        for child in list(extra):
            root.append(child)
    return root


# --- where the article is ------------------------------------------------------------------------------


def _paragraph_score(element: Any) -> int:
    """Characters of paragraph text directly under an element: its <p> children, and its own loose
    text when it writes paragraphs with <br> instead. Scripts and styles hold none."""
    if not isinstance(element.tag, str) or element.tag in DROP_TAGS:
        return 0
    score = sum(len(p.text_content().strip()) for p in element.findall("p")
                if len(p.text_content().strip()) >= PARAGRAPH_MIN_CHARS)
    loose = (element.text or "") + "".join(child.tail or "" for child in element)
    return score + (len(loose.strip()) if len(loose.strip()) >= 40 else 0)


def _content_root(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element holding the article: the densest paragraph container (with siblings that hold a
    good share of text too, for articles split into several boxes); an explicit marker (articleBody,
    <article>, <main>) instead when it holds that text, not a card of a related story."""
    best, best_score = None, 0
    for element in root.iter("div", "section", "td", "article", "main", "body", "html", "font", "span"):
        score = _paragraph_score(element)
        if score > best_score and not _in_chrome(element):
            best, best_score = element, score
    for xpath in ARTICLE_MARKERS:
        found = root.xpath(xpath)
        if found:
            marked = max(found, key=lambda e: len(e.text_content()))
            inside = sum(_paragraph_score(e) for e in marked.iter())
            if best is None or inside >= MARKER_MIN_SHARE * best_score:
                return marked
    if best is None or best_score < CONTENT_MIN_CHARS:
        return root
    parent = best.getparent()
    if parent is not None and parent.tag not in ("body", "html"):
        siblings = [c for c in parent if c is not best and isinstance(c.tag, str) and _chrome_rule(c) is None]
        if any(_paragraph_score(s) >= SIBLING_MIN_SHARE * best_score for s in siblings):
            return parent
    return best


def _in_chrome(element: Any) -> bool:
    """Whether an element is page chrome by its own class, or sits inside a footer, menu or comment
    thread (<footer>, <nav>, <aside>, or such a class): a footer's text box is no article. Other
    chrome words on ancestors do not count: wrappers around articles carry them (js_img_share_area)."""
    return _chrome_rule(element) is not None or any(
        a.tag in CHROME_TAGS or _chrome_rule(a) in ENCLOSING_CHROME for a in element.iterancestors())


def _class_words(element: Any) -> tuple[set[str], str]:
    raw = f"{element.get('class', '')} {element.get('id', '')}".lower()
    return set(re.split(r"[\s_-]+", raw)) - {""}, raw


def _chrome_rule(element: Any) -> str | None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("html", "body"):  # their classes describe the page (discuss_tab), not a part of it
        return None
    if tag in CHROME_TAGS:
        return CHROME_TAGS[tag]
    words, raw = _class_words(element)
    if not words:
        return None
    for rule, entries in CHROME_WORDS.items():
        for entry in entries:
            if entry.endswith("*"):
                if any(word.startswith(entry[:-1]) for word in words):
                    return rule
            elif entry in words:
                return rule
    for rule, compounds in CHROME_COMPOUNDS.items():
        if any(compound in raw for compound in compounds):
            return rule
    return None


def _walk(scope: Any, content: Any, hints: Hints) -> tuple[list[Candidate], list[tuple[str, bool]]]:
    """Candidates in reading order, with (tag, inside the content root) for each."""
    candidates: list[Candidate] = []
    tags: list[tuple[str, bool]] = []
    # The elements themselves, not their id()s: lxml hands out the same proxy for a node only while
    # one is alive, so the set must hold them.
    holds_content = {content, *content.iterancestors()}
    # (element, verdict inherited from chrome ancestors, inside the content root); explicit stack.
    stack: list[tuple[Any, str | None, bool]] = [(scope, None, scope is content)]
    while stack:
        element, verdict, inside = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in DROP_TAGS:
            continue
        inside = inside or element is content
        if element not in holds_content:  # a wrapper around the article is not chrome of it
            verdict = verdict or _chrome_rule(element)
        if verdict == "html-pagination" or (tag in CONTAINER_TAGS | {"p"} and _pagination(element, hints)):
            verdict = verdict or "html-pagination"
        start = len(candidates)
        children = [c for c in element if isinstance(c.tag, str)]
        if tag == "address":
            names = split_names(normalise_space(element.text_content()))
            if names:
                hints.authors.append((names, "html:address"))
        elif tag == "time":
            value = element.get("datetime") or element.get("pudate") or element.text_content()
            if value and value.strip():
                hints.dates.append((value.strip(), "html:time"))
        elif tag == "img":
            figure = next(element.iterancestors("figure"), None)
            if figure is None or not figure.findall(".//figcaption"):
                candidates.extend(_alt_captions(element, verdict))
        elif tag == "figcaption":
            text = normalise_space(_text(element, skip={"cite"}))
            if text:
                candidates.append(Candidate(text, BlockKind.CAPTION, line=element.sourceline or 0, verdict=verdict))
        elif tag not in CONTAINER_TAGS or not any(c.tag in BLOCK_TAGS for c in children):
            candidates.extend(_leaf_blocks(element, tag, verdict))
        else:
            # A container: its own loose text, its children and their tails, in order.
            pieces: list[tuple[Any, str | None, bool]] = []
            if element.text and element.text.strip():
                pieces.append((_TailText(element.text, element.sourceline), verdict, inside))
            for child in children:
                pieces.append((child, verdict, inside))
                if child.tail and child.tail.strip():
                    pieces.append((_TailText(child.tail, child.sourceline), verdict, inside))
            stack.extend(reversed(pieces))
        tags.extend((tag, inside) for _ in range(len(candidates) - start))
    return candidates, tags


def _mark_outside(candidates: list[Candidate], tags: list[tuple[str, bool]], hints: Hints) -> None:
    """On a whole page: outside the article, everything is chrome but the article's header — its <h1>
    (else the block that repeats the page's title) and the lines from there down to the body."""
    inside = [i for i, (_, flag) in enumerate(tags) if flag]
    if not inside:
        return
    start = inside[0]
    titles = {to for to, _ in hints.titles}
    h1_inside = next((i for i in inside if tags[i][0] == "h1" and candidates[i].verdict is None), None)
    h1_before = [i for i in range(start) if tags[i][0] == "h1" and candidates[i].verdict is None]
    titled_before = [i for i in range(start) if candidates[i].text in titles and candidates[i].verdict is None]
    before = h1_before or titled_before
    headline = h1_inside if h1_inside is not None else (before[-1] if before else None)
    header = range(headline + 1, start) if headline is not None and headline < start else range(0)
    # Running text between the headline and the chosen box means the box is not the whole article:
    # the classifier judges that stretch instead.
    trust_header = not any(looks_like_body(candidates[i].text) and candidates[i].verdict is None for i in header)
    for index, (_, flag) in enumerate(tags):
        if flag or candidates[index].verdict is not None or index == headline:
            continue
        folded = candidates[index].folded
        if index not in header:
            candidates[index].verdict = "html-outside-article"
        elif trust_header and not (META_LINE.search(folded) or TIMESTAMP_LINE.match(folded)):
            candidates[index].verdict = "html-article-header"
    if headline is not None:
        candidates[headline].verdict = "headline"
        candidates[headline].kind = BlockKind.HEADING


def _pagination(element: Any, hints: Hints) -> bool:
    """Rule `html-pagination`: a block of page links. The current page is the number that is not a
    link (or is marked current/active); the count is the highest number."""
    if len(element) < 2 or len(element.text_content()) > 120:
        return False
    text = normalise_space(element.text_content())
    match = PAGE_OF.search(text)
    numbers = [int(n) for n in re.findall(r"(?<![\d.])\d{1,2}(?![\d.])", text)]
    link_numbers = {int(m[1]) for a in element.iter("a")
                    if (m := re.fullmatch(r"[\s【\[(（]*(\d{1,2})[\s】\])）]*", a.text_content()))}
    if match:
        found = [int(g) for g in match.groups() if g]
        if len(found) == 2 and 1 <= found[0] <= found[1] > 1:
            hints.pages.append(((found[0], found[1]), "html-pagination"))
            return True
    only_numbers = bool(re.fullmatch(r"[\s\d【】\[\]()（）|/<>«»…·.]+", text))
    if not (re.search(r"下一?页|上一?页|next|prev", text, re.I) or only_numbers) or len(numbers) < 2 \
            or not link_numbers:
        return False
    current = [n for n in numbers if n not in link_numbers]
    for marked in element.iter():
        words, _ = _class_words(marked)
        if words & {"current", "active", "cur", "on", "selected"} and marked.text_content().strip().isdigit():
            current = [int(marked.text_content().strip())]
    if not current and not re.search(r"上一?页|prev", text, re.I):
        current = [1]  # every page is a link and none is marked: a story is saved from its first page
    if current and max(numbers) > 1:
        hints.pages.append(((current[0], max(numbers)), "html-pagination"))
    return True


class _TailText:
    """Loose text between two block children of a container, walked like an element."""

    tag = "p"

    def __init__(self, text: str, sourceline: int | None = None) -> None:
        self.text = text
        self.sourceline = sourceline

    def __iter__(self) -> Iterator[Any]:  # no children
        return iter(())

    def __len__(self) -> int:
        return 0

    def get(self, _key: str, default: str = "") -> str:
        return default

    def text_content(self) -> str:
        return self.text

    def iterancestors(self) -> Iterator[Any]:
        return iter(())


def _alt_captions(element: Any, verdict: str | None) -> list[Candidate]:
    """Rule `markup-caption` for pictures without a caption element: an <img alt> that is a sentence
    about the picture (not a file name, not a word or two)."""
    out = []
    for img in element.iter("img"):
        alt = normalise_space(img.get("alt") or img.get("title") or "")
        if len(alt) >= CAPTION_ALT_MIN_CHARS and CJK.search(alt) and not FILE_NAME.match(alt):
            out.append(Candidate(alt, BlockKind.CAPTION, line=img.sourceline or 0, verdict=verdict))
    return out


def _caption_box(element: Any) -> bool:
    """Rule `markup-caption` for a caption box: the element or its parent is classed as a picture's
    caption (<div class="picinfo">, <p class="img-desc">), or it is the description (<dd>, <dt>) of a
    definition list that holds a picture (<dl><dt><img></dt><dd>…</dd></dl>)."""
    parent = element.getparent()
    if element.tag in ("dd", "dt") and parent is not None and parent.tag == "dl" \
            and next(parent.iter("img"), None) is not None:
        return True
    for box in (element, parent):
        if box is None or not isinstance(box.tag, str):
            continue
        words, raw = _class_words(box)
        if any(word.startswith(entry[:-1]) if entry.endswith("*") else word == entry
               for word in words for entry in CAPTION_WORDS) or any(c in raw for c in CAPTION_COMPOUNDS):
            return True
    return False


def _bold_heading(element: Any, tag: str) -> bool:
    """Rule `markup-bold-heading`: a short paragraph whose whole text is bold (<p><strong>…</strong></p>)
    is a sub-head, as editors of many sites write them."""
    if tag not in ("p", "div") or len(element) != 1 or element[0].tag not in ("strong", "b"):
        return False
    text = normalise_space(element.text_content())
    return 0 < len(text) <= BOLD_HEADING_MAX and normalise_space(element[0].text_content()) == text \
        and not (element[0].tail or "").strip()


def _leaf_blocks(element: Any, tag: str, verdict: str | None) -> list[Candidate]:
    line = getattr(element, "sourceline", None) or 0
    if isinstance(element, _TailText):
        text = normalise_space(element.text)
        return [Candidate(text, line=line, verdict=verdict)] if text else []
    kind = (BlockKind.CAPTION if _caption_box(element) else BlockKind.HEADING
            if tag in HEADING_TAGS or _bold_heading(element, tag) else BlockKind.QUOTE
            if tag == "blockquote" else BlockKind.LIST_ITEM if tag == "li" else BlockKind.PARAGRAPH)
    out: list[Candidate] = []
    # A <small> or <em> right after an image is that image's caption; else its alt text may be.
    for img in list(element.iter("img")):
        following = img.getnext()
        if following is not None and following.tag in ("small", "em", "span", "i") and following.text_content().strip():
            out.append(Candidate(normalise_space(following.text_content()), BlockKind.CAPTION, line=line,
                                 verdict=verdict))
            following.drop_tree()
        else:
            out.extend(_alt_captions(img, verdict))
    anchors = [normalise_space(a.text_content()) for a in element.iter("a")]
    link_text = normalise_space(" ".join(anchors))
    text = _text(element, skip=set(), breaks=True)
    if tag != "p":  # in a header's spans and a div of loose lines, a source line is a line
        text = text.replace("\n", LINE_BREAK)
    texts = [t for t in (normalise_space(t) for t in text.split(LINE_BREAK)) if t]
    per_line = _line_link_chars(texts, [a for a in anchors if a])
    for index, text in enumerate(texts):
        links = len(link_text) if len(texts) == 1 else max(per_line[index], len(text) if text in link_text else 0)
        out.append(Candidate(text, kind, line=line, verdict=verdict, blank_before=index == 0,
                             link_chars=min(len(text), links)))
    return out


def _line_link_chars(lines: list[str], anchors: list[str]) -> list[int]:
    """Rule `line-links`: in a block read as several lines (a table cell of loose lines), the link
    text of each line — its links, found in reading order, so a bullet or a bracket around a link
    (• 标题, 【频道】标题) does not hide that the line is a link. A link not found from where the last
    one ended (its text runs over a line break) is passed over."""
    found = [0] * len(lines)
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    joined = "\n".join(lines)
    cursor = 0
    for anchor in anchors:
        where = joined.find(anchor, cursor)
        if where < 0:
            continue
        index = bisect_right(starts, where) - 1
        found[index] += min(len(anchor), starts[index] + len(lines[index]) - where)
        cursor = where + len(anchor)
    return found


def _text(element: Any, skip: set[str], breaks: bool = False) -> str:
    """Text of an element in reading order; <br> and block elements become `LINE_BREAK` when
    `breaks`, tags in `skip` (and dropped tags) are left out but their tails kept. Line breaks of the
    source stay as they are: in a <p> they are white space (a link on a line of its own stays in its
    sentence), elsewhere the caller splits lines at them."""
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
                parts.append(LINE_BREAK if breaks else "")
                continue
            if tag in BLOCK_TAGS and breaks:
                parts.append(LINE_BREAK)
        if item.text:
            parts.append(item.text)
        for child in reversed(list(item)):
            if child.tail:
                stack.append(child.tail)
            stack.append(child)
    return "".join(parts)


__all__ = ["read_html", "split_names"]
