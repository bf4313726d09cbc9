"""Briefing-site generator: raw Chinese-language articles → a searchable MkDocs Material site.

Stages (one module each): ingest → clean → extract → link → render. `pipeline.run` runs the
first four over `content/`; `site` and `export` render; `build.build` drives a whole build for the
MkDocs plugin (`plugin`, registered as `briefings`) and the command line alike.
"""

from .settings import GENERATOR_VERSION as __version__

__all__ = ["__version__"]
