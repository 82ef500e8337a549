"""Events the learned detector proposes where no trigger fired: the model says which PLOVER
category a sentence reports; the sentence's main clause gives the rules something to code
(its verb anchors tense, modality and date, its subject and objects are the candidate actors).

    model_proto(sent, Prediction("CONSULT", 0.74, 0.9), lexicon)
        -> Proto(type="CONSULT", cameo="040", event_token=<held>, sources=[Oman], ...)

The proto is weak: `extract` keeps its events only with a named recipient, like an ambiguous
trigger word's. The model proposes where no trigger fired, and where the rules' events of a
sentence would all go unrecorded (`all_unrecorded`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Span, Token

from parley.events.arguments import AGENT_LABELS, actor_like, preposition_objects, subject_tokens
from parley.events.compose import own_targets
from parley.events.detector import Prediction
from parley.events.frames import Proto, is_thing
from parley.events.lexicon import Lexicon, TriggerEntry, load_lexicon
from parley.events.plausibility import UNREAL_MODALITIES, plausible
from parley.events.records import recordable
from parley.models import Event

# Clause dependencies under a report verb that hold what is reported ("said that X met Y").
REPORTED_DEPS = ("ccomp", "xcomp")
# Categories of events between two parties named together ("X and Y held talks").
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE"})
# Dependencies of a clause's modifiers that name circumstances, not parties ("On the heels of
# receiving ...", "as tensions between X and Y rose", "Wednesday").
CIRCUMSTANCE_DEPS = frozenset({"advcl", "npadvmod", "advmod", "acl", "relcl", "pcomp"})
# A clause whose subject is no actor takes the first actor named before its verb.
SOURCE_FROM_SENTENCE = True
# Dependencies of a noun's modifiers whose name makes it an actor ("Israeli forces", "Peru's envoy").
ACTOR_MODIFIERS = ("amod", "compound", "poss")
# Categories whose party acted on may be a place or a thing of a country, not an actor
# ("launched rocket fire against Kampuchean guerrilla camps").
PLACE_TARGET_TYPES = frozenset({"ASSAULT"})
# Nouns that count the actors of their of-phrase ("hundreds of Palestinians").
NUMBER_NOUNS = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens",
                          "million", "millions", "score", "scores"})
# Where the party acted on stands, by category, when the clause's verb is no trigger word: an
# attack's target may be aimed "at" or "into" ("sent a wave of drones at the port"), a protest
# is "against" or "over" something, a threat "to" someone. Other categories: the rules' defaults.
CATEGORY_SLOTS = {
    "ASSAULT": ("dobj", "at", "on", "against", "into", "toward", "towards", "poss"),
    "PROTEST": ("against", "over", "dobj"),
    "THREATEN": ("dobj", "dative", "against", "to"),
}


def model_proto(sent: Span, prediction: Prediction, lexicon: Lexicon) -> Proto | None:
    """A proto for the category the model reads in `sent`, on its main clause (None when the
    sentence has no verb to hang it on, or the category no CAMEO code)."""
    code = category_codes().get(prediction.type)
    token, speaker = _main_clause(sent, lexicon)
    if code is None or token is None:
        return None
    return actor_parties(_clause_proto(token, code, prediction, speaker, lexicon))


def actor_parties(proto: Proto) -> Proto:
    """The parties of a clause no trigger word chose: only phrases whose head is an actor (a
    name, a nationality, an actor noun the dictionaries know: `arguments.actor_like`; an attack's
    target may be a place, PLACE_TARGET_TYPES), never one whose head is a thing or a
    circumstance the actor is merely named in ("On the heels of
    receiving a US pledge, Liberia ...": the target is not "heels", placed in the USA, nor
    "closed a social media platform" a platform). A clause whose subject is no actor takes the
    first actor named before its verb outside the verb's objects (SOURCE_FROM_SENTENCE)."""
    sources = [t for t in proto.sources if _party(t, doer=True)]
    struck = proto.type in PLACE_TARGET_TYPES
    groups = [[t for t in g if (struck or _party(t)) and not _circumstance(t, proto.trigger)]
              for g in [proto.targets, *proto.more_targets]]
    groups = [g for g in groups if g]
    if not sources and SOURCE_FROM_SENTENCE:
        taken = {t.i for g in groups for t in g}
        sources = [t for t in proto.trigger.sent if t.i < proto.trigger.i and t.i not in taken
                   and t.dep_ != "compound" and _party(t) and not _circumstance(t, proto.trigger)][:1]
    return replace(proto, sources=sources, targets=groups[0] if groups else [], more_targets=groups[1:])


def _party(token: Token, doer: bool = False) -> bool:
    """An actor, a noun its modifier makes one ("Israeli forces"; as the one acted on, not "a US
    pledge", a thing the lexicon knows by name), or a number of actors ("held hundreds of
    Palestinians"). As the doer, any subject but an act or plan of no one named ("the pledge
    helped", not "knocked out by Israeli attacks"): the rules place it or not."""
    if actor_like(token):
        return True
    named = any(c.dep_ in ACTOR_MODIFIERS and _named(c) for c in token.children)
    if token.pos_ == "NOUN" and (named or doer) and ((doer and named) or not is_thing(token)):
        return True
    counted = token.like_num or token.pos_ == "NUM" or token.lemma_.lower() in NUMBER_NOUNS
    return counted and any(actor_like(t) for t in preposition_objects(token, "of"))


def _named(token: Token) -> bool:
    """A name or a nationality ("Israeli", "Peru's"), not a common noun ("social media")."""
    return token.ent_type_ in AGENT_LABELS or token.pos_ == "PROPN"


def _circumstance(token: Token, verb: Token) -> bool:
    """The token stands in an adverbial, temporal or relative modifier of the verb's clause
    ("as tensions between X and Y rose"): not a party of the clause."""
    node = token
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in CIRCUMSTANCE_DEPS:
            return True
        node = node.head
    return False


def category_protos(sent: Span, prediction: Prediction, lexicon: Lexicon) -> list[Proto]:
    """Protos for the category the model reads in `sent` on each verb of the sentence that the
    lexicon knows as a word of that category: the rules' trigger, which found no party of its
    own ("Both Yerevan and Baku emphasized that negotiations are the best format and agreed to
    continue the dialogue", where the parser hangs "agreed" under "are"). A clause whose subject
    names no party takes the subject of the sentence's main verb; not a verb with a subject of its
    own that is a thing ("said the law has condemned many women": the law, not the speaker)."""
    code = category_codes().get(prediction.type)
    if code is None:
        return []
    protos = []
    for token in sent:
        if token.pos_ == "VERB" and token.dep_ != "amod" and _category_verb(token, prediction.type, lexicon):
            # not a participle that describes a noun ("guarding captured fighters"): no act told
            proto = _clause_proto(token, code, prediction, [], lexicon)
            own_subject = any(c.dep_ == "nsubj" for c in token.children)  # a passive one is acted on
            if not own_subject and not any(actor_like(t) for t in proto.sources):
                main_subject = subject_tokens(sent.root)
                proto = replace(proto, sources=[t for t in main_subject if t not in proto.targets])
            protos.append(proto)
    return protos


def _category_verb(token: Token, category: str, lexicon: Lexicon) -> bool:
    senses = lexicon.senses("verbs", token.lemma_.lower())
    return any((sense.type or lexicon.plover_of(sense.cameo)) == category for sense in senses)


def _clause_proto(token: Token, code: str, prediction: Prediction, speaker: list[Token],
                  lexicon: Lexicon) -> Proto:
    """The model's category on one clause: its verb anchors the event, its subject and the
    category's slots (CATEGORY_SLOTS) give the candidate parties."""
    entry = TriggerEntry(lemma=token.lemma_.lower(), word_class="verbs", cameo=code, type=prediction.type,
                         symmetric=prediction.type in SYMMETRIC_TYPES, weak=True,
                         target=CATEGORY_SLOTS.get(prediction.type, ()))
    groups = [g for g in own_targets(token, entry, nominal=False) if g]
    sources = subject_tokens(token)
    groups = [[t for t in g if t not in sources] for g in groups]
    groups = [g for g in groups if g]
    return Proto(entry=entry, event_token=token, type=prediction.type, cameo=code, content=code,
                 mode=lexicon.mode_of(code), trigger=token, anchor=token, sources=sources,
                 targets=groups[0] if groups else [], more_targets=groups[1:], symmetric=entry.symmetric,
                 speaker=speaker, weak=True)


def all_unrecorded(events: list[Event]) -> bool:
    """None of a sentence's rule events would become a record for want of parties (a meeting or
    deal with no counterpart, no party placed in the world): the rules fired on the sentence but
    say nothing of who did what, so the model may read it as if no trigger had fired
    (`extract.MODEL_PROPOSE_UNRECORDED`). Not where the rules read the act as not happening
    (negated, refused, denied, only possible): that is their reading of the sentence, which the
    model does not overrule ("neither side will attack the other")."""
    if any(e.negated or e.modality in UNREAL_MODALITIES for e in events):
        return False
    return not any(plausible(e) and recordable(e) for e in events)


def _main_clause(sent: Span, lexicon: Lexicon) -> tuple[Token | None, list[Token]]:
    """The verb of the sentence's statement, and who reports it: under a report verb ("officials
    said the two sides met"), the reported clause's verb."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return None, []
    if not _is_report(root, lexicon):
        return root, []
    reported = [c for c in root.children if c.dep_ in REPORTED_DEPS and c.pos_ in ("VERB", "AUX")]
    if not reported:
        return None, []  # "he said": a statement, which PLOVER does not code
    return reported[0], subject_tokens(root)


def _is_report(token: Token, lexicon: Lexicon) -> bool:
    return any(e.frame == "report" for e in lexicon.senses("verbs", token.lemma_.lower()))


@lru_cache(maxsize=1)
def category_codes() -> dict[str, str]:
    """Each category's code for an event known by category alone: the most general code of the
    CAMEO root that holds most of the category's codes ("ASSAULT" -> 180, not 175)."""
    lexicon = load_lexicon()
    by_root: dict[str, Counter[str]] = {}
    for code in lexicon.codes:
        category = lexicon.plover_of(code)
        if category and len(code) >= 3:
            by_root.setdefault(category, Counter())[code[:2]] += 1
    best: dict[str, str] = {}
    for category, roots in by_root.items():
        root = min(roots, key=lambda r: (-roots[r], r))
        best[category] = min((c for c in lexicon.codes if c[:2] == root and len(c) >= 3
                              and lexicon.plover_of(c) == category), key=lambda c: (len(c), c))
    return best
