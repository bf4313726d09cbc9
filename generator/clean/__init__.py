"""The clean stage: a `RawDocument` becomes an `Article` — body blocks with a verdict each, and
metadata with where it came from.

A reader for the input's form (text, HTML, Markdown) makes candidate blocks and metadata hints;
the shared classifier labels the blocks; the metadata chains read both. Front matter, where
present, overrides what was found.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Article, Block, BlockKind, RawDocument, SourceForm
from ..textnorm import is_traditional
from ..vocab import Vocabulary
from .attribution import trim_credits
from .candidates import Candidate, Hints, normalise_space
from .classify import classify
from .fallback import fall_back_if_empty
from .html import read_html
from .markdown import read_markdown
from .metadata import build_metadata
from .text import read_text


def read_blocks(raw: RawDocument, vocab: Vocabulary) -> tuple[list[Candidate], Hints, list[Block]]:
    """The reader for the input's form, then the classifier: candidates, metadata hints, blocks."""
    if raw.form is SourceForm.DATA_RECORD and raw.record is not None:
        candidates, hints = read_html(raw.record.markup, raw.record.whole_page, raw.record.fields)
    elif raw.form in (SourceForm.HTML_PAGE, SourceForm.HTML_FRAGMENT):
        candidates, hints = read_html(raw.text, whole_page=raw.form is SourceForm.HTML_PAGE)
    elif raw.form is SourceForm.MARKDOWN:
        candidates, hints = read_markdown(raw.text)
    else:
        candidates, hints = read_text(raw.text), Hints()
    blocks = classify(candidates, vocab.rules)
    page = raw.text if raw.form is SourceForm.HTML_PAGE else (
        raw.record.markup if raw.record is not None and raw.record.whole_page else None)
    if page is not None:
        candidates, blocks = fall_back_if_empty(page, candidates, blocks, vocab.rules)
    titles = [title for title, _ in hints.titles]
    stated = raw.front_matter.get("title")
    if isinstance(stated, str):
        titles.append(stated)
    return candidates, hints, drop_stated_title(blocks, titles)


def drop_stated_title(blocks: list[Block], titles: list[str]) -> list[Block]:
    """Rule `repeated-headline` for a title the markup or record states (JSON-LD, a feed item's
    title, front matter) rather than a line of the page: the body's first kept block, when it is
    that title again, is the headline printed over the text, not its first paragraph."""
    wanted = {normalise_space(t) for t in titles if t and t.strip()}
    for index, block in enumerate(blocks):
        if block.kept and block.kind is not BlockKind.CAPTION:
            if normalise_space(block.text) in wanted:
                blocks = [*blocks[:index], replace(block, kind=BlockKind.NOISE, kept=False,
                                                     rule="repeated-headline"), *blocks[index + 1:]]
            break
    return blocks


def clean(raw: RawDocument, vocab: Vocabulary) -> Article:
    candidates, hints, blocks = read_blocks(raw, vocab)
    # One block per candidate, same text: the metadata chains reuse the Simplified forms.
    front = raw.front_matter
    meta = build_metadata(raw.form, hints, blocks, vocab.outlets, [c.folded for c in candidates], front)
    blocks = trim_credits(blocks, vocab.outlets)  # the credits metadata read are not the story's text
    body_text = "".join(b.text for b in blocks if b.kept)
    return Article(
        source=raw.source,
        doc_id=raw.doc_id,
        form=raw.form,
        blocks=tuple(blocks),
        language="zh-Hant" if is_traditional(body_text) else "zh-Hans",
        front_matter=dict(front),
        sha256=raw.sha256,
        title=meta.title,
        date=meta.date,
        outlet=meta.outlet,
        source_type=meta.source_type,
        authors=meta.authors,
        url=meta.url,
        references=meta.references,
        page=meta.page,
    )
