"""Pages and links kept across builds (generator/markdown_cache.py, `link.find_links`): after any
change to the articles or the vocabulary, a build that reads back what it can gives the same
pages and data files as a clean build, and after one article changes it renders only the pages
that show that article."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator import markdown_cache
from generator import site as site_module
from generator.build import Site, build
from generator.link import LINKS_FOLDER, LinkEntries
from generator.markdown_cache import FOLDER, site_digest
from generator.settings import Settings
from generator.stories import Story

REPO = Path(__file__).resolve().parents[1]
STORIES = REPO / "tests" / "fixtures" / "stories"  # five events told three times each, and distractors


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project of the story fixtures, built once with the cache: every test starts from a copy."""
    root = tmp_path_factory.mktemp("built")
    content = root / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns("raw", "pages"))
    shutil.copytree(STORIES, content / "raw", ignore=shutil.ignore_patterns("*.yaml"))
    build(settings_of(root))
    return root


def settings_of(root: Path) -> Settings:
    # the rules alone: these tests are about what is kept, not what is recognised
    return Settings(content_dir=root / "content", cache_dir=root / "cache", workers=1, recogniser=False)


@pytest.fixture
def project(built_once: Path, tmp_path: Path) -> Settings:
    shutil.copytree(built_once, tmp_path / "p")
    return settings_of(tmp_path / "p")


def clean_build(settings: Settings) -> Site:
    """The same articles' results, and every page and link found anew (nothing of either kept)."""
    fresh = settings.cache_dir.parent / "clean-cache"
    shutil.copytree(settings.cache_dir, fresh, ignore=shutil.ignore_patterns(FOLDER, LINKS_FOLDER))
    return build(replace(settings, cache_dir=fresh))


def assert_same_as_clean(site: Site, settings: Settings) -> None:
    clean = clean_build(settings)
    assert site.pages.keys() == clean.pages.keys()
    assert [p for p in site.pages if site.pages[p] != clean.pages[p]] == []
    assert site.files == clean.files


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def one_per_item(site: Site) -> set[str]:
    """The pages of single briefings, actors, topics and outlets: those a changed article may leave alone."""
    corpus = site.corpus
    return {x.address.source for x in (*corpus.briefings, *corpus.actors, *corpus.topics, *corpus.outlets)}


def test_an_unchanged_project_renders_no_page_of_one_item_again(project: Settings) -> None:
    site = build(project)
    assert not one_per_item(site) & site.rendered
    assert_same_as_clean(site, project)


def test_a_sentence_added_to_one_account_shows_and_renders_only_the_pages_that_show_it(project: Settings) -> None:
    sentence = "外界普遍认为，这一表态将在未来数周内继续发酵。"
    (project.raw_dir / "kazan-dw.md").write_text((project.raw_dir / "kazan-dw.md").read_text(encoding="utf-8")
                                                 + f"\n{sentence}\n", encoding="utf-8")
    site = build(project)
    changed = next(b for b in site.corpus.briefings if b.article.source == "kazan-dw.md")
    assert sentence in site.pages[changed.address.source]
    assert changed.address.source in site.rendered
    unrelated = [b for b in site.corpus.briefings if b.id != changed.id
                 and changed not in site.corpus.related.get(b.id, ())
                 and site.corpus.story_of.get(b.id) is not site.corpus.story_of.get(changed.id)]
    assert unrelated and not any(b.address.source in site.rendered for b in unrelated)
    assert_same_as_clean(site, project)


def test_a_new_figure_in_a_large_collection(project: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above these sizes figures get a page per topic and briefings a page per month."""
    monkeypatch.setattr(site_module, "LIST_ALL_FIGURES", 1)
    monkeypatch.setattr(site_module, "LIST_ALL_BRIEFINGS", 1)
    build(project)
    (project.raw_dir / "tariff-people.md").write_text(
        (project.raw_dir / "tariff-people.md").read_text(encoding="utf-8")
        + "\n据统计，今年前两个月双边贸易额同比下降了百分之十二。\n", encoding="utf-8")
    site = build(project)
    assert sum(p.startswith("figures/") for p in site.pages) > 1
    assert_same_as_clean(site, project)


def test_a_new_headline_reaches_every_page_that_lists_the_briefing(project: Settings) -> None:
    edit(project.raw_dir / "alaska-bbc.md", "title: 特普会在安克雷奇结束 未宣布乌克兰停火",
         "title: 阿拉斯加峰会：普京与特朗普会晤三小时未达成协议")
    site = build(project)
    assert any("阿拉斯加峰会：普京与特朗普会晤三小时未达成协议" in page
               for path, page in site.pages.items() if path.startswith("actors/"))
    assert_same_as_clean(site, project)


def test_removing_an_account_of_a_story(project: Settings) -> None:
    (project.raw_dir / "jeddah-zaobao.md").unlink()
    assert_same_as_clean(build(project), project)


def test_a_copy_of_an_article_is_listed_on_its_page(project: Settings) -> None:
    shutil.copy(project.raw_dir / "hague-xinhua.md", project.raw_dir / "hague-xinhua 副本.md")
    site = build(project)
    assert any("hague-xinhua 副本.md" in page for page in site.pages.values())
    assert_same_as_clean(site, project)


def test_an_article_that_names_other_actors(project: Settings) -> None:
    (project.raw_dir / "x-kursk-advance.md").write_text(
        (project.raw_dir / "x-kursk-advance.md").read_text(encoding="utf-8")
        + "\n白俄罗斯总统卢卡申科当天在明斯克表示，白方将继续关注局势发展。\n", encoding="utf-8")
    site = build(project)
    assert any(b.article.source == "x-kursk-advance.md" for b in site.corpus.by_actor["belarus"])
    assert_same_as_clean(site, project)


def test_a_vocabulary_edit_renders_every_page_again(project: Settings) -> None:
    actors = project.content_dir / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    site = build(project)
    assert site.rendered == set(site.pages)
    assert_same_as_clean(site, project)


def test_damaged_entries_are_rendered_again_not_believed(project: Settings) -> None:
    for entry in (project.cache_dir / FOLDER).rglob("*.md"):
        entry.write_bytes(entry.read_bytes()[:-20])
    for entry in (project.cache_dir / LINKS_FOLDER).rglob("*.links"):
        entry.write_bytes(entry.read_bytes().replace(b"\n", b"\n\x80", 1))
    site = build(project)
    assert site.rendered == set(site.pages)
    assert_same_as_clean(site, project)


def test_the_cache_holds_only_the_last_builds_pages(project: Settings) -> None:
    (project.raw_dir / "tariff-voa.md").unlink()
    site = build(project)
    kept = list((project.cache_dir / FOLDER).rglob("*.md"))
    assert len(kept) == len(one_per_item(site))
    assert len(list((project.cache_dir / LINKS_FOLDER).rglob("*.links"))) == 2  # related and actors; stories


def test_pages_are_kept_per_code_template_vocabulary_and_site_address(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    settings = Settings(content_dir=tmp_path / "content", cache_dir=tmp_path / "cache")
    first = site_digest(settings, "vocabulary-1", templates)
    assert site_digest(replace(settings, cache_dir=tmp_path / "other", workers=3), "vocabulary-1", templates) == first
    assert site_digest(settings, "vocabulary-2", templates) != first
    assert site_digest(replace(settings, site_url="https://briefings.example.org/"), "vocabulary-1", templates) != first
    assert site_digest(replace(settings, related_count=3), "vocabulary-1", templates) != first
    edit(templates / "briefing.md.j2", "## 摘要 Summary", "## 摘要 Key points")
    assert site_digest(settings, "vocabulary-1", templates) != first
    edited = site_digest(settings, "vocabulary-1", templates)
    monkeypatch.setattr(markdown_cache, "code_digest", lambda: "an edited generator")
    assert site_digest(settings, "vocabulary-1", templates) != edited


def test_a_links_entry_that_names_a_class_is_not_loaded(tmp_path: Path) -> None:
    """Links entries hold only tuples, dicts, text and numbers: unpickling one that names a class
    (here one of the generator's own; a forged entry could name any function) would run code."""
    store = LinkEntries(tmp_path / LINKS_FOLDER)
    store.put("a" * 64, (("story-1", ("a", "b")),))
    store.put("b" * 64, (Story("a", ("a", "b")),))
    assert store.get("a" * 64) == (("story-1", ("a", "b")),)
    assert store.get("b" * 64) is None

