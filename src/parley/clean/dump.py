"""Plain-text dumps of scraped news pages -> title, date, outlet, byline and clean body.

The body is the largest run of prose lines (see `parley.clean.lines`) that is not broken by a
long stretch of non-prose lines: navigation, counters, link lists and headline lists sit in
such stretches, so they fall outside it. Metadata is read from the lines around the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.clean.dates import find_date
from parley.clean.labels import LABELS
from parley.clean.lines import (
    MIN_PROSE_WORDS,
    Line,
    classify_lines,
    count_words,
    label_and_value,
    line_role,
    normalize_line,
    split_glued_metadata,
)
from parley.clean.metadata import (
    PageLayout,
    find_authors_in,
    find_credit,
    find_dateline,
    find_published,
    find_site_name,
    is_caption,
)

# More non-prose lines than this in a row end a run of body text.
MAX_BODY_GAP = 5
# A second run of prose joins the body only if it is this substantial (words, lines).
SECONDARY_MIN_WORDS = 80
SECONDARY_MIN_LINES = 2
# Titles are looked for among the first lines of the page.
TITLE_SCAN_LINES = 12
MIN_TITLE_WORDS, MAX_TITLE_WORDS = 2, 30
# A dump is hard-wrapped if this share of its lines sit just under its widest lines.
WRAPPED_SHARE = 0.3

_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)))?\s*(?:\d{4}\s*)?([A-Z][\w.&' -]{1,40}?)\.?"
                        r"(?:\s+all rights.*)?$",
                        re.IGNORECASE)


@dataclass(frozen=True)
class ParsedDump:
    paragraphs: tuple[str, ...]
    title: str | None = None
    published: str | None = None
    published_from: str | None = None  # the basis: marker, byline, dateline, url, header, ...
    outlet: str | None = None
    credited_source: str | None = None
    authors: tuple[str, ...] = ()
    dateline: str | None = None  # the place of the lead's dateline ("WASHINGTON")

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def parse_dump(text: str, url: str | None = None) -> ParsedDump:
    """Split a scraped text dump into its metadata and its clean body paragraphs.

    `url`, when the page's address is known, is one more source of its publication date.
    """
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = classify_lines(unwrap_lines(split_glued_metadata(raw_lines)))
    body = select_body(lines)
    first_body = body[0].index if body else len(lines)
    title_line = find_title_line(lines, first_body)
    title = title_line.text.strip() if title_line else None
    title_key = normalize_line(title) if title else None
    paragraphs = tuple(line.text.strip() for line in body
                       if normalize_line(line.text) != title_key)
    layout = PageLayout(lines, body, title_line.index if title_line else None)
    dateline = find_dateline(layout)
    published, basis = find_published(layout, dateline, url)
    outlet, credit = find_outlet(lines)
    return ParsedDump(
        paragraphs=_dedupe(paragraphs),
        title=title,
        published=published,
        published_from=basis,
        outlet=outlet or find_site_name(layout, dateline),
        credited_source=credit or find_credit(layout, dateline),
        authors=find_authors(lines),
        dateline=dateline.place if dateline else None,
    )


def unwrap_lines(lines: list[str]) -> list[str]:
    """Join hard-wrapped paragraphs (fixed-width text) back into one line each."""
    widths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(widths) < 6:
        return lines
    wide = sorted(widths)[int(len(widths) * 0.9)]
    if wide > 100 or sum(1 for w in widths if w >= 0.75 * wide) < WRAPPED_SHARE * len(widths):
        return lines
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if line.strip() and previous.strip() and len(previous.rstrip()) >= 0.6 * wide:
            joined[-1] = previous.rstrip() + " " + line.strip()
        else:
            joined.append(line)
    return joined


def select_body(lines: list[Line]) -> list[Line]:
    """The body lines: the main run of prose plus any substantial second run, in order."""
    runs = _prose_runs(lines)
    if not runs:
        return []
    main = max(runs, key=lambda run: sum(line.words for line in run if line.is_prose))
    kept = [run for run in runs if run is main or (
        sum(line.words for line in run if line.is_prose) >= SECONDARY_MIN_WORDS
        and sum(1 for line in run if line.is_prose) >= SECONDARY_MIN_LINES)]
    return [line for run in kept for line in run if _is_body_line(line)]


def _prose_runs(lines: list[Line]) -> list[list[Line]]:
    """Stretches of lines from one prose line to the last prose line before a long gap."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    gap: list[Line] = []
    for line in lines:
        if line.role == "blank":
            continue
        if line.is_prose:
            if current and len(gap) <= MAX_BODY_GAP:
                current.extend(gap)
            elif current:
                runs.append(current)
                current = []
            current.append(line)
            gap = []
        else:
            gap.append(line)
    if current:
        runs.append(current)
    return runs


def _is_body_line(line: Line) -> bool:
    if line.is_prose:
        return True
    # A bulleted sentence inside the body is article text ("- Iran said it would ...").
    if line.role == "bullet":
        item = re.sub(r"^\s*\S+\s+", "", line.text, count=1)
        return line_role(item) == "prose" and count_words(item) >= MIN_PROSE_WORDS
    return False


def _dedupe(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    seen: set[str] = set()
    kept = []
    for paragraph in paragraphs:
        key = normalize_line(paragraph)
        if key not in seen:
            seen.add(key)
            kept.append(paragraph)
    return tuple(kept)


def find_title(lines: list[Line], first_body: int) -> str | None:
    """The headline: a short line near the top, best if the page repeats it."""
    line = find_title_line(lines, first_body)
    return line.text.strip() if line else None


def find_title_line(lines: list[Line], first_body: int) -> Line | None:
    """The headline's line: a short line near the top, best if the page repeats it."""
    candidates = [line for line in lines[:first_body]
                  if line.role in ("heading", "prose")][:TITLE_SCAN_LINES]
    scored = [(_title_score(line, rank), -rank, line) for rank, line in enumerate(candidates)
              if MIN_TITLE_WORDS <= line.words <= MAX_TITLE_WORDS and not _is_metadata(line.text)]
    scored = [item for item in scored if item[0] > 0]
    if not scored:
        return None
    return max(scored, key=lambda item: (item[0], item[1]))[2]


def _title_score(line: Line, rank: int) -> float:
    score = 2.0 if line.role == "heading" else 0.5
    if line.repeats > 1:
        score += 3.0
    return score - 0.2 * rank


def _is_metadata(text: str) -> bool:
    """A byline, an outlet or related-story line, or a dated photo caption: no headline."""
    return bool(find_authors_in(text) or _outlet_parts(text) or _related_outlet(text)
                or (is_caption(text) and find_date(text)))


def find_authors(lines: list[Line]) -> tuple[str, ...]:
    """Names from byline lines ("By Jane Doe", "Edited by: Jane Roe")."""
    return next((names for line in lines if (names := find_authors_in(line.text))), ())


def find_outlet(lines: list[Line]) -> tuple[str | None, str | None]:
    """The outlet that published the page and the source it credits, if the page says."""
    outlet = credit = None
    for line in lines:
        parts = _outlet_parts(line.text)
        if parts:
            outlet = outlet or parts[0]
            credit = credit or parts[1]
    if outlet is None:
        outlet = next((o for o in map(_related_outlet, (line.text for line in lines)) if o), None)
    if outlet is None:
        outlet = next((m.group(1).strip() for line in lines[-15:]
                       if (m := _COPYRIGHT.match(line.text.strip()))), None)
    return outlet, credit


def _outlet_parts(text: str) -> tuple[str | None, str | None] | None:
    """ "example.news | Sources: Wire Service" -> ("example.news", "Wire Service"); a lone domain line too."""
    parts = [p.strip() for p in text.split("|") if p.strip()]
    if not parts or len(parts) > 4 or count_words(text) > 12:
        return None
    outlet = next((p for p in parts if _DOMAIN.match(p)), None)
    credit = None
    for part in parts:
        split = label_and_value(part)
        if split and split[0].lower() in LABELS.credit and split[1]:
            credit = split[1]
    if outlet is None and credit is None:
        return None
    return outlet, credit


def _related_outlet(text: str) -> str | None:
    """ "RelatedTRT Global - Iran's president arrives ..." -> "TRT": a link to a sibling story."""
    stripped = text.strip()
    for prefix in LABELS.related_prefixes:
        if stripped.lower().startswith(prefix) and not _label_continues(stripped, len(prefix)):
            match = re.match(r"\s*:?\s*([A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,3})\s+[-–—|:]\s+\S",
                             stripped[len(prefix):])
            if match:
                words = match.group(1).split()
                while len(words) > 1 and words[-1].lower() in LABELS.edition_suffixes:
                    words.pop()
                return " ".join(words)
    return None



def _label_continues(text: str, end: int) -> bool:
    """ "RELATED STORY | ...": the word after an all-capital label is more of the label."""
    head = text[:end]
    following = text[end:].split()
    return head.isupper() and bool(following) and following[0].isupper()
