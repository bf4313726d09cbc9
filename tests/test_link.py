"""The corpus: indexes by actor and topic, related briefings, who appears with whom, months."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from builders import BELARUS, CHINA, ENERGY, LUKASHENKO, RUSSIA, TRADE, briefing

from generator.link import link


def test_briefings_are_listed_newest_first_with_undated_last():
    corpus = link([briefing("a", "2025-01-05"), briefing("b", None), briefing("c", "2025-03")], [], [])
    assert [b.id for b in corpus.briefings] == ["c", "a", "b"]
    assert [m for m, _ in corpus.months] == ["2025-03", "2025-01"]
    assert [b.id for b in corpus.undated] == ["b"]


def test_every_actor_page_lists_the_briefings_that_concern_it():
    corpus = link([briefing("a", actors=(CHINA, RUSSIA)), briefing("b", actors=(RUSSIA,))], [], [])
    assert sorted(b.id for b in corpus.by_actor["russia"]) == ["a", "b"]
    assert [b.id for b in corpus.by_actor["china"]] == ["a"]


def test_actors_seen_together_are_counted_per_briefing():
    corpus = link([briefing("a", actors=(CHINA, RUSSIA)), briefing("b", actors=(CHINA, RUSSIA, BELARUS))], [], [])
    together = {other.id: n for other, n in corpus.co_actors["russia"]}
    assert together == {"china": 2, "belarus": 1}


def test_related_briefings_share_rare_actors_before_common_ones():
    everyone = (CHINA, RUSSIA)
    briefings = [
        briefing("target", actors=(*everyone, LUKASHENKO), topics=(ENERGY,)),
        briefing("shares-rare-actor", actors=(LUKASHENKO,)),
        briefing("shares-common-actors", actors=everyone),
        briefing("shares-nothing", actors=(BELARUS,), topics=(TRADE,)),
        briefing("filler-1", actors=everyone),
        briefing("filler-2", actors=everyone),
    ]
    related = [b.id for b in link(briefings, [ENERGY, TRADE], []).related["target"]]
    assert related[0] == "shares-rare-actor"
    assert "shares-nothing" not in related
    assert "target" not in related


def test_closeness_in_time_breaks_ties():
    briefings = [
        briefing("target", "2025-03-01", actors=(LUKASHENKO,)),
        briefing("week-later", "2025-03-08", actors=(LUKASHENKO,)),
        briefing("year-later", "2026-03-01", actors=(LUKASHENKO,)),
    ]
    assert [b.id for b in link(briefings, [], []).related["target"]] == ["week-later", "year-later"]


def test_the_same_briefings_in_any_order_give_the_same_corpus():
    items = [briefing(f"b{i}", f"2025-0{1 + i % 9}-01", actors=(CHINA, RUSSIA) if i % 2 else (BELARUS,))
             for i in range(9)]
    first, second = link(items, [ENERGY], []), link(list(reversed(items)), [ENERGY], [])
    assert [b.id for b in first.briefings] == [b.id for b in second.briefings]
    assert {k: [b.id for b in v] for k, v in first.related.items()} == {
        k: [b.id for b in v] for k, v in second.related.items()}


def test_related_briefings_are_the_same_whatever_python_s_hash_seed(tmp_path):
    # Two equally rare actors with 100 briefings each: the 150-candidate cap must take them in an
    # order that does not depend on set iteration, which changes with PYTHONHASHSEED.
    script = tmp_path / "related.py"
    script.write_text(
        "from builders import BELARUS, RUSSIA, briefing\n"
        "from generator.link import link\n"
        "items = [briefing('x', '2025-06-15', actors=(BELARUS, RUSSIA))]\n"
        "items += [briefing(f'b{i:03d}', f'2025-{1 + i % 12:02d}-01', actors=(BELARUS,)) for i in range(100)]\n"
        "items += [briefing(f'r{i:03d}', f'2025-{1 + i % 12:02d}-01', actors=(RUSSIA,)) for i in range(100)]\n"
        "print([b.id for b in link(items, [], []).related['x']])\n")
    tests_dir = Path(__file__).parent
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": f"{tests_dir}{os.pathsep}{tests_dir.parent}"}
        outputs.add(subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True,
                                   check=True).stdout)
    assert len(outputs) == 1
