"""Figure anchors never move: reports link `briefings/<id>/#fig-…`.

`fixtures/example_anchors.json` pins every key figure of the example site (content/raw) as it was
published before issue 14 changed how a figure's measure and extent are read: its briefing, anchor,
text and sentence. Reading that sentence again must give a row that answers to the anchor, as its
own anchor or as an alias kept when a row absorbed another (a change 5 → 9 is one row now).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.extract.figures import find_figures

PINNED = json.loads((Path(__file__).parent / "fixtures" / "example_anchors.json").read_text("utf-8"))["figures"]


def test_the_pin_covers_the_whole_example_site():
    assert len(PINNED) >= 150
    assert len({row["briefing"] for row in PINNED}) >= 10


@pytest.mark.parametrize("row", PINNED, ids=[f"{r['briefing']}:{r['anchor']}" for r in PINNED])
def test_a_published_anchor_still_names_a_row_of_its_sentence(row):
    figures = find_figures([row["sentence"]])
    answering = [f for f in figures if row["anchor"] == f.anchor or row["anchor"] in f.aliases]
    assert answering, (row["text"], [f.text for f in figures])
    assert row["text"] in answering[0].sentence
