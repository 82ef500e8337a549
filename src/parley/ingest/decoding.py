"""Bytes to text: BOMs, UTF-8, legacy encodings and files that mix them."""

from __future__ import annotations

import codecs
import gzip
import re
import zlib

from charset_normalizer import from_bytes

from parley.errors import IngestError

# Share of control bytes above which a file is binary, not text: real text has almost none.
BINARY_CONTROL_SHARE = 0.10
# Bytes inspected when deciding whether a file is binary.
SNIFF_BYTES = 8192

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of non-ASCII characters that must be Latin letters or typographic marks for a
# non-UTF-8 file to be read as cp1252, the usual legacy encoding of Western news sites.
WESTERN_SHARE = 0.9
_WESTERN_MARKS = set("“”‘’–—…€£©®°±«»·•¡¿§¶½¼¾×ºª\u00a0")
_DECLARED = re.compile(rb"""<\?xml[^>]*encoding=["']([\w.:-]+)|<meta[^>]*charset=["']?([\w.:-]+)""",
                       re.IGNORECASE)
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode bytes that are not UTF-8 as cp1252 (latin-1 where cp1252 has a hole)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="ignore") or bad.decode("latin-1"), error.end


codecs.register_error("parley-cp1252", _cp1252_fallback)


def gunzip_if_needed(data: bytes, source: str, limit: int) -> bytes:
    """Transparently decompress gzip data, refusing output beyond `limit` bytes."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = inflater.decompress(data, limit + 1)
    except (zlib.error, EOFError, gzip.BadGzipFile) as exc:
        raise IngestError(source, f"corrupt gzip data ({exc})") from exc
    if len(out) > limit:
        raise IngestError(source, f"too large once decompressed (over {limit // 1_000_000} MB)")
    return out


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding parley reads."""
    head = data[:SNIFF_BYTES]
    if not head or _bom_encoding(head):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > BINARY_CONTROL_SHARE


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a document: BOM first, then UTF-8, then UTF-8 mixed with cp1252, then a guess."""
    encoding = _bom_encoding(data)
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise IngestError(source, f"invalid {encoding} text after its byte-order mark") from exc
    if looks_binary(data):
        raise IngestError(source, "binary file, not text, HTML or JSON")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _has_utf8_multibyte(data):
        return data.decode("utf-8", errors="parley-cp1252")
    declared = _declared_charset(data)
    if declared and declared != "utf-8":
        return data.decode(declared, errors="replace")
    western = data.decode("cp1252", errors="parley-cp1252")
    if _looks_western(western):
        return western
    guess = from_bytes(data[:200_000]).best()
    if guess is not None and guess.encoding not in ("utf_8", "ascii"):
        try:
            return data.decode(guess.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", errors="parley-cp1252")


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its head, if Python knows it."""
    match = _DECLARED.search(data[:SNIFF_BYTES])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", errors="ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_western(text: str) -> bool:
    """True if the non-ASCII characters are Latin letters and typographic punctuation."""
    extra = [ch for ch in text if ord(ch) > 0x7F]
    if not extra:
        return True
    western = sum(1 for ch in extra if "\u00c0" <= ch <= "\u024f" or ch in _WESTERN_MARKS)
    return western / len(extra) >= WESTERN_SHARE


def _has_utf8_multibyte(data: bytes) -> bool:
    """True if the data holds at least one well-formed multi-byte UTF-8 sequence."""
    text = data.decode("utf-8", errors="ignore")
    return any(ord(ch) > 0x7F for ch in text)
