"""Datelines opening a news lead: "WASHINGTON, June 22 (Reuters) -", "ISTANBUL, June 2. /TASS/.",
"NAIROBI (Daily Nation) -", "KUALA LUMPUR —", "New Delhi [India], June 3 (ANI):".

A dash, a colon or a closing full stop ends it: "Ukraine's Security Service (SBU) has ..."
is a sentence, not a dateline.

A dateline is a place in capitals (or a title-case place that also carries a date, a bracket or
a credit), an optional month and day, an optional credit in brackets or slashes and a
separator, all before the first word of the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.clean.dates import month_number
from parley.clean.labels import LABELS

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_CAPS_PLACE = r"[A-Z][A-Z'’.-]+(?:[ /-][A-Z][A-Z'’.-]*){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'’.-]+(?:[ /-][A-Z][a-z'’.-]+){0,2}"
_DATELINE = re.compile(
    r"^\s*(?P<place>" + _CAPS_PLACE + "|" + _TITLE_PLACE + r")(?![a-z])"
    r"(?P<bracket>\s*\[[^\]\n]{1,30}\])?"
    r"(?:,\s*(?:(?P<m1>" + _MONTH + r")\.?\s+(?P<d1>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<m2>" + _MONTH
    + r")\.?)(?:,?\s+(?P<year>(?:19|20)\d\d))?)?"
    r"\s*\.?\s*(?:\((?P<paren>[^()\n]{1,40})\)|/(?P<slash>[^/\n]{1,30})/)?\s*\.?"
    r"\s*(?:[-–—:]+|(?<=[./])(?=\s))\s*(?=\S)")


@dataclass(frozen=True)
class Dateline:
    place: str
    month: int | None
    day: int | None
    year: int | None
    credit: str | None  # the name in its brackets or slashes: an agency or the outlet


def parse_dateline(text: str) -> Dateline | None:
    """The dateline opening a lead paragraph, or None."""
    match = _DATELINE.match(text)
    if not match:
        return None
    place = match.group("place").strip()
    credit = (match.group("paren") or match.group("slash") or "").strip() or None
    month_text = match.group("m1") or match.group("m2")
    if not _is_place(place, bool(match.group("bracket") or credit or month_text)):
        return None
    return Dateline(
        place=place,
        month=month_number(month_text) if month_text else None,
        day=int(match.group("d1") or match.group("d2")) if month_text else None,
        year=int(match.group("year")) if match.group("year") else None,
        credit=credit,
    )


def _is_place(place: str, has_more: bool) -> bool:
    words = re.findall(r"[^\W\d_]+", place)
    if not words or any(word.lower() in LABELS.dateline_kickers for word in words):
        return False
    # A title-case opening ("Russia, Ukraine agree ...") is a dateline only with more to it.
    return (place.upper() == place and len(place) > 2) or has_more
