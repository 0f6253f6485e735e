"""The rule set: one compiled regex per kind of time expression, built once from the lexicon.

HeidelTime-style: each rule names the kind of expression it finds (``RULES`` maps the kind to its
regex); ``normalise.py`` turns a match of that kind into a TIMEX3 value. Month and weekday names
are matched case-sensitively (``May`` the month, not ``may`` the verb); all other words are
wrapped in ``(?i:...)``. Every rule is anchored on word boundaries so that a rule never starts or
ends inside a word.
"""

from __future__ import annotations

import re

from .lexicon import LEXICON


def _alternatives(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex alternation, longest first so that ``September`` beats ``Sep``."""
    ordered = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_SHORT_FULL_NAMES = {"May", "June", "July"}  # a full stop after these ends the sentence


def _abbreviations(words: dict[str, int]) -> str:
    """Names with an optional full stop after short forms (``Aug.``)."""
    parts = []
    for w in sorted(words, key=len, reverse=True):
        short = len(w) <= 4 and w not in _SHORT_FULL_NAMES
        parts.append(re.escape(w) + (r"\.?" if short else ""))
    return "|".join(parts)


B = r"(?<![\w'-])"  # start of a word
E = r"(?![\w])"  # end of a word

MONTH = _abbreviations(LEXICON.months)
WEEKDAY = _abbreviations(LEXICON.weekdays)
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_NUMBER_WORDS = [w for w in LEXICON.numbers if w not in ("a", "an")]
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_1_9 = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = (
    r"(?:\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+|(?i:"
    + rf"(?:{_TENS})[- ](?:{_UNITS_1_9})|"
    + rf"(?:{_alternatives(_NUMBER_WORDS)}|a|an)(?:\s+and\s+a\s+half)?"
    + "))"
)
VAGUE = "(?i:" + _alternatives(LEXICON.vague_numbers) + ")"
UNIT = "(?i:" + _alternatives(list(LEXICON.units)) + ")"
PART_OF_DAY = "(?i:" + _alternatives(list(LEXICON.parts_of_day)) + ")"
SEASON = "(?i:" + _alternatives(list(LEXICON.seasons)) + ")"
ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|(?i:" + _alternatives(list(LEXICON.ordinals)) + "))"
# Modifiers that narrow a period without changing its TIMEX3 value (TimeML puts them in MOD).
MODIFIER = (
    r"(?:(?i:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|rest|remainder|close|turn"
    r"|first\s+half|second\s+half|latter\s+half|early\s+part|latter\s+part)\s+of\s+(?:the\s+)?"
    r"|early(?:\s+in)?\s+|late(?:\s+in)?\s+|mid-?\s*|the\s+middle\s+of\s+))"
)
APPROX = (
    r"(?:(?i:about|around|almost|nearly|over|more\s+than|less\s+than|at\s+least|roughly"
    r"|approximately|some|up\s+to|just\s+over|just\s+under|under|well\s+over)\s+)"
)
RELATIVE_CUE = r"(?i:last|next|this|coming|past|previous|current|following|same|that)"

# Hours written as words before "o'clock" ("four o'clock"), and the word in its spellings.
_CLOCK_HOURS = "twelve|eleven|ten|nine|eight|seven|six|five|four|three|two|one"
_OCLOCK = r"(?i:o'clock|o’clock|oclock)"

_EVENT_NAMES = "(?i:" + _alternatives(list(LEXICON.events)) + ")"
_HOLIDAYS = _alternatives(list(LEXICON.holidays) + list(LEXICON.movable_holidays))
_FULL_DATE = rf"(?:(?:{MONTH})\s+{DAY}\s*,?\s*{YEAR}|{DAY}\s+(?:of\s+)?(?:{MONTH})\s*,?\s*{YEAR})"

RULES: dict[str, str] = {
    # "two days before the 9/11 attacks": a duration counted from a date the text names
    "anchored": (
        rf"(?P<n>{NUMBER})\s+(?P<unit>{UNIT})\s+(?P<rel>(?i:before|after|prior\s+to|since))\s+"
        rf"(?P<anchor>{_EVENT_NAMES}|{_FULL_DATE})"
    ),
    "iso_date": r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])",
    "numeric_date": r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d\d)(?![\d/])",
    "month_day": (
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAY})"
        rf"(?:\s*,?\s*(?P<year>{YEAR}))?"
    ),
    "day_month": (
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?P<day>{DAY})(?:\s+(?i:of))?\s+"
        rf"(?P<month>{MONTH})(?:\s*,?\s*(?P<year>{YEAR}))?"
    ),
    "month_year": rf"(?:{MODIFIER})?(?P<month>{MONTH}),?\s+(?:(?i:of)\s+)?(?P<year>{YEAR})",
    "month": rf"(?:(?P<cue>{RELATIVE_CUE})\s+|{MODIFIER})?(?P<month>{MONTH})",
    "fiscal_year": rf"(?i:fiscal)(?:\s+(?i:year))?\s+(?P<year>{YEAR})|FY\s?(?P<fy>{YEAR})",
    "year": rf"(?:{MODIFIER}|(?i:the\s+year\s+))?(?P<year>{YEAR})",
    "short_year": r"'(?P<yy>\d\d)(?![\d'])",
    "decade": (
        rf"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|late|mid))[- ]?)?"
        rf"(?:(?P<dec>1[0-9]\d0|20\d0)'?s|'?(?P<dec2>[0-9]0)'?s"
        rf"|(?P<decw>(?i:{_alternatives(list(LEXICON.decade_words))})))"
    ),
    "century": rf"(?:(?i:the)\s+)?(?P<ord>{ORDINAL})[- ](?i:century)",
    "season": (
        # "that summer" is the narrative's season (narrative_rules), never the deictic one
        rf"(?<![Tt]hat\s)(?:(?i:the)\s+)?"
        rf"(?:(?!(?i:that)\s)(?P<cue>{RELATIVE_CUE})\s+|{MODIFIER})?(?P<season>{SEASON})"
        rf"(?:\s+(?:(?i:of)\s+)?(?P<year>{YEAR}))?"
    ),
    "quarter": (
        rf"(?:(?i:the)\s+)?(?:(?P<cue>{RELATIVE_CUE})\s+)?(?P<ord>{ORDINAL}|Q[1-4])"
        rf"[- ](?:(?i:fiscal|financial)[- ])?(?P<half>(?i:quarter|half))"
        rf"(?:\s+(?:(?i:of)\s+)?(?:(?P<year>{YEAR})|(?P<ycue>{RELATIVE_CUE})\s+(?i:year)"
        rf"|(?i:the\s+year)))?"
    ),
    "q_year": rf"(?P<q>Q[1-4])\s+(?P<year>{YEAR})",
    "relative_unit": (
        rf"(?:(?P<the>(?i:the))\s+)?(?:{MODIFIER}|(?P<dir>(?i:earlier|later))\s+)?"
        rf"(?P<cue>{RELATIVE_CUE}|(?i:prior|preceding))\s+(?P<unit>(?i:year|month|week|weekend"
        rf"|decade|century|quarter|day|night|fortnight))"
    ),
    # "for the quarter", "earlier in the year", "the latest quarter", "ended the week higher":
    # the period the story is about (a frame word before it is checked by the handler)
    "the_period": (
        r"(?:(?i:the)\s+(?:(?P<latest>(?i:latest|most\s+recent|just-ended|just\s+ended))\s+)?"
        r"(?P<unit>(?i:year|quarter|month|week))(?![\w-])(?!\s+\d)"
        r"|(?P<end>(?i:year-end|year's\s+end)))"
    ),
    # "the last week of March": the ISO week that holds most of that week of the month
    "week_of_month": (
        rf"(?i:the)\s+(?P<ord>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+"
        rf"(?i:of|in)\s+(?P<month>{MONTH})(?:\s*,?\s*(?P<year>{YEAR}))?"
    ),
    # "the same period last year", "the same quarter a year earlier", "the year-ago quarter"
    "same_period": (
        r"(?:(?i:the)\s+)?(?:(?i:same)\s+(?P<unit>(?i:period|quarter|month|week|season|half|time))"
        r"(?:\s+(?i:of|in))?\s+(?:(?:(?i:the)\s+)?(?i:last|previous|prior|preceding)\s+(?i:year)"
        rf"|(?P<n>(?i:a|one|two|three))\s+(?i:years?)\s+(?i:earlier|ago|before|previously)"
        rf"|(?P<year>{YEAR}))|(?i:year-(?:earlier|ago))\s+(?P<unit2>(?i:period|quarter|month)))"
    ),
    # "the year before", "the month previous": one unit before the last date named
    "unit_before": (
        r"(?i:the)\s+(?P<unit>(?i:year|month|week))\s+(?:(?i:previous|earlier)"
        r"|(?i:before|prior)(?=\s*[.,;:!?)]|\s*$))"
    ),
    # "rose in morning trading": the part of the day the market report is about
    "trading_session": (
        r"(?i:in|during)\s+(?P<part>(?:(?i:early|late)\s+)?(?P<pod>(?i:morning|afternoon"
        r"|evening)))\s+(?i:trading|trade|deals|dealings|session)"
    ),
    # "recovering in the afternoon": that part of the day last named (or of publication)
    "part_of_the_day": (
        r"(?P<frame>(?i:in|during|by))\s+(?P<part>(?i:the)\s+"
        r"(?P<pod>(?i:morning|afternoon|evening|night)))"
    ),
    "period_of_year": (
        rf"(?i:the\s+)(?:{MODIFIER}|(?i:entire|whole|full)\s+)"
        rf"(?P<unit>(?i:year|month|week|day|decade))"
    ),
    # "ended the day higher", "late in the day": the day of the story (or the last one named)
    "the_day": r"(?:(?i:early|late|later|earlier)\s+(?i:in)\s+)?(?i:the\s+day)(?!\s+(?i:of|when))",
    "the_weekend": r"(?i:the\s+weekend)",
    "ago": (
        rf"(?P<n>{NUMBER}|{VAGUE})\s+(?P<unit>{UNIT})\s+(?i:ago|back)"
        r"|(?P<bare>(?i:years|months|weeks|decades|centuries))\s+(?i:ago)"
    ),
    "later": (
        rf"(?P<n>{NUMBER})\s+(?P<unit>{UNIT})\s+(?P<dir>(?i:later|earlier|afterwards?"
        rf"|previously)|(?i:before|after|prior)(?=\s*[.,;:!?)]|\s*$))"
    ),
    # TimeML keeps "early"/"late" inside the extent (mod START/END; the value is the day's)
    "weekday": (
        r"(?:(?i:early|late)\s+)?"
        rf"(?:(?P<cue>(?i:last|next|this|coming|past|previous|following))\s+)?(?P<wd>{WEEKDAY})"
        rf"(?:\s+(?P<pod>{PART_OF_DAY}))?"
    ),
    "deictic_day": (
        r"(?:(?i:early|late)\s+)?"
        r"(?P<rel>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
        r"(?:earlier|later)\s+today|today|yesterday|tomorrow|tonight|last\s+night|"
        r"this\s+(?:morning|afternoon|evening)))"
        rf"(?:\s+(?P<pod>{PART_OF_DAY}))?"
    ),
    "anaphoric_day": (
        r"(?i:the\s+(?P<rel>next|following|previous|same|preceding)\s+day|that\s+day"
        r"|the\s+day\s+(?P<rel2>before|after)(?!\s+(?:yesterday|tomorrow)))"
    ),
    "clock": (
        # "about 9 p.m.": the approximation inside the extent (TimeML's MOD APPROX)
        r"(?:(?i:about|around|approximately|roughly)\s+)?"
        r"(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.?|p\.m\.?|am|pm))"
        r"(?:\s+(?P<tz>GMT|UTC|(?i:local\s+time)|[ECMP][SD]?T|BST|CET))?"
        r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?:\s+(?P<tz2>GMT|UTC|[ECMP][SD]?T|BST|CET"
        r"|(?i:local\s+time)))?"
        r"|(?P<mil>[0-2]\d[0-5]\d)\s+(?P<tz3>GMT|UTC|(?i:hours|hrs))"
        r"|(?P<word>(?i:noon|midday|midnight))"
        # "at 4 o'clock": the hour as written (the day's part, when given, is clock_today's)
        rf"|(?P<oc>1[0-2]|[1-9]|(?i:{_CLOCK_HOURS}))\s+{_OCLOCK})"
        # "12:00 UTC Monday", "4 p.m. today": the day written straight after is part of it
        rf"(?:\s+(?P<dayword>(?i:today|yesterday|tomorrow"
        rf"|the\s+(?:next|following|previous|preceding)\s+day)|{WEEKDAY}))?"
    ),
    "holiday": rf"(?P<name>{_HOLIDAYS})(?:\s+(?P<year>{YEAR}))?",
    "event": rf"(?P<name>{_EVENT_NAMES})",
    "duration": (
        rf"(?:{APPROX})?(?:(?i:the)\s+(?P<cue>(?i:past|last|next|first|coming|previous"
        rf"|following|final|recent))\s+)?(?P<n>{NUMBER}|{VAGUE})"
        rf"(?:\s+(?i:more|additional|straight|consecutive|long|full|trading|working|business"
        rf"|calendar|successive|whole|single))?(?:\s+|-)(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?"
    ),
    "vague_duration": (
        r"(?:(?P<pre>(?i:for|over\s+the|in\s+recent|recent|in\s+the\s+coming|the\s+coming"
        r"|in\s+coming|coming"
        r"|the\s+past|in\s+the\s+past|within|in(?:\s+(?:just|only|mere))?))\s+)?"
        r"(?P<unit>(?i:years|months|weeks|days|hours|minutes|seconds|decades|centuries))"
    ),
    # "between 60 and 90 days": the first count takes the unit written after the second
    "range_start": (
        rf"(?P<n>{NUMBER})(?=[^\S\n]+(?i:and|to|or)[^\S\n]+{NUMBER}(?:[^\S\n]+|-)"
        rf"(?P<unit>{UNIT})(?![\w-]))"
    ),
    "set": (
        rf"(?:(?P<freq>(?i:once|twice|thrice|{NUMBER}\s+times))\s+)?"
        rf"(?P<set>(?i:{_alternatives(list(LEXICON.sets))}))"
    ),
    "ref": rf"(?P<ref>(?i:{_alternatives(list(LEXICON.refs))}))",
    "open_ref": (
        r"(?i:the\s+(?:foreseeable|distant|immediate|not-too-distant|not\s+too\s+distant"
        r"|recent)\s+(?P<way>future|past))"
    ),
    "season_set": rf"(?i:every|each)\s+(?P<season>{SEASON})",
    # "about three days a week", "eight hours a day": how often, one SET over the whole phrase
    "count_per": (
        rf"(?:{APPROX})?(?P<n>{NUMBER})\s+(?i:days|nights|hours|weeks|months)\s+"
        r"(?i:a|an|per|each|every)\s+(?P<per>(?i:day|week|month|year))"
    ),
    # "a week-long strike", "a yearlong inquiry": one unit, a DURATION (the count is implied)
    "unit_long": r"(?P<unit>(?i:year|month|week|day|hour|decade|century))-?(?i:long)",
    # "that night", "the next morning", "later that evening"
    "anaphoric_part": (
        r"(?:(?i:early|late|later|earlier)\s+)?(?:(?P<that>(?i:that))"
        r"|(?i:the)\s+(?P<rel>(?i:next|following|previous|preceding|same)))"
        r"\s+(?P<pod>(?i:morning|afternoon|evening|night))"
        # "the night before," with nothing after it: the one before the day last named
        r"|(?i:the)\s+(?P<pod2>(?i:morning|evening|night))\s+(?P<rel2>(?i:before|after))"
        r"(?=\s*[.,;:!?)]|\s*$)"
    ),
    # "that summer" after "in 2011": the season of the year the story is in
    "that_season": rf"(?i:that)\s+(?P<season>{SEASON})",
    # "at 8 tonight", "9 p.m. tonight", "10:30 this morning"
    "clock_today": (
        # "about 4 o'clock this afternoon": the approximation inside the extent, as TimeML does
        rf"(?:(?P<approx>(?i:about|around|approximately|roughly))\s+)?"
        rf"(?P<h>1[0-2]|0?[1-9]|(?i:{_CLOCK_HOURS}))(?::(?P<mi>[0-5]\d))?"
        rf"(?:\s*(?P<ampm>(?i:a\.m\.?|p\.m\.?|am|pm))|\s+(?P<oc>{_OCLOCK}))?"
        r"\s+(?P<rel>(?i:tonight|this\s+(?:morning|afternoon|evening)))"
    ),
    # "by midafternoon", "until midmorning": the middle of a part of the day, as a time
    "mid_part": r"(?P<part>(?i:mid-?(?P<pod>morning|afternoon|evening)))",
    "this_past": (
        r"(?i:this)\s+(?P<cue>(?i:past|coming))\s+(?P<unit>(?i:year|month|week|weekend|quarter))"
    ),
}

# Rules whose match is worth a point more than a same-length match of another rule.
PRIORITY: dict[str, int] = {
    "anchored": 5,
    "week_of_month": 4,
    "same_period": 4,
    "iso_date": 4,
    "numeric_date": 4,
    "month_day": 4,
    "day_month": 4,
    "quarter": 3,
    "decade": 3,
    "century": 3,
    "clock": 3,
    "set": 2,
    "count_per": 2,
    "deictic_day": 2,
    "weekday": 2,
    "ago": 2,
    "later": 2,
}

# An expression never runs across a line break (a headline's last word and a date line below).
COMPILED: dict[str, re.Pattern[str]] = {
    name: re.compile(B + "(?:" + regex.replace(r"\s", r"[^\S\n]") + ")" + E)
    for name, regex in RULES.items()
}

# A short dateline before the story: "KABUL, Aug 22 (Reuters) -" or "22 August 2021 —".
DATELINE = re.compile(
    rf"^\s*(?:[A-Z][\w'.-]*(?:[ \t]+[A-Z][\w'.-]*)*(?:,[ \t]*[A-Z][\w'.-]*)*,[ \t]+)?"
    rf"(?:(?P<wd>{WEEKDAY}),?[ \t]+)?"
    rf"(?:(?P<month>{MONTH})[ \t]+(?P<day>{DAY})|(?P<day2>{DAY})[ \t]+(?P<month2>{MONTH}))"
    rf"(?:,?[ \t]+(?P<year>{YEAR}))?"
    rf"[ \t]*(?:\((?:[A-Z][\w ]*)\)[ \t]*)?(?:[-—–:][ \t]|\n)"
)

# Sentence boundaries for the tense fallback: ., ! or ? before a space, or a line break.
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
FUTURE = re.compile(B + "(?i:" + _alternatives(list(LEXICON.future_verbs)) + ")" + E)
PAST = re.compile(
    B + r"(?i:said|was|were|had|did|\w{3,}ed|told|took|went|came|met|began|fell|rose|left"
    r"|made|gave|saw|won|lost|held|struck|hit|killed|died|fled|broke|spoke|wrote|sent)" + E
)
