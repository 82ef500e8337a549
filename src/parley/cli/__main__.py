"""`python -m parley.cli`: the same as the `parley` command."""

from parley.cli import app

app()
