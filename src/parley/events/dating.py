"""When an event happened: the temporal expression that governs its clause (timex
`governing_date`), a nominal event's own date ("the June 2025 strikes" -> 2025-06), an offset
from the main clause ("a day after Islamabad hosted ..."), else the article's date.

Also decides background: an event dated well before the article's news, told in the past
perfect, or named in a "following ..." phrase is `reported_past`, and keeps its own date.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from parley.events.compose import Proto
from parley.models import Timex
from parley.timex import governing_date
from parley.timex.anchor import calendar_date

# An event dated this many days before the article's news is background, not news.
BACKGROUND_DAYS = 7
# Prepositions that put a nominal event before the news ("following the June strikes").
BACKGROUND_PREPOSITIONS = {"following", "after", "since"}
OFFSET_COUNTS = {"a": 1, "an": 1, "the": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "several": 3}
OFFSET_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}


@dataclass(frozen=True)
class EventDate:
    value: str | None
    text: str | None
    from_text: bool  # the text dates the event itself (not the article date)


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
    """The event's date from its own words, its clause, an offset, or the article date."""
    shifted = _offset_date(doc, sent, timexes, proto, article_date)
    if shifted is not None:
        return shifted
    if proto.nominal and proto.anchor is proto.event_token:
        noun = proto.event_token
        start = noun.left_edge.idx
        end = noun.right_edge.idx + len(noun.right_edge)
        anchor = governing_date(doc, timexes, start, end, None, trigger=noun.idx)
        if anchor is not None:
            return EventDate(anchor.value, anchor.timex.text if anchor.timex else None, True)
        if _in_background_phrase(noun):
            return EventDate(None, None, False)
    found = governing_date(doc, timexes, sent.start_char, sent.end_char, None, trigger=proto.anchor.idx)
    if found is not None:
        return EventDate(found.value, found.timex.text if found.timex else None, True)
    return EventDate(article_date[:10] if article_date else None, None, False)


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
        return EventDate(day.isoformat(), doc[ancestor.i - 2: ancestor.i + 1].text, True)
    return None


def _main_verb(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None
