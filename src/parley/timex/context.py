"""What a rule needs to give a match its value: the document date, the clause tense, the
last date mentioned (for "a year earlier", "the following day"), and the result record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from parley.models import TimexType
from parley.timex.calendar import Period, unresolved
from parley.timex.grammar import Candidate
from parley.timex.lexicon import load_lexicon
from parley.timex.tense import Tense, clause_tense

# How far back (characters) a quarter may be and still be what "a year ago" is measured from.
QUARTER_REACH = 1200
# How far back the last mentioned date may be and still anchor "the following day".
REFERENCE_REACH = 2500
# Lexicon unit codes -> calendar granularities (a decade is E, a century C).
UNIT_GRANULARITY = {"D": "D", "W": "W", "WE": "WE", "2W": "W", "M": "M", "Q": "Q", "Y": "Y",
                    "DE": "E", "CE": "C", "ML": "C"}
# "the first nine months", "the six months", "the nine-month period": a span of one year's months.
_REPORTED_SPAN = re.compile(r"(?:the\s+)(?:first\s+)?(?:six|nine|6|9)[\s-]+months?\b", re.IGNORECASE)
_CALENDAR_VALUE = re.compile(r"^\d{2,4}(?:-(?:\d\d(?:-\d\d)?|Q\d|H\d|W\d\d(?:-WE)?|SP|SU|FA|WI))?$")


@dataclass(frozen=True)
class Resolved:
    """A match with its TIMEX3 type and value, and the calendar period it names (if any)."""

    type: TimexType
    value: str
    period: Period | None = None
    span: tuple[int, int] | None = None  # narrower span than the match, when the rule says so
    anchors: bool = True  # False for comparisons ("a year earlier"): they are not what follows is about
    also: tuple[Resolved, ...] = ()  # more expressions of the same match: the far end of a range

    def _replace_span(self, span: tuple[int, int]) -> Resolved:
        return Resolved(self.type, self.value, self.period, span, self.anchors, self.also)


@dataclass
class Context:
    """The document-level state rules read: DCT, parse, and the last date mentioned."""

    text: str
    dct: date | None
    doc: Doc | None
    last: Period | None = None
    last_end: int = -(10**9)
    last_quarter: Period | None = None
    last_quarter_end: int = -(10**9)
    reported_quarter: Period | None = None  # the last quarter (or half) mentioned that has ended
    reported_quarter_end: int = -(10**9)
    reported_span: Period | None = None  # the year of the last "first nine months" told
    reported_span_end: int = -(10**9)
    _tenses: dict[tuple[int, int], Tense | None] = field(default_factory=dict)

    def tense(self, candidate: Candidate) -> Tense | None:
        key = (candidate.start, candidate.end)
        if key not in self._tenses:
            self._tenses[key] = (clause_tense(self.doc, candidate.start, candidate.end, self.text)
                                 if self.doc is not None else None)
        return self._tenses[key]

    def dct_period(self, granularity: str) -> Period | None:
        return Period.containing(self.dct, granularity) if self.dct else None

    def reference(self, at: int) -> Period | None:
        """The last date mentioned before `at`, if near enough; else the document date's day."""
        if self.last is not None and at - self.last_end <= REFERENCE_REACH:
            return self.last
        return self.dct_period("D")

    def recent_quarter(self, at: int) -> Period | None:
        """The last quarter (or half) mentioned shortly before `at`."""
        if self.last_quarter is not None and at - self.last_quarter_end <= QUARTER_REACH:
            return self.last_quarter
        return None

    def compared_quarter(self, at: int) -> Period | None:
        """The quarter a "year-ago" figure is compared with: the last one mentioned shortly
        before `at` that has ended by the document date (results are reported for those; a
        forecast "fourth quarter" or "third quarter of next year" is not it), else the last one
        mentioned; or, when told after it, the year of a span of months reported on ("for the
        first nine months, ... year-earlier net")."""
        span = self.reported_span if at - self.reported_span_end <= QUARTER_REACH else None
        if self.reported_quarter is not None and at - self.reported_quarter_end <= QUARTER_REACH \
                and (span is None or self.reported_quarter_end > self.reported_span_end):
            return self.reported_quarter
        return span or self.recent_quarter(at)

    def recent_period(self, at: int) -> Period | None:
        """What "the 1988 period" names a year of: the last quarter (or half) mentioned shortly
        before `at`, or the year of a span of months told after it ("the first nine months")."""
        if self.reported_span is not None and at - self.reported_span_end <= QUARTER_REACH \
                and self.reported_span_end > self.last_quarter_end:
            return self.reported_span
        return self.recent_quarter(at)

    def remember_span(self, resolved: Resolved, text: str, end: int) -> None:
        """A span of a year's months reported on ("the first nine months", "the six months
        ended Oct. 1"): the year-ago comparisons after it are of that span a year before, which
        TIMEX3 writes as the year (a year of the quarter last told, else of the article)."""
        if resolved.type != "DURATION" or not _REPORTED_SPAN.match(text) or self.dct is None:
            return
        quarter = self.recent_quarter(end)
        year = quarter.start if quarter is not None else self.dct
        self.reported_span, self.reported_span_end = Period.containing(year, "Y"), end

    def remember(self, resolved: Resolved, end: int) -> None:
        """Make a resolved date the reference for the expressions after it."""
        period = resolved.period
        if period is None or resolved.type not in ("DATE", "TIME") or not resolved.anchors:
            return
        self.last, self.last_end = period, end
        if period.granularity in ("Q", "H"):
            self.last_quarter, self.last_quarter_end = period, end
            if self.dct is None or period.shift(1).start <= self.dct:
                self.reported_quarter, self.reported_quarter_end = period, end


def year_steps(granularity: str) -> int:
    """How many periods of a granularity make a year (quarter 4, half 2, year 1)."""
    return {"Q": 4, "H": 2}.get(granularity, 1)


def group(candidate: Candidate, name: str) -> str:
    """A named group of the match, lower-cased with single spaces; "" when it did not take part."""
    value = candidate.group(name)
    return re.sub(r"\s+", " ", value.lower()).strip() if value else ""


def dated(period: Period | None, granularity: str, kind: TimexType = "DATE",
          anchors: bool = True) -> Resolved:
    """A date record for a period, or the unresolved value of its granularity."""
    if period is None:
        return Resolved(kind, unresolved(granularity))
    return Resolved(kind, period.value, period, anchors=anchors)


def month_number(word: str) -> int:
    return load_lexicon().months[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    return load_lexicon().weekdays[word.lower() if word.endswith(".") else word.lower().rstrip(".")]


def unit_code(word: str) -> str:
    """The lexicon code of a unit word ("days" -> D, "decades" -> DE, "centuries" -> CE)."""
    units = load_lexicon().units
    cleaned = word.lower().rstrip(".")
    if cleaned in units:
        return units[cleaned]
    return units[cleaned[:-1]] if cleaned.endswith("s") and cleaned[:-1] in units else units.get(cleaned, "D")


def is_calendar_value(value: str) -> bool:
    return bool(_CALENDAR_VALUE.match(value))
