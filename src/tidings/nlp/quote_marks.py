"""Finding quoted stretches of text by pairing quotation marks, without a parser.

A small state machine walks each paragraph's marks. It is built to survive real copy:

- straight (``"``, ``'``) and typographic (``“ ”``, ``‘ ’``, ``„``, ``« »``) marks; a straight
  mark is an opener or a closer by what stands either side of it;
- apostrophes are not quotation marks: an elision (``don't``, ``'90s``) has a letter or digit
  on both sides or opens no pair, and a plural possessive (``employers'``, ``90 days'``)
  only closes a single-quoted stretch that was opened in the same paragraph;
- single marks inside a double-quoted stretch are nested quotation and stay part of it;
- an odd number of marks never aborts anything: a quote opened and not closed in its paragraph
  runs to the paragraph's end, and when the next paragraph opens with a mark the two are one
  quotation that runs over several paragraphs (the newspaper convention).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚"
SINGLE_CLOSE = "’"
_OPEN_BEFORE = set(" \t\n([{—–-/:;,") | {"\u00a0"}
_CLOSE_AFTER = set(" \t\n)]}—–-/:;,.!?…") | {"\u00a0"}
PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(slots=True)
class MarkedQuote:
    """The words between one pair of marks: ``text[start:end]`` (marks excluded).

    ``open_mark``/``close_mark`` are the offsets of the marks themselves (``close_mark`` is
    None when the paragraph ended first). ``paragraph`` numbers paragraphs from 0.
    ``continues`` is True when this stretch carries on a quotation left open at the end of the
    previous paragraph.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    paragraph: int
    single: bool = False
    continues: bool = False

    @property
    def outer_start(self) -> int:
        return self.open_mark

    @property
    def outer_end(self) -> int:
        return self.close_mark + 1 if self.close_mark is not None else self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: stretches separated by a blank line."""
    spans, start = [], 0
    for m in PARAGRAPH.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _role(text: str, i: int, lo: int, hi: int) -> str:
    """``open``, ``close`` or ``either`` for a straight mark at ``i`` within ``text[lo:hi]``."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    opens = (before in _OPEN_BEFORE or before in DOUBLE_OPEN + SINGLE_OPEN) and not after.isspace()
    closes = (after in _CLOSE_AFTER or after in DOUBLE_CLOSE + SINGLE_CLOSE + "'\"") and not (
        before.isspace()
    )
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _is_elision(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return before.isalnum() and after.isalnum()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str) -> list[MarkedQuote]:
    """Every quoted stretch in ``text``, in text order; never raises on unbalanced marks."""
    found: list[MarkedQuote] = []
    open_at_end = False  # the previous paragraph left a double quote open
    for number, (lo, hi) in enumerate(paragraphs(text)):
        double_open: int | None = None
        single_open: int | None = None
        first_mark = lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip()))
        carried = open_at_end and text[first_mark] in '"“„«'
        open_at_end = False
        for i in range(lo, hi):
            ch = text[i]
            if ch == '"' or ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE:
                role = (
                    "open" if ch in DOUBLE_OPEN else "close" if ch in DOUBLE_CLOSE else None
                ) or _role(text, i, lo, hi)
                if double_open is None:
                    if role == "close":
                        continue  # a stray closer: nothing to pair it with
                    double_open, single_open = i, None
                elif ch in DOUBLE_OPEN or (ch == '"' and i > lo and text[i - 1].isspace()):
                    # An opener while one is open: the earlier one was never closed. Its words
                    # count up to here only if they end a sentence; else they are dropped.
                    s, e = _trim(text, double_open + 1, i)
                    if e > s and text[e - 1] in ".?!…":
                        found.append(_quote(text, double_open, None, s, e, number, carried))
                    carried = False
                    double_open = i
                else:
                    s, e = _trim(text, double_open + 1, i)
                    if e > s:
                        found.append(_quote(text, double_open, i, s, e, number, carried))
                    carried = False
                    double_open = None
            elif double_open is None and (ch == "'" or ch in SINGLE_OPEN or ch in SINGLE_CLOSE):
                if _is_elision(text, i, lo, hi):
                    continue
                role = (
                    "open" if ch in SINGLE_OPEN else "close" if ch in SINGLE_CLOSE else None
                ) or _role(text, i, lo, hi)
                if single_open is None:
                    if role in ("open", "either") and ch != SINGLE_CLOSE:
                        single_open = i
                elif role in ("close", "either"):
                    s, e = _trim(text, single_open + 1, i)
                    if e > s and _plausible_single(text, s, e):
                        found.append(_quote(text, single_open, i, s, e, number, False, True))
                    single_open = None
        if double_open is not None:
            seam = None if _opens_with_mark(text, hi) else _attribution_seam(text, double_open, hi)
            if seam is not None:
                # '"We will stay, said X, a farmer.': the closing mark was left out
                s, e = _trim(text, double_open + 1, seam)
                if e > s:
                    found.append(_quote(text, double_open, seam, s, e, number, carried))
                continue
            s, e = _trim(text, double_open + 1, hi)
            if e > s:
                found.append(_quote(text, double_open, None, s, e, number, carried))
                open_at_end = True
    return found


# A speech verb after a comma, with up to four capitalised words or a pronoun before it: where
# a quotation whose closing mark is missing ends ('"We will stay, said X' / ', X said').
_SEAM = re.compile(
    r"[,?!](?=\s+(?:(?:said|says|added|told|asked|wrote)\b"
    r"|(?:he|she|they)\s+(?:said|says|added)\b"
    r"|(?:[A-Z][\w'’-]+\s+){1,4}(?:said|says|added|told|asked|wrote)\b))"
)


def _attribution_seam(text: str, open_mark: int, hi: int) -> int | None:
    """Where an unclosed quotation's words end, when an attribution follows a comma in the
    same paragraph: the offset just after that comma; None when there is none."""
    match = _SEAM.search(text, open_mark + 1, hi)
    return match.end() if match else None


def _opens_with_mark(text: str, hi: int) -> bool:
    """Whether the paragraph after ``hi`` opens with a double mark (the quotation goes on)."""
    rest = text[hi:].lstrip()
    return bool(rest) and rest[0] in '"“„«'


def _plausible_single(text: str, start: int, end: int) -> bool:
    """A single-quoted stretch must look like words: not a number, not a run of possessives."""
    inner = text[start:end]
    return any(c.isalpha() for c in inner) and len(inner) < 600


def _quote(
    text: str,
    open_mark: int,
    close_mark: int | None,
    start: int,
    end: int,
    paragraph: int,
    continues: bool,
    single: bool = False,
) -> MarkedQuote:
    return MarkedQuote(
        start=start,
        end=end,
        open_mark=open_mark,
        close_mark=close_mark,
        paragraph=paragraph,
        single=single,
        continues=continues,
    )
