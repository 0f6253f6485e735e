"""Casualty and people figures: "41 people killed", "at least 50 dead", "three dead and 44
wounded", "some 2,000 displaced", "12 were arrested".

Outlets disagree on figures as a crisis unfolds; a story keeps every outlet's figure side by
side (``Figure.outlet``) with its evidence span, never a reconciled number. A figure is a
number (digits, "1.2 million", or a number word up to the thousands) tied to a kind word
within a few words after it, with the hedge before it kept as ``qualifier``.

Kinds: killed, wounded, displaced, arrested, missing, people (a bare "41 people" with no verb
of harm). "dead"/"died"/"deaths" count as killed; "injured"/"hurt" as wounded.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from tidings.model import Extraction

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_WORD_NUMBER = (
    r"(?:(?:" + "|".join(sorted({*_UNITS, *_TENS}, key=len, reverse=True)) + r")"
    r"(?:[- ](?:" + "|".join(_UNITS) + r"))?"
    r"(?:\s+(?:hundred|thousand|million))?)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:hundred|thousand|million))?"
_QUALIFIERS = {
    "at least": "at least",
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "nearly": "about",
    "almost": "about",
    "about": "about",
    "around": "about",
    "some": "about",
    "roughly": "about",
    "approximately": "about",
    "an estimated": "about",
    "up to": "up to",
    "as many as": "up to",
    "fewer than": "fewer than",
    "less than": "fewer than",
    "at most": "up to",
}
_KINDS = {
    "killed": "killed", "dead": "killed", "died": "killed", "deaths": "killed",
    "death": "killed", "fatalities": "killed", "lives": "killed", "bodies": "killed",
    "wounded": "wounded", "injured": "wounded", "injuries": "wounded", "hurt": "wounded",
    "displaced": "displaced", "fled": "displaced", "evacuated": "displaced",
    "homeless": "displaced", "refugees": "displaced",
    "arrested": "arrested", "detained": "arrested", "arrests": "arrested",
    "missing": "missing", "abducted": "missing", "kidnapped": "missing",
}  # fmt: skip
_PEOPLE = (
    r"(?:people|persons|civilians|soldiers|troops|fighters|militants|police(?:men)?|officers|"
    r"children|women|men|residents|villagers|protesters|demonstrators|students|workers|"
    r"migrants|passengers|others|families|guards|border guards|members)"
)
_AUX = r"(?:were|was|have been|had been|are|been|have|had)"
_QUALIFIER = "|".join(sorted(_QUALIFIERS, key=len, reverse=True))
_KIND = "|".join(sorted(_KINDS, key=len, reverse=True))
_FIGURE = re.compile(
    rf"(?:\b(?P<qualifier>{_QUALIFIER})\s+)?\b(?P<number>{_DIGITS}|{_WORD_NUMBER})\b"
    rf"(?P<between>(?:\s+(?!(?:and|but|or)\b)[\w'-]+){{0,3}}?)"
    rf"\s+(?:(?:were|was|have been|had been|are|been|have|had)\s+)?"
    rf"(?:(?P<kind>{_KIND})\b|(?P<people>{_PEOPLE})\b"
    rf"(?:\s+(?:who\s+)?{_AUX}\s+(?P<kind2>{_KIND})\b)?)",
    re.IGNORECASE,
)
# "killed 12 people": the kind word before the number.
_KIND_FIRST = re.compile(
    rf"\b(?P<kind>killed|killing|wounded|wounding|injured|injuring|arrested|displaced|detained)"
    rf"\s+(?:(?P<qualifier>{_QUALIFIER})\s+)?(?P<number>{_DIGITS}|{_WORD_NUMBER})\s+{_PEOPLE}\b",
    re.IGNORECASE,
)
# "the death toll rose to 41"
_TOLL = re.compile(
    rf"\bdeath toll\b[^.]{{0,30}}?\b(?:to|at|of|is|was|stands at|reached)\s+"
    rf"(?:(?P<qualifier>{_QUALIFIER})\s+)?(?P<number>{_DIGITS}|{_WORD_NUMBER})\b",
    re.IGNORECASE,
)
_YEARS = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True)
class Figure:
    kind: str  # killed | wounded | displaced | arrested | missing | people
    value: int
    qualifier: str | None  # at least | about | more than | up to | fewer than
    outlet: str | None
    article_id: str
    start: int  # evidence: article.text[start:end]
    end: int
    text: str

    def as_dict(self) -> dict:
        return asdict(self)


def parse_number(text: str) -> int | None:
    """ "1,200" -> 1200, "1.5 million" -> 1500000, "forty-one" -> 41, "two hundred" -> 200."""
    words = text.lower().replace(",", "").replace("-", " ").split()
    if not words:
        return None
    scale = 1
    if words[-1] in _SCALES:
        scale = _SCALES[words.pop()]
    if len(words) == 1 and re.fullmatch(r"\d+(?:\.\d+)?", words[0]):
        return int(round(float(words[0]) * scale))
    total = 0
    for word in words:
        if word in _UNITS:
            total += _UNITS[word]
        elif word in _TENS:
            total += _TENS[word]
        else:
            return None
    return total * scale if total else None


def _kind(match: re.Match[str]) -> str:
    groups = match.groupdict()
    kind = groups.get("kind") or groups.get("kind2")
    if kind:
        word = kind.lower()
        for stem, name in (("kill", "killed"), ("wound", "wounded"), ("injur", "wounded")):
            if word.startswith(stem):
                return name
        return _KINDS.get(word, word)
    return "people"


def figures_in(record: Extraction) -> list[Figure]:
    """Every figure in the article, in text order, one per number."""
    text = record.article.text
    found: dict[int, Figure] = {}
    for pattern, default_kind in ((_KIND_FIRST, None), (_TOLL, "killed"), (_FIGURE, None)):
        for match in pattern.finditer(text):
            number = match.group("number")
            value = parse_number(number)
            start = match.start("number")
            if value is None or start in found:
                continue
            if _YEARS.match(number) and default_kind is None and _kind(match) == "people":
                continue  # "2021 residents" is rare; "in 2021 people ..." is common
            qualifier = match.group("qualifier")
            found[start] = Figure(
                kind=default_kind or _kind(match),
                value=value,
                qualifier=_QUALIFIERS[qualifier.lower()] if qualifier else None,
                outlet=record.article.source,
                article_id=record.article.id,
                start=match.start(),
                end=match.end(),
                text=match.group(0),
            )
    return [found[k] for k in sorted(found)]
