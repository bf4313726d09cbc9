"""The pages and page parts of issue 14 across the collection: a page per story, the stories index,
the conflicts page, and on each briefing its "also reported by" list, the conflict marks of its
figure rows and its Cite block (three styles, CSL-JSON and BibTeX downloads). Pure, like `site`,
which calls these; every address comes from `urls`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date as Date
from urllib.parse import quote

from . import urls
from .citations import STYLES, figure_citation
from .conflicts import Conflict, FigureRef
from .model import Briefing, Corpus, Figure
from .outlet_pages import SOURCE_TYPE_LABELS
from .render import Trusted, render
from .stories import Story, compare

__all__ = ["also_reported", "cite_styles", "conflicts_page", "figure_cite", "outlet_name", "row_conflicts",
           "stories_index", "story_page"]


def outlet_name(briefing: Briefing) -> str:
    """The outlet a briefing credits, as shown in citations and story tables."""
    return briefing.article.outlet.value if briefing.article.outlet else "未知来源"


# --- On a briefing page ---------------------------------------------------------------------------


def also_reported(briefing: Briefing, corpus: Corpus, here: urls.Address) -> dict[str, object] | None:
    """The other accounts of this briefing's story, by date: for "also reported by"."""
    story = corpus.story_of.get(briefing.id)
    if story is None:
        return None
    by_id = corpus.by_id
    others = [by_id[m] for m in story.members if m != briefing.id and m in by_id]
    return {"story_href": here.link_to(urls.STORY.of(story.id)), "count": len(story.members),
            "accounts": [(b, outlet_name(b), here.link_to(b.address)) for b in others]}


def row_conflicts(briefing: Briefing, corpus: Corpus, here: urls.Address) -> dict[str, list[tuple[str, str]]]:
    """Anchor -> [(label, link to the other row)] for the rows of this briefing that conflict."""
    if corpus.conflicts is None:
        return {}
    by_id = corpus.by_id
    rows = {}
    for anchor, others in corpus.conflicts.in_briefing(briefing.id).items():
        rows[anchor] = [(f"{outlet_name(by_id[o.briefing_id])} {_figure_text(by_id[o.briefing_id], o.anchor)}",
                         here.link_to(by_id[o.briefing_id].address) + "#" + o.anchor)
                        for o in others if o.briefing_id in by_id]
    return rows


def _figure_text(briefing: Briefing, anchor: str) -> str:
    return next((f.text for f in briefing.figures if f.anchor == anchor), anchor)


def _fenced(text: str) -> str:
    """Text in a fenced block that no backtick run inside it can close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def cite_styles(briefing: Briefing, site_url: str | None, accessed: Date) -> Trusted:
    """The Cite block's styles, each in a fenced block (Material gives each a copy button), and the
    briefing's CSL-JSON and BibTeX as downloads (files next to its page, made by `export`)."""
    permalink = urls.absolute(briefing.url, site_url)
    parts = []
    for name, style in STYLES:
        text = re.sub(r"\s+", " ", style(briefing, permalink, accessed))
        parts.append(f'<div class="cite-style" markdown>\n\n**{name}**\n\n{_fenced(text)}\n\n</div>')
    here, key = briefing.address, quote(briefing.id, safe="")
    csl, bib = here.href_to(urls.CITE_CSL.of(briefing.id)), here.href_to(urls.CITE_BIB.of(briefing.id))
    parts.append(f'<p class="cite-downloads">下载 Download: <a download="{key}.csl.json" href="{quote(csl)}">'
                 f'CSL-JSON</a> · <a download="{key}.bib" href="{quote(bib)}">BibTeX</a></p>')
    return Trusted("\n\n".join(parts))


def figure_cite(briefing: Briefing, figure: Figure, site_url: str | None, accessed: Date) -> str:
    """The citation of one figure row (plain text; the template escapes it)."""
    return figure_citation(briefing, figure, urls.absolute(briefing.url, site_url), accessed)


# --- Pages ----------------------------------------------------------------------------------------


def story_page(story: Story, corpus: Corpus) -> str:
    here = urls.STORY.of(story.id)
    by_id = corpus.by_id
    members = [by_id[m] for m in story.members if m in by_id]
    comparison = compare(story, by_id)
    link_of = {b.id: here.link_to(b.address) for b in members}
    outlet_of = {b.id: outlet_name(b) for b in members}
    name_of = {m.actor.id: m.actor.name_zh for b in members for m in b.actors}  # quotes group by actor id

    def figure_rows(groups):
        return [(g, [(outlet_of[bid], f, link_of[bid] + "#" + f.anchor) for bid, f in g.figures]) for g in groups]

    only = [(outlet_of[bid], names) for bid, names in comparison.only_in if names]
    return render(
        "story.md.j2",
        story=story,
        first=members[0],
        accounts=[(b, outlet_of[b.id], SOURCE_TYPE_LABELS[b.article.source_type], link_of[b.id]) for b in members],
        shared_actors=[(a, len(a.accounts), here.link_to(urls.ACTOR.of(a.actor_id))) for a in comparison.shared_actors],
        only_in=only,
        shared_figures=figure_rows(comparison.shared_figures),
        differing_figures=figure_rows(comparison.differing_figures),
        quotes=[(name_of.get(q.speaker, q.speaker),
                 [(outlet_of[bid], quote_, link_of[bid]) for bid, quote_ in q.quotes]) for q in comparison.quotes],
        outlets=sorted({outlet_of[b.id] for b in members}),
    )


def stories_index(corpus: Corpus) -> str:
    here = urls.STORIES_INDEX
    by_id = corpus.by_id
    rows = []
    for story in sorted(corpus.stories, key=lambda s: (by_id[s.id].date or "", s.id), reverse=True):
        first = by_id[story.id]
        outlets = sorted({outlet_name(by_id[m]) for m in story.members if m in by_id})
        rows.append((first, len(story.members), outlets, here.link_to(urls.STORY.of(story.id))))
    return render("stories_index.md.j2", stories=rows)


def conflicts_page(corpus: Corpus) -> str:
    here = urls.CONFLICTS
    by_id = corpus.by_id
    pairs: Sequence[Conflict] = corpus.conflicts.pairs if corpus.conflicts else ()

    def side(ref: FigureRef, figure: Figure) -> tuple[Briefing, str, Figure, str]:
        briefing = by_id[ref.briefing_id]
        return briefing, outlet_name(briefing), figure, here.link_to(briefing.address) + "#" + ref.anchor

    rows = [(c.measure, c.unit, side(c.first, c.first_figure), side(c.second, c.second_figure))
            for c in pairs if c.first.briefing_id in by_id and c.second.briefing_id in by_id]
    return render("conflicts.md.j2", rows=rows)
