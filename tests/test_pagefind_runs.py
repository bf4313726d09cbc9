"""The lean process that runs Pagefind for a search index (generator/pagefind_runs.py): it follows
the plan the segmenting process wrote, a failed run is reported, never stored as a kept shard, and
it stays lean (none of the generator's heavy modules loaded)."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

from generator import pagefind_runs


def fake_pagefind(folder: Path, body: str) -> Path:
    """A stand-in for the Pagefind binary: a shell script given `--site PAGES --output-path OUT --quiet`."""
    script = folder / "pagefind"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def write_plan(job: Path, binary: Path, steps: list[dict[str, str | None]], **extra: object) -> None:
    (job / pagefind_runs.PLAN).write_text(json.dumps({"binary": str(binary), "steps": steps, **extra}),
                                          encoding="utf-8")


def test_steps_run_in_order_and_a_fresh_shard_is_stored_as_pagefind_wrote_it(tmp_path: Path) -> None:
    # the fake indexes by copying the pages: the output then shows what it was given
    binary = fake_pagefind(tmp_path, 'mkdir -p "$4" && cp -r "$2"/. "$4"/')
    kept = tmp_path / "kept-older"
    kept.mkdir()
    (kept / "older.txt").write_text("kept shard", encoding="utf-8")
    pages = tmp_path / "pages-1"
    pages.mkdir()
    (pages / "page.html").write_text("newest", encoding="utf-8")
    bundle = tmp_path / "bundle"
    store = tmp_path / "store" / "newest"
    store.parent.mkdir()
    table = tmp_path / "t2s"
    table.mkdir()
    write_plan(tmp_path, binary, [{"pages": str(pages), "out": str(bundle), "store": str(store)},
                                  {"copy": str(kept), "out": str(bundle / "shards" / "0")}],
               moves=[[str(table), str(bundle / "t2s")]], write=[[str(bundle / "manifest.json"), "{}\n"]])

    assert pagefind_runs.run_plan(tmp_path) == 0
    assert (bundle / "page.html").read_text(encoding="utf-8") == "newest"
    assert (bundle / "shards" / "0" / "older.txt").read_text(encoding="utf-8") == "kept shard"
    assert (bundle / "t2s").is_dir() and (bundle / "manifest.json").read_text(encoding="utf-8") == "{}\n"
    assert not pages.exists()  # the segmented pages go once indexed
    assert sorted(p.name for p in store.iterdir()) == ["page.html"]  # the kept older shard is not in it


def test_a_failed_pagefind_run_gives_its_status_and_stores_nothing(tmp_path: Path) -> None:
    binary = fake_pagefind(tmp_path, "exit 3")
    pages = tmp_path / "pages-0"
    pages.mkdir()
    store = tmp_path / "store" / "shard"
    store.parent.mkdir()
    write_plan(tmp_path, binary, [{"pages": str(pages), "out": str(tmp_path / "bundle"), "store": str(store)}],
               write=[[str(tmp_path / "manifest.json"), "{}\n"]])

    assert pagefind_runs.run_plan(tmp_path) == 3
    assert list(store.parent.iterdir()) == []  # a later build does not take a half-made shard for a kept one
    assert not (tmp_path / "manifest.json").exists()


def test_the_runner_loads_neither_jieba_nor_the_extraction_code() -> None:
    # it runs beside MkDocs and Pagefind at the build's peak: its memory is the reason it exists
    probe = ("import sys; import generator.pagefind_runs; "
             "print(sorted(m for m in sys.modules if m == 'jieba' or m.startswith(('generator.', 'cn2an'))))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['generator.pagefind_runs', 'generator.settings']"
