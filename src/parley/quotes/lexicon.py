"""The cue words of quote attribution, read once from `data/quote_cues.json`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from parley.datafiles import read_data_json

CUES_FILE = "quote_cues.json"


@dataclass(frozen=True)
class CueLexicon:
    speech: frozenset[str]  # lemmas that introduce a statement as a clause or a quote
    cognition: frozenset[str]  # lemmas of belief and intent with clausal content
    infinitives: frozenset[str]  # lemmas whose to-infinitive is the content ("vowed to fight")
    objects: frozenset[str]  # lemmas whose direct object is what was said or meant
    # lemmas whose infinitive names a deed done or not ("refused to sign", "agreed to resume
    # talks"): content only when it is itself a saying or a stance ("declined to comment")
    deeds: frozenset[str]
    # lemma -> particles whose object is a thing agreed or voted on ("agreed on a budget"):
    # content only when it is a clause ("agreed on who is a terrorist")
    deed_particles: dict[str, frozenset[str]]
    particles: dict[str, frozenset[str]]  # lemma -> prepositions whose object is the content
    according: tuple[tuple[str, ...], ...]  # "according to" phrases, lower-cased words
    source_heads: frozenset[str]  # documents that speak for someone: statement, tweet, letter
    titles: frozenset[str]  # role words that name a person in place of their name
    role_titles: dict[str, tuple[str, ...]]  # "diplomat" -> titles that hold the role
    agent_titles: frozenset[str]  # who speaks for a body, often unnamed: "a spokesman for X"
    group_nouns: frozenset[str]  # what a body is called once named: "the group", "the militia"
    person_pronouns: frozenset[str]
    genders: dict[str, str]
    anonymity_verbs: frozenset[str]  # "asked not to be named": no statement
    anonymity_nouns: frozenset[str]  # "requested anonymity": how a source is cited, no statement
    person_bodies: frozenset[str]  # what speaks for a person named as its possessor: "Ruiz's office"
    remark_nouns: frozenset[str]  # "X made the remarks": what a quote before it was
    speaking_verbs: frozenset[str]  # "X was speaking at": the quote before it was X's
    irregular_past: dict[str, str]  # "said" -> "say": past forms the suffix rules miss

    def is_clause_cue(self, lemma: str) -> bool:
        return lemma in self.speech or lemma in self.cognition

    def is_speech_form(self, word: str) -> bool:
        """Whether a lower-cased word is an inflected speech verb ("said", "adds", "noted"),
        known by its form alone, for where the parser took it for something else."""
        if word in self.irregular_past:
            return self.irregular_past[word] in self.speech
        stems = {word[:-1], word[:-2]} if word.endswith(("ed", "es")) else {word[:-1]}
        return word.endswith(("s", "d")) and any(stem in self.speech for stem in stems)


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    raw = read_data_json(CUES_FILE)
    return CueLexicon(
        speech=frozenset(raw["speech_verbs"]),
        cognition=frozenset(raw["cognition_verbs"]),
        infinitives=frozenset(raw["infinitive_verbs"]),
        objects=frozenset(raw["object_verbs"]),
        deeds=frozenset(raw["deed_verbs"]),
        deed_particles={lemma: frozenset(preps) for lemma, preps in raw["deed_particles"].items()},
        particles={lemma: frozenset(preps) for lemma, preps in raw["object_particles"].items()},
        according=tuple(tuple(p.split()) for p in raw["according_phrases"]),
        source_heads=frozenset(raw["source_heads"]),
        titles=frozenset(raw["titles"]),
        role_titles={role: tuple(titles) for role, titles in raw["role_titles"].items()
                     if not role.startswith("_")},
        agent_titles=frozenset(raw["agent_titles"]),
        group_nouns=frozenset(raw["group_nouns"]),
        person_pronouns=frozenset(raw["person_pronouns"]),
        genders=dict(raw["gendered_pronouns"]),
        anonymity_verbs=frozenset(raw["anonymity_verbs"]),
        anonymity_nouns=frozenset(raw["anonymity_nouns"]),
        person_bodies=frozenset(raw["person_bodies"]),
        remark_nouns=frozenset(raw["remark_nouns"]),
        speaking_verbs=frozenset(raw["speaking_verbs"]),
        irregular_past=dict(raw["irregular_past"]),
    )
