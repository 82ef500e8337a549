"""One event however many reports: merging an article's events into the corpus's events.

Two reports are one real-world event when they have the same PLOVER category, the same
actors (people by name, otherwise country + sector; either order for symmetric categories),
the same kind of modality (a fact, a plan, a refusal), and dates that agree at their shared
precision ("2025-06" and "2025-06-22" agree; "2025-08-03" and "2025-08-04" do not). Undated
reports merge only when their sentences are alike. Turkey's minister calling Haddad on one
day and Pakistan's the next stay two events.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from parley.actors.registry import name_key
from parley.models import Actor, Event

# Categories whose two parties act together: "A and B talked" is "B and A talked".
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Undated reports of the same actors and category are one event only if their sentences
# share this share of content words (Jaccard).
UNDATED_SIMILARITY = 0.3
_MODALITY_GROUPS = {"asserted": "fact", "reported_past": "fact", "planned": "future",
                    "hypothetical": "future", "refused": "negative", "denied": "negative"}
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class MergeCandidate:
    """A corpus event as the merger needs it."""

    id: str
    date: str | None
    evidence: tuple[str, ...]  # the sentences already reporting it


def actor_key(actor: Actor | None) -> str:
    """How an actor is told apart: by country and sector codes ("PAKGOV"), else by name.

    Codes, not names: one article names "Anna Berg", another "Pakistan's foreign minister".
    """
    if actor is None:
        return "-"
    if actor.code:
        return "code:" + actor.code
    return "name:" + name_key(actor.name)


def merge_key(event: Event) -> str:
    """The key every report of one real-world event shares (dates are compared separately)."""
    parties = [actor_key(event.source), actor_key(event.target)]
    if event.type in SYMMETRIC_TYPES:
        parties.sort()
    group = _MODALITY_GROUPS.get(event.modality, event.modality)
    negated = "not" if event.negated else "is"
    return "|".join([event.type, group, negated, *parties])


def dates_agree(a: str | None, b: str | None) -> bool:
    """True if two dates (YYYY[-MM[-DD]]) agree at the precision they share."""
    if a is None or b is None:
        return False
    shared = min(len(a), len(b))
    return a[:shared] == b[:shared]


def find_same_event(event: Event, sentence: str,
                    candidates: list[MergeCandidate]) -> MergeCandidate | None:
    """The known event this report is about, among events with the same merge key."""
    if event.date is not None:
        dated = [c for c in candidates if dates_agree(event.date, c.date)]
        # the most precise agreeing date is the likeliest same event
        return max(dated, key=lambda c: (len(c.date or ""), c.id)) if dated else None
    alike = [(similarity(sentence, c.evidence), c) for c in candidates]
    alike = [(score, c) for score, c in alike if score >= UNDATED_SIMILARITY]
    return max(alike, key=lambda item: (item[0], item[1].id))[1] if alike else None


def similarity(sentence: str, evidence: tuple[str, ...]) -> float:
    """Best content-word Jaccard similarity of a sentence to any evidence sentence."""
    words = set(_WORD.findall(sentence.lower()))
    best = 0.0
    for other in evidence:
        theirs = set(_WORD.findall(other.lower()))
        if words and theirs:
            best = max(best, len(words & theirs) / len(words | theirs))
    return best


def more_precise(current: str | None, new: str | None) -> str | None:
    """The more precise of two agreeing dates."""
    if current is None:
        return new
    if new is None:
        return current
    return new if len(new) > len(current) else current


def mention_id(article_id: str, event: Event) -> str:
    """A stable id for one report of an event in one article."""
    key = f"{article_id}\n{event.type}\n{event.sentence_start}\n{event.trigger_start}\n{merge_key(event)}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]
