"""Quote attribution scored against PolNeAR (brat standoff gold of Source, Cue and Content).

Gold: each `E` line of an `.ann` file is one attribution relation; its `Content`, `Source` and
`Cue` point at `T` lines whose spans (possibly discontinuous, `s e;s e`) index into the `.txt`.
Articles annotated by several annotators keep only the first `.ann` file in name order.

Matching: tokens are `\\w+` matches of the article text; a span set's tokens are those that
start inside it. A prediction matches a gold attribution when the token F1 of their contents is
at least 0.5; pairs are matched one to one, best F1 first. A match is *end to end* right when the
predicted speaker mention overlaps a gold Source span by at least one character (or, for gold
with no Source, when no speaker is predicted).

Predicted quotes that share one cue (a direct quote split by its attribution: "...," she said,
"...") form one predicted attribution, as PolNeAR annotates them.

Direct: a gold attribution is direct when its content, stripped of spaces and trailing `.,;:`,
starts and ends with a quote mark (PolNeAR keeps the marks inside Content). A prediction is
direct when its kind is "direct". Direct recall counts the gold direct attributions that were
matched; direct precision counts the predicted direct quotes that matched any gold attribution
(a quote whose gold content also carries an unquoted lead-in is still a right quote).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parley.models import Quote

MATCH_F1 = 0.5  # content token F1 at which a prediction and a gold attribution are the same
QUOTE_MARKS = "\"“”‘’'«»„"
_TOKEN = re.compile(r"\w+")
_ANNOTATOR = re.compile(r"_[0-9a-f]{4}\.ann$")

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldAttribution:
    content: tuple[Span, ...]
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    direct: bool


@dataclass(frozen=True)
class GoldDocument:
    id: str
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True)
class Attribution:
    """A predicted attribution: content spans, the speaker mention, and whether it is direct."""

    content: tuple[Span, ...]
    speaker: Span | None
    direct: bool


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    predicted_right: int = 0  # predictions matched (content)
    gold_found: int = 0  # gold attributions matched (content)
    predicted_right_e2e: int = 0
    gold_found_e2e: int = 0

    def add(self, other: Counts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class QuoteScore:
    """Counts for the direct subset and for all attributions."""

    direct: Counts = field(default_factory=Counts)
    all: Counts = field(default_factory=Counts)

    def add(self, other: QuoteScore) -> None:
        self.direct.add(other.direct)
        self.all.add(other.all)


def content_prf(counts: Counts) -> PRF:
    return PRF(_ratio(counts.predicted_right, counts.predicted), _ratio(counts.gold_found, counts.gold))


def end_to_end_prf(counts: Counts) -> PRF:
    return PRF(_ratio(counts.predicted_right_e2e, counts.predicted),
               _ratio(counts.gold_found_e2e, counts.gold))


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


# --- reading the gold -------------------------------------------------------------------------


def load_polnear(root: Path, limit: int | None = None) -> list[GoldDocument]:
    """The articles of one PolNeAR compartment (`root` holds `text/` and `attributions/`)."""
    chosen: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        chosen.setdefault(_ANNOTATOR.sub("", ann.name), ann)
    docs = []
    for doc_id in sorted(chosen)[:limit]:
        text = (root / "text" / f"{doc_id}.txt").read_text(encoding="utf-8")
        ann_text = chosen[doc_id].read_text(encoding="utf-8")
        docs.append(GoldDocument(doc_id, text, tuple(read_brat(ann_text, text))))
    return docs


def read_brat(ann: str, text: str) -> list[GoldAttribution]:
    """Attribution relations of one brat `.ann` file."""
    spans: dict[str, tuple[Span, ...]] = {}
    relations = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            offsets = parts[1].split(" ", 1)[1]
            spans[parts[0]] = tuple(_span(piece) for piece in offsets.split(";"))
        elif parts[0].startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()[1:]))
    gold = []
    for args in relations:
        if "Content" not in args:
            continue
        content = spans[args["Content"]]
        gold.append(GoldAttribution(content, spans.get(args.get("Source", ""), ()),
                                    spans.get(args.get("Cue", ""), ()), is_direct(text, content)))
    return gold


def _span(piece: str) -> Span:
    start, end = piece.split()
    return int(start), int(end)


def is_direct(text: str, content: Sequence[Span]) -> bool:
    """Content that starts and ends with a quote mark (trailing punctuation aside)."""
    joined = " ".join(text[s:e] for s, e in content).strip().rstrip(".,;: ")
    return len(joined) > 1 and joined[0] in QUOTE_MARKS and joined[-1] in QUOTE_MARKS


# --- predictions ------------------------------------------------------------------------------


def attributions_from_quotes(quotes: Iterable[Quote]) -> list[Attribution]:
    """parley's quotes as attributions: quotes sharing a cue become one."""
    grouped: dict[object, list[Quote]] = {}
    for index, quote in enumerate(quotes):
        key: object = (quote.cue_start, quote.cue_end) if quote.cue_start is not None else index
        grouped.setdefault(key, []).append(quote)
    return [Attribution(tuple((q.start, q.end) for q in group), _speaker_span(group),
                        all(q.kind == "direct" for q in group)) for group in grouped.values()]


def _speaker_span(group: list[Quote]) -> Span | None:
    for quote in group:
        speaker = quote.speaker
        if speaker is not None and speaker.start is not None and speaker.end is not None:
            return speaker.start, speaker.end
    return None


# --- scoring ----------------------------------------------------------------------------------


def score_document(doc: GoldDocument, predicted: Sequence[Attribution]) -> QuoteScore:
    """Match predictions to gold one to one and count, for direct and for all attributions."""
    tokens = [m.start() for m in _TOKEN.finditer(doc.text)]
    gold_tokens = [_tokens_in(tokens, g.content) for g in doc.attributions]
    pred_tokens = [_tokens_in(tokens, p.content) for p in predicted]
    pairs = []
    for i, ptoks in enumerate(pred_tokens):
        for j, gtoks in enumerate(gold_tokens):
            f1 = _token_f1(ptoks, gtoks)
            if f1 >= MATCH_F1:
                pairs.append((f1, i, j))
    matched: dict[int, int] = {}
    used_gold: set[int] = set()
    for _f1, i, j in sorted(pairs, key=lambda pair: -pair[0]):
        if i not in matched and j not in used_gold:
            matched[i] = j
            used_gold.add(j)
    return _count(doc, predicted, matched)


def _count(doc: GoldDocument, predicted: Sequence[Attribution], matched: dict[int, int]) -> QuoteScore:
    score = QuoteScore()
    right = {i: _speaker_right(predicted[i], doc.attributions[j]) for i, j in matched.items()}
    gold_of = {j: i for i, j in matched.items()}
    for i, pred in enumerate(predicted):
        for counts, included in ((score.all, True), (score.direct, pred.direct)):
            if included:
                counts.predicted += 1
                counts.predicted_right += i in matched
                counts.predicted_right_e2e += right.get(i, False)
    for j, gold in enumerate(doc.attributions):
        for counts, included in ((score.all, True), (score.direct, gold.direct)):
            if included:
                counts.gold += 1
                counts.gold_found += j in gold_of
                counts.gold_found_e2e += j in gold_of and right[gold_of[j]]
    return score


def _tokens_in(tokens: list[int], spans: Sequence[Span]) -> frozenset[int]:
    return frozenset(i for i, start in enumerate(tokens) if any(s <= start < e for s, e in spans))


def _token_f1(predicted: frozenset[int], gold: frozenset[int]) -> float:
    if not predicted or not gold:
        return 0.0
    return 2 * len(predicted & gold) / (len(predicted) + len(gold))


def _speaker_right(pred: Attribution, gold: GoldAttribution) -> bool:
    if not gold.source:
        return pred.speaker is None
    if pred.speaker is None:
        return False
    start, end = pred.speaker
    return any(start < e and s < end for s, e in gold.source)


def score_corpus(docs: Sequence[GoldDocument], predictions: Sequence[Sequence[Attribution]]) -> QuoteScore:
    total = QuoteScore()
    for doc, predicted in zip(docs, predictions, strict=True):
        total.add(score_document(doc, predicted))
    return total
