"""Pictures drawn at build time as static SVG: they work offline and in print, and need no script.

  network   who appears with whom: actors as nodes sized by briefings, edges by briefings shared
  activity  briefings per month, as bars

Layouts are deterministic (fixed start, fixed iterations, sorted input), so two builds draw the
same picture byte for byte. Every label is XML-escaped: names come from articles.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape, quoteattr

from .dates import DateValue
from .model import Actor

NETWORK_SIZE = 640
LAYOUT_ITERATIONS = 200
TYPE_COLOURS = {"country": "#3f6ea6", "person": "#c0603a", "organization": "#4f8a4a"}


def network_svg(nodes: Sequence[tuple[Actor, int]], edges: Sequence[tuple[str, str, int]],
                href: Callable[[Actor], str], title: str, size: int = NETWORK_SIZE) -> str:
    """`nodes`: (actor, briefings); `edges`: (actor id, actor id, briefings together)."""
    if not nodes:
        return ""
    ids = [actor.id for actor, _ in nodes]
    index = {actor_id: i for i, actor_id in enumerate(ids)}
    links = [(index[a], index[b], w) for a, b, w in edges if a in index and b in index and a != b]
    star = all(a == 0 or b == 0 for a, b, _ in links)
    positions = _radial(len(ids), links) if star else _layout(len(ids), links)
    top = max(count for _, count in nodes)
    margin = 60
    scale = size - 2 * margin
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" class="briefing-network" '
           f'role="img" aria-label={quoteattr(title)}>', f"<title>{escape(title)}</title>"]
    heaviest = max((w for _, _, w in links), default=1)
    for a, b, weight in links:
        (x1, y1), (x2, y2) = positions[a], positions[b]
        out.append(f'<line x1="{margin + x1 * scale:.1f}" y1="{margin + y1 * scale:.1f}" '
                   f'x2="{margin + x2 * scale:.1f}" y2="{margin + y2 * scale:.1f}" stroke="#8a94a6" '
                   f'stroke-opacity="{0.25 + 0.6 * weight / heaviest:.2f}" '
                   f'stroke-width="{1 + 3 * weight / heaviest:.1f}"/>')
    for i, (actor, count) in enumerate(nodes):
        x, y = margin + positions[i][0] * scale, margin + positions[i][1] * scale
        radius = 6 + 16 * math.sqrt(count / top)
        colour = TYPE_COLOURS.get(actor.type, "#777")
        label = escape(actor.name_zh)
        out.append(f'<a href={quoteattr(href(actor))}><g class="node"><title>{label} · {escape(actor.name)} · '
                   f'{count}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}" '
                   f'fill-opacity="0.85"/><text x="{x:.1f}" y="{y + radius + 13:.1f}" text-anchor="middle" '
                   f'font-size="13" fill="currentColor">{label}</text></g></a>')
    out.append("</svg>")
    return "".join(out)


def _radial(n: int, edges: Sequence[tuple[int, int, int]]) -> list[tuple[float, float]]:
    """One actor and its neighbourhood: the actor in the middle, neighbours around it, the
    closest (most briefings together) nearest."""
    if n == 1:
        return [(0.5, 0.5)]
    weight = {b if a == 0 else a: w for a, b, w in edges}
    heaviest = max(weight.values(), default=1)
    out = [(0.5, 0.5)]
    for i in range(1, n):
        angle = 2 * math.pi * (i - 1) / (n - 1) - math.pi / 2
        radius = 0.5 - 0.25 * weight.get(i, 0) / heaviest
        out.append((0.5 + radius * math.cos(angle), 0.5 + radius * math.sin(angle)))
    return out


def _layout(n: int, edges: Sequence[tuple[int, int, int]]) -> list[tuple[float, float]]:
    """Fruchterman–Reingold in the unit square from a circle start: deterministic."""
    if n == 1:
        return [(0.5, 0.5)]
    pos = [[0.5 + 0.4 * math.cos(2 * math.pi * i / n), 0.5 + 0.4 * math.sin(2 * math.pi * i / n)] for i in range(n)]
    k = math.sqrt(1.0 / n)
    temperature = 0.1
    for _ in range(LAYOUT_ITERATIONS):
        shift = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
                distance = max(1e-4, math.hypot(dx, dy))
                force = k * k / distance
                shift[i][0] += dx / distance * force
                shift[i][1] += dy / distance * force
                shift[j][0] -= dx / distance * force
                shift[j][1] -= dy / distance * force
        for a, b, weight in edges:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            distance = max(1e-4, math.hypot(dx, dy))
            force = distance * distance / k * (1 + math.log(weight))
            shift[a][0] -= dx / distance * force
            shift[a][1] -= dy / distance * force
            shift[b][0] += dx / distance * force
            shift[b][1] += dy / distance * force
        for i in range(n):
            length = max(1e-9, math.hypot(*shift[i]))
            step = min(length, temperature)
            pos[i][0] = min(1.0, max(0.0, pos[i][0] + shift[i][0] / length * step))
            pos[i][1] = min(1.0, max(0.0, pos[i][1] + shift[i][1] / length * step))
        temperature *= 0.98
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    width, height = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return [((x - min(xs)) / width, (y - min(ys)) / height) for x, y in pos]


MONTHLY_BARS_AT_MOST = 60  # above five years of months, bars are years: 600 slivers say nothing


def activity_svg(counts: Sequence[tuple[DateValue, int]], title: str, width: int = 640, height: int = 160) -> str:
    """Bars per month (per year over a long span), oldest on the left. `counts`: (month, briefings)
    in any order; a day's date counts for its month.

    Empty periods get no bar, only their place, so a gap shows as a gap and costs nothing."""
    if not counts:
        return ""
    periods = _periods(counts)
    top = max(count for _, count in periods) or 1
    left, bottom, top_pad = 28, 26, 10
    bar_space = (width - left - 8) / len(periods)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="briefing-activity" '
           f'role="img" aria-label={quoteattr(title)}>', f"<title>{escape(title)}</title>",
           f'<text x="0" y="{top_pad + 10}" font-size="11" fill="currentColor">{top}</text>',
           f'<line x1="{left}" y1="{height - bottom}" x2="{width - 4}" y2="{height - bottom}" stroke="#999"/>']
    label_every = max(1, math.ceil(len(periods) / 12))
    for i, (period, count) in enumerate(periods):
        x = left + i * bar_space
        if count:
            bar_height = (height - bottom - top_pad) * count / top
            out.append(f'<rect x="{x + 1:.1f}" y="{height - bottom - bar_height:.1f}" '
                       f'width="{max(1.0, bar_space - 2):.1f}" '
                       f'height="{bar_height:.1f}" fill="#3f6ea6"><title>{period}: {count}</title></rect>')
        if i % label_every == 0:
            out.append(f'<text x="{x + bar_space / 2:.1f}" y="{height - 8}" font-size="10" text-anchor="middle" '
                       f'fill="currentColor">{period}</text>')
    out.append("</svg>")
    return "".join(out)


def _periods(counts: Sequence[tuple[DateValue, int]]) -> list[tuple[str, int]]:
    """(label, briefings) for every month from the first to the last ("2025-03"), so gaps show as
    gaps; for every year ("2025") when that would be more than MONTHLY_BARS_AT_MOST months."""
    by_month: Counter[DateValue] = Counter()
    for when, count in counts:
        by_month[when.as_month()] += count
    first, last = min(by_month), max(by_month)
    if (last.year - first.year) * 12 + last.month - first.month + 1 > MONTHLY_BARS_AT_MOST:
        by_year: Counter[int] = Counter()
        for month, count in by_month.items():
            by_year[month.year] += count
        return [(str(year), by_year[year]) for year in range(first.year, last.year + 1)]
    periods, month = [], first
    while month <= last:
        periods.append((month.iso, by_month[month]))
        month = month.next_month()
    return periods
