"""A learned sentence classifier beside the rules: is there an event in this sentence, and of
which PLOVER category? A linear model over word, word-pair and character n-grams (TF-IDF
weighted), trained offline by `scripts/train_event_detector.py` (`make model`) and shipped as
plain arrays in `data/event_detector.npz` (no pickle); provenance in `data/PROVENANCE.md`.

    detector = load_detector()            # None when switched off or not installed
    detector.predict("Iran and Oman held talks in Muscat.")
        -> Prediction(type="CONSULT", score=0.81, event=0.93)

Run time needs numpy only: the n-grams come from `sentence_features`, the same function the
training script hands to scikit-learn, so training and use cannot drift apart.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from itertools import pairwise
from operator import is_not
from typing import IO

import numpy
from numpy.typing import NDArray

# The shipped model, under parley/data.
MODEL_FILE = "event_detector.npz"
# The shipped model trained on the gold sets alone (no silver stories): the second opinion that
# may retype a rule event (`events.extract.MODEL_RETYPE_SCORE`). Out of fold on the tune half its
# readings of news sentences are better than the full model's (see data/PROVENANCE.md).
RETYPE_MODEL_FILE = "event_detector_gold.npz"
# Set to 0/off/false to run the rules alone, or to the path of another model file (.npz).
SWITCH_ENV = "PARLEY_EVENT_DETECTOR"
# Set to 0 to run without the retyping model, or to the path of another one (.npz).
RETYPER_ENV = "PARLEY_EVENT_RETYPER"
# The label of sentences that hold no event.
NO_EVENT = "NONE"
# Character n-gram sizes inside words (padded with spaces: prefixes and suffixes count).
CHAR_SIZES = (3, 4, 5)
# Longer sentences are cut: the event of a news sentence is stated early, and the cost stays flat.
MAX_CHARS = 600
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")


@dataclass(frozen=True)
class Prediction:
    """The model's reading of a sentence: its most likely category, that category's probability,
    and the probability that the sentence holds an event at all (1 - P(no event))."""

    type: str
    score: float
    event: float


def sentence_features(text: str) -> list[str]:
    """The n-grams of a sentence: lowercased words (numbers as 0), adjacent word pairs, and
    character n-grams of each word; prefixed by kind so that they never collide."""
    words = ["0" if w.isdigit() else w for w in WORD.findall(text[:MAX_CHARS].lower())]
    features = [f"w {w}" for w in words]
    features += [f"b {a} {b}" for a, b in pairwise(words)]
    for word in words:
        padded = f" {word} "
        for size in CHAR_SIZES:
            features += [f"c {padded[i:i + size]}" for i in range(len(padded) - size + 1)]
    return features


class EventDetector:
    """A multinomial logistic regression over TF-IDF n-grams (sublinear tf, l2-normalised)."""

    def __init__(self, vocabulary: Sequence[str], idf: NDArray[numpy.float32],
                 weights: NDArray[numpy.float32], intercept: NDArray[numpy.float32],
                 classes: Sequence[str], meta: dict[str, object]) -> None:
        self.index = {feature: i for i, feature in enumerate(vocabulary)}
        self.idf = idf
        self.weights = weights  # features x classes
        self.intercept = intercept
        self.classes = list(classes)
        self.meta = meta
        self._none = self.classes.index(NO_EVENT) if NO_EVENT in self.classes else None

    def distribution(self, text: str) -> NDArray[numpy.float64]:
        """The probability of each class (in `self.classes` order)."""
        # map/filter: the feature look-ups run in C (this is the detector's hot loop).
        counts = Counter(filter(partial(is_not, None), map(self.index.get, sentence_features(text))))
        logits = self.intercept.astype(numpy.float64)
        if counts:
            ids = numpy.fromiter(counts.keys(), dtype=numpy.int64, count=len(counts))
            tf = numpy.fromiter(counts.values(), dtype=numpy.float64, count=len(counts))
            values = (1.0 + numpy.log(tf)) * self.idf[ids]
            values /= math.sqrt(float(values @ values))
            logits = logits + values @ self.weights[ids]
        exp: NDArray[numpy.float64] = numpy.exp(logits - logits.max())
        exp /= exp.sum()
        return exp

    def predict(self, text: str) -> Prediction:
        probs = self.distribution(text)
        event = 1.0
        if self._none is not None:  # a model trained without "no event" sentences says always yes
            event -= float(probs[self._none])
            probs[self._none] = -1.0
        best = int(probs.argmax())
        return Prediction(self.classes[best], round(float(probs[best]), 3), round(event, 3))


def detector_enabled() -> bool:
    return os.environ.get(SWITCH_ENV, "1").strip().lower() not in ("0", "off", "false", "no")


@lru_cache(maxsize=1)
def load_detector() -> EventDetector | None:
    """The shipped model (or the file PARLEY_EVENT_DETECTOR names), loaded once; None when
    switched off (PARLEY_EVENT_DETECTOR=0) or when the package carries no model file."""
    if not detector_enabled():
        return None
    setting = os.environ.get(SWITCH_ENV, "").strip()
    if setting.endswith(".npz"):
        with open(setting, "rb") as handle:
            return read_detector(handle)
    path = resources.files("parley").joinpath("data", MODEL_FILE)
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_detector(handle)


@lru_cache(maxsize=1)
def load_retyper() -> EventDetector | None:
    """The gold-only model (RETYPE_MODEL_FILE, or the file PARLEY_EVENT_RETYPER names), loaded
    once; None when the detector is switched off, when PARLEY_EVENT_RETYPER is 0, when
    PARLEY_EVENT_DETECTOR names another model file and PARLEY_EVENT_RETYPER none (that model alone
    is measured), or when the package carries no such file."""
    setting = os.environ.get(RETYPER_ENV, "").strip()
    if not detector_enabled() or setting.lower() in ("0", "off", "false", "no"):
        return None
    if setting.endswith(".npz"):
        with open(setting, "rb") as handle:
            return read_detector(handle)
    if os.environ.get(SWITCH_ENV, "").strip().endswith(".npz"):
        return None
    path = resources.files("parley").joinpath("data", RETYPE_MODEL_FILE)
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_detector(handle)


def read_detector(handle: IO[bytes]) -> EventDetector:
    """A model from an open .npz file (plain arrays: nothing is unpickled)."""
    with numpy.load(handle, allow_pickle=False) as arrays:
        return EventDetector(
            vocabulary=arrays["vocabulary"].tolist(), idf=arrays["idf"].astype(numpy.float32),
            weights=arrays["weights"].astype(numpy.float32),
            intercept=arrays["intercept"].astype(numpy.float32),
            classes=arrays["classes"].tolist(), meta=json.loads(str(arrays["meta"])))
