"""How an event is coded and scored once its parts are known: the CAMEO code made precise (state
actors, mode words, context, intent, refusal), the category a state actor gives it, the PLOVER
intensity and the confidence.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from parley.actors import resolve_actor_text
from parley.events.arguments import noun_agent_tokens, preposition_objects, subject_tokens
from parley.events.dating import EventDate
from parley.events.frames import Proto
from parley.events.lexicon import Lexicon
from parley.events.modality import condition_phrase, conditioned_forecast
from parley.events.plausibility import FORCE_TYPES
from parley.events.triggers import ATTACK_ROOTS
from parley.models import Actor

# Confidence: a base, raised by what makes a coding sure and lowered by what makes it shaky.
BASE_CONFIDENCE = 0.45
SPECIFIC_BONUS = 0.15  # the trigger matched with its object/particle ("imposed sanctions")
NAMED_SOURCE_BONUS = 0.15  # the source is a named entity of the article
TARGET_BONUS = 0.1
DATED_BONUS = 0.05
WEAK_PENALTY = 0.15  # an ambiguous trigger word ("warned", "hit")
UNSURE_PENALTY = 0.1  # hypothetical, or an actor inferred from the place
# CONSULT and ASSAULT codes that a mode word may make more precise (phone call, air strike).
GENERIC_CODES = {"040", "046", "180", "190", "1823"}
# Dependencies that open a clause of its own under another one.
SUBORDINATE_DEPS = {"relcl", "advcl", "acl", "pcomp", "csubj", "parataxis", "npadvmod"}
MAIN_CLAUSE_BONUS = 0.1  # what the sentence is about, rather than a circumstance of it
# Frames under which force told in the future is promised by its actor (a threat), not a plan
# or an expectation told of them.
FORECAST_FRAMES = frozenset({"report", "light", "resolve"})
# Conflictual acts short of force that, forecast under a condition, are threats of them
# (CAMEO 13 usage notes: conflictual behaviour forecast in the future tense; 1312, 138).
CONDITIONED_THREAT_TYPES = frozenset({"MOBILIZE", "SANCTION"})
# Entity labels of the parties a warning may name as who would act.
NAMED_PARTY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
# Prepositions that set a limit of time given to someone ("gave Chile until Friday").
LIMIT_PREPOSITIONS = frozenset({"until", "till", "til"})
# The noun whose lexicon code is a final demand with a deadline (CAMEO 139, give ultimatum).
ULTIMATUM_NOUN = "ultimatum"
# The content whose threat is one of military force (CAMEO 18, assault: threatened, 138).
FORCE_CONTENT = "18"


def conditional_threat(proto: Proto, modality: str, lexicon: Lexicon) -> Proto:
    """ "will withdraw its force unless ...": a conditional future of a hostile act is a threat.
    So is force told as what will or would be done, by a modal alone or as what follows a
    condition ("will strike Chile", "would not hesitate to use force", "would use force if its
    ships entered"): CAMEO codes conflictual behaviour forecast in the future tense as a threat
    of it (code 13 usage notes); not a plan or preparation told of a party, nor a condition."""
    if modality not in ("planned", "hypothetical") or proto.type in ("AGREE", "THREATEN", "REQUEST"):
        return proto
    unless = any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children)
                 for c in proto.anchor.children)
    forecast_force = proto.type in FORCE_TYPES and set(proto.frames) <= FORECAST_FRAMES and (
        modality == "planned" or conditioned_forecast(proto.anchor))
    # a deployment or a sanction told as what will follow a condition ("would mobilize its army
    # in case of war", "will impose sanctions if ...") is a threat of it; told alone, a plan
    conditioned = proto.type in CONDITIONED_THREAT_TYPES and set(proto.frames) <= FORECAST_FRAMES \
        and conditioned_forecast(proto.anchor)
    if not unless and not forecast_force and not conditioned:
        return proto
    threaten = lexicon.frames["threaten"]
    code = threaten.code_for(proto.content) or "130"
    return replace(proto, type="THREATEN", cameo=code, mode=lexicon.mode_of(code))


def countered_force(proto: Proto, lexicon: Lexicon) -> Proto:
    """ "vowed to respond to any Chilean attack", "warned it would react to an attack",
    "threatened to strike back in case of an attack": a commitment or warning whose only object
    is an act of force (or a condition of one) (the noun lexicon's attacks,
    CAMEO 18-20) is a promise to answer force with force, i.e. a threat of force (CAMEO 138,
    PLOVER THREATEN) against whoever would carry the act out; the act itself is no party, and
    no intent to cooperate with it (an AGREE) was stated."""
    if proto.nominal or not proto.targets or proto.type not in ("AGREE", "THREATEN"):
        return proto
    if proto.type == "AGREE" and "commit" not in (proto.entry.frame, *proto.frames):
        return proto
    acts = [_supposed(t) for t in proto.targets]
    if not all(_force_act(t, lexicon) for t in acts):
        return proto
    agents = [a for act in acts for a in noun_agent_tokens(act, None) or preposition_objects(act, "from")]
    code = lexicon.frames["threaten"].code_for(FORCE_CONTENT) or proto.cameo
    if proto.type == "THREATEN" and proto.cameo.startswith(code):
        code = proto.cameo  # already a threat of force, maybe of a kind ("strike back": 1384)
    return replace(proto, type="THREATEN", cameo=code, mode=lexicon.mode_of(code), targets=agents,
                   more_targets=[], symmetric=False)


def time_limit(proto: Proto, lexicon: Lexicon) -> Proto:
    """ "gave Chile until Friday to withdraw", "gave Chile two days to leave": a giving verb
    (one with a light-verb sense, "give an ultimatum") whose gift is a span or limit of time is
    a final demand with a deadline, CAMEO's "give ultimatum" (139; the code the noun lexicon
    gives "ultimatum", and PETRARCH2's GIVE * DEADLINE), aimed at the one given the time."""
    if proto.nominal or proto.type == "THREATEN" or not _gives_time(proto.trigger, lexicon):
        return proto
    recipients = [c for c in proto.trigger.children if c.dep_ in ("dative", "dobj") and not _time_word(c)]
    code = next((s.cameo for s in lexicon.senses("nouns", ULTIMATUM_NOUN) if s.cameo), None)
    if not recipients or code is None:
        return proto
    return replace(proto, type=lexicon.plover_of(code) or "THREATEN", cameo=code, mode=lexicon.mode_of(code),
                   targets=recipients[:1], more_targets=[], symmetric=False)


def _gives_time(verb: Token, lexicon: Lexicon) -> bool:
    senses = lexicon.senses("verbs", verb.lemma_.lower())
    if not any(s.frame == "light" for s in senses) or not any("dative" in s.target for s in senses):
        return False  # a verb of giving: a light verb with a recipient ("give", not "launch")
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and not _time_word(c)]
    if len(objects) != 1 or objects[0].ent_type_ not in NAMED_PARTY_LABELS:
        return False  # "gave Chile aid last year": a gift besides the one given it, and a time
    for child in verb.children:
        if (child.dep_ in ("dobj", "dative") and _time_word(child)) or (
                child.dep_ == "npadvmod" and objects[0].dep_ == "dative" and _time_word(child)):
            return True
        if child.dep_ == "prep" and child.lower_ in LIMIT_PREPOSITIONS and any(
                _time_word(o) for o in child.children if o.dep_ == "pobj"):
            return True
    return False


def _time_word(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME") or token.lower_ in ("deadline", "deadlines")


def mutual_commitment(proto: Proto, lexicon: Lexicon) -> Proto:
    """ "Peru and Chile agreed to end the ceasefire": a commitment that two or more parties make
    together with an agreeing verb (a symmetric commit sense, "agree"), naming no one else it is
    aimed at, is an agreement between them (AGREE, CAMEO 030), whatever it is about; a threat
    needs someone threatened ("Peru and Chile agreed to attack Bolivia" stays one)."""
    if proto.type != "THREATEN" or proto.nominal or proto.target_groups() or len(proto.sources) < 2:
        return proto
    if not proto.frames or proto.frames[-1] != "commit":
        return proto
    agreeing = any(sense.frame == "commit" and sense.symmetric
                   for sense in lexicon.senses("verbs", proto.trigger.lemma_.lower()))
    if not agreeing:
        return proto
    code = lexicon.frames["commit"].base or proto.cameo
    return replace(proto, type=lexicon.plover_of(code) or "AGREE", cameo=code, mode=lexicon.mode_of(code),
                   symmetric=True)


def warning_of_another(proto: Proto, lexicon: Lexicon) -> bool:
    """ "Peru warned of a possible Chilean attack", "warned that Chile would attack": a warning
    (a weak threaten sense) of what a named other party would do is no threat by the one who
    warns (nor by that party: it is told of, not made); "warned Iran against attacking" is a
    warning to the one who would act, and "warned that its troops would strike" keeps its
    reading (whose troops the words do not name)."""
    if proto.type != "THREATEN" or not proto.frames or proto.frames[-1] != "threaten":
        return False
    if not any(sense.frame == "threaten" and sense.weak
               for sense in lexicon.senses("verbs", proto.trigger.lemma_.lower())):
        return False
    event = proto.event_token
    if proto.entry.suffered:
        return False  # "warned that Chile would face consequences": Chile undergoes, the warner threatens
    agents = noun_agent_tokens(event, None) if event.pos_ in ("NOUN", "PROPN") else subject_tokens(event)
    if not agents or not all(a.ent_type_ in NAMED_PARTY_LABELS for a in agents):
        return False
    # the warner's and the warned's words ("Bolivia's defence minister warned", "warned Iran")
    warned = [c for c in proto.trigger.children if c.dep_ in ("dobj", "dative")]
    own = {t.lower_ for party in (*proto.sources, *warned) for t in party.subtree}
    return not any(a.lower_ in own for a in agents)


def _supposed(token: Token) -> Token:
    """ "in case of a Chilean attack": the act a conditional preposition supposes, else the token."""
    if not condition_phrase(token):
        return token
    return next((o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj"), token)


def _force_act(token: Token, lexicon: Lexicon) -> bool:
    """A common noun the lexicon codes as an attack ("attack", "aggression", "strike")."""
    if token.pos_ != "NOUN" or token.ent_type_:
        return False
    return any(sense.type == "ASSAULT" or (sense.cameo or "")[:2] in ATTACK_ROOTS
               for sense in lexicon.senses("nouns", token.lemma_.lower()))


def refined_code(proto: Proto, modality: str, source: Actor, lexicon: Lexicon) -> tuple[str, str | None]:
    """The CAMEO code made precise: state actors, mode words, context, future intent."""
    cameo, mode = proto.cameo, proto.mode
    entry = proto.entry
    if entry.state_cameo and cameo == entry.cameo and _is_state(source, lexicon):
        cameo = entry.state_cameo
    if cameo in GENERIC_CODES:
        found = _mode_word(proto, lexicon)
        if found is not None:
            mode = found
            cameo = lexicon.mode_cameo.get(proto.type, {}).get(found, cameo)
    speech_act = proto.type in ("THREATEN", "REQUEST", "AGREE", "REJECT")
    own_code = {"plan", "expect", "commit", "cause"} & set(proto.frames)  # frames that gave their own code
    if modality in ("planned", "hypothetical") and not own_code and not speech_act:
        cameo = lexicon.frames["plan"].code_for(cameo) or cameo
    if modality == "refused" and not {"refuse", "allow"} & set(proto.frames) and not speech_act:
        cameo = lexicon.frames["refuse"].code_for(cameo) or cameo
    sub = lexicon.contexts.get(cameo)
    if sub:
        words = _clause_words(proto)
        for context, code in sub.items():
            if words & lexicon.context_words[context]:
                return code, mode
    return cameo, mode


def typed(proto: Proto, cameo: str, source: Actor, lexicon: Lexicon) -> str:
    entry = proto.entry
    if entry.state_type and cameo == entry.state_cameo and _is_state(source, lexicon):
        return entry.state_type
    if (cameo != entry.cameo and lexicon.plover_of(cameo) == "REJECT" and proto.type != "REJECT"
            and proto.type not in FORCE_TYPES):
        # "would not attend the talks": refused, the meeting is a rejection (125). Force one will
        # not use ("neither side will attack the other") rejects nothing: it stays force, and
        # force that did not happen is no event (plausibility).
        return "REJECT"
    return proto.type


def _is_state(actor: Actor, lexicon: Lexicon) -> bool:
    """A government, armed force or country acting as such (not its citizens)."""
    if actor.sector in lexicon.state_sectors:
        return True
    words = {w.lower().rstrip("s") for w in actor.name.split()}
    if words & lexicon.military_words:
        return True
    if actor.sector is None and actor.country:
        match = resolve_actor_text(actor.name)
        return match is not None and match.kind in ("country", "capital", "seat")
    return False


def _mode_word(proto: Proto, lexicon: Lexicon) -> str | None:
    words = _clause_words(proto)
    for mode, cues in lexicon.mode_words.get(proto.type, {}).items():
        if words & cues:
            return mode
    return None


def _clause_words(proto: Proto) -> set[str]:
    """Words of the event's own clause (not of clauses under it): its mode and context cues."""
    tokens = _own_clause(proto.event_token)
    if proto.anchor != proto.event_token:
        tokens += [t for c in proto.anchor.children if c.dep_ in ("prep", "dobj", "advmod", "nsubj")
                   for t in _own_clause(c)]
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


def _own_clause(token: Token) -> list[Token]:
    tokens = [token]
    for child in token.children:
        if child.dep_ not in SUBORDINATE_DEPS:
            tokens += _own_clause(child)
    return tokens


def clause_depth(proto: Proto) -> int:
    """How many subordinate clauses the event sits in (0: the sentence's main statement)."""
    count = 0
    for token in [proto.anchor, *proto.anchor.ancestors]:
        if token.dep_ in SUBORDINATE_DEPS:
            count += 1
    return count


def intensity(event_type: str, mode: str | None, lexicon: Lexicon) -> float | None:
    category = lexicon.categories.get(event_type)
    if category is None:
        return None
    value = category.mode_scores.get(mode or "", category.score)
    # The manual prints ACCUSE's base score as +3 while its modes are negative: a sign typo.
    return -abs(value) if event_type == "ACCUSE" else value


def confidence(proto: Proto, source: Actor, target: Actor | None, when: EventDate, modality: str,
                inferred: bool) -> float:
    score = BASE_CONFIDENCE
    if proto.entry.specific or proto.trigger != proto.event_token:
        score += SPECIFIC_BONUS
    score += NAMED_SOURCE_BONUS if source.role or source.sector else NAMED_SOURCE_BONUS / 2
    score += TARGET_BONUS if target is not None else 0.0
    score += DATED_BONUS if when.from_text else 0.0
    score -= WEAK_PENALTY if proto.weak else 0.0
    score -= UNSURE_PENALTY if modality == "hypothetical" or inferred else 0.0
    depth = clause_depth(proto)
    score += MAIN_CLAUSE_BONUS if depth == 0 else -UNSURE_PENALTY * min(depth, 2) / 2
    return round(min(0.95, max(0.05, score)), 3)
