"""Credited sources in a page: the news agency a story comes from, not the one a picture does.

A credit has a shape: a line that only names an agency ("AFP", "— Reuters", "with AFP",
"(SPA)"), a paragraph closed by one ("... on Friday. - AFP"), a lead that says "..., UNN
reports". An agency named next to a photo word or glued to a photographer's name with a slash
("Jane Roe/AFP via Getty Images", "Photo: EPA/...") credits a picture and is skipped.
"""

from __future__ import annotations

import re

from parley.clean.labels import LABELS

# A line that only credits an agency has at most this many words ("with inputs from PTI").
MAX_CREDIT_LINE_WORDS = 6
# Words either side of an agency name searched for photo words ("AFP photo", "Photo: EPA").
PHOTO_WINDOW_WORDS = 4


def _agency_pattern() -> re.Pattern[str]:
    # Exact case or all capitals: "Reuters", "REUTERS", "dpa-AFX"; never "trend" for "Trend".
    forms = sorted({form for name in LABELS.agencies for form in (name, name.upper())},
                   key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w-])")


_AGENCY = _agency_pattern()
_EDGE = " \t-–—|()[]•*:,.;/"
_TRAILING = re.compile(r"""(?:[.!?"”’)\]]\s*[-–—|/]+\s*|\s[-–—]+\s*|\s\()"""
                       r"""(?P<name>[^()\-–—|/]{2,40}?)\)?\s*\.?\s*$""")
_REPORTS = re.compile(r",\s*(?P<name>[^,.;]{2,40}?)\s+(?P<verb>\w+)\s*[.:]?\s*$")
_WORDS = re.compile(r"[^\W_]+")


def agency_name(text: str) -> str | None:
    """The agency the whole text names ("AFP", "dpa-AFX", "Reuters"), or None."""
    stripped = text.strip(_EDGE)
    match = _AGENCY.fullmatch(stripped)
    return _canonical(match.group(0)) if match else None


def credit_line(text: str) -> str | None:
    """The agency a short credit-only line names: "AFP", "— Reuters", "with AFP", "(SPA)"."""
    words = text.strip(_EDGE).split()
    if not words or len(words) > MAX_CREDIT_LINE_WORDS:
        return None
    while words and words[0].lower().strip(_EDGE) in LABELS.credit_connectors:
        words = words[1:]
    rest = " ".join(words)
    names = [agency_name(part) for part in re.split(r"\s*(?:/|,|&|\band\b)\s*", rest) if part]
    if not names or not all(names) or is_photo_credit(text):
        return None
    return names[0]


def trailing_credit(text: str) -> str | None:
    """The agency that closes a paragraph: "... on Friday. - AFP", "... (AFP)", "... — Agencies"."""
    match = _TRAILING.search(text.rstrip())
    if not match:
        return None
    name = agency_name(match.group("name"))
    if name is None or is_photo_credit(text[max(0, match.start() - 60):]):
        return None
    return name


def reported_credit(text: str) -> str | None:
    """The agency a sentence names as its reporter: "..., UNN reports."."""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        match = _REPORTS.search(sentence)
        if match and match.group("verb").lower() in LABELS.report_verbs:
            name = agency_name(match.group("name"))
            if name:
                return name
    return None


def is_photo_credit(text: str) -> bool:
    """Whether the agencies a text names credit a picture ("Jane Roe/AFP via Getty Images")."""
    for match in _AGENCY.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        if (before.endswith("/") and before[-2:-1].isalpha()) or after.startswith("/"):
            return True
        near = (_WORDS.findall(before)[-PHOTO_WINDOW_WORDS:]
                + _WORDS.findall(after)[:PHOTO_WINDOW_WORDS])
        if any(word.lower() in LABELS.photo for word in near):
            return True
    return False


def _canonical(name: str) -> str:
    """The name as the agency list writes it ("REUTERS" -> "Reuters")."""
    for known in LABELS.agencies:
        if known == name or known.upper() == name:
            return known
    return name
