"""The records every stage of the pipeline speaks.

ingest makes a `RawDocument`; clean turns it into an `Article` (text blocks plus
metadata, each value with where it came from); extract adds analysis and makes a
`Briefing`; link gathers briefings into a `Corpus`; render reads only the corpus.
No stage mutates a record made by an earlier one. Missing values are `None`,
never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING

from . import urls
from .dates import DateValue

if TYPE_CHECKING:
    from .conflicts import Conflicts
    from .outlet_pages import OutletEntry
    from .stories import Story


class SourceForm(str, Enum):
    """What a raw file turned out to be, judged by its content, not its extension."""

    TEXT = "text"  # a page copied as plain text
    HTML_FRAGMENT = "html-fragment"  # an RSS item or a snippet of markup
    HTML_PAGE = "html-page"  # a whole saved web page
    MARKDOWN = "markdown"  # a note, optionally with YAML front matter
    # a container whose fields hold the article (an API's JSON, an SQL/CMS dump, a feed item, a
    # crawler's record or block dump): unwrapped once, at ingest, into `RawDocument.record`
    DATA_RECORD = "data-record"


class BlockKind(str, Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    QUOTE = "quote"
    LIST_ITEM = "list-item"
    CAPTION = "caption"
    REFERENCE = "reference"
    NOISE = "noise"


class SourceType(str, Enum):
    """How much an analyst may lean on the outlet; shown as a badge."""

    NEWSROOM = "newsroom"
    WIRE = "wire"
    STATE_MEDIA = "state-media"
    PUBLIC_BROADCASTER = "public-broadcaster"
    PORTAL = "portal"
    SELF_MEDIA = "self-media"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Record:
    """What ingest unwrapped from a container: the article's markup and the record's own fields by
    what they hold (title, date, updated, source, author, url, …)."""

    markup: str
    fields: dict[str, str] = field(default_factory=dict)
    whole_page: bool = False  # the markup is a page of blocks to choose the article from (a block dump)


@dataclass(frozen=True)
class RawDocument:
    """One input file, decoded, before any judgement about its content."""

    source: str  # file name relative to the raw folder; the key of the build report
    doc_id: str  # stable ASCII id, from the file name or front matter
    form: SourceForm
    text: str  # decoded text, front matter removed
    encoding: str
    sha256: str  # of the raw bytes
    front_matter: dict[str, object] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()  # what reading it repaired or ignored, for the build report and `check`
    record: Record | None = None  # the unwrapped container, where `form` is DATA_RECORD


@dataclass(frozen=True)
class Block:
    """A line or element of the input, with the cleaner's verdict and the rule behind it."""

    text: str
    kind: BlockKind
    kept: bool
    rule: str  # name of the rule that decided; see `python -m generator explain`
    line: int = 0  # 1-based line in the decoded input, where known
    # the label of the context-free pass, before its neighbours revised it (jusText's cf_class):
    # "content" or a rule's name; equal to `rule` where the revision changed nothing
    context_free: str = ""


@dataclass(frozen=True)
class Reference:
    """An entry of a 参考资料 list: kept out of the body, shown under the briefing."""

    title: str
    outlet: str | None = None
    date: DateValue | None = None  # a day or a month, as the entry states it


@dataclass(frozen=True)
class Sourced:
    """A metadata value and where it came from (`rule`), e.g. ("2025-02-25", "html:time")."""

    value: str
    rule: str
    inferred: bool = False


@dataclass(frozen=True)
class SourcedDate:
    """A publication date and where it came from: `when` is the date as precise as the source states
    it (a day or a month); `value` its ISO form, for display and export. Nothing downstream needs to
    parse that string back or slice it: months, day numbers and order come from `when`."""

    when: DateValue
    rule: str
    inferred: bool = False

    @property
    def value(self) -> str:
        return self.when.iso


@dataclass(frozen=True)
class Article:
    """What ingest and clean produce: the article's own text and metadata, nothing inferred about
    its meaning yet."""

    source: str
    doc_id: str
    form: SourceForm
    blocks: tuple[Block, ...]  # every block of the input, kept or not, in reading order
    title: Sourced | None = None
    date: SourcedDate | None = None
    outlet: Sourced | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    source_type: SourceType = SourceType.UNKNOWN
    language: str = "zh-Hans"  # zh-Hant when written in Traditional characters
    references: tuple[Reference, ...] = ()
    page: tuple[int, int] | None = None  # (n, of) for multi-page articles
    front_matter: dict[str, object] = field(default_factory=dict)
    sha256: str = ""

    @property
    def body_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kept and b.kind not in (BlockKind.CAPTION, BlockKind.REFERENCE))

    @property
    def body(self) -> str:
        return "\n\n".join(b.text for b in self.body_blocks)

    @property
    def captions(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind is BlockKind.CAPTION)

    @property
    def dropped(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if not b.kept)


@dataclass(frozen=True)
class Actor:
    """A person, country or organisation; from actors.yaml (listed) or discovered in text."""

    id: str
    name: str  # English
    name_zh: str
    type: str  # person | country | organization
    aliases: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    abbrev: str | None = None  # single characters, each matched only in compounds (中俄, 对华)
    role: str | None = None
    country: str | None = None
    listed: bool = True

    @property
    def address(self) -> urls.Address:
        return urls.ACTOR.of(self.id)

    @property
    def url(self) -> str:
        return self.address.url

    @property
    def zh_forms(self) -> tuple[str, ...]:
        return (self.name_zh, *self.aliases)


@dataclass(frozen=True)
class Topic:
    id: str
    label_zh: str
    label_en: str
    keywords: dict[str, int]
    description: str = ""

    @property
    def address(self) -> urls.Address:
        return urls.TOPIC.of(self.id)

    @property
    def url(self) -> str:
        return self.address.url


@dataclass(frozen=True)
class ActorMention:
    """An actor as one briefing sees it: the forms it took and how central it is."""

    actor: Actor
    surfaces: tuple[str, ...]  # forms as written in the text
    count: int
    salience: float  # higher first; headline and lead weigh most


@dataclass(frozen=True)
class TopicScore:
    topic: Topic
    score: float
    matched: tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    """A numeric fact of the body: GDELT's Amounts, in Chinese and richer."""

    anchor: str  # stable: fig-<hash of the text>; one row per distinct text in a briefing
    text: str  # as written, e.g. 逾4000亿美元
    value: float | None  # normalised, e.g. 4.0e11
    unit: str | None  # USD, percent, people, km2, drones …
    qualifier: str | None = None  # over | approx | under | range
    value_high: float | None = None  # upper end of a range
    measure: str | None = None  # what is measured: the noun after the measure word, or the clause's subject
    year: int | None = None
    actors: tuple[str, ...] = ()  # actor ids in the same clause
    sentence: str = ""
    value_from: float | None = None  # where a change started: 由5个增加到9个 has value_from 5, value 9
    aliases: tuple[str, ...] = ()  # anchors this row also answers to (rows it absorbed), never moved


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None  # as written
    actor_id: str | None  # when the speaker is a known or discovered actor
    sentence: str = ""


@dataclass(frozen=True)
class Briefing:
    """An article and what extraction learned from it."""

    article: Article
    summary: tuple[str, ...]
    gist: str
    figures: tuple[Figure, ...]
    actors: tuple[ActorMention, ...]  # salience order
    topics: tuple[TopicScore, ...]
    quotes: tuple[Quote, ...]
    events: tuple[tuple[str, str], ...] = ()  # (date, sentence) for the timeline
    also_sources: tuple[str, ...] = ()  # duplicates collected under other file names

    @property
    def id(self) -> str:
        return self.article.doc_id

    @property
    def address(self) -> urls.Address:
        return urls.BRIEFING.of(self.id)

    @property
    def url(self) -> str:
        return self.address.url

    @property
    def title(self) -> str:
        return self.article.title.value if self.article.title else self.id

    @property
    def date(self) -> str | None:
        """The date as ISO text ("YYYY-MM-DD" or "YYYY-MM"), for display; `when` for anything else."""
        return self.article.date.value if self.article.date else None

    @property
    def when(self) -> DateValue | None:
        return self.article.date.when if self.article.date else None


class InputStatus(str, Enum):
    BRIEFING = "briefing"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass(frozen=True)
class InputFate:
    """One line of the build report: every input file ends here."""

    source: str
    status: InputStatus
    reason: str = ""
    page: urls.Address | None = None  # the briefing it became or duplicates; made once ids are settled

    @property
    def url(self) -> str | None:
        return self.page.url if self.page else None


@dataclass(frozen=True)
class Rejection(Exception):
    """An input that cannot become a briefing, and why (the user sees `reason`)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Corpus:
    """Everything the site shows, built in one pass over all briefings before any page is written
    (Pelican's generate_context): made by link, read only by render."""

    briefings: tuple[Briefing, ...]  # newest first
    actors: tuple[Actor, ...]  # every actor some briefing mentions, listed ones and discovered ones
    topics: tuple[Topic, ...]  # every topic of the vocabulary
    by_actor: dict[str, tuple[Briefing, ...]]  # actor id -> briefings, newest first
    by_topic: dict[str, tuple[Briefing, ...]]
    related: dict[str, tuple[Briefing, ...]]  # briefing id -> related briefings, best first
    co_actors: dict[str, tuple[tuple[Actor, int], ...]]  # actor id -> (actor seen with it, briefings together)
    months: tuple[tuple[str, tuple[Briefing, ...]], ...]  # ("2025-03", briefings), newest month first
    undated: tuple[Briefing, ...]
    fates: tuple[InputFate, ...]  # the build report
    stories: tuple[Story, ...] = ()  # accounts of one event (generator/stories.py), by id
    story_of: dict[str, Story] = field(default_factory=dict)  # briefing id -> its story
    conflicts: Conflicts | None = None  # figures that disagree (generator/conflicts.py)
    outlets: tuple[OutletEntry, ...] = ()  # registry outlets that briefings credit (generator/outlet_pages.py)

    @cached_property
    def by_id(self) -> dict[str, Briefing]:
        """Briefings by id, made once (every briefing page looks others up)."""
        return {b.id: b for b in self.briefings}
