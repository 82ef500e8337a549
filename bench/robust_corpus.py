"""Every real text in reach, and mutated variants of it, for the robustness run.

Used by `bench/robustness.py` and `tests/test_robustness.py` (not a script of its own). The
texts are found under PARLEY_SHARED (the `shared/` folder): the Wikinews corpus, the seed
articles, and the texts of every dev set. Each text keeps the form parley would get it in: a
page (HTML), a scraped dump (boilerplate and all) or a clean article body (`raw`).

Mutations are made with a fixed seed per text, so a failing sample can be rebuilt from its name:
cut at random points, lower-cased, with quotes and brackets unbalanced, with odd spaces and
stray characters (RTL marks, Arabic, Hebrew, CJK, line separators) put in.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import random
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path

from evaluation.stories import read_ecbplus_doc
from evaluation.timex import read_timeml
from parley.models import DocHints

MUTATIONS = ("original", "cut", "lower", "unbalanced", "unicode")
# Quote marks and brackets that `unbalanced` deletes and scatters.
PAIRED = "\"'“”‘’«»„‹›()[]{}"
# Strays that `unicode` scatters: spaces parley may not expect, direction marks, other scripts,
# line separators Python's splitlines() honours but a regex `\n` does not, a BOM, an emoji.
STRAYS = ("\u00a0", "\u202f", "\u3000", "\u200b", "\u200f", "\u200e", "\ufeff", "\u2028", "\u2029",
          "\u0085", "\r\n", "\t", "\x0c", " السلام عليكم ", " שלום ", " 北京 ", "東京都", "🙂",
          "e\u0301", "\u202e", "…", "\u2014")
SPACES = ("\u00a0", "\u202f", "\u2009", "\u3000")


@dataclass(frozen=True)
class Text:
    """One real text: where it is from, its name there, and the form parley reads it in."""

    origin: str
    name: str
    data: bytes
    source: str  # a file name: its extension tells the ingest stage the format (.html, .txt)
    raw: bool = False  # a clean article body (parley annotate --raw), not a scraped dump
    hints: DocHints = field(default_factory=DocHints)


@dataclass(frozen=True)
class Sample:
    """A text with one mutation applied (or none: "original")."""

    text: Text
    mutation: str

    @property
    def name(self) -> str:
        return f"{self.text.origin}/{self.text.name}#{self.mutation}"

    def data(self, seed: int = 0) -> bytes:
        if self.mutation == "original":
            return self.text.data
        body = self.text.data.decode("utf-8", errors="replace")
        rng = random.Random(f"{seed}:{self.text.origin}:{self.text.name}:{self.mutation}")
        return MUTATORS[self.mutation](body, rng).encode("utf-8")


# -- mutations ------------------------------------------------------------------------------


def cut(body: str, rng: random.Random) -> str:
    """A truncated download: a random slice (mid-word), with a random stretch cut out of it."""
    if len(body) < 4:
        return body
    start = rng.randrange(0, len(body) // 3 + 1)
    end = rng.randrange(2 * len(body) // 3, len(body) + 1)
    piece = body[start:end]
    hole = rng.randrange(0, len(piece) + 1)
    return piece[:hole] + piece[hole + rng.randrange(0, len(piece) // 4 + 1):]


def lower(body: str, rng: random.Random) -> str:
    return body.lower()


def unbalanced(body: str, rng: random.Random) -> str:
    """About half the quote marks and brackets dropped, and as many strays put in."""
    chars = [c for c in body if c not in PAIRED or rng.random() < 0.5]
    for _ in range(max(3, len(chars) // 200)):
        chars.insert(rng.randrange(0, len(chars) + 1), rng.choice(PAIRED))
    return "".join(chars)


def odd_unicode(body: str, rng: random.Random) -> str:
    """Some spaces made non-breaking or wide, and stray characters and scripts put in."""
    chars = [rng.choice(SPACES) if c == " " and rng.random() < 0.1 else c for c in body]
    for _ in range(max(3, len(chars) // 150)):
        chars.insert(rng.randrange(0, len(chars) + 1), rng.choice(STRAYS))
    return "".join(chars)


MUTATORS: dict[str, Callable[[str, random.Random], str]] = {
    "cut": cut, "lower": lower, "unbalanced": unbalanced, "unicode": odd_unicode,
}


# -- gathering ------------------------------------------------------------------------------


def shared_root() -> Path | None:
    root = os.environ.get("PARLEY_SHARED")
    return Path(root) if root else None


def gather_texts(root: Path) -> list[Text]:
    """Every real text under the shared folder, origin by origin, in a fixed order."""
    texts: list[Text] = []
    for gather in GATHERERS:
        texts.extend(gather(root))
    return texts


def wikinews(root: Path) -> Iterator[Text]:
    """Wikinews articles as scraped: dateline and all, with their date and URL given."""
    csv.field_size_limit(sys.maxsize)
    for path in sorted((root / "data/wikinews").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle)):
                hints = DocHints(published=row.get("date") or None, url=row.get("url") or None)
                yield Text("wikinews", f"{path.stem}:{number}", row["text"].encode(), "page.txt",
                           hints=hints)


def seeds(root: Path) -> Iterator[Text]:
    for path in sorted((root / "seeds").glob("*.txt")):
        yield Text("seeds", path.name, path.read_bytes(), path.name)


def dev_articles(root: Path) -> Iterator[Text]:
    for path in sorted((root / "eval/dev/articles/articles").glob("*.txt")):
        yield Text("articles", path.name, path.read_bytes(), path.name)


def html_pages(root: Path) -> Iterator[Text]:
    """The scrapinghub pages (HTML, any encoding) and their gold bodies as text dumps."""
    folder = root / "eval/dev/extraction/scrapinghub"
    for path in sorted((folder / "html").glob("*.html.gz")):
        yield Text("html", path.name[:12], gzip.decompress(path.read_bytes()), "page.html")
    truth_path = folder / "ground-truth.json"
    truth = json.loads(truth_path.read_text(encoding="utf-8")) if truth_path.exists() else {}
    for page_id in sorted(truth):
        body = truth[page_id].get("articleBody") or ""
        yield Text("html-text", page_id[:12], body.encode(), "page.txt")


def timeml(root: Path) -> Iterator[Text]:
    for path in sorted((root / "eval/dev/timex").rglob("*.tml")):
        doc = read_timeml(path)
        yield Text("timex", path.name, doc.text.encode(), "doc.txt", raw=True,
                   hints=DocHints(published=doc.dct))


def polnear(root: Path) -> Iterator[Text]:
    for path in sorted((root / "eval/dev/quotes/polnear").glob("*/text/*.txt")):
        yield Text("polnear", f"{path.parent.parent.name}/{path.name}", path.read_bytes(), "doc.txt",
                   raw=True)


def event_records(root: Path) -> Iterator[Text]:
    """The sentences and stories of the event sets; the NGEC actor tests' actor phrases."""
    for path in sorted((root / "eval/dev/events").glob("*.jsonl")):
        origin = "ngec" if "synthetic" in path.name else "events"
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                yield from _event_texts(json.loads(line), origin, f"{path.stem}:{number}")


def _event_texts(record: dict[str, object], origin: str, name: str) -> Iterator[Text]:
    text, date = record.get("text"), record.get("date")
    hints = DocHints(published=date if isinstance(date, str) else None)
    if isinstance(text, str) and text.strip():
        yield Text(origin, name, text.encode(), "doc.txt", raw=True, hints=hints)
    args = record.get("args")
    if isinstance(args, list) and args and isinstance(args[0], str) and args[0].strip():
        yield Text("events", name, args[0].encode(), "doc.txt", raw=True)


def ecbplus(root: Path) -> Iterator[Text]:
    for path in sorted((root / "eval/dev/stories/ecbplus").glob("*/*.xml")):
        doc = read_ecbplus_doc(path)
        yield Text("ecbplus", path.name, doc.text.encode(), "doc.txt", raw=True)


GATHERERS: tuple[Callable[[Path], Iterator[Text]], ...] = (
    wikinews, seeds, dev_articles, html_pages, timeml, polnear, event_records, ecbplus,
)


# -- choosing -------------------------------------------------------------------------------


def all_samples(texts: Sequence[Text], mutations: Sequence[str] = MUTATIONS) -> list[Sample]:
    return [Sample(text, mutation) for text in texts for mutation in mutations]


def spread_sample(samples: Sequence[Sample], size: int, seed: int) -> list[Sample]:
    """`size` samples drawn evenly from every origin (a plain random draw would be mostly the
    two largest sets), each origin's in a random order fixed by `seed`."""
    by_origin: dict[str, list[Sample]] = {}
    for sample in samples:
        by_origin.setdefault(sample.text.origin, []).append(sample)
    rng = random.Random(seed)
    for group in by_origin.values():
        rng.shuffle(group)
    interleaved = (s for row in zip_longest(*by_origin.values()) for s in row if s is not None)
    return [s for _, s in zip(range(size), interleaved, strict=False)]
