"""Dates for the events whose own clause gives none, from the article they are told in.

    date_by_discourse(doc, events, timexes, "2025-08-04") -> events, each with its `date_basis`

A reader dates "The meeting ended with a joint statement" from the lead's "met in Nairobi on
Saturday". So does this stage, for an event the text asserts in the past, the present perfect or
the (headline, reporting) present, in this order of preference:

1. `discourse`: the same event (same category, same parties) dated elsewhere in the article;
2. `discourse`: the narrative anchor before it in its paragraph: a day-precise date governing a
   past or present clause ("met ... on Saturday. The talks were ...");
3. `discourse`: the story's anchor, the first such date of the article (its news day);
4. `publication`: the article's date.

An anchor must be news: not after the article's date and not more than a week before it
(`dating.BACKGROUND_DAYS`), and told by the article, not inside quotation marks (a speaker's
"last night" is the speaker's). Where the paragraph has moved back before the news since its
last anchor ("In December, the prince accepted ...", "For three days last week, the court
heard ..."), rules 3 and 4 do not apply: the lead's day is not the day of its past. A day a
speaker names from their own now inside quotation marks ("Today, I am asking ...") is counted
from the day of the statement (rule 2 or 3), not from the article's date. Two other kinds of
event are dated, each only as far as it is news:

- a refusal ("the ministry said the president would not attend the talks", "Peru refused to attend")
  is an act of its statement: told in the past or present (its own clause or the reporting
  verb above it), it is dated as that statement by rules 2 to 4; never by rule 1, since the
  same parties refuse more than once; nor by the day of the meeting it refuses to attend, when
  the article dates that meeting with a party of the refusal (it was stated before);
- an expression of support a speaker states as to come ("the minister said Chile would support
  the initiative") is made by the statement, as a refusal is (a statement of what one will
  support endorses it now), and is dated in the same way;
- a background event with no date of its own ("the two envoys had travelled to the
  Chilean capital" in a past perfect) only by rule 1: the same event the article tells as
  news with a date is that date; no anchor or publication date, as background may lie any
  time before the news;
- an event whose only date is the day of the verb that reports it ("the rebels announced
  Saturday that an airstrike killed their leader") takes the one day the article gives the
  same event elsewhere ("was killed Thursday when warplanes struck"), if it gives one
  (`dated_by_report`); else the report's day stands, as news dates what it reports.

Nothing here dates an event that is planned, hypothetical or denied (those keep the date their
own words give, or none), an ongoing one ("are insisting"; but one a speaker reports as going
on, "adding that Peru is conducting a large operation", happens on the report's day), or one
whose words place it at another time the calendar cannot pin down ("Peru earlier accused",
"recently", "on Tuesday" in an undated article): that would be a date the article contradicts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from parley.event_codes import SYMMETRIC_TYPES
from parley.events.dating import (
    BACKGROUND_DAYS,
    BACKGROUND_PREPOSITIONS,
    NEWS_ASPECTS,
    clause_aspect,
    event_aspect,
    period_end,
    period_start,
    starts_state,
)
from parley.models import Actor, DateBasis, Event, Location, Timex
from parley.nlp import doc_text
from parley.timex.anchor import calendar_date
from parley.timex.lexicon import load_lexicon as load_timex_lexicon
from parley.timex.tense import REPORTING_LEMMAS, clause_tense, governing_verb

# An ISO week value ("last week" -> 2025-W31).
_WEEK = re.compile(r"^(\d{4})-W(\d\d)$")
# The modalities dated here (see the module's docstring for how far each).
DATEABLE_MODALITIES = frozenset({"asserted", "refused", "reported_past"})
# Categories a statement of what one will do performs now: saying one will support a plan
# endorses it (as saying one will not attend refuses; THREATEN is asserted from the start).
STANCE_TYPES = frozenset({"SUPPORT"})
# Clause tenses (timex.tense) in which a dated expression anchors the narrative.
ANCHOR_TENSES = frozenset({"PAST", "PRESENT"})


@dataclass(frozen=True)
class Anchor:
    """A day-precise date that governs a past or present clause of the article."""

    start: int
    value: str  # YYYY-MM-DD
    text: str


# CAMEO's rejection of a meeting (125: reject proposal to meet, discuss or negotiate), and
# PLOVER's category of meetings.
REFUSED_MEETING_CODE = "125"
MEETING = "CONSULT"
# A threat told as what will happen is made when it is said.
THREAT = "THREATEN"
# Adverbs of a habit or a series ("bombers regularly used to launch missiles", "repeatedly
# launching drones"): what a party does as a rule, or again and again, happens on no one day.
HABIT_ADVERBS = frozenset({"regularly", "routinely", "usually", "often", "frequently", "habitually",
                           "typically", "customarily", "traditionally", "repeatedly", "constantly",
                           "continually"})
# Links by which an infinitive or participle hangs under the verb that may carry the habit.
HABIT_LINKS = frozenset({"xcomp", "advcl", "acl"})
# How many such links a habit adverb may sit above the event word.
HABIT_HOPS = 3


def date_by_discourse(doc: Doc, events: list[Event], timexes: list[Timex], article_date: str | None,
                      reference: str | None = None) -> list[Event]:
    """The events, those left undated by their own clause dated from the article if it allows.

    `reference` is the day of the article's news if known otherwise than by `article_date`
    (its publication date): anchors must be news against it, and it dates nothing by itself."""
    published = article_date[:10] if article_date else None
    anchors = narrative_anchors(doc, timexes, published or reference)
    backgrounds = background_marks(doc, timexes, published or reference)
    events = [_at_speech_day(doc_text(doc), e, anchors, published) for e in events]
    # an event dated by the day of the verb that reports it lends no date, and takes its own
    by_report = {id(e) for e in events
                 if e.date and e.date_basis == "text" and dated_by_report(doc, e, timexes)}
    # a fact dated after the news is misdated (a plan's date in its clause): it lends no date
    dated = [e for e in events if e.date and e.date_basis == "text" and e.modality == "asserted"
             and not _after(e.date, published or reference) and id(e) not in by_report]
    result = []
    for event in events:
        if id(event) in by_report and event.modality == "asserted":
            same = _same_event_day(event, dated)
            if same is not None and same.date != event.date:  # told as news with its own day
                event = replace(event, date=same.date, date_text=same.date_text, date_basis="discourse")
        elif event.date is None and _dateable(doc, event, timexes):
            value, text, basis = _best_date(doc_text(doc), event, dated, anchors, published,
                                            same_event_only=event.modality == "reported_past",
                                            backgrounds=backgrounds)
            if value is not None and not _refuses_meeting_of(event, value, dated):
                event = replace(event, date=value, date_text=text, date_basis=basis)
        result.append(event)
    return result


def _refuses_meeting_of(event: Event, day: str, dated: list[Event]) -> bool:
    """True when the event refuses a meeting ("the Kremlin said Putin would not attend the talks")
    that the article dates to `day` with a party of it: a refusal to attend is stated before the
    meeting, on a day the text does not give (not the meeting's own)."""
    if event.modality != "refused" or not (event.cameo or "").startswith(REFUSED_MEETING_CODE):
        return False
    mine = {a.country for a in (event.source, event.target) if a is not None and a.country}
    return any(other.type == MEETING and other.date == day and mine & {
        a.country for a in (other.source, other.target) if a is not None and a.country} for other in dated)


def dated_by_report(doc: Doc, event: Event, timexes: list[Timex]) -> bool:
    """ "The rebels announced Saturday that an airstrike killed their leader": the event's date
    is its report's (the day of the verb that reports the event's clause). Where the article
    tells the same event with a day of its own ("was killed Thursday when warplanes struck"),
    that day is the event's; else the report's day stands (the convention of the news)."""
    if event.trigger_start is None or event.date_text is None:
        return False
    trigger = doc.char_span(event.trigger_start, event.trigger_end or event.trigger_start + 1,
                            alignment_mode="expand")
    for timex in timexes:
        if timex.text != event.date_text or not event.sentence_start <= timex.start < event.sentence_end:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        verb = governing_verb(span.root) if span is not None and len(span) else None
        if verb is None or trigger is None or not len(trigger) or verb.lemma_ not in REPORTING_LEMMAS:
            continue
        event_token = trigger.root
        if any(c.dep_ == "ccomp" and c.left_edge.i <= event_token.i <= c.right_edge.i
               for c in verb.children):
            return True
    return False


def narrative_anchors(doc: Doc, timexes: list[Timex], reference: str | None) -> list[Anchor]:
    """The day-precise dates of the article's news, in text order (not those inside quotation
    marks: a speaker's "last night" is counted from the speaker's day, and moves no narrative)."""
    anchors = []
    text = doc_text(doc)
    for timex in timexes:
        if _quoted(text, timex.start):
            continue
        value = calendar_date(timex)
        if value is None or len(value) != 10 or starts_state(doc, timex):
            continue
        if _is_news(value, reference) and _tells_past(doc, timex) and not _dates_background(doc, timex):
            anchors.append(Anchor(timex.start, value, timex.text))
    return anchors


def background_marks(doc: Doc, timexes: list[Timex], reference: str | None) -> list[Anchor]:
    """The dates, of any precision, that move the narrative back before the news ("In
    December, the prince accepted ...", "a call made late last July"): a past or present clause
    at a time that ended more than `BACKGROUND_DAYS` before the reference day."""
    if reference is None:
        return []
    try:
        news = date.fromisoformat(reference) - timedelta(days=BACKGROUND_DAYS)
    except ValueError:
        return []
    marks = []
    for timex in timexes:
        value = calendar_date(timex)
        week = _WEEK.match(timex.value) if timex.type == "DATE" else None
        if week:  # "last week": a week over before the news day (its month may hold that day)
            end: date | None = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 7)
            late = news + timedelta(days=BACKGROUND_DAYS)
        else:
            end, late = (period_end(value) if value else None), news
        if end is None or end >= late or starts_state(doc, timex) or not _tells_past(doc, timex):
            continue
        marks.append(Anchor(timex.start, value or "", timex.text))
    return marks


def _at_speech_day(text: str, event: Event, anchors: list[Anchor], published: str | None) -> Event:
    """ "Today, I am asking all Americans", in a statement the article tells as Monday's: a day
    named from the speaker's now ("today", "last night") inside quotation marks is counted from the
    day the statement was made (the sentence's own news date outside the quotation, else the
    narrative anchor of the paragraph, else the story's), not from the article's date."""
    if event.date_basis != "text" or event.date is None or event.date_text is None or published is None:
        return event
    offset = load_timex_lexicon().deictic_days.get(event.date_text.strip().lower())
    where = text.find(event.date_text, event.sentence_start, event.sentence_end)
    if offset is None or where < 0 or not _quoted(text, where):
        return event
    try:
        if event.date != (date.fromisoformat(published) + timedelta(days=offset)).isoformat():
            return event  # not counted from the article's date
    except ValueError:
        return event
    own = [a for a in anchors if event.sentence_start <= a.start < event.sentence_end]  # none quoted
    said = own[0] if own else (_paragraph_anchor(text, event.sentence_start, anchors)
                               or (anchors[0] if anchors else None))
    if said is None or said.value == published:
        return event
    day = date.fromisoformat(said.value) + timedelta(days=offset)
    return replace(event, date=day.isoformat(), date_basis="discourse")


def _quoted(text: str, position: int) -> bool:
    """Whether a character of the text lies inside quotation marks opened in its paragraph."""
    start = text.rfind("\n", 0, position) + 1
    before = text[start:position]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _dates_background(doc: Doc, timex: Timex) -> bool:
    """ "The talks follow a proposal by the president on Sunday": the date of an event named as what the
    news follows is before the news; the narrative does not go on at that time."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    for token in span.root.ancestors:
        if token.pos_ in ("VERB", "AUX"):
            return False
        if token.pos_ in ("NOUN", "PROPN"):
            head = token.head
            return (token.dep_ == "pobj" and head.lower_ in BACKGROUND_PREPOSITIONS) or (
                token.dep_ == "dobj" and head.lemma_.lower() == "follow")
    return False


def _tells_past(doc: Doc, timex: Timex) -> bool:
    """The date's clause is past or present; a past participle that modifies a noun ("a
    declaration signed on August 8") is as past as the clause the noun stands in."""
    tense = clause_tense(doc, timex.start, timex.end)
    if tense is not None:
        return tense in ANCHOR_TENSES
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    if verb is None or verb.tag_ != "VBN" or verb.dep_ != "acl":
        return False
    return event_aspect(verb.head) in ("past", "perfect")


def _best_date(text: str, event: Event, dated: list[Event], anchors: list[Anchor],
               published: str | None, same_event_only: bool = False,
               backgrounds: list[Anchor] | None = None,
               ) -> tuple[str | None, str | None, DateBasis | None]:
    same = _same_event_date(event, dated) if event.modality in ("asserted", "reported_past") else None
    if same is not None:
        return same.date, same.date_text, "discourse"
    if same_event_only:
        return None, None, None
    anchor = _paragraph_anchor(text, event.sentence_start, anchors)
    told_back = _paragraph_anchor(text, event.sentence_start, backgrounds or [])
    if told_back is not None and (anchor is None or told_back.start > anchor.start):
        return None, None, None  # the paragraph tells its past ("In 2016 ... The talks were ...")
    anchor = anchor or (anchors[0] if anchors else None)
    if anchor is not None:
        return anchor.value, anchor.text, "discourse"
    if published is not None:
        return published, None, "publication"
    return None, None, None


def _same_event_date(event: Event, dated: list[Event]) -> Event | None:
    """The one date the article gives the same event (category, parties, not another place)
    elsewhere."""
    same = [e for e in dated if e.type == event.type and _parties(e) == _parties(event)
            and not _places_differ(e.location, event.location)]
    return same[0] if same and len({e.date for e in same}) == 1 else None


def _same_event_day(event: Event, dated: list[Event]) -> Event | None:
    """The one day the article gives the same event elsewhere; a month that holds that day
    ("earlier this week" in August, the strike of Thursday 28 August) does not contradict it."""
    same = [e for e in dated if e.type == event.type and _parties(e) == _parties(event)
            and not _places_differ(e.location, event.location) and e.date]
    days = {e.date for e in same if e.date and len(e.date) == 10}
    if len(days) != 1:
        return None
    day = days.pop()
    if any(e.date and not day.startswith(e.date) for e in same):
        return None
    return next(e for e in same if e.date == day)


def _parties(event: Event) -> tuple[str | None, ...] | frozenset[str]:
    """Who did what to whom: in either order for a mutual act (talks, a deal), else in order
    (Kyiv's proposal to Moscow is not Moscow's to Kyiv)."""
    if event.type in SYMMETRIC_TYPES:
        return frozenset(_party(a) for a in (event.source, event.target) if a is not None)
    return tuple(_party(a) if a is not None else None for a in (event.source, event.target))


def _places_differ(a: Location | None, b: Location | None) -> bool:
    """ "met in Lima on Saturday ... had met in Quito": two places, two meetings (by
    country where both are known: the Palacio de Gobierno is in Lima)."""
    if a is None or b is None:
        return False
    if a.country and b.country:
        return a.country != b.country
    return a.name.casefold() != b.name.casefold()


def _party(actor: Actor) -> str:
    return actor.country or actor.name


def _paragraph_anchor(text: str, start: int, anchors: list[Anchor]) -> Anchor | None:
    """The last anchor before `start` in the same paragraph (no line break between)."""
    before = [a for a in anchors if a.start < start and "\n" not in text[a.start:start]]
    return before[-1] if before else None


def _after(value: str, reference: str | None) -> bool:
    """Whether a YYYY[-MM[-DD]] period starts after the reference day."""
    try:
        return reference is not None and period_start(value) > date.fromisoformat(reference)
    except ValueError:
        return False


def _is_news(value: str, reference: str | None) -> bool:
    if reference is None:
        return True
    try:
        day, ref = date.fromisoformat(value), date.fromisoformat(reference)
    except ValueError:
        return False
    return ref - timedelta(days=BACKGROUND_DAYS) <= day <= ref


def _dateable(doc: Doc, event: Event, timexes: list[Timex]) -> bool:
    """An asserted news event, a refusal or stance told as news or a background event (for its
    same event only), whose sentence does not place it at another, unknown time."""
    stance = event.modality == "refused" or (event.modality == "planned" and event.type in STANCE_TYPES)
    if (event.modality not in DATEABLE_MODALITIES and not stance) or event.trigger_start is None:
        return False
    if any(_other_time(t) for t in timexes if event.sentence_start <= t.start < event.sentence_end):
        return False
    span = doc.char_span(event.trigger_start, event.trigger_end or event.trigger_start + 1,
                         alignment_mode="expand")
    if span is None or not len(span):
        return True
    verb = governing_verb(span.root)
    if (verb is not None and _placed_before(verb)) or habitual(span.root):
        return False
    if event.modality == "reported_past":
        return True
    aspect = event_aspect(span.root)
    if event.modality == "refused":
        return aspect in NEWS_ASPECTS or (verb is not None and _stated_as_news(verb))
    if stance:  # what one says one will support, only as said
        return verb is not None and _stated_as_news(verb)
    if event.type == THREAT and aspect not in NEWS_ASPECTS:  # "Chile will pay a price, X said"
        while verb is not None and verb.dep_ == "xcomp":  # "said Peru would not hesitate to use force"
            verb = verb.head
        return verb is not None and _stated_as_news(verb)  # made by the statement
    return aspect in NEWS_ASPECTS or (aspect == "ongoing" and verb is not None and _reported_now(verb))


def habitual(word: Token) -> bool:
    """True when the event word, or a verb an infinitive or participle of it hangs under, is
    modified by an adverb of habit ("regularly used by Chile to launch missiles at Peru",
    "routinely fires rockets", "repeatedly launching drones"): no one day of the article is its.
    (A habit is still an event: gold sets code "Chile often fires rockets at Peru".)"""
    for _ in range(HABIT_HOPS):
        if any(c.dep_ == "advmod" and c.lower_ in HABIT_ADVERBS for c in word.children):
            return True
        if word.dep_ not in HABIT_LINKS or word.head == word:
            return False
        word = word.head
    return False


def _stated_as_news(verb: Token) -> bool:
    """ "the ministry said the president would not attend": a refusal in the future of a past or present
    reporting verb is made by the statement."""
    reporting = verb.head
    return (verb.dep_ == "ccomp" and reporting.lemma_ in REPORTING_LEMMAS
            and clause_aspect(reporting) in NEWS_ASPECTS
            and not any(c.dep_ == "neg" for c in reporting.children))  # "did not announce" states nothing


def _reported_now(verb: Token) -> bool:
    """ "an official said ..., adding that Ukraine is conducting a large operation": an act going on
    when a speaker reports it happens on the report's day (not a standing "are insisting")."""
    return verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING_LEMMAS


def _placed_before(verb: Token) -> bool:
    """ "Kenya earlier accused ...", "has previously said": before the news, at no known time; so is
    what a speaker said then ("has previously said he is open to a meeting")."""
    backward = {word for word, direction in load_timex_lexicon().anchor_words.items() if direction < 0}
    reporting = verb.head if verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING_LEMMAS else None
    return any(c.dep_ == "advmod" and c.lower_ in backward
               for v in (verb, reporting) if v is not None for c in v.children)


def _other_time(timex: Timex) -> bool:
    """ "earlier", "recently", "soon", or a date the article's own date would be needed for."""
    if timex.type not in ("DATE", "TIME"):
        return False
    return timex.value in ("PAST_REF", "FUTURE_REF") or (calendar_date(timex) is None and "X" in timex.value)
