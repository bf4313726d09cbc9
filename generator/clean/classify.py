"""Deciding, block by block, what is the article and what is page chrome.

The method follows jusText: a context-free pass labels each block with the first boilerplate rule
(from `content/boilerplate.yaml`) or structural rule that matches, then passes over the sequence
revise labels by context. Every verdict names its rule, so `python -m generator explain` can show
why a line went. Measures are in characters: Chinese has no spaces to count words by.

Structural rules (code, because they look at more than one line):
  timestamp-line       a line that is only a date and time: list entries and crawl stamps
  in-recommendation-list  short lines after a list heading (相关推荐 …) until running text returns
  repeated-line        a short line that repeats the one before (scraped headline lists repeat)
  headline             the headline line of a scrape, before the body: becomes the title
  meta-line            a date/source/byline line above the body: read for metadata, not body
  leading-chrome       other short lines above the body (channel names, menus)
  after-body-chrome    short lines after the last sentence of the article
  short-between-noise  a short line without punctuation whose neighbours are both noise
  reference-entry      a line of a reference list
  after-end            everything after a comment section or an end marker
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Block, BlockKind
from ..vocab import BoilerplateRule
from .candidates import Candidate, ends_sentence, looks_like_body

TIMESTAMP_LINE = re.compile(
    r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(\d{1,2}:\d{2}(:\d{2})?)?(\s*(发布|来源|更新)\S{0,20})?$"
    r"|^\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}$|^\d+\s*(分钟|小时|天)前$")
META_LINE = re.compile(
    r"(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s*\d{1,2}:\d{2})?|(来源|作者|记者|编辑|发布时间|发布于|时间)\s*[:：])")
SECTION_NUMBER = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．]\s*\S)")
REFERENCE_ENTRY_MAX = 160
# Running text must come back this strongly to end a recommendation list: list headlines are short
# and rarely carry a full stop; article paragraphs do.
TRAIL_EXIT_MIN_CHARS = 50
HEADLINE_MIN, HEADLINE_MAX = 5, 80
HEADING_MAX = 40
SHORT_LINE = 20


def classify(candidates: Sequence[Candidate], rules: Sequence[BoilerplateRule]) -> list[Block]:
    labels = [_context_free(c, rules) for c in candidates]
    _revise_sequence(candidates, labels)
    _revise_header_zone(candidates, labels)
    _revise_tail(candidates, labels)
    _revise_short_between_noise(candidates, labels)
    blocks = []
    for index, (candidate, label) in enumerate(zip(candidates, labels)):
        rule, kind = label if label else ("content", _content_kind(candidates, labels, index))
        kept = label is None or kind in (BlockKind.CAPTION, BlockKind.REFERENCE)
        blocks.append(Block(candidate.text, kind, kept, rule, candidate.line))
    return blocks


Label = tuple[str, BlockKind] | None  # (rule, kind); None while the block counts as content


def _context_free(candidate: Candidate, rules: Sequence[BoilerplateRule]) -> Label:
    if candidate.verdict:
        return candidate.verdict, BlockKind.HEADING if candidate.verdict == "headline" else BlockKind.NOISE
    if candidate.kind is BlockKind.CAPTION:
        return "html-caption", BlockKind.CAPTION
    for rule in rules:
        if rule.matches(candidate.text):
            kind = {"caption": BlockKind.CAPTION}.get(rule.action, BlockKind.NOISE)
            return f"{rule.action}:{rule.name}" if rule.action in ("trail", "references", "end") else rule.name, kind
    if TIMESTAMP_LINE.match(candidate.text):
        return "timestamp-line", BlockKind.NOISE
    return None


def _revise_sequence(candidates: Sequence[Candidate], labels: list[Label]) -> None:
    """Rules that carry state along the page: lists, references, end markers, repeats."""
    mode, previous_text = None, None
    for index, candidate in enumerate(candidates):
        label, text = labels[index], candidate.text
        if mode == "end":
            labels[index] = ("after-end", BlockKind.NOISE)
            continue
        if label and label[0].startswith("end:"):
            labels[index], mode = (label[0][4:], BlockKind.NOISE), "end"
            continue
        if label and label[0].startswith("trail:"):
            labels[index], mode = (label[0][6:], BlockKind.NOISE), "trail"
        elif label and label[0].startswith("references:"):
            labels[index], mode = (label[0][11:], BlockKind.NOISE), "references"
        elif mode == "trail":
            if label is None and len(text) >= TRAIL_EXIT_MIN_CHARS and looks_like_body(text) and ends_sentence(text):
                mode = None
            elif label is None or label[1] is not BlockKind.NOISE:
                labels[index] = ("in-recommendation-list", BlockKind.NOISE)
        elif mode == "references":
            if label is None and len(text) <= REFERENCE_ENTRY_MAX and not looks_like_body(text):
                labels[index] = ("reference-entry", BlockKind.REFERENCE)
            else:
                mode = None
        if labels[index] is None and previous_text == text and len(text) < 100:
            labels[index] = ("repeated-line", BlockKind.NOISE)
        previous_text = text


def _first_body(candidates: Sequence[Candidate], labels: list[Label]) -> int | None:
    for index, candidate in enumerate(candidates):
        if labels[index] is None and looks_like_body(candidate.text):
            return index
    return None


def _revise_header_zone(candidates: Sequence[Candidate], labels: list[Label]) -> None:
    """Above the first paragraph of running text: the headline, meta lines, chrome."""
    first = _first_body(candidates, labels)
    if first is None:
        return
    has_headline = any(label and label[0] == "headline" for label in labels)
    zone = [i for i in range(first) if labels[i] is None]
    headline_like = [i for i in zone if HEADLINE_MIN <= len(candidates[i].text) <= HEADLINE_MAX
                     and "。" not in candidates[i].text and not META_LINE.search(candidates[i].text)
                     and not SECTION_NUMBER.match(candidates[i].text)]
    explicit = [i for i in headline_like if candidates[i].kind is BlockKind.HEADING]
    headline = None
    if not has_headline and (explicit or headline_like):
        headline = max(explicit or headline_like, key=lambda i: len(candidates[i].text))
    for i in zone:
        text = candidates[i].text
        if i == headline:
            labels[i] = ("headline", BlockKind.HEADING)
        elif META_LINE.search(text) and len(text) <= 120:
            labels[i] = ("meta-line", BlockKind.NOISE)
        elif candidates[i].kind is BlockKind.HEADING or (
                headline is not None and i > headline and len(text) > SHORT_LINE):
            continue  # a subheading or a standfirst below the headline stays
        elif len(text) <= HEADLINE_MAX and not ends_sentence(text):
            labels[i] = ("leading-chrome", BlockKind.NOISE)


def _revise_tail(candidates: Sequence[Candidate], labels: list[Label]) -> None:
    last = None
    for index, candidate in enumerate(candidates):
        if labels[index] is None and (ends_sentence(candidate.text) or looks_like_body(candidate.text)):
            last = index
    if last is None:
        return
    for index in range(last + 1, len(candidates)):
        if labels[index] is None and len(candidates[index].text) <= HEADLINE_MAX:
            labels[index] = ("after-body-chrome", BlockKind.NOISE)


def _is_noise(label: Label) -> bool:
    return label is not None and label[1] is BlockKind.NOISE and label[0] != "headline"


def _revise_short_between_noise(candidates: Sequence[Candidate], labels: list[Label]) -> None:
    for index in range(1, len(candidates) - 1):
        text = candidates[index].text
        if (labels[index] is None and len(text) <= SHORT_LINE and not ends_sentence(text)
                and _is_noise(labels[index - 1]) and _is_noise(labels[index + 1])):
            labels[index] = ("short-between-noise", BlockKind.NOISE)


def _content_kind(candidates: Sequence[Candidate], labels: list[Label], index: int) -> BlockKind:
    """A short line standing alone between paragraphs heads a section."""
    candidate = candidates[index]
    if candidate.kind is not BlockKind.PARAGRAPH:
        return candidate.kind
    text = candidate.text
    if "。" in text or len(text) > HEADING_MAX + (10 if SECTION_NUMBER.match(text) else 0):
        return BlockKind.PARAGRAPH
    if text[-1] in "，,：:；;、" or (ends_sentence(text) and text[-1] not in "?？!！”」"):
        return BlockKind.PARAGRAPH
    following = next((candidates[i] for i in range(index + 1, len(candidates)) if labels[i] is None), None)
    if following is None or not looks_like_body(following.text):
        return BlockKind.PARAGRAPH
    return BlockKind.HEADING
