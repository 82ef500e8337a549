"""Quality gate: events on the PLOVER gold standard records and the CAMEO manual's examples.

Scored by `evaluation.events` (see its docstring): each record's text is one document
dated by the record, as `parley annotate --raw` sees it. PLOVER GSR: precision/recall/F1 at
(source country, target country, CAMEO root). CAMEO examples: the root of the
highest-confidence event ("top"), and of any event.
"""

from __future__ import annotations

from evaluation.events import annotate, load_gold, roots_by_category, score_dyads, score_roots

from .conftest import shared_path

# Floors only go up. Measured 2026-11-22 (session 2) with `python bench/events.py`: PLOVER GSR
# P 0.638, R 0.623, F1 0.630; CAMEO examples root accuracy 0.762 (top event), 0.765 (any event).
# Raised 2026-12-03 (PETRARCH2 dictionary, issue 13 part 2) with `python bench/events.py`: CAMEO
# examples root accuracy 0.776 (top) / 0.780 (any); held-back half B (crc32 of the id, odd)
# 0.766 / 0.774, tune half A 0.786 / 0.786: the CAMEO floors sit just under half B.
# Measured 2026-12-03 (session 4): PLOVER GSR all P 0.687 R 0.667 F1 0.677, but tune half A
# F1 0.780 and held half B 0.570: the all-record figure rose with tuning on half A, so the GSR
# floors are not raised from it; CAMEO examples all 0.773 / 0.776, half B 0.766 / 0.774.
# Measured 2026-12-03 (issue 13, spurious and misplaced events) with `python bench/events.py
# --wikinews 0`: PLOVER GSR all P 0.741 R 0.686 F1 0.712, tune half A F1 0.828, held half B
# P 0.604 R 0.586 F1 0.595: half B stays under the floors, so they are not raised; CAMEO
# examples unchanged (all 0.773 / 0.776, half B 0.766 / 0.774).
# Measured 2026-12-03 (issue 13, gsr13: main statement over background clauses, conditions and
# aims; dictionary fallback only between placed parties) with `python bench/events.py
# --wikinews 0`: PLOVER GSR all P 0.780 R 0.711 F1 0.744, tune half A F1 0.869, held half B
# P 0.634 R 0.596 F1 0.615: half B still under the floors, so they are not raised; CAMEO
# examples all 0.794 / 0.798, half B unchanged 0.766 / 0.774.
# Raised 2026-12-04 (issue 13, gsr13e: implied recipients of measures at home, actors by title,
# compass words, orders) with `python bench/events.py --wikinews 0`: CAMEO examples held half B
# 0.7737 (top) / 0.7810 (any), was 0.7664 / 0.7737; all 0.7978 / 0.8014; the CAMEO floors are
# half B's figures. PLOVER GSR held half B unchanged (P 0.641 R 0.596 F1 0.618), all F1 0.744.
# Session 9 (gsr13f's wire shapes, m16e's parties for the detector's proposals), same command:
# PLOVER GSR held half B P 0.645 R 0.606 F1 0.625 (was 0.618), all F1 0.751; CAMEO examples held
# half B 0.7810 / 0.7883, all 0.8014 / 0.8051. The floors are half B's figures.
GSR_F1_FLOOR = 0.625
GSR_PRECISION_FLOOR = 0.645
CAMEO_TOP_ROOT_FLOOR = 0.781
CAMEO_ANY_ROOT_FLOOR = 0.788
GSR_RECORDS = 179
CAMEO_RECORDS = 277


def _roots() -> dict[str, frozenset[str]]:
    return roots_by_category(shared_path("data", "cameo_codebook.jsonl"))


def test_plover_gold_standard_gate() -> None:
    roots = _roots()
    records = load_gold(shared_path("eval", "dev", "events", "plover_gsr.jsonl"), roots)
    assert len(records) == GSR_RECORDS
    score = score_dyads(records, annotate(records), roots)
    assert score.prf.f1 >= GSR_F1_FLOOR, score
    assert score.prf.precision >= GSR_PRECISION_FLOOR, score


def test_cameo_manual_examples_gate() -> None:
    roots = _roots()
    records = load_gold(shared_path("eval", "dev", "events", "cameo_manual_examples.jsonl"), roots)
    assert len(records) == CAMEO_RECORDS
    score = score_roots(records, annotate(records), roots)
    assert score.top >= CAMEO_TOP_ROOT_FLOOR, score
    assert score.any >= CAMEO_ANY_ROOT_FLOOR, score
