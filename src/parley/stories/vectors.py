"""Term vectors of articles for story clustering: all words, and the names and numbers.

    article_vectors(title, text, actors) -> ArticleVectors(words={"quak": 0.21, ...},
                                                            names={"manokwari": 0.4, "6.1": 0.3, ...})

Words are lower-cased, stripped of English function words and crudely stemmed (a plural, a past
tense and a gerund of one verb meet). The *names* vector holds what tells two similar events
apart: the words an article capitalises inside a sentence or that belong to its actors' names,
and its numbers. Two earthquakes share "quake" and "magnitude" but not "Manokwari" or "6.1".
An occurrence counts more in the title and the lead, where a report states its news; counts
are sublinear (1 + log n) and each vector is l2-normalised. IDF weighting is the clusterer's.
"""

from __future__ import annotations

import calendar
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# An occurrence in the title or the lead counts this many times: there a report states its news
# (measured on ECB+ dev: 2-8 all do better than 1).
TITLE_WEIGHT = 4.0
LEAD_WEIGHT = 4.0
# Characters of the text that form the lead: the headline line and about one sentence.
LEAD_CHARS = 250
# Share of a line's longer words that are capitalised from which the line is a headline, whose
# capitals say nothing about names.
TITLE_CASE_SHARE = 0.6
# Words shorter than this are too ambiguous once stemmed (acronyms such as "UN" still count).
MIN_WORD_CHARS = 3

_TOKEN = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“”(]\s*)$")
_HAS_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)

Vector = dict[str, float]


@dataclass(frozen=True)
class ArticleVectors:
    """An article's sublinear, l2-normalised term weights: all its words; its names and numbers."""

    words: Vector
    names: Vector


def article_vectors(title: str | None, text: str, actors: Iterable[str] = ()) -> ArticleVectors:
    """The article's word and name vectors (title and lead weigh more than the body).

    Names are the words the article capitalises inside a sentence and the words of its actors'
    names (so a name that only ever opens a sentence still counts); numbers count as names.
    """
    names = name_words(f"{title or ''}\n{text}") | {w for a in actors for w in _TOKEN.findall(a)}
    words: defaultdict[str, float] = defaultdict(float)
    distinctive: defaultdict[str, float] = defaultdict(float)
    parts = ((title or "", TITLE_WEIGHT), (text[:LEAD_CHARS], LEAD_WEIGHT), (text[LEAD_CHARS:], 1.0))
    for part, weight in parts:
        for match in _TOKEN.finditer(part):
            term = term_of(match.group(), names)
            if term is None:
                continue
            key, is_name = term
            words[key] += weight
            if is_name:
                distinctive[key] += weight
    return ArticleVectors(_sublinear(words), _sublinear(distinctive))


def term_of(token: str, names: frozenset[str]) -> tuple[str, bool] | None:
    """The term a token counts as, and whether it is a name or number; None for a stop word.

    A name keeps one key (its stem) wherever the article writes it, so reports that capitalise
    it differently (a headline, a sentence start) still share it.
    """
    token = _bare(token)
    if _HAS_DIGIT.search(token):
        return token.replace(",", ""), True
    lower = token.lower()
    if lower in _stop_words() or (len(lower) < MIN_WORD_CHARS and not _is_acronym(token)):
        return None
    return stem(lower), lower in names or _is_acronym(token)


def name_words(text: str) -> frozenset[str]:
    """Lower-cased words the text capitalises inside a sentence: names, in this article.

    Title-case lines (headlines) capitalise every word and teach nothing.
    """
    names: set[str] = set()
    for line in text.splitlines():
        tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(line)]
        long_words = [t for _, t in tokens if len(t) > 3 and t.isalpha()]
        capitalised = [t for t in long_words if t[0].isupper()]
        if long_words and len(capitalised) >= TITLE_CASE_SHARE * len(long_words):
            continue
        for start, token in tokens:
            word = _bare(token).lower()
            if token[0].isupper() and word not in _stop_words() and word not in _calendar_words() \
                    and not _SENTENCE_START.search(line, 0, start):
                names.add(word)
    return frozenset(names)


def stem(word: str) -> str:
    """A crude English stem: enough that arrests/arrested/arresting meet, never a dictionary."""
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""),
                                ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: len(word) - len(suffix)] + replacement
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # stopp(ed) -> stop
    return word.rstrip("e") if len(word) > 3 else word


def normalized(vector: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def _sublinear(counts: dict[str, float]) -> Vector:
    return normalized({term: 1.0 + math.log(n) for term, n in counts.items() if n >= 1.0})


def _bare(token: str) -> str:
    return _POSSESSIVE.sub("", token).strip(".,'’-")


def _is_acronym(token: str) -> bool:
    return len(token) >= 2 and token.isupper() and token.isalpha()


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | _REPORTING_WORDS | _DATELINE_WORDS


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Month names and their abbreviations: capitalised, yet shared by unrelated stories."""
    months = [calendar.month_name[m].lower() for m in range(1, 13)]
    return frozenset(months) | {m[:3] for m in months} | {"sept"}


# Verbs of reporting: every article has them.
_REPORTING_WORDS = frozenset({"said", "says", "say", "told", "according", "reported", "report"})
# Weekdays and the words of datelines and timestamps ("Updated 1:32 PM EDT").
_DATELINE_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "am", "pm", "a.m", "p.m", "gmt", "utc", "edt", "est", "cdt", "cst", "pdt", "pst",
    "bst", "cet", "updated", "published", "posted", "last", "modified",
})
