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
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language

from parley.actors.entities import extract_entities
from parley.nlp import PARSED_SENTENCES, model_names
from parley.pipeline import parse_texts

SHARED = Path(os.environ.get("PARLEY_SHARED", "../shared"))
SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "wikinews_sample.jsonl"


def load_texts(limit: int) -> list[str]:
    corpus = SHARED / "data" / "wikinews" / "wikinews_2020.csv"
    if corpus.exists():
        with corpus.open(encoding="utf-8") as handle:
            return [row["text"] for row in csv.DictReader(handle)][:limit]
    return [json.loads(line)["text"] for line in SAMPLES.open(encoding="utf-8")][:limit]


# Articles per chunk: the passes take turns chunk by chunk so that the machine's load weighs on all.
CHUNK = 20


def plain_nlp() -> Language:
    return spacy.load(model_names()[0], exclude=["tagger", "parser", "attribute_ruler",
                                                "lemmatizer", "senter"])


def plain_pass(nlp: Language, texts: list[str]) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started


def parley_pass(texts: list[str], full: bool, counts: list[int]) -> float:
    started = time.perf_counter()
    for doc in parse_texts(texts, full=full):
        extract_entities(doc, None)
        if not full:
            counts[0] += sum(end - start for start, end in doc.user_data[PARSED_SENTENCES])
            counts[1] += len(doc)
    return time.perf_counter() - started


def timed_passes(texts: list[str]) -> tuple[dict[str, float], float]:
    """Seconds of each pass over all texts, and the share of tokens the selective pass parsed."""
    plain = plain_nlp()
    for full in (False, True):  # loading is not throughput
        list(parse_texts(["Loading is not throughput."], full=full))
    passes: dict[str, Callable[[list[str]], float]] = {
        "plain": lambda chunk: plain_pass(plain, chunk),
        "selective": lambda chunk: parley_pass(chunk, False, counts),
        "full": lambda chunk: parley_pass(chunk, True, [0, 0]),
    }
    counts = [0, 0]
    seconds = dict.fromkeys(passes, 0.0)
    order = list(passes)
    for number, first in enumerate(range(0, len(texts), CHUNK)):
        chunk = texts[first:first + CHUNK]
        for name in order[number % 3:] + order[:number % 3]:
            seconds[name] += passes[name](chunk)
    return seconds, counts[0] / max(counts[1], 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=120, help="number of articles")
    args = parser.parse_args()
    texts = load_texts(args.limit)
    words = sum(len(t.split()) for t in texts)
    seconds, share = timed_passes(texts)
    print(f"{len(texts)} articles, {words:,} words")
    print(f"plain spaCy tok2vec+ner            {words / seconds['plain']:9,.0f} words/s")
    print(f"parley nlp + entities              {words / seconds['selective']:9,.0f} words/s"
          f"  (tokens in parsed sentences: {share:.0%})")
    print(f"parley nlp + entities, full parse  {words / seconds['full']:9,.0f} words/s")
    print(f"throughput ratio parley/plain: {seconds['plain'] / seconds['selective']:.2f}; "
          f"selective/full parse: {seconds['full'] / seconds['selective']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
