"""Temporal expressions scored the TempEval-3 way against TimeML gold (TimeBank, AQUAINT).

The text of a document is the content of its <TEXT> element with the markup removed; gold
timexes are the TIMEX3 elements inside it, with offsets into that text. The document creation
date (DCT) is the TIMEX3 with functionInDocument="CREATION_TIME"; it is an input, never scored.

Matching pairs each system timex with at most one gold timex (largest character overlap first):
a pair is a *relaxed* match when the spans share any character, a *strict* match when they are
identical. Value F1 counts a system timex as correct only when it is matched and has the gold
value (TempEval-3's attribute F1); type accuracy is over the relaxed matches.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from parley.models import Timex

# The names of the two halves of the gold documents (see `split_half`).
TUNE, HELD = "tune", "held"


@dataclass(frozen=True)
class GoldDoc:
    """One TimeML document: its text, its creation date and its gold timexes."""

    id: str
    text: str
    dct: str | None
    timexes: tuple[Timex, ...]
    file: str = ""  # the file name, which decides the document's half


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from counts."""

    correct_system: int
    correct_gold: int
    system: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct_system / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.correct_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class TimexScore:
    """Span (strict, relaxed), value and type scores over a set of documents."""

    strict: PRF
    relaxed: PRF
    value: PRF
    type_accuracy: float
    docs: int


@dataclass
class _Counts:
    system: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    typed: int = 0
    errors: list[tuple[Timex | None, Timex | None]] = field(default_factory=list)


def load_timeml_dir(root: Path) -> list[GoldDoc]:
    """Every .tml document under a folder, sorted by path."""
    return [read_timeml(path) for path in sorted(root.rglob("*.tml"))]


def read_timeml(path: Path) -> GoldDoc:
    """One TimeML file: the <TEXT> content without markup and its TIMEX3 spans."""
    tree = ET.parse(path)
    root = tree.getroot()
    text_element = root.find("TEXT")
    if text_element is None:
        raise ValueError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    timexes: list[Timex] = []
    _walk(text_element, parts, timexes)
    docid = root.findtext("DOCID") or path.stem
    return GoldDoc(docid.strip(), "".join(parts), _creation_date(root), tuple(timexes), path.name)


def _walk(element: ET.Element, parts: list[str], timexes: list[Timex]) -> None:
    """Append an element's text to `parts`, recording the TIMEX3 spans met on the way."""
    start = sum(len(part) for part in parts)
    parts.append(element.text or "")
    for child in element:
        _walk(child, parts, timexes)
        parts.append(child.tail or "")
    if element.tag == "TIMEX3":
        text = "".join(parts)[start:]
        timexes.append(Timex(text, start, start + len(text), element.get("type", "DATE"),  # type: ignore[arg-type]
                             element.get("value", "")))


def _creation_date(root: ET.Element) -> str | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            value = timex.get("value", "")
            return value[:10] if len(value) >= 10 and value[:4].isdigit() else None
    return None


def match_timexes(system: list[Timex], gold: Iterable[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping system and gold timexes, largest overlap first."""
    candidates = []
    for i, sys_timex in enumerate(system):
        for j, gold_timex in enumerate(gold):
            overlap = min(sys_timex.end, gold_timex.end) - max(sys_timex.start, gold_timex.start)
            if overlap > 0:
                candidates.append((-overlap, i, j, sys_timex, gold_timex))
    candidates.sort(key=lambda item: item[:3])
    used_sys: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _, i, j, sys_timex, gold_timex in candidates:
        if i not in used_sys and j not in used_gold:
            used_sys.add(i)
            used_gold.add(j)
            pairs.append((sys_timex, gold_timex))
    return pairs


def score_documents(results: Iterable[tuple[list[Timex], Iterable[Timex]]],
                    errors: list[tuple[Timex | None, Timex | None]] | None = None) -> TimexScore:
    """Scores over (system timexes, gold timexes) per document; mismatches go to `errors`."""
    counts = _Counts()
    docs = 0
    for system, gold_iter in results:
        gold = list(gold_iter)
        docs += 1
        _count_document(counts, system, gold)
    if errors is not None:
        errors.extend(counts.errors)
    return TimexScore(
        strict=PRF(counts.strict, counts.strict, counts.system, counts.gold),
        relaxed=PRF(counts.relaxed, counts.relaxed, counts.system, counts.gold),
        value=PRF(counts.value, counts.value, counts.system, counts.gold),
        type_accuracy=counts.typed / counts.relaxed if counts.relaxed else 0.0,
        docs=docs,
    )


def _count_document(counts: _Counts, system: list[Timex], gold: list[Timex]) -> None:
    pairs = match_timexes(system, gold)
    counts.system += len(system)
    counts.gold += len(gold)
    counts.relaxed += len(pairs)
    matched_sys = {id(s) for s, _ in pairs}
    matched_gold = {id(g) for _, g in pairs}
    for sys_timex, gold_timex in pairs:
        counts.strict += (sys_timex.start, sys_timex.end) == (gold_timex.start, gold_timex.end)
        counts.typed += sys_timex.type == gold_timex.type
        if sys_timex.value == gold_timex.value:
            counts.value += 1
        else:
            counts.errors.append((sys_timex, gold_timex))
    counts.errors.extend((s, None) for s in system if id(s) not in matched_sys)
    counts.errors.extend((None, g) for g in gold if id(g) not in matched_gold)


def tag_documents(docs: list[GoldDoc]) -> list[list[Timex]]:
    """parley's timexes for each gold document (parsed in batches, dated by its DCT)."""
    from parley.pipeline import parse_texts
    from parley.timex import extract_timexes

    parsed_docs = parse_texts(doc.text for doc in docs)
    return [extract_timexes(parsed, doc.dct) for doc, parsed in zip(docs, parsed_docs, strict=True)]


def fixed_subset(docs: list[GoldDoc], every: int) -> list[GoldDoc]:
    """Every `every`-th document (by sorted path order): a stable sample for a quick gate."""
    return docs[::every]


def split_half(doc: GoldDoc) -> str:
    """TUNE or HELD: a fixed half by a hash of the file name, independent of order and of what
    else is in the folder (TimeBank and AQUAINT each fall into both halves)."""
    digest = hashlib.sha256((doc.file or doc.id).encode("utf-8")).digest()
    return TUNE if digest[0] % 2 == 0 else HELD


def half(docs: list[GoldDoc], name: str) -> list[GoldDoc]:
    """The documents of one half (TUNE or HELD), in their order."""
    return [doc for doc in docs if split_half(doc) == name]
