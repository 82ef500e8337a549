"""Which sentences can hold an event: those naming an actor and a trigger word. Works on a doc
with only tokenization and named entities (tok2vec + ner, no parser, no lemmatizer), so the
pipeline can decide what to parse:

    light = parse(text, disable=("parser", "tagger", "attribute_ruler", "lemmatizer"))
    spans = candidate_sentences(light)       # ~30% of news sentences; [Span] with start_char/end_char

`extract_events` runs the same check and reads only these sentences, so a full parse of the
whole article works as is; `parley.pipeline.parse_texts` parses only the sentences this (or
the quotes' prefilter) keeps and gives `extract_events` one Doc over the whole article text.
Without sentence boundaries (no parser, no senter) the text is split at final punctuation and
blank lines.

Trigger words are matched on their surface forms (inflections generated from the lexicon's
lemmas, plus its irregular forms), so no lemmatizer is needed.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc, Span

from parley.events.lexicon import load_lexicon
from parley.events.petrarch import load_dictionary

# Entity labels that can be an actor of an event.
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")
# Words that stand for an actor without being an entity ("she", "both sides", "the rebels").
ACTOR_WORDS = {"he", "she", "they", "it", "we", "both", "his", "her", "their", "its"}
# Frames that yield nothing unless an event word is also present: not enough on their own.
EMPTY_FRAMES = {"report", "light", "epistemic", "plan", "expect", "cause", "halt", "prevent", "deny"}
# Sentence-final punctuation, for docs without sentence boundaries.
SENTENCE_ENDS = {".", "!", "?"}


def candidate_sentences(doc: Doc) -> list[Span]:
    """The sentences of `doc` with an actor candidate and a trigger word, in order."""
    return [sent for sent in sentences(doc) if may_hold_event(sent)]


def may_hold_event(sent: Span) -> bool:
    """True if the sentence names an actor candidate and has a trigger word."""
    forms = trigger_forms()
    found = any(t.lower_ in forms for t in sent) or any(
        t.i >= 2 and t.doc[t.i - 1].text == "-" and f"{t.doc[t.i - 2].lower_}-{t.lower_}" in forms
        for t in sent if t.i > sent.start + 1)  # "sit-in", split by the tokenizer
    return found and has_actor(sent)


def sentences(doc: Doc) -> Iterator[Span]:
    """The doc's sentences; split at final punctuation and blank lines when it has none."""
    if doc.has_annotation("SENT_START"):
        yield from doc.sents
        return
    start = 0
    for token in doc:
        if token.text in SENTENCE_ENDS or "\n\n" in token.whitespace_ or "\n\n" in token.text:
            yield doc[start: token.i + 1]
            start = token.i + 1
    if start < len(doc):
        yield doc[start:]


def has_actor(sent: Span) -> bool:
    """True if the sentence names an actor candidate (an entity, a pronoun, a capitalised word)."""
    if any(t.ent_type_ in ACTOR_LABELS for t in sent):
        return True
    return any(t.lower_ in ACTOR_WORDS for t in sent) or any(
        t.is_alpha and t.is_title and t.i > sent.start for t in sent)


@lru_cache(maxsize=1)
def trigger_forms() -> frozenset[str]:
    """Every surface form of every trigger lemma that can start an event."""
    lexicon = load_lexicon()
    forms: set[str] = {"must"}
    for word_class, lemmas in lexicon.entries.items():
        for lemma, senses in lemmas.items():
            if all(s.frame in EMPTY_FRAMES for s in senses):
                continue
            forms |= inflections(lemma, word_class)
            forms |= set(lexicon.irregular.get(lemma, ()))
    return frozenset(forms | dictionary_forms())


def dictionary_forms() -> set[str]:
    """The forms of the verbs PETRARCH2's dictionary codes as events on their own (those that
    need a pattern's words are read only in sentences kept for another trigger, to keep the
    share of sentences parsed down)."""
    lexicon = load_lexicon()
    forms: set[str] = set()
    for form, senses in load_dictionary().senses.items():
        if any(lexicon.plover_of(s.code) for s in senses if not s.then):
            forms |= inflections(form, "verbs")
    return forms


def inflections(lemma: str, word_class: str) -> set[str]:
    """Regular English forms of a lemma: enough to recognise a trigger without a lemmatizer."""
    forms = {lemma, _plural(lemma)}
    if word_class != "verbs":
        return forms
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms |= {stem + "ed", stem + "ing", lemma + "d" if lemma.endswith("e") else lemma + "ed"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "ban" -> "banned"
    return forms


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"
