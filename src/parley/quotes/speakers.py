"""Speaker mentions: which words name the speaker, and who a pronoun or a title stands for.

`resolve_speaker_name` is the one place that maps a mention ("she", "the minister", "Dar") to
a person's full name; the entity stage's resolver can replace it without touching the rest.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from parley.actors.gender import may_stand_for, pronoun_of
from parley.actors.knowledge import national_forces
from parley.actors.people import is_listener
from parley.actors.resolve import resolve_actor_text
from parley.models import Actor
from parley.quotes.grammar import entities, is_verb, members_of, sentence_of, subject_of, text_of
from parley.quotes.lexicon import cue_lexicon
from parley.quotes.marks import find_quoted_spans

# Dependency labels of a noun's left modifiers that belong to its mention ("Pakistan's Foreign Office").
MENTION_MODIFIERS = frozenset({"compound", "amod", "det", "poss", "nummod", "nmod", "case", "punct"})
# How far back a title ("the minister") looks for the person holding it, in tokens.
TITLE_WINDOW = 6
# Letters a place and its adjective share ("Iran's minister" ~ "Iranian Foreign Minister X").
PLACE_PREFIX = 4
SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
GROUP_PRONOUNS = frozenset({"it", "they", "we"})
RELATIVE_SPEAKERS = frozenset({"who", "which", "that"})
# "a spokesman for X", "an official with X", "a spokesperson of X", "an official at X": X speaks.
SERVED_BY = frozenset({"for", "with", "of", "at", "from"})
BODY_ENTITIES = frozenset({"ORG", "GPE", "NORP"})
# How many sentences back a pronoun may follow the same pronoun as subject ("She met X. ... she said").
MAX_PRONOUN_CHAIN = 3
# What a country's armed forces are called in a bare description ("the military said").
FORCES_WORDS = frozenset({"military", "army"})
# A possessive pronoun and the subject pronoun of the same person ("his office" ~ "he").
PERSON_POSSESSIVES = {"his": "he", "her": "she"}


def speaker_actor(token: Token) -> Actor:
    """The Actor for a speaker whose mention is headed by `token`."""
    mention = mention_span(token)
    return Actor(name=resolve_speaker_name(mention), start=mention.start_char, end=mention.end_char)


def mention_span(token: Token) -> Span:
    """The named entity holding the token, else the token with its left modifiers."""
    doc = token.doc
    group = members_of(token)
    if group is not token and group.dep_ != "appos":
        # "a number of senators", "one of its members": the amount and the group it is of
        inner = mention_span(group)
        return _same_paragraph(doc[min(token.left_edge.i, inner.start) : inner.end], token)
    token = group
    if token.ent_type_ != "PERSON":
        # "Foreign Minister Omar Haddad": a title whose name follows as its apposition, right
        # after it or set off by a comma ("his father, Abdullah Kurdi", "the mayor of Lima,
        # Ana Ruiz,")
        # (the parser may hang the name on the place of "the mayor of Lima, Ana Ruiz": a
        # person is in apposition to no place)
        places = [o for p in token.rights if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "ORG", "LOC")]
        named = [c for head in (token, *places) for c in head.rights
                 if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or (
                     c.pos_ == "PROPN" and not c.ent_type_ and c.left_edge.pos_ == "PROPN") or (
                     # "television broadcaster PBS", "rights group Amnesty International"
                     c.ent_type_ == "ORG" and head.pos_ == "NOUN" and c.left_edge.i == head.i + 1))
                 and (c.left_edge.i == token.i + 1 or doc[c.left_edge.i - 1].text == ","
                      or _after_sibling(doc[c.left_edge.i - 1], c) or _after_own_phrase(token, c))]
        # ("one of the family's lawyers, Ana Ruiz,": a number the recogniser labelled CARDINAL)
        token = named[0] if named and (not token.ent_type_ or token.ent_type_ in ("NORP", "CARDINAL")) \
            else token
    person = _person_after_title(token)
    if person is not None:
        return person
    for ent in entities(doc):
        if ent.start <= token.i < ent.end and ent.label_ in SPEAKER_ENTITIES:
            return _same_paragraph(_with_given_names(_trimmed(ent)), token)
    left = token.i
    for child in token.lefts:
        if child.dep_ in MENTION_MODIFIERS:
            left = min(left, child.left_edge.i)
    return _same_paragraph(doc[left : token.i + 1], token)


def _person_after_title(token: Token) -> Span | None:
    """'Former Ambassador to the United Nations Nikki Haley', 'President of Ukraine Ana
    Ruiz': a title whose place the recogniser ran into the holder's name. The name starts at
    the first known given name inside the place's entity, after the place's own words."""
    if token.lower_ not in cue_lexicon().titles:
        return None
    for prep in token.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "to", "for"):
            continue
        for place in prep.children:
            ent = next((e for e in entities(token.doc) if e.start <= place.i < e.end), None)
            if ent is None or place.i != ent.end - 1 or ent.label_ == "PERSON":
                continue
            for word in ent[:-1]:
                if word.pos_ != "PROPN" or pronoun_of(f"{word.text} X") is None:
                    continue
                before = token.doc[word.i - 1]
                if (word.i > ent.start and resolve_actor_text(ent.doc[ent.start : word.i].text) is not None) \
                        or (word.i == ent.start and before.ent_type_ in ("ORG", "GPE") and before.i > prep.i):
                    # ('the United Nations Nikki Haley' as one name, or 'Nikki Haley' its own)
                    return Span(token.doc, word.i, ent.end, label="PERSON")
    return None


def _with_given_names(name: Span) -> Span:
    """A person's name with the given names the recogniser left out ('Sadiq' of 'London
    Sadiq Khan' when only 'Khan' is labelled): untagged proper nouns compounded on it."""
    if name.label_ != "PERSON" or len(name) != 1:
        return name
    start, titles = name.start, cue_lexicon().titles
    while start > 0:
        word = name.doc[start - 1]
        if not (word.pos_ == "PROPN" and word.dep_ == "compound" and not word.ent_type_
                and name.start <= word.head.i < name.end and word.lower_ not in titles
                and not word.is_sent_start and resolve_actor_text(word.text) is None):
            break  # ('Captain Rochester', 'Professor Ruiz': a title, not a given name)
        start -= 1
    if start == name.start:
        return name
    return Span(name.doc, start, name.end, label=name.label_)


def _after_own_phrase(title: Token, appos: Token) -> bool:
    """'Ambassador to the United Nations Ana Ruiz': the name follows the title's own phrase."""
    before = appos.doc[appos.left_edge.i - 1]
    return appos.pos_ == "PROPN" and any(
        p.dep_ == "prep" and p.i > title.i and before.i == p.right_edge.i for p in title.rights)


def _after_sibling(before: Token, appos: Token) -> bool:
    """'Another co-author, engineering professor Julian Marshall,': the name follows another
    apposition of the same noun (the title before it), not a phrase of its own."""
    return any(a.dep_ == "appos" and a.head.i == appos.head.i and a.i != appos.i
               for a in (before, *before.ancestors))


def _same_paragraph(span: Span, head: Token) -> Span:
    """The part of a mention on the head's side of a line break (a time stamp above 'Trump')."""
    start, end = span.start, span.end
    for token in span:
        if "\n" in token.text and token.i < head.i:
            start = token.i + 1
        elif "\n" in token.text and token.i > head.i:
            end = min(end, token.i)
    return span.doc[start:end]


def _trimmed(span: Span) -> Span:
    """Without leading punctuation and spaces that the entity recogniser let in, nor a speech
    verb opening the sentence that it read as part of the name ('Said Ellis: ...')."""
    start = span.start
    while start < span.end - 1 and (span.doc[start].is_punct or span.doc[start].is_space or (
            span.doc[start].is_sent_start and cue_lexicon().is_speech_form(span.doc[start].lower_))):
        start += 1
    return span.doc[start : span.end] if start > span.start else span


def resolve_speaker_name(mention: Span) -> str:
    """The full name a mention refers to, when the text before it allows; else the mention itself.

    Pronouns go to the nearest preceding person ("it"/"they" to an organisation or place), "who"
    to the noun its clause describes, a bare title to the nearest person bearing it, a surname to
    the full name it was introduced with.
    """
    doc = mention.doc
    word = mention.text.lower()
    lexicon = cue_lexicon()
    if word in RELATIVE_SPEAKERS and mention.root.head.dep_ == "relcl" and \
            mention.root.head.head.i != mention.root.head.i:
        # "officials who said", "a statement which said": the noun the clause describes
        return resolve_speaker_name(mention_span(mention.root.head.head))
    if word == "who" and mention.root.head.head.i != mention.root.head.i:
        return resolve_speaker_name(mention_span(mention.root.head.head))
    owned = _person_body(doc, mention)
    if owned is not None:
        return owned
    if word in GROUP_PRONOUNS:
        return _last_speaking_body(mention) or _nearest_entity(doc, mention.start, {"ORG", "GPE", "NORP"}) \
            or mention.text
    if word in lexicon.person_pronouns:
        return _last_speaker_name(mention) or _antecedent_person(doc, mention.start, word) or mention.text
    if mention.label_ == "PERSON" or mention.root.pos_ == "PROPN":
        return _full_name(doc, mention)
    if mention.root.lower_ in lexicon.titles:
        return _title_holder(doc, mention) or _body_served(mention) or _bare(mention)
    if mention.root.lemma_.lower() in lexicon.source_heads:  # "a statement said": who issued it,
        # else the body named last (not a people's adjective: 'Turkish'), else the document
        return _document_author(doc, mention) or _nearest_body(doc, mention.start, labels={"ORG"}) \
            or _bare(mention)
    if mention.root.lemma_.lower() in lexicon.group_nouns or mention.root.lower_ in lexicon.group_nouns:
        # "Yemen's Houthis said ... '...,' the group said": the body named last
        return _named_body(doc, mention) or _nearest_body(doc, mention.start, outside_quotes=True) \
            or _nearest_armed_group(doc, mention.start) or _bare(mention)
    return _named_body(doc, mention) or _described_person(doc, mention) or \
        _described_before(doc, mention) or _national_military(doc, mention) or _bare(mention)


def _national_military(doc: Doc, mention: Span) -> str | None:
    """'The military said' with no fuller description before it: the armed forces of the
    country named last before it that the tables give one ('Israel struck Gaza ... the
    military said' -> Israel Defense Forces; Gaza has none; 'the army' only where the army is
    the country's armed forces, or a named one: 'the US army')."""
    if mention.root.lower_ not in FORCES_WORDS or len(mention) != 2 or mention[0].lower_ != "the":
        return None
    quoted, forces = _quoted_ranges(doc), national_forces(mention.root.lower_)
    for ent in reversed(entities(doc)):
        if ent.end > mention.start or ent.label_ not in ("GPE", "NORP") or \
                any(s <= ent.start_char < e for s, e in quoted):
            continue
        match = resolve_actor_text(ent.text)
        if match is not None and match.country in forces:
            return forces[match.country]
    return None


def _described_person(doc: Doc, mention: Span) -> str | None:
    """The person a definite description goes back to by the noun that introduced them:
    "the driver" after "Chilean driver Juan Mora", "the astronomer" after "Ana Ruiz, an
    astronomer at ...": the nearest earlier person (outside quotation marks) whose own phrase
    has that noun as the title before the name or in apposition to it."""
    root = mention.root
    if root.pos_ != "NOUN" or not root.is_lower or mention[0].lower_ != "the":
        return None
    quoted = _quoted_ranges(doc)
    for ent in reversed(entities(doc)):
        if ent.end > mention.start or ent.label_ != "PERSON" or \
                any(s <= ent.start_char < e for s, e in quoted):
            continue
        if any(t.lower_ == root.lower_ or t.lemma_.lower() == root.lemma_.lower()
               for t in _descriptors(ent)):
            return _full_name(doc, ent)
    return None


def _descriptors(person: Span) -> list[Token]:
    """The nouns that describe a person where they are named, read by position (the parse may
    have skipped the sentence): the noun right before the name ("Chilean driver Juan Mora")
    and the head of a phrase set off by a comma right after it ("Ana Ruiz, an astronomer at")."""
    doc, found = person.doc, []
    i = person.start - 1
    while i >= 0 and person.start - i <= TITLE_WINDOW and doc[i].pos_ in ("NOUN", "PROPN", "ADJ") \
            and doc[i].ent_type_ != "PERSON":
        if doc[i].pos_ == "NOUN":  # the head of the title before the name: only the
            found.append(doc[i])  # nearest ("Foreign Ministry spokeswoman Ana Ruiz" is no ministry)
            break
        i -= 1
    if person.end < len(doc) and doc[person.end].text == ",":
        phrase = []
        for token in doc[person.end + 1 : person.end + 1 + TITLE_WINDOW]:
            if token.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PUNCT") or token.text == ",":
                break
            phrase.append(token)
        nouns = [t for t in phrase if t.pos_ == "NOUN"]
        if phrase and phrase[0].pos_ == "DET" and nouns:
            found.append(nouns[-1])
    return found


def _person_body(doc: Doc, mention: Span) -> str | None:
    """An office that speaks for its holder, named by them: "Ruiz's office", "his office" ->
    "Ana Ruiz's office" (the office speaks, not the person; a possessive pronoun goes to the
    person it stands for). None for anything else."""
    root = mention.root
    bodies = cue_lexicon().person_bodies
    if root.lemma_.lower() not in bodies and root.lower_ not in bodies:
        return None
    owner = next((c for c in root.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.lower_ in PERSON_POSSESSIVES:
        person = _antecedent_person(doc, mention.start, PERSON_POSSESSIVES[owner.lower_])
        return f"{person}'s {root.text}" if person else None
    if owner.ent_type_ == "PERSON":
        name = next((ent for ent in entities(doc) if ent.start <= owner.i < ent.end), None)
        if name is not None:
            return f"{_full_name(doc, name)}'s {root.text}"
    return None


def _described_before(doc: Doc, mention: Span) -> str | None:
    """The fuller description a bare one goes back to: "the military" -> "Israeli military"
    after "The Israeli military said ...", "the army" -> "Peru's army", "the office" ->
    "Mora's office": the nearest earlier noun with the same head whose own modifiers name a
    country, a body or a person (outside quotation marks)."""
    root = mention.root
    if root.pos_ not in ("NOUN", "PROPN") or not root.is_lower or \
            any(t.i != root.i and t.lower_ != "the" for t in mention):
        return None
    if not any(t.lower_ == "the" for t in mention):
        return None
    quoted = _quoted_ranges(doc)
    word = root.lower_
    for token in reversed(doc[: mention.start]):
        if token.lower_ != word or any(s <= token.idx < e for s, e in quoted):
            continue
        if any(c.dep_ in ("amod", "compound", "poss") and (
                c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")) for c in token.subtree if c.i < token.i):
            return _bare(doc[token.left_edge.i : token.i + 1])
    return None


def _body_served(mention: Span) -> str | None:
    """The body an unnamed title holder speaks for: 'a spokesman for the European Union',
    'an official with the Security Service', 'a spokeswoman for the Peruvian government' -> that
    body (a named one, or one whose phrase names its country)."""
    if mention.root.lower_ not in cue_lexicon().agent_titles:
        return None  # "the president of Namibia" is a person to be named, not Namibia
    for prep in mention.root.rights:
        if prep.dep_ != "prep" or prep.lower_ not in SERVED_BY:
            continue
        for body in prep.children:
            if body.dep_ == "pobj" and any(t.ent_type_ in BODY_ENTITIES for t in (body, *body.lefts)):
                return _bare(mention_span(body))
    return None


def _named_body(doc: Doc, mention: Span) -> str | None:
    """The body a definite description stands for: "the bank" -> the Bank of Russia named
    before it, "the ministry" -> the Ministry of Defence (the nearest organisation whose name
    holds the description's head noun)."""
    root = mention.root
    if root.pos_ != "NOUN" or not any(t.lower_ == "the" for t in mention):
        return None
    head = root.lemma_.lower()
    for ent in reversed(entities(doc)):
        if ent.end <= mention.start and ent.label_ in ("ORG", "FAC") and any(
                t.lemma_.lower() == head for t in ent):
            owner = [c for c in ent.root.lefts if c.i < ent.start and c.dep_ == "poss"
                     and c.ent_type_ in ("GPE", "NORP")]  # "Lebanon's health ministry"
            name = _bare(doc[owner[0].left_edge.i : ent.end] if owner else ent)
            return name[4:] if name.lower().startswith("the ") else name
    return None


def _document_author(doc: Doc, mention: Span) -> str | None:
    """Who a statement or tweet speaks for: who issued it ('the ministry released a
    statement'), its possessor ('the ministry's statement') or the object of 'from'/'by'/'of',
    here or where the same kind of document was named before."""
    lemma = mention.root.lemma_
    named = [t for t in mention if t.i < mention.root.i and t.ent_type_ in ("ORG", "GPE", "NORP")]
    if named:  # "a UN report", "the White House statement": the body it names
        return _bare(mention_span(named[-1]))
    for token in [mention.root, *reversed(doc[: mention.start])]:
        if token.lemma_ != lemma:
            continue
        issuer = _issuer_of(token, mention)
        if issuer is not None:
            return _bare(mention_span(issuer))
    return None


def _issuer_of(document: Token, mention: Span) -> Token | None:
    """Who a document names as its maker, where it is named: the subject of the verb issuing
    it ('the ministry issued a statement') or of the verb it accompanies ('Ruiz, in a
    statement, announced'), an earlier mention's body or place ('a Houthi statement'), its
    possessor, the agent of its making ('released by X', not 'quoted by' the media that carry
    it), or the object of 'from'/'by'/'of'."""
    lexicon = cue_lexicon()
    if document.dep_ == "dobj":
        issuers = [c for c in document.head.children if c.dep_ == "nsubj"]
        if issuers and issuers[0].pos_ in ("PROPN", "NOUN"):
            return issuers[0]
    if document.dep_ == "pobj" and document.head.lower_ == "in" and is_verb(document.head.head):
        issuer = subject_of(document.head.head)
        if issuer is not None and issuer.pos_ in ("PROPN", "NOUN") and issuer.i < document.i:
            return issuer
    modifiers = [t for t in document.lefts if t.ent_type_ in ("ORG", "GPE", "NORP")]
    if document.i < mention.start and modifiers:
        return modifiers[-1]
    for child in document.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() not in lexicon.speech \
                and child.lemma_.lower() not in lexicon.objects:
            agents = [o for a in child.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            if agents:
                return agents[0]
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _bare(mention: Span) -> str:
    start = mention.start
    while start < mention.end - 1 and mention.doc[start].dep_ in ("det", "punct"):
        start += 1
    return mention.doc[start : mention.end].text


def _nearest_body(doc: Doc, before: int, outside_quotes: bool = False,
                  labels: set[str] | None = None) -> str | None:
    """The organisation or group named last before a position, without its article
    (`outside_quotes`: not one named inside a quotation; `labels`: only entities so labelled,
    outside quotations)."""
    if labels is not None:
        quoted = _quoted_ranges(doc)
        bodies = [ent.text for ent in entities(doc) if ent.end <= before and ent.label_ in labels
                  and not any(s <= ent.start_char < e for s, e in quoted)]
        name = bodies[-1] if bodies else None
    elif outside_quotes:
        quoted = _quoted_ranges(doc)
        bodies = [ent.text for ent in entities(doc) if ent.end <= before and _is_body(ent)
                  and not any(s <= ent.start_char < e for s, e in quoted)]
        name = bodies[-1] if bodies else None
    else:
        name = _nearest_entity(doc, before, {"ORG", "NORP"})
    return name[4:] if name is not None and name.lower().startswith("the ") else name


def _nearest_armed_group(doc: Doc, before: int) -> str | None:
    """The armed group named last before a position by a word the recogniser did not label,
    as in 'the Houthi-run news agency' ('... the group said': the Houthis)."""
    quoted = _quoted_ranges(doc)
    named = {ent.end - 1: ent.text for ent in entities(doc)}  # "Ansar Allah" as a whole
    for token in reversed(doc[:before]):
        if token.pos_ not in ("PROPN", "ADJ") or any(s <= token.idx < e for s, e in quoted):
            continue
        for words in (named.get(token.i), token.text.split("-")[0]):
            match = resolve_actor_text(words) if words else None
            if match is not None and match.kind == "known" and match.name and "REB" in match.sectors:
                return words if words == named.get(token.i) else match.name
    return None


def _is_body(ent: Span) -> bool:
    """An organisation or group, also one the recogniser took for a person ('Houthis'); not
    the media that report on it ('the Saba news agency said ... the group said')."""
    if ent.label_ in ("ORG", "NORP"):
        match = resolve_actor_text(ent.text)
        return match is None or "JRN" not in match.sectors
    match = resolve_actor_text(ent.text) if ent.label_ == "PERSON" else None
    return match is not None and match.kind == "known" and not set(match.sectors) & {"GOV", "LEG"} \
        and ent.text.endswith("s")


def _nearest_entity(doc: Doc, before: int, labels: set[str]) -> str | None:
    for ent in reversed(entities(doc)):
        if ent.end <= before and ent.label_ in labels:
            return _full_name(doc, ent) if ent.label_ == "PERSON" else ent.text
    return None


def _last_speaker_name(mention: Span) -> str | None:
    """Who a pronoun that speaks ('"...," he said') stands for when someone spoke since the
    last person was named: the subject of that speech verb ("Ruiz said that Brown misled them.
    '...,' she said" is Ruiz; "The official added that ...: '...,' he said" the official)."""
    doc, pronoun = mention.doc, mention.root
    lexicon = cue_lexicon()
    if pronoun.head.lemma_.lower() not in lexicon.speech:
        return None
    sentence = sentence_of(pronoun)
    floor = sentence.start
    for _ in range(MAX_PRONOUN_CHAIN - 1):
        floor = sentence_of(doc[floor - 1]).start if floor > 0 else floor
    quoted = _quoted_ranges(doc)
    people = [ent for ent in entities(doc) if ent.label_ == "PERSON" and ent.end <= mention.start
              and not any(s <= ent.start_char < e for s, e in quoted) and not is_listener(ent.root)]
    last_named = sentence_of(people[-1].root).start if people else floor
    for verb in reversed(doc[max(floor, last_named) : pronoun.i]):
        lemma = verb.lemma_.lower()
        if verb.i == pronoun.head.i or not (lemma in lexicon.speech or lemma in lexicon.objects) \
                or not is_verb(verb) \
                or any(s <= verb.idx < e for s, e in quoted):
            continue
        subject = subject_of(verb)
        subjects = [subject] if subject is not None and subject.i < verb.i else []
        if not subjects:
            continue
        subject = subjects[0]
        named = any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subject.children)
        if subject.ent_type_ == "PERSON" or subject.lower_ in lexicon.titles or named or (
                subject.pos_ == "PROPN" and subject.ent_type_ in ("", "ORG") and not _is_place(subject)):
            # (named: "his daughter Ana Ruiz backed the plan", the name in apposition)
            name = resolve_speaker_name(mention_span(subject))
            # "Mora said ... '...,' she said": not Mora; the person she can be is looked for
            return name if may_stand_for(pronoun.lower_, name) else None
        if subject.lower_ == pronoun.lower_:
            return _last_speaker_name(mention_span(subject))
        return None
    return None


def _is_place(token: Token) -> bool:
    """A country, capital or seat of government the recogniser left unlabelled ('Peru on
    Thursday rejected ...' after a dateline): no person a 'he' or 'she' stands for."""
    match = resolve_actor_text(token.text)
    return match is not None and match.kind in ("country", "capital", "seat")


def _last_speaking_body(mention: Span) -> str | None:
    """Who 'it said' / 'they said' stands for: the body that made the last statement before
    it, in its sentence or the two before ("The Chilean army said that Peru had fired first.
    '...,' it said" is the army, not Peru)."""
    doc, pronoun = mention.doc, mention.root
    lexicon = cue_lexicon()
    if pronoun.head.lemma_.lower() not in lexicon.speech:
        return None
    floor = sentence_of(pronoun).start
    for _ in range(MAX_PRONOUN_CHAIN - 1):
        floor = sentence_of(doc[floor - 1]).start if floor > 0 else floor
    quoted = _quoted_ranges(doc)
    for verb in reversed(doc[floor : pronoun.i]):
        lemma = verb.lemma_.lower()
        if verb.i == pronoun.head.i or not (lemma in lexicon.speech or lemma in lexicon.objects) \
                or not is_verb(verb) or any(s <= verb.idx < e for s, e in quoted):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # its own
        if subject is None or subject.i > verb.i or subject.ent_type_ == "PERSON" or \
                subject.lower_ in lexicon.person_pronouns:
            continue
        if subject.lower_ == pronoun.lower_:
            return _last_speaking_body(mention_span(subject))
        if subject.ent_type_ in ("ORG", "GPE", "NORP") or subject.pos_ == "NOUN":
            name = resolve_speaker_name(mention_span(subject))
            return name[4:] if name.lower().startswith("the ") else name
    return None


def _antecedent_person(doc: Doc, before: int, pronoun: str = "", depth: int = 0) -> str | None:
    """The person a pronoun points back to: in the nearest sentence naming anyone, its subject
    if that is a person, else the last person named. People named inside quotation marks are
    talked about, not talking ('"We thank Gabriel Boric," she said'); and when that sentence's
    subject is the same pronoun ('She met Gabriel Boric ... she said'), the chain goes on back."""
    quoted = _quoted_ranges(doc)
    people = [ent for ent in entities(doc) if ent.label_ == "PERSON" and ent.end <= before
              and not any(s <= ent.start_char < e for s, e in quoted) and not is_listener(ent.root)
              and may_stand_for(pronoun, _full_name(doc, ent))]  # "she" is not Juan Mora
    if not people:
        return None
    sentence = sentence_of(people[-1].root)
    in_sentence = [ent for ent in people if sentence_of(ent.root) == sentence]
    subjects = [ent for ent in in_sentence if ent.root.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and pronoun and depth < MAX_PRONOUN_CHAIN:
        same = [t for t in sentence if t.lower_ == pronoun and t.dep_ in ("nsubj", "nsubjpass")
                and t.i < people[-1].start]
        if same:
            return _antecedent_person(doc, same[0].i, pronoun, depth + 1)
    return _full_name(doc, (subjects or in_sentence)[-1 if not subjects else 0])


def _quoted_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, found once per document."""
    key = "parley_quoted_ranges"
    if key not in doc.user_data:
        doc.user_data[key] = [(q.start, q.end) for q in find_quoted_spans(text_of(doc))]
    ranges: list[tuple[int, int]] = doc.user_data[key]
    return ranges


def _full_name(doc: Doc, person: Span) -> str:
    """A surname, or a title and surname, becomes the earlier fuller name that ends with it."""
    name = _clean_name(person)
    titles = cue_lexicon().titles
    core = [word for word in name.split() if word.lower() not in titles]
    if not core:
        return name
    for start, length, fuller in _people_by_last_word(doc).get(core[-1], ()):
        if start >= person.start:
            break
        if length > len(core):
            return fuller
    return name


@lru_cache(maxsize=4)
def _people_by_last_word(doc: Doc) -> dict[str, tuple[tuple[int, int, str], ...]]:
    """The document's PERSON entities by the last word of their clean name, in text order:
    (start token, number of words, the words joined), built once per document instead of
    once per name looked up (entities come sorted by start)."""
    people: dict[str, list[tuple[int, int, str]]] = {}
    for ent in entities(doc):
        if ent.label_ != "PERSON":
            continue
        words = _clean_name(ent).split()
        if words:
            people.setdefault(words[-1], []).append((ent.start, len(words), " ".join(words)))
    return {last: tuple(found) for last, found in people.items()}


def _clean_name(person: Span) -> str:
    return person.text.removesuffix("'s").removesuffix("’s").strip()


def _title_holder(doc: Doc, mention: Span) -> str | None:
    """The nearest preceding person whose mention carries the same title word, or a title that
    holds the role ("the top diplomat" -> the foreign minister named before)."""
    title = mention.root.lower_
    held_by = (title, *cue_lexicon().role_titles.get(title, ()))
    places = [t.lower_[:PLACE_PREFIX] for t in mention if t.ent_type_ in ("GPE", "NORP")]
    unplaced: Span | None = None  # a holder whose phrase names no country: the second choice
    for ent in reversed(entities(doc)):
        if ent.end > mention.start or ent.label_ != "PERSON":
            continue
        start = max(ent.start - TITLE_WINDOW, 0)
        for token in doc[start : ent.start]:  # the title is in the name's own phrase:
            if token.pos_ in ("VERB", "AUX") or token.text in (".", ";"):  # no verb between
                start = token.i + 1
        titled = ent.root.head if ent.root.dep_ == "appos" else None
        if titled is not None and titled.lower_ in held_by:
            # "The head of the Russian delegation, Presidential Aide Vladimir Medinsky,"
            start = min(start, titled.left_edge.i)
        window = [t.lower_ for t in doc[start : ent.end]]
        phrase = f" {' '.join(window)} "
        if not any(f" {held} " in phrase for held in held_by):
            continue
        if all(any(w.startswith(p) for w in window) for p in places):
            return _full_name(doc, ent)
        if unplaced is None and not any(t.ent_type_ in ("GPE", "NORP") for t in doc[start : ent.end]):
            unplaced = ent
    # "Foreign Minister Espen Lund said ... the top Norwegian diplomat said": the one holder
    # of the role whose country the text leaves unsaid
    return _full_name(doc, unplaced) if unplaced is not None else None
