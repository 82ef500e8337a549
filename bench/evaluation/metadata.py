"""Article metadata (publication date, outlet) scored against the dev set of scraped pages.

The dev set `eval/dev/articles` gives, per page, the outlet and the publication date where the
page itself states one (`index.jsonl`). A page is cleaned the way `parley process` cleans it:
as a text dump alone, or (`with_url`) as a JSONL record that also carries the page's URL.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from parley.clean import clean_document
from parley.clean.dates import date_from_url
from parley.models import Article, DocHints, RawDoc

# Names compared without spaces ("dpa-AFX" ~ "dpa AFX") must be this long to match inside another.
MIN_SQUEEZED_MATCH = 4

_ALNUM = re.compile(r"[^a-z0-9]+")
_DOMAIN_END = re.compile(r"(?:\.(?:com?|org|net|news|info|[a-z]{2}))+$")


@dataclass(frozen=True)
class DumpPage:
    id: str
    text: str
    url: str | None
    published: str | None
    outlet: str | None


@dataclass
class MetadataScore:
    pages: int = 0
    dated: int = 0  # pages whose gold gives a publication date
    date_found: int = 0
    date_right: int = 0
    date_wrong: list[str] = field(default_factory=list)  # "id: found (gold)"
    # a date where the gold has none: "id: found (basis)"; a photo caption's or an embedded post's
    # day ("caption") is evidence the index does not count as the page's own date
    date_spurious: list[str] = field(default_factory=list)
    outlet_found: int = 0
    outlet_right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def date_accuracy(self) -> float:
        return self.date_right / self.dated if self.dated else 0.0


def load_dump_pages(folder: Path) -> list[DumpPage]:
    """The pages of an `eval/dev/articles`-style folder, in id order."""
    pages = []
    for line in (folder / "index.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = (folder / "articles" / f"{row['id']}.txt").read_text(encoding="utf-8")
        pages.append(DumpPage(row["id"], text, row.get("url"), row.get("published"),
                              row.get("outlet")))
    return sorted(pages, key=lambda page: page.id)


def clean_page(page: DumpPage, *, with_url: bool) -> Article:
    hints = DocHints(id=page.id, url=page.url if with_url else None)
    return clean_document(RawDoc(source=f"{page.id}.txt", kind="text", body=page.text, hints=hints))


def score_pages(pages: Iterable[DumpPage], *, with_url: bool) -> MetadataScore:
    score = MetadataScore()
    for page in pages:
        score.pages += 1
        try:
            article = clean_page(page, with_url=with_url)
        except Exception as exc:  # a page that cannot be cleaned counts as found nothing
            score.errors.append(f"{page.id}: {exc}")
            article = None
        _score_date(score, page, article.published if article else None,
                    article.published_from if article else None)
        found_outlets = [article.outlet, article.credited_source] if article else []
        _score_outlet(score, page, [o for o in found_outlets if o])
    return score


def _score_date(score: MetadataScore, page: DumpPage, found: str | None,
                basis: str | None = None) -> None:
    if page.published is None:
        if found:
            score.date_spurious.append(f"{page.id}: {found} ({basis})")
        return
    score.dated += 1
    if found:
        score.date_found += 1
        if found == page.published:
            score.date_right += 1
        else:
            score.date_wrong.append(f"{page.id}: {found} ({page.published})")


def _score_outlet(score: MetadataScore, page: DumpPage, found: list[str]) -> None:
    if not found:
        return
    score.outlet_found += 1
    if page.outlet and any(outlet_matches(name, page.outlet) for name in found):
        score.outlet_right += 1


def outlet_matches(found: str, gold: str) -> bool:
    """The found name is the gold outlet or one it names ("TASS (via x.com)", "X (with AFP)")."""
    key = _ALNUM.sub(" ", _DOMAIN_END.sub("", found.lower())).strip()
    if not key:
        return False
    gold_key = f" {_ALNUM.sub(' ', gold.lower()).strip()} "
    if f" {key} " in gold_key:
        return True
    squeezed = key.replace(" ", "")
    return len(squeezed) >= MIN_SQUEEZED_MATCH and squeezed in gold_key.replace(" ", "")


def dated_html_pages(folder: Path) -> list[tuple[str, str, str]]:
    """(id, html, date) for the scrapinghub pages whose URL carries a full date: that date is
    the gold, and the URL is withheld from the extractors so each must read the page."""
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((folder / "html").glob("*.html.gz")):
        key = path.name.split(".")[0]
        value = date_from_url(gold.get(key, {}).get("url"))
        if value:
            html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
            pages.append((key, html, value))
    return pages
