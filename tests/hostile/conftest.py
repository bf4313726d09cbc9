"""Fixtures for the hostile-input tests: the hostile project built once per session with
`mkdocs build --strict` (cold cache), and the 2 MB line read in a background process.

The inputs themselves, and the helpers to build and read a project, are in hostile_inputs.py.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from building import REPO, environment
from hostile_inputs import (
    INPUTS,
    LONG_LINE_BYTES,
    LONG_LINE_DEADLINE,
    LONG_LINE_SCRIPT,
    LONG_LINE_TEST,
    Build,
    HostileProject,
    Input,
    LongLineJob,
    long_line,
    make_project,
    project_files,
    run_build,
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`hostile_input` is every catalogued input; `briefing_input` those that must become briefings."""
    def param(item: Input):
        marks = [pytest.mark.xfail(reason=item.xfail, strict=True)] if item.xfail else []
        return pytest.param(item, id=item.name, marks=marks)

    if "hostile_input" in metafunc.fixturenames:
        metafunc.parametrize("hostile_input", [param(i) for i in INPUTS])
    if "briefing_input" in metafunc.fixturenames:
        metafunc.parametrize("briefing_input", [param(i) for i in INPUTS if i.status == "briefing"])


_HOSTILE = pytest.StashKey[tuple[HostileProject, Build]]()


@pytest.fixture(scope="session")
def hostile_project_and_build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                              ) -> tuple[HostileProject, Build]:
    if _HOSTILE not in request.config.stash:
        if _wants_long_line(request.session):  # start it now: it runs beside the build
            start_long_line_job(request.config, tmp_path_factory.mktemp("long-line"))
        project = make_project(tmp_path_factory.mktemp("hostile-project"))
        info = HostileProject(project, project_files(project), tmp_path_factory.getbasetemp())
        request.config.stash[_HOSTILE] = (info, run_build(project))
    return request.config.stash[_HOSTILE]


@pytest.fixture(scope="session")
def hostile_build(hostile_project_and_build: tuple[HostileProject, Build]) -> Build:
    """The hostile project built once with `mkdocs build --strict` (cold cache)."""
    return hostile_project_and_build[1].require_ok()


@pytest.fixture(scope="session")
def hostile_project(hostile_project_and_build: tuple[HostileProject, Build]) -> HostileProject:
    return hostile_project_and_build[0]


_LONG_LINE = pytest.StashKey[LongLineJob]()


def start_long_line_job(config: pytest.Config, folder: Path) -> LongLineJob:
    if _LONG_LINE not in config.stash:
        raw = folder / "raw"
        raw.mkdir(parents=True)
        (raw / "long-line.txt").write_bytes(long_line(LONG_LINE_BYTES))
        proc = subprocess.Popen([sys.executable, "-c", LONG_LINE_SCRIPT, str(raw), str(REPO / "content")],
                                cwd=folder, env=environment(), text=True, encoding="utf-8", errors="replace",
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        watchdog = threading.Timer(LONG_LINE_DEADLINE + 5, proc.kill)
        watchdog.daemon = True
        watchdog.start()
        config.stash[_LONG_LINE] = LongLineJob(proc, time.monotonic())
    return config.stash[_LONG_LINE]


def _wants_long_line(session: pytest.Session) -> bool:
    return any(item.name == LONG_LINE_TEST for item in getattr(session, "items", ()))


@pytest.fixture(scope="session")
def long_line_job(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> LongLineJob:
    return start_long_line_job(request.config, tmp_path_factory.mktemp("long-line"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The 2 MB line's test runs last: by then its background process has had its time."""
    last = [item for item in items if item.name == LONG_LINE_TEST]
    for item in last:
        items.remove(item)
        items.append(item)
