"""Learn people and their roles from the Wikinews corpus and write them to
src/parley/data/actors/learned_people.tsv, a seed for fresh stores.

    python scripts/build_learned_people.py [--shared ../shared]

Input: shared/data/wikinews/wikinews_{2019,2020}.csv (English Wikinews, CC BY 2.5). A seed fact
must be stated about the person, so only what a title or apposition of the person's own name
says is kept ("Iraqi Prime Minister X", "X, the Prime Minister of Iraq,"), never a country
guessed from a place named elsewhere in the sentence. Refused as well: a title in front of a
name that modifies another noun ("former X White House Press Secretary Y": the title is Y's); a
country the title names only as the object of the role ("Special Representative for Iran",
"Ambassador to Germany"); a title that holds another person's name ("Mayor of Sadiq"); a code
that is no country (a region) or an unknown sector; a "name" with a role word or stray
characters in it ("Mayor X"); people whose titles name different countries in different
articles; a media role for someone the seed dictionary knows in a state or political role. The
role and sector are those of the latest article. The output is committed; re-run this to rebuild
it.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from spacy.tokens import Doc, Span

from parley.actors.knowledge import load_knowledge, normalize_name, split_code
from parley.actors.people import clean_person_span, collect_people
from parley.actors.titles import TitleInfo, person_title
from parley.nlp import parse_many

OUT = Path(__file__).resolve().parent.parent / "src" / "parley" / "data" / "actors" / "learned_people.tsv"
# Sectors of reporters and outlets, and the seed sectors a reporter's role cannot replace.
MEDIA_SECTORS = frozenset({"JRN", "MED"})
POLITICAL_SECTORS = frozenset({"GOV", "ELI", "LEG", "MIL", "JUD", "PTY", "OPP", "SPY", "COP"})
# Words in front of a country that make it the object of a role, not the holder's nationality.
OBJECT_PREPOSITIONS = frozenset({"to", "for", "in", "on", "toward", "towards", "with", "against"})
# Codes a title may give that are a country: ISO 3166 ones, international bodies and Kosovo.
NON_ISO_COUNTRIES = frozenset({"IGO", "XKX"})
NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


@dataclass
class Learned:
    """What the corpus states about one person: (date, title) per stating article."""

    name: str
    aliases: set[str] = field(default_factory=set)
    facts: list[tuple[str, TitleInfo]] = field(default_factory=list)


def read_articles(shared: Path) -> Iterator[tuple[str, str]]:
    """(published date, text) of every Wikinews article."""
    for year in (2019, 2020):
        with (shared / "data" / "wikinews" / f"wikinews_{year}.csv").open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                yield row["date"], row["text"]


def stated_titles(doc: Doc, date: str) -> Iterator[tuple[str, list[str], TitleInfo]]:
    """(full name, other full names, title) for each person mention whose own title or
    apposition states a country and a sector."""
    people = collect_people(doc, date)
    owners = {mention: person for person in people for mention in person.mentions}
    for ent in doc.ents:
        span = clean_person_span(ent) if ent.label_ == "PERSON" else None
        if span is None or _modifies_next_noun(span):
            continue
        person = owners.get((span.start_char, span.end_char))
        title = person_title(span, date)
        if person is None or len(person.name.split()) < 2 or title is None:
            continue
        if title.country and title.sectors and not _country_is_object(doc, title) \
                and not _names_another_person(doc, title, span):
            yield person.name, [n for n in person.names if len(n.split()) >= 2], title


def _country_is_object(doc: Doc, title: TitleInfo) -> bool:
    """True if every word of the title that names its country follows "to", "for", ...: the
    country is where the role points ("Ambassador to Germany"), not whose it is."""
    span = doc.char_span(title.start, title.end, alignment_mode="expand")
    if span is None:
        return True
    places = load_knowledge().places
    naming = [t for t in span if (place := places.get(normalize_name(t.text))) is not None
              and place.iso3 == title.country]
    return bool(naming) and all(t.i > 0 and doc[t.i - 1].lower_ in OBJECT_PREPOSITIONS for t in naming)


def _names_another_person(doc: Doc, title: TitleInfo, span: Span) -> bool:
    """True if the title's words hold another person's name ("Mayor of Sadiq", "Ratcliffe and
    FBI Director"): the parse joined two phrases, and the title is no statement about this one."""
    words = doc.char_span(title.start, title.end, alignment_mode="expand")
    return words is None or any(t.ent_type_ == "PERSON" and not (span.start <= t.i < span.end)
                                for t in words)


def _modifies_next_noun(span: Span) -> bool:
    """ "former Bill Clinton White House Press Secretary Joe Lockhart": the name is a modifier
    of a later noun, so the title in front belongs to that noun's person."""
    root = span.root
    return root.dep_ in ("compound", "nmod") and root.head.i >= span.end


def learn(shared: Path) -> tuple[int, dict[str, Learned]]:
    articles = list(read_articles(shared))
    learned: dict[str, Learned] = {}
    for (date, _), doc in zip(articles, parse_many(text for _, text in articles), strict=True):
        for name, names, title in stated_titles(doc, date):
            entry = learned.setdefault(normalize_name(name), Learned(name))
            entry.aliases.update(n for n in names if n != entry.name)
            entry.facts.append((date, title))
    return len(articles), learned


def supported(entry: Learned) -> tuple[str, str, str, str] | None:
    """(country, sector, role, since) if the corpus supports one country for the person."""
    if len({title.country for _, title in entry.facts}) != 1:
        return None  # titles disagree on the country: which one is right is not known here
    since, title = max(entry.facts, key=lambda fact: fact[0])
    country, sector = title.country, title.sectors[0]
    if country is None or not _is_country(country) or sector == "UNK" or not _is_name(entry.name):
        return None
    if sector in MEDIA_SECTORS and _seed_sectors(entry.name) & POLITICAL_SECTORS:
        return None
    return country, sector, title.role or "", since


def _is_country(code: str) -> bool:
    return code in NON_ISO_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


def _is_name(name: str) -> bool:
    """Words of a name only: letters (with . ' -), none of them a role word ("Mayor")."""
    role_words = load_knowledge().sectors
    return all(NAME_WORD.fullmatch(w) and w.lower() not in role_words for w in name.split())


def _seed_sectors(name: str) -> set[str]:
    """Sectors the seed dictionary (not the learned table) gives a name."""
    actors = load_knowledge().actors.get(normalize_name(name), ())
    return {sector for actor in actors if actor.source != "learned"
            for dated in actor.codes for sector in split_code(dated.code)[1]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    count, learned = learn(args.shared)
    rows = []
    for entry in sorted(learned.values(), key=lambda e: e.name):
        fact = supported(entry)
        if fact is not None:
            aliases = "|".join(sorted(entry.aliases))
            rows.append("\t".join([entry.name, aliases, *fact]))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("name\taliases\tcountry\tsector\trole\tsince\n")
        out.writelines(row + "\n" for row in rows)
    print(f"{count} articles; {len(learned)} people with a stated title, {len(rows)} kept -> {OUT}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
