"""Quote extraction on real sentences: marks, direct and indirect speech, speakers, the seed quote."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evaluation.quotes import (
    Attribution,
    GoldDocument,
    attributions_from_quotes,
    end_to_end_prf,
    read_brat,
    score_document,
)
from parley.models import Quote
from parley.nlp import parse
from parley.quotes import extract_quotes
from parley.quotes.marks import find_quoted_spans

from .conftest import shared_path


def quotes_of(text: str) -> list[Quote]:
    quotes = extract_quotes(parse(text))
    for quote in quotes:  # offsets always index the text
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None and quote.speaker.start is not None:
            assert quote.speaker.end is not None and quote.speaker.start < quote.speaker.end
        if quote.cue is not None:
            assert text[quote.cue_start : quote.cue_end] == quote.cue
    return quotes


def find(quotes: list[Quote], prefix: str) -> Quote:
    matches = [q for q in quotes if q.text.startswith(prefix)]
    assert matches, [q.text for q in quotes]
    return matches[0]


def mention(text: str, quote: Quote) -> str:
    assert quote.speaker is not None
    return text[quote.speaker.start : quote.speaker.end]


# --- marks ------------------------------------------------------------------------------------


def test_quoted_spans_straight_curly_and_doubled_apostrophes() -> None:
    text = "\"One,\" he said, \"two.\" “Three,” she said. ''Four,'' they said. It’s ‘five’."
    assert [text[q.start : q.end] for q in find_quoted_spans(text)] == \
        ["One,", "two.", "Three,", "Four,", "five"]


def test_quote_inside_a_quote_is_part_of_it() -> None:
    text = "“I’d rather live in what he calls “hell” than live here.” ― Adriana Rodarte"
    [span] = find_quoted_spans(text)
    assert text[span.start : span.end] == "I’d rather live in what he calls “hell” than live here."
    [quote] = quotes_of(text)
    assert mention(text, quote) == "Adriana Rodarte" and quote.cue == "―"


def test_quote_continued_over_paragraphs() -> None:
    text = "He said:\n\n“We will talk.\n\n“And we will listen.”\n\nThen he left."
    [span] = find_quoted_spans(text)
    assert text[span.start : span.end] == "We will talk.\n\n“And we will listen."


def test_mistyped_closing_mark_that_opens_a_quote() -> None:
    text = "”He is not ready for the job.” ― Maria Lopez"
    [span] = find_quoted_spans(text)
    assert text[span.start : span.end] == "He is not ready for the job."


# --- direct quotes ----------------------------------------------------------------------------


def test_seed_quote_is_karoline_leavitts() -> None:
    [path] = sorted(shared_path("seeds").glob("000_*.txt"))
    text = path.read_text(encoding="utf-8")
    quote = find(quotes_of(text), "The President always wants to give diplomacy a chance.")
    assert quote.kind == "direct"
    assert quote.text.endswith("he is willing to do that here again")
    assert quote.speaker is not None and quote.speaker.name == "Karoline Leavitt"
    assert mention(text, quote) == "she"
    assert quote.cue == "noted"
    assert quote.speaker.country is None and quote.speaker.role is None


def test_quote_split_by_its_attribution_shares_the_cue() -> None:
    text = ("“We are ready to talk,” the foreign minister said on Monday, “but not under threat.” "
            "The talks are due to start next week.")
    quotes = quotes_of(text)
    first, second = find(quotes, "We are ready to talk"), find(quotes, "but not under threat")
    assert first.kind == second.kind == "direct"
    assert first.cue == second.cue == "said" and first.cue_start == second.cue_start
    assert mention(text, first) == "the foreign minister"


def test_inverted_attribution_names_the_speaker_after_the_verb() -> None:
    text = '"The campaign is in panic mode. Full panic mode," said Leslie Wimes, a Florida activist.'
    quote = find(quotes_of(text), "The campaign is in panic mode.")
    assert quote.kind == "direct" and mention(text, quote) == "Leslie Wimes"


def test_colon_lead_and_paragraph_continuation() -> None:
    text = ("Secretary of State Marco Rubio told reporters in Washington:\n\n"
            "\"We want a ceasefire that holds.\"\n\n"
            "\"Nobody gains from another war in the region, and everybody knows it.\"")
    quotes = quotes_of(text)
    first = find(quotes, "We want a ceasefire")
    second = find(quotes, "Nobody gains")
    assert first.speaker is not None and first.speaker.name == "Marco Rubio"
    assert second.speaker is not None and second.speaker.name == "Marco Rubio"
    assert second.cue_start == first.cue_start


def test_pronoun_speaker_resolves_to_the_person() -> None:
    text = ("Foreign Office spokeswoman Mumtaz Zahra Baloch briefed reporters in Islamabad. "
            "\"Pakistan will continue to support dialogue between the two sides,\" she said.")
    quote = find(quotes_of(text), "Pakistan will continue")
    assert mention(text, quote) == "she"
    assert quote.speaker is not None and quote.speaker.name == "Mumtaz Zahra Baloch"


def test_speaker_mention_stops_at_a_line_break() -> None:
    text = "12:15 p.m.\n\nDonald Trump says political correctness has run amok in the military."
    quote = find(quotes_of(text), "political correctness has run amok")
    assert mention(text, quote) == "Donald Trump"


def test_an_unowned_statement_speaks_for_the_body_named_before() -> None:
    text = ("The Kenya Defence Forces announced the death of a senior officer on Monday. Several of his "
            "colleagues were wounded, some seriously, a statement said.")
    quote = find(quotes_of(text), "Several of his colleagues")
    assert quote.speaker is not None and quote.speaker.name == "Kenya Defence Forces"


def test_statement_reported_inside_another_is_not_repeated() -> None:
    text = "The senator said Cruz criticized the deal on Monday."
    assert [q.cue for q in quotes_of(text)] == ["said"]


def test_scare_quotes_are_not_quotes() -> None:
    text = 'The operation, known as "Midnight Hammer," targeted three sites.'
    assert not [q for q in quotes_of(text) if q.kind == "direct"]


# --- indirect and mixed speech ----------------------------------------------------------------


def test_indirect_speech_with_that_clause() -> None:
    text = "White House Press Secretary Karoline Leavitt stated that Iran had initiated outreach."
    quote = find(quotes_of(text), "that Iran had initiated outreach")
    assert quote.kind == "indirect" and quote.cue == "stated"
    assert quote.speaker is not None and quote.speaker.name == "Karoline Leavitt"


def test_partial_quote_inside_a_sentence_is_mixed() -> None:
    text = ("Iran's Foreign Minister Abbas Araghchi appreciated Pakistan's \"consistent and "
            "constructive facilitation role\" in promoting dialogue.")
    quote = find(quotes_of(text), "Pakistan's")
    assert quote.kind == "mixed" and quote.cue == "appreciated"
    assert quote.speaker is not None and quote.speaker.name == "Abbas Araghchi"


def test_according_to_an_organisation() -> None:
    text = ("According to Pakistan's Ministry of Foreign Affairs, Ishaq Dar held a telephone "
            "conversation with Abbas Araghchi.")
    quote = find(quotes_of(text), "Ishaq Dar held a telephone conversation")
    assert quote.cue == "According to"
    assert quote.speaker is not None and "Ministry of Foreign Affairs" in quote.speaker.name


def test_statement_on_social_media() -> None:
    text = ("In a statement posted on X, the Foreign Office said both ministers discussed "
            "regional stability.")
    quote = find(quotes_of(text), "both ministers discussed regional stability")
    assert mention(text, quote) == "the Foreign Office" and quote.cue == "said"


def test_title_resolves_to_the_person_holding_it() -> None:
    text = ("Iranian Foreign Minister Abbas Araghchi met Pakistan's Deputy Prime Minister Ishaq Dar "
            "in Tehran on Sunday. Later, Iran's foreign minister warned that talks would fail "
            "without guarantees.")
    quote = find(quotes_of(text), "that talks would fail")
    assert quote.speaker is not None and quote.speaker.name == "Abbas Araghchi"


def test_cue_inside_a_quote_is_not_a_new_attribution() -> None:
    text = '"I think the deal is dead," the senator said.'
    quotes = quotes_of(text)
    assert [q.cue for q in quotes] == ["said"]


# --- the scorer -------------------------------------------------------------------------------


def test_brat_gold_and_scoring() -> None:
    text = '"We will win," Smith said. Jones said that the vote was rigged.'
    ann = ("T1\tContent 0 14\t\"We will win,\"\nT2\tCue 21 25\tsaid\nT3\tSource 15 20\tSmith\n"
           "T4\tAttribution 21 25\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T2 Source:T3\n"
           "T5\tSource 27 32\tJones\nT6\tCue 33 37\tsaid\nT7\tContent 38 63\tthat the vote was rigged\n"
           "T8\tAttribution 33 37\tsaid\nE2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n")
    gold = GoldDocument("t", text, tuple(read_brat(ann, text)))
    assert [g.direct for g in gold.attributions] == [True, False]
    predicted = attributions_from_quotes(quotes_of(text))
    score = score_document(gold, predicted)
    assert end_to_end_prf(score.all).f1 == pytest.approx(1.0)
    assert end_to_end_prf(score.direct).recall == pytest.approx(1.0)
    wrong_speaker = [Attribution(((1, 13),), (27, 32), True)]
    assert score_document(gold, wrong_speaker).all.gold_found_e2e == 0


def test_statement_speaks_for_its_author() -> None:
    text = ("Dar spoke with Rubio by telephone, according to a statement from the ministry in Islamabad. "
            "\"The two leaders discussed a range of bilateral matters,\" the statement said.")
    quote = find(quotes_of(text), "The two leaders discussed")
    assert mention(text, quote) == "the statement"
    assert quote.speaker is not None and quote.speaker.name == "ministry"


def test_text_without_statements() -> None:
    assert quotes_of("") == []
    assert quotes_of("Rain fell on Islamabad all week.\n\nThe roads flooded.") == []


def test_relative_pronoun_speaker_resolves_to_its_noun() -> None:
    text = ("The deal was praised by Derek Mitchell, who said that the talks had been "
            "the most productive in years.")
    quote = find(quotes_of(text), "that the talks had been")
    assert mention(text, quote) == "who"
    assert quote.speaker is not None and quote.speaker.name == "Derek Mitchell"


def test_a_definite_description_speaks_for_the_body_named_before() -> None:
    from parley.actors.speakers import attribute_speakers

    text = ("The Bank of Russia kept its key rate at 21 percent on Friday. 'If inflation does "
            "not slow, the rate may rise,' the bank said in a statement.")
    [quote] = attribute_speakers(quotes_of(text), [], text, "2025-03-21")
    assert quote.speaker is not None and mention(text, quote) == "the bank"
    assert (quote.speaker.name, quote.speaker.country) == ("Bank of Russia", "RUS")


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6),
       st.integers(-2, 70))
def test_offsets_inside_quoted_ranges_by_bisection(spans: list[tuple[int, int]], offset: int) -> None:
    """The bisection over (possibly overlapping) quoted ranges says what a scan of them says."""
    from parley.quotes.clauses import _within

    assert _within(spans)(offset) == any(start <= offset < end for start, end in spans)


def test_a_speaker_mention_not_labelled_a_person_is_the_person_it_spells() -> None:
    """The recogniser may take a lone surname for an organisation; the article's one person of
    that surname is still the speaker."""
    from parley.actors.speakers import attribute_speakers
    from parley.models import Entity

    text = '"We will not give up the port," Kovalenkoff said on Tuesday.'
    person = Entity(name="Taras Kovalenkoff", type="PERSON", country="UKR", sector="GOV",
                    role="Mayor", aliases=(), mentions=((0, 1),))
    group = Entity(name="Kovalenkoff", type="ORG", country=None, sector=None, role=None,
                   aliases=(), mentions=((text.index("Kovalenkoff"), text.index(" said")),))
    [quote] = attribute_speakers(quotes_of(text), [group, person], text, "2025-03-21")
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.country) == ("Taras Kovalenkoff", "UKR")


def test_a_quote_after_an_attribution_with_a_noun_cue_keeps_its_speaker() -> None:
    # the parser hangs the next quote on "said" as its clause: still an attribution of the first
    text = ('"Lima has made its choice," Boric said in a post on X. '
            '"Now it must live with the consequences."')
    quotes = quotes_of(text)
    first, second = find(quotes, "Lima has made"), find(quotes, "Now it must")
    assert first.kind == second.kind == "direct"
    assert first.speaker is not None and first.speaker.name == "Boric"
    assert second.speaker is not None and second.speaker.name == "Boric"


def test_a_sentence_opening_with_the_speech_verb_names_its_speaker_after_it() -> None:
    quotes = quotes_of('Said Boluarte: "The agreement is a victory for both nations."')
    assert len(quotes) == 1
    assert quotes[0].kind == "direct"
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Boluarte"


def test_a_role_word_stands_for_the_person_holding_one_of_its_titles() -> None:
    text = ("Chile's Foreign Minister Alberto van Klaveren met his Peruvian counterpart in Lima on "
            'Monday.\n\n"We have agreed to reopen the border crossings within a month," the top '
            "Chilean diplomat told reporters.")
    quote = find(quotes_of(text), "We have agreed")
    assert quote.speaker is not None and quote.speaker.name == "Alberto van Klaveren"


def test_the_leader_of_a_nation_is_its_president_named_before() -> None:
    text = ("Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday."
            '\n\n"It is a good day for Peru," the Peruvian leader said.')
    quote = find(quotes_of(text), "It is a good day")
    assert quote.speaker is not None and quote.speaker.name == "Dina Boluarte"


@pytest.mark.parametrize("after", [
    "Chilean Interior Minister Carolina Toha made the remarks at a news conference in Arica.",
    "Carolina Toha was speaking at a ceremony in Arica.",
    "Carolina Toha's comments came a day after the ruling.",
])
def test_a_quote_standing_alone_belongs_to_who_the_next_paragraph_says_made_it(after: str) -> None:
    text = f'"The border must stay open for trade and for the families on both sides."\n\n{after}'
    quote = find(quotes_of(text), "The border must")
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.name.endswith("Carolina Toha")


def test_people_named_inside_the_quote_are_not_who_the_pronoun_after_it_is() -> None:
    text = ("Peruvian President Dina Boluarte spoke to reporters in Lima on Monday.\n\n"
            '"We thank President Gabriel Boric for his help," she said.')
    quote = find(quotes_of(text), "We thank")
    assert quote.speaker is not None and quote.speaker.name == "Dina Boluarte"


def test_a_pronoun_follows_the_same_pronoun_back_to_its_person() -> None:
    text = ("Dina Boluarte arrived in Santiago on Monday. She met Gabriel Boric at the palace.\n\n"
            '"It was a productive meeting," she said.')
    quote = find(quotes_of(text), "It was a productive")
    assert quote.speaker is not None and quote.speaker.name == "Dina Boluarte"


def test_a_pronoun_object_is_no_statement() -> None:
    text = "Dina Boluarte arrived in Santiago on Monday, where Gabriel Boric welcomed her."
    assert not [q for q in quotes_of(text) if q.text == "her"]


def test_the_speaker_stays_who_the_quote_stage_resolved_once_entities_are_linked() -> None:
    """The entity stage's links do not undo the quote stage's resolution: a pronoun after a
    quote naming someone else, a role word whose modifier names a country."""
    from parley.actors.entities import extract_entities
    from parley.actors.speakers import attribute_speakers

    text = ("Peruvian President Dina Boluarte spoke to reporters in Lima on Monday.\n\n"
            '"We thank President Gabriel Boric for his help," she said.\n\n'
            "Chile's Foreign Minister Alberto van Klaveren met his Peruvian counterpart on Tuesday.\n\n"
            '"We have agreed to reopen the border crossings," the top Chilean diplomat told reporters.')
    doc = parse(text)
    quotes = attribute_speakers(extract_quotes(doc), extract_entities(doc, "2025-03-21"), text,
                                "2025-03-21")
    thanks, border = find(quotes, "We thank"), find(quotes, "We have agreed")
    assert thanks.speaker is not None and thanks.speaker.name == "Dina Boluarte"
    assert border.speaker is not None and border.speaker.name == "Alberto van Klaveren"


@pytest.mark.parametrize(("text", "speaker"), [
    ('"We are ready," said study co-author Ana Ruiz of the university.', "Ana Ruiz"),
    ('"This day is hard," said his father, Pedro Ruiz, after the ceremony.', "Pedro Ruiz"),
    ('"It is over," tweeted former think tank executive Ana Ruiz.', "Ana Ruiz"),
])
def test_the_speaker_after_the_verb_is_the_person_the_noun_phrase_names(text: str, speaker: str) -> None:
    quote = quotes_of(text)[0]
    assert quote.speaker is not None and quote.speaker.name.endswith(speaker)


def test_asking_not_to_be_named_is_no_statement() -> None:
    quotes = quotes_of('"The door is open," said the minister, who asked not to be named.')
    assert [q.text for q in quotes] == ["The door is open"]


@pytest.mark.parametrize("text", [
    'Peru\'s foreign ministry released a statement which said, "The talks were useful and frank."',
    'Peru\'s foreign ministry issued a statement on Monday. "The talks were useful," the statement said.',
])
def test_a_statement_speaks_for_whoever_issued_it(text: str) -> None:
    quote = find(quotes_of(text), "The talks were useful")
    assert quote.speaker is not None and "ministry" in quote.speaker.name


@pytest.mark.parametrize("text", [
    'The mayor of Lima, Ana Ruiz, tweeted, "Here in Lima, thousands of people have come together."',
    'A Peruvian assemblywoman, Ana Ruiz, also commented: "Before I ran for office I looked at it."',
])
def test_a_title_subject_speaks_by_the_name_in_apposition_to_it(text: str) -> None:
    quote = quotes_of(text)[0]
    assert quote.speaker is not None and quote.speaker.name == "Ana Ruiz"


def _linked_quotes(text: str) -> list[Quote]:
    """The quotes with their speakers after the entity stage, as `parley process` stores them."""
    from parley.actors.entities import extract_entities
    from parley.actors.speakers import attribute_speakers

    doc = parse(text)
    return attribute_speakers(extract_quotes(doc), extract_entities(doc, "2025-03-21"), text,
                              "2025-03-21")


@pytest.mark.parametrize(("text", "speaker"), [
    ('"We call on all parties to return to talks," a spokesman for the European Union said.',
     "European Union"),
    ('"This attack must stop," said a spokeswoman for the Peruvian government.', "Peruvian government"),
    ('An official with the Chilean Navy said: "Two ships were damaged in the storm."', "Chilean Navy"),
])
def test_an_unnamed_spokesman_speaks_for_the_body_he_speaks_for(text: str, speaker: str) -> None:
    quote = quotes_of(text)[0]
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert quote.speaker.start is not None and text[quote.speaker.start] in "aA"  # the mention stays


def test_a_president_of_a_country_is_not_the_country() -> None:
    quote = quotes_of('"We are deeply saddened," the current president of Peru said.')[0]
    assert quote.speaker is not None and quote.speaker.name != "Peru"


def test_a_role_word_with_a_country_goes_to_the_one_holder_whose_country_is_unsaid() -> None:
    text = ("OSLO — Norway will recognise the state, Foreign Minister Espen Lund said on Monday.\n\n"
            '"This is a historic day for the region," the top Norwegian diplomat said.')
    quote = find(_linked_quotes(text), "This is a historic")
    assert quote.speaker is not None and quote.speaker.name == "Espen Lund"


def test_a_role_word_with_a_country_is_not_a_holder_of_another_country() -> None:
    text = ("Iranian Foreign Minister Ali Rezaei met reporters in Tehran on Monday.\n\n"
            '"This is a historic day for the region," the top Norwegian diplomat said.')
    quote = find(quotes_of(text), "This is a historic")
    assert quote.speaker is not None and quote.speaker.name != "Ali Rezaei"


@pytest.mark.parametrize("text", [
    '"Our patience is running out with the rebels in the north,"\n\nPresident Ana Ruiz said in Lima.',
    '"Our patience is running out with the rebels in the north,"\nsaid President Ana Ruiz.',
])
def test_a_quote_left_open_by_its_comma_is_attributed_in_the_next_paragraph(text: str) -> None:
    [quote] = quotes_of(text)
    assert quote.kind == "direct" and quote.speaker is not None and quote.speaker.name == "Ana Ruiz"


def test_a_quote_ending_its_sentence_takes_no_speaker_from_the_next_paragraph() -> None:
    text = '"Our patience is running out with the rebels in the north."\n\nAna Ruiz said the army would act.'
    assert not [q for q in quotes_of(text) if q.text.startswith("Our patience")]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Ana Ruiz said that Pedro Mora had misled the public about the deal. '
     '"He knew the terms and he hid them from all of us," she said.', "Ana Ruiz"),
    ('Juan Soto said that Pedro Mora had misled the public about the deal.\n\n'
     '"He knew the terms and he hid them from all of us," he said.', "Juan Soto"),
    ('Foreign Minister Ana Ruiz met her counterpart Pedro Mora in Lima on Monday.\n\n'
     'Mora said the meeting had been productive. Ruiz told reporters that trade was discussed.\n\n'
     '"We have agreed to open a new chapter in our relations," she said.', "Ana Ruiz"),
])
def test_a_speaking_pronoun_is_who_spoke_last_not_who_was_named_last(text: str, speaker: str) -> None:
    quote = find(_linked_quotes(text), "We have agreed" if "chapter" in text else "He knew")
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_speaking_pronoun_after_an_unnamed_official_is_that_official() -> None:
    text = ("Lima said on Monday that the talks were over.\n\n"
            "The Peruvian official added that Lima is still committed to progress: "
            "“We want an immediate ceasefire,” he said.")
    quote = find(_linked_quotes(text), "We want")
    assert quote.speaker is not None and "official" in quote.speaker.name


@pytest.mark.parametrize(("text", "speaker"), [
    ('Speaking to Radio Lima, the president of the Peruvian League for Human Rights, Ana Ruiz, '
     'said, "We are for the freedom to dress, but today we find justification."', "Ana Ruiz"),
    ('Remarked Center for Andean Studies scientist Ana Ruiz, "This reprieve from bad news is a '
     'thank-you."', "Ana Ruiz"),
    ('Another co-author, civil and environmental engineering professor Pedro Mora, said, "We have '
     'seen in our previous research that our society is segregated."', "Pedro Mora"),
    ('"I am in awe of the people who ran towards danger to keep us all safe" tweeted Mayor of Lima '
     'Pedro Mora.', "Pedro Mora"),
])
def test_the_person_named_in_a_long_attribution_is_the_speaker(text: str, speaker: str) -> None:
    quote = quotes_of(text)[0]
    assert quote.kind == "direct" and quote.speaker is not None and quote.speaker.name.endswith(speaker)


def test_a_given_name_the_recogniser_left_out_keeps_two_people_apart() -> None:
    """Only 'Khan' labelled a person: 'Sadiq Khan' is not the Usman Khan named before."""
    text = ("Usman Khan was shot by police on the bridge.\n\n"
            '"I am in awe of the people who ran towards danger to keep us all safe" tweeted '
            "Mayor of London Sadiq Khan (no relation).")
    quote = find(_linked_quotes(text), "I am in awe")
    assert quote.speaker is not None and quote.speaker.name != "Usman Khan"


@pytest.mark.parametrize(("text", "speaker"), [
    ('Crown Prince Ali Haddad accepted responsibility for the murder. Speaking to Pedro Mora of '
     'PBS, he said, "It happened under my watch."', "Ali Haddad"),
    ('Juan Soto, a biologist at the Lima college, questioned the findings, saying Pedro Mora might '
     'have dealt with the data badly. "However," he told reporters, "this study does lay groundwork."',
     "Juan Soto"),
    ('Ana Ruiz called Pedro Mora\'s admission a sham. In an interview with Juan Soto, she said, '
     '"His fellow journalists did their best."', "Ana Ruiz"),
])
def test_a_speaking_pronoun_is_not_the_listener_nor_who_was_talked_about(text: str, speaker: str) -> None:
    quote = [q for q in _linked_quotes(text) if q.kind == "direct"][-1]
    assert quote.speaker is not None and quote.speaker.name.endswith(speaker)


def test_a_body_a_country_word_modifies_speaks_as_that_body_of_that_country() -> None:
    text = '"Two ships were damaged in the storm," the Chilean navy said in a statement.'
    quote = find(_linked_quotes(text), "Two ships")
    assert quote.speaker is not None and quote.speaker.name == "Chilean navy"
    assert quote.speaker.country == "CHL"


def test_the_title_of_an_apposition_stands_for_the_person_it_introduced() -> None:
    text = ("The head of the Peruvian delegation, Presidential Aide Pedro Mora, said that Peru had "
            "handed over a memorandum.\n\nThe parties agreed to meet again.\n\n"
            "The head of the delegation noted that Peru had made a proposal. "
            "He noted that Peru was advancing.")
    quotes = quotes_of(text)
    assert [q.speaker.name for q in quotes if q.speaker and q.text.startswith("that Peru")] == \
        ["Pedro Mora"] * 3


@pytest.mark.parametrize("text", [
    'GAZA CITY — "We have nothing left at all," said Umm Ahmed, a mother of five.',
    'KYIV, Ukraine (AP) — "We have nothing left at all," Umm Ahmed told reporters.',
])
def test_a_dateline_before_a_quote_is_not_part_of_what_was_said(text: str) -> None:
    [quote] = quotes_of(text)
    assert quote.kind == "direct" and quote.text == "We have nothing left at all"
    assert quote.speaker is not None and quote.speaker.name == "Umm Ahmed"


def test_a_document_that_is_its_quote_speaks_for_its_author() -> None:
    text = 'The statement of the Chilean navy was blunt: "We will not negotiate with the rebels."'
    [quote] = quotes_of(text)
    assert quote.kind == "direct" and quote.speaker is not None and quote.speaker.name == "Chilean navy"


@pytest.mark.parametrize(("text", "speaker"), [
    ('Yemen\'s Houthis said they would keep attacking ships. "Our operations will continue," the '
     'group said.', "Houthis"),
    ('Hamas rejected the plan on Monday.\n\n"We reject this plan," the Palestinian militant group said.',
     "Hamas"),
])
def test_the_group_is_the_body_named_last(text: str, speaker: str) -> None:
    quote = find(_linked_quotes(text), "Our operations" if "Houthis" in text else "We reject")
    assert quote.speaker is not None and quote.speaker.name == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ('The Chilean army said on Monday that Peru had fired first. "We responded in self-defence," '
     'it said in a statement.', "Chilean army"),
    ('The Peruvian Foreign Ministry said the strike had hit a hospital. The attack came a day after '
     'Chile sent troops to the border.\n\n"This is a grave violation of international law," it said.',
     "Peruvian Foreign Ministry"),
])
def test_it_said_is_the_body_that_made_the_last_statement(text: str, speaker: str) -> None:
    quote = next(q for q in _linked_quotes(text) if q.kind == "direct")
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_name_the_recogniser_missed_after_a_body_is_not_the_body() -> None:
    text = '"There is no military solution," UN Secretary-General Ana Ruiz told the Security Council.'
    quote = find(_linked_quotes(text), "There is no")
    assert quote.speaker is not None and quote.speaker.name.endswith("Ana Ruiz")


def test_a_quote_paragraph_after_a_reported_statement_goes_on_with_it() -> None:
    text = ("Peruvian Foreign Minister Ana Ruiz said the talks had failed.\n\n"
            '"We tried everything we could. Nothing worked, and now the other side must answer."\n\n'
            "The talks are due to resume next week.")
    quote = find(quotes_of(text), "We tried")
    assert quote.kind == "direct" and quote.speaker is not None and quote.speaker.name == "Ana Ruiz"


def test_a_quote_paragraph_after_no_statement_has_no_speaker_from_it() -> None:
    text = ("Peruvian soldiers crossed the river on Monday.\n\n"
            '"We tried everything we could. Nothing worked, and now the other side must answer."')
    assert not [q for q in quotes_of(text) if q.text.startswith("We tried")]


def test_a_statement_issued_by_a_body_has_the_body_as_its_speaker_mention() -> None:
    text = "The Security Council issued a statement calling the test a clear violation of its resolutions."
    quote = find(quotes_of(text), "the test")
    assert mention(text, quote) == "The Security Council"


@pytest.mark.parametrize("text", [
    'Mora said on Friday "I can do it [sign the decree] if I want. I may do it." He left.',
    'Mora said in Lima last week "the talks with Chile are over for now."',
])
def test_a_quote_after_the_speech_verb_and_its_time_or_place_is_direct(text: str) -> None:
    quotes = quotes_of(text)
    assert [(q.kind, q.cue) for q in quotes][:1] == [("direct", "said")]
    assert quotes[0].text.startswith(("I can do it [sign the decree] if I want. I may", "the talks"))
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Mora"


def test_an_object_before_a_quote_is_no_handover() -> None:
    quotes = quotes_of('Ruiz described the plan as a "total disaster for the whole region."')
    assert all(q.kind != "direct" for q in quotes)


def test_reported_speech_ending_in_quoted_words_keeps_their_closing_mark() -> None:
    quotes = quotes_of('President Ruiz claims he would accept it if the dispute went on for "years." '
                       'The talks began in May.')
    assert [(q.kind, q.text) for q in quotes] == [
        ("mixed", 'he would accept it if the dispute went on for "years."')]


def test_a_deed_agreed_or_refused_is_no_indirect_speech() -> None:
    """ "refused to sign", "agreed on a budget": a deed done or not done, or a thing agreed, is
    nothing said; a refusal to say something ("declined to comment") and what a speaker agrees
    with, or agrees that ..., are."""
    assert quotes_of("The senator refused to vote for the bill on Monday.") == []
    assert quotes_of("The two parties agreed on a national budget on Monday.") == []
    assert quotes_of("Peru's congress voted for the trade agreement with Chile.") == []
    declined = quotes_of("The senator declined to comment on the bill.")
    assert [q.text for q in declined] == ["to comment on the bill"]
    agreed = quotes_of("The minister agreed that the budget was too small.")
    assert [q.text for q in agreed] == ["that the budget was too small"]
    assert quotes_of("Peru and Chile agreed to exchange 1,000 prisoners on Monday.") == []
    assert [q.text for q in quotes_of("The ministers agreed with the assessment of the envoy.")] == [
        "the assessment of the envoy"]
    # how a source is cited is nothing it said
    cited = quotes_of("An official, requesting anonymity, said the strike killed a commander.")
    assert [q.text for q in cited] == ["the strike killed a commander"]


def test_who_is_called_on_and_what_to_do_is_the_content() -> None:
    """ "called on X to do Y": the appeal's content is whom it asks and what it asks of them,
    also when the parser hangs the infinitive on the cue verb."""
    quotes = quotes_of("The senator called on the president to retaliate against Peru for the attack.")
    assert [q.text for q in quotes] == ["the president to retaliate against Peru for the attack"]
    assert [q.text for q in quotes_of("The senator called on the president on Monday.")] == ["the president"]
