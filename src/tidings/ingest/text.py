"""Plain text to article text: paragraphs separated by blank lines, otherwise as given.

Later stages index character offsets into this text, so it is only tidied (trailing spaces,
runs of blank lines), never rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLANK_RUNS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+\n")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
# A headline is one short line: no sentence punctuation at its end, a few words, and a body
# after it. Anything looser turns first sentences and datelines into titles.
MAX_TITLE_CHARS = 150
MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 25
MIN_BODY_CHARS = 80
_TITLE_BAD_END = (".", ",", ";", ":", "—", "–", "-")
_NOT_TITLE = re.compile(
    r"^(?:by\s|posted\s|published\s|updated\s|source\s*:|https?://|www\.|\(|\[|[-–—*•])",
    re.IGNORECASE,
)
_DATELINE_ONLY = re.compile(r"^[A-Z][A-Z .,'-]+(?:\(\w+\))?\s*[—–-]?$")


@dataclass(frozen=True, slots=True)
class PlainText:
    text: str
    title: str | None


def tidy_text(text: str) -> str:
    """Trailing spaces off every line, runs of blank lines cut to one, ends trimmed."""
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n").rstrip()


def read_plain_text(text: str) -> PlainText:
    """The article in ``text`` (already decoded, ``\\n`` newlines) and its headline if the
    first line is clearly one. The headline stays in the text."""
    tidy = tidy_text(text)
    return PlainText(text=tidy, title=headline(tidy))


def headline(text: str) -> str | None:
    """The first line of ``text`` when it is a short headline followed by a blank line."""
    first, sep, rest = text.partition("\n\n")
    if not sep or "\n" in first:
        return None
    line = first.strip()
    words = line.split()
    if (
        len(line) > MAX_TITLE_CHARS
        or not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS
        or line.endswith(_TITLE_BAD_END)
        or _NOT_TITLE.match(line)
        or _DATELINE_ONLY.match(line)
        or len(rest.strip()) < MIN_BODY_CHARS
        or not any(ch.isalpha() for ch in line)
    ):
        return None
    return line
