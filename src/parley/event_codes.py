"""Reference scales of event codes for readers of the store: the GDELT quad class and the
Goldstein scale of a CAMEO code, the quad class and modes of a PLOVER category.

Both come from `data/event_cameo.json` (built by scripts/build_event_data.py from the CAMEO
codebook in shared/data: Goldstein values as GDELT's CAMEO.goldsteinscale.txt gives them, quad
classes as GDELT 2.0 assigns them by CAMEO root; PLOVER quad classes from the PLOVER manual).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from parley.datafiles import read_data_json

# PLOVER categories whose two parties act together: "A and B talked" is "B and A talked". The
# event coder, the discourse dater and the cross-outlet merge read them alike.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

# GDELT's QuadClass numbers (gdelt_v2_event_schema.json `quad_class_values`).
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}
_QUAD_NUMBERS = {name: number for number, name in QUAD_NAMES.items()}


@dataclass(frozen=True)
class CodeTables:
    goldstein: dict[str, float]
    quad_class: dict[str, int]  # CAMEO code -> 1..4
    category_quad: dict[str, int]  # PLOVER category -> 1..4
    category_modes: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def code_tables() -> CodeTables:
    raw = read_data_json("event_cameo.json")
    codes = raw["codes"]
    categories = raw["categories"]
    return CodeTables(
        goldstein={c: float(v["goldstein"]) for c, v in codes.items() if v.get("goldstein") is not None},
        quad_class={c: int(v["quad_class"]) for c, v in codes.items() if v.get("quad_class")},
        category_quad={name: _QUAD_NUMBERS[v["quad"].lower()] for name, v in categories.items()},
        category_modes={name: tuple(v["modes"]) for name, v in categories.items()},
    )


def _most_specific(table: dict[str, float] | dict[str, int], cameo: str | None) -> float | int | None:
    while cameo:
        if cameo in table:
            return table[cameo]
        cameo = cameo[:-1] if len(cameo) > 2 else None
    return None


def goldstein(cameo: str | None) -> float | None:
    """The Goldstein scale value (-10..+10) of a CAMEO code (else of its parent code)."""
    value = _most_specific(code_tables().goldstein, cameo)
    return None if value is None else float(value)


def quad_class(cameo: str | None, category: str | None = None) -> int | None:
    """GDELT's quad class (1 verbal cooperation .. 4 material conflict) of a CAMEO code; for an
    event without one, its PLOVER category's quad class."""
    value = _most_specific(code_tables().quad_class, cameo)
    if value is not None:
        return int(value)
    return code_tables().category_quad.get(category or "")
