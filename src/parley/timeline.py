"""Timelines, dyad trends and briefings over the store's merged events (read side).

    timeline(store, ["USA", "IRN"], since="2025-01-01")  -> [TimelineEntry, ...] in date order
    dyad_trend(store, "USA", "IRN")                      -> [(month, mean intensity, events)]

An actor argument is a country code ("USA") or a full CAMEO code ("YEMREB"), a country name
or demonym ("Iran", "Iranian"), a named body ("Houthis", "Ansar Allah": resolved the way an
article's mention of it is, to its code), or a person's name ("Trump"): events match when one
of their parties is that actor. Types are PLOVER categories, their modes or common words
(`query_terms.resolve_type`: "ceasefire" is RETREAT/ceasefire, "talks" CONSULT).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from parley.actors.registry import name_key
from parley.actors.resolve import resolve_actor_text
from parley.models import strongest_basis
from parley.query_terms import TypeSpec, group_code, nearest, resolve_modality, resolve_types
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


def _is_code(spec: str) -> bool:
    """ "USA", "YEMREB", "IGOUNO": upper-case CAMEO codes are three-letter parts."""
    return spec.isalpha() and spec.isupper() and 3 <= len(spec) <= 12 and len(spec) % 3 == 0


def actor_code(spec: str) -> str | None:
    """The CAMEO code (prefix) an actor argument stands for: a code as given, a country or
    capital's country, a named body's code; None for a person's name."""
    if _is_code(spec):
        return spec
    match = resolve_actor_text(spec)
    if match is not None and match.kind in ("country", "capital") and match.country:
        return match.country
    return group_code(spec)


def actor_test(spec: str) -> ActorTest:
    """A predicate on event parties for one actor argument."""
    code = actor_code(spec)
    key = name_key(spec)

    def by_name(actor: dict[str, Any] | None) -> bool:
        if not actor or not actor.get("name"):
            return False
        name = name_key(str(actor["name"]))
        return name == key or name.split()[-1:] == key.split()[-1:]

    if code is None:
        return by_name
    if len(code) == 3:
        return lambda actor: bool(actor and (actor.get("country") == code or
                                             str(actor.get("code") or "").startswith(code)))
    return lambda actor: bool(actor and (str(actor.get("code") or "").startswith(code)
                                         or by_name(actor)))


@dataclass(frozen=True)
class EventFilter:
    """What `timeline`, `events` and the network select; every field optional.

    types: words `query_terms.resolve_type` reads (categories, modes, common words);
    modality: asserted, planned, hypothetical, refused, denied, reported_past (or background);
    articles: article ids or id prefixes one of the event's reports must come from;
    undated: None keeps undated events when no date range is given (a range cannot hold
    them), True always, False never."""

    actors: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    types: tuple[str, ...] = ()
    modality: tuple[str, ...] = ()
    min_reports: int = 1
    articles: tuple[str, ...] = ()
    undated: bool | None = None


def select_events(store: Store, selection: EventFilter) -> list[TimelineEntry]:
    """The merged events a filter selects, in date order (undated last). Raises
    query_terms.UnknownTermError for an event type or modality parley does not know."""
    specs = resolve_types(selection.types)
    modalities = {resolve_modality(m) for m in selection.modality}
    tests = [actor_test(a) for a in selection.actors]
    entries = []
    for row in store.iter_events():
        if specs and not _type_matches(specs, row["type"], row["mode"]):
            continue
        if modalities and row["modality"] not in modalities:
            continue
        if not all(test(row["source"]) or test(row["target"]) for test in tests):
            continue
        if not _date_selected(row["date"], selection):
            continue
        entry = _entry(row)
        if entry.mentions < selection.min_reports:
            continue
        if selection.articles and not any(a.startswith(p) for a in entry.article_ids
                                          for p in selection.articles):
            continue
        entries.append(entry)
    return sorted(entries, key=lambda e: (e.date is None, e.date or "", e.event_id))


def _type_matches(specs: tuple[TypeSpec, ...], event_type: str, mode: str | None) -> bool:
    return any(spec.matches(event_type, mode) for spec in specs)


def _date_selected(date: str | None, selection: EventFilter) -> bool:
    if date is None:
        if selection.undated is None:
            return selection.since is None and selection.until is None
        return selection.undated
    return _in_range(date, selection.since, selection.until)


def unknown_actors(store: Store, actors: Iterable[str]) -> list[tuple[str, list[str]]]:
    """The actor arguments no stored event has as a party, each with the nearest party names
    and codes the store does hold."""
    specs = list(actors)
    tests = {spec: actor_test(spec) for spec in specs}
    seen: set[str] = set()
    names: set[str] = set()
    for row in store.iter_events():
        for party in (row["source"], row["target"]):
            if not party:
                continue
            names.update(str(v) for v in (party.get("name"), party.get("code")) if v)
            seen.update(spec for spec, test in tests.items() if spec not in seen and test(party))
    return [(spec, nearest(spec, names)) for spec in specs if spec not in seen]


def timeline(store: Store, actors: Iterable[str] = (), since: str | None = None,
             until: str | None = None, types: Iterable[str] = ()) -> list[TimelineEntry]:
    """Events involving all the given actors (as either party), in date order."""
    return select_events(store, EventFilter(tuple(actors), since, until, tuple(types)))


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
