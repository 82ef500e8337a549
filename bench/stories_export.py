"""ECB+ stories end to end: the documents through `parley process` into a store, the clusters
read back with `parley export stories`, scored by B-cubed against the gold stories, next to the
TF-IDF + agglomerative baseline on the same documents in the same run.

    python bench/stories_export.py [--half held|tune|all] [--orders 3] [--runs 3]

This is the path a user takes (every stage runs, not just the clusterer); bench/stories.py
and bench/stories_order.py measure the clusterer alone, faster. `--orders N`: the documents in
the fixed interleaved order and N-1 shuffles, each into a fresh store; `--runs N`: each order
split into N consecutive `process` runs over the same store. Prints each order's F1, the
spread, and how many documents got the very same story id as in the first order.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from evaluation.stories import (
    GoldStoryDoc,
    baseline_runs,
    bcubed,
    best_baseline,
    gold_labels,
    load_ecbplus,
    shuffled,
    split_topics,
)
from parley.pipeline import process_sources
from parley.query import export_records
from parley.store import Store

DEFAULT_DATA = Path(os.environ.get("PARLEY_SHARED", "../shared")) / "eval/dev/stories/ecbplus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--half", choices=("all", "tune", "held"), default="held")
    parser.add_argument("--orders", type=int, default=1)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    docs = load_ecbplus(args.data) if args.data.exists() else []
    if docs and args.half != "all":
        tune, held = split_topics(docs)
        docs = load_ecbplus(args.data, tune if args.half == "tune" else held)
    if not docs:
        print(f"no ECB+ documents under {args.data} (set PARLEY_SHARED or --data)", file=sys.stderr)
        return 2
    gold = gold_labels(docs)
    best = best_baseline(baseline_runs([d.text for d in docs], [d.story for d in docs]))
    print(f"{len(docs)} documents ({args.half} half), {len(set(gold.values()))} gold stories; "
          f"baseline @ {best.threshold:.2f} (best cut) F1 {best.score.f1:.4f}")
    results = []
    for order in range(args.orders):
        ordered = docs if order == 0 else shuffled(docs, order)
        system = _process(ordered, args.runs)
        results.append(system)
        score = bcubed(system, gold)
        same = sum(system[d] == results[0][d] for d in gold)
        print(f"order {order} ({'fixed' if order == 0 else f'seed {order}'}), {args.runs} run(s): "
              f"P {score.precision:.4f} R {score.recall:.4f} F1 {score.f1:.4f} "
              f"({len(set(system.values()))} stories; {same}/{len(gold)} same story id as order 0)")
    scores = [bcubed(r, gold).f1 for r in results]
    print(f"spread across orders: {max(scores) - min(scores):.4f}; "
          f"least agreement with order 0: {min(bcubed(r, results[0]).f1 for r in results):.4f}")
    return 0


def _process(docs: list[GoldStoryDoc], runs: int) -> dict[str, str]:
    """Document name -> exported story id, the documents fed over `runs` process runs."""
    with tempfile.TemporaryDirectory() as tmp:
        size = -(-len(docs) // runs)
        started = time.perf_counter()
        for run in range(runs):
            corpus = Path(tmp) / f"run{run}.jsonl"
            with corpus.open("w", encoding="utf-8") as out:
                for doc in docs[run * size:(run + 1) * size]:
                    # A URL makes the article id the same whichever run file holds it.
                    out.write(json.dumps({"id": doc.name, "url": f"ecbplus:{doc.name}",
                                          "text": doc.text}) + "\n")
            store = Store.open(Path(tmp) / "ecb.db")  # each run opens the store anew
            report = process_sources([str(corpus)], store, raw=True)
            store.close()
            if report.errors:
                print(f"  run {run}: {len(report.errors)} failed", file=sys.stderr)
        store = Store.open(Path(tmp) / "ecb.db")
        names = {a["id"]: a["input_id"] for a in export_records(store, "articles")}
        system = {names[a]: s["id"] for s in export_records(store, "stories") for a in s["article_ids"]}
        store.close()
    print(f"  `process` took {time.perf_counter() - started:.0f} s")
    missing = {d.name for d in docs} - set(system)
    system.update({name: f"alone-{name}" for name in missing})  # unstored: a story of its own
    return system


if __name__ == "__main__":
    sys.exit(main())
