"""How long `mkdocs serve` takes to show a changed briefing after its raw file is saved.

    python bench/serve_latency.py bench/out/corpus-1000 [--changes 2] [--port 8765]

Starts `mkdocs serve` on the corpus project (bench/make_corpus.py), waits for its first build
(which fills the page cache for the served site_url), then, `--changes` times: appends a sentence
inside the body of the middle raw article (as bench/run.py's one-changed build does), saves it and
measures until (a) the served briefing page contains the sentence and (b) serve logs that the
rebuild finished and the browsers were told to reload (what a reader sees). The article is
restored afterwards, and the next change waits until serve has been quiet (no build started) for
a few seconds. Prints one JSON object; the 1-minute load average is recorded with each change, as
the machine is shared, and so are the CPU seconds serve's process spent from the save to the
reload (Linux: /proc; children it has waited for included).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from run import one_article_changed  # noqa: E402

READY = "Serving on"
BUILDING = "Building documentation"
QUIET = 5.0  # seconds without a build starting: serve is done with a change
RELOADED = "Reloading browsers"
TIMELINE = ("generator:", "search:", "page cache", "built in", RELOADED)
ADDITION = "外界普遍认为，这一表态将在未来数周内继续发酵。"  # what run.one_article_changed writes


class Log:
    """serve's output, line by line, with the time each line arrived."""

    def __init__(self, stream: object) -> None:
        self.lines: list[tuple[float, str]] = []
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self.lines.append((time.perf_counter(), line.rstrip()))

    def wait_for(self, text: str, after: float, timeout: float) -> float | None:
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            for at, line in list(self.lines):
                if at >= after and text in line:
                    return at
            time.sleep(0.05)
        return None


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU time of a process and the children it has waited for (Linux only)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def wait_quiet(log: Log, timeout: float = 600) -> None:
    """Until no build has started for QUIET seconds and the last one has finished."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        lines = list(log.lines)
        starts = [at for at, line in lines if BUILDING in line]
        last_start = starts[-1] if starts else 0.0
        # a rebuild ends with the reload; the first build, which reloads no browser, with READY
        finished = any(at >= last_start and (RELOADED in line or READY in line) for at, line in lines) or not starts
        if finished and time.perf_counter() - max(last_start, lines[-1][0] if lines else 0.0) >= QUIET:
            return
        time.sleep(0.2)
    raise RuntimeError("serve never became quiet:\n" + "\n".join(line for _, line in log.lines[-30:]))


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as reply:
            return reply.read().decode("utf-8", "replace")
    except OSError:
        return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("project", type=Path)
    parser.add_argument("--changes", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    project = args.project.resolve()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
           "-a", f"127.0.0.1:{args.port}"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=project, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    log = Log(proc.stdout)
    result: dict[str, object] = {"project": str(project), "changes": []}
    try:
        ready = log.wait_for(READY, started, 1800)
        if ready is None:
            raise RuntimeError("serve did not start:\n" + "\n".join(line for _, line in log.lines[-30:]))
        result["first_build_s"] = round(ready - started, 1)
        result["first_build"] = [line.split("-  ", 1)[-1] for at, line in log.lines if "page cache" in line][:1]
        for _ in range(args.changes):
            wait_quiet(log)
            load = os.getloadavg()[0]
            cpu_before = cpu_seconds(proc.pid)
            path, before = one_article_changed(project)
            saved = time.perf_counter()
            url = f"http://127.0.0.1:{args.port}/briefings/{path.stem}/"
            shown = None
            while time.perf_counter() - saved < 300:
                page = fetch(url)
                if page is not None and ADDITION in page:
                    shown = time.perf_counter()
                    break
                time.sleep(0.1)
            reloaded = log.wait_for(RELOADED, saved, 300)
            cpu_after = cpu_seconds(proc.pid)
            result["changes"].append({  # type: ignore[union-attr]
                "file": path.name, "load": round(load, 1),
                "cpu_s": None if cpu_before is None or cpu_after is None else round(cpu_after - cpu_before, 1),
                "page_shows_change_s": None if shown is None else round(shown - saved, 1),
                "reload_sent_s": None if reloaded is None else round(reloaded - saved, 1),
                # when serve said what (s after the save): generator, Pagefind, pages, whole build
                "timeline": [(round(at - saved, 1), line.split("-  ", 1)[-1]) for at, line in log.lines
                             if at >= saved and any(word in line for word in TIMELINE)],
            })
            wait_quiet(log)  # a second build for the same save would have started by now
            result["changes"][-1]["builds_started"] = sum(  # type: ignore[index]
                at >= saved and BUILDING in line for at, line in log.lines)
            path.write_bytes(before)
            log.wait_for(RELOADED, time.perf_counter(), 300)  # the restore's rebuild
        wait_quiet(log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
