"""Page addresses: one format per page kind gives both where the page's Markdown goes and where it
is served, and every link between pages follows from the two."""

from __future__ import annotations

from builders import CHINA, ENERGY, briefing

from generator import urls
from generator.link import link
from generator.model import InputFate, InputStatus
from generator.site import site_pages


def test_one_format_gives_the_source_and_the_served_url():
    assert urls.BRIEFING.of("minsk").source == "briefings/minsk.md"
    assert urls.BRIEFING.of("minsk").url == "briefings/minsk/"
    assert urls.MONTH.of("2025-03").url == "timeline/2025-03/"
    assert urls.HOME.url == "" and urls.BRIEFINGS_INDEX.url == "briefings/" and urls.TIMELINE.url == "timeline/"
    assert urls.FEED.url == "feed.xml"  # a data file is served at its own path


def test_a_new_page_kind_is_one_declaration():
    outlet = urls.PageKind("outlets/{key}.md")
    assert outlet.of("xinhua").url == "outlets/xinhua/"
    assert urls.HOME.link_to(outlet.of("xinhua")) == "outlets/xinhua.md"


def test_records_take_their_address_from_the_one_policy():
    item = briefing("minsk")
    assert item.url == urls.BRIEFING.of("minsk").url
    assert CHINA.url == "actors/china/" and ENERGY.url == "topics/energy/"
    fate = InputFate("minsk.txt", InputStatus.DUPLICATE, "same article as x.txt", item.address)
    assert fate.url == "briefings/minsk/"
    assert InputFate("bad.txt", InputStatus.REJECTED, "file is empty").url is None


def test_links_between_pages_are_relative_to_the_page():
    a, b = urls.BRIEFING.of("a"), urls.ACTOR.of("b")
    assert a.link_to(b) == "../actors/b.md"  # by source path: MkDocs checks and rewrites it
    assert urls.HOME.link_to(b) == "actors/b.md"
    assert urls.ACTOR.of("a").href_to(b) == "../../actors/b/"  # raw HTML, from the served /actors/a/
    assert urls.HOME.href_to(b) == "actors/b/"
    assert urls.BRIEFINGS_INDEX.href_to(urls.MONTH.of("2025-03")) == "../timeline/2025-03/"


def test_absolute_with_the_site_address_only_when_there_is_one():
    assert urls.absolute("briefings/a/", "https://briefings.example.org/") == "https://briefings.example.org/briefings/a/"
    assert urls.absolute("briefings/a/", "https://briefings.example.org") == "https://briefings.example.org/briefings/a/"
    assert urls.absolute("briefings/a/", None) == "briefings/a/"


def test_the_build_report_links_each_input_to_the_page_its_fate_names():
    item = briefing("minsk-2")
    fates = [InputFate("minsk.txt", InputStatus.BRIEFING, "", item.address),
             InputFate("minsk 副本.txt", InputStatus.DUPLICATE, "same article as minsk.txt", item.address),
             InputFate("empty.txt", InputStatus.REJECTED, "file is empty")]
    report = site_pages(link([item], [], fates))["build-report.md"]
    assert report.count("(briefings/minsk-2.md)") == 2
    assert "[briefings/minsk-2/](briefings/minsk-2.md)" in report
