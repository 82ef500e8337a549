"""Where story clustering finds stored articles: the store, or memory (for evaluation and tests).

The clusterer reads through `StoryIndex`, three batched look-ups: the articles that share an
index term with a new one inside the time window, their vectors and stories, and every member
of some stories. The store implements it over its tables (`parley.store`); `MemoryStoryIndex`
over dicts, with the same answers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from parley.stories.vectors import StoryVector


@dataclass(frozen=True)
class StoryUpdate:
    """What placing one article changes: its story, and the stored articles that moved.

    `moves`: (article id, story id) of stored articles whose story changed (stories merged or
    split); `titles`: (story id, title) of every story of the re-clustered region; `removed`:
    story ids that no longer have members."""

    article_id: str
    story_id: str
    vector: StoryVector | None = None  # None: nothing new to persist (a repeat)
    moves: tuple[tuple[str, str], ...] = ()
    titles: tuple[tuple[str, str | None], ...] = ()
    removed: tuple[str, ...] = ()


class StoryIndex(Protocol):
    def story_of(self, article_id: str) -> str | None:
        """The story of a stored article, None if it has none."""

    def story_candidates(self, terms: Sequence[str], day: int | None,
                         window: int) -> list[tuple[str, int]]:
        """(article id, number of shared terms) of the stored articles indexed by any of the
        terms, dated within `window` days of `day` or undated (`day` None: any date)."""

    def story_vectors(self, article_ids: Sequence[str]) -> list[tuple[StoryVector, str]]:
        """The stored vectors of these articles, each with its story id."""

    def story_members(self, story_ids: Sequence[str]) -> list[tuple[StoryVector, str]]:
        """The stored vectors of every article of these stories, each with its story id."""


class MemoryStoryIndex:
    """A StoryIndex in memory, updated with `apply`."""

    def __init__(self) -> None:
        self.vectors: dict[str, StoryVector] = {}
        self.stories: dict[str, str] = {}  # article id -> story id
        self.members: defaultdict[str, set[str]] = defaultdict(set)
        self.titles: dict[str, str | None] = {}
        self._postings: defaultdict[str, set[str]] = defaultdict(set)

    def story_of(self, article_id: str) -> str | None:
        return self.stories.get(article_id)

    def story_candidates(self, terms: Sequence[str], day: int | None,
                         window: int) -> list[tuple[str, int]]:
        shared = Counter(a for t in set(terms) for a in self._postings.get(t, ()))
        return sorted((a, n) for a, n in shared.items() if _within(self.vectors[a].day, day, window))

    def story_vectors(self, article_ids: Sequence[str]) -> list[tuple[StoryVector, str]]:
        return [(self.vectors[a], self.stories[a]) for a in sorted(set(article_ids))
                if a in self.vectors]

    def story_members(self, story_ids: Sequence[str]) -> list[tuple[StoryVector, str]]:
        members = {a for s in story_ids for a in self.members.get(s, ())}
        return self.story_vectors(sorted(members))

    def apply(self, update: StoryUpdate) -> None:
        """Record a placement, as the store does in the article's transaction."""
        if update.vector is not None:
            self.vectors[update.article_id] = update.vector
            for term in update.vector.terms:
                self._postings[term].add(update.article_id)
        for article_id, story_id in ((update.article_id, update.story_id), *update.moves):
            self._move(article_id, story_id)
        for story_id in update.removed:
            self.titles.pop(story_id, None)
        self.titles.update(update.titles)

    def assignments(self) -> dict[str, str]:
        return dict(self.stories)

    def _move(self, article_id: str, story_id: str) -> None:
        old = self.stories.get(article_id)
        if old is not None:
            self.members[old].discard(article_id)
            if not self.members[old]:
                del self.members[old]
        self.stories[article_id] = story_id
        self.members[story_id].add(article_id)


def _within(other: int | None, day: int | None, window: int) -> bool:
    return other is None or day is None or abs(other - day) <= window
