"""Semantics that flip meaning (issue 15): what a reader would not code as the event its words
match. Invented sentences of the shapes found in real reports."""

from __future__ import annotations

from .test_events import countries, events_of, only


def _types(text: str) -> list[str]:
    return sorted(e.type for e in events_of(text))


def test_a_pledge_not_to_strike_is_a_truce_not_an_attack() -> None:
    events = events_of("Peru's president agreed not to strike Moldova's power grid for "
                       "30 days, state media said.")
    assert "ASSAULT" not in [e.type for e in events] and "THREATEN" not in [e.type for e in events]
    truce = only(events, "RETREAT")
    assert truce.mode == "ceasefire" and not truce.negated and truce.target is not None
    assert truce.target.country == "MDA"


def test_an_attack_neither_side_will_make_is_no_attack() -> None:
    assert "ASSAULT" not in _types("The deal specifies that neither Peru nor Chile will target "
                                   "the other's ships.")


def test_a_conditional_or_negated_attack_is_no_attack() -> None:
    assert "ASSAULT" not in _types("If Chile attacks Peru, the region will suffer.")
    assert "ASSAULT" not in _types("Chile did not attack Peru on Monday, officials said.")


def test_an_end_to_a_war_is_not_the_war() -> None:
    text = ('"We agreed on a ceasefire and, ultimately, an end to this horrible war between '
            'Peru and Chile," the president said.')
    assert "ASSAULT" not in _types(text)
    declared = only(events_of("Peru declared war on Chile on Monday."), "ASSAULT")
    assert countries(declared) == ("PER", "CHL")


def test_talking_to_reporters_is_no_consultation() -> None:
    text = "The Chilean president said the offer was positive, while speaking to reporters in Lima."
    assert "CONSULT" not in _types(text)


def test_welcoming_a_thing_is_support_of_it_not_of_each_other() -> None:
    events = events_of("Qatar and Kuwait welcomed the agreement on Tuesday.")
    assert {e.type for e in events} == {"SUPPORT"}
    assert all(e.target is None or e.target.country not in ("QAT", "KWT") for e in events)


def test_a_with_clause_of_circumstance_names_no_party() -> None:
    events = events_of("Peru and Chile agreed to exchange prisoners after talks in Quito, with "
                       "Ecuador playing a key role.")
    assert {countries(e) for e in events} == {("CHL", "PER"), ("PER", "CHL")}  # the deal and the talks


def test_an_attacker_known_by_sector_does_not_take_the_country_it_strikes() -> None:
    events = events_of("The military said it was conducting extensive strikes on targets in Gaza.")
    assert all(e.source is None or e.source.country != "PSE" for e in events)
    police = only(events_of("Police arrested protesters in Nairobi on Monday."), "COERCE")
    assert police.source is not None and police.source.code == "KENCOP"


def test_an_actor_named_twice_does_not_act_on_itself() -> None:
    from parley.events.plausibility import plausible
    from parley.models import Actor, Event

    trump, donald = Actor("Trump", "USA", "GOV"), Actor("Donald Trump", "USA", "GOV")
    event = Event(type="REQUEST", sentence_start=0, sentence_end=10, source=trump, target=donald)
    assert not plausible(event)
    assert plausible(Event(type="REQUEST", sentence_start=0, sentence_end=10, source=trump,
                           target=Actor("Nancy Pelosi", "USA", "LEG")))


def test_a_place_of_one_party_is_not_the_counterpart_of_an_agreement() -> None:
    events = events_of("Hezbollah and Israel agreed on a Lebanon truce.")
    assert sorted(countries(e) for e in events) == [("ISR", "LBN"), ("LBN", "ISR")]
    assert {e.target.sector for e in events if e.target and e.target.country == "LBN"} == {"REB"}


def test_a_person_the_parser_buries_in_the_subject_is_still_a_party() -> None:
    events = events_of("Chilean President Anna Berg and Peruvian President John Miller engaged "
                       "in a two-hour telephone conversation on Tuesday.")
    assert sorted(countries(e) for e in events if e.type == "CONSULT") == [
        ("CHL", "PER"), ("PER", "CHL")]
    one = events_of("The Chilean and Peruvian foreign ministers met in Lima on Monday.")
    assert sorted(countries(e) for e in one) == [("CHL", "PER"), ("PER", "CHL")]
