"""The CLI and the brief as an analyst reads them (issue 17 part 4), on one store of the seeds,
the bundled samples and two invented articles naming one armed group two ways."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.brief import is_title
from parley.cli import app

runner = CliRunner()


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_timeline_counts_hidden_undated_events_and_shows_them_on_request(analyst_db: Path) -> None:
    code, dated, said = run(analyst_db, "timeline", "USA")
    assert code == 0 and "undated" not in dated
    counted = re.search(r"(\d+) undated events? not shown \(--undated lists", said)
    assert counted, said
    hidden = int(counted.group(1))
    assert hidden > 0
    code, everything, _ = run(analyst_db, "timeline", "USA", "--undated")
    undated = [line for line in lines(everything) if line.startswith("undated")]
    assert code == 0 and len(undated) == hidden
    assert lines(everything)[: len(lines(dated))] == lines(dated)  # dated first, then undated


def test_unknown_actor_is_an_error_with_the_nearest_names(analyst_db: Path) -> None:
    code, out, said = run(analyst_db, "timeline", "Irn")
    assert code == 1 and out == ""
    assert "unknown actor 'Irn'" in said and "IRN" in said.split("nearest:")[1]
    code, _, said = run(analyst_db, "events", "--actor", "Pakistn")
    assert code == 1 and "Pakistan" in said.split("nearest:")[1]
    code, _, said = run(analyst_db, "brief", "Narnia")
    assert code == 1 and "unknown actor 'Narnia'" in said
    code, _, said = run(analyst_db, "quotes", "--speaker", "Leavit")
    assert code == 0  # a part of the name is enough
    code, _, said = run(analyst_db, "quotes", "--speaker", "Levitt")
    assert code == 1 and "Karoline Leavitt" in said


def test_unknown_type_is_an_error_with_the_nearest_types(analyst_db: Path) -> None:
    code, _, said = run(analyst_db, "timeline", "--type", "ceasfire")
    assert code == 2 and "unknown event type 'ceasfire'" in said and "RETREAT/ceasefire" in said
    code, _, said = run(analyst_db, "events", "--modality", "rumoured")
    assert code == 2 and "unknown modality" in said


def test_modes_and_common_words_are_types(analyst_db: Path) -> None:
    code, _, said = run(analyst_db, "events", "--type", "ceasefire")
    assert code == 0 and "--type ceasefire: RETREAT/ceasefire" in said
    _, by_category, _ = run(analyst_db, "events", "--type", "CONSULT")
    code, by_word, said = run(analyst_db, "events", "--type", "talks")
    assert code == 0 and "--type talks: CONSULT" in said and by_word == by_category
    _, visits, _ = run(analyst_db, "events", "--type", "visit", "--json")
    records = [json.loads(line) for line in lines(visits)]
    assert records and {(r["type"], r["mode"]) for r in records} == {("CONSULT", "visit")}
    _, lower, _ = run(analyst_db, "timeline", "--type", "assault", "--undated")
    _, upper, _ = run(analyst_db, "timeline", "--type", "ASSAULT", "--undated")
    assert lower == upper and lower


def test_one_group_under_its_names_gives_one_answer(analyst_db: Path) -> None:
    answers = {name: run(analyst_db, "events", "--actor", name)[1]
               for name in ("Houthis", "Ansar Allah", "the Houthis", "YEMREB")}
    assert len(set(answers.values())) == 1
    events = [line for line in lines(answers["Houthis"]) if not line.startswith("    ")]
    assert len(events) >= 2  # "Houthi rebels" of one article, "Ansar Allah negotiators" of the other
    country = run(analyst_db, "events", "--actor", "YEM")[1]
    assert set(lines(answers["Houthis"])) <= set(lines(country))


def test_events_and_quotes_filters(analyst_db: Path) -> None:
    _, everything, _ = run(analyst_db, "events", "--json")
    records = [json.loads(line) for line in lines(everything)]
    _, until, _ = run(analyst_db, "events", "--until", "2019-12", "--json")
    early = [json.loads(line) for line in lines(until)]
    assert early and all(r["date"] and r["date"][:7] <= "2019-12" for r in early)
    _, planned, _ = run(analyst_db, "events", "--modality", "planned", "--json")
    assert {json.loads(line)["modality"] for line in lines(planned)} == {"planned"}
    _, background, _ = run(analyst_db, "events", "--modality", "background", "--json")
    assert {json.loads(line)["modality"] for line in lines(background)} == {"reported_past"}
    most = max(r["mentions"] for r in records)
    _, many, _ = run(analyst_db, "events", "--min-reports", str(most), "--json")
    assert {json.loads(line)["mentions"] for line in lines(many)} == {most}
    article = records[0]["article_ids"][0]
    _, one, _ = run(analyst_db, "events", "--article", article[:8], "--json")
    assert all(article in json.loads(line)["article_ids"] for line in lines(one))
    assert 0 < len(lines(one)) < len(records)
    _, quotes, _ = run(analyst_db, "quotes", "--json")
    all_quotes = [json.loads(line) for line in lines(quotes)]
    _, until_quotes, _ = run(analyst_db, "quotes", "--until", "2019-12-31", "--json")
    assert {json.loads(line)["published"] <= "2019-12-31" for line in lines(until_quotes)} == {True}
    _, direct, _ = run(analyst_db, "quotes", "--kind", "direct", "--json")
    assert {json.loads(line)["kind"] for line in lines(direct)} == {"direct"}
    first = all_quotes[0]["article_id"]
    _, by_article, _ = run(analyst_db, "quotes", "--article", first[:8], "--json")
    assert {json.loads(line)["article_id"] for line in lines(by_article)} == {first}


def test_articles_show_where_they_came_from(analyst_db: Path) -> None:
    result = runner.invoke(app, ["articles", "-n", "100", "--db", str(analyst_db)],
                           env={"COLUMNS": "400"})
    assert result.exit_code == 0
    assert "https://example.org/coast/yem-1" in result.stdout
    assert "page.html" in result.stdout and "002_e822f59e57de00ac.txt" in result.stdout


def test_article_command_shows_what_was_extracted(analyst_db: Path) -> None:
    _, listing, _ = run(analyst_db, "export", "articles")
    article = next(json.loads(line) for line in lines(listing)
                   if json.loads(line)["url"] == "https://example.org/coast/yem-1")
    code, out, _ = run(analyst_db, "article", article["id"][:8])
    assert code == 0
    assert "Rebels fire missiles at Red Sea port" in out and "Coast Herald" in out
    assert "entities" in out and "quotes" in out and "YEMREB" in out
    code, record, _ = run(analyst_db, "article", article["id"], "--json")
    view = json.loads(record)
    assert view["article"]["id"] == article["id"]
    assert view["events"] and all(article["id"] in e["article_ids"] for e in view["events"])
    assert any(q["kind"] == "direct" for q in view["quotes"])
    assert any(e["name"] == "Houthis" or e["country"] == "YEM" for e in view["entities"])
    code, _, said = run(analyst_db, "article", "no-such-article")
    assert code == 1 and "no article" in said


@pytest.fixture(scope="module")
def usa_iran_brief(analyst_db: Path) -> str:
    code, out, _ = run(analyst_db, "brief", "USA", "IRN")
    assert code == 0
    return out


def _section(text: str, title: str) -> str:
    return text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_brief_quotes_come_from_its_own_events_articles(usa_iran_brief: str) -> None:
    timeline_refs = set(re.findall(r"\[(\d+)\]", _section(usa_iran_brief, "Timeline")))
    quotes = lines(_section(usa_iran_brief, "Key quotes"))
    assert quotes and quotes[0].startswith("- ")
    for quote in quotes:
        assert set(re.findall(r"\[(\d+)\]$", quote)) <= timeline_refs, quote
    assert "tested positive for COVID-19" not in usa_iran_brief  # a quote from an unrelated article
    direct = [q for q in quotes if "“" in q.split(":", 2)[-1][:3] or ": “" in q]
    reported = [q for q in quotes if ": “" not in q]
    assert direct and reported
    assert all(q.rstrip(" []0123456789").endswith("”") for q in direct)
    assert all(" that " in q or re.search(r" (said|stated|emphasized|\w+ed) ", q) for q in reported)


def test_brief_counts_outlets_and_lists_sources(usa_iran_brief: str, analyst_db: Path) -> None:
    summary = lines(usa_iran_brief)[1]
    found = re.search(r"reported in (\d+) articles? by (\d+) outlets?[ .]", summary)
    assert found, summary
    articles, outlets = int(found.group(1)), int(found.group(2))
    assert outlets <= articles and f"by {outlets} outlet{'' if outlets == 1 else 's'}" in summary
    assert f"in {articles} article{'' if articles == 1 else 's'}" in summary
    sources = lines(_section(usa_iran_brief, "Sources"))
    assert len(sources) >= articles
    for line in sources:
        assert "unknown outlet" not in line and "undated" not in line
        assert re.search(r"(https?://\S+|file \S+)$", line), line
    assert any("rki.news, “US Signals Diplomatic Opening" in line for line in sources)
    code, out, _ = run(analyst_db, "brief", "IRN")
    assert code == 0 and re.search(r"reported in \d+ articles? by \d+ outlets?[ .]", out)


def test_brief_writes_no_file_without_output(analyst_db: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(analyst_db, "brief", "USA", "IRN")
    assert code == 0 and "## Cooperation and conflict" in out and "![" not in out
    assert list(tmp_path.iterdir()) == []
    target = tmp_path / "usa-iran.md"
    code, _, _ = run(analyst_db, "brief", "USA", "IRN", "-o", str(target))
    assert code == 0 and "![PLOVER intensity per month](usa-iran-trend.svg)" in target.read_text()
    assert "<svg" in (tmp_path / "usa-iran-trend.svg").read_text()


def test_roles_shown_are_titles() -> None:
    for role in ("Foreign Minister", "Secretary of State", "White House Press Secretary",
                 "Army Chief General", "Special Envoy", "Minister of Foreign Affairs"):
        assert is_title(role), role
    for role in ("Presence of President", "Television", "School"):
        assert not is_title(role), role
