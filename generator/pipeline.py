"""Running the stages: ingest → clean → extract for every file, then the corpus-wide steps once.

Per-file work is independent and pure given the vocabulary, so it is cached by content and may
run in a process pool. The corpus-wide steps run after, in a deterministic order, and no page
address exists before the last of them has settled every id:

1. `resolve_duplicates`: copies of one article become one briefing; `keeper_order` says which copy
   keeps the page.
2. `resolve_id_collisions`: two briefings with one id are told apart.
3. `fates`: every input's line in the build report, with the address of its briefing, made from
   the settled ids (a duplicate points to its original's final page).
4. `link`: the corpus.

Bad input never raises out of here: it becomes a rejected `InputFate`.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from .cache import cached_results
from .duplicates import DuplicateIndex, fingerprint
from .ingest import list_raw_files
from .link import LINKS_FOLDER, LinkEntries, link
from .markdown_cache import briefing_digests
from .model import Briefing, Corpus, InputFate, InputStatus
from .process import FileResult
from .settings import Settings
from .vocab import Vocabulary, load_vocabulary

# The names file managers and browsers give a second copy of a file, matched on the file name
# without its extension: "x 副本", "x - 副本 (2)", "x 的副本", "x (复制)" (any name with 副本 or 复制),
# "x copy", "x copy 2", "x - Copy", "Copy of x" (copy as the last word or "copy of" first), and
# "x (1)", "x（2）" (a number in brackets at the end). "copy-editing" or "photocopy" are not copies.
COPY_NAME = re.compile(r"副本|复制|^copy of\b|[\s_-]copy(?:[\s_-]*\d+)?$|[(（]\d{1,3}[)）]$", re.IGNORECASE)


def is_copy_name(source: str) -> bool:
    return bool(COPY_NAME.search(Path(source).stem.strip()))


def metadata_fullness(briefing: Briefing) -> int:
    """How many of title, date, outlet, authors and original URL the article states itself
    (a derived title or an inferred date does not count)."""
    article = briefing.article
    return sum((
        bool(article.title and not article.title.inferred),
        bool(article.date and not article.date.inferred),
        article.outlet is not None,
        bool(article.authors),
        bool(article.url),
    ))


def keeper_order(result: FileResult) -> tuple[bool, int, str, str]:
    """Which of several copies of one article keeps the page: the first in this order.

    1. a file whose name is not a copy name (`COPY_NAME`): "x.txt" before "x 副本.txt";
    2. the fuller metadata (`metadata_fullness`);
    3. the earlier date (an undated copy last);
    4. the file name, so the choice is the same every build.
    """
    briefing = result.briefing
    assert briefing is not None
    return (is_copy_name(result.source), -metadata_fullness(briefing), briefing.date or "\uffff", result.source)


def resolve_duplicates(results: Sequence[FileResult]) -> list[Briefing]:
    """One briefing per article: the copy first in `keeper_order` keeps it, and the others are
    listed on it by file name (`also_sources`); see `duplicates` for how copies are recognised."""
    found = sorted((r for r in results if r.briefing is not None), key=keeper_order)
    prints = [r.fingerprint or fingerprint(r.briefing.article.body) for r in found]  # type: ignore[union-attr]
    index = DuplicateIndex.over(prints)
    kept: list[Briefing] = []
    also: dict[int, list[str]] = {}
    for result, print_ in zip(found, prints):
        match = index.find_or_add(print_)
        if match is None:
            kept.append(result.briefing)  # type: ignore[arg-type]
        else:
            also.setdefault(match, []).append(result.source)
    return [replace(b, also_sources=tuple(sorted(also[i]))) if i in also else b for i, b in enumerate(kept)]


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


def fates(results: Sequence[FileResult], briefings: Sequence[Briefing]) -> list[InputFate]:
    """Every input's line in the build report, by file name. Call it with the briefings whose ids
    are settled: a briefing and its duplicates get the address of its page."""
    by_source: dict[str, InputFate] = {}
    warnings = {r.source: r.warnings for r in results}
    for briefing in briefings:
        source = briefing.article.source
        by_source[source] = InputFate(source, InputStatus.BRIEFING, "; ".join(warnings[source]), briefing.address)
        for copy in briefing.also_sources:
            by_source[copy] = InputFate(copy, InputStatus.DUPLICATE, f"same article as {source}", briefing.address)
    for result in results:
        if result.briefing is None:
            by_source[result.source] = InputFate(result.source, InputStatus.REJECTED, result.rejection or "rejected")
    return [by_source[source] for source in sorted(by_source)]


def collect(settings: Settings, vocab: Vocabulary, paths: Sequence[Path] | None = None,
            keep_models: bool = False) -> list[FileResult]:
    raw_dir = settings.raw_dir
    whole_folder = paths is None  # then cache entries no file used are pruned
    paths = list(paths) if paths is not None else list_raw_files(raw_dir)
    return cached_results(paths, raw_dir, settings, vocab, prune=whole_folder, keep_models=keep_models)


def run(settings: Settings, vocab: Vocabulary | None = None, keep_models: bool = False) -> Corpus:
    """The whole corpus from the raw folder: every raw file accounted for in `Corpus.fates`.
    `keep_models`: see `cache.cached_results`."""
    return run_with_digests(settings, vocab or load_vocabulary(settings), keep_models)[0]


def run_with_digests(settings: Settings, vocab: Vocabulary,
                     keep_models: bool = False) -> tuple[Corpus, dict[str, str] | None]:
    """`run`, and each briefing's digest by id (`markdown_cache.briefing_digests`; None without a
    cache): what the site's pages are kept under across builds."""
    results = collect(settings, vocab, keep_models=keep_models)
    with collector_frozen():
        briefings = resolve_id_collisions(resolve_duplicates(results))
        links = LinkEntries(settings.cache_dir / LINKS_FOLDER) if settings.cache_dir is not None else None
        corpus = link(briefings, vocab.topics, fates(results, briefings), settings, vocab.outlets, links)
        return corpus, briefing_digests(results, briefings)


@contextmanager
def collector_frozen() -> Iterator[None]:
    """Python's cycle collector leaves the objects alive now (the articles' results, the corpus)
    alone until the block ends: the corpus-wide steps and the pages make millions of small
    objects, and each full collection they set off walked every result again (a quarter of a
    cached build's time at 1000 articles). Unused objects are still freed at once; only cycles
    among the frozen ones wait for the block's end."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
