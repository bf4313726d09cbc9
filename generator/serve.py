"""What the `briefings` plugin does differently under `mkdocs serve`, where a reader waits for a
rebuild after every saved file: watch each file once, render with the configured site_url, put the
last site aside instead of deleting it file by file, and make the search index after the pages.

None of this changes what a page contains: the served site is the one `mkdocs build` writes for the
same content (tests/test_serve.py). Each step here only moves work out of the time between a save
and the browser's reload.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from . import search as search_engine
from .model import Corpus

log = logging.getLogger("mkdocs.plugins.briefings")

HOLDER_PREFIX = "briefings-old-site-"  # the folder an old site is moved into, beside the site folder
ABANDONED_AFTER = 600  # seconds: a holder this old was left by a build that was stopped


def configured_site_url(config: MkDocsConfig) -> str | None:
    """site_url as mkdocs.yml (and any file it inherits) sets it, checked as MkDocs checks it."""
    if not config.config_file_path:  # a configuration not read from a file: nothing to go back to
        return config.site_url
    with open(config.config_file_path, "rb") as source:
        written = yaml_load(source, get_yaml_loader(config=config)).get("site_url")
    option = opt.Optional(opt.URL(is_dir=True))
    option.key_name = "site_url"
    return option.validate(written)


def outermost(paths: list[Path]) -> list[Path]:
    """The paths (resolved, first of equals kept) that lie inside no other of them."""
    resolved = list(dict.fromkeys(p.resolve() for p in paths))
    return [p for p in resolved if not any(other != p and other in p.parents for other in resolved)]


class OldSites:
    """Earlier builds' sites, moved aside whole before a rebuild and deleted after it.

    Before each build MkDocs empties the site folder entry by entry: at 1000 articles some 6000
    files and 4000 folders, 0.3 s of CPU but 3–8 s on a busy disk, all before the generator
    starts. Renaming the folder and making an empty one leaves MkDocs nothing to delete (hidden
    entries, which MkDocs keeps, are moved back); the old tree is deleted once the new site is
    written, while the browser reloads. `mkdocs build` does the same, deleting while Pagefind
    finishes, and waits for it before the command returns (`finish`)."""

    def __init__(self) -> None:
        self._aside: list[Path] = []
        self._lock = threading.Lock()
        self._deleting: threading.Thread | None = None

    def put_aside(self, site_dir: Path) -> None:
        self._adopt_abandoned(site_dir.parent)
        if not site_dir.is_dir():
            return
        holder: Path | None = None
        try:
            holder = Path(tempfile.mkdtemp(prefix=HOLDER_PREFIX, dir=site_dir.parent))
            os.replace(site_dir, holder / "site")
            site_dir.mkdir()
        except OSError:  # e.g. a file held open on Windows: MkDocs empties the folder as usual
            if holder is not None:
                if not site_dir.exists():
                    os.replace(holder / "site", site_dir)
                shutil.rmtree(holder, ignore_errors=True)
            return
        for entry in (holder / "site").iterdir():
            if entry.name.startswith("."):
                os.replace(entry, site_dir / entry.name)
        with self._lock:
            self._aside.append(holder)

    def _adopt_abandoned(self, parent: Path) -> None:
        """Old sites that a killed build or serve left beside the site folder (it was stopped
        between putting one aside and deleting it) are deleted with this build's. Only those
        untouched for ABANDONED_AFTER seconds: a younger one may be another build's, running now."""
        cutoff = time.time() - ABANDONED_AFTER
        try:
            abandoned = [p for p in parent.glob(f"{HOLDER_PREFIX}*")
                         if p.is_dir() and p.stat().st_mtime < cutoff]
        except OSError:
            return
        with self._lock:
            self._aside.extend(p for p in abandoned if p not in self._aside)

    def delete_later(self) -> None:
        """Delete what was put aside, on a thread (the next rebuild may start meanwhile)."""
        with self._lock:
            if self._deleting is not None and self._deleting.is_alive():
                return  # that thread takes whatever was added since
            self._deleting = threading.Thread(target=self.delete, name="old-sites", daemon=True)
            self._deleting.start()

    def delete(self) -> None:
        while True:
            with self._lock:
                if not self._aside:
                    return
                holder = self._aside.pop()
            shutil.rmtree(holder, ignore_errors=True)

    def finish(self) -> None:
        """Delete what is left and wait for the thread: the process ends after this (`mkdocs build`
        puts its last site aside too, and a daemon thread would die with it half done)."""
        self.delete()
        with self._lock:
            thread = self._deleting
        if thread is not None:
            thread.join()


class IndexAfterPages:
    """The Pagefind index of a rebuild, made on a thread once MkDocs has written the pages.

    Under `mkdocs build` the index is started before the pages and runs beside them on the other
    core. Under serve, preparing its job (every briefing's search document, about 0.6 s of CPU at
    1000 articles) and the child competing with the page loop delay the reload; the pages are
    shown first and the index follows. `cancel` (the next rebuild, or serve stopping) stops it
    before it touches the site."""

    def __init__(self, corpus: Corpus, cache_dir: Path | None, site_dir: Path,
                 done: Callable[[search_engine.IndexReport | search_engine.SearchError], None]) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._pending: search_engine.PendingIndex | None = None
        self._thread = threading.Thread(target=self._run, args=(corpus, cache_dir, site_dir, done),
                                        name="search-index", daemon=True)
        self._thread.start()

    def _run(self, corpus: Corpus, cache_dir: Path | None, site_dir: Path,
             done: Callable[[search_engine.IndexReport | search_engine.SearchError], None]) -> None:
        report: search_engine.IndexReport | search_engine.SearchError
        try:
            with self._lock:
                if self._cancelled:
                    return
                self._pending = search_engine.start_index(corpus, cache_dir)
            report = self._pending.finish(site_dir)
        except search_engine.SearchError as error:
            report = error
        except Exception as error:  # serve goes on with the pages; the log says why search is missing
            report = search_engine.SearchError(f"{type(error).__name__}: {error}")
        if not self._cancelled:
            done(report)

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            pending = self._pending
        if pending is not None:
            pending.cancel()
        self._thread.join()
