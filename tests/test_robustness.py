"""No real text crashes a stage: a fixed sample of the texts `bench/robustness.py` runs (every
origin, original and mutated: cut, lower-cased, quotes and brackets unbalanced, odd spaces
and scripts) goes through every stage without an exception or an offset off its text.

The full run (every text, every mutation) is `python bench/robustness.py`.
"""

from __future__ import annotations

import sys
from collections import Counter

import pytest

from .conftest import REPO, shared_path

sys.path.insert(0, str(REPO / "bench"))  # the bench's corpus and runner: evaluation code, not parley's

from robust_corpus import MUTATIONS, all_samples, gather_texts, spread_sample
from robustness import RobustnessReport, run_samples

# Samples run: spread evenly over the origins; 31-53 s on two shared cores (measured 2026-12-03).
SAMPLE_SIZE = 200
SEED = 11


@pytest.mark.slow
def test_a_fixed_sample_of_real_texts_runs_through_every_stage() -> None:
    root = shared_path()
    samples = spread_sample(all_samples(gather_texts(root)), SAMPLE_SIZE, SEED)
    report = run_samples(samples, RobustnessReport(), seed=SEED)
    assert sum(report.runs.values()) == SAMPLE_SIZE
    assert {mutation for _, mutation in report.runs} == set(MUTATIONS)
    assert len({origin for origin, _ in report.runs}) >= 8  # every set of texts took part
    failures = [f"{f.stage} {f.sample}: {f.kind}: {f.message}" for f in report.failures]
    assert not failures, f"{len(failures)} failures by stage {Counter(f.stage for f in report.failures)}:\n" \
        + "\n".join(failures[:10])
