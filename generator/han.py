"""Chinese script classes, defined once: which characters are Han, and which punctuation ends a
clause or a sentence. Every module that asks "is this Chinese?" takes the answer from here.

Han characters are the CJK Unified Ideographs (U+4E00–U+9FFF), Extension A (U+3400–U+4DBF), the
compatibility ideographs (U+F900–U+FAFF) and the supplementary-plane extensions B–H
(U+20000–U+323AF), where Hong Kong's HKSCS characters such as 𨋢 (lift) live. Two ranges were in
use before: `\\u3400-\\u9fff` also took in U+4DC0–U+4DFF, the Yijing hexagram symbols, which are no
script at all; `\\u4e00-\\u9fff` left out Extension A and every HKSCS character beyond the BMP.
"""

from __future__ import annotations

import re

# The body of a regex character class: use as f"[{HAN_CLASS}]" or f"[^{HAN_CLASS}]".
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
HAN = re.compile(f"[{HAN_CLASS}]")

# A line or block ending with one of these stops mid-sentence (a comma, an enumeration comma, a
# semicolon): it is running text cut short, never a headline or a line of chrome.
CLAUSE_END = "，,、；;"
# Sentence-final punctuation, including closing quotes and brackets that end a quoted sentence.
SENTENCE_END = "。！？!?…；;”」』\"’)）"


def is_han(char: str) -> bool:
    """Whether one character is a Han character (see the module's note for the ranges)."""
    return bool(HAN.match(char))
