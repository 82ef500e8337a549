"""Values of expressions measured from the document date or from the last date mentioned:
"yesterday", "on Sunday", "late last month", "in June", "June last year", "a year earlier",
"the following day", "earlier in the year".

Without a document date they stay unresolved ("XXXX-XX-XX", "XXXX-06", "XXXX-WXX-7").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from parley.timex.calendar import (
    Period,
    add_months,
    unresolved,
    weekday_near,
)
from parley.timex.context import (
    REFERENCE_REACH,
    UNIT_GRANULARITY,
    Context,
    Resolved,
    dated,
    group,
    month_number,
    unit_code,
    weekday_number,
    year_steps,
)
from parley.timex.durations import vague_duration
from parley.timex.grammar import Candidate
from parley.timex.lexicon import load_lexicon, number_value
from parley.timex.tense import Tense

# A bare month name in a clause of unknown tense is taken as coming up if at most this far ahead.
MONTHS_AHEAD = 2
# ... and in any clause, when it is the month right after the article's.
NEXT_MONTH_WHATEVER_THE_TENSE = 1
# Part-of-day words that make a day expression a TIME ("Friday morning" -> ...TMO).
TIME_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# Direction words that count from the last date mentioned, not from the document date.
ANAPHORIC_DIRECTIONS = frozenset({"following", "same", "latest"})
# With "the", these count from the last date mentioned too: "next week" is the week after the
# article's, but "the next week" (of a story told) the week after the one just narrated.
NARRATIVE_SHIFTS = {"the next": 1, "the following": 1, "following": 1, "the previous": -1,
                    "the preceding": -1, "the prior": -1}


def direction_of(word: str) -> int | None:
    """-1 for "last", "the past"; +1 for "next"; 0 for "this"; None for words that point at
    another date ("the following", "that") or for no word."""
    word = word.removeprefix("the ")
    if word in ANAPHORIC_DIRECTIONS:
        return None
    return load_lexicon().direction_words.get(word)


def resolve_deictic(candidate: Candidate, ctx: Context) -> Resolved:
    """deictic: "today", "yesterday", "tonight", "this morning", "last night"."""
    phrase = group(candidate, "deictic") or candidate.match.group(0).lower()
    phrase = " ".join(phrase.split())
    if phrase == "today" and _generic_today(ctx.text, candidate.end):
        return Resolved("DATE", "PRESENT_REF")
    shift = load_lexicon().deictic_days.get(phrase, 0)
    part = next((code for word, code in TIME_OF_DAY.items() if phrase.endswith(word)), None)
    return _day_with_part(ctx, shift, part)


_POSSESSIVE_NOUN = re.compile(r"['’]s\s+(\w+)")


def _generic_today(text: str, end: int) -> bool:
    """ "today's world", "in today's dollars": the present age, not the day (PRESENT_REF)."""
    found = _POSSESSIVE_NOUN.match(text, end)
    return found is not None and found.group(1).lower() in load_lexicon().generic_present_nouns


def resolve_deictic_pod(candidate: Candidate, ctx: Context) -> Resolved:
    """deictic_pod: "yesterday afternoon", "early today", "mid-afternoon yesterday"."""
    word = group(candidate, "deictic") or group(candidate, "deictic2")
    pod = group(candidate, "pod") or group(candidate, "pod2")
    if word == "today" and not pod and _generic_today(ctx.text, candidate.end):
        return Resolved("DATE", "PRESENT_REF")
    part = load_lexicon().parts_of_day.get(pod) if pod else None
    return _day_with_part(ctx, load_lexicon().deictic_days[word], part)


def _day_with_part(ctx: Context, shift: int, part: str | None) -> Resolved:
    if ctx.dct is None:
        return Resolved("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""))
    day = Period("D", ctx.dct + timedelta(days=shift))
    if part:
        return Resolved("TIME", f"{day.value}T{part}", day)
    return dated(day, "D")


def resolve_weekday(candidate: Candidate, ctx: Context) -> Resolved:
    """weekday: "Sunday" (past clause: the Sunday before the article), "next Friday", "Friday night".

    A weekday with a part of the day ("Friday morning", "Saturday night") is valued as its day,
    a DATE: so the TimeBank and AQUAINT annotators mostly type and value it, on both halves of
    the TempEval-3 training data (value F1 tune 0.8441 -> 0.8452, held 0.8030 -> 0.8063; type
    accuracy tune 0.964 -> 0.971, held 0.939 -> 0.952). "this morning", "last night" keep theirs
    (there the data keeps the part of the day)."""
    weekday = weekday_number(group(candidate, "weekday"))
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-WXX-{weekday}")
    direction_word = group(candidate, "dir")
    reference = ctx.reference(candidate.start)
    if direction_word in _REFERENCE_WEEKDAY and reference is not None and reference.granularity == "D":
        day = weekday_near(reference.start, weekday, _REFERENCE_WEEKDAY[direction_word])
    else:
        day = weekday_near(ctx.dct, weekday, _weekday_direction(direction_word, ctx.tense(candidate)))
    return dated(Period("D", day), "D")


# "the previous Friday", "the following Monday": counted from the last day mentioned.
_REFERENCE_WEEKDAY = {"previous": -2, "preceding": -2, "prior": -2, "following": 2}


def _weekday_direction(word: str, tense: Tense | None) -> int:
    direction = direction_of(word)
    if direction == -1:
        return -2
    if direction == 1:
        return 2
    return 1 if tense == "FUTURE" else -1


def resolve_month_alone(candidate: Candidate, ctx: Context) -> Resolved:
    """month_alone: "in June" (the June before a past clause, after a future one), "last November"."""
    month = month_number(group(candidate, "month"))
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-{month:02d}")
    direction = direction_of(group(candidate, "dir"))
    current = Period("M", ctx.dct.replace(day=1))
    this_year = Period("M", date(ctx.dct.year, month, 1))
    if direction == -1:
        period = this_year if this_year.start < current.start else this_year.shift(-12)
        if period.shift(1) == current:  # "last February" written in March: February is "last month"
            period = period.shift(-12)
    elif direction == 1:
        period = this_year if this_year.start > current.start else this_year.shift(12)
        if period.shift(-1) == current:  # "next April" written in March: April is "next month"
            period = period.shift(12)
    elif direction == 0:
        period = this_year
    elif (start := _range_start(candidate, ctx)) is not None:
        period = Period("M", date(start.start.year + (month < start.start.month), month, 1))
    else:
        period = _month_by_tense(this_year, current, ctx.tense(candidate))
    return dated(period, "M")


# What joins the two ends of a range: "March to May", "between March and May", "March-May".
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and|or)\s*$", re.IGNORECASE)


def _range_start(candidate: Candidate, ctx: Context) -> Period | None:
    """The month that opens a range this bare month closes ("from March to May", "between
    November and February"): the end is the first such month on or after the start, whatever
    the clause's tense says of the end alone."""
    last = ctx.last
    if last is None or last.granularity != "M" or candidate.start - ctx.last_end > 12:
        return None
    return last if _RANGE_JOIN.fullmatch(ctx.text[ctx.last_end:candidate.start]) else None


def _month_by_tense(this_year: Period, current: Period, tense: Tense | None) -> Period:
    """A past clause: the month on or before the article's; a future one: on or after it;
    otherwise the nearest, looking ahead at most MONTHS_AHEAD. The month just after the article's
    is the coming one whatever the tense: news names the one eleven months back "last September"
    or "September last year" ("announced a cutback in its supply in September", in August)."""
    if tense == "FUTURE":
        return this_year if this_year.start >= current.start else this_year.shift(12)
    if this_year.start <= current.start:
        return this_year
    ahead = (this_year.start.year - current.start.year) * 12 + this_year.start.month - current.start.month
    if ahead <= NEXT_MONTH_WHATEVER_THE_TENSE:
        return this_year
    return this_year if tense != "PAST" and ahead <= MONTHS_AHEAD else this_year.shift(-12)


def resolve_month_rel_year(candidate: Candidate, ctx: Context) -> Resolved:
    """month_rel_year: "June last year", "January this year", "March of that year", "Jan. 3
    last year" (a day: None when that year has no such day)."""
    month = month_number(group(candidate, "month"))
    day_text = group(candidate, "rday") or group(candidate, "rday2")
    day = int(re.sub(r"\D", "", day_text)) if day_text else 0
    year = _year_of(group(candidate, "dir"), candidate, ctx)
    if year is None:
        return Resolved("DATE", f"XXXX-{month:02d}" + (f"-{day:02d}" if day else ""))
    if day:
        return dated(Period("D", date(year, month, day)), "D")  # ValueError: no such day, no timex
    return dated(Period("M", date(year, month, 1)), "M")


def _year_of(direction_word: str, candidate: Candidate, ctx: Context) -> int | None:
    direction = direction_of(direction_word)
    if direction is not None:
        return ctx.dct.year + direction if ctx.dct else None
    reference = ctx.reference(candidate.start)
    if reference is None:
        return None
    shift = {"the following": 1, "the previous": -1}.get(direction_word, 0)
    return reference.start.year + shift


def resolve_unit_relative(candidate: Candidate, ctx: Context) -> Resolved | None:
    """unit_relative: "last week", "late last month", "this year", "the past year", "the weekend"."""
    direction_word, unit = group(candidate, "dir"), group(candidate, "unit")
    granularity = _UNIT_WORDS.get(unit, "D")
    if direction_word == "the past" and unit == "year":
        last_year = ctx.dct_period("Y")
        return dated(last_year.shift(-1) if last_year else None, "Y")  # "over the past year"
    if direction_word in ("the past", "the last", "past") and unit not in ("weekend", "day", "night"):
        return Resolved("DURATION", "P1" + _DURATION_LETTER.get(granularity, "Y"))
    if direction_word == "the" or (direction_word == "that" and unit == "weekend"):
        return _the_unit(candidate, ctx, unit, granularity)
    direction = direction_of(direction_word)
    if direction is None or direction_word in NARRATIVE_SHIFTS:
        return _anaphoric_unit(candidate, ctx, direction_word, granularity)
    base = ctx.dct_period(granularity)
    if base is None:
        return Resolved("DATE", unresolved(granularity))
    if granularity == "WE" and ctx.dct is not None:
        return dated(_weekend_toward(ctx.dct, direction), "WE")
    return _positioned(base.shift(direction), group(candidate, "pos"))


# "the year ended March 31": a length of time up to a date (TimeML: a duration).
_PERIOD_ENDED = re.compile(r"\s+(?:that\s+)?(?:ended|ending)\b")
_UNIT_WORDS = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "E", "century": "C",
               "day": "D", "morning": "D", "afternoon": "D", "evening": "D", "night": "D", "quarter": "Q"}
_DURATION_LETTER = {"W": "W", "M": "M", "Y": "Y", "E": "0Y", "C": "00Y", "Q": "Q", "D": "D"}


def _positioned(period: Period, position: str) -> Resolved:
    half = load_lexicon().position_modifiers.get(position.removeprefix("the ").removesuffix(" the"))
    if period.granularity == "Y" and half in ("H1", "H2"):
        return dated(Period("H", period.start if half == "H1" else add_months(period.start, 6)), "H")
    return dated(period, period.granularity)


def _the_unit(candidate: Candidate, ctx: Context, unit: str, granularity: str) -> Resolved | None:
    if unit == "weekend":
        return dated(_weekend(ctx, candidate), "WE")
    before = ctx.text[max(0, candidate.start - 12):candidate.start].lower().split()
    # "over the year" is a length of time; "for the year" the year reported on, as "for the
    # quarter" is the quarter ("net for the year", "a high for the year": TempEval-3 training
    # value F1 tune 0.8499 -> 0.8510, held 0.8089 -> 0.8099)
    spans_year = bool(before) and before[-1] in ("over", "during", "throughout", "through", "all")
    if unit == "year" and not group(candidate, "pos") and (
            spans_year or _PERIOD_ENDED.match(ctx.text, candidate.end)):
        return Resolved("DURATION", "P1Y")  # "over the year", "in the year ended March 31"
    reference = ctx.reference(candidate.start) if unit not in ("year",) else ctx.dct_period("D")
    part = TIME_OF_DAY.get(unit)
    if part and not group(candidate, "pos"):  # "in the morning": a time of the day being told
        day = reference.value if reference is not None and reference.granularity == "D" else "XXXX-XX-XX"
        return Resolved("TIME", f"{day}T{part}")
    if reference is None:
        return Resolved("DATE", unresolved(granularity))
    return _positioned(reference.coarsen(granularity), group(candidate, "pos"))


def _weekend_toward(dct: date, direction: int) -> Period:
    """ "this weekend", "next/upcoming weekend" (the first one from a weekday), "last weekend"."""
    this_weekend = Period.containing(dct, "WE")
    if direction > 0 and dct.isoweekday() >= 6:
        return this_weekend.shift(1)
    return this_weekend.shift(-1) if direction < 0 else this_weekend


def _weekend(ctx: Context, candidate: Candidate) -> Period | None:
    if ctx.dct is None:
        return None
    this_weekend = Period.containing(ctx.dct, "WE")
    if ctx.dct.isoweekday() >= 6:
        return this_weekend
    return this_weekend if ctx.tense(candidate) == "FUTURE" else this_weekend.shift(-1)


def _anaphoric_unit(candidate: Candidate, ctx: Context, word: str, granularity: str) -> Resolved | None:
    reference = ctx.reference(candidate.start)
    if reference is None:
        return Resolved("DATE", unresolved(granularity))
    shift = NARRATIVE_SHIFTS.get(word, 0)
    if not _finer_or_equal(reference.granularity, granularity):
        if ctx.dct is not None and not shift:
            return None  # "trades made that day" after "in 1987": no day the text tells
        return Resolved("DATE", unresolved(granularity))  # "the next day" or "that day" after "in June"
    if shift and _against_tense(candidate, ctx, shift):
        return Resolved("DATE", unresolved(granularity))
    return dated(reference.coarsen(granularity).shift(shift), granularity)


def _finer_or_equal(granularity: str, than: str) -> bool:
    order = ("D", "WE", "W", "M", "S", "Q", "H", "Y", "E", "C")
    return order.index(granularity) <= order.index(than)


def resolve_anaphoric(candidate: Candidate, ctx: Context) -> Resolved | None:
    """anaphoric: "that day", "the following day", "the day before", "that year"."""
    phrase = group(candidate, "phrase")
    words = phrase.split()
    unit = next((w for w in words if w in _UNIT_WORDS), "day")
    granularity = _UNIT_WORDS[unit]
    reference = ctx.reference(candidate.start)
    if reference is None:
        return Resolved("DATE", unresolved(granularity))
    shift = 1 if {"following", "next", "after"} & set(words) else -1 if {
        "previous", "preceding", "prior", "before"} & set(words) else 0
    if not _finer_or_equal(reference.granularity, granularity):
        if ctx.dct is not None and not shift:
            return None  # "trades made that day" after "in 1987": no day the text tells
        return Resolved("DATE", unresolved(granularity))  # "that day" after "in 1987": a day not told
    if shift and _against_tense(candidate, ctx, shift):
        return Resolved("DATE", unresolved(granularity))
    return dated(reference.coarsen(granularity).shift(shift), granularity)


def _against_tense(candidate: Candidate, ctx: Context, shift: int) -> bool:
    """True when, with no date told before it, a narrative step counted from the document date
    says the opposite of its clause: "the talks ended the following day" cannot be the day after
    the article; "will meet the day before" cannot be the day before it. The day it follows is
    then one the text does not give."""
    if ctx.last is not None and candidate.start - ctx.last_end <= REFERENCE_REACH:
        return False
    tense = ctx.tense(candidate)
    return (shift > 0 and tense == "PAST") or (shift < 0 and tense == "FUTURE")


def resolve_position_in(candidate: Candidate, ctx: Context) -> Resolved:
    """position_in: "earlier in the year", "later in the day"."""
    granularity = _UNIT_WORDS.get(group(candidate, "unit"), "Y")
    if granularity == "D":
        reference = ctx.reference(candidate.start)
        if reference is not None and reference.granularity == "D":
            return dated(reference, "D")
    return dated(ctx.dct_period(granularity), granularity)


def resolve_anchored_shift(candidate: Candidate, ctx: Context) -> Resolved:
    """anchored_shift: "a year ago", "two weeks earlier", "five years from now", "a day later"."""
    anchor = group(candidate, "anchor")
    forward = load_lexicon().anchor_words.get(anchor, -1) > 0
    count = number_value(group(candidate, "number"))
    if count is None and anchor not in _FROM_NOW:
        # "a few days later": counted from a date told, by an amount not told; TimeML marks
        # the length ("a few days", PXD)
        return Resolved("DURATION", vague_duration(unit_code(group(candidate, "unit"))),
                        span=(candidate.start, candidate.match.end("unit")))
    if count is None:
        return Resolved("DATE", "FUTURE_REF" if forward else "PAST_REF")
    code = unit_code(group(candidate, "unit"))
    if code in ("H", "MIN", "S"):
        return _clock_shift(candidate, ctx, anchor, count if code == "H" else 0, forward)
    granularity = UNIT_GRANULARITY.get(code, "D")
    steps = int(count) * (-1 if not forward else 1) * (10 if code == "DE" else 100 if code == "CE" else 1)
    steps *= 2 if code == "2W" else 1
    granularity = "Y" if code in ("DE", "CE") else granularity
    base = _shift_base(candidate, ctx, anchor, granularity)
    if base is None or (steps > 0 and anchor not in _FROM_NOW and _against_tense(candidate, ctx, steps)):
        return Resolved("DATE", unresolved(granularity))
    if base.granularity in ("Q", "H") and granularity == "Y":
        return dated(base.shift(steps * year_steps(base.granularity)), base.granularity,
                     anchors=False)
    return dated(base.coarsen(granularity).shift(steps), granularity, anchors=anchor not in _COMPARISONS)


def _clock_shift(candidate: Candidate, ctx: Context, anchor: str, hours: float, forward: bool) -> Resolved:
    """ "ten minutes later", "48 hours earlier", "two hours ago": the day it falls on, counted from
    the day last told ("later"), or from the document date ("ago", "from now"); whole days of
    hours move the day."""
    base = ctx.dct_period("D")
    if anchor not in _FROM_NOW:
        reference = ctx.reference(candidate.start)
        if reference is not None and reference.granularity == "D":
            base = reference
    if base is None:
        return dated(None, "D", "TIME")
    days = int(hours // 24) * (1 if forward else -1)
    return dated(base.shift(days) if days else base, "D", "TIME", anchors=anchor not in _COMPARISONS)


_FROM_NOW = frozenset({"ago", "from now", "hence", "back"})
# Anchor words of comparisons ("up from a year earlier"): the text does not move to that date.
_COMPARISONS = frozenset({"ago", "earlier", "before", "previously", "prior", "back"})


def _shift_base(candidate: Candidate, ctx: Context, anchor: str, granularity: str) -> Period | None:
    """What "N units ago/earlier" counts from: the quarter being reported, the document date
    ("ago" is always counted from now), or the last date mentioned ("two days later")."""
    if anchor in _FROM_NOW and ctx.dct is None:
        return None
    quarter = (ctx.compared_quarter(candidate.start) if anchor in _COMPARISONS
               else ctx.recent_quarter(candidate.start))
    if quarter is not None and granularity == "Y":
        return quarter
    if anchor in _FROM_NOW:
        return ctx.dct_period("D")
    reference = ctx.reference(candidate.start)
    if reference is not None and not _finer_or_equal(reference.granularity, granularity):
        return ctx.dct_period("D")
    return reference


def resolve_day_ordinal(candidate: Candidate, ctx: Context) -> Resolved | None:
    """day_ordinal: "on the 25th", a day of the month told (the last date mentioned, to the month
    or day), else of the article's month, or the month before (past clause) or after (future)
    when that day is not yet or already over."""
    day = int(group(candidate, "oday"))
    reference = ctx.reference(candidate.start)
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-XX-{day:02d}")
    if reference is not None and reference.granularity in ("D", "M") and reference != ctx.dct_period("D"):
        month = reference.start.replace(day=1)
    else:
        month = ctx.dct.replace(day=1)
        tense = ctx.tense(candidate)
        if tense == "FUTURE" and day < ctx.dct.day:
            month = add_months(month, 1)
        elif tense != "FUTURE" and day > ctx.dct.day:
            month = add_months(month, -1)
    return dated(Period("D", month.replace(day=day)), "D")


def resolve_day_count(candidate: Candidate, ctx: Context) -> Resolved | None:
    """day_count: "today is the eighth day of the blockade" is the article's day; "Tuesday was
    the third day of protests" the day told just before. A past count with no day told before
    it has no date the text gives: no timex."""
    if ctx.dct is None:
        return None
    if ctx.tense(candidate) == "PAST":
        reference = ctx.reference(candidate.start)
        if reference is None or reference.granularity != "D" or ctx.last is None:
            return None
        return dated(reference, "D")
    return dated(Period("D", ctx.dct), "D")


def resolve_mid_pod(candidate: Candidate, ctx: Context) -> Resolved:
    """mid_pod: "by mid-afternoon" is the middle of the afternoon of the day told (the last day
    mentioned, else the document date)."""
    part = TIME_OF_DAY[group(candidate, "mpod")]
    reference = ctx.reference(candidate.start)
    day = reference.value if reference is not None and reference.granularity == "D" else "XXXX-XX-XX"
    return Resolved("TIME", f"{day}T{part}")


def resolve_overnight(candidate: Candidate, ctx: Context) -> Resolved:
    """ "overnight": the night that ended the morning of the day told (the last day mentioned,
    else the document date): "overnight losses in New York" before Friday's London trading is
    Thursday night."""
    if ctx.dct is None:
        return Resolved("TIME", "XXXX-XX-XXTNI")
    reference = ctx.reference(candidate.start)
    day = reference.start if reference is not None and reference.granularity == "D" else ctx.dct
    night = Period("D", day - timedelta(days=1))
    return Resolved("TIME", f"{night.value}TNI", night, anchors=False)
