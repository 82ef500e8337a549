"""Same-event groups on the real scraped pages of `eval/dev/articles`: one event, one record.

Each half of the set is processed into its own store from the page files (or with the
publication dates given), exported, and judged by the set's own scorer
(`eval/score/articles.py`) on a copy of the gold restricted to the half, as
`evaluation.articles` does for dates. The scorer's dedup section gives, per same-event group,
the records that match the group's event (pair, type, date within a day) in its articles and
how many of them they cover; the must-not-merge check counts records that cover articles of
both sides of a near miss. Judged: the share of groups whose event ends as one record covering
every article that reports it (`full`), and the near misses merged (`violations`).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluation.articles import _gold_subset, _inputs, _process_and_export, _run_scorer, half_ids


@dataclass(frozen=True)
class GroupsScore:
    """What the event-identity work is judged by, for one half and one kind of input."""

    half: str
    inputs: str
    groups: int
    found: int
    single: float  # share of groups whose event is one record
    full: float  # share of groups whose event is one record covering all its articles
    violations: int  # records that merge the two sides of a must-not-merge pair
    rows: tuple[dict[str, Any], ...]

    def line(self) -> str:
        return (f"{self.half:4} {self.inputs:9} groups {self.groups}  found {self.found}  "
                f"one record {self.single:.2f}  one record covering all {self.full:.2f}  "
                f"must-not-merge violations {self.violations}")

    def details(self) -> str:
        return "\n".join(f"  {r['group'][:52]:52} records {r['n_records']}  coverage "
                         f"{r['coverage']:.2f}{'  FULL' if r['fully_merged'] else ''}"
                         for r in self.rows)


def score_groups(set_dir: Path, scorer: Path, half: str, inputs: str = "text") -> GroupsScore:
    """Process one half into a fresh store and score its same-event groups."""
    ids = half_ids(set_dir, half)
    with tempfile.TemporaryDirectory(prefix="parley-groups-") as tmp:
        work = Path(tmp)
        exports = _process_and_export(_inputs(set_dir, ids, inputs, work), work)
        result = _run_scorer(scorer, _gold_subset(set_dir, ids, work / "gold"), exports)
    dedup = result["dedup"]
    violations = sum(int(count) for _, count in dedup["must_not_merge_violations"])
    return GroupsScore(half, inputs, int(dedup["groups"]), int(dedup["groups_found"]),
                       float(dedup["share_single_record"]), float(dedup["share_fully_merged"]),
                       violations, tuple(dedup["rows"]))
