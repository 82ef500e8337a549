"""The tune / held-back split of a dev set: tune on half "A", report "B" as held back.

The split is a stable hash of each record's id, the same on every machine and run, so a gate's
floor can be set on the half nobody tuned on.
"""

from __future__ import annotations

import zlib


def half_of(record_id: str) -> str:
    """"A" (tune) or "B" (held back) for one record id."""
    return "A" if zlib.crc32(record_id.encode("utf-8")) % 2 == 0 else "B"
