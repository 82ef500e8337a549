"""When an event happened, from its own words: the temporal expression that governs its clause
(timex `governing_date`), a nominal event's own date ("the June 2025 strikes" -> 2025-06), an
offset from the main clause ("a day after Islamabad hosted ..."). An event its words leave
undated is dated from the rest of the article afterwards (`parley.events.discourse`).

Also decides background: an event dated well before the article's news, told in the past
perfect, or named in a "following ..." phrase is `reported_past`, and keeps its own date.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from spacy.tokens import Doc, Span, Token

from parley.events.compose import Proto
from parley.models import DateBasis, Timex
from parley.nlp import doc_text
from parley.timex import governing_date
from parley.timex.anchor import calendar_date
from parley.timex.tense import FUTURE_AUXILIARIES, MODAL_AUXILIARIES, REPORTING_LEMMAS, governing_verb

Aspect = Literal["past", "perfect", "pluperfect", "present", "ongoing", "future"]

# An event dated this many days before the article's news is background, not news.
BACKGROUND_DAYS = 7
# Prepositions that put a nominal event before the news ("following the June strikes").
BACKGROUND_PREPOSITIONS = {"following", "after", "since"}
OFFSET_COUNTS = {"a": 1, "an": 1, "the": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "several": 3}
OFFSET_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
# Words before a date that make it the start of a state ("in place since 1992", "president since
# August 2024"): it dates the state's own noun, never the event of the clause around it.
STATE_START_WORDS = ("since",)
# Aspects of a clause that report something that has happened by the time of writing.
NEWS_ASPECTS: frozenset[Aspect | None] = frozenset({"past", "perfect", "present", None})
# Infinitive-to-governor steps followed to find a clause's aspect ("agreed to exchange").
MAX_CHAIN = 3
HAVE = frozenset({"has", "have", "'ve", "having"})
PAST_BE = frozenset({"was", "were", "been"})
PRESENT_BE = frozenset({"is", "are", "am", "'re", "'m", "'s"})


@dataclass(frozen=True)
class EventDate:
    value: str | None
    text: str | None
    basis: DateBasis | None = None

    @property
    def from_text(self) -> bool:
        """The event's own words date it (not the article around it)."""
        return self.basis == "text"


UNDATED = EventDate(None, None)


def reference_date(article_date: str | None, timexes: list[Timex]) -> str | None:
    """The date of the article's news: its date, else the first full date it mentions."""
    if article_date:
        return article_date[:10]
    for timex in timexes:
        value = calendar_date(timex)
        if value and len(value) == 10:
            return value
    return None


def event_date(doc: Doc, sent: Span, timexes: list[Timex], proto: Proto,
               article_date: str | None) -> EventDate:
    """The event's date from its own words, its clause or an offset; else undated."""
    shifted = _offset_date(doc, sent, timexes, proto, article_date)
    if shifted is not None:
        return shifted
    if proto.nominal and proto.anchor == proto.event_token:
        noun = proto.event_token
        start = noun.left_edge.idx
        end = noun.right_edge.idx + len(noun.right_edge)
        anchor = governing_date(doc, timexes, start, end, None, trigger=noun.idx)
        if anchor is not None:
            return EventDate(anchor.value, anchor.timex.text if anchor.timex else None, "text")
        if _in_background_phrase(noun):
            return UNDATED
    in_sentence = [t for t in timexes if sent.start_char <= t.start < sent.end_char]
    clause_timexes = [t for t in in_sentence if not starts_state(doc, t, proto.anchor)]
    found = governing_date(doc, clause_timexes, sent.start_char, sent.end_char, None,
                           trigger=proto.anchor.idx)
    if found is not None and not _before_its_sentence_date(doc, found.timex, proto.anchor):
        return EventDate(found.value, found.timex.text if found.timex else None, "text")
    return UNDATED


def _before_its_sentence_date(doc: Doc, timex: Timex | None, anchor: Token) -> bool:
    """ "On Friday, Congress approved a quarter of what the president had requested": a past
    perfect clause is before the time of the clause whose date it stands next to; that date is
    not its own (its own would govern its own verb: "by Friday Peru had recalled its envoy")."""
    verb = governing_verb(anchor)
    if timex is None or verb is None or clause_aspect(verb) != "pluperfect":
        return False
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    dated = governing_verb(span.root) if span is not None and len(span) else None
    return dated is not None and dated != verb


def starts_state(doc: Doc, timex: Timex, event: Token | None = None) -> bool:
    """ "in place since 1992", "their largest swap since the war began in 2022": the date a
    state began, not the date of an event (of `event`'s clause, if given, when the "since" lies
    between the two in the parse)."""
    before = doc_text(doc)[max(0, timex.start - 12):timex.start].lower().split()
    if before and before[-1] in STATE_START_WORDS:
        return True
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    above_event = set(event.ancestors) | {event} if event is not None else set()
    for token in span.root.ancestors:
        if token in above_event:
            return False
        if token.lower_ in STATE_START_WORDS or any(
                c.dep_ == "mark" and c.lower_ in STATE_START_WORDS for c in token.children):
            return True
    return False


def is_background(proto: Proto, when: EventDate, reference: str | None) -> bool:
    """Whether the event is told as background to the article's news."""
    if proto.nominal and _in_background_phrase(proto.event_token):
        return True
    if _past_perfect(proto.anchor) and "report" not in proto.frames:  # reported "had" is backshift
        return True
    if not when.from_text or when.value is None or reference is None:
        return False
    end = period_end(when.value)
    try:
        ref = date.fromisoformat(reference)
    except ValueError:
        return False
    return end is not None and end < ref - timedelta(days=BACKGROUND_DAYS)


def period_end(value: str) -> date | None:
    """Last day of a YYYY, YYYY-MM or YYYY-MM-DD period."""
    try:
        if len(value) == 4:
            return date(int(value), 12, 31)
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return date(year, month, monthrange(year, month)[1])
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _in_background_phrase(noun: Token) -> bool:
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in BACKGROUND_PREPOSITIONS:
        return True
    return noun.dep_ in ("dobj", "pobj") and head.lemma_.lower() == "follow" and head.tag_ in ("VBG", "VBZ")


def _past_perfect(token: Token) -> bool:
    if token.tag_ != "VBN":
        return False
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children)


def _offset_date(doc: Doc, sent: Span, timexes: list[Timex], proto: Proto,
                 article_date: str | None) -> EventDate | None:
    """ "(said on Monday,) a day after Islamabad hosted X": the main clause's date minus a day."""
    marks = [c for c in proto.anchor.children if c.dep_ == "mark"]
    for ancestor in [*marks, proto.anchor, *proto.anchor.ancestors]:
        if ancestor.lower_ not in ("after", "before") or ancestor.i < 2:
            continue
        unit, count = doc[ancestor.i - 1].lower_, doc[ancestor.i - 2].lower_
        if unit not in OFFSET_DAYS or count not in OFFSET_COUNTS:
            return None
        days = OFFSET_DAYS[unit] * OFFSET_COUNTS[count] * (-1 if ancestor.lower_ == "after" else 1)
        main = _main_verb(ancestor)
        found = governing_date(doc, [t for t in timexes if not (ancestor.idx - 12 <= t.start < ancestor.idx)],
                               sent.start_char, sent.end_char, None, trigger=main.idx if main else None)
        base = found.value if found else (article_date[:10] if article_date else None)
        if base is None or len(base) != 10:
            return None
        day = date.fromisoformat(base) + timedelta(days=days)
        return EventDate(day.isoformat(), doc[ancestor.i - 2: ancestor.i + 1].text, "text")
    return None


def _main_verb(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def event_aspect(token: Token) -> Aspect | None:
    """The aspect of the clause an event word stands in (a noun: the verb it depends on)."""
    verb = governing_verb(token)
    return clause_aspect(verb) if verb is not None else None


def clause_aspect(verb: Token, depth: int = 0) -> Aspect | None:
    """How a clause places its event: past, (plu)perfect, present, ongoing or future."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & (FUTURE_AUXILIARIES | MODAL_AUXILIARIES):
        return "future"
    if "had" in auxiliaries:  # in reported speech "had" is the past moved back ("said it had")
        return "past" if _reported(verb) else "pluperfect"
    if auxiliaries & HAVE:
        return "perfect"
    tag = verb.tag_
    if tag == "VBD" or auxiliaries & (PAST_BE | {"did"}):
        return "past"
    if tag == "VBG" and auxiliaries & PRESENT_BE:
        return "ongoing"
    if tag in ("VBZ", "VBP") or (tag == "VBN" and auxiliaries & PRESENT_BE):
        return "present"
    if tag == "VBN" and verb.dep_ in ("ROOT", "conj", "ccomp"):
        return "past"
    if tag in ("VB", "VBG", "VBN") and depth < MAX_CHAIN and verb.head != verb \
            and verb.head.pos_ in ("VERB", "AUX"):
        return clause_aspect(verb.head, depth + 1)
    return None


def _reported(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "ccomp" and head.lemma_ in REPORTING_LEMMAS and head.tag_ == "VBD"


def contradicted(when: EventDate, aspect: Aspect | None, reference: str | None) -> bool:
    """A date after the article's for an event told in the past: the date is another clause's
    ("proposed to hold a meeting from June 20")."""
    if not when.from_text or when.value is None or reference is None or aspect not in ("past", "perfect"):
        return False
    try:
        return period_start(when.value) > date.fromisoformat(reference)
    except ValueError:
        return False


def period_start(value: str) -> date:
    """First day of a YYYY, YYYY-MM or YYYY-MM-DD period."""
    parts = [int(p) for p in value[:10].split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
