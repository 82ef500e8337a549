"""Confidence that means something: the share of records like this one that are right.

The extraction's own score (`coding.confidence`: how the trigger matched, whether the parties
are named, the clause) is one input of a small logistic model whose weights are fitted on the
dev articles' tune half (`bench/calibration.py fit`, written to data/event_confidence.json):
the calibrated `confidence` of a record estimates the probability that it matches an event a
reader lists (right parties, direction and category). A record that reports of two or more
articles make (`stories.merge`) is at least as sure as the fitted share right of such records
(`corroborated`). `bench/calibration.py table` prints the reliability table on both halves.

    calibrated(event) -> 0.83   # a named state's event with a counterpart, stated in its clause
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from parley.models import Event

FEATURES = ("bias", "raw", "source_sector", "target_sector", "planned", "past", "dated_in_text",
            "undated")


def features(event: Event) -> dict[str, float]:
    """The model's inputs for one event."""
    return feature_values(event.confidence, event.source.sector if event.source else None,
                          event.target is not None, event.target.sector if event.target else None,
                          event.modality, event.date_basis, event.date)


def feature_values(raw: float, source_sector: str | None, has_target: bool, target_sector: str | None,
                   modality: str | None, date_basis: str | None, date: str | None) -> dict[str, float]:
    """The model's inputs from an event's parts (an exported record has them too)."""
    return {
        "bias": 1.0,
        "raw": raw,
        "source_sector": float(source_sector is not None),
        "target_sector": float(has_target and target_sector is not None),
        "planned": float(modality in ("planned", "hypothetical")),
        "past": float(modality == "reported_past"),
        "dated_in_text": float(date_basis == "text"),
        "undated": float(date is None),
    }


@lru_cache(maxsize=1)
def load_weights() -> dict[str, float] | None:
    """The fitted weights, or None when no model is shipped (the raw score stands)."""
    path = resources.files("parley.data").joinpath("event_confidence.json")
    if not path.is_file():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {name: float(raw["weights"][name]) for name in FEATURES}


@lru_cache(maxsize=1)
def load_corroborated() -> float | None:
    """The share right, as fitted, of records that two or more articles report (None: no model)."""
    path = resources.files("parley.data").joinpath("event_confidence.json")
    if not path.is_file():
        return None
    value = json.loads(path.read_text(encoding="utf-8")).get("corroborated")
    return float(value) if value is not None else None


def corroborated(confidence: float) -> float:
    """The confidence of a record another article's report has joined: at least the share of
    such records that are right (reports of one event by several outlets confirm each other)."""
    share = load_corroborated() if load_weights() is not None else None
    return confidence if share is None else max(confidence, share)


def calibrated(event: Event) -> float:
    """The probability, as fitted, that the event record is right."""
    weights = load_weights()
    if weights is None:
        return event.confidence
    values = features(event)
    score = sum(weights[name] * values[name] for name in FEATURES)
    return round(1.0 / (1.0 + math.exp(-score)), 3)
