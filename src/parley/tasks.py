"""The work a worker does on one batch of articles: parse, then the analysis stages.

    result = analyze_task(BatchTask(key, articles, stages, answers, db))

What a store has learned of people (`pipeline.store_person_lookup`) is the one input of the
analysis that changes while a run writes: the batch must be analysed against the store as it
is once every earlier batch is written, but a worker analyses it while those are still in
flight. So a worker guesses (from the store it can read, else the seed dictionary), records
each name it asked and the answer, and the writer checks those answers when it is the batch's
turn: if the store now answers every one the same, the analysis is the one a single process
would have made; if not, the batch is analysed again with the right answers (from the parsed
Docs the worker kept, when the batch comes back to it). The analysis reads nothing else that
a write changes, so this gives the same output as `--workers 1`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from parley.actors.entities import KnownPerson, PersonLookup, seed_person
from parley.models import Article, DocError
from parley.pipeline import STAGES, Analysis, analyze_parsed, parse_batch, store_person_lookup
from parley.store import Store

# Parsed batches a worker keeps for a second analysis (the writer is at most a window behind).
KEPT_BATCHES = 8

Answers = Mapping[str, KnownPerson | None]


@dataclass(frozen=True)
class BatchTask:
    """One batch to analyse: `key` names it across runs of the task; `answers` are the person
    lookups the writer has settled; `db` is a store the worker may read for the others (None:
    the seed dictionary only)."""

    key: str
    articles: tuple[Article, ...]
    stages: tuple[str, ...] = STAGES
    answers: Answers = field(default_factory=dict)
    db: str | None = None


@dataclass(frozen=True)
class BatchResult:
    """Each article's Analysis or DocError, and every person lookup the analysis made."""

    results: tuple[Analysis | DocError, ...]
    asked: Answers


class RecordingLookup:
    """A PersonLookup that answers from settled answers, else from a guess, and records every
    answer it gave (one answer per name: the store does not change during a batch)."""

    def __init__(self, answers: Answers, guess: PersonLookup) -> None:
        self.answers = answers
        self.guess = guess
        self.asked: dict[str, KnownPerson | None] = {}

    def __call__(self, name: str) -> KnownPerson | None:
        if name not in self.asked:
            self.asked[name] = self.answers[name] if name in self.answers else self.guess(name)
        return self.asked[name]


_parsed: OrderedDict[str, list[Doc | DocError | None]] = OrderedDict()
_stores: dict[str, Store] = {}


def analyze_task(task: BatchTask) -> BatchResult:
    """Parse a batch (or take the Docs kept from its last run) and analyse it."""
    parsed = _parsed.pop(task.key, None)
    if parsed is None:
        parsed = parse_batch(task.articles)
    _parsed[task.key] = parsed
    while len(_parsed) > KEPT_BATCHES:
        _parsed.popitem(last=False)
    lookup = RecordingLookup(task.answers, _guess(task.db))
    results = analyze_parsed(task.articles, parsed, lookup, task.stages)
    return BatchResult(tuple(results), lookup.asked)


def _guess(db: str | None) -> PersonLookup:
    """The store's answer when the worker can read it, else the seed dictionary's: a guess
    either way (the writer checks it), so a store that cannot be read costs only speed."""
    if db is None:
        return seed_person
    try:
        if db not in _stores:
            _stores[db] = Store.open(db)
        from_store = store_person_lookup(_stores[db])
    except Exception:
        return seed_person

    def guess(name: str) -> KnownPerson | None:
        try:
            return from_store(name)
        except Exception:  # a locked or unreachable database: guess without it
            return seed_person(name)

    return guess


def unsettled(result: BatchResult, lookup: PersonLookup) -> dict[str, KnownPerson | None] | None:
    """None if the lookup answers every name as the analysis was told; else the right answers."""
    right = {name: lookup(name) for name in result.asked}
    return None if right == dict(result.asked) else right


def forget_parsed(keys: Sequence[str]) -> None:
    """Drop kept Docs (tests, and a caller that knows a batch is done)."""
    for key in keys:
        _parsed.pop(key, None)
