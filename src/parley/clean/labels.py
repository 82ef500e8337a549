"""Label words of metadata lines, loaded once from `data/metadata_labels.json`."""

from __future__ import annotations

from dataclasses import dataclass

from parley.datafiles import read_data_json


@dataclass(frozen=True)
class MetadataLabels:
    publication: frozenset[str]
    not_publication: frozenset[str]
    byline: tuple[str, ...]
    credit: frozenset[str]
    related_prefixes: tuple[str, ...]
    edition_suffixes: frozenset[str]


def load_labels() -> MetadataLabels:
    raw = read_data_json("metadata_labels.json")
    return MetadataLabels(
        publication=frozenset(raw["date_labels_publication"]),
        not_publication=frozenset(raw["date_labels_not_publication"]),
        # longest first, so "edited by" is tried before "edited"
        byline=tuple(sorted(raw["byline_labels"], key=len, reverse=True)),
        credit=frozenset(raw["credit_labels"]),
        related_prefixes=tuple(sorted(raw["related_link_prefixes"], key=len, reverse=True)),
        edition_suffixes=frozenset(raw["outlet_edition_suffixes"]),
    )


LABELS = load_labels()
