"""Throughput of parley's NLP stage (spaCy pass + entities and actors) against a plain spaCy
tok2vec+ner pass over the same texts, measured in the same run; and of the same stage with the
dependency parse on every sentence (PARLEY_FULL_PARSE=1) instead of only on the sentences that
can hold an event or a quote.

    python bench/nlp.py [--limit 120]

Texts: English Wikinews from $PARLEY_SHARED/data/wikinews, else parley's bundled samples.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path

import spacy

from parley.actors.entities import extract_entities
from parley.nlp import PARSED_SENTENCES, load_nlp, model_names
from parley.pipeline import parse_texts

SHARED = Path(os.environ.get("PARLEY_SHARED", "../shared"))
SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "wikinews_sample.jsonl"


def load_texts(limit: int) -> list[str]:
    corpus = SHARED / "data" / "wikinews" / "wikinews_2020.csv"
    if corpus.exists():
        with corpus.open(encoding="utf-8") as handle:
            return [row["text"] for row in csv.DictReader(handle)][:limit]
    return [json.loads(line)["text"] for line in SAMPLES.open(encoding="utf-8")][:limit]


def plain_pass(texts: list[str]) -> float:
    nlp = spacy.load(model_names()[0], exclude=["tagger", "parser", "attribute_ruler",
                                                "lemmatizer", "senter"])
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started


def parley_pass(texts: list[str], full: bool, share: list[float]) -> float:
    list(parse_texts(["Loading is not throughput."], full=full))
    started = time.perf_counter()
    parsed = total = 0
    for doc in parse_texts(texts, full=full):
        extract_entities(doc, None)
        total += len(doc)
        parsed += sum(end - start for start, end in doc.user_data.get(PARSED_SENTENCES, [(0, len(doc))]))
    share.append(parsed / total)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=120, help="number of articles")
    args = parser.parse_args()
    texts = load_texts(args.limit)
    words = sum(len(t.split()) for t in texts)
    load_nlp()
    share: list[float] = []
    plain = plain_pass(texts)
    ours = parley_pass(texts, False, share)
    full = parley_pass(texts, True, share)
    print(f"{len(texts)} articles, {words:,} words")
    print(f"plain spaCy tok2vec+ner            {words / plain:9,.0f} words/s")
    print(f"parley nlp + entities              {words / ours:9,.0f} words/s"
          f"  (tokens in parsed sentences: {share[0]:.0%})")
    print(f"parley nlp + entities, full parse  {words / full:9,.0f} words/s")
    print(f"throughput ratio parley/plain: {plain / ours:.2f}; selective/full parse: {full / ours:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
