"""Where temporal expressions are: a table of named regular expressions over the text.

Each rule's name is also the name of the function in `timex.rules` that gives a match its
TIMEX3 type and value. Rules are built from the word tables of the lexicon; matching is case
insensitive, and the capitalisation checks (May, March, Sunday) are done on the match.
Overlapping matches are settled longest first, then by rule order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from parley.timex.lexicon import Lexicon, load_lexicon, phrase_pattern

# Word boundaries that also keep hyphenated words whole ("mid-1990s" is one word, "10-year" too).
START = r"(?<![\w\-/.$£€])"
END = r"(?![\w]|-(?!-)|/\d|\.\d|%)"
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# "early", "the end of", "the first half of" ... before a date keep it one expression.
POSITION = (r"(?:(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|turn|rest|remainder|balance)"
            r"\s+of(?:\s+the)?|(?:the\s+)?(?:first|second|last|latter)\s+half\s+of(?:\s+the)?"
            r"|(?:the\s+)?(?:early|latter|first|last)\s+part\s+of(?:\s+the)?|early|late|mid|earlier|later)")

# Characters searched on each side of a rule's key word: longer than any expression's reach.
WINDOW = 120
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True)
class Rule:
    """A named pattern and the class of its key words: every match contains such a word, so
    the pattern only runs around them (scanning the whole text with every rule is slow)."""

    name: str
    pattern: re.Pattern[str]
    core: str


@dataclass(frozen=True)
class Candidate:
    """A match of one rule: where it is and the match object for the rule's resolver."""

    start: int
    end: int
    rule: str
    priority: int
    match: re.Match[str]

    # Rules share checks and resolvers but not all their groups ("cw" is clock_time's,
    # "cw2" clock_after_day's): reading a group by name must not fail on a rule without it.
    def group(self, name: str) -> str | None:
        """The text of a named group; None when it did not take part or the rule has none."""
        if name not in self.match.re.groupindex:
            return None
        return self.match.group(name)

    def group_start(self, name: str) -> int | None:
        """Where a named group starts; None when it did not take part or the rule has none."""
        if self.group(name) is None:
            return None
        return self.match.start(name)


def find_candidates(text: str) -> list[Candidate]:
    """Every rule match in the text; they may overlap (see `select_longest`)."""
    found: list[Candidate] = []
    keys = key_positions(text)
    windows: dict[str, list[tuple[int, int]]] = {}
    for priority, rule in enumerate(compiled_rules()):
        if rule.core not in windows:
            windows[rule.core] = _windows(text, keys.get(rule.core, []))
        seen: set[tuple[int, int]] = set()
        for start, end in windows[rule.core]:
            for match in rule.pattern.finditer(text, start, end):
                if match.end() > match.start() and match.span() not in seen:
                    seen.add(match.span())
                    found.append(Candidate(match.start(), match.end(), rule.name, priority, match))
    return found


def key_positions(text: str) -> dict[str, list[int]]:
    """Where the key words of each class are: one pass over the words of the text."""
    classes = word_classes()
    positions: dict[str, list[int]] = {}
    for token in _TOKEN.finditer(text):
        word = token.group().lower()
        if word.isdigit():
            found: frozenset[str] = _NUMBER_CLASSES[len(word) == 4]
        else:
            found = classes.get(word, frozenset())
        for name in found:
            positions.setdefault(name, []).append(token.start())
    return positions


_NUMBER_CLASSES = {True: frozenset({"number", "year"}), False: frozenset({"number"})}


def _windows(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """Merged stretches of text around the key words, cut at white space."""
    windows: list[tuple[int, int]] = []
    for at in starts:
        start = _cut(text, at - WINDOW, -1)
        end = _cut(text, at + WINDOW, 1)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _cut(text: str, at: int, step: int) -> int:
    """The nearest white space at or beyond `at` (towards the text's edge), or the edge."""
    if at <= 0:
        return 0
    if at >= len(text):
        return len(text)
    found = text.rfind(" ", 0, at) if step < 0 else text.find(" ", at)
    return (0 if step < 0 else len(text)) if found < 0 else found


def select_longest(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates in text order: the longest wins, then the earlier rule."""
    found = sorted(candidates, key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[Candidate] = []
    for candidate in found:
        if all(candidate.end <= other.start or candidate.start >= other.end for other in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)


@lru_cache(maxsize=1)
def compiled_rules() -> tuple[Rule, ...]:
    return tuple(Rule(name, re.compile(START + pattern + END, re.IGNORECASE), RULE_KEYS[name])
                 for name, pattern in rule_table(load_lexicon()))


# The class of key word every match of a rule contains (see `word_classes`).
RULE_KEYS = {
    "clock_time": "number", "clock_after_day": "weekday", "clock_deictic": "day_word",
    "date_mdy": "month", "date_dmy": "month",
    "day_range": "month", "year_range": "year",
    "date_iso": "year", "date_slash": "number", "month_year": "month", "month_rel_year": "month",
    "month_quarter": "month",
    "quarter": "quarter", "quarter_relative": "quarter", "quarter_code": "number",
    "year_relative_adjective": "unit",
    "fiscal_year": "fiscal", "decade": "decade", "decade_words": "decade", "century": "unit",
    "year_words": "year_word", "year_alone": "year", "holiday": "holiday", "season": "season",
    "week_of": "unit", "deictic_pod": "day_word", "deictic": "day_word", "weekday": "weekday",
    "weekday_set": "weekday", "season_set": "season", "month_alone": "month", "unit_relative": "unit",
    "position_in": "unit",
    "anchored_shift": "unit",
    "duration": "unit", "unit_plural": "unit", "set": "set", "set_every": "every",
    "set_times": "every", "reference": "reference", "reference_adjective": "reference",
    "anaphoric": "unit", "day_count": "unit", "mid_pod": "day_word", "overnight": "day_word",
    "year_end": "unit", "day_ordinal": "number",
}


@lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    """Lower-case word -> the key-word classes it belongs to, from the lexicon."""
    lex = load_lexicon()
    table: dict[str, set[str]] = {}

    def add(name: str, words: Iterable[str]) -> None:
        for phrase in words:
            for word in _TOKEN.findall(phrase.lower()):
                table.setdefault(word, set()).add(name)

    add("month", lex.months)
    add("weekday", lex.weekdays)
    add("weekday", [name + "s" for name in lex.weekdays if len(name) > 4])  # "on Sundays"
    # Parts of the day are units of "the next morning", "that evening" (unit_relative, anaphoric).
    add("unit", [*lex.units, *(u + "s" for u in lex.units), "centuries", "period",
                 "morning", "afternoon", "evening"])
    add("quarter", ["quarter", "quarters", "half", "period"])
    add("fiscal", ["fiscal"])
    add("decade", ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                   "nineties", "s"])
    add("year_word", ["nineteen", "eighteen", "twenty", "thousand"])
    add("holiday", [h.split()[0] for h in lex.holidays])
    add("season", [*lex.seasons, *(name + "s" for name in lex.seasons), "weekends"])
    add("day_word", ["today", "yesterday", "tomorrow", "tonight", "overnight", *lex.parts_of_day])
    add("set", lex.sets)
    add("every", ["every", "each", "per", "once", "twice", "times"])
    add("reference", [phrase.split()[-1] for phrase in lex.references])
    add("reference", lex.reference_adjectives)
    add("number", [*lex.clock_words, "am", "pm", "m", "gmt", "utc"])
    return {word: frozenset(names) for word, names in table.items()}


@lru_cache(maxsize=1)
def following_day() -> re.Pattern[str]:
    """The day a clock time is given on, written just after it: "8:30 a.m. (0630 GMT) on
    January 19", "10 p.m., Wednesday"."""
    lex = load_lexicon()
    month = phrase_pattern(lex.months) + r"\.?"
    weekday = phrase_pattern(lex.weekdays)
    return re.compile(rf"\s*(?:\([^)]{{0,30}}\)\s*)?,?\s*(?:on\s+)?(?:(?P<weekday>{weekday})"
                      rf"|(?P<deictic>today|yesterday|tomorrow)|(?P<month>{month})\s+(?P<day>{DAY}))\b",
                      re.IGNORECASE)


def rule_table(lex: Lexicon) -> list[tuple[str, str]]:
    """(rule name, regex) in order of preference for matches of the same length."""
    full_months = [name for name in lex.months if len(name) > 4 or name in ("may", "june", "july")]
    short_months = [name for name in lex.months if name not in full_months]
    month = rf"(?:{phrase_pattern(full_months)}|{phrase_pattern(short_months)}\.?)"
    weekday = phrase_pattern(lex.weekdays)
    full_weekday = phrase_pattern([name for name in lex.weekdays if len(name) > 4])
    number = _number_pattern(lex)
    unit = r"(?:" + phrase_pattern(lex.units) + r")s?"
    plural = r"(?:" + phrase_pattern(lex.units) + r")s"
    season = phrase_pattern(lex.seasons)
    holiday = phrase_pattern(lex.holidays)
    pod = phrase_pattern(lex.parts_of_day)
    direction = phrase_pattern(lex.direction_words)
    hedge = phrase_pattern(lex.duration_hedges)
    vague = phrase_pattern(lex.vague_quantities)
    ordinal = phrase_pattern(lex.ordinals)
    clock = (r"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)"
             r"(?:\s+(?P<tz>[A-Z]{1,2}[SD]T|[ECMP]T|GMT|UTC|local\s+time)\b)?"
             r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?:\s+(?P<tz24>[A-Z]{1,2}[SD]T|GMT|UTC)\b)"
             # "4 in the morning", "10 o'clock at night", "at 9 o'clock"
             r"|(?P<hourw>[01]?\d)(?:[:.](?P<minutew>[0-5]\d))?(?:\s+o['’]clock)?\s+(?P<podw>in\s+the\s+"
             r"(?:morning|afternoon|evening)|at\s+night)|(?P<hourc>[01]?\d)\s+o['’]clock")
    clock_word = phrase_pattern(lex.clock_words)
    day_ref = (rf"(?P<dwd>{weekday})(?:\s+(?:morning|afternoon|evening|night))?(?:,?\s+(?P<wmonth>{month})"
               rf"\s+(?P<wday>{DAY})(?!\d))?|(?P<ddeictic>today|yesterday|tomorrow|tonight)"
               rf"|(?P<dmonth>{month})\s+(?P<dday>{DAY})")
    return [
        ("clock_time", rf"(?:(?P<cw>{clock_word})|{clock})(?:,?\s+(?:on\s+)?(?:{day_ref}))?"),
        # "6:30 this evening", "7 tonight", "10 tomorrow morning": an hour of a day named by a
        # deictic part of the day (no a.m./p.m.: the part of the day says which)
        ("clock_deictic", r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bafter\s)|(?<=\bbefore\s)"
                          r"|(?<=\baround\s)|(?<=\babout\s)|(?=[01]?\d[:.][0-5]\d))(?P<hourd>[01]?\d)(?:[:.](?P<minuted>[0-5]\d))?\s+(?P<dpod>(?:this|tomorrow|yesterday)"
                          r"\s+(?:morning|afternoon|evening|night)|tonight|last\s+night)"),
        ("clock_after_day", rf"(?P<dwd2>{weekday})(?:\s+{pod})?\s+(?:at\s+)?(?:(?P<cw2>{clock_word})"
                            rf"|(?P<hour2>[01]?\d)(?:[:.](?P<minute2>[0-5]\d))?\s*(?P<ampm2>[ap]\.?\s?m\b\.?))"),
        ("date_mdy", rf"(?:(?P<wd>{weekday}),?\s+|(?P<dir>last|this|next)\s+)?(?P<month>{month})"
                     rf"\s+(?P<day>{DAY})(?!\d)"
                     rf"(?:(?:,\s*|\s+)(?P<year>{YEAR})(?!\d))?"),
        ("date_dmy", rf"(?:(?P<wd>{weekday}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{month})"
                     rf"(?:,?\s+(?P<year>{YEAR}))?"),
        # "April 24-25", "April 24 and 25, 1999": TimeML tags each end ("April 24", "25").
        ("day_range", rf"(?:(?P<wd>{weekday}),?\s+)?(?P<month>{month})\s+(?P<day>{DAY})"
                      rf"(?:\s*[-–]\s*|\s+(?:and|to|or|through|until)\s+)(?P<day2>{DAY})(?!\d)"
                      rf"(?:(?:,\s*|\s+)(?P<year>{YEAR})(?!\d))?"),
        # "1994-97", "1994-1997": two years.
        ("year_range", rf"(?P<year>{YEAR})\s*[-–]\s*(?P<year2>{YEAR}|\d\d)"),
        ("date_iso", rf"(?P<year>{YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"),
        ("date_slash", r"(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)"),
        ("month_year", rf"(?:(?P<pos>{POSITION})[\s-]+)?(?P<month>{month}),?\s+(?:of\s+)?(?P<year>{YEAR})"),
        ("month_rel_year", rf"(?:(?P<pos>{POSITION})[\s-]+)?(?:(?P<rday2>{DAY})\s+)?(?P<month>{month})"
                           rf"(?:\s+(?P<rday>{DAY})(?!\d))?,?\s+(?:of\s+)?"
                           rf"(?P<dir>this|last|next|the\s+same|that|the\s+following|the\s+previous)\s+year"),
        ("quarter", rf"(?:(?:the|its|their|this\s+year['’]s|last\s+year['’]s|next\s+year['’]s"
                    rf"|(?P<year1>{YEAR})['’]s)\s+)?(?:(?P<ago>year[\s-]+(?:ago|earlier)|prior[\s-]+year)\s+)?"
                    rf"(?:(?P<year2>{YEAR})\s+)?(?:(?:fiscal|calendar)[\s-]+)?"
                    r"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|last|latter)[\s-]+"
                    r"(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?:\s+(?:of\s+)?(?:fiscal\s+)?"
                    rf"(?:(?P<year3>{YEAR})|(?P<dir3>this|last|next)\s+year|the\s+year))?"),
        # "the October-December quarter", "the July-September period": a quarter by its months
        ("month_quarter", rf"(?:the\s+)?(?P<m1>{month})[\s-]+(?:to\s+)?(?P<m2>{month})"
                          r"\s+(?:quarter|period)"),
        ("quarter_code", rf"(?P<code>Q[1-4]|H[12])\s*(?:FY\s*)?(?P<year>{YEAR}|['’]?\d\d)"
                         rf"|(?P<year2>{YEAR})\s*(?P<code2>Q[1-4]|H[12])|FY\s?(?P<fy>{YEAR}|['’]?\d\d)"),
        ("quarter_relative", rf"(?:the\s+|its\s+|this\s+|that\s+)?(?:(?P<year>{YEAR})\s+)?"
                             r"(?P<dir>latest|current|last|next|previous|"
                             r"past|coming|same|year[\s-]+(?:ago|earlier)|comparable(?:\s+year[\s-]+"
                             r"(?:ago|earlier))?|corresponding|prior[\s-]+year|year[\s-]+before)?"
                             r"(?:\s+fiscal)?\s*(?P<unit>quarter|period)(?:\s+(?P<ago>a\s+year\s+"
                             r"(?:ago|earlier)|last\s+year|of\s+last\s+year))?"),
        ("year_relative_adjective", r"(?P<dir>year[\s-]+(?:ago|earlier))"),
        ("fiscal_year", rf"(?:(?:the\s+)?(?P<year0>{YEAR})\s+fiscal\s+year"
                        r"|(?:(?:the\s+)?(?P<dir>this|last|next|current|latest|previous|coming|past)?\s*)?"
                        rf"fiscal(?:\s+year)?\s*(?P<year>{YEAR}|'?\d\d(?:-\d\d)?)?)"),
        ("decade", rf"(?:(?P<pos>{POSITION})[\s-]+)?(?:the\s+)?(?:(?P<pos2>early|mid|late)[\s-]+)?"
                   r"(?P<century>1\d|20|['’])?(?P<decade>\d)0['’]?s"),
        ("decade_words", rf"(?:(?P<pos>{POSITION})[\s-]+)?(?:the\s+)?(?:(?P<pos2>early|mid|late)[\s-]+)?"
                         r"(?P<decade>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"),
        ("century", rf"(?:(?P<pos>{POSITION})[\s-]+)?(?:the\s+)?(?:(?P<pos2>early|mid|late)[\s-]+)?"
                    rf"(?P<ordinal>\d{{1,2}}(?:st|nd|rd|th)|{ordinal})[\s-]+century"),
        ("year_words", r"(?:the\s+year\s+)?(?P<yw>(?:nineteen|eighteen|twenty)[\s-]+(?:(?:ten|eleven|twelve|"
                       r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|"
                       r"fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|"
                       r"eight|nine))?|hundred|oh[\s-]+\w+)|two\s+thousand(?:\s+and)?(?:[\s-]+(?:one|two|three|"
                       r"four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                       r"sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-](?:one|two|three|four|five|six|"
                       r"seven|eight|nine))?))?)"),
        ("year_alone", rf"(?:(?P<pos>{POSITION})[\s-]+)?(?:(?P<fiscal>fiscal|calendar|the\s+year|mid|"
                       rf"post|pre)[\s-]+)?(?P<year>{YEAR})"),
        ("holiday", rf"(?:(?P<dir>{direction})\s+)?(?P<holiday>{holiday})(?:,?\s+(?P<year>{YEAR}))?"),
        ("season", rf"(?:(?P<pos>{POSITION})[\s-]+)?(?:(?P<dir>{direction}|the|that|this\s+past)\s+)?"
                   rf"(?P<season>{season})(?:\s+(?:of\s+)?(?P<year>{YEAR}|(?:this|last|next)\s+year))?"),
        ("week_of", rf"the\s+week\s+of\s+(?P<month>{month})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?"),
        ("deictic_pod", rf"(?:(?P<pos>early|late|earlier|later)\s+)?(?P<deictic>today|yesterday|tomorrow)"
                        rf"(?:\s+(?P<pod>{pod}))?|(?P<pod2>{pod})\s+(?P<deictic2>today|yesterday|tomorrow)"),
        ("deictic", phrase_pattern(lex.deictic_days)),
        # "on Sundays", "Tuesday nights": a weekday that recurs (TimeML SET XXXX-WXX-2TNI)
        ("weekday_set", rf"(?P<swd>{full_weekday})s|(?P<swd2>{weekday})\s+"
                        r"(?P<spod>morning|afternoon|evening|night)s"),
        # "the past three summers", "on weekends": seasons and weekends that recur (TimeML SET)
        ("season_set", rf"(?:the\s+)?(?:past|last|next|coming)\s+(?P<number>{number})\s+"
                       rf"(?P<sseason>{season})s|(?<=\bon\s)(?P<weekends>weekends)"),
        ("weekday", rf"(?:(?P<dir>{direction}|early|late|earlier|later)\s+)?(?P<weekday>{weekday})"
                    rf"(?:\s+(?P<pod>{pod}))?"),
        ("month_alone", rf"(?:(?P<pos>{POSITION})[\s-]+)?(?:(?P<dir>{direction})\s+)?(?P<month>{month})"),
        ("unit_relative", rf"(?:(?P<pos>{POSITION})\s+)?(?P<dir>{direction}|the\s+(?:past|previous|following|"
                          r"next|coming|current|same|latest|last|preceding|prior)|that|the)"
                          r"\s+(?P<unit>week|weekend|month|year|decade|century|day|morning|afternoon|"
                          r"evening|night)"),
        ("position_in", rf"(?P<pos>{POSITION})\s+in\s+the\s+(?P<unit>week|month|year|day|decade|century)"),
        ("anchored_shift", rf"(?:(?P<hedge>{hedge})\s+)?(?P<number>{number}|{vague})[\s-]+(?P<unit>{unit})"
                           r"(?:\s+or\s+so)?\s+(?P<anchor>ago|earlier|later|before|after|hence|from\s+now|"
                           r"previously|prior|afterwards?|back)(?!\s+(?:the|a|an|his|her|its|their)\b)"),
        ("duration", rf"(?:(?P<hedge>{hedge})\s+)?(?:(?P<det>the|a|an|its|their)\s+)?(?:(?P<dir>"
                     r"past|last|next|first|coming|previous|latest|final|following|same|initial|remaining|"
                     rf"ensuing|recent|current)\s+)?(?P<number>{number}|{vague})(?:\s+(?:or|to|and)\s+"
                     rf"(?P<number2>{number}))?(?:\s+(?:more|additional|full|straight|consecutive|long|"
                     rf"trading|business|working|odd))?[\s-]+(?P<unit>{unit})"
                     r"(?P<andhalf>\s+and\s+a\s+half(?![\s-]+an?\b))?(?P<tail>[\s-]+(?:long|old|period))?"),
        ("unit_plural", rf"(?P<pre>(?:for|within|after|take|takes|took|taking|last|lasted|spend|spent|in|"
                        rf"over|during|follows?|followed)\s+(?:the\s+)?)(?P<unit>{plural})"
                        rf"(?:\s+(?:ahead|to\s+come))?"
                        rf"|(?P<unit2>{unit})-long|(?:just\s+)?(?P<unit3>{plural})\s+ago"
                        rf"|the\s+(?P<unit4>{plural})\s+(?:ahead|to\s+come)"),
        ("set", rf"(?P<set>{phrase_pattern(lex.sets)})"),
        ("set_every", rf"(?P<q>every|each)\s+(?:(?P<other>other\s+)|(?P<count>{number})[\s-]+)?"
                      rf"(?:(?P<weekday>{weekday})|(?P<month>{month})|(?P<season>{season})|(?P<unit>{unit}))"),
        ("set_times", r"(?P<count>once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|an|per|every)\s+"
                      rf"(?P<unit>{unit})"),
        ("reference", phrase_pattern(lex.references)),
        ("reference_adjective", rf"(?P<adj>{phrase_pattern(lex.reference_adjectives)})"),
        ("anaphoric", r"(?P<phrase>that\s+(?:same\s+)?(?:day|week|month|year)|the\s+same\s+(?:day|"
                      r"week|month|year)|the\s+(?:following|next|previous|preceding|prior)\s+(?:day|week|month|"
                      r"year|morning|night)|the\s+(?:day|week|month|year)\s+(?:before|after))"),
        # "on the 25th": a day of the month being told (not "the 25th anniversary")
        ("day_ordinal", r"(?<=\bon\s)the\s+(?P<oday>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
                        r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|or|at|when|after|before|but|as)\b)"),
        # "today is the eighth day of the blockade", "it's the second day of the offensive":
        # the day a run of days has reached, stated with a copula (not "the third day in a row
        # of losses" as an adverbial, nor "the first day" of a plan)
        ("day_count", rf"(?:(?<=\bis\s)|(?<=['’]s\s)|(?<=\bwas\s)|(?<=\bmarks\s)|(?<=\bmarked\s))"
                      rf"the\s+(?P<nth>{ordinal}|\d{{1,3}}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|full\s+)?day(?!s)"),
        # "by mid-afternoon", "midmorning": a time of the day being told
        ("mid_pod", r"mid[\s-]?(?P<mpod>morning|afternoon)"),
        ("overnight", r"overnight"),
        ("year_end", r"(?:(?P<pos>around|by|at|until|since|before|after)\s+)?"
                     r"(?P<what>year['’]s\s+end|year[\s-]+end|the\s+full\s+year)"),
    ]


def _number_pattern(lex: Lexicon) -> str:
    words = phrase_pattern([w for w in lex.number_words if " " in w or len(w) > 2])
    tens = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    ones = r"(?:one|two|three|four|five|six|seven|eight|nine)"
    whole = (rf"(?:\d{{1,3}}(?:\.\d+)?(?:\s+1/2|½)?|{tens}[\s-]{ones}|(?:a|one)\s+hundred(?:\s+and\s+\w+)?"
             rf"|{words}|an?)")
    # "three and a half", "two-and-a-half": the half is part of the number
    return rf"(?:{whole}(?:[\s-]+and[\s-]+a[\s-]+half(?![\s-]+an?\b))?)"
