"""What the form-specific readers hand to the classifier: candidate blocks and metadata hints.

A reader (text, HTML, Markdown) knows the structure of its form; the classifier knows what
boilerplate looks like. They meet here, so neither reaches into the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..han import HAN, HAN_CLASS, SENTENCE_END
from ..model import BlockKind
from ..textnorm import to_simplified

# A sub-head written as a paragraph in bold (HTML <strong>, Markdown **…**) is at most this long.
BOLD_HEADING_MAX = 40
CJK = HAN
# Characters next to which a space is a scraping artefact when it came from a line break in markup:
# Chinese text does not put spaces between words, so "中国\n    外交部" in HTML source means 中国外交部.
_CJK_OR_PUNCT = HAN_CLASS + "，。、：；！？“”「」《》（）"
_WRAPPED_SPACE = re.compile(rf"(?<=[{_CJK_OR_PUNCT}])[ \t\u00a0\u200b\ufeff]*\n\s*(?=[{_CJK_OR_PUNCT}])")
_IDEOGRAPHIC_RUN = re.compile(r"\u3000+")
_OTHER_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u200b\ufeff]+|\s{2,}")
# Every character the rules below act on (the zero-width ones are not \s): a text without any is
# returned as it is, without running them (most lines of Chinese text have no space at all).
_ANY_SPACE = re.compile(r"[\s\u200b\ufeff]")


@dataclass
class Candidate:
    """A block before judgement. `verdict` is set by a reader that already knows (an HTML footer)."""

    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    line: int = 0
    verdict: str | None = None  # rule name of a structural drop decided by the reader
    blank_before: bool = True  # a blank line (or element boundary) separates it from the previous one
    link_chars: int = 0  # characters of the text that sit inside links (HTML <a>, Markdown [..](..))
    authored: bool = False  # structure the author wrote (Markdown headings and lists), not page chrome

    @cached_property
    def folded(self) -> str:
        """The Simplified form every rule matches against, so one rule serves both scripts
        (相關新聞 is matched as 相关新闻). Same length as `text`. Read only after the reader is done."""
        return to_simplified(self.text)

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


@dataclass
class Hints:
    """Metadata the markup states outright, each with the rule that found it, best first."""

    titles: list[tuple[str, str]] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)
    authors: list[tuple[list[str], str]] = field(default_factory=list)
    urls: list[tuple[str, str]] = field(default_factory=list)
    outlets: list[tuple[str, str]] = field(default_factory=list)
    feed_dates: list[tuple[str, str]] = field(default_factory=list)  # weaker: when a feed saw it
    pages: list[tuple[tuple[int, int], str]] = field(default_factory=list)  # ((n, of), rule) of a paged article


# Rule `run-in-credit`: a desk credit or filing code run into the end of the last paragraph
# ("…请求。（译者：某某/核稿：某某）1140309") is split off into a line of its own, for the editor-line
# and filing-code rules to judge and the byline readers to read.
RUN_IN_CREDIT = re.compile(
    r"(?<=[。！？”」』])\s*(?P<tail>(?:[（(【\[]\s*(?:责任编辑|责编|编辑|译者|编译|翻译|核稿|校对|审校|审核|撰稿|整理|"
    r"来源)\s*[:：][^（()）【】\[\]]{1,60}[)）】\]])?\s*(?:1[01]\d{5})?)\s*$")
RUN_IN_MIN_CHARS = 20


def split_run_in_credits(candidates: list[Candidate]) -> list[Candidate]:
    """Rule `run-in-credit` over a reader's candidates (matched on the Simplified form, which has
    the same length as the text)."""
    out: list[Candidate] = []
    for candidate in candidates:
        match = RUN_IN_CREDIT.search(candidate.folded) if candidate.verdict is None else None
        if match and match["tail"] and match.start() >= RUN_IN_MIN_CHARS:
            head, tail = candidate.text[:match.start()], candidate.text[match.start("tail"):]
            out.append(Candidate(head, candidate.kind, candidate.line, None, candidate.blank_before,
                                 min(candidate.link_chars, len(head)), candidate.authored))
            out.append(Candidate(tail, BlockKind.PARAGRAPH, candidate.line, None, False, 0, candidate.authored))
        else:
            out.append(candidate)
    return out


def normalise_space(text: str) -> str:
    """Collapse white space to one space, keeping it where it separates things.

    A space between Chinese characters on one line separates a headline's two halves, the names of
    a byline or the fields of a reference ("标题 环球网 2025-10-22"), so it stays; a run of
    ideographic spaces stays one ideographic space. Only white space that contains a line break,
    between Chinese characters, is removed: that is markup source wrapped mid-sentence.
    """
    if not _ANY_SPACE.search(text):
        return text
    text = _WRAPPED_SPACE.sub("", text)
    parts = _IDEOGRAPHIC_RUN.split(text)
    collapsed = [_OTHER_SPACE.sub(" ", part) for part in parts]
    joined = "\u3000".join(collapsed)
    joined = re.sub(r" ?\u3000 ?", "\u3000", joined)
    return joined.strip(" \u3000\t\n")


def ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in SENTENCE_END


def looks_like_body(text: str) -> bool:
    """A paragraph of running text: a full sentence of some length, with a full stop in it."""
    return (len(text) >= 20 and "。" in text) or (len(text) >= 80 and ends_sentence(text))
