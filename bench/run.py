"""Benchmark of the generator and of the `mkdocs build` it runs in, at 100 to 5000 articles.

    python bench/run.py --sizes 100 1000            # stages, builds, bare Material, results JSON
    python bench/run.py --sizes 1000 --profile 1000  # … and cProfile of the 1000 builds
    python bench/run.py --report                     # Markdown tables from bench/out/results-*.json
    python bench/run.py --code HEAD …                # measure a commit instead of the working tree

The generator measured is a frozen copy (`bench/out/code-<pid>/`, one per run, of the working tree or of a git
revision): the run re-executes itself with `BENCH_CODE` and `PYTHONPATH` pointing at it, and the
corpus's mkdocs.yml names the hook inside it, so edits made to generator/ while a run lasts do
not change what it measures. A copy that fails on the repo's own examples stops the run.

For each size N (corpus made by `bench/make_corpus.py` if missing):

1. Stages, in this process, with the cache off (`Settings.cache_dir=None`):
   ingest+clean+extract of every article one by one on one core (`generator.process.process_path`,
   after one warm-up call that pays for lazy set-up: actor matcher, OpenCC); the same through
   `generator.cache.cached_results`, i.e. the process pool on every core; `resolve_duplicates` +
   `resolve_id_collisions` (`generator.pipeline`), `generator.link.link` and
   `generator.site.site_pages` (render).
2. `mkdocs build -f bench/out/corpus-N/mkdocs.yml`, each in a subprocess run through
   `bench/timed_mkdocs.py` (MkDocs's own CLI plus clocks around the generator's functions):
   *cold* (the project's `.cache/generator` removed), *warm* (cache full) and *one changed* (one
   article's text edited — a sentence appended — then restored). Measured: wall time, CPU time,
   peak memory as `ru_maxrss` of the build's process tree (from `os.wait4`, i.e. what
   `getrusage(RUSAGE_CHILDREN)` reports, for this one build: the largest single process) and the
   summed RSS of the build's process tree sampled every 0.2 s (main process plus pool workers),
   site size, search index size, pages.
3. A bare Material build (`bench/out/bare-N/`): N plain Markdown pages as long as the generated
   briefing pages, the same mkdocs.yml minus the hook, same small nav and `not_in_nav` idea.
4. With `--profile N`: `python -m cProfile -m mkdocs build` of the cold and warm build, and a
   cProfile of the serial extraction; `pstats` top 25 by cumulative and by own time go to
   `bench/out/profile-N-*.txt`.

The machine is shared: every measurement records the 1-minute load average when it started, and
CPU time is reported next to wall time because it is far less sensitive to other load.
Long builds print a progress line every 30 s. Results: `bench/out/results-N.json`.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import os
import platform
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
# One frozen copy per run (the process id survives the re-execution below): two helpers' runs at
# once must not replace each other's code in the middle of a build. Removed when the run ends.
CODE_DIR = OUT / f"code-{os.getpid()}"


FROZEN = ("generator", "templates", "overrides", "content", "mkdocs.yml")  # code and the project files it reads


def freeze_code(spec: str) -> dict[str, Any]:
    """Copy the generator package, templates, content/ and mkdocs.yml into bench/out/code-<pid>: the
    working tree's (`worktree`) or a commit's (`git archive`, read-only). Other engineers edit the
    repo while a run lasts an hour; every stage, build and profile of one run uses this one copy,
    and the corpora get their vocabularies, pages and mkdocs.yml from it too (vocabularies of one
    revision with code of another would also invalidate the per-article cache between runs)."""
    if CODE_DIR.exists():
        shutil.rmtree(CODE_DIR)
    CODE_DIR.mkdir(parents=True)
    if spec == "worktree":
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        for name in FROZEN:
            if not (REPO / name).exists():
                continue
            if (REPO / name).is_dir():
                shutil.copytree(REPO / name, CODE_DIR / name, ignore=ignore)
            else:
                shutil.copy2(REPO / name, CODE_DIR / name)
    else:
        present = [name for name in FROZEN  # overrides/ is younger than some commits worth measuring
                   if subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", f"{spec}:{name}"]).returncode == 0]
        archive = subprocess.run(["git", "-C", str(REPO), "archive", spec, *present],
                                 check=True, capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(CODE_DIR, filter="data")
    digest = hashlib.sha256()
    for path in sorted(p for p in CODE_DIR.rglob("*") if p.is_file()):
        digest.update(path.relative_to(CODE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    git = ["git", "-C", str(REPO)]
    def git_out(*args: str) -> str:
        return subprocess.run([*git, *args], capture_output=True, text=True).stdout.strip()

    info = {
        "spec": spec,
        "commit": git_out("rev-parse", "--short", "HEAD" if spec == "worktree" else spec),
        "head": git_out("rev-parse", "--short", "HEAD"),
        "uncommitted": git_out("status", "--short", *FROZEN).splitlines() if spec == "worktree" else [],
        "sha256": digest.hexdigest()[:16],
    }
    (CODE_DIR / "FROZEN.json").write_text(json.dumps(info, indent=1) + "\n")
    return info


def _bootstrap() -> None:
    """First call of `python bench/run.py`: freeze the code, then run again on that copy."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--code", default="worktree")
    parser.add_argument("--report", action="store_true")
    args, _ = parser.parse_known_args()
    if args.report:
        return
    OUT.mkdir(parents=True, exist_ok=True)
    info = freeze_code(args.code)
    (OUT / "code.json").write_text(json.dumps(info, indent=1) + "\n")
    path = os.environ.get("PYTHONPATH")
    env = {**os.environ, "BENCH_CODE": str(CODE_DIR),
           "PYTHONPATH": os.pathsep.join([str(CODE_DIR), *([path] if path else [])])}
    os.execve(sys.executable, [sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]], env)


if __name__ == "__main__" and not os.environ.get("BENCH_CODE"):
    _bootstrap()

CODE = Path(os.environ.get("BENCH_CODE") or REPO)
for entry in (BENCH, CODE):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from make_corpus import Maker, copy_project, make_corpus, read_pool, replace_top_level  # noqa: E402

from generator.cache import cached_results  # noqa: E402
from generator.ingest import list_raw_files  # noqa: E402
from generator.link import link  # noqa: E402
from generator.pipeline import fates, resolve_duplicates, resolve_id_collisions  # noqa: E402
from generator.process import FileResult, process_path  # noqa: E402
from generator.settings import Settings, default_settings  # noqa: E402
from generator.site import site_pages  # noqa: E402
from generator.vocab import Vocabulary, load_vocabulary  # noqa: E402

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
HEARTBEAT_S = 30.0
TIMELINE_STEP_S = 1.0
BUILD_KINDS = ("cold", "warm", "changed")
MiB = 2**20


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# ----------------------------------------------------------------------------------------------
# Machine


def machine() -> dict[str, Any]:
    """nproc, CPU model, RAM, Python and package versions, load when the run started."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = int(line.split()[1]) * 1024
    except OSError:
        pass
    from importlib.metadata import version

    return {
        "nproc": os.cpu_count(), "cpu": cpu, "ram_gib": round(ram / 2**30, 1), "python": platform.python_version(),
        "platform": platform.platform(), "mkdocs": version("mkdocs"), "mkdocs-material": version("mkdocs-material"),
        "loadavg": os.getloadavg(),
    }


# ----------------------------------------------------------------------------------------------
# Stages in process


def smoke_test() -> list[str]:
    """Unexpected failures (exceptions, not rejections) of the frozen code on its own examples."""
    settings = replace(default_settings(CODE), cache_dir=None)
    vocab = load_vocabulary(settings)
    results = [process_path(p, settings.raw_dir, settings, vocab) for p in list_raw_files(settings.raw_dir)]
    return [f"{r.source}: {r.rejection}" for r in results if (r.rejection or "").startswith("could not be processed")]


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stage_bench(root: Path) -> dict[str, Any]:
    """Time ingest+clean+extract per article (one core, then the pool), dedupe, link and render."""
    settings = replace(default_settings(root), cache_dir=None)
    load = os.getloadavg()[0]
    began = time.perf_counter()
    vocab = load_vocabulary(settings)
    vocab_s = time.perf_counter() - began
    paths = list_raw_files(settings.raw_dir)
    began = time.perf_counter()
    process_path(paths[0], settings.raw_dir, settings, vocab)  # lazy set-up: matcher, OpenCC, …
    warmup_s = time.perf_counter() - began

    log(f"  extraction, one core: {len(paths)} articles")
    per_article: list[float] = []
    per_form: dict[str, list[float]] = {}
    results: list[FileResult] = []
    cpu0 = time.process_time()
    for number, path in enumerate(paths, 1):
        began = time.perf_counter()
        result = process_path(path, settings.raw_dir, settings, vocab)
        spent = time.perf_counter() - began
        per_article.append(spent)
        form = result.briefing.article.form.value if result.briefing else "rejected"
        per_form.setdefault(form, []).append(spent)
        results.append(result)
        if number % 500 == 0:
            log(f"    {number}/{len(paths)}")
    serial_cpu = time.process_time() - cpu0
    serial_s = sum(per_article)
    sizes = [p.stat().st_size for p in paths]

    workers = settings.workers or (os.cpu_count() or 1)
    log(f"  extraction, process pool ({workers} workers)")
    cpu0 = _cpu_children()
    began = time.perf_counter()
    pooled = cached_results(paths, settings.raw_dir, settings, vocab)
    pool_s = time.perf_counter() - began
    pool_cpu = _cpu_children() - cpu0
    assert [r.source for r in pooled] == [r.source for r in results]

    began = time.perf_counter()
    briefings = resolve_id_collisions(resolve_duplicates(results))
    dedupe_s = time.perf_counter() - began

    began = time.perf_counter()
    corpus = link(briefings, vocab.topics, fates(results, briefings), settings)
    link_s = time.perf_counter() - began

    log("  render")
    began = time.perf_counter()
    pages = site_pages(corpus, settings)
    render_s = time.perf_counter() - began
    briefing_pages = [text for path, text in pages.items()
                      if path.startswith("briefings/") and path != "briefings/index.md"]
    statuses = Counter(f.status.value for f in corpus.fates)
    return {
        "loadavg": load, "articles": len(paths), "bytes_mean": round(statistics.mean(sizes)),
        "load_vocabulary_s": vocab_s, "warmup_s": warmup_s,
        "extract_serial_s": serial_s, "extract_serial_cpu_s": serial_cpu,
        "extract_per_article_ms": {"mean": 1000 * statistics.mean(per_article),
                                   "median": 1000 * statistics.median(per_article),
                                   "p95": 1000 * sorted(per_article)[int(0.95 * (len(per_article) - 1))],
                                   "max": 1000 * max(per_article)},
        "extract_per_form_ms": {form: round(1000 * statistics.mean(v), 2) for form, v in sorted(per_form.items())},
        "articles_per_s_one_core": len(paths) / serial_s,
        "articles_per_s_one_core_cpu": len(paths) / serial_cpu,
        "extract_pool_s": pool_s, "extract_pool_cpu_s": pool_cpu, "workers": workers,
        "articles_per_s_pool": len(paths) / pool_s,
        "pool_speedup": serial_s / pool_s,
        "dedupe_s": dedupe_s, "link_s": link_s, "render_s": render_s,
        "statuses": dict(statuses), "pages": len(pages), "briefing_pages": len(briefing_pages),
        "actor_pages": sum(p.startswith("actors/") for p in pages) - 1,
        "briefing_page_bytes_mean": round(statistics.mean(len(t.encode()) for t in briefing_pages)),
        "pages_bytes": sum(len(t.encode()) for t in pages.values()),
    }


# ----------------------------------------------------------------------------------------------
# Builds in subprocesses


def tree_rss(root: int) -> int:
    """Summed resident memory (bytes) of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += process_rss(pid)
        stack.extend(children.get(pid, ()))
    return total


def process_rss(pid: int) -> int:
    """Resident memory (bytes) of one process; 0 once it has gone."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return 0


def memory_by_stage(build: dict[str, Any]) -> dict[str, float]:
    """Highest sampled RSS (MiB) of the main build process during each generator stage and after it,
    from the build's memory timeline and the stage end marks of bench/timed_mkdocs.py."""
    inside, timeline = build.get("inside", {}), build.get("timeline", [])
    marks = inside.get("marks", {})
    windows = {}
    for stage in ("collect", "resolve_duplicates", "link", "build_site"):
        end = marks.get(f"{stage}_end")
        if end is not None:
            windows[stage] = (end - inside[stage], end)
    if "generate_end" in marks:
        windows["mkdocs after generator"] = (marks["generate_end"], inside["total"])
    def highest(start: float, end: float) -> float:
        inside_ = [main for t, main, _ in timeline if start <= t <= end]
        if inside_:
            return max(inside_)
        after = [main for t, main, _ in timeline if t >= start]  # a stage shorter than one sample
        return after[0] if after else 0.0

    return {stage: highest(start, end) for stage, (start, end) in windows.items()}


def run_measured(cmd: list[str], label: str, cwd: Path, log_path: Path) -> dict[str, Any]:
    """Run `cmd`, output to `log_path`; wall and CPU time, ru_maxrss of its tree, sampled tree RSS."""
    load = os.getloadavg()[0]
    log(f"  {label}: start (load {load:.1f})")
    began = time.perf_counter()
    beat = began + HEARTBEAT_S
    peak = 0
    timeline: list[tuple[float, float, float]] = []  # (s since start, main process MiB, whole tree MiB)
    with log_path.open("w") as output:
        proc = subprocess.Popen(cmd, stdout=output, stderr=subprocess.STDOUT, cwd=cwd)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            tree = tree_rss(proc.pid)
            peak = max(peak, tree)
            now = time.perf_counter()
            if not timeline or now - began >= timeline[-1][0] + TIMELINE_STEP_S:
                timeline.append((round(now - began, 1), round(process_rss(proc.pid) / MiB), round(tree / MiB)))
            if now >= beat:
                log(f"    … {label}: {now - began:.0f} s, memory of the build now {peak / MiB:.0f} MiB at most")
                beat += HEARTBEAT_S
            time.sleep(0.2)
    wall = time.perf_counter() - began
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        tail = log_path.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"{label} failed ({proc.returncode}); end of {log_path}:\n{tail}")
    result = {"loadavg": load, "wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
              "maxrss_mib": usage.ru_maxrss / 1024, "tree_rss_peak_mib": peak / MiB, "timeline": timeline}
    log(f"  {label}: {wall:.1f} s wall, {result['cpu_s']:.1f} s CPU, maxrss {result['maxrss_mib']:.0f} MiB, "
        f"tree {result['tree_rss_peak_mib']:.0f} MiB")
    return result


def site_metrics(site: Path) -> dict[str, Any]:
    files = [p for p in site.rglob("*") if p.is_file()]
    search = site / "search" / "search_index.json"
    return {"site_bytes": sum(p.stat().st_size for p in files), "site_files": len(files),
            "html_pages": sum(p.suffix == ".html" for p in files),
            "search_index_bytes": search.stat().st_size if search.exists() else 0}


def timed_build(config: Path, label: str) -> dict[str, Any]:
    """One `mkdocs build` of `config` through bench/timed_mkdocs.py, with the generator's stage times."""
    logs = OUT / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    timings = logs / f"{label}.json"
    site = OUT / "sites" / config.parent.name
    cmd = [sys.executable, str(BENCH / "timed_mkdocs.py"), str(timings), "build", "-f", str(config), "-d", str(site)]
    result = run_measured(cmd, label, config.parent, logs / f"{label}.log")
    result["inside"] = json.loads(timings.read_text())
    result.update(site_metrics(site))
    return result


def one_article_changed(root: Path) -> tuple[Path, bytes]:
    """Append a sentence to the middle article (by name); returns the file and its old bytes."""
    paths = list_raw_files(root / "content" / "raw")
    path = paths[len(paths) // 2]
    before = path.read_bytes()
    text = before.decode()
    addition = "外界普遍认为，这一表态将在未来数周内继续发酵。"
    if "</section>" in text:
        changed = text.replace("</section>", f"<p>{addition}</p></section>", 1)
    elif (page_end := '</div>\n<div class="share-bar">') in text:
        changed = text.replace(page_end, f"<p>{addition}</p>\n{page_end}", 1)
    else:
        changed = text.rstrip("\n") + f"\n\n{addition}\n"
    path.write_bytes(changed.encode())
    return path, before


def builds(root: Path, size: int, repeat: int, kinds: tuple[str, ...] = BUILD_KINDS) -> dict[str, Any]:
    """Cold, warm and one-changed builds (those of `kinds`) of the corpus project at `root`."""
    config = root / "mkdocs.yml"
    cache = root / ".cache"
    out: dict[str, Any] = {}
    if "cold" in kinds or not cache.exists():
        if cache.exists():
            shutil.rmtree(cache)
        out["cold"] = timed_build(config, f"corpus-{size}-cold")
    out["warm"] = [timed_build(config, f"corpus-{size}-warm-{i}") for i in range(repeat if "warm" in kinds else 0)]
    changed = []
    for i in range(repeat if "changed" in kinds else 0):
        path, before = one_article_changed(root)
        try:
            changed.append(timed_build(config, f"corpus-{size}-changed-{i}"))
        finally:
            path.write_bytes(before)
        changed[-1]["changed_file"] = path.name
    if changed:
        out["changed"] = changed
    if not out["warm"]:
        del out["warm"]
    return out


# ----------------------------------------------------------------------------------------------
# Bare Material


def make_bare(size: int, page_bytes: int, seed: int = 7) -> Path:
    """`bench/out/bare-N/`: N plain pages of `page_bytes` each and the repo's mkdocs.yml minus the generator."""
    root = OUT / f"bare-{size}"
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    (docs / "briefings").mkdir(parents=True)
    shutil.copytree(CODE / "content" / "pages" / "assets", docs / "assets")
    vocab = load_vocabulary(default_settings(CODE))
    maker = Maker(read_pool(), vocab, seed)
    index = ["# 简报 Briefings", ""]
    for number in range(size):
        article = maker.article(number)
        lines = [f"# {article.title}", "", f"{article.date.isoformat()} · {article.outlet}", ""]
        blocks = list(article.blocks)
        while len("\n".join(lines).encode()) < page_bytes:
            kind, text = blocks[len(lines) % len(blocks)]
            lines += [f"## {text}" if kind == "h" else text, ""]
        name = f"page-{number:05d}.md"
        (docs / "briefings" / name).write_text("\n".join(lines), encoding="utf-8")
        index.append(f"- [{article.title}]({name})")
    (docs / "briefings" / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    (docs / "index.md").write_text(f"# 首页 Home\n\n{size} plain pages: [简报 Briefings](briefings/index.md)\n",
                                   encoding="utf-8")
    text = (CODE / "mkdocs.yml").read_text(encoding="utf-8")
    text = replace_top_level(text, "plugins", "plugins:\n  - search:\n      lang:\n        - zh\n        - en\n")
    text = replace_top_level(text, "watch", None)
    text = replace_top_level(text, "docs_dir", "docs_dir: docs\n")
    text = replace_top_level(text, "site_dir", "site_dir: site\n")
    text = replace_top_level(text, "nav", "nav:\n  - 首页 Home: index.md\n  - 简报 Briefings: briefings/index.md\n")
    text = replace_top_level(text, "not_in_nav", "not_in_nav: |\n  /briefings/*.md\n")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    return root


# ----------------------------------------------------------------------------------------------
# Profiles


def pstats_text(prof: Path, title: str) -> str:
    out = io.StringIO()
    stats = pstats.Stats(str(prof), stream=out)
    stats.strip_dirs()
    out.write(f"## {title}: top 25 by cumulative time\n")
    stats.sort_stats("cumulative").print_stats(25)
    out.write(f"\n## {title}: top 25 by own time (tottime)\n")
    stats.sort_stats("tottime").print_stats(25)
    return out.getvalue()


def profile(root: Path, size: int, settings: Settings, vocab: Vocabulary) -> None:
    """cProfile of the cold and warm `mkdocs build` and of serial extraction; text to bench/out."""
    config = root / "mkdocs.yml"
    site = OUT / "sites" / f"profile-{size}"
    cache = root / ".cache"
    for kind in ("cold", "warm"):
        if kind == "cold" and cache.exists():
            shutil.rmtree(cache)
        prof = OUT / f"profile-{size}-{kind}.prof"
        cmd = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs", "build", "-f", str(config),
               "-d", str(site)]
        run_measured(cmd, f"profile-{size}-{kind}", root, OUT / "logs" / f"profile-{size}-{kind}.log")
        (OUT / f"profile-{size}-{kind}.txt").write_text(pstats_text(prof, f"mkdocs build, {size} articles, {kind}"))
    log(f"  profile of serial extraction, {size} articles")
    paths = list_raw_files(settings.raw_dir)
    process_path(paths[0], settings.raw_dir, settings, vocab)
    profiler = cProfile.Profile()
    profiler.enable()
    for path in paths:
        process_path(path, settings.raw_dir, settings, vocab)
    profiler.disable()
    prof = OUT / f"profile-{size}-extract.prof"
    profiler.dump_stats(str(prof))
    (OUT / f"profile-{size}-extract.txt").write_text(
        pstats_text(prof, f"process_path over {size} articles, one core"))


# ----------------------------------------------------------------------------------------------
# Report


def _row(name: str, build: dict[str, Any]) -> str:
    inside = build.get("inside", {})
    gen = inside.get("generate")
    gen_cell = f"{gen:.1f}" if gen is not None else "—"
    after = inside.get("after_generate")
    after_cell = f"{after:.1f}" if after is not None else "—"
    return (f"| {name} | {build['wall_s']:.1f} | {build['cpu_s']:.1f} | {gen_cell} | {after_cell} | "
            f"{build['maxrss_mib']:.0f} | {build['tree_rss_peak_mib']:.0f} | {build['site_bytes'] / MiB:.1f} | "
            f"{build['search_index_bytes'] / MiB:.1f} | {build['html_pages']} | {build['loadavg']:.1f} |")


def report(paths: list[Path]) -> str:
    """Markdown tables of the results files."""
    out = []
    for path in paths:
        data = json.loads(path.read_text())
        size = data["size"]
        out.append(f"### {size} articles\n")
        stages = data.get("stages")
        if stages:
            per = stages["extract_per_article_ms"]
            out += [
                "| stage | time | rate |", "|---|---|---|",
                f"| load vocabulary | {stages['load_vocabulary_s']:.2f} s | |",
                f"| first article (lazy set-up) | {stages['warmup_s']:.2f} s | |",
                f"| ingest+clean+extract, one core | {stages['extract_serial_s']:.1f} s "
                f"(CPU {stages['extract_serial_cpu_s']:.1f} s) | {stages['articles_per_s_one_core']:.0f} articles/s; "
                f"mean {per['mean']:.1f} ms, median {per['median']:.1f}, p95 {per['p95']:.1f}, max {per['max']:.0f} |",
                f"| ingest+clean+extract, pool of {stages['workers']} | {stages['extract_pool_s']:.1f} s "
                f"(workers' CPU {stages['extract_pool_cpu_s']:.1f} s) | {stages['articles_per_s_pool']:.0f} "
                f"articles/s, ×{stages['pool_speedup']:.2f} |",
                f"| resolve_duplicates + id collisions | {stages['dedupe_s']:.2f} s | |",
                f"| link | {stages['link_s']:.2f} s | |",
                f"| render (build_site) | {stages['render_s']:.2f} s | {stages['pages']} pages, "
                f"{stages['pages_bytes'] / MiB:.1f} MiB of Markdown |",
                "",
                f"Per form (ms/article): {stages['extract_per_form_ms']}; inputs: {stages['statuses']}; "
                f"mean input {stages['bytes_mean']} bytes; briefing page Markdown mean "
                f"{stages['briefing_page_bytes_mean']} bytes.",
                "",
            ]
        builds_ = data.get("builds")
        if builds_:
            chosen = [("cold", builds_["cold"])] if "cold" in builds_ else []
            chosen += [(f"warm #{i + 1}", b) for i, b in enumerate(builds_.get("warm", []))]
            chosen += [(f"one changed #{i + 1}", b) for i, b in enumerate(builds_.get("changed", []))]
            out += ["| build | wall s | CPU s | generator s | MkDocs after generator s | maxrss MiB | "
                    "tree RSS MiB | site MiB | search index MiB | HTML pages | load |",
                    "|---|---|---|---|---|---|---|---|---|---|---|"]
            out += [_row(name, b) for name, b in chosen]
            if data.get("bare"):
                out.append(_row("bare Material", data["bare"]))
            out.append("")
            stage_names = ("load_vocabulary_generate", "collect", "resolve_duplicates", "link", "build_site")
            probe = " (dedupe probe: pairwise loop skipped)" if data.get("dedupe_probe") else ""
            out += [f"Inside the builds{probe} (s): " + "; ".join(
                f"{name}: " + ", ".join(f"{k} {b['inside'].get(k, 0):.2f}" for k in stage_names)
                for name, b in chosen), ""]
            with_cpu = [(name, b["inside"]) for name, b in chosen if "collect_cpu" in b.get("inside", {})]
            out += ["CPU inside the builds (s; collect includes the pool's workers, MkDocs the search "
                    "processes): " + "; ".join(
                        f"{name}: " + ", ".join(f"{k} {inside.get(f'{k}_cpu', 0):.2f}"
                                                for k in (*stage_names[1:], "after_generate"))
                        for name, inside in with_cpu), ""] if with_cpu else []
            memory = [(name, memory_by_stage(b)) for name, b in chosen if b.get("timeline")]
            out += ["Main process RSS, highest per stage (MiB): " + "; ".join(
                f"{name}: " + ", ".join(f"{k} {v:.0f}" for k, v in stages_.items())
                for name, stages_ in memory if stages_), ""] if memory else []
    return "\n".join(out)


# ----------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=1, help="warm, one-changed and bare builds per size")
    parser.add_argument("--profile", type=int, nargs="*", default=[], metavar="N", help="sizes to profile")
    parser.add_argument("--skip-stages", action="store_true")
    parser.add_argument("--skip-builds", action="store_true")
    parser.add_argument("--skip-bare", action="store_true")
    parser.add_argument("--builds", nargs="+", choices=BUILD_KINDS, default=list(BUILD_KINDS),
                        help="which corpus builds to run (a cold one first anyway when there is no cache)")
    parser.add_argument("--dedupe-probe", action="store_true",
                        help="builds skip resolve_duplicates' pairwise loop (memory at 5000; see timed_mkdocs.py)")
    parser.add_argument("--report", action="store_true", help="print Markdown tables of bench/out/results-*.json")
    parser.add_argument("--code", default="worktree",
                        help="generator code to measure: the working tree (default) or a git revision (HEAD, …)")
    args = parser.parse_args(argv)
    if args.report:
        files = sorted(OUT.glob("results-*.json"), key=lambda p: int(p.stem.split("-")[1]))
        print(report(files))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    if args.dedupe_probe:
        os.environ["BENCH_DEDUPE_PROBE"] = "1"  # read by bench/timed_mkdocs.py in every build
    frozen = CODE / "FROZEN.json"  # this run's copy (bench/out/code.json is the last run's, maybe another's)
    code = json.loads(frozen.read_text()) if frozen.exists() else {"spec": "repo"}
    log(f"generator code: {code} from {CODE}")
    broken = smoke_test()
    if broken:
        log("the generator fails on the repo's own examples; measure a commit instead (--code HEAD):\n  "
            + "\n  ".join(broken))
        return 2
    (OUT / "machine.json").write_text(json.dumps(machine(), indent=1) + "\n")
    for size in args.sizes:
        log(f"size {size}: corpus")
        root = make_corpus(size, args.seed)
        copy_project(root)  # vocabularies, pages and mkdocs.yml of the frozen revision; hook inside it
        results_path = OUT / f"results-{size}.json"
        data: dict[str, Any] = json.loads(results_path.read_text()) if results_path.exists() else {}
        data.update({"size": size, "seed": args.seed, "code": code,
                     "corpus": json.loads((root / "corpus.json").read_text())})
        if not args.skip_stages:
            log(f"size {size}: stages")
            data["stages"] = stage_bench(root)
            results_path.write_text(json.dumps(data, indent=1) + "\n")
        if not args.skip_builds:
            log(f"size {size}: mkdocs builds")
            data["builds"] = {**data.get("builds", {}), **builds(root, size, args.repeat, tuple(args.builds))}
            data["dedupe_probe"] = args.dedupe_probe
            results_path.write_text(json.dumps(data, indent=1) + "\n")
        if not args.skip_bare:
            page_bytes = data.get("stages", {}).get("briefing_page_bytes_mean", 8000)
            log(f"size {size}: bare Material, {size} pages of {page_bytes} bytes")
            bare = make_bare(size, page_bytes, args.seed)
            runs = [timed_build(bare / "mkdocs.yml", f"bare-{size}-{i}") for i in range(args.repeat)]
            data["bare"] = min(runs, key=lambda r: r["wall_s"])
            data["bare_runs"] = runs
            results_path.write_text(json.dumps(data, indent=1) + "\n")
        if size in args.profile:
            log(f"size {size}: profiles")
            settings = replace(default_settings(root), cache_dir=None)
            profile(root, size, settings, load_vocabulary(settings))
        log(f"size {size}: done → {results_path.relative_to(REPO)}")
    print(report([OUT / f"results-{s}.json" for s in args.sizes]))
    if CODE.parent == OUT and CODE.name.startswith("code-"):
        shutil.rmtree(CODE, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
