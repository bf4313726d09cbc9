"""An extractive summary (3–5 sentences in the article's order) and a one-line gist.

Each body sentence is scored by
  centrality   similarity (character bigrams, TF-IDF weighted within the article) to the rest of
               the article: a TextRank-style degree centrality, cheap and stable
  position     a prior for the lead: news puts the point first (PacSum's lesson)
  content      a boost for sentences that carry a key figure or a main actor
then chosen greedily with MMR, so a second sentence that repeats the first loses to one that adds.
Only paragraph sentences compete: headings, captions and dropped lines never reach here.
"""

from __future__ import annotations

import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Sequence

from ..han import HAN_CLASS

# Calibrated as a set (grid search) on reference summaries: the 4 of ../shared/corpus/gold.yaml and
# the 3 of tests/fixtures/summary_references.yaml. ROUGE-L (characters): 0.55 against 0.48 for
# lead-3. Rerun that comparison (tests/extract/test_summary_quality.py) before changing one.
POSITION_WEIGHT = 0.35
CONTENT_BOOST = 0.5
MMR_LAMBDA = 0.7
NEAR_DUPLICATE = 0.7  # a sentence this similar to a chosen one says nothing new: never chosen
MIN_SENTENCE = 12
MAX_SENTENCE = 220
GIST_MAX = 90
NOT_HAN = re.compile(rf"[^{HAN_CLASS}A-Za-z0-9]+")


def _bigrams(sentence: str) -> Counter[str]:
    """Bigrams of the sentence's letters and digits, punctuation and spaces skipped (in order of
    first occurrence, as the vectors' sums depend on it)."""
    chars = NOT_HAN.sub("", sentence)
    return Counter(map(operator.add, chars, chars[1:]))


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    """The dot product, its terms summed in the order of the smaller vector's keys (terms of keys
    missing from the other are 0.0 and do not change the sum). Written with map so that the loop
    runs in C: summarise spends most of its time here."""
    if len(a) > len(b):
        a, b = b, a
    return sum(map(operator.mul, a.values(), map(b.get, a, itertools.repeat(0.0))))


def summarise(sentences: Sequence[str], boosts: Sequence[float] = (), count: int = 4) -> tuple[str, ...]:
    """Pick `count` sentences. `boosts[i]` (0..1) marks sentences with key figures or main actors."""
    pool = [(i, s) for i, s in enumerate(sentences) if MIN_SENTENCE <= len(s) <= MAX_SENTENCE]
    if len(pool) <= count:
        return tuple(s for _, s in pool)
    grams = [_bigrams(s) for _, s in pool]
    document_frequency = Counter(itertools.chain.from_iterable(grams))
    n = len(pool)
    # The weight depends only on the bigram's document frequency: one log per frequency.
    weight_of_df = {df: math.log(1 + n / df) for df in set(document_frequency.values())}
    idf = {g: weight_of_df[df] for g, df in document_frequency.items()}
    vectors = [{g: tf * idf[g] for g, tf in gram.items()} for gram in grams]
    # Degree centrality over cosine similarity, exactly, in linear time: with unit vectors,
    # sum_j cos(i, j) = v_i · (sum_j v_j) - 1.
    units = []
    for vector in vectors:
        norm = math.sqrt(sum(map(operator.mul, vector.values(), vector.values()))) or 1.0
        units.append({k: v / norm for k, v in vector.items()})
    # Summed per bigram in the units' order, from 0.0 (as float sums go, the order is the value).
    total = dict.fromkeys(document_frequency, 0.0)
    for unit in units:
        for gram, weight in unit.items():
            total[gram] += weight
    centrality = [(_dot(unit, total) - 1.0) / (n - 1) for unit in units]
    top = max(centrality) or 1.0
    scores = []
    for k, (index, _) in enumerate(pool):
        position = 1.0 / (1 + k) ** 0.5
        boost = boosts[index] if index < len(boosts) else 0.0
        scores.append(centrality[k] / top + POSITION_WEIGHT * position * 2 + CONTENT_BOOST * boost)
    chosen: list[int] = []
    redundancy = [0.0] * n  # similarity to the closest chosen sentence, updated once per round
    while len(chosen) < count:
        best, best_value = None, -math.inf
        for k in range(n):
            if k in chosen or redundancy[k] >= NEAR_DUPLICATE:
                continue
            value = MMR_LAMBDA * scores[k] - (1 - MMR_LAMBDA) * redundancy[k] * 2
            if value > best_value:
                best, best_value = k, value
        if best is None:
            break
        chosen.append(best)
        if len(chosen) < count:
            # Only sentences still in the running need their redundancy: a chosen one, or one at
            # NEAR_DUPLICATE already, is skipped in every later round whatever it becomes.
            redundancy = [r if k in chosen or r >= NEAR_DUPLICATE else max(r, _dot(units[k], units[best]))
                          for k, r in enumerate(redundancy)]
    return tuple(pool[k][1] for k in sorted(chosen))


def gist(summary: Sequence[str], title: str | None) -> str:
    """One line for cards and feeds: the first summary sentence, cut at a clause if long."""
    text = summary[0] if summary else (title or "")
    if len(text) <= GIST_MAX:
        return text
    cut = max((m.start() for m in re.finditer(r"[，,；;]", text[:GIST_MAX])), default=GIST_MAX - 1)
    return text[:cut] + "…"
