"""Quote attribution on the real scraped pages of eval/dev/articles, scored by the set's own scorer.

    python bench/article_quotes.py [--shared ../shared] [--half tune|held]

For each half (ids 101-115: tuned on; 201-215: held back), processed from the page files into
a fresh store: the gold quotes, how many were found (words), how many with the right speaker,
and the speaker accuracy of the quotes found. See `evaluation.articles.score_quotes_half`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from evaluation.articles import HALVES, article_set, score_quotes_half

DEFAULT_SHARED = Path(os.environ.get("PARLEY_SHARED", "../shared"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--half", choices=sorted(HALVES), action="append")
    args = parser.parse_args()
    found = article_set(args.shared)
    if found is None:
        return 2
    set_dir, scorer = found
    for half in args.half or ["tune", "held"]:
        print(score_quotes_half(set_dir, scorer, half).line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
