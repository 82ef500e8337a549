"""Story clustering: articles that report the same ongoing news story, grouped incrementally.

    clusterer = StoryClusterer()
    story_id = clusterer.add(story_doc(article, analysis.entities))

An article is compared with the stories that share one of its most distinctive words. Its
similarity to a story blends three cosines against the story's centroid: of all its words (what
kind of news), of its names and numbers (which people, places and figures: what tells two
earthquakes or two arrests apart) and of its salient actors (the entities the NER found,
normalised). The article joins the most similar story if that reaches JOIN_SCORE, else it
starts a new story. When both the article and the story are dated, a gap of weeks lowers the
similarity: a like event a month later is usually another story.

Document frequencies are counted as articles arrive, never fitted on a whole corpus; an
article's TF-IDF vectors are weighted once, with the frequencies as they stand when it arrives,
so nothing already assigned is ever revised. The state after N articles therefore depends only
on those articles, their order and their stories: `StoryClusterer.from_assignments(pairs)`
rebuilds it exactly from stored (StoryDoc, story id) pairs replayed in their original order. A
story's id derives from the id of the article that started it, whoever computes it.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from parley.actors.registry import name_key
from parley.models import Article, Entity
from parley.stories.vectors import ArticleVectors, Vector, article_vectors

# Similarity (0-1) from which an article joins a story rather than starting its own. Measured
# on the ECB+ dev topics, F1 stays within 0.01 of its best from 0.30 to 0.36.
JOIN_SCORE = 0.33
# Shares of the similarity: all words (what kind of news), names and numbers (which event of
# that kind: the channel that best separates two similar events), salient actors (the NER's
# view of the same, normalised: "Iranian" and "Iran" meet).
WORD_SHARE = 0.5
NAME_SHARE = 0.5
ACTOR_SHARE = 0.15
# Words of an article (highest TF-IDF first) whose stories are the candidates it is compared
# with: a story sharing none of them would not reach JOIN_SCORE, and comparing every story
# would make clustering quadratic in the corpus.
CANDIDATE_WORDS = 30
# Days between an article and a story's dates beyond which they are likely different events.
STORY_GAP_DAYS = 21
# Factor on the similarity to a story that far away in time: an ongoing story can resume
# after a pause, so this lowers the similarity rather than excluding the story.
STALE_FACTOR = 0.7
# Entity types that can be a story's actors (dates, sums, works of art cannot).
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# Actors an article contributes at most, the most mentioned first: the salient ones.
MAX_ACTORS = 12
# Characters from the start of the text within which one mention makes an actor salient.
ACTOR_LEAD_CHARS = 250
# Longer "names" are NER runs over a title-case headline, not entities.
MAX_ACTOR_WORDS = 5


@dataclass(frozen=True)
class StoryDoc:
    """What story clustering needs of an article."""

    article_id: str
    title: str | None
    text: str
    published: str | None  # YYYY-MM-DD (or a YYYY-MM / YYYY prefix), when known
    actors: frozenset[str]  # normalised names of its salient entities (`actor_key`)


def story_doc(article: Article, entities: Sequence[Entity]) -> StoryDoc:
    """The StoryDoc of an analysed article: its text, date and salient actors."""
    return StoryDoc(article_id=article.id, title=article.title, text=article.text,
                    published=article.published, actors=salient_actors(entities))


def salient_actors(entities: Sequence[Entity]) -> frozenset[str]:
    """Keys of the entities an article is about: mentioned twice, or once in its lead."""
    salient = [e for e in entities if e.type in ACTOR_TYPES and e.mentions
               and (len(e.mentions) >= 2 or e.mentions[0][0] < ACTOR_LEAD_CHARS)]
    salient.sort(key=lambda e: (-len(e.mentions), e.mentions[0]))
    keys = (actor_key(e.name) for e in salient)
    usable = (k for k in keys if k and len(k.split()) <= MAX_ACTOR_WORDS)
    return frozenset(list(dict.fromkeys(usable))[:MAX_ACTORS])


def actor_key(name: str) -> str:
    """The normalised name an actor is matched by across articles ("the U.S.'s" -> "u.s")."""
    return name_key(_POSSESSIVE.sub("", name.strip()))


_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def story_id_for(article_id: str) -> str:
    """The id of the story an article starts: stable, whoever computes it."""
    return "story-" + hashlib.sha256(article_id.encode()).hexdigest()[:16]


class StoryClusterer:
    """Assigns articles to stories one at a time; deterministic for a given order."""

    def __init__(self, join_score: float = JOIN_SCORE) -> None:
        self.join_score = join_score
        self._stats = _Statistics()
        self._stories: dict[str, _Story] = {}
        self._postings: defaultdict[str, set[str]] = defaultdict(set)  # word -> story ids
        self._assigned: dict[str, str] = {}

    @classmethod
    def from_assignments(cls, pairs: Iterable[tuple[StoryDoc, str]],
                         join_score: float = JOIN_SCORE) -> StoryClusterer:
        """The clusterer as it was after these (doc, story id) pairs, given in their original order."""
        clusterer = cls(join_score)
        for doc, story_id in pairs:
            if doc.article_id not in clusterer._assigned:
                clusterer._place(doc, clusterer._weigh(doc), story_id)
        return clusterer

    @property
    def assignments(self) -> dict[str, str]:
        """article id -> story id for every article added, in the order added."""
        return dict(self._assigned)

    def add(self, doc: StoryDoc) -> str:
        """The story the article belongs to: an existing one, or the new one it starts."""
        if doc.article_id in self._assigned:
            return self._assigned[doc.article_id]
        weighted = self._weigh(doc)
        scores = self._scores(weighted, parse_date(doc.published))
        passing = [(score, story_id) for story_id, score in scores.items() if score >= self.join_score]
        story_id = max(passing)[1] if passing else story_id_for(doc.article_id)
        self._place(doc, weighted, story_id)
        return story_id

    def similarity(self, doc: StoryDoc, story_id: str) -> float:
        """How similar an article not yet added is to a story (0-1), without adding it."""
        vectors = article_vectors(doc.title, doc.text, doc.actors)
        weighted = self._stats.weigh(vectors, doc.actors, extra_document=True)
        story = self._stories[story_id]
        return _similarity(weighted, story) * _time_factor(parse_date(doc.published), story)

    def _weigh(self, doc: StoryDoc) -> _Weighted:
        vectors = article_vectors(doc.title, doc.text, doc.actors)
        self._stats.count(vectors, doc.actors)  # the article counts in its own idf, as in TF-IDF
        return self._stats.weigh(vectors, doc.actors)

    def _place(self, doc: StoryDoc, weighted: _Weighted, story_id: str) -> None:
        story = self._stories.setdefault(story_id, _Story())
        story.absorb(weighted, parse_date(doc.published))
        for term in weighted.words:
            self._postings[term].add(story_id)
        self._assigned[doc.article_id] = story_id

    def _scores(self, doc: _Weighted, when: date | None) -> dict[str, float]:
        """Similarity to each candidate story: those sharing one of the article's top words."""
        top = sorted(doc.words, key=lambda t: (-doc.words[t], t))[:CANDIDATE_WORDS]
        candidates = sorted({story_id for term in top for story_id in self._postings.get(term, ())})
        return {story_id: _similarity(doc, self._stories[story_id])
                * _time_factor(when, self._stories[story_id]) for story_id in candidates}


@dataclass(frozen=True)
class _Weighted:
    """An article's l2-normalised TF-IDF vectors, weighted with the frequencies of its arrival."""

    words: Vector
    names: Vector
    actors: Vector


@dataclass
class _Story:
    """The sums of its members' vectors (centroids, unnormalised), their norms, its dates."""

    centroids: tuple[Vector, Vector, Vector] = ({}, {}, {})  # words, names, actors
    norms: tuple[float, float, float] = (0.0, 0.0, 0.0)
    first: date | None = None
    last: date | None = None

    def absorb(self, doc: _Weighted, when: date | None) -> None:
        words, names, actors = (_added(c, v) for c, v in
                                zip(self.centroids, (doc.words, doc.names, doc.actors), strict=True))
        self.centroids = (words, names, actors)
        self.norms = (_norm(words), _norm(names), _norm(actors))
        if when is not None:
            self.first = min(self.first or when, when)
            self.last = max(self.last or when, when)


@dataclass
class _Statistics:
    """Document frequencies of words and actors over the articles seen so far."""

    documents: int = 0
    words: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)

    def count(self, vectors: ArticleVectors, actors: Iterable[str]) -> None:
        self.documents += 1
        self.words.update(vectors.words)
        self.actors.update(actors)

    def weigh(self, vectors: ArticleVectors, actors: frozenset[str],
              extra_document: bool = False) -> _Weighted:
        """TF-IDF vectors; `extra_document`: as if one more article (this one) had been counted."""
        extra = int(extra_document)
        words = self._tfidf(vectors.words, self.words, extra)
        names = self._tfidf(vectors.names, self.words, extra)
        return _Weighted(words, names, self._tfidf(dict.fromkeys(actors, 1.0), self.actors, extra))

    def _tfidf(self, vector: Vector, df: Counter[str], extra: int) -> Vector:
        n = self.documents + extra
        return _unit({t: w * (math.log((1 + n) / (1 + df[t] + extra)) + 1.0) for t, w in vector.items()})


def _similarity(doc: _Weighted, story: _Story) -> float:
    """The blended cosine of an article's vectors with a story's centroids.

    A channel the article has nothing in (no names, no actors) is left out of the blend.
    """
    total = shares = 0.0
    channels = zip((doc.words, doc.names, doc.actors), story.centroids, story.norms,
                   (WORD_SHARE, NAME_SHARE, ACTOR_SHARE), strict=True)
    for vector, centroid, norm, share in channels:
        if not vector:
            continue
        shares += share
        if norm:
            total += share * sum(w * centroid.get(t, 0.0) for t, w in vector.items()) / norm
    return total / shares if shares else 0.0


def _time_factor(when: date | None, story: _Story) -> float:
    if when is None or story.first is None or story.last is None:
        return 1.0
    gap = max((story.first - when).days, (when - story.last).days, 0)
    return STALE_FACTOR if gap > STORY_GAP_DAYS else 1.0


def _added(total: Vector, vector: Vector) -> Vector:
    merged = dict(total)
    for key, weight in vector.items():
        merged[key] = merged.get(key, 0.0) + weight
    return merged


def _norm(vector: Vector) -> float:
    return math.sqrt(sum(w * w for w in vector.values()))


def _unit(vector: Vector) -> Vector:
    norm = _norm(vector)
    return {k: w / norm for k, w in vector.items()} if norm else {}


def parse_date(value: str | None) -> date | None:
    """A YYYY-MM-DD date (a YYYY-MM or YYYY prefix counts as its first day), or None."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts[:3]] + [1] * (3 - len(parts[:3]))
        return date(numbers[0], numbers[1], numbers[2])
    except ValueError:
        return None
