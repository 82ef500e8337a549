"""Time: temporal expressions found in an article and normalised against its date (TIMEX3).

    extract_timexes(doc, dct) -> [Timex]       # "on Sunday" in a 2025-08-04 article -> 2025-08-03
    governing_date(doc, timexes, start, end, dct) -> DateAnchor | None   # the date of a clause

How: a table of regular expressions built from the word lists in `data/timex_lexicon.json`
(`grammar`) finds candidates; `filters` drops names, ages, counts and reading times; a rule
per expression kind (`absolute`, `relative`, `periods`, `durations`) gives the value from the
document date (DCT), the tense of the clause (`tense`, from spaCy's parse) and the last date
mentioned (`context`); `links` resolves "the day after <date>". Absolute dates are read by the
grammar itself (dateparser is not needed). Without a DCT, relative expressions count from the
latest day the text writes in full ("May 16, 2025"), or else stay unresolved ("XXXX-XX-XX",
"XXXX-06"): they are never anchored to today.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from spacy.tokens import Doc

from parley.models import Timex
from parley.nlp import doc_text
from parley.timex import absolute, durations, periods, relative
from parley.timex.anchor import DateAnchor, governing_date
from parley.timex.context import Context, Resolved
from parley.timex.filters import keep_candidate, name_spans
from parley.timex.grammar import Candidate, find_candidates, select_longest
from parley.timex.lexicon import fold_lookalikes
from parley.timex.links import anchor_offsets

__all__ = ["DateAnchor", "extract_timexes", "find_timexes", "governing_date"]


def extract_timexes(doc: Doc, dct: str | None) -> list[Timex]:
    """The temporal expressions of a parsed text, with TIMEX3 values relative to `dct`
    ("YYYY-MM-DD", the article's date, or None). Offsets index into `doc.text`."""
    return find_timexes(doc_text(doc), dct, doc)


def find_timexes(text: str, dct: str | None, doc: Doc | None = None) -> list[Timex]:
    """As `extract_timexes`, for a text; without its parse, every clause counts as past tense."""
    matched = fold_lookalikes(text)  # what the rules read; records quote `text` itself
    timexes = []
    names = name_spans(doc) if doc is not None else []
    kept = select_longest([candidate for candidate in find_candidates(matched)
                           if keep_candidate(candidate, matched, names)])
    context = Context(matched, _parse_dct(dct) or _latest_full_date(kept, matched), doc)
    for candidate in kept:
        resolved = _resolve(candidate, context)
        if resolved is None:
            continue
        for part in (resolved, *resolved.also):
            start, end = part.span or (candidate.start, candidate.end)
            start = _after_possessive(matched, start, end)
            timexes.append(Timex(text[start:end], start, end, part.type, part.value))
            context.remember(part, end)
            context.remember_span(part, matched[start:end], end)
    return anchor_offsets(timexes, text)


# Rules that write a whole calendar day, year included ("May 16, 2025", "2025-05-16").
_FULL_DATE_RULES = frozenset({"date_mdy", "date_dmy", "date_iso"})


def _latest_full_date(candidates: list[Candidate], text: str) -> date | None:
    """Without a document date, the latest day the text writes in full, year included: the
    story's own date for what it tells relative to it ("on Friday", "next week"). Relative
    expressions of a text with no such day stay unresolved (never counted from today)."""
    probe = Context(text, None, None)
    days = []
    for candidate in candidates:
        if candidate.rule in _FULL_DATE_RULES and candidate.group("year"):
            resolved = _resolve(candidate, probe)
            period = resolved.period if resolved is not None else None
            if period is not None and period.start.year in DCT_YEARS:
                days.append(period.start)
    return max(days) if days else None


# A possessive before an expression is not part of it (TimeML): "its third quarter" -> "third quarter".
_POSSESSIVE = re.compile(r"(?:its|their|his|her|our|my|your)\s+", re.IGNORECASE)


def _after_possessive(text: str, start: int, end: int) -> int:
    found = _POSSESSIVE.match(text, start, end)
    return found.end() if found and found.end() < end else start


Resolver = Callable[[Candidate, Context], "Resolved | None"]


def _resolve(candidate: Candidate, context: Context) -> Resolved | None:
    """The candidate's value, or None when calendar arithmetic leaves the calendar ("3 years
    later" near year 9999): one expression that cannot be dated costs no other."""
    try:
        return RESOLVERS[candidate.rule](candidate, context)
    except (ValueError, OverflowError):
        return None

RESOLVERS: dict[str, Resolver] = {
    "clock_time": absolute.resolve_clock, "clock_after_day": absolute.resolve_clock,
    "clock_deictic": absolute.resolve_clock_deictic,
    "date_mdy": absolute.resolve_date, "date_dmy": absolute.resolve_date,
    "date_iso": absolute.resolve_date, "date_slash": absolute.resolve_date,
    "day_range": absolute.resolve_day_range, "year_range": absolute.resolve_year_range,
    "month_year": absolute.resolve_month_year, "month_rel_year": relative.resolve_month_rel_year,
    "quarter": absolute.resolve_quarter, "month_quarter": absolute.resolve_month_quarter,
    "quarter_code": absolute.resolve_quarter_code,
    "quarter_relative": periods.resolve_quarter_relative,
    "year_relative_adjective": periods.resolve_year_relative_adjective,
    "fiscal_year": absolute.resolve_fiscal_year, "decade": absolute.resolve_decade,
    "decade_words": absolute.resolve_decade_words, "century": absolute.resolve_century,
    "year_words": absolute.resolve_year_words, "year_alone": absolute.resolve_year,
    "holiday": periods.resolve_holiday, "season": periods.resolve_season,
    "week_of": absolute.resolve_week_of, "deictic_pod": relative.resolve_deictic_pod,
    "deictic": relative.resolve_deictic, "weekday": relative.resolve_weekday,
    "month_alone": relative.resolve_month_alone, "unit_relative": relative.resolve_unit_relative,
    "position_in": relative.resolve_position_in, "anchored_shift": relative.resolve_anchored_shift,
    "duration": durations.resolve_duration, "unit_plural": durations.resolve_unit_plural,
    "set": durations.resolve_set, "weekday_set": durations.resolve_weekday_set,
    "season_set": durations.resolve_season_set,
    "set_every": durations.resolve_set_every,
    "set_times": durations.resolve_set_times, "reference": durations.resolve_reference,
    "reference_adjective": durations.resolve_reference_adjective,
    "anaphoric": relative.resolve_anaphoric, "day_count": relative.resolve_day_count,
    "mid_pod": relative.resolve_mid_pod, "overnight": relative.resolve_overnight,
    "day_ordinal": relative.resolve_day_ordinal,
    "year_end": periods.resolve_year_end,
}


# Document dates outside these years are not news dates (a mangled or default stamp such as
# 0001-01-01): relative expressions stay unresolved rather than counted from them.
DCT_YEARS = range(1000, 3000)


def _parse_dct(dct: str | None) -> date | None:
    if not dct:
        return None
    try:
        day = date.fromisoformat(dct[:10])
    except ValueError:
        return None
    return day if day.year in DCT_YEARS else None
