"""Quality gate: events and their dates on real scraped pages, through `process` and `export`.

The held-back half of `eval/dev/articles` (ids 201-215; 101-115 were tuned on) is processed
into a fresh store twice, as `evaluation.articles` does: from the page files as scraped,
and from a JSONL that gives the publication date each page states. The set's own scorer
(`eval/score/articles.py`) judges the exports. Gated: the share of event records with a date,
and event recall with the strict date; the any-date recall is what event extraction finds, the
ceiling of the strict one.
"""

from __future__ import annotations

import pytest

from evaluation.articles import score_half

from .conftest import shared_path

# Floors only go up. Measured 2026-12-03 with `python bench/article_dates.py` (held half), with
# the metadata, discourse dating, merging and precision work of that day on main:
#   page files:        dated 0.781, strict-date recall 0.476, any-date recall 0.667
#   publication given: dated 0.875, strict-date recall 0.476, any-date recall 0.667
# then with caption and embedded-post dates, weekday-fixed years and reported ongoing acts:
#   page files:        dated 0.950, strict-date recall 0.595, any-date recall 0.738
#   publication given: dated 0.950, strict-date recall 0.595, any-date recall 0.738
#   (tune half: page files dated 0.689, strict 0.698; publication given 0.721, strict 0.721)
# then on main with that day's recall, event identity, precision and actor work merged in:
#   page files:        dated 0.906, strict-date recall 0.619, any-date recall 0.762
#   publication given: dated 0.906, strict-date recall 0.619, any-date recall 0.762
#   (tune half: page files dated 0.618, strict 0.767; publication given 0.667, strict 0.814)
# later on main (d21179b), held half: dated 0.940, strict 0.619 both inputs (tune: page files
# dated 0.618, strict 0.767; publication given 0.667, strict 0.814); then with issue 12 part 3
# (refusals and stated support dated by their statement, background events by the same event
# told as news, two sides' standing plan to exchange an agreement):
#   page files:        dated 0.940, strict-date recall 0.619, any-date recall 0.762
#   publication given: dated 0.940, strict-date recall 0.619, any-date recall 0.762
#   (tune half: page files dated 0.692, strict 0.791; publication given 0.731, strict 0.814)
# then on main with the precision and coverage work of the same round merged (it drops wrong
# records, most of them dated, so the dated share of what is left falls; none of the 0.93 of
# the branch was ever on a CI'd main, whose floor was 0.90):
#   page files:        dated 0.913, strict-date recall 0.619, any-date recall 0.762
#   publication given: dated 0.913, strict-date recall 0.619, any-date recall 0.762
#   (tune half: page files dated 0.765, strict 0.837; publication given 0.784, strict 0.837)
# then (session 6) with the precision work that drops a wrong, dated record of the held half
# (mediators of talks coded as each other's counterparts), 41/45 -> 40/44 records dated:
#   page files:        dated 0.909, strict-date recall 0.643, any-date recall 0.762
#   publication given: dated 0.909, strict-date recall 0.643, any-date recall 0.762
#   (tune half: page files dated 0.889, strict 0.861; publication given 0.889, strict 0.861)
# The dated floor steps down to 0.90 for that reason only (a ratio whose denominator lost a
# wrong record); the strict-recall floors go up.
# then (issue 13, attack/threat/protest/truce coverage: vowed retaliation as a threat, the other
# side of the article's fighting for a truce or threat naming none, protests at embassies, crowds):
#   page files:        dated 0.909, strict-date recall 0.691, any-date recall 0.809
#   publication given: dated 0.909, strict-date recall 0.691, any-date recall 0.809
#   (tune half: page files dated 0.891, strict 0.861, any 0.954; publication given the same)
TEXT_DATED_FLOOR = 0.90
TEXT_STRICT_FLOOR = 0.68
PUBLISHED_DATED_FLOOR = 0.90
PUBLISHED_STRICT_FLOOR = 0.68


@pytest.mark.parametrize(("inputs", "dated_floor", "strict_floor"), [
    ("text", TEXT_DATED_FLOOR, TEXT_STRICT_FLOOR),
    ("published", PUBLISHED_DATED_FLOOR, PUBLISHED_STRICT_FLOOR),
])
def test_event_dates_on_held_back_articles(inputs: str, dated_floor: float, strict_floor: float) -> None:
    set_dir = shared_path("eval", "dev", "articles")
    scorer = shared_path("eval", "score", "articles.py")
    score = score_half(set_dir, scorer, "held", inputs)
    assert score.records > 0, score
    assert score.dated_share >= dated_floor, score.line()
    assert score.recall_strict >= strict_floor, score.line()
