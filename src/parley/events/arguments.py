"""Arguments of a trigger on the dependency parse: who acts (subject, passive agent, a noun's
possessor or demonym) and who is acted on (object, prepositional partner, "between X and Y").

    subject_tokens(spoke)                 # [Dar]
    slot_tokens(spoke, "with")            # [Miles]
    noun_agent_tokens(strikes)            # [United States]  ("strikes conducted by the United States")

Tokens come with their conjuncts ("Berg and Miles" -> [Berg, Miles]); the participants module turns
them into actors.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from parley.actors import resolve_actor_text
from parley.events.lexicon import load_lexicon

# Prepositions of the medium a message is put out on ("a message on Twitter", "via its website").
MEDIUM_PREPOSITIONS = frozenset({"on", "via", "through"})
# Relative pronouns the parser may take for a subject beside the relative clause's own.
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
# Modifiers of an event noun that may name its agent ("US strikes", "Israeli raids").
# The lexicon's mode of mediation.
THIRD_PARTY_MODE = "third-party"
AGENT_MODIFIER_DEPS = ("compound", "amod", "nmod")
AGENT_LABELS = ("GPE", "NORP", "ORG", "PERSON")
# Entity labels of the last word of a fronted phrase a parser may join the subject's names to
# ("in Quito, Ecuador and Peru agreed", "on Monday, Chile and Bolivia signed").
FRONTED_LIST_HEADS = ("GPE", "LOC", "FAC", "DATE", "TIME")
# Roles a parser gives to the object it failed to attach to its preposition.
ORPHAN_DEPS = ("nsubj", "nsubjpass", "dobj", "appos", "npadvmod")
# Possessors that date a noun rather than act ("last month's invasion").
TIME_WORDS = {"month", "week", "year", "day", "today", "yesterday", "decade", "century", "weekend"}
# A participle clause after a main clause shares its subject (", killing 20 people").
SHARED_SUBJECT_DEPS = ("advcl", "conj", "xcomp", "acomp")
# Roles a parser gives to the first of two names a headline joins by a comma ("Chile, Peru sign
# border deal"): hung from the verb as an interjection or adverbial noun, not as its subject.
HEADLINE_PAIR_DEPS = ("intj", "npadvmod", "dep", "nsubj")
# Dashes that close a wire dateline ("ABU DHABI — On July 10, ..."): the place before one opens
# the sentence but is no subject, whatever the parser made of it.
DATELINE_DASHES = ("—", "–", "-", "--")
# Participles that tell where a projectile subject came from ("a rocket fired from X hit ...").
LAUNCH_VERBS = {"fire", "launch", "shoot", "lob"}
ORIGIN_LABELS = ("GPE", "LOC", "NORP", "ORG")
# Verbs whose subject withstood the attack they take as object ("repelled a Chilean attack").
REPELLING_VERBS = {"repel", "repulse", "withstand"}
# Most words of a headline ("Bolivian leader to visit Chile next week").
HEADLINE_WORDS = 14
# Most words a dateline before its dash runs to ("SANTIAGO, Chile, Aug 4 (Reuters)").
DATELINE_SPAN = 8
# Prepositions by which a passive verb names what its subject is charged with ("accused of").
CHARGE_PREPOSITIONS = ("of", "for")
# Prepositions of a circumstance a meeting may be ("left Lima after talks with ...", "agreed
# following a round of talks"): the clause's subject took part in it.
CIRCUMSTANCE_PREPOSITIONS = ("after", "following", "during", "at", "before", "amid")
# The preposition of a clause's aim ("arrived in Lima for talks with Peruvian officials").
PURPOSE_PREPOSITION = "for"
# Nouns that measure an event rather than name one ("a new round of talks", "two hours of talks").
MEASURE_NOUNS = {"round", "hour", "day", "week", "month", "series", "session", "year", "minute"}
# Verbs whose subject suffers what an "under" phrase names ("came under fire", "was under attack").
UNDERGOING_VERBS = {"come", "be", "remain", "fall", "stay"}
# Verbs whose object is the means their subject acts by ("used water cannon to disperse them").
MEANS_VERBS = {"use", "employ", "utilise", "utilize"}
# Verbs whose subject lost their life in the event noun of their "in" phrase ("died in an ambush").
DYING_VERBS = {"die", "perish"}
# Participles that name who did what a noun names, by their preposition ("an attack blamed on X").
BLAME_PREPOSITIONS = {"blame": "on", "attribute": "to", "pin": "on"}
# Prepositions by which a thing (an act, a plan) names the parties it concerns ("cooperation with
# X", "a proposal for X and Y", "talks between X and Y").
THING_PREPOSITIONS = ("with", "between", "for")


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    """The tokens and their conjuncts; "Deputy Prime Minister and Foreign Minister Anna Berg" is
    one person: titles joined by "and" around an appositive name stand for that name."""
    seen: list[Token] = []
    for token in tokens:
        named = _appositive_name(token)
        if named is not None:
            items: tuple[Token, ...] = (named,)
        else:
            items = (token, *sorted((*token.conjuncts, *_listed_appositives(token)), key=lambda t: t.i))
        for item in items:
            if item not in seen and (item == token or stranded_verb(item) is None):
                seen.append(item)
    return seen


def stranded_verb(noun: Token) -> Token | None:
    """The verb a noun is really the subject of when the parser joined it to the object before
    it: in "said troops had defeated the rebels and Chile would be moving into Tacna" it reads
    "Chile" as a second object of "defeated" and leaves "moving" (conjoined to "defeated") with no
    subject. The verb right after the noun (past its auxiliaries), conjoined and subjectless."""
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    doc = noun.doc
    i = noun.right_edge.i + 1
    while i < len(doc) and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod") and doc[i].pos_ != "VERB":
        i += 1
    if i >= len(doc) or i == noun.right_edge.i + 1:
        return None  # no auxiliary between: "defeated X and Y" with a verb after is a list
    verb = doc[i]
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ != "conj" or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    return verb if noun.head.head == verb.head or noun.head == verb.head else None


def _listed_appositives(token: Token) -> list[Token]:
    """Countries the parser hung as appositions on a country of a list: "Venezuela, the
    impoverished Guyana, and Peru", "Guyana and the evil awful Peru" (the adjectives made the
    conjunct) name three and two parties. Only a country described by its own words, in a list
    joined by "and" or "or": "Lima, Peru" is one place."""
    if token.ent_type_ != "GPE":
        return []
    found: list[Token] = []
    for named in (c for c in token.children if c.dep_ == "appos" and c.ent_type_ == "GPE"):
        if not any(c.dep_ == "cc" for c in (*token.children, *named.children)):
            continue
        before = named.doc[named.i - 1]
        described = any(c.dep_ in ("det", "amod") for c in named.children) or (
            before.dep_ == "conj" and before.pos_ == "ADJ" and before.head == token)
        if described:
            found += [named, *named.conjuncts]
    return found


def _appositive_name(token: Token) -> Token | None:
    """The name a title phrase is in apposition to, when the title itself is no entity."""
    if token.ent_type_:
        return None
    for candidate in (token, *token.conjuncts):
        for child in candidate.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                return child
    return None


def condition_subjects(trigger: Token) -> list[Token]:
    """Who a threat is made to: the subject of its condition ("threatened to stop the talks if the
    United States goes ahead" -> the United States), in the threat's own clause or the clause
    its trigger governs (an object-less threat names its target no other way)."""
    found: list[Token] = []
    for token in (trigger, *(c for c in trigger.children if c.dep_ in ("xcomp", "ccomp"))):
        for clause in (c for c in token.children if c.dep_ == "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children):
                found += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return found


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def _buried_coordinates(subject: Token) -> list[Token]:
    """Named parties the parser chained into the subject's modifiers: in "US President Donald
    Trump and Russian President Vladimir Putin engaged in talks" spaCy may make everything
    before "Putin" a compound of it; a person named before an "and" inside the subject's own
    modifiers is a coordinated subject (people only: "the Chilean and Peruvian
    ministers" is one description)."""
    doc = subject.doc
    left = subject.left_edge.i
    joints = [t for t in doc[left:subject.i] if t.dep_ == "cc" and t.lower_ == "and"]
    if not joints or subject.ent_type_ != "PERSON":
        return []  # "the Chilean and Peruvian ministers": one coordinated description
    return [ent.root for ent in doc.ents
            if left <= ent.start and ent.end <= joints[0].i and ent.label_ == "PERSON"]


def _members_of(subject: Token) -> list[Token]:
    """The coordinated parties a plural group noun names in its "of" phrase: "Delegations of
    Russia and Ukraine met" is Russia and Ukraine meeting (a plural noun only: "the president
    of the club and its members" is not a group of two)."""
    if subject.tag_ != "NNS":
        return []
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [c for c in prep.children if c.dep_ == "pobj" and _named(c)]
            if objects and objects[0].conjuncts:
                return [objects[0], *(c for c in objects[0].conjuncts if _named(c))]
    return []


def _named(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")


def _joined_subjects(subjects: list[Token]) -> list[Token]:
    """Several subjects of one verb are coordinated when an "and" of theirs lies between them
    ("President Anna Berg and President John Miller engaged ..." parsed as two subjects)."""
    if len(subjects) < 2:
        return subjects
    first, last = subjects[0], subjects[-1]
    between = first.doc[first.i + 1:last.left_edge.i]
    joined = any(t.dep_ == "cc" and t.lower_ == "and" and t.head.i in {s.i for s in subjects}
                 for t in between)
    return subjects if joined else subjects[:1]


def subject_tokens(verb: Token, depth: int = 0) -> list[Token]:
    """Who does what a verb says: its subject, or the controlling subject up the tree."""
    if is_passive(verb):
        return agent_tokens(verb)
    own = _own_subjects(verb)
    if own:  # a broken parse may give several subjects: the first, or all if "and" joins them
        members = _members_of(own[0])
        if len(members) > 1:
            return members
        return [*_headline_pair(verb, own[0]), *_buried_coordinates(own[0]),
                *with_conjuncts(_joined_subjects(own))]
    fronted = _fronted_list_subjects(verb) or _stranded_subject(verb)
    if fronted:
        return fronted
    if depth > 3:
        return []
    head = verb.head
    if verb.dep_ == "xcomp":
        controllers = object_controller(head)
        if controllers and head.lemma_.lower() in MEANS_VERBS and not any(actor_like(c) for c in controllers):
            controllers = []  # "used water cannon to disperse them": the users act, not the means
        if not controllers and is_passive(head):  # "X was urged to leave", "X and Y are set to meet"
            controllers = with_conjuncts([c for c in head.children if c.dep_ == "nsubjpass"])
        return controllers or subject_tokens(head, depth + 1)
    if verb.dep_ in SHARED_SUBJECT_DEPS and head.pos_ in ("VERB", "AUX") and head != verb:
        if is_passive(head):  # "was indicted ... and will resign": the passive subject acts
            return passive_subject_tokens(head) if verb.dep_ == "conj" else []
        shared = subject_tokens(head, depth + 1)
        if verb.dep_ == "conj" and head.dep_ == "ccomp" and verb.tag_ == head.head.tag_ != head.tag_ \
                and shared and not any(actor_like(t) for t in shared):
            # "Peru and Chile stressed that talks are the best format and agreed to ...": the
            # parser joins the second verb to the reported clause, whose subject is a thing; the
            # verb in the reporting verb's tense continues the reporting verb's statement
            return subject_tokens(head.head, depth + 1) or shared
        return shared
    return _described_subject(verb, depth)


def _own_subjects(verb: Token) -> list[Token]:
    own = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    own = [_past_dateline(c) or _launch_origin(c) or _act_agent(c) or c for c in own
           if not is_dateline(c, len(own) > 1)]
    if len(own) > 1 and own[0].lower_ in RELATIVE_PRONOUNS:  # "fighters which, it said, Chile
        own = own[1:]  # has refused to repatriate": the relative pronoun is the object
    return own


def _stranded_subject(verb: Token) -> list[Token]:
    """ "had defeated the rebels and Chile would be moving": Chile moves (see `stranded_verb`)."""
    if verb.dep_ != "conj":
        return []
    return [t for t in verb.doc[verb.sent.start:verb.i] if stranded_verb(t) == verb][-1:]


def _fronted_list_subjects(verb: Token) -> list[Token]:
    """The subject a parse hid in a fronted phrase's list: in "After talks in Quito, Ecuador and
    Peru agreed ..." the parser may read "Quito, Ecuador and Peru" as one list under the phrase
    and leave the verb with no subject. The names after the comma that closes the phrase, right
    before the verb, are its subject."""
    if verb.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        if prep.right_edge.i + 1 != verb.i and not (prep.right_edge.i + 2 == verb.i
                                                    and verb.doc[verb.i - 1].dep_ == "advmod"):
            continue
        for token in prep.subtree:
            if (token.dep_ == "conj" and token.ent_type_ in AGENT_LABELS and token.i > 0
                    and token.doc[token.i - 1].text == "," and token.head.ent_type_ in FRONTED_LIST_HEADS):
                return [token, *[c for c in token.conjuncts if c.i > token.i]]
    return []


def _described_subject(verb: Token, depth: int) -> list[Token]:
    """The subject of a clause that describes a noun: the noun when it is a party ("the
    rebels who attacked"), the issuer of a described document, a headline's "X to VERB"."""
    head = verb.head
    if headline_infinitive(verb):
        return _headline_infinitive_subject(verb)
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        document = _document_of_medium(verb)
        if document is not None:  # "posted a message on Twitter blaming Chile": the poster blames
            return subject_tokens(document.head, depth + 1)
        if actor_like(head):
            return [head]
        if verb.dep_ == "acl" and head.dep_ == "dobj":  # "issued a declaration demanding ...": the issuer
            # unless the document names who sent it ("received a letter from Chile urging ...")
            return (preposition_objects(head, "from") or preposition_objects(head, "by")
                    or subject_tokens(head.head, depth + 1))
        return []  # "a resolution that aims to ...": no actor
    return []


def _document_of_medium(verb: Token) -> Token | None:
    """The object a participle describes when the parser hung it on the medium that object was
    put out on: in "posted a message on Twitter blaming Chile", "issued a statement on its website
    accusing Peru", the message blames, not the site it stands on. The object, or None."""
    medium = verb.head
    if verb.dep_ != "acl" or medium.dep_ != "pobj" or medium.head.lower_ not in MEDIUM_PREPOSITIONS:
        return None
    document = medium.head.head
    if document.dep_ != "dobj" or document.pos_ != "NOUN" or document.head.pos_ != "VERB":
        return None
    return document


def _headline_pair(verb: Token, subject: Token) -> list[Token]:
    """A party a headline joins to the subject by a comma alone ("Chile, Peru sign border deal"):
    a name that opens the sentence, stands right before the comma before the subject, and that
    the parser hung from the verb on its own (as an interjection or an adverbial noun)."""
    doc = subject.doc
    comma = subject.left_edge.i - 1
    if comma < 1 or doc[comma].text != "," or not _named(subject):
        return []
    for child in verb.children:
        if (child.dep_ in HEADLINE_PAIR_DEPS and child.i == comma - 1
                and child.left_edge.i == child.sent.start
                and child.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")):
            return [child]
    return []


def headline_infinitive(verb: Token) -> bool:
    """True for the verb of a headline's "X to VERB" ("Bolivian leader to visit Chile", "Chile,
    Peru to hold talks"), a plan of X's: the parser makes the party the root of the short
    sentence and hangs the infinitive from it."""
    head = verb.head
    return (verb.dep_ in ("acl", "relcl") and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and head.sent.end - head.sent.start <= HEADLINE_WORDS
            and (actor_like(head) or resolve_actor_text(_phrase_to(head)) is not None))


def _phrase_to(head: Token) -> str:
    """The words of a noun phrase up to its head ("Bolivian leader")."""
    return head.doc[head.left_edge.i:head.i + 1].text


def _headline_infinitive_subject(verb: Token) -> list[Token]:
    head = verb.head
    paired = [c for c in head.children if c.dep_ in ("npadvmod", "appos") and c.i < verb.i and _named(c)]
    return with_conjuncts([head, *paired])


def _past_dateline(subject: Token) -> Token | None:
    """The subject a wire dateline hides: in "SANTIAGO, Chile — Peru and Bolivia signed" the
    parser may make the dateline the subject and hang the real one from it past the dash."""
    doc = subject.doc
    left = subject.left_edge.i
    if left != subject.sent.start:
        return None
    dash = next((t for t in doc[left:min(subject.right_edge.i, left + DATELINE_SPAN) + 1]
                 if t.text in DATELINE_DASHES), None)
    if dash is None or dash.i <= subject.i:
        return None
    return next((t for t in doc[dash.i + 1:subject.right_edge.i + 1]
                 if t.dep_ == "appos" and t.head.i < dash.i and t.head.i >= left), None)


def _launch_origin(subject: Token) -> Token | None:
    """Where a projectile that is the subject came from, as the one who struck: "a rocket fired
    from Peru hit Putre", "a missile launched from Yemen struck the port", "missiles fired from
    Bolivian territory" (a named place or a place of a named side)."""
    return weapon_launcher(subject)


def _act_agent(subject: Token) -> Token | None:
    """The side an act that is the subject is of, as the one who did what the verb says:
    "Peruvian shelling killed two civilians" (a named modifier of a noun of attack only)."""
    if subject.ent_type_ or subject.pos_ != "NOUN":
        return None
    senses = load_lexicon().senses("nouns", subject.lemma_.lower())
    if not any((s.type or load_lexicon().plover_of(s.cameo)) == "ASSAULT" for s in senses):
        return None
    return next((c for c in subject.children
                 if c.dep_ in AGENT_MODIFIER_DEPS and c.ent_type_ in ("GPE", "NORP")), None)


def weapon_launcher(weapon: Token, own: bool = False) -> Token | None:
    """Who launched a projectile: the agent or the origin of the participle that describes it
    ("drones launched by Peru", "a rocket fired from Peru", "missiles fired from Bolivian
    territory"); with `own`, also the side the weapon is said to be of ("two Peruvian drones",
    "Peru's missiles")."""
    if weapon.ent_type_ or weapon.pos_ != "NOUN":
        return None
    clauses = [c for c in weapon.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if weapon.dep_ == "nsubj" and weapon.head.tag_ in ("VBD", "VBN"):
        clauses.append(weapon.head)  # "Missiles fired from Peru hit ...", parsed as "Missiles fired"
    for clause in (c for c in clauses if c.lemma_.lower() in LAUNCH_VERBS):
        agents = agent_tokens(clause) or preposition_objects(clause, "by")
        if agents:
            return agents[0]
        for place in preposition_objects(clause, "from"):
            if place.ent_type_ in ORIGIN_LABELS:
                return place
            side = _side_modifier(place)
            if side is not None:
                return side
    return _side_modifier(weapon) if own else None


def _side_modifier(noun: Token) -> Token | None:
    """The named side a noun is of ("Bolivian territory", "Peru's drones")."""
    return next((c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                 and c.ent_type_ in ("GPE", "NORP")), None)


def is_dateline(token: Token, other_subjects: bool) -> bool:
    """True for a phrase that opens its sentence and is closed by a dash, as a wire dateline is
    ("ABU DHABI — the two leaders met ..."): in capitals, or beside another subject of the verb
    (not "Hamas — which governs Gaza — said")."""
    left, right = token.left_edge, token.right_edge
    if right.text in DATELINE_DASHES and right.i > left.i:  # the parser hung the dash from it
        right = token.doc[right.i - 1]
    elif right.i + 1 >= len(token.doc) or token.doc[right.i + 1].text not in DATELINE_DASHES:
        return False
    if left.i != left.sent.start:
        return False
    return other_subjects or token.doc[left.i:right.i + 1].text.isupper()


def circumstance_subjects(noun: Token) -> list[Token]:
    """Who took part in a meeting named as the circumstance or the aim of a clause: the clause's
    subject ("X left the White House after talks with Y", "X and Y agreed following a round of
    talks", "X left for Lima for talks with Y")."""
    token = noun
    for _ in range(3):
        prep = token.head
        if token.dep_ != "pobj" or prep.dep_ != "prep":
            return []
        if prep.lower_ == "of" and prep.head.lemma_.lower() in MEASURE_NOUNS:
            token = prep.head
            continue
        aim = prep.lower_ == PURPOSE_PREPOSITION
        if (prep.lower_ in CIRCUMSTANCE_PREPOSITIONS or aim) and prep.head.pos_ in ("VERB", "AUX"):
            return subject_tokens(prep.head)
        return []
    return []


def actor_like(token: Token) -> bool:
    if token.ent_type_ in AGENT_LABELS or token.pos_ == "PROPN":
        return True
    match = resolve_actor_text(token.text)
    return match is not None and bool(set(match.sectors) - {"UNK"} or match.country)


def object_controller(verb: Token) -> list[Token]:
    """ "urged Uganda to repatriate", "called on Iran to free": the one told to act (not "on
    March 15, the US started to ...")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
    if not objects:
        objects = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                   for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")]
    return with_conjuncts(objects)


def agent_tokens(verb: Token) -> list[Token]:
    """The by-phrase of a passive ("was attacked by militiamen"); also where the parse hung it
    from the gerund of what the passive subject is charged with ("was accused of violating the
    truce by Chile": a named party, not a means like "by firing rockets")."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objects = [p for p in child.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")]
            if objects:  # not "by Friday", a deadline
                return with_conjuncts(objects)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in CHARGE_PREPOSITIONS):
        for gerund in (c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"):
            for by in (c for c in gerund.children if c.dep_ == "prep" and c.lower_ == "by"):
                named = [p for p in by.children if p.dep_ == "pobj" and _named(p)]
                if named and by.right_edge.i == gerund.right_edge.i:  # it closes the charge
                    return with_conjuncts(named)
    return []


def passive_subject_tokens(verb: Token) -> list[Token]:
    """What a passive verb acts on: its subject, or the noun a participle modifies."""
    own = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if own:
        return with_conjuncts(own)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return [verb.head]
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return passive_subject_tokens(verb.head)
    return []


def slot_tokens(token: Token, slot: str) -> list[Token]:
    """The heads filling one argument slot of a trigger (dobj, dative, poss, or a preposition)."""
    if slot == "dobj":
        if token.pos_ in ("VERB", "AUX") and is_passive(token):
            return passive_subject_tokens(token)
        objects = direct_objects(token) or free_relative_objects(token)
        for particle in (c for c in token.children if c.dep_ == "prt" and c.lower_ == "up"):
            objects = objects or preposition_objects(token, "to") or preposition_objects(particle, "to")
            # "kidnapped up to 16 advisers"
        return with_conjuncts(objects)
    if slot == "dative":
        found = [c for c in token.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP"]
        if not found and token.pos_ == "VERB":  # "granted Peru access", parsed as one compound
            found = [c for o in token.children if o.dep_ == "dobj" and o.pos_ == "NOUN" and not o.ent_type_
                     for c in o.children if c.dep_ == "compound" and c.ent_type_ in ("GPE", "PERSON")
                     and c.i == o.left_edge.i]
        return with_conjuncts(found)
    if slot == "poss":
        heads = direct_objects(token) if token.pos_ in ("VERB", "AUX") else []
        # "violated Peru's airspace", "violated Peruvian airspace": the owner, named or by its adjective
        return with_conjuncts([c for h in heads for c in h.children if c.dep_ == "poss"
                               or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))])
    if slot == "obj_agent":
        return object_agent_tokens(token)
    found = preposition_objects(token, slot)
    if not found and slot in RECIPIENT_PREPOSITIONS and token.pos_ == "VERB":
        found = _recipient_in_object(token, slot)
    return found


# Prepositions of a recipient the parser may hang inside the verb's object ("provided 20 million
# euros in humanitarian assistance to Peru": "to Peru" under "assistance"; "closed its embassy in
# Lima": the host, a place).
RECIPIENT_PREPOSITIONS = ("to", "in")


def _recipient_in_object(verb: Token, word: str) -> list[Token]:
    """The recipient phrase of a verb of giving that the parser attached to a noun of the verb's
    object phrase, not to the verb: "sent 200 tonnes of food to Peru", "provided 20 million
    euros in humanitarian assistance to Peru" (the first such phrase, within the object's own
    nouns and prepositions, never in a clause under it)."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        stack = [obj]
        while stack:
            noun = stack.pop(0)
            found = preposition_objects(noun, word)
            if word == "in":
                found = [t for t in found if t.ent_type_ == "GPE"]
            if found:
                return found
            stack += [o for p in noun.children if p.dep_ == "prep" and p.lower_ != word
                      for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")]
    return []


def direct_objects(verb: Token) -> list[Token]:
    """The verb's direct objects; with none, the object the parser took for the noun of a fronted
    "as" predicate ("rejected as baseless Chilean charges", "dismissed as unfounded reports that
    ..."): an "as" phrase whose noun is led by an adjective, with no determiner."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects or verb.pos_ != "VERB":
        return objects
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i == verb.i + 1):
        for noun in (o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "NOUN"):
            lead = noun.doc[prep.i + 1]
            if lead.dep_ == "amod" and lead.pos_ == "ADJ" and noun.left_edge.i <= lead.i < noun.i:
                return [noun]
    return []


def free_relative_objects(verb: Token) -> list[Token]:
    """What a verb acts on when its object is "what X called Y" or "what X described as Y": Y
    ("condemned what it called the killing of its citizens by Chilean police")."""
    for clause in verb.children:
        if clause.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
            named = [c for c in clause.children if c.dep_ == "oprd"] or preposition_objects(clause, "as")
            if named:
                return named
    return []


def object_agent_tokens(token: Token) -> list[Token]:
    """Who made what the trigger acts on: "accepted demands from the rebels", "rejected calls by
    Belarus's rulers", "violated a ban by General Aoun", "a Senegalese peace plan"."""
    objects = [c for c in token.children if c.dep_ == "nsubjpass"] + direct_objects(token)
    for obj in objects:
        # "investigate allegations of abuses by Peruvian troops": the agent of the act the
        # object is "of"
        for noun in [obj, *[o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]]:
            for word in ("from", "by"):
                found = preposition_objects(noun, word)
                if found:
                    return found
            # "conditions set by Peru", "demands made by the rebels": a participle's agent
            for participle in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
                found = preposition_objects(participle, "by")
                if found:
                    return found
            agents = noun_agent_tokens(noun, None)
            if agents:
                return agents
    return []


def preposition_objects(token: Token, word: str) -> list[Token]:
    """Objects of a preposition attached to a word ("talks with Iran", "between X and Y")."""
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ == word:
            if any(_absolute_clause(p) for p in child.children):
                continue  # "with Türkiye playing a key role": a circumstance, not a party
            objects = [_unglued(p) for p in child.children if p.dep_ in ("pobj", "pcomp")]
            if objects and all(o.ent_type_ in ("DATE", "TIME") for o in objects):
                continue  # "marched on Monday": when, never who
            found += objects or _orphan_object(child)
    return with_conjuncts(found)


def _unglued(token: Token) -> Token:
    """The place of a preposition's object the parser glued to a bare date after it ("arrived in
    Lima Sunday": "Lima" parsed as a modifier of "Sunday"): the place, not the day; a date
    with no place in it stays one (and is no party: `preposition_objects` skips it)."""
    if token.ent_type_ not in ("DATE", "TIME"):
        return token
    places = [c for c in token.children if c.dep_ == "compound" and c.i < token.i
              and c.ent_type_ and c.ent_type_ not in ("DATE", "TIME")]
    return places[-1] if places else token


def _absolute_clause(token: Token) -> bool:
    """A preposition's complement that is a clause with its own subject."""
    return token.dep_ == "pcomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _orphan_object(prep: Token) -> list[Token]:
    """A preposition the parser left without object ("granted asylum to five officers holed up
    ...": "officers" parsed as the next clause's subject): the noun right after it."""
    for token in prep.doc[prep.i + 1: prep.i + 7]:
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ORPHAN_DEPS:
            return [token]
        if token.pos_ in ("VERB", "PUNCT", "ADP"):
            break
    return []


def _hung_on_verb(thing: Token, word: str) -> list[Token]:
    """The objects of a preposition right after a verb's object that the parser hung on the verb
    ("welcomed the deal with Bolivia"): the object's own phrase."""
    if thing.dep_ != "dobj":
        return []
    return with_conjuncts([o for c in thing.head.children if c.dep_ == "prep" and c.lower_ == word
                           and c.i == thing.right_edge.i + 1 for o in c.children if o.dep_ == "pobj"])


def thing_parties(tokens: list[Token], is_thing: Callable[[Token], bool]) -> list[Token]:
    """The parties a thing named as an argument concerns: "lifted a restriction on cooperation
    with Bolivia" acts on Bolivia, "put forward a proposal for Peru and Chile" on both; a
    thing without such a phrase stays as it is."""
    found: list[Token] = []
    for token in tokens:
        parties = []
        if is_thing(token):
            for word in THING_PREPOSITIONS:
                parties = preposition_objects(token, word) or _hung_on_verb(token, word)
                if parties:
                    break
        for item in parties or [token]:
            if item not in found:
                found.append(item)
    return found


def noun_agent_tokens(noun: Token, of_names: str | None) -> list[Token]:
    """Who carries out a nominal event: "Israel's attack", "US strikes", "attacks by rebels",
    "the strikes conducted by the United States", "the visit of the president"."""
    for child in noun.children:
        dated = child.ent_type_ in ("DATE", "TIME") or child.lemma_ in TIME_WORDS  # "last month's invasion"
        if child.dep_ == "poss" and not dated:
            return with_conjuncts([child])
    by = preposition_objects(noun, "by") or _low_by_agent(noun)
    if by:
        return by
    for child in noun.children:
        if child.dep_ == "acl" and not _mediating(child):  # "talks brokered by X and Y": mediators
            agents = agent_tokens(child)
            blamed = BLAME_PREPOSITIONS.get(child.lemma_.lower()) if child.tag_ == "VBN" else None
            if not agents and blamed:  # "an attack blamed on Bolivian guerrillas"
                agents = preposition_objects(child, blamed)
            if agents:
                return agents
    modifiers = [c for c in noun.children if c.dep_ in AGENT_MODIFIER_DEPS and c.ent_type_ in AGENT_LABELS]
    if modifiers:
        return with_conjuncts(modifiers[:1])
    if of_names == "source":
        return preposition_objects(noun, "of")
    return []


def _mediating(verb: Token) -> bool:
    """A verb whose agents stand between the sides of what it governs ("brokered", "mediated"):
    a sense of the lexicon in the third-party mode."""
    senses = load_lexicon().entries.get("verbs", {}).get(verb.lemma_.lower(), ())
    return bool(senses) and all(sense.mode == THIRD_PARTY_MODE for sense in senses)


def _low_by_agent(noun: Token) -> list[Token]:
    """"the ambush on a patrol by rebels": the parser often hangs the by-phrase on the object
    of the noun's own preposition; a by-phrase right after that object is the noun's agent.
    Only for an object that names a party or place ("a Chilean patrol", "Arica"): after a deed
    ("protest against abuses by the police") the by-phrase is the deed's."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ == "by":
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj" and _named_target(c)):
            for by in (c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "by"):
                if by.i - 1 == obj.i or by.nbor(-1).head.i == obj.i:  # right after the object's words
                    return with_conjuncts([p for p in by.children if p.dep_ == "pobj"])
    return []


def _named_target(token: Token) -> bool:
    """A noun that is, or is placed by, a named party or place."""
    return token.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP") or any(
        c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("GPE", "NORP", "ORG")
        for c in token.children)


def noun_slot_tokens(noun: Token, slot: str) -> list[Token]:
    """A target slot of a nominal event, on the noun or on a participle clause modifying it
    ("strikes conducted ... against Iranian facilities")."""
    if slot in ("dobj", "dative", "poss", "obj_agent"):
        return []
    found = preposition_objects(noun, slot)
    if found:
        return found
    if noun.dep_ == "compound":  # "a mediation effort between X and Y"
        found = preposition_objects(noun.head, slot)
        if found:
            return found
    for child in noun.children:
        if child.dep_ == "acl":
            found = preposition_objects(child, slot)
            if found:
                return found
    for later in (c for c in noun.conjuncts if c.i > noun.i and c.pos_ in ("NOUN", "PROPN")):
        found = preposition_objects(later, slot)  # "air strikes and artillery attacks against X":
        if found:  # the phrase after the last of nouns named together is all of theirs
            return found
    verb = _verb_of_object(noun)  # "launched attacks toward X": the parser hangs X on the verb
    if verb is None:
        return []
    found = preposition_objects(verb, slot)
    for rest in _object_rest(noun, verb):
        found = found or preposition_objects(rest, slot)
    return found


def _object_rest(noun: Token, verb: Token) -> list[Token]:
    """The rest of an object the parser cut at its "and" into a conjunct of the verb: "launched
    a bombing and shelling offensive against X" read as "launched a bombing and shelling
    (an offensive) against X"; the conjunct has no subject of its own and follows the noun."""
    joint = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if joint is None or joint.dep_ != "cc" or joint.head != verb or not any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return []
    rest = [c for c in verb.conjuncts if c.i == joint.i + 1 and c.tag_ == "VBG"
            and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]
    return [r for c in rest for r in (c, *(o for o in c.children if o.dep_ in ("dobj", "acomp")))]


def undergoing_verb(noun: Token) -> Token | None:
    """The verb of "came under fire", "was under attack", "remained under bombardment": the
    verb whose subject suffers the event the noun names (None: the noun stands in no such phrase)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if prep.lower_ == "in" and verb.lemma_.lower() in DYING_VERBS:  # "five soldiers died in an ambush"
        return verb
    return verb if prep.lower_ == "under" and verb.lemma_.lower() in UNDERGOING_VERBS else None


def _verb_of_object(noun: Token) -> Token | None:
    """The verb whose object the noun is, also as a conjunct ("launch missiles and attacks")."""
    while noun.dep_ == "conj" and noun.head != noun and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    head = noun.head
    return head if noun.dep_ == "dobj" and head.pos_ == "VERB" else None


def involved_tokens(noun: Token) -> list[Token]:
    """ "a meeting ..., involving X and Y": the parties named by an involving-clause."""
    candidates = [c for c in noun.children if c.dep_ in ("acl", "advcl")]
    head = noun.head
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
        candidates += [c for c in head.children if c.dep_ in ("advcl", "acl", "xcomp")]
    for clause in candidates:
        if clause.lemma_.lower() in ("involve", "include", "bring", "gather"):
            return with_conjuncts([c for c in clause.children if c.dep_ == "dobj"])
    return []
