"""Temporal expressions on TempEval-3 training gold (TimeBank + AQUAINT), scored TempEval-3 style.

    python bench/timex.py [--data ../shared/eval/dev/timex/tempeval3-training] [--every N]

Prints span precision/recall/F1 (strict and relaxed), value F1, type accuracy, documents per
second, and the runtime ratio of parley's timex pass (parse + extract) to a plain spaCy pass
over the same texts, both measured in this run. Scores are given for all the documents and for
each half (`split_half`): the tune half errors are studied on, the held half is kept out of
tuning and sets the gate's floors.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from evaluation.timex import (
    HELD,
    PRF,
    TUNE,
    GoldDoc,
    TimexScore,
    fixed_subset,
    load_timeml_dir,
    score_documents,
    split_half,
)
from parley.models import Timex
from parley.nlp import load_nlp, parse_many
from parley.pipeline import parse_texts
from parley.timex import extract_timexes

# Documents per timed chunk (one spaCy batch).
CHUNK = 32
DEFAULT_DATA = Path(os.environ.get("PARLEY_SHARED", "../shared")) / "eval/dev/timex/tempeval3-training"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--every", type=int, default=1, help="score every Nth document only")
    args = parser.parse_args()
    docs = fixed_subset(load_timeml_dir(args.data), args.every) if args.data.exists() else []
    if not docs:
        print(f"no TimeML documents under {args.data} (set PARLEY_SHARED or --data)", file=sys.stderr)
        return 2
    texts = [doc.text for doc in docs]
    load_nlp()  # model loading is not part of either pass
    list(parse_texts(["Warm up."]))
    system, spacy_seconds, parley_seconds, extract_seconds = _timed_passes(docs)
    words = sum(len(text.split()) for text in texts)
    print(f"{len(docs)} documents, {words} words, {sum(len(d.timexes) for d in docs)} gold timexes "
          f"from {args.data}")
    for half in ("all", TUNE, HELD):
        chosen = [(found, doc.timexes) for found, doc in zip(system, docs, strict=True)
                  if half == "all" or split_half(doc) == half]
        _print_score(half, score_documents(chosen))
    print(f"plain spaCy pass: {spacy_seconds:.1f} s ({len(docs) / spacy_seconds:.1f} docs/s)")
    print(f"parley timex pass (parse + extract): {parley_seconds:.1f} s "
          f"({len(docs) / parley_seconds:.1f} docs/s)")
    print(f"  of which timex extraction: {extract_seconds:.1f} s ({len(docs) / extract_seconds:.0f} docs/s)")
    print(f"runtime ratio parley/spaCy: {parley_seconds / spacy_seconds:.2f}")
    return 0


def _timed_passes(docs: list[GoldDoc]) -> tuple[list[list[Timex]], float, float, float]:
    """parley's timexes and the seconds of: a plain spaCy pass, parley's pass (parse + extract)
    over the same texts, and its extraction alone. The passes alternate chunk by chunk and take
    turns going first, so that the machine's load and spaCy's warm caches weigh on both alike."""
    system: list[list[Timex]] = []
    seconds = {"spacy": 0.0, "parley": 0.0, "extract": 0.0}
    for number, first in enumerate(range(0, len(docs), CHUNK)):
        chunk = docs[first:first + CHUNK]
        if number % 2:
            system.extend(_parley_pass(chunk, seconds))
            _spacy_pass(chunk, seconds)
        else:
            _spacy_pass(chunk, seconds)
            system.extend(_parley_pass(chunk, seconds))
    return system, seconds["spacy"], seconds["parley"], seconds["extract"]


def _spacy_pass(chunk: list[GoldDoc], seconds: dict[str, float]) -> None:
    started = time.perf_counter()
    for _ in parse_many(doc.text for doc in chunk):
        pass
    seconds["spacy"] += time.perf_counter() - started


def _parley_pass(chunk: list[GoldDoc], seconds: dict[str, float]) -> list[list[Timex]]:
    started = time.perf_counter()
    parsed = list(parse_texts(doc.text for doc in chunk))
    extracting = time.perf_counter()
    found = [extract_timexes(one, doc.dct) for doc, one in zip(chunk, parsed, strict=True)]
    seconds["extract"] += time.perf_counter() - extracting
    seconds["parley"] += time.perf_counter() - started
    return found


def _print_score(half: str, score: TimexScore) -> None:
    print(f"\n{half} ({score.docs} documents)")
    print(f"{'':10} {'P':>7} {'R':>7} {'F1':>7}")
    for name, prf in (("strict", score.strict), ("relaxed", score.relaxed), ("value", score.value)):
        _print_row(name, prf)
    print(f"type accuracy (relaxed matches): {score.type_accuracy:.4f}")


def _print_row(name: str, prf: PRF) -> None:
    print(f"{name:10} {prf.precision:7.4f} {prf.recall:7.4f} {prf.f1:7.4f}")


if __name__ == "__main__":
    sys.exit(main())
