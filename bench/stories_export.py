"""ECB+ stories end to end: the documents through `parley process` into a store, the clusters
read back with `parley export stories`, scored by B-cubed against the gold stories, next to the
TF-IDF + agglomerative baseline on the same documents in the same run.

    python bench/stories_export.py [--gate-subset]

This is the path a user takes (every stage runs, not just the clusterer); bench/stories.py
measures the clusterer alone, faster.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from parley.evaluation.stories import (
    alternate_topics,
    baseline_runs,
    bcubed,
    best_baseline,
    gold_labels,
    load_ecbplus,
)
from parley.pipeline import process_sources
from parley.query import export_records
from parley.store import Store

DEFAULT_DATA = Path(os.environ.get("PARLEY_SHARED", "../shared")) / "eval/dev/stories/ecbplus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--gate-subset", action="store_true", help="only every other topic")
    args = parser.parse_args()
    docs = load_ecbplus(args.data) if args.data.exists() else []
    if args.gate_subset:
        docs = load_ecbplus(args.data, alternate_topics(docs))
    if not docs:
        print(f"no ECB+ documents under {args.data} (set PARLEY_SHARED or --data)", file=sys.stderr)
        return 2
    gold = gold_labels(docs)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "ecbplus.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for doc in docs:  # the fixed, topic-mixing order of load_ecbplus
                out.write(json.dumps({"id": doc.name, "text": doc.text}) + "\n")
        store = Store.open(Path(tmp) / "ecb.db")
        started = time.perf_counter()
        report = process_sources([str(corpus)], store, raw=True)
        seconds = time.perf_counter() - started
        names = {a["id"]: a["input_id"] for a in export_records(store, "articles")}
        system = {names[a]: s["id"] for s in export_records(store, "stories") for a in s["article_ids"]}
        store.close()
    missing = set(gold) - set(system)
    system.update({name: f"alone-{name}" for name in missing})  # unstored: a story of its own
    ours = bcubed(system, gold)
    best = best_baseline(baseline_runs([d.text for d in docs], [d.story for d in docs]))
    print(f"{len(docs)} documents, {len(set(gold.values()))} gold stories; "
          f"{report.stored} stored, {len(report.errors)} failed, {seconds:.0f} s for `process`")
    print(f"parley export stories          P {ours.precision:.4f} R {ours.recall:.4f} "
          f"F1 {ours.f1:.4f}  ({len(set(system.values()))} stories)")
    print(f"baseline @ {best.threshold:.2f} (best cut)    P {best.score.precision:.4f} "
          f"R {best.score.recall:.4f} F1 {best.score.f1:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
