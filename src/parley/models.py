"""Typed records that flow between parley's stages.

Every stage takes and returns these frozen dataclasses; none passes loose dicts around.
`as_dict()` gives the JSON-ready form used by the CLI, the store and CONTRACT.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SourceKind = Literal["text", "html"]
# What an article's publication date rests on: given with the input; a labelled marker line
# ("date 2025-03-02", "Posted on"), a byline's date, the lead's dateline, the URL, a bare date
# in the page header, a secondary label ("Updated ..."), an HTML page's metadata; "text" for
# a date found in the text on no more specific basis.
DateOrigin = Literal["input", "marker", "byline", "dateline", "url", "header", "secondary", "caption",
                     "html", "text"]


@dataclass(frozen=True)
class DocHints:
    """Metadata supplied with a document (JSONL fields, feed items); it wins over detection."""

    id: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "authors": list(self.authors)}


@dataclass(frozen=True)
class RawDoc:
    """One document as read from a source, decoded to text but not parsed.

    `source` names where it came from precisely enough for an error message:
    a path, a URL, `path:line` for a JSONL record, or `-` for stdin.
    """

    source: str
    kind: SourceKind
    body: str
    hints: DocHints = field(default_factory=DocHints)
    raw: bool = False  # body is already clean article text: skip boilerplate removal


@dataclass(frozen=True)
class Article:
    """A cleaned news article: metadata plus the clean body text all offsets index into."""

    id: str
    source: str
    text: str
    content_hash: str
    title: str | None = None
    published: str | None = None
    published_from: DateOrigin | None = None
    outlet: str | None = None
    credited_source: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None
    url: str | None = None
    duplicate_of: str | None = None
    input_id: str | None = None  # the `id` the input gave, echoed by `parley annotate`
    # Why the English-only stages did not run ("language fr"); None when they ran.
    skipped: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "authors": list(self.authors)}

    def contract_dict(self) -> dict[str, Any]:
        """The `article` object of CONTRACT section 1."""
        return {
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "authors": list(self.authors),
            "language": self.language,
            "skipped": self.skipped,
            "text": self.text,
        }


@dataclass(frozen=True)
class DocError:
    """A document (or source) that could not be processed, with a one-line reason."""

    source: str
    type: str
    message: str
    stage: str | None = None  # the pipeline stage that failed (None: reading the input)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def one_line(self) -> str:
        """`news/0412.txt: IndexError in timex: no such group` (the stage when known)."""
        where = f"{self.type} in {self.stage}" if self.stage else self.type
        return f"{self.source}: {where}: {self.message}".replace("\n", " ")


@dataclass(frozen=True)
class Actor:
    """Who acts, speaks or is acted on (CONTRACT: Actor). start/end: the mention, or None."""

    name: str
    country: str | None = None  # ISO 3166-1 alpha-3, or a CAMEO-style code such as IGO
    sector: str | None = None  # GOV, MIL, OPP, REB, CVL, BUS, MED, JUD, LEG, ...
    role: str | None = None
    start: int | None = None
    end: int | None = None

    @property
    def code(self) -> str | None:
        if not self.country and not self.sector:
            return None
        return f"{self.country or ''}{self.sector or ''}"

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "sector": self.sector,
                "code": self.code, "role": self.role, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Entity:
    """One real-world entity and all its mentions in one article (CONTRACT: Entity)."""

    name: str
    type: str  # PERSON, ORG, GPE, NORP, LOC, ...
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "country": self.country,
                "sector": self.sector, "role": self.role, "aliases": list(self.aliases),
                "mentions": [list(m) for m in self.mentions]}


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class Timex:
    """A temporal expression normalised against the document date (CONTRACT: Timex)."""

    text: str
    start: int
    end: int
    type: TimexType
    value: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True)
class Quote:
    """A statement attributed to a speaker (CONTRACT: Quote). text/start/end: the content."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: Actor | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                "speaker": self.speaker.as_dict() if self.speaker else None, "cue": self.cue,
                "cue_start": self.cue_start, "cue_end": self.cue_end}


@dataclass(frozen=True)
class Location:
    """Where an event happened: a named place with its country and coordinates."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


Modality = Literal["asserted", "planned", "hypothetical", "refused", "denied", "reported_past"]
# What an event's date rests on: a timex governing its clause ("text"), the article's own account
# elsewhere (the same event dated, the paragraph's or story's anchor: "discourse"), or the date
# the article was published ("publication").
DateBasis = Literal["text", "discourse", "publication"]
DATE_BASES: tuple[DateBasis, ...] = ("text", "discourse", "publication")  # strongest first


# Reports merge only when their dates agree, so a merged event's date is the most precise
# report's; the reports that give it may rest on different bases: the firmest one counts.
def strongest_basis(date: str | None, records: list[dict[str, Any]]) -> str | None:
    """What a merged event's date rests on: the strongest basis among the reports (their
    `Event.as_dict()` records) that give that date."""
    if date is None:
        return None
    bases = {r.get("date_basis") for r in records if r.get("date") == date}
    return next((b for b in DATE_BASES if b in bases), None)


@dataclass(frozen=True)
class Event:
    """Who did what to whom, when and where (CONTRACT: Event; PLOVER v0.8 categories)."""

    type: str  # AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE,
    #            REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT
    sentence_start: int
    sentence_end: int
    source: Actor | None = None
    target: Actor | None = None
    mode: str | None = None
    date: str | None = None  # YYYY-MM-DD | YYYY-MM | YYYY: when it happened (or will)
    date_text: str | None = None
    modality: Modality = "asserted"
    date_basis: DateBasis | None = None  # None when undated
    negated: bool = False
    location: Location | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    confidence: float = 0.5
    cameo: str | None = None
    intensity: float | None = None
    model_type: str | None = None  # the learned detector's category for the sentence (None: not run)
    model_score: float | None = None  # its probability

    def as_dict(self) -> dict[str, Any]:
        trigger = None
        if self.trigger_start is not None and self.trigger_end is not None:
            trigger = {"start": self.trigger_start, "end": self.trigger_end}
        return {
            "type": self.type, "mode": self.mode,
            "source": self.source.as_dict() if self.source else None,
            "target": self.target.as_dict() if self.target else None,
            "date": self.date, "date_text": self.date_text, "date_basis": self.date_basis,
            "modality": self.modality, "negated": self.negated,
            "location": self.location.as_dict() if self.location else None,
            "sentence": {"start": self.sentence_start, "end": self.sentence_end},
            "trigger": trigger, "confidence": round(self.confidence, 3), "cameo": self.cameo,
            "intensity": self.intensity, "model_type": self.model_type, "model_score": self.model_score,
        }
