"""parley: a sourced, queryable record of who did or said what to whom, from raw news."""

__version__ = "0.1.0.dev0"
