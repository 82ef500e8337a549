"""Entities of one article: people, countries, places, organisations, each with its mentions.

    extract_entities(doc, date="2025-08-04") -> [Entity(name="Anna Berg", country="PAK", ...)]

A person's country, sector and role come from their title or apposition; a title without a
nationality takes the country the sentence names outside other people's titles ("According to
Pakistan's Foreign Ministry, Foreign Minister Anna Berg ..."); failing both, from what parley
already knows of the name (the store's learned people, then the seed dictionary).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

import pycountry
from spacy.tokens import Doc, Span

from parley.actors.knowledge import load_knowledge, normalize_name
from parley.actors.people import Person, collect_people, is_country_name
from parley.actors.resolve import ActorMatch, resolve_actor_text
from parley.actors.sides import side_country
from parley.models import Entity

# Entity labels kept besides PERSON; DATE, MONEY, CARDINAL and the like are not actors.
KEPT_LABELS = ("ORG", "GPE", "NORP", "FAC", "LOC")
# Sectors of state office, whose holders take a nationality from context.
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP"}
# Prepositions that introduce the other party of an interaction, not the actor's own country.
COUNTERPART_PREPOSITIONS = {"with", "against", "toward", "towards", "versus", "vs", "to", "between",
                            "from", "into", "on"}

# Prepositions that place a thing ("the war in Ukraine", "the talks at Geneva"): their country
# describes the noun they modify, not anyone's nationality.
SCENE_PREPOSITIONS = {"in", "at", "near", "across", "inside", "throughout"}

# (name) -> what is known of a person from earlier articles or seed data, if anything.
PersonLookup = Callable[[str], "KnownPerson | None"]


@dataclass(frozen=True)
class KnownPerson:
    name: str
    country: str | None
    sector: str | None
    role: str | None


def extract_entities(doc: Doc, date: str | None = None,
                     lookup: PersonLookup | None = None) -> list[Entity]:
    """Every entity of the article (offsets into doc.text), in order of first mention."""
    people = collect_people(doc, date)
    persons = [_person_entity(doc, person, people, lookup or seed_person, date) for person in people]
    others = _other_entities(doc, people, date)
    return sorted([*_placed_by_side(doc, persons, others), *others], key=lambda e: e.mentions[0])


def _placed_by_side(doc: Doc, persons: list[Entity], others: list[Entity]) -> list[Entity]:
    """People the article never describes take the country of the side they face the other
    side from ("a meeting between Boric and Boluarte" in an article on Chile and Peru)."""
    known = {m: e.country for e in (*persons, *others) if e.country for m in e.mentions}
    placed = []
    for person in persons:
        if person.country is None and person.role is None and person.sector is None:
            country = side_country(doc, person.mentions, known)
            if country is not None:
                person = replace(person, country=country)
        placed.append(person)
    return placed


def seed_person(name: str) -> KnownPerson | None:
    """What the seed dictionary knows of a person's full name (a lone surname is too ambiguous)."""
    if len(name.split()) < 2:
        return None
    match = resolve_actor_text(name)
    if match is None or match.kind != "known":
        return None
    if match.name and len(match.name.split()) == 1 and match.name.lower() != name.split()[-1].lower():
        return None  # one given name inside a longer one ("Hassan" of "Omar Hassan Ahmad Bashir")
    return KnownPerson(match.name or name, match.country, match.sector, None)


def _surname_key(word: str) -> str:
    """A surname folded over common transliteration variants: "Zelenskyy", "Zelenskiy" and
    "Zelensky" are one key (no doubled letters, "-iy" as "-y")."""
    folded = "".join(ch for ch in normalize_name(word) if ch.isalpha())
    folded = folded[:-2] + "y" if folded.endswith("iy") else folded
    return "".join(ch for i, ch in enumerate(folded) if i == 0 or ch != folded[i - 1])


@lru_cache(maxsize=1)
def _known_by_surname() -> dict[str, tuple[str, ...]]:
    """Full names of the known people (seed and learned), by folded surname."""
    index: dict[str, set[str]] = {}
    for surname, bearers in load_knowledge().surnames.items():
        for actor in bearers:
            index.setdefault(_surname_key(surname), set()).add(actor.name)
    return {key: tuple(sorted(names)) for key, names in index.items()}


def _known_full_name(person: Person, date: str | None = None) -> str | None:
    """A person the article names by surname alone, with a title ("President Zelenskyy") or
    none at all ("Zelensky said"), is the one known person of that surname, under any of its
    spellings ("Volodymyr Zelensky"), if the dictionary gives them an office at the date."""
    title = person.title
    if len(person.name.split()) != 1 or (title is not None and not title.role):
        return None
    bearers = _known_by_surname().get(_surname_key(person.name), ())
    # spellings of one known name ("Erdogan", "Erdoğan") are one bearer
    if len({(m.name if m else b) for b in bearers for m in [resolve_actor_text(b)]}) != 1:
        return None
    known = resolve_actor_text(bearers[0], date)
    if known is None or (title is not None and title.country and known.country
                         and title.country != known.country):
        return None
    if title is None and (known.country is None or known.sector not in STATE_SECTORS):
        return None  # untitled: only a holder of state office the article's date covers
    return bearers[0]


def _person_entity(doc: Doc, person: Person, people: list[Person], lookup: PersonLookup,
                   date: str | None = None) -> Entity:
    full = _known_full_name(person, date)
    if full is not None:
        person = replace(person, names=[full, *person.names])
    title = person.title
    country = title.country if title else None
    sectors = title.sectors if title else ()
    role = title.role if title else None
    if country is None or not sectors:
        known = lookup(person.name)
        if known is not None:
            country = country or known.country
            sectors = sectors or ((known.sector,) if known.sector else ())
            role = role or known.role
    if country is None and sectors and sectors[0] in STATE_SECTORS:
        country = _context_country(doc, person, people) or _conjunct_country(doc, person, people)
    aliases = tuple(n for n in dict.fromkeys(person.names) if n != person.name)
    return Entity(name=person.name, type="PERSON", country=country,
                  sector=sectors[0] if sectors else None, role=role, aliases=aliases,
                  mentions=tuple(dict.fromkeys(person.mentions)))


def _conjunct_country(doc: Doc, person: Person, people: list[Person]) -> str | None:
    """The country of the titled person a titled mention is coordinated with: "Greek prime
    minister Ana Mora and energy minister Luis Ruiz" -> Ruiz is Greek as Mora is (the title
    right before, joined by "and", not another country the sentence names)."""
    text = doc.text
    own = [t.start for t in person.titles]
    if not own:
        return None
    placed = [(e, t.country) for p in people if p is not person
              for t in p.titles[:1] if t.country and t.sectors and t.sectors[0] in STATE_SECTORS
              for s, e in p.mentions]
    for start in own:
        before = [(e, c) for e, c in placed if e <= start]
        if not before:
            continue
        end, country = max(before)
        if text[end:start].strip(" ,") == "and":
            return country
    return None


def _context_country(doc: Doc, person: Person, people: list[Person]) -> str | None:
    """The country the person's sentence names outside others' titles, nearest first.

    "According to Pakistan's Foreign Ministry, Foreign Minister Anna Berg ..." -> PAK; a country
    that is only the counterpart ("talks with Washington") does not count; with none left, the
    one country of colleagues' titles ("Iranian President X directed Foreign Minister Y").
    """
    anchor = min(person.mentions)[0]
    titled = [(t.start, t.end) for p in people if p is not person for t in p.titles]
    token = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
    if token is None:
        return None
    sent = token.sent
    free, attached = _countries_in(sent, titled)
    if free:
        before = [c for c in free if c[0] < anchor]
        after = [c for c in free if c[0] >= anchor]
        nearest = max(before)[1] if before else min(after)[1]
        return nearest
    if len({c for _, c in attached}) == 1:
        return attached[0][1]
    if sent.start > 0:
        previous_free, _ = _countries_in(doc[sent.start - 1].sent, titled)
        if len({c for _, c in previous_free}) == 1:
            return previous_free[0][1]
    return None


Mentions = list[tuple[int, str]]


def _countries_in(span: Span, titled: list[tuple[int, int]]) -> tuple[Mentions, Mentions]:
    """(position, ISO3) of the country mentions in a span: outside people's titles, and inside."""
    free: Mentions = []
    attached: Mentions = []
    places = load_knowledge().places
    previous: tuple[Span, bool] | None = None
    for ent in span.ents:
        if ent.label_ not in ("GPE", "NORP"):
            continue
        place = places.get(normalize_name(ent.text))
        # "Washington, D.C.": the second part shares the first one's role in the sentence
        continues = previous is not None and ent.start == previous[0].end + 1 and (
            ent.doc[previous[0].end].text == ",")
        counterpart = previous[1] if continues and previous else _is_counterpart(ent)
        previous = (ent, counterpart)
        if place is None or counterpart:
            continue
        inside = any(s <= ent.start_char < e for s, e in titled)
        (attached if inside else free).append((ent.start_char, place.iso3))
    return free, attached


def _is_counterpart(ent: Span) -> bool:
    """ "talks with Washington", "a war against Iran": the other party, not the actor's own side."""
    token = ent.root
    while token.dep_ in ("appos", "conj", "compound", "poss", "amod", "nmod") and token.head != token:
        token = token.head
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ == "to" and prep.head.lower_ == "according":
        return False
    if prep.lower_ in SCENE_PREPOSITIONS and prep.head.pos_ == "NOUN":
        return True  # "the war in Ukraine": where a thing is, not whose people
    return prep.lower_ in COUNTERPART_PREPOSITIONS


@dataclass
class _Group:
    name: str
    type: str
    match: ActorMatch | None
    names: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)


def _other_entities(doc: Doc, people: list[Person], date: str | None) -> list[Entity]:
    taken = [m for p in people for m in p.mentions]
    titles = [(t.start, t.end) for p in people for t in p.titles]
    groups: dict[str, _Group] = {}
    for found in doc.ents:
        if found.label_ == "PERSON" and is_country_name(found.text):
            found = Span(doc, found.start, found.end, label="GPE")  # "troops to Mali" tagged PERSON
        ent = _balanced(found)
        if ent is None or ent.label_ not in KEPT_LABELS or _overlaps(ent, taken):
            continue
        if ent.label_ in ("ORG", "FAC") and _overlaps(ent, titles) and not _is_known(ent):
            continue  # "State" in "Secretary of State John Miles"
        key, group = _group_for(ent, date)
        if key is None:
            continue
        current = groups.setdefault(key, group)
        current.names.append(ent.text)
        current.mentions.append((ent.start_char, ent.end_char))
    return [_group_entity(g) for g in groups.values()]


def _balanced(ent: Span) -> Span | None:
    """The entity without a bracket it does not close: "Commission on Trade (CT" -> "Commission
    on Trade"; None if nothing is left."""
    for i, token in enumerate(ent):
        if token.text in "([{" and not any(t.text in ")]}" for t in ent[i + 1:]):
            return Span(ent.doc, ent.start, ent.start + i, label=ent.label) if i else None
    return ent


def _overlaps(ent: Span, spans: list[tuple[int, int]]) -> bool:
    return any(s < ent.end_char and ent.start_char < e for s, e in spans)


def _is_known(ent: Span) -> bool:
    match = resolve_actor_text(ent.text)
    return match is not None and match.kind in ("seat", "known")


def _group_for(ent: Span, date: str | None) -> tuple[str | None, _Group]:
    text = _strip_article(ent.text)
    key = normalize_name(text)
    if not key:
        return None, _Group("", "", None)
    place = load_knowledge().places.get(key)
    if place is not None and place.kind in ("name", "demonym") and ent.label_ in ("GPE", "NORP"):
        name = country_name(place.iso3) or text
        return f"country:{place.iso3}", _Group(name, "GPE", ActorMatch(place.iso3, (), None, "country"))
    match = resolve_actor_text(_with_possessor(ent), date)
    if match is None and ent.label_ == "ORG":
        match = _bracketed_acronym(ent, date)
    return f"{ent.label_}:{key}", _Group(text, ent.label_, match)


def _bracketed_acronym(ent: Span, date: str | None) -> ActorMatch | None:
    """ "The International Labor Office (ILO)": a name parley does not know, spelled out before
    an acronym it does, is the acronym's body (only a known, named body: a role word is no name)."""
    doc = ent.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "(" or doc[ent.end + 2].text != ")":
        return None
    acronym = doc[ent.end + 1].text
    initials = "".join(w[0] for w in _strip_article(ent.text).split() if w[:1].isupper())
    if not (acronym.isupper() and 2 <= len(acronym) <= 6 and acronym[0] == initials[:1]):
        return None
    match = resolve_actor_text(acronym, date)
    return match if match is not None and match.kind == "known" else None


def _group_entity(group: _Group) -> Entity:
    match = group.match
    aliases = tuple(n for n in dict.fromkeys(group.names) if _strip_article(n) != group.name)
    country = match.country if match else None
    sector = match.sector if match and group.type in ("ORG", "FAC") else None
    return Entity(name=group.name, type=group.type, country=country, sector=sector, role=None,
                  aliases=aliases, mentions=tuple(sorted(set(group.mentions))))


def _with_possessor(ent: Span) -> str:
    """ "Ministry of Foreign Affairs" preceded by "Pakistan's" -> "Pakistan's Ministry of ..."."""
    doc = ent.doc
    i = ent.start
    if i >= 2 and doc[i - 1].lower_ in ("'s", "’s") and doc[i - 2].ent_type_ in ("GPE", "NORP"):
        return f"{doc[i - 2].text}'s {ent.text}"
    if i >= 1 and doc[i - 1].ent_type_ == "NORP":
        return f"{doc[i - 1].text} {ent.text}"
    return ent.text


def _strip_article(text: str) -> str:
    text = text.strip()
    for article in ("the ", "The "):
        if text.startswith(article):
            return text[len(article):]
    return text


@lru_cache(maxsize=512)
def country_name(iso3: str) -> str | None:
    """The common English name of a country code."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return {"XKX": "Kosovo"}.get(iso3)
    return str(getattr(country, "common_name", None) or country.name)
