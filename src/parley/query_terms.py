"""What an analyst's query words mean: event types and actor names as typed on a command line.

    resolve_type("ceasefire")   -> (TypeSpec("RETREAT", "ceasefire"),)    a PLOVER mode
    resolve_type("talks")       -> (TypeSpec("CONSULT"),)                  a trigger word
    resolve_type("assault")     -> (TypeSpec("ASSAULT"),)                  a category, any case
    group_code("Ansar Allah")   -> "YEMREB"   (the code an article's "Houthis" gets too)

Types come from the event coder's own data (PLOVER categories and modes in
`data/event_cameo.json`, trigger words in `data/event_triggers.json`), so a query word means
what the same word means in an article. Unknown words get the nearest known ones as hints.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from parley.actors.knowledge import load_knowledge, normalize_name
from parley.actors.resolve import resolve_actor_text
from parley.event_codes import code_tables
from parley.events.lexicon import load_lexicon

# Dictionaries of named bodies (not people): a query naming one means the body's CAMEO code,
# whatever name an article gave it ("Houthis", "Ansar Allah" -> YEMREB).
GROUP_SOURCES = frozenset({"international", "milnonstate", "institutions", "seat"})
# Modality words an analyst may type, and the stored modality they mean.
MODALITIES = {"asserted": "asserted", "planned": "planned", "hypothetical": "hypothetical",
              "refused": "refused", "denied": "denied", "reported_past": "reported_past",
              "background": "reported_past", "past": "reported_past", "future": "planned"}
SUGGESTIONS = 5


@dataclass(frozen=True)
class TypeSpec:
    """An event category, narrowed to one of its modes when the query word names a mode."""

    type: str
    mode: str | None = None

    def matches(self, event_type: str, event_mode: str | None) -> bool:
        return event_type == self.type and (self.mode is None or event_mode == self.mode)

    def __str__(self) -> str:
        return self.type + (f"/{self.mode}" if self.mode else "")


class UnknownTermError(ValueError):
    """A query word parley does not know, with the nearest words it does know."""

    def __init__(self, kind: str, term: str, suggestions: list[str]) -> None:
        self.kind, self.term, self.suggestions = kind, term, suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown {kind} {term!r}{hint}")


@lru_cache(maxsize=1)
def _type_vocabularies() -> tuple[dict[str, tuple[TypeSpec, ...]], dict[str, tuple[TypeSpec, ...]]]:
    """Words that name an event type: (categories, modes and CAT/mode; trigger words)."""
    named: dict[str, list[TypeSpec]] = {}
    for category, modes in code_tables().category_modes.items():
        named.setdefault(category.lower(), []).append(TypeSpec(category))
        for mode in modes:
            named.setdefault(f"{category}/{mode}".lower(), []).append(TypeSpec(category, mode))
            named.setdefault(mode.lower(), []).append(TypeSpec(category, mode))
    lexicon = load_lexicon()
    triggers: dict[str, list[TypeSpec]] = {}
    for word_class in ("nouns", "verbs"):
        for lemma, senses in lexicon.entries.get(word_class, {}).items():
            for sense in senses:
                plover = sense.type or lexicon.plover_of(sense.cameo)
                specs = triggers.setdefault(lemma.lower(), [])
                if sense.frame is None and plover and TypeSpec(plover) not in specs:
                    specs.append(TypeSpec(plover))
    return ({w: tuple(s) for w, s in named.items()},
            {w: tuple(s) for w, s in triggers.items() if s})


def _word_forms(word: str) -> list[str]:
    """The query word and its plain forms: lower case, without hyphen or space, singular, the
    stem of a past or -ing form."""
    base = " ".join(word.strip().lower().split())
    stems = [base]
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""),
                                ("ed", "e"), ("ing", ""), ("ing", "e")):
        if base.endswith(suffix) and len(base) > len(suffix) + 2:
            stems.append(base[: -len(suffix)] + replacement)
    forms = [form for stem in stems for form in (stem, stem.replace("-", ""), stem.replace(" ", ""),
                                                  stem.replace(" ", "-"))]
    return list(dict.fromkeys(forms))


def resolve_type(word: str) -> tuple[TypeSpec, ...]:
    """The event types a query word names; raises UnknownTermError with hints if none."""
    named, triggers = _type_vocabularies()
    forms = _word_forms(word)
    words = word.split()
    # a phrase, then its head word: the trigger it is ("peace deal" -> deal -> AGREE)
    head = _word_forms(words[-1]) if len(words) > 1 else []
    for vocabulary, candidates in ((named, forms), (triggers, forms), (triggers, head), (named, head)):
        for form in candidates:
            if form in vocabulary:
                return vocabulary[form]
    near = difflib.get_close_matches(word.lower(), [*named, *triggers], n=SUGGESTIONS, cutoff=0.75)
    hints = [str((named.get(w) or triggers[w])[0]) for w in near]
    categories = sorted(code_tables().category_modes)
    raise UnknownTermError("event type", word, list(dict.fromkeys(hints)) or categories)


def resolve_types(words: Iterable[str]) -> tuple[TypeSpec, ...]:
    return tuple(dict.fromkeys(spec for word in words for spec in resolve_type(word)))


def resolve_modality(word: str) -> str:
    key = word.strip().lower().replace("-", "_").replace(" ", "_")
    if key in MODALITIES:
        return MODALITIES[key]
    near = difflib.get_close_matches(key, list(MODALITIES), n=SUGGESTIONS, cutoff=0.6)
    raise UnknownTermError("modality", word, near or sorted(set(MODALITIES.values())))


def group_code(name: str) -> str | None:
    """The CAMEO code of a named body (armed group, party, IGO, seat of government) the way an
    article's mention of it resolves; None for people, places and unknown names."""
    match = resolve_actor_text(name)
    if match is None or match.kind not in ("known", "seat") or not match.name:
        return None
    known = load_knowledge().actors.get(normalize_name(match.name), ())
    if not any(actor.source in GROUP_SOURCES for actor in known):
        return None
    code = (match.country or "") + (match.sector or "")
    return code or None


def nearest(term: str, names: Iterable[str], n: int = SUGGESTIONS) -> list[str]:
    """The known names closest to a query term (case-insensitive, whole names or one of their
    words: "Smyth" finds "Anna Smith"), best first."""
    by_key: dict[str, list[str]] = {}
    for name in sorted({n for n in names if n}):
        for key in {name.lower(), *name.lower().split()}:
            by_key.setdefault(key, []).append(name)
    key = term.lower()
    close = difflib.get_close_matches(key, list(by_key), n=n * 2, cutoff=0.6)
    contains = sorted((k for k in by_key if key in k and k not in close), key=len) if len(key) >= 3 else []
    found = [name for k in close + contains for name in by_key[k]]
    return list(dict.fromkeys(found))[:n]
