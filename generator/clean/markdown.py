"""Reader for Markdown notes (and feed-to-Markdown dumps): blocks from headings, paragraphs,
list items and block quotes, with Markdown syntax taken off so that only the words remain."""

from __future__ import annotations

import re

from ..model import BlockKind
from .candidates import Candidate, Hints, normalise_space

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT = re.compile(r"^(=+|-+)\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
QUOTE = re.compile(r"^\s*>\s?(.*)$")
LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
URL_LINK = re.compile(r"\[([^\]]{2,200})\]\((https?://[^)\s]+)\)")
INLINE = re.compile(r"(\*\*|__|`|~~)(.+?)\1")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def strip_inline(text: str) -> str:
    text = LINK.sub(lambda m: m[1], text)
    text = INLINE.sub(lambda m: m[2], text)
    text = re.sub(r"(?<![\w*])\*(?!\s)([^*\n]+?)\*(?!\w)", r"\1", text)
    return normalise_space(TAG.sub("", text))


def read_markdown(text: str) -> tuple[list[Candidate], Hints]:
    hints = Hints()
    candidates: list[Candidate] = []
    paragraph: list[str] = []
    start = 0

    def flush() -> None:
        if paragraph:
            joined = strip_inline("".join(paragraph) if all(re.search(r"[\u3400-\u9fff]$", p) for p in
                                                            paragraph[:-1]) else " ".join(paragraph))
            if joined:
                candidates.append(Candidate(joined, BlockKind.PARAGRAPH, line=start))
            paragraph.clear()

    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if paragraph and SETEXT.match(stripped):  # a Setext heading: the paragraph above is the heading
            heading = strip_inline(" ".join(paragraph))
            paragraph.clear()
            match = URL_LINK.fullmatch(heading) or URL_LINK.fullmatch(lines[number - 2].strip())
            if match:
                hints.urls.append((match[2], "markdown:heading-link"))
            if heading:
                candidates.append(Candidate(heading, BlockKind.HEADING, line=number - 1))
            continue
        heading_match = HEADING.match(stripped)
        if heading_match:
            flush()
            level, heading = len(heading_match[1]), strip_inline(heading_match[2])
            link = URL_LINK.search(heading_match[2])
            if link and level == 1:
                hints.urls.append((link[2], "markdown:heading-link"))
            if heading:
                if level == 1 and not hints.titles:
                    hints.titles.append((heading, "markdown:h1"))
                    candidates.append(Candidate(heading, BlockKind.HEADING, line=number, verdict="headline"))
                else:
                    candidates.append(Candidate(heading, BlockKind.HEADING, line=number))
            continue
        for pattern, kind in ((LIST_ITEM, BlockKind.LIST_ITEM), (QUOTE, BlockKind.QUOTE)):
            match = pattern.match(line)
            if match and not paragraph:
                item = strip_inline(match[1])
                if item:
                    candidates.append(Candidate(item, kind, line=number))
                break
        else:
            if not paragraph:
                start = number
            paragraph.append(stripped)
    flush()
    return candidates, hints
