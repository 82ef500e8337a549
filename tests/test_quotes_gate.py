"""Quality gate: quote attribution on the PolNeAR dev split, end to end (content and speaker)."""

from __future__ import annotations

from evaluation.quotes import (
    attributions_from_quotes,
    content_prf,
    end_to_end_prf,
    load_polnear,
    score_corpus,
)
from parley.pipeline import parse_texts
from parley.quotes import extract_quotes

from .conftest import shared_path

# Floors only go up. Measured 2026-11-22 with `python bench/quotes.py` (dev, 84 articles):
# direct e2e F1 0.893 (content 0.936), all attributions e2e F1 0.660;
# textacy 0.13 direct_quotations on the same parses: direct e2e F1 0.470, all 0.184.
DIRECT_E2E_F1_FLOOR = 0.88
DIRECT_CONTENT_F1_FLOOR = 0.92
ALL_E2E_F1_FLOOR = 0.65


def test_quote_attribution_on_polnear_dev() -> None:
    gold = load_polnear(shared_path("eval/dev/quotes/polnear/dev"))
    assert len(gold) >= 80
    docs = parse_texts(doc.text for doc in gold)
    predicted = [attributions_from_quotes(extract_quotes(doc)) for doc in docs]
    score = score_corpus(gold, predicted)
    direct, every = end_to_end_prf(score.direct), end_to_end_prf(score.all)
    assert direct.f1 >= DIRECT_E2E_F1_FLOOR, (direct, score.direct)
    assert content_prf(score.direct).f1 >= DIRECT_CONTENT_F1_FLOOR, score.direct
    assert every.f1 >= ALL_E2E_F1_FLOOR, (every, score.all)
