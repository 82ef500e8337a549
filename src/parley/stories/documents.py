"""What story clustering needs of an article: its title, text, date and salient actors."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from parley.actors.registry import name_key
from parley.models import Article, Entity

# Entity types that can be a story's actors (dates, sums, works of art cannot).
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# Actors an article contributes at most, the most mentioned first: the salient ones.
MAX_ACTORS = 12
# Characters from the start of the text within which one mention makes an actor salient.
ACTOR_LEAD_CHARS = 250
# Longer "names" are NER runs over a title-case headline, not entities.
MAX_ACTOR_WORDS = 5

_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


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


def day_number(value: str | None) -> int | None:
    """The date as a day count (proleptic ordinal), what time windows are computed on."""
    when = parse_date(value)
    return when.toordinal() if when else None
