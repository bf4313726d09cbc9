"""Per-article results cached by content: the raw file's hash, the vocabulary's hash and the
generator's code. After one article in a thousand changes, one article is processed again.

Results are pickled (our own dataclasses, written and read only by this program, in a folder of
the project's). Actors and topics from the vocabulary are pickled as a reference to their id and
read back as the vocabulary's own objects: a result names some twenty of them, and a copy of each
in every entry made entries twice as large, slower to load, and gave a corpus of 5000 articles
100 000 copies of the same actors in memory.

The cache stays bounded and is never trusted (`ResultCache`):

* **Pruned.** A build that read the whole raw folder removes every entry it did not use: after a
  vocabulary edit the old set goes instead of staying beside the new one (14 MB per 1000 articles).
* **Resumable.** Each entry is written as soon as its article is done, through a temporary file
  renamed into place, so a build that is killed keeps what it finished and the next one resumes.
* **Checked before it is read.** An entry starts with a header naming the format, the key it was
  written for and a SHA-256 of its payload; the payload is unpickled only when all three match,
  and then only into the generator's own classes. A truncated, corrupt, renamed or foreign file
  is recomputed and overwritten, never believed.

Many uncached files run in a process pool; output is identical to the serial run because results
are re-sorted by file name.
"""

from __future__ import annotations

import ctypes
import hashlib
import io
import logging
import os
import pickle
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

from .extract.recogniser import release as release_recogniser
from .model import Actor, Topic
from .process import FileResult, process_path
from .progress import Progress
from .settings import GENERATOR_VERSION, Settings
from .textnorm import release_tokenizers, word_tokenizer
from .vocab import Vocabulary

POOL_THRESHOLD = 40  # below this many uncached files a pool costs more than it saves
ENTRY_MAGIC = b"briefing-generator result 1\n"  # bump the number when the entry layout changes
ENTRY_SUFFIX = ".pickle"
log = logging.getLogger(__name__)
T = TypeVar("T")


def folder_digest(folder: Path, pattern: str = "*") -> str:
    """A hash of the files under `folder` matching `pattern`, by relative path and bytes: what the
    caches key on when a folder's files decide their entries (the generator's source, the
    templates, a theme's own folders)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of the generator's own source: results from older code (a new release, or a local
    edit of a rule) are never served from the cache."""
    package = Path(__file__).resolve().parent
    return hashlib.sha256(f"{GENERATOR_VERSION}\0{folder_digest(package, '*.py')}".encode()).hexdigest()


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

    def find_class(self, module: str, name: str) -> type:
        """Only the generator's own classes: a pickle can name any function to call, and an entry
        that was not written by this program must not run anything."""
        found = super().find_class(module, name) if module.startswith("generator.") else None
        if not isinstance(found, type):
            raise pickle.UnpicklingError(f"{module}.{name} is not one of the generator's classes")
        return found

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


class EntryError(ValueError):
    """A cache file that is not an entry this program wrote for this key."""


class EntryFolder(Generic[T]):
    """A folder of entries `<folder>/<2 hex>/<key><suffix>`, each written whole or not at all and
    checked before it is believed. A subclass says how a value becomes a payload and back (`dump`,
    `load`, which raises on anything that is not a value it wrote); the header is `magic`."""

    magic: bytes
    suffix: str

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def dump(self, value: T) -> bytes:
        raise NotImplementedError

    def load(self, payload: bytes) -> T:
        raise NotImplementedError

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{self.suffix}"

    def encode(self, key: str, value: T) -> bytes:
        payload = self.dump(value)
        return b"".join((self.magic, key.encode(), b"\n", hashlib.sha256(payload).hexdigest().encode(), b"\n",
                         payload))

    def decode(self, key: str, data: bytes) -> T:
        """The value in `data`, or EntryError when it is not an intact entry written for `key`."""
        if not data.startswith(self.magic):
            raise EntryError("not a cache entry of this version")
        header_end = len(self.magic) + len(key) + 1 + 64 + 1
        parts = data[len(self.magic):header_end].split(b"\n")
        if len(parts) != 3 or parts[2]:
            raise EntryError("damaged header")
        claimed, digest = parts[0], parts[1]
        payload = data[header_end:]
        if claimed != key.encode():
            raise EntryError("written for another key")
        if hashlib.sha256(payload).hexdigest().encode() != digest:
            raise EntryError("payload does not match its digest (truncated or altered)")
        try:
            return self.load(payload)
        except EntryError:
            raise
        except Exception as error:  # the digest matched, so this is a bug or a forgery: recompute either way
            raise EntryError(f"unreadable: {type(error).__name__}: {error}") from error

    def get(self, key: str) -> T | None:
        """The cached value for `key`; None when there is none or it cannot be trusted."""
        try:
            data = self.path(key).read_bytes()
        except OSError:
            return None
        try:
            return self.decode(key, data)
        except EntryError as error:
            log.debug("cache entry %s recomputed: %s", key[:12], error)
            return None

    def put(self, key: str, value: T) -> None:
        """Write one entry whole or not at all (a temporary file of this process, then a rename)."""
        entry = self.path(key)
        tmp = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(self.encode(key, value))
            tmp.replace(entry)
        except OSError:
            tmp.unlink(missing_ok=True)

    def prune(self, used: set[str]) -> int:
        """Remove every entry whose key is not in `used`, and temporary files left by killed
        builds; the number of files removed."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for sub in self.folder.iterdir():
            if not (sub.is_dir() and len(sub.name) == 2):
                continue
            for file in sub.iterdir():
                stale = file.name.endswith(".tmp") or (file.name.endswith(self.suffix)
                                                       and file.name[:-len(self.suffix)] not in used)
                if stale:
                    try:
                        file.unlink()
                        removed += 1
                    except OSError:
                        pass
        return removed


class ResultCache(EntryFolder[FileResult]):
    """The per-article cache folder: `<folder>/<2 hex>/<key>.pickle`."""

    magic = ENTRY_MAGIC
    suffix = ENTRY_SUFFIX

    def __init__(self, folder: Path, vocab: Vocabulary) -> None:
        super().__init__(folder)
        self.vocab = vocab

    def dump(self, value: FileResult) -> bytes:
        return dump_result(value, self.vocab)

    def load(self, payload: bytes) -> FileResult:
        result = load_result(payload, self.vocab)
        if not isinstance(result, FileResult):
            raise EntryError(f"holds a {type(result).__name__}, not a result")
        return result


def release_freed_memory() -> None:
    """Hand memory the build has freed back to the system (glibc's `malloc_trim`; elsewhere nothing).

    Python frees objects into the C allocator, which keeps the pages for later: after the generator
    (linking's comparisons alone passed through 900 MB at 10 000 articles) the build process held
    that memory through the whole MkDocs build, beside Pagefind's. Called once the generator's
    records are dropped; costs a few milliseconds."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc (macOS, musl, Windows): its allocator decides
        return
    libc.malloc_trim(0)


_worker_state: dict[str, object] = {}


def _start_worker(raw_dir: Path, settings: Settings, vocab: Vocabulary) -> None:
    """Each worker receives the vocabulary once, not with every article (it is large to pickle)."""
    _worker_state.update(raw_dir=raw_dir, settings=settings, vocab=vocab)


def _work(path: Path) -> FileResult:
    state = _worker_state
    return process_path(path, state["raw_dir"], state["settings"], state["vocab"])  # type: ignore[arg-type]


def cached_results(paths: Sequence[Path], raw_dir: Path, settings: Settings, vocab: Vocabulary,
                   prune: bool = False, keep_models: bool = False) -> list[FileResult]:
    """A result for every path, from the cache where it holds one. With `prune` (the paths are the
    whole raw folder) entries no path used are removed afterwards. jieba's dictionary and the
    recogniser's model are loaded only if an article is extracted, and let go afterwards unless
    `keep_models` (a process that builds again soon, `mkdocs serve`: loading them took longer than
    extracting the one article changed)."""
    cache = ResultCache(settings.cache_dir, vocab) if settings.cache_dir is not None else None
    results: dict[Path, FileResult] = {}
    todo: list[tuple[Path, str | None]] = []
    used: set[str] = set()
    for path in paths:
        key = None
        if cache is not None:
            try:
                if path.stat().st_size > settings.max_input_bytes:
                    raise OSError("too large to cache: process_path rejects it")
                key = _key(path, vocab, settings)
            except OSError:
                key = None
            if key is not None:
                used.add(key)
                found = cache.get(key)
                if found is not None:
                    results[path] = found if found.key == key else replace(found, key=key)
                    continue
        todo.append((path, key))
    workers = settings.workers or (os.cpu_count() or 1)
    pooled = len(todo) >= POOL_THRESHOLD and workers > 1
    if pooled:
        word_tokenizer().initialize()  # load jieba's dictionary once, before the workers fork

    def keep(path: Path, key: str | None, result: FileResult) -> None:
        result = results[path] = replace(result, key=key)
        if cache is not None and key is not None:
            cache.put(key, result)  # now, not at the end: a killed build keeps what it finished

    with Progress("generator: extracting articles", len(todo)) as progress:
        if pooled:
            with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                                     initargs=(raw_dir, settings, vocab)) as pool:
                for (path, key), result in zip(todo, pool.map(_work, [p for p, _ in todo], chunksize=16)):
                    keep(path, key, result)
                    progress.advance()
        else:
            for path, key in todo:
                keep(path, key, process_path(path, raw_dir, settings, vocab))
                progress.advance()
    if todo and not keep_models:
        release_tokenizers()
        release_recogniser()
    if cache is not None and prune:
        removed = cache.prune(used)
        if removed:
            log.info("cache: %d entries no longer used removed", removed)
    return [results[p] for p in paths]
