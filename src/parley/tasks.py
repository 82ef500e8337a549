"""The work a worker does on one batch of articles: parse, then the analysis stages.

    result = analyze_task(BatchTask(key, articles, stages, answers, db))

What a store has learned of people (`pipeline.store_person_lookup`) is the one input of the
analysis that changes while a run writes: the batch must be analysed against the store as it
is once every earlier batch is written, but a worker analyses it while those are still in
flight. So a worker guesses (from the store it can read, else the seed dictionary), records
each name it asked and the answer, and the writer checks those answers when it is the batch's
turn: an article whose every answer the store now gives the same is analysed as a single
process would have analysed it; the others (usually a few: names an earlier batch in flight
taught the store) are analysed again with the right answers, from the parsed Docs the worker
kept when the re-analysis comes back to it (the worker runs it between two steps of the batch it
is running: `workers.run_urgent_tasks`). The
analysis reads nothing else that a write changes, so this gives the same output as
`--workers 1`.
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
from parley.workers import run_urgent_tasks

# Parsed batches a worker keeps for a second analysis (the writer is at most a window behind).
KEPT_BATCHES = 8

Answers = Mapping[str, KnownPerson | None]


@dataclass(frozen=True)
class BatchTask:
    """One batch to analyse: `key` names it across runs of the task; `answers` are the person
    lookups the writer has settled; `db` is a store the worker may read for the others (None:
    the seed dictionary only); `only`: the positions of the articles to analyse (None: all;
    the others' results come back as None)."""

    key: str
    articles: tuple[Article, ...]
    stages: tuple[str, ...] = STAGES
    answers: Answers = field(default_factory=dict)
    db: str | None = None
    only: tuple[int, ...] | None = None


@dataclass(frozen=True)
class BatchResult:
    """Each article's Analysis or DocError (None: not asked for), and the person lookups the
    analysis of each article made."""

    results: tuple[Analysis | DocError | None, ...]
    asked: tuple[Answers, ...]

    def names(self) -> set[str]:
        """Every name any article asked."""
        return {name for asked in self.asked for name in asked}


class RecordingLookup:
    """A PersonLookup that answers from settled answers, else from a guess, and records every
    answer it gave (one answer per name: the store does not change during a batch; `given`
    shares the answers among the lookups of one batch)."""

    def __init__(self, answers: Answers, guess: PersonLookup,
                 given: dict[str, KnownPerson | None] | None = None) -> None:
        self.answers = answers
        self.guess = guess
        self.given = given if given is not None else {}
        self.asked: dict[str, KnownPerson | None] = {}

    def __call__(self, name: str) -> KnownPerson | None:
        if name not in self.given:
            self.given[name] = self.answers[name] if name in self.answers else self.guess(name)
        self.asked[name] = self.given[name]
        return self.asked[name]


_parsed: OrderedDict[str, list[Doc | DocError | None]] = OrderedDict()
_stores: dict[str, Store] = {}


def analyze_task(task: BatchTask) -> BatchResult:
    """Parse a batch (or take the Docs kept from its last run) and analyse its articles (those
    of `task.only`), each with a lookup of its own that records what it asked."""
    parsed = _parsed.pop(task.key, None)
    if parsed is None:
        parsed = parse_batch(task.articles)  # the whole batch: parsed as a first run parses it
    _parsed[task.key] = parsed
    while len(_parsed) > KEPT_BATCHES:
        _parsed.popitem(last=False)
    guess = _guess(task.db)
    given: dict[str, KnownPerson | None] = {}
    wanted = range(len(task.articles)) if task.only is None else task.only
    results: list[Analysis | DocError | None] = [None] * len(task.articles)
    asked: list[Answers] = [{} for _ in task.articles]
    for position in wanted:
        run_urgent_tasks()  # a second analysis the writer waits for goes first
        lookup = RecordingLookup(task.answers, guess, given)
        results[position] = analyze_parsed([task.articles[position]], [parsed[position]],
                                           lookup, task.stages)[0]
        asked[position] = lookup.asked
    return BatchResult(tuple(results), tuple(asked))


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


def right_answers(result: BatchResult, lookup: PersonLookup) -> dict[str, KnownPerson | None]:
    """The lookup's answer to every name the batch's analysis asked."""
    return {name: lookup(name) for name in sorted(result.names())}


def unsettled(result: BatchResult, right: Answers) -> tuple[int, ...]:
    """The positions of the articles that were told an answer other than the right one."""
    return tuple(position for position, asked in enumerate(result.asked)
                 if any(right[name] != answer for name, answer in asked.items()))


def forget_parsed(keys: Sequence[str]) -> None:
    """Drop kept Docs (tests, and a caller that knows a batch is done)."""
    for key in keys:
        _parsed.pop(key, None)
