"""An article without a publication date, dated as a reader dates it: by its own explicit dates.

    resolve_undated(doc, timexes) -> ("2025-12-02", timexes resolved against that day)

Without a document date the timex stage leaves "on Tuesday" as XXXX-WXX-2 and "August 8" as
XXXX-08-08: it never guesses today. A reader of "met at the Kremlin on Tuesday ... (photo: the
Kremlin on December 2, 2025)" knows which Tuesday; one of "signed on August 8 ... finalized in
March 2025" knows which year. So, for the event stage only:

- the latest date the text writes out in full (day, month and year) outside a future clause is
  the article's reference: every expression is resolved again against it;
- else the latest year the text writes out gives its year to the month-day dates left without one.

The reference is no publication date: nothing is dated by it alone (`discourse`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from parley.models import Timex
from parley.timex import extract_timexes
from parley.timex.anchor import calendar_date
from parley.timex.tense import clause_tense, governing_verb

_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_YEARLESS = re.compile(r"^XXXX(-\d\d(?:-\d\d)?)$")


def resolve_undated(doc: Doc, timexes: list[Timex]) -> tuple[str | None, list[Timex]]:
    """The article's reference day (or None) and its timexes resolved as far as the text allows."""
    written = [(t, value) for t in timexes if (value := calendar_date(t)) and _WRITTEN_YEAR.search(t.text)
               and not _looks_ahead(doc, t)]
    days = [value for _, value in written if len(value) == 10]
    if days:
        reference = max(days)
        return reference, extract_timexes(doc, reference)
    if written:
        year = max(value[:4] for _, value in written)
        return None, [_with_year(t, year) for t in timexes]
    return None, timexes


def _with_year(timex: Timex, year: str) -> Timex:
    match = _YEARLESS.match(timex.value)
    return replace(timex, value=year + match.group(1)) if match else timex


def _looks_ahead(doc: Doc, timex: Timex) -> bool:
    """A date in a future clause ("the vote will be held on March 3, 2026"); a bare present is
    the present of captions and headlines ("leaders meet in Moscow, 02 December 2025")."""
    if clause_tense(doc, timex.start, timex.end) != "FUTURE":
        return False
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    bare_present = verb is not None and verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)
    return not bare_present
