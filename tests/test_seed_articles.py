"""The article-level expectations of shared/seeds/EXPECTED.md, from general mechanisms."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.clean import clean_document
from parley.ingest import read_sources
from parley.models import Article

BOILERPLATE = (
    "Show on website", "Click Here", "Category:", "Document Date", "min read", "RECOMMENDED",
    "RelatedTRT", "Related", "Explore", "Israel launches new air strikes across Gaza",
    "FM Fidan", "4 Views", "Sources", "Newsweek", "Did you find an error", "inaccuracy",
    "Edited by", "rki.news",
)


def _article(seeds_dir: Path, prefix: str) -> Article:
    [path] = seeds_dir.glob(f"{prefix}_*.txt")
    [doc] = list(read_sources([str(path)]))
    assert not isinstance(doc, Exception) and doc.__class__.__name__ == "RawDoc", doc
    return clean_document(doc)  # type: ignore[arg-type]


def test_rki_article_metadata(seeds_dir: Path) -> None:
    article = _article(seeds_dir, "000")
    assert article.title == "US Signals Diplomatic Opening as Iran Engages Dialogue"
    assert article.published == "2026-04-24"  # not the "Document Date" scrape time
    assert article.published_from == "marker"  # "Published on ...": a labelled date line
    assert article.outlet == "rki.news"
    assert article.credited_source == "Dawn News"
    assert article.language == "en"


def test_trt_article_metadata(seeds_dir: Path) -> None:
    article = _article(seeds_dir, "002")
    assert article.title == "Top US, Pakistan diplomats discuss regional issues"
    assert article.published == "2025-08-04"
    assert article.outlet == "TRT"


def test_undated_article_metadata(seeds_dir: Path) -> None:
    article = _article(seeds_dir, "003")
    assert article.title == ("Iran Initiates Diplomatic Outreach to United States Following "
                             "Military Escalation")
    assert article.authors == ("Tatyana Hurynovich",)
    assert article.published is None  # the page states none: never guessed


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_no_boilerplate_in_text(seeds_dir: Path, prefix: str) -> None:
    text = _article(seeds_dir, prefix).text
    for phrase in BOILERPLATE:
        assert phrase not in text, f"{phrase!r} left in the body of seed {prefix}"
    assert not text.startswith(_article(seeds_dir, prefix).title or "\0")


@pytest.mark.parametrize(("prefix", "first", "last"), [
    ("000", "The United States has indicated", "as a pathway to easing tensions."),
    ("002", "Discussions took place the day after", "in a rare diplomatic development."),
    ("003", "On February 3, 2026, Iranian President", "before the window for peace narrows further."),
])
def test_body_kept_whole(seeds_dir: Path, prefix: str, first: str, last: str) -> None:
    article = _article(seeds_dir, prefix)
    assert article.text.startswith(first)
    assert article.text.endswith(last)
    assert "\n\n" in article.text  # paragraphs kept


def test_body_keeps_every_paragraph_once(seeds_dir: Path) -> None:
    text = _article(seeds_dir, "002").text
    assert text.count("The two leaders discussed a range of bilateral matters") == 1
    assert "This is the second contact between the two top diplomats" in text
    assert "Trump also hosted Pakistan's army chief" in text
