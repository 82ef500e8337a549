"""Indirect speech from the dependency parse: X said that ..., X called for ..., according to X, ...

A cue verb's content is its clausal complement (`ccomp`), or for verbs of stance its object
("criticized the decision"), or the object of its particle ("called for a ceasefire"). The
speaker is the verb's subject, possibly borrowed from the clause it hangs on.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from itertools import accumulate

from spacy.tokens import Doc, Token

from parley.quotes.grammar import (
    Finding,
    char_range,
    finding,
    is_verb,
    may_speak,
    sentence_of,
    speaker_of,
    text_of,
)
from parley.quotes.lexicon import CueLexicon, cue_lexicon

CLAUSE_LABELS = frozenset({"ccomp"})
# "vowed to fight", "wants to negotiate": an infinitive is the content of intent and promise verbs.
INFINITIVE_LABELS = frozenset({"xcomp"})
OBJECT_LABELS = frozenset({"dobj"})
# What ends an object's content on the verb's right: a comma, a new clause, a conjoined verb.
# Relative pronouns by tag: 'the agreement, according to which ...'.
RELATIVE_TAGS = frozenset({"WDT", "WP"})
OBJECT_STOPS = frozenset({"punct", "cc", "conj", "parataxis", "advcl"})


def clause_findings(doc: Doc, quoted: list[tuple[int, int]]) -> Iterator[Finding]:
    """Every cue verb with a clause, object or particle content, and every 'according to X'.

    Cues inside quotation marks are skipped: what a speaker says they think is part of the quote.
    """
    lexicon = cue_lexicon()
    phrase_starts = {phrase[0] for phrase in lexicon.according}
    inside = _within(quoted)
    for token in doc:
        if inside(token.idx):
            continue
        if token.lower_ in phrase_starts:
            found = _according(doc, token, lexicon)
            if found is not None:
                yield found
                continue
        if not is_verb(token):
            continue
        found = _verb_finding(doc, token, lexicon)
        if found is not None:
            yield found


def _within(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset falls inside any of the (start, end) spans, by bisection
    (the spans may overlap: each start keeps the furthest end reached so far)."""
    ordered = sorted(spans)
    starts = [start for start, _ in ordered]
    reach = list(accumulate((end for _, end in ordered), max))

    def inside(offset: int) -> bool:
        position = bisect_right(starts, offset) - 1
        return position >= 0 and offset < reach[position]

    return inside


def _verb_finding(doc: Doc, verb: Token, lexicon: CueLexicon) -> Finding | None:
    lemma = verb.lemma_.lower()
    content: list[Token] | None = None
    cue_end = verb
    if lexicon.is_clause_cue(lemma):
        content = _clause_content(verb) or _parenthetical_content(verb)
    clause = content is not None
    if content is None and lemma in lexicon.infinitives:
        content = _infinitive_content(verb, lemma in lexicon.deeds)
    if content is None and lemma in lexicon.objects:
        content = _object_content(verb)
    if content is None and lemma in lexicon.particles:
        particle = _particle(verb, lexicon.particles[lemma])
        if particle is not None:
            content = _subtree_of_objects(particle, particle.lower_ in lexicon.deed_particles.get(lemma, ()))
            content = _with_infinitive(verb, content)
            cue_end = particle
    if not content:
        return None
    if verb.tag_ == "VB" and verb.dep_ not in ("xcomp", "conj") and not any(
            c.dep_ in ("nsubj", "nsubjpass") or c.tag_ == "MD" or c.lower_ == "to" for c in verb.children):
        return None  # an order or a title ('Just don't tell anyone'), no one's statement
    content = _whole_content(verb, content)
    start, end = _within_paragraph(text_of(doc), char_range(content), verb.idx)
    speaker = speaker_of(verb, (start, end))
    if not clause and (speaker is None or not may_speak(speaker)):
        # a stance held by no one ('priests are expected to notify ...') or by a thing ('a
        # referendum seeking to create ...', 'evidence supported his murder'): no statement
        return None
    return finding(doc, start, end, "indirect", (verb.idx, cue_end.idx + len(cue_end)), speaker)


def _whole_content(verb: Token, content: list[Token]) -> list[Token]:
    """Content that the parse cut short at its start, made whole: a relative clause with the
    noun it describes ('fighters which, the statement said, nations refused to take back'), a
    clause that the parse opened inside a parenthesis ('hundreds of ISIS (Islamic State) fighters
    escaped': from the word after the cue on)."""
    doc, first = verb.doc, content[0]
    if first.tag_ in RELATIVE_TAGS:
        clause = next((t for t in (first, *first.ancestors) if t.dep_ == "relcl"), None)
        if clause is not None and clause.head.i < first.i:
            return list(doc[clause.head.left_edge.i : content[-1].i + 1])
    words = [t.text for t in content]
    if words.count(")") > words.count("(") and first.i > verb.i:
        return list(doc[verb.i + 1 : content[-1].i + 1])
    return content


def _within_paragraph(text: str, span: tuple[int, int], anchor: int) -> tuple[int, int]:
    """Content clipped to the cue's paragraph: a parse running over a line break is wrong."""
    start = max(span[0], text.rfind("\n", 0, anchor) + 1)
    end = text.find("\n", anchor)
    return start, min(span[1], end if end >= 0 else len(text))


def _clause_content(verb: Token) -> list[Token] | None:
    for child in verb.children:
        if child.dep_ in CLAUSE_LABELS:
            return list(child.subtree)
    return None


def _infinitive_content(verb: Token, deed: bool = False) -> list[Token] | None:
    """ "vowed to fight": the infinitive; after a verb of deeds ("refused to sign", "agreed to
    resume talks") only an infinitive that is itself a saying or a stance ("declined to comment",
    "refused to endorse"): indirect speech needs something said or meant, not a deed."""
    for child in verb.children:
        if child.dep_ in INFINITIVE_LABELS and child.i > verb.i and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            if _anonymity(child):
                return None  # "asked not to be named": how the source is cited, not what it said
            if deed and not _said(child):
                return None
            return list(child.subtree)
    return None


def _said(verb: Token) -> bool:
    """Whether a verb is itself one of saying, thinking or stance (a cue of the lexicon)."""
    lexicon = cue_lexicon()
    lemma = verb.lemma_.lower()
    return lemma not in lexicon.deeds and lemma not in lexicon.deed_particles and (
        lexicon.is_clause_cue(lemma) or lemma in lexicon.objects or lemma in lexicon.particles)


def _anonymity(verb: Token) -> bool:
    """'not to be named', 'not to be identified': a source's condition of anonymity."""
    return verb.lemma_.lower() in cue_lexicon().anonymity_verbs and any(
        c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "neg" for c in verb.children)


def _parenthetical_content(verb: Token) -> list[Token] | None:
    """'Many closures, he said, involved ...': the clause the cue interrupts, less the cue."""
    if verb.dep_ != "parataxis" or verb.head.i == verb.i:
        return None
    inserted = {t.i for t in verb.subtree}
    tokens = [t for t in verb.head.subtree if t.i not in inserted]
    return tokens or None


def _object_content(verb: Token) -> list[Token] | None:
    """The object and what the clause goes on to say about it, up to a new clause or a comma."""
    objects = [c for c in verb.children if c.dep_ in OBJECT_LABELS]
    if not objects:
        return None
    if objects[0].tag_ in RELATIVE_TAGS and not any(
            c.i > verb.i and c.dep_ in ("prep", "oprd", "xcomp") for c in verb.children):
        return None  # ('a plan which they rejected': no more is said than that; but 'which the
        # BBC describes as "..."' says what of the noun before it)
    last = objects[0]
    for child in verb.rights:
        if child.i < objects[0].i:
            continue
        if child.dep_ in OBJECT_STOPS:
            break
        last = child
    content = list(verb.doc[objects[0].left_edge.i : last.right_edge.i + 1])
    if all(t.pos_ == "PRON" or t.is_punct or t.is_space for t in content):
        return None  # "welcomed her": a pronoun says nothing that was said or meant
    if objects[0].lemma_.lower() in cue_lexicon().anonymity_nouns and len(content) == 1:
        return None  # "requesting anonymity": the source's condition, nothing said
    return content


def _particle(verb: Token, allowed: frozenset[str]) -> Token | None:
    for child in verb.children:
        if child.lower_ in allowed and child.dep_ in ("prep", "prt", "dative") and child.i > verb.i:
            return child
    return None


def _with_infinitive(verb: Token, content: list[Token] | None) -> list[Token] | None:
    """ "called on President Obama to retaliate against Russia": who is called on and what they
    are asked to do, when the parser hangs the infinitive on the cue verb after the object."""
    if not content:
        return content
    last = max(t.i for t in content)
    for child in verb.children:
        if child.dep_ in INFINITIVE_LABELS and child.i == last + 2 and verb.doc[last + 1].lower_ == "to" \
                and any(c.dep_ == "aux" and c.i == last + 1 for c in child.children):
            return list(verb.doc[min(t.i for t in content) : child.right_edge.i + 1])
    return content


def _subtree_of_objects(particle: Token, deed: bool = False) -> list[Token] | None:
    """The particle's object ("called for a ceasefire"); after a particle of deeds only a clause
    ("agreed on who is a terrorist", not "agreed on a budget": a thing agreed, nothing said)."""
    if particle.dep_ == "prt":
        objects = [] if deed else [c for c in particle.head.children if c.dep_ == "dobj"]
    else:
        labels = ("pcomp",) if deed else ("pobj", "pcomp")
        objects = [c for c in particle.children if c.dep_ in labels]
    if not objects:
        return None
    return list(objects[0].subtree)


def _according(doc: Doc, token: Token, lexicon: CueLexicon) -> Finding | None:
    """'according to X, CONTENT' or 'CONTENT, according to X': X speaks the rest of the clause."""
    for phrase in lexicon.according:
        words = doc[token.i : token.i + len(phrase)]
        if len(words) == len(phrase) and tuple(t.lower_ for t in words) == phrase:
            last = words[-1]
            sources = [c for c in last.children if c.dep_ == "pobj"]
            if not sources:
                return None
            source = sources[0]
            return _according_content(doc, token, source, (words.start_char, words.end_char))
    return None


def _according_content(doc: Doc, cue: Token, source: Token, cue_span: tuple[int, int]) -> Finding | None:
    """The clause the phrase modifies: the rest of a sentence it opens; else the words before
    it, unless the parse hangs it on a clause after it ('On Sunday in Lima, according to
    witnesses, a man ...': that clause, or the whole sentence when it goes on from the words
    before: '... attacked him, then, according to officials, fled'). 'according to which'
    speaks for the noun the relative clause describes, with the rest of that clause."""
    sentence = sentence_of(cue)
    phrase_end = max(t.i for t in source.subtree) + 1
    if source.tag_ in RELATIVE_TAGS:
        clause = next((t for t in cue.ancestors if t.dep_ == "relcl"), None)
        if clause is None:
            return None
        tokens = [t for t in clause.subtree if t.i >= phrase_end]
        source = clause.head
    elif cue.i - sentence.start <= 1:
        tokens = list(doc[phrase_end : sentence.end])
    elif cue.head.i >= phrase_end and cue.head.i < sentence.end:
        before = doc[sentence.start : cue.i]
        opening = 0 if any(is_verb(t) for t in before) else phrase_end - sentence.start
        tokens = list(doc[sentence.start + opening : sentence.end])
    else:
        tokens = list(doc[sentence.start : cue.i])
    if not tokens:
        return None
    start, end = _within_paragraph(text_of(doc), char_range(tokens), cue.idx)
    return finding(doc, start, end, "indirect", cue_span, source)
