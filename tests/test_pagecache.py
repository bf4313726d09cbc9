"""Unchanged pages are reused, not rebuilt (generator/pagecache.py): a build after one changed
article gives the same bytes as a clean build of the same content, reuses every page the change
did not touch, and a change to the theme, mkdocs.yml or the generator's code is never answered
from the cache. Entries are checked before they are believed and pruned when unused."""

from __future__ import annotations

import filecmp
import os
import re
import shutil
from pathlib import Path

import building
import pytest
from mkdocs.commands.build import get_navigation
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, InclusionLevel, get_files

import generator.pagecache as pagecache
from generator.pagecache import PageCache, RenderedPage, files_digest, site_digest, still_valid

REUSED = re.compile(r"page cache: (\d+) of (\d+) pages reused")


def record(**changes: object) -> RenderedPage:
    fields: dict = dict(content="<h1 id=\"t\">T</h1>", toc=[{"level": 1, "id": "t", "name": "T", "children": []}],
                        title="T", anchors=["t"], links_to_anchors=None,
                        lookups={"actors/x.md": ["actors/x.md", "actors/x/", False], "gone.md": None},
                        records=[["mkdocs.structure.pages", 30, "a link is missing"]], output="<html>T</html>")
    fields.update(changes)
    return RenderedPage(**fields)


# --- entries ----------------------------------------------------------------------------------


def test_an_entry_reads_back_as_written(tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    cache.put("ab" * 32, record())
    found = cache.get("ab" * 32)
    assert found is not None
    assert found.html() == "<html>T</html>" and found.toc[0]["id"] == "t"
    assert found.content_text() == '<h1 id="t">T</h1>'
    assert found.records == [("mkdocs.structure.pages", 30, "a link is missing")]


def test_a_damaged_renamed_or_foreign_entry_is_not_believed(tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    key, other = "ab" * 32, "cd" * 32
    cache.put(key, record())
    data = bytearray(cache.path(key).read_bytes())
    data[-3] ^= 0xFF
    cache.path(key).write_bytes(bytes(data))
    assert cache.get(key) is None  # altered payload

    cache.put(key, record())
    cache.path(other).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(cache.path(key), cache.path(other))
    assert cache.get(other) is None  # written for another key

    class Foreign(PageCache):  # a well-formed entry whose record is not a page
        def dump(self, value: RenderedPage) -> bytes:
            record = pagecache.zlib.compress(b'{"content": "<script>x</script>"}')
            return len(record).to_bytes(8, "big") + record + pagecache.zlib.compress(b"<html></html>")

    Foreign(tmp_path).put(key, record())
    assert cache.get(key) is None
    cache.path(key).write_bytes(cache.path(key).read_bytes()[:40])
    assert cache.get(key) is None  # truncated


def test_pruning_keeps_only_the_entries_the_build_used(tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    kept, dropped = "ab" * 32, "cd" * 32
    cache.put(kept, record())
    cache.put(dropped, record())
    (cache.path(kept).parent / f"{kept}.page.123.tmp").write_bytes(b"half")  # a killed build's
    assert cache.prune({kept}) == 2
    assert cache.get(kept) is not None and cache.get(dropped) is None
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [f"{kept}.page"]


def test_a_page_is_reused_only_while_its_links_find_the_same_files() -> None:
    def page(path: str) -> File:
        return File(path, "/docs", "/site", use_directory_urls=True)

    files = Files([page("actors/x.md")])
    assert still_valid(record(), files)
    files.remove(files.get_file_from_path("actors/x.md"))
    assert not still_valid(record(), files)  # the target is gone: the link would be left as written
    files.append(page("gone.md"))
    files.append(page("actors/x.md"))
    assert not still_valid(record(), files)  # a missing target exists now: the link becomes a URL


def test_the_files_digest_changes_exactly_when_a_lookup_could_find_something_else() -> None:
    """Pages converted with files of the same digest are reused without checking their lookups
    one by one: the digest follows every file's path, URL and inclusion, not their order."""
    def page(path: str, urls: bool = True) -> File:
        return File(path, "/docs", "/site", use_directory_urls=urls)

    first = files_digest(Files([page("a.md"), page("actors/x.md")]))
    assert files_digest(Files([page("actors/x.md"), page("a.md")])) == first
    assert files_digest(Files([page("a.md")])) != first  # a target gone
    assert files_digest(Files([page("a.md"), page("actors/x.md"), page("b.md")])) != first  # a target new
    assert files_digest(Files([page("a.md"), page("actors/x.md", urls=False)])) != first  # another URL
    hidden = page("actors/x.md")
    hidden.inclusion = InclusionLevel.EXCLUDED
    assert files_digest(Files([page("a.md"), hidden])) != first  # left out of the site


# --- what every key depends on ----------------------------------------------------------------


def test_the_site_digest_follows_config_theme_and_code_but_not_the_output_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = building.make_project(tmp_path / "project")
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("theme:\n", "theme:\n  custom_dir: mine\n", 1),
                   encoding="utf-8")
    override = project / "mine" / "partials" / "copyright.html"
    override.parent.mkdir(parents=True)
    override.write_text("<p>ours</p>\n", encoding="utf-8")

    def digest(**overrides: object) -> str:
        config = load_config(config_file=str(project / "mkdocs.yml"), **overrides)
        return site_digest(config, get_navigation(get_files(config), config))

    first = digest()
    assert digest() == first
    assert digest(site_dir=str(tmp_path / "serve-tmp")) == first  # mkdocs serve builds into a temp folder
    config = load_config(config_file=os.path.relpath(project / "mkdocs.yml"))  # `-f mkdocs.yml` or a full path
    assert site_digest(config, get_navigation(get_files(config), config)) == first
    assert digest(site_url="http://127.0.0.1:8000/") != first  # canonical links change
    yml.write_text(yml.read_text(encoding="utf-8").replace("- navigation.top\n", ""), encoding="utf-8")
    assert digest() != first
    changed_yml = digest()
    override.write_text("<p>theirs</p>\n", encoding="utf-8")
    assert digest() != changed_yml
    changed_theme = digest()
    monkeypatch.setattr(pagecache, "code_digest", lambda: "another revision of the generator")
    assert digest() != changed_theme


# --- whole builds -----------------------------------------------------------------------------


def frozen_project(dest: Path) -> Path:
    """A project with its own copy of the generator: others editing generator/ while the test runs
    would change the code digest between builds and every page would be rebuilt."""
    project = building.make_project(dest)
    (project / "generator").unlink()
    shutil.copytree(building.REPO / "generator", project / "generator",
                    ignore=shutil.ignore_patterns("__pycache__"))
    # The search box's theme folder, which the plugin finds beside the generator package.
    shutil.copytree(building.REPO / "overrides", project / "overrides")
    return project


def clean_copy(project: Path, dest: Path) -> Path:
    shutil.copytree(project, dest, ignore=shutil.ignore_patterns(".cache", "site", "__pycache__"))
    return dest


def reused(build: building.Build) -> tuple[int, int]:
    found = REUSED.findall(build.output)
    assert found, f"no page cache line in the build's log:\n{build.output[-2000:]}"
    return int(found[-1][0]), int(found[-1][1])


def assert_same_files(incremental: Path, clean: Path) -> None:
    """Every file of both sites exists in the other with the same bytes."""
    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}

    names = files(clean)
    assert files(incremental) == names
    _, mismatch, errors = filecmp.cmpfiles(incremental, clean, sorted(names), shallow=False)
    assert (mismatch, errors) == ([], [])


def edit_one_article(raw: Path) -> None:
    """A sentence added to the longest line of one text article (in its body, not its chrome)."""
    article = sorted(raw.glob("*.txt"))[0]
    lines = article.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += "双方还同意明年举行第二轮磋商，讨论能源合作问题。"
    article.write_text("\n".join(lines), encoding="utf-8")


def build_both(project: Path, tmp_path: Path, step: str) -> building.Build:
    """The project built with its cache into site-<step>, and a copy without its cache into
    clean-site-<step>, at once; the incremental build."""
    clean = clean_copy(project, tmp_path / f"clean-{step}")
    builds = building.run_builds([(project, tmp_path / f"site-{step}"), (clean, tmp_path / f"clean-site-{step}")])
    for build in builds:
        build.require_ok()
    return builds[0]


def test_incremental_builds_write_the_bytes_of_a_clean_build(tmp_path: Path) -> None:
    project = frozen_project(tmp_path / "project")
    first = building.run_build(project, tmp_path / "site-1").require_ok()
    assert reused(first)[0] == 0

    # One changed article: most pages are reused, and the site is the clean build's.
    edit_one_article(project / "content" / "raw")
    incremental = build_both(project, tmp_path, "2")
    hits, pages = reused(incremental)
    assert pages / 2 < hits < pages
    assert_same_files(tmp_path / "site-2", tmp_path / "clean-site-2")

    # A vocabulary, a page template, the theme and mkdocs.yml changed at once: nothing is reused
    # (the theme and configuration are on every page) and the site is still the clean build's.
    actors = project / "content" / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    template = project / "templates" / "briefing.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")
    theme = project / "overrides" / "main.html"
    theme.write_text(theme.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("# site_url:", "site_url:"), encoding="utf-8")
    incremental = build_both(project, tmp_path, "3")
    assert reused(incremental)[0] == 0
    assert_same_files(tmp_path / "site-3", tmp_path / "clean-site-3")
    assert any(b"<!-- edited -->" in page.read_bytes() for page in (tmp_path / "site-3" / "briefings").rglob("*.html"))


def test_materials_search_index_is_the_same_when_pages_are_reused(tmp_path: Path) -> None:
    """With `search: material` Material's search plugin reads every page's HTML content: a reused
    page hands it the content its conversion gave, and the index equals a clean build's."""
    project = frozen_project(tmp_path / "project")
    yml = project / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    assert "search: pagefind" in text
    yml.write_text(text.replace("search: pagefind", "search: material"), encoding="utf-8")
    building.run_build(project, tmp_path / "site-1").require_ok()
    edit_one_article(project / "content" / "raw")
    incremental = build_both(project, tmp_path, "2")
    assert reused(incremental)[0] > 0
    assert (tmp_path / "site-2" / "search" / "search_index.json").stat().st_size > 0
    assert_same_files(tmp_path / "site-2", tmp_path / "clean-site-2")
