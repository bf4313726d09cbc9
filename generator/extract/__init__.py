"""The extract stage: an `Article` becomes a `Briefing` — summary, key figures, actors, topics,
quotes and dated events. One module per field family; this one only composes them.

Matching runs on the Simplified form of the text (same length as the original, so offsets carry
over); what the reader sees — sentences, figures, quotes — is cut from the original.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ..dates import FULL_DATE, make_date
from ..model import Article, BlockKind, Briefing, TopicScore
from ..settings import DEFAULTS, Settings
from ..textnorm import to_simplified
from ..vocab import Vocabulary
from .actors import ActorMatcher, Match, mentions, within, without_own_authors, without_own_outlet
from .figures import find_figures
from .quotes import find_quotes
from .recogniser import recognise, recognised_matches, sentence_spans, worth_a_look
from .sentences import split_sentences
from .summary import gist, summarise
from .topics import KeywordIndex, score_topics

LEAD_PARAGRAPHS = 2


# An outlet's name this long, in Han characters, is claimed before any actor's form inside it:
# 朝日新闻 names a newspaper, not North Korea and Japan. (Shorter names are words: 日经 in 中日经济.)
OUTLET_BLOCKER_MIN = 3


@lru_cache(maxsize=4)
def _matcher(vocab: Vocabulary) -> ActorMatcher:
    outlets = (name for outlet in vocab.outlets for name in outlet.simplified_prefixes
               if len(name) >= OUTLET_BLOCKER_MIN)
    return ActorMatcher(vocab.actors, (*vocab.not_actors, *outlets))


def matcher_for(vocab: Vocabulary) -> ActorMatcher:
    return _matcher(vocab)


@lru_cache(maxsize=4)
def _not_names(vocab: Vocabulary) -> frozenset[str]:
    """What the recogniser never makes an actor: not_actors.yaml's words and the outlets' names
    (an outlet in a dateline or credit is the source, not the subject)."""
    outlets = (name for outlet in vocab.outlets for name in outlet.simplified_names if len(name) >= 2)
    return frozenset((*vocab.not_actors, *vocab.not_names, *outlets))


@lru_cache(maxsize=4)
def _topic_index(vocab: Vocabulary) -> KeywordIndex:
    return KeywordIndex.of(vocab.topics)


def extract(article: Article, vocab: Vocabulary, settings: Settings = DEFAULTS) -> Briefing:
    matcher = matcher_for(vocab)
    title = article.title.value if article.title else ""
    paragraphs = [b for b in article.body_blocks]
    # One text to match in: the title, then each body block on its own line.
    original = "\n".join([title, *(b.text for b in paragraphs)])
    simplified = to_simplified(original)
    # Matched on the Simplified form; reported as written (台灣 stays 台灣): t2s keeps offsets.
    # (Written in Simplified already, as most are, each surface is as written.)
    found = matcher.find(simplified)
    title_end = len(title) + 1
    lead_end = title_end + sum(len(b.text) + 1 for b in paragraphs[:LEAD_PARAGRAPHS])
    if settings.recogniser:
        listed_starts = [m.start for m in found if m.actor.listed]
        spans = worth_a_look(simplified, sentence_spans(simplified), listed_starts)
        found = recognised_matches(simplified, found, recognise(simplified, spans), matcher,
                                   _not_names(vocab), title_end, lead_end)
    found = without_own_outlet(found, _outlet_names(article, vocab), simplified, title_end)
    found = without_own_authors(found, article.authors, title_end)
    if simplified != original:
        found = [replace(m, surface=_as_written(m, simplified, original)) for m in found]
    matches = _with_front_matter(found, article, vocab)
    actor_mentions = mentions(matches, title_end, lead_end)

    sentences: list[tuple[str, int]] = []  # (sentence, offset in `original`), body paragraphs only
    offset = title_end
    for block in paragraphs:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM):
            cursor = 0
            for sentence in split_sentences(block.text):
                position = block.text.find(sentence, cursor)
                cursor = position + len(sentence)
                sentences.append((sentence, offset + position))
        offset += len(block.text) + 1

    found_starts = [m.start for m in found]

    def actors_in(index: int, left: int, right: int) -> tuple[str, ...]:
        """The actors of a figure's clause, `sentences[index][0][left:right]`, as matching the clause
        alone finds them: taken from the article's matches when they must be the same (most
        clauses), matched again when not (a clause that t2s folds differently alone, or whose edge
        a listed form could run across)."""
        sentence, offset = sentences[index]
        clause = to_simplified(sentence[left:right])
        start, end = offset + left, offset + right
        if simplified[start:end] == clause and matcher.isolates(simplified, start, end):
            in_clause: Sequence[Match] = within(found, found_starts, start, end)
        else:
            in_clause = matcher.find(clause)
        return tuple(dict.fromkeys(m.actor.id for m in in_clause))

    figures = find_figures([s for s, _ in sentences], actors_in)
    main_actors = {m.actor.id for m in actor_mentions[:3]}
    figure_sentences = {f.sentence for f in figures}
    boosts = []
    starts = [m.start for m in matches]
    for sentence, start in sentences:
        has_main = any(m.actor.id in main_actors for m in within(matches, starts, start, start + len(sentence)))
        boosts.append(0.5 * (sentence in figure_sentences) + 0.5 * has_main)
    summary = summarise([s for s, _ in sentences], boosts, settings.summary_sentences)
    topics = score_topics(simplified, vocab.topics, index=_topic_index(vocab))
    topics = _front_matter_topics(topics, article, vocab)
    return Briefing(
        article=article,
        summary=summary,
        gist=gist(summary, title),
        figures=figures,
        actors=actor_mentions,
        topics=topics,
        quotes=find_quotes(sentences, matches),
        events=_events(sentences),
    )


def _outlet_names(article: Article, vocab: Vocabulary) -> tuple[str, ...]:
    """The Simplified names of the outlet the article is credited to, as written and as listed."""
    if article.outlet is None or not article.outlet.value:
        return ()
    listed = vocab.outlets.named(article.outlet.value)
    return (to_simplified(article.outlet.value), *(listed.simplified_names if listed else ()))


def _as_written(match: Match, simplified: str, original: str) -> str:
    """The match's surface in the original script. A compound's surface (中俄) is wider than the
    match (中): find it around the match in the Simplified text, cut the same span from the original."""
    width = len(match.surface)
    at = simplified.find(match.surface, max(0, match.start - width), match.end + width)
    return original[at:at + width] if at >= 0 else match.surface


def _with_front_matter(matches: list[Match], article: Article, vocab: Vocabulary) -> list[Match]:
    """Actors named in front matter count even when the text never names them."""
    wanted = article.front_matter.get("actors") or []
    present = {m.actor.id for m in matches}
    extra = []
    for actor_id in wanted if isinstance(wanted, list) else []:
        actor = vocab.actor(str(actor_id))
        if actor and actor.id not in present:
            extra.append(Match(0, 0, actor, actor.name_zh, "front-matter"))
    return extra + matches


FRONT_MATTER_TOPIC_SCORE = 100.0  # the analyst said so: above any keyword score


def _front_matter_topics(topics: tuple[TopicScore, ...], article: Article, vocab: Vocabulary
                         ) -> tuple[TopicScore, ...]:
    wanted = article.front_matter.get("topics") or []
    have = {t.topic.id for t in topics}
    extra = []
    for topic_id in wanted if isinstance(wanted, list) else []:
        topic = vocab.topic(str(topic_id))
        if topic and topic.id not in have:
            extra.append(TopicScore(topic, FRONT_MATTER_TOPIC_SCORE, ("front-matter",)))
    return tuple(extra) + tuple(topics)


def _events(sentences: Sequence[tuple[str, int]]) -> tuple[tuple[str, str], ...]:
    """Sentences that carry a full date (year, month, day): points on the timeline."""
    events = []
    for sentence, _ in sentences:
        for match in FULL_DATE.finditer(sentence):
            value = make_date(int(match[1]), int(match[2]), int(match[3]))
            if value:
                events.append((value.iso, sentence))
                break
    return tuple(events)
