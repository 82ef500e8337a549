"""Term vectors of articles for story clustering: all words, and the names and numbers.

    article_vectors(title, text, actors) -> ArticleVectors(words={"quak": 0.21, ...},
                                                            names={"manokwari": 0.4, "6.1": 0.3, ...})

Words are lower-cased, stripped of English function words and crudely stemmed (a plural, a past
tense and a gerund of one verb meet). The *names* vector holds what tells two similar events
apart: the words an article capitalises inside a sentence or that belong to its actors' names,
and its numbers. Two earthquakes share "quake" and "magnitude" but not "Manokwari" or "6.1".
An occurrence counts more in the title and the lead, where a report states its news; counts
are sublinear (1 + log n) and each vector is l2-normalised.

`story_vector(doc)` weighs them once with a fixed reference IDF (data/story_idf.json, built by
scripts/build_story_idf.py from Wikinews): an article's vector is then the same whenever it
arrives and whatever else is stored, so it is computed once and kept in the store.
"""

from __future__ import annotations

import calendar
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from parley.datafiles import read_data_json
from parley.stories.documents import StoryDoc, day_number

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
# Terms of an article's word vector kept (the highest weights): the tail of single mentions
# deep in the body moves no similarity that matters and would bloat the stored vectors.
MAX_TERMS = 120
# Terms an article is indexed (and looks for candidates) by: its highest-weighted, mostly
# names; two reports of one story share some of them (checked on ECB+ dev, tune half).
INDEX_TERMS = 20
# Document frequency a term the reference corpus never saw is weighed with: its 295 articles
# miss many ordinary words, which are not all as rare as names (chosen on ECB+ dev, tune half:
# 3 over 0 and 1, see CUT_DISTANCE in clustering.py for the rule).
UNSEEN_DOCUMENT_FREQUENCY = 3
# A headline longer than this is a paragraph; it is cut at a word.
HEADLINE_CHARS = 160

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


@dataclass(frozen=True)
class StoryVector:
    """An article as story clustering compares it: unit TF-IDF vectors under the fixed
    reference IDF (all words; names and numbers), its unit actor vector, its day, the terms
    it is indexed by, and the headline a story may be titled with."""

    article_id: str
    day: int | None
    words: Vector
    names: Vector
    actors: Vector
    terms: tuple[str, ...] = ()
    headline: str | None = None

    def channels_json(self) -> str:
        """The three vectors as stored (JSON); `StoryVector.from_stored` reads them back."""
        return json.dumps({"w": self.words, "n": self.names, "a": self.actors},
                          ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_stored(cls, article_id: str, day: int | None, channels: str,
                    headline: str | None) -> StoryVector:
        data = json.loads(channels)
        return cls(article_id, day, data["w"], data["n"], data["a"], (), headline)


def story_vector(doc: StoryDoc) -> StoryVector:
    """The article's weighted vectors, index terms and headline: computed once per article."""
    plain = article_vectors(doc.title, doc.text, doc.actors)
    words = _weighted(plain.words, MAX_TERMS)
    names = _weighted({t: w for t, w in plain.names.items() if t in words}, MAX_TERMS)
    terms = tuple(sorted(words, key=lambda t: (-words[t], t))[:INDEX_TERMS])
    return StoryVector(doc.article_id, day_number(doc.published), words, names,
                       normalized(dict.fromkeys(sorted(doc.actors), 1.0)), terms,
                       headline_of(doc.title, doc.text))


def headline_of(title: str | None, text: str) -> str | None:
    """The title, else the text's first line (cut at a word): what names the article."""
    line = (title or "").strip() or next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if len(line) > HEADLINE_CHARS:
        line = line[:HEADLINE_CHARS].rsplit(" ", 1)[0] + " …"
    return line or None


def _weighted(vector: Vector, keep: int) -> Vector:
    """TF times the reference IDF, the `keep` heaviest terms, l2-normalised."""
    table, unseen = _reference_idf()
    weighted = {t: w * table.get(t, unseen) for t, w in vector.items()}
    top = sorted(weighted, key=lambda t: (-weighted[t], t))[:keep]
    return normalized({t: weighted[t] for t in top})


@lru_cache(maxsize=1)
def _reference_idf() -> tuple[dict[str, float], float]:
    """The reference IDF of each term, and that of a term the reference never saw (smoothed
    as scikit-learn's TfidfTransformer: ln((1 + N) / (1 + df)) + 1)."""
    data = read_data_json("story_idf.json")
    documents = int(data["documents"])
    return data["idf"], math.log((1 + documents) / (1 + UNSEEN_DOCUMENT_FREQUENCY)) + 1.0


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
