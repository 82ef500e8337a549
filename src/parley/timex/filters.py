"""Matches of the grammar that are not temporal expressions: names, ages, counts, reading times.

Each check looks only at the text around a match (and, for names, at spaCy's entities); none
needs the document date. `keep_candidate` is the one entry point.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from parley.timex.grammar import Candidate
from parley.timex.lexicon import load_lexicon

# Characters after which a capital letter starts a sentence or a quote rather than a name.
SENTENCE_OPENERS = frozenset(".!?:;\"“‘'(\n—–-")
# Words before a bare month name that make it a date ("in May", "since March").
MONTH_CUES = frozenset({
    "in", "by", "since", "until", "till", "through", "throughout", "of", "during", "before", "after",
    "from", "to", "and", "or", "early", "late", "mid", "last", "next", "this", "each", "every",
    "between", "on", "around", "as", "for", "that", "past", "previous", "coming", "end", "start",
    "beginning", "middle", "half", "part", "rest", "far", "back", "earlier", "later", "recently",
})
# Prepositions before "two thousand (and) five" that make it a year, not a count.
YEAR_WORD_CUES = frozenset({"in", "since", "until", "till", "by", "of", "from", "before", "after", "during"})
# Words before a bare hour ("at 4 in the morning", "until 10 o'clock") that make it a time of day.
CLOCK_CUES = frozenset({"at", "by", "until", "till", "around", "about", "after", "before", "from", "to",
                        "since", "past", "approximately", "roughly"})
# Parts of the day that "in the ..." places on the day being told ("in the morning").
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening"})
PART_OF_DAY_CUES = frozenset({"in", "during", "throughout"})
# spaCy entity labels of names that can contain date words ("Operation Desert Storm").
NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT", "FAC", "PRODUCT", "LAW", "PERSON", "GPE", "NORP"})
# spaCy entity labels of amounts: "1990 police officers" is a count, not a year.
COUNT_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
Check = Callable[[Candidate, str], bool]
EntitySpan = tuple[int, int, bool]  # start, end, and whether the entity is an amount


def keep_candidate(candidate: Candidate, text: str, names: list[EntitySpan] | None = None) -> bool:
    """False when the match is a name, an age, a count or some other non-date.
    `names` are the spans of the named entities of the text (see `name_spans`)."""
    check = _CHECKS.get(candidate.rule)
    if check is not None and not check(candidate, text):
        return False
    return not names or not inside_name(candidate, names)


def name_spans(doc: Doc) -> list[EntitySpan]:
    """Character spans of the entities that are names or amounts (not dates)."""
    return [(ent.start_char, ent.end_char, ent.label_ in COUNT_LABELS) for ent in doc.ents
            if ent.label_ in NAME_LABELS or ent.label_ in COUNT_LABELS]


def inside_name(candidate: Candidate, names: list[EntitySpan]) -> bool:
    """True when the match lies strictly inside a longer name, or a bare year is a count."""
    if candidate.rule == "year_alone":
        return any(is_count and start <= candidate.start and candidate.end <= end
                   for start, end, is_count in names)
    if candidate.rule not in _NAME_SENSITIVE:
        return False
    return any(not is_count and start <= candidate.start and candidate.end <= end
               and end - start > candidate.end - candidate.start for start, end, is_count in names)


def previous_word(text: str, start: int) -> str:
    """The word before `start`, lower-cased ("" if none)."""
    match = re.search(r"([\w'’$%.-]+)\W*$", text[max(0, start - 40):start])
    return match.group(1).lower().strip(".") if match else ""


def next_word(text: str, end: int) -> str:
    """The word after `end`, as written ("" if none)."""
    match = re.match(r"\s*([\w'’%$-]+)", text[end:end + 40])
    return match.group(1) if match else ""


def capitalised_mid_sentence(text: str, start: int) -> bool:
    """True when the word at `start` is capitalised but does not open a sentence."""
    if not text[start:start + 1].isupper():
        return False
    before = text[:start].rstrip(" \t")
    return bool(before) and before[-1] not in SENTENCE_OPENERS


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _part(candidate: Candidate, name: str) -> str:
    """A named group of the match as written; "" when it did not take part or the rule has
    none (rules share these checks but not all their groups)."""
    return candidate.group(name) or ""


def _names_capitalised(candidate: Candidate, text: str) -> bool:
    """Month and weekday names must be written with a capital ("may", "march" are verbs)."""
    for name in ("month", "wd", "weekday", "dwd", "dmonth", "dwd2", "wmonth"):
        start = candidate.group_start(name)
        if start is not None and not _capitalised(text[start:start + 1]):
            return False
    return True


def _date_ok(candidate: Candidate, text: str) -> bool:
    return _names_capitalised(candidate, text)


def _day_range_ok(candidate: Candidate, text: str) -> bool:
    """ "April 24 and 25" yes; "on April 24 and 25 people died" (a count) no."""
    after = next_word(text, candidate.end).lower()
    return _names_capitalised(candidate, text) and after not in load_lexicon().year_blockers_after


def _year_range_ok(candidate: Candidate, text: str) -> bool:
    """ "1994-97" yes; "$1994-2000", "1990-95 percent" (amounts) no."""
    lexicon = load_lexicon()
    before, after = previous_word(text, candidate.start), next_word(text, candidate.end).lower()
    if before in lexicon.year_blockers_before or after in lexicon.year_blockers_after:
        return False
    return not re.search(r"[\d,$£€]\s*$", text[max(0, candidate.start - 2):candidate.start])


def _month_alone_ok(candidate: Candidate, text: str) -> bool:
    """ "in June" yes; "June Carter", "May I", "Jan" (a name) no."""
    month_text = _part(candidate, "month")
    if not _capitalised(month_text):
        return False
    bare = month_text.lower().rstrip(".")
    if not month_text.endswith(".") and len(bare) <= 4 and bare not in ("may", "june", "july"):
        return False  # "Jan", "Dec" alone are names more often than months
    if _part(candidate, "pos") or _part(candidate, "dir"):
        return True
    cue = previous_word(text, candidate.start)
    if bare in load_lexicon().months_needing_cue and cue not in MONTH_CUES:
        return False
    follower = next_word(text, candidate.end)
    return not (_capitalised(follower) and follower.isalpha() and cue not in MONTH_CUES)


def _weekday_ok(candidate: Candidate, text: str) -> bool:
    """ "on Sunday", "Clinton Saturday vowed" yes; "the Sunday Times" (a name) no."""
    if not _names_capitalised(candidate, text):
        return False
    if _part(candidate, "dir"):
        return True
    before = previous_word(text, candidate.start)
    return not (before == "the" and _capitalised(next_word(text, candidate.end)))


def _clock_ok(candidate: Candidate, text: str) -> bool:
    """ "at noon", "Saturday noon" yes; "High Noon" (a title: the clock word capitalised
    inside a sentence) no."""
    if not _names_capitalised(candidate, text):
        return False
    if (candidate.group("hourw") or candidate.group("hourc")) and \
            previous_word(text, candidate.start) not in CLOCK_CUES:
        return False  # "the top 2 in the morning session"
    word_start = candidate.group_start("cw")
    if word_start is None:
        word_start = candidate.group_start("cw2")
    return word_start is None or not capitalised_mid_sentence(text, word_start)


def _duration_ok(candidate: Candidate, text: str) -> bool:
    tail = _part(candidate, "tail").strip(" -").lower()
    if tail == "old":
        return False  # an age: "a 44-year-old man"
    if re.match(r"[\s-]*old\b", text[candidate.end:candidate.end + 8], re.IGNORECASE):
        return False
    unit = _part(candidate, "unit").lower()
    if not _capitalised_unit_ok(candidate, text):
        return False
    if unit.startswith("min") and next_word(text, candidate.end).lower() == "read":
        return False  # "2 min read"
    if re.match(r"\s*[$£€]", text[max(0, candidate.start - 2):candidate.start]):
        return False
    if unit.startswith("quarter") and not _duration_quarter_ok(candidate, text):
        return False
    number = _part(candidate, "number").lower()
    return not (number in ("a", "an") and not _part(candidate, "det") and unit in ("second", "night"))


def _anchored_ok(candidate: Candidate, text: str) -> bool:
    anchor = _part(candidate, "anchor").lower()
    if anchor in ("before", "after", "prior", "back"):
        following = text[candidate.end:candidate.end + 3]
        return not re.match(r"\s*\w", following)
    return not re.match(r"[\s-]*old\b", text[candidate.end:candidate.end + 8], re.IGNORECASE)


def _year_ok(candidate: Candidate, text: str) -> bool:
    year_text = _part(candidate, "year")
    if not year_text.isdigit():
        return False
    year = int(year_text)
    lexicon = load_lexicon()
    before, after = previous_word(text, candidate.start), next_word(text, candidate.end).lower()
    if before in lexicon.year_blockers_before or after in lexicon.year_blockers_after:
        return False
    if re.match(r"\s*(?:[,.]\d|\d|%|-\d)", text[candidate.end:candidate.end + 3]):
        return False
    if re.search(r"[\d,]\s*$", text[max(0, candidate.start - 2):candidate.start]):
        return False
    if _part(candidate, "pos") or _part(candidate, "fiscal"):
        return True
    return 1900 <= year <= 2099 or before in MONTH_CUES


def _decade_ok(candidate: Candidate, text: str) -> bool:
    if _part(candidate, "century"):
        return True
    return bool(re.match(r"(?:the\s|early|mid|late)", text[candidate.start:candidate.end], re.IGNORECASE))


def _quarter_ok(candidate: Candidate, text: str) -> bool:
    ordinal = _part(candidate, "ordinal").lower()
    return not (_part(candidate, "unit").lower() == "quarter" and ordinal in ("last", "latter"))


def _quarter_relative_ok(candidate: Candidate, text: str) -> bool:
    unit_start = candidate.group_start("unit")
    if unit_start is None or capitalised_mid_sentence(text, unit_start):
        return False  # "the French Quarter"
    if re.match(r"\s*(?:of\b(?!\s+(?:19|20)\d\d|\s+last)|-|century)", text[candidate.end:candidate.end + 12]):
        return False  # "a quarter of the shares", "quarter-point"
    if _part(candidate, "unit").lower() == "period":
        return bool(_part(candidate, "dir") or _part(candidate, "year"))
    return bool(_part(candidate, "dir")) or text[candidate.start:unit_start].strip() != ""


def _duration_quarter_ok(candidate: Candidate, text: str) -> bool:
    """ "three-quarters of", "a quarter of the shares" are fractions; "several quarters of losses"
    (a vague count) is a length of time."""
    if _part(candidate, "number").lower() in load_lexicon().vague_quantities:
        return True
    return not re.match(r"\s+of\b", text[candidate.end:candidate.end + 4])


def _fiscal_ok(candidate: Candidate, text: str) -> bool:
    matched = text[candidate.start:candidate.end].lower()
    return bool(_part(candidate, "year")) or "year" in matched


def _season_ok(candidate: Candidate, text: str) -> bool:
    season = _part(candidate, "season").lower()
    season_start = candidate.group_start("season")
    if season_start is None:
        return False
    if capitalised_mid_sentence(text, season_start) and season_start == candidate.start:
        return False  # "Arab Spring", "Summer Olympics"
    if re.match(r"\s+of\s+(?!(?:19|20)\d\d)", text[candidate.end:candidate.end + 10]):
        return False  # "the fall of the government"
    if season in load_lexicon().seasons_needing_context:
        return bool(_part(candidate, "dir") or _part(candidate, "year") or _part(candidate, "pos"))
    return True


def _holiday_ok(candidate: Candidate, text: str) -> bool:
    """ "Christmas" yes; "christmas", "the Good Friday Agreement" (a name) no."""
    follower = next_word(text, candidate.end)
    named = _capitalised(follower) and follower.isalpha()
    return _capitalised(_part(candidate, "holiday")) and not named


def _reference_ok(candidate: Candidate, text: str) -> bool:
    """ "Now, he says ..." opening a sentence is a discourse marker, not a time; "the future of
    the region", "the future looks bleak" name a state of affairs (the noun is the subject or
    has an "of"), not a time ("in the future", "worried about the future" are)."""
    word = text[candidate.start:candidate.end]
    if (word.lower().endswith("future")
            and next_word(text, candidate.end).lower() in load_lexicon().future_noun_followers
            and previous_word(text, candidate.start) not in ("in", "into")):
        return False  # ... but "what happens in the future is unclear" is a time
    if word != "Now" or not text.startswith(",", candidate.end):
        return True
    before = text[:candidate.start].rstrip()
    return bool(before) and before[-1] not in SENTENCE_OPENERS


def _reference_adjective_ok(candidate: Candidate, text: str) -> bool:
    """ "current system", "recent talks" yes; "current account", "Current TV" (a name) no."""
    if capitalised_mid_sentence(text, candidate.start):
        return False
    follower = next_word(text, candidate.end)
    return follower.isalpha() and follower.lower() not in ("account", "accounts", "affairs", "events")


def _modifies_noun(text: str, end: int) -> bool:
    """True when a lower-case content word follows: "in the morning session" names a session.
    Closed-class words ("to", "and", "he": spaCy's stop words) end the expression instead."""
    follower = next_word(text, end)
    return follower.isalpha() and follower.islower() and follower not in STOP_WORDS


def _unit_relative_ok(candidate: Candidate, text: str) -> bool:
    direction = re.sub(r"\s+", " ", _part(candidate, "dir").lower())
    unit = _part(candidate, "unit").lower()
    if not _capitalised_unit_ok(candidate, text):
        return False
    if direction == "the" and not _part(candidate, "pos"):
        if unit in PARTS_OF_DAY:  # "in the morning" of the day being told
            return previous_word(text, candidate.start) in PART_OF_DAY_CUES and \
                not _modifies_noun(text, candidate.end)
        return unit in ("weekend", "year")
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        return direction in ("the following", "the next", "the previous", "the preceding", "the prior",
                             "the same", "that", "the") or bool(_part(candidate, "pos"))
    return True


def _unit_plural_ok(candidate: Candidate, text: str) -> bool:
    unit = (_part(candidate, "unit") or _part(candidate, "unit2") or _part(candidate, "unit3")
            or _part(candidate, "unit4")).lower()
    if unit.startswith("quarter"):
        return False  # "fourth quarters", "such quarters"
    unit_start = next((start for name in ("unit", "unit2", "unit3", "unit4")
                       if (start := candidate.group_start(name)) is not None), candidate.start)
    if capitalised_mid_sentence(text, unit_start):
        return False  # "born in Minutes, a village": a name
    return not re.match(r"[\s-]+old\b", text[candidate.end:candidate.end + 8], re.IGNORECASE)


def _anaphoric_ok(candidate: Candidate, text: str) -> bool:
    """ "the day before the vote" points at an event, not at the date last mentioned."""
    phrase = _part(candidate, "phrase").lower()
    if phrase.endswith(("before", "after")):
        return not re.match(r"\s*\w", text[candidate.end:candidate.end + 3])
    return True


def _capitalised_unit_ok(candidate: Candidate, text: str) -> bool:
    """ "60 Minutes", ABC's "This Week": a capitalised unit inside a sentence is a title."""
    unit_start = candidate.group_start("unit")
    if unit_start is None:
        return False
    return not (capitalised_mid_sentence(text, unit_start) or (
        candidate.start != unit_start and capitalised_mid_sentence(text, candidate.start)
        and text[unit_start].isupper()))


def _set_ok(candidate: Candidate, text: str) -> bool:
    """ "average daily volume" is a measure, not a repetition."""
    return previous_word(text, candidate.start) != "average"


def _weekday_set_ok(candidate: Candidate, text: str) -> bool:
    """ "on Sundays", "Tuesday nights" yes; "TGI Fridays", "the Mondays" (names) no."""
    word = re.search(r"(\S+)\s+$", text[max(0, candidate.start - 40):candidate.start])
    if word is None:
        return True
    before = word.group(1)
    return not (capitalised_mid_sentence(text, candidate.start - len(word.group(0)))
                or before.lower() == "the")


def _year_words_ok(candidate: Candidate, text: str) -> bool:
    """ "in nineteen ninety-six", "the year two thousand" yes; "two thousand people" (a count) no."""
    matched = text[candidate.start:candidate.end].lower()
    if next_word(text, candidate.end).lower() in ("hundred", "thousand", "million", "and"):
        return False
    return matched.startswith("the year") or not matched.startswith("two") \
        or previous_word(text, candidate.start) in YEAR_WORD_CUES


def _deictic_ok(candidate: Candidate, text: str) -> bool:
    """ "today", "Today, the ministers met" yes; "USA Today", "VOA Today", "the Today show" (a
    capitalised day word inside a sentence, after a capitalised word or "the": a newspaper or a
    programme) no, unless the line is a headline in title case ("Ministers Meet Today")."""
    if not capitalised_mid_sentence(text, candidate.start):
        return True
    before = re.search(r"(\S+)\s+$", text[max(0, candidate.start - 40):candidate.start])
    if before is None:
        return True
    word = before.group(1)
    if not (_capitalised(word) or word.lower() == "the"):
        return True
    return _title_case_line(text, candidate.start)


def _title_case_line(text: str, at: int) -> bool:
    """True when most longer words of the line around `at` start with a capital (a headline)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = [w for w in re.findall(r"[^\W\d_]{4,}", text[start:end if end >= 0 else len(text)])]
    return len(words) >= 3 and sum(_capitalised(w) for w in words) >= 0.8 * len(words)


def _set_every_ok(candidate: Candidate, text: str) -> bool:
    return _names_capitalised(candidate, text)


_CHECKS: dict[str, Check] = {
    "date_mdy": _date_ok, "date_dmy": _date_ok, "day_range": _day_range_ok,
    "year_range": _year_range_ok, "month_year": _date_ok, "month_rel_year": _date_ok,
    "week_of": _date_ok, "month_alone": _month_alone_ok, "weekday": _weekday_ok,
    "clock_time": _clock_ok, "clock_after_day": _clock_ok, "duration": _duration_ok,
    "anchored_shift": _anchored_ok, "year_alone": _year_ok, "decade": _decade_ok,
    "quarter": _quarter_ok, "quarter_relative": _quarter_relative_ok, "fiscal_year": _fiscal_ok,
    "season": _season_ok, "holiday": _holiday_ok, "reference_adjective": _reference_adjective_ok,
    "unit_relative": _unit_relative_ok, "set_every": _set_every_ok, "unit_plural": _unit_plural_ok,
    "set": _set_ok, "weekday_set": _weekday_set_ok, "anaphoric": _anaphoric_ok,
    "year_words": _year_words_ok, "reference": _reference_ok, "deictic_pod": _deictic_ok,
    "deictic": _deictic_ok,
}
_NAME_SENSITIVE = frozenset({"month_alone", "weekday", "weekday_set", "clock_time", "season", "holiday",
                             "deictic", "deictic_pod", "reference", "unit_relative", "overnight",
                             "year_words"})
