"""Building a project folder as a user does (`mkdocs build --strict`), and reading what came out.

Shared by the site suite (tests/site, tests/browser) and the hostile-input suite (tests/hostile),
each of which extends `Build` with the questions it asks of a site.

A project is a throw-away folder, never the repository: `mkdocs.yml`, `templates/` and `content/`
are copied there, and `generator/` is linked in so that the build runs this checkout's code: MkDocs
finds the `briefings` plugin through its entry point, and Python imports `generator` from the
project folder (the working directory) before any installed copy. The plugin reads `content/`
next to mkdocs.yml and caches per-article results in `<project>/.cache/generator`, so every new
project builds cold.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import lxml.html
import pytest

REPO = Path(__file__).resolve().parents[1]
BUILD_TIMEOUT = 600  # seconds; a build of the example or hostile project takes well under a minute


def make_project(dest: Path, fill_raw: Callable[[Path], None] | None = None) -> Path:
    """A project folder like the repository: its mkdocs.yml, templates/ and content/, with
    content/raw/ either the repository's examples or whatever `fill_raw(raw_dir)` writes there."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__", ".*")
    shutil.copytree(REPO / "templates", dest / "templates", ignore=ignore)
    if fill_raw is None:
        shutil.copytree(REPO / "content", dest / "content", ignore=ignore)
    else:
        shutil.copytree(REPO / "content", dest / "content", ignore=shutil.ignore_patterns("__pycache__", ".*", "raw"))
        (dest / "content" / "raw").mkdir()
        fill_raw(dest / "content" / "raw")
    try:
        (dest / "generator").symlink_to(REPO / "generator", target_is_directory=True)
    except OSError:  # no symlinks here: a copy runs the same code
        shutil.copytree(REPO / "generator", dest / "generator", ignore=ignore)
    return dest


@dataclass
class Build:
    """One `mkdocs build --strict` of a project folder, and ways to read what it produced."""

    project: Path
    site: Path
    returncode: int
    output: str  # stdout and stderr together
    seconds: float
    _pages: dict[str, lxml.html.HtmlElement] = field(default_factory=dict, repr=False)

    @property
    def raw_dir(self) -> Path:
        return self.project / "content" / "raw"

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def require_ok(self) -> Build:
        if not self.ok:
            pytest.fail(f"mkdocs build failed with exit {self.returncode} in {self.project}:\n{self.output[-4000:]}",
                        pytrace=False)
        return self

    def file(self, url: str) -> Path:
        """A served path ("briefings/x/", "feed.xml") as the file that answers it."""
        path = self.site / url.lstrip("/")
        return path / "index.html" if url.endswith("/") or url == "" or path.is_dir() else path

    def page(self, url: str) -> lxml.html.HtmlElement:
        """The parsed HTML of a served page ("briefings/x/"), cached."""
        if url not in self._pages:
            self._pages[url] = lxml.html.fromstring(self.file(url).read_bytes())
        return self._pages[url]

    def content(self, url: str) -> lxml.html.HtmlElement:
        """The page's content column (Material's `article.md-content__inner`), without header, nav and footer."""
        found = self.page(url).xpath('//article[contains(@class, "md-content__inner")]')
        assert found, f"{url} has no content article"
        return found[0]

    def html_pages(self) -> list[Path]:
        return sorted(p for p in self.site.rglob("*.html") if p.is_file())

    def url_of(self, path: Path) -> str:
        rel = path.relative_to(self.site).as_posix()
        return rel[: -len("index.html")] if rel.endswith("index.html") else rel

    @cached_property
    def report(self) -> dict:
        return json.loads((self.site / "build-report.json").read_text(encoding="utf-8"))

    @cached_property
    def report_by_source(self) -> dict[str, dict]:
        return {entry["source"]: entry for entry in self.report["inputs"]}


B = TypeVar("B", bound=Build)


def environment() -> dict[str, str]:
    # The banner about MkDocs 2 is advice to the maintainers, not a message about this site.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}


def run_builds(jobs: Sequence[tuple[Path, Path]], kind: type[B] = Build) -> list[B]:  # type: ignore[assignment]
    """`mkdocs build --strict` for each (project, site folder), all at once (two cores are enough for two)."""
    started = []
    for project, site in jobs:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                   "-d", str(site)]
        proc = subprocess.Popen(command, cwd=project, env=environment(), text=True, encoding="utf-8",
                                errors="replace", stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        started.append((project, site, proc, time.monotonic()))
    builds = []
    for project, site, proc, start in started:
        try:
            output, _ = proc.communicate(timeout=BUILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
            output += f"\n(killed after {BUILD_TIMEOUT} s: the build hung)"
        builds.append(kind(project, site, proc.returncode, output, time.monotonic() - start))
    return builds


def run_build(project: Path, site: Path | None = None, kind: type[B] = Build) -> B:  # type: ignore[assignment]
    return run_builds([(project, site or project / "site")], kind)[0]
