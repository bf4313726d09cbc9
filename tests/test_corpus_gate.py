"""The quality gate on the shared corpus (trafilatura's eval_gate.py): extract every article of
../shared/corpus, score it against gold.yaml with ../shared/tools/score.py's own functions, and fail
when any measure falls below its floor in tests/corpus_floors.json.

The corpus is read where it lies, never copied into this repository; without it the test skips.
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
CORPUS = REPO / ".." / "shared" / "corpus"
SCORER = REPO / ".." / "shared" / "tools" / "score.py"
FLOORS = REPO / "tests" / "corpus_floors.json"


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    if spec is None or spec.loader is None:
        pytest.skip(f"{SCORER} cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def measures(settings: Settings, vocab: Vocabulary) -> dict[str, float]:
    gold_path = CORPUS / "gold.yaml"
    if not gold_path.is_file() or not SCORER.is_file():
        pytest.skip("../shared/corpus or ../shared/tools/score.py is not here")
    score = load_scorer()
    gold = score.normalise_gold(yaml.safe_load(gold_path.read_text(encoding="utf-8")))
    totals: dict[str, list[float]] = {m: [] for m in score.MEASURES}
    for name, entry in gold.items():
        path = (CORPUS / name).resolve()
        result = process_path(path, path.parent, settings, vocab)
        assert result.briefing is not None, f"{name}: {result.rejection}"
        row: dict[str, Any] = score.score_one(entry, briefing_record(result.briefing))
        for measure in score.MEASURES:
            if row.get(measure) is not None:
                totals[measure].append(row[measure])
    return {m: sum(v) / len(v) for m, v in totals.items() if v}


def floors() -> dict[str, float]:
    return {k: v for k, v in json.loads(FLOORS.read_text(encoding="utf-8")).items() if not k.startswith("_")}


@pytest.mark.parametrize("measure", sorted(floors()))
def test_the_corpus_measure_stays_above_its_floor(measures: dict[str, float], measure: str) -> None:
    assert measure in measures, f"score.py no longer reports {measure}"
    assert measures[measure] >= floors()[measure] - 1e-9, (
        f"{measure} fell to {measures[measure]:.3f}, below its floor {floors()[measure]}")
