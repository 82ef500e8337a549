"""Language identification of article text (py3langid: offline, bundled model)."""

from __future__ import annotations

import py3langid

# Text shorter than this is too little to identify a language reliably.
MIN_CHARS = 20
# Characters looked at: the start of an article tells its language.
SAMPLE_CHARS = 2000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None
    code, _score = py3langid.classify(sample)
    return str(code)
