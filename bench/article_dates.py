"""Event dates on the real scraped pages of eval/dev/articles, scored by the set's own scorer.

    python bench/article_dates.py [--shared ../shared] [--half tune|held] [--inputs text|published]

For each half (ids 101-115: tuned on; 201-215: held back) and each input (the page files as
scraped; a JSONL with the publication date the page states given), prints: event records, the
share with a date, event recall with the strict date and with any date, and their ratio (the
date accuracy of the events found). See `evaluation.articles`.
"""

from __future__ import annotations

import sys

from evaluation.articles import bench_run, score_half


def main() -> int:
    run = bench_run(__doc__)
    if run is None:
        return 2
    for half in run.halves:
        for inputs in run.inputs:
            print(score_half(run.set_dir, run.scorer, half, inputs).line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
