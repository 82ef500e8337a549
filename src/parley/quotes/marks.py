"""Quoted stretches of text: straight and curly double quotes, curly single quotes.

A mark opens or closes by what stands beside it (space before and a word after opens), so a
mistyped ” that opens a quote still pairs; `''` (two apostrophes, as some archives print quotes)
counts as a double mark; a quote inside a quote is part of it. A quote may run over several
paragraphs: by convention its paragraphs open with a quote mark and only the last one closes
it. A mark left open at a paragraph's end with no such follow-up is dropped (unbalanced marks
in scraped text are more often stray).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

OPENING_DOUBLE = "“„«"
CLOSING_DOUBLE = "”»"
DOUBLE_MARKS = OPENING_DOUBLE + CLOSING_DOUBLE + '"'
TRIPLE_APOSTROPHES = "'''"
OPEN_CONTEXT = "([{—–-―/:"  # what may stand right before an opening mark besides a space
CLOSE_CONTEXT = ".,;:!?)]}—–-―…'’"  # what may follow a closing mark besides a space
OPENING_SINGLE = "‘"
CLOSING_SINGLE = "’"
_PARAGRAPH = re.compile(r"[^\n]+")
# Where a mark can begin: a double mark or an apostrophe (of `''`); `_marks` skips to these.
_MARK_START = re.compile("['" + re.escape(DOUBLE_MARKS) + "]")


@dataclass(frozen=True)
class QuotedSpan:
    """A quotation: `start`/`end` inside the marks, `open`/`outer_end` around them."""

    start: int
    end: int
    open: int
    outer_end: int


@dataclass(frozen=True)
class Mark:
    at: int
    width: int
    opens: bool  # could open a quote (space before, word after)
    closes: bool  # could close one (word before, space or punctuation after)


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Double-quoted spans (over paragraphs when continued), then single-quoted ones outside them."""
    doubles = _double_quotes(text)
    singles = [span for span in _single_quotes(text)
               if not any(d.open <= span.open < d.outer_end for d in doubles)]
    return sorted(doubles + singles, key=lambda span: span.open)


def _double_quotes(text: str) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    pending: list[Mark] = []  # opening mark of a quote carried over from earlier paragraphs
    for para in _PARAGRAPH.finditer(text):
        marks = list(_marks(text, para.start(), para.end()))
        if pending and not (marks and marks[0].at == _first_char(text, para.start())):
            pending = []
        elif pending:
            marks = marks[1:]  # the continuation mark of a multi-paragraph quote
        pending = _pair_marks(marks, pending, spans)
    return [span for span in spans if not any(
        other.start <= span.open and span.outer_end <= other.end for other in spans)]


def _first_char(text: str, start: int) -> int:
    while start < len(text) and text[start] in " \t\xa0":
        start += 1
    return start


def _marks(text: str, start: int, end: int) -> Iterator[Mark]:
    i = start
    while (found := _MARK_START.search(text, i, end)) is not None:
        i = found.start()  # every character skipped is neither a double mark nor an apostrophe
        width = 2 if text.startswith("''", i) else 1 if text[i] in DOUBLE_MARKS else 0
        if width == 2 and text.startswith(TRIPLE_APOSTROPHES, i) and i > start and not text[i - 1].isspace():
            i += 1  # "them,'''": a single mark closes first, then the double one
        if width:
            before = text[i - 1] if i > start else " "
            after = text[i + width] if i + width < end else " "
            opens = (before.isspace() or before in OPEN_CONTEXT) and not after.isspace()
            closes = not before.isspace() and (after.isspace() or after in CLOSE_CONTEXT)
            if text[i] in OPENING_DOUBLE and not closes:
                opens = True
            if text[i] in CLOSING_DOUBLE and not opens:
                closes = True
            yield Mark(i, width, opens or not closes, closes or not opens)
        i += max(width, 1)


def _pair_marks(marks: list[Mark], carried: list[Mark], spans: list[QuotedSpan]) -> list[Mark]:
    """Pair the marks of one paragraph, quotes inside quotes included; return the outermost
    opening mark still open at its end (it may go on in the next paragraph)."""
    stack = list(carried)
    for mark in marks:
        if stack and mark.closes:
            opening = stack.pop()
            spans.append(QuotedSpan(opening.at + opening.width, mark.at, opening.at, mark.at + mark.width))
        elif mark.opens:
            stack.append(mark)
    return stack[:1]


def _single_quotes(text: str) -> list[QuotedSpan]:
    """‘...’ pairs within a paragraph; a ’ inside a word is an apostrophe, not a close."""
    spans = []
    for para in _PARAGRAPH.finditer(text):
        line, offset = para.group(), para.start()
        open_at: int | None = None
        for i, char in enumerate(line):
            if char == OPENING_SINGLE:
                open_at = offset + i
            elif char == CLOSING_SINGLE and open_at is not None:
                after = line[i + 1 : i + 2]
                if after and after.isalnum():
                    continue
                spans.append(QuotedSpan(open_at + 1, offset + i, open_at, offset + i + 1))
                open_at = None
    return spans
