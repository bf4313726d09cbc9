"""Nothing executed: whatever the inputs carry (script tags, on*= handlers, javascript: and data:
URLs, iframes, Jinja and Markdown syntax, a headline that closes <title>), the built site holds no
element or attribute made from it, and every such string shows as the characters it is.

Static checks of the HTML, the search index and the feed; test_hostile_browser.py opens the pages.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import xml.etree.ElementTree as ET

import lxml.html
import pytest
import yaml
from hostile_inputs import LEADS, MARKUP_LINES, NOTE_TITLE, TITLES, Build, squash

from generator.render import front_matter

SITE_NAME = "简报 Briefings"
# Attributes a browser follows or runs; a scheme other than http(s) or a relative address is an attack.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "poster", "background", "xlink:href",
                  "{http://www.w3.org/1999/xlink}href", "cite", "ping", "srcset"}
BAD_SCHEME = re.compile(r"^[\s\x00-\x20]*(?:javascript|vbscript|data|file):", re.I)
EMBEDDING = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
# Inside the content column: the generator writes none of these (the theme's own are outside it).
NOT_IN_CONTENT = EMBEDDING | {"script", "style", "img", "svg", "form", "input", "button", "textarea", "select",
                              "video", "audio", "source", "link", "meta", "hr"}
SEARCH_KEEPS = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}  # Material's search index keeps these


@pytest.fixture(scope="module")
def theme_scripts(hostile_build: Build) -> list[tuple[str | None, str]]:
    """The scripts of a hand-written page (about/): the theme's, and the only ones any page may have."""
    return _scripts(hostile_build.page("about/"))


def _scripts(page: lxml.html.HtmlElement) -> list[tuple[str | None, str]]:
    """(file name of src, inline text without relative paths) of every script element."""
    out = []
    for script in page.iter("script"):
        src = script.get("src")
        # The relative base ("..", "../..", "../../assets/…") differs with the page's depth.
        text = re.sub(r'"\.{1,2}"', '""', re.sub(r"(?:\.\./)+", "", script.text or ""))
        out.append((src.rsplit("/", 1)[-1] if src else None, text))
    return out


def test_no_page_has_a_script_handler_or_embedding_the_theme_does_not(hostile_build: Build,
                                                                      theme_scripts: list) -> None:
    offenders = []
    for path in hostile_build.html_pages():
        url = hostile_build.url_of(path)
        page = hostile_build.page(url)
        if url != "404.html" and _scripts(page) != theme_scripts:
            offenders.append(f"{url}: scripts differ from the theme's: {_scripts(page)}")
        for element in page.iter():
            if not isinstance(element.tag, str):
                continue
            tag = element.tag.lower()
            if tag in EMBEDDING:
                offenders.append(f"{url}: <{tag}>")
            if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
                offenders.append(f"{url}: <meta http-equiv=refresh>")
            for name, value in element.attrib.items():
                if name.lower().startswith("on"):
                    offenders.append(f"{url}: <{tag} {name}={value!r}>")
                if name.lower() in URL_ATTRIBUTES and BAD_SCHEME.match(value):
                    offenders.append(f"{url}: <{tag} {name}={value!r}>")
                if name.lower() == "style" and re.search(r"url\(|expression\(|javascript", value, re.I):
                    offenders.append(f"{url}: <{tag} style={value!r}>")
    assert not offenders, "\n".join(offenders[:30])


def test_no_briefing_content_holds_an_element_made_from_article_text(hostile_build: Build) -> None:
    offenders = []
    for url in hostile_build.briefing_urls():
        content = hostile_build.content(url)
        for element in content.iter(*NOT_IN_CONTENT):
            offenders.append(f"{url}: <{element.tag}> {lxml.html.tostring(element, encoding='unicode')[:120]}")
        for details in content.iter("details"):  # the full text: paragraphs, headings, quotes only
            for element in details.iter("table", "div", "a", "h1", "h2", "h3", "ul", "ol", "code", "pre"):
                offenders.append(f"{url}: <{element.tag}> in the full text")
        if len(content.findall(".//h1")) != 1:
            offenders.append(f"{url}: {len(content.findall('.//h1'))} h1 elements")
        for div in content.iter("div"):
            if "admonition" in (div.get("class") or ""):
                offenders.append(f"{url}: an admonition made from text")
        for link in content.iter("a"):
            href = link.get("href", "")
            if not (href.startswith(("#", "../", "http://", "https://")) or re.match(r"^[a-z0-9-]+/", href)):
                offenders.append(f"{url}: <a href={href!r}>")
    assert not offenders, "\n".join(offenders[:30])


def test_markup_in_plain_text_shows_as_the_characters_it_is(hostile_build: Build) -> None:
    url = hostile_build.report_by_source["markup-lines.txt"]["url"]
    details = hostile_build.content(url).xpath(".//details")[0]
    paragraphs = [p.text_content().strip() for p in details.iter("p")]
    for line in MARKUP_LINES:
        assert line in paragraphs, f"{line!r} is not a paragraph of the full text"
    assert "49" not in squash(details.text_content())  # {{ 7*7 }} was never evaluated


def test_a_hostile_headline_is_text_in_title_header_and_heading(hostile_build: Build) -> None:
    url = hostile_build.report_by_source["markup-note.md"]["url"]
    page = hostile_build.page(url)
    assert [t.text_content() for t in page.iter("title")] == [f"{NOTE_TITLE} - {SITE_NAME}"]
    topics = page.xpath('//*[@data-md-component="header-topic"]')
    assert topics and topics[0].text_content().strip() == NOTE_TITLE
    h1 = hostile_build.content(url).findall(".//h1")
    assert [h.text_content().replace("¶", "").strip() for h in h1] == [NOTE_TITLE]


def test_an_article_sentence_stays_inside_the_description_attribute(hostile_build: Build) -> None:
    url = hostile_build.report_by_source["gist-breakout.txt"]["url"]
    page = hostile_build.page(url)
    descriptions = page.xpath('//meta[@name="description"]')
    assert len(descriptions) == 1 and descriptions[0].get("content") == LEADS["gist"]
    assert not page.xpath("//img")


def test_a_headline_yaml_cannot_carry_keeps_the_front_matter_intact(hostile_build: Build) -> None:
    """A C1 control character in a headline: MkDocs shows front matter it cannot parse as text."""
    url = hostile_build.report_by_source["c1-title.txt"]["url"]
    page = hostile_build.page(url)
    assert page.findtext(".//title") == f"{TITLES['c1']} - {SITE_NAME}"
    content = hostile_build.content(url)
    assert "title:" not in content.text_content() and not content.findall(".//hr")


def test_stripped_markup_leaves_its_words(hostile_build: Build) -> None:
    """What an HTML input carried as markup is gone; its visible words stay."""
    for name, words in (("hostile-page.html", ("点击这里", "数据链接")), ("hostile-fragment.txt", ("原文链接",))):
        page = hostile_build.content(hostile_build.report_by_source[name]["url"])
        full_text = page.xpath(".//details")[0].text_content()
        assert all(word in full_text for word in words), name
        assert "alert" not in full_text, name


def test_the_search_index_holds_text_not_markup(hostile_build: Build) -> None:
    """Search results are shown as HTML. Pagefind (the default): every indexed briefing's text is
    escaped text, no element in it, and its title is kept as the characters it is (the box writes
    titles as text; tests/browser/test_search_pagefind.py). Material (`search: material`): the
    index may hold only the tags it keeps, bare."""
    site = hostile_build.site
    offenders = []
    if (site / "pagefind").is_dir():
        titles = set()
        fragments = sorted((site / "pagefind").rglob("*.pf_fragment"))
        assert fragments, "no briefing was indexed"
        for path in fragments:
            data = gzip.decompress(path.read_bytes())
            record = json.loads(data[data.index(b"{"):])
            titles.add(record["meta"]["title"])
            fragment = lxml.html.fragment_fromstring(record["content"], create_parent="div")
            offenders += [f"{record['url']}: {lxml.html.tostring(e, encoding='unicode')[:100]}"
                          for e in fragment.iterdescendants() if isinstance(e.tag, str)]
        assert NOTE_TITLE in titles
        assert not offenders, "\n".join(offenders[:30])
        return
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            if not doc[field].strip():
                continue
            fragment = lxml.html.fragment_fromstring(doc[field], create_parent="div")
            for element in fragment.iterdescendants():
                if not isinstance(element.tag, str):
                    continue
                if element.tag not in SEARCH_KEEPS or element.attrib:
                    markup = lxml.html.tostring(element, encoding="unicode")[:100]
                    offenders.append(f"{doc['location']} {field}: {markup}")
    assert not offenders, "\n".join(offenders[:30])


def test_feed_and_data_files_stay_well_formed(hostile_build: Build) -> None:
    feed = ET.parse(hostile_build.site / "feed.xml").getroot()
    titles = {e.findtext("{http://www.w3.org/2005/Atom}title") for e in feed.iter("{http://www.w3.org/2005/Atom}entry")}
    assert NOTE_TITLE in titles
    records = json.loads((hostile_build.site / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    assert NOTE_TITLE in {r["title"] for r in records}


@pytest.mark.parametrize("text", [NOTE_TITLE, LEADS["gist"], TITLES["c1"], "line\u2028break\u0085next\x9f end",
                                  "𠮷野家 “引号” 'single' & <b>"])
def test_front_matter_is_yaml_that_gives_back_the_text_as_html(text: str) -> None:
    """Material prints front-matter title and description as HTML, and MkDocs shows front matter that
    YAML refuses as page text: every value must parse, and parse to the text HTML-escaped."""
    written = front_matter(title=text, description=None)
    fields = yaml.safe_load(written.strip().strip("-"))
    assert fields == {"title": html.escape(text, quote=True)}
    assert lxml.html.fromstring(f"<p title=\"{fields['title']}\">x</p>").get("title") == text
