"""Articles held in XML records: an RSS `<item>`, an Atom `<entry>`, and a crawler's `<doc>` record
(the SogouCA/SogouCS corpus dumps: `<url>`, `<docno>`, `<contenttitle>`, `<content>`).

A record is read by its child elements' names, not by an XML parser: crawler dumps are not
well-formed (raw `&`, bytes garbled mid-character), and a feed item saved alone has no root. Only
the first record of a file is the article; a feed's channel fields before it describe the feed.

  record-fields     each child element becomes a field by what its name holds (FIELD_TAGS):
                    title, date, updated, url, author, source, content; identifiers (docno, guid
                    that is not a link) and anything unknown are left out
  record-content    the article's markup: content:encoded / content / <content> (CDATA or escaped
                    HTML), else the description or summary; a description beside a fuller content
                    is the feed's teaser repeating the lead, and is not read
  feed-channel      the channel's (or Atom feed's) own title, an outlet hint for the item

Everything is handed back as (markup, fields), the shape `html.unwrap_embedded` gives for JSON and
SQL records, so the HTML reader and the metadata chains need nothing new.
"""

from __future__ import annotations

import html as html_lib
import re

from .paragraphs import as_paragraphs, is_markup

# The start of a file that is an XML record or a feed: after an optional prolog and comments.
RECORD_START = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|channel|item|entry|doc)\b",
                          re.I | re.S)
RECORD_TAGS = ("item", "entry", "doc")
# Child element names (local part, lower-cased) by what they hold.
FIELD_TAGS = {
    "title": ("title", "contenttitle", "headline"),
    "date": ("pubdate", "date", "published", "issued", "created", "publishdate", "pubtime", "publicationdate"),
    "updated": ("updated", "modified", "lastbuilddate"),
    "url": ("link", "url", "guid", "id", "origlink"),
    "author": ("author", "creator", "writer"),
    "source": ("source",),
    "content": ("encoded", "content", "body"),
    "teaser": ("description", "summary", "abstract"),
}
CHILD = re.compile(r"<(?P<name>[A-Za-z][\w.-]*(?::[\w.-]+)?)(?P<attrs>(?:\s[^>]*?)?)"
                   r"(?:/>|>(?P<inner>.*?)</(?P=name)\s*>)", re.S)
CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
HREF = re.compile(r"""\bhref\s*=\s*["']([^"']+)["']""")
REL = re.compile(r"""\brel\s*=\s*["']([^"']+)["']""")
PERMALINK_FALSE = re.compile(r"""\bisPermaLink\s*=\s*["']false["']""", re.I)
TAG = re.compile(r"<[^>]+>")
# An RSS author is often an address with the name in brackets: editor@example.com (王明).
EMAIL_WITH_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")


def is_record(text: str) -> bool:
    """Whether a text is a feed, a feed item or a crawler's record (rather than a web page)."""
    return bool(RECORD_START.match(text[:2000]))


def read_record(text: str) -> tuple[str, dict[str, str]] | None:
    """The first record's markup and fields, or None when the text is no XML record."""
    start = RECORD_START.match(text[:2000])
    if not start:
        return None
    opening = re.search(rf"<({'|'.join(RECORD_TAGS)})\b[^>]*>", text, re.I)
    if opening is None:
        return None
    name = opening[1]
    closing = re.search(rf"</{name}\s*>", text[opening.end():], re.I)
    inner = text[opening.end(): opening.end() + closing.start()] if closing else text[opening.end():]
    fields = _fields(inner)
    if name.lower() in ("item", "entry"):
        fields["record"] = "feed"
    channel = _channel_title(text[: opening.start()])
    if channel:
        fields["channel"] = channel
    content = fields.pop("content", "") or fields.pop("teaser", "")
    fields.pop("teaser", None)
    return as_paragraphs(content, markup=is_markup(content)), fields


def _value(inner: str | None) -> str:
    """An element's text: CDATA as written, otherwise with entities decoded (escaped HTML becomes
    markup, as feeds carry it)."""
    if not inner:
        return ""
    if CDATA.search(inner):
        return "".join(CDATA.findall(inner)).strip()
    return html_lib.unescape(inner).strip()


def _kind(name: str) -> str | None:
    local = re.sub(r"[_-]", "", name.rsplit(":", 1)[-1].lower())  # news:publication_date
    return next((kind for kind, tags in FIELD_TAGS.items() if local in tags), None)


def _fields(inner: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for match in CHILD.finditer(inner):
        kind = _kind(match["name"])
        if kind is None:
            continue
        attrs, value = match["attrs"] or "", _value(match["inner"])
        if kind == "url":
            value = _link(match["name"], attrs, value)
        elif kind == "author":
            value = _author(match["inner"] or "", value)
        elif kind in ("title", "source"):
            value = TAG.sub("", value).strip()
        if value and kind not in fields:
            fields[kind] = value
        elif kind == "content" and len(value) > len(fields.get("content", "")):
            fields[kind] = value  # content:encoded beside a shorter <content>
    return fields


def _link(name: str, attrs: str, value: str) -> str:
    """The item's address: <link>text</link>, Atom's <link rel="alternate" href=…/>, a permalink guid."""
    href = HREF.search(attrs)
    if href:
        rel = REL.search(attrs)
        return href[1] if rel is None or rel[1] == "alternate" else ""
    if name.lower() == "guid" and PERMALINK_FALSE.search(attrs):
        return ""
    return value if value.startswith(("http://", "https://")) else ""


def _author(inner: str, value: str) -> str:
    """<author>name</author>, Atom's <author><name>…</name></author>, or an address with a name."""
    named = re.search(r"<name>(.*?)</name>", inner, re.S)
    if named:
        value = _value(named[1])
    match = EMAIL_WITH_NAME.match(value)
    if match:
        return match[1].strip()
    return "" if "@" in value else TAG.sub("", value).strip()


def _channel_title(head: str) -> str | None:
    """Rule `feed-channel`: the feed's own title, written before its first item."""
    match = re.search(r"<title\b[^>]*>(.*?)</title\s*>", head, re.S | re.I)
    title = TAG.sub("", _value(match[1])).strip() if match else ""
    return title or None


__all__ = ["is_record", "read_record"]
