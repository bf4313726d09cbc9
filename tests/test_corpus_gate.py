"""The quality gates on the shared real articles (trafilatura's eval_gate.py): extract every
article of a shared set, score it against its gold.yaml with ../shared/tools/score.py's own
functions, and fail when any measure falls below its floor.

Two sets, each with its floors:
- ../shared/corpus (4 articles): tests/corpus_floors.json;
- ../shared/devset/raw (30 articles from 23 outlets, restored by ../shared/devset/restore.py):
  tests/devset_floors.json.

The articles are read where they lie, never copied into this repository; without them the tests
skip.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from generator.export import briefing_record
from generator.process import process_path
from generator.settings import Settings
from generator.vocab import Vocabulary

pytestmark = pytest.mark.corpus

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
SCORER = SHARED / "tools" / "score.py"
# name -> (folder of the raw files, gold file, floors file)
SETS = {
    "corpus": (SHARED / "corpus", SHARED / "corpus" / "gold.yaml", REPO / "tests" / "corpus_floors.json"),
    "devset": (SHARED / "devset" / "raw", SHARED / "devset" / "gold.yaml", REPO / "tests" / "devset_floors.json"),
}


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    if spec is None or spec.loader is None:
        pytest.skip(f"{SCORER} cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_set(name: str, settings: Settings, vocab: Vocabulary) -> dict[str, float]:
    """The mean of each measure over one shared set, as score.py computes it."""
    raw_dir, gold_path, _ = SETS[name]
    if not gold_path.is_file() or not SCORER.is_file() or not raw_dir.is_dir():
        pytest.skip(f"{raw_dir} or its gold or ../shared/tools/score.py is not here")
    score = load_scorer()
    gold = score.normalise_gold(yaml.safe_load(gold_path.read_text(encoding="utf-8")))
    totals: dict[str, list[float]] = {m: [] for m in score.MEASURES}
    for file_name, entry in gold.items():
        path = (raw_dir / file_name).resolve()
        if not path.is_file():
            pytest.skip(f"{path} is missing: restore the set first")
        result = process_path(path, path.parent, settings, vocab)
        assert result.briefing is not None, f"{file_name}: {result.rejection}"
        row: dict[str, Any] = score.score_one(entry, briefing_record(result.briefing))
        for measure in score.MEASURES:
            if row.get(measure) is not None:
                totals[measure].append(row[measure])
    return {m: sum(v) / len(v) for m, v in totals.items() if v}


@pytest.fixture(scope="module")
def measures(settings: Settings, vocab: Vocabulary) -> dict[str, dict[str, float]]:
    return _MeasureCache(settings, vocab)


class _MeasureCache(dict):
    """Scores each set once per test module, when a test first asks for it."""

    def __init__(self, settings: Settings, vocab: Vocabulary) -> None:
        super().__init__()
        self.settings, self.vocab = settings, vocab

    def __missing__(self, name: str) -> dict[str, float]:
        self[name] = score_set(name, self.settings, self.vocab)
        return self[name]


def floors(name: str) -> dict[str, float]:
    path = SETS[name][2]
    return {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if not k.startswith("_")}


@pytest.mark.parametrize(("dataset", "measure"), [(s, m) for s in SETS for m in sorted(floors(s))])
def test_each_measure_stays_above_its_floor(measures: dict[str, dict[str, float]], dataset: str,
                                            measure: str) -> None:
    got = measures[dataset]
    assert measure in got, f"score.py no longer reports {measure}"
    assert got[measure] >= floors(dataset)[measure] - 1e-9, (
        f"{dataset}: {measure} fell to {got[measure]:.3f}, below its floor {floors(dataset)[measure]}")
