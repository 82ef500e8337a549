"""Which sentences can mention a person without naming them: a subject pronoun ("She said")
or a role phrase after "the" ("the minister"). People resolution reads these on the
dependency parse; works on a doc with no parse, so the pipeline can decide what to parse."""

from __future__ import annotations

from spacy.tokens import Span

from parley.actors.knowledge import load_knowledge

# Pronouns that can stand for a person as a subject.
PERSON_PRONOUNS = frozenset({"he", "she"})
# Words after "the" within which a role word may come ("the US secretary of state").
ROLE_WINDOW = 4


def may_mention_person(sent: Span) -> bool:
    """True if the sentence has he/she or "the" shortly before a role word."""
    sectors = load_knowledge().sectors
    doc = sent.doc
    for token in sent:
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            return True
        if lower == "the" and any(
                t.lower_ in sectors for t in doc[token.i + 1 : min(token.i + 1 + ROLE_WINDOW, sent.end)]):
            return True
    return False
