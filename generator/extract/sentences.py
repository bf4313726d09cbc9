"""A quote-aware sentence splitter for Chinese: never cuts inside “…” or 「…」."""

from __future__ import annotations

import re

OPENING = "“「『《(（"
CLOSING = "”」』》)）"
TERMINAL = "。！？!?"
# Marks that may trail a terminal one and still belong to the sentence: 。” 。）……
TRAILING = "”」』)）…"


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        sentences.extend(_split_paragraph(paragraph.strip()))
    return [s for s in sentences if s]


# The characters the splitter acts on; the regex skips the rest in C.
MARKS = re.compile(f"[{re.escape(OPENING + CLOSING + TERMINAL)}]")
# What ends a sentence after its terminal mark: more terminal marks and trailing ones.
SENTENCE_TAIL = re.compile(f"[{re.escape(TERMINAL + TRAILING)}]*")


def _split_paragraph(paragraph: str) -> list[str]:
    out, start, depth, index = [], 0, 0, 0
    for mark in MARKS.finditer(paragraph):
        at = mark.start()
        if at < index:
            continue  # in the tail of the sentence just ended (its 。” closes no quote)
        char = paragraph[at]
        if char in OPENING:
            depth += 1
        elif char in CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0:  # a terminal mark outside quotes
            end = SENTENCE_TAIL.match(paragraph, at + 1).end()
            out.append(paragraph[start:end].strip())
            start = index = end
    if paragraph[start:].strip():
        out.append(paragraph[start:].strip())
    return out
