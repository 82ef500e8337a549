"""Tables other tools read: flat typed records of every export kind (CSV, Parquet), the GDELT
2.0 event table, and the actor network as GraphML.

    rows = flat_records(store, "events")        # one flat dict per record, typed by COLUMNS
    write_parquet(rows, "events", path)         # pyarrow, one typed column per field
    write_csv(rows, out)                        # lists joined with " | ", never JSON in a cell
    for row in gdelt_rows(store): ...           # GDELT_COLUMNS, in order, typed by GDELT_TYPES
    write_graphml(actor_network(store), path)   # networkx MultiDiGraph

Flat columns name a nested field by its path: `source_name`, `source_country`,
`source_sector`, `location_lat`. The JSONL export (`query.export_records`) keeps the nesting.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Iterator
from datetime import date as Date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from parley.actors.resolve import resolve_actor_text
from parley.datafiles import read_data_json
from parley.event_codes import goldstein, quad_class
from parley.network import ActorNetwork
from parley.query import ARTICLE_FIELDS, export_records
from parley.store import Store

# A column's type: str, int, float, bool or list (of strings).
ColumnType = str
LIST_SEPARATOR = " | "
_PARTY = ("name", "country", "sector", "code", "role")
COLUMNS: dict[str, list[tuple[str, ColumnType]]] = {
    "articles": [(name, "list" if name == "authors" else "str") for name in ARTICLE_FIELDS],
    "entities": [("id", "str"), ("name", "str"), ("type", "str"), ("country", "str"),
                 ("sector", "str"), ("role", "str"), ("aliases", "list"), ("article_ids", "list"),
                 ("roles", "list")],
    "events": [("id", "str"), ("type", "str"), ("mode", "str"), ("cameo", "str"),
               ("quad_class", "int"), ("goldstein", "float"),
               *((f"source_{f}", "str") for f in _PARTY), *((f"target_{f}", "str") for f in _PARTY),
               ("date", "str"), ("date_text", "str"), ("date_basis", "str"), ("modality", "str"),
               ("negated", "bool"), ("location_name", "str"), ("location_country", "str"),
               ("location_lat", "float"), ("location_lon", "float"), ("sentence_start", "int"),
               ("sentence_end", "int"), ("trigger_start", "int"), ("trigger_end", "int"),
               ("evidence", "str"), ("confidence", "float"), ("intensity", "float"),
               ("mentions", "int"), ("outlets", "list"), ("article_ids", "list"),
               ("story_id", "str")],
    "quotes": [("id", "str"), ("article_id", "str"), ("text", "str"), ("start", "int"),
               ("end", "int"), ("kind", "str"), *((f"speaker_{f}", "str") for f in _PARTY),
               ("speaker_entity_id", "str"), ("cue", "str"), ("cue_start", "int"),
               ("cue_end", "int"), ("published", "str"), ("outlet", "str")],
    "stories": [("id", "str"), ("title", "str"), ("article_ids", "list"), ("event_ids", "list"),
                ("first_date", "str"), ("last_date", "str")],
}


def flat_records(store: Store, kind: str) -> Iterator[dict[str, Any]]:
    """The records of an export kind as flat rows with the columns of COLUMNS[kind]."""
    columns = [name for name, _ in COLUMNS[kind]]
    for record in export_records(store, kind):
        flat = _flatten(kind, record)
        yield {name: flat.get(name) for name in columns}


def _flatten(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    flat = dict(record)
    if kind == "entities":
        flat["roles"] = [_role_text(r) for r in record["roles"]]
    elif kind == "events":
        for side in ("source", "target"):
            flat.update(_party(side, record[side]))
        location = record["location"] or {}
        for name in ("name", "country", "lat", "lon"):
            flat[f"location_{name}"] = location.get(name)
        for name in ("sentence", "trigger"):
            span = record[name] or {}
            flat[f"{name}_start"], flat[f"{name}_end"] = span.get("start"), span.get("end")
        evidence = record["evidence"]
        flat["evidence"] = evidence[0]["text"].strip() if evidence else None
        flat["quad_class"] = quad_class(record["cameo"], record["type"])
        flat["goldstein"] = goldstein(record["cameo"])
    elif kind == "quotes":
        flat.update(_party("speaker", record["speaker"]))
    return flat


def _party(prefix: str, actor: dict[str, Any] | None) -> dict[str, Any]:
    return {f"{prefix}_{name}": (actor or {}).get(name) for name in _PARTY}


def _role_text(role: dict[str, Any]) -> str:
    """ "2025-08-04: foreign minister (PAK GOV)" """
    where = " ".join(v for v in (role.get("country"), role.get("sector")) if v)
    text = role.get("role") or "(no title)"
    return f"{role.get('since') or 'undated'}: {text}" + (f" ({where})" if where else "")


def write_csv(out: TextIO, kind: str, rows: Iterable[dict[str, Any]]) -> None:
    """CSV with a header row; lists joined with " | ", booleans as true/false."""
    writer = csv.DictWriter(out, fieldnames=[name for name, _ in COLUMNS[kind]])
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _arrow_type(kind: ColumnType) -> Any:
    import pyarrow as pa

    return {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
            "list": pa.list_(pa.string())}[kind]


def write_parquet(rows: Iterable[dict[str, Any]], columns: list[tuple[str, ColumnType]],
                  path: Path | BinaryIO) -> int:
    """A Parquet file with one typed column per field (nulls kept); returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, _arrow_type(kind)) for name, kind in columns])
    table = pa.Table.from_pylist(list(rows), schema=schema)
    pq.write_table(table, path)
    return int(table.num_rows)


# -- GDELT 2.0 event table --------------------------------------------------------------------

def _gdelt_schema() -> dict[str, Any]:
    schema: dict[str, Any] = read_data_json("gdelt_event_columns.json")
    return schema


GDELT_COLUMNS: list[str] = [name for name, _ in _gdelt_schema()["columns"]]
GDELT_TYPES: dict[str, ColumnType] = dict(_gdelt_schema()["columns"])
_GEO_COUNTRY, _GEO_US_CITY, _GEO_WORLD_CITY = 1, 3, 4


def gdelt_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Every merged event as a GDELT 2.0 event record (GDELT_COLUMNS, typed by GDELT_TYPES).

    Day is YYYYMMDD with 00 for the parts a month or year date does not state (20250600); an
    undated event has no Day, MonthYear, Year nor FractionDate. NumMentions counts reports,
    NumSources distinct outlets, NumArticles distinct articles. SOURCEURL is the first report's
    article URL (its input file when it came without one). AvgTone and the FIPS geo codes are
    left empty: parley measures no tone and keeps ISO 3166 country codes."""
    articles = {row["id"]: {"url": row["url"], "source": row["source"],
                            "created_at": row["created_at"], "lead_end": _lead_end(row["text"])}
                for row in store.iter_articles()}
    for row in store.iter_events():
        evidence = row["evidence"]
        first = articles.get(evidence[0]["article_id"], {}) if evidence else {}
        cameo = row["cameo"]
        day, month_year, year, fraction = _gdelt_dates(row["date"])
        record: dict[str, Any] = {
            "GlobalEventID": _global_id(row["id"]), "Day": day, "MonthYear": month_year,
            "Year": year, "FractionDate": fraction,
            **_gdelt_actor("Actor1", row["source"]), **_gdelt_actor("Actor2", row["target"]),
            "IsRootEvent": int(bool(evidence) and evidence[0]["start"] < first.get("lead_end", 0)),
            "EventCode": cameo, "EventBaseCode": cameo[:3] if cameo else None,
            "EventRootCode": cameo[:2] if cameo else None,
            "QuadClass": quad_class(cameo, row["type"]), "GoldsteinScale": goldstein(cameo),
            "NumMentions": len(evidence),
            "NumSources": len({e["outlet"] for e in evidence if e["outlet"]}),
            "NumArticles": len({e["article_id"] for e in evidence}),
            **_gdelt_geo(row["location"]),
            "DATEADDED": _date_added(first.get("created_at")),
            "SOURCEURL": first.get("url") or first.get("source"),
        }
        yield {name: record.get(name) for name in GDELT_COLUMNS}


def _global_id(event_id: str) -> int:
    """A stable 60-bit integer for a parley event id (its hex digits, else their SHA-1)."""
    try:
        return int(event_id[:15], 16)
    except ValueError:
        return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


def _gdelt_dates(date: str | None) -> tuple[int | None, int | None, int | None, float | None]:
    if not date:
        return None, None, None, None
    parts = [int(p) for p in date.split("-")] + [0, 0]
    year, month, day = parts[0], parts[1], parts[2]
    start = Date(year, month or 1, day or 1)
    fraction = round(year + (start.timetuple().tm_yday - 1) / 365, 4)
    return year * 10000 + month * 100 + day, year * 100 + month, year, fraction


def _gdelt_actor(prefix: str, actor: dict[str, Any] | None) -> dict[str, Any]:
    if not actor:
        return {}
    country, sector = actor.get("country"), actor.get("sector")
    igo = country == "IGO"
    return {f"{prefix}Code": actor.get("code"), f"{prefix}Name": str(actor.get("name") or "").upper() or None,
            f"{prefix}CountryCode": None if igo else country,
            f"{prefix}KnownGroupCode": sector if igo else None,
            f"{prefix}Type1Code": None if igo else sector}


def _gdelt_geo(location: dict[str, Any] | None) -> dict[str, Any]:
    if not location:
        return {}
    match = resolve_actor_text(location["name"])
    if match is not None and match.kind == "country":
        kind = _GEO_COUNTRY
    else:
        kind = _GEO_US_CITY if location.get("country") == "USA" else _GEO_WORLD_CITY
    return {"ActionGeo_Type": kind, "ActionGeo_Fullname": location["name"],
            "ActionGeo_Lat": location.get("lat"), "ActionGeo_Long": location.get("lon")}


def _lead_end(text: str) -> int:
    """Where the article's first paragraph ends: a report starting before it is in the lead
    (GDELT's IsRootEvent)."""
    end = text.find("\n\n")
    return end if end >= 0 else len(text)


def _date_added(created_at: str | None) -> int | None:
    """YYYYMMDDHHMMSS (UTC) of when the first report was stored."""
    digits = "".join(c for c in (created_at or "")[:19] if c.isdigit())
    return int(digits) if len(digits) == 14 else None


def write_gdelt(out: TextIO, rows: Iterable[dict[str, Any]]) -> None:
    """Tab-separated, no header, one event a line, empty for a missing value (as GDELT)."""
    for row in rows:
        out.write("\t".join(_gdelt_cell(row[name]) for name in GDELT_COLUMNS) + "\n")


def _gdelt_cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


# -- the actor network ------------------------------------------------------------------------

def write_graphml(network: ActorNetwork, path: Path | BinaryIO) -> None:
    """The network as GraphML (a networkx MultiDiGraph: one edge per source, target and type)."""
    import networkx as nx

    graph = nx.MultiDiGraph(name="parley actor network")
    for node in network.nodes:
        graph.add_node(node.id, **_attributes(node.as_dict(), skip={"id"}))
    for edge in network.edges:
        attributes = _attributes(edge.as_dict(), skip={"source", "target"})
        graph.add_edge(edge.source, edge.target, key=edge.type, **attributes)
    nx.write_graphml(graph, path)


def _attributes(values: dict[str, Any], skip: set[str]) -> dict[str, Any]:
    """GraphML attributes: scalars as they are, lists joined with " | "; no None (GraphML has
    no null: a missing attribute is absent)."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name in skip or value is None:
            continue
        out[name] = LIST_SEPARATOR.join(map(str, value)) if isinstance(value, list) else value
    return out
