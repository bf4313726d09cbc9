"""Citations a report tool imports: CSL-JSON (validated against the CSL data schema written down
here), BibTeX (parsed with bibtexparser), RIS, and the GB/T 7714, Chicago and APA references."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import bibtexparser
import jsonschema
import pytest
from builders import briefing

from generator.citations import (
    apa,
    bibtex_entry,
    chicago,
    csl_item,
    csl_json,
    figure_citation,
    gbt7714,
    ris_entry,
)
from generator.model import Figure, Sourced

ACCESSED = date(2025, 4, 2)
PERMALINK = "https://briefings.example.org/briefings/kazan/"

# The CSL-JSON data schema (citation-style-language/schema, csl-data.json, v1.0.2), the part that
# covers what we write: item types, name and date variables, and the standard string variables.
# Stricter than the original in one way: an item may hold only the variables listed here.
CSL_TYPES = [
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
    "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
    "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case",
    "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
    "paper-conference", "patent", "performance", "periodical", "personal_communication", "post",
    "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech",
    "standard", "thesis", "treaty", "webpage",
]
NAME_VARIABLE = {
    "type": "object",
    "properties": {k: {"type": "string"} for k in ("family", "given", "dropping-particle",
                                                   "non-dropping-particle", "suffix", "literal")},
    "additionalProperties": False,
}
DATE_VARIABLE = {
    "type": "object",
    "properties": {
        "date-parts": {"type": "array", "minItems": 1, "maxItems": 2,
                       "items": {"type": "array", "minItems": 1, "maxItems": 3,
                                 "items": {"type": ["string", "number"]}}},
        "season": {"type": ["string", "number"]}, "circa": {"type": ["string", "number", "boolean"]},
        "literal": {"type": "string"}, "raw": {"type": "string"},
    },
    "additionalProperties": False,
}
CSL_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "type"],
        "properties": {
            "id": {"type": ["string", "number"]},
            "type": {"enum": CSL_TYPES},
            "author": {"type": "array", "items": NAME_VARIABLE},
            "issued": DATE_VARIABLE,
            "accessed": DATE_VARIABLE,
            **{k: {"type": "string"} for k in ("title", "container-title", "URL", "note", "language",
                                               "publisher", "abstract", "DOI", "source")},
        },
        "additionalProperties": False,
    },
}

KAZAN = replace(briefing("kazan", date="2024-10-22", title="金砖国家领导人会晤在喀山开幕"),
                article=replace(briefing("kazan", date="2024-10-22", title="金砖国家领导人会晤在喀山开幕").article,
                                outlet=Sourced("新华社", "front-matter"), authors=("李明", "王芳"),
                                url="https://example.org/xinhua/kazan"))


def with_authors(*names, date_="2024-10-22", outlet="新华社", url="https://example.org/a"):
    base = briefing("a", date=date_, title="标题")
    return replace(base, article=replace(base.article, authors=names, url=url,
                                         outlet=Sourced(outlet, "x") if outlet else None))


def test_csl_json_is_valid_and_carries_the_original_and_the_briefing():
    items = json.loads(csl_json([csl_item(KAZAN, PERMALINK, ACCESSED)]))
    jsonschema.validate(items, CSL_SCHEMA)
    item = items[0]
    assert item["id"] == "kazan" and item["type"] == "article-newspaper"
    assert item["container-title"] == "新华社"
    assert item["author"] == [{"literal": "李明"}, {"literal": "王芳"}]
    assert item["issued"] == {"date-parts": [[2024, 10, 22]]}
    assert item["URL"] == "https://example.org/xinhua/kazan"
    assert PERMALINK in item["note"] and "2025-04-02" in item["note"]


@pytest.mark.parametrize(("known", "parts"), [("2024-10", [[2024, 10]]), (None, None)])
def test_csl_dates_at_the_precision_known(known, parts):
    item = csl_item(with_authors(date_=known), PERMALINK, ACCESSED)
    jsonschema.validate([item], CSL_SCHEMA)
    assert item.get("issued") == ({"date-parts": parts} if parts else None)


def test_bibtex_parses_and_keeps_chinese_names_whole():
    text = bibtex_entry(KAZAN, PERMALINK, ACCESSED) + bibtex_entry(with_authors("A_B {x}"), PERMALINK, ACCESSED)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    first, second = library.entries
    assert first.key == "kazan" and first.entry_type == "article"
    assert first["title"] == "金砖国家领导人会晤在喀山开幕"
    assert first["journal"] == "新华社"
    assert first["author"] == "{李明} and {王芳}"
    assert (first["year"], first["month"]) == ("2024", "oct")
    assert first["url"] == "https://example.org/xinhua/kazan" and first["urldate"] == "2025-04-02"
    assert second["author"] == r"{A\_B \{x\}}"  # special characters escaped, braces balanced


def test_ris_record():
    lines = ris_entry(KAZAN, PERMALINK, ACCESSED).splitlines()
    assert lines[0] == "TY  - NEWS" and lines[-1] == "ER  - "
    assert "AU  - 李明" in lines and "AU  - 王芳" in lines
    assert "T2  - 新华社" in lines and "DA  - 2024/10/22/" in lines and "Y2  - 2025/04/02" in lines


def test_gbt_7714_online_newspaper_reference():
    assert gbt7714(KAZAN, PERMALINK, ACCESSED) == (
        "李明, 王芳. 金砖国家领导人会晤在喀山开幕[N/OL]. 新华社, 2024-10-22[2025-04-02]. "
        "https://example.org/xinhua/kazan.")
    many = gbt7714(with_authors("甲", "乙", "丙", "丁"), PERMALINK, ACCESSED)
    assert many.startswith("甲, 乙, 丙, 等. 标题[N/OL]. ")
    anonymous = gbt7714(with_authors(url=None), PERMALINK, ACCESSED)
    assert anonymous == f"标题[N/OL]. 新华社, 2024-10-22[2025-04-02]. {PERMALINK}."


def test_chicago_and_apa():
    assert chicago(KAZAN, PERMALINK, ACCESSED) == (
        "李明 and 王芳. “金砖国家领导人会晤在喀山开幕.” 新华社, October 22, 2024. https://example.org/xinhua/kazan.")
    assert apa(KAZAN, PERMALINK, ACCESSED) == (
        "李明 & 王芳. (2024, October 22). 金砖国家领导人会晤在喀山开幕. 新华社. https://example.org/xinhua/kazan")
    assert apa(with_authors(date_=None), PERMALINK, ACCESSED).startswith("标题. (n.d.). 新华社.")
    assert chicago(with_authors("甲", "乙", "丙"), PERMALINK, ACCESSED).startswith("甲, 乙, and 丙. ")


def test_a_figure_citation_names_the_row_permalink():
    figure = Figure("fig-1234abcd", "36个国家", 36.0, "countries")
    text = figure_citation(KAZAN, figure, PERMALINK, ACCESSED)
    assert text.endswith(f"数据：36个国家（{PERMALINK}#fig-1234abcd）")
