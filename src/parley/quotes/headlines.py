"""Headline attributions: 'Pat Caddell: Voters Worried About Her Health' puts words in a mouth.

A paragraph that opens with a short name and a colon, followed by a statement, is the name's
statement; the colon is the cue. Times ("7:40 p.m.") and labels without a name do not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from parley.quotes.grammar import Finding, finding, text_of

# Longest name before the colon, in tokens ("OK Gov Fallin", "A lesson from Loretta Lynch").
MAX_NAME_TOKENS = 6
# Fewest words after the colon for a statement rather than a label value.
MIN_STATEMENT_WORDS = 3
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_PARAGRAPH = re.compile(r"[^\n]+")


def colon_findings(doc: Doc) -> Iterator[Finding]:
    text = text_of(doc)
    for para in _PARAGRAPH.finditer(text):
        colon = para.group().find(":")
        if colon <= 0:
            continue
        at = para.start() + colon
        name = doc.char_span(para.start(), at, alignment_mode="contract")
        if name is None or not 0 < len(name) <= MAX_NAME_TOKENS or text[at + 1 : at + 2].isdigit():
            continue
        speaker = _speaker(name)
        words = text[at + 1 : para.end()].split()
        if speaker is not None and len(words) >= MIN_STATEMENT_WORDS:
            found = finding(doc, at + 1, para.end(), "indirect", (at, at + 1), speaker.root)
            if found is not None:
                yield found


def _speaker(name: Span) -> Span | None:
    """The last named person or organisation before the colon, if the name part has one."""
    named = [ent for ent in name.ents if ent.label_ in SPEAKER_LABELS]
    return named[-1] if named else None
