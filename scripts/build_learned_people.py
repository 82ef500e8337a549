"""Learn people and their roles from the Wikinews corpus and write them to
src/parley/data/actors/learned_people.tsv, a seed for fresh stores.

    python scripts/build_learned_people.py [--shared ../shared] [--explain]

Input: shared/data/wikinews/wikinews_{2019,2020}.csv (English Wikinews, CC BY 2.5). A seed fact
must be stated about the person, so only what a title or apposition of the person's own name
says is kept ("Iraqi Prime Minister X", "X, the Prime Minister of Iraq,"), never a country
guessed from a place named elsewhere in the sentence. Refused as well (--explain prints each
refused title with its reason and sentence):
- a title in front of a name that modifies another noun ("former X White House Press Secretary
  Y": the title is Y's);
- a country the title names only as the object of the role ("Special Representative for Iran",
  "Ambassador to Germany");
- a title that holds a word of a person's name other than this mention's own ("Mayor of Sadiq",
  "Ratcliffe and FBI Director"), or that ends in a proper noun in front of a bare surname (the
  given name cut off the name: "Mayor of London Sadiq | Khan");
- a title joined to the name by a conjunction: the name is one conjunct of a list and the title
  another's ("the University of Miami and X", "Nevada Test and Training Range");
- a role whose head is a verb form ("the long-serving Sultan" read as "Serving") or a word that
  ends the names of bodies (modifiers.json institution_words: "the Mexican company X",
  "League of ... President"): a body, not a person's role;
- a country that no word of the title names, only an organisation's name or initials ("EFF's
  attorney", "of RSF"), when the article names that country nowhere else: initials are shared by
  bodies of many countries ("EFF" is the US Electronic Frontier Foundation and South Africa's
  Economic Freedom Fighters), the article has to place the body;
- a country whose name is also a subdivision of another country (ISO 3166-2 names from
  pycountry) when the same sentence names other subdivisions of that country ("X of Georgia,
  Y of Florida, Z of Illinois": the US state, not the country);
- a code that is no country (a region) or an unknown sector; a "name" with a role word or stray
  characters in it ("Mayor X"); people whose titles name different countries in different
  articles; a media role for someone the seed dictionary knows in a state or political role.
The role and sector are those of the latest article; the role loses words that open the phrase
but are not part of it (a conjunct before "and the", leading conjunctions, determiners and days:
"But the General Manager", "Wednesday Foreign Minister"; a first conjunct that a preposition in
front governs: "X for president and former governor Y" gives "Former Governor"; a possessive
left without its possessor: "Director of 's Amnesty"), and a title whose only sector is the
civilian CVL that a place word of its object gives takes the sector of its head word ("the
mayor of Davao City": GOV). The output is committed; re-run this to rebuild it.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
from spacy.tokens import Doc, Span, Token

from parley.actors.knowledge import Place, load_knowledge, normalize_name, split_code
from parley.actors.people import Person, clean_person_span, collect_people
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
# Words that end the head of a role ("Director of ...", "Spokesman for ...", "Expert from ...").
ROLE_PREPOSITIONS = frozenset({"of", "for", "at", "from", "in", "to", "on", "with"})
# Conjunctions that join a role to a phrase that is not part of it.
CONJUNCTIONS = frozenset({"and", "or", "but"})
# Words of modifiers.json institution_words that are no body noun at a role's head: function
# words, and adjectives that as a noun name a person ("a Libyan national").
NOT_BODY_NOUNS = frozenset({"and", "of", "for", "the", "de", "al", "national", "people's"})
# Set by --explain: print each refused title with its reason and sentence.
EXPLAIN = False
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
        if not title.country or not title.sectors:
            continue
        reason = _refusal(doc, title, span, people)
        if reason is None:
            yield person.name, [n for n in person.names if len(n.split()) >= 2], \
                _without_prepositional_conjunct(doc, title)
        elif EXPLAIN:
            print(f"refused {person.name} {title.country} {title.role!r}: {reason}\n    {span.sent.text!r}",
                  file=sys.stderr)


def _without_prepositional_conjunct(doc: Doc, title: TitleInfo) -> TitleInfo:
    """The title without its first conjunct when a preposition governs that conjunct ("X for
    president and former Massachusetts governor Y": Y's role is "Former Governor", the
    president is X's)."""
    words = doc.char_span(title.start, title.end, alignment_mode="expand")
    role = (title.role or "").split()
    lower = [w.lower() for w in role]
    if words is None or words.start == 0 or doc[words.start - 1].pos_ != "ADP" \
            or not CONJUNCTIONS & set(lower):
        return title
    joint = next((t.i for t in words if t.lower_ in CONJUNCTIONS), words.end)
    if not any(t.dep_ == "pobj" and t.head.i == words.start - 1 for t in doc[words.start:joint]):
        return title  # the preposition governs the whole phrase ("of senator and candidate X")
    cut = min(i for i, w in enumerate(lower) if w in CONJUNCTIONS)
    return replace(title, role=" ".join(role[cut + 1:])) if cut + 1 < len(role) else title


def _refusal(doc: Doc, title: TitleInfo, span: Span, people: list[Person]) -> str | None:
    """Why this title is no statement of the person's country and role, or None if it is."""
    if _country_is_object(doc, title):
        return "country is the object of the role"
    if _names_another_person(doc, title, span, people):
        return "title holds another person's name"
    if _name_cut(doc, title, span):
        return "title ends in a word of the name"
    if _coordinated(doc, title, span):
        return "title belongs to another conjunct"
    if _no_noun_head(doc, title):
        return "role has no noun at its head"
    if _names_a_body(title):
        return "title names a body, not a person's role"
    if _country_from_body_only(doc, title):
        return "country only from an organisation the article does not place"
    if _subdivision_homonym(doc, title, span):
        return "place is also a subdivision of another country named in the article"
    return None


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


def _names_another_person(doc: Doc, title: TitleInfo, span: Span, people: list[Person]) -> bool:
    """True if the title's words hold another person's name ("Mayor of Sadiq" beside Sadiq Khan,
    "Ratcliffe and FBI Director" beside John Ratcliffe): the parse joined two phrases, and the
    title is no statement about this one. A word counts when it is tagged PERSON or is a word of
    a person's name in the article (people sharing a surname may be merged, so any name but this
    mention's own words) and neither a place nor a role word."""
    words = doc.char_span(title.start, title.end, alignment_mode="expand")
    if words is None:
        return True
    knowledge = load_knowledge()
    names = [name for other in people for name in other.names]
    names += [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
    others = {normalize_name(w) for name in names for w in name.split()}
    others -= {normalize_name(t.text) for t in span} | set(knowledge.places) | set(knowledge.sectors)
    return any((t.ent_type_ == "PERSON" or normalize_name(t.text) in others)
               and not (span.start <= t.i < span.end) for t in words)


def _name_cut(doc: Doc, title: TitleInfo, span: Span) -> bool:
    """True if the title in front of the name ends in a proper noun that is neither a role word,
    a place nor a body word: the parser cut a given name off the name ("Mayor of London Sadiq
    Khan" read as "Khan" titled "Mayor of Sadiq"), so the mention may be someone else's."""
    if len(span) != 1 or title.end > span.start_char or span.start == 0:
        return False  # only a bare surname can have lost its given name to the title
    last = doc[span.start - 1]
    key = normalize_name(last.text)
    knowledge = load_knowledge()
    return last.pos_ == "PROPN" and last.idx >= title.start and key not in knowledge.sectors \
        and key not in knowledge.places and key not in _institution_words() and last.ent_type_ == ""


def _coordinated(doc: Doc, title: TitleInfo, span: Span) -> bool:
    """True if a conjunction stands between the title and the name, or ends a title in front of
    it ("the University of Miami and Chris Fallows", "Crow Tribe, and the Fort Belknap Indian
    Community", "Nevada Test and Training Range"): the name is one conjunct of a list and the title
    belongs to another."""
    words = doc.char_span(title.start, title.end, alignment_mode="expand")
    if words is None:
        return True
    gap = doc[words.end:span.start] if words.end <= span.start else doc[span.end:words.start]
    edge = [words[-1]] if words.end <= span.start else [words[0]]
    return any(t.pos_ == "CCONJ" or t.lower_ in ("and", "or", "&") for t in [*gap, *edge])


def _role_head(role: str) -> str:
    """The head word of a role: the last word before its first preposition, after its last
    possessive ("Spokesperson for the National Police" -> spokesperson, "Labour Party 's Leader"
    -> leader, "Fort Belknap Community" -> community)."""
    words = [normalize_name(w) for w in role.split()]
    if "'s" in words:
        words = words[len(words) - words[::-1].index("'s"):]
    for i, word in enumerate(words):
        if word in ROLE_PREPOSITIONS:
            words = words[:i]
            break
    return words[-1] if words else ""


def _no_noun_head(doc: Doc, title: TitleInfo) -> bool:
    """True if the word at the head of the role is a verb form in the sentence ("the long-serving
    Sultan of Oman" read as the role "Serving"): the role is a stray modifier."""
    words = doc.char_span(title.start, title.end, alignment_mode="expand")
    head = _role_head(title.role or "")
    tokens = [t for t in words or () if normalize_name(t.text) == head]
    return bool(tokens) and all(t.tag_.startswith("VB") for t in tokens)


def _names_a_body(title: TitleInfo) -> bool:
    """True if the role's head is a word that ends the names of bodies (modifiers.json
    institution_words: company, university, community, league, ...): "the Mexican company
    Cultura Colectiva" says what a body is, "University of Research Scholar" is a garbled
    phrase; neither is a person's role."""
    return _role_head(title.role or "") in _institution_words()


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    return frozenset(_json_data("parley.data.actors", "modifiers.json")["institution_words"]) - NOT_BODY_NOUNS


def _named_countries(doc: Doc, skip: range) -> set[str]:
    """Countries the article names (a place or demonym of the knowledge) outside the tokens of
    `skip`."""
    places = load_knowledge().places
    named = set()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC") and not (ent.start in skip or ent.end - 1 in skip):
            place = places.get(normalize_name(ent.text))
            if place is not None:
                named.add(place.iso3)
    return named


def _country_from_body_only(doc: Doc, title: TitleInfo) -> bool:
    """True if no word of the title names its country (the country came from an organisation's
    name or initials: "EFF's attorney" read as South Africa's Economic Freedom Fighters, "of RSF"
    as Sudan's Rapid Support Forces) and the article names that country nowhere else. Initials
    are shared by bodies of many countries; the article has to place the body."""
    words = doc.char_span(title.start, title.end, alignment_mode="expand")
    if words is None:
        return True
    if title.country in NON_ISO_COUNTRIES:
        return False  # an international body ("NATO Secretary-General") has no country to name
    places = load_knowledge().places
    for ent in [*words.ents, *words]:
        place = places.get(normalize_name(ent.text))
        if place is not None and place.iso3 == title.country:
            return False
    return title.country not in _named_countries(doc, range(words.start, words.end))


def _subdivision_homonym(doc: Doc, title: TitleInfo, span: Span) -> bool:
    """True if the word that gives the title its country also names a subdivision of another
    country whose other subdivisions the same sentence names ("candidate Stacey Abrams of Georgia,
    Congresswoman Val Demings of Florida, Senator Tammy Duckworth of Illinois": the US state, not
    the country). A homonym alone is not enough ("Niger's president" beside Nigeria's Niger
    State). Subdivision names are pycountry's (ISO 3166-2)."""
    words = doc.char_span(title.start, title.end, alignment_mode="expand")
    if words is None:
        return True
    after = doc[span.end:min(span.end + 4, len(doc))]  # "X of Georgia"
    places = load_knowledge().places
    homonyms = _subdivisions()
    for part in (words, after):
        for ent in [*part.ents, *part]:
            key = normalize_name(ent.text)
            place = places.get(key)
            if place is None or place.iso3 != title.country:
                continue
            others = homonyms.get(key, set()) - {title.country}
            if others & _named_subdivisions(span.sent, key, places):
                return True
    return False


def _named_subdivisions(sent: Span, skip: str, places: dict[str, Place]) -> set[str]:
    """Countries whose subdivisions the sentence names (other than `skip`), counting only names
    that are no country ("Florida", "Illinois": the sentence speaks of US states)."""
    homonyms = _subdivisions()
    found: set[str] = set()
    for ent in sent.ents:
        key = normalize_name(ent.text)
        place = places.get(key)
        if ent.label_ in ("GPE", "LOC") and key != skip and key in homonyms \
                and (place is None or place.kind != "name"):
            found |= homonyms[key]
    return found


def _tokens_of(part: Span | Token) -> range:
    return range(part.i, part.i + 1) if isinstance(part, Token) else range(part.start, part.end)


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, set[str]]:
    """Subdivision name -> ISO3 codes of the countries that have a subdivision of that name."""
    names: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None:
            names.setdefault(normalize_name(sub.name), set()).add(country.alpha_3)
    return names


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
    country, sector = title.country, _head_sector(title)
    if country is None or not _is_country(country) or sector == "UNK" or not _is_name(entry.name):
        return None
    if sector in MEDIA_SECTORS and _seed_sectors(entry.name) & POLITICAL_SECTORS:
        return None
    return country, sector, clean_role(title.role or ""), since


def clean_role(role: str) -> str:
    """The role without words that open the phrase but are no part of it: a conjunct before
    "and the" ("Politicians and the Archbishop" -> Archbishop), leading conjunctions and
    determiners ("But the General Manager"), a leading day ("Wednesday Foreign Minister";
    weekdays and deictic days of timex_lexicon.json), and a possessive left after a preposition
    when its possessor was taken out ("Director of 's Amnesty International")."""
    words = role.split()
    lower = [w.lower() for w in words]
    for i in range(len(words) - 2, 0, -1):
        if lower[i] in CONJUNCTIONS and lower[i + 1] in _determiners():
            words, lower = words[i + 2:], lower[i + 2:]
            break
    skip = CONJUNCTIONS | _determiners() | _day_words()
    while len(words) > 1 and lower[0] in skip:
        words, lower = words[1:], lower[1:]
    # a possessive whose possessor (a place) the title resolver took out: "Director of 's Amnesty"
    kept = [w for i, w in enumerate(words) if not (lower[i] in ("'s", "’s")
                                                    and (i == 0 or lower[i - 1] in ROLE_PREPOSITIONS))]
    return " ".join(kept)


@lru_cache(maxsize=1)
def _determiners() -> frozenset[str]:
    return frozenset(w for w in _json_data("parley.data.actors", "modifiers.json")["determiners"]
                     if " " not in w)


@lru_cache(maxsize=1)
def _day_words() -> frozenset[str]:
    lexicon = _json_data("parley.data", "timex_lexicon.json")
    return frozenset(w for w in [*lexicon["weekdays"], *lexicon["deictic_days"]] if " " not in w)


def _json_data(package: str, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))
    return data


def _head_sector(title: TitleInfo) -> str:
    """The title's first sector, but the one its role's head word gives when the title only has
    the civilian sector CVL, which a place word of the role's object gives ("the mayor of Davao
    City": GOV of "mayor", not CVL of "city"). A head modified by "former" and the like keeps
    the title's sector."""
    role = [normalize_name(w) for w in (title.role or "").split()]
    former = set(_json_data("parley.data.actors", "modifiers.json")["former"])
    head_codes = load_knowledge().sectors.get(_role_head(title.role or ""), ())
    if not head_codes or former & set(role) or set(title.sectors) != {"CVL"}:
        return title.sectors[0]
    return head_codes[0]


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
    parser.add_argument("--explain", action="store_true",
                        help="print each refused title, its reason and its sentence to stderr")
    args = parser.parse_args()
    global EXPLAIN
    EXPLAIN = args.explain
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
