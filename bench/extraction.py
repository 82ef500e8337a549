"""Body extraction on the scrapinghub benchmark: parley side by side with trafilatura.

    python bench/extraction.py [--data ../shared/eval/dev/extraction/scrapinghub]

Prints precision, recall and F1 of each (scored as the benchmark does) and the ratios of
parley's F1 and time to trafilatura's default pass, measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from evaluation.extraction import (
    load_gold_pages,
    parley_extractor,
    score_extractor,
    trafilatura_default,
)

DEFAULT_DATA = Path(os.environ.get("PARLEY_SHARED", "../shared")) / "eval/dev/extraction/scrapinghub"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        print(f"no scrapinghub data at {args.data} (set PARLEY_SHARED or --data)", file=sys.stderr)
        return 2
    pages = list(load_gold_pages(args.data))
    results = {}
    for name, extractor in (("trafilatura (default)", trafilatura_default),
                            ("parley", parley_extractor)):
        started = time.perf_counter()
        score = score_extractor(pages, extractor)
        results[name] = (score, time.perf_counter() - started)
    print(f"{len(pages)} pages from {args.data}")
    print(f"{'extractor':24} {'P':>7} {'R':>7} {'F1':>7} {'seconds':>8}")
    for name, (score, seconds) in results.items():
        print(f"{name:24} {score.precision:7.4f} {score.recall:7.4f} {score.f1:7.4f} {seconds:8.1f}")
    (ref, ref_time), (ours, our_time) = results.values()
    print(f"F1 ratio parley/trafilatura: {ours.f1 / ref.f1:.4f}   "
          f"time ratio: {our_time / ref_time:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
