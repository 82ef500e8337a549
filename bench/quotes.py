"""Quote attribution on PolNeAR: parley side by side with textacy's `direct_quotations`.

    python bench/quotes.py [--data ../shared/eval/dev/quotes/polnear/dev] [--limit N]

Prints precision, recall and F1 for direct quotes and for all attributions, content only and
end to end (content and speaker right), scored by `evaluation.quotes`, on all articles and on
each half (tune on A, report B as held back: `evaluation.halves`), with the time
each extractor took on the same parsed documents. textacy is measured only when it is
importable (it is not one of parley's dependencies: run this script with an interpreter
that has both, e.g. `PYTHONPATH=src /tmp/textacy-venv/bin/python bench/quotes.py`).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.tokens import Doc

from evaluation.halves import half_of
from evaluation.quotes import (
    Attribution,
    Counts,
    GoldDocument,
    QuoteScore,
    attributions_from_quotes,
    content_prf,
    end_to_end_prf,
    load_polnear,
    score_corpus,
)
from parley.pipeline import parse_texts
from parley.quotes import extract_quotes

DEFAULT_DATA = Path(os.environ.get("PARLEY_SHARED", "../shared")) / "eval/dev/quotes/polnear/dev"

Extractor = Callable[[Doc], list[Attribution]]


def parley_attributions(doc: Doc) -> list[Attribution]:
    return attributions_from_quotes(extract_quotes(doc))


def textacy_extractor() -> Extractor | None:
    """textacy's direct_quotations as attributions, or None when textacy is not installed."""
    try:
        direct_quotations = importlib.import_module("textacy.extract").direct_quotations
    except ImportError:
        return None

    def extract(doc: Doc) -> list[Attribution]:
        found = []
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # textacy raises on some documents; they score as finding nothing
            return []
        for triple in triples:
            content = ((triple.content.start_char, triple.content.end_char),)
            speaker = (triple.speaker[0].idx, triple.speaker[-1].idx + len(triple.speaker[-1])) \
                if triple.speaker else None
            found.append(Attribution(content, speaker, True))
        return found

    return extract


def print_row(name: str, subset: str, counts: Counts, seconds: float) -> None:
    content, e2e = content_prf(counts), end_to_end_prf(counts)
    print(f"{name:9} {subset:15} {counts.predicted:6} {counts.gold:6} "
          f"{content.precision:7.3f} {content.recall:7.3f} {content.f1:7.3f} "
          f"{e2e.precision:7.3f} {e2e.recall:7.3f} {e2e.f1:7.3f} {seconds:8.1f}")


def run(extract: Extractor, docs: Sequence[Doc],
        gold: Sequence[GoldDocument]) -> tuple[list[tuple[str, QuoteScore]], float]:
    """Scores of one extractor on all articles, the tune half A and the held-back half B."""
    started = time.perf_counter()
    predictions = [extract(doc) for doc in docs]
    seconds = time.perf_counter() - started
    scores = [("all", score_corpus(gold, predictions))]
    for half, name in (("A", "A tune"), ("B", "B held")):
        chosen = [i for i, doc in enumerate(gold) if half_of(doc.id) == half]
        scores.append((name, score_corpus([gold[i] for i in chosen], [predictions[i] for i in chosen])))
    return scores, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    if not (args.data / "attributions").is_dir():
        print(f"no PolNeAR data at {args.data} (set PARLEY_SHARED or --data)", file=sys.stderr)
        return 2
    gold = load_polnear(args.data, args.limit)
    started = time.perf_counter()
    docs = list(parse_texts(doc.text for doc in gold))
    parse_seconds = time.perf_counter() - started
    print(f"{len(gold)} articles from {args.data}, "
          f"{sum(len(d.attributions) for d in gold)} gold attributions; spaCy parse {parse_seconds:.1f} s")
    print(f"{'system':9} {'subset':15} {'pred':>6} {'gold':>6} {'P':>7} {'R':>7} {'F1':>7} "
          f"{'P e2e':>7} {'R e2e':>7} {'F1 e2e':>7} {'seconds':>8}")
    extractors: list[tuple[str, Extractor | None]] = [("parley", parley_attributions),
                                                      ("textacy", textacy_extractor())]
    for name, extract in extractors:
        if extract is None:
            print(f"{name:9} (not importable: skipped)")
            continue
        scores, seconds = run(extract, docs, gold)
        for half, score in scores:
            print_row(name, f"direct {half}", score.direct, seconds)
            print_row(name, f"all {half}", score.all, seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
