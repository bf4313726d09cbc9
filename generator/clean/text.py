"""Reader for plain-text page scrapes: one candidate per line, hard line breaks mended."""

from __future__ import annotations

from .candidates import CJK, Candidate, normalise_space

# A scraper that wraps lines leaves sentences broken across lines: a long line that does not end a
# sentence, directly followed (no blank line) by one that goes on, is one paragraph. Short lines
# are left alone: they are headlines, menu items and account names.
JOIN_MIN_CHARS = 25
JOIN_NEXT_MIN_CHARS = 8


def read_text(text: str) -> list[Candidate]:
    candidates: list[Candidate] = []
    blank = True
    for number, raw_line in enumerate(text.split("\n"), start=1):
        line = normalise_space(raw_line)
        if not line:
            blank = True
            continue
        previous = candidates[-1] if candidates else None
        if (previous is not None and not blank and broken_line(previous.text, line)):
            previous.text += line if CJK.match(line[0]) else " " + line
        else:
            candidates.append(Candidate(text=line, line=number, blank_before=blank))
        blank = False
    return candidates


def broken_line(previous: str, line: str) -> bool:
    """Rule `join-broken-lines`: the previous line stops mid-sentence and this one continues it."""
    return (len(previous) >= JOIN_MIN_CHARS and len(line) >= JOIN_NEXT_MIN_CHARS
            and (bool(CJK.match(previous[-1])) or previous[-1] in "，、：,")
            and bool(CJK.match(line[0])))
