"""Event nouns that only mention an event, and assert none: the topic of a conversation ("spoke
about a proposed peace agreement", "another point of discussion was a possible meeting"), a
time reference ("since the early days of Moscow's invasion"), the object of a reaction
("expressed deep regret over the latest airstrikes"), or the content of a demand or proposal
("demands, including a full withdrawal of forces"), or what a thing is called in apposition
("the border strip, a key Chilean demand"), or what relief is from ("offering respite from
war"). A reader takes no new event from them: the conversation or the demand is the event. A
verb of holding a role ("has served as the guarantor of the truce since 2019") states no act either, nor
does a source's condition of speaking ("who asked not to be named").

    mere_mention(proto) -> "topic" | "reaction" | "time" | "content" | "terms" | "tenure" | "self"
                           | "description" | "relief" | None
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.events.frames import Proto

# Prepositions that make a noun the subject matter of what governs them.
TOPIC_PREPOSITIONS = {"about", "regarding", "concerning"}
# Words of speech and consultation whose "about" names a topic.
SPEECH_LEMMAS = {"speak", "talk", "discuss", "say", "tell", "call", "conversation", "discussion",
                 "talks", "question", "ask", "comment", "report", "write", "post", "statement",
                 "remark", "brief", "interview", "chat", "conference", "meeting"}
# Reactions to an event ("expressed deep regret over the airstrikes", "outrage at the attack",
# "concern about the strikes"): the reaction is the reactor's, the event is only its object.
REACTION_PREPOSITIONS = {"over", "at", "about", "for", "regarding", "concerning"}
REACTION_LEMMAS = {"regret", "concern", "outrage", "anger", "dismay", "sorrow", "condolence",
                   "sympathy", "alarm", "shock", "indignation", "grief", "satisfaction", "relief",
                   "gratitude", "disappointment", "worry", "apology", "apologize", "apologise",
                   "express", "voice"}
# Nouns that name a topic of talks ("another point of discussion was a possible meeting").
TOPIC_NOUNS = {"point", "topic", "issue", "subject", "item", "question", "matter", "focus", "theme"}
# Nouns of relief from an event ("respite from war", "a reprieve from the shelling"): the event
# is what the relief ends, not an act anyone threatens or does.
RELIEF_LEMMAS = {"respite", "relief", "reprieve", "break", "lull", "pause", "escape", "refuge"}
# Prepositions that make a noun phrase a point in time ("since the invasion").
TIME_PREPOSITIONS = {"since"}
# Prepositions that list what a demand or proposal holds ("demands, including a withdrawal").
CONTENT_PREPOSITIONS = {"including", "like"}
DEMAND_LEMMAS = {"demand", "condition", "proposal", "request", "term", "call", "plan", "ultimatum",
                 "requirement", "offer", "idea", "point"}
# Verbs by which an agreement or plan holds its terms ("the deal includes the withdrawal of
# troops", "the plan provides for a prisoner exchange"): the terms are no act yet.
TERMS_LEMMAS = {"include", "contain", "envisage", "envision", "stipulate", "foresee", "entail",
                "comprise", "cover", "involve", "outline", "require", "mandate"}
AGREEMENT_LEMMAS = DEMAND_LEMMAS | {"deal", "agreement", "accord", "treaty", "truce", "ceasefire",
                                    "cease-fire", "declaration", "framework", "text", "document",
                                    "roadmap", "memorandum", "pact", "arrangement", "package",
                                    "phase", "stage", "resolution", "initiative", "draft"}
# Verbs of weighing a thing ("will weigh the appeal", "is studying the proposal"): the
# thing is another's act, its topic, not one the subject performs.
CONSIDER_LEMMAS = {"consider", "study", "review", "examine", "weigh", "evaluate", "assess",
                   "analyse", "analyze", "discuss", "debate", "mull", "ponder"}
# Verbs of holding a role ("has served as envoy", "remains as mediator").
TENURE_LEMMAS = {"serve", "remain", "act", "stay", "continue"}
# How many noun-phrase links ("days of the invasion") a preposition may sit above the noun.
MAX_HOPS = 4


def mere_mention(proto: Proto) -> str | None:
    """Why the event word asserts no event of its own (see module doc), or None."""
    if _tenure(proto.trigger):
        return "tenure"
    if _about_oneself(proto.trigger):
        return "self"
    if _relieved(proto.event_token):
        return "relief"
    if not proto.nominal or proto.trigger != proto.event_token:
        return None
    if _terms(proto.event_token):
        return "terms"
    if proto.event_token.dep_ == "appos":
        return "description"  # "to cede the border strip, a key Chilean demand": what a thing is
    if _named_as_topic(proto.event_token):
        return "topic"  # "said it will weigh the appeal", "a point of discussion was a meeting"
    for preposition in _prepositions_over(proto.event_token):
        kind = _kind_under(preposition.lower_, preposition.head)
        if kind is not None:
            return kind
    return None


def _kind_under(word: str, governor: Token) -> str | None:
    """Why a noun under the preposition `word`, which hangs on `governor`, is a mere mention."""
    lemma = governor.lemma_.lower()
    if word in TIME_PREPOSITIONS:
        return "time"
    if word in TOPIC_PREPOSITIONS and _speech(governor):
        return "topic"
    if word in REACTION_PREPOSITIONS and lemma in REACTION_LEMMAS:
        return "reaction"
    if word in CONTENT_PREPOSITIONS and lemma in DEMAND_LEMMAS:
        return "content"
    return None


def _relieved(noun: Token) -> bool:
    """ "offering respite from war": the war is what relief is from (under whatever frame)."""
    if noun.pos_ != "NOUN":
        return False
    for preposition in _prepositions_over(noun):
        if preposition.lower_ != "from":
            continue
        head = preposition.head  # "respite from", or "offering respite | from" as parsed
        words = [head, *(c for c in head.children if c.dep_ == "dobj")]
        if any(w.lemma_.lower() in RELIEF_LEMMAS for w in words):
            return True
    return False


def _named_as_topic(noun: Token) -> bool:
    """ "Another point of discussion was a possible meeting between Ruiz and Mora": the noun is
    what a topic was (the complement of a copula whose subject names a topic), not an act; so
    is what one weighs ("said it will weigh the appeal")."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in CONSIDER_LEMMAS:
        return True
    if noun.dep_ != "attr":
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in TOPIC_NOUNS for c in noun.head.children)


def _terms(noun: Token) -> bool:
    """ "The deal includes the gradual withdrawal of forces (and the release of hostages)": the
    noun is what an agreement or plan holds, the object of a verb of holding whose subject is one."""
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":  # "provides for", "calls for"
        noun = noun.head
    verb = noun.head
    if noun.dep_ not in ("dobj", "prep") or verb.lemma_.lower() not in TERMS_LEMMAS | {"provide"}:
        return False
    if verb.lemma_.lower() == "provide" and noun.dep_ != "prep":
        return False
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and (
            verb.dep_ == "conj" and verb.head != verb):
        verb = verb.head  # "the deal outlines a first phase and includes ...": the deal's
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in AGREEMENT_LEMMAS
               for c in verb.children)


def _about_oneself(verb: Token) -> bool:
    """ "an official, who asked not to be named": asking, of no one, that something not be done
    to oneself (a passive infinitive) is a condition of speaking, not an appeal to a party."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children):
        return False
    return any(c.dep_ == "xcomp" and any(g.dep_ == "auxpass" for g in c.children)
               and any(g.dep_ == "neg" for g in c.children) for c in verb.children)


def _tenure(verb: Token) -> bool:
    """ "has served as the guarantor of the truce since 2019": holding a role is a state."""
    return verb.lemma_.lower() in TENURE_LEMMAS and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


def _speech(governor: Token) -> bool:
    """The word an "about" hangs on is one of speech, or (the parser often hangs it on a noun
    before it: "spoke with him on Tuesday about ...") its nearest verb is."""
    if governor.lemma_.lower() in SPEECH_LEMMAS:
        return True
    verb = next((a for a in [governor, *governor.ancestors] if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in SPEECH_LEMMAS


def _prepositions_over(noun: Token) -> list[Token]:
    """The prepositions above a noun through a chain of noun phrases: "since the early days of
    Moscow's invasion" -> [of, since]."""
    found = []
    current = noun
    for _ in range(MAX_HOPS):
        if current.dep_ != "pobj" or current.head == current:
            break
        preposition = current.head
        found.append(preposition)
        if preposition.dep_ != "prep" or preposition.head.pos_ not in ("NOUN", "PROPN"):
            break
        current = preposition.head
    return found
