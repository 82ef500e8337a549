"""Which sentences can hold a quote or its attribution: those with a quotation mark, a speech
or cognition cue lemma (said, told, believes, ...) or "according". Works on a doc with tagging
and lemmas but no dependency parse, so the pipeline can decide what to parse. Rarer cues
(object and particle verbs, document nouns) are left out: on PolNeAR dev they add ~10% of the
tokens to parse for 0.001 of attribution F1."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from parley.quotes.lexicon import cue_lexicon
from parley.quotes.marks import DOUBLE_MARKS, OPENING_SINGLE

_MARKS = frozenset(DOUBLE_MARKS + OPENING_SINGLE)


def may_hold_quote(sent: Span) -> bool:
    """True if the sentence has a quotation mark, a speech or cognition lemma or 'according'."""
    lemmas = cue_lemmas()
    return any(t.text in _MARKS or t.lemma_ in lemmas or t.lower_ == "according" for t in sent)


@lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    lexicon = cue_lexicon()
    return lexicon.speech | lexicon.cognition
