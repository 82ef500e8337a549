"""Values of lengths of time, repetitions and vague references: "two-day" -> P2D, "2 1/2 years"
-> P2Y6M, "several weeks" -> PXW, "daily" -> P1D (SET), "every Thursday" -> XXXX-WXX-4 (SET),
"now" -> PRESENT_REF, "recently" -> PAST_REF, "the future" -> FUTURE_REF."""

from __future__ import annotations

import re

from parley.timex.context import Context, Resolved, group, month_number, unit_code, weekday_number
from parley.timex.grammar import Candidate
from parley.timex.lexicon import load_lexicon, number_value

# Unit code -> (TIMEX3 letter, is a time unit written after "T", size in the next smaller unit).
UNIT_LETTERS = {"S": ("S", True, 0), "MIN": ("M", True, 60), "H": ("H", True, 60), "D": ("D", False, 24),
                "W": ("W", False, 7), "WE": ("D", False, 0), "2W": ("W", False, 0), "M": ("M", False, 30),
                "Q": ("Q", False, 3), "Y": ("Y", False, 12), "DE": ("Y", False, 0),
                "CE": ("Y", False, 0), "ML": ("Y", False, 0)}
# Units written as multiples of another: a weekend is two days, a decade ten years.
UNIT_MULTIPLES = {"WE": 2, "2W": 2, "DE": 10, "CE": 100, "ML": 1000}
# Words before an amount that make "a year" a rate ("$5 million a year"): a SET, not a duration.
RATE_CONTEXT = re.compile(r"(?:\d|%|million|billion|trillion|percent|cents?|dollars|times|twice|once)"
                          r"[\w\s,.$]{0,12}$", re.IGNORECASE)
# Hedge words that are prepositions when an article follows ("within the next year").
PREPOSITION_HEDGES = frozenset({"over", "within", "under", "around", "about", "for"})
# Vague unit letters: "several months" is PXM, "a few minutes" PTXM.
_VAGUE_TIME_PREFIX = {"S": "PTX", "MIN": "PTX", "H": "PTX"}


def resolve_duration(candidate: Candidate, ctx: Context) -> Resolved | None:
    """duration: "two-day", "the first nine months", "more than four hours", "a year"."""
    code = unit_code(group(candidate, "unit"))
    number_text = group(candidate, "number")
    if number_text in ("a", "an") and not group(candidate, "det") and not group(candidate, "hedge") \
            and RATE_CONTEXT.search(ctx.text[max(0, candidate.start - 30):candidate.start]):
        return None  # "$5 million a year" is a rate: news annotation leaves it unmarked
    span = _adjective_span(candidate)
    if number_text in ("a", "an") and group(candidate, "unit").endswith("s") and group(candidate, "tail"):
        # "a decades-long feud": the article goes with the noun, the length is vague
        return Resolved("DURATION", vague_duration(code), span=(candidate.match.start("unit"), candidate.end))
    count = number_value(number_text)
    if count is None and code == "Y" and number_text in ("recent", "past") and not group(candidate, "det"):
        return Resolved("DATE", "PAST_REF")  # "in recent years"
    if count is None:
        return Resolved("DURATION", vague_duration(code), span=span)
    if group(candidate, "andhalf"):  # "a year and a half"
        count += 0.5
    return Resolved("DURATION", duration_value(count, code), span=span)


def _adjective_span(candidate: Candidate) -> tuple[int, int] | None:
    """ "a 12-day war": the expression is "12-day", without the article; "over the past two
    months": "over" is a preposition there, not a hedge."""
    det_start, number_start = candidate.group_start("det"), candidate.group_start("number")
    if det_start is None or number_start is None:
        return None
    number_end = number_start + len(candidate.group("number") or "")
    if candidate.match.string[number_end:number_end + 1] == "-":
        return number_start, candidate.end
    if group(candidate, "hedge") in PREPOSITION_HEDGES:
        return det_start, candidate.end
    return None


def duration_value(count: float, code: str) -> str:
    """The TIMEX3 duration of `count` units: P2D, PT5H, P2Y6M, P10Y (a decade)."""
    letter, is_time, smaller = UNIT_LETTERS.get(code, ("D", False, 0))
    count *= UNIT_MULTIPLES.get(code, 1)
    whole = int(count)
    fraction = count - whole
    prefix = "PT" if is_time else "P"
    if fraction and smaller:
        smaller_letter = _SMALLER_LETTER.get(code, "")
        rest = round(fraction * smaller)
        head = f"{whole}{letter}" if whole else ""
        return f"{prefix}{head}{rest}{smaller_letter}" if smaller_letter else f"{prefix}{count:g}{letter}"
    return f"{prefix}{whole}{letter}" if not fraction else f"{prefix}{count:g}{letter}"


_SMALLER_LETTER = {"Y": "M", "H": "M", "MIN": "S", "D": "H"}


def vague_duration(code: str) -> str:
    letter = UNIT_LETTERS.get(code, ("D", False, 0))[0]
    if code in ("CE", "ML"):
        letter = {"CE": "C", "ML": "L"}[code]
    return _VAGUE_TIME_PREFIX.get(code, "PX") + letter


def resolve_unit_plural(candidate: Candidate, ctx: Context) -> Resolved:
    """unit_plural: "for years", "within days", "over the years", "the weeks ahead",
    "decades" and "decades-long" -> PXY (TimeML writes vague decades in years), PXD, ...;
    "a year-long" -> P1Y; "months ago" -> PAST_REF."""
    if group(candidate, "unit3"):
        return Resolved("DATE", "PAST_REF", span=(candidate.match.start("unit3"), candidate.end))
    if group(candidate, "unit4"):  # "the weeks ahead"
        return Resolved("DURATION", vague_duration(unit_code(group(candidate, "unit4"))))
    name = "unit" if group(candidate, "unit") else "unit2"
    word = group(candidate, name)
    code = unit_code(word)
    value = vague_duration(code) if name == "unit" or word.endswith("s") else duration_value(1, code)
    return Resolved("DURATION", value, span=(candidate.match.start(name), candidate.end))


def resolve_set(candidate: Candidate, ctx: Context) -> Resolved:
    """set: "daily", "weekly", "annually", "hourly"."""
    return Resolved("SET", load_lexicon().sets[" ".join(group(candidate, "set").split())])


def resolve_weekday_set(candidate: Candidate, ctx: Context) -> Resolved:
    """weekday_set: "on Sundays" -> XXXX-WXX-7, "Tuesday nights" -> XXXX-WXX-2TNI."""
    weekday = weekday_number(group(candidate, "swd") or group(candidate, "swd2"))
    part = load_lexicon().parts_of_day.get(group(candidate, "spod"))
    return Resolved("SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""))


def resolve_season_set(candidate: Candidate, ctx: Context) -> Resolved:
    """season_set: "the past three summers" -> XXXX-SU, "on weekends" -> XXXX-WXX-WE."""
    if group(candidate, "weekends"):
        return Resolved("SET", "XXXX-WXX-WE")
    return Resolved("SET", f"XXXX-{load_lexicon().seasons[group(candidate, 'sseason')]}")


def resolve_set_every(candidate: Candidate, ctx: Context) -> Resolved:
    """set_every: "every day" -> P1D, "each Thursday" -> XXXX-WXX-4, "each July" -> XXXX-07,
    "every three months" -> P3M, "each summer" -> XXXX-SU."""
    if group(candidate, "weekday"):
        return Resolved("SET", f"XXXX-WXX-{weekday_number(group(candidate, 'weekday'))}")
    if group(candidate, "month"):
        return Resolved("SET", f"XXXX-{month_number(group(candidate, 'month')):02d}")
    if group(candidate, "season"):
        return Resolved("SET", f"XXXX-{load_lexicon().seasons[group(candidate, 'season')]}")
    count = 2 if group(candidate, "other") else number_value(group(candidate, "count")) or 1
    return Resolved("SET", duration_value(count, unit_code(group(candidate, "unit"))))


def resolve_set_times(candidate: Candidate, ctx: Context) -> Resolved:
    """set_times: "twice a year", "three times a week" -> the period of the repetition."""
    return Resolved("SET", duration_value(1, unit_code(group(candidate, "unit"))))


def resolve_reference(candidate: Candidate, ctx: Context) -> Resolved:
    """reference: "now", "currently", "recently", "the past", "soon", "the near future"."""
    phrase = " ".join(candidate.match.group(0).lower().replace("’", "'").split())
    return Resolved("DATE", load_lexicon().references[phrase])


def resolve_reference_adjective(candidate: Candidate, ctx: Context) -> Resolved:
    """reference_adjective: "current" -> PRESENT_REF, "recent" -> PAST_REF."""
    return Resolved("DATE", load_lexicon().reference_adjectives[group(candidate, "adj")])
