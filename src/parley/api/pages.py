"""The web UI: server-rendered pages (Jinja2, autoescaped) over the same `parley.query`
functions as the JSON API. Charts and the network are drawn by vendored scripts from data
embedded as JSON (never interpolated into markup or script)."""

from __future__ import annotations

import hmac
import itertools
import re
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from parley import query
from parley.api.guard import SESSION_COOKIE, session_value
from parley.api.routes import DATE, ID, StoreDep
from parley.store import EventQuery
from parley.timeline import BASIS_MARKS, party_label

TEMPLATES = Environment(loader=FileSystemLoader(FilePath(__file__).parent / "templates"),
                        autoescape=select_autoescape(default=True, default_for_string=True))
TEMPLATES.filters["party"] = party_label


def web_url(value: str | None) -> str | None:
    """A link target only when it is an http(s) URL (never javascript:, data:, ...)."""
    if not value:
        return None
    parts = urlsplit(value.strip())
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc else None


TEMPLATES.filters["web_url"] = web_url
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}
TEMPLATES.globals["quad_names"] = QUAD_NAMES
router = APIRouter(prefix="/ui")
sign_in = APIRouter(prefix="/ui")

Actor = Annotated[list[str] | None, Query(max_length=10)]
Since = Annotated[str | None, Query(pattern=DATE)]
Types = Annotated[list[str] | None, Query(max_length=16)]


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(TEMPLATES.get_template(name).render(**context), status_code=status)


def _clean(values: list[str] | None) -> list[str]:
    return [v.strip() for v in values or [] if v and v.strip()][:10]


def _date(value: str | None) -> str | None:
    """An optional date field of a form: empty means not given."""
    return value.strip() or None if value else None


@router.get("/")
def dashboard(store: StoreDep) -> HTMLResponse:
    return render("dashboard.html", page="dashboard", data=query.dashboard(store))


@router.get("/timeline")
def timeline(store: StoreDep, actor: Actor = None,
             since: Annotated[str | None, Query(max_length=10)] = None,
             until: Annotated[str | None, Query(max_length=10)] = None,
             type: Types = None) -> HTMLResponse:
    actors = [a for part in _clean(actor) for a in part.split(",") if a.strip()][:4]
    types = [t.upper() for t in _clean(type)]
    since, until = _date(since), _date(until)
    bad = [v for v in (since, until) if v and not _valid_date(v)]
    if bad:
        return render("error.html", status=422, page="timeline", title="Not a date",
                      message=f"A date must look like 2025, 2025-08 or 2025-08-04, not {bad[0]!r}.")
    view = query.timeline_view(store, actors, since, until, types)
    chart = {"trend": view["trend"],
             "events": [{"id": e["event_id"], "date": e["date"], "type": e["type"],
                         "intensity": e["intensity"], "quad": e["quad_class"],
                         "source": party_label(e["source"]), "target": party_label(e["target"])}
                        for e in view["events"]]}
    return render("timeline.html", page="timeline", view=view, actors=actors, since=since,
                  until=until, types=types, chart=chart, date_label=_label,
                  plover=sorted(query.quad_classes()))


def _valid_date(value: str) -> bool:
    return re.fullmatch(DATE, value) is not None


def _label(entry: dict[str, Any]) -> str:
    """ "2025-08-04", "2025-08-02~" (inferred), "2025-08-04*" (publication date): as the CLI."""
    if not entry.get("date"):
        return "undated"
    return str(entry["date"]) + BASIS_MARKS.get(entry.get("date_basis") or "", "")


@router.get("/events/{event_id}")
def event(store: StoreDep, event_id: Annotated[str, Path(pattern=ID)],
          panel: bool = False) -> HTMLResponse:
    found = query.get_event(store, event_id)
    if found is None:
        return render("missing.html", status=404, what=f"event {event_id}", page="")
    return render("event_panel.html" if panel else "event.html", page="timeline", event=found,
                  outlets=evidence_by_outlet(found["evidence"]))


def evidence_by_outlet(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each outlet's evidence, in order of first report: its distinct sentences (a sentence
    that reports the event twice, as two records, is shown once with its count)."""
    outlets: dict[str, dict[str, Any]] = {}
    for report in evidence:
        outlet = outlets.setdefault(report["outlet"] or "", {
            "outlet": report["outlet"], "sentences": {}})
        key = (report["article_id"], report["start"], report["end"])
        if key in outlet["sentences"]:
            outlet["sentences"][key]["count"] += 1
        else:
            outlet["sentences"][key] = {**report, "segments": _sentence_segments(report),
                                        "count": 1}
    return [{"outlet": o["outlet"], "sentences": list(o["sentences"].values())}
            for o in outlets.values()]


def _sentence_segments(evidence: dict[str, Any]) -> list[tuple[str, bool]]:
    """The evidence sentence split around its trigger word: [(text, is_trigger)]."""
    sentence, start = evidence["text"], evidence["start"]
    trigger = evidence.get("trigger") or {}
    a, b = (trigger.get("start"), trigger.get("end"))
    if not isinstance(a, int) or not isinstance(b, int) or not start <= a < b <= start + len(sentence):
        return [(sentence, False)]
    a, b = a - start, b - start
    return [(part, hit) for part, hit in ((sentence[:a], False), (sentence[a:b], True),
                                          (sentence[b:], False)) if part]


@router.get("/network")
def network(store: StoreDep, actor: Actor = None, since: Since = None, until: Since = None,
            type: Types = None) -> HTMLResponse:
    actors = _clean(actor)[:4]
    types = [t.upper() for t in _clean(type)]
    graph = query.network_view(store, actors, since, until, types)
    return render("network.html", page="network", graph=graph, actors=actors, types=types,
                  since=since, until=until)


@router.get("/stories/{story_id}")
def story(store: StoreDep, story_id: Annotated[str, Path(pattern=ID)]) -> HTMLResponse:
    found = next((s for s in query.story_records(store) if s["id"] == story_id), None)
    if found is None:
        return render("missing.html", status=404, what=f"story {story_id}", page="")
    events, _ = query.find_events(store, EventQuery(story_id=story_id), limit=500,
                                  newest_first=False)
    items, _ = query.article_list(store, limit=500, story_id=story_id)
    return render("story.html", page="dashboard", story=found, events=events, articles=items)


@router.get("/entities/{entity_id}")
def entity(store: StoreDep, entity_id: Annotated[str, Path(pattern=ID)]) -> HTMLResponse:
    found = store.get_entities([entity_id]).get(entity_id)
    if found is None:
        return render("missing.html", status=404, what=f"entity {entity_id}", page="")
    profile = query.actor_profile(store, found, co_actor_limit=20)
    record = query.entity_record(found, [a["id"] for a in profile.articles])
    return render("entity.html", page="", entity=record, profile=profile,
                  timeline_actor=found.name if found.type == "PERSON" else (
                      found.country or found.name))


@router.get("/articles")
def articles(store: StoreDep, before: Annotated[int | None, Query(ge=0)] = None) -> HTMLResponse:
    items, next_key = query.article_list(store, before=before, limit=50)
    return render("articles.html", page="articles", items=items, next_key=next_key)


@router.get("/articles/{article_id}")
def article(store: StoreDep, article_id: Annotated[str, Path(pattern=ID)]) -> HTMLResponse:
    view = query.article_view(store, article_id)
    if view is None:
        return render("missing.html", status=404, what=f"article {article_id}", page="")
    events, _ = query.find_events(store, EventQuery(article_id=article_id), limit=200,
                                  newest_first=False)
    return render("article.html", page="articles", article=view,
                  segments=highlight(view), events=events)


@router.get("/search")
def search(store: StoreDep, q: Annotated[str, Query(max_length=200)] = "",
           offset: Annotated[int, Query(ge=0, le=10_000)] = 0) -> HTMLResponse:
    hits = query.search(store, q, offset=offset, limit=21) if q.strip() else []
    events: list[dict[str, Any]] = []
    if q.strip():
        events, _ = query.find_events(store, EventQuery(text=q.strip()), limit=20)
    return render("search.html", page="search", q=q, hits=hits[:20], more=len(hits) > 20,
                  offset=offset, events=events)


# -- the article reader's highlighting -----------------------------------------------------------

@dataclass(frozen=True)
class Segment:
    """A run of the article text with the same marks: entity, timex, quote, event sentence,
    trigger (each mark's label for its title attribute)."""

    text: str
    classes: tuple[str, ...]
    notes: tuple[str, ...]


def _marks(view: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    marks: list[tuple[int, int, str, str]] = []
    for entity in view["entities"]:
        label = f"{entity['type'].lower()}: {entity['name']}"
        for start, end in entity["mentions"]:
            marks.append((start, end, f"ent ent-{entity['type'].lower()}", label))
    for timex in view["timexes"]:
        marks.append((timex["start"], timex["end"], "timex", f"time: {timex['value']}"))
    for quote in view["quotes"]:
        speaker = (quote.get("speaker") or {}).get("name") or "unknown speaker"
        marks.append((quote["start"], quote["end"], "quote", f"{quote['kind']} quote: {speaker}"))
    for ev in view["events"]:
        what = f"event {ev['type']}: {party_label(ev['source'])} -> {party_label(ev['target'])}"
        marks.append((ev["sentence"]["start"], ev["sentence"]["end"],
                      f"ev quad-{ev['quad_class'] or 0}", what))
        trigger = ev.get("trigger")
        if trigger and isinstance(trigger.get("start"), int):
            marks.append((trigger["start"], trigger["end"], "trigger", f"trigger of {ev['type']}"))
    return marks


def highlight(view: dict[str, Any]) -> list[Segment]:
    """The article text cut at every mark boundary; each piece carries the marks over it."""
    text = view["text"]
    marks = [(max(0, s), min(len(text), e), c, n) for s, e, c, n in _marks(view) if s < e]
    cuts = sorted({0, len(text), *(s for s, _, _, _ in marks), *(e for _, e, _, _ in marks)})
    segments = []
    for start, end in itertools.pairwise(cuts):
        over = [(c, n) for s, e, c, n in marks if s <= start and end <= e]
        segments.append(Segment(text[start:end], tuple(dict.fromkeys(c for c, _ in over)),
                                tuple(dict.fromkeys(n for _, n in over))))
    return segments


# -- signing in to a private server's UI -----------------------------------------------------------

def _next_page(value: str | None) -> str:
    """Where to go after signing in: a page of this UI only (never another site)."""
    return value if value and value.startswith("/ui/") and "//" not in value else "/ui/"


@sign_in.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    if request.app.state.token is None:
        return RedirectResponse("/ui/", status_code=303)
    return render("login.html", page="", next=_next_page(next), failed=False)


@sign_in.post("/login")
async def login(request: Request) -> Response:
    token: str | None = request.app.state.token
    if token is None:
        return RedirectResponse("/ui/", status_code=303)
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    given, target = form.get("token", [""])[0], _next_page(form.get("next", [None])[0])
    if not hmac.compare_digest(given.encode(), token.encode()):
        return render("login.html", status=401, page="", next=target, failed=True)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(SESSION_COOKIE, session_value(token), httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", path="/")
    return response


@sign_in.get("/logout")
def logout() -> Response:
    response = RedirectResponse("/ui/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
