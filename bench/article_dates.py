"""Event dates on the real scraped pages of eval/dev/articles, scored by the set's own scorer.

    python bench/article_dates.py [--shared ../shared] [--half tune|held] [--inputs text|published]

For each half (ids 101-115: tuned on; 201-215: held back) and each input (the page files as
scraped; a JSONL with the publication date the page states given), prints: event records, the
share with a date, event recall with the strict date and with any date, and their ratio (the
date accuracy of the events found). See `evaluation.articles`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from evaluation.articles import HALVES, INPUT_KINDS, article_set, score_half

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
            print(score_half(set_dir, scorer, half, inputs).line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
