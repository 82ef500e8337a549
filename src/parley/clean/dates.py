"""Absolute dates written in a line of text ("Published on April 24, 2026", "date 2025-08-04").

Only absolute calendar dates: the relative logic ("on Monday") belongs to the timex stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)\b"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)\b"),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR, re.IGNORECASE),
)
_URL_MONTH = r"(?:(?P<mnum>[01]?\d)|(?P<mname>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)"
# A date folder or slug in a URL path: /2025/06/02/, -2025-03-19-, /2019/nov/18/, _20250602.
_URL_DATE = re.compile(r"(?<![\d])(?P<year>(?:19|20)\d\d)(?P<sep>[/_-]?)" + _URL_MONTH
                       + r"(?P=sep)(?P<day>[0-3]?\d)(?![\d])", re.IGNORECASE)
_URL_YEAR = re.compile(r"[/_-](?P<year>(?:19|20)\d\d)(?:[/_-]|$)")
_TIME = re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b|\s*[+-]\d\d:?\d\d)?",
                   re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    value: date
    start: int
    end: int


def find_date(text: str) -> DateMatch | None:
    """The first valid absolute calendar date in the text."""
    best: DateMatch | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            value = _to_date(match)
            if value and (best is None or match.start() < best.start):
                best = DateMatch(value, match.start(), match.end())
                break
    return best


def strip_times(text: str) -> str:
    """The text without clock times ("12:06:44 am")."""
    return _TIME.sub(" ", text)


def date_from_url(url: str | None) -> str | None:
    """A publication date written in a URL path (/2025/08/04/, -2025-08-04-, /2019/nov/18/)."""
    path = _url_path(url)
    for match in _URL_DATE.finditer(path):
        month = match["mnum"] or str(month_number(match["mname"]) or "")
        try:
            return date(int(match["year"]), int(month), int(match["day"])).isoformat()
        except ValueError:
            continue
    return None


def year_from_url(url: str | None) -> int | None:
    """The year of a URL's date folder (/2025/06/, /nachrichten-2025-03/), if any."""
    match = _URL_YEAR.search(_url_path(url))
    return int(match["year"]) if match else None


def month_number(name: str | None) -> int | None:
    """1-12 for a month name or its abbreviation ("Sept", "june"), else None."""
    return _MONTHS.get(name.lower()[:3]) if name else None


def _url_path(url: str | None) -> str:
    """The part of a URL after its host: a year in a host name is no date."""
    if not url:
        return ""
    return re.sub(r"^[a-z][\w+.-]*://[^/]*", "", url, flags=re.IGNORECASE)


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS.get(groups["month"].lower()[:3], 0)
    try:
        return date(int(groups["year"]), month, int(groups["day"]))
    except (ValueError, TypeError):
        return None
