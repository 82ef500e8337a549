"""Calendar periods at a granularity, shifted and written as TIMEX3 values.

A `Period` is a span of the calendar named by its granularity and its first day: the day
2025-08-04, the ISO week 2025-W32, the month 2025-07, the quarter 1989-Q3, the decade 199.
`unresolved()` writes the same granularities with X's for documents without a date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

# Granularities, finest first. WE is a weekend, S a season, E a decade, C a century.
GRANULARITIES = ("D", "WE", "W", "M", "S", "Q", "H", "Y", "E", "C")
SEASON_CODES = ("WI", "SP", "SU", "FA")  # by the quarter of the year their first month falls in
SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_MONTHS_PER_UNIT = {"M": 1, "S": 3, "Q": 3, "H": 6, "Y": 12, "E": 120, "C": 1200}
_UNRESOLVED = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "S": "XXXX-XX",
               "Q": "XXXX-QX", "H": "XXXX-HX", "Y": "XXXX", "E": "XXX", "C": "XX"}


@dataclass(frozen=True)
class Period:
    """A calendar period: granularity and first day (for a season, the first day of its first month)."""

    granularity: str
    start: date

    @classmethod
    def containing(cls, day: date, granularity: str) -> Period:
        """The period of this granularity that contains the day."""
        return cls(granularity, _floor(day, granularity))

    def shift(self, count: int) -> Period:
        """The period `count` units later (earlier when negative)."""
        if self.granularity == "D":
            return Period("D", self.start + timedelta(days=count))
        if self.granularity in ("W", "WE"):
            return Period(self.granularity, self.start + timedelta(weeks=count))
        return Period(self.granularity, add_months(self.start, count * _MONTHS_PER_UNIT[self.granularity]))

    def coarsen(self, granularity: str) -> Period:
        """The period of a coarser granularity that contains this one's first day."""
        return Period.containing(self.start, granularity)

    @property
    def value(self) -> str:
        return format_period(self)


def format_period(period: Period) -> str:
    """The TIMEX3 value of a period."""
    day, gran = period.start, period.granularity
    if gran == "D":
        return day.isoformat()
    if gran in ("W", "WE"):
        iso_year, week, _ = day.isocalendar()
        return f"{iso_year:04d}-W{week:02d}" + ("-WE" if gran == "WE" else "")
    if gran == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if gran == "S":
        return f"{day.year:04d}-{SEASON_CODES[day.month // 3 % 4]}"
    if gran == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if gran == "H":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if gran == "E":
        return f"{day.year // 10:03d}"
    if gran == "C":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def unresolved(granularity: str) -> str:
    """The TIMEX3 value of an unknown period of this granularity."""
    return _UNRESOLVED[granularity]


def season_period(year: int, code: str) -> Period:
    return Period("S", date(year, SEASON_FIRST_MONTH[code], 1))


def add_months(day: date, months: int) -> date:
    """The first of the month `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _floor(day: date, granularity: str) -> date:
    if granularity == "D":
        return day
    if granularity == "W":
        return day - timedelta(days=day.weekday())
    if granularity == "WE":
        return day - timedelta(days=day.weekday()) + timedelta(days=5)
    if granularity == "S":
        # Winter starts in December: January and February belong to the previous year's winter.
        first = day.month - day.month % 3
        return date(day.year, first, 1) if first else date(day.year - 1, 12, 1)
    months = _MONTHS_PER_UNIT[granularity]
    if granularity in ("E", "C"):
        return date(day.year - day.year % (months // 12), 1, 1)
    return date(day.year, day.month - (day.month - 1) % months, 1)


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The ISO weekday (1 = Monday) on or before the anchor (direction -1), on or after it (+1),
    or strictly before / after it (direction -2 / +2)."""
    delta = (weekday - anchor.isoweekday()) % 7
    if direction > 0:
        if direction == 2 and delta == 0:
            delta = 7
        return anchor + timedelta(days=delta)
    back = (anchor.isoweekday() - weekday) % 7
    if direction == -2 and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 = last) ISO weekday of a month."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = add_months(date(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def period_of_value(value: str) -> Period | None:
    """The period a TIMEX3 day, month or year value names ("2025-08-03T12:00" counts as its day)."""
    parts = value[:10].split("-")
    try:
        numbers = [int(part) for part in parts]
    except ValueError:
        return None
    if len(numbers) == 3 and len(parts[0]) == 4:
        return Period("D", date(*numbers))
    if len(numbers) == 2 and len(parts[0]) == 4:
        return Period("M", date(numbers[0], numbers[1], 1))
    if len(numbers) == 1 and len(parts[0]) == 4:
        return Period("Y", date(numbers[0], 1, 1))
    return None
