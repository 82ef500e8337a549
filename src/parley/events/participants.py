"""Who an argument of an event is: a token of the parse -> Actor(s), from the article's entities
(people and organisations with their country, sector and role) or, for other noun phrases, from
`resolve_actor_text` ("Israeli soldiers" -> ISR MIL).

    resolver = ParticipantResolver(doc, entities, date)
    resolver.actors(token)          # [Actor("Anna Berg", "PAK", "GOV", ...)]

Pronouns take the speaker of the clause or the nearest fitting entity before them; "both sides",
"the two leaders" take the last pair of parties an event named; "US and Pakistani diplomats" are
two actors.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from parley.actors import resolve_actor_text
from parley.actors.gender import pronoun_of
from parley.actors.resolve import ActorMatch, is_relational_noun
from parley.datafiles import read_data_json
from parley.events.arguments import subject_tokens
from parley.events.lexicon import load_lexicon
from parley.models import Actor, Entity
from parley.nlp import doc_text

# Longest noun phrase (tokens) sent to the resolver: longer ones are clauses, not names.
MAX_PHRASE_TOKENS = 14
# Country codes of the actor tables that stand for international bodies, reported as IGO.
IGO_ALIASES = {"UNO": "IGO", "EUR": "IGO", "NAT": "IGO"}
# Sectors of transnational organisations known without a country (Red Cross, Amnesty): IGO.
TRANSNATIONAL_SECTORS = {"IRC", "HRI", "NGO", "HLH", "IGO", "REF", "DEV", "ENV"}
# Right-hand parts of a noun phrase that still name the actor ("forces in Guinea").
PHRASE_PREPOSITIONS = {"of", "in", "from", "for"}
# Prepositions of place after a noun: their objects locate the thing, they do not own it.
LOCATIVE_PREPOSITIONS = {"on", "near", "along", "across", "at", "outside", "inside", "around", "beyond",
                         "off", "over", "toward", "towards", "alongside", "close"}
# Prepositions by which a noun phrase names the parties of a relation ("ties with", "talks between").
RELATIONAL_PREPOSITIONS = {"with", "between", "among", "of"}
# Prepositions by which an act noun names its doer.
AGENT_PREPOSITIONS = {"from", "by"}
# Clauses inside a noun phrase's modifiers: what they name is another verb's argument.
NESTED_CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "xcomp")
# Prepositions that name where something happens: their objects are venues, not antecedents.
VENUE_PREPOSITIONS = {"in", "at", "near", "outside", "inside"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
SINGULAR_THING_PRONOUNS = {"its", "itself"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves", "we", "us", "our", "i", "my", "me"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
# Pronouns bound by the subject of their own clause ("blew themselves up", "urged its citizens"):
# reflexives always, possessives as determiners of a noun.
REFLEXIVE_PRONOUNS = {"himself", "herself", "itself", "themselves"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
# Entity labels that never name an actor ("on Sunday", "two days").
NOT_ACTOR_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"}
# Entities that are actors by name, even when parley knows no code for them.
NAMED_TYPES = ("PERSON", "ORG", "FAC", "GPE")
# Sectors that say nothing about who an actor is.
VAGUE_SECTORS = {"UNK", "IGO", "NON"}
# Heads that are quantities, not actors: "thousands of Kurds" is the Kurds.
QUANTITY_HEADS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "tens", "millions",
                  "group", "number", "third", "half", "part", "majority", "some", "many", "most", "one",
                  "all", "each", "both", "members", "member", "leaders", "supporters", "deployment", "scores",
                  "score", "patch", "contingent", "wave"}
# Entity labels of names that stand for a country ("Peru", "Peruvian").
COUNTRY_LABELS = ("GPE", "NORP")
# Common nouns that name a country as a state ("his country", "the nation"): who they are is told
# by their possessive pronoun or by the country named before them.
POLITY_NOUNS = {"country", "nation"}
# Endings of adjectives and participles ("impoverished", "neighbouring", "mountainous").
ADJECTIVE_ENDINGS = ("ed", "ing", "ful", "ous", "less", "ive", "ic", "ish", "ern", "ant", "ent", "ible",
                     "able")
# Endings that make a noun of an event verb ("confrontation" <- confront, "intervention" <-
# intervene, "pressure" <- press), with the verb endings they replace; longest first.
NOMINAL_SUFFIXES = (("ation", ("", "e", "ate")), ("ition", ("", "e")), ("tion", ("e", "")),
                    ("ment", ("",)), ("ance", ("", "e")), ("ence", ("e", "")), ("ure", ("", "e")))


class ParticipantResolver:
    """Resolves argument tokens of one document to actors; remembers pairs for "both sides"."""

    def __init__(self, doc: Doc, entities: list[Entity], date: str | None) -> None:
        self.doc = doc
        self.date = date
        # by span only: two entities may claim one mention (a pronoun resolved twice), and
        # entities do not order
        self.mentions = sorted(((s, e, ent) for ent in entities for s, e in ent.mentions),
                               key=lambda mention: mention[:2])
        self._starts = [m[0] for m in self.mentions]
        self._named = {e.name for e in entities if e.type in NAMED_TYPES}
        self._people = {e.name for e in entities if e.type == "PERSON"}
        self.pair: tuple[Actor, Actor] | None = None
        # the attacker and attacked of the last attack between two countries: the sides of the
        # article's fighting, for a truce or a threat that names no other side
        self.conflict: tuple[Actor, Actor] | None = None

    def actors(self, token: Token, speaker: Actor | None = None) -> list[Actor]:
        """The actor(s) a token stands for; [] when it names no actor parley can place."""
        if self._content_head(token).ent_type_ in NOT_ACTOR_LABELS:
            return []
        lower = token.lower_
        if lower in RELATIVE_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "relcl":
            return self.actors(token.head.head, speaker)
        if token.dep_ in ("dobj", "pobj") and lower in THING_PRONOUNS:
            return []  # "overran it": an object "it" is mostly a thing
        if token.pos_ == "PRON" or (lower in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
                                    and not token.text.isupper()):
            found = self._pronoun(token, speaker)
            return [found] if found else []
        if self.pair and self._is_pair_phrase(token):
            return list(self.pair)
        head = self._content_head(token)
        if head != token and head.conjuncts:  # "scores of Sierra Leonean and Liberian refugees"
            return [a for part in (head, *head.conjuncts) for a in self._noun_actors(part)]
        return self._noun_actors(head, speaker)

    def _noun_actors(self, head: Token, speaker: Actor | None = None) -> list[Actor]:
        split = self._coordinated_modifiers(head)
        if split:
            return split
        found = self._resolve(head, speaker)
        named = self._coordinated_objects(head, found)
        if named:
            return named
        if found is not None and _people(head):
            found = self._population(found, head)
        elif found is not None and head.ent_type_ != "PERSON" and _ethnic(head):
            # "ethnic Albanian guerrillas operating in Macedonia": an ethnicity, not a state
            inner = self._inner_country(head.idx + len(head), head.right_edge.idx + len(head.right_edge))
            found = replace(found, country=inner.country if inner else None)
        return [found] if found else []

    def _population(self, found: Actor, head: Token) -> Actor:
        """ "Palestinians", "ethnic Turks": a population, not its state; an ethnic group is placed
        by where the text says it lives, not by its name."""
        spanned = found.start is not None and found.end
        name = doc_text(self.doc)[found.start:found.end] if spanned else found.name
        found = replace(found, sector=found.sector or "CVL", name=name)
        if any(c.lower_ == "ethnic" for c in head.children):
            inner = self._inner_country(head.idx + len(head), head.right_edge.idx + len(head.right_edge))
            found = replace(found, country=inner.country if inner else None)
        return found

    def is_named(self, actor: Actor) -> bool:
        """Whether the actor is an entity of the article (not only role words like "the police")."""
        return actor.name in self._named

    def _previous_sentence_start(self, token: Token) -> int:
        """How far back a pronoun looks for its antecedent: this sentence and the one before."""
        sent = token.sent
        if sent.start == 0:
            return 0
        return int(self.doc[sent.start - 1].sent.start_char)

    def _same_kind(self, speaker: Actor, pronoun: str) -> bool:
        """ "he" for a person, "it" for anything else; a speaker known by a title only ("Peru's
        president said his government ...") is whoever the writer's "he" or "she" says it is."""
        person = speaker.name in self._people or (
            pronoun in PERSON_PRONOUNS and speaker.role is not None and speaker.name not in self._named)
        return (pronoun in PERSON_PRONOUNS) == person

    def remember_pair(self, first: Actor, second: Actor) -> None:
        self.pair = (first, second)

    def remember_conflict(self, attacker: Actor, attacked: Actor) -> None:
        if attacker.country and attacked.country and attacker.country != attacked.country:
            self.conflict = (attacker, attacked)

    # -- noun phrases ----------------------------------------------------------------------

    def _content_head(self, token: Token) -> Token:
        """ "Thousands of Iraqi Kurds" -> Kurds; other heads stay."""
        quantity = token.lower_ in QUANTITY_HEADS or token.like_num
        if quantity and token.ent_type_ in ("", "CARDINAL", "QUANTITY"):
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
        return token

    def _resolve(self, head: Token, speaker: Actor | None = None) -> Actor | None:
        start, end = phrase_bounds(head)
        entity, mention = self._entity_at(head)
        text = doc_text(self.doc)[start:end]
        if entity is not None and (entity.country or entity.sector):
            return self._entity_or_phrase(entity, mention, text, (start, end))
        titled = self._titled_person(head, entity, mention)
        if titled is not None:
            return titled
        if entity is not None and entity.type == "PERSON" and (start, end) == tuple(mention) \
                and _spells_a_place(text, self.date):
            return self._from_entity(entity, mention)  # a person's surname alone is no place
        if entity is None and is_act_noun(head) and not _agent_phrase(head):
            # an act names its agent before it ("Israeli strikes"), never by where or to whom
            # it was done ("the summit in Lima", "the release of Chilean prisoners")
            end = head.idx + len(head)
            text = doc_text(self.doc)[start:end]
        found = self._from_phrase(text, start, end, entity)
        found = self._own_country(head, start, found)
        if found is not None and found.country is None and entity is None and is_act_noun(head):
            return None  # "renounced military confrontation": an act qualified by a sector, no actor
        if found is not None and found.country is not None:
            own = self._pronoun_owner(head, speaker)
            placed = self._inner_country(head.idx + len(head), end)
            if own is not None and own.country and placed is not None and placed.country == found.country \
                    and own.country != found.country:
                return replace(found, country=own.country)  # "its embassy in Lima": whose, not where
        owner = self._possessor(head) if found is not None and found.role is None else None
        if owner is not None and found is not None and found.sector is None:
            return owner  # "Tehran's pursuit of ...": the owner acts
        if found is not None and found.country is None:
            # whose it is before where it is: "Chile said Peruvian troops attacked its embassy in
            # Lima" (Chile's), "Pakistan urged its citizens"
            owner = self._pronoun_owner(head, speaker)
            if owner is not None and owner.country:
                return replace(found, country=owner.country)
            last = _before_locatives(head)
            inner = self._inner_country(head.left_edge.idx, last.idx + len(last))
            if inner is not None:
                return replace(found, country=inner.country)
        return found or self._unplaced(head, text, (start, end), entity, mention, speaker)

    def _unplaced(self, head: Token, text: str, bounds: tuple[int, int], entity: Entity | None,
                  mention: tuple[int, int], speaker: Actor | None) -> Actor | None:
        """A phrase its own words do not place: a country inside it, a polity noun ("his
        country"), a weapon's owner ("its jets"), else a named entity with no code."""
        found = self._inner_country(*bounds) or self._polity(head, text, bounds, speaker) \
            or self._maker(head)
        if found is None and _is_weapon(head):  # "the army said its jets struck ...": the army's
            found = self._pronoun_owner(head, speaker)
        if found is None and entity is not None and entity.type in NAMED_TYPES:
            return Actor(name=entity.name, start=mention[0], end=mention[1])  # named, code unknown
        return found

    def _maker(self, head: Token) -> Actor | None:
        """A thing placed by who made it, told by a participle after it: "the proposal made by
        Chile", "the plan put forward by Bolivia" are Chile's and Bolivia's, as "an offer from
        Chile" is (also when the parser hangs the "from" on the verb right after the object)."""
        if head.pos_ != "NOUN" or head.ent_type_:
            return None
        agents = [a for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  for a in c.children if a.dep_ == "agent"]
        if head.dep_ == "dobj":  # "welcomed memos from Chile", the "from" hung on the verb
            agents += [c for c in head.head.children if c.dep_ == "prep" and c.lower_ == "from"
                       and c.i == head.right_edge.i + 1]
        for obj in (c for agent in agents for c in agent.children if c.dep_ == "pobj"):
            found = self._resolve(obj)
            if found is not None and found.country:
                return found
        return None

    def _polity(self, head: Token, text: str, bounds: tuple[int, int], speaker: Actor | None) -> Actor | None:
        """A country named by a common noun ("his country", "the nation"): the one its possessive
        pronoun stands for, or the country the text named last, as "it" would."""
        if head.ent_type_ or head.lemma_.lower() not in POLITY_NOUNS or head.dep_ == "poss":
            return None  # "his country's allies" are not his country
        owner = self._pronoun_owner(head, speaker)
        if owner is None and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and not any(
                c.dep_ in ("amod", "compound", "prep", "relcl", "acl") for c in head.children):
            owner = self._antecedent(head, ("GPE", "ORG", "NORP"))
        if owner is None or not owner.country:
            return None
        return Actor(name=strip_determiner(text), country=owner.country, start=bounds[0], end=bounds[1])

    def _titled_person(self, head: Token, entity: Entity | None, mention: tuple[int, int]) -> Actor | None:
        """A person parley does not know, named in apposition to a title that places them: "his
        Chilean counterpart Eduardo Frei" is Chile's (not of the city an "in" after the name
        gives), whose title the words up to the title's head tell."""
        title = head.head
        if entity is None or entity.type != "PERSON" or head.dep_ != "appos" or title.pos_ != "NOUN" \
                or title.i > head.i:
            return None
        words = doc_text(self.doc)[title.left_edge.idx:title.idx + len(title)]
        match = resolve_actor_text(words, self.date)
        if match is None or match.country is None or match.kind == "pronoun":
            return None
        country = normalize_country(match.country, match.sectors, match.kind)
        sector = match.sector if match.sector not in VAGUE_SECTORS else None
        return Actor(name=entity.name, country=country, sector=sector, role=match.role,
                     start=mention[0], end=mention[1])

    def _own_country(self, head: Token, start: int, found: Actor | None) -> Actor | None:
        """The country the words up to a noun give it beats the place an "in" phrase after it
        names: "her Peruvian counterpart in La Paz" is Peru's, wherever they met."""
        if found is None or found.country is None or not any(
                c.dep_ == "prep" and c.lower_ == "in" for c in head.rights):
            return found
        match = resolve_actor_text(doc_text(self.doc)[start:head.idx + len(head)], self.date)
        own = normalize_country(match.country, match.sectors, match.kind) if match is not None else None
        return replace(found, country=own) if own and own != found.country else found

    def _possessor(self, head: Token) -> Actor | None:
        """The placed entity that owns a thing with no role of its own ("Pakistan's role"; not
        "Israel's enemies", who are other actors)."""
        if is_relational_noun(head.text):
            return None
        for child in head.children:
            if child.dep_ == "poss":
                entity, mention = self._entity_at(child)
                if entity is not None and (entity.country or entity.sector):
                    return self._from_entity(entity, mention)
        return None

    def _pronoun_owner(self, head: Token, speaker: Actor | None = None) -> Actor | None:
        """Who a possessive pronoun before a noun stands for, when its clause's subject says, else
        the speaker of a reported clause ("Chile said troops attacked its embassy")."""
        if head.dep_ == "conj":  # "the rebels and their allies": theirs, not the subject's
            return None
        for child in head.children:
            if child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS:
                bound = self._bound(child, None)
                if bound is None and speaker is not None and (
                        child.lower_ in GROUP_PRONOUNS or self._same_kind(speaker, child.lower_)):
                    return speaker
                return bound
        return None

    def _entity_or_phrase(self, entity: Entity, mention: tuple[int, int], text: str,
                          bounds: tuple[int, int]) -> Actor:
        """The entity, unless its whole phrase names a better-known actor ("the Liberation Tigers
        of Tamil Eelam" rather than the "Liberation Tigers" the entity stage guessed)."""
        found = self._from_entity(entity, mention)
        longer = bounds[1] - bounds[0] > mention[1] - mention[0]
        if entity.type == "PERSON" or not (found.country is None or longer):
            return found
        better = self._from_phrase(text, bounds[0], bounds[1], entity)
        if better is None or not better.country:
            return found
        if found.country is None or (better.role is None and better.name != found.name):
            return replace(better, name=found.name, start=found.start, end=found.end)
        if better.country != found.country and entity.type == "ORG" and bounds[0] < mention[0]:
            # "Paraguay's Senate", "the Paraguayan Senate": the words before the name place it,
            # not the best-known body of that name
            before = doc_text(self.doc)[bounds[0]:mention[0]].strip()
            before = before[:-2] if before.endswith(("'s", "’s")) else before
            words = [w for w in before.split() if w.lower() != "the"]
            # one word: a possessor or a demonym ("Armenian-backed separatist" is no owner)
            single = len(words) == 1 and "-" not in words[0]
            own = resolve_actor_text(before, self.date) if single else None
            if own is not None and own.country == better.country:
                return replace(found, country=better.country)
        return found

    def _from_phrase(self, text: str, start: int, end: int, entity: Entity | None) -> Actor | None:
        """What `resolve_actor_text` makes of the phrase, if it places the actor at all."""
        match = resolve_actor_text(text, self.date, initials=True) or self._described_country(text, start)
        if match is None or match.kind == "pronoun":
            return None
        if not (match.country or set(match.sectors) - VAGUE_SECTORS):
            return None
        country = normalize_country(match.country, match.sectors, match.kind)
        sector = match.sector if match.sector not in VAGUE_SECTORS else None
        name = entity.name if entity else strip_determiner(text)
        role = match.role if match.kind == "role" else None
        if match.kind in ("known", "seat"):  # "Osama bin Laden's al-Qaeda terror network": a known actor
            self._named.add(name)
        return Actor(name=name, country=country, sector=sector, role=role, start=start, end=end)

    def _described_country(self, text: str, start: int) -> ActorMatch | None:
        """ "Impoverished Haiti asked ...": the first word of a sentence is capitalised by its
        place, not as a name; one word before a country that is no given name or title
        describes the country (the parser often takes the two for a person), when it has an
        adjective's ending or joins words ("War-torn Syria")."""
        words = text.split(maxsplit=1)
        if len(words) != 2 or not words[0].replace("-", "").isalpha():
            return None
        if "-" not in words[0] and not words[0].lower().endswith(ADJECTIVE_ENDINGS):
            return None  # "Kim Jordan": a name, for all its capital tells
        span = self.doc.char_span(start, start + len(words[0]))
        if span is None or not span[0].is_sent_start or pronoun_of(text) is not None:
            return None
        match = resolve_actor_text(words[1], self.date)
        return match if match is not None and match.kind == "country" else None

    def _from_entity(self, entity: Entity, mention: tuple[int, int]) -> Actor:
        country = normalize_country(entity.country, (entity.sector,) if entity.sector else (), "entity")
        sector = entity.sector
        match = None
        person = False
        if country is None or entity.type == "GPE":
            # one word the tagger took for a person, known by no fuller name, that is a place's
            # whole name ("agreements with Baku and Yerevan") is that place
            person = entity.type == "PERSON" and (len(entity.name.split()) > 1 or bool(entity.aliases))
            match = resolve_actor_text(entity.name, self.date, person=person)
        if match is not None and country is None:
            sectors = (*match.sectors, sector) if sector else match.sectors
            country = normalize_country(match.country, sectors, match.kind)
        if match is not None and match.kind == "capital" and (entity.type == "GPE" or (
                entity.type == "PERSON" and not person)):
            sector = sector or "GOV"  # "Islamabad hosted ...": a capital acts for its government
        return Actor(name=entity.name, country=country, sector=sector, role=entity.role,
                     start=mention[0], end=mention[1])

    def _inner_country(self, start: int, end: int) -> Actor | None:
        """A country named inside a phrase that names no actor as a whole."""
        for s, e, entity in self.mentions:
            if start <= s and e <= end and entity.type in ("GPE", "NORP") and entity.country:
                return Actor(name=entity.name, country=normalize_country(entity.country, (), "entity"),
                             start=s, end=e)
        return None

    def _entity_at(self, head: Token) -> tuple[Entity | None, tuple[int, int]]:
        index = bisect_left(self._starts, head.idx + 1)
        for s, e, entity in reversed(self.mentions[max(0, index - 8):index]):
            if s <= head.idx < e:
                return entity, (s, e)
        return None, (head.idx, head.idx + len(head))

    def _coordinated_modifiers(self, head: Token) -> list[Actor]:
        """ "US and Pakistani diplomats", "French and Egyptian warships", "officials from Peru and
        Bolivia", "the foreign ministers of Chile and Peru": one actor per country."""
        if head.pos_ == "NOUN" and not head.ent_type_:
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("from", "of")):
                for place in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ in COUNTRY_LABELS):
                    parts = [place, *place.conjuncts]
                    if len(parts) >= 2 and all(p.ent_type_ in COUNTRY_LABELS for p in parts):
                        actors = [self._country_role(part, head.text) for part in parts]
                        return [a for a in actors if a is not None]
        modifiers = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod")
                     and c.ent_type_ in ("GPE", "NORP") and c.i < head.i]
        for modifier in modifiers:
            parts = [modifier, *[c for c in modifier.conjuncts if c.i < head.i]]
            if len(parts) < 2:
                continue
            actors = [self._country_role(part, head.text) for part in parts]
            return [a for a in actors if a is not None]
        return []

    def _coordinated_objects(self, head: Token, found: Actor | None) -> list[Actor]:
        """A phrase placed by the first of several countries named together in it stands for each:
        "ties with Venezuela, Panama and Guyana", "a resumption of ties between Peru and Bolivia",
        "the reconciliation of Chile and Peru" (the owner of "Peru's ties with Chile and Bolivia"
        places it: no split)."""
        if found is None or not found.country or head.ent_type_ or head.pos_ != "NOUN":
            return []
        for part in _relational_objects(head):
            first = self._resolve(part)
            if first is None or first.country != found.country:
                continue
            others = [self._resolve(c) for c in part.conjuncts]
            if not others or any(o is None or not o.country or o.country == found.country for o in others):
                return []
            return [found, *(o for o in others if o is not None)]
        return []

    def _country_role(self, part: Token, role_words: str) -> Actor | None:
        words = part.text
        for ent in part.doc.ents:  # "Sierra Leonean and Liberian refugees": the whole name
            if ent.start <= part.i < ent.end:
                words, part_start, part_end = ent.text, ent.start_char, ent.end_char
                break
        else:
            part_start, part_end = part.idx, part.idx + len(part)
        match = resolve_actor_text(f"{words} {role_words}", self.date)
        if match is None or match.country is None:
            return None
        country = normalize_country(match.country, match.sectors, match.kind)
        sector = match.sector if match.sector not in VAGUE_SECTORS else None
        return Actor(name=f"{words} {role_words}", country=country, sector=sector, role=match.role,
                     start=part_start, end=part_end)

    def _is_pair_phrase(self, token: Token) -> bool:
        """ "both sides", "the two leaders", "both ministers"."""
        if token.lemma_.lower() not in load_lexicon().pair_nouns or token.tag_ not in ("NNS", "NNPS"):
            return False
        return any(c.lower_ in ("both", "two") for c in token.children) or token.lower_ == "both"

    # -- pronouns --------------------------------------------------------------------------

    def _pronoun(self, token: Token, speaker: Actor | None) -> Actor | None:
        lower = token.lower_
        if lower in RELATIVE_PRONOUNS:
            return None
        bound = self._bound(token, speaker) if lower in REFLEXIVE_PRONOUNS else None
        if bound is not None:
            return _at(bound, token)
        if speaker is not None and (lower in GROUP_PRONOUNS or self._same_kind(speaker, lower)):
            return _at(speaker, token)
        if lower in {"we", "us", "our", "i", "my", "me", "you"}:
            return None
        wanted: tuple[str, ...] = ("PERSON",) if lower in PERSON_PRONOUNS else ("GPE", "ORG", "NORP")
        if lower in {"they", "them", "their", "theirs", "themselves"}:
            wanted = ("GPE", "ORG", "NORP", "PERSON")
        found = self._antecedent(token, wanted)
        if found is None and lower in PERSON_PRONOUNS and speaker is not None and speaker.role:
            # "Peru's foreign minister said he would meet ...": no named person nearer, so the
            # reporting officeholder (a "he" is never the ministry or the army)
            return _at(speaker, token)
        return found

    def _antecedent(self, token: Token, wanted: tuple[str, ...]) -> Actor | None:
        """The nearest entity of a wanted kind before the pronoun, in its sentence or the last."""
        index = bisect_left(self._starts, token.idx)
        reach = self._previous_sentence_start(token)
        for s, e, entity in reversed(self.mentions[:index]):
            if s < reach:
                break
            if entity.type in wanted and (entity.country or entity.sector) and e <= token.idx:
                if self._venue(s, e, entity):
                    continue
                if s < token.sent.start_char and token.dep_ in ("nsubj", "nsubjpass"):
                    # a subject pronoun opening its clause continues the last sentence's subject
                    # ("The party accused Peru of ... . It called on ...")
                    subject = self._previous_subject(token, wanted)
                    if subject is not None:
                        return _at(subject, token)
                return _at(self._from_entity(entity, (s, e)), token)
        return None

    def _venue(self, start: int, end: int, entity: Entity) -> bool:
        """A place named as where something happened ("announcing the deal in Lima, ... it will
        lead to"): no antecedent of a pronoun, which stands for a party or a thing told of."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if entity.type != "GPE" or span is None:
            return False
        root = span.root
        return root.dep_ == "pobj" and root.head.lower_ in VENUE_PREPOSITIONS

    def _previous_subject(self, token: Token, wanted: tuple[str, ...]) -> Actor | None:
        """The actor the main clause of the sentence before names as its subject, if any."""
        start = token.sent.start
        if start == 0:
            return None
        root = self.doc[start - 1].sent.root
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if root.pos_ in ("NOUN", "PROPN"):  # a parse that made the subject the root
            subjects.append(root)
        for subject in subjects:
            for s, e, entity in self.mentions:
                if s <= subject.idx < e and entity.type in wanted and (entity.country or entity.sector):
                    return self._from_entity(entity, (s, e))
        return None


    def _bound(self, token: Token, speaker: Actor | None) -> Actor | None:
        """A reflexive or possessive pronoun's antecedent: the subject of its clause when that
        names an actor of the same kind ("two bombers blew themselves up", "Pakistan urged its
        citizens", not the speaker of the report or the last country named)."""
        lower = token.lower_
        if not (lower in REFLEXIVE_PRONOUNS or (lower in POSSESSIVE_PRONOUNS and token.dep_ == "poss")):
            return None
        verb = _clause_verb(token)
        if verb is None:
            return None
        for subject in subject_tokens(verb):
            if subject == token or subject.lower_ in REFLEXIVE_PRONOUNS | POSSESSIVE_PRONOUNS:
                continue
            if token in subject.subtree:
                continue
            if lower in SINGULAR_THING_PRONOUNS and subject.tag_ in ("NNS", "NNPS"):
                continue  # "troops attacked its embassy": not theirs
            found = self.actors(subject, speaker)
            if found and (lower in GROUP_PRONOUNS or all(self._same_kind(a, lower) for a in found[:1])):
                return found[0]
        return None


@lru_cache(maxsize=1)
def _event_verbs() -> frozenset[str]:
    """Verbs of events: the trigger lexicon's and the PETRARCH2 dictionary's."""
    verbs = set(load_lexicon().entries.get("verbs", {}))
    verbs.update(read_data_json("event_petrarch.json")["verbs"])
    return frozenset(verbs)


def is_act_noun(head: Token) -> bool:
    """A common noun that names an act, not an actor: an event noun of the lexicon or the noun
    of an event verb ("confrontation", "intervention", "pressure"), and not itself an actor word
    ("administration", "opposition")."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or resolve_actor_text(lemma) is not None:
        return False
    if lemma in load_lexicon().entries.get("nouns", {}):
        return True
    verbs = _event_verbs()
    for suffix, endings in NOMINAL_SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
            stem = lemma[:-len(suffix)]
            return any(stem + ending in verbs for ending in endings)
    return False


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause a token stands in."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _ethnic(head: Token) -> bool:
    """ "ethnic Albanian guerrillas": a noun whose demonym is qualified as an ethnicity."""
    return any(t.lower_ == "ethnic" for t in head.lefts) or any(
        t.lower_ == "ethnic" for child in head.lefts if child.ent_type_ == "NORP" for t in child.lefts)


def _people(head: Token) -> bool:
    """A plural demonym ("Palestinians", "ethnic Albanians"), not its state."""
    return head.ent_type_ == "NORP" and head.tag_ in ("NNPS", "NNS")


def _before_locatives(head: Token) -> Token:
    """The last token of a noun phrase before its place modifiers: "a stronghold on the Thai
    border" is a place near Thailand, not a Thai party."""
    last = head
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPOSITIONS:
            break
        if child.dep_ == "acl" and any(c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPOSITIONS
                                       for c in child.children):
            break  # "troops stationed on the border with Peru": where they are, not whose
        last = child.right_edge
    return last


def _at(actor: Actor, token: Token) -> Actor:
    """The actor, pointing at the pronoun that names it here."""
    return replace(actor, start=token.idx, end=token.idx + len(token))


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Character span of the noun phrase a head token names (modifiers, of/in-phrases)."""
    tokens = list(head.doc[head.left_edge.i: head.i + 1])
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod") or (
                child.dep_ == "prep" and child.lower_ in PHRASE_PREPOSITIONS):
            tokens.extend(_before_clause(child))
        else:
            break
    tokens = tokens[-MAX_PHRASE_TOKENS:] if len(tokens) > MAX_PHRASE_TOKENS and tokens[-1].i == head.i \
        else tokens[:MAX_PHRASE_TOKENS]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    start = tokens[0].idx if tokens else head.idx
    last = tokens[-1] if tokens else head
    return start, last.idx + len(last)


def _agent_phrase(head: Token) -> bool:
    """ "a demand from the US President", "attacks by rebels": the act names its doer after it."""
    return any(c.dep_ in ("prep", "agent") and c.lower_ in AGENT_PREPOSITIONS for c in head.children)


def _before_clause(token: Token) -> list[Token]:
    """A modifier's words up to a clause inside it: "a series of measures to ease pressure on
    Peru" names no Peruvian party (the clause's object is another verb's)."""
    clauses = [t.left_edge.i for t in token.subtree
               if t.dep_ in NESTED_CLAUSE_DEPS and t.pos_ in ("VERB", "AUX") and t != token]
    stop = min(clauses, default=token.right_edge.i + 1)
    return [t for t in token.subtree if t.i < stop]


def normalize_country(country: str | None, sectors: tuple[str, ...], kind: str) -> str | None:
    """ISO3, or IGO for an international body (the actor tables say UNO, EUR, ...)."""
    if country in IGO_ALIASES:
        return IGO_ALIASES[country]
    if country is None and kind == "known" and TRANSNATIONAL_SECTORS & set(sectors):
        return "IGO"
    return country


def strip_determiner(text: str) -> str:
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(article):
            return text[len(article):]
    return text


def _is_weapon(token: Token) -> bool:
    """A weapon or armed craft the lexicon knows as a mode of attack ("jets", "drones")."""
    words = load_lexicon().mode_words.get("ASSAULT", {})
    return any(token.lemma_.lower() in cues or token.lower_ in cues for cues in words.values())


def _relational_objects(head: Token) -> list[Token]:
    """The objects of the prepositions that tie a noun phrase to its parties, through nested
    phrases ("resumption of ties with Peru": Peru); never into clauses."""
    found: list[Token] = []
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in RELATIONAL_PREPOSITIONS):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found.append(obj)
            found += _relational_objects(obj)
    return found


def _spells_a_place(text: str, date: str | None) -> bool:
    """True if a person's name, as written here, is a place's whole name ("Amman" of "Sudesh
    Amman" is Jordan's capital): the person is the entity, not the place."""
    match = resolve_actor_text(text, date)
    return match is not None and match.kind in ("capital", "country")
