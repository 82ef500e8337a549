"""`parley brief`: a Markdown briefing on an actor or a dyad, with numbered citations.

    text, svg = write_brief(store, ["USA", "IRN"], chart_name="brief-trend.svg")

The briefing holds the timeline (background and planned events marked as such), what the
actors' people said in the articles that report those events (direct quotes in quotation
marks, indirect ones as reported speech), the cooperation-conflict trend (mean PLOVER
intensity per month, -10 = war, +10 = material aid) as an SVG chart drawn by matplotlib on a
time axis (`parley.chart`), and the sources cited by number: outlet, title, date, URL.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import PurePath
from typing import Any
from urllib.parse import urlparse

from parley.actors.knowledge import load_knowledge
from parley.chart import trend_svg
from parley.datafiles import read_data_json
from parley.query import find_quotes
from parley.store import Store
from parley.timeline import TimelineEntry, actor_test, dyad_trend, party_label, timeline

# Quotes shown per briefing: the most recent ones.
MAX_QUOTES = 8
_MODALITY_NOTES = {"planned": "planned", "hypothetical": "hypothetical", "refused": "refused",
                   "denied": "denied", "reported_past": "background"}
# Dates the event's own clause does not state say what they rest on (models.DateBasis).
_BASIS_NOTES = {"discourse": "date from the article's account", "publication": "publication date"}
# Words that end a role's head noun phrase: "Minister of Foreign Affairs" -> "Minister".
_ROLE_HEAD_ENDS = {"of", "for", "to", "at", "in", "on", "with", "from"}
# Endings of nouns for people ("lawyer", "physician", "negotiator", "chairman").
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "ent", "ant", "ee", "ary")


def write_brief(store: Store, actors: Sequence[str], chart_name: str | None) -> tuple[str, str]:
    """The Markdown briefing and its trend chart (SVG) for one actor or a dyad. With no
    chart_name the Markdown holds the trend table alone (the chart is still returned)."""
    entries = timeline(store, actors)
    citations = _Citations(store)
    lines = [f"# Briefing: {' and '.join(actors)}", ""]
    lines += _summary(entries, citations)
    lines += ["", "## Timeline", ""]
    lines += [_timeline_line(entry, citations) for entry in entries] or ["No events on record."]
    lines += ["", "## Key quotes", ""]
    lines += _quote_lines(store, actors, entries, citations) or [
        "No quotes by these actors in the articles that report their events."]
    trend = dyad_trend(store, actors[0], actors[1] if len(actors) > 1 else None)
    lines += ["", "## Cooperation and conflict", ""]
    if trend:
        if chart_name:
            lines += [f"![PLOVER intensity per month]({chart_name})", ""]
        lines += ["| month | mean intensity | events |", "| --- | --- | --- |"]
        lines += [f"| {month} | {mean:+.1f} | {count} |" for month, mean, count in trend]
    else:
        lines.append("Too few dated events for a trend.")
    lines += ["", "## Sources", "", *citations.lines()]
    return "\n".join(lines) + "\n", trend_svg(trend)


def plural(count: int, noun: str) -> str:
    """ "1 outlet", "3 outlets" """
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _summary(entries: list[TimelineEntry], citations: _Citations) -> list[str]:
    dated = [e.date for e in entries if e.date]
    articles = {a for e in entries for a in e.article_ids}
    outlets = {citations.outlet(a) for a in articles} - {None}
    unstated = sum(1 for a in articles if citations.outlet(a) is None)
    span = f"from {min(dated)} to {max(dated)}" if dated else "undated"
    undated = len(entries) - len(dated)
    note = f", {undated} of them undated" if dated and undated else ""
    if not outlets:
        by = ", none of which names its outlet" if articles else ""
    else:
        by = f" by {plural(len(outlets), 'outlet')}" + (
            f" ({unstated} of the articles name{'s' if unstated == 1 else ''} none)" if unstated else "")
    return [f"{plural(len(entries), 'event')} ({span}{note}), reported in "
            f"{plural(len(articles), 'article')}{by}."]


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
            f"  > {' '.join(entry.evidence.split())}")


def _quote_lines(store: Store, actors: Sequence[str], entries: list[TimelineEntry],
                 citations: _Citations) -> list[str]:
    """What the actors' people said in the articles that report the briefing's own events."""
    own_articles = {a for entry in entries for a in entry.article_ids}
    tests = [actor_test(a) for a in actors]
    rows = [row for row in find_quotes(store) if row["article_id"] in own_articles
            and row["speaker"] and any(test(row["speaker"]) for test in tests)]
    return [_quote_line(row, citations) for row in rows[-MAX_QUOTES:]]


def _quote_line(row: dict[str, Any], citations: _Citations) -> str:
    speaker = row["speaker"]
    role = speaker.get("role")
    who = speaker["name"] + (f" ({role})" if role and is_title(role) else "")
    ref = f"[{citations.number(row['article_id'])}]"
    when = row["published"] or "undated"
    text = row["text"].strip()
    if row["kind"] == "direct":
        return f"- {when}, {who}: “{text}” {ref}"
    cue = (row["cue"] or "").lower()
    if cue.startswith("according"):
        return f"- {when}, according to {who}, {text} {ref}"
    # reported speech: the article's own reporting verb when it is a past form, else "said";
    # the content as the article words it (its "that" included when it has one)
    verb = cue if cue in _past_cues() or cue.endswith("ed") else "said"
    return f"- {when}, {who} {verb} {text} {ref}"


@lru_cache(maxsize=1)
def _past_cues() -> frozenset[str]:
    """Irregular past forms of reporting verbs ("said", "told", "wrote")."""
    return frozenset({"said", "told", "wrote", "thought", "felt", "knew", "spoke", "added"})


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Nouns that name a person's office: the quote cues' title words, and the one-word role
    patterns of the sector table that are nouns for people ("lawyer", "physician")."""
    titles = {w.lower() for w in read_data_json("quote_cues.json")["titles"]}
    titles |= {w for w in load_knowledge().sectors if " " not in w and w.endswith(_PERSON_ENDINGS)}
    return frozenset(titles)


def is_title(role: str) -> bool:
    """True when a role's head noun names an office ("Minister of Foreign Affairs", "Army Chief
    General"); False for phrases a title pattern caught by mistake ("Presence of President")."""
    words = role.lower().replace("-", " ").split()
    for i, word in enumerate(words):
        if word in _ROLE_HEAD_ENDS:
            words = words[:i]
            break
    head = words[-1] if words else ""
    return head in _title_words() or (head.endswith("s") and head[:-1] in _title_words())


class _Citations:
    """Numbers articles in the order they are first cited."""

    def __init__(self, store: Store) -> None:
        self.articles = {row["id"]: row for row in store.iter_articles()}
        self.order: list[str] = []

    def number(self, article_id: str) -> int:
        if article_id not in self.order:
            self.order.append(article_id)
        return self.order.index(article_id) + 1

    def outlet(self, article_id: str) -> str | None:
        """The article's outlet, else its URL's host; None when neither is known."""
        row = self.articles.get(article_id, {})
        url = row.get("url")
        return row.get("outlet") or (urlparse(url).hostname if url else None)

    def lines(self) -> list[str]:
        return [self._line(i + 1, self.articles.get(a, {})) for i, a in enumerate(self.order)]

    @staticmethod
    def _line(number: int, row: dict[str, Any]) -> str:
        """ "3. TRT, “Top diplomats meet”, 2025-08-04. https://..." (what is known of it)."""
        url = row.get("url")
        outlet = row.get("outlet") or (urlparse(url).hostname if url else None)
        title = f"“{row['title']}”" if row.get("title") else "untitled"
        parts = [p for p in (outlet, title, row.get("published")) if p]
        where = url or (f"file {PurePath(row['source']).name}" if row.get("source") else "")
        return f"{number}. {', '.join(parts)}." + (f" {where}" if where else "")
