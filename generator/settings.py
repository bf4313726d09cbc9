"""Where the generator reads and writes, and the limits it enforces: one frozen object made once
and passed to every stage (trafilatura's `Extractor` idea)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = "0.1.0"  # part of the cache key: bump when extraction changes its output


@dataclass(frozen=True)
class Settings:
    content_dir: Path
    # Larger inputs are rejected with a message: no article is 5 MB of text, a dump is.
    max_input_bytes: int = 5 * 1024 * 1024
    summary_sentences: int = 4
    related_count: int = 5
    max_topics: int = 5
    cache_dir: Path | None = None
    workers: int = 0  # 0: one process per core when there are many articles

    @property
    def raw_dir(self) -> Path:
        return self.content_dir / "raw"

    @property
    def pages_dir(self) -> Path:
        return self.content_dir / "pages"

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


def default_settings(root: Path | None = None) -> Settings:
    """Settings for a project folder (the one holding `content/`), the current one by default."""
    root = (root or Path.cwd()).resolve()
    return Settings(content_dir=root / "content", cache_dir=root / ".cache" / "generator")
