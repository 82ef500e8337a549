"""Actor resolution on NGEC's assertions: country and sector accuracy.

    python bench/actors.py [--data ../shared/eval/dev/events/ngec_actor_resolution_tests.jsonl]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from parley.evaluation.actors import ActorScores, load_assertions, score_assertions

SHARED = Path(os.environ.get("PARLEY_SHARED", "../shared"))
DEFAULT = SHARED / "eval/dev/events/ngec_actor_resolution_tests.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no NGEC assertions at {args.data} (set PARLEY_SHARED or --data)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    assertions = list(load_assertions(args.data))
    scores = score_assertions(assertions)
    for label, pair in (("country, text names a place", scores.country_named),
                        ("country, bare person names", scores.country_people),
                        ("sector, all expecting one", scores.sector)):
        print(f"{label:32} {ActorScores.rate(pair):.3f}  ({pair[0]}/{pair[1]})")
    print(f"{len(assertions)} assertions scored in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
