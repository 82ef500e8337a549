"""Fetching pages and feeds over HTTP: timeouts, a size cap and a polite user agent."""

from __future__ import annotations

import os
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from parley import __version__
from parley.errors import IngestError

USER_AGENT = f"parley/{__version__} (news research tool; +https://github.com/parley-news/parley)"
# Seconds to wait for a server before giving up on one URL.
TIMEOUT_S = 15.0
# Largest response body read; a news page is well under this.
MAX_RESPONSE_BYTES = 20_000_000
# Pause between two requests to the same host, so a feed of 100 items is not a burst.
SAME_HOST_DELAY_S = 0.25

_last_request: dict[str, float] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class Response:
    url: str
    content_type: str
    body: bytes


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float | None = None) -> Response:
    """GET a URL; raise IngestError with a one-line reason on any failure.

    The timeout defaults to TIMEOUT_S, or to the PARLEY_HTTP_TIMEOUT environment variable.
    """
    if timeout is None:
        timeout = float(os.environ.get("PARLEY_HTTP_TIMEOUT") or TIMEOUT_S)
    _wait_for_host(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept-Encoding": "identity"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            body = resp.read(MAX_RESPONSE_BYTES + 1)
            content_type = resp.headers.get("Content-Type", "")
            final_url = resp.geturl()
    except urllib.error.HTTPError as exc:
        raise IngestError(url, f"HTTP {exc.code} {exc.reason}") from exc
    except TimeoutError as exc:
        raise IngestError(url, f"timed out after {timeout:g} s") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise IngestError(url, f"timed out after {timeout:g} s") from exc
        raise IngestError(url, f"cannot connect ({reason})") from exc
    except (OSError, ValueError) as exc:
        raise IngestError(url, f"download failed ({exc})") from exc
    if len(body) > MAX_RESPONSE_BYTES:
        raise IngestError(url, f"response larger than {MAX_RESPONSE_BYTES // 1_000_000} MB")
    return Response(url=final_url, content_type=content_type, body=body)


def _wait_for_host(url: str) -> None:
    host = urlsplit(url).netloc
    with _lock:
        wait = _last_request.get(host, 0.0) + SAME_HOST_DELAY_S - time.monotonic()
        _last_request[host] = time.monotonic() + max(wait, 0.0)
    if wait > 0:
        time.sleep(wait)
