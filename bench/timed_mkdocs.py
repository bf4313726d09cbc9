"""`mkdocs build` with the generator's stages timed from inside the build.

    python bench/timed_mkdocs.py TIMINGS.json build -f bench/out/corpus-N/mkdocs.yml -d …

Runs MkDocs's own command line (`mkdocs.__main__.cli`) in this process, exactly as the `mkdocs`
script does, after wrapping the generator functions the plugin calls, so that one build tells how
long the generator took (and each of its stages) and how long MkDocs took after it:

* `generate`: `generator.build.build`, the plugin's whole `on_files` work, and inside it `collect`
  (ingest+clean+extract, through the cache and the process pool), `resolve_duplicates`, `link` and
  `build_site` (`site.site_pages`, render)

With `BENCH_DEDUPE_PROBE=1` (`bench/run.py --dedupe-probe`, for the memory of a 5000-article build
in reasonable time) `resolve_duplicates` is replaced by `dedupe_probe`: the same shingle sets are
built and held, but the pairwise Jaccard loop — quadratic, over an hour at 5000 — is skipped, so
only exact copies are found. Every other function is the generator's own.

The wrappers only read clocks: wall time, and CPU time (`<stage>_cpu`: this process plus the
children that ended meanwhile, i.e. the pool's workers in `collect`). Timings (seconds) go to
TIMINGS.json; `after_generate` is the time from the end of `generate` to the end of the build:
MkDocs reading, rendering and writing every page and the search index (`after_generate_cpu`
includes the search processes, which end there). Used by `bench/run.py` for every build, including the bare-Material
ones (where no generator function runs).
"""

from __future__ import annotations

import time

START = time.perf_counter()

import functools  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

# The generator to time: the frozen copy `bench/run.py` made (BENCH_CODE), else the repository's.
CODE = Path(os.environ.get("BENCH_CODE") or Path(__file__).resolve().parent.parent)
if str(CODE) not in sys.path:
    sys.path.insert(0, str(CODE))

TIMES: dict[str, float] = {}
MARKS: dict[str, float] = {}


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the extraction pool's workers
    once the pool is shut down; the search process when the build waits for it at the end)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _timed(module: Any, name: str, label: str | None = None) -> None:
    """Replace `module.name` by a wrapper adding its run time to TIMES[label] and its CPU time
    (`cpu_seconds`) to TIMES[label + "_cpu"]."""
    original: Callable[..., Any] = getattr(module, name)
    key = label or name

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        began, cpu = time.perf_counter(), cpu_seconds()
        try:
            return original(*args, **kwargs)
        finally:
            ended = time.perf_counter()
            TIMES[key] = TIMES.get(key, 0.0) + ended - began
            TIMES[f"{key}_cpu"] = TIMES.get(f"{key}_cpu", 0.0) + cpu_seconds() - cpu
            MARKS[f"{key}_end"] = ended - START
            MARKS[f"{key}_end_cpu"] = cpu_seconds()

    setattr(module, name, wrapper)


def dedupe_probe(results: Any) -> list[Any]:
    """`generator.pipeline.resolve_duplicates` minus its sketch comparisons (memory probe, see above)."""
    from dataclasses import replace

    from generator.duplicates import fingerprint
    from generator.pipeline import keeper_order

    kept: list[Any] = []
    kept_sketches: list[bytes] = []  # held as the real function holds them
    kept_hashes: dict[str, int] = {}
    also: dict[int, list[str]] = {}
    for result in sorted((r for r in results if r.briefing is not None), key=keeper_order):
        print_ = result.fingerprint or fingerprint(result.briefing.article.body)
        match = kept_hashes.get(print_.body_hash)
        if match is not None:
            also.setdefault(match, []).append(result.source)
            continue
        kept_hashes[print_.body_hash] = len(kept)
        kept_sketches.append(print_.sketch)
        kept.append(result.briefing)
    return [replace(b, also_sources=tuple(sorted(also[i]))) if i in also else b for i, b in enumerate(kept)]


def instrument() -> None:
    """Wrap the generator functions where the plugin, `generator.build` and `generator.pipeline` look them up."""
    import generator.build as build
    import generator.pipeline as pipeline

    if os.environ.get("BENCH_DEDUPE_PROBE"):
        pipeline.resolve_duplicates = dedupe_probe

    _timed(pipeline, "collect")
    _timed(pipeline, "resolve_duplicates")
    _timed(pipeline, "resolve_id_collisions")
    _timed(pipeline, "link")
    _timed(build, "site_pages", "build_site")
    _timed(build, "build", "generate")  # imported by name into the plugin when MkDocs loads it: after this


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    instrument()
    imported = time.perf_counter() - START
    from mkdocs.__main__ import cli

    code = 0
    try:
        cli.main(args=argv[1:], prog_name="mkdocs", standalone_mode=False)
    except SystemExit as exc:
        code = int(exc.code or 0)
    except Exception as exc:  # reported, and the build counts as failed
        print(f"timed_mkdocs: build failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        code = 1
    total = time.perf_counter() - START
    result: dict[str, Any] = {"total": total, "instrument": imported, **TIMES, "marks": MARKS}
    if "generate_end" in MARKS:
        result["after_generate"] = total - MARKS["generate_end"]
        result["after_generate_cpu"] = cpu_seconds() - MARKS["generate_end_cpu"]
        result["before_generate"] = MARKS["generate_end"] - TIMES["generate"]
    out.write_text(json.dumps(result, indent=1) + "\n")
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
