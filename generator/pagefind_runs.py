"""Pagefind's runs for one search index, in a process that holds nothing else.

`search.run_job` segments every briefing's page first (jieba's dictionary, every document: some
600 MB at 10 000 briefings) and then replaces its own process image with this module
(`os.execv`), so that none of that memory is still held while Pagefind runs beside MkDocs: each
Pagefind run takes some 700 MB of its own (about 0.47 MB per briefing of a shard), and the two
together had made the build's process tree 2.7 GiB at 10 000 articles. The same process id goes
on, so `search.PendingIndex` waits for and cancels it as before.

This module imports the standard library only, and `python -m generator.pagefind_runs` loads
no more of the package than its `__init__` and `settings` (its other modules load jieba and the
extraction code: 100 MB before anything is done). What to do comes from
`JOB/plan.json` (`PLAN`), written by `run_job`, steps in order:

* `{"copy": STORED, "out": OUT}`: a shard whose pages are all kept, copied from the cache;
* `{"pages": PAGES, "out": OUT, "store": STORED or null}`: Pagefind over PAGES into OUT, then
  PAGES removed and OUT stored in the cache (copied beside, then renamed: whole or not at all);
* then `"moves"` (`[from, to]`: files made before, such as the character table) and `"write"`
  (`[path, text]`: the manifest).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

PLAN = "plan.json"
NESTED_SHARDS = "shards"  # older shards live inside the newest one's output: not part of its stored copy


def _die_with_this_process() -> None:
    """Linux: Pagefind gets SIGKILL when this process dies. A cancelled index (`mkdocs serve`
    rebuilding before the last index is done) kills this process only; Pagefind, left without a
    parent, went on for good (a few hundred MB each, one per cancelled index). Elsewhere nothing."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def run_plan(job: Path) -> int:
    """Every step of `job/plan.json`; Pagefind's exit status when a run fails, else 0."""
    plan = json.loads((job / PLAN).read_text(encoding="utf-8"))
    for step in plan["steps"]:
        out = Path(step["out"])
        if "copy" in step:
            shutil.copytree(step["copy"], out)
            continue
        done = subprocess.run([plan["binary"], "--site", step["pages"], "--output-path", str(out), "--quiet"],
                              stdin=subprocess.DEVNULL, check=False,
                              preexec_fn=_die_with_this_process if sys.platform == "linux" else None)
        if done.returncode != 0:
            return done.returncode
        shutil.rmtree(step["pages"])
        if step.get("store"):
            stored = Path(step["store"])
            partial = stored.with_name(f"{stored.name}.{os.getpid()}.tmp")
            shutil.rmtree(partial, ignore_errors=True)
            shutil.copytree(out, partial, ignore=shutil.ignore_patterns(NESTED_SHARDS))
            partial.rename(stored)
    for source, target in plan.get("moves", []):
        shutil.move(source, target)
    for path, text in plan.get("write", []):
        Path(path).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(run_plan(Path(sys.argv[1])))
