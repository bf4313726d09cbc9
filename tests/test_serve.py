"""`mkdocs serve` shows the site `mkdocs build` writes: every file served (the live-reload script
MkDocs adds to each HTML response aside) has the bytes of the built file, before and after an
article is saved; one save starts one rebuild; and serve's first build reuses the pages a build
left in the page cache (generator/serve.py, generator/pagecache.py)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import building
from test_pagecache import REUSED, clean_copy, edit_one_article, frozen_project, reused

from generator.serve import HOLDER_PREFIX, OldSites

LIVE_RELOAD = re.compile(rb"<script>\s*var livereload = function.*?</script>(?=</body>)", re.DOTALL)
WAIT = 300  # seconds for a build under serve; a build of the example project takes well under a minute


class Served:
    """`mkdocs serve` of a project on a free port of 127.0.0.1, and its log as it comes."""

    def __init__(self, project: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                   "-a", f"127.0.0.1:{self.port}"]
        self.proc = subprocess.Popen(
            command, cwd=project, env=building.environment(), text=True, encoding="utf-8", errors="replace",
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, text: str, after: int = 0) -> int:
        """The index of the first log line from `after` on that contains `text`."""
        end = time.monotonic() + WAIT
        while time.monotonic() < end:
            for index in range(after, len(self.lines)):
                if text in self.lines[index]:
                    return index
            if self.proc.poll() is not None:
                time.sleep(0.5)  # the last lines
                break
            time.sleep(0.1)
        raise AssertionError(f"serve never said {text!r}:\n" + "\n".join(self.lines[-40:]))

    def get(self, path: str) -> bytes:
        with urllib.request.urlopen(self.url + path, timeout=60) as reply:
            return reply.read()

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@contextmanager
def serving(project: Path) -> Iterator[Served]:
    served = Served(project)
    try:
        yield served
    finally:
        served.stop()


def page_cache(log: list[str]) -> tuple[int, int]:
    """Pages reused and pages, from the last page cache line of `log`."""
    found = REUSED.findall("\n".join(log))
    assert found, "no page cache line in serve's log:\n" + "\n".join(log[-40:])
    return int(found[-1][0]), int(found[-1][1])


def assert_serves(served: Served, site: Path) -> None:
    """Every file of the built site is served with its bytes (HTML without the live-reload script)."""
    differing = []
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        path = file.relative_to(site).as_posix()
        try:
            body = served.get(path)
        except urllib.error.HTTPError as error:
            differing.append(f"{path}: {error.code}")
            continue
        if path.endswith(".html"):
            body = LIVE_RELOAD.sub(b"", body, count=1)
        if body != file.read_bytes():
            differing.append(path)
    assert differing == []


def test_serve_shows_what_build_writes_and_rebuilds_once_per_save(tmp_path: Path) -> None:
    project = frozen_project(tmp_path / "project")
    built = building.run_build(project, tmp_path / "site-1").require_ok()
    pages = reused(built)[1]
    with serving(project) as served:
        ready = served.wait_for("Serving on")
        # serve renders with mkdocs.yml's site_url, as the build did: every page is the build's
        assert page_cache(served.lines[:ready]) == (pages, pages)
        served.wait_for("search:")  # the Pagefind index follows the pages under serve
        assert_serves(served, tmp_path / "site-1")

        edit_one_article(project / "content" / "raw")
        saved = len(served.lines)
        reloaded = served.wait_for("Reloading browsers", saved)
        served.wait_for("search:", reloaded)
        time.sleep(3)  # six polls of the watcher: a second sighting of the save would start a build by now
        log = served.lines[saved:]
        assert sum("Building documentation" in line for line in log) == 1, "\n".join(log)
        hits, total = page_cache(log)
        assert total / 2 < hits < total
        clean = building.run_build(clean_copy(project, tmp_path / "clean-2"), tmp_path / "site-2").require_ok()
        assert_serves(served, clean.site)


def test_a_build_over_an_earlier_site_leaves_the_new_site_alone_in_its_folder(tmp_path: Path) -> None:
    """`mkdocs build` puts the last site aside too (emptying it file by file took seconds) and has
    deleted it when the command returns: nothing of the old site is left, beside or inside."""
    project = frozen_project(tmp_path / "project")
    site = tmp_path / "out" / "site"
    building.run_build(project, site).require_ok()
    written = sorted(p.relative_to(site) for p in site.rglob("*"))
    (site / "stale.html").write_text("<p>from an older build</p>", encoding="utf-8")
    building.run_build(project, site).require_ok()
    assert [p.name for p in site.parent.iterdir()] == ["site"]
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == written


def test_a_rebuild_starts_from_an_empty_site_folder_and_the_old_site_is_deleted_after(tmp_path: Path) -> None:
    """MkDocs empties the site folder before each build (hidden entries aside); serve's plugin
    moves the old site away whole instead, and deletes it once the new one is written."""
    site = tmp_path / "site"
    (site / "briefings" / "a").mkdir(parents=True)
    (site / "briefings" / "a" / "index.html").write_text("<p>old</p>", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    old = OldSites()
    old.put_aside(site)
    assert [p.name for p in site.iterdir()] == [".nojekyll"]
    assert any(tmp_path.glob("briefings-old-site-*/site/briefings/a/index.html"))
    old.delete()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_an_old_site_left_by_a_stopped_build_is_deleted_by_the_next(tmp_path: Path) -> None:
    """A build killed between putting the old site aside and deleting it leaves the holder beside
    the site folder; the next build deletes it. A fresh one may be another build's, running now,
    and is left alone."""
    site = tmp_path / "site"
    site.mkdir()
    abandoned = tmp_path / f"{HOLDER_PREFIX}killed"
    (abandoned / "site").mkdir(parents=True)
    (abandoned / "site" / "index.html").write_text("<p>old</p>", encoding="utf-8")
    hour_ago = time.time() - 3600
    os.utime(abandoned, (hour_ago, hour_ago))
    running = tmp_path / f"{HOLDER_PREFIX}running"
    running.mkdir()
    old = OldSites()
    old.put_aside(site)
    old.delete()
    assert sorted(p.name for p in tmp_path.iterdir()) == [running.name, "site"]
