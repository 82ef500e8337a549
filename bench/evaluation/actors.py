"""Actor resolution scored on NGEC's actor-resolution assertions (shared/eval/dev/events).

Each assertion gives an actor text and the expected country and first sector (`code_1`).
Scored here: `agent_to_code`, `short_text_to_agent` and `search_nat` (the others query
Wikipedia). Country accuracy is reported on the assertions whose text itself names a place
parley's country table knows (a country, demonym, capital or city), and separately on bare
person names; sector accuracy on every assertion that expects a non-empty sector.
NGEC writes the UN and the EU as countries UNO and EUR, where CAMEO writes IGOUNO and
IGOEUREEC: for UNO/EUR expectations, IGO is accepted too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from parley.actors.knowledge import load_knowledge, normalize_name
from parley.actors.resolve import ActorMatch, resolve_actor_text

SCORED_METHODS = ("agent_to_code", "short_text_to_agent", "search_nat")
_NGEC_IGO_COUNTRIES = {"UNO", "EUR"}


@dataclass(frozen=True)
class Assertion:
    text: str
    country: str | None  # None: the assertion says nothing about the country
    sectors: tuple[str, ...]  # acceptable first sectors; () if none expected


@dataclass(frozen=True)
class ActorScores:
    country_named: tuple[int, int]  # (right, total) where the text names a place
    country_people: tuple[int, int]  # (right, total) on bare person names
    sector: tuple[int, int]  # (right, total) where a sector is expected

    @staticmethod
    def rate(pair: tuple[int, int]) -> float:
        return pair[0] / pair[1] if pair[1] else 0.0


def load_halves(path: Path) -> tuple[list[Assertion], list[Assertion]]:
    """(tuning half, held-back half): the assertions of the file's even and odd lines. Tune on
    the first; gate floors are measured on the second."""
    halves: tuple[list[Assertion], list[Assertion]] = ([], [])
    for number, assertion in _numbered_assertions(path):
        halves[number % 2].append(assertion)
    return halves


def load_assertions(path: Path) -> Iterator[Assertion]:
    for _, assertion in _numbered_assertions(path):
        yield assertion


def _numbered_assertions(path: Path) -> Iterator[tuple[int, Assertion]]:
    """(line number, assertion) for every scored assertion of the file."""
    for number, line in enumerate(path.open(encoding="utf-8")):
        record = json.loads(line)
        if record["method"] not in SCORED_METHODS or not record["args"]:
            continue
        expect = record["expect"]
        country_key, sector_key = ("0", None) if record["method"] == "search_nat" else (
            "country", "code_1")
        country = expect.get(country_key, {}).get("value") if country_key in expect else None
        raw_sector = expect.get(sector_key, {}).get("value") if sector_key in expect else None
        sectors = tuple(raw_sector) if isinstance(raw_sector, list) else (
            (raw_sector,) if raw_sector else ())
        yield number, Assertion(str(record["args"][0]), country, sectors)


def names_place(text: str) -> bool:
    """True if the text contains a country name, demonym, capital or city parley knows."""
    places = load_knowledge().places
    tokens = re.split(r"[\s-]+", normalize_name(text).replace("'s", ""))
    grams = {" ".join(tokens[i : i + n]) for n in range(1, 5) for i in range(len(tokens))}
    return any(g in places or g.rstrip("s") in places for g in grams)


def is_bare_name(text: str) -> bool:
    """Two to four capitalised words and nothing else: a person named without a title."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not names_place(text)


def score_assertions(assertions: list[Assertion]) -> ActorScores:
    named = [0, 0]
    people = [0, 0]
    sector = [0, 0]
    for assertion in assertions:
        match = resolve_actor_text(assertion.text)
        if assertion.country and names_place(assertion.text):
            _tally(named, _country_right(match, assertion.country))
        elif assertion.country and is_bare_name(assertion.text):
            _tally(people, _country_right(match, assertion.country))
        if assertion.sectors:
            _tally(sector, bool(match and match.sector in assertion.sectors))
    return ActorScores((named[0], named[1]), (people[0], people[1]), (sector[0], sector[1]))


def _country_right(match: ActorMatch | None, expected: str) -> bool:
    if match is None:
        return False
    if expected in _NGEC_IGO_COUNTRIES:
        return match.country in (expected, "IGO")
    return match.country == expected


def _tally(pair: list[int], right: bool) -> None:
    pair[0] += right
    pair[1] += 1
