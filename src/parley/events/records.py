"""Which coded events become records of the world, and with what confidence.

The event stage codes every event a sentence states (`parley annotate` shows them all, and the
sentence-level gates judge them). A record in the store says who did what to whom: a meeting,
deal, request or accusation whose text names no counterpart ("we agreed to a ceasefire",
"Chile will receive them") is coded but not recorded (see `plausibility.DYADIC_TYPES`), nor is
an event the text calls only possible (modality `hypothetical`: "it is unclear whether the
two panels will go on", an aim "to force X back to talks"; on the dev articles such
records matched no gold event), nor a background event dated only by a year ("negotiations
that began in 2023"), and each record's confidence is calibrated (see `calibration`).

    event_records(extract_events(doc, ...)) -> the events `parley process` stores
"""

from __future__ import annotations

from dataclasses import replace

from parley.events.calibration import calibrated
from parley.events.plausibility import DYADIC_TYPES
from parley.models import Event

# The length of a date that gives only its year ("2023"). A background event dated only by a
# year is history an article recalls ("the war began in 2022", "negotiations that began in
# 2023, after Baku established control"): the dev articles' convention codes none (their date
# format has no year-only date), and on the dev articles the one such record was marked wrong.
YEAR_ONLY = 4


def event_records(events: list[Event]) -> list[Event]:
    """The events worth a record, with calibrated confidence."""
    return [replace(e, confidence=calibrated(e)) for e in events if recordable(e)]


def recordable(event: Event) -> bool:
    if event.modality == "hypothetical":
        return False  # "could meet", "action to force X back to talks": said only to be possible
    if event.modality == "reported_past" and event.date is not None and len(event.date) == YEAR_ONLY:
        return False  # "negotiations that began in 2023": history the article recalls, not news
    return event.target is not None or event.type not in DYADIC_TYPES
