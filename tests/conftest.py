"""Shared fixtures. Data outside the repo (../shared) is found through PARLEY_SHARED."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


def shared_path(*parts: str) -> Path:
    """A path under PARLEY_SHARED; skip when it is unset, fail when CI=true."""
    root = os.environ.get("PARLEY_SHARED")
    in_ci = os.environ.get("CI", "").lower() == "true"
    if not root:
        if in_ci:
            pytest.fail("PARLEY_SHARED is not set, but CI=true: the gold data must be there")
        pytest.skip("PARLEY_SHARED is not set: the seeds and gold sets live outside the repo")
    path = Path(root, *parts)
    if not path.exists():
        if in_ci:
            pytest.fail(f"{path} is missing (PARLEY_SHARED={root})")
        pytest.skip(f"{path} is missing (PARLEY_SHARED={root})")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "parley.db"
