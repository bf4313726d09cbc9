"""Deciding, block by block, what is the article and what is page chrome.

The method follows jusText: a context-free pass labels each block with the first boilerplate rule
(from `content/boilerplate.yaml`) or structural rule that matches, then passes over the sequence
revise labels by context. Every verdict names its rule, so `python -m generator explain` can show
why a line went. Measures are in characters: Chinese has no spaces to count words by. Rules match
the block's Simplified form (`Candidate.folded`), so Traditional pages need no rules of their own.

Structural rules (code, because they look at more than one line or at markup):
  no-words                a block without a letter, digit or Han character (script debris, separators)
  timestamp-line          a line that is only a date and time: list entries and crawl stamps
  in-recommendation-list  short lines after a list heading (相关推荐 …) until running text returns
  markup-caption          a caption the markup marks (<figcaption>, <img alt>, a Markdown image's alt)
  after-end               everything after a comment section or an end marker, once the article began
  repeated-line           a short line that repeats the one before (scraped headline lists repeat)
  reference-entry         a line of a reference list
  link-list               a short block that is mostly link text (related links, menus)
  headline                the headline line of a page, before the body: becomes the title
  meta-line               a date/source/byline line above the body (a timestamp there is the post
                          time): read for metadata, not body
  header-account          the posting account named just above the post time (self-media pages)
  leading-chrome          other short lines above the body (channel names, menus)
  after-body-chrome       short lines after the last sentence of the article (a short line whose only
                          sentence end is a closing bracket, "新歌(搞笑版)", is a label, not a
                          sentence; not in Markdown
                          the author structured: their lists and headings stay, but a credit field
                          there (记者 | 某某) goes; not a line that
                          stops at a comma or mid-character: that is running text cut short)
  short-between-noise     a short line without punctuation whose neighbours are both noise
  after-desk-credit       short lines right after the editor's credit that closes an article
                          (责任编辑：…): keyword tags and feedback buttons, until running text returns
  repeated-headline       above the body, a line that repeats the page's headline (a headline printed
                          again over the text), with the short heading lines right above it (its
                          kicker, when the headline is printed over two lines)

Edge rules (`where: edge` in content/boilerplate.yaml) look only at the body's first and last blocks
still counted as content, because their words are ordinary inside an article and chrome only there:
  - an `end` edge rule opens a reader-facing box (a hotline, a follow-the-account promo) within the
    last EDGE_WINDOW content blocks: that block and every block after it go, provided the block is a
    short line and all content after it is short too (a box, not the article going on); within the
    first EDGE_WINDOW, the block and every block before it go, on the same conditions and only when
    no block before it is running text (a box above the article, not one after its first paragraph);
  - a `drop` or `caption` edge rule peels the first or last content block, again and again while
    one matches (a caption under the lead picture, an author's bio line closing the text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..han import CLAUSE_END
from ..model import Block, BlockKind
from ..rulenames import EDITOR_LINE
from ..vocab import BoilerplateRule, RuleAction
from .candidates import Candidate, ends_sentence, looks_like_body
from .patterns import META_LINE, SECTION_NUMBER, TIMESTAMP_LINE
from .rulescreen import RuleScreen, rule_screen

REFERENCE_ENTRY_MAX = 160
# Running text must come back this strongly to end a recommendation list: list headlines are short
# and rarely carry a full stop; article paragraphs do.
TRAIL_EXIT_MIN_CHARS = 50
HEADLINE_MIN, HEADLINE_MAX = 5, 80
HEADING_MAX = 40
SHORT_LINE = 20
META_LINE_MAX = 120
# A line that stops mid-sentence (han.CLAUSE_END) is running text, and so is one that ends in the
# replacement character: text of a file cut mid-character.
CUT_OFF = CLAUSE_END + "\ufffd"
ACCOUNT_MAX = 20
# jusText's link density, for blocks that the markup gives link text for: above this share of
# characters in links, a short block is a list of links, not a paragraph.
LINK_DENSITY_MAX = 0.5
LINK_BLOCK_MAX = 80
# Edge rules look at this many content blocks at each end of the body.
EDGE_WINDOW = 6
# A box opened by an `end` edge rule: its opening line is at most EDGE_LINE_MAX characters, and
# every content block between it and the body's edge at most EDGE_BOX_MAX (a box, not paragraphs).
EDGE_LINE_MAX = 80
EDGE_BOX_MAX = 120
# A headline's kicker printed over it: a heading line of at most this many characters.
KICKER_MAX = 20
# How many lines above or below a meta line the headline is looked for first (two: a self-media
# page puts the account between the headline and the post time).
HEADLINE_NEAR_META = 2

# A block without one letter, digit or Han character says nothing: the `");` a script's document.write
# leaves on the page when the parser ends the script at a "</script>" inside its string, a lone ·
# or | between menu items, a row of decorative stars.
WORD_CHARACTER = re.compile(r"[^\W_]")

Label = tuple[str, BlockKind] | None  # (rule, kind); None while the block counts as content


def classify(candidates: Sequence[Candidate], rules: Sequence[BoilerplateRule]) -> list[Block]:
    screen = rule_screen(tuple(rules))
    first = [_context_free(c, rules, screen) for c in candidates]
    labels = [label for label, _ in first]
    context_free = [label[0] if label else "content" for label in labels]  # kept on the blocks (cf_class)
    chrome_from = _revise_sequence(candidates, labels, [action for _, action in first])
    _revise_links(candidates, labels)
    _revise_header_zone(candidates, labels, chrome_from)
    _revise_tail(candidates, labels)
    _revise_short_between_noise(candidates, labels)
    _revise_after_desk_credit(candidates, labels)
    _revise_repeated_headline(candidates, labels)
    _revise_edges(candidates, labels, rules)
    blocks = []
    for index, (candidate, label) in enumerate(zip(candidates, labels)):
        rule, kind = label if label else ("content", _content_kind(candidates, labels, index))
        kept = label is None or kind in (BlockKind.CAPTION, BlockKind.REFERENCE)
        blocks.append(Block(candidate.text, kind, kept, rule, candidate.line, context_free[index]))
    return blocks


def _context_free(candidate: Candidate, rules: Sequence[BoilerplateRule],
                  screen: RuleScreen | None = None) -> tuple[Label, RuleAction | None]:
    """The first rule that catches the block on its own, and that rule's action; `screen`
    (`rule_screen(rules)`) lets the blocks that no rule can catch skip the rule-by-rule loop."""
    if candidate.verdict:
        return (candidate.verdict, BlockKind.HEADING if candidate.verdict == "headline" else BlockKind.NOISE), None
    if candidate.kind is BlockKind.CAPTION:
        return ("markup-caption", BlockKind.CAPTION), None
    text, folded = candidate.text, candidate.folded
    if not WORD_CHARACTER.search(text):
        return ("no-words", BlockKind.NOISE), None
    if TIMESTAMP_LINE.match(folded):
        return ("timestamp-line", BlockKind.NOISE), None
    if screen is not None and not screen.could_match(folded) and (folded == text or not screen.could_match(text)):
        return None, None
    heading = candidate.kind is BlockKind.HEADING
    for rule in rules:
        if (rule.where == "heading" and not heading) or rule.where == "edge":
            continue
        if rule.matches(folded) or (folded != text and rule.matches(text)):
            kind = BlockKind.CAPTION if rule.action is RuleAction.CAPTION else BlockKind.NOISE
            return (rule.name, kind), rule.action
    return None, None


def _revise_sequence(candidates: Sequence[Candidate], labels: list[Label],
                     actions: Sequence[RuleAction | None]) -> int | None:
    """Rules that carry state along the page: lists, references, end markers, repeats. Returns the
    index where the first trailing list or end marker starts (page chrome from there on)."""
    mode, previous_text, seen_body, chrome_from = None, None, False, None
    for index, candidate in enumerate(candidates):
        label, text, action = labels[index], candidate.text, actions[index]
        if mode == "end":
            if label is None or label[1] is not BlockKind.NOISE:
                labels[index] = ("after-end", BlockKind.NOISE)
            continue
        if action is RuleAction.END:
            # Before the article begins, an end marker is a menu entry (评论 in a top bar), not the end.
            mode = "end" if seen_body else mode
            chrome_from = index if chrome_from is None and seen_body else chrome_from
            continue
        if action is RuleAction.TRAIL:
            mode = "trail"
            chrome_from = index if chrome_from is None else chrome_from
        elif action is RuleAction.REFERENCES:
            mode = "references"
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
        if labels[index] is None and looks_like_body(text):
            seen_body = True
        previous_text = text
    return chrome_from


def _revise_links(candidates: Sequence[Candidate], labels: list[Label]) -> None:
    """Rule `link-list`: a short block that is mostly link text is navigation or related links."""
    for index, candidate in enumerate(candidates):
        if (labels[index] is None and candidate.link_density > LINK_DENSITY_MAX
                and len(candidate.text) <= LINK_BLOCK_MAX and not looks_like_body(candidate.text)):
            labels[index] = ("link-list", BlockKind.NOISE)


def _first_body(candidates: Sequence[Candidate], labels: list[Label]) -> int | None:
    for index, candidate in enumerate(candidates):
        if labels[index] is None and looks_like_body(candidate.text):
            return index
    return None


def _headline_like(candidate: Candidate) -> bool:
    text = candidate.text
    return (HEADLINE_MIN <= len(text) <= HEADLINE_MAX and "。" not in text and not META_LINE.search(candidate.folded)
            and not SECTION_NUMBER.match(text) and candidate.link_density <= LINK_DENSITY_MAX
            and text[-1] not in CLAUSE_END)


def _revise_header_zone(candidates: Sequence[Candidate], labels: list[Label], chrome_from: int | None) -> None:
    """Above the first paragraph of running text: the headline, meta lines, the account, chrome."""
    first = _first_body(candidates, labels)
    if first is None:
        return
    for i in range(first):
        if chrome_from is not None and i >= chrome_from:
            break
        label = labels[i]
        if label is not None and label[0] == "timestamp-line":
            labels[i] = ("meta-line", BlockKind.NOISE)  # the post's own time, not a list entry's
        elif label is None and META_LINE.search(candidates[i].folded) and len(candidates[i].text) <= META_LINE_MAX:
            labels[i] = ("meta-line", BlockKind.NOISE)
    has_headline = any(label and label[0] == "headline" for label in labels)
    zone = [i for i in range(first) if labels[i] is None]
    meta = [i for i, label in enumerate(labels[:first]) if label is not None and label[0] == "meta-line"]
    headline_like = [i for i in zone if _headline_like(candidates[i])]
    headline = None
    if not has_headline and headline_like:
        explicit = [i for i in headline_like if candidates[i].kind is BlockKind.HEADING]
        near_meta = [i for i in headline_like if any(abs(i - m) <= HEADLINE_NEAR_META for m in meta)]
        pool = explicit or near_meta or headline_like
        headline = max(pool, key=lambda i: (len(candidates[i].text), -i))
    dated_meta = {m for m in meta if TIMESTAMP_LINE.match(candidates[m].folded)}
    for i in zone:
        text = candidates[i].text
        if i == headline:
            labels[i] = ("headline", BlockKind.HEADING)
        elif (i + 1 in dated_meta and len(text) <= ACCOUNT_MAX and not ends_sentence(text)
              and (headline is None or i > headline)):
            labels[i] = ("header-account", BlockKind.NOISE)
        elif candidates[i].kind is BlockKind.HEADING or (
                headline is not None and i > headline and len(text) > SHORT_LINE):
            continue  # a subheading or a standfirst below the headline stays
        elif len(text) <= HEADLINE_MAX and not ends_sentence(text) and text[-1] not in CLAUSE_END:
            labels[i] = ("leading-chrome", BlockKind.NOISE)  # a line that stops at a comma is running text


def _bracket_label(text: str) -> bool:
    """A short line that ends in a bracketed label ("新歌(搞笑版)") and has no full stop; a line
    that is all in brackets ("（某报 5月4日）") is a closing stamp or note, not a label."""
    return (len(text) <= SHORT_LINE and text[-1] in ")）" and "。" not in text and text[0] not in "(（"
            and ("(" in text or "（" in text))


def _revise_tail(candidates: Sequence[Candidate], labels: list[Label]) -> None:
    last = None
    for index, candidate in enumerate(candidates):
        text = candidate.text
        if labels[index] is None and ((ends_sentence(text) and not _bracket_label(text)) or looks_like_body(text)):
            last = index
    if last is None:
        return
    for index in range(last + 1, len(candidates)):
        candidate = candidates[index]
        # An author's own short line stays, unless it is a credit field (记者 | 某某, 来源：…): a label
        # line under the text is the outlet's, whatever markup carries it.
        if (labels[index] is None and len(candidate.text) <= HEADLINE_MAX
                and (not candidate.authored or META_LINE.search(candidate.folded))
                and candidate.text[-1] not in CUT_OFF):
            labels[index] = ("after-body-chrome", BlockKind.NOISE)


def _is_noise(label: Label) -> bool:
    return label is not None and label[1] is BlockKind.NOISE and label[0] != "headline"


def _revise_short_between_noise(candidates: Sequence[Candidate], labels: list[Label]) -> None:
    for index in range(1, len(candidates) - 1):
        text = candidates[index].text
        if (labels[index] is None and len(text) <= SHORT_LINE and not ends_sentence(text)
                and not candidates[index].authored
                and _is_noise(labels[index - 1]) and _is_noise(labels[index + 1])):
            labels[index] = ("short-between-noise", BlockKind.NOISE)


def _revise_after_desk_credit(candidates: Sequence[Candidate], labels: list[Label]) -> None:
    """Rule `after-desk-credit`: once the article has begun, the editor's credit (rule editor-line)
    closes it; the short lines that follow it are page chrome until running text returns."""
    seen_body, after_credit = False, False
    for index, candidate in enumerate(candidates):
        label, text = labels[index], candidate.text
        if label is None and looks_like_body(text):
            seen_body, after_credit = True, False
        elif label is not None and label[0] == EDITOR_LINE and seen_body:
            after_credit = True
        elif (after_credit and label is None and len(text) <= SHORT_LINE and not ends_sentence(text)
              and not candidate.authored and candidate.kind is not BlockKind.HEADING):
            labels[index] = ("after-desk-credit", BlockKind.NOISE)


def _revise_repeated_headline(candidates: Sequence[Candidate], labels: list[Label]) -> None:
    """Rule `repeated-headline`: above the first paragraph, a line equal to the headline the page
    was found to have, and the short heading lines right above that copy (a two-line headline)."""
    headlines = {candidates[i].folded for i, label in enumerate(labels) if label and label[0] == "headline"}
    first = _first_body(candidates, labels)
    if not headlines or first is None:
        return
    for i in range(first):
        if labels[i] is None and candidates[i].folded in headlines:
            labels[i] = ("repeated-headline", BlockKind.NOISE)
            above = i - 1
            while (above >= 0 and labels[above] is None and candidates[above].kind is BlockKind.HEADING
                   and len(candidates[above].text) <= KICKER_MAX):
                labels[above] = ("repeated-headline", BlockKind.NOISE)
                above -= 1


def _edge_rule(candidate: Candidate, rules: Sequence[BoilerplateRule]) -> BoilerplateRule | None:
    return next((rule for rule in rules if rule.matches(candidate.folded)
                 or (candidate.folded != candidate.text and rule.matches(candidate.text))), None)


def _revise_edges(candidates: Sequence[Candidate], labels: list[Label], rules: Sequence[BoilerplateRule]) -> None:
    """The edge rules (see the module's note): boxes first, then peeling the ends."""
    edge = [rule for rule in rules if rule.where == "edge"]
    if not edge:
        return
    boxes = [rule for rule in edge if rule.action is RuleAction.END]
    content = [i for i, label in enumerate(labels) if label is None]

    def short(indices: Sequence[int]) -> bool:
        return all(len(candidates[j].text) <= EDGE_BOX_MAX for j in indices)

    tail = content[-EDGE_WINDOW:]
    for pos, index in enumerate(tail):
        rule = _edge_rule(candidates[index], boxes) if len(candidates[index].text) <= EDGE_LINE_MAX else None
        if rule is not None and short(tail[pos + 1:]) and pos + len(content) - len(tail) > 0:
            for j in range(index, len(candidates)):
                if labels[j] is None:
                    labels[j] = (rule.name, BlockKind.NOISE)
            break
    content = [i for i, label in enumerate(labels) if label is None]
    head = content[:EDGE_WINDOW]
    for pos in range(len(head) - 1, -1, -1):
        index = head[pos]
        rule = _edge_rule(candidates[index], boxes) if len(candidates[index].text) <= EDGE_LINE_MAX else None
        if (rule is not None and short(head[:pos]) and pos < len(content) - 1
                and not any(looks_like_body(candidates[j].text) for j in head[:pos])):
            for j in range(index + 1):
                if labels[j] is None:
                    labels[j] = (rule.name, BlockKind.NOISE)
            break
    peel = [rule for rule in edge if rule.action in (RuleAction.DROP, RuleAction.CAPTION)]
    for from_end in (False, True):
        while True:
            content = [i for i, label in enumerate(labels) if label is None]
            if len(content) < 2:
                break
            index = content[-1] if from_end else content[0]
            rule = _edge_rule(candidates[index], peel)
            if rule is None:
                break
            labels[index] = (rule.name, BlockKind.CAPTION if rule.action is RuleAction.CAPTION else BlockKind.NOISE)


def _content_kind(candidates: Sequence[Candidate], labels: list[Label], index: int) -> BlockKind:
    """A short line standing alone between paragraphs heads a section."""
    candidate = candidates[index]
    if candidate.kind is not BlockKind.PARAGRAPH or candidate.authored:
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
