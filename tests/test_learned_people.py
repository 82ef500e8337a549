"""The Wikinews people learner (scripts/build_learned_people.py) keeps what a person's own title
states and refuses what it cannot support. Invented sentences, the real spaCy model."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from parley.nlp import parse

sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
from build_learned_people import clean_role, stated_titles  # type: ignore[import-not-found,unused-ignore]

DATE = "2020-06-01"


def learned(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {name: (title.country, title.role) for name, _, title in stated_titles(parse(text), DATE)}


def test_a_title_of_the_persons_own_name_is_kept() -> None:
    facts = learned("Iraqi Prime Minister Omar Haddad said the talks would resume on Monday.")
    assert facts.get("Omar Haddad", (None, None))[0] == "IRQ"


def test_a_state_named_like_a_country_beside_other_states_is_refused() -> None:
    """Georgia the US state, not the country, when the sentence lists other US states."""
    facts = learned("Possible running mates include former candidate Dana Mercer of Georgia, "
                    "Senator Paul Ostrow of Florida and Senator Ruth Kellam of Illinois.")
    assert facts.get("Dana Mercer", (None, None))[0] != "GEO"


def test_a_body_is_no_persons_role() -> None:
    facts = learned("The data belonged to the Mexican company Brenda Valdivia, which runs websites.")
    assert "Brenda Valdivia" not in facts


def test_a_title_across_a_conjunction_belongs_to_another_conjunct() -> None:
    facts = learned("The study was a project of Carl Beneke of the University of Miami and "
                    "Tobias Wrenfield of a diving company.")
    assert "Tobias Wrenfield" not in facts


def test_initials_are_no_country_unless_the_article_places_the_body() -> None:
    """"EFF" is also South Africa's Economic Freedom Fighters; an article that never names South
    Africa does not make the attorney South African."""
    facts = learned("The software returned after Dana Whitfield, a senior staff attorney of the "
                    "EFF, sent a letter to the hosting service in California.")
    assert facts.get("Dana Whitfield", (None, None))[0] != "ZAF"


def test_a_verb_form_is_no_role() -> None:
    facts = learned("On Friday, Hamid bin Rashid, the long-serving Sultan of Oman, died aged 79.")
    assert facts.get("Hamid bin Rashid", (None, ""))[1] != "Serving"


def test_a_conjunct_governed_by_a_preposition_in_front_is_another_persons_role() -> None:
    facts = learned("The 2016 ticket of Ray Dorsett for president and former Ohio governor "
                    "Walt Brennick for vice president won few votes.")
    assert facts.get("Walt Brennick", (None, None))[1] == "Former Governor"


@pytest.mark.parametrize(("role", "clean"), [
    ("But the General Manager of Abu Dhabi Media", "General Manager of Abu Dhabi Media"),
    ("Wednesday Foreign Minister", "Foreign Minister"),
    ("Politicians and the Archbishop", "Archbishop"),
    ("Senator and Presidential Candidate", "Senator and Presidential Candidate"),
    ("Prime Minister", "Prime Minister"),
    ("Director of 's Amnesty International", "Director of Amnesty International"),
])
def test_clean_role_drops_words_that_open_the_phrase_but_are_not_part_of_it(role: str, clean: str) -> None:
    assert clean_role(role) == clean
