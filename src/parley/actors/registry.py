"""One identity per real-world entity across the corpus.

An article's entities are linked to the corpus entities already known: a person by full name,
spelling variant (Mohammad / Muhammad Rahimi) or surname alone when only one known person
bears it; anything else by its normalised name. A person's roles are remembered with the
date of the article that stated them, so a later article that just says "Haddad" knows who
he is, and the latest stated role is the current one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from parley.actors.knowledge import normalize_name
from parley.models import Entity

# Given names this similar (0-100) are spellings of one name, as within an article.
GIVEN_NAME_SIMILARITY = 75


@dataclass(frozen=True)
class RoleFact:
    """A role an article stated for an entity, dated by the article."""

    role: str | None
    country: str | None
    sector: str | None
    since: str | None
    article_id: str

    def as_dict(self) -> dict[str, str | None]:
        return {"role": self.role, "country": self.country, "sector": self.sector,
                "since": self.since, "article_id": self.article_id}


@dataclass(frozen=True)
class CorpusEntity:
    """An entity as the store knows it across all articles."""

    id: str
    type: str
    name: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[RoleFact, ...] = field(default_factory=tuple)

    @property
    def keys(self) -> set[str]:
        return {name_key(self.name), *(name_key(a) for a in self.aliases)}

    @property
    def keys_for_matching(self) -> set[str]:
        return _match_keys(self.type, self.name, self.aliases)


def name_key(name: str) -> str:
    """The normalised form names are matched by ("the White House" == "White House")."""
    key = normalize_name(name)
    return key[4:] if key.startswith("the ") else key


def surname_of(name: str) -> str:
    tokens = name_key(name).split()
    return tokens[-1] if tokens else ""


def new_entity_id(entity_type: str, name: str) -> str:
    return hashlib.sha256(f"{entity_type}\n{name_key(name)}".encode()).hexdigest()[:16]


def find_match(entity: Entity, candidates: list[CorpusEntity]) -> CorpusEntity | None:
    """The known entity this article's entity is, or None if it is new to the corpus."""
    same_type = [c for c in candidates if c.type == entity.type]
    keys = _match_keys(entity.type, entity.name, entity.aliases)
    exact = [c for c in same_type
             if c.keys_for_matching & keys and _compatible(entity, c)]
    if exact:
        return exact[0]
    if entity.type != "PERSON":
        return None
    tokens = name_key(entity.name).split()
    fuzzy = [c for c in same_type if _same_person(tokens, name_key(c.name).split())
             and _compatible(entity, c)]
    if len(fuzzy) > 1 and entity.role:  # "President Trump": the Trump who is a president
        fuzzy = [c for c in fuzzy if c.role and name_key(c.role) == name_key(entity.role)]
    return fuzzy[0] if len(fuzzy) == 1 else None


def _match_keys(entity_type: str, name: str, aliases: tuple[str, ...]) -> set[str]:
    """Names an entity is matched by; a person with a full name is not matched by a surname."""
    keys = {name_key(name), *(name_key(a) for a in aliases)}
    if entity_type == "PERSON" and len(name_key(name).split()) > 1:
        keys = {k for k in keys if len(k.split()) > 1}
    return keys


def _compatible(entity: Entity, known: CorpusEntity) -> bool:
    """Two people named alike but of stated, different countries are different people."""
    return entity.country is None or known.country is None or entity.country == known.country


def _same_person(a: list[str], b: list[str]) -> bool:
    if not a or not b or a[-1] != b[-1]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return a[0] == b[0] or fuzz.ratio(a[0], b[0]) >= GIVEN_NAME_SIMILARITY


def merge_entity(known: CorpusEntity | None, entity: Entity, article_id: str,
                 published: str | None) -> CorpusEntity:
    """The corpus entity updated with what one article says about it."""
    fact = RoleFact(entity.role, entity.country, entity.sector, published, article_id)
    has_fact = any((entity.role, entity.country, entity.sector))
    if known is None:
        return CorpusEntity(id=new_entity_id(entity.type, entity.name), type=entity.type,
                            name=entity.name, country=entity.country, sector=entity.sector,
                            role=entity.role, aliases=tuple(entity.aliases),
                            roles=(fact,) if has_fact else ())
    names = [known.name, *known.aliases, entity.name, *entity.aliases]
    name = max(dict.fromkeys(names), key=lambda n: len(n.split()))
    aliases = tuple(n for n in dict.fromkeys(names) if n != name)
    roles = known.roles + ((fact,) if has_fact and fact not in known.roles else ())
    return replace(known, name=name, aliases=aliases, roles=roles,
                   country=_latest(roles, "country") or known.country,
                   sector=_latest(roles, "sector") or known.sector,
                   role=_latest(roles, "role") or known.role)


def _latest(roles: tuple[RoleFact, ...], attribute: str) -> str | None:
    """The most recently stated value of one attribute (undated statements count as oldest)."""
    stated = [r for r in roles if getattr(r, attribute)]
    if not stated:
        return None
    value = getattr(max(stated, key=lambda r: r.since or ""), attribute)
    return str(value)
