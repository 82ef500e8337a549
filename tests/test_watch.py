"""`parley watch` against a feed served on loopback by a local http.server (ETag/304,
Last-Modified, robots.txt) and a folder: what is new is processed once, what is seen is kept
in the store, and a watcher killed with -9 and restarted loses and repeats nothing.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from parley.store import Store
from parley.store.schema import articles, watch_items
from parley.watch import Watcher

PLACES = ["Ostrava", "Lagos", "Quito", "Hanoi", "Tbilisi", "Dakar", "Lima", "Riga", "Accra",
          "Manila", "Oslo", "Nairobi", "Baku", "Tunis", "Sofia", "Minsk"]
WHO = ["the finance minister", "a union leader", "the city council", "port workers",
       "the central bank", "farmers' groups", "the health ministry", "opposition lawmakers",
       "the national airline", "a regional governor", "fishermen", "the election board"]
DID = ["announced new limits on", "protested against", "approved a plan for", "criticised",
       "delayed a vote on", "signed a deal on", "opened an inquiry into", "cut spending on",
       "called for talks about", "rejected proposals on"]
WHAT = ["grain exports", "bus fares", "water prices", "fuel subsidies", "school meals",
        "harbour fees", "mining licences", "rail repairs", "bank lending", "coffee tariffs",
        "rent controls", "fishing quotas"]


def _story(number: int) -> tuple[str, str]:
    """An invented article: a headline and paragraphs of sentences drawn at random (no two
    alike enough to be near duplicates)."""
    pick = random.Random(number)
    place = PLACES[number % len(PLACES)]
    sentences = [f"In {pick.choice(PLACES)}, {pick.choice(WHO)} {pick.choice(DID)} "
                 f"{pick.choice(WHAT)} on day {pick.randint(1, 28)} of the month, after "
                 f"{pick.randint(2, 900)} people joined meeting number {number}-{i}."
                 for i in range(9)]
    title = f"{place}: {pick.choice(WHO)} {pick.choice(DID)} {pick.choice(WHAT)} ({number})"
    body = "".join(f"<p>{' '.join(sentences[i:i + 3])}</p>" for i in range(0, 9, 3))
    return title, body


class _Site:
    """A news site on 127.0.0.1: /robots.txt, /feed.xml (ETag + Last-Modified, 304 when
    unchanged), /news/N.html, and /private/ pages robots.txt keeps crawlers out of."""

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self.version = 1
        self.robots: bytes | None = b"User-agent: *\nDisallow: /private/\n"
        self.requests: list[dict[str, Any]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append({"path": self.path, "agent": self.headers.get("User-Agent"),
                                      "if_none_match": self.headers.get("If-None-Match"),
                                      "if_modified_since": self.headers.get("If-Modified-Since")})
                status, headers, body = site.answer(self.path, self.headers.get("If-None-Match"))
                site.requests[-1]["status"] = status
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, path: str, if_none_match: str | None) -> tuple[int, dict[str, str], bytes]:
        if path == "/robots.txt" and self.robots is not None:
            return 200, {"Content-Type": "text/plain"}, self.robots
        if path == "/feed.xml":
            etag = f'"feed-v{self.version}"'
            headers = {"ETag": etag, "Last-Modified": formatdate(1_700_000_000 + self.version,
                                                                 usegmt=True)}
            if if_none_match == etag:
                return 304, headers, b""
            return 200, {**headers, "Content-Type": "application/rss+xml"}, self.feed().encode()
        if path.startswith(("/news/", "/private/")) and path.endswith(".html"):
            number = int(path.rsplit("/", 1)[1].removesuffix(".html"))
            title, body = _story(number)
            page = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                    f"{body}</article></body></html>")
            return 200, {"Content-Type": "text/html; charset=utf-8"}, page.encode()
        return 404, {"Content-Type": "text/plain"}, b"not found"

    def feed(self) -> str:
        items = [(f"{self.base}/news/{n}.html", n) for n in range(1, self.entries + 1)]
        items.append((f"{self.base}/private/999.html", 999))
        listed = "".join(
            f"<item><title>{_story(n)[0]}</title><link>{link}</link><guid>item-{n}</guid>"
            f"<pubDate>{formatdate(1_700_000_000 + n * 3600, usegmt=True)}</pubDate></item>"
            for link, n in items)
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title>'
                f"<link>{self.base}/</link>{listed}</channel></rss>")

    def pages_fetched(self) -> list[str]:
        return [r["path"] for r in self.requests if r["path"].endswith(".html")]


@pytest.fixture
def site() -> Iterator[_Site]:
    served = _Site(entries=5)
    served.thread.start()
    yield served
    served.server.shutdown()
    served.server.server_close()


def _folder(path: Path, files: int, start: int = 100) -> Path:
    path.mkdir(exist_ok=True)
    for number in range(start, start + files):
        _note(path / f"note_{number}.txt", number)
    return path


def _note(path: Path, number: int) -> None:
    title, body = _story(number)
    text = body.replace("<p>", "").replace("</p>", "\n\n")
    path.write_text(f"{title}\n\n{text}")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_watch_processes_what_is_new_once(site: _Site, tmp_path: Path, backend: str,
                                          request: pytest.FixtureRequest) -> None:
    inbox = _folder(tmp_path / "inbox", 2)
    target = (str(tmp_path / "w.db") if backend == "sqlite"
              else request.getfixturevalue("postgres_url"))
    store = Store.open(target)
    lines: list[str] = []
    watcher = Watcher(store, [f"{site.base}/feed.xml", str(inbox)], delay=0.0, log=lines.append)
    first = watcher.poll()
    assert (first.process.stored, first.blocked, first.process.errors) == (7, 1, [])
    assert len(lines) == 8 and sum(" stored " in line for line in lines) == 7, lines
    assert not any("/private/" in path for path in site.pages_fetched())  # robots.txt
    assert all((r["agent"] or "").startswith("parley/") for r in site.requests)
    assert site.requests[0]["path"] == "/robots.txt"

    site.requests.clear()
    lines.clear()
    again = watcher.poll()  # nothing new: the feed answers 304, no page is fetched
    assert again.not_modified == 1 and again.process.documents == 0 and not lines[1:]
    feed_request = next(r for r in site.requests if r["path"] == "/feed.xml")
    assert feed_request["if_none_match"] == '"feed-v1"' and feed_request["status"] == 304
    assert feed_request["if_modified_since"]
    assert site.pages_fetched() == []

    site.entries, site.version = 6, 2  # one new entry; one file changed, one new
    _folder(inbox, 1, start=200)
    _note(inbox / "note_100.txt", 300)  # new content, same name
    site.requests.clear()
    third = watcher.poll()
    assert third.process.stored == 3, third
    assert site.pages_fetched() == ["/news/6.html"]

    from parley.query import store_stats

    watched = {s["target"]: s for s in store_stats(store).watched}
    feed = watched[f"{site.base}/feed.xml"]
    assert feed["kind"] == "feed" and feed["etag"] == '"feed-v2"'
    assert feed["items"] == {"blocked": 1, "stored": 6}
    assert watched[str(inbox)]["items"] == {"stored": 3}
    store.close()


def test_robots_txt_as_rfc_9309_reads_it(site: _Site) -> None:
    from parley.ingest.robots import RobotsRules

    rules = RobotsRules(delay=0.0)
    assert rules.allowed(f"{site.base}/news/1.html")
    assert not rules.allowed(f"{site.base}/private/999.html")
    site.robots = b"User-agent: parley\nDisallow: /\nCrawl-delay: 3\n\nUser-agent: *\nAllow: /\n"
    rules = RobotsRules(delay=0.0)
    assert not rules.allowed(f"{site.base}/news/1.html") and rules.crawl_delay(site.base) == 3.0
    site.robots = None  # no robots.txt (404): everything is allowed
    assert RobotsRules(delay=0.0).allowed(f"{site.base}/private/999.html")
    site.server.shutdown()  # unreachable: nothing is, until it can be read
    site.server.server_close()
    assert not RobotsRules(delay=0.0).allowed(f"{site.base}/news/1.html")


def _watch(feed: str, inbox: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "parley.cli", "watch", feed, str(inbox),
                             "--db", str(db), "--once", "--delay", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=os.environ.copy())


def _stored(db: Path) -> tuple[list[str], int, dict[str, str]]:
    store = Store.open(db)
    with store.engine.connect() as conn:
        ids = sorted(conn.scalars(select(articles.c.id)))
        duplicates = int(conn.scalar(select(func.count()).select_from(articles)
                                     .where(articles.c.duplicate_of.isnot(None))) or 0)
        marked = {f"{row[0]} {row[1]}": row[2] for row in conn.execute(
            select(watch_items.c.target, watch_items.c.key, watch_items.c.status))}
    store.close()
    return ids, duplicates, marked


def test_watch_killed_and_restarted_loses_and_repeats_nothing(site: _Site, tmp_path: Path) -> None:
    site.entries = 20  # with the files, more than one batch: the kill lands mid-run
    inbox = _folder(tmp_path / "inbox", 4)
    feed = f"{site.base}/feed.xml"
    killed_db, straight_db = tmp_path / "killed.db", tmp_path / "straight.db"

    run = _watch(feed, inbox, killed_db)
    assert run.stdout is not None
    seen = []
    for line in run.stdout:
        seen.append(line)
        if " stored " in line:
            break
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL, "".join(seen)
    before, _, _ = _stored(killed_db)
    assert 0 < len(before) < 24, before  # killed with some, not all, stored

    restarted = _watch(feed, inbox, killed_db)
    output, _ = restarted.communicate(timeout=600)
    assert restarted.returncode == 0, output
    straight = _watch(feed, inbox, straight_db)
    straight_output, _ = straight.communicate(timeout=600)
    assert straight.returncode == 0, straight_output

    after, duplicates, marked = _stored(killed_db)
    expected, _, expected_marks = _stored(straight_db)
    assert len(expected) == 24 and after == expected, (len(after), len(expected))
    assert duplicates == 0
    assert marked.keys() == expected_marks.keys() and len(marked) == 25  # 20 + 1 entries, 4 files
    # what the killed run had stored is found again ("unchanged"), nothing failed
    assert set(marked.values()) <= {"stored", "unchanged", "blocked"}, marked
    restarted_ids = {line.split()[2] for line in output.splitlines() if " stored " in line}
    assert not restarted_ids & set(before), "an article stored before the kill was stored again"

    summary = json.loads(subprocess.run(
        [sys.executable, "-m", "parley.cli", "stats", "--json", "--db", str(killed_db)],
        capture_output=True, text=True, check=True).stdout)
    assert {s["kind"] for s in summary["watched"]} == {"feed", "folder"}
