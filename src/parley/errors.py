"""Exceptions parley raises; each carries a one-line, user-facing reason."""

from __future__ import annotations


class ParleyError(Exception):
    """Base class: a problem with one input that the batch can survive."""

    kind = "Error"

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class IngestError(ParleyError):
    """A source could not be read or decoded (missing, binary, too large, unreachable)."""

    kind = "IngestError"


class CleanError(ParleyError):
    """A document was read but holds no usable article text."""

    kind = "CleanError"


class InputFormatError(ParleyError):
    """A structured input (a JSONL line, a feed) is malformed."""

    kind = "InputFormatError"
