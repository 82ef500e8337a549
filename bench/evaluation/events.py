"""Events scored against the event gold sets of `shared/eval/dev/events` (see its README).

Each record's `text` is annotated as `parley annotate --raw` sees it: the text is the article
body, `date` its publication date; entities, timexes and events come from the real stages.

Dyad score (plover_gsr.jsonl): predicted and expected events match on (source country, target
country, CAMEO root), one to one, greedily in the order of the expected events. An actor code
compares on its first three letters ("USAGOV" -> USA, "IGOGOV" -> IGO; "---" or none -> None:
a missing target matches only a missing target). An expected event whose `code` is null stands
for every CAMEO root of its PLOVER category (v0.5b1 labels mapped to v0.8), as does a prediction
whose `cameo` is null; the category-to-roots table is the codebook's (CAMEO2PLOVER-2021).
Precision, recall and F1 are over all events of all records.

Root accuracy (cameo_manual_examples.jsonl, one expected code per record): "top" counts a record
right when its highest-confidence event (the first in text order among equals) has the expected
root; "any" when any of its events has it. A record without events counts wrong in both.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parley.actors.entities import extract_entities
from parley.events import extract_events
from parley.models import Event
from parley.pipeline import parse_texts
from parley.timex import extract_timexes

# PLOVER v0.5b1 labels of the gold standard records and their v0.8 categories.
PLOVER_V08 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE",
              "YIELD": "CONCEDE", "REDUCE": "SANCTION"}


@dataclass(frozen=True)
class GoldEvent:
    source: str | None
    target: str | None
    roots: frozenset[str]
    code: str | None
    plover: str | None


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    date: str | None
    expected: tuple[GoldEvent, ...]
    expect_no_events: bool


@dataclass(frozen=True)
class PRF:
    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class DyadScore:
    prf: PRF
    errors: Counter[str] = field(default_factory=Counter)
    records_with_errors: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RootScore:
    top: float
    any: float
    records: int
    without_events: int


def load_gold(path: Path, roots_of: dict[str, frozenset[str]]) -> list[GoldRecord]:
    """The records of a gold JSONL file, with each expected event's acceptable CAMEO roots."""
    records = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            raw = json.loads(line)
            expected = tuple(_gold_event(e, roots_of) for e in raw["expected"])
            records.append(GoldRecord(raw["id"], raw["text"], raw.get("date"), expected,
                                      bool(raw.get("expect_no_events"))))
    return records


def _gold_event(raw: dict[str, str | None], roots_of: dict[str, frozenset[str]]) -> GoldEvent:
    code = raw.get("code")
    plover = raw.get("plover")
    category = PLOVER_V08.get(plover or "", plover)
    roots = frozenset({code[:2]}) if code else roots_of.get(category or "", frozenset())
    return GoldEvent(code_country(raw.get("source")), code_country(raw.get("target")), roots, code, category)


def code_country(code: str | None) -> str | None:
    """The country part of a CAMEO actor code: "USAGOV" -> USA, "IGOGOV" -> IGO, "---REB" -> None."""
    if not code or code.startswith("---") or len(code) < 3:
        return None
    return code[:3].upper()


def roots_by_category(codebook: Path) -> dict[str, frozenset[str]]:
    """PLOVER category -> the CAMEO roots mapped to it, from the shared CAMEO codebook."""
    table: dict[str, set[str]] = {}
    with codebook.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            plover = (row.get("plover_2021") or {}).get("plover")
            if plover:
                table.setdefault(plover, set()).add(row["root"])
    return {k: frozenset(v) for k, v in table.items()}


def annotate(records: Sequence[GoldRecord]) -> list[list[Event]]:
    """Events of every record, each text parsed as a document dated by the record."""
    results = []
    for record, doc in zip(records, parse_texts(r.text for r in records), strict=True):
        entities = extract_entities(doc, record.date)
        timexes = extract_timexes(doc, record.date)
        results.append(extract_events(doc, record.date, entities, timexes))
    return results


def predicted_roots(event: Event, roots_of: dict[str, frozenset[str]]) -> frozenset[str]:
    if event.cameo:
        return frozenset({event.cameo[:2]})
    return roots_of.get(event.type, frozenset())


def match_record(expected: Sequence[GoldEvent], predicted: Sequence[Event],
                 roots_of: dict[str, frozenset[str]]) -> list[tuple[GoldEvent, Event | None]]:
    """Each expected event with the prediction matched to it (or None), one to one."""
    free = list(predicted)
    pairs: list[tuple[GoldEvent, Event | None]] = []
    for gold in expected:
        found = next((p for p in free if _matches(gold, p, roots_of)), None)
        if found is not None:
            free.remove(found)
        pairs.append((gold, found))
    return pairs


def _matches(gold: GoldEvent, event: Event, roots_of: dict[str, frozenset[str]]) -> bool:
    return (_country(event, "source") == gold.source and _country(event, "target") == gold.target
            and bool(predicted_roots(event, roots_of) & gold.roots))


def _country(event: Event, role: str) -> str | None:
    actor = event.source if role == "source" else event.target
    return actor.country if actor else None


def score_dyads(records: Sequence[GoldRecord], predictions: Sequence[Sequence[Event]],
                roots_of: dict[str, frozenset[str]]) -> DyadScore:
    """Precision/recall/F1 at (source country, target country, CAMEO root), with error kinds."""
    correct = total_predicted = total_gold = 0
    errors: Counter[str] = Counter()
    examples: list[tuple[str, str]] = []
    for record, predicted in zip(records, predictions, strict=True):
        pairs = match_record(record.expected, predicted, roots_of)
        hits = sum(1 for _, p in pairs if p is not None)
        correct += hits
        total_predicted += len(predicted)
        total_gold += len(record.expected)
        for gold, found in pairs:
            if found is None:
                kind = error_kind(gold, predicted, roots_of)
                errors[kind] += 1
                examples.append((record.id, kind))
        errors["spurious"] += len(predicted) - hits
    return DyadScore(PRF(correct, total_predicted, total_gold), errors, tuple(examples))


def error_kind(gold: GoldEvent, predicted: Sequence[Event], roots_of: dict[str, frozenset[str]]) -> str:
    """Why an expected event was missed: no event, wrong root, wrong actor, one-way pair."""
    if not predicted:
        return "no event"
    same_dyad = [p for p in predicted
                 if _country(p, "source") == gold.source and _country(p, "target") == gold.target]
    if same_dyad:
        return "wrong root"
    reversed_pair = [p for p in predicted if _country(p, "source") == gold.target
                     and _country(p, "target") == gold.source and predicted_roots(p, roots_of) & gold.roots]
    if reversed_pair:
        return "symmetric pair / reversed"
    right_root = [p for p in predicted if predicted_roots(p, roots_of) & gold.roots]
    if not right_root:
        return "wrong root and actor"
    if any(_country(p, "source") == gold.source for p in right_root):
        return "wrong target"
    if any(_country(p, "target") == gold.target for p in right_root):
        return "wrong source"
    return "wrong actors"


def top_event(events: Sequence[Event]) -> Event | None:
    """The event a record is judged by: highest confidence, first in text order among equals."""
    best: Event | None = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def score_roots(records: Sequence[GoldRecord], predictions: Sequence[Sequence[Event]],
                roots_of: dict[str, frozenset[str]]) -> RootScore:
    """Root accuracy by the top event and by any event (see the module docstring)."""
    top = any_hit = empty = 0
    for record, events in zip(records, predictions, strict=True):
        wanted = frozenset().union(*(g.roots for g in record.expected)) if record.expected else frozenset()
        if not events:
            empty += 1
            continue
        best = top_event(events)
        top += bool(best is not None and predicted_roots(best, roots_of) & wanted)
        any_hit += any(predicted_roots(e, roots_of) & wanted for e in events)
    count = len(records)
    return RootScore(top / count if count else 0.0, any_hit / count if count else 0.0, count, empty)


def describe(events: Iterable[Event]) -> str:
    """One line per event, for error listings."""
    lines = []
    for e in events:
        source = f"{e.source.name}[{e.source.country},{e.source.sector}]" if e.source else "-"
        target = f"{e.target.name}[{e.target.country},{e.target.sector}]" if e.target else "-"
        lines.append(f"{e.type}/{e.cameo} {source} -> {target} {e.modality} {e.confidence}")
    return "\n".join(lines)
