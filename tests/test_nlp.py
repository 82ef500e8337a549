"""The NLP stage as the pipeline runs it: the dependency parse only where a stage can use it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG  # type: ignore[import-not-found]
from spacy.pipeline import AttributeRuler

from parley.events.prefilter import candidate_sentences
from parley.nlp import (
    PARSED_SENTENCES,
    UNPARSED_DEP,
    TokenRules,
    load_light_nlp,
    parse_selected,
    token_groups,
)
from parley.pipeline import needs_parse, parse_texts

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "wikinews_sample.jsonl"


def _sample_texts() -> list[str]:
    return [json.loads(line)["text"] for line in SAMPLES.open(encoding="utf-8")]


def test_only_chosen_sentences_carry_a_parse() -> None:
    text = ("The weather was fine on the coast. Iran's foreign minister met his Pakistani "
            "counterpart in Islamabad on Monday. Read more about it.")
    [doc] = list(parse_selected([text], lambda sent: "met" in sent.text))
    sentences = list(doc.sents)
    assert [s.text for s in sentences] == ["The weather was fine on the coast.",
                                           "Iran's foreign minister met his Pakistani counterpart in "
                                           "Islamabad on Monday.", "Read more about it."]
    assert doc.user_data[PARSED_SENTENCES] == [(sentences[1].start, sentences[1].end)]
    met = next(t for t in doc if t.text == "met")
    assert {c.dep_ for c in met.children} >= {"nsubj", "dobj"}
    assert all(t.dep_ in (UNPARSED_DEP, "ROOT") for t in sentences[0])
    assert sentences[0].root.text == "was"  # the placeholder tree hangs on the first verb
    assert [e.text for e in doc.ents if e.label_ == "GPE"] == ["Iran", "Islamabad"]


def test_pipeline_parses_every_event_candidate_and_fewer_tokens_than_all() -> None:
    texts = _sample_texts()
    docs = list(parse_texts(texts, full=False))
    parsed = total = 0
    for doc in docs:
        ranges = doc.user_data[PARSED_SENTENCES]
        # the parser may split a chosen sentence in two; each part lies inside a parsed range
        for sent in [*candidate_sentences(doc), *filter(needs_parse, doc.sents)]:
            assert any(start <= sent.start and sent.end <= end for start, end in ranges), sent.text
        parsed += sum(end - start for start, end in ranges)
        total += len(doc)
    assert 0 < parsed < total


def test_a_blank_line_ends_a_sentence() -> None:
    text = ("Leaders Discuss \u201cVarious Aspects of the Agenda\u201d\n\nNAIROBI \u2014 The two leaders met "
            "on Monday and discussed the border.")
    for doc in (*parse_selected([text], needs_parse), *parse_texts([text], full=True)):
        first = next(iter(doc.sents))
        assert first.text.rstrip().endswith("Agenda\u201d"), first.text


def test_token_rules_set_what_spacys_attribute_ruler_sets() -> None:
    """The stand-in for the attribute ruler gives every token the tag, POS, morphology, lemma
    and label spaCy's ruler gives it, on news text and on the rare patterns of two tokens."""
    light = load_light_nlp()
    ruler = light.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    before = light.pipe_names[: light.pipe_names.index("attribute_ruler")]
    off = [name for name in light.pipe_names if name not in before]
    texts = [*_sample_texts()[:5], "I ain't gonna wait, y'all. Let's go, c'mon!\n\n  There is "
             "a gotta moment; it gets late and he got his coat.  \t", ""]
    assert TokenRules.usable(ruler)
    rules = TokenRules(ruler)
    columns = [TAG, POS, MORPH, LEMMA, DEP]
    for text in texts:
        [expected] = list(light.pipe([text], disable=off))
        [got] = list(light.pipe([text], disable=off))
        ruler(expected)
        rules(got)
        assert numpy.array_equal(expected.to_array(columns), got.to_array(columns)), text[:60]
        assert [str(t.morph) for t in expected] == [str(t.morph) for t in got]
    assert any(opens for _, opens in rules.known.values())  # "gon", "let", "y'" open a pattern


def test_a_token_budget_splits_batches_without_changing_the_docs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The models' passes run over runs of at most MAX_BATCH_TOKENS tokens (memory follows the
    tokens of a batch); every tag, lemma, entity, sentence and parse is what one batch gives."""
    import parley.nlp

    texts = _sample_texts()[:6]
    columns: list[int | str] = ["TAG", "POS", "MORPH", "LEMMA", "ENT_IOB", "ENT_TYPE", "HEAD", "DEP",
                                "SENT_START"]
    whole = [doc.to_array(columns) for doc in parse_texts(texts, full=False)]
    monkeypatch.setattr(parley.nlp, "MAX_BATCH_TOKENS", 300)
    split = [doc.to_array(columns) for doc in parse_texts(texts, full=False)]
    assert all(numpy.array_equal(a, b) for a, b in zip(whole, split, strict=True))


def test_token_groups_keep_the_order_and_the_budget() -> None:
    light = load_light_nlp()
    docs = [light.make_doc(" ".join(["word"] * n)) for n in (3, 4, 9, 1, 1, 2)]
    groups = list(token_groups(docs, 5))
    assert [[len(d) for d in g] for g in groups] == [[3], [4], [9], [1, 1, 2]]
    assert [d for g in groups for d in g] == docs
