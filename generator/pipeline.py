"""Running the stages: ingest → clean → extract for every file, then link once.

Per-file work is independent and pure given the vocabulary, so it is cached by content and may
run in a process pool; everything corpus-wide (duplicates, id collisions, link) happens after,
in a deterministic order. Bad input never raises out of here: it becomes a rejected `InputFate`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .cache import cached_results
from .duplicates import DuplicateIndex, fingerprint
from .ingest import list_raw_files
from .link import link
from .model import Briefing, Corpus, InputFate, InputStatus
from .process import FileResult
from .settings import Settings
from .vocab import Vocabulary, load_vocabulary


def resolve_duplicates(results: Sequence[FileResult]) -> tuple[list[Briefing], list[InputFate]]:
    """The first copy (by file name) of each article becomes the briefing; later copies are listed
    on it and reported as duplicates (see `duplicates` for how copies are recognised)."""
    kept: list[Briefing] = []
    fates: list[InputFate] = []
    also: dict[int, list[str]] = {}
    ordered = sorted(results, key=lambda r: r.source)
    prints = {r.source: r.fingerprint or fingerprint(r.briefing.article.body) for r in ordered if r.briefing}
    index = DuplicateIndex.over(prints.values())
    for result in ordered:
        if result.briefing is None:
            fates.append(InputFate(result.source, InputStatus.REJECTED, result.rejection or "rejected"))
            continue
        print_ = prints[result.source]
        match = index.find_or_add(print_)
        if match is not None:
            original = kept[match]
            also.setdefault(match, []).append(result.source)
            fates.append(InputFate(result.source, InputStatus.DUPLICATE, f"same article as {original.article.source}",
                                   original.url))
            continue
        kept.append(result.briefing)
        fates.append(InputFate(result.source, InputStatus.BRIEFING, "; ".join(result.warnings), result.briefing.url))
    for position, sources in also.items():
        kept[position] = replace(kept[position], also_sources=tuple(sources))
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
