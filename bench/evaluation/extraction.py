"""Article body extraction scored the way the scrapinghub article-extraction benchmark does.

Tokens are `\\w+` matches; each text becomes a bag of 4-token shingles; per page
tp = shared shingles, fp / fn = the surpluses; precision and recall are averaged over pages
and F1 = 2PR / (P + R) of the averages.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

SHINGLE_TOKENS = 4
_TOKEN = re.compile(r"\w+")

Extractor = Callable[[bytes], str]


@dataclass(frozen=True)
class GoldPage:
    id: str
    html: bytes
    body: str


@dataclass(frozen=True)
class ExtractionScore:
    precision: float
    recall: float
    pages: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The bag of 4-token shingles of a text (a shorter text is one shingle)."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE_TOKENS:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE_TOKENS])
                   for i in range(len(tokens) - SHINGLE_TOKENS + 1))


def page_precision_recall(predicted: str, gold: str) -> tuple[float, float]:
    pred, true = shingles(predicted), shingles(gold)
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def load_gold_pages(root: Path) -> Iterator[GoldPage]:
    """Pages of the scrapinghub set that have both an HTML file and a gold body."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id in sorted(truth):
        path = root / "html" / f"{page_id}.html.gz"
        if path.exists():
            yield GoldPage(page_id, gzip.decompress(path.read_bytes()), truth[page_id]["articleBody"])


def score_extractor(pages: list[GoldPage], extract: Extractor) -> ExtractionScore:
    """Average per-page precision and recall of an extractor; a failure scores zero."""
    precisions, recalls = [], []
    for page in pages:
        try:
            predicted = extract(page.html) or ""
        except Exception:
            predicted = ""
        precision, recall = page_precision_recall(predicted, page.body)
        precisions.append(precision)
        recalls.append(recall)
    count = max(len(pages), 1)
    return ExtractionScore(sum(precisions) / count, sum(recalls) / count, len(pages))


def parley_extractor(html: bytes) -> str:
    """parley's own HTML cleaning, from raw bytes as `parley process` reads them."""
    from parley.clean import clean_document
    from parley.ingest import read_bytes
    from parley.models import RawDoc

    [doc] = list(read_bytes(html, "page.html"))
    assert isinstance(doc, RawDoc)
    return clean_document(doc).text


def trafilatura_default(html: bytes) -> str:
    """The reference: trafilatura.extract with its default settings."""
    import trafilatura

    return str(trafilatura.extract(html) or "")
