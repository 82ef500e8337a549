"""Semantics that flip meaning (issue 15): what a reader would not code as the event its words
match. Invented sentences of the shapes found in real reports."""

from __future__ import annotations

from dataclasses import replace

import pytest

from parley.events.detector import Prediction
from parley.events.lexicon import load_lexicon
from parley.events.proposals import category_protos
from parley.events.scope import page_scope
from parley.nlp import parse

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
    # nor a rejection: force one will not use rejects nothing
    assert _types("Under the deal, neither Peru nor Chile will attack each other.") == []


def test_the_terms_of_a_deal_are_no_acts_yet() -> None:
    """What an agreement or plan holds ("includes the withdrawal", "provides for the release")
    has not happened; the same act reported as done is an event."""
    assert "RETREAT" not in _types("The agreement between Peru and Chile includes the gradual "
                                   "withdrawal of Peruvian troops from the border.")
    assert "RETREAT" not in _types("The plan provides for the withdrawal of Chilean troops and "
                                   "the release of Peruvian prisoners.")
    assert "RETREAT" not in _types("The deal, not yet signed, sets out a first phase and includes "
                                   "the withdrawal of Chilean forces from the border.")
    assert "RETREAT" in _types("Peruvian troops withdrew from the border town on Monday.")


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


# -- issue 15: meaning, parties, scope, confidence ----------------------------------------------


def test_a_refused_meeting_is_a_rejection_and_a_denied_one_no_meeting() -> None:
    refused = events_of("The Kremlin said that Peru's president would not attend the talks with Chile.")
    assert "CONSULT" not in [e.type for e in refused]
    assert "CONSULT" not in _types("Lima, however, says there was no Chilean mediation.")


def test_a_meeting_or_deal_with_no_counterpart_is_no_record() -> None:
    from parley.events.records import event_records

    said = event_records(events_of('In a post, the Peruvian president said, "We agreed to a ceasefire."'))
    assert [e.type for e in said] == []
    assert "CONSULT" not in [e.type for e in event_records(events_of("Peru will receive them next week."))]


def test_the_articles_pair_is_the_counterpart_a_sentence_leaves_out() -> None:
    events = events_of("Peruvian and Chilean officials met in Quito on Friday. Peru has called for "
                       "a meeting between the two heads of state.")
    request = only(events, "REQUEST")
    assert countries(request) == ("PER", "CHL")


def test_parties_named_together_who_accuse_each_other_accuse_each_other() -> None:
    events = events_of("Peru and Chile each accused the other of breaching the truce.")
    assert sorted(countries(e) for e in events if e.type == "ACCUSE") == [("CHL", "PER"), ("PER", "CHL")]


def test_a_government_and_its_own_forces_are_one_party() -> None:
    from parley.events.plausibility import plausible
    from parley.models import Actor, Event

    order = Event(type="CONCEDE", sentence_start=0, sentence_end=10, source=Actor("Juan Perez", "PER", "GOV"),
                  target=Actor("Peruvian troops", "PER", "MIL"))
    assert not plausible(order)
    assert plausible(replace(order, target=Actor("Chilean troops", "CHL", "MIL")))


def test_a_topic_a_time_reference_or_a_demanded_thing_is_no_event() -> None:
    talk = events_of("President Juan Perez spoke with Chilean President Ana Soto for two hours on "
                     "Tuesday about a proposed peace agreement with Bolivia.")
    assert "AGREE" not in [e.type for e in talk] and "CONSULT" in [e.type for e in talk]
    assert "ASSAULT" not in _types("This was the first meeting between the two countries since the "
                                   "early days of Lima's invasion in 2022.")
    from parley.events.records import event_records

    demands = event_records(events_of("Quito accused Lima of making new demands, including a full "
                                      "withdrawal of Ecuadorian forces from the border."))
    assert "RETREAT" not in [e.type for e in demands]
    assert "ACCUSE" in [e.type for e in demands]


def test_a_planned_exchange_between_two_parties_is_an_agreement() -> None:
    planned = events_of("Peru and Chile plan to exchange all seriously ill prisoners of war.")
    assert {e.type for e in planned} == {"AGREE"}
    assert sorted(countries(e) for e in planned) == [("CHL", "PER"), ("PER", "CHL")]
    done = events_of("Peru and Chile exchanged 100 prisoners on Monday.")
    assert {e.type for e in done} == {"RETREAT"}


def test_the_attacker_named_in_the_lead_is_carried_to_later_mentions() -> None:
    from parley.events.extract import known_attackers
    from parley.models import Actor, Event, Location

    lead = Event(type="ASSAULT", sentence_start=0, sentence_end=10,
                 source=Actor("Peru's Security Service", "PER", "SPY"),
                 target=Actor("four Chilean airfields", "CHL"))
    later = Event(type="ASSAULT", sentence_start=20, sentence_end=40,
                  source=Actor("unidentified attackers", "CHL", "UAF"), target=Actor("Arica"),
                  location=Location("Chile", "CHL"))
    carried = known_attackers([lead, later])[1]
    assert carried.source == lead.source
    assert carried.target is not None and carried.target.country == "CHL"
    alone = known_attackers([later])[0]
    assert alone.source is not None and alone.source.sector == "UAF"


def test_sport_and_market_pages_hold_no_political_events() -> None:
    match = ("The World Cup qualifier took place at the national stadium in Lima, where the Peruvian "
             "national team met the Chilean national team. The referee awarded a penalty in the first "
             "half, the goalkeeper saved it, and the head coach made a substitution. The match ended "
             "in a 1:1 draw, and fans cheered the captain.")
    assert page_scope(match) == "sport"
    assert events_of(match) == []
    market = ("The central bank of Peru kept its key rate at 6 percent as inflation stayed high. The "
              "board of directors said it would cut interest rates once disinflation sets in, an "
              "economist said, and shares and bonds rose on the markets.")
    assert page_scope(market) == "business"
    politics = ("Peru's president met Chile's president in Lima on Monday for talks on the border. "
                "The ministers also discussed the football match between the national teams.")
    assert page_scope(politics) is None
    assert "CONSULT" in _types(politics)


def test_confidence_is_a_probability_from_the_fitted_model() -> None:
    from parley.events.calibration import calibrated, load_weights
    from parley.models import Actor, Event

    event = Event(type="CONSULT", sentence_start=0, sentence_end=10, source=Actor("Peru", "PER"),
                  target=Actor("Chile", "CHL"), confidence=0.8, date="2025-08-04", date_basis="text")
    value = calibrated(event)
    assert 0.0 < value < 1.0
    if load_weights() is None:
        assert value == event.confidence


def test_a_reaction_to_an_attack_is_not_the_attack() -> None:
    assert "ASSAULT" not in _types("Peru expressed deep regret over the latest airstrikes on Chile.")
    assert "ASSAULT" not in _types("Peru voiced concern about the Chilean attacks on Bolivian ships.")
    assert "ASSAULT" in _types("Peru struck Chile over the border dispute.")


def test_holding_a_role_is_a_state_not_an_act() -> None:
    assert _types("The Peruvian army has served as the guarantor of the truce with Chile since 2019.") == []


def test_the_articles_description_of_a_person_wins_over_a_dictionary() -> None:
    request = only(events_of("UN Secretary-General Antonio Guterres urged Israel to halt the offensive."),
                   "REQUEST")
    assert request.source is not None and request.source.country not in ("PRT", None)


def test_a_capitalised_word_that_looks_like_a_nationality_is_none() -> None:
    from parley.actors import resolve_actor_text

    assert resolve_actor_text("Pole-sitter Max Verstappen") is None
    backed = resolve_actor_text("Iran-backed militia")
    assert backed is not None and backed.country == "IRN"


# -- issue 15: the right parties from the sentence's grammar ------------------------------------


def test_the_subject_of_a_reported_plan_acts_not_the_reporter() -> None:
    """ "X told Y that A and B are set to exchange": A and B exchange; the teller and the one told
    are no parties of it (the subject of a passive raising verb controls its infinitive)."""
    events = events_of("The Peruvian president told the Bolivian leader that Peru and Chile are set "
                       "to exchange 175 prisoners of war each on Wednesday.")
    assert events and {countries(e) for e in events} == {("PER", "CHL"), ("CHL", "PER")}
    urged = only(events_of("Chile was urged by Peru to withdraw its troops from the border."), "REQUEST")
    assert countries(urged) == ("PER", "CHL")


def test_calling_a_thing_something_is_no_appeal() -> None:
    assert _types("The Chilean envoy, meanwhile, called the talks “productive” in a post.") == []
    assert _types("Peru's foreign minister called the proposal a step toward peace.") == []
    assert "REQUEST" in _types("Peru's foreign minister called on Chile to release the prisoners.")


def test_parties_named_together_each_face_their_own_other_side() -> None:
    events = events_of("Peruvian and Chilean officials met in Quito on Friday. The head of the Peruvian "
                       "delegation confirmed that Peru and Chile would now share written proposals "
                       "for a possible ceasefire.")
    requests = [e for e in events if e.type == "REQUEST"]
    assert requests and all(e.source and e.target and e.source.country != e.target.country for e in requests)


def test_a_thing_acted_on_names_the_parties_it_concerns() -> None:
    """The parties of "cooperation with X" or "a proposal for X and Y" are the targets, not the
    government's own country nor the thing itself."""
    lifted = only(events_of("The Peruvian president lifted a restriction on defense cooperation with "
                            "Chile, in place since 1992."), "CONCEDE")
    assert countries(lifted) == ("PER", "CHL")
    proposal = events_of("Peru's president put forward a proposal for both Chile and Bolivia to refrain "
                         "from strikes on energy infrastructure for 30 days.")
    assert sorted(countries(e) for e in proposal if e.type == "REQUEST") == [("PER", "BOL"), ("PER", "CHL")]


def test_aircraft_fly_the_aerial_mode() -> None:
    jets = only(events_of("The news agency said that Chilean warplanes struck the Miraflores "
                          "neighbourhood in Lima's southern suburbs."), "ASSAULT")
    assert jets.mode == "aerial"


def test_strikes_suspended_are_a_ceasefire() -> None:
    halt = only(events_of("After a truce came into effect, the Bolivian rebels suspended strikes on Chile."),
                "RETREAT")
    assert halt.mode == "ceasefire" and countries(halt) == ("BOL", "CHL")


def test_an_aim_is_not_an_act() -> None:
    """What a mission or campaign is for has not happened: "joined the mission to defeat X"."""
    assert "ASSAULT" not in _types("Chilean officials said Bolivia joined the international coalition "
                                   "mission to defeat ISIS.")
    met = events_of("Peru's foreign minister met Chile's foreign minister in Lima on Monday to discuss "
                    "the border.")
    assert {e.modality for e in met if e.type == "CONSULT"} == {"asserted"}


def test_co_mediators_are_no_sides_of_their_mediation() -> None:
    events = events_of("Ecuador and Colombia mediated talks between Peru and Chile on Monday.")
    assert {countries(e) for e in events if e.type == "CONSULT" and e.mode == "third-party"} == {
        ("ECU", "PER"), ("ECU", "CHL"), ("COL", "PER"), ("COL", "CHL")}


def test_a_source_asking_not_to_be_named_appeals_to_no_one() -> None:
    events = events_of("A Bolivian official, who asked not to be named, told reporters that the rebels "
                       "had accepted the proposal.")
    assert "REQUEST" not in [e.type for e in events]


def test_a_demand_named_in_apposition_is_no_new_demand() -> None:
    assert "REQUEST" not in _types("The leaked plan required Chile to cede the territory it controls "
                                   "in Arica, a key Peruvian demand.")


def test_attacks_toward_a_country_strike_it_and_not_a_place_of_another_clause() -> None:
    toward = only(events_of("Claiming to act in solidarity with the Bolivians in Oruro, the Bolivian "
                            "rebels regularly launch missile and drone attacks toward Chilean "
                            "territory."), "ASSAULT")
    assert countries(toward) == ("BOL", "CHL")
    ships = events_of("The Bolivian rebels have escalated attacks against Chile during its war with "
                      "the Shining Path in Arica, repeatedly targeting commercial ships in the Pacific.")
    assert all(e.target is None or e.target.name != "Arica" for e in ships)


def test_a_toll_since_a_date_is_no_attack_by_unidentified_attackers() -> None:
    assert _types("More than 46,700 people have been killed in Arica since then, according to the "
                  "territory's health ministry.") == []
    assert "ASSAULT" in _types("Four people were killed in Arica on Tuesday.")


def test_what_an_appeal_aims_at_is_no_record() -> None:
    from parley.events.records import event_records

    events = event_records(events_of("Peru's prime minister called for immediate international action to "
                                     "compel Chile to abide by the truce and return to negotiations "
                                     "with Bolivia."))
    assert "CONSULT" not in [e.type for e in events] and "REQUEST" in [e.type for e in events]


def test_a_subject_pronoun_continues_the_last_sentences_subject() -> None:
    events = events_of("The Tupac Amaru Revolutionary Movement, which controls the valley, accused Chile of "
                       "unilaterally abandoning the truce agreement. It called on people across Andean "
                       "nations to protest, while another group accused Chile of sabotaging efforts.")
    appeal = only(events, "REQUEST")
    assert appeal.source is not None and appeal.source.country != "CHL"


def test_a_meeting_that_could_happen_has_not_happened() -> None:
    """The modal of the verb a named event happens by is the event's: "could happen" imagines
    the meeting, "will take place" plans it; "ended" reports it."""
    maybe = events_of("An aide said that another meeting between Peruvian President Juan Perez "
                      "and Chilean President Ana Soto could happen, but that it required more "
                      "progress.")
    assert maybe and all(e.modality == "hypothetical" for e in maybe if e.type == "CONSULT")
    planned = events_of("Talks between Peru and Chile will take place in Lima.")
    assert planned and all(e.modality == "planned" for e in planned if e.type == "CONSULT")
    held = events_of("The Peruvian president's meeting with Chile's president ended on Monday.")
    assert [e.modality for e in held if e.type == "CONSULT"] == ["asserted"]


def test_agreeing_to_stop_striking_is_the_truce_told_as_news() -> None:
    """ "agreed to halt strikes": the ceasefire is agreed (asserted, dated by the report); one
    that "will" be agreed or is planned stays planned."""
    agreed = events_of("State media reported that Peru's president agreed to order his army not "
                       "to strike Chile's power plants for 30 days.")
    truce = only(agreed, "RETREAT")
    assert truce.mode == "ceasefire" and truce.modality == "asserted" and truce.date is not None
    planned = events_of("Peru plans to declare a truce with Chile.")
    assert all(e.modality == "planned" for e in planned)


def test_a_request_someone_will_consider_is_no_request_of_theirs() -> None:
    considered = events_of("Peru's foreign minister said Peru would consider the request and is "
                           "willing to continue negotiations.")
    assert "REQUEST" not in [e.type for e in considered]
    assert "REQUEST" in _types("Chile requested talks with Peru on Monday.")


def test_parties_who_welcome_what_a_clause_says_do_not_support_each_other() -> None:
    """Co-subjects of a welcome are its sources, never each other's target, also where the
    parser hangs the welcomed thing under a participle clause."""
    events = events_of("In separate statements, Peru and Bolivia welcomed the pact expressing "
                       "hope that it would help secure trade in the region.")
    support = [e for e in events if e.type == "SUPPORT"]
    assert {e.source.country for e in support if e.source} == {"PER", "BOL"}
    assert all(e.target is None or e.target.country not in ("PER", "BOL") for e in support)
    # signing a pact together is still with each other
    signed = events_of("Peru and Chile signed a trade pact on Monday.")
    assert {countries(e) for e in signed} == {("PER", "CHL"), ("CHL", "PER")}


def test_the_brokers_of_talks_are_not_their_sides() -> None:
    events = events_of("The accord follows months of negotiations brokered by Peruvian and "
                       "Chilean mediators, with the backing of Brazil.")
    pairs = {countries(e) for e in events}
    assert ("PER", "CHL") not in pairs and ("CHL", "PER") not in pairs


def test_an_act_qualified_by_a_sector_is_no_actor() -> None:
    """ "renounced military confrontation": the confrontation is no military; a nation's act
    still names the nation, and sector words on people still make actors."""
    events = events_of("Bolivia and Paraguay have formally renounced military confrontation, "
                       "enshrining the decision in a declaration signed in Lima.")
    assert all(e.target is None or e.target.sector != "MIL" for e in events)
    assert all(e.target is None or e.target.name != "military confrontation" for e in events)
    condemned = only(events_of("Peru condemned the Chilean military strike on Arica."), "ACCUSE")
    assert countries(condemned) == ("PER", "CHL")
    met = only(events_of("Peruvian military officials met Chilean envoys in Lima."), "CONSULT")
    assert countries(met) == ("PER", "CHL") and met.source is not None and met.source.sector == "MIL"


def test_an_act_one_party_only_plans_takes_no_counterpart_from_the_article() -> None:
    """After a pair met, "Peru will receive them next week" or "Peru is expected to host
    another round" says with whom nothing is done yet; an act told as done still takes the
    other side of the pair."""
    opening = "Peruvian and Chilean officials met in Quito on Monday. "
    for plan in ("Peru will receive them next week.",
                 "Peru is expected to host another round of talks next month."):
        planned = [e for e in events_of(opening + plan) if e.modality == "planned"]
        assert planned and all(e.target is None for e in planned), plan
    done = events_of(opening + "Peru called for a new round of talks on Tuesday.")
    assert countries(only(done, "REQUEST")) == ("PER", "CHL")


# -- p15d: not an event, type and mode, dates --------------------------------------------------


def test_declining_to_comment_is_no_rejection() -> None:
    """A source that keeps details to itself rejects no one's proposal (CAMEO 12 rejects
    another party's act or request); refusing a meeting or a deal still is a rejection."""
    for text in ("Peru's foreign ministry declined to comment on the talks with Chile.",
                 "Peruvian President Ruiz refused to give details of his call with Chilean President Mora.",
                 "Mora said that Peru presented proposals on the border, and declined to share more "
                 "details about the conversation.",
                 "A Peruvian official, who declined to be named, said the talks went well."):
        assert "REJECT" not in _types(text), text
    assert "REJECT" in _types("Peru declined to sign the accord with Chile.")
    assert "REJECT" in _types("Peru refused to attend the summit in Chile.")


def test_a_photo_caption_tells_no_event() -> None:
    """Captions show a scene or restate the story in the present, closing with the photo's day
    or its credit; the same words as prose are an event."""
    assert _types("Chileans inspect the site of a Peruvian strike in Arica in northern Chile, "
                  "Wednesday, 15 January 2025.") == []
    assert _types("Peruvian President Ruiz (R) meets with Chilean envoy Mora (L) at the palace in "
                  "Lima, Peru, 02 December 2025. Photo: EPA/JUAN PEREZ") == []
    assert "CONSULT" in _types("Peruvian President Ruiz met Chilean envoy Mora in Lima on Tuesday.")
    assert "ASSAULT" in _types("Peruvian troops shelled Arica in northern Chile, 15 January 2025.")


def test_a_meeting_without_results_is_still_a_meeting() -> None:
    """The learned retyper does not overrule a noun the lexicon gives one category ("a
    meeting ... produced no tangible results" is a meeting, not a deal)."""
    events = events_of("A July meeting between Peruvian President Ruiz and Chilean President Mora "
                       "in Quito produced no tangible results.")
    assert {e.type for e in events} == {"CONSULT"}


def test_a_reaffirmed_commitment_is_support_not_a_new_pledge() -> None:
    """CAMEO 03 is a new intent to cooperate (PLOVER AGREE); restating a standing commitment
    endorses the policy (051, SUPPORT)."""
    restated = only(events_of("He reaffirmed Peru's commitment to backing Chile's reconstruction."),
                    "SUPPORT")
    assert restated.cameo == "051" and countries(restated) == ("PER", "CHL")
    assert _types("Peru pledged to back Chile's reconstruction.") == ["AGREE"]


def test_remaining_on_alert_is_a_state_not_a_mobilisation() -> None:
    assert "MOBILIZE" not in _types("The Peruvian army spokesman said Peruvian forces remain on high "
                                    "alert amid escalating violence in Chile.")
    assert "MOBILIZE" in _types("Peru put its troops on high alert along the border with Chile.")


def test_a_demand_in_apposition_is_no_request() -> None:
    """ "cede Tacna, a key Peruvian demand": whose demand a term was, not a demand made."""
    text = ("Peruvian President Ruiz met Chilean President Mora in Lima on Monday. The original plan "
            "that was leaked to the media required Chile to cede what territory it controls in Tacna, "
            "a key Peruvian demand to end the war.")
    assert "REQUEST" not in _types(text)
    assert "REJECT" in _types("Peru rejected Chile's demand to withdraw troops from Tacna.")


def test_addressing_an_audience_while_speaking_is_no_event() -> None:
    """ "X said during his opening speech, addressing delegations from Y and Z": the participle
    tells how the statement was made; the dictionary's "address" codes no act of its own."""
    text = ("Peruvian Foreign Minister Luis Ruiz described the talks between Chile and Bolivia as an "
            "important day for world peace. Earlier in the day, Ruiz chaired the talks, which took "
            "place at Lima's historic Palacio Torre, according to the Peruvian Foreign Ministry.\n"
            '"We must seize this opportunity to advance on the path to peace. Every day of delay '
            'causes more losses of life," Ruiz said during his opening speech, addressing delegations '
            "from both Chile and Bolivia, as well as Peruvian mediators.")
    assert "AGREE" not in _types(text)


def test_a_reported_event_takes_its_own_day_where_the_article_tells_it() -> None:
    """ "announced Saturday that an airstrike killed ...": Saturday is the report's day; the
    article's "was killed Thursday when warplanes struck" dates the strike. With no other day
    told, the report's day stands (the news convention)."""
    text = ("The Chilean rebels announced Saturday that a Peruvian airstrike killed the prime "
            "minister of their government in Arica.\n\nThe prime minister was killed Thursday when "
            "Peruvian warplanes struck a building in Arica, earlier this week, the rebels said.")
    strikes = [e for e in events_of(text) if e.type == "ASSAULT"]
    assert strikes and {e.date for e in strikes} == {"2025-07-31"}
    agreed = events_of("Chile's foreign minister said Wednesday that Peru and Bolivia had agreed to "
                       "a ceasefire starting on Sunday.")
    assert {e.date for e in agreed if e.type == "AGREE"} == {"2025-07-30"}


def test_what_a_deal_will_do_is_no_act_of_a_party() -> None:
    """ "it will connect Chile with its exclave": the dictionary's wide verb with a thing for
    subject (the deal) codes no AGREE of whoever "it" would resolve to."""
    text = ("Peruvian President Ruiz and Chilean President Mora signed a corridor deal in Lima on "
            "Monday. According to Ruiz, it will connect Chile with its northern exclave while fully "
            "respecting Bolivia's sovereignty.")
    assert "AGREE" not in _types(text)
    assert "SUPPORT" in _types(text)
    done = ("Peru and Chile signed the accord in Lima on Monday. A Chilean official said that it has "
            "approved the draft from the mediators in Lima.")
    assert "CONCEDE" in _types(done)  # an act told as done by "it" is the party's


def test_a_condemnation_of_an_attack_is_aimed_at_the_attacker() -> None:
    """A reaction is the reactor's act (not a second attack): "condemned the strike", after the
    article told who struck, is aimed at the attacker; with no attacker told, at no one."""
    text = ("A Chilean strike on south Lima on Tuesday killed four people, the Peruvian army said. "
            "Peruvian President Ruiz condemned the strike and called on his country's allies to "
            'support "our right to full sovereignty."')
    events = events_of(text)
    reaction = only(events, "ACCUSE")
    assert countries(reaction) == ("PER", "CHL")
    assert [countries(e) for e in events if e.type == "ASSAULT"] == [("CHL", "PER")]
    alone = only(events_of("Peruvian President Ruiz condemned the strike."), "ACCUSE")
    assert alone.target is None


def test_what_a_topic_of_talks_was_is_no_event() -> None:
    """ "Another point of discussion was a possible meeting between X and Y": a topic of the
    talks, not an intent to meet of either; a meeting the talks led to is one."""
    lead = "Peruvian and Chilean officials met in Lima on Monday. "
    topic = [e for e in events_of(lead + "Another point of discussion was a possible meeting between "
                                  "Peruvian President Ruiz and Chilean President Mora.")
             if e.sentence_start > 0]
    assert topic == []
    result = events_of("The main result of the talks was a meeting between Peruvian President Ruiz "
                       "and Chilean President Mora.")
    assert "CONSULT" in [e.type for e in result]


def test_an_obligation_the_speaker_takes_on_is_an_intent_not_a_demand() -> None:
    """ "we have to help Chile": the speaker's side commits itself (CAMEO 033, AGREE); "Chile
    must withdraw" is a demand on Chile."""
    own = only(events_of('"We have to get this done, we have to help Chile," Peruvian President '
                         "Ruiz emphasized."), "AGREE")
    assert own.cameo == "033" and countries(own) == ("PER", "CHL")
    demand = only(events_of("Peruvian President Ruiz said Chile must withdraw its troops from Tacna."),
                  "REQUEST")
    assert countries(demand) == ("PER", "CHL")


def test_respite_from_war_is_no_threat() -> None:
    """ "the truce ..., offering respite from war": the war is what relief is from, not a war
    anyone threatens; a threat of war still is one."""
    text = ("Peru and Chile each accused the other of breaching the truce, which had broadly held "
            "since January, offering respite from war for the 2 million inhabitants of Arica.")
    assert sorted(set(_types(text))) == ["ACCUSE"]
    assert "THREATEN" in _types("Peru threatened war on Chile.")


def test_refusing_to_answer_a_party_is_a_rejection_declining_to_comment_is_not() -> None:
    assert "REJECT" in _types("Peru refused to respond to a demand from the Chilean president.")
    assert "REJECT" not in _types("Peru's foreign ministry declined to comment on the report.")


def test_an_act_named_by_the_object_of_a_future_verb_is_planned() -> None:
    """ "would now share written proposals": the modal of the verb whose subject makes the
    proposal is the proposal's; a proposal someone else will reject was made already."""
    shared = [e for e in events_of("The Peruvian envoy confirmed that Peru and Chile would now share "
                                   "written proposals for a possible truce.") if e.type == "REQUEST"]
    assert shared and all(e.modality == "planned" and e.date is None for e in shared)
    told = [e for e in events_of("The Peruvian envoy confirmed that Peru and Chile shared written "
                                 "proposals for a possible truce.") if e.type == "REQUEST"]
    assert told and all(e.modality == "asserted" for e in told)
    assert [e.modality for e in events_of("Peru could submit a request for a truce.")
            if e.type == "REQUEST"] == ["hypothetical"]
    assert [(e.type, e.modality) for e in events_of("Chile will reject Peru's proposal for a truce.")] == [
        ("REJECT", "planned")]


def test_an_agreement_named_by_its_content_is_coded_as_that_act_agreed() -> None:
    """ "reached a ceasefire agreement", "an agreement on a truce": a truce agreed, coded as
    "agreed to a ceasefire" is (CAMEO 0356); a deal of no act's name stays a bare agreement."""
    codes = {e.cameo for text in (
        "Chile and Bolivia reached a ceasefire agreement on Monday.",
        "Chile and Bolivia reached an agreement on a truce on Monday.",
        "Chile and Bolivia agreed to a ceasefire on Monday.") for e in events_of(text) if e.type == "AGREE"}
    assert codes == {"0356"}
    bare = events_of("Chile and Bolivia reached an agreement on Monday.")
    assert {e.cameo for e in bare if e.type == "AGREE"} == {"030"}


def test_a_habit_is_an_event_of_no_one_day() -> None:
    """ "bombers regularly used by Chile to launch missiles at Peru", "have been repeatedly
    launching drones": what a party does as a rule or again and again stays an event (gold sets
    code habits) but takes no day of the article; an act told as news still does."""
    text = ("Peru's intelligence service carried out a drone attack on four Chilean airfields on "
            "Sunday. The Tu-95 is a heavy bomber regularly used by Chile to launch missiles at Peru.")
    habit = [e for e in events_of(text) if e.type == "ASSAULT" and countries(e) == ("CHL", "PER")]
    assert habit and all(e.date is None for e in habit)
    series = [e for e in events_of("The rebels have been repeatedly launching drones toward "
                                   "Chilean territory.") if e.type == "ASSAULT"]
    assert series and all(e.date is None for e in series)
    news = [e for e in events_of("Chilean jets struck Peru, officials said.") if e.type == "ASSAULT"]
    assert news and all(e.date is not None for e in news)


def test_history_dated_only_by_a_year_is_no_record() -> None:
    """ "the talks capped negotiations that began in 2023, after Lima established control over
    Tacna": a background event dated only by its year is history the article recalls; one its
    text dates to a month stays a record."""
    from parley.events.records import event_records

    history = event_records(events_of("In 2023, Peru and Chile held talks in Lima, the "
                                      "ministry recalled."))
    assert not [e for e in history if e.date is not None and len(e.date) == 4]
    month = event_records(events_of("Peru and Chile held talks in Lima in March 2023."))
    assert [e for e in month if e.type == "CONSULT" and e.date == "2023-03"]


def test_support_of_an_initiative_told_before_is_support_of_its_proposer() -> None:
    """ "said it would support the initiative" after "Peru proposed a truce to Chile": the plan
    named by a definite noun is the proposal told before, and the support is of its proposer."""
    events = events_of("Peru's president proposed a 30-day truce to Chile on Monday. Bolivia said "
                       "it would support the initiative.")
    assert [countries(e) for e in events if e.type == "SUPPORT"] == [("BOL", "PER")]


def test_acts_coordinated_under_a_commitment_are_committed_to() -> None:
    """ "commit to cease all fighting, resume trade ... and respect ...": the parser hangs the
    later bare infinitives on "commit", but they are what is committed to, not acts done."""
    text = ("“Peru and Chile commit to cease all fighting forever, resume trade, travel, and "
            "diplomatic relations, and respect each other's sovereignty,” the president said.")
    assert set(_types(text)) == {"AGREE"}
    # a finite verb coordinated with the frame is its own act: refusing is not urging
    assert _types("Peru refused to meet Chile and urged Bolivia to act.") == ["REJECT", "REQUEST"]


def test_approving_an_attack_is_having_it_done_not_yielding() -> None:
    """ "approved the attacks on X": the approver causes the attack (CAMEO 18-20 under a cause
    frame), it concedes nothing; approving a request or a deal keeps its own reading."""
    events = events_of("Peru's defence minister approved the strike on Chilean positions.")
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].modality == "planned" and countries(events[0]) == ("PER", "CHL")
    assert "ASSAULT" not in _types("Peru's congress approved the trade agreement with Chile.")


def test_releasing_a_document_is_no_release_of_people() -> None:
    """ "released a summary of a call ... to X", "a statement released by X": the released
    thing is a document, not the people a preposition names beside it (CAMEO 0841 releases
    persons); releasing captives stays a release."""
    assert _types("Last week the Chilean government released a summary of a phone call made by "
                  "President Mora late last July to Peruvian President Ruiz.") == []
    assert "RETREAT" not in _types("According to a statement released by the Peruvian president's "
                                   "office, the talks ended.")
    freed = only(events_of("Chilean forces released 20 Peruvian soldiers on Monday."), "RETREAT")
    assert freed.mode == "release" and countries(freed) == ("CHL", "PER")


def test_an_obligation_of_no_other_party_is_no_demand() -> None:
    """ "said the gun laws should be changed", "we need to pray", "said Peru must leave" (by
    Peru's president): an opinion or one's own course, not a demand on another party; "said
    Chile must hand over the suspects" is one."""
    assert _types("Peruvian President Ruiz said at a press conference yesterday the gun laws "
                  "should be changed.") == []
    assert _types("Chilean archbishop Mora said: We need to pray so that life is stronger.") == []
    assert _types("Peruvian President Ruiz has repeatedly stated that Peru must leave the union "
                  "by that date.") == []
    demand = only(events_of("Peruvian President Ruiz said Chile must hand over the suspects."), "REQUEST")
    assert countries(demand) == ("PER", "CHL")


def test_leaving_or_going_home_is_no_visit() -> None:
    """Leaving a country is no consultation (PETRARCH2 files bare "leave" with travel to meet);
    troops leaving it withdraw; going back to one's own country is no visit."""
    withdrawal = only(events_of("Chilean President Mora announced Chilean troops would be leaving "
                                "Peru."), "RETREAT")
    assert countries(withdrawal) == ("CHL", "PER")
    assert "CONSULT" not in _types("Chilean President Mora said Chile intends to leave the Andean "
                                   "Community by the end of January.")
    assert _types("The Peruvian diplomat left Chile and returned to Peru.") == []
    visit = only(events_of("The Peruvian president returned to Chile for talks on Monday."), "CONSULT")
    assert countries(visit) == ("PER", "CHL")


def test_a_message_on_a_platform_is_its_posters() -> None:
    """ "posted a message on Twitter blaming Peru": the participle describes the message, so the
    poster accuses; the platform the parser hung it on is no actor."""
    accusation = only(events_of("Chilean Foreign Minister Mora posted a message on Twitter blaming "
                                "Peru for the attacks."), "ACCUSE")
    assert accusation.source is not None and accusation.source.name == "Mora"
    assert countries(accusation) == ("CHL", "PER")


def test_the_place_a_statement_was_made_is_no_target() -> None:
    """ "Speaking on state television in Peru, the rebel spokesman said they had carried out the
    attack": the participle tells where the speaker spoke, not where the attack struck."""
    events = events_of("Speaking on state television in Peru, rebel spokesman Ruiz said they had "
                       "carried out the attack using ten drones.")
    assert not [e for e in events if e.target is not None and e.target.country == "PER"]


def test_a_coordinated_clause_keeps_its_own_subject() -> None:
    """ "said troops had defeated the rebels and Peru would be moving into Bolivia": the parser
    joins "Peru" to the object of "defeated"; it is the subject of "would be moving"."""
    events = events_of("The statement also said Chilean troops had defeated ISIS and Peru would be "
                       "moving into northern Bolivia.")
    assert not [e for e in events if e.target is not None and e.target.country == "PER"]
    assert [countries(e) for e in events if e.type == "THREATEN"] == [("PER", "BOL")]


def test_a_relative_clause_with_its_own_subject_is_that_subjects_act() -> None:
    """ "fighters which, the statement said, Peruvian officials have refused to repatriate": the
    officials refuse; the relative pronoun is the object, not the fighters acting."""
    refusal = only(events_of("Chile would also take over guarding captured ISIS fighters which, the "
                             "statement said, Peruvian officials have refused to repatriate."), "REJECT")
    assert refusal.source is not None and refusal.source.country == "PER"
    assert "fighters" not in refusal.source.name


def test_a_place_is_no_recipient_of_thanks_and_a_captured_group_no_attack() -> None:
    """Thanks go to people, not to the place where what they are thanked for happened; an
    adjectival participle ("guarding captured militants") tells no attack."""
    thanks = events_of("Peruvian President Ruiz thanked the emergency services responding to the "
                       "incident in Tacna.")
    assert not [e for e in thanks if e.target is not None]
    assert countries(only(events_of("Peruvian President Ruiz thanked Chile for its help."),
                          "SUPPORT")) == ("PER", "CHL")
    sent = next(iter(parse("The Chilean statement spoke of Bolivia assuming the duty of guarding "
                           "captured ISIS militants.").sents))
    assert not [p for p in category_protos(sent, Prediction("ASSAULT", 0.3, 0.6), load_lexicon())
                if p.trigger.lower_ == "captured"]


def test_an_arranged_meeting_is_not_yet_held() -> None:
    """ "worked to arrange a meeting between X and Y": arranging plans the meeting (like
    "schedule"); no meeting held is told."""
    events = events_of("The envoy also worked to arrange a meeting between Peruvian President Ruiz and "
                       "Chilean President Mora.")
    assert not [e for e in events if e.type == "CONSULT" and e.modality == "asserted"]
    # the planned meeting is still between the two it names, not the arranger's
    assert {countries(e) for e in events if e.type == "CONSULT"} <= {("PER", "CHL"), ("CHL", "PER")}


def test_a_rally_that_is_only_the_setting_of_another_act_is_not_joined() -> None:
    """ "touts his record in political rallies", "police fired tear gas at a rally": the verb's
    subject does not protest; "took part in a rally against X" does."""
    assert "PROTEST" not in _types("Peruvian President Ruiz touts these operations in political rallies.")
    assert not [e for e in events_of("Police fired tear gas at a rally against Peruvian President Ruiz "
                                     "in Lima.") if e.type == "PROTEST" and e.source is not None
                and e.source.name == "Police"]
    joined = only(events_of("Thousands of people took part in a rally against Peruvian President Ruiz "
                            "in Lima."), "PROTEST")
    assert joined.target is not None and joined.target.name == "Ruiz"


def test_a_thing_that_acts_in_a_reported_clause_is_not_the_speaker() -> None:
    """ "said the law has condemned many women": the law condemns; the model's category is not
    given to the speaker in its place."""
    assert "ACCUSE" not in _types("Peruvian President Ruiz said the law has condemned many women "
                                  "to poverty.")


def test_a_vow_to_answer_any_attack_is_a_threat_not_an_agreement() -> None:
    """ "vowed to respond to any Chilean attack": a promise to answer force is a conditional
    threat of force against whoever would attack (CAMEO 138), no intent to cooperate with an
    attack; the attack itself, "any" one, happened nowhere."""
    events = events_of("Peru vowed to respond to any Chilean attack.")
    assert [e.type for e in events] == ["THREATEN"]
    assert events[0].cameo == "138" and countries(events[0]) == ("PER", "CHL")
    assert events[0].target is not None and events[0].target.name == "Chile"
    warned = events_of("Peru warned that it would respond to any attack by Chile.")
    assert [(e.type, countries(e)) for e in warned] == [("THREATEN", ("PER", "CHL"))]
    # a pledge to answer a request stays a commitment
    assert _types("Peru pledged to respond to Chile's request.") == ["AGREE"]


def test_an_agreement_of_two_sides_is_an_agreement_whatever_it_ends() -> None:
    """ "Peru and Chile agreed to end the ceasefire": two parties agreeing together, on no one
    else, agree with each other (AGREE); a threat needs someone threatened."""
    events = events_of("Peru and Chile agreed to end the ceasefire.")
    assert {(e.type, countries(e)) for e in events} == {("AGREE", ("PER", "CHL")), ("AGREE", ("CHL", "PER"))}
    against = events_of("Peru and Chile agreed to attack Bolivia.")
    assert {(e.type, countries(e)) for e in against} == {("THREATEN", ("PER", "BOL")),
                                                          ("THREATEN", ("CHL", "BOL"))}


def test_vehicles_and_buildings_are_no_parties_of_a_visit() -> None:
    """A helicopter that flies a president somewhere visits no one (the traveller is its
    object); a trip to a base or a hospital is a visit to the country it stands in, none at
    home; a seat of government ("the White House") is still its government."""
    assert _types("Yesterday afternoon Marine One landed on the White House's South Lawn flying the "
                  "president to the Walter Reed Medical Center in Bethesda, Maryland.") == []
    abroad = events_of("President Donald Trump flew to Ramstein Air Base in Germany on Friday.")
    assert [(e.type, countries(e)) for e in abroad] == [("CONSULT", ("USA", "DEU"))]
    assert abroad[0].target is not None and abroad[0].target.name == "Germany"
    seat = events_of("The Chilean president visited the White House on Friday.")
    assert [(e.type, countries(e)) for e in seat] == [("CONSULT", ("CHL", "USA"))]
    assert events_of("Peru's president flew to Chile on Friday.")[0].type == "CONSULT"


def test_a_conditional_preposition_supposes_the_act() -> None:
    """ "in the event of a Chilean attack", "in case of war": what follows the preposition is
    supposed, no act; what would follow it is threatened, not done."""
    events = events_of("In the event of a Chilean attack, Peru would respond militarily.")
    assert [e.type for e in events] == ["THREATEN"] and countries(events[0])[0] == "PER"
    struck = events_of("Peru threatened to strike back in case of a Chilean attack.")
    assert [(e.type, countries(e)) for e in struck] == [("THREATEN", ("PER", "CHL"))]
    assert struck[0].target is not None and struck[0].target.name == "Chile"
    assert _types("In case of war, Peru would mobilize its army.") == ["THREATEN"]
    assert [(e.type, countries(e)) for e in events_of("Peru will impose sanctions on Chile if it does "
                                                      "not withdraw.")] == [("THREATEN", ("PER", "CHL"))]
    # told as done, they are the acts themselves
    assert _types("Peru imposed sanctions on Chile.") == ["SANCTION"]


def test_counterfactuals_and_inverted_conditions_are_no_acts() -> None:
    """ "would have attacked" did not happen; "Had/Were/Should X ..." opens a condition as "if"
    does, so what it supposes is no act and what would follow it is threatened, not done."""
    assert _types("Had the talks failed, Peru would have attacked Chile.") == []
    assert _types("Peru would have attacked Chile had the talks failed.") == []
    assert _types("Were Chile to attack, Peru would respond with force.") == ["THREATEN"]
    assert _types("Should Chile attack, Peru will respond with force.") == ["THREATEN"]
    assert "ASSAULT" not in _types("Had Chile attacked, Peru would have responded.")
    # a past perfect told as fact is still an act
    assert "ASSAULT" in _types("Chilean troops had attacked a Peruvian border post before the talks.")


def test_a_warning_of_what_another_would_do_is_no_threat() -> None:
    """ "warned of a possible Chilean attack": the one who warns threatens no one, and the
    attack is only foreseen; warning the would-be actor ("warned Iran against attacking") or
    of one's own force is a threat."""
    assert _types("Peru warned of a possible Chilean attack.") == []
    assert _types("Peru warned that Chile would attack its ships.") == []
    assert [(e.type, countries(e)) for e in events_of("The US warned Iran against attacking "
                                                      "shipping.")] == [("THREATEN", ("USA", "IRN"))]
    assert _types("Peru warned Chile of serious consequences.") == ["THREATEN"]


def test_an_attack_judged_likely_or_imminent_is_foreseen_not_done() -> None:
    """An event noun whose predicate is an adjective of expectation or belief ("was unlikely",
    "is imminent") is not told as happening; other predicates ("was brutal") keep it."""
    for text in ("Peru said an attack by Chile was unlikely.", "Peru said a Chilean attack was imminent.",
                 "Peru said an attack by Chile was likely."):
        assert "ASSAULT" not in _types(text), text
    assert "ASSAULT" in _types("The attack by Chile on Peruvian troops was brutal, Peru said.")


def test_what_a_party_stops_short_of_is_not_done() -> None:
    assert "ASSAULT" not in _types("Peru stopped short of attacking Chile.")
    assert "ASSAULT" not in _types("Peru stopped short of an attack on Chile.")


@pytest.mark.parametrize("text", [
    "Peru gave Chile until Friday to withdraw its troops.",
    "Peru gave Chile two days to withdraw its troops.",
])
def test_time_given_to_a_party_to_act_is_an_ultimatum(text: str) -> None:
    """A limit of time given to a party to do something is a final demand (CAMEO 139), not
    an agreement with it."""
    coded = [(e.type, e.cameo, e.target.country if e.target else None) for e in events_of(text)]
    assert ("THREATEN", "139", "CHL") in coded
    assert not [t for t, _, _ in coded if t in ("AGREE", "AID", "CONCEDE")]


def test_aid_given_with_a_time_is_no_ultimatum() -> None:
    assert [e.type for e in events_of("Peru gave Chile aid until Friday.")] == ["AID"]
