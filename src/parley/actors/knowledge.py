"""Actor knowledge loaded once from data files: countries, seats of government, IGOs and named
actors (a dated seed dictionary), and role words that give a sector.

Everything is keyed by `normalize_name`, so lookups ignore case, curly quotes and stray
punctuation.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Sector codes parley reports (CAMEO/PLOVER agent types); other three-letter parts of a CAMEO
# actor code (UNO, EEC, ...) name a specific body, not a sector.
SECTOR_CODES = frozenset({
    "GOV", "MIL", "OPP", "REB", "CVL", "BUS", "MED", "JUD", "LEG", "COP", "SPY", "PTY", "ELI", "EDU",
    "HLH", "REL", "LAB", "AGR", "REF", "CRM", "UAF", "NGO", "IGO", "PRE", "JRN", "ENV", "HRI", "DEV",
    "SOC", "UNK", "MUS", "CHR", "JEW", "HIN", "BUD", "ATH", "CTH", "SHI", "SUN", "PRM", "RAD", "MOD",
    "INS", "IRC",
})
# Codes of the reference pattern table that parley reports under a standard sector.
_SECTOR_ALIASES = {"PPL": "CVL"}
# Non-country prefixes of CAMEO actor codes: international, non-governmental, multinational.
TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM"})


# What normalize_name blanks out, and the runs of white space it makes one space.
_STRAY = re.compile(r"[^\w' .&-]")
_SPACES = re.compile(r"\s+")


def normalize_name(text: str) -> str:
    """Lower-case, straight quotes, no accents, no stray punctuation: the key of every lookup
    table ("Brasília" and "Brasilia", "Chişinău" and "Chisinau" are one key)."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = text.replace("_", " ").replace("’", "'").replace("‘", "'").lower()
    return _SPACES.sub(" ", _STRAY.sub(" ", text)).strip(" .'-")


@dataclass(frozen=True)
class Place:
    iso3: str
    kind: str  # name | demonym | capital | place


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: str | None
    end: str | None


@dataclass(frozen=True)
class KnownActor:
    name: str
    codes: tuple[DatedCode, ...]
    source: str  # which seed dictionary: countries | international | milnonstate | seat

    def code_at(self, date: str | None) -> str:
        """The code valid at a date (YYYY-MM-DD), else the most recent one."""
        if date:
            for dated in self.codes:
                if (dated.start or "0000") <= date <= (dated.end or "9999"):
                    return dated.code
        return max(self.codes, key=lambda c: (c.start or "", c.end or "9999")).code


@dataclass(frozen=True)
class Knowledge:
    places: dict[str, Place]
    sectors: dict[str, tuple[str, ...]]
    actors: dict[str, tuple[KnownActor, ...]]
    longest_pattern: int
    surnames: dict[str, tuple[KnownActor, ...]]  # last name -> the known people who bear it


def _data(name: str) -> str:
    return resources.files("parley").joinpath("data", "actors", name).read_text(encoding="utf-8")


def split_code(code: str) -> tuple[str | None, tuple[str, ...]]:
    """ "AZEGOVMIL" -> ("AZE", ("GOV", "MIL")); "IGOUNO" -> ("IGO", ()); "---REB" -> (None, ("REB",))."""
    country = code[:3] if len(code) >= 3 and code[:3] != "---" else None
    parts = tuple(code[i : i + 3].upper() for i in range(3, len(code) - 2, 3))
    return country, tuple(p for p in parts if p in SECTOR_CODES)


def _load_places(roles: dict[str, tuple[str, ...]] | None = None) -> dict[str, Place]:
    places: dict[str, Place] = {}
    rank = {"name": 0, "demonym": 1, "capital": 2, "place": 3}
    rows = [*csv.DictReader(io.StringIO(_data("countries.tsv")), delimiter="\t"),
            *csv.DictReader(io.StringIO(_data("countries_extra.tsv")), delimiter="\t")]
    for row in rows:
        key = normalize_name(row["name"])
        current = places.get(key)
        if current is None or rank[row["kind"]] < rank[current.kind]:
            places[key] = Place(row["iso3"], row["kind"])
    for key, place in list(places.items()):  # "Kampuchea" -> "Kampuchean", as "Cambodia" -> "Cambodian"
        derived = key + "n"
        if (place.kind in ("name", "place") and place.iso3 != "---" and key.endswith("a")
                and key.isalpha() and len(key) > 4 and derived not in places
                and derived not in (roles or {})):  # "Gunma" does not make a "gunman"
            places[derived] = Place(place.iso3, "demonym")
    return places


def _load_sectors() -> dict[str, tuple[str, ...]]:
    """Role patterns; parley's own additions (sectors_extra.tsv) override the reference table."""
    sectors = {}
    for name in ("sectors.tsv", "sectors_extra.tsv"):
        for row in csv.DictReader(io.StringIO(_data(name)), delimiter="\t"):
            codes = tuple(row["codes"][i : i + 3] for i in range(0, len(row["codes"]), 3))
            sectors[normalize_name(row["pattern"])] = tuple(
                _SECTOR_ALIASES.get(c, c) for c in codes if c != "---")
    return sectors


def _load_actors() -> dict[str, tuple[KnownActor, ...]]:
    table: dict[str, list[KnownActor]] = {}
    raw = resources.files("parley").joinpath("data", "actors", "actors.jsonl.gz").read_bytes()
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        record = json.loads(line)
        actor = KnownActor(record["name"], tuple(DatedCode(*c) for c in record["codes"]),
                           record["file"])
        for name in record["names"]:
            table.setdefault(normalize_name(name), []).append(actor)
    for row in csv.DictReader(io.StringIO(_data("learned_people.tsv")), delimiter="\t"):
        person = KnownActor(row["name"], (DatedCode(row["country"] + row["sector"], row["since"] or None,
                                                    None),), "learned")
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            table.setdefault(normalize_name(name), []).insert(0, person)
    for row in csv.DictReader(io.StringIO(_data("actors_extra.tsv")), delimiter="\t"):
        extra = KnownActor(row["name"].upper() if len(row["name"]) <= 4 else row["name"].title(),
                           (DatedCode(row["code"], None, None),), "international")
        table[normalize_name(row["name"])] = [extra]
    for name, institution in _load_institutions().items():
        table[name] = [institution]
    for row in csv.DictReader(io.StringIO(_data("territories.tsv")), delimiter="\t"):
        territory = KnownActor(row["name"].title(), (DatedCode(row["iso3"] + "PRE", None, None),), "seat")
        table[normalize_name(row["name"])] = [territory]
    for row in csv.DictReader(io.StringIO(_data("seats.tsv")), delimiter="\t"):
        seat = KnownActor(row["name"].title(), (DatedCode(row["iso3"] + row["sector"], None, None),),
                          "seat")
        table[normalize_name(row["name"])] = [seat]
    return {name: tuple(actors) for name, actors in table.items()}


def _load_institutions() -> dict[str, KnownActor]:
    """Named national institutions and groups (institutions.tsv); a name's rows are the periods
    of its codes ("taliban": REB until 2021-08-14, GOV since)."""
    periods: dict[str, list[DatedCode]] = {}
    notes: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(_data("institutions.tsv")), delimiter="\t"):
        key = normalize_name(row["name"])
        periods.setdefault(key, []).append(DatedCode(row["code"], row["start"] or None, row["end"] or None))
        notes.setdefault(key, row["note"].split(",")[0].strip() or row["name"])
    return {key: KnownActor(notes[key], tuple(codes), "institutions") for key, codes in periods.items()}


@lru_cache(maxsize=4)
def national_forces(word: str = "military") -> dict[str, str]:
    """What a country's "military" (or "army", "armed forces") is by its proper name ("ISR" ->
    "Israel Defense Forces"): the institutions that "<demonym> <word>" rows name. A country
    without such a row has none here ("the Chilean army" is a branch, named as it is)."""
    forces: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(_data("institutions.tsv")), delimiter="\t"):
        if row["name"].endswith(f" {word}") and row["code"].endswith("MIL") and not row["end"]:
            forces.setdefault(row["code"][:3], row["note"].split(",")[0].strip())
    return forces


@lru_cache(maxsize=1)
def load_knowledge() -> Knowledge:
    """All actor knowledge, loaded once per process."""
    sectors = _load_sectors()
    places = _load_places(sectors)
    actors = _load_actors()
    return Knowledge(places=places, sectors=sectors, actors=actors,
                     longest_pattern=max(len(p.split()) for p in sectors),
                     surnames=_index_surnames(actors, sectors, places))


def _index_surnames(actors: dict[str, tuple[KnownActor, ...]], sectors: dict[str, tuple[str, ...]],
                    places: dict[str, Place]) -> dict[str, tuple[KnownActor, ...]]:
    """Known people by last name; a name counts as a person's if it has two to four words,
    none of them a role word, a place or a word of institutions' names."""
    index: dict[str, dict[str, KnownActor]] = {}
    body_words = frozenset(json.loads(_data("modifiers.json"))["institution_words"])
    for name, bearers in actors.items():
        words = name.split()
        if not 2 <= len(words) <= 4 or any(
                w in body_words or w in sectors or w in places or not w.isalpha() for w in words):
            continue
        for actor in bearers:
            if actor.source in ("countries", "learned"):
                index.setdefault(words[-1], {})[actor.name] = actor
    return {surname: tuple(people.values()) for surname, people in index.items()}
