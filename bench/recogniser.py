"""What the statistical actor recogniser (generator/extract/recogniser.py) costs extraction.

    python bench/recogniser.py [--size 300] [--repeat 3]

Runs ingest+clean+extract (`generator.process.process_path`) over the articles of
`bench/out/corpus-N/content/raw` (made by `bench/make_corpus.py` if missing) one by one in this
process, on one core, with the cache off: once with `Settings.recogniser` off (the rules alone),
once with it on. The ONNX session runs with one thread. Each configuration gets one warm-up call
first (actor matcher, OpenCC, jieba, the LAC model) and is timed `--repeat` times; the best
round is reported, with CPU time beside wall time because the machine is shared. It also counts
the characters the recogniser read and the unlisted actors it added.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.extract import recogniser as recogniser_module  # noqa: E402
from generator.ingest import list_raw_files  # noqa: E402
from generator.process import process_path  # noqa: E402
from generator.settings import default_settings  # noqa: E402
from generator.vocab import load_vocabulary  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = ROOT / "bench" / "out" / f"corpus-{args.size}"
    if not corpus.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--sizes", str(args.size)],
                       check=True)
    base = replace(default_settings(corpus), cache_dir=None)
    vocab = load_vocabulary(base)
    paths = list_raw_files(base.raw_dir)
    read = [0]
    recognise = recogniser_module.recognise

    def counting(text: str, spans):  # type: ignore[no-untyped-def]
        spans = list(spans)
        read[0] += sum(end - start for start, end in spans)
        return recognise(text, spans)

    print(f"{len(paths)} articles, {sum(p.stat().st_size for p in paths) / len(paths):.0f} bytes on average, "
          f"load {os.getloadavg()[0]:.1f}")
    for on in (False, True):
        settings = replace(base, recogniser=on)
        began = time.perf_counter()
        process_path(paths[0], settings.raw_dir, settings, vocab)
        warmup = time.perf_counter() - began
        best = None
        for _ in range(args.repeat):
            read[0] = 0
            sys.modules["generator.extract"].recognise = counting  # type: ignore[attr-defined]
            wall0, cpu0 = time.perf_counter(), time.process_time()
            results = [process_path(p, settings.raw_dir, settings, vocab) for p in paths]
            wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
            sys.modules["generator.extract"].recognise = recognise  # type: ignore[attr-defined]
            if best is None or wall < best[0]:
                best = (wall, cpu, read[0], results)
        assert best is not None
        wall, cpu, chars, results = best
        unlisted = sum(1 for r in results if r.briefing for m in r.briefing.actors if not m.actor.listed)
        print(f"recogniser {'on ' if on else 'off'}: {len(paths) / wall:6.1f} articles/s wall, "
              f"{len(paths) / cpu:6.1f} /s CPU ({wall / len(paths) * 1000:.1f} ms an article); warm-up {warmup:.2f} s; "
              f"recogniser read {chars} characters ({chars / len(paths):.0f} an article); "
              f"{unlisted} unlisted actor mentions in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
