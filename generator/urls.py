"""Page addresses: the one place where a generated page's source path and served URL are made.

Pelican's `URLWrapper` idea: each page kind is one format, its Markdown source path relative to the
docs folder (`briefings/{key}.md`), and the served URL follows from it by MkDocs's directory-URL
rule (`briefings/{key}/`), so the two can never disagree. The model's `.url`, the renderer's links,
the Atom feed, `briefings.json` and the build report all come from here.

A new page kind is one declaration:

    OUTLET = PageKind("outlets/{key}.md")
    OUTLET.of("xinhua").url  # "outlets/xinhua/"

Pages of which there is one (the home page, the indexes) are `Address`es; data files
(`briefings.json`, `feed.xml`) are addresses whose source is not Markdown, served as they are.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Address:
    """Where one page lives: `source` is its path under the docs folder ("actors/x.md")."""

    source: str

    @property
    def url(self) -> str:
        """The served URL relative to the site root, with directory URLs: "actors/x/", "" for index.md."""
        if not self.source.endswith(".md"):
            return self.source
        stem = self.source[:-3]
        if stem == "index":
            return ""
        return stem[: -len("index")] if stem.endswith("/index") else stem + "/"

    def link_to(self, other: Address) -> str:
        """A Markdown link from this page to `other`, by source path: MkDocs checks and rewrites it."""
        return "../" * self.source.count("/") + other.source

    def href_to(self, other: Address) -> str:
        """`other`'s served URL relative to this page's, for raw HTML (SVG links) that MkDocs does
        not rewrite."""
        return "../" * self.url.count("/") + other.url


@dataclass(frozen=True)
class PageKind:
    """A kind of page with one page per key (a briefing id, an actor id, a month)."""

    source_format: str  # with one `{key}`, e.g. "briefings/{key}.md"

    def of(self, key: str) -> Address:
        return Address(self.source_format.format(key=key))


# One page per record.
BRIEFING = PageKind("briefings/{key}.md")
ACTOR = PageKind("actors/{key}.md")
TOPIC = PageKind("topics/{key}.md")
MONTH = PageKind("timeline/{key}.md")  # "2025-03": used when the corpus is too large for one timeline
FIGURE_GROUP = PageKind("figures/{key}.md")  # a topic's figures, when there are too many for one table
STORY = PageKind("stories/{key}.md")  # accounts of one event; the key is its earliest briefing's id
OUTLET = PageKind("outlets/{key}.md")
CITE_CSL = PageKind("briefings/{key}/cite.csl.json")  # one briefing's citation, next to its page
CITE_BIB = PageKind("briefings/{key}/cite.bib")

# One page each.
HOME = Address("index.md")
BRIEFINGS_INDEX = Address("briefings/index.md")
ACTORS_INDEX = Address("actors/index.md")
TOPICS_INDEX = Address("topics/index.md")
TIMELINE = Address("timeline.md")
FIGURES = Address("figures.md")
BUILD_REPORT = Address("build-report.md")
STORIES_INDEX = Address("stories/index.md")
CONFLICTS = Address("conflicts.md")
OUTLETS_INDEX = Address("outlets/index.md")

# Data files, served at their own path.
BUILD_REPORT_JSON = Address("build-report.json")
BRIEFINGS_JSON = Address("briefings.json")
FEED = Address("feed.xml")
CSL_JSON = Address("briefings.csl.json")
BIBTEX = Address("briefings.bib")
RIS = Address("briefings.ris")


def absolute(url: str, site_url: str | None) -> str:
    """A served URL made absolute with the site's address (mkdocs.yml `site_url`), when there is one."""
    return f"{site_url.rstrip('/')}/{url}" if site_url else url
