"""Quotes: who said what, attributed to the right person (direct, indirect and mixed speech)."""

from parley.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
