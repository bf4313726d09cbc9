"""The same site every time: building the hostile project again, with the per-article cache warm
and again with it cleared, gives byte-identical output (sitemaps aside: MkDocs stamps them)."""

from __future__ import annotations

import shutil

import pytest
from hostile_inputs import Build, HostileProject, run_build


@pytest.fixture(scope="module")
def rebuilds(hostile_build: Build, hostile_project: HostileProject,
             tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    """The first build left its cache: build once more with it, then clear it and build cold."""
    project = hostile_project.project
    cache = project / ".cache"
    assert any(cache.rglob("*.pickle")), "the first build cached nothing"
    warm = run_build(project, tmp_path_factory.mktemp("site-warm"))
    shutil.rmtree(cache)
    cold = run_build(project, tmp_path_factory.mktemp("site-cold"))
    return {"cache warm": warm.require_ok(), "cache cleared": cold.require_ok()}


@pytest.mark.parametrize("how", ["cache warm", "cache cleared"])
def test_building_again_gives_byte_identical_output(hostile_build: Build, rebuilds: dict[str, Build],
                                                    how: str) -> None:
    first, again = hostile_build.tree(), rebuilds[how].tree()
    assert sorted(first) == sorted(again), set(first) ^ set(again)
    differ = [path for path in first if first[path] != again[path]]
    assert not differ, f"{len(differ)} files differ, e.g. {differ[:10]}"


def test_the_report_is_the_same_whatever_the_cache(hostile_build: Build, rebuilds: dict[str, Build]) -> None:
    for build in rebuilds.values():
        assert build.report == hostile_build.report
