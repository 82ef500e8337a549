"""Values of named periods: quarters and halves named by their place ("the latest quarter",
"the year-ago period"), seasons ("last fall"), holidays ("Christmas", "Election Day") and the
end of the year ("by year-end")."""

from __future__ import annotations

from datetime import date, timedelta

from parley.timex.calendar import Period, easter, nth_weekday, season_period
from parley.timex.context import Context, Resolved, dated, group, year_steps
from parley.timex.grammar import Candidate
from parley.timex.lexicon import load_lexicon
from parley.timex.relative import direction_of


def resolve_quarter_relative(candidate: Candidate, ctx: Context) -> Resolved | None:
    """quarter_relative: "the quarter", "the latest quarter", "the year-ago period", "this quarter"."""
    direction_word, unit = group(candidate, "dir"), group(candidate, "unit")
    recent = ctx.recent_period(candidate.start) if unit == "period" else ctx.recent_quarter(candidate.start)
    year_ago = "year" in direction_word or direction_word in ("comparable", "corresponding") \
        or bool(group(candidate, "ago"))
    if recent is None and unit == "period":
        return None
    current = ctx.dct_period("Q")
    if direction_word == "latest" and current is not None:
        recent = current.shift(-1)
    if direction_word in ("next", "coming"):
        return dated(current.shift(1) if current else None, "Q")
    if direction_word == "current" and current is not None:
        return dated(current, "Q")
    base = recent or (current.shift(-1) if current else None)
    if base is None:
        return Resolved("DATE", "XXXX-QX")
    if direction_word in ("last", "previous", "past") and recent is None:
        base = current.shift(-1) if current else base
    if year_ago:
        compared = ctx.compared_quarter(candidate.start)
        if compared is not None and (unit == "period" or compared.granularity != "Y"):
            base = compared
        return dated(base.shift(-year_steps(base.granularity)), base.granularity, anchors=False)
    if group(candidate, "year"):  # "the 1988 period": the same quarter of a named year
        base = Period(base.granularity, base.start.replace(year=int(group(candidate, "year"))))
        return dated(base, base.granularity, anchors=False)
    return dated(base, base.granularity)


def resolve_year_relative_adjective(candidate: Candidate, ctx: Context) -> Resolved:
    """year_relative_adjective: "year-earlier", "year-ago" (the same period a year before)."""
    recent = ctx.compared_quarter(candidate.start)
    if recent is not None:
        return dated(recent.shift(-year_steps(recent.granularity)), recent.granularity, anchors=False)
    year = ctx.dct_period("Y")
    return dated(year.shift(-1) if year else None, "Y", anchors=False)


def resolve_season(candidate: Candidate, ctx: Context) -> Resolved:
    """season: "last fall", "this summer", "the winter of 1994"."""
    code = load_lexicon().seasons[group(candidate, "season")]
    year_text = group(candidate, "year")
    if year_text[:1].isdigit():
        return dated(season_period(int(year_text), code), "S")
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-{code}")
    if year_text:
        return dated(season_period(ctx.dct.year + (-1 if "last" in year_text else 1 if "next" in year_text
                                                   else 0), code), "S")
    current = Period.containing(ctx.dct, "S")
    same_year = season_period(ctx.dct.year, code)
    direction = direction_of(group(candidate, "dir"))
    if direction is None:
        tense = ctx.tense(candidate)
        direction = -1 if tense == "PAST" and same_year.start > current.start else 0
        direction = 1 if tense == "FUTURE" and same_year.start < current.start else direction
    if direction == -1:
        return dated(same_year if same_year.start < current.start else same_year.shift(-4), "S")
    if direction == 1:
        return dated(same_year if same_year.start > current.start else same_year.shift(4), "S")
    return dated(same_year, "S")


def resolve_holiday(candidate: Candidate, ctx: Context) -> Resolved:
    """holiday: "Christmas", "last Thanksgiving", "Easter 2024", "Election Day"."""
    rule = load_lexicon().holidays[" ".join(group(candidate, "holiday").replace("’", "'").split())]
    year_text = group(candidate, "year")
    if year_text:
        return dated(Period("D", holiday_date(rule, int(year_text))), "D")
    if ctx.dct is None:
        return Resolved("DATE", "XXXX-XX-XX")
    direction = direction_of(group(candidate, "dir"))
    if direction is None:
        direction = 1 if ctx.tense(candidate) == "FUTURE" else -1
    this_year = holiday_date(rule, ctx.dct.year)
    if direction < 0 and this_year > ctx.dct:
        this_year = holiday_date(rule, ctx.dct.year - 1)
    elif direction > 0 and this_year < ctx.dct:
        this_year = holiday_date(rule, ctx.dct.year + 1)
    return dated(Period("D", this_year), "D")


def holiday_date(rule: str, year: int) -> date:
    """The day a holiday rule ("fixed:12:25", "nth:11:4:4", "last:5:1", "easter:-2") gives in a year."""
    kind, *numbers = rule.split(":")
    values = [int(n) for n in numbers]
    if kind == "fixed":
        return date(year, values[0], values[1])
    if kind == "nth":
        return nth_weekday(year, values[0], values[1], values[2])
    if kind == "last":
        return nth_weekday(year, values[0], values[1], -1)
    if kind == "easter":
        return easter(year) + timedelta(days=values[0])
    return nth_weekday(year, 11, 1, 1) + timedelta(days=1)  # election day: Tuesday after 1st Monday


def resolve_year_end(candidate: Candidate, ctx: Context) -> Resolved:
    """year_end: "by year-end", "the full year" -> the document's year ("since year-end": the last)."""
    year = ctx.dct_period("Y")
    if year is not None and group(candidate, "pos") == "since":
        year = year.shift(-1)
    return dated(year, "Y")._replace_span(candidate.match.span("what"))
