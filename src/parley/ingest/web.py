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
    status: int = 200  # 304: not modified since the validators sent (the body is empty)
    etag: str | None = None
    last_modified: str | None = None


class HTTPStatusError(IngestError):
    """The server answered with an HTTP error status."""

    def __init__(self, source: str, status: int, reason: str) -> None:
        super().__init__(source, f"HTTP {status} {reason}")
        self.status = status


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float | None = None, etag: str | None = None,
          last_modified: str | None = None, delay: float | None = None) -> Response:
    """GET a URL; raise IngestError with a one-line reason on any failure.

    With `etag` / `last_modified` (validators of an earlier response) the GET is conditional:
    a server with nothing new answers 304, returned as a Response of status 304 and no body.
    Requests to one host are at least `delay` seconds apart (default SAME_HOST_DELAY_S).
    The timeout defaults to TIMEOUT_S, or to the PARLEY_HTTP_TIMEOUT environment variable.
    """
    if timeout is None:
        timeout = float(os.environ.get("PARLEY_HTTP_TIMEOUT") or TIMEOUT_S)
    _wait_for_host(url, SAME_HOST_DELAY_S if delay is None else delay)
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            body = resp.read(MAX_RESPONSE_BYTES + 1)
            content_type = resp.headers.get("Content-Type", "")
            final_url = resp.geturl()
            validators = resp.headers.get("ETag"), resp.headers.get("Last-Modified")
    except urllib.error.HTTPError as exc:
        if exc.code == 304 and (etag or last_modified):
            return Response(url=url, content_type="", body=b"", status=304, etag=etag,
                            last_modified=last_modified)
        raise HTTPStatusError(url, exc.code, str(exc.reason)) from exc
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
    return Response(url=final_url, content_type=content_type, body=body, etag=validators[0],
                    last_modified=validators[1])


def _wait_for_host(url: str, delay: float) -> None:
    host = urlsplit(url).netloc
    with _lock:
        wait = _last_request.get(host, 0.0) + delay - time.monotonic()
        _last_request[host] = time.monotonic() + max(wait, 0.0)
    if wait > 0:
        time.sleep(wait)
