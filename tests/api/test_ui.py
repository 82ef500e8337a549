"""The web UI in a real headless Chromium (Debian's `chromium`, no browser download) driven by
Playwright: dashboard, dyad timeline, event evidence from each outlet, network filtered by a
click, the article reader, search; phone width; and no request leaving loopback."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Route, sync_playwright

from tests.api.conftest import HOSTILE_TEXT, Server, artifacts_dir

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("Debian's chromium is not installed, but CI=true: `make test` installs it")
    pytest.skip("no chromium on PATH (`make test` installs Debian's chromium)")


class Browsing:
    """A page whose every request is checked: loopback ones go on, others are refused and
    recorded; console errors and page errors are recorded too."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.outside: list[str] = []
        self.errors: list[str] = []


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=chromium_path(), headless=True,
                                          args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


@pytest.fixture
def browsing(browser: Browser, server: Server) -> Iterator[Browsing]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    state = Browsing(page)

    def guard(route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname in LOOPBACK:
            route.continue_()
        else:
            state.outside.append(url)
            route.abort()

    context.route("**/*", guard)
    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            state.errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda e: state.errors.append(str(e)))
    def on_dialog(dialog: Dialog) -> None:  # an alert() would mean a script of the data ran
        state.errors.append("dialog: " + dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield state
    context.close()
    assert state.outside == [], f"requests left loopback: {state.outside}"
    assert state.errors == [], f"browser errors: {state.errors}"


def shot(state: Browsing, name: str) -> None:
    state.page.screenshot(path=str(artifacts_dir() / f"ui-{name}.png"), full_page=True)


def test_dashboard_timeline_evidence_network(browsing: Browsing, server: Server,
                                             second_report: str) -> None:
    page = browsing.page
    page.goto(server.url + "/")
    assert page.title().startswith("Dashboard")
    assert page.locator(".card .big").count() >= 4
    assert page.locator(".stories li").count() >= 1
    shot(browsing, "dashboard")

    # a dyad timeline: the chart on a real time axis, and the events in date order
    page.goto(server.url + "/ui/timeline?actor=USA&actor=PAK")
    page.wait_for_selector("#trend .main-svg")
    assert page.locator("#trend .xaxislayer-above .xtick").count() >= 2
    rows = page.locator("#events tbody tr")
    assert rows.count() >= 2
    shot(browsing, "timeline")

    # the event two outlets reported: its evidence from each one
    row = page.locator("#events tbody tr", has_text="Second Wire").first
    row.locator("a.event-link").click()
    page.wait_for_selector("#evidence .evidence-item")
    outlets = page.locator("#evidence .outlet").all_inner_texts()
    assert "Second Wire" in outlets and "TRT" in outlets
    assert all(t.strip() for t in page.locator("#evidence blockquote").all_inner_texts())
    shot(browsing, "event-evidence")

    # the network, filtered by clicking a node
    page.goto(server.url + "/ui/network")
    page.wait_for_function("window.parleyNetwork && window.parleyNetwork.nodes().length > 1")
    before = page.evaluate("window.parleyNetwork.nodes().length")
    position = page.evaluate(
        """() => { const cy = window.parleyNetwork; const node = cy.getElementById('PAK');
                   const at = node.renderedPosition(); const box = cy.container().getBoundingClientRect();
                   return {x: box.left + at.x, y: box.top + at.y}; }""")
    shot(browsing, "network")
    with page.expect_navigation():
        page.mouse.click(position["x"], position["y"])
    assert page.url.endswith("/ui/network?actor=PAK")
    page.wait_for_function("window.parleyNetwork && window.parleyNetwork.nodes().length > 0")
    after = page.evaluate("window.parleyNetwork.nodes().map(n => n.id())")
    assert "PAK" in after and len(after) < before
    shot(browsing, "network-filtered")


def test_article_reader_escapes_hostile_text(browsing: Browsing, server: Server,
                                             hostile_article: str) -> None:
    page = browsing.page
    page.goto(f"{server.url}/ui/articles/{hostile_article}")
    assert page.title() != "pwned"
    assert page.locator("#article-text img").count() == 0
    assert page.locator("#article-text script").count() == 0
    assert page.inner_text("#article-text") == HOSTILE_TEXT
    assert page.locator("#article-text .ent").count() >= 1
    assert page.locator("#article-text .ev").count() >= 1
    assert page.locator("a[href^='javascript']").count() == 0
    shot(browsing, "article-hostile")


def test_search_and_phone_width_and_keyboard(browsing: Browsing, server: Server) -> None:
    page = browsing.page
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(server.url + "/ui/search?q=Trump")
    assert page.locator(".hits mark").count() >= 1
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways at phone width ({width} px)"
    shot(browsing, "search-phone")
    page.goto(server.url + "/ui/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "A"
    shot(browsing, "dashboard-phone")
