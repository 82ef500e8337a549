"""The tense of the clause a temporal expression sits in: did it happen, or will it?

"said on Monday" is past (the Monday before the article), "will meet on Friday" and "set to
resume Monday" are future (the Friday after). Read from spaCy's parse: the verb that governs
the expression, its auxiliaries and, for an infinitive, the verb it depends on.
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Doc, Span, Token

from parley.nlp import doc_text
from parley.timex.lexicon import load_lexicon

Tense = Literal["PAST", "PRESENT", "FUTURE"]

# How many heads to climb from the expression to its verb before giving up.
MAX_CLIMB = 6
# How many infinitive-to-governor steps to follow ("expected to be able to meet").
MAX_CHAIN = 3
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
MODAL_AUXILIARIES = frozenset({"could", "may", "might", "should", "must", "can", "ca"})
PAST_AUXILIARIES = frozenset({"was", "were", "had", "did", "has", "have", "'ve", "been", "'s"})
PRESENT_BE = frozenset({"is", "are", "am", "'re", "'m"})
# Verbs whose object came before their subject ("the talks follow a proposal made on Sunday").
SEQUENCE_LEMMAS = frozenset({"follow", "succeed"})
# Participles that put what they modify ahead even without an auxiliary ("expected back Monday").
EXPECTING_LEMMAS = frozenset({"expect", "schedule", "slate"})
# Verbs of saying and knowing: in the present tense they report what already happened.
REPORTING_LEMMAS = frozenset({"say", "tell", "report", "announce", "confirm", "claim", "deny", "add",
                              "note", "insist", "warn", "believe", "think", "know", "show", "suggest",
                              "indicate", "accuse", "blame", "acknowledge", "admit", "describe", "call"})


def clause_tense(doc: Doc, start: int, end: int, text: str | None = None) -> Tense | None:
    """The tense of the clause that holds the characters [start, end), None if unknown."""
    before = (text if text is not None else doc_text(doc))[max(0, start - 20):start]
    lexicon = load_lexicon()
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = None
    possessive_past = False
    if span is not None and len(span) and span.root.dep_ != "poss":  # "Tuesday's ruling": no verb of its own
        verb = _reporting_verb_before(_outside_later_clause(governing_verb(span.root), span.end), span)
    elif span is not None and len(span):  # ... but "by Friday's close, stocks were up" is no plan
        outer = governing_verb(span.root)
        possessive_past = outer is not None and verb_tense(outer) == "PAST"
    tense = verb_tense(verb) if verb is not None else None
    if verb is not None and span is not None and _fronted_before_plan(verb, span.end):
        tense = "PAST"
    if verb is not None and span is not None and _in_earlier_object(span.root, verb):
        tense = "PAST"
    if _ends_with_cue(before, lexicon.future_prepositions) and not (verb is not None and _perfect_past(verb)):
        return "FUTURE"  # "extended the deadline until Tuesday", but not "had not called until Thursday"
    if tense != "PAST" and not possessive_past and _ends_with_cue(before, lexicon.weak_future_prepositions):
        return "FUTURE"
    return tense


def _outside_later_clause(verb: Token | None, end: int) -> Token | None:
    """The verb of the clause an expression ending before token `end` can belong to. A clause that a
    complementizer opens after the expression does not hold it ("warnings on Thursday that
    strikes could do damage": Thursday dates the warnings, not "could do"), though the parser
    may attach it there: then the verb that governs that clause is the one."""
    for _ in range(MAX_CLIMB):
        if verb is None or verb.i < end:
            return verb
        if not any(token.dep_ == "mark" and token.head.i == verb.i for token in verb.doc[end:verb.i]):
            return verb
        if verb.head.i == verb.i:
            return None  # the parse made the later clause the sentence: its tense says nothing
        verb = governing_verb(verb.head)
    return verb


def _reporting_verb_before(verb: Token | None, span: Span) -> Token | None:
    """ "The company said Tuesday it would close": a day told right after a verb of saying,
    before the subject of what was said, dates the saying, though the parser may hang it on the
    reported clause ("would close"). After a complementizer ("said that on Tuesday it would
    close") it is the reported clause's."""
    if verb is None or verb.dep_ != "ccomp":
        return verb
    reporting = verb.head
    if reporting.i >= span.start or reporting.lemma_ not in REPORTING_LEMMAS:
        return verb
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects or subjects[0].i < span.end:
        return verb
    between = verb.doc[reporting.i + 1:span.start]
    if any(token.dep_ == "mark" or token.lower_ == "that" or token.is_punct for token in between):
        return verb
    return reporting


def _fronted_before_plan(verb: Token, end: int) -> bool:
    """ "On Friday, the government planned to pay ...": a day told before a plain past verb of
    planning dates the planning (past); after it ("planned talks for Friday") it may look ahead."""
    if end > verb.i or verb.tag_ != "VBD" or verb.lemma_ not in load_lexicon().schedule_lemmas:
        return False
    return not any(child.dep_ in ("aux", "auxpass") for child in verb.children)


def _in_earlier_object(token: Token, verb: Token) -> bool:
    """ "The talks follow a proposal by Putin on Sunday": the object of a verb of sequence names
    what came before its subject, so a day inside it lies in the past whatever the verb's tense."""
    if verb.lemma_ not in SEQUENCE_LEMMAS:
        return False
    current = token
    for _ in range(MAX_CLIMB):
        if current.head.i == verb.i:
            return current.dep_ == "dobj"
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _perfect_past(verb: Token) -> bool:
    return any(child.lower_ == "had" for child in verb.children if child.dep_ in ("aux", "auxpass"))


def governing_verb(token: Token) -> Token | None:
    """The nearest verb (or auxiliary used as a verb) above a token."""
    current = token
    for _ in range(MAX_CLIMB):
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def verb_tense(verb: Token, depth: int = 0) -> Tense | None:
    """The tense of a verb from its tag and auxiliaries; infinitives take their governor's."""
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    if auxiliaries & FUTURE_AUXILIARIES or _schedules(verb):
        return "FUTURE"
    tag = verb.tag_
    if tag == "VB":
        return _infinitive_tense(verb, auxiliaries, depth)
    if tag == "VBD":
        return "PAST"
    if tag == "VBN":
        return _participle_tense(verb, auxiliaries)
    if tag == "VBG":
        if auxiliaries & PRESENT_BE:
            return "FUTURE" if verb.lemma_ not in ("continue", "remain", "stay") else "PRESENT"
        return "PAST" if auxiliaries & PAST_AUXILIARIES else _governor_tense(verb, depth)
    if tag in ("VBZ", "VBP"):
        if tag == "VBP" and _singular_subject(verb):
            return "PAST"  # "Weakness hurt stocks Friday": a present would be "hurts"
        # "the summit opens Monday" looks ahead; "officials say Monday's attack" reports
        return "PRESENT" if verb.lemma_ in REPORTING_LEMMAS or verb.lemma_ == "be" else "FUTURE"
    return None


def _singular_subject(verb: Token) -> bool:
    """True when the verb's subject is a singular noun: then a verb tagged as a plural present
    ("hurt", "cut", "set", "put": the same in the past) can only be a past."""
    return any(child.dep_ == "nsubj" and child.tag_ in ("NN", "NNP") for child in verb.children)


def _schedules(verb: Token) -> bool:
    """ "has scheduled a news conference Thursday", "planned for early March": a date ahead."""
    if verb.lemma_ not in load_lexicon().schedule_lemmas or verb.dep_ == "acl":
        return False
    if verb.lemma_ == "set" and not any(child.lower_ in ("for", "to") or child.dep_ == "xcomp"
                                        for child in verb.children):
        return False  # "a record was set Friday" is past; "set for Friday", "set to meet" look ahead
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    return "had" not in auxiliaries and not (verb.lemma_ == "set" and verb.tag_ == "VBD")


def _infinitive_tense(verb: Token, auxiliaries: set[str], depth: int) -> Tense | None:
    if auxiliaries & MODAL_AUXILIARIES:
        return "FUTURE"
    if "to" in auxiliaries:
        governor = verb.head
        if governor.i != verb.i and (governor.lemma_ in load_lexicon().future_lemmas
                                     or governor.lemma_ == "be"):
            return "FUTURE"
        return _governor_tense(verb, depth)
    if "did" in auxiliaries:
        return "PAST"
    return "PRESENT" if auxiliaries & {"do", "does"} else None


def _participle_tense(verb: Token, auxiliaries: set[str]) -> Tense | None:
    if "to" in auxiliaries and verb.dep_ in ("acl", "relcl"):
        return "FUTURE"  # "the vote, to be held Sunday": an infinitive after a noun looks ahead
    if auxiliaries & PRESENT_BE:
        # "is scheduled", "are set", "is expected" look ahead; "is heard" is a plain present
        return "FUTURE" if verb.lemma_ in load_lexicon().future_lemmas else "PRESENT"
    if auxiliaries & PAST_AUXILIARIES or verb.dep_ in ("ROOT", "conj", "ccomp"):
        return "PAST"
    if verb.dep_ == "acl" and verb.lemma_ in EXPECTING_LEMMAS:
        return "FUTURE"  # "the inspectors, expected back Monday"
    return None  # a bare participle modifying a noun ("the meeting planned for Friday")


def _governor_tense(verb: Token, depth: int) -> Tense | None:
    governor = verb.head
    if governor.i == verb.i or depth >= MAX_CHAIN or governor.pos_ not in ("VERB", "AUX"):
        return None
    return verb_tense(governor, depth + 1)


def _ends_with_cue(before: str, cues: tuple[str, ...]) -> bool:
    """ "as early as Friday", "until Tuesday": words that look ahead, whatever the verb
    (the strong cues), or unless the verb is past ("by May", the weak ones)."""
    lowered = " " + re.sub(r"\s+", " ", before.lower()).rstrip()
    return any(lowered.endswith(" " + cue) for cue in cues)

