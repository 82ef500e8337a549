"""Crash hunt: every real text in reach, and mutated variants, through the whole pipeline.

    python bench/robustness.py [--sample N --seed S] [--limit N] [--only-origin wikinews,html]
                               [--mutations original,cut] [--shown 5]

Texts come from PARLEY_SHARED (see `robust_corpus`): the Wikinews corpus, the seeds, the texts
and pages of every dev set, each also cut at random points, lower-cased, with quotes and
brackets unbalanced and with odd spaces and scripts put in (a fixed seed). Each goes through
the stages as `parley.pipeline` runs them, each stage on its own, so an exception is charged
to the stage that raised it: ingest, clean, nlp, entities, timexes, quotes, events, stories
(story document and duplicate signature). A stage whose records point outside the text (or at
other characters than their `text`) counts as failed too (OffsetError).

Prints the texts run by origin and mutation, the texts the pipeline rejected on purpose (no
article text, empty file), and the failures by stage with the first tracebacks; exits 1 if any.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypeVar

from spacy.tokens import Doc

from parley.actors.entities import extract_entities
from parley.actors.speakers import attribute_speakers
from parley.clean import clean_document
from parley.duplicates import article_signature
from parley.errors import ParleyError
from parley.events import extract_events
from parley.ingest import read_bytes
from parley.models import Article, DocError, Entity, Event, Quote, Timex
from parley.pipeline import BATCH_SIZE, parse_texts
from parley.quotes import extract_quotes
from parley.stories import story_doc
from parley.stories.merge import merge_reports
from parley.timex import extract_timexes
from robust_corpus import MUTATIONS, Sample, all_samples, gather_texts, shared_root, spread_sample

# Without a terminal (a log file), a progress line every this many texts.
LOG_EVERY = 480
STAGES = ("ingest", "clean", "nlp", "entities", "timexes", "quotes", "events", "merge", "stories")
T = TypeVar("T")


class OffsetError(Exception):
    """A record whose offsets are outside the text or do not slice out its `text`."""


class DuplicateIdError(Exception):
    """Two of an article's new events given one id: the store's unique keys would refuse the
    article."""


@dataclass(frozen=True)
class Failure:
    stage: str
    sample: str
    kind: str
    message: str
    trace: str


@dataclass
class RobustnessReport:
    """What a run did: texts run (origin, mutation), deliberate rejections, failures."""

    runs: Counter[tuple[str, str]] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)

    def fail(self, stage: str, sample: Sample, exc: BaseException) -> None:
        trace = "".join(traceback.format_exception(exc, limit=-6))
        message = str(exc).splitlines()[0][:200] if str(exc) else ""
        self.failures.append(Failure(stage, sample.name, type(exc).__name__, message, trace))

    def by_stage(self) -> Counter[str]:
        return Counter(f.stage for f in self.failures)


def run_samples(samples: Iterable[Sample], report: RobustnessReport, seed: int = 0,
                on_done: Callable[[int], None] | None = None) -> RobustnessReport:
    """Every sample through every stage, a batch at a time as the pipeline parses them."""
    iterator = iter(samples)
    while batch := list(islice(iterator, BATCH_SIZE)):
        cleaned = [(s, a) for s in batch for a in clean_sample(s, report, seed)]
        for sample, article, doc in parse_batch(cleaned, report):
            analyse(sample, article, doc, report)
        if on_done:
            on_done(len(batch))
    return report


def clean_sample(sample: Sample, report: RobustnessReport, seed: int) -> list[Article]:
    """The ingest and clean stages; a ParleyError is a deliberate rejection, not a failure."""
    report.runs[sample.text.origin, sample.mutation] += 1
    text = sample.text
    docs = run_stage(report, "ingest", sample, lambda: list(
        read_bytes(sample.data(seed), text.source, raw=text.raw, hints=text.hints)), [])
    articles = []
    for doc in docs:
        if isinstance(doc, DocError):
            report.rejected[f"ingest: {doc.message}"] += 1
            continue
        article = run_stage(report, "clean", sample, lambda d=doc: clean_document(d), None)
        if article is not None:
            articles.append(article)
    return articles


def run_stage(report: RobustnessReport, stage: str, sample: Sample, call: Callable[[], T],
              fallback: T) -> T:
    """The stage's result, or `fallback` with the exception charged to the stage."""
    try:
        return call()
    except ParleyError as exc:
        report.rejected[f"{stage}: {exc.message}"] += 1
    except Exception as exc:  # the point of this script: every exception, attributed
        report.fail(stage, sample, exc)
    return fallback


def parse_batch(cleaned: Sequence[tuple[Sample, Article]],
                report: RobustnessReport) -> Iterator[tuple[Sample, Article, Doc]]:
    """The NLP stage on a batch; when the batch fails, text by text to find the culprits."""
    try:
        docs = list(parse_texts(article.text for _, article in cleaned))
    except Exception:
        docs = []
        for sample, article in cleaned:
            one = run_stage(report, "nlp", sample, lambda a=article: list(parse_texts([a.text])), [])
            if one:
                yield sample, article, one[0]
        return
    for (sample, article), doc in zip(cleaned, docs, strict=True):
        yield sample, article, doc


def analyse(sample: Sample, article: Article, doc: Doc, report: RobustnessReport) -> None:
    """The analysis stages as `parley.pipeline.analyze` chains them, each on its own."""
    text, date = article.text, article.published

    def checked(stage: str, call: Callable[[], list[Any]], check: Callable[[str, Any], None]) -> list[Any]:
        def call_and_check() -> list[Any]:
            records = call()
            for record in records:
                check(text, record)
            return records
        return run_stage(report, stage, sample, call_and_check, [])

    entities = checked("entities", lambda: extract_entities(doc, date), check_entity)
    timexes = checked("timexes", lambda: extract_timexes(doc, date), check_timex)
    checked("quotes", lambda: attribute_speakers(extract_quotes(doc), entities, text, date), check_quote)
    events = checked("events", lambda: extract_events(doc, date, entities, timexes), check_event)
    run_stage(report, "merge", sample, lambda: check_ids(article, events), None)
    run_stage(report, "stories", sample, lambda: (story_doc(article, entities), article_signature(text)),
              None)


def check_ids(article: Article, events: list[Event]) -> None:
    """The merge of an article's reports among themselves, as into an empty store: every new
    event needs an id of its own (a repeated report of one event may share its report id: the
    store keeps one row of it)."""
    merged = merge_reports(article.id, article.text, events,
                           lambda reports: [[] for _ in reports], article.published)
    ids = [m.event_id for m in merged if m.is_new]
    if len(set(ids)) != len(ids):
        raise DuplicateIdError("two new events share an id")


# -- offsets --------------------------------------------------------------------------------


def check_span(text: str, start: int | None, end: int | None, what: str, expected: str | None = None) -> None:
    if start is None and end is None:
        return
    if start is None or end is None or not 0 <= start <= end <= len(text):
        raise OffsetError(f"{what} [{start}:{end}] outside the text (length {len(text)})")
    if expected is not None and text[start:end] != expected:
        raise OffsetError(f"{what} [{start}:{end}] is {text[start:end]!r}, not {expected!r}")


def check_entity(text: str, entity: Entity) -> None:
    for start, end in entity.mentions:
        check_span(text, start, end, f"mention of {entity.name!r}")


def check_timex(text: str, timex: Timex) -> None:
    check_span(text, timex.start, timex.end, "timex", timex.text)


def check_quote(text: str, quote: Quote) -> None:
    check_span(text, quote.start, quote.end, "quote", quote.text)
    check_span(text, quote.cue_start, quote.cue_end, "cue", quote.cue)
    if quote.speaker is not None:
        check_span(text, quote.speaker.start, quote.speaker.end, "speaker")


def check_event(text: str, event: Event) -> None:
    check_span(text, event.sentence_start, event.sentence_end, "sentence")
    check_span(text, event.trigger_start, event.trigger_end, "trigger")
    for actor in (event.source, event.target):
        if actor is not None:
            check_span(text, actor.start, actor.end, f"actor {actor.name!r}")


# -- the script -----------------------------------------------------------------------------


def main() -> int:
    args = parse_args()
    root = shared_root()
    if root is None or not root.exists():
        print("PARLEY_SHARED is not set (or missing): it names the shared data folder", file=sys.stderr)
        return 2
    samples = choose_samples(args, root)
    report = RobustnessReport()
    run_with_progress(samples, report, args.seed)
    print_report(report, args.shown)
    return 1 if report.failures else 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=None, help="run N samples spread over origins")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample and the mutations")
    parser.add_argument("--limit", type=int, default=None, help="run at most N samples")
    parser.add_argument("--only-origin", default="", help="comma list of origins (default: all)")
    parser.add_argument("--mutations", default=",".join(MUTATIONS), help="comma list of mutations")
    parser.add_argument("--shown", type=int, default=5, help="tracebacks shown per stage")
    parser.add_argument("--names", default="", help="comma list of samples to run (origin/name#mutation)")
    return parser.parse_args()


def choose_samples(args: argparse.Namespace, root: Any) -> list[Sample]:
    texts = gather_texts(root)
    origins = {o.strip() for o in args.only_origin.split(",") if o.strip()}
    if origins:
        texts = [t for t in texts if t.origin in origins]
    mutations = [m.strip() for m in args.mutations.split(",") if m.strip()]
    samples = all_samples(texts, mutations)
    names = {n.strip() for n in args.names.split(",") if n.strip()}
    if names:
        samples = [s for s in samples if s.name in names]
    if args.sample is not None:
        samples = spread_sample(samples, args.sample, args.seed)
    return samples[:args.limit] if args.limit is not None else samples


def run_with_progress(samples: Sequence[Sample], report: RobustnessReport, seed: int) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("texts", total=len(samples))

        def done(count: int) -> None:
            for failure in report.failures[shown[0]:]:
                progress.console.print(f"FAILED {failure.stage} {failure.sample}: {failure.kind}: "
                                       f"{failure.message}", markup=False, highlight=False, soft_wrap=True)
            shown[0] = len(report.failures)
            progress.update(task, advance=count, description=f"texts ({len(report.failures)} failures)")
            ran = int(progress.tasks[0].completed)
            if not progress.console.is_terminal and ran % LOG_EVERY < count:  # a log file
                print(f"{ran}/{len(samples)} texts, {len(report.failures)} failures", flush=True)

        shown = [0]  # failures printed so far: a long run names each as it happens

        run_samples(samples, report, seed, done)


def print_report(report: RobustnessReport, shown: int) -> None:
    total = sum(report.runs.values())
    print(f"{total} texts run")
    origins = sorted({origin for origin, _ in report.runs})
    mutations = [m for m in MUTATIONS if any(m == mut for _, mut in report.runs)]
    print(f"{'origin':12}" + "".join(f"{m:>12}" for m in mutations) + f"{'total':>9}")
    for origin in origins:
        row = [report.runs[origin, m] for m in mutations]
        print(f"{origin:12}" + "".join(f"{n:12}" for n in row) + f"{sum(row):9}")
    print(f"rejected on purpose: {sum(report.rejected.values())}")
    for reason, count in report.rejected.most_common(8):
        print(f"  {count:6}  {reason[:100]}")
    stages = report.by_stage()
    print("exceptions by stage: " + ", ".join(f"{s} {stages[s]}" for s in STAGES))
    print(f"exceptions: {len(report.failures)}")
    for stage in STAGES:
        print_failures(stage, [f for f in report.failures if f.stage == stage], shown)


def print_failures(stage: str, failures: Sequence[Failure], shown: int) -> None:
    if not failures:
        return
    kinds = Counter(f"{f.kind}: {f.message}" for f in failures)
    print(f"\n== {stage}: {len(failures)} failures, {len(kinds)} distinct")
    for reason, count in kinds.most_common(15):
        print(f"  {count:5}  {reason[:140]}")
    seen: set[str] = set()
    for failure in failures:
        if len(seen) >= shown:
            break
        if failure.kind + failure.message in seen:
            continue
        seen.add(failure.kind + failure.message)
        print(f"\n-- {failure.sample}\n{failure.trace}")


if __name__ == "__main__":
    sys.exit(main())
