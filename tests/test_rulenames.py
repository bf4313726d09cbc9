"""The boilerplate rules that metadata reads back by name are declared once and checked on load: a
rule renamed in `boilerplate.yaml` alone stops the build, naming the rule and where it is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import ConfigError
from generator.rulenames import READ_BY_METADATA
from generator.vocab import load_rules

REPO = Path(__file__).resolve().parents[1]


def rules_yaml(names: list[str]) -> str:
    return "rules:\n" + "".join(f"  - name: {name}\n    catches: a line\n    action: drop\n    patterns: ['^x$']\n"
                                for name in names)


def test_the_projects_boilerplate_defines_every_rule_metadata_reads() -> None:
    names = {rule.name for rule in load_rules(REPO / "content" / "boilerplate.yaml")}
    assert set(READ_BY_METADATA) <= names


def test_a_file_with_every_rule_metadata_reads_loads(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.yaml"
    path.write_text(rules_yaml([*READ_BY_METADATA, "share-bar"]), encoding="utf-8")
    assert [rule.name for rule in load_rules(path)] == [*READ_BY_METADATA, "share-bar"]


def test_renaming_a_rule_metadata_reads_stops_the_load_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.yaml"
    renamed = ["source-credit" if name == "source-line" else name for name in READ_BY_METADATA]
    path.write_text(rules_yaml(renamed), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"source-line missing.*generator/rulenames\.py"):
        load_rules(path)
