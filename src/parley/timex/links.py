"""Expressions anchored on another date: "the day after Christmas", "two weeks before the
March 3 vote", "a day after the talks on Sunday" take their value from the date they point at.

Runs after every expression has its own value; the anchored one becomes a DATE shifted from
the date it names (the later date expression keeps its own record when it is not adjacent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from parley.models import Timex
from parley.timex.calendar import add_months, period_of_value
from parley.timex.lexicon import fold_lookalikes, number_value

# How far after "a day after" the date it is anchored on may be, within the same clause.
ANCHOR_REACH = 80
# "<count> <unit>(s)" just before "after"/"before": matched backwards from the signal word.
_OFFSET = re.compile(r"(?<![\w-])(?P<count>the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
                     r"[\s-]+(?P<unit>day|week|month|year)s?\s+$", re.IGNORECASE)
_SIGNAL = re.compile(r"\b(?P<dir>after|before)\s+(?:the\s+)?", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:.!?\"“”()]")


@dataclass(frozen=True)
class Offset:
    """ "two weeks before the ...": where it starts, where its signal word ends, what it says."""

    start: int
    signal_end: int
    end: int  # after the signal and an optional "the"
    count: int
    unit: str
    after: bool


def anchor_offsets(timexes: list[Timex], text: str) -> list[Timex]:
    """The timexes with each "N units after/before <dated expression>" resolved."""
    result = list(timexes)
    for offset in find_offsets(text):
        target = _target(result, text, offset.end)
        value = _shifted(target.value, offset) if target is not None else None
        if target is None or value is None:
            continue
        end = target.end if target.start == offset.end else offset.signal_end
        anchored = Timex(text[offset.start:end], offset.start, end, "DATE", value)
        result = [t for t in result if t.end <= anchored.start or t.start >= anchored.end]
        result.append(anchored)
    return sorted(result, key=lambda t: t.start)


def find_offsets(text: str) -> list[Offset]:
    """Every "N units after/before" in the text."""
    offsets = []
    text = fold_lookalikes(text)  # same length: the offsets hold for the text given
    for signal in _SIGNAL.finditer(text):
        before = _OFFSET.search(text, max(0, signal.start() - 30), signal.start())
        if before is None:
            continue
        word = before.group("count").lower()
        count = 1 if word in ("the", "a", "an") else int(number_value(word) or 1)
        offsets.append(Offset(before.start(), signal.end("dir"), signal.end(), count,
                              before.group("unit").lower(), signal.group("dir").lower() == "after"))
    return offsets


def _target(timexes: list[Timex], text: str, start: int) -> Timex | None:
    for timex in timexes:
        if timex.start < start or timex.start > start + ANCHOR_REACH:
            continue
        if _CLAUSE_BREAK.search(text, start, timex.start) is None and timex.type in ("DATE", "TIME") \
                and period_of_value(timex.value) is not None:
            return timex
    return None


def _shifted(value: str, offset: Offset) -> str | None:
    """The value `count` units after (before) the date: same granularity as the date, which
    must be at least as fine as the unit ("a day after June" has no day to count from)."""
    period = period_of_value(value)
    if period is None:
        return None
    steps = offset.count if offset.after else -offset.count
    gran, unit = period.granularity, offset.unit
    if gran == "D" and unit in ("day", "week"):
        return (period.start + timedelta(days=steps * (7 if unit == "week" else 1))).isoformat()
    months = steps * (12 if unit == "year" else 1)
    if unit in ("month", "year") and gran == "D":
        return _add_months_keeping_day(period.start, months).isoformat()
    if unit in ("month", "year") and gran == "M":
        return period.shift(months).value
    if unit == "year" and gran == "Y":
        return period.shift(steps).value
    return None


def _add_months_keeping_day(day: date, months: int) -> date:
    first = add_months(day, months)
    last_day = (add_months(first, 1) - timedelta(days=1)).day
    return first.replace(day=min(day.day, last_day))
