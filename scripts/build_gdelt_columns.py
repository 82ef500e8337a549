"""Build src/parley/data/gdelt_event_columns.json: the GDELT 2.0 event table's columns, in
order, with the type each holds, for `parley export events --format gdelt`.

    python scripts/build_gdelt_columns.py [--shared ../shared]

Column names and order: shared/data/gdelt_v2_event_schema.json (GDELT Event Codebook v2.0,
via RBozydar/py-gdelt). Types as the codebook describes the fields: integer ids, dates and
counts; floating-point FractionDate, GoldsteinScale, AvgTone and coordinates; CAMEO codes,
actor codes, names, geo codes, feature ids and the URL as text (CAMEO codes keep their leading
zero). The output is committed; re-run this to rebuild it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "parley" / "data" / "gdelt_event_columns.json"
INTEGER = {"GlobalEventID", "Day", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
           "NumSources", "NumArticles", "DATEADDED"}
FLOAT = {"FractionDate", "GoldsteinScale", "AvgTone"}


def column_type(name: str) -> str:
    if name in INTEGER or name.endswith("Geo_Type"):
        return "int"
    if name in FLOAT or name.endswith(("_Lat", "_Long")):
        return "float"
    return "str"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    schema = json.loads((args.shared / "data" / "gdelt_v2_event_schema.json").read_text("utf-8"))
    columns = [[name, column_type(name)] for name in schema["event_columns"]]
    assert len(columns) == schema["n_event_columns"]
    data = {"_provenance": "Built by scripts/build_gdelt_columns.py from shared/data/"
                           "gdelt_v2_event_schema.json (GDELT Event Codebook v2.0, 2015, via "
                           "RBozydar/py-gdelt @6d1becc2; public documentation); types from the "
                           "codebook's field descriptions.",
            "format": schema["format"], "quad_class_values": schema["quad_class_values"],
            "geo_type_values": schema["geo_type_values"], "columns": columns}
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(columns)} GDELT event columns -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
