"""Events a reader would not take from the sentence, however its words matched.

    plausible(event) -> False for "neither side will target the other" (an attack that the
    sentence says will not, or might, happen), for "speaking to reporters" (a press encounter
    is no consultation), for an actor acting on itself (a name twice, or a leader and his own
    troops: one state), for "there was no mediation" (a denied event did not happen), and for
    an event none of whose parties has a country or a sector (a record of who did what to whom
    in the world needs one). Which coded events become records: `events.records`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from parley.actors.entities import country_name
from parley.models import Actor, Event

# Categories of force: negated or hypothetical, they did not happen and are not reported as
# happening (a promise not to attack is coded from its commitment, see events.frames).
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
UNREAL_MODALITIES = frozenset({"hypothetical", "refused", "denied"})
# Sectors of the press: talking to them is reporting, not consulting.
PRESS_SECTORS = frozenset({"JRN", "MED"})
# Categories that are between two parties by their meaning (PLOVER's definitions: one meets,
# agrees, accuses, attacks, rejects, threatens, yields, gives or cooperates *with* or *to*
# someone; an attack with neither a target nor a place struck, see events.extract, names no
# one attacked). Without a counterpart the sentence named too little ("we agreed to a ceasefire",
# "Ukraine will receive them"), and the record would say nothing of relations: measured on the
# dev articles' tune half, such records matched no gold event (10 of 10 wrong). A rejection
# may be of a thing ("rejected the plan"), a support of one ("welcomed the deal"), an appeal
# to the world at large ("called for restraint").
DYADIC_TYPES = frozenset({"CONSULT", "AGREE", "ACCUSE", "THREATEN", "CONCEDE", "ASSAULT",
                          "RETREAT", "AID", "SANCTION", "COOPERATE"})
# Sectors of one state acting as such: a government and its own armed forces or services are
# one party ("Putin passed the order to the Russian troops").
STATE_SECTORS = frozenset({"GOV", "MIL", "SPY"})
# Entity kinds of spaCy's scheme (OntoNotes) that name buildings, airports, roads (FAC) and
# vehicles or other objects (PRODUCT): places and things, which meet or visit no one.
THING_KINDS = frozenset({"FAC", "PRODUCT"})
# Speech acts are events even where they deny or refuse ("denied that it had attacked").
SPEECH_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})


def plausible(event: Event) -> bool:
    """True unless the event is one of the kinds a reader would not code (see module doc)."""
    if event.type in FORCE_TYPES and (event.negated or event.modality in UNREAL_MODALITIES):
        return False
    if event.type == "THREATEN" and event.negated:
        return False  # "did not threaten Chile": no threat was made
    if event.modality == "denied" and event.type not in SPEECH_TYPES:
        return False  # "there was no US mediation"
    if event.type == "CONSULT" and event.target and event.target.sector in PRESS_SECTORS:
        return False
    if not _coded(event.source) and not _coded(event.target):
        return False  # "Vanat broke through": no party parley can place in the world
    return not _acts_on_itself(event) and not _one_state(event)


def _coded(actor: Actor | None) -> bool:
    return actor is not None and actor.code is not None


def _acts_on_itself(event: Event) -> bool:
    source, target = event.source, event.target
    if source is None or target is None or source.code != target.code:
        return False
    if source.start is not None and target.start is None:
        return False  # a recipient the text implies ("Chile lifted the curfew": on Chile), not a mention
    # "Trump" and "Donald Trump": one person named twice
    return source.name.split()[-1:] == target.name.split()[-1:]


def _one_state(event: Event) -> bool:
    """Two organs of one state: its government, armed forces and services act as one party."""
    source, target = event.source, event.target
    if source is None or target is None or source.country is None:
        return False
    # two officials of one government may meet or agree (and a foreign leader the dictionary
    # places wrongly must not vanish): only a government and its forces or services are one
    return (source.country == target.country and source.sector != target.sector
            and source.sector in STATE_SECTORS and target.sector in STATE_SECTORS)


def with_actor_parties(event: Event, doc: Doc) -> Event | None:
    """A meeting or visit whose party the text names as a building or a vehicle (a phrase headed
    by a name the entity recognizer tags FAC or PRODUCT, and that the actor tables do not place
    as a state's organ, unlike a seat of government such as "the Kremlin"): a vehicle or a
    building meets no one (None as source); a trip to a building is a visit to the country it
    stands in, and none when that is the visitor's own ("flew to Ramstein Air Base in Germany"
    visits Germany; a hospital or a base at home is no visit)."""
    if event.type != "CONSULT":
        return event
    if _thing(event.source, doc):
        return None
    target = event.target
    if target is None or not _thing(target, doc):
        return event
    name = country_name(target.country) if target.country else None
    if name is None or target.country == (event.source.country if event.source else None):
        return None
    return replace(event, target=Actor(name=name, country=target.country, start=target.start, end=target.end))


def _thing(actor: Actor | None, doc: Doc) -> bool:
    if actor is None or actor.start is None or actor.end is None:
        return False
    if actor.sector is not None and actor.country is not None:
        return False  # a seat of government the tables place ("the White House": USAGOV) acts
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and span.root.ent_type_ in THING_KINDS
