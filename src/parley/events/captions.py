"""Photo captions among an article's paragraphs: they show a scene or restate the story, never
tell an event of their own.

    is_caption_sentence(sent)  # "Chileans inspect the site of a strike in Arica, Monday, 3 March 2025."

A caption is told in the present ("Ruiz (L) meets Mora in Lima"), where news prose is in the past,
and it closes with what no sentence of prose closes with: a photo credit ("Photo: EPA/...", "(Reuters
photo)", the shapes `clean.metadata.is_caption` knows) or the day the photo was taken after a comma
(", Wednesday, 15 January 2025."). A headline is in the present too, but closes with neither.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from parley.clean.dates import find_date
from parley.clean.metadata import is_caption
from parley.nlp import doc_text

# Tags of a present-tense verb, and of the participle of a present passive ("are seen").
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
PRESENT_BE = frozenset({"is", "are", "am"})
# ", Wednesday, 15 January 2025." or ", Jan. 15, 2025" closing the sentence: the photo's day.
_TRAILING_DATE = re.compile(r",\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s*)?"
                            r"(?P<date>[^,]{3,20}(?:,\s*\d{4})?)\s*[.)]?\s*$")


def is_caption_sentence(sent: Span) -> bool:
    """True when `sent` is a photo caption: a present-tense sentence closing with a photo credit
    (on its line) or with the day the photo was taken."""
    if not _present(sent.root):
        return False
    text = sent.text.strip()
    tail = _TRAILING_DATE.search(text)
    if tail is not None and find_date(tail.group("date")) is not None:
        return True
    return is_caption(_line_of(sent))


def _present(root: Token) -> bool:
    if root.tag_ in PRESENT_TAGS and not any(c.dep_ == "aux" for c in root.children):
        return True
    return root.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in PRESENT_BE for c in root.children)


def _line_of(sent: Span) -> str:
    """The line of text the sentence stands on (a caption is a line of its own)."""
    text = doc_text(sent.doc)  # spaCy's Doc.text joins every token again on each access
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.end_char)
    return text[start: end if end >= 0 else len(text)]
