"""One raw file through ingest, clean and extract: the per-article half of the pipeline, pure given
the settings and the vocabulary, so that it can be cached and run in worker processes."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .clean import clean
from .duplicates import Fingerprint, fingerprint
from .extract import extract
from .ingest import read_raw
from .model import Briefing, RawDocument, Rejection
from .settings import Settings
from .vocab import Vocabulary

log = logging.getLogger("generator")


@dataclass(frozen=True)
class FileResult:
    source: str
    briefing: Briefing | None
    rejection: str | None
    warnings: tuple[str, ...] = ()
    fingerprint: Fingerprint | None = None  # of the body, for finding duplicates across the corpus
    # The cache key it was made under (`cache.cached_results`), None without a cache: pages made
    # from it are kept under it too (generator/markdown_cache.py).
    key: str | None = None


def process_path(path: Path, raw_dir: Path, settings: Settings, vocab: Vocabulary) -> FileResult:
    """One raw file through ingest, clean and extract. Never raises for bad input."""
    source = path.relative_to(raw_dir).as_posix()
    try:
        raw = read_raw(path, raw_dir, settings)
        return process_raw(raw, settings, vocab)
    except Rejection as rejection:
        return FileResult(source, None, rejection.reason)
    except RecursionError:
        return FileResult(source, None, "structure too deeply nested to read")
    except Exception as exc:
        log.exception("unexpected failure on %s", source)
        return FileResult(source, None, f"could not be processed ({type(exc).__name__}: {exc})")


def process_raw(raw: RawDocument, settings: Settings, vocab: Vocabulary) -> FileResult:
    warnings = raw.warnings
    article = clean(raw, vocab)
    if not article.body.strip():
        dropped = len(article.blocks)
        raise Rejection(raw.source, f"no article text found: all {dropped} block(s) were judged to be page "
                                    "chrome (see `python -m generator explain`)")
    briefing = extract(article, vocab, settings)
    return FileResult(raw.source, briefing, None, warnings, fingerprint(article.body))


