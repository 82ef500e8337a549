"""Why gold events of the dev articles are missed, in totals per half (never case by case on the
held-back half), from the exports of a run:

    python bench/article_misses.py --events E.jsonl --articles A.jsonl [--set ../shared/eval/dev/articles]
                                   [--model] [--list-tune]

A gold event is found (ignoring dates) as the set's scorer (`eval/score/articles.py`) finds it:
a record of its article with its pair of countries and an accepted type. Each missed one is
counted by what the run has instead:
- in its article: a record of its pair with a type the gold does not accept ("right pair, wrong
  type"); else one of an accepted type with one side right, or with neither; else nothing of an
  accepted type;
- in its evidence sentence (the gold `evidence`, matched to a record's evidence sentences by
  shared words, SENTENCE_OVERLAP): a record of its pair with a wrong type, a record of another
  pair, or no record at all (a sentence the rules and the model coded nothing recordable in).
With `--model`, the learned detector's reading of each missed evidence sentence, by whether its
most likely category is one the gold accepts and by P(category) (PARLEY_EVENT_DETECTOR may name
another model file): what a policy of the model could reach at all. `--list-tune` lists the tune
half's misses one by one (the held-back half is only ever counted).

Measured at 4caa7a7 (issue 16): of the 8 held-back misses, rules alone and rules + model alike, 7
have a record of their pair in the article with another type and 1 nothing of an accepted type;
6 have no record from their evidence sentence at all, 2 one of their pair with the wrong type.
The shipped detector reads an accepted category with P >= 0.6 in 2 of the 6 uncoded sentences.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

DEFAULT_SET = Path(os.environ.get("PARLEY_SHARED", "../shared")) / "eval/dev/articles"
HALVES = {"tune": ("101", "115"), "held": ("201", "215")}
# Share of the gold evidence sentence's words a record's evidence sentence must hold to be it.
SENTENCE_OVERLAP = 0.6
# P(category) buckets of the model's reading of a missed sentence (lower bounds, highest first).
SCORE_BUCKETS = (0.6, 0.3, 0.0)
WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Record:
    """An exported event record as the scorer sees it."""

    articles: frozenset[str]
    pair: tuple[str | None, str | None]
    raw: dict[str, Any]
    sentences: tuple[frozenset[str], ...]


def load_scorer(folder: Path) -> ModuleType:
    """The set's own scorer module (`eval/score/articles.py` next to the set)."""
    path = folder.parent.parent / "score" / "articles.py"
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location("set_articles_scorer", path)
    assert spec is not None and spec.loader is not None, f"no scorer at {path}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def words(text: str) -> frozenset[str]:
    return frozenset(WORD.findall(text.lower()))


def same_sentence(gold_words: frozenset[str], sentence: frozenset[str]) -> bool:
    return bool(gold_words) and len(gold_words & sentence) >= SENTENCE_OVERLAP * len(gold_words)


def article_kind(scorer: ModuleType, gold: dict[str, Any], pair: tuple[str | None, str | None],
                 records: Iterable[Record]) -> str:
    """What the article's records have instead of a gold event ("found": a record that finds it)."""
    records = list(records)
    if any(scorer.pair_ok(pair, r.pair) and scorer.type_ok(gold["type"], r.raw) for r in records):
        return "found"
    if any(scorer.pair_ok(pair, r.pair) for r in records):
        return "right pair, wrong type"
    typed = [r for r in records if scorer.type_ok(gold["type"], r.raw)]
    if any(pair[0] in r.pair or (pair[1] is not None and pair[1] in r.pair) for r in typed):
        return "accepted type, one side right"
    if typed:
        return "accepted type, neither side right"
    return "nothing of an accepted type"


def sentence_kind(scorer: ModuleType, gold: dict[str, Any], pair: tuple[str | None, str | None],
                  records: Iterable[Record]) -> str:
    """What the records from a missed gold event's evidence sentence are."""
    gold_words = words(str(gold.get("evidence") or ""))
    mine = [r for r in records if any(same_sentence(gold_words, s) for s in r.sentences)]
    if not mine:
        return "no record from the sentence"
    if any(scorer.pair_ok(pair, r.pair) for r in mine):
        return "a record of its pair, wrong type"
    return "a record of another pair"


def read_records(scorer: ModuleType, events: Path, resolve: Callable[..., Any]) -> list[Record]:
    records = []
    for raw in scorer.read_jsonl(str(events)):
        articles, _ = scorer.record_articles(raw, resolve)
        pair = (scorer.actor_country(raw.get("source")), scorer.actor_country(raw.get("target")))
        sentences = tuple(words(str(e.get("text", ""))) for e in raw.get("evidence") or [])
        records.append(Record(frozenset(articles), pair, raw, sentences))
    return records


def model_bucket(scorer: ModuleType, gold: dict[str, Any], predict: Callable[[str], Any]) -> str:
    prediction = predict(str(gold.get("evidence") or ""))
    accepted = scorer.type_ok(gold["type"], {"type": prediction.type})
    least = next(b for b in SCORE_BUCKETS if prediction.score >= b)
    return f"{'accepted' if accepted else 'other'} category, P(category) >= {least}"


def report(folder: Path, events: Path, articles: Path, with_model: bool, list_tune: bool) -> None:
    scorer = load_scorer(folder)
    index, gold = scorer.load_index(str(folder))
    scorer.load_groups(str(folder))
    records = read_records(scorer, events, scorer.build_resolver(str(articles), index))
    predict = _predictor() if with_model else None
    for half, (low, high) in HALVES.items():
        kinds: Counter[str] = Counter()
        sentences: Counter[str] = Counter()
        readings: Counter[str] = Counter()
        total = 0
        for article_id in sorted(a for a in gold if low <= a <= high):
            mine = [r for r in records if article_id in r.articles]
            for event in gold[article_id]["events"]:
                total += 1
                pair = (scorer.gold_country(event["source"]), scorer.gold_country(event["target"]))
                kind = article_kind(scorer, event, pair, mine)
                kinds[kind] += 1
                if kind == "found":
                    continue
                sentence = sentence_kind(scorer, event, pair, mine)
                sentences[sentence] += 1
                if predict is not None:
                    readings[f"{sentence}: {model_bucket(scorer, event, predict)}"] += 1
                if list_tune and half == "tune":
                    print(f"  {article_id} {event['type']} {pair} [{kind}; {sentence}] "
                          f"{event.get('evidence')}")
        print(f"{half} ({low}-{high}): {kinds['found']}/{total} found ignoring dates; misses by what the "
              f"article has: {_counts(kinds, skip='found')}")
        print(f"  by their evidence sentence: {_counts(sentences)}")
        if predict is not None:
            print(f"  the detector's reading of the missed sentences: {_counts(readings)}")


def _counts(counter: Counter[str], skip: str | None = None) -> str:
    return "; ".join(f"{k} {v}" for k, v in sorted(counter.items()) if k != skip) or "none"


def _predictor() -> Callable[[str], Any]:
    from parley.events.detector import load_detector

    detector = load_detector()
    assert detector is not None, "no detector (PARLEY_EVENT_DETECTOR=0, or no model file)"
    return detector.predict


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--events", type=Path, required=True, help="parley export events --format jsonl")
    parser.add_argument("--articles", type=Path, required=True, help="parley export articles --format jsonl")
    parser.add_argument("--model", action="store_true", help="the detector's reading of the missed sentences")
    parser.add_argument("--list-tune", action="store_true", help="list the tune half's misses")
    args = parser.parse_args()
    if not (args.set / "gold.jsonl").exists():
        print(f"no dev articles set at {args.set} (set PARLEY_SHARED or --set)", file=sys.stderr)
        return 2
    report(args.set, args.events, args.articles, args.model, args.list_tune)
    return 0


if __name__ == "__main__":
    sys.exit(main())
