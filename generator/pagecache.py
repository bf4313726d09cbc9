"""Rendered pages reused across builds: a page whose inputs did not change is not converted from
Markdown or passed through the theme again; its HTML comes from the page cache.

After one article in a thousand changes, the generator writes the same Markdown for nearly every
one of the 1764 pages; MkDocs would still convert and theme every one (about 90 % of a build).
Here each page gets a key, a SHA-256 of everything its HTML is made from:

* **the page**: its source path, output path and URL, its Markdown as MkDocs will convert it (after
  every plugin's `on_page_markdown`) and its front matter;
* **the site** (`site_digest`): the MkDocs configuration as loaded (mkdocs.yml and the values the
  command line or a plugin changed, such as `site_url` under `mkdocs serve`), every file of the
  theme's folders outside the installed packages (`custom_dir`), the versions of MkDocs, Material,
  Python-Markdown, its extensions, Jinja and Pygments, and the generator's own source;
* **the navigation** (`nav_digest`): every page of a page's HTML shows the whole nav (titles and
  URLs, and the previous/next page of nav pages). The nav is small and fixed (generated pages are
  `not_in_nav`), so this costs nothing; a nav page without a title of its own takes it from its
  Markdown, whose hash then joins the nav's;
* **the links it resolved**: MkDocs rewrites a link to `x.md` only when `x.md` exists, into a URL
  relative to that file's URL. While a page is converted every file it looks up is recorded
  (`RecordingFiles`), and a cached page is reused only when each lookup finds the same file at
  the same URL and inclusion as before. A new or removed page elsewhere changes no key. When the
  build's files are those the page was converted with (`files_digest`: every file's path, URL and
  inclusion; the usual case after an article changed) every lookup finds what it found then, and
  the lookups are not checked one by one.

What a cached page gives back is what converting it gave: its HTML content (for the plugins that
read it in `on_page_content`/`on_page_context`, such as Material's search; when none is on, the
content stays packed in the entry, as the empty template shows none), table of contents,
title, anchor ids and links to anchors (for MkDocs's anchor validation of every page), the log
records of its conversion (a missing-link warning is repeated, so `--strict` fails as a clean build
does) and, once a build has written it, the page's final HTML. The theme is then rendered with an
empty template (`SKIP_TEMPLATE`) and the page's cached HTML replaces that output in `on_post_page`,
after every other plugin's handler.

Only plugins whose page handlers depend on nothing but the page are allowed (`KNOWN_PLUGINS`);
another plugin in mkdocs.yml turns the cache off with one line in the log. `mkdocs build --dirty`
and `serve --dirty` do not help generated pages: MkDocs counts a page made in memory as always
modified.

The cache lives in `<cache_dir>/pages/<2 hex>/<key>.page`, beside the per-article results, and is
kept like them (see generator/cache.py): each entry is written as soon as its page is, through a
temporary file renamed into place; it starts with a header naming the format, its key and a
SHA-256 of its payload, and is used only when all three match and the payload is the JSON record
expected (never unpickled). A completed build removes every entry it did not use. Under
`mkdocs serve` the process also keeps the last build's entries in memory (`PageReuse.kept`), so a
rebuild opens no entry file for a page it had already.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
import material
import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc
from mkdocs.theme import Theme

from .cache import EntryError, EntryFolder, code_digest, folder_digest

FOLDER = "pages"  # under the generator's cache_dir; generator/cache.py prunes only its 2-hex folders
ENTRY_MAGIC = b"briefing-generator page 2\n"  # bump the number when the record's layout changes
ENTRY_SUFFIX = ".page"
SKIP_TEMPLATE = "briefings-cached-page.html"  # empty: the cached HTML replaces its output
COMPRESSION = 1  # zlib level: HTML shrinks about fivefold at this level, in about 10 ms a page
# Plugins whose page events read only the page they are given (and the site's configuration).
KNOWN_PLUGINS = frozenset({"briefings", "search", "material/search"})
# Distributions whose code turns Markdown into a themed page; their versions join every key.
RENDERING_PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "pygments")
# Configuration values that are never written into a page: the output folder (a temporary one
# under `mkdocs serve`), the configuration file's path as typed (its bytes are hashed), the
# server's address and watch list, and the dictionaries of Material's search index (set by the
# briefings plugin from the vocabulary, read only by the index).
NOT_RENDERED = frozenset({"site_dir", "config_file_path", "dev_addr", "watch", "strict", "jieba_dict",
                          "jieba_dict_user"})
RECORD_FIELDS = ("toc", "title", "anchors", "links_to_anchors", "lookups", "records", "files")  # the JSON part
RECORDED_LOGGER = "mkdocs"  # records MkDocs's strict mode counts, replayed when a page is reused

log = logging.getLogger("mkdocs.plugins.briefings.pagecache")

Target = list[Any] | None  # what a looked-up path found: [src_uri, url, excluded] or None


@dataclass
class RenderedPage:
    """What converting one page's Markdown gave, and the HTML the build wrote for it."""

    content: str  # page.content as `Page.render` left it, before any on_page_content handler
    toc: list[dict[str, Any]]  # the toc tokens: level, id, name, children
    title: str | None  # the first heading, Page._title_from_render
    anchors: list[str]  # Page.present_anchor_ids
    links_to_anchors: dict[str, dict[str, str]] | None  # target src_uri -> anchor -> link as written
    lookups: dict[str, Target]  # every path the conversion looked up -> what it found
    records: list[tuple[str, int, str]] = field(default_factory=list)  # (logger, level, message)
    files: str = ""  # files_digest of the build that converted it: the same files find the same targets
    output: str = ""  # the page's final HTML, after every on_post_page handler
    # The same, as read from the cache: compressed until written (a build holds every reused page
    # from its conversion to its writing; uncompressed that was 120 MB more at 1000 articles).
    packed_output: bytes = b""
    # `content` of a page this build converts, compressed from its conversion until its entry is
    # written (the build converts every page before it writes the first; see the plugin's on_page_content)
    packed_content: bytes = b""
    payload: bytes = b""  # the entry's payload as read (`mkdocs serve` keeps it for the next rebuild)

    def html(self) -> str:
        return zlib.decompress(self.packed_output).decode() if self.packed_output else self.output

    def content_text(self) -> str:
        return zlib.decompress(self.packed_content).decode() if self.packed_content else self.content

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RenderedPage:
        """The record in a decoded entry; EntryError when a field is missing or of the wrong type."""
        kinds = {"toc": list, "title": (str, type(None)), "anchors": list,
                 "links_to_anchors": (dict, type(None)), "lookups": dict, "records": list, "files": str}
        if set(data) != set(kinds):
            raise EntryError("not a page record")
        for name, kind in kinds.items():
            if not isinstance(data[name], kind):
                raise EntryError(f"{name} is a {type(data[name]).__name__}")
        records = [(str(name), int(level), str(message)) for name, level, message in data["records"]]
        return cls(content="", **{**data, "records": records})


def _target(found: File | None) -> Target:
    return None if found is None else [found.src_uri, found.url, found.inclusion.is_excluded()]


class RecordingFiles(Files):
    """The build's files, noting every path a page's conversion looks up and what it found."""

    def __init__(self, files: Files) -> None:  # shares the build's collection, copies nothing
        self.__dict__.update(files.__dict__)
        self.lookups: dict[str, Target] = {}

    def get_file_from_path(self, path: str) -> File | None:
        found = super().get_file_from_path(path)
        self.lookups[path] = _target(found)
        return found


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _toc_tokens(items: Iterable[AnchorLink]) -> list[dict[str, Any]]:
    return [{"level": a.level, "id": a.id, "name": a.title, "children": _toc_tokens(a.children)} for a in items]


# --- keys -------------------------------------------------------------------------------------


def _plain(value: object) -> object:
    """`value` as JSON-able data that says what it renders: no memory addresses, no temp paths."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Theme):
        return {"name": value.name, "dirs": value.dirs, "vars": _plain(dict(value.items()))}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))
                if str(k) not in NOT_RENDERED}
    if isinstance(value, (set, frozenset)):
        return sorted(repr(_plain(v)) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    config = getattr(value, "config", None)  # a plugin: its options
    if isinstance(config, Mapping):
        return {"plugin": type(value).__qualname__, "config": _plain(config)}
    name = getattr(value, "__qualname__", None)
    if name is not None:  # a function or class (a slugify callable in mdx_configs)
        return f"{getattr(value, '__module__', '')}.{name}"
    return f"<{type(value).__module__}.{type(value).__qualname__}>"


def _versions() -> dict[str, str]:
    found = {}
    for name in RENDERING_PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "absent"
    return found


def _installed(folder: Path) -> bool:
    """A theme folder shipped inside MkDocs or Material: their versions stand for its files."""
    packages = (Path(mkdocs.__file__).parent.resolve(), Path(material.__file__).parent.resolve())
    return any(folder == p or p in folder.parents for p in packages)


def theme_digest(theme: Theme) -> str:
    """Every file of the theme's own folders (custom_dir), by path and bytes."""
    digest = hashlib.sha256()
    for entry in theme.dirs:
        folder = Path(entry).resolve()
        if _installed(folder) or not folder.is_dir():
            continue
        digest.update(folder.as_posix().encode() + b"\0")
        digest.update(folder_digest(folder).encode())
    return digest.hexdigest()


def _nav_items(items: Iterable[Any]) -> Iterator[object]:
    for item in items:
        if item.is_section:
            yield ["section", item.title, list(_nav_items(item.children))]
        elif item.is_page:
            title = item.title  # before conversion: only a title given in `nav:` (None otherwise)
            source = hashlib.sha256(item.file.content_bytes).hexdigest() if title is None else None
            yield ["page", title, item.file.src_uri, item.url, source]
        else:
            yield ["link", item.title, item.url]


def nav_digest(nav: Navigation) -> str:
    """The navigation as every page shows it: order, titles and URLs."""
    return hashlib.sha256(json.dumps(list(_nav_items(nav.items)), ensure_ascii=False).encode()).hexdigest()


def site_digest(config: MkDocsConfig, nav: Navigation) -> str:
    """Everything outside a page that its HTML depends on (see the module's docstring)."""
    parts = {
        "format": ENTRY_MAGIC.decode(),
        "config": _plain(dict(config.items())),
        "config_file": hashlib.sha256(Path(config.config_file_path).read_bytes()).hexdigest()
        if config.config_file_path and Path(config.config_file_path).is_file() else None,
        "theme": theme_digest(config.theme),
        "versions": _versions(),
        "generator": code_digest(),
        "nav": nav_digest(nav),
    }
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def page_key(site: str, page: Page) -> str:
    """The key of one page: the site's digest and the page's own inputs."""
    own = [site, page.file.src_uri, page.file.dest_uri, page.url, _plain(dict(page.meta)), page.file.inclusion.name]
    digest = hashlib.sha256(json.dumps(own, ensure_ascii=False).encode())
    digest.update(b"\0" + (page.markdown or "").encode())  # hashed as is: JSON-escaping it cost as much again
    return digest.hexdigest()


def files_digest(files: Files) -> str:
    """What every path finds among `files`: each file's source path, URL and inclusion. A page
    converted with files of the same digest looked up only targets that are found as then."""
    found = sorted(_target(f) for f in files)
    return hashlib.sha256(json.dumps(found, ensure_ascii=False).encode()).hexdigest()


def content_readers(config: MkDocsConfig) -> list[str]:
    """The enabled plugins other than `briefings` that read a page's HTML content (Material's
    search, when it answers queries); `enabled: false` (set for Pagefind) makes its handlers
    return at once."""
    return sorted(name for name, plugin in config.plugins.items()
                  if name != "briefings" and plugin.config.get("enabled", True))


# --- storage ----------------------------------------------------------------------------------


class PageCache(EntryFolder[RenderedPage]):
    """The folder of rendered pages: `<folder>/<2 hex>/<key>.page`. The payload is the record's
    length (8 bytes), the record (zlib-compressed JSON), the content's length (8 bytes), the
    content (zlib-compressed HTML) and the page's HTML (zlib-compressed). The content is apart
    because a reused page needs it only when another plugin reads it (Material's search)."""

    magic = ENTRY_MAGIC
    suffix = ENTRY_SUFFIX

    def dump(self, value: RenderedPage) -> bytes:
        fields = {name: getattr(value, name) for name in RECORD_FIELDS}
        record = zlib.compress(json.dumps(fields, ensure_ascii=False).encode(), COMPRESSION)
        content = value.packed_content or zlib.compress(value.content.encode(), COMPRESSION)
        html = value.packed_output or zlib.compress(value.output.encode(), COMPRESSION)
        return b"".join((len(record).to_bytes(8, "big"), record, len(content).to_bytes(8, "big"), content, html))

    def load(self, payload: bytes) -> RenderedPage:
        size = int.from_bytes(payload[:8], "big")
        content_at = 8 + size + 8
        content_size = int.from_bytes(payload[8 + size:content_at], "big")
        try:
            record = json.loads(zlib.decompress(payload[8:8 + size]))
        except (zlib.error, ValueError) as error:
            raise EntryError(f"unreadable: {error}") from error
        if not isinstance(record, dict):
            raise EntryError("not a page record")
        page = RenderedPage.from_json(record)
        page.packed_content = payload[content_at:content_at + content_size]
        page.packed_output = payload[content_at + content_size:]
        page.payload = payload
        return page


# --- one build --------------------------------------------------------------------------------


def unknown_plugins(config: MkDocsConfig) -> list[str]:
    return sorted(name for name in config.plugins if name not in KNOWN_PLUGINS)


def still_valid(entry: RenderedPage, files: Files, seen: dict[str, Target] | None = None) -> bool:
    """Every link target the page's conversion looked up is found as it was then. `seen`: what
    each path finds in this build's files, filled as paths are looked up (pages share most)."""
    seen = {} if seen is None else seen
    for path, found in entry.lookups.items():
        if path not in seen:
            seen[path] = _target(files.get_file_from_path(path))
        if seen[path] != found:
            return False
    return True


class PageReuse:
    """One build's use of the page cache, driven by the plugin's page events in this order:
    `start` (on_nav), `before_render` (on_page_markdown, last), `output` (on_post_page, last) and
    `finish` (on_post_build).

    `kept`: under `mkdocs serve`, the entries of the previous build's pages as the process holds
    them (payloads, about 15 kB a page), read before the folder; `kept_next` is this build's, for
    the next rebuild. A rebuild then opens no entry file for a page it had already."""

    def __init__(self, folder: Path, kept: dict[str, bytes] | None = None) -> None:
        self.cache = PageCache(folder)
        self.kept = kept
        self.kept_next: dict[str, bytes] | None = None if kept is None else {}
        self.site: str | None = None  # None: this build renders every page itself
        self.files = ""  # files_digest of this build's files, taken at its first page
        self.give_content = True  # whether a reused page's content is read by another plugin
        self.used: set[str] = set()
        self.reused: dict[str, tuple[str, RenderedPage]] = {}  # src_uri -> (key, cached page being reused)
        self.fresh: dict[str, tuple[str, RenderedPage | None]] = {}  # src_uri -> (key, record once rendered)
        self.targets: dict[str, Target] = {}  # path -> what it finds among this build's files
        self.pages = 0
        self.hits = 0
        self.began = self.done = time.perf_counter()

    def start(self, config: MkDocsConfig, nav: Navigation) -> None:
        others = unknown_plugins(config)
        if others:
            log.info("page cache off: the plugins %s may make a page from other pages", ", ".join(others))
            self.site = None
            return
        self.site = site_digest(config, nav)
        self.give_content = bool(content_readers(config))
        self.began = self.done = time.perf_counter()

    def _entry(self, key: str) -> RenderedPage | None:
        payload = self.kept.get(key) if self.kept is not None else None
        if payload is not None:
            return self.cache.load(payload)  # written or checked by this process
        return self.cache.get(key)

    def before_render(self, page: Page, files: Files) -> None:
        """Reuse the page when its key has an entry whose links still resolve the same; otherwise
        convert it while recording what it looks up and logs."""
        if self.site is None or page.file.inclusion.is_excluded():
            return
        if not self.files:
            self.files = files_digest(files)
        self.pages += 1
        key = page_key(self.site, page)
        self.used.add(key)
        entry = self._entry(key)
        if entry is not None and entry.packed_output and (
                entry.files == self.files or still_valid(entry, files, self.targets)):
            self.reused[page.file.src_uri] = (key, entry)
            self.hits += 1
            page.render = lambda config, files: self._restore(page, entry, files)  # type: ignore[method-assign]
            page.meta["template"] = SKIP_TEMPLATE
            return
        self.fresh[page.file.src_uri] = (key, None)
        page.render = lambda config, files: self._render(page, config, files)  # type: ignore[method-assign]

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        recording = RecordingFiles(files)
        recorder = _Recorder()
        logger = logging.getLogger(RECORDED_LOGGER)
        logger.addHandler(recorder)
        try:
            Page.render(page, config, recording)
        finally:
            logger.removeHandler(recorder)
        links = None
        if page.links_to_anchors is not None:
            links = {target.src_uri: dict(anchors) for target, anchors in page.links_to_anchors.items()}
        key, _ = self.fresh[page.file.src_uri]
        self.fresh[page.file.src_uri] = (key, RenderedPage(
            content="", packed_content=zlib.compress((page.content or "").encode(), COMPRESSION),
            toc=_toc_tokens(page.toc), title=page._title_from_render,
            anchors=sorted(page.present_anchor_ids or ()), links_to_anchors=links,
            lookups=recording.lookups, records=recorder.records, files=self.files))

    def _restore(self, page: Page, entry: RenderedPage, files: Files) -> None:
        """What `Page.render` would have set, from the entry (its log records said again). The
        content only when a plugin reads it: the theme renders nothing for a reused page."""
        page.content = entry.content_text() if self.give_content else ""
        page.toc = get_toc(entry.toc)  # type: ignore[arg-type]
        page._title_from_render = entry.title
        page.present_anchor_ids = set(entry.anchors)
        if entry.links_to_anchors is not None and logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() \
                > logging.DEBUG:
            page.links_to_anchors = {
                found: dict(anchors) for uri, anchors in entry.links_to_anchors.items()
                if (found := files.get_file_from_path(uri)) is not None}
        for name, level, message in entry.records:
            logging.getLogger(name).log(level, message)

    def output(self, page: Page, html: str) -> str:
        """The page's HTML: the cached one for a reused page; a fresh page's is stored."""
        uri = page.file.src_uri
        self.done = time.perf_counter()
        key, entry = self.reused.pop(uri, (None, None))
        if key is not None and entry is not None:
            if self.kept_next is not None:
                self.kept_next[key] = entry.payload
            return entry.html()
        key, record = self.fresh.pop(uri, (None, None))
        if key is not None and record is not None:
            record.output = html
            self.cache.put(key, record)
            if self.kept_next is not None:
                self.kept_next[key] = self.cache.dump(record)
        return html

    def finish(self) -> str:
        """Prune the entries this build did not use; a line for the log on what the cache did."""
        removed = self.cache.prune(self.used) if self.site is not None else 0
        return (f"page cache: {self.hits} of {self.pages} pages reused, {removed} stale entries removed; "
                f"pages read, converted or reused and written in {self.done - self.began:.1f} s")


def add_skip_template(env: jinja2.Environment) -> jinja2.Environment:
    """The theme's environment with `SKIP_TEMPLATE`, which renders nothing, before its own templates."""
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({SKIP_TEMPLATE: ""}), *([env.loader] if env.loader else [])])
    return env
