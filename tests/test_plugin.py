"""The `briefings` MkDocs plugin as a site's mkdocs.yml configures it: found by name through its
entry point, options typed and defaulted, and a wrong option stops MkDocs with its own error.
(Building a whole site through it is tests/site's job.)"""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer

from generator.plugin import BriefingsPlugin
from generator.settings import DEFAULTS, Settings


def configure(tmp_path: Path, options: str = "", extra: str = "") -> tuple[BriefingsPlugin, Settings]:
    (tmp_path / "docs").mkdir(exist_ok=True)
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(f"site_name: Test\ndocs_dir: docs\n{extra}plugins:\n  - search\n  - briefings{options}\n",
                           encoding="utf-8")
    config = load_config(config_file=str(config_file))
    plugin = config.plugins["briefings"]
    assert isinstance(plugin, BriefingsPlugin)
    return plugin, plugin.settings_for(config)


def test_the_plugin_is_found_by_name_and_defaults_to_the_settings_defaults(tmp_path):
    _, settings = configure(tmp_path)
    root = tmp_path.resolve()
    assert settings.content_dir == root / "content" and settings.raw_dir == root / "content" / "raw"
    assert settings.cache_dir == root / ".cache" / "generator"
    assert (settings.workers, settings.related_count, settings.summary_sentences, settings.max_input_bytes) == (
        DEFAULTS.workers, DEFAULTS.related_count, DEFAULTS.summary_sentences, DEFAULTS.max_input_bytes)
    assert settings.site_url is None


def test_options_become_settings_with_paths_relative_to_mkdocs_yml(tmp_path):
    options = (":\n      content_dir: vocab\n      raw_dir: articles/raw\n      cache: false\n"
               "      workers: 2\n      related_count: 3\n      summary_sentences: 2\n")
    _, settings = configure(tmp_path, options, extra="site_url: https://briefings.example.org/\n")
    root = tmp_path.resolve()
    assert settings.content_dir == root / "vocab" and settings.raw_dir == root / "articles" / "raw"
    assert settings.cache_dir is None
    assert (settings.workers, settings.related_count, settings.summary_sentences) == (2, 3, 2)
    assert settings.site_url == "https://briefings.example.org/"


@pytest.mark.parametrize(("options", "message"), [
    (":\n      related_count: many\n", "Plugin 'briefings' option 'related_count': Expected type: <class 'int'>"),
    (":\n      raw_folder: articles\n", "Plugin 'briefings' option 'raw_folder': Unrecognised configuration name"),
])
def test_a_mistyped_or_unknown_option_stops_mkdocs_with_its_own_error(tmp_path, caplog, options, message):
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        configure(tmp_path, options)
    assert message in caplog.text


def test_a_rebuild_in_the_same_process_loads_the_vocabulary_again_only_when_a_file_changed(tmp_path):
    """`mkdocs serve` keeps the plugin across rebuilds: an unchanged vocabulary is not read again,
    an edited one is, and the edit is what the next build uses."""
    shutil.copytree(Path(__file__).resolve().parents[1] / "content", tmp_path / "content",
                    ignore=shutil.ignore_patterns("raw", "pages"))
    plugin, _ = configure(tmp_path)
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    plugin.on_config(config)
    first = plugin.vocab
    plugin.on_config(config)
    assert plugin.vocab is first
    topics = tmp_path / "content" / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    plugin.on_config(config)
    assert plugin.vocab is not first and plugin.vocab.digest != first.digest
    assert plugin.vocab.topics == first.topics


def served_project(tmp_path: Path, extra: str = "") -> tuple[BriefingsPlugin, MkDocsConfig]:
    """The repository's vocabularies and one raw article under content/, docs_dir inside it and
    content/ listed under `watch:` as the repository's mkdocs.yml does, loaded as `mkdocs serve`
    loads it (the plugin told it is serving)."""
    shutil.copytree(Path(__file__).resolve().parents[1] / "content", tmp_path / "content",
                    ignore=shutil.ignore_patterns("raw"))
    (tmp_path / "content" / "raw").mkdir()
    (tmp_path / "content" / "raw" / "a.txt").write_text("第一篇。\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Test\ndocs_dir: content/pages\nwatch:\n  - content\n{extra}plugins:\n  - briefings\n",
        encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["briefings"]
    assert isinstance(plugin, BriefingsPlugin)
    plugin.on_startup(command="serve", dirty=False)
    return plugin, config


def test_serve_sees_a_saved_file_once(tmp_path, caplog):
    """Each watched folder is polled on its own: a raw file under both content/ (`watch:`) and
    content/raw/ (the plugin's) was seen twice, and the second sighting, up to half a second
    later, started a second whole rebuild. A file is now under exactly one watched folder."""
    _, config = served_project(tmp_path)
    config = config.plugins.on_config(config)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    # what `mkdocs serve` watches, in its order: docs_dir and mkdocs.yml, the plugins', then `watch:`
    server.watch(config.docs_dir)
    server.watch(config.config_file_path)
    server = config.plugins.on_serve(server, config=config, builder=server.builder)
    for item in config.watch:
        server.watch(item)
    article = tmp_path / "content" / "raw" / "a.txt"
    page = tmp_path / "content" / "pages" / "about.md"
    with caplog.at_level(logging.DEBUG, logger="mkdocs.livereload"):
        server.observer.start()
        try:
            time.sleep(1.5)  # every watcher has taken its first look
            article.write_text("第一篇，改过。\n", encoding="utf-8")
            page.write_text(page.read_text(encoding="utf-8") + "\n改过。\n", encoding="utf-8")
            time.sleep(3)  # six polls
        finally:
            server.observer.stop()
            server.observer.join()
    seen = [r.getMessage() for r in caplog.records if "FileModifiedEvent" in r.getMessage()]
    assert sum(str(article) in line for line in seen) == 1
    assert sum(str(page) in line for line in seen) == 1


@pytest.mark.parametrize(("configured", "expected"), [
    ("", None),
    ("site_url: https://briefings.example.org/sub\n", "https://briefings.example.org/sub/"),
])
def test_serve_renders_with_the_configured_site_url_as_a_build_does(tmp_path, configured, expected):
    """`mkdocs serve` replaces site_url with its own address (http://127.0.0.1:8000/…); pages and
    citations are made with the configured one, so they are what `mkdocs build` writes."""
    plugin, config = served_project(tmp_path, configured)
    config.site_url = "http://127.0.0.1:8000/sub/" if configured else "http://127.0.0.1:8000/"
    config = config.plugins.on_config(config)
    assert config.site_url == expected
    assert plugin.settings.site_url == expected
