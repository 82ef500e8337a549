"""Metadata of text dumps: markers, datelines, credits, bylines, header dates (invented text
in the shapes scrapers produce)."""

from __future__ import annotations

import pytest

from parley.clean import clean_document
from parley.clean.credits import credit_line, is_photo_credit, reported_credit, trailing_credit
from parley.clean.dateline import parse_dateline
from parley.clean.dates import date_from_url
from parley.clean.dump import parse_dump
from parley.clean.lines import split_glued_metadata
from parley.clean.metadata import site_from_url
from parley.models import DocHints, RawDoc

LEAD = ("The foreign ministers of the two countries met in the capital on Saturday and agreed "
        "to reopen their embassies, officials said. ")
BODY = ("The talks lasted four hours and ended with a joint statement on trade and transit. "
        "Both sides said they would meet again next month to settle the remaining issues.")


def _dump(text: str, url: str | None = None) -> RawDoc:
    return RawDoc(source="page.txt", kind="text", body=text, hints=DocHints(url=url))


def test_marker_run_into_the_first_line() -> None:
    article = clean_document(_dump(f" date 2025-03-02 {LEAD}\n\n{BODY}\n"))
    assert article.published == "2025-03-02"
    assert article.published_from == "marker"
    assert article.text.startswith("The foreign ministers")


def test_single_line_page_with_glued_copyright_is_cleaned() -> None:
    text = (f" date 2025-03-21 MOSCOW (dpa-AFX) - {LEAD}{BODY}The bank kept its rate.The board "
            "met again.Copyright(c) 2025 ExampleWire.com. All Rights Reserved")
    article = clean_document(_dump(text))
    assert article.published == "2025-03-21"
    assert article.credited_source == "dpa-AFX"
    assert article.outlet == "ExampleWire.com"
    assert "Copyright" not in article.text


@pytest.mark.parametrize(("line", "expected"), [
    ("WASHINGTON, June 22 (Reuters) - The", ("WASHINGTON", 6, 22, "Reuters")),
    ("ISTANBUL, June 2. /TASS/. The second round", ("ISTANBUL", 6, 2, "TASS")),
    ("NAIROBI (Daily Nation) - Kenya's", ("NAIROBI", None, None, "Daily Nation")),
    ("KUALA LUMPUR — Malaysia's", ("KUALA LUMPUR", None, None, None)),
    ("New Delhi [India], June 3 (ANI): The", ("New Delhi", 6, 3, "ANI")),
])
def test_datelines(line: str, expected: tuple[object, ...]) -> None:
    dateline = parse_dateline(line)
    assert dateline is not None
    assert (dateline.place, dateline.month, dateline.day, dateline.credit) == expected


@pytest.mark.parametrize("line", [
    "Russia, Ukraine agree to swap prisoners", "BREAKING: An airstrike hit the port",
    "Ukraine's Security Service (SBU) has carried out a drone attack", "US President said",
])
def test_sentences_are_no_datelines(line: str) -> None:
    assert parse_dateline(line) is None


def test_dateline_date_takes_the_url_year() -> None:
    text = f"Talks end\n\nISTANBUL, June 2. /TASS/. {LEAD}\n\n{BODY}\n"
    assert clean_document(_dump(text)).published is None  # no year anywhere: never guessed
    article = clean_document(_dump(text, "https://example.com/world/2025/06/32886.html"))
    assert (article.published, article.published_from) == ("2025-06-02", "dateline")
    assert article.credited_source == "TASS"


def test_byline_block_gives_outlet_credit_and_date() -> None:
    text = (f"Ministers agree to reopen embassies\n\nDaybreak\nwith\nAFP\nAugust 9, 2025\n"
            f"{LEAD}\nAdvertisement\n{BODY}\n")
    dump = parse_dump(text)
    assert (dump.published, dump.published_from) == ("2025-08-09", "byline")
    assert dump.outlet == "Daybreak"
    assert dump.credited_source == "AFP"


def test_posted_beats_updated_and_updated_is_a_fallback() -> None:
    posted = (f"Headline here\nPosted 2:17 PM, Mar 18, 2025\n"
              f"and last updated 8:22 PM, Mar 19, 2025\n{LEAD}\n{BODY}")
    assert parse_dump(posted).published == "2025-03-18"
    updated = f"Headline here\nUpdated 19 Mar, 2025\n\n{LEAD}\n{BODY}"
    dump = parse_dump(updated)
    assert (dump.published, dump.published_from) == ("2025-03-19", "secondary")


def test_scrape_stamp_and_site_header_lose() -> None:
    text = (f"Retrieved: 12 January 2026\nMonday, 12 January 2026\nHome | World | Business\n"
            f"Ministers agree to reopen embassies\nBy Jane Roe | March 2, 2025\n\n{LEAD}\n\n{BODY}")
    dump = parse_dump(text)
    assert (dump.published, dump.published_from) == ("2025-03-02", "byline")
    assert dump.authors == ("Jane Roe",)


def test_url_is_a_date_source_after_the_text() -> None:
    text = f"Ministers agree to reopen embassies\n\n{LEAD}\n\n{BODY}"
    article = clean_document(_dump(text, "https://news.example.org/2025-03-19-981251"))
    assert (article.published, article.published_from) == ("2025-03-19", "url")
    assert article.outlet == "example.org"
    marked = clean_document(_dump(f" date 2025-03-20 {LEAD}\n{BODY}", "https://x.org/2025/03/19/a"))
    assert marked.published == "2025-03-20"


@pytest.mark.parametrize(("line", "expected"), [
    ("AFP", "AFP"), ("— Reuters", "Reuters"), ("with AFP", "AFP"), ("(SPA)", "SPA"),
    ("With inputs from PTI", "PTI"), ("Agencies", "Agencies"),
    ("Jane Roe/AFP via Getty Images", None), ("Photo: EPA/JOHN DOE", None),
    ("Advertisement", None), ("REUTERS", "Reuters"),
])
def test_credit_lines(line: str, expected: str | None) -> None:
    assert credit_line(line) == expected


def test_credits_in_running_text() -> None:
    assert trailing_credit("the deal did not cover shipping. — Agencies") == "Agencies"
    assert trailing_credit("as the talks resumed on Friday (AFP)") == "AFP"
    assert trailing_credit("Smoke rises over the port. Jane Roe/AFP via Getty Images") is None
    assert reported_credit("the hosts equalized late in the game, UNN reports.") == "UNN"
    assert is_photo_credit("A file photo by AFP shows the port")


def test_site_name_line_run_into_the_marker() -> None:
    dump = parse_dump(f" date 2025-07-16 Daybreak News – Damascus\n\n{LEAD}\n\n{BODY}")
    assert dump.outlet == "Daybreak News"
    assert dump.published == "2025-07-16"


def test_prose_opening_with_a_date_is_not_a_marker() -> None:
    line = "On February 3, 2026, the president directed the foreign minister to open talks."
    assert split_glued_metadata([line]) == [line]
    dump = parse_dump(f"Headline of the story\n\n{line}\n\n{BODY}")
    assert dump.published is None


def test_url_dates_and_sites() -> None:
    assert date_from_url("https://example.com/commentisfree/2019/nov/18/view") == "2019-11-18"
    assert date_from_url("https://example.com/news/2025/june/26-06-2025/a.html") == "2025-06-26"
    assert date_from_url("https://example.com/news/world/2505164726/") is None
    assert date_from_url("https://2025.example.com/a") is None
    assert site_from_url("https://ca.news.example.com/a") == "example.com"
    assert site_from_url("https://www.example.co.uk/a") == "example.co.uk"


@pytest.mark.parametrize("caption", [
    "Two ministers shake hands at the palace in Nairobi, Kenya, 02 March 2025. Photo: EPA/JANE ROE / POOL",
    "The two ministers at the palace in Nairobi on March 2, 2025 (Foreign ministry photo)",
    "Kenya's foreign minister and his Ethiopian counterpart in Nairobi on March 2, 2025. (Social media)",
])
def test_a_dated_photo_caption_dates_an_undated_page(caption: str) -> None:
    for text in (f"Ministers agree to reopen embassies\n\n{caption}\n\n{LEAD}\n\n{BODY}\n",
                 f"{caption}\n\n{LEAD}\n\n{BODY}\n",
                 f"Ministers agree to reopen embassies\n\n{LEAD}\n\n{caption}\n\n{BODY}\n"):
        dump = parse_dump(text)
        assert (dump.published, dump.published_from) == ("2025-03-02", "caption"), text
        assert dump.title != caption.strip()
        assert caption not in dump.text


def test_an_embedded_post_signature_dates_an_undated_page() -> None:
    text = (f"{LEAD}\n{BODY}\n“We welcome the agreement,” the minister wrote.\n"
            f"— Jane Roe (@janeroe) March 2, 2025\n{BODY}\n")
    assert parse_dump(text).published == "2025-03-02"


def test_a_caption_loses_to_the_page_date_and_a_file_photo_is_no_evidence() -> None:
    caption = "The two ministers in Nairobi on March 1, 2025 (Foreign ministry photo)"
    marked = parse_dump(f" date 2025-03-02 {LEAD}\n{caption}\n{BODY}\n")
    assert (marked.published, marked.published_from) == ("2025-03-02", "marker")
    old = parse_dump(f"{LEAD}\nFile photo: the two ministers in Nairobi on May 3, 2019 (Reuters)\n{BODY}\n")
    assert old.published is None


def test_a_caption_day_moves_to_the_latest_weekday_the_story_tells_of() -> None:
    caption = "The two ministers at the palace in Nairobi, 02 December 2025. Photo: EPA/JANE ROE"
    lead = ("Talks between the foreign ministers in Nairobi on Tuesday were useful, a spokesman "
            "told reporters in the early hours of Wednesday.")
    later = ("Ethiopian officials met their Kenyan counterparts in Addis Ababa on Sunday. "
             "They will meet on Friday.")
    dump = parse_dump(f"Ministers agree\n\n{caption}\n\n{lead}\n\n{later}\n\n{BODY}\n")
    assert (dump.published, dump.published_from) == ("2025-12-03", "caption")  # a Wednesday
