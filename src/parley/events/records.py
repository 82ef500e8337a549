"""Which coded events become records of the world, and with what confidence.

The event stage codes every event a sentence states (`parley annotate` shows them all, and the
sentence-level gates judge them). A record in the store says who did what to whom: a meeting,
deal, request or accusation whose text names no counterpart ("we agreed to a ceasefire",
"Ukraine will receive them") is coded but not recorded (see `plausibility.DYADIC_TYPES`), and
each record's confidence is calibrated (see `calibration`).

    event_records(extract_events(doc, ...)) -> the events `parley process` stores
"""

from __future__ import annotations

from dataclasses import replace

from parley.events.calibration import calibrated
from parley.events.plausibility import DYADIC_TYPES
from parley.models import Event


def event_records(events: list[Event]) -> list[Event]:
    """The events worth a record, with calibrated confidence."""
    return [replace(e, confidence=calibrated(e)) for e in events if recordable(e)]


def recordable(event: Event) -> bool:
    return event.target is not None or event.type not in DYADIC_TYPES
