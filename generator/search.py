"""Search that downloads kilobytes: a Pagefind index of the briefings, written after MkDocs.

Material's own search ships the whole site as one JSON index (16 MB at 1000 briefings) that every
reader downloads before the first result. Pagefind (`pagefind[extended]` brings its binary) splits
the index into chunks, and a query fetches only the chunks of its words: some hundred kilobytes at
any size. The plugin option `search: material` keeps Material's search, which is fine for a few
hundred pages.

What is indexed, and how:

* **Briefings only**, one search document per briefing: its title, its kept body text and the
  names of the actors it mentions. List pages (actors, topics, months, the home page) and the
  sections every briefing repeats (related briefings, citations, the source notes) would only
  crowd the results. The documents are made from the generator's records, not scraped from the
  built HTML, so nothing on the pages has to be marked up for Pagefind.
* **Words as our own segmenter sees them.** Pagefind's extended build segments Chinese with its
  own dictionary at indexing time and with the browser's `Intl.Segmenter` at search time; the two
  disagree on transliterated names (the browser splits 卢卡申科 into four characters), so a name
  found a tenth of its briefings. Here the text is segmented once by jieba with every actor's
  Chinese forms as words, the words joined by `WORD_SEPARATOR`, and the index is declared in a
  language Pagefind does not segment (`INDEX_LANGUAGE`); the search box segments the query the
  same way in spirit (overrides/assets/javascripts/briefing-search.js). A listed actor's name is
  then one search term.
* **Both scripts of a name.** Each document carries, weighted, every Chinese form and English
  name of the actors it mentions: "Lukashenko" finds the Chinese briefings that 卢卡申科 finds.
* Results show the title and date (Pagefind metadata) and a highlighted excerpt of the body.
* **Newest briefings first, older ones as the reader asks.** More than `SHARD_SIZE` briefings are
  indexed in shards of consecutive dates (Pagefind holds what it indexes in memory). A query costs
  every shard it searches a chunk of the index per word (some 25 kB: Pagefind's chunks hold 20 000
  word positions whatever the index's size), so the search box searches the newest shard first and
  an older one only while fewer than a page of results has been found, or when the reader asks for
  more: results come period by period, newest first, by relevance within a period.
* **Traditional queries.** A query in Traditional characters is read in Simplified ones, with
  OpenCC's character table written beside the index in small files by code point
  (`write_simplified_table`); the search box fetches only those of the query's characters.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.metadata import PackageNotFoundError, version
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jieba

from . import pagefind_runs
from .cache import EntryFolder
from .han import is_han
from .model import Briefing, Corpus
from .textnorm import to_simplified

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

ENGINES = ("pagefind", "material")
DEFAULT_ENGINE = "pagefind"
THEME_DIR = Path(__file__).resolve().parent.parent / "overrides"  # the search box (Material partials)
BUNDLE_DIR = "pagefind"  # under the built site; the search box loads <base>/pagefind/pagefind.js
# A language Pagefind knows no segmenter or stemmer for: it then splits words at white space only,
# which keeps our segmentation, and the browser passes the query through unsegmented as well.
INDEX_LANGUAGE = "x-briefings"
# U+200A HAIR SPACE: Unicode white space, so Pagefind ends a word at it, but never written in our
# articles (any found there is made a plain space); the search box removes it from excerpts.
WORD_SEPARATOR = "\u200a"
GLOSS = "\u27e8{}\u27e9"  # ⟨Alexander Lukashenko⟩: brackets no article uses, which Pagefind strips from words
TITLE_WEIGHT = 2.0  # a word of the title counts twice a body word (more, and excerpts show the title)
NAMES_WEIGHT = 0.5  # the names after the body: found, but ranked and excerpted below the body
# Briefings per Pagefind run: Pagefind holds about 0.5 MB per briefing while it indexes (742 MiB
# for 1500). A memory setting only: the search box searches the newest shard first, so a query's
# bytes hardly depend on how many shards there are.
SHARD_SIZE = 1500
try:
    PAGEFIND_VERSION = version("pagefind")  # part of a kept shard's key
except PackageNotFoundError:
    PAGEFIND_VERSION = "-"
CACHE_FOLDER = "search"  # under the generator's cache folder: segmented pages (`SegmentedPages`)
MANIFEST = "manifest.json"  # under the bundle: the older shards, newest first, and the table's blocks
SIMPLIFIED_TABLE = "t2s"  # under the bundle: OpenCC's character table in blocks (`write_simplified_table`)
HAN_FIRST, HAN_LAST = 0x3400, 0x323AF  # the first and last Han characters of generator/han.py
MIN_WORD_FORM = 2  # one-character forms (abbreviations such as 俄) would make every use of the character a name


class SearchError(RuntimeError):
    """The index could not be written: the message says why (no binary, Pagefind failed)."""


@dataclass(frozen=True)
class SearchDocument:
    """One briefing as the search index sees it."""

    url: str  # site-relative, "briefings/<id>/"
    title: str
    date: str | None
    paragraphs: tuple[str, ...]  # the kept body text
    glosses: dict[str, str]  # a form of an actor's name as written -> its names ("普丁" -> "普京 Vladimir Putin")
    names: tuple[str, ...]  # every name of every actor mentioned, in both scripts


@dataclass(frozen=True)
class IndexReport:
    documents: int
    bundle_bytes: int  # everything under site/pagefind
    seconds: float


def search_documents(corpus: Corpus) -> list[SearchDocument]:
    return [search_document(briefing) for briefing in corpus.briefings]


def search_document(briefing: Briefing) -> SearchDocument:
    glosses: dict[str, str] = {}
    names: dict[str, None] = {}
    for mention in briefing.actors:
        actor = mention.actor
        for surface in {*mention.surfaces, *actor.zh_forms}:
            gloss = " ".join(dict.fromkeys(n for n in (actor.name_zh, actor.name) if n and n != surface))
            if gloss and len(surface) >= MIN_WORD_FORM:
                glosses.setdefault(surface, gloss)
        for name in (*actor.zh_forms, *mention.surfaces, actor.name, *actor.aliases_en):
            if name and name.strip():
                names.setdefault(name.strip(), None)
    return SearchDocument(url=briefing.url, title=briefing.title, date=briefing.date,
                          paragraphs=tuple(block.text for block in briefing.article.body_blocks),
                          glosses=glosses, names=tuple(names))


class Segmenter:
    """jieba with every actor's Chinese forms as words: 卢卡申科 stays one word wherever it stands."""

    def __init__(self, names: Iterable[str]) -> None:
        self._words = sorted({n for n in names if len(n) >= MIN_WORD_FORM and not any(ch.isspace() for ch in n)})
        self._names = lru_cache(maxsize=None)(self.segment)

    @cached_property
    def _tokenizer(self) -> jieba.Tokenizer:
        """Made on first use (a second of loading): when every page is kept, never."""
        tokenizer = jieba.Tokenizer()
        for word in self._words:
            tokenizer.add_word(word, freq=100_000)
        return tokenizer

    def words(self, text: str) -> list[str]:
        text = text.replace(WORD_SEPARATOR, " ").replace("\u27e8", "<").replace("\u27e9", ">")
        return [w for w in self._tokenizer.cut(text, HMM=True) if w]

    def segment_name(self, name: str) -> str:
        """`segment` for a name: the same few hundred names stand in every briefing, cut once."""
        return self._names(name)

    def segment(self, text: str, glosses: dict[str, str] | None = None) -> str:
        """The text with its words separated by `WORD_SEPARATOR` (white space kept as it was).
        A word that is an actor's name is followed by its other names in `GLOSS` brackets, so that
        "Lukashenko" is found, and highlighted, where the text says 卢卡申科; the search box
        shows a gloss only when it holds the highlighted word.

        Text in Traditional characters is cut where its Simplified form (OpenCC, character for
        character) is cut, jieba's dictionary being Simplified, and each word that differs is
        glossed with its Simplified form: 长和 finds the briefing that writes 長和."""
        simplified = to_simplified(text) if not text.isascii() else text
        words = self.words(simplified)
        if simplified != text:
            starts = list(accumulate((len(w) for w in words), initial=0))
            originals = [text[start:start + len(w)] for start, w in zip(starts, words)]
        else:
            originals = words
        out: list[str] = []
        for word, plain in zip(originals, words):
            out.append(word)
            if glosses and word in glosses:
                out.append(GLOSS.format(glosses[word]))
            elif word != plain:
                out.append(GLOSS.format(plain))
        return WORD_SEPARATOR.join(out).replace(f"{WORD_SEPARATOR} {WORD_SEPARATOR}", " ")


def document_html(document: SearchDocument, segmenter: Segmenter) -> str:
    """The page Pagefind indexes for one briefing. Title and date are metadata given as written;
    the words it searches are segmented, names glossed in the other script. Every name of every
    actor mentioned also stands, weighted, after the body: an actor found only in the title or
    through an abbreviation is searchable too, and the excerpt is taken from the body when the
    body has the word."""
    def words(text: str, glosses: dict[str, str] | None = None) -> str:
        return html.escape(segmenter.segment(text, glosses), quote=False)

    meta = [f'<meta data-pagefind-meta="title[content]" content="{html.escape(document.title)}">']
    if document.date:
        meta.append(f'<meta data-pagefind-meta="date[content]" content="{html.escape(document.date)}">')
    body = "\n".join(f"<p>{words(p, document.glosses)}</p>" for p in document.paragraphs)
    names = " · ".join(html.escape(segmenter.segment_name(name), quote=False) for name in document.names)
    return (f'<!DOCTYPE html><html lang="{INDEX_LANGUAGE}"><head><meta charset="utf-8">{"".join(meta)}</head>'
            f'<body><h1 data-pagefind-weight="{TITLE_WEIGHT}">{words(document.title)}</h1>\n{body}\n'
            f'<p data-pagefind-weight="{NAMES_WEIGHT}">{names}</p></body></html>\n')


def pagefind_binary() -> Path:
    """The Pagefind binary of the `pagefind[extended]` package; SearchError when it is not installed."""
    try:
        from pagefind.service import get_executable
    except ImportError:  # said as the binary missing, with what to install
        binary = None
    else:
        binary = get_executable()
    if binary is None or not Path(binary).is_file():
        raise SearchError("the Pagefind binary is missing: install `pagefind[extended]`, "
                          "or choose Material's search (`search: material` under the briefings plugin)")
    return Path(binary)


class SegmentedPages(EntryFolder[str]):
    """Segmented pages kept from one build to the next (`<cache_dir>/search/<2 hex>/<key>.html`),
    checked before they are believed like every cache entry (`cache.EntryFolder`): segmenting is
    most of the index's cost, and after one article changes the others' pages are the same. The
    key is the document, every name the segmenter knows, and this module's code and jieba's
    version; entries no document of the last index used are removed (`prune(used)`)."""

    magic = b"briefing-generator search page 1\n"
    suffix = ".html"

    def __init__(self, folder: Path, names: Sequence[str]) -> None:
        super().__init__(folder)
        digest = hashlib.sha256(Path(__file__).read_bytes())
        digest.update(json.dumps([jieba.__version__, sorted(names)], ensure_ascii=False).encode())
        self._salt = digest.hexdigest()
        self.used: set[str] = set()

    def dump(self, value: str) -> bytes:
        return value.encode("utf-8")

    def load(self, payload: bytes) -> str:
        return payload.decode("utf-8")  # EntryFolder.decode makes any failure here an EntryError

    def key(self, document: SearchDocument) -> str:
        record = json.dumps(vars(document), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256((self._salt + record).encode()).hexdigest()

    def page(self, document: SearchDocument, segmenter: Segmenter) -> str:
        key = self.key(document)
        self.used.add(key)
        text = self.get(key)
        if text is None:
            text = document_html(document, segmenter)
            self.put(key, text)
        return text


def write_simplified_table(folder: Path) -> list[str]:
    """OpenCC's Traditional -> Simplified table, character for character (`textnorm.to_simplified`
    of each Han character alone), for the search box to read a query in Simplified characters as
    the index is: `<folder>/<code point // 256, hex>.json`, each `{"盧": "卢", ...}`, so a query
    fetches a few hundred bytes per character block it uses (4600 characters, 29 kB in all).
    A block with no Traditional character has no file; the names of those written are returned
    (the manifest lists them, so that the box never asks for one that is not there)."""
    blocks: dict[int, dict[str, str]] = {}
    for point in range(HAN_FIRST, HAN_LAST + 1):
        character = chr(point)
        if is_han(character) and (simplified := to_simplified(character)) != character:
            blocks.setdefault(point >> 8, {})[character] = simplified
    folder.mkdir(parents=True, exist_ok=True)
    for block, table in blocks.items():
        (folder / f"{block:x}.json").write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")),
                                                encoding="utf-8")
    return [f"{block:x}" for block in sorted(blocks)]


def write_pages(folder: Path, documents: Iterable[SearchDocument], segmenter: Segmenter,
                kept: SegmentedPages | None = None) -> None:
    """The page Pagefind reads for every document, at its URL under `folder`."""
    for document in documents:
        target = folder / document.url.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = kept.page(document, segmenter) if kept is not None else document_html(document, segmenter)
        target.write_text(text, encoding="utf-8")


def run_job(job: Path) -> int:
    """`python -m generator.search JOB`: segment the documents of `JOB/documents.jsonl` and run
    Pagefind over them into `JOB/bundle`. Runs in a process of its own (see `PendingIndex`).

    Pagefind holds everything it indexes in memory, about 0.4 MB per briefing (4 GiB at 10 000),
    so more than `SHARD_SIZE` briefings are indexed in shards of consecutive dates, one Pagefind
    run after another: the newest at `bundle/`, the older ones at `bundle/shards/<n>/` (0 the
    oldest, so that a shard keeps its address as new ones come), listed newest first in
    `bundle/manifest.json` (`MANIFEST`). The search box searches them in that order (module docstring).

    Every shard's pages are segmented first; then this process becomes a lean one that only runs
    Pagefind (`pagefind_runs`, through `os.execv`), so that the segmenter and the documents are not
    held beside Pagefind's own memory."""
    with (job / "documents.jsonl").open(encoding="utf-8") as lines:
        header = json.loads(next(lines))
        documents = [SearchDocument(**{**record, "paragraphs": tuple(record["paragraphs"]),
                                       "names": tuple(record["names"])}) for record in map(json.loads, lines)]
    bundle = job / "bundle"
    if not documents:  # Pagefind cannot index nothing; the search box reads this and answers "none"
        bundle.mkdir()
        (bundle / MANIFEST).write_text(json.dumps({"empty": True}) + "\n", encoding="utf-8")
        return 0
    segmenter = Segmenter(header["names"])
    kept = SegmentedPages(Path(header["cache"]), header["names"]) if header.get("cache") else None
    shard_size = header["shard_size"]
    # Shards are cut from the oldest briefing on (documents come newest first): new articles only
    # change the newest shard, and every shard whose pages are all kept is reused as it was.
    oldest_first = documents[::-1]
    shards = [oldest_first[start:start + shard_size] for start in range(0, len(documents), shard_size)]
    newest = len(shards) - 1
    bundles = kept.folder / "bundles" if kept is not None else None
    used: set[str] = set()
    steps: list[dict[str, str | None]] = []
    for number in range(newest, -1, -1):  # the newest first: it is the bundle's root, the others inside it
        shard = shards[number]
        out = bundle if number == newest else bundle / "shards" / str(number)
        stored = None
        if kept is not None and bundles is not None:
            keys = [kept.key(document) for document in shard]
            shard_key = hashlib.sha256(json.dumps([PAGEFIND_VERSION, keys]).encode()).hexdigest()
            stored = bundles / shard_key
            used.add(shard_key)
            if stored.is_dir():
                steps.append({"copy": str(stored), "out": str(out)})
                kept.used.update(keys)
                continue
        pages = job / f"pages-{number}"
        pages.mkdir()
        write_pages(pages, shard, segmenter, kept)
        steps.append({"pages": str(pages), "out": str(out), "store": str(stored) if stored is not None else None})
    if kept is not None:
        kept.prune(kept.used)
    if bundles is not None and bundles.is_dir():
        for old in bundles.iterdir():
            if old.name not in used:
                shutil.rmtree(old, ignore_errors=True)
    older = [f"shards/{number}/" for number in range(newest - 1, -1, -1)]
    blocks = write_simplified_table(job / SIMPLIFIED_TABLE)
    plan = {"binary": str(pagefind_binary()), "steps": steps,
            "moves": [[str(job / SIMPLIFIED_TABLE), str(bundle / SIMPLIFIED_TABLE)]],
            "write": [[str(bundle / MANIFEST), json.dumps({"older": older, SIMPLIFIED_TABLE: blocks}) + "\n"]]}
    (job / pagefind_runs.PLAN).write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    del documents, shards, oldest_first, segmenter, kept  # for the run in this process below (not POSIX)
    if os.name != "posix":  # execv would start another process and end this one: PendingIndex would stop waiting
        return pagefind_runs.run_plan(job)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "generator.pagefind_runs", str(job)])


class PendingIndex:
    """A Pagefind index being written in the background: started once the corpus is known, in a
    process of its own (segmenting takes seconds at 1000 briefings, Pagefind as long again), so
    that it runs on another core while MkDocs renders the pages; moved into the site when MkDocs
    is done. Its files live in a private temporary folder, never in the site."""

    def __init__(self, documents: Sequence[SearchDocument], names: Iterable[str], shard_size: int = SHARD_SIZE,
                 cache_dir: Path | None = None) -> None:
        self.started = time.perf_counter()
        self.documents = len(documents)
        pagefind_binary()  # a missing binary is said now, not after MkDocs has rendered every page
        self._tmp = tempfile.TemporaryDirectory(prefix="briefing-search-")
        job = self.folder = Path(self._tmp.name)
        with (job / "documents.jsonl").open("w", encoding="utf-8") as out:
            header = {"names": sorted(set(names)), "shard_size": shard_size,
                      "cache": str(cache_dir / CACHE_FOLDER) if cache_dir is not None else None}
            out.write(json.dumps(header, ensure_ascii=False) + "\n")
            for document in documents:
                # vars, not asdict: the fields are JSON-ready, and asdict copies every tuple (1 s at 1000)
                out.write(json.dumps(vars(document), ensure_ascii=False) + "\n")
        self._bundle = job / "bundle"
        self._log = (job / "search.log").open("w+", encoding="utf-8")
        package_root = str(Path(__file__).resolve().parent.parent)  # the child imports this same generator
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (package_root, os.environ.get("PYTHONPATH"))))}
        self._process = subprocess.Popen([sys.executable, "-m", "generator.search", str(job)], env=env,
                                         stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self._lock = threading.Lock()
        self._closed = False

    def finish(self, site_dir: Path) -> IndexReport:
        """Wait for the index and put it at `site_dir/pagefind`, replacing any earlier one."""
        try:
            code = self._process.wait()
            with self._lock:
                if self._closed:
                    raise SearchError("cancelled")
                if code != 0:
                    self._log.seek(0)
                    raise SearchError(f"indexing failed ({code}): {self._log.read().strip()[-800:]}")
                bundle = site_dir / BUNDLE_DIR
                shutil.rmtree(bundle, ignore_errors=True)
                shutil.move(str(self._bundle), str(bundle))
            size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
            return IndexReport(self.documents, size, time.perf_counter() - self.started)
        finally:
            self._close()

    def cancel(self) -> None:
        """Stop the indexing (a failed build, or a rebuild starting) and remove its folder; a
        bundle not yet moved into the site never will be."""
        self._close()

    def _close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if self._process.poll() is None:
                self._process.kill()
                self._process.wait()
            self._log.close()
            self._tmp.cleanup()


def start_index(corpus: Corpus, cache_dir: Path | None = None) -> PendingIndex:
    """The build's search step, begun: every briefing of `corpus`, to be segmented with every
    actor's Chinese forms as words (pages kept under `cache_dir/search`).
    `finish(site_dir)` once MkDocs has written the site."""
    return PendingIndex(search_documents(corpus), [form for actor in corpus.actors for form in actor.zh_forms],
                        cache_dir=cache_dir)


def material_search(config: MkDocsConfig) -> Any:
    """Material's search plugin as the site configures it, or None."""
    return config.plugins.get("material/search") or config.plugins.get("search")


def configure(config: MkDocsConfig, engine: str) -> None:
    """Let the theme know which search the site uses (`config.extra.search_engine`, read by
    overrides/); when Pagefind answers, switch Material's search plugin off (its index would be
    built for nothing) and add overrides/ to the theme. Runs before Material's search reads its
    configuration and before MkDocs makes the theme's template environment."""
    if engine not in ENGINES:
        raise SearchError(f"unknown search engine {engine!r}; use one of {', '.join(ENGINES)}")
    config.extra["search_engine"] = engine
    if engine != "pagefind":
        return
    material = material_search(config)
    if material is not None:
        material.config["enabled"] = False
    # The search box's templates, script and style, after the site's own custom_dir (which may
    # override them) and before Material's: a site needs no custom_dir of its own for them.
    dirs = config.theme.dirs
    if THEME_DIR.is_dir() and all(Path(d).resolve() != THEME_DIR for d in dirs):
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))


if __name__ == "__main__":
    sys.exit(run_job(Path(sys.argv[1])))
