"""Who acts in wire sentences: the parties of an event placed by what the sentence says of
them (a possessive pronoun, a common noun for a country), never by where it happened.
Invented sentences."""

from __future__ import annotations

from parley.actors import resolve_actor_text
from parley.events.places import geocode

from .test_events import countries, events_of


def test_a_place_a_passive_act_happened_in_is_not_its_agent() -> None:
    """ "were killed in the Peruvian village of Tambo" tells where, not by whom; "in an attack by
    Bolivian rebels" tells by whom."""
    for event in events_of("Four people were killed in the Peruvian village of Tambo on Saturday."):
        assert event.source is None or event.source.name != "Peru", event
    killed = events_of("A Chilean soldier was killed in an attack by Bolivian rebels on Monday.")
    [attack] = [e for e in killed if e.type == "ASSAULT"]
    assert countries(attack) == ("BOL", "CHL")


def test_his_government_is_the_speakers() -> None:
    """A speaker known by title only is whoever the writer's "his" stands for: "Uruguay's
    president said his government would not recognize the new authorities in Bolivia"."""
    [event] = events_of("Uruguay's president said his government would not recognize the new "
                        "authorities in Bolivia.")
    assert countries(event) == ("URY", "BOL")


def test_a_country_named_by_a_common_noun() -> None:
    """ "his country", "the country": the country the pronoun or the text before names; not
    "his country's allies", who are others."""
    [owned] = events_of("Peru's foreign minister said his country would recall its ambassador from Chile.")
    assert countries(owned) == ("PER", "CHL")
    [told] = events_of("Peru said the country would recall its ambassador from Chile.")
    assert countries(told) == ("PER", "CHL")
    for event in events_of("The Peruvian president called on his country's allies to support Lima."):
        assert event.target is None or event.target.name != "his country", event


def test_a_measure_at_home_falls_on_the_country_that_takes_it() -> None:
    """ "Chile lifted the curfew", "Peru banned all demonstrations": with no recipient named, a
    government's measure at home is on its own country, even when the country itself is named
    as the one who takes it."""
    [lifted] = events_of("Chile lifted the curfew on Monday.")
    assert countries(lifted) == ("CHL", "CHL") and lifted.type == "RETREAT"
    [banned] = events_of("Peru banned all demonstrations on Monday.")
    assert countries(banned) == ("PER", "PER") and banned.type == "COERCE"


def test_a_compass_word_names_a_part_of_a_place() -> None:
    """ "a town in Western Ecuador" is Ecuador's ("Western Ecuador" is no person's name);
    "Southern Peru" is a place in Peru; "Troops stationed on the border with Peru" are not Peru's."""
    [taken] = events_of("Peruvian forces captured a town in Western Ecuador on Monday.")
    assert countries(taken) == ("PER", "ECU")
    place = geocode("Southern Peru")
    assert place is not None and place.country == "PER"
    for event in events_of("Ecuador's defense minister visited troops stationed on the border with Peru."):
        assert event.target is None or event.target.country != "PER", event


def test_what_is_released_or_ended_is_no_party() -> None:
    """ "released a report" frees no one; "after the end of the Peruvian civil war" no war acts,
    and the clause's subject did not end it; "a letter from the United Nations urging" is the
    United Nations' appeal, not its recipient's."""
    assert not events_of("The Chilean government released a report on the economy on Monday.")
    [freed] = events_of("Argentina released 40 Chilean prisoners on Monday.")
    assert countries(freed) == ("ARG", "CHL")
    assert not events_of("A decade after the end of the Peruvian civil war, the United Nations mission "
                         "is seeking more time.")
    [urged] = [e for e in events_of("Peru received a letter from Chile demanding the return of the boats.")
               if e.type == "REQUEST"]
    assert urged.source is not None and urged.source.country == "CHL"


def test_who_orders_an_act_named_by_a_noun_does_it() -> None:
    """ "Chile's Supreme Court ordered the arrest of a former Bolivian minister": the court
    arrests (CAMEO 173); the ordered act is no party told to act, and an order is no mere intent."""
    [arrest] = events_of("Chile's Supreme Court ordered the arrest of a former Bolivian minister.")
    assert countries(arrest) == ("CHL", "BOL") and arrest.cameo == "173"


def test_parties_named_by_title_and_by_coordinated_countries() -> None:
    """ "his Chilean counterpart Eduardo Frei in Buenos Aires" is Chile's, not the city's;
    "Officials from Peru and Bolivia met" are two sides meeting each other."""
    [met] = events_of("Argentine President Carlos Menem met with his Chilean counterpart Eduardo Frei "
                      "in Buenos Aires.")
    assert countries(met) == ("ARG", "CHL")
    pairs = {countries(e) for e in events_of("Officials from Peru and Bolivia met in Lima to discuss the "
                                             "gas pipeline.") if e.type == "CONSULT"}
    assert pairs == {("PER", "BOL"), ("BOL", "PER")}


def test_an_accord_on_a_dispute_is_with_the_other_side() -> None:
    """ "accepted a formula for ending its fishing dispute with Chile": towards Chile; a plan for
    a dispute "between Peru and Ecuador" rejected by Ecuador is Peru's side."""
    [accepted] = events_of("Peru accepted a formula for ending its fishing dispute with Chile.")
    assert countries(accepted) == ("PER", "CHL")
    [rejected] = events_of("Ecuador rejected a plan to settle the border dispute between Peru and Ecuador.")
    assert countries(rejected) == ("ECU", "PER")


def test_an_abbreviated_country_before_a_participle_places_the_actor() -> None:
    """ "U.S.-led forces" are placed like "US-led forces"."""
    match = resolve_actor_text("U.S.-led forces")
    assert match is not None and match.country == "USA"


def test_a_subject_the_parser_joined_to_a_fronted_phrase() -> None:
    """ "After a meeting on Monday, Chile and Bolivia signed a trade agreement": the parser may
    read "Monday, Chile and Bolivia" as one list; the names after the comma are the subject."""
    signed = {countries(e) for e in events_of("After a meeting on Monday, Chile and Bolivia signed a trade "
                                              "agreement.") if e.type == "SUPPORT"}
    assert signed == {("CHL", "BOL"), ("BOL", "CHL")}


def test_a_show_of_force_on_a_border_faces_the_country_beyond() -> None:
    """ "put its troops on full alert along the border with Ecuador": towards Ecuador."""
    [alert] = events_of("Peru has put its troops on full alert along the border with Ecuador.")
    assert countries(alert) == ("PER", "ECU") and alert.type == "MOBILIZE"


def test_where_support_or_a_threat_was_stated_is_no_recipient() -> None:
    """ "threatened in Brussels to withdraw", "voiced support at a conference in Geneva": the
    venue is not threatened or supported; "vowed to fight on in the villages near the border
    with Bolivia" is aimed there."""
    for text in ("Bolivia threatened in Brussels to withdraw from the talks.",
                 "Peru voiced support for the peace plan at a conference in Geneva."):
        for event in events_of(text):
            assert event.target is None or event.target.country not in ("BEL", "CHE"), event
    [vow] = events_of("The rebels vowed to fight on in the villages near the border with Bolivia.")
    assert vow.target is not None and vow.target.country == "BOL"


def test_each_country_named_together_in_a_target_phrase_is_a_target() -> None:
    """ "welcomed the resumption of ties with Peru, Chile and Ecuador", "praised the renewal of
    talks between Chile and Bolivia": one event per country named together, not only the first;
    an owner before the noun still places the phrase ("Peru's talks with ...")."""
    welcomed = events_of("Bolivia welcomed the resumption of trade ties with Peru, Chile and Ecuador.")
    assert {countries(e) for e in welcomed if e.type == "SUPPORT"} == {
        ("BOL", "PER"), ("BOL", "CHL"), ("BOL", "ECU")}
    praised = events_of("Uruguay praised the renewal of talks between Chile and Bolivia.")
    assert {countries(e) for e in praised if e.type == "SUPPORT"} == {("URY", "CHL"), ("URY", "BOL")}


def test_a_phrase_after_nouns_named_together_is_all_of_theirs() -> None:
    """ "launched air strikes and artillery attacks against Bolivia": the "against" phrase hangs
    on the last noun, and tells whom the first one's event is on too."""
    launched = events_of("Peru launched air strikes and artillery attacks against Bolivia.")
    assert launched and all(countries(e) == ("PER", "BOL") for e in launched), launched
    # the parser cuts "a bombing and shelling campaign" at its "and" into a second verb
    campaign = events_of("Peru launched a bombing and shelling campaign against Bolivia.")
    assert campaign and all(countries(e) == ("PER", "BOL") for e in campaign), campaign


def test_a_described_country_in_a_list_is_one_of_its_parties() -> None:
    """ "Venezuela, the impoverished Guyana, and Peru": the parser hangs the described country on
    the first as an apposition; it is a party of the list all the same (as the object too), while
    "Lima, Peru" stays one place."""
    condemned = events_of("Chile condemned Venezuela, the impoverished Guyana, and Peru.")
    assert {countries(e) for e in condemned} == {("CHL", "VEN"), ("CHL", "GUY"), ("CHL", "PER")}
    accused = events_of("Venezuela, the impoverished Guyana, and Peru condemned Chile.")
    assert {countries(e) for e in accused} == {("VEN", "CHL"), ("GUY", "CHL"), ("PER", "CHL")}


def test_a_thing_is_of_who_made_it() -> None:
    """ "welcomed the proposal made by Chile", "rejected the plan put forward by Bolivia": the
    agent of a participle after the thing is whose it is, as "an offer from Chile" is."""
    [welcomed] = events_of("Peru welcomed the proposal made by Chile.")
    assert countries(welcomed) == ("PER", "CHL")
    [rejected] = events_of("Peru rejected the plan put forward by Bolivia.")
    assert countries(rejected) == ("PER", "BOL")
    [hung] = events_of("Bolivia welcomed messages from Chile.")  # the "from" hung on the verb
    assert countries(hung) == ("BOL", "CHL")


def test_a_sentence_starting_with_an_adjective_before_a_country() -> None:
    """ "Impoverished Haiti asked Peru for aid": the first word is capitalised by its place, and
    the parser takes the two words for a person; an adjective's ending tells a description of
    the country, while "Kim Jordan" stays a person of no known country."""
    [asked] = events_of("Impoverished Haiti asked Peru for aid.")
    assert countries(asked) == ("HTI", "PER")
    [condemned] = events_of("Landlocked Bolivia condemned the attack by Chile.")
    assert countries(condemned) == ("BOL", "CHL")
    [visited] = events_of("Kim Jordan visited Peru.")
    assert visited.source is not None and visited.source.country is None


def test_an_appeal_for_a_state_of_things_somewhere_is_to_that_country() -> None:
    """ "appealed for stability in Bolivia": what is appealed for names where, and so to whom."""
    [appealed] = events_of("Chile appealed for stability in Bolivia on Monday.")
    assert countries(appealed) == ("CHL", "BOL") and appealed.type == "REQUEST"


def test_a_deal_welcomed_with_a_party_the_parser_hung_on_the_verb() -> None:
    """ "Chile and Peru welcomed the deal with Bolivia": the parser hangs "with Bolivia" on the
    verb; the deal is welcomed (support of Bolivia), no host welcoming a visitor, while "welcomed
    the Peruvian president with a ceremony" still is one."""
    welcomed = events_of("Chile and Peru welcomed the deal with Bolivia.")
    assert {(e.type, countries(e)) for e in welcomed} == {
        ("SUPPORT", ("CHL", "BOL")), ("SUPPORT", ("PER", "BOL"))}
    [hosted] = events_of("Chile welcomed the Peruvian president with a ceremony.")
    assert hosted.type == "CONSULT" and countries(hosted) == ("CHL", "PER")


def test_an_attack_told_by_its_weapon_is_by_unidentified_attackers() -> None:
    """ "A roadside bomb killed two Chilean soldiers in Lima": no attacker named, the weapon is
    the subject; the attackers are unidentified, of the country where it struck (never of the
    victims' country alone: soldiers die abroad). A weapon with an owner ("a Chilean missile")
    is the owner's; a toll since a date is no attack of its own."""
    [bomb] = events_of("A roadside bomb killed two Chilean soldiers in Lima on Monday.")
    assert countries(bomb) == ("PER", "CHL") and bomb.type == "ASSAULT"
    assert bomb.source is not None and bomb.source.sector == "UAF"
    for event in events_of("A roadside bomb killed two Chilean soldiers on Monday."):
        assert event.source is None or event.source.country != "CHL", event
    [owned] = events_of("A Chilean missile killed two Peruvian soldiers on Monday.")
    assert countries(owned) == ("CHL", "PER")
    assert events_of("More than 400 people have been killed by mines since 1990.") == []


def test_a_bare_weekday_is_when_never_who() -> None:
    """Wire style drops "on" before a weekday: "arrived in Lima Sunday" (the parser glues the
    place to the day) is a visit to Lima; "marched on Monday" marches on no one."""
    [visit] = events_of("Bolivian President Carlos Mesa arrived in Lima Sunday for a three-day "
                        "official visit.")
    assert countries(visit) == ("BOL", "PER") and visit.type == "CONSULT"
    for event in events_of("Striking workers marched on Monday to demand higher wages."):
        assert event.target is None or event.target.name != "Monday", event


def test_people_a_state_arrests_charges_or_frees_are_its_own() -> None:
    """ "Bangladesh's police charged around 100 people with rioting": people of no stated
    country on whom a state acts under its law are that state's; a stated country stays."""
    [charged] = events_of("Bangladesh's police charged around 100 people with sabotage and rioting "
                          "on Thursday.")
    assert countries(charged) == ("BGD", "BGD")
    [arrested] = events_of("Chile arrested two Peruvian journalists on Monday.")
    assert countries(arrested) == ("CHL", "PER")


def test_a_counted_crowd_that_marches_protests() -> None:
    """ "Thousands of Chileans marched in Santiago": a crowd's march is a protest, at home;
    troops that march do not protest."""
    [march] = events_of("Thousands of Chileans marched on Monday in Santiago.")
    assert march.type == "PROTEST" and countries(march) == ("CHL", "CHL")
    troops = events_of("Hundreds of Peruvian troops marched into the town on Sunday.")
    assert all(e.type != "PROTEST" for e in troops)


def test_protesters_of_no_stated_country_protest_at_home() -> None:
    """ "ethnic Aymaras began a hunger strike to protest against Peru's decision": the aim's
    clause places the strikers where the state they protest against rules."""
    [strike] = events_of("Up to 500 ethnic Aymaras began a hunger strike on Monday to protest against "
                         "Peru's decision to close the border.")
    assert strike.type == "PROTEST" and countries(strike) == ("PER", "PER")


def test_troops_ordered_or_moved_to_a_place_are_mobilised() -> None:
    """ "ordered troops to the border with Chile", "moved troops to the border": a deployment
    (CAMEO 154) like "sent troops"; an order to act ("ordered the army to withdraw") stays the act."""
    [ordered] = events_of("Peru's president ordered troops to the border with Chile.")
    assert ordered.type == "MOBILIZE" and countries(ordered) == ("PER", "CHL")
    [moved] = events_of("Peru moved troops to the border with Chile on Monday.")
    assert moved.type == "MOBILIZE" and countries(moved) == ("PER", "CHL")
    withdrawn = events_of("Peru's president ordered the army to withdraw from the border.")
    assert all(e.type != "MOBILIZE" for e in withdrawn)


def test_closing_a_newspaper_is_censorship() -> None:
    """ "closed the opposition newspaper", "suspended the broadcaster's licence": CAMEO 172's
    censorship, like "banned" and "shut down"."""
    [closed] = events_of("Peru's government closed the opposition newspaper El Sol.")
    assert closed.type == "COERCE" and closed.cameo == "172" and countries(closed) == ("PER", "PER")
    [suspended] = events_of("The Peruvian government on Monday suspended the Chilean broadcaster's licence.")
    assert suspended.type == "COERCE" and countries(suspended) == ("PER", "CHL")


def test_a_demonym_places_a_village_no_gazetteer_knows() -> None:
    """ "were killed in the Peruvian village of Tambo": the village is Peru's, so its unnamed
    attackers are too (never Peru itself as the agent)."""
    [killed] = events_of("Four people were killed in the Peruvian village of Tambo on Saturday.")
    assert countries(killed) == ("PER", "PER")
    assert killed.source is not None and killed.source.name != "Peru"


def test_a_continent_or_its_part_is_no_country() -> None:
    """ "South America", "Central Asia", "Asia" (a town in the Philippines to GeoNames) place
    nothing; "South Africa", "South Korea" and "Southern Peru" are countries' places."""
    for region in ("South America", "Central America", "Central Asia", "Asia", "the Americas"):
        assert geocode(region) is None, region
    for name, country in (("South Africa", "ZAF"), ("South Korea", "KOR"), ("Southern Peru", "PER")):
        place = geocode(name)
        assert place is not None and place.country == country, name


def test_a_title_alone_names_no_country() -> None:
    """ "Prime Minister" is an office of any country, not the one of a known Mr Prime."""
    match = resolve_actor_text("Prime Minister", "2010-01-01")
    assert match is None or match.country is None


def test_relations_resumed_and_martial_law_extended() -> None:
    """ "resumed diplomatic relations" restores them (CAMEO 050) like "restored"; "extended
    martial law" imposes it (CAMEO 1724) by whoever extends it."""
    resumed = events_of("Peru and Chile resumed diplomatic relations over the weekend.")
    assert {countries(e) for e in resumed} == {("PER", "CHL"), ("CHL", "PER")}
    [extended] = events_of("Peruvian President Juan Ruiz extended martial law in the capital Lima "
                           "for another week.")
    assert extended.type == "COERCE" and extended.cameo == "1724" and countries(extended) == ("PER", "PER")


def test_a_weapon_fired_at_a_city_is_an_attack_on_its_country() -> None:
    """ "A rocket was fired at Tacna": the city (which spaCy may take for an organisation) is
    Peru's, its unnamed attackers too; fired "from Chilean territory", they are Chile's."""
    [fired] = events_of("A rocket was fired at Tacna on Monday, police said.")
    assert fired.type == "ASSAULT" and countries(fired) == ("PER", "PER")
    [across] = events_of("A rocket was fired at the Peruvian town of Tacna from Chilean territory on Monday.")
    assert countries(across) == ("CHL", "PER")
    [bombed] = events_of("Chilean jets bombed Tacna on Monday.")
    assert countries(bombed) == ("CHL", "PER")


def test_a_long_name_split_by_the_tagger_is_one_person_of_no_given_names_country() -> None:
    """ "President Omar Hassan Ahmad Bashir" (tagged as two names) is one person; a known actor
    called by one given name of it ("Hassan") says nothing of his country: the sentence does."""
    [eased] = events_of("President Omar Hassan Ahmad Bashir on Thursday shortened by one hour the nightly "
                        "curfew imposed in Sudan.")
    assert countries(eased) == ("SDN", "SDN")
