"""Teaser, share and credit lines that survive extraction, stripped line by line.

The patterns are data (``resources/boilerplate_lines.tsv``) so analysts can extend them
without touching code. A line is only removed when the whole of it (bullets aside) matches a
pattern and it is short: prose that happens to start like a teaser is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

PATTERNS_RESOURCE = "boilerplate_lines.tsv"
_ACTIONS = frozenset({"drop", "credit"})
# Bullets and arrows that link lists put before each item.
_LEAD = re.compile(r"^[\s•·*>»›▶►\-–—|]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_OUTLET_TRIM = " \t.,;:-–—()[]\"'“”"
_MAX_OUTLET_WORDS = 8


@dataclass(frozen=True, slots=True)
class LinePattern:
    action: str  # "drop" or "credit"
    regex: re.Pattern[str]
    max_chars: int


@dataclass(frozen=True, slots=True)
class Stripped:
    """``text`` without boilerplate lines; ``credit`` is the outlet a trailing credit named."""

    text: str
    credit: str | None = None
    removed: tuple[str, ...] = ()


def strip_boilerplate(text: str, patterns: tuple[LinePattern, ...] | None = None) -> Stripped:
    """Remove teaser/share lines anywhere and a credit line at the end of ``text``.

    ``text`` has ``\\n`` newlines and paragraphs separated by blank lines; the result keeps
    that shape (runs of blank lines left by removals collapse to one).
    """
    patterns = load_patterns() if patterns is None else patterns
    drops = [p for p in patterns if p.action == "drop"]
    credits = [p for p in patterns if p.action == "credit"]
    lines = text.split("\n")
    removed: list[str] = []
    kept: list[str] = []
    for line in lines:
        if _matches(line, drops) is not None:
            removed.append(line.strip())
        else:
            kept.append(line)
    credit = None
    last = next((i for i in range(len(kept) - 1, -1, -1) if kept[i].strip()), None)
    if last is not None:
        match = _matches(kept[last], credits)
        if match is not None:
            credit = _outlet(match)
            removed.append(kept[last].strip())
            del kept[last]
    if not removed:
        return Stripped(text=text)
    cleaned = _BLANK_RUNS.sub("\n\n", "\n".join(kept)).strip("\n")
    return Stripped(text=cleaned, credit=credit, removed=tuple(removed))


def load_patterns(path: Path | None = None) -> tuple[LinePattern, ...]:
    """The patterns in ``path``, or in the packaged ``boilerplate_lines.tsv`` by default."""
    if path is not None:
        return _parse(path.read_text(encoding="utf-8"), str(path))
    return _packaged_patterns()


@lru_cache(maxsize=1)
def _packaged_patterns() -> tuple[LinePattern, ...]:
    resource = resources.files("tidings").joinpath("resources", PATTERNS_RESOURCE)
    return _parse(resource.read_text(encoding="utf-8"), PATTERNS_RESOURCE)


def _parse(content: str, where: str) -> tuple[LinePattern, ...]:
    patterns: list[LinePattern] = []
    header_seen = False
    for number, raw in enumerate(content.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not header_seen:
            header_seen = True  # the column names
            continue
        fields = raw.split("\t")
        if len(fields) != 4 or fields[0] not in _ACTIONS or fields[1] not in {"i", "s"}:
            raise ValueError(
                f"{where}:{number}: expected 'action<TAB>case<TAB>max_chars<TAB>pattern' "
                f"with action drop|credit and case i|s, got {raw!r}"
            )
        action, case, max_chars, pattern = fields
        flags = re.IGNORECASE if case == "i" else 0
        try:
            regex = re.compile(pattern, flags)
        except re.error as exc:
            raise ValueError(f"{where}:{number}: bad regular expression: {exc}") from exc
        if action == "credit" and "outlet" not in regex.groupindex:
            raise ValueError(f"{where}:{number}: a credit pattern needs a (?P<outlet>...) group")
        patterns.append(LinePattern(action=action, regex=regex, max_chars=int(max_chars)))
    return tuple(patterns)


def _matches(line: str, patterns: list[LinePattern]) -> re.Match[str] | None:
    key = _LEAD.sub("", line).strip()
    if not key:
        return None
    for pattern in patterns:
        if len(key) <= pattern.max_chars:
            match = pattern.regex.fullmatch(key)
            if match is not None:
                return match
    return None


def _outlet(match: re.Match[str]) -> str | None:
    outlet = " ".join(match.group("outlet").split()).strip(_OUTLET_TRIM)
    if not outlet or len(outlet.split()) > _MAX_OUTLET_WORDS:
        return None
    return outlet
