"""PETRARCH2's unit-test sentences with their fictional countries renamed as real ones.

The unit tests (`petrarch2_unittest_fictional.jsonl`) are wire-style grammar cases (passives,
compound actors, reported speech, negation) about Arnor, Gondor and other places no actor table
knows, so parley places no party and codes almost nothing: they measure nothing of its grammar
as they are. Renamed here, for measuring only, as South and Central American countries that none
of the sentences names (Gondor -> Peru, code GON -> PER), they become a probe of the grammar on
wire text with real actors. The pairing is arbitrary (a fiction has no real counterpart) and
lives in the bench, never in the package. Records that expect a party of a fictional code not
renamed here (hobbits, wizards, the Shire) are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from evaluation.events import GoldEvent, GoldRecord

# Fictional place -> (real country, its ISO3), and the fictional code that stood for it.
PLACES: dict[str, tuple[str, str, str]] = {
    "Gondor": ("Peru", "GON", "PER"),
    "Arnor": ("Chile", "ARN", "CHL"),
    "Osgiliath": ("Bolivia", "OSG", "BOL"),
    "Bree": ("Paraguay", "BRE", "PRY"),
    "Eriador": ("Ecuador", "ERI", "ECU"),
    "Calenardhon": ("Uruguay", "CAL", "URY"),
    "Ithilen": ("Colombia", "ITH", "COL"),
    "Mordor": ("Venezuela", "MOR", "VEN"),
    "Fornost": ("Guyana", "FOR", "GUY"),
    "Dagolath": ("Honduras", "DAG", "HND"),
    "Rohan": ("Panama", "ROH", "PAN"),
    "Dol Amroth": ("Belize", "DOL", "BLZ"),
}
# Other forms of the same names in the sentences: demonyms, a capital.
FORMS = {"Eriadori": "Ecuadorian", "Eriadorian": "Ecuadorian", "Arnorian": "Chilean",
         "Dagolathi": "Honduran", "Rohans": "Panamanians", "Minas Tirith": "Lima"}

_CODES = {fictional: real for _, fictional, real in PLACES.values()}
_WORDS = {**{name: real for name, (real, _, _) in PLACES.items()}, **FORMS}
_PATTERN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)) + r")\b")


def realise(records: Iterable[GoldRecord], real_codes: frozenset[str]) -> list[GoldRecord]:
    """The records whose every expected party is renamed or real (a code in `real_codes`, or
    none), with names and codes renamed."""
    kept = []
    for record in records:
        events = [_event(e, real_codes) for e in record.expected]
        if any(e is None for e in events):
            continue
        text = _PATTERN.sub(lambda m: _WORDS[m.group(1)], record.text)
        kept.append(replace(record, text=text, expected=tuple(e for e in events if e is not None)))
    return kept


ALL_ROOTS = frozenset(f"{n:02d}" for n in range(1, 21))


def any_root(records: Iterable[GoldRecord]) -> list[GoldRecord]:
    """The records with every CAMEO root accepted: the unit tests' codes come from PETRARCH2's
    test-only verb dictionary, not from the CAMEO manual, so on them the pair (who to whom) is
    what measures parley's grammar."""
    return [replace(r, expected=tuple(replace(e, roots=ALL_ROOTS) for e in r.expected)) for r in records]


def _event(event: GoldEvent, real_codes: frozenset[str]) -> GoldEvent | None:
    parties = []
    for code in (event.source, event.target):
        if code is None or code in real_codes:
            parties.append(code)
        elif code in _CODES:
            parties.append(_CODES[code])
        else:
            return None
    return replace(event, source=parties[0], target=parties[1])
