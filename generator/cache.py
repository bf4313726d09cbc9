"""Per-article results cached by content: the raw file's hash, the vocabulary's hash and the
generator's code. After one article in a thousand changes, one article is processed again.

Results are pickled (our own dataclasses, written and read only by this program, in a folder of
the project's); a cache entry that fails to load is simply recomputed. Actors and topics from the
vocabulary are pickled as a reference to their id and read back as the vocabulary's own objects:
a result names some twenty of them, and a copy of each in every entry made entries twice as large,
slower to load, and gave a corpus of 5000 articles 100 000 copies of the same actors in memory.

Many uncached files run in a process pool; output is identical to the serial run because results
are re-sorted by file name.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

from .extract.recogniser import release as release_recogniser
from .model import Actor, Topic
from .process import FileResult, process_path
from .progress import Progress
from .settings import GENERATOR_VERSION, Settings
from .textnorm import release_tokenizers, word_tokenizer
from .vocab import Vocabulary

POOL_THRESHOLD = 40  # below this many uncached files a pool costs more than it saves


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of the generator's own source: results from older code (a new release, or a local
    edit of a rule) are never served from the cache."""
    digest = hashlib.sha256(GENERATOR_VERSION.encode())
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _key(path: Path, vocab: Vocabulary, settings: Settings) -> str:
    digest = hashlib.sha256()
    digest.update(path.read_bytes())
    digest.update(path.name.encode())
    digest.update(vocab.digest.encode())
    digest.update(code_digest().encode())
    # The settings that change what extraction gives for the same file.
    digest.update(repr((settings.summary_sentences, settings.recogniser)).encode())
    return digest.hexdigest()


class _ResultPickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, vocab: Vocabulary) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.vocab = vocab

    def persistent_id(self, obj: object) -> tuple[str, str] | None:
        # By value, not identity: results computed in a worker hold copies of the vocabulary's objects.
        if isinstance(obj, Actor) and self.vocab.actor(obj.id) == obj:
            return ("actor", obj.id)
        if isinstance(obj, Topic) and self.vocab.topic(obj.id) == obj:
            return ("topic", obj.id)
        return None


class _ResultUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, vocab: Vocabulary) -> None:
        super().__init__(file)
        self.vocab = vocab

    def persistent_load(self, pid: tuple[str, str]) -> Actor | Topic:
        kind, ident = pid
        found = self.vocab.actor(ident) if kind == "actor" else self.vocab.topic(ident)
        if found is None:  # cannot happen with the vocabulary in the key; recompute if it does
            raise pickle.UnpicklingError(f"{kind} {ident} is not in the vocabulary")
        return found


def dump_result(result: FileResult, vocab: Vocabulary) -> bytes:
    buffer = io.BytesIO()
    _ResultPickler(buffer, vocab).dump(result)
    return buffer.getvalue()


def load_result(data: bytes, vocab: Vocabulary) -> FileResult:
    return _ResultUnpickler(io.BytesIO(data), vocab).load()


_worker_state: dict[str, object] = {}


def _start_worker(raw_dir: Path, settings: Settings, vocab: Vocabulary) -> None:
    """Each worker receives the vocabulary once, not with every article (it is large to pickle)."""
    _worker_state.update(raw_dir=raw_dir, settings=settings, vocab=vocab)


def _work(path: Path) -> FileResult:
    state = _worker_state
    return process_path(path, state["raw_dir"], state["settings"], state["vocab"])  # type: ignore[arg-type]


def cached_results(paths: Sequence[Path], raw_dir: Path, settings: Settings, vocab: Vocabulary
                   ) -> list[FileResult]:
    cache_dir = settings.cache_dir
    results: dict[Path, FileResult] = {}
    todo: list[tuple[Path, str | None]] = []
    for path in paths:
        key = None
        if cache_dir is not None:
            try:
                if path.stat().st_size > settings.max_input_bytes:
                    raise OSError("too large to cache: process_path rejects it")
                key = _key(path, vocab, settings)
                entry = cache_dir / key[:2] / f"{key}.pickle"
                if entry.exists():
                    results[path] = load_result(entry.read_bytes(), vocab)
                    continue
            except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
                pass
        todo.append((path, key))
    workers = settings.workers or (os.cpu_count() or 1)
    computed: list[FileResult] = []
    if len(todo) >= POOL_THRESHOLD and workers > 1:
        word_tokenizer().initialize()  # load jieba's dictionary once, before the workers fork

    with Progress("generator: extracting articles", len(todo)) as progress:
        if len(todo) >= POOL_THRESHOLD and workers > 1:
            with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                                     initargs=(raw_dir, settings, vocab)) as pool:
                for result in pool.map(_work, [p for p, _ in todo], chunksize=16):
                    computed.append(result)
                    progress.advance()
        else:
            for path, _ in todo:
                computed.append(process_path(path, raw_dir, settings, vocab))
                progress.advance()
    if todo:
        release_tokenizers()
        release_recogniser()
    for (path, key), result in zip(todo, computed):
        results[path] = result
        if cache_dir is not None and key is not None:
            try:
                entry = cache_dir / key[:2] / f"{key}.pickle"
                entry.parent.mkdir(parents=True, exist_ok=True)
                tmp = entry.with_suffix(".tmp")
                tmp.write_bytes(dump_result(result, vocab))
                tmp.replace(entry)
            except OSError:
                pass
    return [results[p] for p in paths]
