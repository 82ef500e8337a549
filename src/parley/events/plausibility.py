"""Events a reader would not take from the sentence, however its words matched.

    plausible(event) -> False for "neither side will target the other" (an attack that the
    sentence says will not, or might, happen), for "speaking to reporters" (a press encounter
    is no consultation), for an actor acting on itself, and for an event none of whose parties
    has a country or a sector (a record of who did what to whom in the world needs one).
"""

from __future__ import annotations

from parley.models import Actor, Event

# Categories of force: negated or hypothetical, they did not happen and are not reported as
# happening (a promise not to attack is coded from its commitment, see events.frames).
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
UNREAL_MODALITIES = frozenset({"hypothetical", "refused", "denied"})
# Sectors of the press: talking to them is reporting, not consulting.
PRESS_SECTORS = frozenset({"JRN", "MED"})


def plausible(event: Event) -> bool:
    """True unless the event is one of the kinds a reader would not code (see module doc)."""
    if event.type in FORCE_TYPES and (event.negated or event.modality in UNREAL_MODALITIES):
        return False
    if event.type == "CONSULT" and event.target and event.target.sector in PRESS_SECTORS:
        return False
    if not _coded(event.source) and not _coded(event.target):
        return False  # "Vanat broke through": no party parley can place in the world
    return not _acts_on_itself(event)


def _coded(actor: Actor | None) -> bool:
    return actor is not None and actor.code is not None


def _acts_on_itself(event: Event) -> bool:
    source, target = event.source, event.target
    if source is None or target is None or source.code != target.code:
        return False
    # "Trump" and "Donald Trump": one person named twice
    return source.name.split()[-1:] == target.name.split()[-1:]
