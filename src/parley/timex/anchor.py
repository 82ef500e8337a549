"""The date that governs a clause or sentence: what the event stage dates an event by.

    governing_date(doc, timexes, start, end, dct, trigger=None) -> DateAnchor | None

Among the calendar dates inside [start, end) it picks the one closest in the dependency tree to
the trigger (or to the root of the span), so "the call took place on Monday, a day after the
June strikes" dates the call by Monday. Weeks become their month, quarters, halves and seasons
their year; durations, sets and vague references ("recently") never govern. Without a date
in the span it returns None, or the document date when `fallback_to_dct` is set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from parley.models import Timex

# Dependency distance given to a date whose tokens cannot be found in the parse.
FAR = 99
_DAY = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(?:-WE)?$")
_COARSE = re.compile(r"^(\d{4})-(?:Q\d|H\d|SP|SU|FA|WI)$")


@dataclass(frozen=True)
class DateAnchor:
    """A date for a clause: value YYYY-MM-DD, YYYY-MM or YYYY; precision = len(value)."""

    value: str
    timex: Timex | None  # the expression that gives it; None when it is the document date
    source: str = "timex"  # "timex" or "dct"

    @property
    def precision(self) -> int:
        return len(self.value)


def governing_date(doc: Doc, timexes: list[Timex], start: int, end: int, dct: str | None = None,
                   trigger: int | None = None, fallback_to_dct: bool = False) -> DateAnchor | None:
    """The date of the clause or sentence [start, end) of `doc` (character offsets).

    `trigger` is the character offset of the event's word, if known; `timexes` come from
    `extract_timexes(doc, dct)`."""
    candidates = [(timex, value) for timex in timexes
                  if start <= timex.start and timex.end <= end and (value := calendar_date(timex))]
    if candidates:
        head = _head_token(doc, start, end, trigger)
        best = min(candidates, key=lambda item: (_distance(doc, item[0], head), -len(item[1]),
                                                 abs(item[0].start - (trigger or start))))
        return DateAnchor(best[1], best[0])
    if fallback_to_dct and dct:
        return DateAnchor(dct[:10], None, "dct")
    return None


def calendar_date(timex: Timex) -> str | None:
    """The YYYY-MM-DD / YYYY-MM / YYYY a DATE or TIME value stands for, or None."""
    if timex.type not in ("DATE", "TIME"):
        return None
    value = timex.value
    match = _DAY.match(value)
    if match:
        return "-".join(part for part in match.groups() if part)
    week = _WEEK.match(value)
    if week:
        thursday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)
        return thursday.isoformat()[:7]  # a week belongs to the month of its Thursday (ISO 8601)
    coarse = _COARSE.match(value)
    return coarse.group(1) if coarse else None


def _head_token(doc: Doc, start: int, end: int, trigger: int | None) -> Token | None:
    if trigger is not None:
        span = doc.char_span(trigger, trigger + 1, alignment_mode="expand")
        if span is not None and len(span):
            return span[0]
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _distance(doc: Doc, timex: Timex, head: Token | None) -> int:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if head is None or span is None or not len(span):
        return FAR
    token = span.root
    head_path = [head, *head.ancestors]
    for steps, ancestor in enumerate([token, *token.ancestors]):
        if ancestor in head_path:
            return steps + head_path.index(ancestor)
    return FAR
