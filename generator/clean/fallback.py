"""Rule `reader-fallback`: when our reader keeps almost nothing of a whole page that holds plenty of
text (a main container it does not recognise, article text inside boxes whose class words look like
chrome), trafilatura reads the page instead, and its text goes through the text reader and the same
classifier. Our blocks stay in the article, not kept (rule `replaced-by-fallback`), so `explain`
shows them and the metadata chains still read their bylines and dates.

A page where our reader kept one whole paragraph of running text (FALLBACK_PARAGRAPH_CHARS or more,
with a full stop) found its article, however short: a one-paragraph story whose hotline box the edge
rules took is read as it is, not replaced by a fallback that runs the page's header into one line.

trafilatura is asked for the main text only (no comments, no tables); its metadata search (and the
extensive date search) is never run: dates are the metadata chains' business.
"""

from __future__ import annotations

from collections.abc import Sequence

import trafilatura

from ..model import Block, BlockKind
from ..vocab import BoilerplateRule
from .candidates import Candidate, ends_sentence, looks_like_body
from .classify import classify
from .text import read_text

# Below this many characters of kept body, a whole page's reading counts as "almost nothing".
FALLBACK_BELOW_CHARS = 150
# The fallback is taken only when it keeps at least this much, and this many times what we kept.
FALLBACK_MIN_CHARS = 80
FALLBACK_MIN_GAIN = 2.0
FALLBACK_PARAGRAPH_CHARS = 80


def body_chars(blocks: Sequence[Block]) -> int:
    return sum(len(b.text) for b in blocks if b.kept and b.kind not in (BlockKind.CAPTION, BlockKind.REFERENCE))


def fall_back_if_empty(page: str, candidates: list[Candidate], blocks: list[Block],
                       rules: Sequence[BoilerplateRule]) -> tuple[list[Candidate], list[Block]]:
    """The candidates and blocks to use: ours, or ours set aside followed by the fallback's."""
    kept = body_chars(blocks)
    if kept >= FALLBACK_BELOW_CHARS or any(
            b.kept and b.kind is BlockKind.PARAGRAPH and len(b.text) >= FALLBACK_PARAGRAPH_CHARS
            and looks_like_body(b.text) for b in blocks):
        return candidates, blocks
    try:
        text = trafilatura.extract(page, include_comments=False, include_tables=False, include_images=False,
                                   with_metadata=False, favor_recall=True, deduplicate=False)
    except Exception:  # a third-party parser's failure leaves our own reading in place
        return candidates, blocks
    if not text:
        return candidates, blocks
    extra = read_text(text)
    extra_blocks = classify(extra, rules)
    # Rule `fallback-running-text`: what the fallback gains is counted in running text only — a list
    # of headlines with their dates (a related box the fallback took for the article) gains nothing.
    gained = sum(len(b.text) for b in extra_blocks if b.kept and b.kind not in (BlockKind.CAPTION, BlockKind.REFERENCE)
                 and (ends_sentence(b.text) or looks_like_body(b.text)))
    if gained < FALLBACK_MIN_CHARS or gained < FALLBACK_MIN_GAIN * max(1, kept):
        return candidates, blocks
    set_aside = [Block(b.text, b.kind, False, "replaced-by-fallback", b.line, b.context_free) if b.kept else b
                 for b in blocks]
    fallback = [Block(b.text, b.kind, b.kept, "reader-fallback" if b.rule == "content" else b.rule, b.line,
                      b.context_free) for b in extra_blocks]
    return [*candidates, *extra], [*set_aside, *fallback]
