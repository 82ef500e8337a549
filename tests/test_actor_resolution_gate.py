"""Quality gate: actor phrases -> country and sector, on NGEC's actor-resolution assertions.

The set is split by line parity (`evaluation.actors.load_halves`): tune on the even
lines, the floors below are measured on the odd lines, the held-back half.
"""

from __future__ import annotations

from evaluation.actors import ActorScores, load_halves, score_assertions

from .conftest import shared_path

# Floors only go up, except when gold-derived data is removed. Issue 13 removed the data rows
# copied from these assertions (sectors_extra, territories, institutions) and the learned facts
# the corpus does not support, and moved the gate to the held-back half, so the floors came
# down. Measured with `python bench/actors.py`, held-back half: country where the text names a
# place 0.962, bare person names 0.196, sector 0.625 (tuning half: 0.951, 0.261, 0.697).
COUNTRY_NAMED_FLOOR = 0.95  # issue target: 0.85
SECTOR_FLOOR = 0.62  # was 0.71 on the whole set with the gold-derived rows (0.716)
PEOPLE_COUNTRY_FLOOR = 0.19  # reported, not a target; was 0.29 with the unsupported learned facts


def test_actor_resolution_on_ngec_assertions() -> None:
    path = shared_path("eval/dev/events/ngec_actor_resolution_tests.jsonl")
    _tune, held = load_halves(path)
    scores = score_assertions(held)
    assert scores.country_named[1] >= 50 and scores.sector[1] >= 125
    assert ActorScores.rate(scores.country_named) >= COUNTRY_NAMED_FLOOR, scores
    assert ActorScores.rate(scores.sector) >= SECTOR_FLOOR, scores
    assert ActorScores.rate(scores.country_people) >= PEOPLE_COUNTRY_FLOOR, scores
