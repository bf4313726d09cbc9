"""Generated pages' Markdown kept across builds: after one article changes, only the pages that
show it are rendered again (its briefing page, its actors', its topics', the briefings that list it
as related or in their story), and every other page's Markdown is read back from
`<cache_dir>/markdown`.

A page's entry is keyed by a digest of exactly what the page shows (`PageMemo.page`):

* the site: the generator's code (`cache.code_digest`), every template file, the vocabulary and
  the settings that reach a page (`site_digest`);
* the page's own inputs, which the page function's neighbour in `site` lists: each briefing it
  shows as its briefing digest, and the corpus-wide facts it prints (related briefings, a story's
  members, co-actors and their counts, a conflict's other rows).

A briefing's digest (`briefing_digests`) is its article result's cache key (the raw file's bytes
and name, the vocabulary, the code and the extraction settings: `cache.ResultCache`) with what the
corpus-wide steps change on it (its final id, the copies listed on it), so it stands for the whole
`Briefing` without reading it. Pages are a pure function of these inputs, so a page with the same
key has the same Markdown; a key that misses one input would show a stale page, which is why
tests/test_markdown_cache.py compares cached builds with clean ones after each kind of change.

Entries are `cache.EntryFolder` entries (written whole, checked before they are read), and a build
removes the entries it did not use, so the folder holds one site's pages.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .cache import EntryError, EntryFolder, code_digest, folder_digest
from .model import Briefing
from .process import FileResult
from .render import TEMPLATES_DIR
from .settings import Settings

FOLDER = "markdown"
log = logging.getLogger(__name__)


class MarkdownEntries(EntryFolder[str]):
    """`<cache_dir>/markdown/<2 hex>/<key>.md`: one page's Markdown as UTF-8."""

    magic = b"briefing-generator markdown 1\n"
    suffix = ".md"

    def dump(self, value: str) -> bytes:
        return value.encode("utf-8")

    def load(self, payload: bytes) -> str:
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError as error:
            raise EntryError("not UTF-8") from error


def _sha(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")  # a separator no part contains unescaped (reprs and hex digests)
    return digest.hexdigest()


def site_digest(settings: Settings, vocabulary_digest: str, templates_dir: Path = TEMPLATES_DIR) -> str:
    """What every page depends on: code, templates, vocabulary and the settings that reach a page
    (the folders, and how many processes extract, do not)."""
    shown = replace(settings, content_dir=Path(), raw_folder=None, cache_dir=None, workers=0)
    return _sha([code_digest(), vocabulary_digest, repr(shown), folder_digest(templates_dir)])


def briefing_digests(results: Sequence[FileResult], briefings: Sequence[Briefing]) -> dict[str, str] | None:
    """Briefing id -> a digest of the whole briefing, from its article's result key; None when a
    result has no key (the cache is off, or an input too large to cache), as nothing can be kept."""
    keys = {r.source: r.key for r in results}
    digests = {}
    for briefing in briefings:
        key = keys.get(briefing.article.source)
        if key is None:
            return None
        digests[briefing.id] = _sha([key, briefing.id, *briefing.also_sources])
    return digests


@dataclass
class PageMemo:
    """One build's look-ups: `page` renders a page only when no entry holds its Markdown for the
    same inputs. `entries` None: a pass-through that renders every page (no cache)."""

    entries: MarkdownEntries | None
    site: str = ""
    briefings: Mapping[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    kept: set[str] = field(default_factory=set)  # the pages read back, not rendered, by this build

    @classmethod
    def open(cls, settings: Settings, vocabulary_digest: str, briefings: Mapping[str, str] | None) -> PageMemo:
        if settings.cache_dir is None or briefings is None:
            return cls(None)
        return cls(MarkdownEntries(settings.cache_dir / FOLDER), site_digest(settings, vocabulary_digest), briefings)

    def digest(self, briefing: Briefing) -> str:
        return self.briefings[briefing.id]

    def digests(self, briefings: Iterable[Briefing]) -> list[str]:
        return [self.briefings[b.id] for b in briefings]

    def page(self, path: str, inputs: Callable[[], Iterable[str]], make: Callable[[], str]) -> str:
        """The page's Markdown: read back when an entry was written for the same site and inputs,
        else made by `make` and kept."""
        if self.entries is None:
            return make()
        key = _sha([self.site, path, *inputs()])
        self.used.add(key)
        found = self.entries.get(key)
        if found is not None:
            self.kept.add(path)
            return found
        text = make()
        self.entries.put(key, text)
        return text

    def prune(self) -> None:
        """Remove the entries this build did not use (call it after a build of every page)."""
        if self.entries is not None:
            removed = self.entries.prune(self.used)
            if removed:
                log.info("markdown cache: %d pages no longer used removed", removed)
