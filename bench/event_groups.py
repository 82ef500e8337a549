"""Same-event groups on the real scraped pages of eval/dev/articles: one event, one record.

    python bench/event_groups.py [--shared ../shared] [--half tune|held] [--inputs text|published]

For each half (ids 101-115: tuned on; 201-215: held back) and each input (the page files as
scraped; a JSONL with the publication date the page states given), prints the same-event
groups found, the share that end as one record, the share that end as one record covering all
their articles, the must-not-merge violations, and each group's records and coverage. See
`evaluation.event_groups`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from evaluation.articles import HALVES, INPUT_KINDS, article_set
from evaluation.event_groups import score_groups

DEFAULT_SHARED = Path(os.environ.get("PARLEY_SHARED", "../shared"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--half", choices=sorted(HALVES), action="append")
    parser.add_argument("--inputs", choices=INPUT_KINDS, action="append")
    args = parser.parse_args()
    found = article_set(args.shared)
    if found is None:
        return 2
    set_dir, scorer = found
    for half in args.half or ["tune", "held"]:
        for inputs in args.inputs or list(INPUT_KINDS):
            score = score_groups(set_dir, scorer, half, inputs)
            print(score.line(), flush=True)
            print(score.details(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
