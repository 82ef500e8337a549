"""Events of a sentence from its triggers: each event word, wrapped by the frames that govern it.

"Jordan and Britain have agreed to undertake joint military exercises": the exercises (COOPERATE
062) under "agreed" (commit) become AGREE 0312, by Jordan and Britain. "They will not permit
negotiations": CONSULT, refused (REJECT code 125). A frame that governs no event is an event of
its own when it can be ("Iran threatened Azerbaijan": THREATEN 130).

    compose_sentence(sent) -> [Proto(...)]   # arguments still as tokens
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from parley.events.arguments import (
    CIRCUMSTANCE_PREPOSITIONS,
    REPELLING_VERBS,
    circumstance_subjects,
    involved_tokens,
    is_passive,
    noun_agent_tokens,
    noun_slot_tokens,
    passive_subject_tokens,
    preposition_objects,
    slot_tokens,
    subject_tokens,
    thing_parties,
    undergoing_verb,
    weapon_launcher,
)
from parley.events.chain import depth, governing_chain, is_modal, modal_frame
from parley.events.frames import (
    CONTENT_FRAMES,
    RETYPING_FRAMES,
    Proto,
    apply_frame,
    complement_subjects,
    complement_targets,
    frame_subjects,
    frame_targets,
    is_thing,
)
from parley.events.lexicon import Lexicon, TriggerEntry, load_lexicon
from parley.events.modality import forecast
from parley.events.participants import is_act_noun
from parley.events.petrarch import match_verb
from parley.events.plausibility import FORCE_TYPES
from parley.events.triggers import Hit, find_hits

__all__ = ["Proto", "compose_sentence"]

# Frames that stand as events when they govern none.
STANDALONE_FRAMES = {"commit", "threaten", "reject", "appeal", "demand", "refuse", "allow"}
# Frames that give meaning to a word that has none alone ("cut ties", "calls for aid").
MEANING_FRAMES = RETYPING_FRAMES | CONTENT_FRAMES | {"refuse", "plan", "expect", "deny", "cause", "prepare",
                                                     "resolve"}
# Prepositions whose nominal event may name the agent of a passive ("killed in an attack by ...").
PASSIVE_CIRCUMSTANCES = ("in", "during")
# Objects that make a bare rejection a rejection of a settlement or of a meeting.
REJECTED_PLANS = {"plan", "proposal", "agreement", "deal", "accord", "initiative", "settlement",
                  "formula", "resolution", "offer", "treaty", "compromise"}
REJECTED_MEETINGS = {"invitation", "meeting", "talk", "summit", "visit"}
# Target slots of a trigger whose entry names none.
DEFAULT_SLOTS = ("dobj", "dative", "against", "on", "with", "to")
# Verbs whose subject calls forth the event noun they take as object, by others ("drew criticism
# from Bolivia", "sparked protests", "won support from the EU").
ELICITING_VERBS = {"draw", "attract", "spark", "provoke", "trigger", "prompt", "elicit", "earn", "win",
                   "receive", "incur"}
# "claimed responsibility for", "took credit for": the subject owns the act the noun names.
CLAIMED_NOUNS = {"responsibility", "credit"}
CLAIMING_VERBS = {"claim", "accept", "take", "assume", "admit"}
# CAMEO's root of protest, and the preposition of the site a protest is held outside of: a party's
# seat there ("outside the Chilean embassy") is what the protest is aimed at, failing a named one
# ("at" names squares and campuses as often as seats).
PROTEST_ROOT = "14"
PROTEST_SITES = ("outside",)
# CAMEO roots of sanctions and coercion: a passive one with no agent is by the country it removes
# its object from ("was expelled from Chile").
REMOVAL_ROOTS = ("16", "17")
# Prepositions that make a protest the setting of another act ("fired at a rally", "arrested
# during the protest"), not one the verb's subject joins.
SETTING_PREPOSITIONS = frozenset({"at", "during", "outside", "near", "after", "before", "since"})
# Objects of a verb that still joins the protest its "in" names ("took part in a rally").
PARTAKING_OBJECTS = frozenset({"part"})
# CAMEO roots of coercion and force: promised, they are threats (CAMEO 13).
FORCE_ROOTS = ("17", "18", "19", "20")
# The preposition that names both parties of a symmetric act ("signed between X and Y").
MUTUAL_SLOT = "between"
# The preposition of what a giving verb gives when its object is the receiver ("supplied Peru
# with wheat", "provided the rebels with arms").
WITH_GOODS = "with"
# Categories whose recipient, unnamed, is the other party of the meeting they came out of.
NEGOTIATED_TYPES = {"AGREE", "CONCEDE", "REJECT"}
POSSESSIVE_PRONOUNS = {"his", "her", "their", "its", "our"}
# An agreement noun's words for what was agreed ("a ceasefire agreement", "a deal on a truce",
# "an accord for a prisoner exchange"): coded as the frame of agreeing over that act.
AGREED_TYPE = "AGREE"
AGREEING_FRAME = "commit"
AGREED_CONTENT_PREPOSITIONS = ("on", "for")


def compose_sentence(sent: Span, lexicon: Lexicon | None = None, widen: bool = False) -> list[Proto]:
    """Every event of a parsed sentence, with the frames over it applied (`widen`: with the
    triggers only PETRARCH2's dictionary knows, see `triggers.find_hits`)."""
    lexicon = lexicon or load_lexicon()
    by_index = {h.token.i: h for h in find_hits(sent, lexicon, widen)}
    modals = {t.i: Hit(t, entry) for t in sent if (entry := modal_frame(t)) is not None}
    for index, hit in modals.items():  # "said the US must ...": a demand
        by_index.setdefault(index, hit)
    consumed: set[int] = set()
    protos = []
    for hit in sorted(by_index.values(), key=lambda h: h.token.i):
        if not hit.is_frame:
            protos += _governed(_event_proto(hit, lexicon), hit, by_index, modals, consumed, lexicon)
    frames = [h for h in by_index.values() if h.is_frame]
    for hit in sorted(frames, key=lambda h: -depth(h.token)):
        if hit.token.i in consumed:
            continue
        proto = _standalone_proto(hit, lexicon)
        if proto is not None:
            consumed.add(hit.token.i)
            protos += _governed(proto, hit, by_index, modals, consumed, lexicon)
    return protos


def _governed(proto: Proto | None, hit: Hit, by_index: dict[int, Hit], modals: dict[int, Hit],
              consumed: set[int], lexicon: Lexicon) -> list[Proto]:
    if proto is None:
        return []
    chain = governing_chain(hit.token, by_index, modals)
    if chain is None:
        return []
    if not hit.entry.standalone and not any(
            h.entry.frame in MEANING_FRAMES or _carries(h, hit) for h in chain) and not _given_by(hit.token) \
            and not _forecast_force(proto):
        return []
    if any(_appositive(h) for h in chain):
        return []
    current: Proto | None = proto
    for frame_hit in chain:
        consumed.add(frame_hit.token.i)
        current = apply_frame(current, frame_hit, lexicon) if current else None
    if current is not None and not current.speaker:
        current.speaker = _reporter(hit.token, by_index)
    if current is not None and not current.target_groups() and current.type in NEGOTIATED_TYPES \
            and len(current.sources) < 2:  # "X and Y agreed after talks with Z": Z went between
        current.targets = _negotiating_partner([hit.token, *(h.token for h in chain)], by_index)
    return [current] if current else []


def _forecast_force(proto: Proto) -> bool:
    """ "will use force against Chile", "would use force if ...": force a party says it will
    use is a threat of it (see `coding.conditional_threat`), though the words alone name none."""
    return proto.type in FORCE_TYPES and forecast(proto.anchor)


def _carries(frame: Hit, hit: Hit) -> bool:
    """A light verb listed with the event noun as its object carries it ("declared a unilateral
    ceasefire"): the noun is that act, not a mention of one ("the ceasefire held")."""
    word = hit.token
    return frame.entry.frame == "light" and bool({word.lemma_.lower(), word.lower_} & frame.entry.obj)


def _appositive(hit: Hit) -> bool:
    """ "required Chile to cede Tacna, a key Peruvian demand to end the war": a speech-act noun
    in apposition says what another noun is (whose demand a term was), not that anyone made it."""
    return (hit.entry.word_class == "nouns" and hit.token.dep_ == "appos"
            and (hit.entry.frame or "") in STANDALONE_FRAMES)


def _negotiating_partner(tokens: list[Token], by_index: dict[int, Hit]) -> list[Token]:
    """ "agreed to a ceasefire during negotiations with the US": who an agreement or a
    concession made in a meeting is with (the meeting's other party), when one party agreed
    (parties named together agreed with each other, the meeting's host went between them)."""
    for token in tokens:
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in CIRCUMSTANCE_PREPOSITIONS:
                continue
            for noun in prep.children:
                hit = by_index.get(noun.i)
                if noun.dep_ == "pobj" and hit is not None and hit.entry.symmetric:
                    partners = preposition_objects(noun, "with")
                    if partners:
                        return partners
    return []


def _reporter(token: Token, by_index: dict[int, Hit]) -> list[Token]:
    """The subject of a report verb over the event's clause ("officials have indicated that
    while they are prepared ..."): who "they" most likely is."""
    for ancestor in token.ancestors:
        hit = by_index.get(ancestor.i)
        if hit is not None and hit.entry.frame == "report":
            return subject_tokens(ancestor)
    return []


def _event_proto(hit: Hit, lexicon: Lexicon) -> Proto | None:
    entry = hit.entry
    event_type = entry.type or lexicon.plover_of(entry.cameo)
    if entry.cameo is None or event_type is None:
        return None
    token = hit.token
    nominal = entry.word_class == "nouns"
    anchor = token
    if nominal:
        sources, anchor = _noun_sources(token, entry, event_type)
    elif entry.passive_source and any(c.dep_ == "nsubjpass" for c in token.children):
        sources = passive_subject_tokens(token)
    else:
        sources = subject_tokens(token) or _circumstance_agents(token) or _removed_from(token, entry)
    groups = [[t for t in g if t not in sources] for g in own_targets(token, entry, nominal)]
    if entry.suffered and not forecast(token):
        return None  # "Chile paid a heavy price for the war": a cost told, no threat
    sources, groups = _parties_by_entry(token, entry, sources, groups)
    groups = [g for g in groups if g]
    elicitor = _eliciting_verb(token) if nominal else None
    if elicitor is not None:  # "Chile's refusal drew criticism from Bolivia": Bolivia criticised Chile
        anchor = elicitor
        sources = sources or preposition_objects(token, "from") or preposition_objects(elicitor, "from")
        groups = [[t for t in subject_tokens(elicitor) if t not in sources], *groups]
    attacked = nominal and event_type == "ASSAULT" and token.dep_ == "dobj"
    repelling = _governing_verb(token) if attacked else None
    if repelling is not None and repelling.lemma_.lower() in REPELLING_VERBS:  # "repelled a Chilean attack"
        defenders = [t for t in subject_tokens(repelling) if t not in sources]
        groups = [*groups, defenders] if defenders else groups
    undergoing = undergoing_verb(token) if nominal else None
    if undergoing is not None:  # "Arica came under fire from Peruvian artillery"
        anchor = undergoing
        suffering = subject_tokens(undergoing)
        sources = ([t for t in noun_agent_tokens(token, entry.of) if t not in suffering]
                   or preposition_objects(token, "from") or preposition_objects(undergoing, "from"))
        groups = [suffering, *[[t for t in g if t not in sources] for g in groups]]
    code = (_agreed_content(token, lexicon) if nominal and event_type == AGREED_TYPE else None) or entry.cameo
    return Proto(entry=entry, event_token=token, type=event_type, cameo=code, content=code,
                 mode=entry.mode or lexicon.mode_of(code), trigger=token, anchor=anchor,
                 sources=sources, targets=groups[0] if groups else [], more_targets=groups[1:],
                 symmetric=entry.symmetric, weak=entry.weak, nominal=nominal)


def _agreed_content(noun: Token, lexicon: Lexicon) -> str | None:
    """The code of the act an agreement noun names as what was agreed ("a ceasefire agreement",
    "a deal on a truce"): that act under the frame of agreeing, as "agreed to a ceasefire" is
    coded (a truce agreed is CAMEO 0356, an exchange of prisoners agreed 0353); None when the
    noun names no act."""
    named = [c for c in noun.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    named += [o for p in AGREED_CONTENT_PREPOSITIONS for o in preposition_objects(noun, p)]
    commit = lexicon.frames[AGREEING_FRAME]
    for word in named:
        for sense in lexicon.senses("nouns", word.lemma_.lower()):
            code = commit.code_for(sense.cameo) if sense.cameo and not sense.frame else None
            if code is not None and code != commit.base:
                return code
    return None


def _noun_sources(token: Token, entry: TriggerEntry, event_type: str) -> tuple[list[Token], Token]:
    """Who does what an event noun names, and the word whose tense and date are the event's."""
    anchor = token
    sources = noun_agent_tokens(token, entry.of)
    verb = _governing_verb(token)
    collective = event_type == "PROTEST" and _joined_protest(token)  # "converging for a rally"
    if verb is not None and (token.dep_ == "dobj" or verb.lemma_.lower() in entry.via or collective):
        anchor = verb  # "would tighten the blockade", "remained on alert": the verb's tense, date
        if verb.lemma_.lower() in entry.via or _possessive_only(sources) or (collective and not sources):
            sources = subject_tokens(verb)
    if not sources and entry.symmetric and event_type == "CONSULT":  # "left after talks with Y"
        sources = circumstance_subjects(token)
    if entry.symmetric and len(preposition_objects(token, MUTUAL_SLOT)) > 1 and not noun_agent_tokens(
            token, entry.of):  # "Oman announced a ceasefire between Peru and Chile": theirs
        sources = []
    claimant = _claiming_verb(token)
    if claimant is not None:  # "the rebels claimed responsibility for a drone attack on Callao"
        anchor, sources = claimant, sources or subject_tokens(claimant)
    return sources, anchor


def _joined_protest(noun: Token) -> bool:
    """A protest noun the verb above it takes part in ("converged for a rally", "marched in the
    protest", "took part in a rally"); not one that is only the setting of another act ("police
    fired tear gas at a rally", "touts his record in political rallies", "spoke at a rally")."""
    if noun.dep_ != "pobj":
        return False
    preposition = noun.head.lower_
    if preposition in SETTING_PREPOSITIONS:
        return False
    verb = noun.head.head
    return preposition != "in" or not any(
        c.dep_ == "dobj" and c.lemma_.lower() not in PARTAKING_OBJECTS for c in verb.children)


def _parties_by_entry(token: Token, entry: TriggerEntry, sources: list[Token],
                      groups: list[list[Token]]) -> tuple[list[Token], list[list[Token]]]:
    """Sources and target groups of the entries whose parties are not subject and object."""
    if entry.suffered:  # "Chile will pay a heavy price": Chile is threatened, by who says so
        return [], [subject_tokens(token), *groups]
    if entry.by_launcher:  # "drones launched by Peru were intercepted over Chile": Peru's attack
        weapons = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        launchers = [t for w in weapons if (t := weapon_launcher(w, own=True)) is not None]
        interceptors = [t for t in subject_tokens(token) if t not in launchers]
        owners = [c for t in interceptors for c in t.children if c.dep_ == "poss"]  # "its air defences"
        return launchers[:1], [interceptors, owners, *groups]
    if entry.manner:  # "will respond forcefully to any attack by Chile": at the attacker
        return sources, [[a for g in groups for t in g for a in noun_agent_tokens(t, None)], *groups]
    return sources, groups


def _claiming_verb(noun: Token) -> Token | None:
    """The verb of "claimed responsibility for an attack", "took credit for the strike": its
    subject says it did the act the noun names."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() not in CLAIMED_NOUNS:
        return None
    claim = prep.head
    verb = claim.head
    if claim.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in CLAIMING_VERBS:
        return verb
    return None


def _eliciting_verb(noun: Token) -> Token | None:
    """The verb of "drew criticism from", "sparked protests by", "won support from" whose object
    the event noun is: its subject is what the event answers, not who acts."""
    measured = _measured_by(noun)
    if measured is not None:  # "received 20 million dollars in emergency aid from Chile"
        noun = measured
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in ELICITING_VERBS:
        return verb
    return None


def _measured_by(noun: Token) -> Token | None:
    """The amount an event noun is the stuff of ("20 million dollars in aid", "500 tonnes of
    relief"): a counted noun whose "in" or "of" phrase the event noun is."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "of"):
        return None
    amount = prep.head
    if amount.pos_ == "VERB" and prep.lower_ == "in":  # "received 20 million dollars in aid"
        amount = next((c for c in amount.children if c.dep_ == "dobj" and c.i < prep.i), amount)
    counted = any(c.dep_ == "nummod" or c.like_num for c in amount.children) or amount.ent_type_ in (
        "MONEY", "QUANTITY")
    return amount if amount.pos_ == "NOUN" and counted else None


def _removed_from(verb: Token, entry: TriggerEntry) -> list[Token]:
    """The country a passive removal names with "from" and no agent removed them: "a Bolivian
    diplomat was expelled from Chile" (by Chile), "journalists were deported from Peru"."""
    if not (entry.cameo or "").startswith(REMOVAL_ROOTS) or not is_passive(verb):
        return []
    return [t for t in preposition_objects(verb, "from") if t.ent_type_ == "GPE"]


def _given_by(noun: Token) -> bool:
    """An event noun a party received from another ("received military aid from Chile"): the
    act, though the noun alone is mostly a mention."""
    verb = _eliciting_verb(noun)
    return verb is not None and bool(preposition_objects(noun, "from") or preposition_objects(verb, "from"))


def _circumstance_agents(verb: Token) -> list[Token]:
    """ "was murdered in an attack ... by Kosovo Albanians": the attack's agent did it; not the
    owner of a place it happened in ("were killed in the Peruvian village of Tambo" tells where,
    not by whom)."""
    if not is_passive(verb):
        return []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in PASSIVE_CIRCUMSTANCES:
            for noun in (c for c in child.children if c.dep_ == "pobj" and is_act_noun(c)):
                agents = noun_agent_tokens(noun, None)
                if agents:
                    return agents
    return []


def _possessive_only(sources: list[Token]) -> bool:
    """ "continued their hunger strike": the possessive pronoun is the verb's subject anyway."""
    return len(sources) == 1 and sources[0].lower_ in POSSESSIVE_PRONOUNS


def _governing_verb(token: Token) -> Token | None:
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head if head != token and head.pos_ in ("VERB", "AUX") else None


def own_targets(token: Token, entry: TriggerEntry, nominal: bool) -> list[list[Token]]:
    """The trigger's own target candidates, best first: its slots, then the slots of its object
    ("provided aid to Macedonia", "deploy peacekeepers in Iraq"), then a possessor."""
    if entry.not_target:
        return []
    slots = list(entry.target or DEFAULT_SLOTS)
    if entry.of == "target" and "of" not in slots:
        slots.append("of")
    if (entry.cameo or "").startswith(PROTEST_ROOT):  # "demonstrated outside the Chilean embassy"
        slots += [s for s in PROTEST_SITES if s not in slots]
    if entry.symmetric and MUTUAL_SLOT not in slots and not nominal and is_passive(token):
        slots.append(MUTUAL_SLOT)  # "a pact was signed between Chile and Peru": no subject, both sides
    groups = [noun_slot_tokens(token, s) if nominal else slot_tokens(token, s) for s in slots]
    if nominal:
        groups = [*groups, involved_tokens(token), _between_of_verb(token)] if entry.symmetric else groups
        return [thing_parties(g, is_thing) for g in groups]
    objects = [c for c in token.children if c.dep_ == "dobj"]
    groups += [[t for obj in objects for t in noun_slot_tokens(obj, s)] for s in slots]
    if WITH_GOODS in slots and "dobj" not in slots and preposition_objects(token, WITH_GOODS):
        groups.append(slot_tokens(token, "dobj"))  # "supplied Peru with wheat": Peru receives
    if entry.symmetric:  # a deal's other party, named in what it is for
        groups += [_aim_objects(obj) for obj in objects]
    if "poss" in slots:
        groups.append(possessor_targets(token))
    return [thing_parties(g, is_thing) for g in groups]


def _between_of_verb(noun: Token) -> list[Token]:
    """ "Clashes broke out between Chilean and Bolivian troops", "a meeting took place between
    Peru and Chile": the sides of a mutual act named as the subject of the verb it happens by."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.pos_ not in ("VERB", "AUX"):
        return []
    return slot_tokens(noun.head, MUTUAL_SLOT)


def _aim_objects(noun: Token) -> list[Token]:
    """Who the infinitive clause describing an object acts on: "signed an accord to supply Peru
    with wheat" is signed with Peru, "reached a deal to free Chilean prisoners" with Chile."""
    found: list[Token] = []
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            found += slot_tokens(clause, "dobj") + slot_tokens(clause, "dative")
    return found


def possessor_targets(token: Token) -> list[Token]:
    """ "denounced as an ugly crime Serbia's suppression of ...": a possessor in the complement."""
    for child in token.children:
        if child.dep_ not in ("dobj", "prep"):
            continue
        for item in child.subtree:
            if item.dep_ == "poss" and item.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
                return [item]
    return []


def _standalone_proto(hit: Hit, lexicon: Lexicon) -> Proto | None:
    entry = hit.entry
    kind = entry.frame or ""
    if kind not in STANDALONE_FRAMES:
        return None
    spec = lexicon.frames[kind]
    if kind in ("refuse", "reject") and withholds_information(hit.token, lexicon):
        return None
    if _appositive(hit):
        return None
    code = {"reject": _rejection_code(hit.token), "refuse": "120"}.get(kind) or entry.base or spec.base
    if code is None:
        return None
    token = hit.token
    event_type = spec.type or lexicon.plover_of(code) or "REJECT"
    force = _vowed_force(token) if kind == "commit" and spec.conflict_type else None
    if force is not None:  # "vowed to retaliate against Bolivia": a threat, not a promise
        code, event_type = spec.code_for(force) or code, spec.conflict_type or event_type
    nominal = entry.word_class == "nouns"
    sources = frame_subjects(hit)
    proto = Proto(entry=entry, event_token=token, type=event_type,
                  cameo=code, content=code, mode=lexicon.mode_of(code), trigger=token, anchor=token,
                  sources=sources, targets=[], symmetric=entry.symmetric, weak=entry.weak or nominal,
                  nominal=nominal)
    groups = [frame_targets(hit, proto)]
    if is_modal(entry) or kind in ("appeal", "demand"):
        groups.insert(0 if is_modal(entry) else 1, complement_subjects(token))
    groups.append(complement_targets(token))
    if force is not None:  # "vowed to punish Bolivia": whom the force is promised against
        groups += [slot_tokens(c, "dobj") for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    groups = [[t for t in g if t not in sources] for g in groups]
    groups = [g for g in groups if g]
    proto.targets, proto.more_targets = (groups[0], groups[1:]) if groups else ([], [])
    return proto


def _vowed_force(token: Token) -> str | None:
    """The code of force PETRARCH2's dictionary gives the verb a commitment governs where the
    hand lexicon knows none ("vowed to retaliate", "pledged to crush the rebels"), else None."""
    for clause in token.children:
        if clause.dep_ == "xcomp" and clause.pos_ == "VERB":
            found = match_verb(clause)
            if found is not None and found.code is not None and found.code[:2] in FORCE_ROOTS:
                return found.code
    return None


def withholds_information(token: Token, lexicon: Lexicon) -> bool:
    """ "declined to comment", "refused to give details", "declined to be named": a source keeps
    something to itself; not a refusal of anyone's proposal, demand or meeting (CAMEO 12 is the
    rejection of another party's act or request)."""
    words = lexicon.disclosure_words
    for child in token.children:
        if child.dep_ != "xcomp" or child.pos_ not in ("VERB", "AUX"):
            continue
        if child.lemma_.lower() in words["verbs"] and not _answers_a_party(child, lexicon):
            return True
        objects = [c for c in child.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(c.lemma_.lower() in words["nouns"] for c in objects):
            return True
    return False


def _answers_a_party(verb: Token, lexicon: Lexicon) -> bool:
    """ "refused to respond to a demand from Peru", "refused to talk to Chile": the verb is
    aimed at a party or at its act (an event noun), so refusing it rejects them; "declined to
    speak to reporters" or "to comment on the report" keeps something to itself."""
    objects = [o for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("to", "with")
               for o in prep.children if o.dep_ == "pobj"]
    return any(o.ent_type_ in ("GPE", "NORP") or lexicon.senses("nouns", o.lemma_.lower())
               for o in objects)


def _rejection_code(token: Token) -> str:
    objects = [c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if REJECTED_PLANS & set(objects):
        return "127"
    if REJECTED_MEETINGS & set(objects):
        return "125"
    return "120"
