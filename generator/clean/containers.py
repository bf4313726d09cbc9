"""Containers: HTML carried inside other data — an app API's JSON (`{"data":{"content":"<p>…<\\/p>"}}`),
a JavaScript file that assigns such records (`const news = [{…}, …];`), an SQL/CMS dump
(`INSERT INTO … VALUES (…,'<p>…</p>',…)`), a crawler's dump of page blocks, or JavaScript-escaped
strings. Rules:
  record-choice   of several records (JSON rows, SQL rows), the one holding the longest markup (else
                  the longest Chinese text) is the article; the others never reach the body
  js-literal      a script that assigns a JSON literal to a name is read as that literal
  block-dump      a crawler's dump of page blocks, each a `LABEL=====text` line followed by one
                  naming its CSS class (`类=====footer`), becomes a page with a <div> per block, so
                  the page reader's class words and text density choose the article; text with
                  paragraphs flattened into ideographic indents is split at them, and a run of
                  short space-separated items (a link farm) into one line per item
  typed-blocks    an API body given as a list of typed blocks (text, heading, image with its
                  caption, related links) becomes markup in the list's order
  flat-paragraphs a record's text (or markup with only inline tags) is broken into paragraphs at
                  its lines and at ideographic indents (`paragraphs.as_paragraphs`, shared with
                  the feed and crawler records of `records`)

`unwrap` gives the markup and the record's other fields (title, date, source, author, url) by what
they hold, or None for a text that is no container. Ingest calls it once per file: the form of an
input is decided in one place, and the cleaner reads `RawDocument.record` without looking again.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from typing import Any

from ..dates import parse_explicit
from ..model import Record
from .candidates import CJK
from .paragraphs import as_paragraphs, is_markup
from .records import read_record

JSON_ESCAPED_TAG = re.compile(r"\\u003c|\\x3c|\\/p>|<\\/|\\u003C")
# `const news = `, `var data=`, `window.__DATA__ = `, `module.exports = ` before a JSON literal.
JS_ASSIGNMENT = re.compile(r"\A\s*(?:(?:export\s+)?(?:const|let|var)\s+[\w$]+|[\w$]+(?:\.[\w$]+)*)\s*=\s*(?=[\[{])")
# A crawler's block dump: a label, a long rule of = signs, the value.
DUMP_LINE = re.compile(r"^(\S{1,8}?)={8,}(.*)$")
DUMP_MIN_LINES = 6
DUMP_MIN_SHARE = 0.8
CSS_CLASS = re.compile(r"^[A-Za-z_][\w-]*$")
# Flattened paragraphs: a run of ideographic spaces (the indent each paragraph began with), or a
# space after a sentence's end (Chinese puts none between sentences).
FLAT_PARAGRAPH = re.compile(r"\s*\u3000{2,}\s*|(?<=[。！？”」])\s+(?=\S)")
# A stretch of short items separated by spaces, few of them sentences, is a menu or a link farm: one item a line.
LINK_FARM_MIN_ITEMS = 6
LINK_FARM_ITEM_MAX = 16
# An SQL dump: comments and other statements (SET, DROP, CREATE TABLE …), then an INSERT.
SQL_DUMP = re.compile(r"\A\s*(?:--[^\n]*\n\s*|#[^\n]*\n\s*|/\*.*?\*/;?\s*|(?:SET|DROP|CREATE|LOCK|UNLOCK|USE|BEGIN|"
                      r"START)\b[^;]*;\s*)*INSERT\s+(?:IGNORE\s+)?INTO\s", re.I | re.S)
SQL_INSERT = re.compile(r"^\s*INSERT\s+(?:IGNORE\s+)?INTO\s+\S+\s*(?:\(([^)]*)\))?\s*VALUES\s*", re.I | re.M)

# Field names of app APIs and CMS tables, by what they hold (compared lower-cased, without _ and -).
FIELD_NAMES = {
    "title": ("title", "headline", "newstitle", "articletitle", "subject", "posttitle"),
    # Publication times; CMS names too: WordPress post_date, DedeCMS senddate, Empire CMS newstime.
    "date": ("pubdate", "pubtime", "publishtime", "publishdate", "published", "publishedat", "publishedtime",
             "datepublished", "releasetime", "releasedate", "posttime", "ptime", "displaytime", "showtime", "date",
             "time", "postdate", "postdategmt", "senddate", "newstime"),
    # When a CMS stored or last edited the record: it places a dateline in time (新华社北京6月22日电 in a
    # row created on the 25th), it does not date the story; the date of last resort when nothing does.
    "stored": ("inputtime", "createtime", "createdat", "created", "ctime", "addtime", "inserttime", "createdate",
               "adddate", "gmtcreate", "truetime", "crawltime", "crawledat", "fetchtime", "spidertime"),
    "updated": ("updatetime", "updatedat", "updated", "modified", "modifiedat", "lastmodified", "mtime",
                "datemodified", "postmodified", "postmodifiedgmt", "gmtmodified", "lastdotime", "updatedate"),
    "source": ("source", "sourcename", "media", "medianame", "mediasource", "site", "sitename", "publisher",
               "copyfrom", "comefrom", "origin", "from", "befrom"),
    "author": ("author", "authors", "authorname", "writer", "byline", "reporter", "creator"),
    "url": ("url", "link", "shareurl", "articleurl", "weburl", "sourceurl", "originalurl", "permalink",
            "canonical", "canonicalurl", "shortlink", "titleurl", "guid"),
    "content": ("content", "body", "html", "contenthtml", "articlecontent", "newscontent", "text", "detail",
                "articlebody", "contents", "description", "postcontent", "newstext"),
}


# Typed content blocks of app APIs (compared lower-cased, without _ and -): what key names the type,
# which types mean what, and where a block keeps its text and a picture its caption.
BLOCK_TYPE_KEYS = ("type", "kind", "blockType", "block_type", "__typename", "contentType", "content_type")
BLOCK_KINDS = {
    "text": frozenset({"text", "paragraph", "para", "p", "richtext", "content", "body", "html", "markdown", "quote",
                       "blockquote", "heading", "header", "subtitle", "subheading", "h2", "h3", "h4"}),
    "heading": frozenset({"heading", "header", "subtitle", "subheading", "h2", "h3", "h4", "crosshead"}),
    "quote": frozenset({"quote", "blockquote", "pullquote"}),
    "image": frozenset({"image", "img", "photo", "picture", "figure", "gallery", "video", "audio", "media"}),
    "related": frozenset({"related", "relatedlinks", "links", "link", "recommend", "recommendation", "readmore",
                          "card", "cards", "promo", "ad", "advert", "advertisement"}),
}
BLOCK_TEXT_KEYS = ("text", "content", "value", "html", "body", "paragraph", "data")
BLOCK_CAPTION_KEYS = ("caption", "desc", "description", "alt", "title", "text")


# --- data around the markup: JSON, SQL, escaped strings --------------------------------------------------


def unwrap(text: str) -> Record | None:
    """The container a text is, unwrapped: an RSS/Atom item or a crawler's <doc> record (records.py),
    JSON (or a script assigning it), a crawler's block dump, an SQL dump; None for any other text."""
    found = read_record(text)
    if found is not None:
        return Record(*found)
    stripped = text.strip()
    data = json_literal(stripped)
    if data is not None:
        return Record(*_from_json(data))
    page = _from_block_dump(stripped)
    if page is not None:
        return Record(page, {}, whole_page=True)
    if SQL_DUMP.match(stripped[:20000]):
        match = SQL_INSERT.search(stripped[:20000])
        unwrapped = _from_sql(stripped[match.end():], match[1]) if match else None
        if unwrapped is not None:
            return Record(*unwrapped)
    return None


def json_literal(text: str) -> Any:
    """Rule `js-literal`: the JSON a text is, or the JSON literal a script assigns to a name (what
    follows it, `window.news = news;`, is left); None when it is neither."""
    assignment = JS_ASSIGNMENT.match(text)
    if text[:1] not in "{[" and not assignment:
        return None
    try:
        if assignment:
            return json.JSONDecoder().raw_decode(text, assignment.end())[0]
        return json.loads(text)
    except ValueError:
        return None


def is_block_dump(text: str) -> bool:
    lines = [line for line in text[:200_000].splitlines() if line.strip()]
    dump = sum(bool(DUMP_LINE.match(line)) for line in lines)
    return dump >= DUMP_MIN_LINES and dump >= DUMP_MIN_SHARE * len(lines)


def _from_block_dump(text: str) -> str | None:
    """Rule `block-dump`: the dump as a page, one <div class="…"> per block, in the dump's order."""
    if not is_block_dump(text):
        return None
    entries = [(m[1], m[2].strip()) for m in map(DUMP_LINE.match, text.splitlines()) if m]
    # The label whose values are all CSS class names names the class of the text block before it.
    labels: dict[str, list[str]] = {}
    for label, value in entries:
        labels.setdefault(label, []).append(value)
    class_label = next((label for label, values in labels.items()
                        if values and all(CSS_CLASS.match(v) for v in values if v)), None)
    blocks: list[str] = []
    pending: str | None = None
    for label, value in entries:
        if label == class_label:
            if pending is not None:
                blocks.append(f'<div class="{html_lib.escape(value)}">{pending}</div>')
                pending = None
            continue
        if pending is not None:
            blocks.append(f"<div>{pending}</div>")
        pending = "".join(f"<p>{html_lib.escape(piece)}</p>" for piece in _flat_paragraphs(value))
    if pending is not None:
        blocks.append(f"<div>{pending}</div>")
    return "<html><body>\n" + "\n".join(blocks) + "\n</body></html>"


def _flat_paragraphs(text: str) -> list[str]:
    """Paragraphs of text whose line breaks were flattened; a link farm becomes one item a line."""
    pieces: list[str] = []
    for paragraph in FLAT_PARAGRAPH.split(text):
        items = paragraph.split()
        sentences = sum(item[-1] in "。！？" for item in items)
        if (len(items) >= LINK_FARM_MIN_ITEMS and sentences <= len(items) // 4
                and sorted(len(i) for i in items)[len(items) // 2] <= LINK_FARM_ITEM_MAX):
            pieces.extend(items)
        elif paragraph.strip():
            pieces.append(paragraph.strip())
    return pieces


def unescape_strings(text: str) -> str:
    """Markup escaped as a JavaScript or JSON string (\\u003cp\\u003e, <\\/p>) outside any container."""
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
    markup = [(p, v) for p, v in strings if is_markup(v)]
    content_path: tuple[str, ...] = ()
    typed = _typed_blocks(data)
    longest = max((len(v) for _, v in strings if CJK.search(v)), default=0)
    if typed and typed[2] >= longest:
        content_path, content = typed[0], typed[1]
    elif markup:
        content_path, content = max(markup, key=lambda item: len(item[1]))
        content = as_paragraphs(content, markup=True)
    else:
        named = [(p, v) for p, v in strings if p and _field_kind(p[-1]) == "content" and CJK.search(v)]
        pool = named or [(p, v) for p, v in strings if CJK.search(v)]
        if not pool:
            return "", {}
        content_path, plain = max(pool, key=lambda item: len(item[1]))
        content = as_paragraphs(plain, markup=False)
    fields: dict[str, str] = {}
    parent = content_path[:-1]
    # Fields beside the content first, then the nearest ones elsewhere.
    ranked = sorted(scalars, key=lambda item: (item[0][:-1] != parent, len(item[0])))
    for path, value in ranked:
        if not path or path[:len(content_path)] == content_path or value is None or isinstance(value, bool):
            continue
        kind = _path_kind(path)
        text = str(value).strip()
        if kind == "source" and text.startswith(("http://", "https://")):
            continue
        if kind and kind != "content" and kind not in fields and text:
            fields[kind] = text
    return content, fields


def _lists(data: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], list[Any]]]:
    """Every list in a JSON value, with the keys leading to it."""
    stack = [(path, data)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, dict):
            stack.extend(((*where, str(k)), v) for k, v in item.items())
        elif isinstance(item, list):
            yield where, item
            stack.extend((where, v) for v in item)


def _block_type(item: Any) -> str | None:
    if not isinstance(item, dict):
        return None
    value = next((item[k] for k in BLOCK_TYPE_KEYS if isinstance(item.get(k), str)), None)
    return _key(value) if value else None


def _block_text(item: dict[str, Any], keys: tuple[str, ...]) -> str:
    for key in keys:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, dict):  # {"caption": {"text": "…"}}
            inner = _block_text(value, keys)
            if inner:
                return inner
    return ""


def _render_block(item: dict[str, Any], kind: str) -> str:
    """One typed block as markup: text a paragraph, a heading a heading, a picture a figure with its
    caption, related links an aside (chrome to the page reader)."""
    def text_of(keys: tuple[str, ...]) -> str:
        raw = _block_text(item, keys)
        return raw if is_markup(raw) else html_lib.escape(raw)

    if kind in BLOCK_KINDS["related"]:
        titles = [html_lib.escape(str(v)) for _, v in _walk_json(item) if isinstance(v, str) and CJK.search(v)]
        return "<aside>" + "".join(f"<p><a href='#'>{t}</a></p>" for t in titles) + "</aside>" if titles else ""
    if kind in BLOCK_KINDS["image"]:
        caption = text_of(BLOCK_CAPTION_KEYS)
        return f"<figure><img src=''><figcaption>{caption}</figcaption></figure>" if caption else ""
    if kind in BLOCK_KINDS["heading"]:
        heading = text_of(BLOCK_TEXT_KEYS)
        return f"<h2>{heading}</h2>" if heading else ""
    body = text_of(BLOCK_TEXT_KEYS)
    if not body:
        return ""
    if kind in BLOCK_KINDS["quote"]:
        return f"<blockquote>{body}</blockquote>"
    return as_paragraphs(body, markup=True)


def _typed_blocks(data: Any) -> tuple[tuple[str, ...], str, int] | None:
    """Rule `typed-blocks`: an API record whose body is a list of typed blocks ({"type": "text", …},
    {"type": "image", "caption": …}, {"type": "related", "links": […]}) becomes markup in the list's
    order. Returns (the list's path, the markup, characters of Chinese text it holds), for the list
    holding the most text; None where no list is one of typed blocks."""
    best: tuple[tuple[str, ...], str, int] | None = None
    for path, items in _lists(data):
        kinds = [_block_type(item) for item in items]
        if sum(k is not None for k in kinds) < 2 or not any(k in BLOCK_KINDS["text"] for k in kinds):
            continue
        markup = "\n".join(_render_block(item, kind) for item, kind in zip(items, kinds) if kind)
        chars = sum(len(_block_text(item, BLOCK_TEXT_KEYS)) for item, kind in zip(items, kinds)
                    if kind in BLOCK_KINDS["text"] | BLOCK_KINDS["heading"] | BLOCK_KINDS["quote"])
        if chars and (best is None or chars > best[2]):
            best = (path, markup, chars)
    return best


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
    markup = [i for i, (_, v) in enumerate(cells) if v and is_markup(v)]
    texts = [i for i, (_, v) in enumerate(cells) if v and CJK.search(v)]
    if not (markup or texts):
        return None
    content_at = max(markup or texts, key=lambda i: len(cells[i][1] or ""))
    content = cells[content_at][1] or ""
    content = as_paragraphs(content, markup=bool(markup))
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
