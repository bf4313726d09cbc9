"""Briefing-site generator: raw Chinese-language articles → a searchable MkDocs Material site.

Stages (one module each): ingest → clean → extract → link → render. `pipeline.run` runs the
first four over `content/`; `site.write_pages` renders; `mkdocs_hook` plugs it into MkDocs.
"""

from .settings import GENERATOR_VERSION as __version__

__all__ = ["__version__"]
