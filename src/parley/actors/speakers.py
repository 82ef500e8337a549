"""Quote speakers linked to the article's entities: "she noted" -> Sara Cole (USA, GOV).

The quotes stage finds the speaker's mention; this gives it the identity of the entity that
mention belongs to (a person resolved through names, titles and pronouns), or, for an
organisation or government ("Pakistan's Ministry of Foreign Affairs", "the White House"), the
country and sector its words name.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz

from parley.actors.knowledge import national_forces
from parley.actors.people import GIVEN_NAME_SIMILARITY
from parley.actors.resolve import ActorMatch, resolve_actor_text
from parley.models import Actor, Entity, Quote
from parley.quotes.lexicon import cue_lexicon

# What a country's armed forces are called when they speak: "the Israeli military", "Peru's army".
FORCES_ROLES = frozenset({"military", "army", "armed forces"})


def attribute_speakers(quotes: list[Quote], entities: list[Entity], text: str,
                       date: str | None = None) -> list[Quote]:
    """The quotes with each speaker named, placed and given a sector where the text allows."""
    return [replace(q, speaker=_identify(q.speaker, entities, text, date)) if q.speaker else q
            for q in quotes]


def _identify(speaker: Actor, entities: list[Entity], text: str, date: str | None) -> Actor:
    if speaker.start is None or speaker.end is None:
        return speaker
    mention, end = text[speaker.start:speaker.end], speaker.end
    entity = _speaker_entity(entities, speaker.start, mention)
    owner = _office_holder(speaker.name)
    if owner is not None:
        # "Ruiz's office said", "his office said": the office speaks, placed by its holder
        holder = _person_called(entities, owner) or (
            entity if entity is not None and entity.type == "PERSON" else None)
        return replace(speaker, country=holder.country if holder else speaker.country,
                       sector=holder.sector if holder else speaker.sector)
    if entity is not None and entity.type == "PERSON" and _other_given_name(speaker.name, entity):
        entity = None  # "Sadiq Khan" linked by his surname alone to Usman Khan named before
    if entity is not None and entity.type == "PERSON" and _modifies(entity, end) and speaker.name != mention:
        # "the McLaren driver" (a team the recogniser took for a person) resolved to the
        # driver named before: the person the description stands for, not its modifier
        entity = _person_called(entities, speaker.name) or entity
    if entity is None or entity.type != "PERSON":
        # a role word the quotes stage resolved to a name ("the top diplomat" -> the foreign
        # minister named before), or a name the recogniser did not label a person
        entity = (_person_called(entities, speaker.name) if speaker.name != mention else None) or (
            _person_named(entities, mention) or entity)
    if entity is not None and entity.type != "PERSON" and _modifies(entity, end) and \
            not mention.endswith(speaker.name):
        # "Hamas rejected it. '...,' the Palestinian militant group said": the body the
        # quote stage resolved the description to, not the country of its modifier
        entity = next((e for e in entities if e.type != "PERSON" and speaker.name in (e.name, *e.aliases)),
                      entity)
    if entity is not None and entity.type != "PERSON" and _modifies(entity, end) and \
            mention.endswith(speaker.name) and mention.split()[-1][:1].isupper():
        entity = None  # "UN Secretary-General Ana Ruiz": a name the recogniser missed, not the UN
        for article in ("the ", "The "):
            speaker = replace(speaker, name=speaker.name.removeprefix(article))
    if entity is not None and entity.type != "PERSON" and _modifies(entity, end) and \
            mention.endswith(speaker.name) and _names_a_body(mention, date):
        # "the Israeli military", "Chile's navy": the body the country's word modifies speaks
        match = resolve_actor_text(speaker.name, date) or resolve_actor_text(mention, date)
        return replace(speaker, name=_known_name(speaker.name, match),
                       country=entity.country or (match.country if match else None),
                       sector=match.sector if match else None, role=match.role if match else None)
    if entity is not None:
        name = entity.name if entity.type == "PERSON" else group_name(entity.name, date)
        return _description(speaker, entity, mention, date) or Actor(
            name=name, country=entity.country, sector=entity.sector, role=entity.role,
            start=speaker.start, end=speaker.end)
    # the name a description was resolved to ("the bank" -> "Bank of Russia") says more
    match = (resolve_actor_text(speaker.name, date) if speaker.name != mention else None) or (
        resolve_actor_text(mention, date))
    if match is None or match.kind == "pronoun":
        return speaker
    return replace(speaker, name=group_name(_known_name(speaker.name, match), date),
                   country=speaker.country or match.country,
                   sector=speaker.sector or match.sector, role=speaker.role or match.role)


def group_name(name: str, date: str | None = None) -> str:
    """A group called by its adjective ("the Houthi movement", "Houthi-run") by its plural
    name when the actor tables know both as the same group ("Houthis")."""
    if " " in name or name.endswith("s") or not name[:1].isupper():
        return name
    one, many = resolve_actor_text(name, date), resolve_actor_text(name + "s", date)
    if one is None or many is None or many.kind != "known" or not many.name or \
            (one.country, one.sectors) != (many.country, many.sectors) or "REB" not in many.sectors:
        return name
    return many.name


def _known_name(name: str, match: ActorMatch | None) -> str:
    """A description's proper name when the actor tables know the body it describes ("Israeli
    military", "Israel's army" -> "Israel Defense Forces"); a name, or an abbreviation ("IDF",
    "NASA"), stays as the text gives it."""
    words = name.split()
    if match is None or not words or not words[-1].islower():
        return name
    if match.kind == "role" and match.role in FORCES_ROLES and match.country:
        return national_forces(match.role).get(match.country, name)
    if match.kind != "known" or match.role is not None or not match.name or len(match.name) <= len(name):
        return name
    return match.name


def _office_holder(name: str) -> str | None:
    """The person an office is named after ("Ana Ruiz's office" -> "Ana Ruiz"), else None."""
    owner, _, body = name.rpartition("'s ")
    return owner if owner and body in cue_lexicon().person_bodies else None


def _entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping [start, end); people first, then the tightest."""
    best: tuple[int, int, Entity] | None = None
    for entity in entities:
        for m_start, m_end in entity.mentions:
            if m_start < end and start < m_end:
                rank = (0 if entity.type == "PERSON" else 1, m_end - m_start)
                if best is None or rank < best[:2]:
                    best = (*rank, entity)
    return best[2] if best else None


def _description(speaker: Actor, entity: Entity | None, mention: str, date: str | None) -> Actor | None:
    """"Syrian state media", "Muslim-majority countries", "Iraqi military": a description
    whose modifier names a place or people speaks as the description (by its proper name when
    the tables know the body), placed by its modifier. None for anything else."""
    if entity is None or entity.type == "PERSON" or speaker.start is None or speaker.end is None:
        return None
    last = speaker.name.split()[-1] if speaker.name.split() else ""
    if not (_modifies_here(entity, speaker.start, speaker.end) and mention.endswith(speaker.name)
            and last.isalpha() and last.islower()):
        return None
    match = resolve_actor_text(speaker.name, date) or resolve_actor_text(mention, date)
    name = _known_name(speaker.name, match) if _names_a_body(mention, date) else speaker.name
    return replace(speaker, name=name, country=entity.country or (match.country if match else None),
                   sector=match.sector if match else None, role=match.role if match else None)


def _speaker_entity(entities: list[Entity], start: int, mention: str) -> Entity | None:
    """The entity a speaker mention belongs to, when it can be who the mention names."""
    entity = _entity_at(entities, start, start + len(mention))
    return entity if entity is not None and _heads(entity, start, mention) else None


def _heads(entity: Entity, start: int, mention: str) -> bool:
    """Whether an entity overlapping a speaker mention can be who it names: not one that
    begins before the mention (a name the recogniser glued onto a place before it: 'the United
    Nations Nikki Haley'), nor one after an 'of' ('Associates of Navalny', 'one of its
    members': the group speaks, not the one it is of)."""
    of = mention.find(" of ")
    for m_start, m_end in entity.mentions:
        if m_end <= start or m_start >= start + len(mention):
            continue
        if m_start < start or (of > 0 and m_start >= start + of):
            return False
    return True


def _modifies_here(entity: Entity, start: int, end: int) -> bool:
    """Whether the entity's mention inside a speaker mention stops before its end: a modifier
    of the head ('Syrian' of 'Syrian state media'), wherever else the entity is named."""
    inside = [(s, e) for s, e in entity.mentions if s < end and start < e]
    return bool(inside) and all(e < end for _, e in inside)


def _modifies(entity: Entity, end: int) -> bool:
    """Whether an entity's mentions all stop before the end of the speaker mention they
    overlap: a modifier of the speaker's head ('Israeli' of 'the Israeli military')."""
    return all(m_end < end for _, m_end in entity.mentions)


def _names_a_body(mention: str, date: str | None) -> bool:
    """Whether a mention's last word is a kind of actor ('military', 'embassy', 'officials'),
    not a document ('statement', 'report') nor part of a name."""
    head = mention.split()[-1] if mention.split() else ""
    if not head.isalpha() or not head.islower():
        return False
    match = resolve_actor_text(head, date) or resolve_actor_text(head.removesuffix("s"), date)
    return match is not None and match.kind == "role"


def _other_given_name(name: str, entity: Entity) -> bool:
    """Whether a full name the quote stage read ("Sadiq Khan") is not the linked person's
    ("Usman Khan"): same surname, a given name that none of the person's names holds."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    known = {w for n in (entity.name, *entity.aliases) for w in n.split()}
    return words[-1] in known and not any(
        fuzz.ratio(w, k) >= GIVEN_NAME_SIMILARITY for w in words[:-1] for k in known)


def _person_called(entities: list[Entity], name: str) -> Entity | None:
    """The person of the article whose name or an alias is exactly `name`."""
    return next((e for e in entities if e.type == "PERSON" and name in (e.name, *e.aliases)), None)


def _person_named(entities: list[Entity], mention: str) -> Entity | None:
    """The one person of the article whose name, alias or surname a speaker mention spells out,
    when the recogniser did not label that mention a person ("Zelenskyy said" tagged ORG)."""
    words = mention.removesuffix("'s").split()
    if not words or not all(w[:1].isupper() for w in words):
        return None
    key = " ".join(words)
    found = {}
    for entity in (e for e in entities if e.type == "PERSON"):
        names = (entity.name, *entity.aliases)
        if key in names or (len(words) == 1 and key in (n.split()[-1] for n in names)):
            found[entity.name] = entity
    return next(iter(found.values())) if len(found) == 1 else None
