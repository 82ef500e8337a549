"""Titles and appositions that say who a person is.

    "Iranian Foreign Minister Omar Haddad"        -> Foreign Minister, IRN, GOV
    "Pakistan's army chief General Karl Weiss"       -> Army Chief General, PAK, MIL
    "Anna Berg, Pakistan's foreign minister, said"   -> Foreign Minister, PAK, GOV
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from parley.actors.knowledge import load_knowledge, normalize_name
from parley.actors.resolve import resolve_actor_text

# A title before a name is at most this many tokens ("Deputy Prime Minister and Foreign Minister").
MAX_TITLE_TOKENS = 10
# An apposition after a name is at most this many tokens ("Pakistan's foreign minister").
MAX_APPOSITION_TOKENS = 12
# Entity labels whose words may sit inside a title ("Iranian", "Pakistan's", "White House").
_TITLE_ENT_LABELS = {"NORP", "GPE", "ORG", "FAC"}
_JOINERS = {"and", "of", "for", "'s", "’s", "to", "the", "-", "&"}


@dataclass(frozen=True)
class TitleInfo:
    """What a title or apposition says about a person, and where it is."""

    role: str | None
    country: str | None
    sectors: tuple[str, ...]
    start: int
    end: int


def person_title(span: Span, date: str | None = None) -> TitleInfo | None:
    """The title in front of a PERSON span, else its apposition, resolved to role and country."""
    title = _preceding_title(span, date) or _apposition(span, date) or _left_apposition(span, date) \
        or _relative_title(span, date)
    if title is not None and title.country is None and not _constituency(title):
        country = _of_country(span)  # "King Hassan of Morocco"
        if country is not None:
            return TitleInfo(title.role, country, title.sectors, title.start, title.end)
    return title


def _constituency(title: TitleInfo) -> bool:
    """True for a legislator's or a member's title: "Representative Ana Mora of Georgia" names
    the seat she holds (a US state that shares a country's name), not her nationality."""
    return not title.sectors or title.sectors[0] in ("LEG", "UNK")


def _of_country(span: Span) -> str | None:
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "of" or doc[span.end + 1].ent_type_ != "GPE":
        return None
    place = load_knowledge().places.get(normalize_name(doc[span.end + 1].text))
    return place.iso3 if place is not None and place.kind in ("name", "demonym") else None


def _preceding_title(span: Span, date: str | None) -> TitleInfo | None:
    doc = span.doc
    first = span.start
    i = span.start - 1
    while i >= span.sent.start and span.start - i <= MAX_TITLE_TOKENS and _title_token(doc[i]):
        first = i
        i -= 1
    while first < span.start and doc[first].lower_ in _JOINERS:
        first += 1
    if first == span.start:
        return None
    return _resolve(doc, first, span.start, date)


def _title_token(token: Token) -> bool:
    if (token.is_punct and token.text not in ("-", ".")) or token.ent_type_ == "PERSON":
        return False
    if token.ent_type_ in _TITLE_ENT_LABELS:
        return True
    if token.lower_ in _JOINERS:
        return True
    if token.is_title or token.is_upper:
        return token.pos_ in ("PROPN", "NOUN", "ADJ")
    # lower-case role words inside a title: "army chief", "foreign minister"
    return token.pos_ in ("NOUN", "ADJ") and _is_role_word(token.lower_)


def _is_role_word(word: str) -> bool:
    vocabulary = _role_vocabulary()
    return word in vocabulary or (word.endswith("s") and word[:-1] in vocabulary)


@lru_cache(maxsize=1)
def _role_vocabulary() -> frozenset[str]:
    """Every word that appears in a role pattern ("army", "chief", "minister", ...)."""
    return frozenset(word for pattern in load_knowledge().sectors for word in pattern.split())


def _apposition(span: Span, date: str | None) -> TitleInfo | None:
    """ "Name, <role phrase>," : the words between the commas after the name."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None
    start = span.end + 1
    end = start
    limit = min(span.sent.end, start + MAX_APPOSITION_TOKENS)
    while end < limit and doc[end].text not in (",", ";", "(", ")"):
        end += 1
    if end == start or (end < len(doc) and doc[end].text not in (",", ".", ";") and end != span.sent.end):
        return None
    # a participle that modifies the role noun is no verb of the sentence ("Peru's leading
    # activist", "the exiled opposition leader")
    if any((t.pos_ in ("VERB", "AUX") and t.dep_ != "amod") or t.ent_type_ == "PERSON"
           for t in doc[start:end]):
        return None
    return _resolve(doc, start, end, date)


def _relative_title(span: Span, date: str | None) -> TitleInfo | None:
    """ "Ana Mora, who was Peru's envoy to ...": the noun a relative "who is/was" clause right
    after the name makes the person; a possessor that is a known office holder places it
    ("who was Boric's envoy": Chile's)."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or doc[span.end + 1].lower_ != "who":
        return None
    verb = doc[span.end + 1].head
    if verb.lemma_ != "be" or verb.dep_ != "relcl":
        return None
    attrs = [c for c in verb.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")]
    if not attrs:
        return None
    attr = attrs[0]
    start = attr.left_edge.i
    title = _resolve(doc, start, attr.i + 1, date)
    if title is None or title.country:
        return title
    for owner in (c for c in attr.children if c.dep_ == "poss" and c.ent_type_ == "PERSON"):
        match = resolve_actor_text(owner.text, date, person=True)
        if match is not None and match.country and match.sectors and match.sectors[0] in ("GOV", "MIL"):
            role = title.role.split("'s ", 1)[-1].strip() if title.role else None
            return TitleInfo(role, match.country, title.sectors, title.start, title.end)
    return title


def _left_apposition(span: Span, date: str | None) -> TitleInfo | None:
    """ "<role phrase>, Name": "Qatar's emir, Sheikh Hamad ...", "France's foreign minister,
    Jean Dupuis, said": the words before the comma that precedes the name (and its honorific),
    from the start of the sentence or a comma, with no verb or other person among them."""
    doc = span.doc
    sent_start = span.sent.start
    i = span.start - 1
    while (i >= sent_start and span.start - i <= MAX_TITLE_TOKENS and doc[i].text != ","
           and _title_token(doc[i])):
        i -= 1
    if i <= sent_start or doc[i].text != ",":
        return None
    end = start = i
    floor = max(sent_start, end - MAX_APPOSITION_TOKENS)
    while start > floor and doc[start - 1].text not in (",", ";", "(", ")"):
        start -= 1
    if start == end or (start > sent_start and doc[start - 1].text not in (",", ";")):
        return None
    if any((t.pos_ in ("VERB", "AUX", "ADP") and t.lower_ != "of") or t.ent_type_ == "PERSON"
           for t in doc[start:end]):
        return None
    if doc[end - 1].tag_ in ("NNS", "NNPS"):  # "The rebels, Jean Dupuis said, ...": not his title
        return None
    after = doc[span.end] if span.end < len(doc) else None
    if not (after is not None and after.text == ",") and not (
            span.root.dep_ == "nsubj" and span.root.head.dep_ == "ROOT"):
        return None  # "The minister, Jean Dupuis said, is tired": an aside, not an apposition
    title = _resolve(doc, start, end, date)
    return title if title is not None and title.country else None


def _resolve(doc: Doc, start: int, end: int, date: str | None) -> TitleInfo | None:
    text = doc[start:end].text
    match = resolve_actor_text(text, date)
    if match is not None and not match.sectors and _international(match.country):
        # "UN Secretary-General António Guterres": the article's own description (an office
        # of an international body) wins over what a dictionary says of the person
        return TitleInfo(role=_role_text(doc[start:end]), country=match.country, sectors=("GOV",),
                         start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1]))
    if match is None or not match.sectors or (match.role is None and match.kind not in ("seat", "known")):
        return None
    return TitleInfo(role=_role_text(doc[start:end]), country=match.country, sectors=match.sectors,
                     start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1]))


def _international(code: str | None) -> bool:
    """A code of an international body (UNO, IGO, EUR, ...): a code, but no country's."""
    from parley.actors.entities import country_name  # entities imports this module

    return code is not None and len(code) == 3 and country_name(code) is None


def _role_text(span: Span) -> str | None:
    """The role words of a title, without the country, possessive or article: "Foreign Minister"."""
    places = load_knowledge().places
    words = [t for t in span if not (t.ent_type_ in ("NORP", "GPE") or normalize_name(t.text) in places)]
    # "then the prime minister", "a peace envoy", "formerly the ...": the role starts at its noun
    while words and (words[0].lower_ in _JOINERS or words[0].is_punct
                     or words[0].pos_ in ("DET", "ADV", "PRON", "ADP")):
        words = words[1:]
    while words and (words[-1].lower_ in _JOINERS or words[-1].is_punct):
        words = words[:-1]
    if not words:
        return None
    return _title_case(" ".join(t.text for t in words))


def _title_case(text: str) -> str:
    small = {"and", "of", "for", "to", "the"}
    return " ".join(w if w in small or not w.islower() else w.capitalize() for w in text.split())
