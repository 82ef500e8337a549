"""Quality gate: body extraction on scrapinghub at least as good as trafilatura's defaults."""

from __future__ import annotations

from evaluation.extraction import (
    load_gold_pages,
    parley_extractor,
    score_extractor,
    trafilatura_default,
)

from .conftest import shared_path

# Floors only go up. Measured 2026-11-22 with `python bench/extraction.py`.
F1_FLOOR = 0.96


def test_body_extraction_beats_trafilatura_default() -> None:
    pages = list(load_gold_pages(shared_path("eval/dev/extraction/scrapinghub")))
    assert len(pages) >= 80
    ours = score_extractor(pages, parley_extractor)
    reference = score_extractor(pages, trafilatura_default)
    assert ours.f1 >= reference.f1, (ours, reference)
    assert ours.f1 >= F1_FLOOR, ours
