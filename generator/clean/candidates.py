"""What the form-specific readers hand to the classifier: candidate blocks and metadata hints.

A reader (text, HTML, Markdown) knows the structure of its form; the classifier knows what
boilerplate looks like. They meet here, so neither reaches into the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import BlockKind

# Sentence-final punctuation, including closing quotes that end a quoted sentence.
SENTENCE_END = "。！？!?…；;”」』\"’)）"
CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass
class Candidate:
    """A block before judgement. `verdict` is set by a reader that already knows (an HTML footer)."""

    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    line: int = 0
    verdict: str | None = None  # rule name of a structural drop decided by the reader
    blank_before: bool = True  # a blank line (or element boundary) separates it from the previous one


@dataclass
class Hints:
    """Metadata the markup states outright, each with the rule that found it, best first."""

    titles: list[tuple[str, str]] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)
    authors: list[tuple[list[str], str]] = field(default_factory=list)
    urls: list[tuple[str, str]] = field(default_factory=list)
    outlets: list[tuple[str, str]] = field(default_factory=list)
    feed_dates: list[tuple[str, str]] = field(default_factory=list)  # weaker: when a feed saw it


def normalise_space(text: str) -> str:
    """Collapse white space; drop it between CJK characters, where it is a scraping artefact."""
    text = re.sub(r"[ \t\u00a0\u3000\u200b\ufeff]+", " ", text).strip()
    return re.sub(r"(?<=[\u3400-\u9fff，。、：；！？“”]) (?=[\u3400-\u9fff，。、：；！？“”])", "", text)


def ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in SENTENCE_END


def looks_like_body(text: str) -> bool:
    """A paragraph of running text: a full sentence of some length, with a full stop in it."""
    return (len(text) >= 20 and "。" in text) or (len(text) >= 80 and ends_sentence(text))
