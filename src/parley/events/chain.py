"""Which frames govern a trigger: the climb from an event word up the dependency tree through
complements, objects and conjuncts ("said it would be ready to meet": meet <- ready <- said).

    governing_chain(meet, hits) -> [Hit(ready, commit), Hit(said, report)]
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.events.lexicon import TriggerEntry
from parley.events.triggers import Hit

# How far up the tree a frame may govern an event (a report over a commitment over a verb).
MAX_CLIMB = 7
# Words a governed event may sit under without being cut off from the frames above.
COPULAS = {"be", "become", "remain", "seem", "appear", "stay", "prove"}
# Prepositions that attach what a frame is about ("agreed to", "called for", "engage in"), unlike
# those of time and cause ("after two days of fighting") which attach circumstances.
COMPLEMENT_PREPOSITIONS = {"to", "on", "upon", "for", "of", "in", "into", "from", "against", "about", "over",
                           "with", "toward", "towards"}
# Modals that turn a reported clause into a demand ("said Libya must hand over ...") or, softer,
# an appeal ("said Japan should open its markets", "needs to enact reforms").
DEMAND_MODALS = {"must"}
APPEAL_MODALS = {"should", "ought"}
APPEAL_VERBS = {"need"}
DEMAND_VERBS = {"have"}
# Nouns whose that-clause states what someone must do ("a stern reminder ... that it must").
STATEMENT_NOUNS = {"reminder", "warning", "statement", "declaration", "message", "insistence", "call"}
# Nouns of quantity an event noun may hang from ("10 days of war games", "a wave of strikes").
MEASURE_NOUNS = {"day", "week", "month", "year", "series", "wave", "round", "spate", "string", "number",
                 "campaign", "part", "hour", "night"}
# Frames that do not take a purpose clause as what they govern ("staged rallies to demand").
LIGHT_KINDS = {"light", "report", "epistemic"}
# Prepositions of cause or topic: what a light verb's clause is about, not the event it carries.
TOPIC_PREPOSITIONS = {"over", "about", "for"}
# Prepositions of the means by which something is ended ("ended the truce with strikes").
MEANS_PREPOSITIONS = {"with", "by"}
MODAL_DEMAND = TriggerEntry(lemma="<must>", word_class="verbs", frame="demand")
MODAL_APPEAL = TriggerEntry(lemma="<should>", word_class="verbs", frame="appeal")
# "we have to help Chile", "we must rebuild": an obligation the speaker's side takes on is an
# intent to act (CAMEO 03), not a demand on anyone.
MODAL_COMMIT = TriggerEntry(lemma="<we must>", word_class="verbs", frame="commit")
FIRST_PERSON = frozenset({"we", "i"})


def is_modal(entry: TriggerEntry) -> bool:
    return entry is MODAL_DEMAND or entry is MODAL_APPEAL


def governing_chain(token: Token, by_index: dict[int, Hit], modals: dict[int, Hit]) -> list[Hit] | None:
    """The frames over a trigger, innermost first; None when it is part of another event."""
    own = by_index.get(token.i)
    chain: list[Hit] = []
    if token.i in modals and own is not None and not is_modal(own.entry):
        chain.append(modals[token.i])
    current = token
    for _ in range(MAX_CLIMB):
        parent = governor(current, by_index)
        if parent is None:
            break
        hit = by_index.get(parent.i)
        if hit is not None and hit.is_frame and _circumstance_of_light_verb(current, hit):
            break  # "imposed sanctions over the crackdown": the crackdown is not imposed
        if hit is not None and hit.is_frame:
            # "refused X and urged Y": urging is no part of the refusal; but "commit to cease
            # fighting, resume trade": a bare infinitive the parser hung on the frame is its complement
            if current.dep_ != "conj" or coordinated_complement(current, parent):
                chain.append(hit)
                if parent.i in modals and not is_modal(hit.entry):
                    chain.append(modals[parent.i])
        elif hit is not None:
            return chain if current.dep_ == "conj" else None
        elif not _passes(current, parent) and not _carried(current, parent, own):
            break
        elif parent.i in modals:
            chain.append(modals[parent.i])
        current = parent
    return chain


def coordinated_complement(token: Token, head: Token) -> bool:
    """ "commit to cease all fighting, resume trade and respect ...": a bare infinitive with no
    subject of its own, coordinated after the infinitive a frame governs, is governed by that
    frame too, though the parser hangs it on the frame ("resume" conj of "commit")."""
    return (token.dep_ == "conj" and token.tag_ == "VB" and head.tag_ != "VB"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            and any(c.i < token.i and (c.dep_ == "xcomp" or (c.dep_ == "advcl" and _infinitive(c)))
                    for c in head.children))


def _carried(child: Token, parent: Token, own: Hit | None) -> bool:
    """True when an event noun is the object of a verb its entry names as its carrier ("pledged
    to strengthen cooperation": the frame over "strengthen" governs the cooperation)."""
    return (own is not None and child is own.token and child.dep_ == "dobj"
            and parent.lemma_.lower() in own.entry.via)


def _circumstance_of_light_verb(child: Token, hit: Hit) -> bool:
    """True when an event noun hangs from a light verb by a preposition of cause or topic:
    a light verb carries the event it takes as object ("imposed a curfew", "engaged in
    fighting"), not what its clause is about ("over the crackdown", "about the attack")."""
    if child.dep_ != "prep":
        return False
    if hit.entry.frame == "halt" and child.lower_ in MEANS_PREPOSITIONS:
        return True  # "ended the truce with a wave of strikes": the strikes are how, not what ended
    return hit.entry.frame == "light" and child.lower_ in TOPIC_PREPOSITIONS


def governor(token: Token, by_index: dict[int, Hit]) -> Token | None:
    """The word a trigger depends on as a complement, object or conjunct; None at a clause edge."""
    head = token.head
    if head == token:
        return None
    if token.dep_ == "ccomp":  # "reiterated its demand that Israel ease ...": the demand governs
        for sibling in head.children:
            hit = by_index.get(sibling.i)
            if sibling.dep_ == "dobj" and hit is not None and hit.is_frame and sibling.pos_ == "NOUN":
                return sibling
        return head
    if token.dep_ in ("xcomp", "dobj", "nsubjpass", "attr", "oprd", "acomp", "conj", "pcomp", "compound"):
        return head
    if token.dep_ == "pobj" and head.dep_ in ("prep", "agent", "dative"):
        return head
    if token.dep_ in ("prep", "agent", "dative") and head.pos_ in ("VERB", "NOUN", "ADJ", "AUX"):
        return head if token.lower_ in COMPLEMENT_PREPOSITIONS else None
    if token.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and token.tag_ in ("VB", "VBP"):
        return head  # "willingness to engage", "a decision to withdraw"
    if token.dep_ == "advcl" and _infinitive(token):  # "have sworn to fight"
        hit = by_index.get(head.i)
        if hit is not None and hit.is_frame and hit.entry.frame not in LIGHT_KINDS:
            return head
    return None


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _passes(child: Token, parent: Token) -> bool:
    """Whether a frame above `parent` still governs what `child` says."""
    if parent.lemma_.lower() in COPULAS or parent.pos_ == "ADP":
        return True
    if child.dep_ in ("conj", "pobj", "compound", "xcomp", "ccomp"):
        return True
    return child.dep_ == "prep" and child.lower_ == "of" and parent.lemma_.lower() in MEASURE_NOUNS


def modal_frame(token: Token) -> TriggerEntry | None:
    """ "said the US must ..." (a demand), "said Japan needs to ..." (an appeal), "said we must
    ..." (the speaker's side commits itself): a reported obligation, or None."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    reported = token.dep_ == "ccomp" or (token.dep_ == "acl" and token.head.lemma_.lower() in STATEMENT_NOUNS)
    if not reported:
        return None
    auxiliaries = {c.lower_ for c in token.children if c.dep_ == "aux"}
    infinitive = any(c.dep_ == "xcomp" for c in token.children)
    if auxiliaries & DEMAND_MODALS or (token.lemma_.lower() in DEMAND_VERBS and infinitive):
        first_person = any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in token.children)
        return MODAL_COMMIT if first_person else MODAL_DEMAND
    if auxiliaries & APPEAL_MODALS or (token.lemma_.lower() in APPEAL_VERBS and infinitive):
        return MODAL_APPEAL
    return None


def depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)
