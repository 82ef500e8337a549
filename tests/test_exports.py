"""Exports other tools read (issue 17 part 3): the GDELT 2.0 event table and Parquet load in
pandas with the documented columns and types, the GraphML in networkx with the network's
counts, CSV cells hold no JSON, and the brief's chart has a real time axis."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from matplotlib.patches import Rectangle
from typer.testing import CliRunner

from parley.chart import day_number, trend_figure
from parley.cli import app
from parley.exports import COLUMNS, GDELT_COLUMNS, GDELT_TYPES
from parley.query import actor_network, export_records
from parley.store import Store

from .conftest import shared_path

runner = CliRunner()
# The pandas dtype each documented column type loads as (nullable: GDELT leaves cells empty).
PANDAS_DTYPES = {"int": "Int64", "float": "Float64", "str": "string"}


def _export(db: Path, *args: str) -> None:
    result = runner.invoke(app, ["export", *args, "--db", str(db)])
    assert result.exit_code == 0, result.output


def test_gdelt_export_loads_with_the_documented_columns(analyst_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    _export(analyst_db, "events", "--format", "gdelt", "-o", str(out))
    schema = json.loads(shared_path("data", "gdelt_v2_event_schema.json").read_text())
    assert schema["event_columns"] == GDELT_COLUMNS  # the codebook's names, in its order
    assert all(line.count("\t") == 60 for line in out.read_text().splitlines())
    table = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS,
                        dtype={c: PANDAS_DTYPES[t] for c, t in GDELT_TYPES.items()})
    store = Store.open(analyst_db)
    events = list(export_records(store, "events"))
    store.close()
    assert len(table) == len(events) > 20
    assert table["GlobalEventID"].is_unique
    assert str(table["Day"].dtype) == "Int64" and str(table["GoldsteinScale"].dtype) == "Float64"
    assert str(table["EventCode"].dtype) == "string"
    assert table["EventCode"].str.len().ge(3).all()  # leading zeros kept: "042", not 42
    assert table["EventRootCode"].eq(table["EventCode"].str[:2]).all()
    assert table["QuadClass"].isin([1, 2, 3, 4]).all()
    assert table["GoldsteinScale"].between(-10, 10).all()
    assert (table["NumMentions"] >= table["NumArticles"]).all() and (table["NumArticles"] >= 1).all()
    assert table["SOURCEURL"].notna().all()
    dated = table[table["Day"].notna()]
    assert (dated["Day"] // 10000 == dated["Year"]).all()
    assert (dated["MonthYear"] // 100 == dated["Year"]).all()
    # a material conflict: an assault, Goldstein negative; the URL of the invented article
    houthi = table[table["SOURCEURL"] == "https://example.org/coast/yem-1"]
    assert not houthi.empty and (houthi["Actor1Code"] == "YEMREB").any()
    assault = houthi[houthi["QuadClass"] == 4]
    assert not assault.empty and (assault["GoldsteinScale"] < 0).all()
    assert set(assault["Actor1CountryCode"].dropna()) == {"YEM"}


def test_parquet_export_of_every_kind_is_typed(analyst_db: Path, tmp_path: Path) -> None:
    for kind, columns in COLUMNS.items():
        out = tmp_path / f"{kind}.parquet"
        _export(analyst_db, kind, "--format", "parquet", "-o", str(out))
        table = pd.read_parquet(out, dtype_backend="numpy_nullable")
        assert list(table.columns) == [name for name, _ in columns], kind
        assert len(table) > 0, kind
    events = pd.read_parquet(tmp_path / "events.parquet", dtype_backend="numpy_nullable")
    assert str(events["mentions"].dtype) == "Int64"
    assert str(events["confidence"].dtype) == "Float64"
    assert str(events["negated"].dtype) == "boolean"
    assert all(isinstance(outlets, (list, type(events["outlets"].iloc[0])))
               for outlets in events["outlets"])
    gdelt = tmp_path / "events.tsv"
    _export(analyst_db, "events", "--format", "gdelt", "-o", str(gdelt))
    ids = pd.read_csv(gdelt, sep="\t", header=None, names=GDELT_COLUMNS, usecols=[0])
    assert len(ids) == len(events)  # the same store, the same events
    assert {int(i[:15], 16) for i in events["id"]} == set(ids["GlobalEventID"])
    houthi = events[events["source_code"] == "YEMREB"]
    assert not houthi.empty and set(houthi["source_country"]) == {"YEM"}


def test_graphml_has_the_networks_counts(analyst_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "actors.graphml"
    _export(analyst_db, "network", "--format", "graphml", "-o", str(out))
    graph = nx.read_graphml(out)
    store = Store.open(analyst_db)
    network = actor_network(store)
    iran = actor_network(store, actors=["IRN"])
    store.close()
    assert graph.number_of_nodes() == len(network.nodes) > 5
    assert graph.number_of_edges() == len(network.edges) > 5
    assert 0 < len(iran.edges) < len(network.edges)
    edge = network.edges[0]
    data = graph.get_edge_data(edge.source, edge.target)[edge.type]
    assert data["type"] == edge.type and data["quad_class"] == edge.quad_class
    assert data["events"] == edge.events and data["reports"] == edge.reports
    node = network.nodes[0]
    assert graph.nodes[node.id]["events"] == node.events
    assert sum(e.events for e in network.edges) * 2 == sum(n.events for n in network.nodes)


def test_csv_has_flat_columns_and_no_json(analyst_db: Path) -> None:
    for kind in COLUMNS:
        result = runner.invoke(app, ["export", kind, "--format", "csv", "--db", str(analyst_db)])
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert rows and list(rows[0]) == [name for name, _ in COLUMNS[kind]]
        for row in rows:
            for value in row.values():
                assert not isinstance(_json_or_none(value), (list, dict)), (kind, value)
    events = runner.invoke(app, ["export", "events", "--format", "csv", "--db", str(analyst_db)])
    header = next(csv.reader(io.StringIO(events.stdout)))
    assert {"source_name", "source_country", "source_sector", "target_name", "target_country",
            "target_sector", "location_name"} <= set(header)


def _json_or_none(value: str) -> object:
    try:
        return json.loads(value)
    except ValueError:
        return None


def test_export_format_misuse_is_a_usage_error(analyst_db: Path) -> None:
    for args in (["quotes", "--format", "gdelt"], ["events", "--format", "graphml"],
                 ["events", "--format", "parquet"]):
        result = runner.invoke(app, ["export", *args, "--db", str(analyst_db)])
        assert result.exit_code == 2 and "error:" in result.output


def test_chart_puts_months_on_a_time_axis_with_gaps() -> None:
    trend = [("2025-01", -8.0, 2), ("2025-02", 3.0, 1), ("2025-09", 5.5, 4)]
    figure = trend_figure(trend)
    axes = figure.axes[0]
    bars = [patch for patch in axes.patches if isinstance(patch, Rectangle)]
    assert len(bars) == 3
    lefts = [bar.get_x() for bar in bars]
    january, february, september = (day_number(date.fromisoformat(m + "-01")) for m, _, _ in trend)
    assert lefts == pytest.approx([january, february, september])
    # the empty months between February and September keep their width on the axis
    assert (lefts[2] - lefts[1]) == pytest.approx(212)
    low, high = axes.get_xlim()
    assert low < january and high > september
