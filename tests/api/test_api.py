"""`parley serve` over a real store, through a real server on loopback (issue 17 part 1)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import (
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    TOKEN,
    Server,
    start_server,
    stop_server,
)

PROBLEM = "application/problem+json"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=120) as http:
        yield http


@pytest.fixture(scope="module")
def closed_server(served_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """No PARLEY_TOKEN, two writes a minute, 4 KiB bodies."""
    log = tmp_path_factory.mktemp("logs") / "closed.log"
    running = start_server(served_db, log, "--write-rate", "2", "--max-body", "4096", token=None)
    yield running
    stop_server(running)


@pytest.fixture(scope="module")
def private_server(served_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("logs") / "private.log"
    running = start_server(served_db, log, "--private")
    yield running
    stop_server(running)


def assert_problem(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"] and body["type"]
    return dict(body)


# -- reads ----------------------------------------------------------------------------------------

def test_articles_page_with_cursors_and_etags(client: httpx.Client) -> None:
    first = client.get("/articles", params={"limit": 5})
    assert first.status_code == 200
    body = first.json()
    assert body["count"] == 5 and body["next_cursor"]
    second = client.get("/articles", params={"limit": 5, "cursor": body["next_cursor"]}).json()
    ids = [a["id"] for a in body["items"]] + [a["id"] for a in second["items"]]
    assert len(ids) == len(set(ids)) == 5 + second["count"]
    again = client.get("/articles", params={"limit": 5},
                       headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.headers["etag"] == first.headers["etag"]
    assert_problem(client.get("/articles", params={"cursor": "not a cursor"}), 400)


def test_article_has_text_and_annotations_as_offsets(client: httpx.Client) -> None:
    found = client.get("/search", params={"q": "Trump"}).json()["items"]
    assert found, "the samples mention Trump"
    article = client.get(f"/articles/{found[0]['id']}").json()
    text = article["text"]
    assert article["entities"] and article["timexes"]
    for entity in article["entities"]:
        for start, end in entity["mentions"]:
            assert 0 <= start < end <= len(text)
    for timex in article["timexes"]:
        assert text[timex["start"]:timex["end"]] == timex["text"]
    for quote in article["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
    for event in article["events"]:
        assert 0 <= event["sentence"]["start"] < event["sentence"]["end"] <= len(text)
    assert_problem(client.get("/articles/nosuchid"), 404)


def test_events_filter_and_page(client: httpx.Client) -> None:
    everything = client.get("/events", params={"limit": 500}).json()["items"]
    assert len(everything) >= 10
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"limit": 7}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/events", params=params).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [e["id"] for e in everything], "pages join up to the whole list, in order"
    consult = client.get("/events", params={"type": "consult", "limit": 500}).json()["items"]
    assert consult and all(e["type"] == "CONSULT" for e in consult)
    talks = client.get("/events", params={"type": "talks", "limit": 500}).json()["items"]
    assert [e["id"] for e in talks] == [e["id"] for e in consult], "a common word, as on the CLI"
    truce = client.get("/events", params={"type": "ceasefire", "limit": 500}).json()["items"]
    assert all((e["type"], e["mode"]) == ("RETREAT", "ceasefire") for e in truce)
    dyad = client.get("/events", params={"dyad": "IRN,PAK", "limit": 500}).json()["items"]
    assert dyad
    for event in dyad:
        codes = {(event["source"] or {}).get("code", "")[:3], (event["target"] or {}).get("code", "")[:3]}
        assert {"IRN", "PAK"} <= codes
    dated = client.get("/events", params={"since": "2025", "until": "2025-12",
                                          "limit": 500}).json()["items"]
    assert all(e["date"] and "2025" <= e["date"][:4] <= "2025" for e in dated)
    unknown = assert_problem(client.get("/events", params={"type": "NOSUCHTYPE"}), 422)
    assert "CONSULT" in str(unknown["detail"])
    assert_problem(client.get("/events", params={"modality": "maybe"}), 422)
    planned = client.get("/events", params={"modality": "planned", "limit": 500}).json()["items"]
    assert all(e["modality"] == "planned" for e in planned)
    assert_problem(client.get("/events", params={"since": "last week"}), 422)
    cut = sorted(e["confidence"] for e in everything)[len(everything) // 2]
    sure = client.get("/events", params={"min_confidence": cut, "limit": 500}).json()["items"]
    assert sure and all(e["confidence"] >= cut for e in sure)
    assert len(sure) == sum(e["confidence"] >= cut for e in everything)
    assert_problem(client.get("/events", params={"min_confidence": 2}), 422)


def test_event_shows_every_reports_evidence(client: httpx.Client, second_report: str) -> None:
    merged = client.get("/events", params={"min_reports": 2, "limit": 5}).json()["items"]
    assert merged, "the second outlet's report joins a seed article's event"
    event = client.get(f"/events/{merged[0]['id']}").json()
    assert event["mentions"] >= 2 and len(event["evidence"]) >= 2
    assert second_report in event["article_ids"] and "Second Wire" in event["outlets"]
    assert {e["article_id"] for e in event["evidence"]} == set(event["article_ids"])
    for report in event["evidence"]:
        assert report["text"] and "merge_basis" in report and "outlet" in report
    assert any(r["merge_basis"] for r in event["evidence"][1:])
    assert event["quad_class"] in (1, 2, 3, 4)
    assert_problem(client.get("/events/nosuchevent"), 404)


def test_entities_quotes_stories_timeline_network(client: httpx.Client) -> None:
    entities = client.get("/entities", params={"q": "trump"}).json()["items"]
    assert entities
    entity = client.get(f"/entities/{entities[0]['id']}").json()
    assert entity["articles"] and "co_actors" in entity and "roles" in entity
    page = client.get(f"/ui/entities/{entities[0]['id']}")
    assert page.status_code == 200 and entity["name"] in page.text
    quotes = client.get("/quotes", params={"limit": 3}).json()
    assert quotes["count"] == 3 and quotes["next_cursor"]
    stories = client.get("/stories").json()["items"]
    assert stories and client.get(f"/stories/{stories[0]['id']}").status_code == 200
    timeline = client.get("/timeline", params={"actor": ["IRN", "PAK"]}).json()
    assert timeline["events"] and timeline["trend"]
    months = [m["month"] for m in timeline["trend"]]
    assert months == sorted(months) and len(months) == len(set(months))
    network = client.get("/network").json()
    ids = {n["id"] for n in network["nodes"]}
    assert network["edges"] and all(e["source"] in ids and e["target"] in ids
                                    for e in network["edges"])
    stats = client.get("/stats").json()
    assert stats["stats"]["articles"] >= 10 and stats["stories"]


def test_search_words_are_never_syntax(client: httpx.Client) -> None:
    for words in ('"; DROP TABLE articles; --', "NEAR(a b) OR title:* AND", "' OR 1=1 --",
                  "\u0645\u0631\u062d\u0628\u0627", '"unclosed phrase'):
        response = client.get("/search", params={"q": words})
        assert response.status_code == 200, (words, response.text)
    assert client.get("/articles", params={"limit": 1}).json()["count"] == 1


def test_openapi_and_local_docs(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/articles", "/events", "/events/{event_id}", "/search", "/annotate"} <= set(schema["paths"])
    docs = client.get("/docs").text
    assert "swagger-ui-bundle.js" in docs and "http" not in docs.replace("http-equiv", "")
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


# -- writes and their guards ------------------------------------------------------------------------

def test_writes_need_the_right_token(client: httpx.Client) -> None:
    record = {"text": "Pakistan and Iran agreed on Tuesday to expand trade.", "published": "2025-08-05"}
    missing = assert_problem(client.post("/annotate", json=record), 401)
    assert "Bearer" in str(missing["detail"])
    wrong = client.post("/annotate", json=record, headers={"Authorization": "Bearer wrong"})
    assert_problem(wrong, 401)
    assert "invalid_token" in wrong.headers["www-authenticate"]
    assert_problem(client.post("/annotate", json=record, headers={"Authorization": "Basic x"}), 401)
    right = client.post("/annotate", params={"raw": "true"}, json={"id": "r1", **record}, headers=AUTH)
    assert right.status_code == 200, right.text
    annotated = right.json()
    assert annotated["id"] == "r1" and annotated["error"] is None
    assert any(e["type"] == "AGREE" for e in annotated["events"])


def test_annotate_ndjson_keeps_order_and_stores_nothing(client: httpx.Client) -> None:
    before = client.get("/stats").json()["stats"]["articles"]
    lines = "\n".join(json.dumps({"id": f"n{i}", "text": f"Iran and Pakistan held talks {i}."})
                      for i in range(3))
    response = client.post("/annotate", params={"raw": "true", "only": "events"}, content=lines,
                           headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert response.status_code == 200
    records = [json.loads(line) for line in response.text.splitlines()]
    assert [r["id"] for r in records] == ["n0", "n1", "n2"]
    assert client.get("/stats").json()["stats"]["articles"] == before
    assert_problem(client.post("/annotate", params={"only": "bogus"}, json={"text": "x"},
                               headers=AUTH), 422)


def test_post_article_stores_it_once(client: httpx.Client) -> None:
    text = ("Turkey and Greece signed a maritime agreement in Ankara on Thursday, the two "
            "foreign ministers said at a joint press conference.")
    params = {"raw": "true", "title": "A signed accord", "published": "2025-09-04",
              "outlet": "Test Wire"}
    created = client.post("/articles", params=params, content=text,
                          headers={**AUTH, "Content-Type": "text/plain"})
    assert created.status_code == 201, created.text
    article_id = created.json()["id"]
    assert created.headers["location"] == f"/articles/{article_id}"
    stored = client.get(f"/articles/{article_id}").json()
    assert stored["text"] == text and stored["title"] == "A signed accord"
    assert stored["outlet"] == "Test Wire" and stored["events"]
    again = client.post("/articles", params=params, content=text,
                        headers={**AUTH, "Content-Type": "text/plain"})
    assert again.status_code == 200 and again.json() == {**created.json(), "stored": False}
    assert_problem(client.post("/articles", json=[1, 2], headers=AUTH), 400)
    assert_problem(client.post("/articles", json={"title": "no body"}, headers=AUTH), 422)
    assert_problem(client.post("/articles", content=b"x", headers={
        **AUTH, "Content-Type": "application/pdf"}), 415)


def test_oversized_bodies_are_refused(client: httpx.Client) -> None:
    big = b"a" * (3 * 1024 * 1024)
    declared = client.post("/articles", content=big, headers={**AUTH, "Content-Type": "text/plain"})
    assert_problem(declared, 413)

    def chunks() -> Iterator[bytes]:
        for _ in range(48):
            yield b"b" * 65536

    streamed = client.post("/articles", content=chunks(),
                           headers={**AUTH, "Content-Type": "text/plain"})
    assert_problem(streamed, 413)


def test_hostile_text_comes_back_inert(client: httpx.Client, hostile_article: str) -> None:
    article = client.get(f"/articles/{hostile_article}")
    assert article.headers["content-type"] == "application/json"
    assert article.headers["x-content-type-options"] == "nosniff"
    body = article.json()
    assert body["title"] == HOSTILE_TITLE and body["text"] == HOSTILE_TEXT
    assert "\u202e" in body["text"] and "\u0645" in body["text"]
    hits = client.get("/search", params={"q": "DROP TABLE articles"}).json()["items"]
    assert hostile_article in [h["id"] for h in hits]
    page = client.get(f"/ui/articles/{hostile_article}")
    assert page.status_code == 200
    assert "<script>document.title" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;document.title" in page.text
    assert "javascript:" not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/articles", params={"limit": 1}).json()["count"] == 1


def test_no_token_means_writes_closed(closed_server: Server) -> None:
    with httpx.Client(base_url=closed_server.url, timeout=30) as http:
        refused = assert_problem(http.post("/annotate", json={"text": "x"}, headers=AUTH), 403)
        assert "PARLEY_TOKEN" in str(refused["detail"])
        assert http.get("/events", params={"limit": 1}).status_code == 200
        assert_problem(http.post("/articles", content=b"x" * 5000,
                                 headers={"Content-Type": "text/plain"}), 413)
        assert http.post("/annotate", json={"text": "x"}).status_code == 403
        limited = http.post("/annotate", json={"text": "x"})  # the third write in a minute
        assert_problem(limited, 429)
        assert int(limited.headers["retry-after"]) >= 1


def test_private_server_closes_reads(private_server: Server) -> None:
    with httpx.Client(base_url=private_server.url, timeout=30) as http:
        assert_problem(http.get("/events"), 401)
        assert_problem(http.get("/events", headers={"Authorization": "Bearer nope"}), 401)
        assert http.get("/events", headers=AUTH).status_code == 200
        # the web UI sends a reader to sign in; the session cookie opens reads, never writes
        to_login = http.get("/ui/timeline")
        assert to_login.status_code == 303
        assert to_login.headers["location"] == "/ui/login?next=%2Fui%2Ftimeline"
        wrong = http.post("/ui/login", data={"token": "nope", "next": "/ui/timeline"})
        assert wrong.status_code == 401 and "not valid" in wrong.text
        signed = http.post("/ui/login", data={"token": TOKEN, "next": "https://evil.example/"})
        assert signed.status_code == 303 and signed.headers["location"] == "/ui/"
        cookie = signed.headers["set-cookie"]
        assert TOKEN not in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
        assert http.get("/ui/timeline").status_code == 200
        assert http.get("/events").status_code == 200
        assert_problem(http.post("/annotate", json={"text": "x"}), 401)
        assert http.get("/ui/logout").status_code == 303
        assert_problem(http.get("/events"), 401)


# -- the schema, fuzzed ---------------------------------------------------------------------------

@pytest.mark.slow
def test_schemathesis_finds_no_server_error_and_answers_match_the_schema(
        server: Server, hostile_article: str) -> None:
    runner = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    if runner is None:
        pytest.fail("schemathesis is not installed (requirements.lock pins it)")
    started = time.monotonic()
    done = subprocess.run(
        [runner, "run", f"{server.url}/openapi.json", "--checks",
         "not_a_server_error,response_schema_conformance,content_type_conformance,"
         "status_code_conformance",
         "--phases", "examples,coverage,fuzzing", "--max-examples", "5", "--seed", "17",
         "--workers", "1", "--request-timeout", "60", "--no-color",
         "-H", f"Authorization: Bearer {TOKEN}"],
        capture_output=True, text=True, timeout=300, check=False)
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout.split("SUMMARY")[-1]
    assert elapsed < 120, f"schemathesis took {elapsed:.0f} s"


def test_ui_pages_answer_html_with_their_status(client: httpx.Client) -> None:
    story = client.get("/stories", params={"limit": 1}).json()["items"][0]["id"]
    for path, status in (("/ui/", 200), ("/ui/timeline?actor=IRN", 200), ("/ui/network", 200),
                         ("/ui/network?actor=USAGOV", 200), ("/ui/articles", 200),
                         ("/ui/search?q=Iran", 200), (f"/ui/stories/{story}", 200),
                         ("/ui/events/nosuchevent", 404), ("/ui/articles/nosuch", 404),
                         ("/ui/timeline?since=June", 422)):
        page = client.get(path)
        assert page.status_code == status, path
        assert page.headers["content-type"].startswith("text/html"), path
        assert "default-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/", follow_redirects=False).headers["location"] == "/ui/"


def test_network_is_the_graphml_export_of_the_same_store(client: httpx.Client, served_db: Path,
                                                         tmp_path: Path) -> None:
    """The API's network and `parley export network --format graphml` are one network: the
    same nodes and edges (networkx reads the GraphML)."""
    import networkx as nx

    network = client.get("/network").json()
    out = tmp_path / "actors.graphml"
    parley = Path(sys.executable).with_name("parley")
    subprocess.run([str(parley), "export", "network", "--format", "graphml", "--db", str(served_db),
                    "-o", str(out)], check=True, capture_output=True, timeout=300)
    graph = nx.read_graphml(out)
    assert graph.number_of_nodes() == len(network["nodes"]) > 5
    assert graph.number_of_edges() == len(network["edges"]) > 5
    assert set(graph.nodes) == {n["id"] for n in network["nodes"]}
