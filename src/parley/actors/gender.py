"""Which pronoun a person's name takes: "Ana Ruiz" is a "she", "Juan Mora" a "he".

Pronoun resolution uses it to pass over the people a "he" or "she" cannot stand for. The
evidence is the name itself: an honorific ("Mrs Ruiz") or a given name whose gender every
source agrees on (`data/given_names.tsv`). A name without such evidence takes either pronoun.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache

from parley.datafiles import read_data_text

GIVEN_NAMES = "given_names.tsv"
PRONOUNS = {"male": "he", "female": "she"}
HONORIFICS = {"mr": "he", "sir": "he", "lord": "he", "sheikh": "he", "king": "he", "prince": "he",
              "mrs": "she", "ms": "she", "miss": "she", "madam": "she", "dame": "she",
              "lady": "she", "sheikha": "she", "queen": "she", "princess": "she"}


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(read_data_text(GIVEN_NAMES)), delimiter="\t")
    return {row["name"]: PRONOUNS[row["gender"]] for row in rows}


def pronoun_of(name: str) -> str | None:
    """'he' or 'she' when a person's name tells, else None ('Ruiz', 'Kim Lee')."""
    words = [w.strip(".,'’").lower() for w in name.split()]
    for word in words[:-1]:  # the surname alone tells nothing
        if word in HONORIFICS:
            return HONORIFICS[word]
        found = _given_names().get(word)
        if found is not None:
            return found
    return None


def may_stand_for(pronoun: str, name: str) -> bool:
    """Whether a 'he' or 'she' may refer to the person so named (other pronouns: always)."""
    if pronoun not in ("he", "she"):
        return True
    found = pronoun_of(name)
    return found is None or found == pronoun
