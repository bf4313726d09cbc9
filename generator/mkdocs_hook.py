"""MkDocs hook: `mkdocs build` (and `mkdocs serve`) run the whole pipeline.

Thin on purpose: it finds the content folder next to mkdocs.yml, points Material's search at a
jieba user dictionary made from the actor list, and adds the generated pages with
`File.generated` in `on_files` (Material's blog pattern), so nothing is written into the watched
docs folder and `mkdocs serve` cannot loop. `watch: [content]` in mkdocs.yml makes serve rebuild
when a raw article or a vocabulary file changes.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # loaded by path from mkdocs.yml: make the package importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.config import ConfigError
from generator.model import InputStatus
from generator.settings import default_settings
from generator.site import Site, generate, jieba_user_dict
from generator.vocab import load_vocabulary

log = logging.getLogger("mkdocs.hooks.generator")
_state: dict[str, object] = {}


@event_priority(100)  # before the search plugin reads its jieba settings
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    settings = default_settings(Path(config.config_file_path).parent)
    try:
        vocab = load_vocabulary(settings)
    except ConfigError as error:
        raise PluginError(f"configuration error: {error}") from None
    folder = Path(tempfile.gettempdir()) / "briefing-generator"
    folder.mkdir(exist_ok=True)
    user_dict = folder / f"jieba-user-{vocab.digest}.txt"
    if not user_dict.exists():
        user_dict.write_text(jieba_user_dict(vocab), encoding="utf-8")
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        search.config["jieba_dict_user"] = str(user_dict)  # absolute: jieba resolves against the cwd
    _state["settings"] = settings
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        site: Site = generate(_state["settings"], config.site_url)  # type: ignore[arg-type]
    except ConfigError as error:
        raise PluginError(f"configuration error: {error}") from None
    except Exception as error:  # a generator bug: say so in one line, the traceback is in the debug log
        log.debug("generator failure", exc_info=True)
        raise PluginError(f"the briefing generator failed: {type(error).__name__}: {error}") from error
    for path, text in {**site.pages, **site.files}.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"content/pages/{path} clashes with a generated page; rename it")
        files.append(File.generated(config, path, content=text))
    rejected = [f for f in site.fates if f.status is InputStatus.REJECTED]
    for fate in rejected:
        log.info("rejected %s: %s", fate.source, fate.reason)
    log.info("generator: %d briefings, %d duplicates, %d rejected (see build-report/)",
             sum(f.status is InputStatus.BRIEFING for f in site.fates),
             sum(f.status is InputStatus.DUPLICATE for f in site.fates), len(rejected))
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Forget a generated page's Markdown and HTML once it is written. MkDocs keeps every page's
    until the build ends, though nothing reads them again: with 5000 briefings that was the
    largest part of the build's memory."""
    if page.file.generated_by is not None:
        page.markdown = None
        page.content = None
        page.file.content_string = ""
    return output
