"""Story clustering on ECB+: parley's incremental clusterer against TF-IDF + agglomerative.

    python bench/stories.py [--data ../shared/eval/dev/stories/ecbplus] [--gate-subset]
                            [--topics 1,3,5]

Both systems cluster the same documents, all topics mixed, in one fixed interleaved order.
parley runs its real pipeline for entities (`analyze_articles`) and its clusterer with its
fixed defaults, one document at a time. The baseline (TF-IDF fitted on these documents,
average-linkage agglomerative clustering on cosine distance) is cut at every threshold of a
small grid and reported at its best one: an upper bound no deployed system could pick.
Prints B-cubed precision/recall/F1 against the gold stories (topic x ecb|ecbplus), cluster
counts and times.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from evaluation.stories import (
    BCubed,
    alternate_topics,
    baseline_runs,
    bcubed,
    best_baseline,
    cluster_story_docs,
    gold_labels,
    load_ecbplus,
    parley_story_docs,
)
from parley.nlp import load_nlp

DEFAULT_DATA = Path(os.environ.get("PARLEY_SHARED", "../shared")) / "eval/dev/stories/ecbplus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--gate-subset", action="store_true",
                        help="only every other topic (the subset tests/test_stories_gate.py uses)")
    parser.add_argument("--topics", help="comma-separated topic ids to keep")
    parser.add_argument("--all-thresholds", action="store_true", help="print every baseline cut")
    args = parser.parse_args()
    docs = load_ecbplus(args.data) if args.data.exists() else []
    if args.gate_subset:
        docs = load_ecbplus(args.data, alternate_topics(docs))
    elif args.topics:
        docs = load_ecbplus(args.data, args.topics.split(","))
    if not docs:
        print(f"no ECB+ documents under {args.data} (set PARLEY_SHARED or --data)", file=sys.stderr)
        return 2
    gold = gold_labels(docs)
    topics = sorted({doc.topic for doc in docs}, key=lambda t: (len(t), t))
    print(f"{len(docs)} documents, {len(topics)} topics ({','.join(topics)}), "
          f"{len(set(gold.values()))} gold stories, from {args.data}")

    load_nlp()  # model loading is not part of the timed pass
    started = time.perf_counter()
    story_docs = parley_story_docs(docs)
    nlp_seconds = time.perf_counter() - started
    started = time.perf_counter()
    parley = cluster_story_docs(story_docs)
    parley_seconds = time.perf_counter() - started

    started = time.perf_counter()
    runs = baseline_runs([doc.text for doc in docs], [doc.story for doc in docs])
    baseline_seconds = time.perf_counter() - started
    best = best_baseline(runs)

    print(f"{'system':42} {'P':>7} {'R':>7} {'F1':>7} {'clusters':>9} {'seconds':>8}")
    _row("parley (fixed defaults, incremental)", bcubed(parley, gold), len(set(parley.values())),
         parley_seconds)
    _row(f"baseline tfidf+average-link @ {best.threshold:.2f} (best)", best.score, best.clusters,
         baseline_seconds)
    if args.all_thresholds:
        for run in runs:
            _row(f"  baseline @ {run.threshold:.2f}", run.score, run.clusters, None)
    print(f"parley's NLP pass for entities (parse + extract): {nlp_seconds:.1f} s "
          f"({len(docs) / nlp_seconds:.1f} docs/s); clustering alone: {parley_seconds:.2f} s")
    print(f"F1 difference parley - baseline(best): {bcubed(parley, gold).f1 - best.score.f1:+.4f}")
    return 0


def _row(name: str, score: BCubed, clusters: int, seconds: float | None) -> None:
    timing = f"{seconds:8.1f}" if seconds is not None else ""
    print(f"{name:42} {score.precision:7.4f} {score.recall:7.4f} {score.f1:7.4f} {clusters:9d} {timing}")


if __name__ == "__main__":
    sys.exit(main())
