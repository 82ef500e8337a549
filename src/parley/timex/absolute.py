"""Values of expressions that name their date (or all but its year): "Friday, February 6, 2026",
"Oct. 23", "June 2025", "the third quarter of 1990", "fiscal 1989", "the 1990s", "10 p.m. Wednesday".

A date written without its year takes the year that puts it closest to the document date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from parley.timex.calendar import Period, add_months, season_period, weekday_near
from parley.timex.context import Context, Resolved, dated, group, month_number, weekday_number
from parley.timex.grammar import Candidate, following_day
from parley.timex.lexicon import load_lexicon, number_value

# A year-less date is put within this many days ahead of the document date (news looks back) ...
FUTURE_DAYS_ALLOWED = 60
# ... or, in a future-tense clause, within this many days before it.
PAST_DAYS_ALLOWED_IN_FUTURE = 30
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def resolve_date(candidate: Candidate, ctx: Context) -> Resolved | None:
    """date_mdy, date_dmy, date_iso, date_slash: a calendar day."""
    month_text, day_text = group(candidate, "month"), group(candidate, "day")
    month = int(month_text) if month_text.isdigit() else month_number(month_text)
    day = int(re.sub(r"\D", "", day_text))
    year_text = group(candidate, "year")
    if year_text:
        year = int(year_text)
        year = year + (1900 if year >= 30 else 2000) if year < 100 else year
        return _day(year, month, day)
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}") if _valid(2000, month, day) else None
    direction = {"last": -1, "next": 1, "this": 0}.get(group(candidate, "dir"))
    if direction is not None:
        return _day(_directed_year(ctx.dct, month, day, direction), month, day)
    return _day(closest_year(ctx.dct, month, day, ctx.tense(candidate) == "FUTURE"), month, day)


def resolve_day_range(candidate: Candidate, ctx: Context) -> Resolved | None:
    """day_range: "April 24-25", "April 24 and 25, 1999" -> the first day and the last, each
    its own expression, the last in the month and year of the first."""
    first = resolve_date(candidate, ctx)
    last_day = int(re.sub(r"\D", "", group(candidate, "day2")))
    if first is None or first.period is None or last_day <= first.period.start.day:
        return first
    last = _day(first.period.start.year, first.period.start.month, last_day)
    if last is None:
        return first
    match = candidate.match
    last = last._replace_span((match.start("day2"), candidate.end))
    return Resolved(first.type, first.value, first.period, (candidate.start, match.end("day")),
                    also=(last,))


def resolve_year_range(candidate: Candidate, ctx: Context) -> Resolved | None:
    """year_range: "1994-97", "1994-1997" -> both years, each its own expression."""
    first_year = int(group(candidate, "year"))
    last_text = group(candidate, "year2")
    last_year = int(last_text) if len(last_text) == 4 else first_year - first_year % 100 + int(last_text)
    if last_year <= first_year:
        return None
    match = candidate.match
    last = dated(Period("Y", date(last_year, 1, 1)), "Y")._replace_span(match.span("year2"))
    first = dated(Period("Y", date(first_year, 1, 1)), "Y")
    return Resolved(first.type, first.value, first.period, match.span("year"), also=(last,))


def closest_year(dct: date, month: int, day: int, future: bool = False) -> int:
    """The year that puts month/day in the year around the document date: mostly before it
    (news reports what happened), mostly after it in a future-tense clause."""
    ahead = 365 - PAST_DAYS_ALLOWED_IN_FUTURE if future else FUTURE_DAYS_ALLOWED
    for year in (dct.year, dct.year - 1, dct.year + 1):
        if not _valid(year, month, day):
            continue
        delta = (date(year, month, day) - dct).days
        if ahead - 365 < delta <= ahead:
            return year
    return dct.year


def _directed_year(dct: date, month: int, day: int, direction: int) -> int:
    """The year of "last Oct. 23" (before the document date), "next May 5" (after it)."""
    if direction < 0:
        return dct.year if _valid(dct.year, month, day) and date(dct.year, month, day) < dct else dct.year - 1
    if direction > 0:
        return dct.year if _valid(dct.year, month, day) and date(dct.year, month, day) > dct else dct.year + 1
    return dct.year


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _day(year: int, month: int, day: int) -> Resolved | None:
    if not _valid(year, month, day):
        return None
    return dated(Period("D", date(year, month, day)), "D")


def resolve_month_year(candidate: Candidate, ctx: Context) -> Resolved:
    """month_year: "June 2025", "early January of 1998"."""
    period = Period("M", date(int(group(candidate, "year")), month_number(group(candidate, "month")), 1))
    return dated(period, "M")


def resolve_year(candidate: Candidate, ctx: Context) -> Resolved:
    """year_alone: "1990", "fiscal 1989", "mid-1996", "the first half of 1989"."""
    period = Period("Y", date(int(group(candidate, "year")), 1, 1))
    return with_position(period, group(candidate, "pos"))


def with_position(period: Period, position: str) -> Resolved:
    """A year or month qualified by "the first half of", "the end of" (the half is kept)."""
    half = load_lexicon().position_modifiers.get(position.removeprefix("the ").removesuffix(" the"))
    if period.granularity == "Y" and half in ("H1", "H2"):
        start = period.start if half == "H1" else add_months(period.start, 6)
        return dated(Period("H", start), "H")
    return dated(period, period.granularity)


def resolve_year_words(candidate: Candidate, ctx: Context) -> Resolved | None:
    """year_words: "nineteen ninety-six", "the year two thousand"."""
    words = re.split(r"[\s-]+", group(candidate, "yw").replace(" and", ""))
    if words[:2] == ["two", "thousand"]:
        rest = number_value(" ".join(words[2:])) if words[2:] else 0
        return dated(Period("Y", date(2000 + int(rest or 0), 1, 1)), "Y")
    century = number_value(words[0])
    rest_words = words[1:]
    if century is None or not rest_words:
        return None
    if rest_words[0] == "hundred":
        rest = 0.0
    elif rest_words[0] == "oh":
        rest = number_value(" ".join(rest_words[1:])) or 0.0
    else:
        rest = number_value("-".join(rest_words)) or 0.0
    return dated(Period("Y", date(int(century) * 100 + int(rest), 1, 1)), "Y")


def resolve_decade(candidate: Candidate, ctx: Context) -> Resolved:
    """decade: "the 1990s", "the mid-1980s", "the '80s" (a TIMEX3 decade is three digits).
    "the 1800s", "the early 1900s" name a century (TIMEX3 "18", "19"); "the 2000s" stays the
    decade it mostly names in news."""
    century = group(candidate, "century")
    hundreds = int(century) if century.isdigit() else 19
    if century.isdigit() and group(candidate, "decade") == "0" and hundreds < 20:
        return Resolved("DATE", f"{hundreds:02d}", Period("C", date(hundreds * 100, 1, 1)))
    return Resolved("DATE", f"{hundreds}{group(candidate, 'decade')}",
                    Period("E", date(hundreds * 100 + int(group(candidate, "decade")) * 10, 1, 1)))


def resolve_decade_words(candidate: Candidate, ctx: Context) -> Resolved:
    """decade_words: "the nineties" (of the twentieth century)."""
    decade = _DECADE_WORDS[group(candidate, "decade")]
    return Resolved("DATE", f"19{decade}", Period("E", date(1900 + decade * 10, 1, 1)))


def resolve_century(candidate: Candidate, ctx: Context) -> Resolved | None:
    """century: "the 20th century" -> 19."""
    ordinal = group(candidate, "ordinal")
    number = int(re.sub(r"\D", "", ordinal)) if ordinal[:1].isdigit() \
        else load_lexicon().ordinals.get(ordinal)
    if not number:
        return None
    return Resolved("DATE", f"{number - 1:02d}", Period("C", date(max(1, (number - 1) * 100), 1, 1)))


def resolve_quarter(candidate: Candidate, ctx: Context) -> Resolved:
    """quarter: "the third quarter", "third-quarter", "the first half of 1990", "fiscal 1989 Q2"."""
    ordinal = group(candidate, "ordinal")
    number = {"last": 2, "latter": 2}.get(ordinal) or load_lexicon().ordinals[ordinal]
    unit = "H" if group(candidate, "unit") == "half" else "Q"
    year = _quarter_year(candidate, ctx, unit, number)
    if year is None:
        return Resolved("DATE", f"XXXX-{unit}{number}")
    period = Period(unit, date(year, 1 + (number - 1) * (3 if unit == "Q" else 6), 1))
    if group(candidate, "ago"):
        return dated(period.shift(-4 if unit == "Q" else -2), unit, anchors=False)
    return dated(period, unit)


def _quarter_year(candidate: Candidate, ctx: Context, unit: str, number: int) -> int | None:
    for name in ("year1", "year2", "year3"):
        if group(candidate, name):
            return int(group(candidate, name))
    matched = candidate.match.group(0).lower()
    offset = -1 if "last year" in matched else 1 if "next year" in matched else 0
    if ctx.dct is None:
        return None
    if offset or "this year" in matched:
        return ctx.dct.year + offset
    recent = ctx.recent_quarter(candidate.start)
    if recent is not None and recent.start.year in (ctx.dct.year, ctx.dct.year - 1):
        return recent.start.year
    start = date(ctx.dct.year, 1 + (number - 1) * (3 if unit == "Q" else 6), 1)
    tense = ctx.tense(candidate)
    if tense == "PAST" and start > ctx.dct:
        return ctx.dct.year - 1
    if tense == "FUTURE" and add_months(start, (3 if unit == "Q" else 6) + 3) <= ctx.dct:
        # "expects a loss in the first quarter" in November: this year's first quarter ended
        # more than a quarter ago (its results are out); the one ahead is next year's. The
        # quarter just ended is still being reported ("expects third-quarter net to fall", in
        # October).
        return ctx.dct.year + 1
    return ctx.dct.year


def resolve_month_quarter(candidate: Candidate, ctx: Context) -> Resolved | None:
    """month_quarter: "the October-December quarter" -> the fourth quarter, of the year as for
    "the fourth quarter"; months that are no calendar quarter (a fiscal one) are no timex."""
    first, last = month_number(group(candidate, "m1")), month_number(group(candidate, "m2"))
    if first % 3 != 1 or last != first + 2:
        return None
    number = (first + 2) // 3
    year = _quarter_year(candidate, ctx, "Q", number)
    if year is None:
        return Resolved("DATE", f"XXXX-Q{number}")
    return dated(Period("Q", date(year, first, 1)), "Q")


def resolve_quarter_code(candidate: Candidate, ctx: Context) -> Resolved | None:
    """quarter_code: "Q3 2024", "2024 Q3", "H1 2025", "FY2024", "FY24"."""
    year_text = group(candidate, "year") or group(candidate, "year2") or group(candidate, "fy")
    year = int(re.sub(r"\D", "", year_text))
    year = year + (1900 if year >= 70 else 2000) if year < 100 else year
    code = (group(candidate, "code") or group(candidate, "code2")).upper()
    if not code:
        return dated(Period("Y", date(year, 1, 1)), "Y")
    unit, number = code[0], int(code[1])
    return dated(Period(unit, date(year, 1 + (number - 1) * (3 if unit == "Q" else 6), 1)), unit)


def resolve_fiscal_year(candidate: Candidate, ctx: Context) -> Resolved | None:
    """fiscal_year: "fiscal 1989", "fiscal '90", "the current fiscal year", "the fiscal year"."""
    year_text = group(candidate, "year") or group(candidate, "year0")
    if year_text:
        digits = re.findall(r"\d+", year_text)
        year = int(digits[-1])
        year = year + (1900 if year >= 30 else 2000) if year < 100 else year
        return dated(Period("Y", date(year, 1, 1)), "Y")
    direction = group(candidate, "dir")
    offsets = {"this": 0, "current": 0, "latest": -1, "last": -1, "previous": -1, "past": -1,
               "next": 1, "coming": 1}
    if direction not in offsets:
        return Resolved("DURATION", "P1Y")
    period = ctx.dct_period("Y")
    return dated(period.shift(offsets[direction]) if period else None, "Y")


def resolve_week_of(candidate: Candidate, ctx: Context) -> Resolved | None:
    """week_of: "the week of March 6" -> the ISO week holding that day."""
    day = resolve_date(candidate, ctx)
    if day is None or day.period is None:
        return Resolved("DATE", "XXXX-WXX")
    return dated(day.period.coarsen("W"), "W")


def resolve_clock(candidate: Candidate, ctx: Context) -> Resolved | None:
    """clock_time, clock_after_day: "10 p.m. Wednesday", "noon Saturday", "5 p.m. EST, Nov. 6"."""
    clock = _clock(candidate)
    if clock is None:
        return None
    day = _clock_day(candidate, ctx)
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return Resolved("TIME", f"{prefix}T{clock}", Period("D", day) if day else None)


def resolve_clock_deictic(candidate: Candidate, ctx: Context) -> Resolved | None:
    """clock_deictic: "6:30 this evening" -> T18:30 of the article's day, "10 tomorrow morning"."""
    hour, minute = int(group(candidate, "hourd")), int(group(candidate, "minuted") or 0)
    part = group(candidate, "dpod")
    if hour > 12:
        return None
    if part.endswith(("afternoon", "evening")) or (part.endswith("night") and 6 <= hour < 12):
        hour = hour % 12 + 12
    elif part.endswith("morning") and hour == 12:
        hour = 0
    shift = 1 if part.startswith("tomorrow") else -1 if part.startswith(("yesterday", "last")) else 0
    clock = f"{hour:02d}:{minute:02d}"
    if ctx.dct is None:
        return Resolved("TIME", f"XXXX-XX-XXT{clock}")
    day = ctx.dct + timedelta(days=shift)
    return Resolved("TIME", f"{day.isoformat()}T{clock}", Period("D", day))


def _clock(candidate: Candidate) -> str | None:
    word = group(candidate, "cw") or group(candidate, "cw2")
    if word:
        return load_lexicon().clock_words[word]
    hour_text = (group(candidate, "hour") or group(candidate, "hour2") or group(candidate, "hour24")
                 or group(candidate, "hourw") or group(candidate, "hourc"))
    minute_text = (group(candidate, "minute") or group(candidate, "minute2") or group(candidate, "minute24")
                   or group(candidate, "minutew"))
    ampm = group(candidate, "ampm") or group(candidate, "ampm2") or _spelled_ampm(group(candidate, "podw"))
    hour = int(hour_text)
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{int(minute_text or 0):02d}" if hour <= 24 else None


def _spelled_ampm(part_of_day: str) -> str:
    """ "in the morning" is a.m., "in the evening", "at night" p.m.; "" when not said."""
    if not part_of_day:
        return ""
    return "am" if part_of_day.endswith("morning") else "pm"


def _clock_day(candidate: Candidate, ctx: Context) -> date | None:
    if ctx.dct is None:
        return None
    for month_group, day_group in (("wmonth", "wday"), ("dmonth", "dday")):
        # "3 p.m. Thursday, March 21": the date says more than the weekday
        if group(candidate, month_group):
            return _month_day(ctx.dct, group(candidate, month_group), group(candidate, day_group))
    weekday = group(candidate, "dwd") or group(candidate, "dwd2")
    if weekday:
        direction = 1 if ctx.tense(candidate) == "FUTURE" else -1
        return weekday_near(ctx.dct, weekday_number(weekday), direction)
    deictic = group(candidate, "ddeictic")
    if deictic:
        return ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(deictic, 0))
    following = following_day().match(ctx.text, candidate.end, candidate.end + 60)
    if following is not None:
        return _following_day(following, candidate, ctx.dct, ctx)
    reference = ctx.reference(candidate.start)
    return reference.start if reference is not None and reference.granularity == "D" else ctx.dct


def _month_day(dct: date, month_word: str, day_word: str) -> date | None:
    """The day "Oct. 23" names in the year closest to the document date."""
    month, day = month_number(month_word), int(re.sub(r"\D", "", day_word))
    return date(closest_year(dct, month, day), month, day) if _valid(2000, month, day) else None


def _following_day(match: re.Match[str], candidate: Candidate, dct: date, ctx: Context) -> date | None:
    if match.group("weekday"):
        direction = 1 if ctx.tense(candidate) == "FUTURE" else -1
        return weekday_near(dct, weekday_number(match.group("weekday")), direction)
    if match.group("deictic"):
        return dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(match.group("deictic").lower(), 0))
    return _month_day(dct, match.group("month"), match.group("day"))


def resolve_season_year(year: int, code: str) -> Resolved:
    return dated(season_period(year, code), "S")
