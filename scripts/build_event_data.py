"""Build src/parley/data/event_cameo.json: the CAMEO codes and PLOVER categories the event
coder needs (names, PLOVER mapping, intensity scores, recipients), from the shared reference.

    python scripts/build_event_data.py [--shared ../shared]

Inputs: shared/data/cameo_codebook.jsonl (CAMEO 1.1b3 codebook via andybega/icews, with the
CAMEO2PLOVER-2021 mapping, the Goldstein scale value of GDELT's CAMEO.goldsteinscale.txt and
GDELT's quad class of each code) and shared/data/plover_categories.json (PLOVER manual draft 0.8).
Only codes, names and scores are kept: no example sentence is copied. The output is
committed; re-run this to rebuild it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "src" / "parley" / "data" / "event_cameo.json"
# CAMEO roots with no PLOVER 2021 mapping: appeals are PLOVER REQUESTs (v0.8: "all requests,
# demands, and orders"); public statements (01) have no PLOVER category.
UNMAPPED_ROOTS = {"02": ("REQUEST", None)}
# Modes the 2021 mapping gives before PLOVER 0.8 had a closer one: aerial weapons (195) are the
# manual's "aerial" mode (manned aircraft), not artillery and tanks.
MODE_OVERRIDES = {"195": "aerial"}


def build(shared: Path) -> dict[str, Any]:
    codes: dict[str, Any] = {}
    with (shared / "data" / "cameo_codebook.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            plover = row.get("plover_2021") or {}
            category, mode = plover.get("plover"), plover.get("mode")
            if category is None and row["root"] in UNMAPPED_ROOTS:
                category, mode = UNMAPPED_ROOTS[row["root"]]
            mode = MODE_OVERRIDES.get(row["code"], mode)
            codes[row["code"]] = {"name": row["name"], "plover": category, "mode": mode,
                                  "goldstein": row["goldstein"],
                                  "quad_class": row["quad_class_gdelt"]}
    raw = json.loads((shared / "data" / "plover_categories.json").read_text(encoding="utf-8"))
    categories = {}
    for cat in raw["categories"]:
        scores = {k.lower(): v for k, v in (cat.get("plover_mode_scores") or {}).items()}
        categories[cat["category"]] = {
            "score": cat["plover_score"], "mode_scores": scores,
            "requires_recipient": cat["requires_recipient"] == "Yes",
            "modes": [m["mode"] for m in cat["modes"]], "quad": cat["quad"],
        }
    return {
        "_provenance": ("Built by scripts/build_event_data.py from shared/data/cameo_codebook.jsonl "
                        "(CAMEO 1.1b3 codebook via andybega/icews @3746c729, MIT; PLOVER mapping from "
                        "PLOVER CAMEO2PLOVER-2021; Goldstein scale values as in GDELT's CAMEO.goldsteinscale.txt, "
                        "quad classes as GDELT 2.0 assigns them by CAMEO root) and shared/data/plover_categories.json (PLOVER manual "
                        "draft 0.8, openeventdata/PLOVER @5e0c24fb, CC BY-SA 4.0). Codes, names, "
                        "mappings and scores only; CAMEO 02x (appeals) mapped to PLOVER REQUEST; 195 (aerial "
                        "weapons) in PLOVER 0.8's aerial mode."),
        "codes": codes,
        "categories": categories,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    data = build(args.shared)
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(data['codes'])} CAMEO codes, {len(data['categories'])} PLOVER categories -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
