"""Metadata of a text dump, read from the roles and positions of its lines.

The line classifier (`parley.clean.lines`) gives each line a role from its shape; the body
(`parley.clean.dump`) fixes where the story starts and ends. A date line means something
different by its label and its place: a labelled marker ("date 2025-03-02", "Posted on") is
the publication date, a bare date next to a byline or credit is the byline's, one before the
title is a site header's, "Updated ..." is a later date used only when nothing else dates the
page, and a scrape stamp ("Retrieved ...") is never the publication date. The lead's dateline,
the credits around the body and the URL add their own evidence. Each field records its basis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from parley.clean.credits import agency_name, credit_line, reported_credit, trailing_credit
from parley.clean.dateline import Dateline, parse_dateline
from parley.clean.dates import date_from_url, find_date, year_from_url
from parley.clean.labels import LABELS
from parley.clean.lines import Line, count_words, normalize_line

# Dates after this many body paragraphs are not the page's publication date.
DATE_SCAN_PARAGRAPHS = 2
# The lead's dateline and "X reports" credits are looked for in this many body paragraphs.
LEAD_PARAGRAPHS = 2
# A bare date this many non-blank lines from a byline or credit line is the byline's date.
BYLINE_REACH = 2
# Credit lines are looked for this many non-blank lines before the body and after it.
CREDIT_ZONE_LINES = 8
# A byline block (short lines just before the body: name, credit, date) has lines this short.
MAX_BYLINE_BLOCK_WORDS = 6
# A site-name line ("Shafaq News – Damascus") has at most this many words.
MAX_SITE_NAME_WORDS = 5

# The basis of a publication date, best first (`Article.published_from` holds the name).
DATE_BASES = ("marker", "byline", "dateline", "url", "header", "secondary", "caption")
# A photo caption's closing credit: "(EPA Photo)", "(Kremlin photo)", "(Social media)" - a short
# bracket ending the line, or a labelled one ("Photo: EPA/...", "/ KREMLIN POOL").
MAX_CAPTION_CREDIT_WORDS = 4

_PERSON = re.compile(r"^(?:[A-Z][\w'’.-]*|de|van|von|der|bin|al|da|del|la|le)"
                     r"(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|bin|al|da|del|la|le)){1,4}$")
# Second-level labels under a country code: "bbc.co.uk" is a site, "co.uk" is not.
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})
_PARTS = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# A weekday is read as the date nearest a photo's day, up to this many days after it.
WEEKDAY_REACH = 3
# Characters before a weekday searched for a word that puts it in the future.
FUTURE_CUE_REACH = 40
_WEEKDAY_NAME = re.compile(r"\b((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")
_FUTURE_CUE = re.compile(r"\b(?:will|would|next|until|till|set to|due|scheduled|expected|plans?|"
                         r"planned|to be|is to|are to|coming|ahead of)\b", re.IGNORECASE)
_CLOSING_BRACKET = re.compile(r"\(([^()]{2,40})\)\W*$")
# The signature of an embedded social-media post: "— Jane Roe (@janeroe) May 6, 2025".
_POST_HANDLE = re.compile(r"\(@\w{1,30}\)|(?:^|\s)@\w{1,30}\b")


@dataclass(frozen=True)
class FoundDate:
    value: str
    basis: str
    after_title: bool
    index: int

    @property
    def key(self) -> tuple[int, int, int]:
        return DATE_BASES.index(self.basis), 0 if self.after_title else 1, self.index


@dataclass(frozen=True)
class PageLayout:
    """Where the story sits among the lines: its title line and its body lines."""

    lines: list[Line]
    body: list[Line]
    title_index: int | None

    @property
    def first_body(self) -> int:
        return self.body[0].index if self.body else len(self.lines)

    @property
    def last_body(self) -> int:
        return self.body[-1].index if self.body else len(self.lines)

    @property
    def lead(self) -> list[Line]:
        return self.body[:LEAD_PARAGRAPHS]

    @property
    def date_zone(self) -> list[Line]:
        """The lines a publication date may sit on: all before the third body paragraph."""
        end = self.body[min(DATE_SCAN_PARAGRAPHS, len(self.body) - 1)].index if self.body \
            else len(self.lines)
        return self.lines[:end]

    def nonblank(self, lines: list[Line]) -> list[Line]:
        return [line for line in lines if line.role != "blank"]


def find_dateline(layout: PageLayout) -> Dateline | None:
    """The dateline opening the lead, if any."""
    return next((d for line in layout.lead if (d := parse_dateline(line.text.strip()))), None)


def find_published(layout: PageLayout, dateline: Dateline | None,
                   url: str | None) -> tuple[str | None, str | None]:
    """The publication date and its basis (one of DATE_BASES), or (None, None)."""
    found = [*_date_line_candidates(layout), *_caption_candidates(layout)]
    from_url = date_from_url(url)
    if from_url:
        found.append(FoundDate(from_url, "url", True, -1))
    years = [int(f.value[:4]) for f in sorted(found, key=lambda f: f.key)]
    dated = _dateline_date(dateline, year_from_url(url) or (years[0] if years else None))
    if dated:
        found.append(FoundDate(dated, "dateline", True, layout.first_body))
    if not found:
        return None, None
    best = min(found, key=lambda f: f.key)
    if best.basis == "caption":
        return after_told_weekdays(best.value, layout.body), best.basis
    return best.value, best.basis


def after_told_weekdays(day: str, body: list[Line]) -> str:
    """A photo's day moved to the latest weekday the story tells of in the days around it: a page
    whose photo is of Tuesday's talks and whose text reports "in the early hours of Wednesday"
    appeared on Wednesday at the earliest. Each weekday is read as the date nearest the photo's
    (at most `WEEKDAY_REACH` days away); one in a clause about the future does not count."""
    photo = date.fromisoformat(day)
    latest = photo
    for line in body:
        for match in _WEEKDAY_NAME.finditer(line.text):
            if _FUTURE_CUE.search(line.text[max(0, match.start() - FUTURE_CUE_REACH): match.start()]):
                continue
            offset = (WEEKDAYS.index(match.group(1).lower()[:3]) - photo.weekday()) % 7
            offset = offset - 7 if offset > WEEKDAY_REACH else offset
            latest = max(latest, photo + timedelta(days=offset))
    return latest.isoformat()


def _date_line_candidates(layout: PageLayout) -> list[FoundDate]:
    found = []
    for line in layout.date_zone:
        if line.role != "date":
            continue
        match = find_date(line.text)
        if match is None:
            continue
        basis = _date_basis(layout, line, line.text[: match.start])
        if basis:
            after = layout.title_index is None or line.index > layout.title_index
            found.append(FoundDate(match.value.isoformat(), basis, after, line.index))
    return found


def _caption_candidates(layout: PageLayout) -> list[FoundDate]:
    """The day a photo of the story was taken, from a caption before the body or among its
    paragraphs ("... at the Kremlin on December 2, 2025 (Kremlin photo)"), or the day of a post
    embedded in it ("— Jane Roe (@janeroe) May 6, 2025"): the news day, at worst a day or two
    before the page's own. A file photo's date is no evidence."""
    body = {line.index for line in layout.body}
    found = []
    for line in layout.lines[: layout.last_body + 1]:
        if line.index in body or line.role in ("blank", "link") or not is_caption(line.text):
            continue
        match = find_date(line.text)
        if match is not None:
            found.append(FoundDate(match.value.isoformat(), "caption", True, line.index))
    return found


def is_caption(text: str) -> bool:
    """A photo caption's shape: a photo word outside "file" photos, or a closing credit in brackets;
    or an embedded post's signature (a handle)."""
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    if "file" in words:
        return False
    if words & LABELS.photo or _POST_HANDLE.search(text):
        return True
    bracket = _CLOSING_BRACKET.search(text.strip())
    return bool(bracket and count_words(bracket.group(1)) <= MAX_CAPTION_CREDIT_WORDS
                and not find_date(bracket.group(1)))


def _date_basis(layout: PageLayout, line: Line, label_text: str) -> str | None:
    label = set(normalize_line(label_text).split())
    if label & LABELS.not_publication:
        return None
    if label & LABELS.publication:
        return "marker"
    if label & LABELS.secondary:
        return "secondary"
    return "byline" if _near_byline(layout, line, label_text) else "header"


def _near_byline(layout: PageLayout, line: Line, label_text: str) -> bool:
    if find_authors_in(label_text):
        return True
    around = layout.nonblank(layout.lines)
    position = next(i for i, other in enumerate(around) if other.index == line.index)
    near = around[max(0, position - BYLINE_REACH): position + BYLINE_REACH + 1]
    return any(other is not line and (find_authors_in(other.text) or credit_line(other.text))
               for other in near)


def _dateline_date(dateline: Dateline | None, year: int | None) -> str | None:
    if dateline is None or dateline.month is None or dateline.day is None:
        return None
    year = dateline.year or year
    if year is None:
        return None
    try:
        return date(year, dateline.month, dateline.day).isoformat()
    except ValueError:
        return None


def find_credit(layout: PageLayout, dateline: Dateline | None) -> str | None:
    """The news agency the page credits its story to, if it says."""
    if dateline and dateline.credit and (name := agency_name(dateline.credit)):
        return name
    before = layout.nonblank(layout.lines[: layout.first_body])[-CREDIT_ZONE_LINES:]
    after = layout.nonblank(layout.lines[layout.last_body + 1 :])[:CREDIT_ZONE_LINES]
    for line in [*before, *after]:
        # an item of a list ("Sources: • Reuters • AP ...") is one source among several
        if line.role != "bullet" and line.words <= MAX_BYLINE_BLOCK_WORDS \
                and (name := credit_line(line.text)):
            return name
    if layout.body and (name := trailing_credit(layout.body[-1].text)):
        return name
    return next((name for line in layout.lead if (name := reported_credit(line.text))), None)


def find_site_name(layout: PageLayout, dateline: Dateline | None) -> str | None:
    """The outlet the page names before its story: a dateline's "(Daily Nation)", a site-name
    line ("Shafaq News – Damascus"), the name in a byline block ("Newsworm / with / AFP")."""
    if dateline and dateline.credit and not agency_name(dateline.credit) \
            and count_words(dateline.credit) <= MAX_SITE_NAME_WORDS:
        return dateline.credit
    start = layout.title_index + 1 if layout.title_index is not None else 0
    zone = layout.nonblank(layout.lines[start: layout.first_body])
    named = next((name for line in zone if (name := _hinted_name(line))), None)
    return named or _byline_block_name(zone)


def _hinted_name(line: Line) -> str | None:
    """A short non-prose line, or a part of it, that is named like an outlet ("... News")."""
    text = line.text.strip()
    if line.role == "date" and (match := find_date(text)):
        text = text[match.end :]  # " date 2025-07-16 Shafaq News – Damascus"
    if line.role == "prose" or count_words(text) > MAX_SITE_NAME_WORDS:
        return None
    for part in _PARTS.split(text.strip(" |–—-")):
        words = part.split()
        # two words at least: a lone "News" is a menu item, "Shafaq News" a name
        if len(words) >= 2 and all(w[:1].isupper() for w in words) and any(
                w.lower().strip(".,") in LABELS.outlet_hints for w in words):
            return part.strip()
    return None


def _byline_block_name(zone: list[Line]) -> str | None:
    """In the short lines just before the body, a one-word name beside a credit or a date."""
    block: list[Line] = []
    for line in reversed(zone):
        if line.role == "prose" or line.words > MAX_BYLINE_BLOCK_WORDS:
            break
        block.insert(0, line)
    if not any(line.role == "date" or credit_line(line.text) for line in block):
        return None
    for line in block:
        text = line.text.strip()
        if (line.role == "heading" and " " not in text and text[:1].isupper()
                and not credit_line(text) and text.lower() not in LABELS.credit_connectors):
            return text
    return None


def find_authors_in(text: str) -> tuple[str, ...]:
    """Names from a byline ("By Jane Doe", "Edited by: Jane Roe", "By Jane Doe | May 2, 2025")."""
    stripped = re.split(r"\s*[|•·]\s*", text.strip())[0]
    if count_words(stripped) > 12:
        return ()
    lowered = stripped.lower()
    for label in LABELS.byline:
        if lowered.startswith(label) and len(stripped) > len(label) \
                and not stripped[len(label)].isalnum():
            rest = stripped[len(label):].lstrip(" :–—-")
            names = [n.strip() for n in re.split(r",|\band\b|&", rest) if n.strip()]
            names = [n for n in names if not agency_name(n) and not find_date(n)]
            if names and all(_PERSON.match(n) for n in names):
                return tuple(names)
    return ()



def site_from_url(url: str | None) -> str | None:
    """The site a URL belongs to, as its registered domain ("ca.news.yahoo.com" -> "yahoo.com")."""
    match = re.match(r"^[a-z][\w+.-]*://(?:[^@/]*@)?([^/:?#]+)", url or "", re.IGNORECASE)
    if not match or "." not in match.group(1):
        return None
    labels = match.group(1).lower().split(".")
    if labels[-1].isdigit():  # an IP address names no outlet
        return None
    keep = 3 if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])
