"""Access to the data files shipped in `parley/data` (lexicons, tables, label words)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_data_text(name: str) -> str:
    """The text of a data file in the package."""
    return resources.files("parley").joinpath("data", name).read_text(encoding="utf-8")


def read_data_json(name: str) -> Any:
    """A JSON data file in the package, decoded."""
    return json.loads(read_data_text(name))
