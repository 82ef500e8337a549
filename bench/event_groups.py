"""Same-event groups on the real scraped pages of eval/dev/articles: one event, one record.

    python bench/event_groups.py [--shared ../shared] [--half tune|held] [--inputs text|published]

For each half (ids 101-115: tuned on; 201-215: held back) and each input (the page files as
scraped; a JSONL with the publication date the page states given), prints the same-event
groups found, the share that end as one record, the share that end as one record covering all
their articles, the must-not-merge violations, and each group's records and coverage. See
`evaluation.event_groups`.
"""

from __future__ import annotations

import sys

from evaluation.articles import bench_run
from evaluation.event_groups import score_groups


def main() -> int:
    run = bench_run(__doc__)
    if run is None:
        return 2
    for half in run.halves:
        for inputs in run.inputs:
            score = score_groups(run.set_dir, run.scorer, half, inputs)
            print(score.line(), flush=True)
            print(score.details(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
