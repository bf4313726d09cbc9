"""Direct quotes “…” with their speaker where the sentence attributes them.

Rules:
  speaker-before   X说/表示/称/指出/强调/警告/批评 …：“…”  (the nearest actor before the verb)
  speaker-after    “…”，X说  (the nearest actor after the closing mark, before the verb)
  pronoun          他/她 as the speaker resolves to the last named person (before a quote: the person
                   named last; after one: the last speaker)
A quotation shorter than MIN_QUOTE characters is a scare quote (“真朋友”), not a statement.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..model import Quote
from .actors import Match, within

SPEECH_VERBS = ("说", "表示", "称", "指出", "强调", "警告", "批评", "认为", "写道", "回应", "宣布", "透露",
                "坦言", "直言", "呼吁", "声称", "重申", "补充", "告诉", "提到", "表态", "说道", "问道")
VERB = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
QUOTED = re.compile(r"[“「]([^”」]{2,500})[”」]")
MIN_QUOTE = 8
PRONOUN = re.compile(r"(他|她)(?:还|也|则|又|曾|更|进一步)?(?:" + VERB + ")")


def _speaker(matches: Sequence[Match], clause_start: int, verb_at: int, subject_fallback: bool = True
             ) -> Match | None:
    """Who speaks: a person in the clause of the speech verb, nearest the verb; else any actor
    there; else the sentence's first actor (the subject carried over from the clause before:
    克里姆林宫驳斥了…，称“…”)."""
    in_clause = [m for m in matches if clause_start <= m.start and m.end <= verb_at]
    persons = [m for m in in_clause if m.actor.type == "person"]
    if persons:
        return persons[-1]
    if in_clause:
        return in_clause[-1]
    before = [m for m in matches if m.end <= verb_at] if subject_fallback else []
    return before[0] if before else None


def _last_person(matches: Sequence[Match], before: int) -> Match | None:
    """The person named last before a position: whom 他/她 refers to when no one has spoken yet."""
    for match in reversed(matches[:bisect.bisect_left([m.start for m in matches], before)]):
        if match.end <= before and match.actor.type == "person":
            return match
    return None


def find_quotes(sentences: Sequence[tuple[str, int]], matches: Sequence[Match]) -> tuple[Quote, ...]:
    """`sentences` are (sentence, offset in the matched text); `matches` are actor matches there."""
    quotes: list[Quote] = []
    last_speaker: Match | None = None
    starts = [m.start for m in matches]
    for sentence, offset in sentences:
        if "“" not in sentence and "「" not in sentence:
            continue
        in_sentence = within(matches, starts, offset, offset + len(sentence))
        for found in QUOTED.finditer(sentence):
            text = found.group(1).strip()
            if len(text) < MIN_QUOTE:
                continue
            before, after = sentence[: found.start()], sentence[found.end():]
            speaker: Match | None = None
            verb_before = re.search(f"(?:{VERB})[^，,。“]*?[：:，,]?\\s*$", before)
            verb_after = re.match(f"^[，,]?[^。“]{{0,40}}?(?:{VERB})", after)
            if verb_before:
                verb_at = offset + verb_before.start()
                speaker = _speaker(in_sentence, offset + before.rfind("，", 0, verb_before.start()) + 1, verb_at)
                if speaker is None and PRONOUN.search(before[-12:]):
                    speaker = _last_person(matches, offset + found.start()) or last_speaker
            elif verb_after:
                window_start = offset + found.end()
                speaker = _speaker(in_sentence, window_start, window_start + verb_after.end(), subject_fallback=False)
                if speaker is None and PRONOUN.search(verb_after.group()):
                    speaker = last_speaker or _last_person(matches, offset + found.start())
            else:
                continue
            if speaker is not None and speaker.actor.type == "person":
                last_speaker = speaker
            quotes.append(Quote(
                text=text,
                speaker=speaker.actor.name_zh if speaker else None,
                actor_id=speaker.actor.id if speaker else None,
                sentence=sentence,
            ))
    return tuple(quotes)
