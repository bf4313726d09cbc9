"""Reader for plain-text page scrapes: one candidate per line, hard line breaks mended.

Rule `join-broken-lines`: a scraper or a mail client that wraps text leaves sentences broken across
lines. Two signs say a line break is not a paragraph break:
  * the file is hard-wrapped: many lines fill the same display width (CJK characters count two
    columns), and this line fills it too, or stops short only because the next line's first Latin
    word would not fit; the next line then continues the paragraph, unless it is indented (an
    indent opens a paragraph) or a blank line comes between;
  * otherwise, a long line of running text (it has commas) that stops mid-sentence, directly
    followed by one that goes on and does not open with a label (字号：). Short lines are left
    alone: they are headlines, menu items and account names, and the first line of a file is the
    headline's place.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from itertools import pairwise

from ..han import CLAUSE_END, HAN_CLASS
from .candidates import CJK, Candidate, ends_sentence, normalise_space, split_run_in_credits

JOIN_MIN_CHARS = 25
JOIN_NEXT_MIN_CHARS = 8
# A file counts as hard-wrapped when at least this many of its long lines that run on into the next,
# and this share of them, end within WRAP_SLACK columns of one width (a wide character that does not
# fit moves down whole).
WRAP_MIN_LINES = 3
WRAP_MIN_SHARE = 0.6
WRAP_MIN_WIDTH = 50
WRAP_SLACK = 1
INDENT = (" ", "\t", "\u3000")
INDENT_MAX_SHARE = 0.8
# A line ending in a clause mark or a colon goes on in the next line.
LINE_GOES_ON = CLAUSE_END + "："
# A line that opens with a label (字号：, 来源：, 标签：) starts a field of its own.
LABEL_START = re.compile(rf"^[{HAN_CLASS}]{{1,5}}\s*[:：]")
# Running text has clause punctuation; headlines, menus and meta lines mostly do not.
RUNNING_TEXT = re.compile(r"[，,、；]")
CONTINUATION_START = re.compile(rf"[{HAN_CLASS}A-Za-z0-9“‘「『《（(，、。：；]")


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped file was wrapped at, or None when its lines are not wrapped.

    Evidence is the long lines that run on into the next line (no blank between): in a wrapped
    file most of them fill one width; elsewhere their widths scatter."""
    # A character is at most two columns wide: a line of fewer than WRAP_MIN_WIDTH / 2 characters
    # is short without measuring it.
    measured = (display_width(line.rstrip()) for line, following in pairwise(lines)
                if following.strip() and 2 * len(line.rstrip()) >= WRAP_MIN_WIDTH)
    widths = [width for width in measured if width >= WRAP_MIN_WIDTH]
    if len(widths) < WRAP_MIN_LINES:
        return None
    counts = Counter(widths)
    best, best_count = None, 0
    for width in counts:
        near = sum(n for w, n in counts.items() if width - WRAP_SLACK <= w <= width)
        if near > best_count or (near == best_count and best is not None and width > best):
            best, best_count = width, near
    if best is None or best_count < WRAP_MIN_LINES or best_count / len(widths) < WRAP_MIN_SHARE:
        return None
    return best


def read_text(text: str) -> list[Candidate]:
    raw_lines = text.split("\n")
    width = wrap_width(raw_lines)
    filled = [line for line in raw_lines if line.strip()]
    # Indentation opens a paragraph only where some lines are indented and others are not.
    indent_share = sum(line[:1] in INDENT for line in filled) / max(1, len(filled))
    indents_mean_paragraphs = 0 < indent_share < INDENT_MAX_SHARE
    candidates: list[Candidate] = []
    blank = True
    previous_width = 0
    for number, raw_line in enumerate(raw_lines, start=1):
        line = normalise_space(raw_line)
        if not line:
            blank = True
            continue
        previous = candidates[-1] if candidates else None
        indented = indents_mean_paragraphs and raw_line[:1] in INDENT
        if previous is not None and not blank and broken_line(
                previous.text, line, len(candidates) == 1, previous_width, width, indented):
            previous.text += _joint(previous.text, line, previous_width, width) + line
        else:
            candidates.append(Candidate(text=line, line=number, blank_before=blank))
        previous_width = display_width(raw_line.rstrip()) if width is not None else 0  # used with a width only
        blank = False
    return split_run_in_credits(candidates)


def _word_moved_down(previous_width: int, line: str, width: int) -> bool:
    """A word-keeping wrapper ends a line early when the next Latin word would not fit."""
    word = re.match(r"[A-Za-z0-9'’.,-]+", line)
    return word is not None and previous_width + 1 + display_width(word[0]) > width


def _joint(previous: str, line: str, previous_width: int, width: int | None) -> str:
    """What goes between two joined lines: nothing next to Chinese, punctuation or within a number;
    between two Latin letters, a space — unless the line above fills the wrap width to the last
    column, which only a wrapper that cuts words anywhere does (one that keeps words whole moves the
    word down and leaves the line short, eating the space)."""
    if re.match(r"[A-Za-z]", line[0]) and re.match(r"[A-Za-z.,;:!?]", previous[-1]):
        return "" if width is not None and previous_width >= width else " "
    return ""


def broken_line(previous: str, line: str, previous_is_first: bool = False, previous_width: int = 0,
                width: int | None = None, indented: bool = False) -> bool:
    """Rule `join-broken-lines`: the previous line stops mid-sentence and this one continues it."""
    if indented or not CONTINUATION_START.match(line):
        return False
    if width is not None and (previous_width >= width - WRAP_SLACK or _word_moved_down(previous_width, line, width)):
        return True  # a line that fills the wrap width is no headline, even the first one
    if previous_is_first or ends_sentence(previous) or LABEL_START.match(line) or not RUNNING_TEXT.search(previous):
        return False
    return (len(previous) >= JOIN_MIN_CHARS and len(line) >= JOIN_NEXT_MIN_CHARS
            and (bool(CJK.match(previous[-1])) or previous[-1] in LINE_GOES_ON))
