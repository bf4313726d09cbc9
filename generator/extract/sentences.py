"""A quote-aware sentence splitter for Chinese: never cuts inside “…” or 「…」."""

from __future__ import annotations

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


def _split_paragraph(paragraph: str) -> list[str]:
    out, start, depth, index = [], 0, 0, 0
    while index < len(paragraph):
        char = paragraph[index]
        if char in OPENING:
            depth += 1
        elif char in CLOSING:
            depth = max(0, depth - 1)
        elif char in TERMINAL and depth == 0:
            end = index + 1
            while end < len(paragraph) and (paragraph[end] in TERMINAL or paragraph[end] in TRAILING):
                end += 1
            out.append(paragraph[start:end].strip())
            start, index = end, end
            continue
        index += 1
    if paragraph[start:].strip():
        out.append(paragraph[start:].strip())
    return out
