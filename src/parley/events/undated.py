"""An article without a publication date, dated as a reader dates it: by its own explicit dates.

    resolve_undated(doc, timexes) -> ("2025-12-02", timexes resolved against that day)

Without a document date the timex stage leaves "on Tuesday" as XXXX-WXX-2 and "August 8" as
XXXX-08-08: it never guesses today. A reader of "met at the Kremlin on Tuesday ... (photo: the
Kremlin on December 2, 2025)" knows which Tuesday; one of "signed on August 8 ... finalized in
March 2025" knows which year. So, for the event stage only:

- the latest date the text writes out in full (day, month and year) outside a future clause is
  the article's reference: every expression is resolved again against it;
- else the latest year the text writes out gives its year to the month-day dates left without one.

A weekday written with a month-day ("on Tuesday (March 18)", "Tuesday, March 18") counts as a
date written out in full: the calendar puts a weekday on a given day only every 5, 6 or 11 years,
so the most recent such year not after today is the one (within `WEEKDAY_YEARS_BACK`). Years
that only start a state ("a shift since the onset of the war in October 2023") or only name a
thing ("the 2026 World Cup qualifiers") lend no year.

The reference is no publication date: nothing is dated by it alone (`discourse`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from itertools import pairwise

from spacy.tokens import Doc

from parley.events.dating import starts_state
from parley.models import Timex
from parley.nlp import doc_text
from parley.timex import extract_timexes
from parley.timex.anchor import calendar_date
from parley.timex.tense import clause_tense, governing_verb

_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_YEARLESS = re.compile(r"^XXXX(-\d\d(?:-\d\d)?)$")
_YEARLESS_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
_ANY_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")
# What may stand between a weekday and its month-day: "Tuesday (March 18)", "Tuesday, March 18".
_WEEKDAY_GLUE = re.compile(r"[\s,(]*")
# How many years back a weekday's month-day is looked for (the calendar repeats within 11).
WEEKDAY_YEARS_BACK = 6


def resolve_undated(doc: Doc, timexes: list[Timex], today: date | None = None
                    ) -> tuple[str | None, list[Timex]]:
    """The article's reference day (or None) and its timexes resolved as far as the text allows.

    `today` (default: the clock) bounds the year a weekday gives a month-day."""
    written = [(t, value) for t in timexes if (value := calendar_date(t)) and _WRITTEN_YEAR.search(t.text)
               and not _looks_ahead(doc, t) and not starts_state(doc, t) and not names_a_thing(doc, t)]
    days = [value for _, value in written if len(value) == 10]
    days += weekday_dated_days(doc_text(doc), timexes, today or date.today())
    if days:
        reference = max(days)
        return reference, extract_timexes(doc, reference)
    if written:
        year = max(value[:4] for _, value in written)
        return None, [_with_year(t, year) for t in timexes]
    return None, timexes


def weekday_dated_days(text: str, timexes: list[Timex], today: date) -> list[str]:
    """The full dates of the month-days written next to their weekday ("Tuesday (March 18)")."""
    days = []
    for first, second in pairwise(timexes):
        if not _WEEKDAY_GLUE.fullmatch(text[first.end:second.start]):
            continue
        for weekday, day in ((first, second), (second, first)):
            named, dated = _ANY_WEEKDAY.match(weekday.value), _YEARLESS_DAY.match(day.value)
            if named and dated:
                found = year_of_weekday(int(dated[1]), int(dated[2]), int(named[1]), today)
                if found is not None:
                    days.append(found.isoformat())
    return days


def year_of_weekday(month: int, day: int, weekday: int, today: date) -> date | None:
    """The latest date not after `today` that falls on this month, day and ISO weekday."""
    for year in range(today.year, today.year - WEEKDAY_YEARS_BACK - 1, -1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found <= today and found.isoweekday() == weekday:
            return found
    return None


def names_a_thing(doc: Doc, timex: Timex) -> bool:
    """A bare year that modifies a noun ("the 2026 World Cup qualifiers", "its Vision 2030 plan"):
    part of a name, not the time of the news, so it lends no year."""
    if not re.fullmatch(r"\d{4}", timex.value):
        return False
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span.root
    return token.head.i != token.i and token.head.pos_ in ("NOUN", "PROPN")


def _with_year(timex: Timex, year: str) -> Timex:
    match = _YEARLESS.match(timex.value)
    return replace(timex, value=year + match.group(1)) if match else timex


def _looks_ahead(doc: Doc, timex: Timex) -> bool:
    """A date in a future clause ("the vote will be held on March 3, 2026"); a bare present is
    the present of captions and headlines ("leaders meet in Moscow, 02 December 2025")."""
    if clause_tense(doc, timex.start, timex.end) != "FUTURE":
        return False
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    bare_present = verb is not None and verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)
    return not bare_present
