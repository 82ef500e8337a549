"""The line classifier for scraped plain-text dumps: what role does each line play?

A line's role is judged from its shape alone (length, terminal punctuation, link density,
label-and-colon form, numerals, capitalisation, glued words) plus its repetition in the
document; its position is weighed later, by `parley.clean.dump`, which decides where the body
starts and ends. No boilerplate string is listed here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from parley.clean.dates import find_date, strip_times
from parley.clean.labels import LABELS

Role = Literal["prose", "heading", "date", "label", "link", "counter", "bullet", "caption", "blank"]

# A prose line (a paragraph) has at least this many words and ends like a sentence.
MIN_PROSE_WORDS = 4
# A date line holds a date and at most this many other words ("Published on", "WORLD").
MAX_DATE_LINE_EXTRA_WORDS = 4
# "Label: value" lines whose label is at most this many words are metadata, not prose.
MAX_LABEL_WORDS = 3
# Share of a line's characters inside markdown links or URLs above which it is navigation.
MAX_LINK_SHARE = 0.3
# Counter lines ("4 Views", "2 min read"): a number and at most this many words.
MAX_COUNTER_WORDS = 3
# A line this long holding this many sentences is prose even when cut off mid-sentence
# (stored pages end mid-word; scrapers glue paragraphs into one line).
LONG_PROSE_WORDS, LONG_PROSE_SENTENCES = 40, 2
# A metadata marker run into a line ("date 2025-03-02 The ...") starts within this many characters.
MAX_MARKER_PREFIX = 30
# A copyright notice glued to the last sentence is split off when at most this many words.
MAX_COPYRIGHT_WORDS = 20

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_TERMINAL = re.compile(r"""[.!?…:;]["'”’»)\]]*$|[.!?…]\s*["'”’»)\]]+$""")
_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)|https?://\S+|www\.\S+")
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣*+–—-]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"^\s*([^\W\d_][^:|]{0,40}?)\s*:\s*(\S.*)?$")
_COUNTER = re.compile(r"^\s*[\d.,]+[KkMm]?\s+\w+(?:\s+\w+){0,2}\s*$"  # "4 Views", "2 min read"
                      r"|^\s*\w+(?:\s+\w+)?\s*:?\s*[\d.,]+[KkMm]?\s*$")  # "Views: 1.2K"
_GLUED = re.compile(r"[a-z][?!][A-Z][a-z]|[a-z]{3,}[A-Z]{2,}")
_CREDIT_TAIL = re.compile(r"\s[/|©]\s*[A-Z][\w.&' -]{1,40}$")
_SENTENCE_END = re.compile(r"[a-z0-9)][.!?][\"'”’]?(?:\s+|(?=[A-Z]))")
_TIME_AFTER = re.compile(r"[\s,|]*(?:\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?)?"
                         r"[\s,|:–—-]*", re.IGNORECASE)
_GLUED_COPYRIGHT = re.compile(r"(?<=[.!?\"”’])\s*(?=(?:copyright|©|\(c\))\W)", re.IGNORECASE)
_MARKER_FILLERS = frozenset({"on", "at", "the", "of"})


@dataclass(frozen=True)
class Line:
    """One line of a dump with its shape features and the role they give it."""

    index: int
    text: str
    words: int
    role: Role
    repeats: int  # how many times the same normalised line occurs in the document

    @property
    def is_prose(self) -> bool:
        return self.role == "prose"


def split_glued_metadata(lines: list[str]) -> list[str]:
    """Metadata a scraper ran into a line put on a line of its own: a leading marker
    (" date 2025-03-02 The foreign ministers ...", "Published: May 2, 2025 KYIV ...") and a
    trailing copyright ("... the economist added.Copyright(c) 2025 RTTNews.com")."""
    split: list[str] = []
    for line in lines:
        split.extend(_split_trailing_copyright(part) for part in _split_leading_marker(line))
    return [part for group in split for part in group.split("\n")]


def _split_leading_marker(line: str) -> list[str]:
    match = find_date(line[: MAX_MARKER_PREFIX + 40])
    if match is None or match.start > MAX_MARKER_PREFIX:
        return [line]
    label = normalize_line(line[: match.start]).split()
    markers = LABELS.publication | LABELS.secondary | LABELS.not_publication
    if not any(word in markers for word in label) or not all(
            word in markers or word in _MARKER_FILLERS for word in label):
        return [line]
    time = _TIME_AFTER.match(line, match.end)  # "date 2025-03-02 10:15 GMT |"
    end = time.end() if time else match.end
    rest = line[end:]
    if count_words(rest) < MIN_PROSE_WORDS:
        return [line]
    return [line[:end].rstrip(" ,|:–—-"), rest]


def _split_trailing_copyright(line: str) -> str:
    match = _GLUED_COPYRIGHT.search(line)
    if not match or count_words(line[match.end() :]) > MAX_COPYRIGHT_WORDS:
        return line
    return line[: match.start()] + "\n" + line[match.end() :]


def normalize_line(text: str) -> str:
    """Case- and spacing-insensitive form of a line, used to spot repetition."""
    return " ".join(_WORD.findall(text.lower()))


def classify_lines(lines: list[str]) -> list[Line]:
    """Assign every line a role from its shape and its repetition in the document."""
    counts = Counter(normalize_line(line) for line in lines if line.strip())
    return [
        Line(index=i, text=line, words=count_words(line), role=line_role(line),
             repeats=counts[normalize_line(line)] if line.strip() else 0)
        for i, line in enumerate(lines)
    ]


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def line_role(line: str) -> Role:
    """The role a line's shape gives it, most specific first."""
    text = line.strip()
    if not text:
        return "blank"
    if link_share(text) > MAX_LINK_SHARE:
        return "link"
    if is_date_line(text):
        return "date"
    if _COUNTER.match(text):
        return "counter"
    if _BULLET.match(text):
        return "bullet"
    words = count_words(text)
    if _is_label_line(text, words):
        return "label"
    if _CREDIT_TAIL.search(text) and not _TERMINAL.search(text):
        return "caption"
    if words >= LONG_PROSE_WORDS and len(_SENTENCE_END.findall(text)) >= LONG_PROSE_SENTENCES:
        return "prose"
    if words >= MIN_PROSE_WORDS and _TERMINAL.search(text) and not _GLUED.search(text):
        return "prose"
    return "heading"


def link_share(text: str) -> float:
    linked = sum(len(m.group(0)) for m in _LINK.finditer(text))
    return linked / max(len(text), 1)


def is_date_line(text: str) -> bool:
    """A short line that is mostly an absolute date ("Published on April 24, 2026")."""
    match = find_date(text)
    if match is None:
        return False
    rest = strip_times(text[: match.start] + " " + text[match.end :])
    return count_words(rest) <= MAX_DATE_LINE_EXTRA_WORDS


def _is_label_line(text: str, words: int) -> bool:
    """"Category: x, y" and "Edited by: Name": a short label, a colon, a value without a sentence."""
    match = _LABEL.match(text)
    if not match:
        return False
    label_words = count_words(match.group(1))
    value = match.group(2) or ""
    sentence_value = count_words(value) > 2 and _TERMINAL.search(value)
    return label_words <= MAX_LABEL_WORDS and not sentence_value


def label_and_value(text: str) -> tuple[str, str] | None:
    """Split a "Label: value" line."""
    match = _LABEL.match(text.strip())
    if not match:
        return None
    return match.group(1).strip(), (match.group(2) or "").strip()
