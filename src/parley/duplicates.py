"""Exact and near-duplicate articles: content hashes and MinHash over word shingles."""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

# 128 permutations estimate Jaccard similarity within about +-0.09, enough at this threshold.
NUM_PERM = 128
# Word 5-grams: long enough that two different reports of one event rarely share many.
SHINGLE_WORDS = 5
# Estimated Jaccard similarity of shingle sets above which one article repeats another
# (syndicated copies with a changed headline, byline or footer score well above it).
NEAR_DUPLICATE_JACCARD = 0.8

# The hashing scheme is fixed so signatures stored by one version stay comparable.
SCHEME = "affine32"

_WORD = re.compile(r"\w+")


def article_signature(text: str) -> MinHash:
    """The MinHash signature of a text's word shingles."""
    words = _WORD.findall(text.lower())
    span = min(SHINGLE_WORDS, max(len(words), 1))
    shingles = {" ".join(words[i : i + span]).encode() for i in range(max(len(words) - span + 1, 1))}
    signature = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    signature.update_batch(list(shingles))
    return signature


def signature_bytes(signature: MinHash) -> bytes:
    return bytes(signature.hashvalues.astype("<u4").tobytes())


def signature_from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)


class DuplicateIndex:
    """Finds the earlier article a new one repeats, exactly or nearly."""

    def __init__(self) -> None:
        self._by_hash: dict[str, str] = {}
        self._lsh = MinHashLSH(threshold=NEAR_DUPLICATE_JACCARD, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}

    def add(self, article_id: str, content_hash: str, signature: MinHash) -> None:
        self._by_hash.setdefault(content_hash, article_id)
        if article_id not in self._signatures:
            self._lsh.insert(article_id, signature)
            self._signatures[article_id] = signature

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._signatures

    def remove(self, article_id: str) -> None:
        """Forget an article (one that failed before it could be stored)."""
        for digest in [d for d, known in self._by_hash.items() if known == article_id]:
            del self._by_hash[digest]
        if self._signatures.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def find(self, content_hash: str, signature: MinHash) -> str | None:
        """The id of the first-seen article this one duplicates, or None."""
        if content_hash in self._by_hash:
            return self._by_hash[content_hash]
        candidates = [(signature.jaccard(self._signatures[key]), key)
                      for key in self._lsh.query(signature)]
        close = [(score, key) for score, key in candidates if score >= NEAR_DUPLICATE_JACCARD]
        return max(close)[1] if close else None
