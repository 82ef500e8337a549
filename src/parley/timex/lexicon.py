"""The word tables of the temporal tagger, read once from `data/timex_lexicon.json`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from parley.datafiles import read_data_json

LEXICON_FILE = "timex_lexicon.json"


@dataclass(frozen=True)
class Lexicon:
    """Lower-case word tables; see the JSON file for what each holds."""

    months: dict[str, int]
    months_needing_cue: frozenset[str]
    weekdays: dict[str, int]
    number_words: dict[str, float]
    vague_quantities: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    seasons_needing_context: frozenset[str]
    parts_of_day: dict[str, str]
    clock_words: dict[str, str]
    holidays: dict[str, str]
    deictic_days: dict[str, int]
    references: dict[str, str]
    reference_adjectives: dict[str, str]
    sets: dict[str, str]
    duration_hedges: tuple[str, ...]
    direction_words: dict[str, int]
    anchor_words: dict[str, int]
    position_modifiers: dict[str, str]
    future_prepositions: tuple[str, ...]
    weak_future_prepositions: tuple[str, ...]
    future_lemmas: frozenset[str]
    schedule_lemmas: frozenset[str]
    year_blockers_before: frozenset[str]
    year_blockers_after: frozenset[str]
    generic_present_nouns: frozenset[str]
    future_noun_followers: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon, loaded once per process."""
    raw: dict[str, Any] = read_data_json(LEXICON_FILE)
    values: dict[str, Any] = {}
    for name, kind in Lexicon.__annotations__.items():
        item = raw[name]
        if kind.startswith("frozenset"):
            values[name] = frozenset(item)
        elif kind.startswith("tuple"):
            values[name] = tuple(item)
        else:
            values[name] = dict(item)
    return Lexicon(**values)


# The letters that re.IGNORECASE takes for an ASCII letter although str.lower() does not give
# that letter (the whole list, for Python's re): "Wedneſday" matches the weekday pattern, but
# "wedneſday" is no lexicon key. Text is matched with them folded, one character for one.
_ASCII_LOOKALIKES = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})


def fold_lookalikes(text: str) -> str:
    """The text with the letters re.IGNORECASE confuses with ASCII ones made ASCII (same length,
    so offsets into it are offsets into the text)."""
    return text.translate(_ASCII_LOOKALIKES)


def phrase_pattern(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first; spaces match any whitespace,
    apostrophes match typographic ones and a final period is optional only if written."""
    parts = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        escaped = re.escape(phrase).replace(r"\ ", r"\s+").replace("'", "['’]")
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


def number_value(text: str) -> float | None:
    """The value of a number written in digits or words ("two", "twenty-four", "2 1/2", "1.5")."""
    lexicon = load_lexicon()
    cleaned = re.sub(r"\s+", " ", text.lower().strip()).replace(",", "")
    if cleaned in lexicon.number_words:
        return lexicon.number_words[cleaned]
    half = re.fullmatch(r"(.+?)[\s-]+and[\s-]+a[\s-]+half", cleaned)
    if half:  # "three and a half", "two-and-a-half"
        whole = number_value(half.group(1))
        return whole + 0.5 if whole is not None else None
    fraction = re.fullmatch(r"(\d+)\s+1/2|(\d+)½", cleaned)
    if fraction:
        return int(fraction.group(1) or fraction.group(2)) + 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        return float(cleaned)
    return _compound_number(cleaned, lexicon.number_words)


def _compound_number(text: str, words: dict[str, float]) -> float | None:
    """ "twenty-four", "twenty four", "one hundred and ten" -> number; None if not a number."""
    total = 0.0
    for part in re.split(r"[\s-]+|\band\b", text):
        if not part:
            continue
        value = words.get(part)
        if value is None:
            return None
        total = total * value if value == 100 and total else total + value
    return total or None
