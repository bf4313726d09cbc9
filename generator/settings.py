"""Where the generator reads and writes, and the limits it enforces: one frozen object made once
and passed whole to every stage that needs one of its values (trafilatura's `Extractor` idea).

Every field is read somewhere, and each default is written only here. The MkDocs plugin
(`generator/plugin.py`) offers the same options under the same names in mkdocs.yml; the command
line makes them from `--content`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = "0.1.0"  # part of the cache key: bump when extraction changes its output
CACHE_FOLDER = ".cache/generator"  # per-article results, in the project folder


@dataclass(frozen=True)
class Settings:
    # The vocabularies (actors.yaml, topics.yaml, outlets.yaml, boilerplate.yaml, not_actors.yaml);
    # relative paths are relative to the working directory.
    content_dir: Path = Path("content")
    raw_folder: Path | None = None  # the raw articles; `content_dir/raw` when not given
    cache_dir: Path | None = None  # per-article results; None: no cache
    workers: int = 0  # processes for extraction; 0: one per core when there are many articles
    # Larger inputs are rejected with a message: no article is 5 MB of text, a dump is.
    max_input_bytes: int = 5 * 1024 * 1024
    summary_sentences: int = 4  # sentences in a briefing's summary
    # The statistical recogniser (extract/recogniser.py) adds unlisted actors the rules miss; it
    # triples extraction's CPU time, only for new or changed articles (bench/RESULTS.md). Off: the rules alone.
    recogniser: bool = True
    related_count: int = 5  # related briefings listed under each briefing
    site_url: str | None = None  # the published address: citations and the feed are absolute with it

    @property
    def raw_dir(self) -> Path:
        return self.raw_folder if self.raw_folder is not None else self.content_dir / "raw"

    @property
    def actors_path(self) -> Path:
        return self.content_dir / "actors.yaml"

    @property
    def topics_path(self) -> Path:
        return self.content_dir / "topics.yaml"

    @property
    def not_actors_path(self) -> Path:
        return self.content_dir / "not_actors.yaml"

    @property
    def outlets_path(self) -> Path:
        return self.content_dir / "outlets.yaml"

    @property
    def boilerplate_path(self) -> Path:
        return self.content_dir / "boilerplate.yaml"


DEFAULTS = Settings()  # for the pure stages' tests: every value at its default


def default_settings(root: Path | None = None) -> Settings:
    """Settings for a project folder (the one holding `content/`), the current one by default."""
    root = (root or Path.cwd()).resolve()
    return Settings(content_dir=root / DEFAULTS.content_dir, cache_dir=root / CACHE_FOLDER)
