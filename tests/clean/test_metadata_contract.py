"""The contract between the readers and the metadata chains: `build_metadata` hands the clean stage
one typed `Metadata` record, and front matter is the first link of every field's chain — title, date,
url, outlet (with its source-type badge) and authors — decided inside the chains, not patched after.
Pages written for these tests."""

from __future__ import annotations

from dataclasses import fields

from generator.clean import read_blocks
from generator.clean.metadata import Metadata, build_metadata
from generator.dates import DateValue
from generator.ingest import read_bytes
from generator.model import Article, Sourced, SourcedDate, SourceType
from generator.vocab import Vocabulary

P1 = "东盟与中日韩财长和央行行长会议5月3日在雅加达举行，讨论区域金融安全网的扩容问题。"
P2 = "会议发表的联合声明说，各方同意把清迈倡议多边化的规模扩大，并研究以本币出资的可能。"
NOTE = ("---\ntitle: 财长会议讨论扩大金融安全网\ndate: 2025-05-04\noutlet: 新华社\nauthors: [林海, 周南]\n"
        "url: https://news.example.org/a/1.html\n---\n\n"
        f"# 另一个标题\n\n来源：远东经济观察\n\n{P1}\n\n{P2}\n")


def metadata_of(text: str, name: str, vocab: Vocabulary) -> Metadata:
    raw = read_bytes(text.encode("utf-8"), name, "." + name.rsplit(".", 1)[-1])
    candidates, hints, blocks = read_blocks(raw, vocab)
    return build_metadata(raw.form, hints, blocks, vocab.outlets, [c.folded for c in candidates], raw.front_matter)


def test_the_chains_return_one_typed_record_with_every_field_an_article_takes(vocab: Vocabulary) -> None:
    meta = metadata_of(NOTE, "note.md", vocab)
    assert isinstance(meta, Metadata)
    article_fields = {f.name for f in fields(Article)}
    assert {f.name for f in fields(Metadata)} <= article_fields


def test_front_matter_is_the_first_link_of_every_chain(vocab: Vocabulary) -> None:
    meta = metadata_of(NOTE, "note.md", vocab)
    assert meta.title == Sourced("财长会议讨论扩大金融安全网", "front-matter")
    assert meta.date == SourcedDate(DateValue(2025, 5, 4), "front-matter")
    assert meta.url == "https://news.example.org/a/1.html"
    assert meta.outlet == Sourced("新华社", "front-matter")
    assert meta.source_type is SourceType.STATE_MEDIA  # the badge comes from the same chain
    assert meta.authors == ("林海", "周南")


def test_an_unlisted_outlet_in_front_matter_is_a_newsroom(vocab: Vocabulary) -> None:
    meta = metadata_of(f"---\noutlet: 远东经济观察\n---\n\n{P1}\n\n{P2}\n", "note.md", vocab)
    assert meta.outlet == Sourced("远东经济观察", "front-matter")
    assert meta.source_type is SourceType.NEWSROOM


def test_without_front_matter_the_page_answers(vocab: Vocabulary) -> None:
    meta = metadata_of(f"# 财长会议讨论扩大金融安全网\n\n来源：远东经济观察\n\n{P1}\n\n{P2}\n", "note.md", vocab)
    assert meta.title == Sourced("财长会议讨论扩大金融安全网", "markdown:h1")
    assert meta.outlet is not None and meta.outlet.value == "远东经济观察" and meta.outlet.rule != "front-matter"
