"""Pages as the render stage writes them, from records built in the test (no MkDocs)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from builders import CHINA, ENERGY, LUKASHENKO, RUSSIA, briefing

from generator.export import atom_feed, site_files
from generator.link import link
from generator.model import Figure
from generator.site import _cite_block, format_value, site_pages


def test_the_citation_is_absolute_when_the_site_has_an_address():
    item = briefing("minsk", title="联盟国家再签安全条约")
    assert "(https://briefings.example.org/briefings/minsk/)" in _cite_block(item, "https://briefings.example.org/")
    assert "(briefings/minsk/)" in _cite_block(item, None)


def test_a_title_with_backticks_cannot_break_out_of_the_citation_block():
    lines = _cite_block(briefing("x", title="标题```<script>"), None).splitlines()
    fences = [line for line in lines if line.startswith("`")]
    assert fences[0] == "````text" and fences[1] == "````"  # longer than any run of backticks inside


def test_feed_entries_have_permanent_absolute_ids():
    corpus = link([briefing("a"), briefing("b", "2025-04-01")], [], [])
    for site_url in (None, "https://briefings.example.org/"):
        feed = ET.fromstring(atom_feed(corpus, site_url))
        ids = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}id")]
        assert all(i.startswith(("tag:", "https://")) for i in ids)
        assert ids[1].endswith("briefings/b/")


def test_normalised_values_read_at_a_glance():
    def fig(value, unit, qualifier=None, high=None):
        return Figure("fig-1", "x", value, unit, qualifier, high)

    assert format_value(fig(4.0e11, "USD", "over")) == ">4e11 USD"
    assert format_value(fig(15.0, "percent", "range", 20.0)) == "15–20 percent"
    assert format_value(fig(72.8, "percent")) == "72.8 percent"
    assert format_value(fig(None, None)) == ""


def test_every_briefing_actor_and_topic_gets_a_page_and_figures_an_anchor():
    figure = Figure("fig-abc12345", "2448亿美元", 2.448e11, "USD", sentence="贸易额达2448亿美元。")
    items = [briefing("a", actors=(CHINA, RUSSIA), topics=(ENERGY,), figures=(figure,)),
             briefing("b", actors=(LUKASHENKO,))]
    corpus = link(items, [ENERGY], [])
    pages = site_pages(corpus)
    assert {"briefings/a.md", "briefings/b.md", "actors/china.md", "actors/alexander-lukashenko.md",
            "topics/energy.md", "index.md", "timeline.md", "figures.md", "build-report.md"} <= set(pages)
    assert 'id="fig-abc12345"' in pages["briefings/a.md"]
    assert "(briefings/a.md#fig-abc12345)" in pages["figures.md"]
    assert {"build-report.json", "briefings.json", "feed.xml"} <= set(site_files(corpus))


def test_an_actor_page_lists_every_briefing_but_only_the_newest_with_their_gist():
    items = [briefing(f"b{i:02d}", f"2025-03-{i + 1:02d}", actors=(CHINA,), body=f"要点{i:02d}。") for i in range(14)]
    page = site_pages(link(items, [ENERGY], []))["actors/china.md"]
    assert all(f"(../briefings/b{i:02d}.md)" in page for i in range(14))
    assert "要点13" in page and "要点04" in page  # the ten newest: 13 down to 4
    assert "要点03" not in page
    assert "更早 Earlier · 4" in page


def test_an_actor_page_shows_the_newest_figures_and_says_how_many_there_are():
    figures = tuple(Figure(f"fig-{i:08x}", f"{i}亿美元", i * 1e8, "USD", actors=("china",)) for i in range(40))
    page = site_pages(link([briefing("a", actors=(CHINA,), figures=figures)], [ENERGY], []))["actors/china.md"]
    assert page.count("#fig-") == 30
    assert "The newest 30 of 40" in page
