"""Events: PLOVER gold standard records and the CAMEO manual's examples, scored by
`evaluation.events`, and the time the event stage takes per sentence.

    python bench/events.py [--shared ../shared] [--errors [--half A|B|all]] [--wikinews N]

Prints precision/recall/F1 at (source country, target country, CAMEO root) on plover_gsr.jsonl;
CAMEO root accuracy on cameo_manual_examples.jsonl (the highest-confidence event's root, and
any event's root); error kinds; then, on N Wikinews articles, the share of sentences the
pre-filter keeps for the dependency parse and the milliseconds per sentence of: a full spaCy
pass, a tok2vec+ner pass, and the event stage alone (entities, timexes and events).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from evaluation.events import (
    GoldRecord,
    annotate,
    describe,
    load_gold,
    match_record,
    predicted_roots,
    roots_by_category,
    score_dyads,
    score_roots,
)
from evaluation.halves import half_of
from evaluation.petrarch_real import any_root, realise
from parley.actors.entities import extract_entities
from parley.events import candidate_sentences, extract_events
from parley.events.prefilter import sentences
from parley.models import Event
from parley.nlp import load_nlp, parse_many
from parley.timex import extract_timexes

DEFAULT_SHARED = Path(os.environ.get("PARLEY_SHARED", "../shared"))
# spaCy components a NER-only pass keeps (the pre-filter needs tokens and entities only).
NER_ONLY_DISABLED = ("parser", "tagger", "attribute_ruler", "lemmatizer")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--errors", action="store_true", help="list the records with misses")
    parser.add_argument("--half", choices=("A", "B", "all"), default="A",
                        help="whose misses --errors lists: the tune half A (default), B or all")
    parser.add_argument("--wikinews", type=int, default=60, help="articles timed (0: skip)")
    args = parser.parse_args()
    gold_dir = args.shared / "eval/dev/events"
    if not gold_dir.exists():
        print(f"no event gold under {gold_dir} (set PARLEY_SHARED or --shared)", file=sys.stderr)
        return 2
    roots_of = roots_by_category(args.shared / "data/cameo_codebook.jsonl")
    load_nlp()
    _gold_standard(gold_dir / "plover_gsr.jsonl", roots_of, args.errors, args.half)
    _cameo_examples(gold_dir / "cameo_manual_examples.jsonl", roots_of)
    _petrarch_unit_tests(gold_dir / "petrarch2_unittest_fictional.jsonl", roots_of,
                         _real_codes(args.shared / "data/country_names_to_iso3.tsv"))
    if args.wikinews:
        _timing(args.shared / "data/wikinews/wikinews_2020.csv", args.wikinews)
    return 0


def _halves(records: Sequence[GoldRecord]) -> list[tuple[str, list[int]]]:
    indices = {name: [i for i, r in enumerate(records) if half_of(r.id) == name] for name in ("A", "B")}
    return [("all", list(range(len(records)))), ("A (tune)", indices["A"]), ("B (held back)", indices["B"])]


def _gold_standard(path: Path, roots_of: dict[str, frozenset[str]], errors: bool, half: str = "A") -> None:
    records = load_gold(path, roots_of)
    predictions = annotate(records)
    for name, chosen in _halves(records):
        score = score_dyads([records[i] for i in chosen], [predictions[i] for i in chosen], roots_of)
        prf = score.prf
        print(f"PLOVER GSR {name} ({len(chosen)} records, {prf.gold} expected events, "
              f"{prf.predicted} predicted)")
        print(f"  dyad+root  P {prf.precision:.4f}  R {prf.recall:.4f}  F1 {prf.f1:.4f}")
        print("  errors: " + ", ".join(f"{k} {v}" for k, v in score.errors.most_common()))
    if errors:
        for record, events in zip(records, predictions, strict=True):
            if half != "all" and half_of(record.id) != half:
                continue
            pairs = match_record(record.expected, events, roots_of)
            if all(found is not None for _, found in pairs) and len(events) == len(record.expected):
                continue
            print(f"  ## {record.id} {record.text[:160]}")
            for gold, found in pairs:
                verdict = "ok" if found else "MISS"
                print(f"     gold {gold.source}->{gold.target} {sorted(gold.roots)} {verdict}")
            print("     " + describe(events).replace("\n", "\n     "))


def _cameo_examples(path: Path, roots_of: dict[str, frozenset[str]]) -> None:
    records = [r for r in load_gold(path, roots_of) if r.expected]
    predictions = annotate(records)
    for name, chosen in _halves(records):
        score = score_roots([records[i] for i in chosen], [predictions[i] for i in chosen], roots_of)
        print(f"CAMEO manual examples {name} ({score.records} records, "
              f"{score.without_events} without events)")
        print(f"  root accuracy: top event {score.top:.4f}, any event {score.any:.4f}")


def _petrarch_unit_tests(path: Path, roots_of: dict[str, frozenset[str]], real_codes: frozenset[str]) -> None:
    """PETRARCH2's unit-test sentences: fictional countries (Arnor, Gondor) that no actor table
    knows, so as they are parley places no party and codes almost nothing. Renamed as real
    countries (`evaluation.petrarch_real`), they measure the grammar on wire text: dyad+root F1,
    and whether an event of the right root comes at all (root recall, actors ignored)."""
    fictional = [r for r in load_gold(path, roots_of) if r.expected]
    _petrarch_score("as written", fictional, roots_of)
    renamed = realise(fictional, real_codes)
    _petrarch_score("renamed real", renamed, roots_of)
    _petrarch_score("renamed real, any root (who to whom)", any_root(renamed), roots_of)


def _petrarch_score(label: str, records: list[GoldRecord], roots_of: dict[str, frozenset[str]]) -> None:
    predictions = annotate(records)
    for name, chosen in _halves(records):
        picked = [records[i] for i in chosen]
        events = [predictions[i] for i in chosen]
        prf = score_dyads(picked, events, roots_of).prf
        expected = sum(len(r.expected) for r in picked)
        found = sum(_root_hits(r, e, roots_of) for r, e in zip(picked, events, strict=True))
        print(f"PETRARCH2 unit tests, {label}, {name} ({len(picked)} records, {expected} expected, "
              f"{sum(map(len, events))} predicted): dyad+root F1 {prf.f1:.4f}; "
              f"root recall, actors ignored {found / max(expected, 1):.4f}")


def _real_codes(path: Path) -> frozenset[str]:
    """The country codes of the shared country table, and IGO."""
    codes = {"IGO"}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and "\t" in line:
                codes.add(line.rstrip("\n").split("\t")[1].strip())
    return frozenset(codes)


def _root_hits(record: GoldRecord, events: Sequence[Event], roots_of: dict[str, frozenset[str]]) -> int:
    free = [predicted_roots(e, roots_of) for e in events]
    hits = 0
    for gold in record.expected:
        match = next((roots for roots in free if roots & gold.roots), None)
        if match is not None:
            free.remove(match)
            hits += 1
    return hits


def _timing(path: Path, limit: int) -> None:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[:limit]
    texts = [row["text"] for row in rows]
    dates = [row["date"] for row in rows]
    started = time.perf_counter()
    docs = list(parse_many(texts))
    full = time.perf_counter() - started
    load_nlp(NER_ONLY_DISABLED)
    started = time.perf_counter()
    light = list(parse_many(texts, disable=NER_ONLY_DISABLED))
    ner_only = time.perf_counter() - started
    count = sum(1 for doc in docs for _ in doc.sents)
    kept = sum(len(candidate_sentences(doc)) for doc in light)
    light_count = sum(1 for doc in light for _ in sentences(doc))
    inputs = [(doc, date, extract_entities(doc, date), extract_timexes(doc, date))
              for doc, date in zip(docs, dates, strict=True)]
    extract_events(*inputs[0])  # loads the lexicon and the gazetteer: not part of the timing
    started = time.perf_counter()
    events = sum(len(extract_events(doc, date, entities, timexes)) for doc, date, entities, timexes in inputs)
    stage = time.perf_counter() - started
    parsed = sum(len(candidate_sentences(doc)) for doc in docs)
    print(f"Wikinews 2020 ({len(rows)} articles, {count} sentences, {events} events)")
    print(f"  pre-filter keeps {kept}/{light_count} sentences ({kept / max(light_count, 1):.0%}) "
          f"of a tok2vec+ner pass, {parsed}/{count} of the parsed ones")
    print(f"  ms/sentence: full spaCy {1000 * full / count:.2f}, tok2vec+ner {1000 * ner_only / count:.2f}, "
          f"event stage {1000 * stage / count:.2f}")
    print(f"  event stage per candidate sentence: {1000 * stage / max(parsed, 1):.2f} ms")


if __name__ == "__main__":
    sys.exit(main())
