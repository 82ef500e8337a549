"""`parley process --dask local` against one process: the same store, on the seeds plus N
Wikinews articles (the test does the same on a dozen; this is the full-size check).

    python bench/dask_parity.py [--wikinews 300] [--workers 2]

Prints the seconds of each run and, for each export (articles, entities, events, quotes,
stories), the number of records and whether the two stores hold exactly the same.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from typer.testing import CliRunner

from corpus import SHARED, wikinews_lines
from parley.cli import app
from parley.distributed import DaskRunner
from parley.pipeline import process_sources
from parley.store import Store
from parley.workers import InlineRunner, Runner

KINDS = ("articles", "entities", "events", "quotes", "stories")


def run(targets: list[str], db: Path, runner: Runner) -> tuple[float, dict[str, str]]:
    store = Store.open(db)
    started = time.perf_counter()
    report = process_sources(targets, store, runner=runner)
    seconds = time.perf_counter() - started
    store.close()
    print(f"   {report.stored} stored, {len(report.errors)} failed, "
          f"{report.reanalysed} articles analysed again, {seconds:.1f} s")
    exports = {}
    for kind in KINDS:
        out = db.with_suffix(f".{kind}.jsonl")
        CliRunner().invoke(app, ["export", kind, "--db", str(db), "--format", "jsonl",
                                 "-o", str(out)])
        exports[kind] = out.read_text(encoding="utf-8")
    return seconds, exports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wikinews", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "wikinews.jsonl"
        corpus.write_text("".join(line + "\n" for line in wikinews_lines(args.wikinews)),
                          encoding="utf-8")
        targets = [str(SHARED / "seeds"), str(corpus)]
        print(f"seeds + {args.wikinews} Wikinews articles")
        print("one process:")
        _, one = run(targets, Path(folder) / "one.db", InlineRunner())
        print(f"Dask LocalCluster, {args.workers} worker processes of one thread:")
        runner = DaskRunner("local", args.workers)
        try:
            _, dask = run(targets, Path(folder) / "dask.db", runner)
        finally:
            runner.close()
    for kind in KINDS:
        same = "same" if one[kind] == dask[kind] else "DIFFERENT"
        print(f"   {kind:9} {one[kind].count(chr(10)):6} records   {same}")


if __name__ == "__main__":
    main()
