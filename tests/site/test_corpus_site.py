"""A site built from the shared corpus (../shared/corpus/*.txt, real scraped pages), with the
repository's vocabularies: what a reader finds there. The corpus is read in place and copied
only into a temporary project, never into the repository; without it these tests are skipped.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

if TYPE_CHECKING:  # the fixtures' types; never imported at run time
    from conftest import Build, Projects

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"

pytestmark = pytest.mark.corpus


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def corpus_build(projects: Projects) -> Build:
    files = corpus_files()
    if not files:
        pytest.skip(f"no shared corpus at {CORPUS}")
    project = projects.make("corpus-project", raw_files=files)
    return projects.build(project).require_ok()


def actor_entry(project: Path, name_zh: str) -> dict:
    entries = yaml.safe_load((project / "content" / "actors.yaml").read_text(encoding="utf-8"))
    return next(e for e in entries if e.get("name_zh") == name_zh)


def test_every_corpus_article_gets_a_briefing_page(corpus_build: Build) -> None:
    names = [p.name for p in corpus_files()]
    assert len(names) == 4
    statuses = {name: corpus_build.report_by_source[name]["status"] for name in names}
    assert statuses == dict.fromkeys(names, "briefing")
    assert len(corpus_build.briefing_ids) == 4
    for name in names:
        assert corpus_build.file(corpus_build.briefing_url_of(name)).is_file()


def test_lavrov_page_links_the_three_briefings_that_mention_him(corpus_build: Build) -> None:
    lavrov = actor_entry(corpus_build.project, "拉夫罗夫")
    assert lavrov["name"] == "Sergey Lavrov"
    forms = [lavrov["name_zh"], *lavrov.get("aliases", [])]
    mentioning = {corpus_build.briefing_url_of(p.name) for p in corpus_files()
                  if any(form in p.read_text(encoding="utf-8") for form in forms)}
    assert len(mentioning) == 3
    actor_url = f"actors/{lavrov['id']}/"
    listed = {target for target, _ in corpus_build.links(actor_url, "简报")
              if target and re.fullmatch(r"briefings/[^/]+/", target)}
    assert listed == mentioning
    # and each of those briefings links to him
    for url in mentioning:
        assert actor_url in {target for target, _ in corpus_build.links(url, "行为体")}, url


def test_corpus_pages_load_nothing_from_other_hosts(corpus_build: Build) -> None:
    # One corpus article embeds an <img> from an image proxy: it must not reach the page.
    offenders = corpus_build.external_loads()
    assert not offenders, "\n".join(offenders[:30])
