"""`parley brief`: a Markdown briefing on an actor or a dyad, with numbered citations.

    text, svg = write_brief(store, ["USA", "IRN"], chart_name="brief-trend.svg")

The briefing holds the timeline (background and planned events marked as such), the key
quotes of the actors' people, the cooperation-conflict trend (mean PLOVER intensity per month,
-10 = war, +10 = material aid) as an SVG chart, and the sources cited by number.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from parley.query import find_quotes
from parley.store import Store
from parley.timeline import TimelineEntry, actor_test, dyad_trend, party_label, timeline

# Quotes shown per briefing: the most recent ones.
MAX_QUOTES = 8
# Chart geometry (pixels) and the intensity scale PLOVER scores use.
CHART_WIDTH, CHART_HEIGHT, CHART_MARGIN = 640, 240, 40
INTENSITY_RANGE = 10.0
_MODALITY_NOTES = {"planned": "planned", "hypothetical": "hypothetical", "refused": "refused",
                   "denied": "denied", "reported_past": "background"}
# Dates the event's own clause does not state say what they rest on (models.DateBasis).
_BASIS_NOTES = {"discourse": "date from the article's account", "publication": "publication date"}


def write_brief(store: Store, actors: Sequence[str], chart_name: str) -> tuple[str, str]:
    """The Markdown briefing and its trend chart (SVG) for one actor or a dyad."""
    entries = timeline(store, actors)
    citations = _Citations(store)
    lines = [f"# Briefing: {' and '.join(actors)}", ""]
    lines += _summary(entries)
    lines += ["", "## Timeline", ""]
    lines += [_timeline_line(entry, citations) for entry in entries] or ["No events on record."]
    lines += ["", "## Key quotes", ""]
    lines += _quote_lines(store, actors, citations) or ["No quotes on record."]
    trend = dyad_trend(store, actors[0], actors[1] if len(actors) > 1 else None)
    lines += ["", "## Cooperation and conflict", ""]
    if trend:
        lines += [f"![PLOVER intensity per month]({chart_name})", "",
                  "| month | mean intensity | events |", "| --- | --- | --- |"]
        lines += [f"| {month} | {mean:+.1f} | {count} |" for month, mean, count in trend]
    else:
        lines.append("Too few dated events for a trend.")
    lines += ["", "## Sources", "", *citations.lines()]
    return "\n".join(lines) + "\n", trend_svg(trend)


def _summary(entries: list[TimelineEntry]) -> list[str]:
    dated = [e.date for e in entries if e.date]
    outlets = {o for e in entries for o in e.outlets}
    span = f"from {min(dated)} to {max(dated)}" if dated else "undated"
    return [f"{len(entries)} events ({span}), reported by {len(outlets)} outlets."]


def _timeline_line(entry: TimelineEntry, citations: _Citations) -> str:
    note = _MODALITY_NOTES.get(entry.modality)
    flags = [note] if note else []
    if entry.negated:
        flags.append("negated")
    if entry.date and entry.date_basis in _BASIS_NOTES:
        flags.append(_BASIS_NOTES[entry.date_basis])
    where = f" in {entry.location['name']}" if entry.location else ""
    what = entry.type + (f" ({entry.mode})" if entry.mode else "")
    refs = "".join(f"[{citations.number(a)}]" for a in entry.article_ids)
    flag_text = f" *({', '.join(flags)})*" if flags else ""
    return (f"- **{entry.date or 'undated'}** {party_label(entry.source)} -> "
            f"{party_label(entry.target)}: {what}{where}{flag_text}. {refs}\n"
            f"  > {entry.evidence}")


def _quote_lines(store: Store, actors: Sequence[str], citations: _Citations) -> list[str]:
    tests = [actor_test(a) for a in actors]
    rows = [row for row in find_quotes(store) if row["speaker"] and any(
        test(row["speaker"]) for test in tests)]
    lines = []
    for row in rows[-MAX_QUOTES:]:
        speaker = row["speaker"]
        lines.append(f"- {row['published'] or 'undated'}, {speaker['name']}"
                     f"{' (' + speaker['role'] + ')' if speaker.get('role') else ''}: "
                     f"“{row['text']}” [{citations.number(row['article_id'])}]")
    return lines


class _Citations:
    """Numbers articles in the order they are first cited."""

    def __init__(self, store: Store) -> None:
        self.articles = {row["id"]: row for row in store.iter_articles()}
        self.order: list[str] = []

    def number(self, article_id: str) -> int:
        if article_id not in self.order:
            self.order.append(article_id)
        return self.order.index(article_id) + 1

    def lines(self) -> list[str]:
        return [self._line(i + 1, self.articles.get(a, {})) for i, a in enumerate(self.order)]

    @staticmethod
    def _line(number: int, row: dict[str, Any]) -> str:
        where = row.get("url") or row.get("source") or "?"
        return (f"{number}. {row.get('outlet') or 'unknown outlet'}, "
                f"“{row.get('title') or 'untitled'}”, {row.get('published') or 'undated'}. {where}")


def trend_svg(trend: list[tuple[str, float, int]]) -> str:
    """A bar chart of mean intensity per month, zero line in the middle."""
    width, height, margin = CHART_WIDTH, CHART_HEIGHT, CHART_MARGIN
    middle = height / 2
    scale = (height / 2 - margin / 2) / INTENSITY_RANGE
    step = (width - 2 * margin) / max(len(trend), 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="10">',
             f'<line x1="{margin}" y1="{middle}" x2="{width - margin}" y2="{middle}" stroke="#444"/>',
             f'<text x="4" y="{margin / 2}">cooperation +{INTENSITY_RANGE:g}</text>',
             f'<text x="4" y="{height - 6}">conflict -{INTENSITY_RANGE:g}</text>']
    for i, (month, mean, count) in enumerate(trend):
        bar = abs(mean) * scale
        x = margin + i * step + step * 0.15
        y = middle - bar if mean >= 0 else middle
        colour = "#2e7d32" if mean >= 0 else "#c62828"
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" height="{bar:.1f}" '
                     f'fill="{colour}"><title>{escape(month)}: {mean:+.1f} ({count} events)'
                     f'</title></rect>')
        parts.append(f'<text x="{x:.1f}" y="{height - margin / 2 + 12}">{escape(month)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
