"""bench/article_misses.py: what the records of a run have instead of a missed gold event."""

from __future__ import annotations

from typing import Any

from article_misses import Record, article_kind, load_scorer, sentence_kind, words

from .conftest import shared_path

SENTENCE = "Chile and Peru signed a trade deal in Lima on Monday."
GOLD: dict[str, Any] = {"type": "agree/deal", "source": "CHL", "target": "PER", "evidence": SENTENCE}
PAIR = ("CHL", "PER")


def record(kind: str, pair: tuple[str, str], sentence: str = SENTENCE) -> Record:
    return Record(frozenset({"101"}), pair, {"type": kind}, (words(sentence),))


def test_a_record_of_the_pair_and_an_accepted_type_finds_the_event() -> None:
    scorer = load_scorer(shared_path("eval/dev/articles"))
    assert article_kind(scorer, GOLD, PAIR, [record("AGREE", ("PER", "CHL"))]) == "found"


def test_a_record_of_the_pair_with_another_type_is_a_type_miss() -> None:
    scorer = load_scorer(shared_path("eval/dev/articles"))
    records = [record("CONSULT", PAIR)]
    assert article_kind(scorer, GOLD, PAIR, records) == "right pair, wrong type"
    assert sentence_kind(scorer, GOLD, PAIR, records) == "a record of its pair, wrong type"


def test_misses_by_side_and_by_sentence() -> None:
    scorer = load_scorer(shared_path("eval/dev/articles"))
    elsewhere = "Bolivia and Chile held talks in La Paz."
    one_side = [record("AGREE", ("CHL", "BOL"), elsewhere)]
    assert article_kind(scorer, GOLD, PAIR, one_side) == "accepted type, one side right"
    assert sentence_kind(scorer, GOLD, PAIR, one_side) == "no record from the sentence"
    other_pair = [record("AGREE", ("BOL", "ARG"))]
    assert article_kind(scorer, GOLD, PAIR, other_pair) == "accepted type, neither side right"
    assert sentence_kind(scorer, GOLD, PAIR, other_pair) == "a record of another pair"
    other_type = [record("ASSAULT", ("BOL", "ARG"))]
    assert article_kind(scorer, GOLD, PAIR, other_type) == "nothing of an accepted type"
