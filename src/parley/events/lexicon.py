"""The event coder's knowledge, loaded once from data files: trigger words and frames
(`data/event_triggers.json`, written by hand from the PLOVER and CAMEO definitions) and the
CAMEO codes with their PLOVER categories and intensity scores (`data/event_cameo.json`, built by
`scripts/build_event_data.py`).

A trigger entry is either an event (a CAMEO code, hence a PLOVER category) or a frame: a word
that governs another event and changes what is said of it ("agreed to meet", "refused to
release", "urged X to withdraw").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from parley.datafiles import read_data_json

# Word classes of the trigger lexicon, as spaCy's coarse POS tags that may carry them.
POS_CLASSES = {"verbs": ("VERB", "AUX"), "nouns": ("NOUN", "PROPN"), "adjectives": ("ADJ", "VERB")}


@dataclass(frozen=True)
class TriggerEntry:
    """One sense of a trigger word: its conditions, its code and where its arguments are."""

    lemma: str
    word_class: str  # verbs | nouns | adjectives
    cameo: str | None = None
    type: str | None = None
    mode: str | None = None
    frame: str | None = None
    base: str | None = None  # a frame's own code when it governs no event ("invite" -> 036)
    obj: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    not_prep: frozenset[str] = frozenset()
    compound: frozenset[str] = frozenset()
    via: frozenset[str] = frozenset()
    prep_obj: frozenset[str] = frozenset()
    subject: frozenset[str] = frozenset()
    obj_head: frozenset[str] = frozenset()
    plural: bool = False
    clause: bool = False  # needs a that-clause ("agreed that ...")
    object_control: bool = False  # needs an object and its infinitive ("wants Germany to pay")
    needs_obj: bool = False
    not_obj: bool = False
    person_target: bool = False
    force_object: bool = False  # its object is an act of force of the noun lexicon ("approved the strikes")
    passive_source: bool = False
    target: tuple[str, ...] = ()
    symmetric: bool = False
    of: str | None = None  # what a noun's of-phrase names: source | target
    state_cameo: str | None = None
    state_type: str | None = None
    solo_cameo: str | None = None
    solo_type: str | None = None
    weak: bool = False
    standalone: bool = True
    not_target: bool = False
    # the subject undergoes the act, told by someone else: "Chile will pay a heavy price" is a
    # threat against Chile by whoever says so (the reporter, or the one who warns)
    suffered: bool = False
    # the act on a weapon is the attack of whoever launched it ("drones launched by Peru were
    # intercepted over Chile": Peru's attack on Chile)
    by_launcher: bool = False
    manner: frozenset[str] = frozenset()  # an adverb (or "with" object) the verb needs ("respond forcefully")

    @property
    def specific(self) -> bool:
        """Whether the entry needed more than its word to match (a surer trigger)."""
        return bool(self.obj or self.prep or self.compound or self.via or self.prep_obj or self.subject
                    or self.obj_head or self.clause or self.object_control or self.manner)


@dataclass(frozen=True)
class FrameSpec:
    """How a governing word changes the event under it (see `frames` in event_triggers.json)."""

    kind: str
    type: str | None = None
    conflict_type: str | None = None
    base: str | None = None
    codes: dict[str, str | None] = field(default_factory=dict)
    keep_type: bool = False
    modality: str | None = None
    negated: bool = False
    control: str = "subject"  # subject | object | none: who does the governed event
    target_from: str | None = None
    transparent: bool = False
    overrides: dict[str, str] = field(default_factory=dict)  # content root -> code that replaces it
    # the frame word means its opposite and counts only negated: "would not hesitate to strike"
    # is a resolve to strike (the negation is the frame's, not the event's); "hesitated to" undoes it
    litotes: bool = False

    def code_for(self, content: str) -> str | None:
        """The code of this frame over an event coded `content`, most specific prefix first."""
        for size in range(len(content), 1, -1):
            if content[:size] in self.codes:
                return self.codes[content[:size]]
        return self.base


@dataclass(frozen=True)
class CameoCode:
    name: str
    plover: str | None
    mode: str | None


@dataclass(frozen=True)
class Category:
    score: float
    mode_scores: dict[str, float]
    requires_recipient: bool


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, dict[str, tuple[TriggerEntry, ...]]]  # word class -> lemma -> senses
    frames: dict[str, FrameSpec]
    contexts: dict[str, dict[str, str]]
    context_words: dict[str, frozenset[str]]
    mode_words: dict[str, dict[str, frozenset[str]]]
    mode_cameo: dict[str, dict[str, str]]
    state_sectors: frozenset[str]
    military_words: frozenset[str]
    planned_modifiers: frozenset[str]
    occurrence_verbs: frozenset[str]  # "a meeting could happen / take place / be held"
    # what one declines to share ("declined to comment", "refused to give details"): no stance
    disclosure_words: dict[str, frozenset[str]]
    # verbs that restate a standing commitment ("reaffirmed its commitment to"): support, not a pledge
    restating_verbs: frozenset[str]
    background_markers: frozenset[str]
    background_phrases: tuple[str, ...]
    pair_nouns: frozenset[str]
    irregular: dict[str, tuple[str, ...]]
    codes: dict[str, CameoCode]
    categories: dict[str, Category]

    def senses(self, word_class: str, lemma: str) -> tuple[TriggerEntry, ...]:
        return self.entries[word_class].get(lemma, ())

    def plover_of(self, cameo: str | None) -> str | None:
        """The PLOVER category of a CAMEO code (its own, else its parent's)."""
        while cameo:
            code = self.codes.get(cameo)
            if code is not None and code.plover:
                return code.plover
            cameo = cameo[:-1] if len(cameo) > 2 else None
        return None

    def mode_of(self, cameo: str | None) -> str | None:
        code = self.codes.get(cameo or "")
        return code.mode if code else None


_LIST_FIELDS = ("obj", "prep", "not_prep", "compound", "via", "prep_obj", "subject", "obj_head", "manner")


def _entry(lemma: str, word_class: str, raw: dict[str, Any]) -> TriggerEntry:
    values: dict[str, Any] = {k: v for k, v in raw.items() if k not in _LIST_FIELDS and k != "target"}
    for name in _LIST_FIELDS:
        if name in raw:
            values[name] = frozenset(raw[name])
    values["target"] = tuple(raw.get("target", ()))
    return TriggerEntry(lemma=lemma, word_class=word_class, **values)


def _frames(raw: dict[str, Any]) -> dict[str, FrameSpec]:
    frames: dict[str, FrameSpec] = {}
    for kind, spec in raw.items():
        values = {k: v for k, v in spec.items() if k != "codes_from"}
        if "codes_from" in spec:
            source = raw[spec["codes_from"]]
            values = {"codes": source["codes"], "base": source.get("base"), **values}
        if values.get("control") is False:
            values["control"] = "none"
        frames[kind] = FrameSpec(kind=kind, **values)
    return frames


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The trigger lexicon and CAMEO tables, loaded once per process."""
    raw = read_data_json("event_triggers.json")
    cameo = read_data_json("event_cameo.json")
    entries = {cls: {lemma: tuple(_entry(lemma, cls, e) for e in senses)
                     for lemma, senses in raw[cls].items()}
               for cls in POS_CLASSES}
    return Lexicon(
        entries=entries,
        frames=_frames(raw["frames"]),
        contexts=raw["contexts"],
        context_words={k: frozenset(v) for k, v in raw["context_words"].items()},
        mode_words={t: {m: frozenset(w) for m, w in modes.items()} for t, modes in raw["mode_words"].items()},
        mode_cameo=raw["mode_cameo"],
        state_sectors=frozenset(raw["state_sectors"]),
        military_words=frozenset(raw["military_words"]),
        planned_modifiers=frozenset(raw["planned_modifiers"]),
        occurrence_verbs=frozenset(raw["occurrence_verbs"]),
        disclosure_words={k: frozenset(v) for k, v in raw["disclosure_words"].items()},
        restating_verbs=frozenset(raw["restating_verbs"]),
        background_markers=frozenset(raw["background_markers"]),
        background_phrases=tuple(raw["background_phrases"]),
        pair_nouns=frozenset(raw["pair_nouns"]),
        irregular={k: tuple(v) for k, v in raw["irregular"].items()},
        codes={code: CameoCode(v["name"], v["plover"], v["mode"]) for code, v in cameo["codes"].items()},
        categories={name: Category(v["score"], v["mode_scores"], v["requires_recipient"])
                    for name, v in cameo["categories"].items()},
    )
