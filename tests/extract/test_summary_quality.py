"""The summariser against the lead-3 baseline, on reference summaries written for our own examples.

ROUGE-L over characters (Chinese has no spaces to split on), as ../shared/tools/score.py reports.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.extract.sentences import split_sentences
from generator.model import BlockKind
from generator.process import process_path
from generator.settings import Settings

REPO = Path(__file__).resolve().parents[2]
REFERENCES = yaml.safe_load((REPO / "tests" / "fixtures" / "summary_references.yaml").read_text(encoding="utf-8"))


def rouge_l(candidate: str, reference: str) -> float:
    a, b = "".join(candidate.split()), "".join(reference.split())
    if not a or not b:
        return 0.0
    previous = [0] * (len(b) + 1)
    for char in a:
        current = [0]
        for j, other in enumerate(b):
            current.append(previous[j] + 1 if char == other else max(previous[j + 1], current[j]))
        previous = current
    lcs = previous[-1]
    if not lcs:
        return 0.0
    precision, recall = lcs / len(a), lcs / len(b)
    return 2 * precision * recall / (precision + recall)


@pytest.fixture(scope="module")
def scores(vocab) -> list[tuple[float, float]]:
    settings = Settings(content_dir=REPO / "content")
    out = []
    for name, reference in REFERENCES.items():
        path = REPO / "content" / "raw" / name
        briefing = process_path(path, path.parent, settings, vocab).briefing
        assert briefing is not None
        paragraphs = "\n".join(b.text for b in briefing.article.body_blocks if b.kind is BlockKind.PARAGRAPH)
        lead = split_sentences(paragraphs)[: len(reference)]
        out.append((rouge_l("".join(briefing.summary), "".join(reference)), rouge_l("".join(lead), "".join(reference))))
    return out


def test_the_summary_beats_the_lead_baseline_on_average(scores):
    ours = sum(s for s, _ in scores) / len(scores)
    lead = sum(baseline for _, baseline in scores) / len(scores)
    assert ours >= lead, f"summary ROUGE-L {ours:.3f} < lead-3 {lead:.3f}"


def test_the_summary_takes_only_sentences_of_the_body(vocab):
    settings = Settings(content_dir=REPO / "content")
    for path in sorted((REPO / "content" / "raw").iterdir()):
        briefing = process_path(path, path.parent, settings, vocab).briefing
        if briefing is None:
            continue
        paragraphs = [b.text for b in briefing.article.body_blocks if b.kind is not BlockKind.HEADING]
        for sentence in briefing.summary:
            assert any(sentence in text for text in paragraphs), (path.name, sentence)
            assert sentence not in briefing.article.captions
