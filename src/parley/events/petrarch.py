"""PETRARCH2's CAMEO verb dictionary as dependency matches over spaCy's parse.

`data/event_petrarch.json` (built by `scripts/build_petrarch_verbs.py` from PETRARCH2's
dictionary, MIT) lists ~2,500 verb forms in ~400 synonym blocks, each block with patterns of
words before the verb, after it and in its prepositional phrases. Here a pattern matches when
its words stand in the verb's clause on the right side: words before `*` among the tokens of
the clause left of the verb (its subject, auxiliaries, negation), words after it among the
tokens right of the verb or in a passive subject (the object of the action), and `(PREP ...)`
words under a preposition of the clause. The most specific matching pattern wins (most words),
the first in the dictionary among equals; without one, the verb's own code stands.

    match_verb(token) -> VerbMatch(code="041", reverse="041", words=2) | None
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from spacy.tokens import Token

from parley.datafiles import read_data_json

# Children whose subtrees are other clauses: their words are not the verb's objects.
CLAUSE_DEPS = frozenset({"conj", "ccomp", "advcl", "parataxis", "xcomp", "relcl", "csubj", "cc", "punct",
                         "mark"})
# Dependencies of prepositions and particles a `(PREP ...)` element may be.
# Doc.user_data key of the verb codings already made in a document (token index -> match).
MATCHES_KEY = "parley.petrarch_matches"
PREP_DEPS = frozenset({"prep", "agent", "dative", "prt", "mark"})
# Regular endings tried when a form is not in the dictionary ("staged" -> "stage").
DEINFLECTIONS = (("ied", ("y",)), ("ies", ("y",)), ("ed", ("e", "")), ("ing", ("e", "")), ("es", ("", "e")),
                 ("s", ("",)))


@dataclass(frozen=True)
class Element:
    """Words a pattern needs, each as alternatives (one word or a run of words), maybe under a
    preposition."""

    prep: str | None
    words: tuple[tuple[tuple[str, ...], ...], ...]

    @property
    def size(self) -> int:
        return len(self.words) + (self.prep is not None)


@dataclass(frozen=True)
class Pattern:
    pre: tuple[Element, ...]
    post: tuple[Element, ...]
    code: str | None
    reverse: str | None

    @property
    def size(self) -> int:
        return sum(e.size for e in self.pre + self.post)

    @cached_property
    def needs(self) -> frozenset[str]:
        """Words the verb's clause must hold for the pattern to match (a quick test before the
        real one): the first word of every alternative of a group with one alternative."""
        return frozenset(alts[0][0] for e in self.pre + self.post for alts in e.words
                         if len(alts) == 1 and alts[0])


@dataclass(frozen=True)
class Sense:
    block: int
    code: str | None
    reverse: str | None
    then: tuple[str, ...]  # words that must follow the verb ("ask for", "wage war")


@dataclass(frozen=True)
class VerbMatch:
    """What the dictionary codes a verb token: its code (None: no event), the reverse event's
    code, and how many pattern words matched (0: the verb alone)."""

    code: str | None
    reverse: str | None
    words: int
    lemma: str


@dataclass(frozen=True)
class VerbDictionary:
    senses: dict[str, tuple[Sense, ...]]
    patterns: tuple[tuple[Pattern, ...], ...]  # by block


def _element(raw: dict[str, Any]) -> Element:
    groups = raw.get("words") or []
    if "phrase" in raw:  # {A B}: each word of the noun phrase, wherever it stands in it
        groups = raw["phrase"]
    words = tuple(tuple(tuple(alt.split()) for alt in alts) for alts in groups)
    return Element(raw.get("prep"), words)


def _pattern(raw: dict[str, Any]) -> Pattern:
    return Pattern(tuple(_element(e) for e in raw["pre"]), tuple(_element(e) for e in raw["post"]),
                   raw["code"], raw["reverse"])


@lru_cache(maxsize=1)
def load_dictionary() -> VerbDictionary:
    """The compiled dictionary, indexed by verb form, loaded once per process."""
    raw = read_data_json("event_petrarch.json")
    patterns = tuple(tuple(_pattern(p) for p in block["patterns"]) for block in raw["blocks"])
    senses = {form: tuple(Sense(s["block"], s["code"], s["reverse"], tuple(s["then"])) for s in found)
              for form, found in raw["verbs"].items()}
    return VerbDictionary(senses, patterns)


def match_verb(token: Token, dictionary: VerbDictionary | None = None) -> VerbMatch | None:
    """The dictionary's coding of a verb token, or None when it does not list the verb.

    With the default dictionary, the answer is kept in the Doc: the event coder asks again for
    the same token (a sentence is coded once, then again with the dictionary widening it)."""
    if dictionary is not None:
        return _match_verb(token, dictionary)
    found: dict[int, VerbMatch | None] = token.doc.user_data.setdefault(MATCHES_KEY, {})
    if token.i not in found:
        found[token.i] = _match_verb(token, load_dictionary())
    return found[token.i]


def _match_verb(token: Token, dictionary: VerbDictionary) -> VerbMatch | None:
    for form in _forms(token):
        senses = [s for s in dictionary.senses.get(form, ()) if _follows(token, s.then)]
        if senses:
            return _best(token, senses, dictionary, form)
    return None


def _forms(token: Token) -> list[str]:
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    for suffix, replacements in DEINFLECTIONS:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            forms += [lower[: -len(suffix)] + r for r in replacements]
    return list(dict.fromkeys(forms))


def _follows(token: Token, words: tuple[str, ...]) -> bool:
    """ "ask for", "wage war": the words after the verb's own word, in its clause."""
    if not words:
        return True
    region = _Region(_post_tokens(token))
    return all(region.has((w,)) for w in words)


def _best(token: Token, senses: list[Sense], dictionary: VerbDictionary, lemma: str) -> VerbMatch:
    clause = _clause_tokens(token)
    pre, post = _Region(_pre_tokens(token)), _Region(_post_tokens(token))
    preps = [t for t in clause if t.dep_ in PREP_DEPS]
    words = {w for t in clause for w in (t.lower_, t.lemma_.lower())}
    best: VerbMatch | None = None
    for sense in sorted(senses, key=lambda s: -len(s.then)):
        for pattern in dictionary.patterns[sense.block]:
            if (best is None or pattern.size > best.words) and pattern.needs <= words and \
                    _matches(pattern, pre, post, preps):
                best = VerbMatch(pattern.code, pattern.reverse, pattern.size, lemma)
    if best is not None:
        return best
    sense = max(senses, key=lambda s: len(s.then))
    return VerbMatch(sense.code, sense.reverse, len(sense.then), lemma)


def _matches(pattern: Pattern, pre: _Region, post: _Region, preps: list[Token]) -> bool:
    return all(_element_in(e, pre, preps) for e in pattern.pre) and \
        all(_element_in(e, post, preps) for e in pattern.post)


def _element_in(element: Element, region: _Region, preps: list[Token]) -> bool:
    if element.prep is None:
        return all(any(region.has(alt) for alt in alts) for alts in element.words)
    for prep in preps:
        if prep.lower_ == element.prep and prep.dep_ in PREP_DEPS:
            inner = _Region([t for t in prep.subtree if t is not prep])
            if all(any(inner.has(alt) for alt in alts) for alts in element.words):
                return True
    return False


class _Region:
    """Tokens of one side of a clause, with their words for quick look-ups."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.words: dict[str, list[int]] = {}
        for t in tokens:
            for word in {t.lower_, t.lemma_.lower()}:
                self.words.setdefault(word, []).append(t.i)

    def has(self, phrase: tuple[str, ...]) -> bool:
        starts = self.words.get(phrase[0])
        if not starts or len(phrase) == 1:
            return bool(starts)
        return any(all(i + k in self.words.get(w, ()) for k, w in enumerate(phrase[1:], 1)) for i in starts)


def _clause_tokens(token: Token) -> list[Token]:
    """The verb's clause without the clauses under it."""
    found = []
    for child in token.children:
        if child.dep_ not in CLAUSE_DEPS:
            found += list(child.subtree)
    return found


def _pre_tokens(token: Token) -> list[Token]:
    return [t for t in _clause_tokens(token) if t.i < token.i]


def _post_tokens(token: Token) -> list[Token]:
    """Right of the verb, plus a passive subject ("a rocket was fired" names what was fired),
    less a passive's agent ("attacked by drones": the drones attacked)."""
    tokens = _clause_tokens(token)
    passive = {t.i for c in token.children if c.dep_ == "nsubjpass" for t in c.subtree}
    agent = {t.i for c in token.children if c.dep_ == "agent" for t in c.subtree}
    return [t for t in tokens if (t.i > token.i or t.i in passive) and t.i not in agent]
