"""Story clustering on ECB+ dev, both halves of the topics, in three input orders.

    python bench/stories_order.py [--data ../shared/eval/dev/stories/ecbplus] [--cache FILE]

The topics are split alternately into a tune half (where parley's story constants were
chosen) and a held-back half (where the gate sets its floor). On each half: parley's
clusters placed one article at a time in the fixed interleaved order and two shuffles
(seeds 1, 2), their B-cubed F1 and spread, how far the orders agree (B-cubed F1 of one
order's clusters against the first's), the clusters of all the articles at once (the
order-free definition), and the TF-IDF + average-link baseline at its best cut on that half.
Entities come from parley's real pipeline; `--cache` keeps them in a pickle between runs.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path

from evaluation.stories import (
    baseline_runs,
    bcubed,
    best_baseline,
    cluster_story_docs,
    gold_labels,
    load_ecbplus,
    parley_story_docs,
    shuffled,
    split_topics,
)
from parley.stories import StoryDoc, cluster_vectors, story_vector

DEFAULT_DATA = Path(os.environ.get("PARLEY_SHARED", "../shared")) / "eval/dev/stories/ecbplus"
SEEDS = (None, 1, 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, help="pickle of the parley story docs (entities)")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no ECB+ documents under {args.data} (set PARLEY_SHARED or --data)", file=sys.stderr)
        return 2
    everything = load_ecbplus(args.data)
    story_docs = _story_docs(everything, args.cache)
    for name, topics in zip(("tune", "held"), split_topics(everything), strict=True):
        docs = load_ecbplus(args.data, topics)
        _report(name, docs, [story_docs[d.name] for d in docs])
    return 0


def _story_docs(docs: list, cache: Path | None) -> dict[str, StoryDoc]:  # type: ignore[type-arg]
    if cache is not None and cache.exists():
        found: dict[str, StoryDoc] = pickle.loads(cache.read_bytes())
        return found
    started = time.perf_counter()
    found = {d.article_id: d for d in parley_story_docs(docs)}
    print(f"NLP pass for entities: {time.perf_counter() - started:.0f} s")
    if cache is not None:
        cache.write_bytes(pickle.dumps(found))
    return found


def _report(name: str, docs: list, story_docs: list[StoryDoc]) -> None:  # type: ignore[type-arg]
    gold = gold_labels(docs)
    runs = []
    for seed in SEEDS:
        ordered = story_docs if seed is None else shuffled(story_docs, seed)
        runs.append(cluster_story_docs(ordered))
    scores = [bcubed(run, gold).f1 for run in runs]
    agree = [bcubed(run, runs[0]).f1 for run in runs[1:]]
    at_once = bcubed(cluster_vectors(story_vector(d) for d in story_docs), gold).f1
    best = best_baseline(baseline_runs([d.text for d in docs], [d.story for d in docs]))
    print(f"{name}: {len(docs)} documents, {len(set(gold.values()))} gold stories")
    print(f"  parley, orders fixed/seed 1/seed 2: F1 {' / '.join(f'{s:.4f}' for s in scores)}"
          f"  (spread {max(scores) - min(scores):.4f}; orders agree {min(agree):.4f})")
    print(f"  parley, all articles at once:        F1 {at_once:.4f}")
    print(f"  baseline tfidf+average-link @ {best.threshold:.2f} (best cut on this half): "
          f"F1 {best.score.f1:.4f}")


if __name__ == "__main__":
    sys.exit(main())
