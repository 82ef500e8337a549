"""The country of a person an article names without any description, from the side they take.

    "Chile and Peru signed ... a July meeting between Gabriel Boric and Dina Boluarte ..."
        -> Boluarte faces Boric (CHL) and the article sets Chile against Peru: PER

An article about two sides names them together ("Chile and Peru", "between Lima and
Santiago"). A person it never describes, met face to face with a person (or a state) of one of
those sides ("a meeting between A and B", "A met with B", "A's talks with B"), is of the other
side, when the article pairs the known side with one other country more often than with any.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from parley.actors.knowledge import load_knowledge, normalize_name

# Place kinds that stand for a state's side ("Chile", "Chilean", "Santiago").
_SIDE_KINDS = ("name", "demonym", "capital")
# Prepositions whose object is the other side of a meeting or a deal ("talks with B").
_FACING = {"with"}
# Dependency links that lead from a "with" phrase up to the clause it belongs to.
_CLAUSE_LINKS = {"prep", "pobj", "acomp", "dobj", "attr", "xcomp", "ccomp", "advcl", "nsubj",
                 "amod", "compound"}
# Steps at most from a "with" phrase up to its clause's verb.
_MAX_CLAUSE_STEPS = 6

Span2 = tuple[int, int]


def side_country(doc: Doc, mentions: Iterable[Span2], known: dict[Span2, str]) -> str | None:
    """The country of the side a person (by their mentions) faces the other side from, or None.

    `known`: mentions (character spans) of the article's other people and states with their
    country."""
    faced = Counter(c for m in mentions for c in _faced_countries(doc, m, known))
    if len(faced) != 1:
        return None  # faces no one, or people of several countries
    country = next(iter(faced))
    ranked = side_pairs(doc).get(country, Counter()).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def side_pairs(doc: Doc) -> dict[str, Counter[str]]:
    """For each country the article names, how often it names each other one as the other
    side: coordinated with it ("Chile and Peru", "Lima and Santiago")."""
    places = load_knowledge().places
    by_token: dict[int, str] = {}
    for ent in doc.ents:
        place = places.get(normalize_name(ent.text)) if ent.label_ in ("GPE", "NORP") else None
        if place is not None and place.kind in _SIDE_KINDS:
            by_token[ent.root.i] = place.iso3
    for token in doc:  # "Delegations of Chile and Peru": a name inside an organisation's
        place = places.get(token.lower_) if token.pos_ == "PROPN" else None
        if place is not None and place.kind in _SIDE_KINDS:
            by_token.setdefault(token.i, place.iso3)
    pairs: dict[str, Counter[str]] = {}
    for index, country in by_token.items():
        for other in doc[index].conjuncts:
            partner = by_token.get(other.i)
            if partner is not None and partner != country:
                pairs.setdefault(country, Counter())[partner] += 1
    return pairs


def _faced_countries(doc: Doc, mention: Span2, known: dict[Span2, str]) -> list[str]:
    """Countries of the people or states this mention meets face to face in its sentence."""
    token = _token_at(doc, mention)
    if token is None:
        return []
    faced = [_country_of(doc, other, known) for other in token.conjuncts if _between(token)]
    clause = _subject_clause(token)
    if clause is not None:
        for prep in (t for t in clause.subtree if t.lower_ in _FACING and t.dep_ == "prep"):
            if _clause_of(prep) == clause:
                faced += [_country_of(doc, obj, known) for obj in prep.children if obj.dep_ == "pobj"]
    return [c for c in faced if c]


def _token_at(doc: Doc, mention: Span2) -> Token | None:
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    return span.root if span is not None else None


def _between(token: Token) -> bool:
    """True when the token is one of the coordinated objects of "between"."""
    first = token if token.dep_ != "conj" else token.head
    while first.dep_ == "conj":
        first = first.head
    return first.dep_ == "pobj" and first.head.lower_ == "between"


def _subject_clause(token: Token) -> Token | None:
    """The verb the token is the subject of ("Boric met with ..." -> met), or None."""
    head = token
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") and not (head.dep_ == "poss" and head.head.dep_ == "nsubj"):
        return None
    subject = head if head.dep_ != "poss" else head.head
    return subject.head


def _clause_of(token: Token) -> Token | None:
    """The nearest verb or auxiliary above a token, through the links inside one clause."""
    current = token
    for _ in range(_MAX_CLAUSE_STEPS):
        if current.dep_ not in _CLAUSE_LINKS or current.head is current:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def _country_of(doc: Doc, token: Token, known: dict[Span2, str]) -> str | None:
    for (start, end), country in known.items():
        if start <= token.idx < end:
            return country
    return None
