"""People within one article: name variants, surname-only, title-only and pronoun mentions.

Two PERSON mentions are one person when they share a surname and their given names agree
(one is a prefix of the other, or they are spelling variants: Masoud / Masood); a surname
alone goes to the person last mentioned with that surname.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy
from rapidfuzz import fuzz
from spacy.attrs import DEP, LOWER  # type: ignore[import-not-found]
from spacy.tokens import Doc, Span, Token

from parley.actors.gender import pronoun_of
from parley.actors.knowledge import load_knowledge, normalize_name
from parley.actors.prefilter import PERSON_PRONOUNS
from parley.actors.titles import TitleInfo, person_title
from parley.datafiles import read_data_json
from parley.nlp import doc_text

# The quote cues: speech verbs, and the titles that stand for a person ("the official said").
QUOTE_CUES = "quote_cues.json"
# Given names this similar (0-100) are spellings of one name ("Masoud" / "Masood").
GIVEN_NAME_SIMILARITY = 75
# Pronouns resolved to the last person mentioned, at most this many sentences back.
PRONOUN_SENTENCE_WINDOW = 2
_QUOTED = re.compile(r'"[^"\n]{1,1500}"|“[^”\n]{1,1500}”')
_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "sheikh", "prof"}
# The Arabic article joined to a surname, which articles keep or drop ("al-Hakim", "Hakim").
_SURNAME_ARTICLES = ("al-", "el-")
# Dependency labels of a subject pronoun that stands for a person ("he said").
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Prepositions that name the medium of an act ("wrote on Twitter", "via Telegram").
_CHANNEL_PREPOSITIONS = frozenset({"on", "via"})


@dataclass
class Person:
    """A person being assembled from the mentions of one article."""

    names: list[str]
    mentions: list[tuple[int, int]]
    titles: list[TitleInfo] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The fullest form of the name: most words, first seen among equals."""
        return max(self.names, key=lambda n: (len(n.split()), -self.names.index(n)))

    @property
    def surname(self) -> str:
        return _tokens(self.name)[-1]

    @property
    def title(self) -> TitleInfo | None:
        with_role = [t for t in self.titles if t.role]
        return with_role[0] if with_role else (self.titles[0] if self.titles else None)


def collect_people(doc: Doc, date: str | None = None) -> list[Person]:
    """Every person of the article with all the mentions that refer to them."""
    people: list[Person] = []
    for span in _full_names_first(person_spans(doc)):
        _add_mention(people, span, date)
    _add_surname_mentions(doc, people)
    _add_title_mentions(doc, people, date)
    _add_pronoun_mentions(doc, people)
    for person in people:
        person.mentions.sort()
    return people


def person_spans(doc: Doc) -> list[Span]:
    """PERSON entities, plus other entities whose text is a PERSON's surname ("Trump" as ORG)."""
    persons = [span for e in _joined_names(doc) if not is_country_name(e.text)
               if (span := clean_person_span(e)) is not None]
    persons = _without_channels(persons)
    surnames = {bare_surname(_tokens(p.text)[-1]) for p in persons if len(_tokens(p.text)) > 1}
    # a family name written first ("Kim Jong Un" ... "Kim", "Wang Yi" ... "Wang")
    surnames |= {_tokens(p.text)[0] for p in persons if len(_tokens(p.text)) > 1}
    others = [e for e in doc.ents if e.label_ in ("ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT",
                                                  "WORK_OF_ART", "EVENT")
              and bare_surname(normalize_name(e.text)) in surnames]
    return persons + others


def _without_channels(spans: list[Span]) -> list[Span]:
    """Without a one-word "name" that is only ever the channel of an act ("said on Twitter",
    "told the public via Telegram"): a medium the tagger took for a person, not a person."""
    surnames = {_tokens(s.text)[-1] for s in spans if len(_tokens(s.text)) > 1}
    by_word: dict[str, list[Span]] = {}
    for span in spans:
        if len(span) == 1:
            by_word.setdefault(span.text.lower(), []).append(span)
    channels = {word for word, found in by_word.items()
                if word not in surnames and all(_is_channel(s.root) for s in found)}
    return [s for s in spans if not (len(s) == 1 and s.text.lower() in channels)]


def _is_channel(token: Token) -> bool:
    """ "wrote on X", "posted a message on X", "Trump on X defended ...": the object of "on" or
    "via" hung on a verb, on a singular thing a verb acts on, or on the speaker."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in _CHANNEL_PREPOSITIONS:
        return False
    head = prep.head
    return head.pos_ in ("VERB", "PROPN") or (head.tag_ == "NN" and head.head.pos_ == "VERB")


def _joined_names(doc: Doc) -> list[Span]:
    """PERSON entities, one where the tagger split a long name in two with nothing between
    ("Omar Hassan" + "Ahmad Bashir", "Tomas Quispe" + "Mamani")."""
    joined: list[Span] = []
    for ent in (e for e in doc.ents if e.label_ == "PERSON"):
        if joined and joined[-1].end == ent.start:
            joined[-1] = doc[joined[-1].start:ent.end]
        else:
            joined.append(ent)
    return joined


def is_country_name(text: str) -> bool:
    """True when an entity's whole text is a country's name ("Mali" tagged PERSON by the
    statistical model): a place, whatever the tagger says."""
    place = load_knowledge().places.get(normalize_name(text.strip()))
    return place is not None and place.kind == "name"


def clean_person_span(span: Span) -> Span | None:
    """The span without honorifics, a possessive or trailing punctuation; None if nothing is left."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_.rstrip(".") in _HONORIFICS or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].lower_ in ("'s", "’s", "'") or span.doc[end - 1].is_punct):
        end -= 1
    if start == end or not any(t.is_alpha for t in span.doc[start:end]):
        return None
    return span.doc[start:end]


def _full_names_first(spans: list[Span]) -> list[Span]:
    """Multi-word names in text order, then single words in text order: variants find their owner."""
    full = sorted((s for s in spans if len(_tokens(s.text)) > 1), key=lambda s: s.start)
    single = sorted((s for s in spans if len(_tokens(s.text)) <= 1), key=lambda s: s.start)
    return full + single


def _add_mention(people: list[Person], span: Span, date: str | None) -> None:
    text = span.text
    owner = _find_owner(people, _tokens(text), span.start_char)
    title = person_title(span, date)
    if owner is not None and title is not None and len(_tokens(text)) == 1 and not _same_role(
            owner.title, title):
        owner = None  # "Senator Ann Smith ... Governor Smith": the titled surname is someone else
    if owner is None:
        owner = Person(names=[text], mentions=[])
        people.append(owner)
    elif text not in owner.names:
        owner.names.append(text)
    owner.mentions.append((span.start_char, span.end_char))
    owner.sentences.append(_sentence_index(span.doc, span.start))
    if title is not None:
        owner.titles.append(title)


def _same_role(known: TitleInfo | None, new: TitleInfo) -> bool:
    """True unless both titles state roles and neither role's words contain the other's."""
    if known is None or not known.role or not new.role:
        return True
    a, b = set(normalize_name(known.role).split()), set(normalize_name(new.role).split())
    return a <= b or b <= a


def _find_owner(people: list[Person], tokens: list[str], position: int) -> Person | None:
    if not tokens:
        return None
    candidates = [p for p in people if _same_person(tokens, _tokens(p.name))]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    # several people share the surname ("Donald Trump", "Melania Trump"): a lone surname is
    # the one with a title, else the one the article introduced first (its main subject)
    titled = [p for p in candidates if p.title is not None and p.title.role]
    if len(titled) == 1:
        return titled[0]
    return min(candidates, key=lambda p: min((s for s, _ in p.mentions), default=position))


def bare_surname(word: str) -> str:
    """A surname without the Arabic article joined to it: "al-hakim" -> "hakim"."""
    for article in _SURNAME_ARTICLES:
        if word.startswith(article) and len(word) > len(article) + 2:
            return word[len(article):]
    return word


def _same_person(a: list[str], b: list[str]) -> bool:
    if bare_surname(a[-1]) != bare_surname(b[-1]):
        # a lone family name written first in the full name ("Kim" of "Kim Jong Un")
        return (len(a) == 1 and len(b) > 1 and a[0] == b[0]) or (len(b) == 1 and len(a) > 1 and b[0] == a[0])
    if len(a) == 1 or len(b) == 1:
        return True
    given_a, given_b = a[0], b[0]
    if given_a == given_b or (len(given_a) == 1 and given_b.startswith(given_a)) or (
            len(given_b) == 1 and given_a.startswith(given_b)):
        return True
    return fuzz.ratio(given_a, given_b) >= GIVEN_NAME_SIMILARITY


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", normalize_name(text)) if t]


def _sentence_index(doc: Doc, token_index: int) -> int:
    return int(doc[token_index].sent.start)


def _add_surname_mentions(doc: Doc, people: list[Person]) -> None:
    """A known surname the entity recogniser missed ("President Rahimi articulated ...")."""
    by_surname: dict[str, list[Person]] = {}
    for person in people:
        if len(_tokens(person.name)) > 1:
            by_surname.setdefault(bare_surname(person.surname), []).append(person)
    if not by_surname:
        return
    taken = [m for p in people for m in p.mentions]
    for i in _words_where(doc, lambda lower: bare_surname(lower) in by_surname):
        token = doc[i]
        owners = by_surname.get(bare_surname(token.lower_))
        if not owners or len(owners) > 1 or not token.is_title or token.ent_type_ == "PERSON":
            continue
        span = (token.idx, token.idx + len(token.text))
        if not any(s < span[1] and span[0] < e for s, e in taken):
            owners[0].mentions.append(span)


def _words_where(doc: Doc, keep: Callable[[str], bool], deps: frozenset[str] | None = None) -> list[int]:
    """The indices, in order, of the tokens whose lower-case form `keep` accepts (and whose
    dependency label is one of `deps`, if given): `keep` is asked once per distinct word of the
    document, and no Token object is made for the others (labels are compared by the store's
    key: spaCy's symbol id for "nsubj", not its hash)."""
    if not len(doc):
        return []
    array = doc.to_array([LOWER, DEP])
    strings = doc.vocab.strings
    words = [h for h in numpy.unique(array[:, 0]).tolist() if keep(strings[h])]
    mask = numpy.isin(array[:, 0], numpy.array(words, dtype="uint64"))
    if deps is not None:
        mask &= numpy.isin(array[:, 1], numpy.array([strings[d] for d in deps], dtype="uint64"))
    return [int(i) for i in numpy.flatnonzero(mask)]


def _add_title_mentions(doc: Doc, people: list[Person], date: str | None) -> None:
    """ "the minister", "the US secretary of state": a role phrase standing for a person."""
    taken = {(s, e) for p in people for s, e in p.mentions}
    for chunk in doc.noun_chunks:
        if chunk[0].lower_ != "the" or any(t.ent_type_ == "PERSON" for t in chunk):
            continue
        if any(s < chunk.end_char and chunk.start_char < e for s, e in taken):
            continue
        person = _person_with_role(people, chunk, date)
        if person is not None:
            person.mentions.append((chunk.start_char, chunk.end_char))


def _person_with_role(people: list[Person], chunk: Span, date: str | None) -> Person | None:
    from parley.actors.resolve import resolve_actor_text

    match = resolve_actor_text(chunk.text, date)
    if match is None or match.role is None or match.kind != "role":
        return None
    role_words = set(match.role.split())
    fitting = [p for p in people if p.title and p.title.role and role_words <= set(
        normalize_name(p.title.role).split()) and (match.country in (None, p.title.country))
        and min(s for s, _ in p.mentions) < chunk.start_char]
    return fitting[-1] if len(fitting) == 1 else None


def _add_pronoun_mentions(doc: Doc, people: list[Person]) -> None:
    """ "he said", "she noted": a subject pronoun goes to the person last named before it.

    Pronouns inside quotation marks speak of someone else, and so do names inside them; a
    person referred to as "she" is not later "he" (and the reverse).
    """
    if not people:
        return
    quoted = quoted_spans(doc_text(doc))
    # what a person's name tells ("Ana Ruiz" is a "she"), then what the text calls them
    gender = {id(person): told for person in people if (told := pronoun_of(person.name)) is not None}
    for i in _words_where(doc, PERSON_PRONOUNS.__contains__, _SUBJECT_DEPS):
        token = doc[i]
        if any(s <= token.idx < e for s, e in quoted):
            continue
        person = _last_person_before(doc, people, token, gender, token.lower_, quoted)
        if person is not None:
            gender[id(person)] = token.lower_
            person.mentions.append((token.idx, token.idx + len(token)))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks (straight or curly)."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def _last_person_before(doc: Doc, people: list[Person], token: Token, gender: dict[int, str],
                        pronoun: str, quoted: list[tuple[int, int]]) -> Person | None:
    """In the nearest sentence (of the window) that names someone before the pronoun: the
    person who is its subject ("Ruiz said. He also offered to invite Mora. He added":
    both pronouns are Ruiz's), else the last person it names. A person named inside
    quotation marks is talked about there, not the one a pronoun outside them stands for."""
    window_start = _sentence_start_before(doc, token, PRONOUN_SENTENCE_WINDOW)
    speaking = _is_speech(token.head)
    speaker = _last_speaker(doc, token, window_start, quoted) if speaking else None
    by_sentence: dict[int, list[tuple[int, bool, Person]]] = {}
    for person in people:
        if gender.get(id(person), pronoun) != pronoun:
            continue
        for start, end in person.mentions:
            if window_start <= start < token.idx and not any(s <= start < e for s, e in quoted):
                span = doc.char_span(start, end, alignment_mode="expand")
                if speaking and span is not None and is_listener(span.root):
                    continue  # "Speaking to Ana Ruiz of PBS, he said": she listened
                key = span.sent.start if span is not None else start
                by_sentence.setdefault(key, []).append((start, _is_subject(span), person))
    if speaker is not None and (not by_sentence or speaker.sent.start >= max(by_sentence)):
        # "Ruiz said that Brown misled them. '...,' she said": a speaking pronoun goes on
        # with the one who spoke last, not with the one named last; "The official added
        # ... '...,' he said": with no person at all when that one has no name
        return _person_at(people, speaker, gender, pronoun)
    if not by_sentence:
        return None
    nearest = sorted(by_sentence[max(by_sentence)], key=lambda item: item[0])
    subjects = [person for _, is_subject, person in nearest if is_subject]
    return subjects[-1] if subjects else nearest[-1][2]


def _is_speech(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _speech_lemmas()


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    return frozenset(read_data_json(QUOTE_CUES)["speech_verbs"])


@lru_cache(maxsize=1)
def _statement_lemmas() -> frozenset[str]:
    """Verbs that make a statement: speech, and stance on an object ('called it a sham')."""
    cues = read_data_json(QUOTE_CUES)
    return frozenset(cues["speech_verbs"]) | frozenset(cues["object_verbs"])


@lru_cache(maxsize=1)
def _speaker_titles() -> frozenset[str]:
    return frozenset(read_data_json(QUOTE_CUES)["titles"])


def _last_speaker(doc: Doc, pronoun: Token, window_start: int,
                  quoted: list[tuple[int, int]]) -> Token | None:
    """The subject of the last speech verb before a pronoun that speaks (in the window,
    outside quotation marks): a person's name, a pronoun, or a title ("the official")."""
    for verb in reversed(doc[: pronoun.i]):
        if verb.idx < window_start:
            return None
        if verb.i == pronoun.head.i or verb.pos_ not in ("VERB", "AUX") or \
                verb.lemma_.lower() not in _statement_lemmas() or any(s <= verb.idx < e for s, e in quoted):
            continue
        subjects = _subjects(verb)
        if subjects and (subjects[0].ent_type_ == "PERSON" or subjects[0].lower_ in PERSON_PRONOUNS
                         or subjects[0].lower_ in _speaker_titles() or (
                             subjects[0].pos_ == "PROPN" and subjects[0].ent_type_ in ("", "ORG"))):
            return subjects[0]  # (a name the recogniser missed: "Ana Ruiz said")
    return None


def _subjects(verb: Token) -> list[Token]:
    """A speech verb's subject before it, or the one of the clause it hangs on ('Ruiz
    questioned the findings, saying ...')."""
    for _ in range(3):
        found = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if found or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
            return found
        verb = verb.head
    return []


def is_listener(token: Token) -> bool:
    """Whether a mention is who was spoken to: 'speaking to X', 'told X', 'in an interview
    with X'."""
    head = token.head
    if token.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell":
        return True
    if token.dep_ != "pobj" or head.lower_ not in ("to", "with"):
        return False
    verb = head.head
    return verb.lemma_.lower() in _speech_lemmas() | _speaking_lemmas() or verb.lower_ == "interview"


@lru_cache(maxsize=1)
def _speaking_lemmas() -> frozenset[str]:
    return frozenset(read_data_json(QUOTE_CUES)["speaking_verbs"])


def _person_at(people: list[Person], token: Token, gender: dict[int, str],
               pronoun: str) -> Person | None:
    """The person one of whose mentions holds the token, if the pronoun may stand for them."""
    for person in people:
        if gender.get(id(person), pronoun) == pronoun and any(
                s <= token.idx < e for s, e in person.mentions):
            return person
    return None


def _is_subject(span: Span | None) -> bool:
    """True when the mention is the subject of its clause."""
    if span is None:
        return False
    return any(t.dep_ in ("nsubj", "nsubjpass") and not (span.start <= t.head.i < span.end)
               for t in span)


def _sentence_start_before(doc: Doc, token: Token, sentences: int) -> int:
    sent = token.sent
    for _ in range(sentences):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    return int(sent.start_char)

