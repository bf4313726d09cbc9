"""Text forms every matcher agrees on: Simplified characters (OpenCC), folded width.

Articles from Hong Kong, Macau and Taiwan keep their Traditional text on the page; every later
stage matches against the Simplified form made here, so one actor list serves both scripts.
OpenCC's t2s maps character for character, so offsets in the Simplified text are offsets in the
original.
"""

from __future__ import annotations

import logging
import operator
import re
from functools import lru_cache
from typing import TYPE_CHECKING

import jieba
import opencc

from .han import HAN_CLASS

if TYPE_CHECKING:
    import jieba.posseg

jieba.setLogLevel(logging.WARNING)  # its "building prefix dict" chatter is not for our users

# Share of characters that t2s changes above which a text is taken as written in Traditional.
TRADITIONAL_SHARE = 0.05
NOT_HAN = re.compile(f"[^{HAN_CLASS}]+")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    converted = _t2s().convert(text)
    # t2s is character-for-character in practice; guard the offset promise anyway.
    return converted if len(converted) == len(text) else text


def is_traditional(text: str) -> bool:
    sample = text[:5000]
    han = len(NOT_HAN.sub("", sample))
    if han < 20:
        return False
    simplified = to_simplified(sample)
    changed = 0 if simplified == sample else sum(map(operator.ne, sample, simplified))
    return changed / han > TRADITIONAL_SHARE


@lru_cache(maxsize=1)
def word_tokenizer() -> jieba.Tokenizer:
    """Our own jieba instance: Material's search loads the actor list into jieba's global one
    during `mkdocs build`, and extraction must segment the same way in every process."""
    return jieba.Tokenizer()


@lru_cache(maxsize=1)
def pos_tokenizer() -> jieba.posseg.POSTokenizer:
    import jieba.posseg  # here, not above: importing it reads its tagging tables (0.5 s), and few builds need them

    return jieba.posseg.POSTokenizer(word_tokenizer())


def release_tokenizers() -> None:
    """Let our jieba dictionary go (about 65 MiB) once a build's articles are extracted: during
    `mkdocs build` Material's search loads a dictionary of its own, and two at once pushed a
    5000-article build over 1 GiB. The next extraction loads ours again in about a second."""
    pos_tokenizer.cache_clear()
    word_tokenizer.cache_clear()
