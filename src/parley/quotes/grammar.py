"""What the quote finders share: the record of one finding and the speaker of a cue verb."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from parley.actors.knowledge import load_knowledge
from parley.actors.resolve import resolve_actor_text
from parley.datafiles import read_data_json
from parley.models import QuoteKind
from parley.nlp import doc_text
from parley.quotes.lexicon import cue_lexicon

SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
# Clauses that borrow their subject from the verb they hang on ("..., adding that ...").
SUBJECT_LENDERS = frozenset({"xcomp", "conj", "advcl", "pcomp", "pobj", "prep"})
# How many clause links to climb to find a borrowed subject.
MAX_SUBJECT_CLIMB = 3
SPEAKER_ENTITY_TYPES = frozenset({"PERSON", "ORG"})
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "who"})
TRAILING = " \t\n,;:—–-―"
# Named entities that can make a statement; and the endings of English nouns of doers
# ('analyst', 'critic', 'observer', 'resident', 'representative'), by derivational morphology.
SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
SPEAKER_NOUNS_FILE = "quote_speaker_nouns.json"
DOER_ENDINGS = ("ist", "er", "or", "ian", "ant", "ent", "ic", "ive")
# How many punctuation marks may stand between indirect speech and the mark closing its last
# quoted words ('for "years."').
TAIL_PUNCTUATION_REACH = 2


@dataclass(frozen=True)
class DocIndex:
    """What spaCy recomputes on every access (text, entities, sentences), computed once."""

    text: str
    ents: tuple[Span, ...]
    sentences: tuple[Span, ...]
    sentence_of: tuple[int, ...]  # token index -> index into sentences


@lru_cache(maxsize=4)
def doc_index(doc: Doc) -> DocIndex:
    """The index of a parsed document; cached for the few documents being worked on."""
    sentences = tuple(doc.sents)
    sentence_of = [0] * len(doc)
    for number, sentence in enumerate(sentences):
        for i in range(sentence.start, sentence.end):
            sentence_of[i] = number
    return DocIndex(doc_text(doc), tuple(doc.ents), sentences, tuple(sentence_of))


def text_of(doc: Doc) -> str:
    return doc_index(doc).text


def entities(doc: Doc) -> tuple[Span, ...]:
    return doc_index(doc).ents


def sentence_of(token: Token) -> Span:
    index = doc_index(token.doc)
    return index.sentences[index.sentence_of[token.i]]


@dataclass(frozen=True)
class Finding:
    """One attributed statement before it becomes a Quote: content, cue and speaker head."""

    start: int
    end: int
    kind: QuoteKind
    cue_start: int | None
    cue_end: int | None
    speaker: Token | None
    # a quote standing alone that takes the cue of the statement before it ('She criticized
    # the plan. "..."'): that statement is still reported on its own
    borrowed_cue: bool = False

    @property
    def cue(self) -> tuple[int, int] | None:
        if self.cue_start is None or self.cue_end is None:
            return None
        return self.cue_start, self.cue_end


def finding(doc: Doc, start: int, end: int, kind: QuoteKind, cue: tuple[int, int] | None,
            speaker: Token | None) -> Finding | None:
    """A Finding with its content trimmed of edge spaces and separators; None when empty."""
    text = text_of(doc)
    while start < end and text[start] in TRAILING:
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    if end <= start:
        return None
    if kind != "direct":
        end = _close_quoted_tail(text, start, end)
    return Finding(start, end, kind, cue[0] if cue else None, cue[1] if cue else None, speaker)


def _close_quoted_tail(text: str, start: int, end: int) -> int:
    """Indirect speech ending in a quoted word whose closing mark the parse left outside
    ('went on for "years."'): the end moves past that mark, so no quotation mark is left open."""
    content = text[start:end]
    opened = content.count('"') % 2 == 1 or content.count("“") > content.count("”")
    if not opened:
        return end
    stop = end
    while stop < len(text) and stop - end < TAIL_PUNCTUATION_REACH and text[stop] in ".,;:!?…":
        stop += 1
    if stop < len(text) and text[stop] in '"”':
        return stop + 1
    return end


def speaker_of(verb: Token, content: tuple[int, int]) -> Token | None:
    """The speaker of a cue verb: the agent of a passive ('was asked by X'; none without one),
    else its subject, a borrowed subject, or a person named near it."""
    if _is_passive(verb):
        return _agent(verb)
    return subject_of(verb) or nearby_speaker(verb, content)


def subject_of(verb: Token) -> Token | None:
    """A verb's own subject, or the subject of the clause it hangs on."""
    current = verb
    for _ in range(MAX_SUBJECT_CLIMB):
        found = _own_subject(current)
        if found is not None:
            return None if found.dep_ == "expl" else found
        if current.dep_ in ("relcl", "acl"):
            # "the group backing him", "officials who said"; "the council issued a statement
            # calling ...": who issued the document
            return _issuer(current.head) or current.head
        if current.dep_ not in SUBJECT_LENDERS or current.head.i == current.i:
            return None
        current = current.head
    return None


def _issuer(document: Token) -> Token | None:
    """Who issued a document ('the council issued a statement'): the subject of the verb whose
    object it is, when it is a document noun (statement, letter, post, ...)."""
    if document.dep_ != "dobj" or document.lemma_.lower() not in cue_lexicon().source_heads:
        return None
    return next((c for c in document.head.children if c.dep_ == "nsubj"), None)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def nearby_speaker(verb: Token, content: tuple[int, int]) -> Token | None:
    """When the parse gives no subject: the nearest person, group or pronoun before the verb
    in its sentence (outside the content), else the nearest after it."""
    sentence = sentence_of(verb)
    before = [t for t in sentence if t.i < verb.i]
    after = [t for t in sentence if t.i > verb.i]
    for token in [*reversed(before), *after]:
        if content[0] <= token.idx < content[1] or _line_between(token, verb):
            continue
        if token.ent_type_ in SPEAKER_ENTITY_TYPES or token.lower_ in SPEAKER_PRONOUNS:
            return token
    return None


def _own_subject(verb: Token) -> Token | None:
    """The subject nearest the verb on its own side of any line break (a parse may give a
    dateline or a time stamp above the sentence as a second subject)."""
    if _is_passive(verb):
        return _agent(verb)
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and not _line_between(c, verb)]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def _line_between(a: Token, b: Token) -> bool:
    low, high = sorted((a.i, b.i))
    return any("\n" in t.text for t in a.doc[low + 1 : high])


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def char_range(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def members_of(token: Token) -> Token:
    """'One of these groups, the SDF,', 'a number of senators', 'some of the protesters': the
    quantity speaks as the group it is of (a number, a quantifier, or a singular noun with 'a'
    and 'of' before a plural: not a title or a body, 'a spokesman of the party')."""
    named = next((c for c in token.rights if c.dep_ == "appos"), None)
    if named is not None:  # 'one of the lawyers, Ana Ruiz,': the name (a person's found later)
        return named if named.ent_type_ in ("ORG", "NORP") and token.pos_ == "NUM" else token
    of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if group is None or token.ent_type_ in ("PERSON", "ORG") or group.tag_ not in ("NNS", "NNPS"):
        return token
    quantity = token.pos_ in ("NUM", "DET", "PRON") or token.lemma_.lower() in speaker_nouns("quantity_nouns")
    return group if quantity else token


def may_speak(token: Token) -> bool:
    """Whether a subject can hold a stance or make a statement: a name, a pronoun, a body or a
    person called by role ('officials', 'the ministry', 'critics'), a document that speaks for
    its issuer, or a noun whose own modifiers name a country or body ('Muslim-majority
    countries'). Not an event, a thing or an abstraction ('a referendum seeking to ...',
    'slogans supporting ...', 'evidence supported ...')."""
    token = members_of(token)
    if token.pos_ in ("PRON", "PROPN", "DET", "NUM") or token.ent_type_ in SPEAKING_ENTITIES:
        return True  # (and 'each', 'most', 'one' of a group named before)
    if token.is_title and not token.is_sent_start:
        return True  # a name the tagger took for a common noun ('The Latest: Trump urges ...')
    if any(c.dep_ == "appos" and (c.ent_type_ in SPEAKING_ENTITIES or c.pos_ == "PROPN")
           for c in token.children):
        return True  # the speaker named in apposition to a misparsed subject
    if any(c.ent_type_ in SPEAKING_ENTITIES for c in token.lefts
           if c.dep_ in ("amod", "compound", "poss", "nmod")):
        return True
    lexicon = cue_lexicon()
    lemma, word = token.lemma_.lower(), token.lower_
    for words in (lexicon.titles, lexicon.agent_titles, lexicon.group_nouns, lexicon.source_heads,
                  lexicon.person_bodies, lexicon.person_pronouns):
        if lemma in words or word in words:
            return True
    if lemma in actor_heads() or word in actor_heads() or lemma in speaker_nouns("person_nouns"):
        return True
    if resolve_actor_text(word) is not None or resolve_actor_text(lemma) is not None:
        return True
    return lemma.endswith(DOER_ENDINGS)


@lru_cache(maxsize=2)
def speaker_nouns(kind: str) -> frozenset[str]:
    """Nouns of data/quote_speaker_nouns.json: 'person_nouns' for people and parties beyond
    the actor tables ('side', 'witness'), 'quantity_nouns' for amounts ('a number of')."""
    words: list[str] = read_data_json(SPEAKER_NOUNS_FILE)[kind]
    return frozenset(words)


@lru_cache(maxsize=1)
def actor_heads() -> frozenset[str]:
    """The head nouns of the actor tables' sector patterns ('election commission', 'customs
    official', 'security council'): the words that name a kind of actor."""
    return frozenset(pattern.split()[-1] for pattern in load_knowledge().sectors if pattern.split())
