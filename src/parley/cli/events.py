"""`parley timeline` and `parley brief`: events over time."""

from __future__ import annotations

import json
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
from parley.store import DEFAULT_DB
from parley.timeline import TimelineEntry, date_label, party_label, timeline


class TimelineFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command("timeline")
def timeline_command(
    actors: Annotated[list[str] | None, typer.Argument(
        help="Actors that must take part: country codes (USA), names (Iran, Trump).",
        show_default=False)] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date.")] = None,
    types: Annotated[list[str] | None, typer.Option(
        "--type", "-t", help="PLOVER category (repeatable): CONSULT, ASSAULT, ...")] = None,
    fmt: Annotated[TimelineFormat, typer.Option("--format", "-f", help="text, markdown or json.")] = (
        TimelineFormat.text),
    db: DbOption = DEFAULT_DB,
) -> None:
    """A dated, ordered list of events: who did what to whom, where, and who reported it.

    Background (reported_past) and planned events are marked as such. With two actors, only
    events between them. A date marked ~ is inferred from the article's account of the event
    (another sentence or the story's date), one marked * is the article's publication date;
    unmarked dates are stated in the event's own clause.

    Example:  parley timeline USA IRN --since 2025-06
    """
    since = check_date(since, "--since")
    until = check_date(until, "--until")
    require_db(db)
    store = open_store(db)
    entries = timeline(store, actors or [], since, until, types or [])
    store.close()
    if fmt is TimelineFormat.json:
        for entry in entries:
            typer.echo(json.dumps(entry.as_dict(), ensure_ascii=False))
        return
    for entry in entries:
        typer.echo(_timeline_text(entry, markdown=fmt is TimelineFormat.markdown))
    if not entries:
        err.print("no events match", markup=False)


@app.command("events")
def events_command(
    actor: Annotated[list[str] | None, typer.Option(
        "--actor", "-a", help="Only events with this party (repeatable): USA, Iran, Trump.")] = None,
    types: Annotated[list[str] | None, typer.Option(
        "--type", "-t", help="PLOVER category (repeatable): CONSULT, ASSAULT, ...")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date (YYYY[-MM[-DD]]).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print CONTRACT JSONL records.")] = False,
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Only events at this calibrated confidence or above (see `parley export`).")] = 0.0,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Stored events, merged across reports, with the sentences that state them.

    Example:  parley events --actor PAK --type CONSULT --since 2025-08
    """
    since = check_date(since, "--since")
    require_db(db)
    store = open_store(db)
    entries = timeline(store, actor or [], since, None, types or [])
    records = {r["id"]: r for r in export_records(store, "events", min_confidence)}
    store.close()
    entries = [e for e in entries if e.event_id in records]
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
        "--output", "-o", help="Write the Markdown here (the chart goes beside it).")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """A Markdown briefing: timeline, key quotes, cooperation-conflict trend chart, sources.

    Example:  parley brief USA IRN -o usa-iran.md   (also writes usa-iran-trend.svg)
    """
    if not 1 <= len(actors) <= 2:
        err.print("error: brief takes one actor or two", markup=False)
        raise typer.Exit(2)
    require_db(db)
    store = open_store(db)
    stem = output.with_suffix("") if output else Path("parley-brief-" + "-".join(actors).lower())
    chart = stem.with_name(stem.name + "-trend.svg")
    text, svg = write_brief(store, actors, chart.name)
    store.close()
    chart.write_text(svg, encoding="utf-8")
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output} and {chart}", markup=False)
