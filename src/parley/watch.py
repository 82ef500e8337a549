"""`parley watch`: poll feeds and folders, and put what is new through the pipeline.

    watcher = Watcher(store, ["https://example.org/rss.xml", "inbox/"], log=print)
    watcher.run(interval=300)          # or watcher.poll() for one round

Feeds are fetched with a conditional GET (the ETag / Last-Modified of the last answer), at
most one request per host every `delay` seconds (or the robots.txt Crawl-delay, if longer),
only where robots.txt allows parley, with parley's User-Agent. Folders are scanned for files
that are new or whose content changed (by SHA-256).

What the watcher has seen is kept in the store (`watch_sources`, `watch_items`): an entry or
file is marked only once its articles are committed, and a feed's validators are saved only
once every new entry of the answer is marked. A watcher killed at any point (`kill -9`
included) therefore processes again, on restart, exactly what it had not finished; and an
article processed twice is found by its id and not stored twice.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from parley.errors import ParleyError
from parley.ingest import Item, read_feed_item, read_sources
from parley.ingest.feeds import parse_feed
from parley.ingest.files import iter_files
from parley.ingest.robots import RobotsRules
from parley.ingest.web import fetch, is_url
from parley.models import Article, DocError
from parley.pipeline import ProcessReport, process_items
from parley.store import Store

# Seconds between two requests to one host (robots.txt may ask for more).
DEFAULT_DELAY_S = 1.0
# Seconds between two polls of every source.
DEFAULT_INTERVAL_S = 300.0


@dataclass
class _Entry:
    """A feed entry or file in flight: marked seen once its documents are written."""

    target: str
    key: str
    fingerprint: str
    statuses: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    single: bool = False  # one document (a feed entry): marked as soon as it is written
    retry: bool = False  # the page could not be fetched: leave it unmarked, try next poll
    marked: bool = False

    def status(self) -> str:
        for wanted in ("stored", "duplicate", "unchanged", "skipped"):
            if wanted in self.statuses:
                return wanted
        return "failed" if self.statuses else "empty"


@dataclass
class PollReport:
    """What one round over every source did."""

    process: ProcessReport = field(default_factory=ProcessReport)
    not_modified: int = 0  # feeds that answered 304
    blocked: int = 0  # entries robots.txt keeps parley from
    source_errors: int = 0  # feeds or folders that could not be read at all


class Watcher:
    """Polls feeds (http(s) URLs) and folders or files, and processes what is new."""

    def __init__(self, store: Store, targets: list[str], *, delay: float = DEFAULT_DELAY_S,
                 log: Callable[[str], None] = print) -> None:
        self.store = store
        self.targets = targets
        self.delay = delay
        self.log = log
        self.robots = RobotsRules(delay)
        self._hashes: dict[str, tuple[int, int, str]] = {}  # path -> (size, mtime_ns, sha256)

    def run(self, interval: float = DEFAULT_INTERVAL_S, *, once: bool = False) -> PollReport:
        """Poll every source, then again every `interval` seconds (once: a single round, and
        what it did)."""
        while True:
            started = time.monotonic()
            report = self.poll()
            if once:
                return report
            time.sleep(max(0.0, interval - (time.monotonic() - started)))

    def poll(self) -> PollReport:
        """One round over every source: fetch, process what is new, record it as seen."""
        report = PollReport()
        entries: dict[str, list[_Entry]] = {}  # document source -> the entries it came from
        finish: list[Callable[[], None]] = []  # source records saved once the round is written
        items = self._items(report, entries, finish)
        counts = _Counts(report.process)

        def on_result(result: Article | DocError) -> None:
            status = counts.status_of(result)
            self._log_result(status, result)
            for entry in _entries_of(entries, result.source):
                entry.statuses.append(status)
                if isinstance(result, Article):
                    entry.article_ids.append(result.id)
                elif result.type == "IngestError" and result.stage is None and is_url(result.source):
                    entry.retry = True  # a page that could not be fetched: next poll
                if entry.single:
                    self._mark(entry)

        process_items(items, self.store, on_result=on_result, report=report.process)
        for entry in {id(e): e for listed in entries.values() for e in listed}.values():
            self._mark(entry)  # files: once all their documents are written
        for save in finish:
            save()
        return report

    def _mark(self, entry: _Entry) -> None:
        if entry.marked or entry.retry:
            return
        only = entry.article_ids[0] if len(entry.article_ids) == 1 else None
        self.store.mark_watched(entry.target, entry.key, entry.fingerprint, entry.status(), only)
        entry.marked = True

    # -- sources ------------------------------------------------------------------------------

    def _items(self, report: PollReport, entries: dict[str, list[_Entry]],
               finish: list[Callable[[], None]]) -> Iterator[Item]:
        for target in self.targets:
            if is_url(target):
                yield from self._feed(target, report, entries, finish)
            else:
                yield from self._folder(target, report, entries, finish)

    def _feed(self, target: str, report: PollReport, entries: dict[str, list[_Entry]],
              finish: list[Callable[[], None]]) -> Iterator[Item]:
        known = self.store.watch_source(target) or {}
        etag, modified = known.get("etag"), known.get("last_modified")
        if not self.robots.allowed(target):
            self._source_failed(target, "feed", "robots.txt does not allow parley", report,
                                etag, modified)
            return
        try:
            response = fetch(target, etag=etag, last_modified=modified,
                             delay=self._delay(target))
            if response.status == 304:
                report.not_modified += 1
                self.log(_line("unchanged", "-", target, "feed not modified (304)"))
                self.store.save_watch_source(target, "feed", "not modified",
                                             etag=etag, last_modified=modified)
                return
            listed = parse_feed(response.body, target)
        except ParleyError as exc:
            self._source_failed(target, "feed", exc.message, report, etag, modified)
            return
        seen = self.store.watched_items(target)
        new = [item for item in listed if seen.get(item.key) != (item.updated or "")]
        new = list({item.key: item for item in new}.values())  # an entry listed twice: once
        mine: list[_Entry] = []
        for item in new:
            entry = _Entry(target, item.key, item.updated or "", single=True)
            if not self.robots.allowed(item.link):
                report.blocked += 1
                self.log(_line("blocked", "-", item.link, "robots.txt does not allow parley"))
                self.store.mark_watched(target, item.key, entry.fingerprint, "blocked")
                continue
            mine.append(entry)
            entries.setdefault(item.link, []).append(entry)
            yield read_feed_item(item, delay=self._delay(item.link))

        def save() -> None:
            complete = not any(entry.retry for entry in mine)
            status = f"{len(listed)} entries, {len(new)} new" + (
                "" if complete else ", some pages unreachable: the next poll fetches all")
            # Validators only once every new entry is in: else the next poll gets a full answer.
            self.store.save_watch_source(
                target, "feed", status, etag=response.etag if complete else etag,
                last_modified=response.last_modified if complete else modified)

        finish.append(save)

    def _folder(self, target: str, report: PollReport, entries: dict[str, list[_Entry]],
                finish: list[Callable[[], None]]) -> Iterator[Item]:
        try:
            files = list(iter_files(target))
        except ParleyError as exc:
            self._source_failed(target, "folder", exc.message, report)
            return
        seen = self.store.watched_items(target)
        changed = 0
        for path in files:
            try:
                digest = self._digest(path)
            except OSError:
                continue  # gone since the listing, or unreadable: the next poll sees it
            if seen.get(str(path)) == digest:
                continue
            changed += 1
            entry = _Entry(target, str(path), digest)
            entries.setdefault(str(path), []).append(entry)
            yield from read_sources([str(path)])
        finish.append(lambda: self.store.save_watch_source(
            target, "folder", f"{len(files)} files, {changed} new or changed"))

    def _source_failed(self, target: str, kind: str, reason: str, report: PollReport,
                       etag: str | None = None, modified: str | None = None) -> None:
        report.source_errors += 1
        self.log(_line("failed", "-", target, reason))
        self.store.save_watch_source(target, kind, f"error: {reason}", etag=etag,
                                     last_modified=modified)

    def _delay(self, url: str) -> float:
        asked = self.robots.crawl_delay(url)
        return max(self.delay, asked or 0.0)

    def _digest(self, path: Path) -> str:
        stat = path.stat()
        cached = self._hashes.get(str(path))
        if cached and cached[:2] == (stat.st_size, stat.st_mtime_ns):
            return cached[2]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        self._hashes[str(path)] = (stat.st_size, stat.st_mtime_ns, digest)
        return digest

    def _log_result(self, status: str, result: Article | DocError) -> None:
        if isinstance(result, DocError):
            self.log(_line(status, "-", result.source, result.one_line()[len(result.source) + 2:]))
        else:
            self.log(_line(status, result.id, result.source, result.title or ""))


class _Counts:
    """Tells what became of each result from how the run's report moved."""

    def __init__(self, report: ProcessReport) -> None:
        self.report = report
        self.before = self._now()

    def _now(self) -> tuple[int, int, int, int]:
        r = self.report
        return r.stored, r.duplicates, r.skipped, r.unchanged

    def status_of(self, result: Article | DocError) -> str:
        before, after = self.before, self._now()
        self.before = after
        if isinstance(result, DocError):
            return "failed"
        if after[0] == before[0]:
            return "unchanged"
        if after[1] > before[1]:
            return "duplicate"
        return "skipped" if after[2] > before[2] else "stored"


def _entries_of(entries: dict[str, list[_Entry]], source: str) -> list[_Entry]:
    """The entries a document came from: its own source, or the file of a `file:line`."""
    found = entries.get(source)
    if found is None and ":" in source:
        found = entries.get(source.rsplit(":", 1)[0])
    return found or []


def _line(status: str, article_id: str, source: str, detail: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{stamp} {status:<9} {article_id:<16} {source} {detail}".rstrip().replace("\n", " ")
