"""Actor resolution on NGEC's assertions: country and sector accuracy, on the whole set and on
its two halves (even lines: tune on these; odd lines: held back, the gate's floors).

    python bench/actors.py [--data ../shared/eval/dev/events/ngec_actor_resolution_tests.jsonl]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from evaluation.actors import (
    ActorScores,
    Assertion,
    load_assertions,
    load_halves,
    score_assertions,
)

SHARED = Path(os.environ.get("PARLEY_SHARED", "../shared"))
DEFAULT = SHARED / "eval/dev/events/ngec_actor_resolution_tests.jsonl"


def print_scores(title: str, assertions: list[Assertion]) -> None:
    scores = score_assertions(assertions)
    print(f"{title} ({len(assertions)} assertions)")
    for label, pair in (("country, text names a place", scores.country_named),
                        ("country, bare person names", scores.country_people),
                        ("sector, all expecting one", scores.sector)):
        print(f"  {label:32} {ActorScores.rate(pair):.3f}  ({pair[0]}/{pair[1]})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no NGEC assertions at {args.data} (set PARLEY_SHARED or --data)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    tune, held = load_halves(args.data)
    print_scores("all", list(load_assertions(args.data)))
    print_scores("tuning half (even lines)", tune)
    print_scores("held-back half (odd lines): the gate", held)
    print(f"scored in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
