"""Reader for Markdown notes and feed-to-Markdown dumps: blocks from headings, paragraphs, list
items, block quotes and table rows, with Markdown syntax taken off so that only the words remain.

What the author structured (headings, list items, table rows) is marked `authored`: the classifier
does not take it for page chrome because it is short. Rules this reader applies itself:
  headline        the first level-1 heading (`# title` or `# [title](url)`, whose link is the url)
  feed-meta-line  a dump's header fields (Published: …, Author: …, Source: …, Link: …) above the body
  md-image        an image line (also one wrapped in a link): its alt text becomes a caption
                  (markup-caption) when it is a sentence, else the line is dropped
  md-image-caption  a short line without a full stop right after an image: the image's caption
  md-bold-heading a paragraph that is one short run of bold text: a sub-head the author wrote
  md-shortcode    a Hugo or Jekyll shortcode line ({{< spotify … >}}, {% include … %}): site markup
  md-html-block   HTML the export carries (a blog's <figure>, a body in <p> tags, a whole embedded
                  page): read by the HTML reader, which judges its structure as on any page
"""

from __future__ import annotations

import re

from ..han import HAN_CLASS
from ..model import BlockKind
from ..textnorm import to_simplified
from .candidates import BOLD_HEADING_MAX, CJK, Candidate, Hints, ends_sentence, normalise_space, split_run_in_credits
from .credits import split_names
from .html import TAG_TOKEN, VOID_TAGS, read_html
from .patterns import SITE_SUFFIX, TITLE_SEPARATOR

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT = re.compile(r"^(=+|-+)\s*$")
THEMATIC_BREAK = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$")
QUOTE = re.compile(r"^\s*>\s?(.*)$")
TABLE_ROW = re.compile(r"^\s*\|(.+)\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
IMAGE_LINE = re.compile(r"^\s*(?:\[\s*)?!\[([^\]]*)\]\([^)]*\)(?:\s*\]\([^)]*\))?\s*$")
BOLD_LINE = re.compile(r"^(\*\*|__)([^*_].*?)\1$")
SHORTCODE = re.compile(r"^\{\{[<%].*[%>]\}\}$|^\{%.*%\}$")
# The start of an HTML block (CommonMark's rule, narrowed to tags that stand as blocks).
HTML_BLOCK_START = re.compile(
    r"^<(?:!--|!doctype|/?(?:address|article|aside|audio|blockquote|body|br|center|dd|details|div|dl|dt|figcaption|"
    r"figure|footer|h[1-6]|head|header|hr|html|iframe|img|li|main|nav|ol|p|picture|pre|script|section|style|svg|"
    r"table|tbody|td|th|thead|tr|ul|video)\b)", re.I)
# Elements that may hold blank lines inside an HTML block and whose end tags are never left out.
HTML_CONTAINERS = {"div", "section", "article", "figure", "table", "ul", "ol", "dl", "blockquote", "details", "aside",
                   "header", "footer", "nav", "main", "body", "head", "script", "style", "pre", "svg", "video", "audio",
                   "picture", "center", "form", "iframe", "template", "noscript"}
HTML_PAGE_START = re.compile(r"^<(?:!doctype\s+html|html)\b", re.I)
# A caption under a picture is short and stops without a full stop.
IMAGE_CAPTION_MAX = 80
LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
URL_LINK = re.compile(r"\[([^\]]{2,200})\]\((https?://[^)\s]+)\)")
INLINE = re.compile(r"(\*\*|__|`|~~)(.+?)\1")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
# Header fields that feed readers write above the text of an item they save as Markdown.
FEED_FIELD = re.compile(
    r"^\s*(?:[-*>]\s*)?(?:\*\*|__)?(?P<key>Published|Updated|Date|Pubdate|Created|Author|Authors|By|Source|Feed|"
    r"Site|Link|URL|Original|Tags|Categories|Category|发布时间|发布日期|发布于|更新时间|日期|时间|作者|来源|原文链接|原文|"
    r"链接|标签|分类)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(?P<value>.+?)\s*$", re.I)
FEED_FIELD_KINDS = {
    "published": "date", "pubdate": "date", "created": "date", "date": "date", "发布时间": "date", "发布日期": "date",
    "发布于": "date", "日期": "date", "时间": "date", "updated": "updated", "更新时间": "updated",
    "author": "author", "authors": "author", "by": "author", "作者": "author",
    "source": "source", "feed": "source", "site": "source", "来源": "source",
    "link": "url", "url": "url", "original": "url", "原文链接": "url", "原文": "url", "链接": "url",
}
CAPTION_MIN_CHARS = 8
# Words of a re-post's credit for the original, read on the Simplified form (轉載自 is 转载自).
ORIGINAL_CREDIT = re.compile(r"原文|本文来自|转载自|转自|原载|首发于|首发|出处|来源")
ORIGINAL_CREDIT_REACH = 60  # characters before the link: a credit line names its original at once


# CommonMark's backslash escape: a backslash before ASCII punctuation writes that character
# literally (记者 \| 某某 is 记者 | 某某 on the page); exporters escape every |, *, _ and [ they write.
ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def strip_inline(text: str) -> str:
    """Rule `md-inline`: the text a reader sees of a Markdown line — link text, emphasis and code
    without their marks, tags dropped, and backslash escapes written as the character they escape."""
    text = LINK.sub(lambda m: m[1], text)
    text = INLINE.sub(lambda m: m[2], text)
    text = re.sub(r"(?<![\w*\\])\*(?!\s)([^*\n]+?)\*(?!\w)", r"\1", text)
    return normalise_space(ESCAPED.sub(r"\1", TAG.sub("", text)))


def link_chars(markdown: str) -> int:
    return sum(len(normalise_space(m[1])) for m in LINK.finditer(markdown) if not m[0].startswith("!"))


def read_markdown(text: str) -> tuple[list[Candidate], Hints]:
    hints = Hints()
    candidates: list[Candidate] = []
    paragraph: list[str] = []
    start = 0
    image_at = [-1, 0]  # (candidates made up to the last image, its line): for md-image-caption

    def flush() -> None:
        if paragraph:
            source = "".join(paragraph) if all(re.search(rf"[{HAN_CLASS}，。、：；]$", p) for p in
                                               paragraph[:-1]) else " ".join(paragraph)
            joined = strip_inline(source)
            _original_link(source, hints)
            if not joined:
                pass
            elif len(paragraph) == 1 and BOLD_LINE.match(source) and len(joined) <= BOLD_HEADING_MAX \
                    and not ends_sentence(joined):
                candidates.append(Candidate(joined, BlockKind.HEADING, line=start, authored=True))
            elif (image_at[0] == len(candidates) and start - image_at[1] <= 2 and len(paragraph) == 1
                  and len(joined) <= IMAGE_CAPTION_MAX and not ends_sentence(joined) and "。" not in joined):
                candidates.append(Candidate(joined, BlockKind.CAPTION, line=start))  # md-image-caption
            else:
                candidates.append(Candidate(joined, BlockKind.PARAGRAPH, line=start,
                                            link_chars=min(len(joined), link_chars(source))))
            paragraph.clear()

    lines = text.split("\n")
    skip_to = 0
    for number, line in enumerate(lines, start=1):
        if number <= skip_to:
            continue
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if not paragraph and HTML_BLOCK_START.match(stripped):
            skip_to = _html_block_end(lines, number - 1)
            _read_html_block("\n".join(lines[number - 1:skip_to]), number, candidates, hints)
            continue
        if not paragraph and SHORTCODE.match(stripped):
            candidates.append(Candidate(stripped, line=number, verdict="md-shortcode"))
            continue
        if paragraph and SETEXT.match(stripped):  # a Setext heading: the paragraph above is the heading
            heading = strip_inline(" ".join(paragraph))
            paragraph.clear()
            match = URL_LINK.fullmatch(heading) or URL_LINK.fullmatch(lines[number - 2].strip())
            if match:
                hints.urls.append((match[2], "markdown:heading-link"))
            if heading:
                candidates.append(Candidate(heading, BlockKind.HEADING, line=number - 1, authored=True))
            continue
        if THEMATIC_BREAK.match(stripped):
            flush()
            continue
        heading_match = HEADING.match(stripped)
        if heading_match:
            flush()
            _heading(heading_match, number, candidates, hints)
            continue
        if not paragraph and _feed_field(stripped, number, candidates, hints):
            continue
        image = IMAGE_LINE.match(stripped)
        if image and not paragraph:
            alt = normalise_space(image[1])
            if len(alt) >= CAPTION_MIN_CHARS and CJK.search(alt):
                candidates.append(Candidate(alt, BlockKind.CAPTION, line=number))
            else:
                candidates.append(Candidate(alt or stripped, line=number, verdict="md-image"))
            image_at[:] = [len(candidates), number]
            continue
        if TABLE_ROW.match(stripped) and not paragraph:
            if not TABLE_RULE.match(stripped):
                cells = [strip_inline(c) for c in stripped.strip("|").split("|")]
                row = " | ".join(c for c in cells if c)
                if row:
                    candidates.append(Candidate(row, BlockKind.PARAGRAPH, line=number, authored=True))
            continue
        for pattern, kind in ((LIST_ITEM, BlockKind.LIST_ITEM), (QUOTE, BlockKind.QUOTE)):
            match = pattern.match(line)
            if match and not paragraph:
                item = strip_inline(match[1])
                if item:
                    candidates.append(Candidate(item, kind, line=number, authored=kind is BlockKind.LIST_ITEM,
                                                link_chars=min(len(item), link_chars(match[1]))))
                break
        else:
            if not paragraph:
                start = number
            paragraph.append(stripped)
    flush()
    return split_run_in_credits(candidates), hints


def _original_link(source: str, hints: Hints) -> None:
    """Rule `original-link`: a re-post's credit that links the original (原文来自「某报」：[标题](url),
    本文来自某某，[原文](url)为会员付费阅读): that link is the article's address."""
    link = URL_LINK.search(source)
    if link and link.start() <= ORIGINAL_CREDIT_REACH and ORIGINAL_CREDIT.search(to_simplified(source[:link.end()])):
        hints.urls.append((link[2], "markdown:original-link"))


def _heading(match: re.Match[str], number: int, candidates: list[Candidate], hints: Hints) -> None:
    level, heading = len(match[1]), strip_inline(match[2])
    link = URL_LINK.search(match[2])
    if link and level == 1:
        hints.urls.append((link[2], "markdown:heading-link"))
    if not heading:
        return
    if level == 1 and not hints.titles:
        hints.titles.append((heading, "markdown:h1"))
        candidates.append(Candidate(heading, BlockKind.HEADING, line=number, verdict="headline"))
    else:
        candidates.append(Candidate(heading, BlockKind.HEADING, line=number, authored=True,
                                    link_chars=min(len(heading), link_chars(match[2]))))


def _feed_field(line: str, number: int, candidates: list[Candidate], hints: Hints) -> bool:
    """Rule `feed-meta-line`: a field a feed reader wrote above the body (Published: 2025-03-01 …).
    Only before the body starts: later, "来源：" is part of the text."""
    if any(c.verdict is None and c.kind is BlockKind.PARAGRAPH and len(c.text) >= 40 for c in candidates):
        return False
    match = FEED_FIELD.match(line)
    if not match:
        return False
    kind = FEED_FIELD_KINDS.get(match["key"].lower())
    value = strip_inline(match["value"])
    url = URL_LINK.search(match["value"])
    if kind == "date":
        hints.dates.append((value, "feed:published"))
    elif kind == "updated":
        hints.feed_dates.append((value, "feed:updated"))
    elif kind == "author":
        hints.authors.append((split_names(value), "feed:author"))
    elif kind == "source":
        # A feed's name often carries its section: "南风日报 - 国际新闻" is 南风日报.
        parts = [p for p in TITLE_SEPARATOR.split(value) if p]
        site = next((p for p in parts if SITE_SUFFIX.search(p)), parts[0] if parts else value)
        hints.outlets.append((site, "feed:source"))
    elif kind == "url":
        address = url[2] if url else value
        if address.startswith(("http://", "https://")):
            hints.urls.append((address, "feed:link"))
    candidates.append(Candidate(normalise_space(line), line=number, verdict="feed-meta-line"))
    return True


def _html_block_end(lines: list[str], first: int) -> int:
    """Rule `md-html-block`: where an HTML block that starts at `lines[first]` ends (exclusive index).
    A whole page runs to its </html>; other markup runs to the first blank line at which every
    container it opened (`HTML_CONTAINERS`: a <div> may hold blank lines) is closed again. Elements
    whose end tag may be left out (<p>, <li>) do not hold the block open: an unclosed <p> must not
    swallow the rest of the Markdown."""
    if HTML_PAGE_START.match(lines[first].strip()):
        for index in range(first, len(lines)):
            if re.search(r"</html\s*>", lines[index], re.I):
                return index + 1
        return len(lines)
    depth = 0
    for index in range(first, len(lines)):
        if not lines[index].strip() and depth <= 0:
            return index
        for match in TAG_TOKEN.finditer(lines[index]):
            if match[3] or match[2].lower() in VOID_TAGS or match[2].lower() not in HTML_CONTAINERS:
                continue
            depth += -1 if match[1] else 1
    return len(lines)


def _read_html_block(markup: str, number: int, candidates: list[Candidate], hints: Hints) -> None:
    found, found_hints = read_html(markup, whole_page=bool(HTML_PAGE_START.match(markup.lstrip())))
    for candidate in found:
        candidate.line += number - 1
    candidates.extend(found)
    for name in ("titles", "dates", "authors", "urls", "outlets", "feed_dates", "pages"):
        getattr(hints, name).extend(getattr(found_hints, name))
