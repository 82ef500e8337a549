"""Language identification of article text (py3langid: offline, bundled model)."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

# Text shorter than this is too little to identify a language reliably.
MIN_CHARS = 20
# Characters looked at: the start of an article tells its language.
SAMPLE_CHARS = 2000
# The language parley's NLP stages read; every other one skips them.
READ_LANGUAGE = "en"
# Skip only on a confident call: a misread English article would lose everything in it,
# while a foreign one let through costs only junk records (py3langid gives English scraps
# such as datelines as little as 0.2, and a French paragraph above 0.99).
SKIP_CONFIDENCE = 0.95
# ... over at least this much text: short scraps are often misidentified. Measured: none of
# 5,565 English dev texts (single event sentences, scraped pages, Wikinews) would be skipped.
SKIP_MIN_CHARS = 80
# Below this share of Latin letters no English pipeline can read the text, whatever the call.
MIN_LATIN_SHARE = 0.5


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence 0..1) of the text's language; (None, 0) for too little text."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None, 0.0
    code, confidence = _identifier().classify(sample)
    return str(code), float(confidence)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text."""
    return identify_language(text)[0]


def unreadable_reason(text: str) -> str | None:
    """Why parley's English-only stages cannot read this text ("language fr"), or None."""
    sample = text[:SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if letters and sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters) < (
            MIN_LATIN_SHARE * len(letters)):
        code, _ = identify_language(sample)
        return f"language {code or 'unknown'}: English-only stages skipped (not Latin script)"
    if len(sample.strip()) < SKIP_MIN_CHARS:
        return None
    code, confidence = identify_language(sample)
    if code and code != READ_LANGUAGE and confidence >= SKIP_CONFIDENCE:
        return f"language {code}: English-only stages skipped"
    return None
