"""Events the hand lexicon alone misses, coded with PETRARCH2's verb dictionary (compiled in
`data/event_petrarch.json`) over the dependency parse: patterns with particles, prepositional
phrases and objects, light verbs the dictionary codes, wire-style passives and implied sides.
Invented sentences of the shapes found in wire copy."""

from __future__ import annotations

from parley.events.petrarch import load_dictionary, match_verb
from parley.nlp import parse

from .test_events import countries, events_of, only


def _verb(text: str, word: str) -> object:
    doc = parse(text)
    token = next(t for t in doc if t.text == word)
    return match_verb(token)


def test_dictionary_is_compiled_with_synonym_sets_and_patterns() -> None:
    dictionary = load_dictionary()
    assert len(dictionary.senses) > 2000
    assert sum(len(block) for block in dictionary.patterns) > 4000
    assert {"speak", "spoke", "engage", "fire"} <= set(dictionary.senses)


def test_pattern_with_a_prepositional_phrase_refines_the_code() -> None:
    found = _verb("The Dutch foreign minister spoke by telephone with his Belgian counterpart.", "spoke")
    assert found is not None and found.code == "041" and found.words == 2


def test_passive_agent_is_not_an_object_word() -> None:
    found = _verb("The village was attacked by helicopters.", "attacked")
    assert found is not None and found.code is not None and found.code.startswith("19")


def test_phone_call_by_telephone() -> None:
    event = only(events_of("The Turkish foreign minister spoke by telephone with his Egyptian counterpart "
                           "on Sunday."), "CONSULT")
    assert countries(event) == ("TUR", "EGY")
    assert (event.cameo, event.mode) == ("041", "phone")


def test_light_verb_the_dictionary_codes_with_its_prepositional_phrase() -> None:
    event = only(events_of("Malian rebels engaged UN peacekeepers in a firefight near the border."),
                 "ASSAULT")
    assert countries(event) == ("MLI", "IGO")
    assert event.cameo == "193"


def test_passive_attack_whose_side_is_where_it_came_from() -> None:
    event = only(events_of("Officials said a rocket was fired at the Israeli town of Sderot from Gaza."),
                 "ASSAULT")
    assert countries(event) == ("PSE", "ISR")


def test_parties_named_together_cooperate_with_each_other() -> None:
    events = events_of("Chile and Argentina are seeking to deepen a partnership in mining.")
    assert sorted(countries(e) for e in events) == [("ARG", "CHL"), ("CHL", "ARG")]
    assert all(e.modality == "planned" for e in events)
