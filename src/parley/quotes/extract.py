"""Quote extraction: direct quotes first, then indirect speech that they do not already cover."""

from __future__ import annotations

from spacy.tokens import Doc

from parley.models import Quote
from parley.quotes.clauses import clause_findings
from parley.quotes.direct import direct_findings
from parley.quotes.grammar import Finding, text_of
from parley.quotes.headlines import colon_findings
from parley.quotes.marks import find_quoted_spans
from parley.quotes.speakers import speaker_actor

# An indirect finding sharing more than this share of its content with a direct quote repeats it.
OVERLAP_DUPLICATE = 0.5


def extract_quotes(doc: Doc) -> list[Quote]:
    """Every attributed statement in a parsed article, in text order.

    `doc` comes from `parley.nlp.parse(text)`; offsets index into `doc.text`. Direct quotes cover
    the words inside the marks; indirect ones the reported clause; mixed ones a clause that
    quotes part of what was said.
    """
    direct = list(direct_findings(doc))
    direct += [f for f in colon_findings(doc) if not _repeats(f, direct)]
    quoted = [(q.start, q.end) for q in find_quoted_spans(text_of(doc))]
    clauses = [f for f in clause_findings(doc, quoted) if not _repeats(f, direct)]
    indirect = [_with_kind(f, quoted) for f in clauses if not _nested(f, clauses)]
    findings = direct + indirect
    findings.sort(key=lambda f: (f.start, f.end))
    return [_to_quote(doc, f) for f in findings]


def _repeats(candidate: Finding, direct: list[Finding]) -> bool:
    for quote in direct:
        same_cue = candidate.cue_start is not None and candidate.cue_start == quote.cue_start
        if same_cue and not quote.borrowed_cue:
            return True
        overlap = min(candidate.end, quote.end) - max(candidate.start, quote.start)
        if overlap > OVERLAP_DUPLICATE * (candidate.end - candidate.start):
            return True
    return False


def _nested(candidate: Finding, others: list[Finding]) -> bool:
    """A statement reported inside another one's content ('said he would offer a prayer',
    'said Cruz criticized ...'): part of what the outer speaker said, not the article's claim."""
    cue = candidate.cue_start
    return cue is not None and any(
        other is not candidate and other.start <= cue < other.end for other in others)


def _with_kind(found: Finding, quoted: list[tuple[int, int]]) -> Finding:
    if any(found.start <= s and e <= found.end for s, e in quoted):
        return Finding(found.start, found.end, "mixed", found.cue_start, found.cue_end, found.speaker)
    return found


def _to_quote(doc: Doc, found: Finding) -> Quote:
    cue = text_of(doc)[found.cue_start : found.cue_end] if found.cue_start is not None else None
    speaker = speaker_actor(found.speaker) if found.speaker is not None else None
    return Quote(text=text_of(doc)[found.start : found.end], start=found.start, end=found.end,
                 kind=found.kind, speaker=speaker, cue=cue, cue_start=found.cue_start,
                 cue_end=found.cue_end)
