"""Containers: HTML carried inside other data — an app API's JSON (`{"data":{"content":"<p>…<\\/p>"}}`),
an SQL/CMS dump (`INSERT INTO … VALUES (…,'<p>…</p>',…)`) or JavaScript-escaped strings.

`unwrap_embedded` gives the markup and the record's other fields (title, date, source, author, url)
by what they hold; ingest calls it once, so the form of an input is decided in one place.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from typing import Any

from ..dates import parse_explicit
from .candidates import CJK
from .records import read_record

JSON_ESCAPED_TAG = re.compile(r"\\u003c|\\x3c|\\/p>|<\\/|\\u003C")
SQL_INSERT = re.compile(r"^\s*INSERT\s+(?:IGNORE\s+)?INTO\s+\S+\s*(?:\(([^)]*)\))?\s*VALUES\s*", re.I | re.M)
HTML_IN_STRING = re.compile(r"<\s*/?\s*(?:p|div|br|span|img|h[1-6]|section|strong|a)\b", re.I)

# Field names of app APIs and CMS tables, by what they hold (compared lower-cased, without _ and -).
FIELD_NAMES = {
    "title": ("title", "headline", "newstitle", "articletitle", "subject"),
    "date": ("pubdate", "pubtime", "publishtime", "publishdate", "published", "publishedat", "publishedtime",
             "datepublished", "releasetime", "releasedate", "posttime", "ptime", "inputtime", "createtime",
             "createdat", "created", "ctime", "addtime", "date", "time"),
    # When a record was last edited: it places a dateline in time, it does not date the story.
    "updated": ("updatetime", "updatedat", "updated", "modified", "modifiedat", "lastmodified", "mtime"),
    "source": ("source", "sourcename", "media", "medianame", "mediasource", "site", "sitename", "publisher",
               "copyfrom", "comefrom", "origin", "from"),
    "author": ("author", "authors", "authorname", "writer", "byline", "reporter", "creator"),
    "url": ("url", "link", "shareurl", "articleurl", "weburl", "sourceurl", "originalurl", "permalink",
            "canonical", "canonicalurl", "shortlink"),
    "content": ("content", "body", "html", "contenthtml", "articlecontent", "newscontent", "text", "detail",
                "articlebody", "contents", "description"),
}


# --- data around the markup: JSON, SQL, escaped strings --------------------------------------------------


def unwrap_embedded(text: str) -> tuple[str, dict[str, str]]:
    """HTML carried inside JSON (an app's API), an SQL dump or an escaped string: the markup, and the
    record's other fields (title, date, source, author, url) by what they hold."""
    record = read_record(text)  # an RSS/Atom item or a crawler's <doc> record (records.py)
    if record is not None:
        return record
    stripped = text.strip()
    if stripped[:1] in "{[":
        try:
            data = json.loads(stripped)
        except ValueError:
            data = None
        if data is not None:
            return _from_json(data)
    match = SQL_INSERT.search(text[:5000])
    if match:
        unwrapped = _from_sql(text[match.end():], match[1])
        if unwrapped is not None:
            return unwrapped
    return _unescape_strings(text), {}


def _unescape_strings(text: str) -> str:
    if JSON_ESCAPED_TAG.search(text[:20000]):
        text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), text)
        text = re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m[1], 16)), text)
        text = text.replace('\\"', '"').replace("\\'", "'").replace("\\/", "/")
        text = text.replace("\\n", "\n").replace("\\r", "").replace("\\t", " ")
    elif re.search(r"\\'", text[:20000]) and "<p" in text:
        text = text.replace("\\'", "'").replace('\\"', '"').replace("\\n", "\n")
    return text


def _key(name: str) -> str:
    return re.sub(r"[_\-\s]", "", name).lower()


def _field_kind(name: str) -> str | None:
    key = _key(name)
    return next((kind for kind, names in FIELD_NAMES.items() if key in names), None)


def _path_kind(path: tuple[str, ...]) -> str | None:
    """What a field holds, from its key; `{"author": {"name": …}}` holds an author."""
    kind = _field_kind(path[-1])
    if len(path) >= 2 and _key(path[-1]) in ("name", "nickname", "displayname", "title"):
        parent = _field_kind(path[-2])
        if parent in ("author", "source"):
            return parent
    return kind


def _walk_json(data: Any) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(path of keys, value) for every scalar, breadth first, so shallow fields come first."""
    queue: list[tuple[tuple[str, ...], Any]] = [((), data)]
    while queue:
        path, item = queue.pop(0)
        if isinstance(item, dict):
            queue.extend(((*path, str(k)), v) for k, v in item.items())
        elif isinstance(item, list):
            queue.extend((path, v) for v in item)
        else:
            yield path, item


def _from_json(data: Any) -> tuple[str, dict[str, str]]:
    scalars = list(_walk_json(data))
    strings = [(path, value) for path, value in scalars if isinstance(value, str)]
    markup = [(p, v) for p, v in strings if HTML_IN_STRING.search(v)]
    content_path: tuple[str, ...] = ()
    if markup:
        content_path, content = max(markup, key=lambda item: len(item[1]))
    else:
        named = [(p, v) for p, v in strings if p and _field_kind(p[-1]) == "content" and CJK.search(v)]
        pool = named or [(p, v) for p, v in strings if CJK.search(v)]
        if not pool:
            return "", {}
        content_path, plain = max(pool, key=lambda item: len(item[1]))
        content = "".join(f"<p>{html_lib.escape(line.strip())}</p>\n" for line in plain.splitlines() if line.strip())
    fields: dict[str, str] = {}
    parent = content_path[:-1]
    # Fields beside the content first, then the nearest ones elsewhere.
    ranked = sorted(scalars, key=lambda item: (item[0][:-1] != parent, len(item[0])))
    for path, value in ranked:
        if not path or path == content_path or value is None or isinstance(value, bool):
            continue
        kind = _path_kind(path)
        text = str(value).strip()
        if kind == "source" and text.startswith(("http://", "https://")):
            continue
        if kind and kind != "content" and kind not in fields and text:
            fields[kind] = text
    return content, fields


def _sql_values(text: str) -> list[list[str | None]]:
    """The rows of an INSERT's VALUES list: strings unescaped (MySQL backslashes, doubled quotes),
    NULL as None, numbers as written."""
    rows: list[list[str | None]] = []
    row: list[str | None] | None = None
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if row is None:
            if ch == "(":
                row = []
            elif ch == ";":
                break
            i += 1
            continue
        if ch in " \t\r\n,":
            i += 1
        elif ch == ")":
            rows.append(row)
            row = None
            i += 1
        elif ch in "'\"" or (ch in "Ee" and text[i + 1:i + 2] == "'"):
            i += 1 if ch in "'\"" else 2
            quote = ch if ch in "'\"" else "'"
            out = []
            while i < n:
                c = text[i]
                if c == "\\" and i + 1 < n:
                    out.append({"n": "\n", "r": "", "t": "\t", "0": "", "Z": ""}.get(text[i + 1], text[i + 1]))
                    i += 2
                elif c == quote and text[i + 1:i + 2] == quote:
                    out.append(quote)
                    i += 2
                elif c == quote:
                    i += 1
                    break
                else:
                    out.append(c)
                    i += 1
            row.append("".join(out))
        else:
            match = re.compile(r"[^,)\s]+").match(text, i)
            token = match[0] if match else ch
            row.append(None if token.upper() == "NULL" else token)
            i += len(token)
    return rows


def _from_sql(values: str, columns: str | None) -> tuple[str, dict[str, str]] | None:
    rows = _sql_values(values)
    if not rows:
        return None
    names = [c.strip().strip("`\"[] ") for c in columns.split(",")] if columns else []
    row = max(rows, key=lambda r: max((len(v) for v in r if v), default=0))
    cells = list(zip(names, row)) if len(names) == len(row) else [("", v) for v in row]
    markup = [i for i, (_, v) in enumerate(cells) if v and HTML_IN_STRING.search(v)]
    texts = [i for i, (_, v) in enumerate(cells) if v and CJK.search(v)]
    if not (markup or texts):
        return None
    content_at = max(markup or texts, key=lambda i: len(cells[i][1] or ""))
    content = cells[content_at][1] or ""
    if not markup:
        content = "".join(f"<p>{html_lib.escape(line.strip())}</p>\n" for line in content.splitlines() if line.strip())
    fields: dict[str, str] = {}
    for index, (name, value) in enumerate(cells):
        if not value or index == content_at:
            continue
        kind = _field_kind(name) if name else None
        if kind is None and not names:  # an INSERT without column names: guess only what is unmistakable
            if parse_explicit(value) and re.search(r"\d{4}", value) and len(value) <= 32:
                kind = "date"
            elif value.startswith(("http://", "https://")):
                kind = "url"
            elif CJK.search(value) and len(value) <= 80 and "title" not in fields:
                kind = "title"
        if kind and kind != "content" and kind not in fields:
            fields[kind] = value.strip()
    return content, fields
