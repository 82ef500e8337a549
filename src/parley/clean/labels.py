"""Label words of metadata lines and the news agencies a page may credit, loaded once from
`data/metadata_labels.json` and `data/news_agencies.json`."""

from __future__ import annotations

from dataclasses import dataclass

from parley.datafiles import read_data_json


@dataclass(frozen=True)
class MetadataLabels:
    publication: frozenset[str]
    secondary: frozenset[str]  # a date of the page, but not its first publication ("updated")
    not_publication: frozenset[str]  # never the publication date (scrape times, "today")
    byline: tuple[str, ...]
    credit: frozenset[str]
    related_prefixes: tuple[str, ...]
    edition_suffixes: frozenset[str]
    photo: frozenset[str]
    dateline_kickers: frozenset[str]
    outlet_hints: frozenset[str]
    credit_connectors: frozenset[str]
    report_verbs: frozenset[str]
    agencies: tuple[str, ...]  # longest first, so "dpa-AFX" is tried before "dpa"
    collective_credits: frozenset[str]


def load_labels() -> MetadataLabels:
    raw = read_data_json("metadata_labels.json")
    agencies = read_data_json("news_agencies.json")
    return MetadataLabels(
        publication=frozenset(raw["date_labels_publication"]),
        secondary=frozenset(raw["date_labels_secondary"]),
        not_publication=frozenset(raw["date_labels_not_publication"]),
        # longest first, so "edited by" is tried before "edited"
        byline=tuple(sorted(raw["byline_labels"], key=len, reverse=True)),
        credit=frozenset(raw["credit_labels"]),
        related_prefixes=tuple(sorted(raw["related_link_prefixes"], key=len, reverse=True)),
        edition_suffixes=frozenset(raw["outlet_edition_suffixes"]),
        photo=frozenset(raw["photo_words"]),
        dateline_kickers=frozenset(raw["dateline_kickers"]),
        outlet_hints=frozenset(raw["outlet_hint_words"]),
        credit_connectors=frozenset(raw["credit_connectors"]),
        report_verbs=frozenset(raw["report_verbs"]),
        agencies=tuple(sorted(set(agencies["agencies"]), key=len, reverse=True)),
        collective_credits=frozenset(agencies["collective"]),
    )


LABELS = load_labels()
