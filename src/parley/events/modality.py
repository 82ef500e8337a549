"""Whether the text asserts an event, plans it, imagines it, refuses it or denies it.

    clause_modality(proto) -> ("planned", False)     # "anticipate a meeting ... as early as Friday"
    clause_modality(proto) -> ("refused", True)      # "will not permit negotiations"
    clause_modality(proto) -> ("denied", True)       # "India says there was no US mediation"

Background ("reported_past") depends on dates and is decided with them (see `dating`).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.events.arguments import headline_infinitive
from parley.events.frames import Proto
from parley.events.lexicon import load_lexicon
from parley.events.plausibility import FORCE_TYPES

FUTURE_AUX = {"will", "'ll", "shall", "wo", "gonna"}
HYPOTHETICAL_AUX = {"could", "might", "may"}
# Conjunctions that make a clause a condition ("if", "unless") rather than a fact.
CONDITIONS = {"if", "unless", "whether", "provided"}
# Nouns of a prepositional condition ("in the event of an attack", "in case of war"): the
# complex prepositions English grammars list beside "if" as conditional (what follows is
# supposed, not told as happening).
CONDITION_NOUNS = {"event", "case"}
CONDITION_PREPOSITION = "in"
# Auxiliaries that open a condition by inversion ("Had Chile attacked, ...", "Were Peru to
# strike, ...", "Should talks fail, ...").
INVERTED_CONDITIONS = {"had", "were", "should"}
# The adverb of "stop/fall short of X": X is not done.
SHORT_OF = "short"
# Frames of adjectives that foresee or judge what they are said of ("likely", "imminent").
PREDICTION_FRAMES = {"expect", "epistemic"}
# Modals that with "have" and a participle tell what did not happen ("would have attacked").
COUNTERFACTUAL_MODALS = {"would", "could", "might", "should"}
NEGATIONS = {"not", "n't", "never", "no"}
# Determiners of a noun that names no act in particular ("any attack").
INDEFINITE_DETERMINERS = {"any", "whatever", "whichever"}
# Words that rank a noun: its infinitive then reports a deed ("the first leader to visit Kyiv").
RANK_WORDS = {"first", "last", "only", "second", "third", "latest", "next"}
# How far up through infinitives and conjuncts an event may sit under a clause of aim.
MAX_PURPOSE_CLIMB = 4


def clause_modality(proto: Proto) -> tuple[str, bool]:
    """(modality, negated) of an event from its clause; "asserted" unless something says otherwise."""
    negated = proto.negated or _negated(proto)
    if proto.modality in ("refused", "denied"):
        return proto.modality, True
    if _conditional(proto.anchor) or _conditional(proto.event_token) or _purpose(proto) or \
            _any_instance(proto) or _counterfactual(proto.anchor) or _predicted(proto):
        return "hypothetical", negated
    occurs = _occurrence(proto) or _performing_verb(proto)
    future = _future(proto.anchor) or _planned_noun(proto) or (occurs is not None and _future(occurs))
    if negated:
        return ("refused" if future else "denied"), True
    if proto.modality == "hypothetical" or _hypothetical_modal(proto.anchor) or (
            occurs is not None and _hypothetical_modal(occurs)):
        return "hypothetical", False
    if proto.modality == "planned" or future:
        return "planned", False
    return "asserted", False


def is_future(token: Token) -> bool:
    return _future(token)


def forecast(token: Token) -> bool:
    """Told as what will or would happen ("Chile will pay", "would face consequences if ...")."""
    return _future(token) or bool(_aux_words(token) & (FUTURE_AUX | {"would"}))


def conditioned_forecast(token: Token) -> bool:
    """The main clause of a condition, told as what will or would follow ("would use force if
    its ships entered", "will strike unless ...", "would respond militarily in the event of an
    attack"): not the condition itself."""
    return forecast(token) and has_condition(token) and not _counterfactual(token)


def _any_instance(proto: Proto) -> bool:
    """ "will respond to any attack", "whatever aggression": an event noun that stands for every
    instance there may be, none in particular."""
    return proto.nominal and any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS
                                 for c in proto.event_token.children)


def _path(proto: Proto) -> list[Token]:
    """The event word and the words up to the top of its clause."""
    path = [proto.event_token]
    for ancestor in proto.event_token.ancestors:
        path.append(ancestor)
        if ancestor == proto.anchor:
            return path
    return [proto.event_token, proto.anchor]


def _negated(proto: Proto) -> bool:
    for token in _path(proto):
        if _litotes(token):
            continue  # "would not hesitate to strike": the negation is the frame's meaning
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") or _no_longer(c)
               for c in token.children):
            return True
        if any(_neither(c) for c in token.children if c.dep_ in ("nsubj", "nsubjpass")):
            return True  # "neither Peru nor Chile will target the other"
    return _short_of(proto.event_token)


def _short_of(token: Token) -> bool:
    """ "stopped short of attacking Chile", "fell short of a declaration of war": what a
    clause stops short of is not done."""
    head = token.head
    return token.dep_ in ("pcomp", "pobj") and head.lower_ == "of" and head.head.lower_ == SHORT_OF


def _no_longer(child: Token) -> bool:
    """ "will no longer target Peruvian ships": a stop, not the act."""
    return child.dep_ == "advmod" and child.lower_ == "longer" and any(
        c.dep_ == "neg" for c in child.children)


def _litotes(token: Token) -> bool:
    lexicon = load_lexicon()
    return any(sense.frame and lexicon.frames[sense.frame].litotes
               for sense in lexicon.senses("verbs", token.lemma_.lower()))


def _neither(subject: Token) -> bool:
    return any(c.lower_ == "neither" and c.dep_ in ("preconj", "det", "cc") for c in subject.children)


def _aux_words(token: Token) -> set[str]:
    words = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    head = token.head
    if token.dep_ in ("xcomp", "acomp") and head != token:  # "is going to visit", "is set to"
        words |= {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
        if head.lemma_.lower() == "go" and head.tag_ == "VBG":
            words.add("will")
    if token.dep_ == "conj" and head != token:
        words |= {c.lower_ for c in head.children if c.dep_ == "aux"}
    return words


def _future(token: Token) -> bool:
    if headline_infinitive(token):  # "Peru to impose sanctions on Chile"
        return True
    words = _aux_words(token)
    if words & FUTURE_AUX:
        return True
    # "would" in reported speech is the future of the past ("said it would allow ...")
    return "would" in words and token.dep_ in ("ccomp", "xcomp", "conj")


def _hypothetical_modal(token: Token) -> bool:
    return bool(_aux_words(token) & HYPOTHETICAL_AUX)


def _conditional(token: Token) -> bool:
    """Inside an if/unless clause, or a would-clause that has one ("would be worse if ...")."""
    current = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in current.children):
            return True
        if condition_phrase(current) or inverted_condition(current):
            return True  # "in the event of a Chilean attack", "had Chile attacked": supposed
        if current.dep_ in ("advcl", "ROOT") or current.head == current:
            break
        current = current.head
    if "would" in _aux_words(token):
        return has_condition(token)
    return False


def condition_phrase(token: Token) -> bool:
    """The noun of "in the event of", "in case of" (the head of a conditional preposition)."""
    return (token.dep_ == "pobj" and token.lemma_.lower() in CONDITION_NOUNS
            and token.head.lower_ == CONDITION_PREPOSITION)


def has_condition(token: Token) -> bool:
    """A clause with a condition under it: an if/unless clause or a conditional preposition
    ("would respond militarily in the event of an attack")."""
    return any((c.dep_ == "advcl" and (any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
                                       or inverted_condition(c)))
               or (c.dep_ == "prep" and any(condition_phrase(o) for o in c.children))
               for c in token.children)


def inverted_condition(token: Token) -> bool:
    """A clause under another that opens with an auxiliary before its subject ("Had Chile
    attacked", "Should Chile attack", "Were Chile to attack"): a condition without "if"."""
    if token.dep_ != "advcl" or token.head == token or token.i > token.head.i:
        return False
    first = token.left_edge
    if first.lower_ not in INVERTED_CONDITIONS:
        return False
    subjects = [c for c in token.subtree if c.dep_ in ("nsubj", "nsubjpass")]
    return first.i in (token.i, *(c.i for c in token.children if c.dep_ in ("aux", "auxpass"))) and any(
        s.i > first.i for s in subjects)


def _predicted(proto: Proto) -> bool:
    """ "an attack by Chile was unlikely", "a Chilean offensive is imminent": an event noun
    whose predicate is an adjective of expectation or belief (the lexicon's adjectives with an
    expect or epistemic frame) is foreseen or judged, not told as happening."""
    token = proto.event_token
    if not proto.nominal or token.dep_ not in ("nsubj", "nsubjpass") or token.head == token:
        return False
    lexicon = load_lexicon()
    return any(c.dep_ in ("acomp", "attr") and any(
        sense.frame in PREDICTION_FRAMES for sense in lexicon.senses("adjectives", c.lower_))
        for c in token.head.children)


def _counterfactual(token: Token) -> bool:
    """ "would have attacked", "could have struck": what did not happen."""
    words = [c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")]
    return token.tag_ == "VBN" and "have" in words and bool(set(words) & COUNTERFACTUAL_MODALS)


def _purpose(proto: Proto) -> bool:
    """ "joined the coalition's mission to defeat X", "a campaign to oust Y": an infinitive that
    says what a thing is for states an aim, not an act (not "the first leader to visit Kyiv"; a
    meeting's purpose, "met to discuss", is the meeting itself)."""
    token = proto.anchor
    for _ in range(MAX_PURPOSE_CLIMB):  # "a push to force X to keep the truce and go back to talks"
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if infinitive and token.dep_ == "advcl":  # "joined the mission to defeat X"
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            return proto.type in FORCE_TYPES and not own_subject
        if infinitive and token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") and not (
                headline_infinitive(token)):
            return not any((c.dep_ == "amod" and c.lower_ in RANK_WORDS) or c.ent_type_ == "ORDINAL"
                           for c in token.head.children)
        if token.dep_ not in ("conj", "xcomp") or token.head == token:
            return False
        token = token.head
    return False


def _occurrence(proto: Proto) -> Token | None:
    """The verb that says whether a named event happens ("a summit could happen", "talks
    will take place", "a summit may be held"): its modal is the event's."""
    token = proto.event_token
    if not proto.nominal or token.dep_ not in ("nsubj", "nsubjpass") or token.head == token:
        return None
    verb = token.head
    return verb if verb.lemma_.lower() in load_lexicon().occurrence_verbs else None


def _performing_verb(proto: Proto) -> Token | None:
    """ "Peru and Chile would now share written proposals", "Peru will make a proposal": the verb
    whose subject performs the act its object names; its modal is the act's (not "Chile will
    reject Peru's proposal": the proposal is Peru's, made already)."""
    token = proto.anchor  # the act's noun ("proposals"), whatever the event word ("a truce")
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "dobj" or token.head == token:
        return None
    verb = token.head
    subjects = {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    if not subjects or not any(s.i in subjects for s in proto.sources):
        return None
    return verb


def _planned_noun(proto: Proto) -> bool:
    """ "the upcoming discussions", "a planned visit", "next week's summit"."""
    if not proto.nominal or proto.trigger != proto.event_token:
        return False  # "cancelled a planned visit": the cancellation is not planned
    words = {c.lower_ for c in proto.event_token.children if c.dep_ in ("amod", "compound", "poss", "nmod")}
    for child in proto.event_token.children:
        if child.dep_ == "poss":
            words |= {c.lower_ for c in child.children}
    return bool(words & load_lexicon().planned_modifiers)
