"""Builds the example site the way a user does (`mkdocs build --strict`), once per test session.

The build runs in a throw-away project folder, never in the repository: `mkdocs.yml`, `content/`
and `templates/` are copied there, and `generator/` is linked in so that the `briefings` plugin
(`generator/plugin.py`, found through its entry point) runs this checkout's code. The plugin finds
`content/` next to mkdocs.yml; templates are found relative to the generator package
(`generator/render.py`); the per-article cache goes to `<project>/.cache/generator` (the plugin's
`cache_dir`), so every build here starts cold.

Other test folders reuse the same build through `example_build(config, tmp_path_factory)`
(tests/browser/conftest.py finds this module among pytest's plugins), so a session that runs
tests/site and tests/browser builds the example site once.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

import building
import lxml.html
import pytest

# Element -> attributes whose URL the browser fetches as the page loads.
LOADING_ATTRIBUTES = {
    "script": ("src",), "link": ("href",), "img": ("src", "srcset"), "source": ("src", "srcset"),
    "iframe": ("src",), "video": ("src", "poster"), "audio": ("src",), "embed": ("src",),
    "object": ("data",), "image": ("href", "{http://www.w3.org/1999/xlink}href"), "use": ("href",),
    "input": ("src",), "track": ("src",),
}
NOT_LOADED_LINK_RELS = {"canonical", "alternate"}  # these name another address and fetch nothing
EXTERNAL_URL = re.compile(r"\s*(?:https?:)?//", re.I)
EXTERNAL_IN_CSS = re.compile(r"""(?:url\(\s*['"]?|@import\s+(?:url\(\s*)?['"]?)\s*(?:https?:)?//""", re.I)


class Build(building.Build):
    """The example site's build, with the questions the site and browser suites ask of it."""

    def resolve(self, from_url: str, href: str) -> str | None:
        """A link on page `from_url` as the served URL it leads to within the site ("actors/x/"),
        or None for links to other hosts."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return None
        path = unquote(parts.path)
        if not path:
            return from_url
        folder = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
        joined = posixpath.normpath(posixpath.join("/" + folder.lstrip("/"), path)).lstrip("/")
        if joined and path.endswith("/"):
            joined += "/"
        return joined

    def section(self, url: str, heading: str, level: str = "h2") -> list[lxml.html.HtmlElement]:
        """The content of a page under the heading whose text starts with `heading`, up to the next
        heading of the same or a higher level."""
        stop = {"h1", "h2"} if level == "h2" else {"h1", "h2", "h3"}
        children = list(self.content(url))
        for index, child in enumerate(children):
            if child.tag == level and child.text_content().strip().startswith(heading):
                out = []
                for sibling in children[index + 1:]:
                    if sibling.tag in stop:
                        break
                    out.append(sibling)
                return out
        return []

    def section_text(self, url: str, heading: str, level: str = "h2") -> str:
        return "\n".join(e.text_content() for e in self.section(url, heading, level))

    def links(self, url: str, heading: str | None = None) -> list[tuple[str, str]]:
        """(served URL or None for other hosts, label) of every link on a page's content, or in one
        of its sections."""
        elements = [self.content(url)] if heading is None else self.section(url, heading)
        return [(self.resolve(url, a.get("href", "")), a.text_content().strip())
                for e in elements for a in e.iter("a") if a.get("href")]

    def external_loads(self) -> list[str]:
        """Everything a page of the site would fetch from another host: scripts, stylesheets, images,
        frames, fonts, CSS `url(…)` and `@import`. Links (`<a href>`) are not loads."""
        offenders = []
        for path in self.html_pages():
            url = self.url_of(path)
            for element in self.page(url).iter():
                if not isinstance(element.tag, str):
                    continue
                tag = element.tag.rsplit("}", 1)[-1]
                if tag == "link" and set((element.get("rel") or "").split()) & NOT_LOADED_LINK_RELS:
                    continue
                for attribute in LOADING_ATTRIBUTES.get(tag, ()):
                    value = element.get(attribute) or ""
                    if EXTERNAL_URL.match(value) or re.search(r"(?:^|,)\s*(?:https?:)?//", value):
                        offenders.append(f"{url}: <{tag} {attribute}={value}>")
                style = element.get("style") or ""
                if EXTERNAL_IN_CSS.search(style):
                    offenders.append(f"{url}: style={style}")
                if tag == "style" and EXTERNAL_IN_CSS.search(element.text_content()):
                    offenders.append(f"{url}: <style> loads from another host")
            html = path.read_text(encoding="utf-8")
            if "fonts.googleapis" in html or "fonts.gstatic" in html:
                offenders.append(f"{url}: Google Fonts")
        for css in self.site.rglob("*.css"):
            text = css.read_text(encoding="utf-8", errors="replace")
            if EXTERNAL_IN_CSS.search(text) or "fonts.googleapis" in text:
                offenders.append(f"{css.relative_to(self.site)} loads from another host")
        return offenders

    # --- the generator's data files --------------------------------------------------------------

    @cached_property
    def briefings_json(self) -> dict:
        return json.loads((self.site / "briefings.json").read_text(encoding="utf-8"))

    @cached_property
    def briefing_ids(self) -> list[str]:
        return sorted(p.parent.name for p in (self.site / "briefings").glob("*/index.html"))

    def briefing_url_of(self, source: str) -> str:
        """The briefing page a raw file (relative to content/raw) ended up on."""
        entry = self.report_by_source[source]
        assert entry["url"], f"{source} has no briefing: {entry}"
        return entry["url"]


# --- making projects and building them --------------------------------------------------------------

def make_project(dest: Path, raw_files: Sequence[Path] | None = None) -> Path:
    """A project like the repository, with the repository's example articles or `raw_files` as content/raw."""
    def copy_raw(raw_dir: Path) -> None:
        for path in raw_files or ():
            shutil.copy2(path, raw_dir / path.name)
    return building.make_project(dest, None if raw_files is None else copy_raw)


def run_builds(jobs: Sequence[tuple[Path, Path]]) -> list[Build]:
    return building.run_builds(jobs, Build)


def run_build(project: Path, site: Path | None = None) -> Build:
    return building.run_build(project, site, Build)


_EXAMPLE = pytest.StashKey[Build]()


def example_build(config: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's example site, built once per session (shared with tests/browser)."""
    if _EXAMPLE not in config.stash:
        project = make_project(tmp_path_factory.mktemp("example-project"))
        config.stash[_EXAMPLE] = run_build(project)
    return config.stash[_EXAMPLE].require_ok()


@pytest.fixture(scope="session")
def site_build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    return example_build(request.config, tmp_path_factory)


class Projects:
    """Throw-away project folders for tests that build their own site (other raw files)."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self._factory = tmp_path_factory

    def make(self, name: str, raw_files: Sequence[Path] | None = None) -> Path:
        return make_project(self._factory.mktemp(name), raw_files)

    def build(self, project: Path, site: Path | None = None) -> Build:
        return run_build(project, site)

    def build_all(self, jobs: Sequence[tuple[Path, Path]]) -> list[Build]:
        return run_builds(jobs)


@pytest.fixture(scope="session")
def projects(tmp_path_factory: pytest.TempPathFactory) -> Projects:
    return Projects(tmp_path_factory)
