"""Story clusters scored against ECB+ gold, and the TF-IDF + agglomerative baseline.

ECB+ (CAT XML, one file per document) groups its documents by topic; within a topic the
`*ecb.xml` files report one seminal event and the `*ecbplus.xml` files a different but similar
one (two earthquakes, two arrests). The gold story of a document is therefore (topic, ecb|ecbplus).
A document's text is its tokens detokenised, one sentence a line; the `ecbplus` files carry the
URL they were found at as sentence 0, which is dropped (it would leak the story in its slug).

Clusters are scored with B-cubed (Bagga & Baldwin 1998): for each document, precision is the
share of its system cluster that shares its gold cluster, recall the share of its gold cluster
that shares its system cluster; both are averaged over documents.

Documents are fed in one fixed order that mixes topics as a news stream would (sorted by a hash
of their file name): an incremental clusterer never sees one topic at a time; `shuffled`
gives other orders, to check that the clusters do not depend on it. Constants are chosen on
the tune half of the topics (`split_topics`) and the floor is set on the held-back half.

The baseline is the textbook one: TF-IDF vectors (sublinear tf, smoothed idf, English stop words
removed, l2-normalised, fitted on the evaluated documents themselves, which an incremental system
cannot do) clustered by average-linkage agglomerative clustering on cosine distance, cut at each
threshold of a grid; the best cut is reported as the baseline's upper bound.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from spacy.lang.en.stop_words import STOP_WORDS

from parley.clean import content_hash
from parley.models import Article
from parley.pipeline import analyze_articles, require_analysis
from parley.stories import MemoryStoryIndex, StoryClusterer, StoryDoc, story_doc

T = TypeVar("T")
# Distance thresholds the baseline is cut at (below 0.5 it leaves nearly every document alone);
# the best one is reported, an upper bound no deployed system could choose.
BASELINE_THRESHOLDS = tuple(round(0.02 * step, 2) for step in range(25, 50))
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# Tokens glued to the previous one when detokenising.
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "''", "'s", "n't", "'re", "'ve",
                    "'ll", "'d", "'m", "'S", "N'T"}
_NO_SPACE_AFTER = {"(", "[", "{", "``", "$"}
_QUOTES = {"``": '"', "''": '"'}


@dataclass(frozen=True)
class GoldStoryDoc:
    """One ECB+ document: its text and its gold story (topic, ecb|ecbplus)."""

    name: str  # file name, e.g. "1_10ecbplus.xml"
    topic: str
    story: str  # "1/ecb" or "1/ecbplus"
    text: str

    def article(self) -> Article:
        """The document as a parley article: clean text given as is, no title or date known."""
        return Article(id=self.name, source=self.name, text=self.text,
                       content_hash=content_hash(self.text))


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    documents: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class BaselineRun:
    """The baseline cut at one distance threshold."""

    threshold: float
    labels: tuple[int, ...]
    score: BCubed

    @property
    def clusters(self) -> int:
        return len(set(self.labels))


def load_ecbplus(root: Path, topics: Iterable[str] | None = None) -> list[GoldStoryDoc]:
    """Every ECB+ document under `root/<topic>/`, in a fixed interleaved order.

    The order mixes topics as a news stream would (documents sorted by a hash of their name),
    so an incremental clusterer never sees one topic at a time.
    """
    wanted = set(topics) if topics is not None else None
    paths = [p for p in root.glob("*/*.xml") if wanted is None or p.parent.name in wanted]
    docs = [read_ecbplus_doc(p) for p in paths]
    return sorted(docs, key=lambda d: hashlib.sha1(d.name.encode()).hexdigest())


def read_ecbplus_doc(path: Path) -> GoldStoryDoc:
    """One CAT XML file: its detokenised text (one sentence a line) and its gold story."""
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in ET.parse(path).getroot().iter("token"):
        sentences[int(token.get("sentence", "0"))].append(token.text or "")
    subset = "ecbplus" if path.name.endswith("ecbplus.xml") else "ecb"
    if subset == "ecbplus":
        sentences.pop(0, None)  # the URL the text was found at
    lines = (detokenize(sentences[n]) for n in sorted(sentences))
    text = "\n".join(line for line in lines if line)
    topic = path.parent.name
    return GoldStoryDoc(name=path.name, topic=topic, story=f"{topic}/{subset}", text=text)


def detokenize(tokens: Sequence[str]) -> str:
    """Tokens back to plain text: no space before closing punctuation or after opening."""
    out: list[str] = []
    glue = True
    for token in tokens:
        if not token:
            continue
        if not glue and token not in _NO_SPACE_BEFORE:
            out.append(" ")
        out.append(_QUOTES.get(token, token))
        glue = token in _NO_SPACE_AFTER
    return "".join(out).strip()


def bcubed(system: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> BCubed:
    """B-cubed precision and recall of system clusters against gold, over the gold's items."""
    items = list(gold)
    pair_counts = Counter((system[i], gold[i]) for i in items)
    system_sizes = Counter(system[i] for i in items)
    gold_sizes = Counter(gold[i] for i in items)
    precision = recall = 0.0
    for item in items:
        shared = pair_counts[(system[item], gold[item])]
        precision += shared / system_sizes[system[item]]
        recall += shared / gold_sizes[gold[item]]
    n = len(items)
    return BCubed(precision / n if n else 0.0, recall / n if n else 0.0, n)


def split_topics(docs: Iterable[GoldStoryDoc]) -> tuple[list[str], list[str]]:
    """The topics in numeric order, split alternately: (tune half, held-back half)."""
    topics = sorted({doc.topic for doc in docs}, key=lambda t: (len(t), t))
    return topics[::2], topics[1::2]


def shuffled(items: Sequence[T], seed: int) -> list[T]:
    """The items in another fixed order (seeded), for input-order checks."""
    out = list(items)
    random.Random(seed).shuffle(out)
    return out


def alternate_topics(docs: Iterable[GoldStoryDoc]) -> list[str]:
    """Every other topic in numeric order, from the first: the fixed subset the quick gate uses."""
    topics = sorted({doc.topic for doc in docs}, key=lambda t: (len(t), t))
    return topics[::2]


def cluster_with_parley(docs: Sequence[GoldStoryDoc]) -> dict[str, str]:
    """Document name -> parley story id, the documents fed one at a time in the given order."""
    return cluster_story_docs(parley_story_docs(docs))


def parley_story_docs(docs: Sequence[GoldStoryDoc]) -> list[StoryDoc]:
    """The documents as parley's clusterer sees them, entities found by parley's pipeline."""
    articles = (doc.article() for doc in docs)
    return [story_doc(article, require_analysis(result).entities)
            for article, result in analyze_articles(articles, stages=("entities",))]


def cluster_story_docs(docs: Iterable[StoryDoc]) -> dict[str, str]:
    """Article id -> story id, the documents placed one at a time in the given order (an
    index in memory: the same decisions the store-backed pipeline makes)."""
    index = MemoryStoryIndex()
    clusterer = StoryClusterer(index)
    for doc in docs:
        index.apply(clusterer.place(doc))
    return index.assignments()


def gold_labels(docs: Iterable[GoldStoryDoc]) -> dict[str, str]:
    return {doc.name: doc.story for doc in docs}


# -- the baseline -----------------------------------------------------------------------------


def tfidf_matrix(texts: Sequence[str]) -> np.ndarray:
    """Rows: l2-normalised TF-IDF vectors (sublinear tf, smoothed idf, no English stop words)."""
    counts = [Counter(w for w in _WORD.findall(t.lower()) if w not in STOP_WORDS) for t in texts]
    vocabulary = {w: i for i, w in enumerate(sorted({w for c in counts for w in c}))}
    df = np.zeros(len(vocabulary))
    matrix = np.zeros((len(texts), len(vocabulary)))
    for row, count in enumerate(counts):
        for word, n in count.items():
            matrix[row, vocabulary[word]] = 1.0 + math.log(n)
            df[vocabulary[word]] += 1
    matrix *= np.log((1 + len(texts)) / (1 + df)) + 1.0
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def baseline_runs(texts: Sequence[str], gold: Sequence[Hashable],
                  thresholds: Sequence[float] = BASELINE_THRESHOLDS) -> list[BaselineRun]:
    """The baseline cut at each threshold, each scored against the gold labels."""
    vectors = tfidf_matrix(texts)
    distances = np.clip(1.0 - vectors @ vectors.T, 0.0, 2.0)
    condensed = distances[np.triu_indices(len(texts), k=1)]
    tree = linkage(condensed, method="average")
    gold_map = {str(i): g for i, g in enumerate(gold)}
    runs = []
    for threshold in thresholds:
        labels = tuple(int(x) for x in fcluster(tree, t=threshold, criterion="distance"))
        score = bcubed({str(i): label for i, label in enumerate(labels)}, gold_map)
        runs.append(BaselineRun(threshold, labels, score))
    return runs


def best_baseline(runs: Sequence[BaselineRun]) -> BaselineRun:
    """The run with the highest B-cubed F1 (the baseline's upper bound on these documents)."""
    return max(runs, key=lambda run: (run.score.f1, -run.threshold))
