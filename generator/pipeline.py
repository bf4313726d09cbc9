"""Running the stages: ingest → clean → extract for every file, then link once.

Per-file work is independent and pure given the vocabulary, so it is cached by content and may
run in a process pool; everything corpus-wide (duplicates, id collisions, link) happens after,
in a deterministic order. Bad input never raises out of here: it becomes a rejected `InputFate`.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .cache import cached_results
from .ingest import list_raw_files
from .link import link
from .model import Briefing, Corpus, InputFate, InputStatus
from .process import FileResult
from .settings import Settings
from .vocab import Vocabulary, load_vocabulary

# Two copies of one article with different chrome share nearly all their 5-character shingles.
DUPLICATE_JACCARD = 0.8
SHINGLE = 5
SAMPLE_EVERY = 8
MIN_SAMPLE = 64  # below this a body is short: compare all its shingles


def _shingles(text: str) -> set[str]:
    text = re.sub(r"\s+", "", text)
    return {text[i:i + SHINGLE] for i in range(max(1, len(text) - SHINGLE + 1))}


def _sample(shingles: set[str]) -> set[str]:
    """A stable 1-in-SAMPLE_EVERY sample of shingles (by CRC, not Python's salted hash): two copies of
    one article share most of their samples, so the sample finds candidates without comparing every
    pair of articles."""
    return {s for s in shingles if zlib.crc32(s.encode("utf-8")) % SAMPLE_EVERY == 0}


def _comparable(shingles: set[str], sample: set[str]) -> set[str]:
    """What two bodies are compared on: the sample, which estimates their Jaccard similarity well
    once it is large, so that thousands of bodies' full shingle sets are never held at once."""
    return sample if len(sample) >= MIN_SAMPLE else shingles


def resolve_duplicates(results: Sequence[FileResult]) -> tuple[list[Briefing], list[InputFate]]:
    """The first copy (by file name) of each article becomes the briefing; later copies are listed
    on it and reported as duplicates."""
    kept: list[Briefing] = []
    kept_shingles: list[set[str]] = []  # the sample, or every shingle of a short body
    kept_hashes: dict[str, int] = {}
    by_sample: dict[str, list[int]] = {}  # sampled shingle -> kept articles that have it
    fates: list[InputFate] = []
    also: dict[int, list[str]] = {}
    for result in sorted(results, key=lambda r: r.source):
        if result.briefing is None:
            fates.append(InputFate(result.source, InputStatus.REJECTED, result.rejection or "rejected"))
            continue
        body = result.briefing.article.body
        body_hash = hashlib.sha256(re.sub(r"\s+", "", body).encode()).hexdigest()
        shingles = _shingles(body)
        sample = _sample(shingles)
        match = kept_hashes.get(body_hash)
        if match is None:
            shared = Counter(index for s in sample for index in by_sample.get(s, ()))
            for index, count in shared.most_common():
                if count < DUPLICATE_JACCARD * len(sample) * 0.5:
                    break
                mine, other = _comparable(shingles, sample), kept_shingles[index]
                if len(mine & other) / len(mine | other) >= DUPLICATE_JACCARD:
                    match = index
                    break
        if match is not None:
            original = kept[match]
            also.setdefault(match, []).append(result.source)
            fates.append(InputFate(result.source, InputStatus.DUPLICATE, f"same article as {original.article.source}",
                                   original.url))
            continue
        kept_hashes[body_hash] = len(kept)
        for s in sample:
            by_sample.setdefault(s, []).append(len(kept))
        kept_shingles.append(_comparable(shingles, sample))
        kept.append(result.briefing)
        fates.append(InputFate(result.source, InputStatus.BRIEFING, "; ".join(result.warnings), result.briefing.url))
    for index, sources in also.items():
        kept[index] = replace(kept[index], also_sources=tuple(sources))
    return kept, fates


def resolve_id_collisions(briefings: list[Briefing]) -> list[Briefing]:
    """Two files with one id: the file whose name is exactly its id (lavrov.txt for "lavrov") keeps it,
    else the first by name;
    the others get the id plus a hash of their file name — the same every build."""
    by_id: dict[str, list[int]] = {}
    for index, briefing in enumerate(briefings):
        by_id.setdefault(briefing.id, []).append(index)
    out = list(briefings)
    for doc_id, indexes in by_id.items():
        if len(indexes) < 2:
            continue
        ordered = sorted(indexes, key=lambda i: (Path(briefings[i].article.source).stem != doc_id,
                                                 briefings[i].article.source))
        for index in ordered[1:]:
            article = briefings[index].article
            suffix = hashlib.sha1(article.source.encode()).hexdigest()[:6]
            out[index] = replace(briefings[index], article=replace(article, doc_id=f"{doc_id}-{suffix}"))
    return out


def collect(settings: Settings, vocab: Vocabulary, paths: Sequence[Path] | None = None) -> list[FileResult]:
    raw_dir = settings.raw_dir
    paths = list(paths) if paths is not None else list_raw_files(raw_dir)
    return cached_results(paths, raw_dir, settings, vocab)


def run(settings: Settings, vocab: Vocabulary | None = None) -> Corpus:
    """The whole corpus from `content/`: every raw file accounted for in `Corpus.fates`."""
    vocab = vocab or load_vocabulary(settings)
    results = collect(settings, vocab)
    briefings, fates = resolve_duplicates(results)
    briefings = resolve_id_collisions(briefings)
    urls = {b.article.source: b.url for b in briefings}
    fates = [replace(f, url=urls.get(f.source, f.url)) if f.status is InputStatus.BRIEFING else f for f in fates]
    return link(briefings, vocab.topics, fates, settings.related_count)
