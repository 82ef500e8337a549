"""The actor network: who acts on whom, built once for every interface (CLI export, API, UI).

    network = actor_network(store, actors=["IRN"], since="2025-01")
    network.nodes  -> [NetworkNode(id="IRN", name="Iran", code="IRN", events=4, ...), ...]
    network.edges  -> [NetworkEdge(source="USAGOV", target="IRN", type="ASSAULT",
                                   quad_class=4, events=2, reports=3, ...), ...]

Nodes are the parties of the selected events that have both a source and a target (one node
per actor code, or per name, compared as `registry.name_key` compares names, for a party without
a code); an edge is every event of one
type from one actor to another, with how many events and reports it sums up. Events an actor
does to itself and events without a target draw no edge.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from parley.actors.registry import name_key
from parley.event_codes import QUAD_NAMES, goldstein, quad_class
from parley.store import Store
from parley.timeline import EventFilter, TimelineEntry, select_events


@dataclass
class NetworkNode:
    id: str  # the actor's code, else its name key
    name: str  # its most frequent written form
    code: str | None
    country: str | None
    sector: str | None
    events: int = 0  # events the actor takes part in (as source or target)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "code": self.code, "country": self.country,
                "sector": self.sector, "events": self.events}


@dataclass
class NetworkEdge:
    source: str  # node ids
    target: str
    type: str  # PLOVER category
    quad_class: int | None  # 1 verbal cooperation .. 4 material conflict (GDELT numbering)
    events: int = 0
    reports: int = 0  # articles reporting them, summed over the events
    first_date: str | None = None
    last_date: str | None = None
    event_ids: list[str] = field(default_factory=list)
    goldstein: float | None = None  # mean Goldstein scale value of the events' CAMEO codes

    @property
    def key(self) -> str:
        return f"{self.source}|{self.target}|{self.type}"

    @property
    def quad(self) -> str | None:
        return QUAD_NAMES.get(self.quad_class or 0)

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "type": self.type,
                "quad_class": self.quad_class, "quad": self.quad, "events": self.events,
                "reports": self.reports, "first_date": self.first_date,
                "last_date": self.last_date, "goldstein": self.goldstein,
                "event_ids": list(self.event_ids)}


@dataclass(frozen=True)
class ActorNetwork:
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]

    def as_dict(self) -> dict[str, Any]:
        return {"nodes": [n.as_dict() for n in self.nodes], "edges": [e.as_dict() for e in self.edges]}


def actor_network(store: Store, actors: Iterable[str] = (), since: str | None = None,
                  until: str | None = None, types: Iterable[str] = (),
                  modality: Iterable[str] = (), min_reports: int = 1,
                  articles: Iterable[str] = (), undated: bool | None = None) -> ActorNetwork:
    """The network of the events these filters select (the fields of `timeline.EventFilter`):
    nodes sorted by events, then name; edges by events, then source|target|type."""
    selection = EventFilter(tuple(actors), since, until, tuple(types), tuple(modality),
                            min_reports, tuple(articles), undated)
    return network_of(select_events(store, selection))


def network_of(entries: list[TimelineEntry]) -> ActorNetwork:
    nodes: dict[str, NetworkNode] = {}
    spellings: dict[str, Counter[str]] = {}
    edges: dict[str, NetworkEdge] = {}
    scores: dict[str, list[float]] = {}
    for entry in entries:
        ends = [_node_id(entry.source), _node_id(entry.target)]
        if ends[0] is None or ends[1] is None or ends[0] == ends[1]:
            continue
        for party, node_id in zip((entry.source, entry.target), ends, strict=True):
            assert party is not None and node_id is not None
            node = nodes.get(node_id)
            if node is None:
                node = nodes[node_id] = NetworkNode(node_id, str(party["name"]), party.get("code"),
                                                    party.get("country"), party.get("sector"))
            node.events += 1
            spellings.setdefault(node_id, Counter())[str(party["name"])] += 1
        edge = NetworkEdge(ends[0], ends[1], entry.type, quad_class(entry.cameo, entry.type))
        edge = edges.setdefault(edge.key, edge)
        edge.events += 1
        edge.reports += entry.mentions
        edge.event_ids.append(entry.event_id)
        if entry.date:
            edge.first_date = min(edge.first_date or entry.date, entry.date)
            edge.last_date = max(edge.last_date or entry.date, entry.date)
        value = goldstein(entry.cameo)
        if value is not None:
            scores.setdefault(edge.key, []).append(value)
    for node_id, counts in spellings.items():
        nodes[node_id].name = counts.most_common(1)[0][0]
    for key, values in scores.items():
        edges[key].goldstein = round(sum(values) / len(values), 2)
    return ActorNetwork(sorted(nodes.values(), key=lambda n: (-n.events, n.name, n.id)),
                        sorted(edges.values(), key=lambda e: (-e.events, e.key)))


def _node_id(party: dict[str, Any] | None) -> str | None:
    """An actor's node: its code ("USAGOV": every member of the US government is one node, as
    in CAMEO-coded networks), else its name as `registry.name_key` compares names."""
    if not party or not party.get("name"):
        return None
    return str(party.get("code") or "") or name_key(str(party["name"])) or None
