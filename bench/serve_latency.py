"""How long `mkdocs serve` takes to show a changed briefing after its raw file is saved.

    python bench/serve_latency.py bench/out/corpus-1000 [--changes 2] [--port 8765]
    python bench/serve_latency.py A B --code CODE_A CODE_B   # two servers, changes taking turns

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
from typing import Any

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


class Served:
    """One `mkdocs serve` of a project (with `code` first on its PYTHONPATH when given) and its log."""

    def __init__(self, project: Path, port: int, code: Path | None) -> None:
        self.project, self.port = project, port
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
        if code is not None:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(code), env.get("PYTHONPATH"))))
        cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(cmd, cwd=project, env=env, text=True, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        self.log = Log(self.proc.stdout)
        self.result: dict[str, Any] = {"project": str(project), "code": str(code or ""), "changes": []}

    def ready(self) -> None:
        ready = self.log.wait_for(READY, self.started, 1800)
        if ready is None:
            raise RuntimeError("serve did not start:\n" + "\n".join(line for _, line in self.log.lines[-30:]))
        self.result["first_build_s"] = round(ready - self.started, 1)
        first = [line.split("-  ", 1)[-1] for _, line in self.log.lines if "page cache" in line]
        self.result["first_build"] = first[:1]
        wait_quiet(self.log)

    def change(self) -> None:
        """One article changed, timed until it is shown, then restored; serve is quiet again after."""
        log = self.log
        load = os.getloadavg()[0]
        cpu_before = cpu_seconds(self.proc.pid)
        path, before = one_article_changed(self.project)
        saved = time.perf_counter()
        url = f"http://127.0.0.1:{self.port}/briefings/{path.stem}/"
        shown = None
        while time.perf_counter() - saved < 300:
            page = fetch(url)
            if page is not None and ADDITION in page:
                shown = time.perf_counter()
                break
            time.sleep(0.1)
        reloaded = log.wait_for(RELOADED, saved, 300)
        cpu_after = cpu_seconds(self.proc.pid)
        change: dict[str, Any] = {
            "file": path.name, "load": round(load, 1),
            "cpu_s": None if cpu_before is None or cpu_after is None else round(cpu_after - cpu_before, 1),
            "page_shows_change_s": None if shown is None else round(shown - saved, 1),
            "reload_sent_s": None if reloaded is None else round(reloaded - saved, 1),
            # when serve said what (s after the save): generator, Pagefind, pages, whole build
            "timeline": [(round(at - saved, 1), line.split("-  ", 1)[-1]) for at, line in log.lines
                         if at >= saved and any(word in line for word in TIMELINE)],
        }
        if reloaded is None:  # a failed rebuild: serve says why, and answers no page until the next one
            change["log_tail"] = [line for _, line in log.lines[-60:]]
        wait_quiet(log)  # a second build for the same save would have started by now
        change["builds_started"] = sum(at >= saved and BUILDING in line for at, line in log.lines)
        self.result["changes"].append(change)
        path.write_bytes(before)
        log.wait_for(RELOADED, time.perf_counter(), 300)  # the restore's rebuild
        wait_quiet(log)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("projects", type=Path, nargs="+")
    parser.add_argument("--code", type=Path, nargs="*", default=[],
                        help="a frozen copy of the code for each project, in the same order (A/B in one run)")
    parser.add_argument("--changes", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if args.code and len(args.code) != len(args.projects):
        parser.error("give one --code per project")
    codes = args.code or [None] * len(args.projects)
    served: list[Served] = []
    try:
        for i, (project, code) in enumerate(zip(args.projects, codes, strict=True)):
            served.append(Served(project.resolve(), args.port + i, code.resolve() if code else None))
            served[-1].ready()  # first builds one after the other
        for _ in range(args.changes):  # the projects take turns, so each change meets the same load
            for one in served:
                one.change()
    finally:
        for one in served:
            one.stop()
    print(json.dumps([one.result for one in served] if len(served) > 1 else served[0].result,
                     ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
