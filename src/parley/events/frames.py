"""What a governing word does to the event under it.

    apply_frame(proto(meet), Hit(agreed, commit)) -> AGREE 036, source = who agreed
    apply_frame(proto(aid), Hit(halted, halt))    -> SANCTION 162
    apply_frame(proto(talks), Hit(refused, refuse)) -> CONSULT 125, modality refused

Speech acts (commit, threaten, reject, appeal, demand) make a new event by the frame's subject;
content frames (halt, allow, prevent) change what is done; the others keep the category and add
a modality (plan, expect, refuse, deny) or only pass arguments on (report, light, epistemic).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from parley.events.arguments import (
    is_passive,
    noun_agent_tokens,
    object_agent_tokens,
    object_controller,
    passive_subject_tokens,
    preposition_objects,
    slot_tokens,
    subject_tokens,
    thing_parties,
    with_conjuncts,
)
from parley.events.chain import is_modal, modal_frame
from parley.events.lexicon import Lexicon, TriggerEntry, load_lexicon
from parley.events.participants import is_act_noun
from parley.events.triggers import Hit

RETYPING_FRAMES = {"commit", "threaten", "reject", "appeal", "demand"}
CONTENT_FRAMES = {"halt", "allow", "prevent", "fail"}
# Where a complement clause may name the target of the frame over it.
COMPLEMENT_SLOTS = ("dative", "to", "against", "with", "on", "toward", "towards", "in", "into", "from")
# Event nouns that are the passive subject of a light verb ("talks were held"), not its agent.
EVENT_NOUNS_AS_SUBJECTS = {"talk", "meeting", "negotiation", "summit", "election", "exercise", "protest",
                           "demonstration", "rally", "strike", "attack", "vote", "conference", "session"}
# Categories of speech acts: refusing one is rejecting it ("refused to respond to a demand").
SPEECH_ACT_TYPES = {"REQUEST", "THREATEN", "AGREE", "ACCUSE"}
# A commitment not to use force de-escalates (CAMEO 087); pledged, it declares a truce (0871).
DE_ESCALATION = "087"
DECLARED_TRUCE = "0871"
# A standing commitment restated ("reaffirmed its commitment to backing Chile's reconstruction")
# promises nothing new: it expresses support for the policy or actor (CAMEO 051, PLOVER SUPPORT),
# where a new pledge is an intent to cooperate (CAMEO 03, AGREE).
RESTATED_COMMITMENT = "051"
# Target slots tried on a frame whose entry names none.
FRAME_SLOTS = ("dobj", "dative", "to", "on", "upon", "against", "with")


@dataclass
class Proto:
    """An event under construction: its code and the tokens of its arguments."""

    entry: TriggerEntry
    event_token: Token
    type: str
    cameo: str
    content: str  # the code of what is done, which frames over it look up
    mode: str | None
    trigger: Token  # the word that decides the category
    anchor: Token  # the highest word of the event's clause: tense, negation, date
    sources: list[Token]
    targets: list[Token]
    symmetric: bool
    more_targets: list[list[Token]] = field(default_factory=list)  # fallbacks, best first
    modality: str | None = None
    negated: bool = False
    speaker: list[Token] = field(default_factory=list)
    frames: list[str] = field(default_factory=list)
    weak: bool = False
    nominal: bool = False

    def target_groups(self) -> list[list[Token]]:
        return [g for g in (self.targets, *self.more_targets) if g]


def with_targets(proto: Proto, groups: list[list[Token]]) -> Proto:
    """The proto with target candidates in this order (empty groups dropped)."""
    kept = [[t for t in g if t not in proto.sources] for g in groups]
    kept = [g for g in kept if g]
    return replace(proto, targets=kept[0] if kept else [], more_targets=kept[1:])


def apply_frame(proto: Proto, hit: Hit, lexicon: Lexicon) -> Proto | None:
    """The event as the frame `hit` over it says it (None when the frame undoes it)."""
    kind = hit.entry.frame or ""
    spec = lexicon.frames[kind]
    proto = replace(proto, frames=[*proto.frames, kind])
    if spec.transparent:
        return _transparent(proto, hit, kind, lexicon)
    if kind in CONTENT_FRAMES:
        return _content_frame(proto, hit, lexicon)
    if kind in RETYPING_FRAMES:
        return _retype(proto, hit, lexicon)
    if kind == "refuse" and proto.type in SPEECH_ACT_TYPES:
        return _retype(proto, Hit(hit.token, replace(hit.entry, frame="reject")), lexicon)
    if spec.litotes and not any(c.dep_ == "neg" for c in hit.token.children):
        return None  # "hesitated to use force": held back, no resolve
    override = spec.overrides.get(proto.content[:2]) if spec.overrides else None
    if override is not None:  # "prepared to resume shelling": a show of force now
        return replace(proto, cameo=override, content=override, mode=lexicon.mode_of(override),
                       type=lexicon.plover_of(override) or proto.type, trigger=hit.token,
                       anchor=hit.token, sources=frame_subjects(hit) or proto.sources)
    code = spec.code_for(proto.content) or proto.cameo
    proto = replace(proto, cameo=code, modality=spec.modality or proto.modality,
                    negated=proto.negated or spec.negated, anchor=hit.token)
    if not proto.sources and spec.control != "none" and not _between_parties(proto):
        # "worked to arrange a meeting between Peru and Chile": the meeting stays theirs
        controllers = object_controller(hit.token) if spec.control == "object" else []
        # "ordered the arrest of X": the ordered act is no one told to act
        controllers = [c for c in controllers if c.i != proto.event_token.i]
        proto.sources = controllers or frame_subjects(hit)
    return proto


def _transparent(proto: Proto, hit: Hit, kind: str, lexicon: Lexicon) -> Proto:
    if kind == "report":
        proto.speaker = frame_subjects(hit)
        if not proto.sources and (_announced_act(proto, hit, lexicon) or proto.entry.suffered):
            proto.sources = proto.speaker
        return proto
    if kind == "epistemic":
        proto.modality = proto.modality or "hypothetical"
        return proto
    if not proto.sources and not _between_parties(proto):
        proto.sources = frame_subjects(hit)
    proto = with_targets(proto, [*proto.target_groups(), frame_targets(hit, proto)])
    if hit.token.pos_ in ("VERB", "AUX"):
        proto.anchor = hit.token
    return proto


def _announced_act(proto: Proto, hit: Hit, lexicon: Lexicon) -> bool:
    """An event noun that is the object of a report verb the lexicon also lists as a light verb
    ("announced the expulsion of the ambassador", "declared a state of emergency"): the one who
    announces it does it (not "reported the attack", told of by another)."""
    noun = proto.event_token
    if _between_parties(proto):
        return False
    return proto.nominal and noun.dep_ == "dobj" and noun.head == hit.token and any(
        sense.frame == "light" for sense in lexicon.senses("verbs", hit.token.lemma_.lower()))


def _between_parties(proto: Proto) -> bool:
    """ "announced a ceasefire between Peru and Chile": a mutual act whose noun names both its
    sides is theirs, not the announcer's or the mediator's."""
    return proto.nominal and proto.symmetric and len(preposition_objects(proto.event_token, "between")) > 1


def _content_frame(proto: Proto, hit: Hit, lexicon: Lexicon) -> Proto | None:
    """ "lifted the curfew" (RETREAT 0813), "suspended aid" (SANCTION 162)."""
    kind = hit.entry.frame or ""
    if kind == "allow" and any(c.dep_ == "neg" for c in hit.token.children):
        refused = lexicon.frames["refuse"].code_for(proto.content) or proto.cameo
        return replace(proto, cameo=refused, modality="refused", negated=True, anchor=hit.token,
                       sources=proto.sources or frame_subjects(hit))
    code = lexicon.frames[kind].code_for(proto.content)
    event_type = lexicon.plover_of(code)
    if code is None or event_type is None:
        return None
    sources = frame_subjects(hit) or proto.sources
    groups = [*proto.target_groups(), frame_targets(hit, proto), proto.sources if proto.nominal else []]
    changed = replace(proto, cameo=code, content=code, type=event_type, mode=lexicon.mode_of(code),
                      trigger=hit.token, anchor=hit.token, sources=sources, symmetric=False)
    return with_targets(changed, groups)


def _retype(proto: Proto, hit: Hit, lexicon: Lexicon) -> Proto:
    """Commit, threaten, reject, appeal, demand: a new event by the frame's subject."""
    kind = hit.entry.frame or ""
    spec = lexicon.frames[kind]
    code = spec.code_for(proto.content) or hit.entry.base or spec.base or proto.cameo
    event_type = spec.type or proto.type
    if kind == "commit" and code[:2] >= "13" and spec.conflict_type:
        event_type = spec.conflict_type
        if _negated_content(proto):  # "agreed not to strike": a commitment to halt, a truce
            return _halted(proto, hit, lexicon)
    elif kind == "commit" and event_type == spec.type and _restated(hit.token, lexicon):
        code = RESTATED_COMMITMENT
        event_type = lexicon.plover_of(code) or event_type
    subjects = frame_subjects(hit) or proto.sources
    embedded_agents = [t for t in proto.sources if t not in subjects]
    own = frame_targets(hit, proto)
    if kind in ("appeal", "demand"):  # who is asked is who would act
        groups = [own, embedded_agents, *proto.target_groups()]
    else:
        groups = [own, *proto.target_groups(), embedded_agents]
    groups.append(complement_targets(hit.token))
    changed = replace(proto, type=event_type, cameo=code, mode=lexicon.mode_of(code), trigger=hit.token,
                      anchor=hit.token, sources=subjects, symmetric=proto.symmetric and kind == "commit",
                      weak=proto.weak and kind != "commit", nominal=hit.entry.word_class == "nouns")
    return with_targets(changed, groups)


def _restated(token: Token, lexicon: Lexicon) -> bool:
    """ "reaffirmed Peru's commitment", "reiterated its pledge": a commitment noun that a
    restating verb takes as its object."""
    return (token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubjpass")
            and token.head.lemma_.lower() in lexicon.restating_verbs)


def _negated_content(proto: Proto) -> bool:
    """True when the event under a frame is itself negated ("agreed not to strike")."""
    token = proto.event_token
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children)


def _halted(proto: Proto, hit: Hit, lexicon: Lexicon) -> Proto:
    """A commitment not to do something is a halt of it (CAMEO's de-escalation for force), by
    the one who commits; the negation is the frame's meaning, not the event's."""
    code = lexicon.frames["halt"].code_for(proto.content) or proto.cameo
    if code.startswith(DE_ESCALATION):  # pledged, not yet done: a declared truce
        code = DECLARED_TRUCE
    event_type = lexicon.plover_of(code) or proto.type
    subjects = frame_subjects(hit) or proto.sources
    changed = replace(proto, type=event_type, cameo=code, content=code, mode=lexicon.mode_of(code),
                      trigger=hit.token, anchor=hit.token, event_token=hit.token,
                      sources=subjects, negated=False)
    return with_targets(changed, [*proto.target_groups(), complement_targets(hit.token)])

# Prepositions that place an event noun in time ("after the end of the war"): its clause's
# subject is no party of it.
TIME_PREPOSITIONS = frozenset({"after", "before", "since", "until", "following", "during", "amid"})


def frame_subjects(hit: Hit) -> list[Token]:
    """Who says, commits, threatens or asks: the frame word's subject (for a reported obligation,
    the reporter; for a noun, its agent or the subject of the verb it is the object of)."""
    token = hit.token
    if is_modal(hit.entry):
        head = token.head
        return _noun_subjects(head) if head.pos_ in ("NOUN", "PROPN") else subject_tokens(head)
    if hit.entry.word_class == "nouns":
        return _noun_subjects(token)
    if hit.entry.word_class == "adjectives":
        own = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if own:  # "X and Y are set to ...": the word is its clause's predicate, with its own subject
            return with_conjuncts(own)
        head = token.head
        return subject_tokens(head) if head.pos_ in ("VERB", "AUX") else []
    found = subject_tokens(token)
    if not found and hit.entry.frame == "light" and is_passive(token):  # "were engaged in ethnic cleansing"
        found = [t for t in passive_subject_tokens(token) if t.i not in by_event_tokens(token)]
    return found


def by_event_tokens(token: Token) -> set[int]:
    """Tokens a light verb governs as its object: not its subject when passive ("talks were held")."""
    return {c.i for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"
            and c.lemma_.lower() in EVENT_NOUNS_AS_SUBJECTS}


def _noun_subjects(token: Token) -> list[Token]:
    agents = noun_agent_tokens(token, "source") or slot_tokens(token, "from")  # "a demand from X"
    agents = [a for a in agents if not is_act_noun(a)]  # "the end of the civil war": no war acts
    if agents:
        return agents
    head = token.head
    if head.pos_ == "ADP" and head.lower_ in TIME_PREPOSITIONS:
        return []  # "after the end of the war, the mission ...": when, not what the subject did
    if token.dep_ in ("dobj", "pobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX", "ADP"):
        verb = head.head if head.pos_ == "ADP" else head
        return subject_tokens(verb) if verb.pos_ in ("VERB", "AUX") else []
    return []


def frame_targets(hit: Hit, proto: Proto) -> list[Token]:
    """The frame's own addressee or target ("urged Uganda", "threatened Azerbaijan")."""
    entry = hit.entry
    token = hit.token
    if is_modal(entry):
        return []
    found: list[Token] = []
    for slot in entry.target or FRAME_SLOTS:
        found = [t for t in slot_tokens(token, slot) if t != proto.event_token
                 and not _contains(t, proto.event_token)]
        if found:
            break
    if entry.frame == "reject" and not found:
        found = object_agent_tokens(token)
    return thing_parties(found, is_thing)


def is_thing(token: Token) -> bool:
    """An act or plan the lexicon knows by name ("cooperation", "a proposal"), not an actor."""
    if token.pos_ != "NOUN" or token.ent_type_:
        return False
    lexicon = load_lexicon()
    return bool(lexicon.senses("nouns", token.lemma_.lower()) or lexicon.senses("nouns", token.lower_))


def _contains(token: Token, inner: Token) -> bool:
    return token.left_edge.i <= inner.i <= token.right_edge.i and token.dep_ != "pobj"


def complement_subjects(token: Token) -> list[Token]:
    """ "demanded that the US cancel ...": the subject of the demanded clause."""
    if modal_frame(token) is not None:
        return subject_tokens(token)
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp", "acl") and child.pos_ in ("VERB", "AUX"):
            return [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
    return []


def complement_targets(token: Token) -> list[Token]:
    """A target named inside a complement that holds no event of its own ("threatened to cut off
    electricity to Nakhichevan", "offered to hand over to Great Britain ...")."""
    for child in token.children:
        if child.dep_ not in ("xcomp", "ccomp", "dobj"):
            continue
        for slot in COMPLEMENT_SLOTS:
            found = slot_tokens(child, slot)
            if not found and child.dep_ == "xcomp":
                found = [t for obj in child.children if obj.dep_ == "dobj" for t in slot_tokens(obj, slot)]
            if found:
                return found
    return []
