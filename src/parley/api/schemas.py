"""The shapes of the API's answers, for the OpenAPI document (and for clients and schemathesis
to check answers against). Handlers build plain dicts through `parley.query`; these models
describe them and are not used to build them."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Open(BaseModel):
    """A record that may carry more fields than listed (CONTRACT: fields may be added)."""

    model_config = ConfigDict(extra="allow")


class Actor(Open):
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    role: str | None = None
    start: int | None = None
    end: int | None = None


class Location(Open):
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class Span(Open):
    start: int
    end: int


class Evidence(Open):
    article_id: str
    start: int
    end: int
    text: str = Field(description="The sentence that reports the event.")
    outlet: str | None
    title: str | None
    published: str | None
    url: str | None
    trigger: Span | None
    date: str | None = Field(description="The date this report gives.")
    date_text: str | None
    modality: str | None
    merge_basis: list[str] | None = Field(description="Why this report joined the event "
                                                      "(null: the report that created it).")


class Event(Open):
    id: str
    type: str = Field(description="PLOVER category.")
    mode: str | None
    quad_class: int | None = Field(description="1 verbal cooperation, 2 material cooperation, "
                                               "3 verbal conflict, 4 material conflict.")
    source: Actor | None
    target: Actor | None
    date: str | None
    date_text: str | None
    date_basis: str | None
    modality: str
    negated: bool
    location: Location | None
    confidence: float
    cameo: str | None
    intensity: float | None
    story_id: str | None
    mentions: int = Field(description="How many articles report it.")
    article_ids: list[str]
    outlets: list[str]
    evidence: list[Evidence]


class Page(BaseModel, Generic[T]):
    items: list[T]
    count: int
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null: "
                                                "this is the last page.")


class ArticleSummary(Open):
    id: str
    source: str
    url: str | None
    title: str | None
    published: str | None
    outlet: str | None
    language: str | None
    duplicate_of: str | None
    skipped: str | None
    chars: int
    story_id: str | None


class ArticleEntity(Open):
    entity_id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    mentions: list[list[int]]


class Timex(Open):
    start: int
    end: int
    text: str
    type: str
    value: str


class ArticleQuote(Open):
    id: str
    start: int
    end: int
    text: str
    kind: str
    speaker: Actor | None
    speaker_entity_id: str | None
    cue: str | None


class ArticleEvent(Open):
    event_id: str
    type: str
    mode: str | None
    quad_class: int | None
    date: str | None
    modality: str
    source: Actor | None
    target: Actor | None
    sentence: Span
    trigger: Span | None


class ArticleView(Open):
    id: str
    source: str
    text: str = Field(description="The clean text every offset indexes into.")
    title: str | None
    published: str | None
    outlet: str | None
    authors: list[str]
    language: str | None
    url: str | None
    duplicate_of: str | None
    story_id: str | None
    entities: list[ArticleEntity]
    timexes: list[Timex]
    quotes: list[ArticleQuote]
    events: list[ArticleEvent]


class Entity(Open):
    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    role: str | None
    aliases: list[str]
    article_ids: list[str]
    roles: list[dict[str, Any]]


class EntityDetail(Entity):
    articles: list[dict[str, Any]]
    co_actors: list[dict[str, Any]]


class Quote(Open):
    id: str
    article_id: str
    text: str
    start: int
    end: int
    kind: str
    speaker: Actor | None
    speaker_entity_id: str | None
    published: str | None
    outlet: str | None


class Story(Open):
    id: str
    title: str | None
    article_ids: list[str]
    event_ids: list[str]
    first_date: str | None
    last_date: str | None


class TimelineEvent(Open):
    event_id: str
    date: str | None
    type: str
    quad_class: int | None
    source: Actor | None
    target: Actor | None
    outlets: list[str]
    evidence: str


class Month(BaseModel):
    month: str
    mean: float | None = Field(description="Mean PLOVER intensity; null: no event that month.")
    events: int


class Timeline(Open):
    actors: list[str]
    events: list[TimelineEvent]
    undated: list[TimelineEvent]
    trend: list[Month]


class Node(Open):
    id: str
    label: str
    country: str | None
    events: int


class Edge(Open):
    id: str
    source: str
    target: str
    quad_class: int | None
    events: int
    event_ids: list[str]


class Network(Open):
    nodes: list[Node]
    edges: list[Edge]


class Segment(BaseModel):
    text: str
    hit: bool


class SearchHit(Open):
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    snippet: list[Segment]


class Health(BaseModel):
    status: str
    schema_version: int


class Stats(Open):
    stats: dict[str, Any]
    stories: list[dict[str, Any]]
    dyads: list[dict[str, Any]]
    dyads_since: str | None
    errors: list[dict[str, Any]]


class Stored(BaseModel):
    id: str
    stored: bool = Field(description="False: the article was already in the store.")
    duplicate_of: str | None
    skipped: str | None
    title: str | None
    published: str | None
    href: str


class Problem(Open):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None


def ok(model: Any, description: str = "OK") -> dict[int | str, dict[str, Any]]:
    """The `responses` of a read: its answer, 304, and its problems."""
    return {200: {"model": model, "description": description},
            304: {"description": "Not modified (the If-None-Match ETag is current)"},
            400: {"model": Problem, "description": "A cursor this server did not give out"},
            404: {"model": Problem, "description": "No such record"},
            422: {"model": Problem, "description": "An invalid parameter"},
            429: {"model": Problem, "description": "Too many requests"}}
