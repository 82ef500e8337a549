"""URLs and RSS/Atom feeds, fetched from a real HTTP server on localhost started by the test."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from parley.clean import clean_document
from parley.ingest import read_sources
from parley.ingest.web import USER_AGENT
from parley.models import DocError, RawDoc

PAGE = """<!DOCTYPE html><html><head><title>{title}</title>
<meta property="og:site_name" content="Local Times"></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>{title}</h1>
<p>Foreign ministers of Turkey and Iran spoke by telephone on Tuesday about the ceasefire,
the Turkish foreign ministry said in a statement.</p>
<p>Both sides agreed to remain in close contact, the statement added, without giving details
of the talks or of any planned visit.</p>
<p>Diplomats in Ankara said a meeting of the two ministers could take place next month.</p>
</article><footer>Copyright Local Times</footer></body></html>"""

SLOW_SECONDS = 3.0
seen_agents: list[str] = []


def _feed(base: str) -> str:
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}{path}</link>"
        f"<pubDate>Tue, 0{n} Jul 2025 10:00:00 GMT</pubDate></item>"
        for n, path in ((1, "/a1.html"), (2, "/missing.html"), (3, "/a3.html")))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local Times</title>'
            f"<link>{base}</link><description>news</description>{items}</channel></rss>")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        seen_agents.append(self.headers.get("User-Agent", ""))
        base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
        routes = {
            "/feed.xml": ("application/rss+xml", _feed(base)),
            "/garbage.xml": ("application/rss+xml", "\x00\x01 this is <not a feed"),
            "/a1.html": ("text/html", PAGE.format(title="Turkey and Iran talk")),
            "/a3.html": ("text/html", PAGE.format(title="Ministers to meet")),
        }
        if self.path == "/slow.html":
            time.sleep(SLOW_SECONDS)
        if self.path not in routes:
            self.send_error(404, "Not Found")
            return
        kind, body = routes[self.path]
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        # the client may have given up already (the timeout test): expected
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(data)

    def handle(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_single_url(server: str) -> None:
    [doc] = list(read_sources([f"{server}/a1.html"]))
    assert isinstance(doc, RawDoc) and doc.kind == "html"
    article = clean_document(doc)
    assert article.title == "Turkey and Iran talk"
    assert article.outlet == "Local Times"
    assert article.url == f"{server}/a1.html"
    assert "spoke by telephone" in article.text and "Home" not in article.text
    assert seen_agents[-1] == USER_AGENT


def test_feed_items_fetched_with_failures_named(server: str) -> None:
    docs = list(read_sources([f"{server}/feed.xml"]))
    assert [type(d).__name__ for d in docs] == ["RawDoc", "DocError", "RawDoc"]
    good = [d for d in docs if isinstance(d, RawDoc)]
    assert [d.hints.published for d in good] == ["2025-07-01", "2025-07-03"]
    assert good[0].hints.outlet == "Local Times"
    error = docs[1]
    assert isinstance(error, DocError)
    assert error.source == f"{server}/missing.html" and "HTTP 404" in error.message


def test_404_url(server: str) -> None:
    [error] = list(read_sources([f"{server}/nothing"]))
    assert isinstance(error, DocError) and "HTTP 404" in error.message


def test_garbage_feed(server: str) -> None:
    [error] = list(read_sources([f"{server}/garbage.xml"]))
    assert isinstance(error, DocError) and error.source.endswith("/garbage.xml")


def test_timeout(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARLEY_HTTP_TIMEOUT", "0.5")
    started = time.monotonic()
    docs = list(read_sources([f"{server}/slow.html", f"{server}/a3.html"]))
    assert time.monotonic() - started < SLOW_SECONDS + 2
    assert isinstance(docs[0], DocError) and "timed out" in docs[0].message
    assert isinstance(docs[1], RawDoc)


def test_unreachable_host() -> None:
    [error] = list(read_sources(["http://127.0.0.1:9/none.html"]))
    assert isinstance(error, DocError) and "cannot connect" in error.message
