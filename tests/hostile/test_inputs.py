"""Hostile and broken inputs: nothing lost. Every file ends as a briefing (showing its text as
written), a duplicate of one, or `rejected` with a reason naming the problem; the build exits 0
under `--strict`; a broken configuration file stops it with the file and the line.

The inputs and what each must give are catalogued in hostile_inputs.py (`INPUTS`); the project is
built once per session (conftest.py).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from building import REPO
from hostile_inputs import (
    HUGE_BYTES,
    INPUTS_BY_NAME,
    LEADS,
    SHARED,
    TITLES,
    Build,
    HostileProject,
    Input,
    LongLineJob,
    make_project,
    project_files,
    pwned_marker,
    run_builds,
    scrape,
    squash,
)

from generator.build import build
from generator.model import InputStatus
from generator.settings import Settings

ID = re.compile(r"briefings/[a-z0-9][a-z0-9-]*/")


# --- the build ----------------------------------------------------------------------------------------


def test_the_hostile_build_exits_0_under_strict_without_warnings(hostile_build: Build) -> None:
    assert hostile_build.returncode == 0
    warnings = [line for line in hostile_build.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert not warnings, "\n".join(warnings)


def test_every_input_is_in_the_report_exactly_once(hostile_build: Build) -> None:
    raw = sorted(p.relative_to(hostile_build.raw_dir).as_posix() for p in hostile_build.raw_dir.rglob("*")
                 if p.is_file())
    sources = [entry["source"] for entry in hostile_build.report["inputs"]]
    assert sorted(sources) == raw
    assert {entry["status"] for entry in hostile_build.report["inputs"]} <= {s.value for s in InputStatus}


def test_the_report_page_is_a_table_with_one_row_per_input(hostile_build: Build) -> None:
    """Each file name and reason as written (Jinja, pipes, brackets and all), in a table, not a paragraph."""
    rows = [[cell.text_content().strip() for cell in row.iter("td")]
            for row in hostile_build.content("build-report/").iter("tr")]
    rows = [row for row in rows if row]
    expected = [[e["source"], e["status"], e["reason"]] for e in hostile_build.report["inputs"]]
    assert [row[:3] for row in rows] == expected


def test_each_input_ends_as_catalogued(hostile_build: Build, hostile_input: Input) -> None:
    entry = hostile_build.report_by_source[hostile_input.name]
    assert entry["status"] in hostile_input.status.split("|"), entry
    if hostile_input.reason:
        assert re.search(hostile_input.reason, entry["reason"], re.I), entry
    if entry["status"] == "rejected":
        assert entry["url"] is None and len(entry["reason"]) >= 10, entry
    else:
        assert ID.fullmatch(entry["url"] or ""), entry
        assert hostile_build.file(entry["url"]).is_file(), entry


def test_a_briefing_page_shows_the_text_as_written(hostile_build: Build, briefing_input: Input) -> None:
    entry = hostile_build.report_by_source[briefing_input.name]
    assert entry["status"] == "briefing", entry
    shown = squash(hostile_build.content(entry["url"]).text_content())
    for text in briefing_input.shows:
        assert squash(text) in shown, f"{briefing_input.name}: {text!r} is not on {entry['url']}"


# --- encodings, control characters, line endings --------------------------------------------------------


def test_nul_bytes_and_control_characters_never_reach_a_page(hostile_build: Build) -> None:
    for path in hostile_build.html_pages():
        assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", path.read_bytes()), path


@pytest.mark.parametrize(("name", "key"), [("utf8-bom.txt", "bom"), ("gb18030.txt", "gb18030"), ("big5.txt", "big5"),
                                           ("mixed-eol.txt", "eol"), ("nul-bytes.txt", "nul")])
def test_the_headline_is_decoded_whole(hostile_build: Build, name: str, key: str) -> None:
    """No BOM, no mojibake, no stray carriage return or NUL in the title the reader sees."""
    url = hostile_build.report_by_source[name]["url"]
    assert hostile_build.content(url).findtext(".//h1").replace("¶", "").strip() == TITLES[key]


def test_each_line_ending_separates_paragraphs(hostile_build: Build) -> None:
    url = hostile_build.report_by_source["mixed-eol.txt"]["url"]
    paragraphs = [p.text_content().strip() for p in hostile_build.content(url).iter("p")]
    for text in (LEADS["eol"], *SHARED):
        assert text in paragraphs, f"{text!r} is not a paragraph of its own"
    assert b"\r" not in hostile_build.file(url).read_bytes()


def test_a_utf8_file_cut_inside_a_character_is_read_and_says_so(hostile_build: Build) -> None:
    entry = hostile_build.report_by_source["utf8-cut.txt"]
    assert entry["status"] == "briefing" and "undecodable" in entry["reason"]


def test_a_utf8_file_cut_inside_a_character_keeps_everything_before_the_cut(hostile_build: Build) -> None:
    url = hostile_build.report_by_source["utf8-cut.txt"]["url"]
    details = hostile_build.content(url).xpath(".//details")
    before_cut = squash("".join(scrape("cut").rstrip("\n")[:-1].split("\n")[1:]))
    assert before_cut in squash(details[0].text_content())


# --- size and structure --------------------------------------------------------------------------------


def test_a_50_mb_file_is_rejected_naming_its_size_and_the_limit(hostile_build: Build) -> None:
    entry = hostile_build.report_by_source["huge-50mb.txt"]
    assert entry["status"] == "rejected"
    assert f"{HUGE_BYTES / 1e6:.1f} MB" in entry["reason"] and "over the 5 MB limit" in entry["reason"]


def test_a_long_line_without_newline_is_shown_whole(hostile_build: Build) -> None:
    entry = hostile_build.report_by_source["long-line.txt"]
    line = (hostile_build.raw_dir / "long-line.txt").read_text(encoding="utf-8")
    details = hostile_build.content(entry["url"]).xpath(".//details")
    assert details and squash(line) in squash(details[0].text_content())


def test_html_nested_5000_deep_is_a_briefing_or_rejected_for_its_depth(hostile_build: Build) -> None:
    entry = hostile_build.report_by_source["deep-nesting.html"]
    if entry["status"] == "rejected":
        assert re.search(r"nest|depth|deep", entry["reason"], re.I), entry
    else:
        assert squash(LEADS["deep"]) in squash(hostile_build.content(entry["url"]).text_content())


# --- front matter ---------------------------------------------------------------------------------------


def test_yaml_tags_in_front_matter_are_never_executed(hostile_build: Build) -> None:
    assert not pwned_marker(hostile_build.raw_dir).exists()
    assert not Path("/tmp/pwned").exists()
    entry = hostile_build.report_by_source["yaml-tag.md"]
    assert entry["status"] == "briefing" and "python/object/apply" in entry["reason"]


def test_a_path_as_id_gets_a_safe_id_and_writes_nothing_outside_the_site(hostile_build: Build,
                                                                         hostile_project: HostileProject) -> None:
    entry = hostile_build.report_by_source["evil-id.md"]
    assert entry["url"] == "briefings/evil-id/"
    new = project_files(hostile_project.project) - hostile_project.files_before
    written = {path for path in new if not path.startswith(("site/", ".cache/"))}
    assert not written, sorted(written)[:20]
    evil = [p for p in hostile_project.base.rglob("evil")]
    assert not evil and not Path("/etc/evil").exists() and not Path("/tmp/evil").exists(), evil


def test_wrong_types_in_front_matter_are_ignored_by_name(hostile_build: Build) -> None:
    entry = hostile_build.report_by_source["wrong-types.md"]
    assert "'title' ignored" in entry["reason"] and "'date' ignored" in entry["reason"]
    url = entry["url"]
    assert hostile_build.content(url).findtext(".//h1").replace("¶", "").strip() == "南非谈二十国集团峰会议题"


# --- file names and ids -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["with spaces [brackets] (1).txt", "中文文件名.txt", "混合 name [草稿].txt",
                                  "奇怪 {{ 7*7 }} | #1 <b>名字.txt"])
def test_any_file_name_gets_an_ascii_address_and_is_shown_as_written(hostile_build: Build, name: str) -> None:
    entry = hostile_build.report_by_source[name]
    assert entry["status"] == "briefing" and ID.fullmatch(entry["url"])
    assert f"文件 File: {name}" in hostile_build.content(entry["url"]).text_content()
    report = [row for row in hostile_build.content("build-report/").iter("tr")
              if row.findtext("td") is not None and row.find("td").text_content() == name]
    assert len(report) == 1, f"{name} is not one row of the build report"


def test_two_files_with_one_id_both_stay_with_distinct_ids(hostile_build: Build) -> None:
    urls = {hostile_build.report_by_source[name]["url"] for name in ("same-id.txt", "Same ID!.txt")}
    assert len(urls) == 2 and "briefings/same-id/" in urls
    for url in urls:
        assert hostile_build.file(url).is_file()


def test_the_file_named_exactly_as_the_id_keeps_it(hostile_build: Build) -> None:
    assert hostile_build.report_by_source["same-id.txt"]["url"] == "briefings/same-id/"


def test_the_same_article_twice_is_one_briefing_and_a_duplicate(hostile_build: Build) -> None:
    original, copy = hostile_build.report_by_source["copy-a.txt"], hostile_build.report_by_source["copy-b.txt"]
    assert original["status"] == "briefing" and copy["status"] == "duplicate"
    assert copy["url"] == original["url"]
    assert "also collected as copy-b.txt" in hostile_build.content(original["url"]).text_content()


def test_a_file_named_index_leaves_the_briefings_index_alone(hostile_build: Build) -> None:
    assert hostile_build.report_by_source["index.txt"]["url"] != "briefings/index/"
    assert hostile_build.content("briefings/").findtext(".//h1").startswith("全部简报")


def _generate(tmp_path: Path, files: dict[str, str]) -> dict[str, dict]:
    content = tmp_path / "content"
    content.mkdir()
    for path in (REPO / "content").glob("*.yaml"):
        shutil.copy2(path, content / path.name)
    (content / "raw").mkdir()
    for name, text in files.items():
        (content / "raw" / name).write_text(text, encoding="utf-8")
    site = build(Settings(content_dir=content, cache_dir=None, workers=1))
    return {f.source: {"status": f.status.value, "reason": f.reason, "url": f.url} for f in site.fates}


@pytest.mark.parametrize("files", [
    {"index.txt": scrape("index-id")},
    {"note.md": f"---\nid: index\n---\n\n{scrape('index-id')}"},
], ids=["file-index.txt", "front-matter-id-index"])
def test_an_input_whose_id_is_index_does_not_take_the_index_page(tmp_path: Path, files: dict[str, str]) -> None:
    fates = _generate(tmp_path, files)
    (entry,) = fates.values()
    assert entry["status"] == "briefing" and ID.fullmatch(entry["url"]) and entry["url"] != "briefings/index/"


# --- broken configuration --------------------------------------------------------------------------------

# (file, a line to insert after the first line that starts so, which line the message must name: the
# inserted one, or for an entry the schema refuses the line the entry starts on).
BROKEN = {
    "actors-syntax": ("content/actors.yaml", "  aliases: 俄国: 俄罗斯", "- id:", "inserted"),
    "topics-syntax": ("content/topics.yaml", "  label_en: Energy: and oil", "- id:", "inserted"),
    "topics-schema": ("content/topics.yaml", "  colour: red", "- id:", "entry"),
    "mkdocs-syntax": ("mkdocs.yml", "  language: zh: en", "theme:", "inserted"),
}


@pytest.fixture(scope="module")
def broken_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Build, str, int]]:
    """One build per broken file, all at once (each stops while reading its configuration)."""
    jobs, where = [], {}
    for case, (relpath, bad_line, after, named) in BROKEN.items():
        project = make_project(tmp_path_factory.mktemp(case), [INPUTS_BY_NAME["copy-a.txt"]])
        target = project / relpath
        lines = target.read_text(encoding="utf-8").split("\n")
        index = next(i for i, line in enumerate(lines) if line.startswith(after)) + 1
        lines.insert(index, bad_line)
        target.write_text("\n".join(lines), encoding="utf-8")
        jobs.append((project, project / "site"))
        where[case] = (relpath, index + 1 if named == "inserted" else index)  # 1-based line numbers
    builds = run_builds(jobs)
    return {case: (build, *where[case]) for case, build in zip(BROKEN, builds)}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_configuration_file_stops_the_build_naming_file_and_line(
        broken_builds: dict[str, tuple[Build, str, int]], case: str) -> None:
    build, relpath, line = broken_builds[case]
    assert build.returncode != 0, build.output[-2000:]
    name = re.escape(Path(relpath).name)
    said = re.search(rf"{name}:{line}\b|{name}\", line {line}\b", build.output)
    assert said, f"expected {relpath} line {line} in:\n{build.output[-2000:]}"
    assert not (build.site / "index.html").exists()


# --- a 2 MB line (read in the background; this test runs last) ---------------------------------------------


def test_a_2mb_line_becomes_a_briefing_in_bounded_time(long_line_job: LongLineJob) -> None:
    result, problem = long_line_job.result()
    assert result is not None, problem
    assert result["rejection"] is None and result["whole_line_kept"], result
