"""Composes the stages: sources -> ingest -> clean -> nlp -> actors -> ... -> store.

    report = process_sources(["seeds/"], store)           # into the store
    for article, analysis in analyze_articles(articles):   # no store (parley annotate)
        ...

Articles are parsed in batches (spaCy's nlp.pipe); each is then analysed and written in its
own transaction, so an interrupted run loses at most the batch in flight. Every stage runs
per article inside `faults.stage`: an exception fails that article only, as a one-line
DocError naming the stage, and the rest of the batch and the run go on.
"""

from __future__ import annotations

import os
import time
import uuid
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice

from spacy.tokens import Doc, Span

from parley.actors.entities import KnownPerson, PersonLookup, extract_entities, seed_person
from parley.actors.prefilter import may_mention_person
from parley.actors.registry import CorpusEntity, find_match, merge_entity, name_key, surname_of
from parley.actors.speakers import attribute_speakers
from parley.clean import clean_document
from parley.clean.language import unreadable_reason
from parley.concurrent import WriterSync
from parley.duplicates import DuplicateIndex, article_signature, signature_bytes, signature_from_bytes
from parley.errors import ParleyError
from parley.events import extract_events
from parley.events.prefilter import may_hold_event
from parley.events.records import event_records
from parley.faults import StageError, error_record, inject_exit, inject_fault, stage
from parley.ingest import Item, read_sources
from parley.models import Article, DocError, Entity, Event, Quote, Timex
from parley.nlp import parse_many, parse_selected
from parley.quotes import extract_quotes
from parley.quotes.prefilter import may_hold_quote
from parley.store import ArticleBundle, Store
from parley.stories import StoryClusterer, StoryUpdate, story_doc
from parley.stories.merge import KnownEvent, Merged, candidate_request, merge_reports
from parley.timex import extract_timexes
from parley.workers import InlineRunner, Runner, WorkerLostError, WorkerTaskError

# Articles parsed together: spaCy's batching pays off by ~16; more only holds memory longer.
BATCH_SIZE = 16


STAGES = ("entities", "timexes", "quotes", "events")
# Set to parse every sentence (slower; for comparison): the stages then see a full parse.
FULL_PARSE_ENV = "PARLEY_FULL_PARSE"


@dataclass(frozen=True)
class Analysis:
    """What the NLP stages found in one article (offsets index into article.text)."""

    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass
class ProcessReport:
    """What one `process` run did."""

    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped: int = 0  # stored without the English-only stages (another language)
    reanalysed: int = 0  # articles a worker analysed again: the store had learned since its guess
    waited: float = 0.0  # seconds the writer waited for workers' analyses (first runs)
    waited_again: float = 0.0  # seconds it waited for articles analysed again
    errors: list[DocError] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.stored + self.unchanged + len(self.errors)


def clean_item(item: Item) -> Article | DocError:
    """Clean one ingested item; any failure becomes a DocError naming its source.

    An article parley's English-only stages cannot read comes back with `skipped` set."""
    if isinstance(item, DocError):
        return item
    try:
        inject_fault("clean", item.body)
        article = clean_document(item)
        return replace(article, skipped=unreadable_reason(article.text))
    except ParleyError as exc:
        return DocError(source=exc.source, type=exc.kind, message=exc.message)
    except Exception as exc:  # a bug in one document must not stop the batch
        return error_record(item.source, exc, "clean")


def needs_parse(sent: Span) -> bool:
    """A sentence gets the dependency parse if events, quotes or people resolution (pronouns,
    "the minister") could find something in it."""
    return may_hold_event(sent) or may_hold_quote(sent) or may_mention_person(sent)


def parse_texts(texts: Iterable[str], *, full: bool | None = None) -> Iterator[Doc]:
    """Texts through the NLP stage as the pipeline runs it: tagging, lemmas and entities
    everywhere, the dependency parse only where `needs_parse` says (`full` or the environment
    variable PARLEY_FULL_PARSE=1: every sentence)."""
    if full is None:
        full = os.environ.get(FULL_PARSE_ENV, "") not in ("", "0")
    return parse_many(texts) if full else parse_selected(texts, needs_parse)


def parse_articles(articles: Sequence[Article]) -> list[Doc | DocError]:
    """The parsed Doc of each article, in order; an article the NLP stage fails on gets its
    DocError (the batch is parsed together, and one by one only when it fails)."""
    try:
        with stage("nlp"):
            for article in articles:
                inject_exit(article.text)
                inject_fault("nlp", article.text)
            return list(parse_texts(a.text for a in articles))
    except StageError as exc:
        if len(articles) == 1:
            return [exc.doc_error(articles[0].source)]
    return [parse_articles([article])[0] for article in articles]


def analyze(doc: Doc, article: Article, lookup: PersonLookup | None = None,
            stages: Collection[str] = STAGES) -> Analysis:
    """Run the analysis stages on one parsed article (only those asked for, and what they need).

    Raises StageError naming the stage that failed."""
    date, text = article.published, article.text
    entities: list[Entity] = []
    if {"entities", "quotes", "events"} & set(stages):
        with stage("actors", text):
            entities = extract_entities(doc, date, lookup)
    timexes: list[Timex] = []
    if {"timexes", "events"} & set(stages):
        with stage("timex", text):
            timexes = extract_timexes(doc, date)
    found: list[Quote] = []
    if "quotes" in stages:
        with stage("quotes", text):
            found = attribute_speakers(extract_quotes(doc), entities, text, date)
    events: list[Event] = []
    if "events" in stages:
        with stage("events", text):
            events = event_records(extract_events(doc, date, entities, timexes))
    return Analysis(entities=tuple(entities), timexes=tuple(timexes), quotes=tuple(found),
                    events=tuple(events))


def analyze_batch(articles: Sequence[Article], lookup: PersonLookup | None = None,
                  stages: Collection[str] = STAGES) -> list[Analysis | DocError]:
    """Parse and analyse a batch: each article's Analysis, or its DocError if a stage failed.
    Articles marked `skipped` (another language) get an empty Analysis without being parsed."""
    return analyze_parsed(articles, parse_batch(articles), lookup, stages)


def parse_batch(articles: Sequence[Article]) -> list[Doc | DocError | None]:
    """The parsed Doc of each article of a batch (None: skipped, another language)."""
    readable = [a for a in articles if not a.skipped]
    parsed = dict(zip((id(a) for a in readable), parse_articles(readable), strict=True))
    return [parsed.get(id(article)) for article in articles]


def analyze_parsed(articles: Sequence[Article], parsed: Sequence[Doc | DocError | None],
                   lookup: PersonLookup | None = None,
                   stages: Collection[str] = STAGES) -> list[Analysis | DocError]:
    """The analysis stages on a parsed batch (`parse_batch`), article by article."""
    results: list[Analysis | DocError] = []
    for article, doc in zip(articles, parsed, strict=True):
        if doc is None or isinstance(doc, DocError):
            results.append(doc or Analysis())
            continue
        try:
            results.append(analyze(doc, article, lookup, stages))
        except StageError as exc:
            results.append(exc.doc_error(article.source))
    return results


def analyze_articles(articles: Iterable[Article], lookup: PersonLookup | None = None,
                     stages: Collection[str] = STAGES
                     ) -> Iterator[tuple[Article, Analysis | DocError]]:
    """Parse articles in batches and analyse each, in input order; a failed article comes
    with its DocError instead of an Analysis."""
    iterator = iter(articles)
    while batch := list(islice(iterator, BATCH_SIZE)):
        yield from zip(batch, analyze_batch(batch, lookup, stages), strict=True)


def require_analysis(result: Analysis | DocError) -> Analysis:
    """The Analysis itself; a failed article raises with its one-line error (for evaluation
    code, where a failure must be seen rather than skipped)."""
    if isinstance(result, DocError):
        raise RuntimeError(result.one_line())
    return result


# -- into the store ---------------------------------------------------------------------------


def load_duplicate_index(store: Store) -> DuplicateIndex:
    index = DuplicateIndex()
    for article_id, digest, blob in store.iter_signatures():
        if blob:
            index.add(article_id, digest, signature_from_bytes(blob))
    return index


def process_sources(targets: Iterable[str], store: Store, *, raw: bool = False,
                    on_result: Callable[[Article | DocError], None] | None = None,
                    runner: Runner | None = None) -> ProcessReport:
    """Read, clean, analyse and store every document of the targets; failures are reported.

    `runner` (`parley.workers.open_runner`) analyses batches elsewhere (worker processes, a
    Dask cluster) while this process reads, cleans and writes; the store ends up the same."""
    return process_items(read_sources(targets, raw=raw), store, on_result=on_result,
                         runner=runner)


def process_items(items: Iterable[Item], store: Store, *,
                  on_result: Callable[[Article | DocError], None] | None = None,
                  runner: Runner | None = None,
                  report: ProcessReport | None = None) -> ProcessReport:
    """Clean, analyse and store documents already read (`parley watch`, the API's POST
    /articles); `on_result` is called once per item after its fate is in `report` (given, or
    a new one)."""
    report = report if report is not None else ProcessReport()
    writer = _StoreWriter(store, report, on_result, runner or InlineRunner())
    for item in items:
        result = clean_item(item)
        if isinstance(result, DocError):
            writer.fail(result)
        else:
            writer.add(result)
    writer.finish()
    return report


@dataclass
class _Batch:
    """Articles queued together: the repeats ride along unanalysed; `results` are the
    originals' analyses once known (at once in this process, else from `ticket`)."""

    pending: list[tuple[Article, bytes]]
    originals: list[Article]
    key: str
    ticket: int | None = None
    results: Sequence[Analysis | DocError] = ()


class _StoreWriter:
    """Queues new articles for batched NLP and writes each with its analysis.

    Articles are written in arrival order, a repeat after the article it repeats; a repeat
    of an article that failed is analysed in its own right instead, as a batch of its own.
    With a runner that works elsewhere, up to `runner.window` batches are analysed while
    earlier ones are written; each is checked against the store as it is at its turn
    (`parley.tasks`), so the store ends up as a run in this process would leave it."""

    def __init__(self, store: Store, report: ProcessReport,
                 on_result: Callable[[Article | DocError], None] | None,
                 runner: Runner) -> None:
        self.store = store
        self.report = report
        self.on_result = on_result
        self.runner = runner
        self.sync = WriterSync(store)  # other processes may write the same store
        self.index = load_duplicate_index(store)
        self.stories = load_story_clusterer(store)
        self.pending: list[tuple[Article, bytes]] = []
        self.inflight: deque[_Batch] = deque()
        self.failed: set[str] = set()
        self.run = uuid.uuid4().hex
        self.batches = 0

    def notify(self, result: Article | DocError) -> None:
        if self.on_result:
            self.on_result(result)

    def fail(self, error: DocError) -> None:
        """Record a failed input: reported, kept in the store's errors, the run goes on."""
        self.report.errors.append(error)
        self.store.add_error(error)
        self.notify(error)

    def add(self, article: Article) -> None:
        if self._queue(article) and len(self.pending) >= BATCH_SIZE:
            self.flush()

    def _queue(self, article: Article) -> bool:
        if self.store.has_article(article.id):
            self.report.unchanged += 1
            self.notify(article)
            return False
        signature = article_signature(article.text)
        article = replace(article, duplicate_of=self.index.find(article.content_hash, signature))
        self.index.add(article.id, article.content_hash, signature)
        self.pending.append((article, signature_bytes(signature)))
        return True

    def flush(self) -> None:
        while self.pending:
            pending, self.pending = self.pending, []
            self.inflight.append(self._submit(pending))
            while len(self.inflight) > self.runner.window:
                self._write_batch(self.inflight.popleft())

    def finish(self) -> None:
        self.flush()
        while self.inflight:
            self._write_batch(self.inflight.popleft())

    def _submit(self, pending: list[tuple[Article, bytes]]) -> _Batch:
        # A repeat adds no new knowledge: it is stored without analysis.
        originals = [article for article, _ in pending if not article.duplicate_of]
        self.batches += 1
        batch = _Batch(pending, originals, f"{self.run}:{self.batches}")
        if not originals:
            return batch
        if isinstance(self.runner, InlineRunner):
            batch.results = analyze_batch(originals, store_person_lookup(self.store))
        else:
            from parley.tasks import BatchTask, analyze_task

            task = BatchTask(batch.key, tuple(originals), db=self._worker_db())
            batch.ticket = self.runner.submit(analyze_task, task)
        return batch

    def _worker_db(self) -> str | None:
        """The store as workers can open it to read (a SQLite file only on this machine)."""
        url = self.store.engine.url
        if url.get_backend_name() == "sqlite" and not self.runner.shares_files:
            return None
        return url.render_as_string(hide_password=False)

    def _results(self, batch: _Batch) -> Sequence[Analysis | DocError]:
        """The batch's analyses, checked against the store as it is now (`parley.tasks`)."""
        if batch.ticket is None:
            return batch.results
        from parley.tasks import BatchTask, analyze_task, right_answers, unsettled

        lookup = store_person_lookup(self.store)
        answers: dict[str, KnownPerson | None] = {}
        results: list[Analysis | DocError | None] = [None] * len(batch.originals)
        ticket = batch.ticket
        try:
            while True:
                started = time.perf_counter()
                value, worker = self.runner.result(ticket)
                waited = time.perf_counter() - started
                if ticket == batch.ticket:
                    self.report.waited += waited
                else:
                    self.report.waited_again += waited
                right = right_answers(value, lookup)
                wrong = set(unsettled(value, right))
                for position, result in enumerate(value.results):
                    if result is not None and position not in wrong:
                        results[position] = result
                if not wrong:
                    return [r if r is not None else Analysis() for r in results]
                answers.update(right)
                self.report.reanalysed += len(wrong)
                task = BatchTask(batch.key, tuple(batch.originals), answers=dict(answers),
                                 db=self._worker_db(), only=tuple(sorted(wrong)))
                ticket = self.runner.submit(analyze_task, task, prefer=worker)
        except (WorkerLostError, WorkerTaskError) as exc:
            return [error_record(a.source, exc, "worker") for a in batch.originals]

    def _write_batch(self, batch: _Batch) -> None:
        results = dict(zip((a.id for a in batch.originals), self._results(batch), strict=True))
        orphans: list[Article] = []
        for article, signature in batch.pending:
            if article.duplicate_of in self.failed:
                orphans.append(article)
                continue
            result = results.get(article.id, Analysis())
            error = result if isinstance(result, DocError) else (
                self._write(article, signature, result))
            if error is not None:
                self.failed.add(article.id)
                self.index.remove(article.id)
                self.fail(error)
        self._readd(orphans)

    def _readd(self, orphans: list[Article]) -> None:
        """Repeats of a failed article, analysed again as articles of their own, at once."""
        for article in orphans:
            self.index.remove(article.id)
        waiting, self.pending = self.pending, []
        for article in orphans:
            self._queue(replace(article, duplicate_of=None))
        readded, self.pending = self.pending, waiting
        if readded:
            self._write_batch(self._submit(readded))

    def _write(self, article: Article, signature: bytes, analysis: Analysis) -> DocError | None:
        """Decide and write under the store's write lock, after catching up with what other
        writers stored meanwhile (see `parley.concurrent`)."""
        with self.store.write_lock():
            current = self.sync.catch_up(self.index, article, signature)
            if current is None:  # another writer stored it
                self._count(article, False)
                self.notify(article)
                return None
            if current.duplicate_of != article.duplicate_of:  # repeats another writer's article
                analysis = Analysis()
            return self._decide_and_write(current, signature, analysis)

    def _decide_and_write(self, article: Article, signature: bytes,
                          analysis: Analysis) -> DocError | None:
        """Store one article with its analysis; its DocError if a stage failed (then nothing
        of it is stored, and the story clusterer is restored to what the store holds)."""
        clustered = False
        try:
            with stage("actors", article.text):
                linked = link_entities(self.store, article, analysis.entities)
                quotes = [(q, speaker_entity(q, linked)) for q in analysis.quotes]
            with stage("stories", article.text):
                events = merge_events(self.store, article, analysis.events)
                clustered = True
                story_id, actors, placed = self._story(article, analysis)
            with stage("store", article.text):
                bundle = ArticleBundle(article, signature, linked, quotes, events, story_id,
                                       actors, placed, analysis.timexes)
                stored = self.store.add_article(bundle)
        except StageError as exc:
            if clustered:
                self.stories = load_story_clusterer(self.store)
            return exc.doc_error(article.source)
        self._count(article, stored)
        self.notify(article)
        return None

    def _count(self, article: Article, stored: bool) -> None:
        if not stored:
            self.report.unchanged += 1
            return
        self.report.stored += 1
        self.report.duplicates += article.duplicate_of is not None
        self.report.skipped += article.skipped is not None

    def _story(self, article: Article, analysis: Analysis
               ) -> tuple[str | None, frozenset[str], StoryUpdate | None]:
        """The story of a new article and what placing it changes; a duplicate joins (and
        follows) the story of the article it repeats; an article in another language joins
        none (nothing in it was read)."""
        if article.duplicate_of:
            return self.store.story_of(article.duplicate_of), frozenset(), None
        if article.skipped:
            return None, frozenset(), None
        doc = story_doc(article, analysis.entities)
        placed = self.stories.place(doc)
        return placed.story_id, doc.actors, placed


def link_entities(store: Store, article: Article,
                  entities: Iterable[Entity]) -> list[tuple[CorpusEntity, Entity]]:
    """Pair each of an article's entities with the corpus entity it is (new or known)."""
    updated: dict[str, CorpusEntity] = {}
    links: list[tuple[str, Entity]] = []
    for entity in entities:
        keys = [name_key(entity.name), *(name_key(a) for a in entity.aliases)]
        if entity.type == "PERSON":
            keys.append(surname_of(entity.name))
        candidates = [updated.get(c.id, c) for c in store.entity_candidates(keys)]
        candidates += [c for c in updated.values() if c.id not in {x.id for x in candidates}]
        known = find_match(entity, candidates)
        corpus = merge_entity(known, entity, article.id, article.published)
        updated[corpus.id] = corpus
        links.append((corpus.id, entity))
    return [(updated[corpus_id], entity) for corpus_id, entity in links]


def load_story_clusterer(store: Store) -> StoryClusterer:
    """The story clusterer over the store's index: it reads the stored vectors and stories
    near each new article when placing it, nothing up front."""
    return StoryClusterer(store)


def merge_events(store: Store, article: Article, events: Iterable[Event]) -> list[Merged]:
    """Pair each of an article's events with the corpus event it reports (known or new);
    `stories.merge` decides, from the stored events the store offers as candidates."""

    def known(reports: list[Event]) -> list[list[KnownEvent]]:
        return store.events_for([candidate_request(e) for e in reports])

    return merge_reports(article.id, article.text, events, known, article.published)


def speaker_entity(quote: Quote, linked: list[tuple[CorpusEntity, Entity]]) -> str | None:
    """The corpus entity whose mention in the article is the quote's speaker mention."""
    speaker = quote.speaker
    if speaker is None or speaker.start is None or speaker.end is None:
        return None
    for corpus, entity in linked:
        overlaps = any(s < speaker.end and speaker.start < e for s, e in entity.mentions)
        if overlaps and (entity.type == "PERSON" or corpus.name == speaker.name):
            return corpus.id
    return None


def store_person_lookup(store: Store) -> PersonLookup:
    """What the store has learned of a person's name, else what the seed dictionary knows."""

    def lookup(name: str) -> KnownPerson | None:
        probe = Entity(name=name, type="PERSON")
        candidates = store.entity_candidates([name_key(name), surname_of(name)])
        known = find_match(probe, candidates)
        if known is not None and (known.country or known.sector):
            return KnownPerson(known.name, known.country, known.sector, known.role)
        return seed_person(name)

    return lookup
