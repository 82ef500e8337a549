"""Actor phrases -> country, sectors and the known actor they name.

    resolve_actor_text("Pakistan's army chief General Karl Weiss")
        -> ActorMatch(country="PAK", sectors=("MIL",), role="army chief", ...)

Order of evidence: the whole phrase as a known name (seat of government, IGO, person,
organisation, country, capital), then the country named inside it (name, demonym, capital,
city) and the role words that give a sector, then a known actor named inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import pycountry

from parley.actors.knowledge import (
    TRANSNATIONAL,
    Knowledge,
    KnownActor,
    load_knowledge,
    normalize_name,
    split_code,
)
from parley.datafiles import read_data_json

# Transnational codes reported in the country slot, as CAMEO does (the contract's "IGO" and kin).
KEPT_TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG"})
# The seed dictionary's codes for states that ISO 3166 codes otherwise.
PHOENIX_STATES = {"TMP": "TLS", "KSV": "XKX", "KOS": "XKX", "ROM": "ROU", "ZAR": "COD"}
# Sectors of state office; with "former" they become ELI (former elites).
_STATE_SECTORS = {"GOV", "MIL", "SPY", "LEG", "JUD", "COP"}
# Participles not ending in -ed that tie an actor to a place ("Iran-born", "state-run").
PLACE_PARTICIPLES = {"born", "made", "run", "built", "held", "sworn", "grown", "bound"}
# Known-actor names of one token this short are acronyms too ambiguous to trust inside a phrase.
MIN_INNER_NAME_CHARS = 4
# Known names this long are proper names whose modifiers are no role words ("Islamic
# Revolutionary Guard Corps"); shorter ones are often generic ("defense department").
PROPER_NAME_WORDS = 3
# Dictionaries of named organisations, whose own sector beats generic role words around them.
_GROUP_SOURCES = ("international", "milnonstate", "institutions")
# Sectors of the institutions table that beat role words (armed and criminal groups).
_ARMED_SECTORS = frozenset({"REB", "PRM", "UAF", "CRM"})


@dataclass(frozen=True)
class ActorMatch:
    """What an actor phrase says about who the actor is."""

    country: str | None
    sectors: tuple[str, ...] = ()
    name: str | None = None  # the known actor's canonical name, when one was named
    kind: str = "role"  # seat | known | country | capital | role
    role: str | None = None  # the role words that gave the sector ("army chief")

    @property
    def sector(self) -> str | None:
        return self.sectors[0] if self.sectors else None


@dataclass(frozen=True)
class Modifiers:
    determiners: tuple[tuple[str, ...], ...]
    pronouns: frozenset[str]
    former: frozenset[str]
    heading_roles: frozenset[str]  # roles that take the sector of the body they head
    relational: frozenset[str]  # nouns for actors related to an owner ("Israel's enemies")
    determiner_starts: frozenset[str] = frozenset()  # the first word of each determiner
    rank_prefixes: frozenset[str] = frozenset()  # roles only as a phrase's head ("deputy")


@lru_cache(maxsize=1)
def _modifiers() -> Modifiers:
    raw = read_data_json("actors/modifiers.json")
    determiners = sorted((tuple(d.split()) for d in raw["determiners"]), key=len, reverse=True)
    return Modifiers(tuple(determiners), frozenset(raw["pronouns"]), frozenset(raw["former"]),
                     frozenset(raw["heading_roles"]), frozenset(raw["relational_nouns"]),
                     frozenset(d[0] for d in determiners if d), frozenset(raw.get("rank_prefixes", ())))


def is_relational_noun(word: str) -> bool:
    """True for nouns naming other actors related to an owner: "enemies", "allies", "proxies"."""
    return word.lower() in _modifiers().relational


# Words of the compass that name a part of a place ("Western Cambodia", "Northern Iraq"): the
# English cardinal and intercardinal directions and their adjectives.
COMPASS_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west",
    "north-eastern", "north-western", "south-eastern", "south-western"})
# Phrases whose resolution is kept: names and titles repeat within and across articles.
RESOLVED_CACHE = 65536


@lru_cache(maxsize=RESOLVED_CACHE)
def resolve_actor_text(text: str, date: str | None = None, *, person: bool = False,
                       initials: bool = False) -> ActorMatch | None:
    """Country and sectors of an actor phrase; None if it names no actor parley knows of.

    `person`: the phrase is a person's name, so a lone surname may resolve to the country and
    sector that all the known people of that surname share. `initials`: an upper-case short form
    no table lists may be the initials of international organisations the tables know (for a
    party of an event, not for naming an entity whose spelled-out name stands beside it)."""
    tokens = _strip_determiners(normalize_name(text).replace("'s ", " 's ").split())
    if not tokens:
        return None
    if " ".join(tokens) in _modifiers().pronouns:
        return ActorMatch(None, ("UNK",), None, "pronoun")
    match = _resolve_tokens(text, tokens, date, person)
    if match is None and initials and len(tokens) == 1 and re.fullmatch(r"[A-Z]{2,6}", text.split()[-1]):
        match = _initials_match(tokens[0], date)  # "The AU": the African Union's initials
    if match is not None and match.sector in _STATE_SECTORS and _modifiers().former & set(tokens):
        return replace(match, sectors=("ELI", *match.sectors[1:]))
    return match


def _resolve_tokens(text: str, tokens: list[str], date: str | None, person: bool) -> ActorMatch | None:
    knowledge = load_knowledge()
    generic = not _has_capitals(text)
    described = generic and _is_role(tokens, knowledge)  # "paramilitary organization"
    whole = None if described else _whole_phrase(" ".join(tokens), knowledge, date)
    if whole is not None and person and whole.kind in ("capital", "country"):
        whole = None  # a person's name is no place, whatever its words spell ("Sudesh Amman")
    if whole is not None:
        return _facet_named(whole, tokens, knowledge)
    of_part = _of_institution(tokens, date, knowledge)
    if of_part is not None:
        return of_part
    if person and len(tokens) == 1 and not generic:
        return _surname_match(tokens[0], knowledge, date)
    name_tail = _name_tail(text)
    country, used = _find_country(tokens, knowledge, name_tail)
    # a description names no particular actor; a name's last word is a surname, not a body
    skip = set(range(len(tokens))) if described else used | ({len(tokens) - 1} if name_tail else set())
    # nor is a name's first word alone a known actor ("Hassan" of "Hassan Omar" is no prince)
    given = {len(tokens) - 2} if name_tail else set()
    known, named = _find_known_actor(tokens, skip, knowledge, _acronyms(text), given)
    # a known name's modifiers are part of the name ("Islamic" of the Revolutionary Guard Corps);
    # its last word still says what it is ("Defense Department", "Northern Fleet")
    modifiers = named - {max(named)} if len(named) >= PROPER_NAME_WORDS else set()
    rest = [t for i, t in enumerate(tokens) if i not in used and i not in modifiers and t != "'s"]
    sectors, role = _find_sectors(rest, knowledge)
    if known is not None:
        known_country, known_sectors = split_code(known.code_at(date))
        country = country or _country_code(known_country)
        if not sectors or _group_sector_wins(known, known_sectors):
            sectors = known_sectors or sectors
    if country is None and known is None and sectors:
        country = _leader_country(text, rest, knowledge, date)  # "the Boric government"
    if country is None and not sectors:
        return None
    return ActorMatch(country=country, sectors=sectors, name=known.name if known else None,
                      kind="known" if known else "role", role=role)


def _group_sector_wins(known: KnownActor, sectors: tuple[str, ...]) -> bool:
    """A named armed group's own sector beats generic role words ("Boko Haram gunmen" -> REB);
    a party's or a parliament's does not ("Labour Party voters" are civilians)."""
    if not sectors or known.source not in _GROUP_SOURCES:
        return False
    return known.source != "institutions" or sectors[0] in _ARMED_SECTORS


def _has_capitals(text: str) -> bool:
    """True if a word after any leading determiner is capitalised ("The office" has none)."""
    words = text.split()
    kept = _strip_determiners([w.lower() for w in words])
    return any(c.isupper() for w in words[len(words) - len(kept):] for c in w)


def _facet_named(match: ActorMatch, tokens: list[str], knowledge: Knowledge) -> ActorMatch:
    """A known body with several sectors, named by the word for one of them, is that one first:
    "the Senate" of a GOV+LEG entry is LEG."""
    own = _find_sectors(tokens, knowledge)[0]
    if len(match.sectors) < 2 or not own or own[0] not in match.sectors[1:]:
        return match
    return replace(match, sectors=(own[0], *(s for s in match.sectors if s != own[0])))


def _strip_determiners(tokens: list[str]) -> list[str]:
    modifiers = _modifiers()
    changed = True
    while changed and tokens:
        changed = False
        if tokens[0] not in modifiers.determiner_starts:
            break  # no determiner can match here: skip trying each of them
        for det in modifiers.determiners:
            if tuple(tokens[: len(det)]) == det and len(tokens) > len(det):
                tokens = tokens[len(det):]
                changed = True
                break
    return tokens


def _whole_phrase(key: str, knowledge: Knowledge, date: str | None) -> ActorMatch | None:
    actors = knowledge.actors.get(key)
    if actors and actors[0].source == "seat":
        country, sectors = split_code(actors[0].code_at(date))
        return ActorMatch(country, sectors, actors[0].name, "seat")
    place = knowledge.places.get(key) or knowledge.places.get(_singular(key))
    if place is not None:
        # a capital standing alone is a metonym for its government ("Tehran said"); another
        # city standing alone is its people ("Mariupol")
        sectors = {"capital": ("GOV",), "place": ("CVL",)}.get(place.kind, ())
        return ActorMatch(place.iso3, sectors, None, "capital" if place.kind == "capital" else "country")
    if actors:
        actor = _prefer(actors)
        country, sectors = split_code(actor.code_at(date))
        return ActorMatch(_country_code(country), sectors, actor.name, "known")
    return None


def _prefer(actors: tuple[KnownActor, ...]) -> KnownActor:
    """Of several known actors sharing a name, the one from the most specific dictionary."""
    order = {"seat": 0, "learned": 1, "institutions": 2, "international": 2, "milnonstate": 3,
             "countries": 4}
    return min(actors, key=lambda a: order.get(a.source, 5))


def _country_code(code: str | None) -> str | None:
    """A known actor's country: ISO3, or the CAMEO code of a body that belongs to no state
    (IGO, NGO, IMG: an international militarized group such as al-Qaeda); companies (MNC) and
    the rest of the transnational codes say no country."""
    if code is None or code in TRANSNATIONAL - KEPT_TRANSNATIONAL:
        return None
    code = PHOENIX_STATES.get(code, code)
    return code if code in KEPT_TRANSNATIONAL or code in _state_codes() else None


@lru_cache(maxsize=1)
def _state_codes() -> frozenset[str]:
    """ISO 3166 alpha-3 codes, and the historical states the seed dictionary codes (USR, YUG);
    its region ("MEA", "WEU"), "international" ("INT") and sector-first ("MED") prefixes name
    no state."""
    return frozenset({str(c.alpha_3) for c in pycountry.countries} | set(PHOENIX_STATES.values())
                     | {"USR", "YUG", "DDR", "CSK", "SCG", "FRY"})


def _find_country(tokens: list[str], knowledge: Knowledge,
                  name_tail: bool = False) -> tuple[str | None, set[int]]:
    """The longest place or demonym inside the phrase, and the token positions it covers; with
    `name_tail`, a one-word place ending the phrase is a surname ("Sen. Maria Lima")."""
    for size in range(min(len(tokens), 5), 0, -1):
        for start in range(len(tokens) - size + 1):
            if name_tail and size == 1 and start == len(tokens) - 1:
                continue
            key = " ".join(tokens[start : start + size]).rstrip(".")
            place = knowledge.places.get(key) or (
                knowledge.places.get(_singular(key)) if size == 1 else None)
            if place is not None and key not in _modifiers().pronouns:
                return place.iso3, set(range(start, start + size))
    for index, token in enumerate(tokens):  # "somalia-based", "us-led", "iran-backed"
        head, _, tail = token.partition("-")
        head = head if head in knowledge.places else head.replace(".", "")  # "u.s.-led"
        if tail and head in knowledge.places and _participle(tail):
            return knowledge.places[head].iso3, {index}
    return None, set()


def _participle(word: str) -> bool:
    """ "-based", "-led", "-backed", "-born": a place joined to a participle says whose the actor
    is; joined to a noun it is another word ("pole-sitter" is no Pole)."""
    return word.endswith("ed") or word in PLACE_PARTICIPLES


def _is_role(tokens: list[str], knowledge: Knowledge) -> bool:
    """True if the whole phrase is a role pattern ("paramilitary organization", "protesters")."""
    return any(knowledge.sectors.get(key) not in (None, ("UNK",)) for key in _pattern_keys(tokens))


def _name_tail(text: str) -> bool:
    """True if the phrase ends in two capitalised words of a name, the first not a role or
    place word: "Sen. Feliciano Valencia", but not "Pakistani Prime Minister"."""
    words = text.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words[-2:]):
        return False
    if words[-2].endswith(("'s", "’s", "s'")):  # "Russia's FSB": a body of the country
        return False
    knowledge = load_knowledge()
    before = normalize_name(words[-2])
    if before in COMPASS_WORDS:  # "Western Cambodia", "Southern Lebanon": a part of a place
        return False
    return before not in knowledge.sectors and before not in knowledge.places and not words[-2].isupper()


def _of_institution(tokens: list[str], date: str | None, knowledge: Knowledge) -> ActorMatch | None:
    """"members of the FSB", "speaker of the Riigikogu": a role that heads or belongs to a
    named body takes the body's country and sector ("critics of the Kremlin" do not)."""
    if "of" not in tokens[1:-1]:
        return None
    split = tokens.index("of")
    head = _strip_determiners(tokens[:split])
    body = " ".join(_strip_determiners(tokens[split + 1 :]))
    if not head or head[-1] not in _modifiers().heading_roles:
        return None
    actors = knowledge.actors.get(body)
    if not actors or actors[0].source not in (*_GROUP_SOURCES, "seat"):
        return None
    country, sectors = split_code(_prefer(actors).code_at(date))
    if not sectors:
        return None
    return ActorMatch(_country_code(country), sectors, _prefer(actors).name, "known", " ".join(head))


def _surname_match(token: str, knowledge: Knowledge, date: str | None) -> ActorMatch | None:
    """A lone surname: the country and sectors all known bearers share, without naming one."""
    bearers = knowledge.surnames.get(token, ())
    codes = {split_code(actor.code_at(date)) for actor in bearers}
    if len(codes) != 1:
        return None
    country, sectors = codes.pop()
    if country is None or not sectors:
        return None
    return ActorMatch(_country_code(country), sectors, None, "surname")


def _leader_country(text: str, tokens: list[str], knowledge: Knowledge, date: str | None) -> str | None:
    """ "the Boric administration": the country of the known office holder whose surname
    (capitalised) names a government (all known bearers of the surname agreeing)."""
    if len(tokens) != 2:  # "<Surname> <body>" only
        return None
    if " ".join(tokens) in knowledge.sectors:  # "Prime Minister" is an office, not Mr Prime's
        return None
    token = tokens[0]
    capitalised = {normalize_name(w) for w in text.split() if w[:1].isupper()}
    if token not in capitalised or _find_sectors([token], knowledge)[0] or token in _modifiers().pronouns:
        return None
    match = _surname_match(token, knowledge, date)
    return match.country if match is not None and match.sector in _STATE_SECTORS else None


def _find_sectors(tokens: list[str], knowledge: Knowledge) -> tuple[tuple[str, ...], str | None]:
    """Sectors of the longest role pattern in the phrase (the rightmost among equals)."""
    longest = min(knowledge.longest_pattern, len(tokens))
    vague: tuple[tuple[str, ...], str] | None = None
    ranks = _modifiers().rank_prefixes
    for size in range(longest, 0, -1):
        for start in range(len(tokens) - size, -1, -1):
            if size == 1 and tokens[start] in ranks and start + 1 < len(tokens) \
                    and tokens[start + 1] not in ("of", "'s"):
                continue  # "deputy director": a rank of the role after it, not a deputy
            for key in _pattern_keys(tokens[start : start + size]):
                codes = knowledge.sectors.get(key)
                if codes and codes != ("UNK",):
                    return codes, key
                if codes and vague is None:
                    vague = (codes, key)  # "group": used only if nothing more telling is found
    return vague if vague else ((), None)


def _find_known_actor(tokens: list[str], country_span: set[int], knowledge: Knowledge,
                      acronyms: set[str], alone: set[int] | None = None,
                      ) -> tuple[KnownActor | None, set[int]]:
    """The longest run of words that is a known actor's name ("president vladimir putin"), and
    the token positions it covers; a word of `alone` is no name on its own (a given name)."""
    for size in range(len(tokens), 0, -1):
        for start in range(len(tokens) - size + 1):
            span = set(range(start, start + size))
            if span <= country_span or (alone and span <= alone):
                continue  # the country itself, already used; a given name alone
            key = " ".join(tokens[start : start + size])
            if size == 1 and len(key) < MIN_INNER_NAME_CHARS and key not in acronyms:
                continue
            actors = knowledge.actors.get(key)
            if actors:
                return _prefer(actors), span
    return None, set()


# Words left out of an organisation's initials ("Organization of American States": OAS).
INITIALS_SKIPPED = frozenset({"of", "the", "and", "for", "on", "in", "de", "des", "la", "le"})


@lru_cache(maxsize=1)
def _international_initials() -> dict[str, tuple[KnownActor, ...]]:
    """The international organisations of the actor tables by the initials of their names of
    two words or more ("african union" -> "au"), for the short forms the tables do not list."""
    index: dict[str, dict[str, KnownActor]] = {}
    for name, actors in load_knowledge().actors.items():
        words = [w for w in name.replace("-", " ").split() if w not in INITIALS_SKIPPED]
        if len(words) < 2:
            continue
        for actor in actors:
            if actor.code_at(None).startswith("IGO"):
                index.setdefault("".join(w[0] for w in words), {})[actor.name] = actor
    return {key: tuple(found.values()) for key, found in index.items()}


def _initials_match(word: str, date: str | None) -> ActorMatch | None:
    """An upper-case short form no table lists, read as the initials of international
    organisations the tables know: placed when they all share one code's country (IGO)."""
    bearers = _international_initials().get(word, ())
    countries = {split_code(a.code_at(date))[0] for a in bearers}
    if not bearers or len(countries) != 1:
        return None
    country = _country_code(countries.pop())
    name = bearers[0].name if len(bearers) == 1 else None
    return ActorMatch(country=country, sectors=(), name=name, kind="known", role=None)


def _acronyms(text: str) -> set[str]:
    """Upper-case words of the original text ("CIA", "UN"): short names safe to look up."""
    return {w.lower() for w in re.findall(r"\b[A-Z]{2,5}\b", text)}


def _pattern_keys(tokens: list[str]) -> tuple[str, ...]:
    """Role-table keys of some words: as written, and with the last word made singular
    ("Sen." -> "sen", "relatives" -> "relative")."""
    words = [t.rstrip(".") for t in tokens]
    keys = (" ".join(words), *(" ".join([*words[:-1], form]) for form in _singulars(words[-1])))
    # "director-general", "commander-in-chief": the table writes the words apart
    return tuple(dict.fromkeys((*keys, *(k.replace("-", " ") for k in keys if "-" in k))))


def _singulars(word: str) -> tuple[str, ...]:
    """Candidate singulars of a plural: the rule's form and the word without its final s
    ("relatives" -> "relatif", "relative")."""
    plain = word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word
    return tuple(dict.fromkeys((_singular(word), plain)))


def _singular(word: str) -> str:
    """A plural noun's singular form, enough for role words and demonyms."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ves") and len(word) > 4:
        return word[:-3] + "f"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
