"""`mkdocs build` with the generator's stages timed from inside the build.

    python bench/timed_mkdocs.py TIMINGS.json build -f bench/out/corpus-N/mkdocs.yml -d …

Runs MkDocs's own command line (`mkdocs.__main__.cli`) in this process, exactly as the `mkdocs`
script does, after wrapping the generator functions the hook calls, so that one build tells how
long the generator took (and each of its stages) and how long MkDocs took after it:

* `load_vocabulary` (called by the hook's `on_config` and again by `generate`)
* `generate` (the hook's whole `on_files` work), and inside it `collect` (ingest+clean+extract,
  through the cache and the process pool), `resolve_duplicates`, `link` and `build_site` (render)

With `BENCH_DEDUPE_PROBE=1` (`bench/run.py --dedupe-probe`, for the memory of a 5000-article build
in reasonable time) `resolve_duplicates` is replaced by `dedupe_probe`: the same shingle sets are
built and held, but the pairwise Jaccard loop — quadratic, over an hour at 5000 — is skipped, so
only exact copies are found. Every other function is the generator's own.

The wrappers only read a clock. Timings (seconds) go to TIMINGS.json; `after_generate` is the time
from the end of `generate` to the end of the build: MkDocs reading, rendering and writing every
page and the search index. Used by `bench/run.py` for every build, including the bare-Material
ones (where no generator function runs).
"""

from __future__ import annotations

import time

START = time.perf_counter()

import functools  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
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


def _timed(module: Any, name: str, label: str | None = None) -> None:
    """Replace `module.name` by a wrapper adding its run time to TIMES[label]."""
    original: Callable[..., Any] = getattr(module, name)
    key = label or name

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            ended = time.perf_counter()
            TIMES[key] = TIMES.get(key, 0.0) + ended - began
            MARKS[f"{key}_end"] = ended - START

    setattr(module, name, wrapper)


def dedupe_probe(results: Any) -> tuple[list[Any], list[Any]]:
    """`generator.pipeline.resolve_duplicates` minus its pairwise loop (memory probe, see above)."""
    import hashlib
    import re
    from dataclasses import replace

    from generator.model import InputFate, InputStatus
    from generator.pipeline import _shingles

    kept: list[Any] = []
    kept_shingles: list[set[str]] = []  # held as the real function holds them
    kept_hashes: dict[str, int] = {}
    fates: list[Any] = []
    also: dict[int, list[str]] = {}
    for result in sorted(results, key=lambda r: r.source):
        if result.briefing is None:
            fates.append(InputFate(result.source, InputStatus.REJECTED, result.rejection or "rejected"))
            continue
        body = result.briefing.article.body
        match = kept_hashes.get(hashlib.sha256(re.sub(r"\s+", "", body).encode()).hexdigest())
        if match is not None:
            also.setdefault(match, []).append(result.source)
            fates.append(InputFate(result.source, InputStatus.DUPLICATE, f"same article as "
                                   f"{kept[match].article.source}", kept[match].url))
            continue
        kept_hashes[hashlib.sha256(re.sub(r"\s+", "", body).encode()).hexdigest()] = len(kept)
        kept_shingles.append(_shingles(body))
        kept.append(result.briefing)
        fates.append(InputFate(result.source, InputStatus.BRIEFING, "; ".join(result.warnings), result.briefing.url))
    for index, sources in also.items():
        kept[index] = replace(kept[index], also_sources=tuple(sources))
    return kept, fates


def instrument() -> None:
    """Wrap the generator functions where the hook and `generator.site` look them up."""
    import generator.pipeline as pipeline
    import generator.site as site

    if os.environ.get("BENCH_DEDUPE_PROBE"):
        pipeline.resolve_duplicates = dedupe_probe

    _timed(pipeline, "collect")
    _timed(pipeline, "resolve_duplicates")
    _timed(pipeline, "resolve_id_collisions")
    _timed(pipeline, "link")
    _timed(site, "build_site")
    _timed(site, "load_vocabulary", "load_vocabulary_generate")
    _timed(site, "generate")  # imported by name into the hook when MkDocs loads it: after this


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
        result["before_generate"] = MARKS["generate_end"] - TIMES["generate"]
    out.write_text(json.dumps(result, indent=1) + "\n")
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
