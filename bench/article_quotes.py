"""Quote attribution on the real scraped pages of eval/dev/articles, scored by the set's own scorer.

    python bench/article_quotes.py [--shared ../shared] [--half tune|held]

For each half (ids 101-115: tuned on; 201-215: held back), processed from the page files into
a fresh store: the gold quotes, how many were found (words), how many with the right speaker,
and the speaker accuracy of the quotes found. See `evaluation.articles.score_quotes_half`.
"""

from __future__ import annotations

import sys

from evaluation.articles import bench_run, score_quotes_half


def main() -> int:
    run = bench_run(__doc__, with_inputs=False)
    if run is None:
        return 2
    for half in run.halves:
        print(score_quotes_half(run.set_dir, run.scorer, half).line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
