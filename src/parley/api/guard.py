"""What stands before the handlers: the bearer token, request size and rate limits, and the
security headers of every response."""

from __future__ import annotations

import hmac
import json
import math
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parley.api.problems import PROBLEM_TYPE, TYPE_BASE, Problem

# Pages may load scripts, styles and data from this server only; no inline script runs.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
]


@dataclass
class Limits:
    """How much the server takes: request bodies, and requests per client per minute."""

    max_body: int = 2 * 1024 * 1024
    writes_per_minute: int = 30
    reads_per_minute: int = 1200


class TooLarge(Exception):
    pass


class BodyLimit:
    """Refuses a request body over `max_body` bytes with 413, whether it declares its length
    or streams it in chunks (the handler then never sees it)."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _too_large(scope, send, self.max_body)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracking_send)
        except TooLarge:
            if not started:
                await _too_large(scope, send, self.max_body)


async def _too_large(scope: Scope, send: Send, limit: int) -> None:
    body = json.dumps({"type": TYPE_BASE + "too-large", "title": "Content Too Large",
                       "status": 413, "detail": f"request body over the limit of {limit:,} bytes",
                       "instance": scope.get("path", "")}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", PROBLEM_TYPE.encode()),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, with_headers)


@dataclass
class RateLimiter:
    """A token bucket per client address: `per_minute` requests, refilled continuously."""

    per_minute: int
    buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, client: str) -> float:
        """0 if the client may go on, else the seconds until it may."""
        if self.per_minute <= 0:
            return 0.0
        rate = self.per_minute / 60.0
        now = time.monotonic()
        with self.lock:
            tokens, last = self.buckets.get(client, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - last) * rate)
            if tokens < 1:
                self.buckets[client] = (tokens, now)
                return (1 - tokens) / rate
            self.buckets[client] = (tokens - 1, now)
            if len(self.buckets) > 10_000:  # forget idle clients
                self.buckets = {k: v for k, v in self.buckets.items() if now - v[1] < 120}
            return 0.0


def rate_limited(limiter: RateLimiter) -> Callable[[Request], Awaitable[None]]:
    async def check(request: Request) -> None:
        client = request.client.host if request.client else "unknown"
        wait = limiter.take(client)
        if wait:
            seconds = max(1, math.ceil(wait))
            raise Problem(429, f"too many requests: at most {limiter.per_minute} a minute; "
                               f"retry in {seconds} s", kind="rate-limited",
                          headers={"Retry-After": str(seconds)})
    return check


SESSION_COOKIE = "parley_session"


def session_value(token: str) -> str:
    """What the web UI's session cookie holds: derived from the token, never the token."""
    return hmac.new(token.encode(), b"parley web UI session", "sha256").hexdigest()


def bearer_guard(token: str | None, *, action: str,
                 session: bool = False) -> Callable[[Request], Awaitable[None]]:
    """A dependency requiring `Authorization: Bearer <token>`; with no token configured the
    action is refused outright (closed, not open). `session`: a GET may instead carry the web
    UI's session cookie (set by signing in at /ui/login); writes never accept it."""
    async def check(request: Request) -> None:
        if token is None:
            raise Problem(403, f"{action} are disabled on this server: start `parley serve` "
                               "with PARLEY_TOKEN set to allow them", kind="writes-disabled")
        cookie = request.cookies.get(SESSION_COOKIE, "")
        if (session and cookie and request.method in ("GET", "HEAD")
                and "authorization" not in request.headers
                and hmac.compare_digest(cookie.encode(), session_value(token).encode())):
            return
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if not header or scheme.lower() != "bearer" or not given.strip():
            raise Problem(401, f"{action} need a bearer token: send 'Authorization: Bearer "
                               "<PARLEY_TOKEN>'", kind="unauthorized",
                          headers={"WWW-Authenticate": 'Bearer realm="parley"'})
        if not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise Problem(401, "the bearer token is not valid", kind="unauthorized",
                          headers={"WWW-Authenticate":
                                   'Bearer realm="parley", error="invalid_token"'})
    return check
