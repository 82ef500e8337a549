"""`parley actor` and `parley quotes`: who is who, and who said what."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from parley.cli.common import (
    DbOption,
    app,
    check_date,
    err,
    open_store,
    require_db,
)
from parley.query import (
    ActorProfile,
    actor_profile,
    entity_record,
    find_actors,
    find_quotes,
)
from parley.query_terms import nearest
from parley.store import DEFAULT_DB


@app.command()
def actor(name: Annotated[str, typer.Argument(help="A name, alias or surname: \"Trump\".")],
          db: DbOption = DEFAULT_DB,
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Profile of an actor: roles over time, the articles that mention it, who appears with it.

    Example:  parley actor Trump
    """
    require_db(db)
    store = open_store(db)
    matches = find_actors(store, name)
    if not matches:
        store.close()
        err.print(f"no actor matching {name!r} in {db}", markup=False)
        raise typer.Exit(1)
    profile = actor_profile(store, matches[0])
    store.close()
    if as_json:
        typer.echo(json.dumps({
            **entity_record(profile.entity, [a["id"] for a in profile.articles]),
            "articles": profile.articles,
            "co_actors": [{"name": e.name, "type": e.type, "country": e.country, "articles": n}
                          for e, n in profile.co_actors]}, ensure_ascii=False))
        return
    _print_profile(profile, others=[m.name for m in matches[1:4]])


def _print_profile(profile: ActorProfile, others: list[str]) -> None:
    console = Console(highlight=False)
    entity = profile.entity
    console.print(f"{entity.name}  ({entity.type}, {entity.country or '?'}"
                  f"{'/' + entity.sector if entity.sector else ''})", markup=False)
    if entity.role:
        console.print(f"current role: {entity.role}", markup=False)
    if entity.aliases:
        console.print(f"also written: {', '.join(entity.aliases)}", markup=False)
    roles = Table(title="roles stated", show_edge=False)
    for column in ("since", "role", "country", "sector", "article"):
        roles.add_column(column)
    for fact in sorted(entity.roles, key=lambda r: r.since or ""):
        roles.add_row(fact.since or "?", fact.role or "", fact.country or "", fact.sector or "",
                      fact.article_id[:8])
    console.print(roles)
    articles = Table(title=f"{len(profile.articles)} articles", show_edge=False)
    for column in ("published", "outlet", "title", "mentions"):
        articles.add_column(column, overflow="fold")
    for row in profile.articles:
        articles.add_row(row["published"] or "?", row["outlet"] or "?", row["title"] or "",
                         str(row["mentions"]))
    console.print(articles, markup=False)
    if profile.co_actors:
        console.print("appears with: " + ", ".join(f"{e.name} ({n})" for e, n in profile.co_actors),
                      markup=False)
    if others:
        console.print("other matches: " + ", ".join(others), markup=False)


class QuoteKind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option(
        "--speaker", "-s", help="Who said it: a name, alias or surname (\"Trump\").")] = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="Only quotes from articles published on or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option(
        "--until", help="Only quotes from articles published up to this date (inclusive).")] = None,
    article: Annotated[list[str] | None, typer.Option(
        "--article", help="Only quotes from this article (an id or its first characters; "
                          "repeatable).")] = None,
    kind: Annotated[list[QuoteKind] | None, typer.Option(
        "--kind", "-k", help="direct, indirect or mixed (repeatable).")] = None,
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSONL.")] = False,
) -> None:
    """Who said what: stored quotes with their speakers, oldest first.

    A speaker no stored quote answers to is an error (exit code 1) naming the nearest
    speakers the store holds.

    Example:  parley quotes --speaker Trump --since 2026-01-01 --kind direct
    """
    since = check_date(since, "--since")
    until = check_date(until, "--until")
    require_db(db)
    store = open_store(db)
    rows = list(find_quotes(store, speaker, since, until=until, articles=article or (),
                            kinds=[k.value for k in kind or ()]))
    if not rows and speaker is not None and not list(find_quotes(store, speaker)):
        names = {str(r["speaker"]["name"]) for r in find_quotes(store) if r["speaker"]}
        store.close()
        near = nearest(speaker, names)
        hint = f"; nearest: {', '.join(near)}" if near else ""
        err.print(f"error: unknown speaker {speaker!r}: no stored quote is theirs{hint}",
                  markup=False)
        raise typer.Exit(1)
    store.close()
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    console = Console(highlight=False)
    for row in rows:
        who = row["speaker"]["name"] if row["speaker"] else "(unattributed)"
        console.print(f"{row['published'] or '????-??-??'}  {who} ({row['cue'] or row['kind']}), "
                      f"{row['outlet'] or 'unknown outlet'}, article {row['article_id'][:8]}:",
                      markup=False)
        text = f"“{row['text']}”" if row["kind"] == "direct" else f"[{row['kind']}] {row['text']}"
        console.print(f"    {text}", markup=False)
    if not rows:
        err.print("no quotes match", markup=False)
