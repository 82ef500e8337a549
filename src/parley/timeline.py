"""Timelines, dyad trends and briefings over the store's merged events (read side).

    timeline(store, ["USA", "IRN"], since="2025-01-01")  -> [TimelineEntry, ...] in date order
    dyad_trend(store, "USA", "IRN")                      -> [(month, mean intensity, events)]

An actor argument is a country code ("USA"), a country name or demonym ("Iran", "Iranian"),
or a person's name ("Trump"): events match when one of their parties is that actor.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from parley.actors.registry import name_key
from parley.actors.resolve import resolve_actor_text
from parley.models import strongest_basis
from parley.store import Store

ActorTest = Callable[[dict[str, Any] | None], bool]
# How a timeline marks a date the event's own clause does not state: "~" inferred from the
# article's account of it, "*" the article's publication date.
BASIS_MARKS = {"text": "", "discourse": "~", "publication": "*"}


@dataclass(frozen=True)
class TimelineEntry:
    """One merged event as a timeline shows it."""

    event_id: str
    date: str | None
    date_basis: str | None  # text, discourse, publication (models.DateBasis)
    type: str
    mode: str | None
    source: dict[str, Any] | None
    target: dict[str, Any] | None
    modality: str
    negated: bool
    location: dict[str, Any] | None
    intensity: float | None
    cameo: str | None
    outlets: tuple[str, ...]
    article_ids: tuple[str, ...]
    evidence: str
    story_id: str | None

    @property
    def mentions(self) -> int:
        return len(self.article_ids)

    def as_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "date": self.date, "date_basis": self.date_basis,
                "type": self.type,
                "mode": self.mode, "source": self.source, "target": self.target,
                "modality": self.modality, "negated": self.negated, "location": self.location,
                "intensity": self.intensity, "cameo": self.cameo, "outlets": list(self.outlets),
                "mentions": self.mentions, "article_ids": list(self.article_ids),
                "evidence": self.evidence, "story_id": self.story_id}


def actor_test(spec: str) -> ActorTest:
    """A predicate on event parties for one actor argument."""
    code = spec.upper() if len(spec) == 3 and spec.isalpha() and spec.isupper() else None
    if code is None:
        match = resolve_actor_text(spec)
        if match is not None and match.kind in ("country", "capital") and match.country:
            code = match.country
    if code is not None:
        return lambda actor: bool(actor and (actor.get("country") == code or
                                             str(actor.get("code") or "").startswith(code)))
    key = name_key(spec)

    def by_name(actor: dict[str, Any] | None) -> bool:
        if not actor or not actor.get("name"):
            return False
        name = name_key(str(actor["name"]))
        return name == key or name.split()[-1:] == key.split()[-1:]

    return by_name


def timeline(store: Store, actors: Iterable[str] = (), since: str | None = None,
             until: str | None = None, types: Iterable[str] = ()) -> list[TimelineEntry]:
    """Events involving all the given actors (as either party), in date order."""
    tests = [actor_test(a) for a in actors]
    wanted = {t.upper() for t in types}
    entries = []
    for row in store.iter_events():
        if wanted and row["type"] not in wanted:
            continue
        if not all(test(row["source"]) or test(row["target"]) for test in tests):
            continue
        if not _in_range(row["date"], since, until):
            continue
        entries.append(_entry(row))
    return sorted(entries, key=lambda e: (e.date is None, e.date or "", e.event_id))


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    if date is None:
        return since is None and until is None
    if since and date[: len(since)] < since[: len(date)]:
        return False
    return not (until and date[: len(until)] > until[: len(date)])


def _entry(row: dict[str, Any]) -> TimelineEntry:
    evidence = row["evidence"]
    outlets = tuple(dict.fromkeys(e["outlet"] for e in evidence if e["outlet"]))
    article_ids = tuple(dict.fromkeys(e["article_id"] for e in evidence))
    basis = strongest_basis(row["date"], [json.loads(e["record"]) for e in evidence])
    return TimelineEntry(
        event_id=row["id"], date=row["date"], date_basis=basis, type=row["type"], mode=row["mode"],
        source=row["source"], target=row["target"], modality=row["modality"],
        negated=row["negated"], location=row["location"], intensity=row["intensity"],
        cameo=row["cameo"], outlets=outlets, article_ids=article_ids,
        evidence=evidence[0]["text"].strip() if evidence else "", story_id=row["story_id"])


def dyad_trend(store: Store, first: str, second: str | None = None) -> list[tuple[str, float, int]]:
    """PLOVER intensity per month for a dyad (or one actor): (YYYY-MM, mean, events).

    Only events the text asserts (or recalls) count: plans and threats are not yet relations.
    """
    actors = [first] + ([second] if second else [])
    months: dict[str, list[float]] = {}
    for entry in timeline(store, actors):
        if entry.date and len(entry.date) >= 7 and entry.intensity is not None and (
                entry.modality in ("asserted", "reported_past") and not entry.negated):
            months.setdefault(entry.date[:7], []).append(entry.intensity)
    return [(month, sum(values) / len(values), len(values)) for month, values in sorted(months.items())]


def date_label(entry: TimelineEntry) -> str:
    """ "2025-08-04", "2025-08-02~" (inferred from the article), "2025-08-04*" (publication)."""
    if entry.date is None:
        return "undated"
    return entry.date + BASIS_MARKS.get(entry.date_basis or "", "")


def party_label(actor: dict[str, Any] | None) -> str:
    """ "Anna Berg (PAKGOV)", "Iran (IRN)", "?" """
    if not actor:
        return "?"
    name = actor.get("name") or "?"
    code = actor.get("code")
    return f"{name} ({code})" if code and code != name else str(name)
