"""Whether a page is about international affairs at all: a match report, a market report, a
weather bulletin or a science story holds no political events, whatever its verbs say ("the
Ukrainian national team met the Azerbaijani national team" is no consultation, "the bank
retained its rate" no concession).

    page_scope(text) -> "sport"   # many words of sport, few of state action
    page_scope(text) -> None      # in scope (politics, or too little to say)

A light classifier over word lists (src/parley/data/scope_words.json, with its provenance):
the page's distinct words of each domain against its distinct words of politics. A page is out
of scope when one domain is clearly its subject (at least MIN_DOMAIN_WORDS distinct words) and
politics is at most a fraction of it (DOMAIN_RATIO). Measured on the dev articles: the four
negative pages (sport, central bank) are out, no page with a gold event is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

MIN_DOMAIN_WORDS = 4
# Distinct domain words per distinct politics word needed to call the page out of scope.
DOMAIN_RATIO = 3.0


@dataclass(frozen=True)
class ScopeWords:
    domains: dict[str, re.Pattern[str]]
    politics: re.Pattern[str]


@dataclass(frozen=True)
class Scope:
    domain: str | None  # the page's subject outside politics, None when in scope
    counts: dict[str, int]  # distinct words of each domain and of "politics"


def _pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = sorted({re.escape(w.lower()) for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


@lru_cache(maxsize=1)
def load_scope_words() -> ScopeWords:
    raw = json.loads(resources.files("parley.data").joinpath("scope_words.json").read_text(encoding="utf-8"))
    return ScopeWords({name: _pattern(words) for name, words in raw["domains"].items()},
                      _pattern(raw["politics"]))


def classify(text: str) -> Scope:
    """The page's distinct words of each domain and of politics, and its subject if not politics."""
    words = load_scope_words()
    lowered = text.lower()
    counts = {name: len(set(p.findall(lowered))) for name, p in words.domains.items()}
    politics = len(set(words.politics.findall(lowered)))
    best = max(counts, key=lambda name: counts[name]) if counts else None
    counts["politics"] = politics
    if best is None or counts[best] < MIN_DOMAIN_WORDS or counts[best] < DOMAIN_RATIO * politics:
        return Scope(None, counts)
    return Scope(best, counts)


def page_scope(text: str) -> str | None:
    """The page's subject when it is not international affairs (sport, business, weather,
    science), else None."""
    return classify(text).domain
