"""One event however many reports: the one place that decides when two reports are one event.

Two reports are one real-world event when what they say is compatible and something in both
says it is the same happening:
- the same PLOVER category and kind of modality (a fact, a plan, a refusal), both negated or not;
  a signing is its agreement, and a truce told as a halt of fire is its agreement when the
  sentences say the same, or when the agreement says it is a truce ("reached a ceasefire
  agreement" and "stops attacking" by the same two parties the same day);
- parties that agree however they are named ("Russia", "the Kremlin", "Putin" are all RUS):
  at least one party the same, none of another country; either order for symmetric categories;
  a party one report leaves out does not count against it;
- dates that agree at their shared precision ("2025-06" and "2025-06-22"), or full dates a day
  apart where one was not stated in its text (time zones, publication lag: "on Monday" and
  "on Tuesday" stated by two reports are two days); a report with no date joins only with evidence from both
  sentences (content-word likeness, or the same figures in both);
- a report that names only one of the two parties (the other left out) joins a report of
  the same day; across days or at month precision ("Israeli attacks in May") it joins only
  with evidence from both sentences: content-word likeness, the same figures or the same place;
- a fact an article reports cannot have happened after the article was published: an undated
  report of a fact joins no known event dated after its article's publication (and its day);
- an undated report is news of its time: it joins only known events reported by one of the
  latest `UNDATED_RECENT_ARTICLES` articles stored, and a known event with no date is joined
  only by reports while it is that recent (a sentence alike one of years before, with no date
  to tell, is more often a repeated formula than the same happening; and without this bound
  every undated report is compared with every event of its parties ever stored);
- an article with no publication date is read at the day of its lead news: the first of its
  reports that surely joins a dated known event (both parties, and sentences alike or the
  same figures) fixes that day, and its other undated reports of facts join only known
  events of that day (two rounds of talks a week apart are two events, even when an undated
  report of the second shares the first's figures);
- within one article, an undated meeting or agreement of the same two parties joins the
  article's dated one of its own day ("Chile and Peru agreed on Monday to ..." and "both sides
  also agreed to ..."): it adds its evidence, not its wording of the parties;
- a report another article made confirms a known event: the record is at least as sure as
  the fitted share right of such records (`events.calibration.corroborated`);
- different modes join only when the sentences say the same, except modes one strike has at
  once ("aerial", "drone", "heavy-weapons", "explosives": an air raid's missiles and bombs);
  different places join only when the sentences say the same (a city in a country the other
  report names is not a different place).
The pipeline asks `merge_reports`; the store persists what it decided, with the basis of each
merge (`merge_basis`) for the evidence view.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from parley.actors.knowledge import load_knowledge, normalize_name
from parley.actors.registry import name_key
from parley.event_codes import SYMMETRIC_TYPES
from parley.events.calibration import corroborated
from parley.models import Actor, Event, Location

# CAMEO codes PLOVER files under another category that record the happening of one of those:
# signing a formal agreement (CAMEO 057, PLOVER SUPPORT) is the agreement's own record, made by
# both parties at once (CAMEO codes it "reciprocal": two events with the actors reversed).
SAME_HAPPENING_AS = {"057": "AGREE"}
# Modes of a symmetric category that give it a direction: the visitor is the source.
DIRECTED_MODES = frozenset({"visit"})
# Modes whose events are agreements told as the act agreed (a ceasefire): compared as AGREE,
# joined with one only when the sentences say the same (alike, or the same figures).
AGREED_MODES = frozenset({"ceasefire"})
# CAMEO codes of an agreement whose content is a truce ("agreed to a ceasefire", "reached a
# ceasefire agreement": 0356, intent to de-escalate): the same happening as the truce told as a
# halt of fire by the same two parties on the same day, however unlike the sentences.
TRUCE_AGREEMENT_CODES = ("0356",)
# A report with no date joins a known event only if the sentences share this share of their
# content words (Jaccard), or a figure.
UNDATED_SIMILARITY = 0.3
# Reports that disagree on mode or place join only if their sentences are this alike.
DIFFERENT_DETAIL_SIMILARITY = 0.5
# A report naming only one of the parties joins a known event only if the sentences share
# this share of their content words, a figure or a place.
ONE_PARTY_SIMILARITY = 0.25
# A report and a known event one of which is undated are compared only when the known event
# was reported by one of the latest this many articles stored.
UNDATED_RECENT_ARTICLES = 2000
# Full dates this many days apart can be one event (time zones, publication lag).
DAY_LAG = 1
# Modes of one category that one happening can have at once: a strike from the air is
# "aerial", its missiles "heavy-weapons", its bombs "explosives"; a drone strike is all of them.
COMPATIBLE_MODES = {"ASSAULT": frozenset({"aerial", "drone", "heavy-weapons", "explosives"})}
_MODALITY_GROUPS = {"asserted": "fact", "reported_past": "fact", "planned": "future",
                    "hypothetical": "future", "refused": "negative", "denied": "negative"}
_WORD = re.compile(r"[^\W\d_]{3,}")
# Figures that identify a happening ("175 prisoners", "2,000 drones"); not years.
_FIGURE = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?![\d,]))\d[\d,]*\d(?![\d,])")
# The merge basis of an undated report that joins its own article's meeting or agreement of
# the day for want of any other tie.
NEWS_BASIS = "the article's news of the day"
# How date relations rank when a report could join several known events.
_DATE_RANK = {"same date": 3, "dates a day apart": 2, "one report undated": 1, "both undated": 0}
# How firm a date is by what it rests on (None: a record from before bases were kept).
_BASIS_RANK: dict[str | None, int] = {"text": 3, "discourse": 2, "publication": 1}


@dataclass(frozen=True)
class KnownEvent:
    """A corpus event as the merger needs it: its merged record and the sentences reporting it."""

    id: str
    event: Event
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Merged:
    """One article's report of an event and what the merger decided for it."""

    event: Event  # as this article states it
    record: Event  # the corpus event after this report: merged fields, most precise first
    event_id: str
    mention_id: str
    block_key: str
    sentence: str
    basis: tuple[str, ...]  # why it joined the known event; () when it is a new one
    is_new: bool


# The stored events each of an article's reports could be (in one go: a few queries).
CandidateLookup = Callable[[list[Event]], list[list[KnownEvent]]]
# The dates a known event may have to be this report's: (exact values, prefixes); undated
# known events always qualify.
DateWindow = tuple[list[str], list[str]]
# What a report asks the store for: its block key, date window, party slots, and how many
# of the latest stored articles the events of an undated pair must have been reported by.
CandidateRequest = tuple[str, DateWindow | None, list[str], int | None]


def merge_reports(article_id: str, text: str, events: Iterable[Event],
                  known: CandidateLookup, published: str | None = None) -> list[Merged]:
    """Pair each of an article's events with the corpus event it reports, known or new.

    `known(events)` gives the stored events each could be, at least every one that shares
    `candidate_request(event)` (the others cannot be it); reports of one article merge with
    each other by the same rules. `published` is the article's publication date: without
    one, the article is read at the day of its lead news (`news_day`)."""
    events = list(events)
    lookups = known(events) if events else []

    def stored_for(index: int, event: Event) -> list[KnownEvent]:
        return lookups[index]

    day = published[:10] if published else news_day(text, events, stored_for)
    merged: list[Merged] = []
    created: dict[str, dict[str, KnownEvent]] = {}  # block key -> id -> this article's events
    used: set[str] = set()  # this article's report ids
    for index, event in enumerate(events):
        key = block_key(event)
        sentence = text[event.sentence_start:event.sentence_end]
        local = created.setdefault(key, {})
        stored = [c for c in stored_for(index, event) if c.id not in local]
        match = find_same_event(event, sentence, [*local.values(), *stored], day,
                                published is not None, frozenset(local))
        report_id = mention_id(article_id, event)
        if match is None:
            # Two people of one code ("GOV") in one sentence are two parties, and two events:
            # the second needs an id of its own. (A repeated report of a known event keeps
            # its id: the store keeps one row of it.)
            report_id = _unused(report_id, used)
        used.add(report_id)
        if match is None:
            local[report_id] = KnownEvent(report_id, event, (sentence,))
            merged.append(Merged(event, event, report_id, report_id, key, sentence, (), True))
            continue
        # a report joined as the article's news only adds its evidence: its wording of the
        # parties ("both sides") says less than the report it joined
        record = match.known.event if NEWS_BASIS in match.basis else merged_record(
            match.known.event, event)
        if match.known.id not in local:  # another article's report: they confirm each other
            record = replace(record, confidence=corroborated(record.confidence))
        local[match.known.id] = KnownEvent(match.known.id, record,
                                           (*match.known.evidence, sentence))
        merged.append(Merged(event, record, match.known.id, report_id, key, sentence,
                             match.basis, False))
    return merged


def news_day(text: str, events: list[Event],
             stored_for: Callable[[int, Event], list[KnownEvent]]) -> str | None:
    """The day of an undated article's lead news: the date of the known event that its first
    (in text order) surely joined undated report is (both parties agree, and the sentences
    are alike or share a figure), or None."""
    order = sorted(range(len(events)), key=lambda i: (events[i].sentence_start, i))
    for index in order:
        event = events[index]
        if event.date is not None or _MODALITY_GROUPS.get(event.modality) != "fact":
            continue
        sentence = text[event.sentence_start:event.sentence_end]
        sure = [m for m in (_compare(event, sentence, c) for c in stored_for(index, event))
                if m is not None and m.rank[0] == 2 and m.known.event.date is not None
                and len(m.known.event.date) == 10 and (m.rank[2] >= UNDATED_SIMILARITY or m.figures)]
        if sure:
            return max(sure, key=lambda m: (m.rank, m.known.id)).known.event.date
    return None


def identity_type(event: Event) -> str:
    """The category an event is compared under: its own, or the one whose happening its CAMEO
    code records ("signed the declaration" is the agreement; a truce, told as a halt of fire
    or as agreed, is an agreement: "agreed to stop striking" and "ordered a halt to strikes")."""
    if event.mode in AGREED_MODES:
        return "AGREE"
    return SAME_HAPPENING_AS.get((event.cameo or "")[:3], event.type)


def _told_otherwise(a: Event, b: Event) -> bool:
    """True when two reports are compared as one category only as a truce and an agreement
    that does not say it is one ("agreed to exchange prisoners" beside "stopped striking")."""
    return a.type != b.type and (a.mode in AGREED_MODES) != (b.mode in AGREED_MODES) \
        and not (_truce(a) and _truce(b))


def _truce(event: Event) -> bool:
    """True when the report is a truce: told as a halt of fire, or as an agreement to one."""
    return event.mode in AGREED_MODES or (
        event.type == "AGREE" and (event.cameo or "").startswith(TRUCE_AGREEMENT_CODES))


def symmetric(event: Event) -> bool:
    return identity_type(event) in SYMMETRIC_TYPES


def block_key(event: Event) -> str:
    """What every report of one event shares: category, kind of modality, negation."""
    group = _MODALITY_GROUPS.get(event.modality, event.modality)
    return "|".join([identity_type(event), group, "not" if event.negated else "is"])


@dataclass(frozen=True)
class _Match:
    known: KnownEvent
    basis: tuple[str, ...]
    rank: tuple[int, int, float]
    figures: tuple[str, ...] = ()


def find_same_event(event: Event, sentence: str, candidates: Iterable[KnownEvent],
                    day: str | None = None, published: bool = False,
                    local: frozenset[str] = frozenset()) -> _Match | None:
    """The known event this report is about (the best supported), or None. `day`: the day
    an undated article is read at (its undated reports of facts join only events of that day),
    or with `published`, the article's publication date (they join no event after it).
    `local`: the ids of the article's own events among the candidates."""
    matches = [m for m in (_compare(event, sentence, c, day, published, c.id in local)
                           for c in candidates) if m is not None]
    return max(matches, key=lambda m: (m.rank, m.known.id)) if matches else None


def _compare(event: Event, sentence: str, known: KnownEvent, day: str | None = None,
             published: bool = False, same_article: bool = False) -> _Match | None:
    other = known.event
    if block_key(event) != block_key(other):
        return None
    parties = shared_parties(event, other)
    when = date_relation(event.date, other.date)
    if when == "dates a day apart" and _stated(event) and _stated(other):
        when = None  # both stated in the text ("on Monday", "on Tuesday"): two days
    if not parties or when is None:
        return None
    if event.type != other.type and len(parties) < 2:
        return None  # a signing is its agreement only when both name the same two parties
    if (day is not None and event.date is None and other.date is not None
            and _MODALITY_GROUPS.get(event.modality) == "fact" and _outside(other.date, day, published)):
        return None  # the article's news is of another day, or the event came after it
    likeness = similarity(sentence, known.evidence)
    figures = shared_figures(sentence, known.evidence)
    place = shared_place(event, other)
    undated = when in ("one report undated", "both undated")
    news = undated and same_article and _of_the_news(event, other, parties, day)
    if undated and likeness < UNDATED_SIMILARITY and not figures and not news:
        return None
    loose = when != "same date" or min(len(event.date or ""), len(other.date or "")) < 10
    if (len(parties) < 2 and _names_both(event) != _names_both(other) and loose
            and likeness < ONE_PARTY_SIMILARITY and not figures and not place):
        return None  # one report leaves a party out: the sentences must say it is the same
    differs = _detail_differs(event, other)
    if differs and likeness < DIFFERENT_DETAIL_SIMILARITY:
        return None
    if _told_otherwise(event, other) and likeness < DIFFERENT_DETAIL_SIMILARITY and not figures:
        return None
    basis = (f"type {event.type}", "parties " + "+".join(parties), when,
             f"sentence likeness {likeness:.2f}", *(f"figure {f}" for f in figures[:3]),
             *([f"place {place}"] if place else []),
             *([NEWS_BASIS] if news and likeness < UNDATED_SIMILARITY and not figures else []))
    return _Match(known, basis, (len(parties), _DATE_RANK[when], likeness), tuple(figures))


def _of_the_news(event: Event, other: Event, parties: list[str], day: str | None) -> bool:
    """Whether two reports of one article are its one meeting or agreement of the news: a
    symmetric category, both parties the same, facts, the dated one of the article's day
    ("Chile and Peru agreed on Friday to ..." and "both sides also agreed to ...")."""
    dated = event.date or other.date
    return (symmetric(event) and len(parties) == 2 and day is not None and dated is not None
            and _MODALITY_GROUPS.get(event.modality) == "fact"
            and (event.date is None) != (other.date is None)
            and date_relation(dated, day) == "same date")


def _names_both(event: Event) -> bool:
    return event.source is not None and event.target is not None


def _outside(value: str, day: str, published: bool) -> bool:
    """Whether a known event's date is not of the article's `day`: after the day (and its
    lag) when the day is the publication date, else not agreeing with it."""
    if not published:
        return date_relation(day, value) is None
    try:
        latest = date.fromisoformat(day) + timedelta(days=DAY_LAG)
    except ValueError:
        return False
    return value > latest.isoformat()[:len(value)]


def _stated(event: Event) -> bool:
    """True when the report's own clause states its date (not lent by the publication date
    or the rest of the article)."""
    if event.date_basis is not None:
        return event.date_basis == "text"
    return event.date_text is not None


def _detail_differs(a: Event, b: Event) -> bool:
    """True when the reports name different modes or different places."""
    if a.mode and b.mode and a.mode != b.mode:
        compatible = COMPATIBLE_MODES.get(a.type, frozenset())
        if not (a.mode in compatible and b.mode in compatible):
            return True
    return places_differ(a.location, b.location)


def actor_country(actor: Actor | None) -> str | None:
    return actor.country if actor is not None else None


def same_party(a: Actor | None, b: Actor | None) -> str | None:
    """How two mentions are the same party ("RUS", a person's name), "" when nothing tells,
    None when they are clearly different (another country, another named person of none)."""
    if a is None or b is None:
        return ""
    country_a, country_b = actor_country(a), actor_country(b)
    if country_a and country_b:
        return country_a if country_a == country_b else None
    if name_key(a.name) == name_key(b.name):
        return a.name
    return ""


def shared_parties(a: Event, b: Event) -> list[str]:
    """The parties two reports agree on (empty: none agree, or one clearly differs)."""
    orders = [(b.source, b.target)]
    if symmetric(a):
        orders.append((b.target, b.source))
    best: list[str] = []
    for source, target in orders:
        pair = [same_party(a.source, source), same_party(a.target, target)]
        if None in pair:
            continue
        agreed = [p for p in pair if p]
        if len(agreed) > len(best):
            best = [str(p) for p in agreed]
    return best


def party_keys(actor: Actor | None) -> list[str]:
    """The keys `same_party` could find this party by: its country, its name. Two mentions
    with no key in common are never the same party."""
    if actor is None:
        return []
    keys = [f"c:{actor.country}"] if actor.country else []
    return [*keys, f"n:{name_key(actor.name)}"]


def party_slots(record: Event) -> list[str]:
    """What a stored event is found by when a report asks for candidates: each of its
    parties' keys with the party's role ("source c:RUS", "target n:ana soto")."""
    return sorted({f"{role} {key}" for role, actor in (("source", record.source),
                                                      ("target", record.target))
                   for key in party_keys(actor)})


def candidate_slots(event: Event) -> list[str]:
    """The slots a known event must hold one of to share a party with this report
    (`shared_parties` is empty for every other): its parties' keys in the same roles, or
    in either role for a symmetric category. Empty: the report names no party, so no known
    event can be it."""
    sources, targets = party_keys(event.source), party_keys(event.target)
    slots = {f"source {k}" for k in sources} | {f"target {k}" for k in targets}
    if symmetric(event):
        slots |= {f"target {k}" for k in sources} | {f"source {k}" for k in targets}
    return sorted(slots)


def candidate_request(event: Event) -> CandidateRequest:
    """What a known event must share to be this report's event (`_compare` rejects every
    other): its block key, a date in `date_window` (or none), and a party slot; and when one
    of the two is undated, a report among the latest `UNDATED_RECENT_ARTICLES`."""
    return block_key(event), date_window(event), candidate_slots(event), UNDATED_RECENT_ARTICLES


def date_relation(a: str | None, b: str | None) -> str | None:
    """How two event dates (YYYY[-MM[-DD]]) relate, or None when they clearly differ."""
    if a is None and b is None:
        return "both undated"
    if a is None or b is None:
        return "one report undated"
    shared = min(len(a), len(b))
    if a[:shared] == b[:shared]:
        return "same date"
    if len(a) == len(b) == 10 and _days_apart(a, b) <= DAY_LAG:
        return "dates a day apart"
    return None


def date_window(event: Event) -> DateWindow | None:
    """The stored dates `date_relation` could accept for this report (None: any date)."""
    value = event.date
    if value is None:
        return None
    exact = [value[:4], value[:7]] if len(value) >= 7 else [value[:4]]
    if len(value) == 10:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return [*exact, value], []
        exact += [(day + timedelta(days=n)).isoformat() for n in range(-DAY_LAG, DAY_LAG + 1)]
        return exact, []
    return exact, [value + "-"]


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return 10**6


def places_differ(a: Location | None, b: Location | None) -> bool:
    """True when both reports name a place and the places clearly differ (a city is not a
    different place from the country it is in, nor from a seat of government geocoded to it)."""
    if a is None or b is None:
        return False
    if a.country and b.country and a.country != b.country:
        return True
    if a.country and a.country == b.country and (_is_country(a) or _is_country(b)):
        return False
    if a.lat is not None and (a.lat, a.lon) == (b.lat, b.lon):
        return False  # "the White House" stands at Washington: one place by two names
    name_a, name_b = a.name.lower(), b.name.lower()
    return name_a not in name_b and name_b not in name_a


def shared_place(a: Event, b: Event) -> str | None:
    """The place both reports name (the same name, or one name within the other), or None."""
    if a.location is None or b.location is None or places_differ(a.location, b.location):
        return None
    name_a, name_b = a.location.name.lower(), b.location.name.lower()
    if name_a in name_b or name_b in name_a:
        return a.location.name if len(name_a) >= len(name_b) else b.location.name
    return None


def _is_country(place: Location) -> bool:
    """True when the place is named as a country ("Yemen", "the United States")."""
    key = normalize_name(place.name).removeprefix("the ")
    known = load_knowledge().places.get(key)
    return known is not None and known.kind == "name"


def similarity(sentence: str, evidence: tuple[str, ...]) -> float:
    """Best content-word Jaccard similarity of a sentence to any evidence sentence."""
    words = set(_WORD.findall(sentence.lower()))
    best = 0.0
    for other in evidence:
        theirs = set(_WORD.findall(other.lower()))
        if words and theirs:
            best = max(best, len(words & theirs) / len(words | theirs))
    return best


def shared_figures(sentence: str, evidence: tuple[str, ...]) -> list[str]:
    """Figures (not years) that the sentence and some evidence sentence both state."""
    mine = {f.replace(",", "") for f in _FIGURE.findall(sentence)}
    theirs = {f.replace(",", "") for other in evidence for f in _FIGURE.findall(other)}
    return sorted(mine & theirs)


def merged_record(current: Event, new: Event) -> Event:
    """The corpus event after one more report: each field as precise as some report gives it."""
    record = current
    signing = (current.cameo or "")[:3] in SAME_HAPPENING_AS
    if signing and current.type != identity_type(current) and new.type == identity_type(current):
        # a signing merged with its agreement: the record is the agreement
        record = replace(record, type=new.type, cameo=new.cameo)
    if _firmer_date(new, current):
        record = replace(record, date=new.date, date_text=new.date_text,
                         date_basis=new.date_basis)
    source, target = _aligned(current, new)
    record = replace(record, source=_more_specific(current.source, source),
                     target=_more_specific(current.target, target))
    if not current.mode and new.mode in DIRECTED_MODES and new.type == record.type \
            and (source, target) != (new.source, new.target):
        # talks that turn out to be a visit: the visitor is the source ("Talks between Ruiz and
        # Chilean envoys in Lima", then "the envoys travelled to Lima")
        record = replace(record, source=record.target, target=record.source)
    return replace(record, mode=current.mode or (new.mode if new.type == record.type else None),
                   location=current.location or new.location,
                   confidence=max(current.confidence, new.confidence))


def _firmer_date(new: Event, current: Event) -> bool:
    """True when the new report's date says more: more precise, or as precise and stated
    rather than lent (a strike stated "on Tuesday" over the Wednesday of a report's day)."""
    if not new.date:
        return False
    if current.date is None or len(new.date) != len(current.date):
        return current.date is None or len(new.date) > len(current.date)
    return _BASIS_RANK.get(new.date_basis, 0) > _BASIS_RANK.get(current.date_basis, 0)


def _aligned(current: Event, new: Event) -> tuple[Actor | None, Actor | None]:
    """The new report's parties in the known event's order (a symmetric event may name them
    the other way round)."""
    if symmetric(new):
        straight = [same_party(current.source, new.source), same_party(current.target, new.target)]
        crossed = [same_party(current.source, new.target), same_party(current.target, new.source)]
        if None not in crossed and (None in straight or sum(map(bool, crossed)) > sum(
                map(bool, straight))):
            return new.target, new.source
    return new.source, new.target


def _more_specific(current: Actor | None, new: Actor | None) -> Actor | None:
    """The mention that says more of one party: one with a sector over a bare country. Only a
    mention known to be the same party refines it."""
    if current is None:
        return new
    if new is None or not same_party(current, new):
        return current
    return new if (new.sector and not current.sector) or (
        new.country and not current.country) else current


def mention_id(article_id: str, event: Event) -> str:
    """A stable id for one report of an event in one article."""
    parties = [_party_id(event.source), _party_id(event.target)]
    key = "\n".join([article_id, event.type, str(event.sentence_start), str(event.trigger_start),
                     block_key(event), *parties])
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _unused(report_id: str, used: set[str]) -> str:
    """The report id, or when another report of the article already has it (two reports alike
    in every field the id hashes: one act on two officials of one body), one derived from it."""
    number = 1
    candidate = report_id
    while candidate in used:
        candidate = hashlib.sha256(f"{report_id}#{number}".encode()).hexdigest()[:16]
        number += 1
    return candidate


def _party_id(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return "code:" + actor.code if actor.code else "name:" + name_key(actor.name)
