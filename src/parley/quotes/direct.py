"""Direct quotes: a quoted stretch and the attribution beside it.

The attribution is looked for after the closing mark ("...," she said), before the opening mark
(He said: "..."), or, for a quote standing alone as a paragraph or sentence, taken over from
the quote just before it (a speaker goes on across paragraphs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from parley.quotes.grammar import Finding, finding, is_verb, subject_of, text_of
from parley.quotes.lexicon import cue_lexicon
from parley.quotes.marks import QuotedSpan, find_quoted_spans

# Fewer words than this inside marks, with no attribution beside them: a scare quote or a title.
MIN_QUOTE_WORDS = 4
# How many tokens after a closing mark may hold its attribution ("..., said the senator on Monday").
TAIL_TOKENS = 14
# A quote standing alone continues the previous statement (speaker and cue) if it opens at most this many
# chars after it: the next sentence or paragraph. Further away, annotators and readers see a new statement.
CONTINUATION_CHARS = 200
DASHES = frozenset({"―", "—", "–", "-"})  # '"..." ― Maria Lopez' signs a quote
LEAD_ENDINGS = (":", ",")  # 'He said:' / 'she said,' hand over to the quote that follows
HANDOVER_ENDINGS = (",", "?", "!", "…", "—", "-", "–")  # a quote ending so awaits its attribution
INNER_MARKS = "’'‘ "  # a quote inside the quote may close just before the outer mark
RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})  # '"a proud Democrat" who wants'
SENTENCE_ENDS = frozenset({".", "!", "?"})
# A speech verb's children that may stand between it and the quote it introduces: when, where,
# ('said on Friday', 'said in Lima last week'); and the clause that is the quote itself.
ADJUNCT_DEPS = frozenset({"prep", "npadvmod", "advmod", "tmod"})
CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
# A dateline opening the story: 'GAZA CITY —', 'KYIV, Ukraine (AP) —', 'MOSCOW, Dec 2 (Reuters) -'.
DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]+(,[\w .,]+)?(\([^)]{1,40}\))?\s*[—–―-]+\s*")


@dataclass(frozen=True)
class Attribution:
    cue: tuple[int, int] | None
    speaker: Token | None


def direct_findings(doc: Doc) -> Iterator[Finding]:
    """Each quoted stretch with its attribution, when one can be found."""
    previous: Finding | None = None
    floor = 0
    for quoted in find_quoted_spans(text_of(doc)):
        found = _attribute(doc, quoted, previous, floor)
        floor = quoted.outer_end
        if found is not None:
            previous = found
            yield found


def _attribute(doc: Doc, quoted: QuotedSpan, previous: Finding | None, floor: int) -> Finding | None:
    inner = doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
    if inner is None or _word_count(inner) == 0:
        return None
    lead_start, lead = _lead_text(text_of(doc), quoted.open, floor)
    if DATELINE.fullmatch(lead):
        lead_start, lead = quoted.open, ""  # 'GAZA CITY (AP) — "..."': where, not what was said
    tail = _tail_attribution(doc, quoted) or _tail_attribution(doc, quoted, across=True)
    if tail is not None and lead.strip() and _ends_as_lead(lead) and _introduces_next(doc, quoted, tail):
        # 'A said, "...?"  B said, "..."': B's verb hands over to the next quote; A said this one
        tail = _lead_attribution(doc, quoted.open, lead) or tail
    if tail is not None and lead.strip() and not _ends_as_lead(lead):
        # 'The country "has changed," he said': the unquoted lead-in is part of what was said.
        return finding(doc, lead_start, quoted.end, "mixed", tail.cue, tail.speaker)
    attribution = (tail or _lead_attribution(doc, quoted.open, lead)
                   or _colon_attribution(doc, quoted, lead, floor))
    if attribution is not None:
        return finding(doc, quoted.start, quoted.end, "direct", attribution.cue, attribution.speaker)
    if lead.strip() or _word_count(inner) < MIN_QUOTE_WORDS:
        return None
    if _tail_tokens(doc, quoted) and not text_of(doc)[quoted.start : quoted.end].rstrip().endswith(
            tuple(SENTENCE_ENDS)):
        return None  # the sentence goes on after the quote: not a quote standing alone
    statement = _statement_before(doc, quoted, same_paragraph=True)
    if statement is not None and (previous is None or previous.cue_start is None
                                  or previous.cue_start < statement_start(doc, quoted)):
        # 'B also criticized the decision. "..."': the statement made since the last quote
        found = finding(doc, quoted.start, quoted.end, "direct", statement.cue, statement.speaker)
        return replace(found, borrowed_cue=True) if found is not None else None
    if previous is None or quoted.open - previous.end > CONTINUATION_CHARS or previous.speaker is None:
        after = _remark_attribution(doc, quoted) or _statement_before(doc, quoted)
        if after is None:
            return None
        return finding(doc, quoted.start, quoted.end, "direct", after.cue, after.speaker)
    return finding(doc, quoted.start, quoted.end, "direct", previous.cue, previous.speaker)


def _remark_attribution(doc: Doc, quoted: QuotedSpan) -> Attribution | None:
    """A quote standing alone as a paragraph, owned by the next sentence: '"..."' then 'Boric
    made the remarks at a news conference' / 'Boric was speaking in Lima' / 'Boric's comments
    came after ...'. The next sentence must open the next paragraph or follow the quote, and
    say so in its main clause (not in what someone else said of the remarks)."""
    text = text_of(doc)
    rest = text[quoted.outer_end:]
    if rest[: len(rest) - len(rest.lstrip())].count("\n") > 2 or not rest.strip():
        return None
    start = doc.char_span(quoted.outer_end, len(text), alignment_mode="expand")
    if start is None:
        return None
    first = next((t for t in start if not (t.is_space or t.is_punct)), None)
    if first is None or not first.is_sent_start:
        return None
    lexicon = cue_lexicon()
    for token in first.sent:
        if token.lemma_.lower() in lexicon.remark_nouns and token.dep_ in ("dobj", "nsubj", "nsubjpass") \
                and token.head.dep_ == "ROOT":
            verb = token.head
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            speaker = owner if token.dep_ != "dobj" else subject_of(verb)
        elif token.lemma_.lower() in lexicon.speaking_verbs and token.tag_ == "VBG" and \
                token.dep_ == "ROOT" and any(c.dep_ == "aux" for c in token.children):
            speaker = subject_of(token)
        else:
            continue
        if speaker is not None and (speaker.ent_type_ in ("PERSON", "ORG") or speaker.pos_ == "PROPN"):
            return Attribution((token.idx, token.idx + len(token)), speaker)
    return None


def statement_start(doc: Doc, quoted: QuotedSpan) -> int:
    """Where the sentence right before a quote starts (its offset), or the quote's own start."""
    before = text_of(doc)[: quoted.open].rstrip()
    last = doc.char_span(0, len(before), alignment_mode="contract") if before else None
    return last[-1].sent.start_char if last is not None and len(last) else quoted.open


def _statement_before(doc: Doc, quoted: QuotedSpan, same_paragraph: bool = False) -> Attribution | None:
    """A quote standing alone as the paragraph after a reported statement goes on with it:
    'Ana Ruiz said the talks had failed.' then '"We tried everything. ..."'. The sentence
    right before must be that statement: its main verb a speech verb with a subject.
    `same_paragraph`: the quote opens a sentence right after that statement in its paragraph,
    whose verb may also be one of stance ('She criticized the decision. "..."')."""
    text = text_of(doc)
    before = text[: quoted.open]
    gap = before[len(before.rstrip()):]
    if same_paragraph:
        if "\n" in gap or not gap or not before.rstrip().endswith(tuple(SENTENCE_ENDS)):
            return None
    elif not 0 < gap.count("\n") <= 2 or quoted.open - len(gap) <= 0:
        return None
    last = doc.char_span(0, len(before.rstrip()), alignment_mode="contract")
    if last is None or len(last) == 0:
        return None
    sentence = last[-1].sent
    root = sentence.root
    lexicon = cue_lexicon()
    cues = lexicon.speech | lexicon.objects if same_paragraph else lexicon.speech
    denied = any(c.dep_ == "neg" for c in root.children)  # ('did not suggest')
    if root.lemma_.lower() not in cues or not is_verb(root) or denied or \
            any(q.start <= root.idx < q.end for q in find_quoted_spans(text)):
        return None
    speaker = subject_of(root)
    if speaker is None or not (speaker.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                               or speaker.pos_ in ("PROPN", "NOUN", "PRON")):
        return None
    return Attribution((root.idx, root.idx + len(root)), speaker)


def _introduces_next(doc: Doc, quoted: QuotedSpan, tail: Attribution) -> bool:
    """Whether a tail's cue hands over to the next quote ('B said, "..."'): only a comma or
    colon stands between the cue's words and an opening mark, and the quote before did not
    end with a comma awaiting it."""
    if tail.cue is None:
        return False
    inner = text_of(doc)[quoted.start : quoted.end].rstrip().rstrip(INNER_MARKS)
    if inner.endswith(","):
        return False
    sentence_end = doc.char_span(tail.cue[0], tail.cue[1], alignment_mode="expand")
    if sentence_end is None:
        return False
    rest = text_of(doc)[tail.cue[1] : tail.cue[1] + 200]
    words = rest.split('"')[0].split("“")[0]
    return words.rstrip().endswith(LEAD_ENDINGS) and not any(c in words for c in ".!?\n")


def _word_count(span: Span) -> int:
    return sum(1 for t in span if t.is_alpha)


def _lead_text(text: str, at: int, floor: int) -> tuple[int, str]:
    """The text between the start of the sentence (or paragraph, or previous quote) and `at`."""
    start = at
    while start > floor and text[start - 1] != "\n":
        if text[start - 1] in SENTENCE_ENDS and start < at and text[start].isspace():
            break
        start -= 1
    return start, text[start:at]


def _colon_attribution(doc: Doc, quoted: QuotedSpan, lead: str, floor: int) -> Attribution | None:
    """'He said:' ending the paragraph or sentence before a quote that stands alone."""
    if lead.strip():
        return None
    before = text_of(doc)[:quoted.open].rstrip()
    if not before.endswith(":") or len(before) <= floor:
        return None
    _, previous = _lead_text(text_of(doc), len(before), floor)
    return _lead_attribution(doc, len(before), previous)


def _ends_as_lead(lead: str) -> bool:
    """A lead that hands over to a quote: 'He said:' / 'she said,' / 'he said'."""
    stripped = lead.rstrip()
    return stripped.endswith(LEAD_ENDINGS) or not stripped


def _tail_attribution(doc: Doc, quoted: QuotedSpan, across: bool = False) -> Attribution | None:
    """'"...," she said' / '"...," said John Smith' / '"..." ― Maria Lopez'. `across`: the
    attribution opens the next paragraph, after a quote left open by its comma ('"...,"' then
    'President Ana Ruiz said at a rally')."""
    inner = text_of(doc)[quoted.start : quoted.end].rstrip()
    if across and not inner.rstrip(INNER_MARKS).endswith(","):
        return None
    tail = _tail_tokens(doc, quoted, across)
    if not tail or not _hands_over(inner, tail[0]):
        return None
    if tail[0].text in DASHES and len(tail) > 1 and (tail[1].pos_ == "PROPN" or tail[1].ent_type_):
        return Attribution((tail[0].idx, tail[0].idx + 1), tail[1])
    for token in tail:
        if _is_cue(token):
            if _opens_new_content(token, quoted, tail[-1]):
                return None
            return Attribution((token.idx, token.idx + len(token)), _tail_speaker(tail, token, quoted))
    return None


def _opens_new_content(verb: Token, quoted: QuotedSpan, last: Token) -> bool:
    """', adding that ...' / ', claiming ...' after a quote goes on with new content of the
    sentence's own speaker instead of attributing the quote. A clause the parser hung on the
    verb from beyond the attribution (the next quote: '"...," she said in a post. "..."') is
    not new content of it."""
    has_clause = any(c.dep_ in ("ccomp", "xcomp") and verb.idx < c.idx and c.left_edge.i <= last.i
                     for c in verb.children)
    subject = subject_of(verb)
    borrowed = subject is not None and subject.idx < quoted.open
    return has_clause or borrowed or (verb.tag_ == "VBG" and subject is None)


def _hands_over(inner: str, first: Token) -> bool:
    """Whether a quote's end hands over to an attribution: a comma (inside or after the mark),
    a question or exclamation, a dash, or straight a name, pronoun or verb ('" Obama said');
    after a full stop only a lower-case word ('." he said')."""
    inner = inner.rstrip(INNER_MARKS)
    if first.text in DASHES or first.text == "," or inner.endswith(HANDOVER_ENDINGS):
        return True
    if inner.endswith("."):
        return first.is_lower
    return first.lower_ not in RELATIVES and (first.pos_ in ("PROPN", "PRON") or is_verb(first))


def _tail_speaker(tail: list[Token], verb: Token, quoted: QuotedSpan) -> Token | None:
    """'..., she said' takes the subject; '..., said John Smith' the name after the verb.
    A subject the parser found inside the quote itself is not the speaker."""
    subject = subject_of(verb)
    if subject is not None and subject.idx < quoted.outer_end:
        subject = None
    nouns_before = [t for t in tail if t.i < verb.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not nouns_before:
        return _adjacent_name(tail, verb) or subject
    return subject or _adjacent_name(tail, verb)


def _tail_tokens(doc: Doc, quoted: QuotedSpan, across: bool = False) -> list[Token]:
    """Tokens after the closing mark, up to the sentence's end, a new quote or a line break
    (`across`: the first paragraph break is passed over, none with text before it is)."""
    text = text_of(doc)
    end = min(len(text), quoted.outer_end + 1)
    after = doc.char_span(quoted.outer_end, end, alignment_mode="expand")
    if after is None:
        return []
    gap = text[quoted.outer_end:]
    gap = gap[: len(gap) - len(gap.lstrip())]
    if across and not (0 < gap.count("\n") <= 2):
        return []
    tokens: list[Token] = []
    for token in doc[after.start : after.start + TAIL_TOKENS]:
        if token.is_space and "\n" in token.text and not (across and not tokens):
            break
        if token.idx < quoted.outer_end or token.is_space:
            continue
        if token.text in "“\"‘'" or (token.text in SENTENCE_ENDS and tokens):
            break
        tokens.append(token)
    return tokens


def _lead_attribution(doc: Doc, at: int, lead: str) -> Attribution | None:
    """'He said: "..."', 'she said, "..."' or 'Trump said "...'"."""
    span = doc.char_span(at - len(lead), at, alignment_mode="contract")
    if span is None or not lead.strip():
        return None
    words = [t for t in span if not t.is_space]
    if not words or not (_ends_as_lead(lead) or _is_cue(words[-1]) or _cue_then_adjuncts(words, at)):
        return None
    inverted = _inverted_lead(words)
    if inverted is not None:
        return inverted
    verbs = [t for t in words if _is_cue(t)]
    if not verbs and lead.rstrip().endswith(":"):
        # 'Trump went even further: "..."': any verb that hands over with a colon says it
        verbs = [t for t in words if t.pos_ == "VERB" and subject_of(t) is not None]
        if not verbs:
            # 'The message from the ministry was clear: "..."': a document speaks for its author
            documents = [t for t in words if t.dep_ == "nsubj" and t.head.lemma_ == "be"
                         and t.lemma_.lower() in cue_lexicon().source_heads]
            if documents:
                verb = documents[0].head
                return Attribution((verb.idx, verb.idx + len(verb)), documents[0])
    if not verbs:
        return None
    verb = verbs[-1]
    subject = subject_of(verb)
    if subject is not None and subject.idx >= at and not (
            verb.dep_ == "advcl" and verb.tag_ == "VBG" and subject.head.i != verb.i
            and not any(q.start <= subject.idx < q.end for q in find_quoted_spans(text_of(doc)))):
        # (but 'Saying "...", President Ruiz added': the subject of the clause it opens)
        subject = None  # found inside the quote: not who said it
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if subject is not None and subject.ent_type_ != "PERSON" and before is not None and \
            before.ent_type_ == "PERSON" and before.i in {t.i for t in subject.subtree}:
        subject = before  # 'Longtime show writer and performer Ana Ruiz tweeted:' (misparsed)
    if subject is None:
        # 'Speaking to AFP, the president of the league, Ana Ruiz, said, "..."': the parser
        # hung the speaker on the phrase before; the person named last before the verb
        people = [t for t in words if t.i < verb.i and t.ent_type_ == "PERSON"]
        last = next((t for t in reversed(words) if t.i < verb.i and not t.is_punct), None)
        subject = people[-1] if people else (
            last if last is not None and last.pos_ == "PROPN" and not last.ent_type_ else None)
    return Attribution((verb.idx, verb.idx + len(verb)), subject)


def _cue_then_adjuncts(words: list[Token], at: int) -> bool:
    """'Ruiz said on Friday "..."' / 'said in Lima last week "..."': the lead's last speech verb
    followed only by its own adjuncts of time and place, its content clause inside the quote.
    An object ('said the deal "is dead"', 'described it as a "disaster"') is no handover."""
    cues = [t for t in words if _is_cue(t)]
    if not cues:
        return False
    verb = cues[-1]
    after = [t for t in words if t.i > verb.i and not t.is_punct]
    if not after:
        return False
    adjuncts = [child for child in verb.children if child.i > verb.i and child.dep_ in ADJUNCT_DEPS]
    covered = {t.i for child in adjuncts for t in child.subtree}
    content = any(child.dep_ in CONTENT_DEPS and child.idx >= at for child in verb.children)
    return content and all(t.i in covered for t in after)


def _inverted_lead(words: list[Token]) -> Attribution | None:
    """'Said Ellis: "..."' / 'Added the minister: "..."': a sentence opening with the speech
    verb, its speaker after it and a colon or comma handing over to the quote ('Remarked
    scientist Ana Ruiz, "..."'). The parser often reads the capitalised verb as a name, so
    the verb is known by its form."""
    if len(words) < 3 or words[-1].text not in LEAD_ENDINGS or not words[0].text[:1].isupper():
        return None
    if not cue_lexicon().is_speech_form(words[0].lower_):
        return None
    people = [t for t in words[1:-1] if t.ent_type_ == "PERSON"]
    nouns = people or [t for t in words[1:-1] if t.pos_ in ("PROPN", "NOUN")]
    if not nouns or any(is_verb(t) for t in words[1:-1]):
        return None
    return Attribution((words[0].idx, words[0].idx + len(words[0])), nouns[-1])


def _is_cue(token: Token) -> bool:
    return is_verb(token) and cue_lexicon().is_clause_cue(token.lemma_.lower())


def _adjacent_name(tail: list[Token], verb: Token) -> Token | None:
    """'..., said John Smith': the noun phrase after the verb, else the last noun before it.
    In the phrase, a named person ('said study co-author Ted Scambos'), else its head, or the
    name in apposition to it ('said his father, Abdullah Kurdi')."""
    phrase = _phrase_after(tail, verb)
    if phrase:
        people = [t for t in phrase if t.ent_type_ == "PERSON"]
        if people:
            return people[-1]
        if phrase[-1].lower_ not in cue_lexicon().agent_titles:
            # 'tweeted Mayor of London Sadiq Khan': the name after the title's 'of' phrase
            # (not 'said a spokesman for Ana Ruiz': a spokesman is not who he speaks for)
            person = _person_of(tail, phrase[-1])
            if person is not None:
                return person
        head = phrase[-1]
        named = [c for c in head.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        return named[0] if named else head
    after = [t for t in tail if t.i > verb.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
    if after:
        return _head_of_run(after[0])
    before = [t for t in tail if t.i < verb.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
    return before[-1] if before else None


def _person_of(tail: list[Token], head: Token) -> Token | None:
    """The first person named after a title head, across 'of' and its place, up to a comma,
    another preposition or a verb."""
    for token in (t for t in tail if t.i > head.i):
        if token.ent_type_ == "PERSON":
            return token
        if token.text in (",", "(") or is_verb(token) or (token.pos_ == "ADP" and token.lower_ != "of"):
            return None
    return None


def _phrase_after(tail: list[Token], verb: Token) -> list[Token]:
    """The words of the noun phrase right after a verb, up to a comma, preposition or verb;
    its last word is a noun."""
    phrase: list[Token] = []
    for token in (t for t in tail if t.i > verb.i):
        if token.text == "," or token.pos_ in ("ADP", "VERB", "AUX", "SCONJ", "CCONJ") or token.is_space:
            break
        phrase.append(token)
    while phrase and phrase[-1].pos_ not in ("PROPN", "NOUN", "PRON"):
        phrase.pop()
    return phrase


def _head_of_run(token: Token) -> Token:
    """The last token of a run of proper nouns ('John Smith' -> 'Smith')."""
    while token.i + 1 < len(token.doc) and token.nbor().pos_ == "PROPN" and token.nbor().dep_ != "appos":
        token = token.nbor()
    return token
