"""Reading raw files: bytes → decoded text, the form of the input, a stable id, front matter.

This is the only stage that touches the raw folder. Whatever it cannot read becomes a
`Rejection` with a reason the user can act on; it never raises anything else for bad input.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from .clean.containers import unwrap
from .dates import parse_explicit
from .han import HAN
from .model import RawDocument, Record, Rejection, SourceForm
from .settings import Settings

RAW_SUFFIXES = {".txt", ".html", ".htm", ".md", ".markdown", ".xml", ".json", ".sql"}

# Magic numbers of files that are not text, whatever their name says.
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"RIFF": "a RIFF media file",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}

# Characters frequent in any Chinese news text, Simplified and Traditional: a decoding that
# yields many of them is the right one (GB18030 and Big5 both decode each other's bytes).
COMMON_HANZI = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
    "种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本"
    "去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或"
    "但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品"
    "式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先"
    "回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清"
    "國個說時會對這們經發來為與從關後過動當實於還進現與將點開體話問總臺灣港國際協議記者報導總統"
)

DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)"""
                              rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_-]+)""", re.I)
CHARSET_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs",
                     "big5-hkscs": "big5hkscs", "x-big5": "big5hkscs"}
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
# Hugo's TOML front matter, between +++ lines.
TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_PAGE_MARK = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
HTML_TAG = re.compile(
    r"</?(p|div|section|article|figure|figcaption|address|time|a|img|br|span|h[1-6]|ul|ol|li|blockquote|"
    r"table|tr|td|strong|em|b|i|small|header|footer|main|nav|aside|cite|hr|iframe|script|style|svg)\b[^>]*>",
    re.I,
)
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
ID_OK = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
# Ids the site uses for its own pages: briefings/index is the list of briefings.
RESERVED_IDS = {"index"}
# A front-matter date: 2025-05-16, 2025-05, or a timestamp on that day (2025-05-16 08:00:00+08:00).
FRONT_MATTER_DATE = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                               r"\s*(?:Z|[+-]\d{2}:?\d{2})?)?)?")
FRONT_MATTER_KEYS = {"title", "date", "id", "slug", "actors", "topics", "url", "outlet", "authors", "author",
                     "source", "tags", "summary", "language"}
# Keys that feed readers and note apps write for the same things (an RSS item saved as a note).
FRONT_MATTER_ALIASES = {"published": "date", "pubdate": "date", "pub_date": "date", "created": "date",
                        "link": "url", "original": "url", "source_url": "url", "feed": "outlet", "site": "outlet",
                        "publisher": "outlet", "by": "author", "category": "tags", "categories": "tags"}


def list_raw_files(raw_dir: Path) -> list[Path]:
    """Every regular file under the raw folder, in a stable order; hidden files are skipped."""
    if not raw_dir.is_dir():
        return []
    files = [p for p in raw_dir.rglob("*") if p.is_file() and not any(part.startswith(".") for part in
                                                                        p.relative_to(raw_dir).parts)]
    return sorted(files, key=lambda p: p.relative_to(raw_dir).as_posix())


def slug_from_name(name: str) -> str:
    """An ASCII id from a file name: lower case, runs of other characters become one hyphen.

    A name with too little ASCII to say anything (Chinese names), or one that would take a page the
    site needs (`RESERVED_IDS`: index.txt), gets a hash of the name added, which is just as stable:
    the same file name always gives the same id.
    """
    stem = name.rsplit(".", 1)[0] if "." in name else name
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem).strip("-")[:72].strip("-")
    if len(re.sub(r"[^a-z]", "", slug)) < 3 or slug in RESERVED_IDS:
        digest = hashlib.sha1(stem.encode("utf-8")).hexdigest()[:10]
        slug = f"{slug}-{digest}" if slug else f"a-{digest}"
    return slug


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares (<meta charset="gbk">, an XML prolog), as a Python codec name;
    legacy Chinese names map to their supersets (gb2312 and gbk to gb18030, big5 to big5hkscs)."""
    match = DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    name = (match[1] or match[2]).decode("ascii", "ignore").lower()
    name = CHARSET_SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode raw bytes, returning (text, encoding). UTF-8 (with or without BOM) first; then the
    encoding the page declares, if the bytes agree with it; else the Chinese legacy encoding whose
    result looks most like Chinese."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        # A scraper that cut a file mid-character leaves a bad tail only: still UTF-8.
        if exc.start >= len(data) - 3:
            return data.decode("utf-8", errors="replace"), "utf-8"
        utf8_errors = data.decode("utf-8", errors="replace").count("\ufffd")
    declared = declared_charset(data)
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    candidates = []
    for encoding in ("gb18030", "big5", "big5hkscs"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = data.decode(encoding, errors="replace")
        han = HAN.findall(text)
        common = sum(ch in COMMON_HANZI for ch in han) / max(1, len(han))
        # On a tie the plainer name wins: big5 over its superset big5hkscs.
        candidates.append((common - text.count("\ufffd") / max(1, len(text)), -len(encoding), encoding, text))
    score, _, encoding, text = max(candidates)
    if score < 0.2 and utf8_errors < len(data) // 50:
        return data.decode("utf-8", errors="replace"), "utf-8"
    return text, encoding


def detect_form(text: str, suffix: str) -> SourceForm:
    """The form of an input judged by its content; the extension only breaks a tie for Markdown."""
    return read_form(text, suffix)[0]


def read_form(text: str, suffix: str) -> tuple[SourceForm, Record | None]:
    """The form of an input, decided once: a container (an API's JSON, an SQL dump, a feed item, a
    crawler's record or block dump) is unwrapped here, and the cleaner reads its record."""
    record = unwrap(text)
    if record is not None:
        return SourceForm.DATA_RECORD, record
    return _text_form(text, suffix), None


def _text_form(text: str, suffix: str) -> SourceForm:
    head = text[:5000]
    # A blog's Markdown export is Markdown even where it carries the site's HTML: the Markdown
    # reader hands its HTML blocks to the HTML reader.
    if suffix in MARKDOWN_SUFFIXES or (suffix not in (".html", ".htm") and (
            FRONT_MATTER.match(text) or TOML_FRONT_MATTER.match(text))):
        return SourceForm.MARKDOWN
    if HTML_PAGE_MARK.search(head):
        return SourceForm.HTML_PAGE
    if len(HTML_TAG.findall(text[:200_000])) >= 3:
        return SourceForm.HTML_FRAGMENT
    if suffix in (".md", ".markdown") or MARKDOWN_HEADING.search(text):
        return SourceForm.MARKDOWN
    return SourceForm.TEXT


def read_toml(text: str) -> dict[str, Any]:
    """Hugo's TOML front matter as a mapping: by tomllib where Python has it (3.11), else its top-level
    `key = value` lines, whose values (quoted strings, arrays of them, numbers, booleans) read as
    YAML flow values read the same."""
    try:
        import tomllib
    except ModuleNotFoundError:
        data: dict[str, Any] = {}
        for line in text.splitlines():
            if line.strip().startswith("["):  # a table: its keys are not the page's own
                break
            key, sep, value = line.partition("=")
            if sep and key.strip() and not key.strip().startswith("#"):
                try:
                    data[key.strip().strip("\"'")] = yaml.load(value.strip(), Loader=_FrontMatterLoader)
                except yaml.YAMLError as exc:
                    raise ValueError(f"line {line.strip()!r} is not TOML") from exc
        return data
    return tomllib.loads(text)


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader (no tags, no objects) that leaves dates as the text written, so that an impossible
    date (2025-13-45) is refused by name instead of failing the whole file."""


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def parse_front_matter(text: str) -> tuple[dict[str, Any], str, list[str]]:
    """Split YAML front matter (or Hugo's TOML between +++ lines) off a Markdown text. YAML is
    loaded with SafeLoader: tags such as `!!python/object` are refused. Returns (fields, rest of
    text, warnings)."""
    match = FRONT_MATTER.match(text)
    toml = None if match else TOML_FRONT_MATTER.match(text)
    if toml:
        try:
            return _front_matter_fields(read_toml(toml.group(1)), text[toml.end():])
        except ValueError as exc:  # tomllib's TOMLDecodeError is a ValueError
            return {}, text[toml.end():], [f"front matter ignored: {exc}"]
    if not match:
        return {}, text, []
    rest = text[match.end():]
    try:
        data = yaml.load(match.group(1), Loader=_FrontMatterLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (front matter line {mark.line + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return {}, rest, [f"front matter ignored{where}: {problem}"]
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # a value no constructor can build
        return {}, rest, [f"front matter ignored: {exc}"]
    if data is None:
        return {}, rest, []
    if not isinstance(data, dict):
        return {}, rest, ["front matter ignored: it is not a mapping of keys to values"]
    return _front_matter_fields(data, rest)


def _front_matter_fields(data: dict[Any, Any], rest: str) -> tuple[dict[str, Any], str, list[str]]:
    fields: dict[str, Any] = {}
    warnings: list[str] = []
    for key, value in data.items():
        key = str(key)
        key = key.lower() if key.lower() in FRONT_MATTER_KEYS else key
        alias = FRONT_MATTER_ALIASES.get(key.lower())
        if alias and alias not in data and alias not in fields:
            key = alias
        if key not in FRONT_MATTER_KEYS:
            warnings.append(f"front matter key '{key}' is not used")
            continue
        checked, problem = _check_field(key, value)
        if problem:
            warnings.append(f"front matter '{key}' ignored: {problem}")
        else:
            fields[key] = checked
    return fields, rest, warnings


def _check_field(key: str, value: Any) -> tuple[Any, str | None]:
    if key in ("id", "slug"):
        if isinstance(value, str) and value in RESERVED_IDS:
            return None, f"{value!r} is reserved for a page of the site"
        if isinstance(value, str) and ID_OK.match(value):
            return value, None
        return None, f"{value!r} is not an ASCII id (a-z, 0-9, hyphens)"
    if key == "date":
        if isinstance(value, dt.datetime):
            return value.date().isoformat(), None
        if isinstance(value, dt.date):
            return value.isoformat(), None
        if isinstance(value, str):
            match = FRONT_MATTER_DATE.fullmatch(value.strip())
            if match:
                year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
                try:
                    dt.date(year, month, day)
                except ValueError:
                    return None, f"{value!r} is not a real date"
                return (f"{year:04d}-{month:02d}-{day:02d}" if match[3] else f"{year:04d}-{month:02d}"), None
            parsed = parse_explicit(value)  # as feeds write it: Mon, 03 Mar 2025 10:00:00 +0000
            if parsed:
                return parsed.iso, None
        return None, f"{value!r} is not a date (YYYY-MM-DD or YYYY-MM)"
    if key in ("actors", "topics", "authors", "tags"):
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
            return [str(v) for v in value], None
        return None, "must be a list of text"
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value), None
    return None, "must be text"


def read_raw(path: Path, raw_dir: Path, settings: Settings) -> RawDocument:
    """Read one raw file. Raises `Rejection` (with the file and the reason) for what cannot be read."""
    source = path.relative_to(raw_dir).as_posix()
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes:
            raise Rejection(source, f"file is {size / 1e6:.1f} MB, over the {settings.max_input_bytes / 1e6:.0f} MB "
                                    "limit for one article; split it or raise max_input_bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise Rejection(source, f"cannot be read: {exc.strerror or exc}") from None
    return read_bytes(data, source, path.suffix.lower())


def read_bytes(data: bytes, source: str, suffix: str = ".txt") -> RawDocument:
    if not data.strip():
        raise Rejection(source, "file is empty")
    for magic, what in BINARY_SIGNATURES.items():
        if data.startswith(magic):
            raise Rejection(source, f"not text: the file is {what}")
    if data.count(b"\x00") > len(data) // 10 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Rejection(source, "not text: the file is mostly NUL bytes (a binary file?)")
    text, encoding = decode(data)
    warnings = []
    if "\x00" in text:
        warnings.append("NUL characters removed")
        text = text.replace("\x00", "")
    if text.rstrip().endswith("\ufffd"):
        # A file cut inside its last character: the character is gone, the text before it is whole,
        # and an ellipsis says so (it also ends the sentence, so the cut paragraph reads as text).
        text = text.rstrip().rstrip("\ufffd") + "…"
        warnings.append("undecodable bytes at the end replaced by …: the file ends inside a character (truncated?)")
    if "\ufffd" in text:
        warnings.append(f"{text.count(chr(0xFFFD))} undecodable byte sequence(s) replaced")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Control characters other than tab and newline have no place in an article.
    text = re.sub(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    if not text.strip():
        raise Rejection(source, "file has no text after decoding")
    front: dict[str, Any] = {}
    form, record = read_form(text, suffix)
    if FRONT_MATTER.match(text) or TOML_FRONT_MATTER.match(text):
        front, text, fm_warnings = parse_front_matter(text)
        warnings.extend(fm_warnings)
        if form is SourceForm.TEXT:
            form = SourceForm.MARKDOWN
    doc_id = str(front.get("id") or front.get("slug") or slug_from_name(source.rsplit("/", 1)[-1]))
    return RawDocument(
        source=source,
        doc_id=doc_id,
        form=form,
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        front_matter=front,
        warnings=tuple(warnings),
        record=record,
    )
