"""A whole build, for the MkDocs plugin and the command line alike: `build(settings) -> Site`.

Two phases (Pelican's): first the whole corpus (`pipeline.run`: ingest, clean, extract, then the
corpus-wide steps), then every page (`site`) and data file (`export`) from it. Nothing is written
here: the plugin hands the pages to MkDocs as generated files, and `write` puts them in a folder
for `python -m generator build`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .export import site_files
from .markdown_cache import PageMemo
from .model import Corpus, InputFate
from .pipeline import collector_frozen, run_with_digests
from .settings import Settings
from .site import site_pages
from .vocab import Vocabulary, load_vocabulary


@dataclass(frozen=True)
class Site:
    pages: dict[str, str]  # source path under the docs folder ("briefings/x.md") -> Markdown
    files: dict[str, str]  # data files ("briefings.json") -> text
    corpus: Corpus
    # The pages rendered by this build; every other page's Markdown was read back from the cache,
    # rendered by an earlier build from the same inputs (generator/markdown_cache.py).
    rendered: frozenset[str] = frozenset()

    @property
    def fates(self) -> tuple[InputFate, ...]:
        return self.corpus.fates

    @property
    def outputs(self) -> dict[str, str]:
        """Pages and data files together; no path is both (checked when the site is made)."""
        return {**self.pages, **self.files}


def build(settings: Settings, vocab: Vocabulary | None = None, keep_models: bool = False) -> Site:
    """Every page and data file of the site. `vocab` saves loading the vocabulary again when the
    caller has it already (the plugin loads it to configure search); `keep_models` keeps jieba and
    the recogniser loaded for the next build in this process (`cache.cached_results`)."""
    vocab = vocab or load_vocabulary(settings)
    corpus, digests = run_with_digests(settings, vocab, keep_models)
    memo = PageMemo.open(settings, vocab.digest, digests)
    with collector_frozen():
        pages, files = site_pages(corpus, settings, memo), site_files(corpus, settings)
    memo.prune()
    clash = pages.keys() & files.keys()
    if clash:
        raise ValueError(f"a page and a data file would both be written to {', '.join(sorted(clash))}")
    return Site(pages, files, corpus, frozenset(pages.keys() - memo.kept))


def write(site: Site, out: Path) -> None:
    """Every page and data file into `out`, for any static site tool; unchanged files are not
    touched, so a watching server does not rebuild for nothing."""
    for path, text in site.outputs.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
