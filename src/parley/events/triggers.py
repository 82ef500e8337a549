"""Trigger words in a parsed sentence: each token whose lemma and context match a sense of the
lexicon ("imposed" + object "sanctions", "talks" in the plural, "hunger strike").

    find_hits(sentence) -> [Hit(token=imposed, entry=<impose: light frame>), Hit(token=sanctions, ...)]
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from parley.actors import resolve_actor_text
from parley.actors.resolve import is_relational_noun
from parley.events.lexicon import POS_CLASSES, Lexicon, TriggerEntry, load_lexicon
from parley.events.petrarch import VerbMatch, match_verb

# Dependency labels of a verb's object; a passive subject is the object of the action.
OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd")
# Children of a noun that say what kind of thing it is ("hunger strike", "military exercises").
MODIFIER_DEPS = ("compound", "amod", "nmod", "npadvmod", "poss")
# Regular English endings and what may replace them to give the base form.
DEINFLECTIONS = (("ied", ("y",)), ("ies", ("y",)), ("ed", ("e", "")), ("ing", ("e", "")), ("es", ("", "e")),
                 ("s", ("",)))
# PETRARCH2's dictionary codes verbs the hand lexicon lacks, and refines the codes of those it has.
DICTIONARY_WIDENS = True
DICTIONARY_REFINES = True
# Whether a verb the dictionary codes without any pattern word triggers (as a weak trigger).
BARE_VERBS = True
# Verb-tagged words that head no clause of their own ("according to").
NOT_VERB_DEPS = ("prep", "amod", "aux", "auxpass")
# Entity labels of words that are never an event ("March 15", "two strikes" is no number).
NOT_EVENT_ENTITIES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
# Pronouns that stand for things or facts, never for a person or a country.
THING_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "which", "what", "something",
                            "anything", "everything", "nothing"})
# Frames of verbs that end a relation a noun names ("suspended cooperation").
HALTING_FRAMES = ("halt",)
# CAMEO roots of standing relations (contacts, diplomatic and material cooperation), not of deals
# or wars, whose ending is another act.
RELATION_ROOTS = ("04", "05", "06")
# Entity labels of tokens that can be a person-like target ("called Miles", "shot two soldiers").
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")


@dataclass(frozen=True)
class Hit:
    """A token that triggers an event or a frame, with the sense it matched."""

    token: Token
    entry: TriggerEntry

    @property
    def is_frame(self) -> bool:
        return self.entry.frame is not None


def find_hits(sent: Span, lexicon: Lexicon | None = None, widen: bool = False) -> list[Hit]:
    """Every trigger of a sentence, in text order (one sense per token); with `widen`, also the
    verbs only PETRARCH2's dictionary codes (see `extract`: where the hand lexicon codes no
    event, as its secondary verbs, "accused X of violating ...", would add events the sentence
    does not report)."""
    lexicon = lexicon or load_lexicon()
    hits: list[Hit] = []
    extra: list[Hit] = []
    for token in sent:
        entry, widened = match_token(token, lexicon, widen)
        if entry is not None:
            (extra if widened else hits).append(Hit(token, entry))
    if widen:
        hits = sorted(hits + extra, key=lambda h: h.token.i)
    return hits


def match_token(token: Token, lexicon: Lexicon, widen: bool = False) -> tuple[TriggerEntry | None, bool]:
    """The hand lexicon's sense of the token, refined by PETRARCH2's dictionary, or else the
    dictionary's own (then the second value is True). When widening, a light verb whose
    dictionary pattern codes it ("engaged ... in a firefight") is that event."""
    entry = hand_entry(token, lexicon)
    if token.pos_ != "VERB" or token.dep_ in NOT_VERB_DEPS:
        return entry, False
    measure = _measure_dealt(token, entry, lexicon)
    if measure is not None:
        return measure, False
    if entry is not None and entry.frame is not None:
        light = widen and entry.frame == "light"
        return _coded_light_verb(token, entry, lexicon) if light else (entry, False)
    found = match_verb(token)
    if found is None or (entry is None and describes_object(token)):
        return entry, False
    if entry is not None:
        return refined_entry(entry, found, lexicon), False
    if _unmet_hand_sense(token, found, lexicon):
        return None, False
    widened = widened_entry(found, lexicon)
    if widened is not None and _reaction_to_act(token, widened, lexicon):
        return replace(widened, weak=False), False
    return widened, True


# Categories of a verb that reacts to an act its object names ("chided an attack", "hailed the
# deal"): the sentence reports the reaction; the act is the reaction's object.
REACTION_CATEGORIES = frozenset({"ACCUSE", "SUPPORT", "PROTEST", "REJECT"})


def _reaction_to_act(verb: Token, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    """Whether a verb only PETRARCH2's dictionary codes, of a reaction category, has for object an
    event noun the hand lexicon codes ("chided an attack by Chile", "deplored the strike"): like
    the hand lexicon's reaction verbs ("condemned the attack"), its event is the sentence's own
    (not only the dictionary's fallback when nothing else is coded)."""
    if lexicon.plover_of(entry.cameo) not in REACTION_CATEGORIES:
        return False
    return any(hand_entry(o, lexicon) is not None and _one_act(o) for o in verb.children if o.dep_ == "dobj")


def _one_act(noun: Token) -> bool:
    """A noun that names one act, by its determiner, owner or agent ("an attack by X", "the
    strike", "Chile's raid"), not a kind of act ("renounced war")."""
    return any(c.dep_ in ("det", "poss") or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.children)


def _unmet_hand_sense(token: Token, found: VerbMatch, lexicon: Lexicon) -> bool:
    """True when the hand lexicon codes the verb's bare reading under the dictionary's root only
    on people (`person_target`) and the object is none ("released a summary": release is CAMEO
    08 of people or goods, not of documents); the dictionary's bare verb does not bring the
    reading back. (Other conditions, lists of objects, may be incomplete: "would not recognize
    the new authorities" keeps the dictionary's reading.)"""
    if found.words or found.code is None:
        return False
    root = found.code[:2]
    return any((sense.cameo or "")[:2] == root and sense.person_target
               for lemma in lemma_candidates(token, "verbs") for sense in lexicon.senses("verbs", lemma))


def _coded_light_verb(token: Token, entry: TriggerEntry,
                      lexicon: Lexicon) -> tuple[TriggerEntry | None, bool]:
    found = match_verb(token)
    if found is None or found.words == 0:
        return entry, False
    coded = widened_entry(found, lexicon)
    return (coded, True) if coded is not None else (entry, False)


def describes_object(verb: Token) -> bool:
    """ "called the talks productive", "found the offer acceptable": a verb with a predicate of its
    object names or judges it; the dictionary's sense of the bare verb (call: appeal) is not meant."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    predicates = [c for c in verb.children
                  if c.dep_ == "oprd" or (c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("ADJ", "NOUN"))]
    return bool(objects and predicates)


def widened_entry(found: VerbMatch, lexicon: Lexicon) -> TriggerEntry | None:
    """An event the hand lexicon does not list: the dictionary's code, if it is a PLOVER event.
    The verb alone is an ambiguous trigger (weak); with its pattern's words it is a sure one."""
    if not DICTIONARY_WIDENS or found.code is None or lexicon.plover_of(found.code) is None:
        return None
    if found.words == 0 and (not BARE_VERBS or found.lemma in DEPARTURE_VERBS):
        return None
    return TriggerEntry(lemma=found.lemma, word_class="verbs", cameo=found.code,
                        symmetric=found.reverse == found.code, weak=found.words == 0)


def refined_entry(entry: TriggerEntry, found: VerbMatch, lexicon: Lexicon) -> TriggerEntry | None:
    """The hand sense, with the dictionary's code where its pattern says more under the same
    root ("held talks by telephone"); other roots measured worse on the dev halves."""
    if not DICTIONARY_REFINES or found.words == 0 or found.code is None or entry.cameo is None:
        return entry
    if found.code[:2] != entry.cameo[:2] or entry.specific:
        return entry
    return replace(entry, cameo=found.code)


def hand_entry(token: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """The first sense of the token's lemma whose conditions hold, if any."""
    if token.dep_ in ("aux", "auxpass") or (token.dep_ == "amod" and token.pos_ == "VERB"):
        return None  # "has", "Jordan's visiting king": no event
    if token.pos_ == "PROPN" and token.ent_type_ in ("ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "EVENT"):
        return None  # "the Democratic Rally": a name
    if token.ent_type_ in NOT_EVENT_ENTITIES:
        return None  # "on March 15": a date, not a march
    for word_class, tags in POS_CLASSES.items():
        if token.pos_ not in tags:
            continue
        if word_class == "adjectives" and not _has_complement(token):
            continue
        for lemma in lemma_candidates(token, word_class):
            for entry in lexicon.senses(word_class, lemma):
                if entry.force_object and not _force_object(token, lexicon):
                    continue
                if _conditions_hold(token, entry) or _halted_relation(token, entry, lexicon):
                    return entry
    return None


# Verbs of going away that PETRARCH2 files with going to a meeting (its GO_SOMEWHERE block,
# 040): bare, "left Chile", "departed Lima" is no consultation (only its patterns, "left for
# talks", say so; armed forces leaving are the hand lexicon's withdrawal).
DEPARTURE_VERBS = frozenset({"leave", "depart", "egress", "exit", "quit"})
# CAMEO roots of attacks (assault, fight, mass violence); unlike compose.FORCE_ROOTS, no 17 (coerce).
ATTACK_ROOTS = ("18", "19", "20")


# Categories of measures one party deals another ("hit with sanctions", "targeted with tariffs").
MEASURE_CATEGORIES = frozenset({"SANCTION", "COERCE", "ACCUSE"})


def _dealt_measure(sense: TriggerEntry, lexicon: Lexicon) -> bool:
    category = sense.type or lexicon.plover_of(sense.cameo)
    code = sense.cameo or ""
    return bool(code) and category in MEASURE_CATEGORIES and code[:2] not in ATTACK_ROOTS


def _measure_dealt(verb: Token, entry: TriggerEntry | None, lexicon: Lexicon) -> TriggerEntry | None:
    """ "hit Peru with new sanctions", "targeted Chile with tariffs", "Peru was hit with fines": a
    verb of striking whose "with" phrase names a measure the noun lexicon codes as no force is
    that measure, dealt by the verb's subject to its object (not an attack)."""
    if entry is None or (entry.cameo or "")[:2] not in ATTACK_ROOTS:
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        for noun in (o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "NOUN"):
            senses = lexicon.senses("nouns", noun.lemma_.lower())
            if not senses or any(not _dealt_measure(sense, lexicon) for sense in senses):
                continue  # "hit the town with artillery fire": fire is also force
            sense = senses[0]
            return TriggerEntry(lemma=entry.lemma, word_class="verbs", cameo=sense.cameo,
                                type=sense.type, mode=sense.mode, target=("dobj",))
    return None


def _force_object(token: Token, lexicon: Lexicon) -> bool:
    """Whether the verb's object is an act of force the noun lexicon knows ("approved the
    attacks", "sanctioned the strike"): approving it is having it done, not yielding."""
    return any(sense.type == "ASSAULT" or (sense.cameo or "")[:2] in ATTACK_ROOTS
               for o in object_tokens(token) for sense in lexicon.senses("nouns", o.lemma_.lower()))


def lemma_candidates(token: Token, word_class: str) -> list[str]:
    """The lemma, then the word's own regular base forms: the lemmatizer errs ("staged" -> "stag")."""
    if word_class == "adjectives":
        return [token.lower_]
    lower = token.lower_
    candidates = [token.lemma_.lower(), lower]
    joined = hyphen_joined(token)
    if joined:  # the tokenizer splits "sit-in", "cease-fire": the listed word is the whole
        candidates.insert(0, joined)
    for suffix, replacements in DEINFLECTIONS:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            candidates += [stem + r for r in replacements]
    return list(dict.fromkeys(candidates))


def hyphen_joined(token: Token) -> str | None:
    """ "sit-in" for the "in" of "sit - in" (split by the tokenizer, no spaces around the hyphen)."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return None
    return f"{doc[i - 2].lower_}-{token.lower_}"


def _has_complement(token: Token) -> bool:
    """ "ready to meet", "willing to withdraw": an adjective frame needs its infinitive."""
    return any(c.dep_ in ("xcomp", "ccomp", "prep") for c in token.children)


def _conditions_hold(token: Token, entry: TriggerEntry) -> bool:
    if entry.word_class == "nouns":
        return _noun_conditions(token, entry)
    if entry.prep and not (preposition_words(token) & entry.prep):
        return False
    if entry.not_prep and preposition_words(token) & entry.not_prep:
        return False
    objects = object_tokens(token)
    if entry.obj and not any(object_words(o) & entry.obj for o in objects):
        return False
    if entry.needs_obj and not objects:
        return False
    if entry.not_obj and any(c.dep_ == "dobj" for c in token.children):
        return False
    if entry.subject and not any(object_words(s) & entry.subject for s in _subjects(token)):
        return False
    if entry.obj_head and not any(o.lemma_.lower() in entry.obj_head for o in objects):
        return False
    if entry.manner and not (manner_words(token) & entry.manner):
        return False
    if entry.clause and not any(c.dep_ == "ccomp" for c in token.children):
        return False
    if entry.object_control and not (any(c.dep_ == "dobj" for c in token.children)
                                     and any(c.dep_ in ("xcomp", "ccomp") for c in token.children)):
        return False
    return not entry.person_target or _person_object(token, objects)


def _person_object(token: Token, objects: list[Token]) -> bool:
    """Whether a verb acts on a person or group ("welcomed the Peruvian president"); in "welcomed
    the deal with Bolivia" the parser hangs the thing's partner on the verb: the deal is welcomed.
    A direct object (or the noun a passive participle describes) is what is acted on: the
    people a preposition names beside it are not ("released a summary of the call to Ruiz")."""
    direct = [c for c in token.children if c.dep_ == "dobj"]
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
        direct.append(token.head)  # "a statement released by X": the statement is what is released
    if direct:  # "released a summary of a call ... to Ruiz": the summary is released, not Ruiz
        objects = [o for d in direct for o in (d, *d.conjuncts) if not _with_object(o)]
    return any(_is_actor_like(o) for o in objects)


def _with_object(token: Token) -> bool:
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "with"


def manner_words(verb: Token) -> set[str]:
    """How a verb is done: its adverbs and the objects of its "with" ("respond forcefully",
    "respond with force")."""
    words = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    words |= {p.lemma_.lower() for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
              for p in c.children if p.dep_ == "pobj"}
    return words


def _halted_relation(token: Token, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    """A relation noun the lexicon takes only under its carrying verbs ("deepen cooperation") is
    also the event a verb that halts it acts on: "suspended military cooperation with Chile",
    "cut off contacts with the rebels" (CAMEO 16, reducing relations)."""
    if entry.word_class != "nouns" or not entry.via or not entry.symmetric or entry.plural or \
            not (entry.cameo or "").startswith(RELATION_ROOTS):
        return False
    verb = governing_verb_lemma(token)
    return verb is not None and token.dep_ in ("dobj", "nsubjpass") and any(
        sense.frame in HALTING_FRAMES for sense in lexicon.senses("verbs", verb))


def _subjects(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]


def _noun_conditions(token: Token, entry: TriggerEntry) -> bool:
    if entry.plural and token.tag_ not in ("NNS", "NNPS"):
        return False
    if entry.compound and not (modifier_words(token) & entry.compound):
        return False
    if entry.via and governing_verb_lemma(token) not in entry.via:
        return False
    if entry.prep and not ({c.lower_ for c in token.children if c.dep_ == "prep"} & entry.prep):
        return False  # "launched strikes on the port": strikes with a target are attacks
    return not entry.prep_obj or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(object_words(p) & entry.prep_obj for p in c.children)
        for c in token.children)


def preposition_words(token: Token) -> set[str]:
    """The prepositions and particles attached to a word ("call on", "carry out"); not those
    that only date it ("struck Arica on Thursday" is no "strike on")."""
    return {c.lower_ for c in token.children if c.dep_ in ("prep", "prt", "agent", "dative")
            and not _dates_only(c)}


def _dates_only(prep: Token) -> bool:
    """A preposition whose objects are all dates or times ("on Thursday", "at dawn")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def object_tokens(token: Token) -> list[Token]:
    """The heads of a verb's object phrases (with conjuncts); a passive subject counts."""
    heads = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    for child in token.children:  # "agreed on a plan", "called off the strike"
        if child.dep_ == "prep" and child.lower_ in ("on", "upon", "to", "for", "with", "in"):
            heads += [p for p in child.children if p.dep_ == "pobj"]
    return [c for head in heads for c in (head, *head.conjuncts)]


def object_words(head: Token) -> set[str]:
    """Lemmas naming an object: its head, modifiers and of-complement ("state of emergency")."""
    words = {head.lemma_.lower(), head.lower_}
    words |= modifier_words(head)
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for p in child.children:
                if p.dep_ == "pobj":
                    words |= {p.lemma_.lower()} | modifier_words(p)
    return words


def modifier_words(token: Token) -> set[str]:
    words = {c.lemma_.lower() for c in token.children if c.dep_ in MODIFIER_DEPS}
    words |= {c.lower_ for c in token.children if c.dep_ in MODIFIER_DEPS}
    if token.i > 0 and token.doc[token.i - 1].lower_ == "-" and token.i > 1:  # "hunger-strike"
        words.add(token.doc[token.i - 2].lower_)
    return words


def governing_verb_lemma(token: Token) -> str | None:
    """The verb a noun depends on, through one preposition ("remained on alert" -> remain)."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head
    if head == token or head.pos_ not in ("VERB", "AUX"):
        return None
    return str(head.lemma_.lower())


def _is_actor_like(token: Token) -> bool:
    if token.ent_type_ in NOT_EVENT_ENTITIES:  # "welcomed ... on Tuesday"
        return False
    if token.pos_ == "PRON":  # "welcomed him", not "welcomed it"
        return token.lower_ not in THING_PRONOUNS
    if token.ent_type_ in ACTOR_LABELS or token.pos_ == "PROPN":
        return True
    # a common noun that names a kind of actor ("received the Chilean minister", "a delegation"),
    # or people by their relation to another ("hostages", "captives", "allies")
    if token.pos_ == "NOUN" and is_relational_noun(token.text):
        return True
    match = resolve_actor_text(token.text) if token.pos_ == "NOUN" else None
    return match is not None and match.kind == "role" and bool(set(match.sectors) - {"UNK"})
