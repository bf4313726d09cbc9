"""The search index (generator/search.py): what a briefing contributes to it and how its words are
cut, so that an actor's name is one search term in either script. The browser side is in
tests/browser/test_search_pagefind.py."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import pytest
from builders import BELARUS, LUKASHENKO, RUSSIA, briefing
from mkdocs.config.defaults import MkDocsConfig

from generator import search
from generator.model import ActorMention

MINSK = briefing("minsk", date="2024-12-06", actors=(LUKASHENKO, BELARUS), title="卢卡申科在明斯克签约",
                 body="白俄罗斯总统卢卡申科表示，条约将于明年生效。")


@pytest.fixture
def pagefind() -> Path:
    """Pagefind's binary; tests that run it are skipped where `pagefind[extended]` is missing."""
    try:
        return search.pagefind_binary()
    except search.SearchError as error:
        pytest.skip(str(error))


def segmenter(*names: str) -> search.Segmenter:
    return search.Segmenter(names or (LUKASHENKO.name_zh, BELARUS.name_zh, RUSSIA.name_zh))


def words(text: str, seg: search.Segmenter) -> list[str]:
    return seg.segment(text).split(search.WORD_SEPARATOR)


def test_an_actors_name_is_one_word_wherever_it_stands() -> None:
    seg = segmenter()
    assert "卢卡申科" in words("白俄罗斯总统卢卡申科表示", seg)
    assert "卢卡申科" in words("卢卡申科12月6日在明斯克", seg)


def test_a_name_is_glossed_with_its_other_script() -> None:
    document = search.search_document(MINSK)
    assert document.glosses["卢卡申科"] == "Alexander Lukashenko"
    text = segmenter().segment("总统卢卡申科表示", document.glosses)
    assert "卢卡申科" + search.WORD_SEPARATOR + search.GLOSS.format("Alexander Lukashenko") in text


def test_a_form_as_written_is_glossed_with_the_actors_own_names() -> None:
    traditional = replace(MINSK, actors=(ActorMention(LUKASHENKO, ("盧卡申科",), 1, 1.0),))
    assert search.search_document(traditional).glosses["盧卡申科"] == "卢卡申科 Alexander Lukashenko"


def test_the_indexed_page_holds_title_date_body_and_both_scripts_of_every_name() -> None:
    page = search.document_html(search.search_document(MINSK), segmenter())
    assert f'lang="{search.INDEX_LANGUAGE}"' in page
    assert 'data-pagefind-meta="title[content]" content="卢卡申科在明斯克签约"' in page
    assert 'data-pagefind-meta="date[content]" content="2024-12-06"' in page
    assert "条约" in page and "生效" in page
    for name in ("卢卡申科", "Alexander Lukashenko", "白俄罗斯", "Belarus"):
        assert name in page


def test_article_text_stays_text_in_the_indexed_page() -> None:
    hostile = briefing("x", title='<script>alert(1)</script>"', body="<img src=x onerror=alert(1)>正文")
    page = search.document_html(search.search_document(hostile), segmenter())
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page


def test_the_separator_and_gloss_brackets_never_come_from_the_article() -> None:
    seg = segmenter()
    text = seg.segment(f"甲{search.WORD_SEPARATOR}乙⟨丙⟩")
    assert "⟨" not in text and "⟩" not in text
    assert text.replace(search.WORD_SEPARATOR, "") == "甲 乙<丙>"


def test_pagefind_writes_a_bundle_of_the_briefings(pagefind: Path, tmp_path: Path) -> None:
    other = briefing("moscow", actors=(RUSSIA,), title="莫斯科", body="俄罗斯方面表示欢迎。")
    pending = search.PendingIndex([search.search_document(b) for b in (MINSK, other)], ["卢卡申科", "白俄罗斯"])
    report = pending.finish(tmp_path)
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"][search.INDEX_LANGUAGE]["page_count"] == 2
    assert report.documents == 2 and report.bundle_bytes > 0
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    assert len(list((tmp_path / "pagefind" / "fragment").iterdir())) == 2  # one fragment per briefing


def test_a_failed_build_leaves_nothing_behind(pagefind: Path) -> None:
    pending = search.PendingIndex([search.search_document(MINSK)], ["卢卡申科"])
    assert pending.folder.is_dir()
    pending.cancel()
    assert not pending.folder.exists()


def material_config(folder: Path) -> MkDocsConfig:
    (folder / "docs").mkdir()
    config = MkDocsConfig(config_file_path=str(folder / "mkdocs.yml"))
    config.load_dict({"site_name": "t", "docs_dir": str(folder / "docs"), "theme": {"name": "material"},
                      "plugins": ["search"]})
    failed, _ = config.validate()
    assert not failed
    return config


def test_choosing_pagefind_switches_materials_search_off(tmp_path: Path) -> None:
    config = material_config(tmp_path)
    search.configure(config, "pagefind")
    assert config.extra["search_engine"] == "pagefind"
    assert config.plugins["material/search"].config["enabled"] is False
    assert config.theme.dirs[0] == str(search.THEME_DIR)  # the search box, before Material's templates
    search.configure(config, "pagefind")  # MkDocs serve configures again: added once
    assert config.theme.dirs.count(str(search.THEME_DIR)) == 1


def test_choosing_material_keeps_materials_search(tmp_path: Path) -> None:
    config = material_config(tmp_path)
    search.configure(config, "material")
    assert config.extra["search_engine"] == "material"
    assert config.plugins["material/search"].config["enabled"] is True
    assert str(search.THEME_DIR) not in config.theme.dirs


def test_an_unknown_engine_is_refused() -> None:
    with pytest.raises(search.SearchError, match="lunr"):
        search.configure(MkDocsConfig(), "lunr")


def test_the_search_box_queries_the_language_the_index_is_written_in() -> None:
    partial = Path(__file__).resolve().parents[1] / "overrides" / "partials" / "briefing-search.html"
    assert f'data-index-language="{search.INDEX_LANGUAGE}"' in partial.read_text(encoding="utf-8")


def test_a_cancelled_index_never_reaches_the_site(pagefind: Path, tmp_path: Path) -> None:
    # a failed build or a rebuild cancels it; serve's thread waiting in `finish` is told so
    pending = search.PendingIndex([search.search_document(MINSK)], ["卢卡申科"])
    pending.cancel()
    with pytest.raises(search.SearchError, match="cancelled"):
        pending.finish(tmp_path)
    assert not (tmp_path / "pagefind").exists()
    assert not pending.folder.exists()


def test_a_large_collection_is_indexed_in_shards_the_search_box_merges(pagefind: Path, tmp_path: Path) -> None:
    others = [briefing(f"b{n}", title=f"第{n}篇", body="卢卡申科会见来访客人。", actors=(LUKASHENKO,))
              for n in range(4)]
    documents = [search.search_document(b) for b in (MINSK, *others)]
    search.PendingIndex(documents, ["卢卡申科"], shard_size=2).finish(tmp_path)
    bundle = tmp_path / "pagefind"
    # The newest briefing's shard is the bundle itself, the older shards are listed newest first.
    assert json.loads((bundle / search.MANIFEST).read_text())["older"] == ["shards/1/", "shards/0/"]
    counts = [json.loads((folder / "pagefind-entry.json").read_text())["languages"][search.INDEX_LANGUAGE]["page_count"]
              for folder in (bundle, bundle / "shards" / "1", bundle / "shards" / "0")]
    assert counts == [1, 2, 2]
    assert fragment_urls(bundle) == {MINSK.url}  # MINSK is the newest: documents come newest first


def fragment_urls(folder: Path) -> set[str]:
    """The URLs of the pages one Pagefind bundle (a shard) holds, from its gzipped fragments."""
    found = set()
    for fragment in (folder / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        found.add(json.loads(data)["url"].strip("/") + "/")
    return found


def bundle_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_segmented_pages_kept_between_builds_give_the_same_index(pagefind: Path, tmp_path: Path) -> None:
    other = briefing("moscow", actors=(RUSSIA,), title="莫斯科", body="俄罗斯方面表示欢迎。")
    documents = [search.search_document(b) for b in (MINSK, other)]
    names = ["卢卡申科", "白俄罗斯", "俄罗斯"]
    search.PendingIndex(documents, names).finish(tmp_path / "fresh")
    cache = tmp_path / "cache"
    search.PendingIndex(documents, names, cache_dir=cache).finish(tmp_path / "cold")
    kept = sorted((cache / search.CACHE_FOLDER).rglob("*.html"))
    assert len(kept) == 2
    search.PendingIndex(documents, names, cache_dir=cache).finish(tmp_path / "warm")
    fresh = bundle_files(tmp_path / "fresh")
    assert fresh == bundle_files(tmp_path / "cold") == bundle_files(tmp_path / "warm")
    # A damaged kept page is made again, not indexed.
    kept[0].write_text(kept[0].read_text(encoding="utf-8").replace("</body>", "<p>伪造</p></body>"), encoding="utf-8")
    search.PendingIndex(documents, names, cache_dir=cache).finish(tmp_path / "repaired")
    assert bundle_files(tmp_path / "repaired") == fresh
    # A briefing gone: its kept page goes with it.
    search.PendingIndex(documents[:1], names, cache_dir=cache).finish(tmp_path / "fewer")
    assert len(list((cache / search.CACHE_FOLDER).rglob("*.html"))) == 1


def test_a_site_without_briefings_has_no_index_and_the_build_goes_on(pagefind: Path, tmp_path: Path) -> None:
    report = search.PendingIndex([], []).finish(tmp_path)
    assert report.documents == 0
    assert json.loads((tmp_path / "pagefind" / search.MANIFEST).read_text()) == {"empty": True}


def test_after_a_new_article_only_the_newest_shard_is_indexed_again(pagefind: Path, tmp_path: Path) -> None:
    older = [briefing(f"b{n}", date=f"2024-0{n + 1}-01", title=f"第{n}篇", body="卢卡申科会见来访客人。")
             for n in range(4)]
    newest = briefing("new", date="2025-01-01", title="新的一篇", body="白俄罗斯方面表示欢迎。")
    documents = [search.search_document(b) for b in reversed(older)]  # newest first, as the corpus gives them
    cache = tmp_path / "cache"
    search.PendingIndex(documents, ["卢卡申科"], shard_size=2, cache_dir=cache).finish(tmp_path / "before")
    bundles = cache / search.CACHE_FOLDER / "bundles"
    before = {p.name for p in bundles.iterdir()}
    assert len(before) == 2
    with_new = [search.search_document(newest), *documents]
    search.PendingIndex(with_new, ["卢卡申科"], shard_size=2, cache_dir=cache).finish(tmp_path / "after")
    after = {p.name for p in bundles.iterdir()}
    assert len(after) == 3 and len(before & after) == 2  # the two full shards of older briefings kept
    search.PendingIndex(with_new, ["卢卡申科"], shard_size=2).finish(tmp_path / "fresh")
    assert bundle_files(tmp_path / "after" / "pagefind") == bundle_files(tmp_path / "fresh" / "pagefind")


def test_traditional_text_is_cut_as_its_simplified_form_and_found_by_it() -> None:
    seg = segmenter("贝莱德")
    text = seg.segment("美國貝萊德牽頭的財團", {"貝萊德": "贝莱德 BlackRock"})
    parts = text.split(search.WORD_SEPARATOR)
    assert "貝萊德" in parts and search.GLOSS.format("贝莱德 BlackRock") in parts  # the actor's gloss
    assert search.GLOSS.format("财团") in parts  # any other word that differs: its Simplified form
    assert "".join(p for p in parts if not p.startswith("⟨")) == "美國貝萊德牽頭的財團"  # the text as written


def test_a_traditional_character_has_its_simplified_form_in_the_table_the_search_box_reads(tmp_path: Path) -> None:
    blocks = search.write_simplified_table(tmp_path)
    assert sorted(p.stem for p in tmp_path.iterdir()) == sorted(blocks)

    def simplified(text: str) -> str:
        tables: dict[str, str] = {}
        for character in text:
            if (block := f"{ord(character) >> 8:x}") in blocks:
                tables.update(json.loads((tmp_path / f"{block}.json").read_text(encoding="utf-8")))
        return "".join(tables.get(c, c) for c in text)

    assert simplified("盧卡申科") == "卢卡申科"
    assert simplified("俄羅斯審查") == "俄罗斯审查"
    assert simplified("卢卡申科 Lukashenko") == "卢卡申科 Lukashenko"  # Simplified text and Latin stay as they are

