"""`python -m generator …`: the commands a user and the quality scorer run."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "raw"
SCORED_FIELDS = {"source", "id", "title", "date", "outlet", "authors", "url", "body", "summary", "figures",
                 "actors", "topics", "quotes"}


def generator(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_extract_prints_one_record_per_input_in_the_scorers_format():
    files = sorted(str(p) for p in FIXTURES.glob("*.txt"))[:3]
    result = generator("extract", *files, "--format", "json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert [r["source"] for r in records] == [Path(f).name for f in files]
    for record in records:
        assert record.keys() >= SCORED_FIELDS
        assert all({"name", "name_zh", "surface"} <= a.keys() for a in record["actors"])
        assert all("text" in f for f in record["figures"])


def test_extract_speaks_yaml_too():
    result = generator("extract", str(sorted(FIXTURES.glob("*.txt"))[0]), "--format", "yaml")
    assert result.returncode == 0
    assert yaml.safe_load(result.stdout)[0]["body"]


def test_extract_reports_an_unreadable_file_and_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    good = sorted(FIXTURES.glob("*.txt"))[0]
    result = generator("extract", str(empty), str(good))
    assert result.returncode == 0
    assert "empty.txt: rejected: file is empty" in result.stderr
    records = json.loads(result.stdout)
    assert records[0] == {"source": "empty.txt", "status": "rejected", "reason": "file is empty"}


def test_explain_shows_every_block_with_its_verdict_and_rule():
    scrape = next(p for p in FIXTURES.glob("*.txt") if "recommend" in p.name)
    result = generator("explain", str(scrape))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert any(" DROP " in line and "recommendation-list" in line for line in lines)
    assert any(" KEEP " in line for line in lines)
    assert lines[1].lstrip().startswith("title")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "content", ignore=shutil.ignore_patterns("raw"))
    (tmp_path / "content" / "raw").mkdir()
    return tmp_path


def test_check_passes_a_valid_content_folder(project):
    shutil.copy(sorted(FIXTURES.glob("*.txt"))[0], project / "content" / "raw")
    result = generator("check", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "actors" in result.stdout and "0 problem(s)" in result.stdout


def test_check_names_the_file_and_line_of_a_broken_config(project):
    with (project / "content" / "topics.yaml").open("a", encoding="utf-8") as handle:
        handle.write("- id: broken\n  label_zh: [unclosed\n")
    result = generator("check", cwd=project)
    assert result.returncode == 2
    assert "topics.yaml:" in result.stderr


def test_check_lists_raw_files_that_cannot_be_read(project):
    (project / "content" / "raw" / "scan.txt").write_bytes(b"%PDF-1.4\n")
    result = generator("check", cwd=project)
    assert result.returncode == 1
    assert "scan.txt: not text: the file is a PDF document" in result.stdout


def test_build_writes_markdown_pages_for_any_static_site_tool(project, tmp_path):
    shutil.copy(sorted(FIXTURES.glob("*.txt"))[0], project / "content" / "raw" / "one.txt")
    out = tmp_path / "pages"
    result = generator("build", "--out", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    assert (out / "briefings" / "one.md").exists() and (out / "index.md").exists()
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    assert report["inputs"] == [{"source": "one.txt", "status": "briefing", "reason": "",
                                 "url": "briefings/one/"}]


def test_unlisted_actors_are_printed_ready_to_paste(project):
    (project / "content" / "raw" / "a.txt").write_text(
        "亚美尼亚前防长萨尔基相周三表示，集安组织没有履行对盟友的承诺，这让埃里温感到失望。\n", encoding="utf-8")
    result = generator("actors", "--unlisted", cwd=project)
    assert result.returncode == 0
    entries = yaml.safe_load(result.stdout)
    assert {"id": "CHOOSE-AN-ASCII-ID", "type": "person", "name": "ENGLISH NAME", "name_zh": "萨尔基相"} in entries
