"""Near-duplicate articles: the same text saved twice, with different chrome or in another form.

Each body gets a `Fingerprint` when it is processed, so it is computed in the worker processes
and kept in the per-article cache: a warm build never reads a body's shingles again. The
corpus-wide pass (`DuplicateIndex`) then only compares fingerprints.

- A *shingle* is 5 characters of the body with whitespace removed, hashed with CRC-32 (stable
  across runs, unlike Python's salted `hash`).
- The *sketch* keeps the shingles whose hash is 0 modulo SAMPLE_EVERY: two copies of one article
  keep the same shingles, so the Jaccard similarity of sketches estimates that of the bodies.
  A short body, whose sample would be too small to estimate anything, keeps every shingle.
- Candidates are found by *prefix filtering* (Chaudhuri et al., 2006; the AllPairs algorithm):
  put every sketch in one global order; if two sketches have Jaccard ≥ t, their first
  |s| − ⌈t·|s|⌉ + 1 elements must share one. So only those prefixes are indexed and probed, about
  a fifth of each sketch, and the result is exactly what comparing every pair would give. The
  order is rarest shingle first (counted over the corpus): prefixes then hold what is peculiar to
  an article, and articles that merely share a stock paragraph rarely become candidates.
"""

from __future__ import annotations

import hashlib
import math
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SHINGLE = 5
SAMPLE_EVERY = 8
MIN_SAMPLE = 64  # below this a sample says little: a short body keeps all its shingles
DUPLICATE_JACCARD = 0.8  # two copies of one article with different chrome share nearly all shingles

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Fingerprint:
    body_hash: str  # the body without whitespace: an exact copy is found without comparing sketches
    sketch: bytes  # sorted CRC-32 values as uint32 (array "I"): 4 bytes a shingle, cheap to cache and hold

    def values(self) -> array:
        return _unpack(self.sketch)


def _unpack(sketch: bytes) -> array:
    out = array("I")
    out.frombytes(sketch)
    return out


def fingerprint(body: str) -> Fingerprint:
    text = _SPACE.sub("", body)
    # Encoded once, at a fixed width of 4 bytes a character, so each shingle is a byte slice: encoding
    # each shingle on its own was a sixth of an article's extraction time.
    data = text.encode("utf-32-le")
    width = 4 * SHINGLE
    crc32 = zlib.crc32
    hashes = {crc32(data[i:i + width]) for i in range(0, max(4, len(data) - width + 4), 4)}
    sample = [h for h in hashes if h % SAMPLE_EVERY == 0]
    kept = sample if len(sample) >= MIN_SAMPLE else hashes
    return Fingerprint(hashlib.sha256(text.encode()).hexdigest(), array("I", sorted(kept)).tobytes())


def _prefix_length(size: int, threshold: float = DUPLICATE_JACCARD) -> int:
    return size - math.ceil(threshold * size) + 1 if size else 0


def jaccard(a: Iterable[int], b: Iterable[int]) -> float:
    a, b = set(a), list(b)
    return _jaccard(a, b)


def _jaccard(a: set[int], b: Sequence[int]) -> float:
    """Jaccard of a set and a sequence of distinct values, without building a second set."""
    shared = len(a.intersection(b))
    union = len(a) + len(b) - shared
    return shared / union if union else 1.0


class DuplicateIndex:
    """The articles kept so far; `find` names the kept one a new fingerprint duplicates.

    `frequency` (how many fingerprints hold each shingle) orders the prefixes; any order gives the
    same answers, a rarest-first order just gives fewer candidates to compare."""

    def __init__(self, frequency: Counter[int] | None = None, threshold: float = DUPLICATE_JACCARD) -> None:
        self.threshold = threshold
        self._frequency = frequency if frequency is not None else Counter()
        self._by_hash: dict[str, int] = {}
        # hash in a kept sketch's prefix -> (kept index, the hash's position in that sketch's order)
        self._by_prefix: dict[int, list[tuple[int, int]]] = {}
        self._sketches: list[bytes] = []
        self._sizes: list[int] = []

    def find(self, print_: Fingerprint) -> int | None:
        return self._find(print_, self._prefix(print_.values()))

    def find_or_add(self, print_: Fingerprint) -> int | None:
        """The kept article this one duplicates, or None after keeping this one."""
        prefix = self._prefix(print_.values())
        match = self._find(print_, prefix)
        if match is None:
            self._add(print_, prefix)
        return match

    def _find(self, print_: Fingerprint, prefix: Sequence[int]) -> int | None:
        exact = self._by_hash.get(print_.body_hash)
        if exact is not None:
            return exact
        mine = print_.values()
        candidates = self._candidates(prefix, len(mine))
        mine_set = set(mine)
        best: tuple[float, int] | None = None
        for index in candidates:
            other = self._sketches[index]
            similarity = _jaccard(mine_set, _unpack(other))
            if similarity >= self.threshold and (best is None or similarity > best[0]):
                best = (similarity, index)  # the most similar; on a tie the first kept
        return best[1] if best else None

    def _candidates(self, prefix: Sequence[int], size: int) -> list[int]:
        """Kept sketches that share a prefix hash and can still reach the threshold (PPJoin's size
        and positional filters, Xiao et al. 2008): all sketches are in one order, so once two share
        the hash at positions i and j, at most min(size − i, theirs − j) more elements can be shared."""
        t = self.threshold
        shared: dict[int, int] = {}  # kept index -> elements shared so far, -1 once ruled out
        for i, h in enumerate(prefix):
            for index, j in self._by_prefix.get(h, ()):
                so_far = shared.get(index, 0)
                if so_far < 0:
                    continue
                theirs = self._sizes[index]
                needed = math.ceil(t / (1 + t) * (size + theirs) - 1e-9)  # overlap that Jaccard ≥ t requires
                if min(size, theirs) < t * max(size, theirs) or so_far + min(size - i, theirs - j) < needed:
                    shared[index] = -1
                else:
                    shared[index] = so_far + 1
        return sorted(index for index, count in shared.items() if count > 0)

    @classmethod
    def over(cls, prints: Iterable[Fingerprint], threshold: float = DUPLICATE_JACCARD) -> DuplicateIndex:
        """An empty index ordered for these fingerprints (the corpus about to be added)."""
        frequency: Counter[int] = Counter()
        for print_ in prints:
            frequency.update(print_.values())
        return cls(frequency, threshold)

    def _prefix(self, values: Sequence[int]) -> list[int]:
        # Ties in frequency keep the sketch's own (ascending) order: sorted is stable. A Counter gives
        # 0 for an unseen shingle, and sorted with its C-level lookup as the key runs without a Python
        # loop (heapq.nsmallest has one: 2.5 million steps at 5000 articles).
        return sorted(values, key=self._frequency.__getitem__)[:_prefix_length(len(values), self.threshold)]

    def add(self, print_: Fingerprint) -> int:
        return self._add(print_, self._prefix(print_.values()))

    def _add(self, print_: Fingerprint, prefix: Sequence[int]) -> int:
        index = len(self._sketches)
        self._by_hash.setdefault(print_.body_hash, index)
        for position, h in enumerate(prefix):
            self._by_prefix.setdefault(h, []).append((index, position))
        self._sketches.append(print_.sketch)
        self._sizes.append(len(print_.sketch) // 4)
        return index
