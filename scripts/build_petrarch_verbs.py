"""Build src/parley/data/event_petrarch.json: PETRARCH2's CAMEO verb pattern dictionary,
compiled into verb lemmas, their default codes and their dependency patterns.

    python scripts/build_petrarch_verbs.py [--shared ../shared]

Input: shared/data/petrarch2_cameo_verbs.txt (openeventdata/petrarch2, MIT; format in its
header and in petrarch2's docs/source/dictionaries.rst). What is compiled:

- synonym sets (`&NAME` then `+WORD` lines): expanded wherever a pattern names them, with the
  regular plurals the format asks for (none when the label or the phrase ends in `_`);
- verb blocks (`--- NAME [code] ---`): each verb line gives a lemma (the first word of
  `ASK_FOR`; the rest must follow it), its own code or the block's, and its irregular forms;
- patterns (`- pre * post [code] # verb`): words before `*` stand before the verb in its
  clause, words after it follow; `(PREP words)` is a prepositional phrase headed by PREP,
  `{A B}` a noun phrase; `$ + ^ %` (source, target, skip and compound markers) are dropped.
  A code `A:B` codes A for source -> target (B is the reverse event PETRARCH2 adds; kept);
  `---` says the pattern is no event.

The output is committed; re-run this to rebuild it. No example sentence is in the input.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "src" / "parley" / "data" / "event_petrarch.json"
# First words of multi-word "verbs" that are auxiliaries, not the verb ("IS_DETERMINED").
AUXILIARIES = {"is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would"}
CODE = re.compile(r"\[([^\]]*)\]")
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
# Pattern tokens: a bracketed phrase, a parenthesised prepositional phrase, or a word.
PATTERN_TOKEN = re.compile(r"\([^)]*\)|\{[^}]*\}|[^\s(){}]+")
MARKERS = {"$", "+", "^", "%"}


def parse_code(text: str) -> tuple[str | None, str | None]:
    """ "[042:043]" -> ("042", "043"); "[---]" -> (None, None); "[:054]" -> (None, "054")."""
    main, _, reverse = text.strip().partition(":")
    return _code(main), _code(reverse)


def _code(text: str) -> str | None:
    text = text.strip()
    return text if text and text.isdigit() else None


def plurals(word: str) -> list[str]:
    """The regular plurals of the format: +S, Y -> IES, SS -> SSES."""
    if (word.endswith("s") and not word.endswith("ss")) or not word.isalpha():
        return [word]
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return [word, word[:-1] + "ies"]
    if word.endswith(("ss", "sh", "ch", "x")):
        return [word, word + "es"]
    return [word, word + "s"]


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = {}
    label: str | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            label = line
            synsets[label.rstrip("_").lower()] = []
        elif line.startswith("+") and label is not None:
            synsets[label.rstrip("_").lower()] += _synset_forms(line[1:], label.endswith("_"))
        elif not line:
            label = None
    return {k: list(dict.fromkeys(v)) for k, v in synsets.items()}


def _synset_forms(phrase: str, no_plural: bool) -> list[str]:
    fixed = no_plural or phrase.endswith("_")
    words = phrase.strip("_").replace("_", " ").lower().split()
    if not words:
        return []
    if fixed:
        return [" ".join(words)]
    return [" ".join([*words[:-1], last]) for last in plurals(words[-1])]


def pattern_element(token: str, synsets: dict[str, list[str]]) -> dict[str, Any] | None:
    """One element of a pattern: {"words": [alternative phrases], "prep": preposition|None}."""
    if token.startswith("("):
        inner = token[1:-1].replace("{", " ").replace("}", " ").split()
        if not inner:
            return None
        words = [w for w in inner[1:] if w not in MARKERS]
        return {"prep": inner[0].lower(), "words": [_alternatives(w, synsets) for w in words]}
    if token.startswith("{"):
        words = [w for w in token[1:-1].split() if w not in MARKERS]
        phrases = [_alternatives(w, synsets) for w in words]
        return {"prep": None, "phrase": phrases} if phrases else None
    if token in MARKERS or (token.startswith("&") and token.lower() not in synsets):
        return None
    return {"prep": None, "words": [_alternatives(token, synsets)]}


def _alternatives(word: str, synsets: dict[str, list[str]]) -> list[str]:
    if word.startswith("&"):
        return synsets.get(word.rstrip("_").lower(), [])
    return [word.strip("_").replace("_", " ").lower()]


def parse_pattern(line: str, synsets: dict[str, list[str]]) -> dict[str, Any] | None:
    """ "- * TALKS (ON CONTRACT)  [031:031]  # HOLD" -> pre, post elements and codes."""
    body = line.split("#", 1)[0]
    found = CODE.search(body)
    if found is None or "*" not in body:
        return None
    code, reverse = parse_code(found.group(1))
    pre_text, _, post_text = body[1:found.start()].partition("*")
    pre = [e for t in PATTERN_TOKEN.findall(pre_text) if (e := pattern_element(t, synsets))]
    post = [e for t in PATTERN_TOKEN.findall(post_text) if (e := pattern_element(t, synsets))]
    if any(not alts for e in pre + post for alts in e.get("words", []) + e.get("phrase", [])):
        return None  # an undefined synset: PETRARCH2 ignores the pattern
    if not pre and not post:
        return None
    return {"pre": pre, "post": post, "code": code, "reverse": reverse}


def parse_verb(line: str) -> dict[str, Any] | None:
    """ "+ASK_FOR {+ASKED_FOR} [020]" -> lemma ask, following words [for], code 020."""
    body = line.split("#", 1)[0]
    found = CODE.search(re.sub(r"\{[^}]*\}", "", body))
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", body).strip().lstrip("+").strip()
    words = head.replace("_", " ").lower().split()
    if not words or words[0] in AUXILIARIES or "&" in head:
        return None
    forms = [f.lstrip("+").split("_")[0].lower() for f in re.findall(r"\{([^}]*)\}", body)[0].split()
             if f.strip(",")] if "{" in body else []
    verb: dict[str, Any] = {"lemma": words[0], "then": words[1:], "forms": [f for f in forms if f != ","]}
    if found is not None:
        verb["code"], verb["reverse"] = parse_code(found.group(1))
    return verb


def read_blocks(lines: list[str], synsets: dict[str, list[str]]) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for raw in lines:
        line = raw.rstrip()
        header = BLOCK.match(line)
        if header:
            code, reverse = parse_code(header.group(2))
            blocks.append({"name": header.group(1), "code": code, "reverse": reverse, "verbs": [],
                           "patterns": []})
        elif not blocks or not line.strip() or line.lstrip().startswith("#"):
            continue
        elif line.startswith("-"):
            pattern = parse_pattern(line, synsets)
            if pattern is not None:
                blocks[-1]["patterns"].append(pattern)
        elif (verb := parse_verb(line)) is not None:
            blocks[-1]["verbs"].append(verb)
    return blocks


def build(shared: Path) -> dict[str, Any]:
    text = (shared / "data" / "petrarch2_cameo_verbs.txt").read_text(encoding="utf-8", errors="replace")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    end = next(i for i, line in enumerate(lines) if "TRANSFORMATIONS" in line)
    synsets = read_synsets(lines[:start])
    blocks = read_blocks(lines[start + 1:end], synsets)
    verbs: dict[str, list[dict[str, Any]]] = {}
    for index, block in enumerate(blocks):
        for verb in block["verbs"]:
            code = verb["code"] if "code" in verb else block["code"]
            reverse = verb["reverse"] if "code" in verb else block["reverse"]
            sense = {"block": index, "code": code, "reverse": reverse, "then": verb["then"]}
            for form in [verb["lemma"], *verb["forms"]]:
                verbs.setdefault(form, []).append(sense)
    return {
        "_provenance": "Built by scripts/build_petrarch_verbs.py from shared/data/petrarch2_cameo_verbs.txt"
                       " (openeventdata/petrarch2 CAMEO verb pattern dictionary, MIT, Open Event Data"
                       " Alliance)",
        "blocks": [{"name": b["name"], "patterns": b["patterns"]} for b in blocks],
        "verbs": verbs,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    data = build(args.shared)
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    patterns = sum(len(b["patterns"]) for b in data["blocks"])
    print(f"{len(data['verbs'])} verb forms, {len(data['blocks'])} blocks, {patterns} patterns -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
