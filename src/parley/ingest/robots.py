"""robots.txt: may parley fetch this URL, and how long to wait between requests to its host.

Read once per host and kept for `ROBOTS_TTL_S`. As RFC 9309 says: a robots.txt that does not
exist (HTTP 4xx) allows everything; one that cannot be reached (5xx, network failure) allows
nothing until it can be read.
"""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urlsplit

from parley.errors import IngestError
from parley.ingest.web import HTTPStatusError, fetch

# How long a host's robots.txt is trusted before it is read again.
ROBOTS_TTL_S = 24 * 3600.0
# The user-agent token matched against robots.txt groups (the product token of USER_AGENT).
ROBOTS_AGENT = "parley"


@dataclass
class _Rules:
    parser: urllib.robotparser.RobotFileParser | None  # None: everything allowed
    allow_none: bool
    read_at: float


class RobotsRules:
    """The robots.txt rules of the hosts one watcher fetches from."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._hosts: dict[str, _Rules] = {}

    def allowed(self, url: str) -> bool:
        rules = self._rules(url)
        if rules.allow_none:
            return False
        if rules.parser is None:
            return True
        return rules.parser.can_fetch(ROBOTS_AGENT, url)

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay robots.txt asks of parley for this URL's host, if any."""
        rules = self._rules(url)
        if rules.parser is None:
            return None
        asked = rules.parser.crawl_delay(ROBOTS_AGENT)
        return float(asked) if asked is not None else None

    def _rules(self, url: str) -> _Rules:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        known = self._hosts.get(host)
        if known is None or time.monotonic() - known.read_at > ROBOTS_TTL_S:
            known = self._hosts[host] = self._read(host)
        return known

    def _read(self, host: str) -> _Rules:
        now = time.monotonic()
        try:
            response = fetch(f"{host}/robots.txt", delay=self.delay)
        except HTTPStatusError as exc:
            if 400 <= exc.status < 500:
                return _Rules(None, allow_none=False, read_at=now)
            return _Rules(None, allow_none=True, read_at=now - ROBOTS_TTL_S + 60)  # retry soon
        except IngestError:
            return _Rules(None, allow_none=True, read_at=now - ROBOTS_TTL_S + 60)
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return _Rules(parser, allow_none=False, read_at=now)
