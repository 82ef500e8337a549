"""Whom a reaction is aimed at when it names the act it reacts to, not the act's parties:
"condemned the strike" after the article told who struck, "welcomed the deal" after it told
who agreed (issue 15: the attacker named in the lead is carried to later mentions of the act).

    reacted_to(proto, [Actor("Peru", "PER")], told_events, lexicon)   # [Actor("Chile", "CHL")]
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.events.frames import Proto
from parley.events.lexicon import Lexicon
from parley.models import Actor, Event

# Reactions to an act ("condemned the strike", "welcomed the deal"): aimed at its parties.
REACTION_TYPES = {"ACCUSE", "SUPPORT", "PROTEST"}
# Acts whose doer alone a reaction is aimed at (not the attacked).
HOSTILE_ACTS = {"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"}
# Acts a reaction is aimed at the doer of: force, and proposals ("would support the initiative"
# after "Peru proposed a truce to Chile" supports Peru).
ONE_SIDED_ACTS = HOSTILE_ACTS | {"REQUEST"}
# CAMEO's signing of a formal agreement (PLOVER SUPPORT): the record of an agreement.
SIGNING_CODE = "057"
# Frames of nouns that name a plan ("the plan", "the initiative"), and the acts a plan told
# before is: proposed (REQUEST) or agreed (AGREE).
PLAN_FRAMES = frozenset({"plan"})
PLANNED_KINDS = frozenset({"AGREE", "REQUEST"})
# Determiners of a noun that names an act told before.
DEFINITE_WORDS = {"the", "this", "that", "these", "those"}
# Sectors of parties no text named ("unidentified attackers"): no one to react to.
UNNAMED_SECTORS = {"UAF"}


def reacted_to(proto: Proto, sources: list[Actor], told: list[Event], lexicon: Lexicon) -> list[Actor]:
    """Whom a reaction to an act the article told before is aimed at: "condemned the strike"
    after "a Chilean strike on Tacna killed four" is aimed at Chile, "welcomed the deal" after
    "Peru and Chile signed a deal" at both; the act is named by a definite noun of its category
    and no party of its own (the latest such act of `told`, the article's earlier sentences'
    events, by a party other than the one reacting)."""
    if proto.type not in REACTION_TYPES or not sources:
        return []
    for token in [t for group in proto.target_groups() for t in group] or misread_object(proto.trigger):
        kinds = act_kinds(token, lexicon)
        if not kinds:
            continue
        for event in reversed(told):
            agreed = event.mode == "ceasefire" or (event.cameo or "").startswith(SIGNING_CODE)
            if event.type in kinds or (agreed and "AGREE" in kinds):
                parties = [a for a in (event.source, event.target) if a is not None and a.country
                           and a.sector not in UNNAMED_SECTORS and not _same_country(a, sources)]
                return parties[:1] if event.type in ONE_SIDED_ACTS else parties
        return []
    return []


def misread_object(verb: Token) -> list[Token]:
    """The object a parse read as the subject of a participle after it ("welcomed the deal
    expressing hope": "the deal" as the subject of "expressing")."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return []
    return [s for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VBG"
            for s in c.children if s.dep_ == "nsubj" and s.i > verb.i]


def act_kinds(token: Token, lexicon: Lexicon) -> set[str]:
    """The categories a definite event noun names ("the strike": ASSAULT or PROTEST), if the
    noun is one ("this deal", "the attack"; not "a deal", "Chile's attack")."""
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE_WORDS for c in token.children)
    if token.pos_ != "NOUN" or not definite:
        return set()
    senses = lexicon.senses("nouns", token.lemma_.lower())
    kinds = {sense.type or lexicon.plover_of(sense.cameo) for sense in senses}
    if any(sense.frame in PLAN_FRAMES for sense in senses):
        kinds |= PLANNED_KINDS  # "the plan", "the initiative": what was proposed or agreed
    if any((sense.mode or lexicon.mode_of(sense.cameo)) == "ceasefire" for sense in senses):
        kinds.add("AGREE")  # a truce is agreed
    return {k for k in kinds if k}


def _same_country(actor: Actor, others: list[Actor]) -> bool:
    return any(actor.country == other.country for other in others)
