"""`parley timeline`, `parley events` and `parley brief`: events over time."""

from __future__ import annotations

import json
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from parley.brief import write_brief
from parley.cli.common import (
    DbOption,
    app,
    check_date,
    err,
    open_store,
    require_db,
)
from parley.query import export_records
from parley.query_terms import TypeSpec, UnknownTermError, resolve_types
from parley.store import DEFAULT_DB, Store
from parley.timeline import (
    EventFilter,
    TimelineEntry,
    date_label,
    party_label,
    select_events,
    unknown_actors,
)


class TimelineFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


ActorsOption = Annotated[list[str] | None, typer.Option(
    "--actor", "-a", help="Only events with this party (repeatable): a country code (USA), a "
                          "CAMEO code (YEMREB), a country, group or person's name (Iran, "
                          "Houthis, Trump).")]
TypesOption = Annotated[list[str] | None, typer.Option(
    "--type", "-t", help="Event type (repeatable): a PLOVER category (CONSULT, ASSAULT), a "
                         "mode (ceasefire, visit, phone) or a common word (talks, airstrike).")]
SinceOption = Annotated[str | None, typer.Option("--since", help="From this date (YYYY[-MM[-DD]]).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Up to this date (inclusive).")]
ModalityOption = Annotated[list[str] | None, typer.Option(
    "--modality", "-m", help="Only this modality (repeatable): asserted, planned, hypothetical, "
                             "refused, denied, background.")]
MinReportsOption = Annotated[int, typer.Option(
    "--min-reports", min=1, help="Only events reported by at least this many articles.")]
ArticleOption = Annotated[list[str] | None, typer.Option(
    "--article", help="Only events reported by this article (an id or its first characters; "
                      "repeatable).")]


def select_or_exit(db: str, selection: EventFilter) -> list[TimelineEntry]:
    """The selected events; exits 2 naming an unknown type or modality, 1 naming an unknown
    actor (with the nearest names the store holds)."""
    require_db(db)
    store = open_store(db)
    try:
        try:
            specs = resolve_types(selection.types)
            entries = select_events(store, selection)
        except UnknownTermError as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(2) from exc
        _say_types(selection.types, specs)
        if not entries:
            check_actors(store, selection.actors)
    finally:
        store.close()
    return entries


def _say_types(words: tuple[str, ...], specs: tuple[TypeSpec, ...]) -> None:
    """Name what a type word that is not a category was read as ("ceasefire": RETREAT/ceasefire)."""
    for word in words:
        if word.upper() not in {s.type for s in specs} or "/" in word:
            read = ", ".join(str(s) for s in resolve_types([word]))
            err.print(f"--type {word}: {read}", markup=False)


def check_actors(store: Store, actors: Iterable[str]) -> None:
    """Exit 1 if an actor argument is a party to no stored event, naming the nearest ones."""
    unknown = unknown_actors(store, actors)
    for spec, near in unknown:
        hint = f"; nearest: {', '.join(near)}" if near else ""
        err.print(f"error: unknown actor {spec!r}: no stored event has it as a party{hint}",
                  markup=False)
    if unknown:
        store.close()
        raise typer.Exit(1)


@app.command("timeline")
def timeline_command(
    actors: Annotated[list[str] | None, typer.Argument(
        help="Actors that must take part: country codes (USA), CAMEO codes (YEMREB), names "
             "(Iran, Houthis, Trump).", show_default=False)] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    types: TypesOption = None,
    modality: ModalityOption = None,
    min_reports: MinReportsOption = 1,
    article: ArticleOption = None,
    undated: Annotated[bool, typer.Option(
        "--undated", help="Also list the events with no date (after the dated ones).")] = False,
    fmt: Annotated[TimelineFormat, typer.Option("--format", "-f", help="text, markdown or json.")] = (
        TimelineFormat.text),
    db: DbOption = DEFAULT_DB,
) -> None:
    """A dated, ordered list of events: who did what to whom, where, and who reported it.

    Background (reported_past) and planned events are marked as such. With two actors, only
    events between them. A date marked ~ is inferred from the article's account of the event
    (another sentence or the story's date), one marked * is the article's publication date;
    unmarked dates are stated in the event's own clause. Events with no date are left out and
    counted on stderr; --undated lists them at the end. An unknown actor or type is an error
    that names the nearest known ones (exit code 1 or 2).

    Example:  parley timeline USA IRN --since 2025-06 --type ceasefire
    """
    selection = EventFilter(tuple(actors or ()), check_date(since, "--since"),
                            check_date(until, "--until"), tuple(types or ()),
                            tuple(modality or ()), min_reports, tuple(article or ()), undated=True)
    found = select_or_exit(db, selection)
    entries = found if undated else [e for e in found if e.date]
    hidden = len(found) - len(entries)
    if fmt is TimelineFormat.json:
        for entry in entries:
            typer.echo(json.dumps(entry.as_dict(), ensure_ascii=False))
    else:
        for entry in entries:
            typer.echo(_timeline_text(entry, markdown=fmt is TimelineFormat.markdown))
    if hidden:
        err.print(f"{hidden} undated event{'s' if hidden != 1 else ''} not shown "
                  f"(--undated lists {'them' if hidden != 1 else 'it'})", markup=False)
    if not found:
        err.print("no events match", markup=False)


@app.command("events")
def events_command(
    actor: ActorsOption = None,
    types: TypesOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    modality: ModalityOption = None,
    min_reports: MinReportsOption = 1,
    article: ArticleOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print CONTRACT JSONL records.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Stored events, merged across reports, with the sentences that state them.

    Undated events are listed (last) unless --since or --until asks for dates. An unknown
    actor or type is an error that names the nearest known ones.

    Example:  parley events --actor PAK --type CONSULT --since 2025-08 --min-reports 2
    """
    selection = EventFilter(tuple(actor or ()), check_date(since, "--since"),
                            check_date(until, "--until"), tuple(types or ()),
                            tuple(modality or ()), min_reports, tuple(article or ()))
    entries = select_or_exit(db, selection)
    records: dict[str, dict[str, object]] = {}
    if as_json and entries:
        store = open_store(db)
        records = {r["id"]: r for r in export_records(store, "events")}
        store.close()
    for entry in entries:
        if as_json:
            typer.echo(json.dumps(records[entry.event_id], ensure_ascii=False))
        else:
            typer.echo(_timeline_text(entry, markdown=False))
            typer.echo(f"    “{entry.evidence}”")
    if not entries:
        err.print("no events match", markup=False)


def _timeline_text(entry: TimelineEntry, markdown: bool) -> str:
    flags = [] if entry.modality == "asserted" else [
        "background" if entry.modality == "reported_past" else entry.modality]
    if entry.negated:
        flags.append("negated")
    where = f" in {entry.location['name']}" if entry.location else ""
    what = entry.type + (f"/{entry.mode}" if entry.mode else "")
    flag_text = f" [{', '.join(flags)}]" if flags else ""
    outlets = ", ".join(entry.outlets) or "unknown outlet"
    line = (f"{date_label(entry):11} {party_label(entry.source)} -> "
            f"{party_label(entry.target)}  {what}{where}{flag_text}  ({outlets}; "
            f"{entry.mentions} report{'s' if entry.mentions != 1 else ''})")
    return f"- {line}" if markdown else line


@app.command()
def brief(
    actors: Annotated[list[str], typer.Argument(help="One actor or two (a dyad).",
                                                show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the Markdown here and the trend chart beside it "
                               "(NAME-trend.svg). Without it the Markdown goes to stdout and "
                               "no file is written.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """A Markdown briefing: timeline, key quotes, cooperation-conflict trend chart, sources.

    Quotes come from the articles that report the briefing's events, said by the actors' own
    people: direct ones in quotation marks, indirect ones as reported speech. Sources are
    listed as outlet, title, date and URL. The chart is drawn on a time axis: months without
    events are gaps.

    Example:  parley brief USA IRN -o usa-iran.md   (also writes usa-iran-trend.svg)
    """
    if not 1 <= len(actors) <= 2:
        err.print("error: brief takes one actor or two", markup=False)
        raise typer.Exit(2)
    require_db(db)
    store = open_store(db)
    check_actors(store, actors)
    chart = output.with_name(output.with_suffix("").name + "-trend.svg") if output else None
    text, svg = write_brief(store, actors, chart.name if chart else None)
    store.close()
    if output is None or chart is None:
        typer.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    chart.write_text(svg, encoding="utf-8")
    err.print(f"wrote {output} and {chart}", markup=False)
