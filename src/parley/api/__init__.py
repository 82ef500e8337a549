"""`parley serve`: the REST API and web UI over a store (FastAPI), thin over `parley.query`."""

from parley.api.app import create_app
from parley.api.guard import Limits

__all__ = ["Limits", "create_app"]
