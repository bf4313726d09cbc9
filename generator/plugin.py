"""The MkDocs plugin `briefings`: `mkdocs build` and `mkdocs serve` run the whole generator.

    plugins:
      - search
      - briefings:              # every option below is optional; these are the defaults
          content_dir: content  # vocabularies (actors.yaml, topics.yaml, …), relative to mkdocs.yml
          raw_dir: null         # the raw articles; null: <content_dir>/raw
          cache: true
          cache_dir: .cache/generator
          workers: 0            # 0: one process per core when there are many articles
          related_count: 5
          summary_sentences: 4
          recogniser: true      # the statistical actor recogniser (LAC); false: the rules alone
          max_input_bytes: 5242880
          search_dictionary: true
          search: pagefind      # pagefind (generator/search.py) or material (Material's own, small sites)
          page_cache: true      # unchanged pages' HTML reused from <cache_dir>/pages (generator/pagecache.py)

Registered under the `mkdocs.plugins` entry point in pyproject.toml. Thin on purpose: it makes
`Settings` from its options, calls `build.build` once (`on_files`) and hands MkDocs the pages as
`File.generated` (Material's blog pattern), so nothing is written into the watched docs folder and
`mkdocs serve` cannot loop. `on_serve` watches the raw and vocabulary folders, so serve rebuilds
when an article or a vocabulary file changes (what serve does differently: generator/serve.py).
A page whose Markdown, links, nav, theme and configuration are those of an earlier build is not
converted again (generator/pagecache.py). An unknown or mistyped option fails with MkDocs's own
configuration error.
"""

from __future__ import annotations

import logging
import tempfile
import zlib
from pathlib import Path

import jinja2
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config, ConfigErrors, ConfigWarnings, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from . import pagecache, serve
from . import search as search_engine
from .build import build
from .cache import release_freed_memory
from .config import ConfigError
from .export import jieba_user_dict
from .model import Corpus, InputStatus
from .settings import CACHE_FOLDER, DEFAULTS, Settings
from .vocab import Vocabulary, load_vocabulary, vocabulary_digest

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(Config):
    """The plugin's options; defaults are `Settings`' own. Paths are relative to mkdocs.yml."""

    content_dir = opt.Type(str, default=str(DEFAULTS.content_dir))
    raw_dir = opt.Optional(opt.Type(str))
    cache = opt.Type(bool, default=True)
    cache_dir = opt.Type(str, default=CACHE_FOLDER)
    workers = opt.Type(int, default=DEFAULTS.workers)
    related_count = opt.Type(int, default=DEFAULTS.related_count)
    summary_sentences = opt.Type(int, default=DEFAULTS.summary_sentences)
    recogniser = opt.Type(bool, default=DEFAULTS.recogniser)
    max_input_bytes = opt.Type(int, default=DEFAULTS.max_input_bytes)
    search_dictionary = opt.Type(bool, default=True)  # actor names as words for Material's search (jieba)
    # pagefind: a query downloads kilobytes (generator/search.py); material: Material's own search
    search = opt.Choice(search_engine.ENGINES, default=search_engine.DEFAULT_ENGINE)
    page_cache = opt.Type(bool, default=True)  # needs `cache`: the pages live beside the articles' results

    def validate(self) -> tuple[ConfigErrors, ConfigWarnings]:
        """An unknown option is an error, not MkDocs's usual warning: a misspelt `raw_dir` would
        otherwise build the site from the wrong folder without a word."""
        failed, warnings = super().validate()
        unknown = [(key, message) for key, message in warnings if message.startswith("Unrecognised configuration")]
        failed += [(key, ValidationError(message)) for key, message in unknown]
        return failed, [w for w in warnings if w not in unknown]


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    settings: Settings
    vocab: Vocabulary
    pending_index: search_engine.PendingIndex | None = None  # started in on_files
    indexing: serve.IndexAfterPages | None = None  # under serve: made after the pages
    to_index: Corpus | None = None  # under serve: the corpus whose index follows the pages
    serving = False
    dirty = False
    old_sites: serve.OldSites | None = None  # earlier sites being deleted (not with --dirty)
    page_reuse: pagecache.PageReuse | None = None
    kept_pages: dict[str, bytes] | None = None  # under serve: the last build's page cache entries
    # generated pages' HTML between conversion and theming (on_page_content → on_page_context)
    packed_html: dict[str, bytes]

    def settings_for(self, config: MkDocsConfig) -> Settings:
        root = Path(config.config_file_path).parent.resolve()
        options = self.config
        return Settings(
            content_dir=root / options.content_dir,
            raw_folder=root / options.raw_dir if options.raw_dir is not None else None,
            cache_dir=root / options.cache_dir if options.cache else None,
            workers=options.workers,
            related_count=options.related_count,
            summary_sentences=options.summary_sentences,
            recogniser=options.recogniser,
            max_input_bytes=options.max_input_bytes,
            site_url=config.site_url or None,
        )

    @event_priority(100)  # before the search plugin reads its jieba settings
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.serving:
            # `mkdocs serve` puts its own address in site_url, which MkDocs and Material write into
            # every page (canonical link) and the generator into every citation: the served pages
            # then differ from the built ones, and none is found in a page cache filled by
            # `mkdocs build`. The configured value gives the pages `mkdocs build` writes; serve
            # still serves them under the configured path (it took its mount path from it).
            config.site_url = serve.configured_site_url(config)
        self.settings = self.settings_for(config)
        try:
            # `mkdocs serve` keeps this instance across rebuilds (on_startup): the vocabulary is
            # loaded again only when one of its files changed
            kept = getattr(self, "vocab", None)
            if kept is None or kept.digest != vocabulary_digest(self.settings):
                self.vocab = load_vocabulary(self.settings)
        except ConfigError as error:
            raise PluginError(f"configuration error: {error}") from None
        search = search_engine.material_search(config)
        # Material's search reads our dictionary only when it answers queries (not beside Pagefind)
        if self.config.search_dictionary and self.config.search == "material" and search is not None:
            folder = Path(tempfile.gettempdir()) / "briefing-generator"
            folder.mkdir(exist_ok=True)
            user_dict = folder / f"jieba-user-{self.vocab.digest}.txt"
            if not user_dict.exists():
                user_dict.write_text(jieba_user_dict(self.vocab), encoding="utf-8")
            search.config["jieba_dict_user"] = str(user_dict)  # absolute: jieba resolves against the cwd
        search_engine.configure(config, self.config.search)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        try:
            site = build(self.settings, self.vocab, keep_models=self.serving)
        except ConfigError as error:
            raise PluginError(f"configuration error: {error}") from None
        except Exception as error:  # a generator bug: say so in one line, the traceback is in the debug log
            log.debug("generator failure", exc_info=True)
            raise PluginError(f"the briefing generator failed: {type(error).__name__}: {error}") from error
        if self.config.search == "pagefind" and self.serving:  # the pages first: see on_post_build
            self.to_index = site.corpus
        elif self.config.search == "pagefind":  # Pagefind indexes while MkDocs renders; see on_post_build
            try:
                self.pending_index = search_engine.start_index(site.corpus, self.settings.cache_dir)
            except search_engine.SearchError as error:
                raise PluginError(f"search index: {error}") from None
        docs = Path(config.docs_dir).name
        for path, text in site.outputs.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"{docs}/{path} clashes with a generated page; rename it")
            files.append(File.generated(config, path, content=text))
        rejected = [f for f in site.fates if f.status is InputStatus.REJECTED]
        for fate in rejected:
            log.info("rejected %s: %s", fate.source, fate.reason)
        log.info("generator: %d briefings, %d duplicates, %d rejected (see build-report/)",
                 sum(f.status is InputStatus.BRIEFING for f in site.fates),
                 sum(f.status is InputStatus.DUPLICATE for f in site.fates), len(rejected))
        del site  # the corpus: MkDocs needs only the files now
        release_freed_memory()
        return files

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        """Watch the vocabulary and raw folders, each file by one watcher only. MkDocs's watcher
        polls each watched path on its own, so a file under two of them (content/raw inside
        content, or docs_dir inside a `watch:` folder) is seen changing twice, up to half a second
        apart, and the second sighting started a whole second rebuild after the first."""
        ours = [folder for folder in (self.settings.content_dir, self.settings.raw_dir) if folder.is_dir()]
        listed = [Path(config.config_file_path).parent / entry for entry in config.watch]  # watched after this event
        kept = serve.outermost([Path(config.docs_dir), *listed, *ours])
        if Path(config.docs_dir).resolve() not in kept:
            server.unwatch(config.docs_dir)  # MkDocs watched it before this event; a folder above it is watched
        config.watch[:] = [entry for entry, path in zip(config.watch, listed, strict=True) if path.resolve() in kept]
        for folder in ours:
            if folder.resolve() in kept and folder.resolve() not in {p.resolve() for p in listed}:
                server.watch(str(folder))
        return server

    @event_priority(-100)  # the nav as every other plugin left it
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.page_reuse = None
        if self.config.page_cache and self.settings.cache_dir is not None:
            kept = (self.kept_pages or {}) if self.serving else None
            self.page_reuse = pagecache.PageReuse(self.settings.cache_dir / pagecache.FOLDER, kept)
            self.page_reuse.start(config, nav)
        return nav

    @event_priority(-100)  # the Markdown as MkDocs will convert it, after every other plugin
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.page_reuse is not None:
            self.page_reuse.before_render(page, files)
        return markdown

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        return pagecache.add_skip_template(env)

    @event_priority(-100)  # after every other plugin's handler: the HTML as MkDocs will theme it
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's Markdown is forgotten once converted, and its HTML kept compressed
        until the page is themed (`on_page_context`). MkDocs converts every page before it themes
        the first, so it held every page's Markdown and HTML at once: its memory grew by 600 MB
        while MkDocs built a site of 10 000 articles (flat since)."""
        if page.file.generated_by is None:
            return html
        page.markdown = None
        page.file.content_string = ""
        self.packed_html[page.file.src_uri] = zlib.compress(html.encode(), 1)
        return ""

    @event_priority(100)  # before any other plugin reads the page's HTML
    def on_page_context(self, context: TemplateContext, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        packed = self.packed_html.pop(page.file.src_uri, None)
        if packed is not None:
            page.content = zlib.decompress(packed).decode()
        return context

    @event_priority(-100)  # a reused page's HTML replaces the output after every other plugin's handler
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Forget a generated page's HTML once it is written. MkDocs keeps every page's until the
        build ends, though nothing reads them again: with 5000 briefings that was the largest part
        of the build's memory."""
        if self.page_reuse is not None:
            output = self.page_reuse.output(page, output)
        if page.file.generated_by is not None:
            page.content = None
        return output

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty
        self.old_sites = serve.OldSites()  # build too: emptying the folder took 2-4 s before the generator

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.packed_html = {}  # a page converted but not themed by a build that failed is forgotten
        self._stop_indexing()  # `mkdocs serve`: the last build's index is not done yet
        if self.old_sites is not None and not self.dirty:  # MkDocs empties the folder otherwise
            self.old_sites.put_aside(Path(config.site_dir))

    def _stop_indexing(self) -> None:
        if self.indexing is not None:
            self.indexing.cancel()
            self.indexing = None

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.old_sites is not None:  # now, so that the deleting runs while Pagefind finishes
            self.old_sites.delete_later()
        if self.to_index is not None:  # `mkdocs serve`: the rebuilt pages are shown now, the index follows
            corpus, self.to_index = self.to_index, None
            self.indexing = serve.IndexAfterPages(corpus, self.settings.cache_dir, Path(config.site_dir), _report_index)
        if self.pending_index is not None:
            pending, self.pending_index = self.pending_index, None
            try:
                report = pending.finish(Path(config.site_dir))
            except search_engine.SearchError as error:
                raise PluginError(f"search index: {error}") from None
            _report_index(report)
        if self.page_reuse is not None:
            log.info(self.page_reuse.finish())
            self.kept_pages = self.page_reuse.kept_next
            self.page_reuse = None

    def on_build_error(self, error: Exception) -> None:
        self.page_reuse = None  # entries written so far stay; none is pruned after a failed build
        self.to_index = None
        if self.pending_index is not None:
            self.pending_index.cancel()
            self.pending_index = None

    def on_shutdown(self) -> None:
        self._stop_indexing()  # `mkdocs serve` stopped while an index was still being written
        if self.old_sites is not None:
            self.old_sites.finish()


def _report_index(outcome: search_engine.IndexReport | search_engine.SearchError) -> None:
    if isinstance(outcome, search_engine.SearchError):
        log.warning("search index: %s", outcome)
    else:
        log.info("search: %d briefings indexed by Pagefind (%.1f s, %d kB)",
                 outcome.documents, outcome.seconds, outcome.bundle_bytes // 1024)
