"""Direct quotations' cues: the cue after the closing mark (in the same sentence), else the
one before the opening mark, else a colon at the end of the paragraph before ("She said:" and
the quotation opening the next paragraph). The speaker then comes from ``attribution``."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .attribution import (
    CONTENT_DEPS,
    Attribution,
    attribution_for,
    cues_in,
    doc_text,
    window_tokens,
)
from .quote_marks import MarkedQuote
from .read_out import issues_text

_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|No))(?<!\bMrs)[.!?](?=\s|$)")
# title abbreviations whose full stop ends no sentence ("Brig. Gen. Nabil Abdallah said")
_ABBREVIATIONS = frozenset(
    {
        "gen", "brig", "col", "capt", "maj", "sgt", "cpl", "adm", "cmdr", "gov", "sen", "rep",
        "prof", "rev", "hon", "insp", "supt", "det", "amb", "pres", "lt", "cdr", "fr",
    }
)  # fmt: skip


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    out = []
    for match in _SENTENCE_END.finditer(text, start, end):
        word = re.search(r"(\w+)$", text[max(start, match.start() - 6) : match.start()])
        if match.group() == "." and word and word.group(1).lower() in _ABBREVIATIONS:
            continue
        out.append(match.end())
    return out


def _sentence_cut_right(text: str, start: int, end: int) -> int:
    ends = _sentence_ends(text, start, end)
    return ends[0] if ends else end


def _sentence_cut_left(text: str, start: int, end: int) -> int:
    ends = _sentence_ends(text, start, end)
    return ends[-1] if ends else start


def direct_attribution(
    doc: Doc,
    q: MarkedQuote,
    siblings: list[MarkedQuote],
    paras: list[tuple[int, int]],
    inside: set[int],
) -> Attribution | None:
    text = doc_text(doc)
    lo, hi = paras[q.paragraph]
    position = siblings.index(q)
    nxt = siblings[position + 1].open_mark if position + 1 < len(siblings) else hi
    prev = siblings[position - 1].outer_end if position > 0 else lo
    right_end = _sentence_cut_right(text, q.outer_end, nxt) if q.close_mark is not None else q.end
    left_start = _sentence_cut_left(text, prev, q.open_mark)
    right = cues_in(window_tokens(doc, q.outer_end, right_end), inside)
    left = cues_in(window_tokens(doc, left_start, q.open_mark), inside)
    left_text = text[left_start : q.open_mark].rstrip()
    content_end = text[q.end - 1] if q.end > q.start else ""
    if left and left_text.endswith(":"):
        return attribution_for(left[-1], inside)
    for cue in right:
        # a new sentence that reports something else ('"...." She told reporters he lied.')
        if content_end in ".?!" and any(
            c.dep_ in CONTENT_DEPS and c.i not in inside for c in cue.children
        ):
            continue
        return attribution_for(cue, inside)
    if left:
        return attribution_for(left[-1], inside)
    return _colon_before(doc, q, paras, inside)


def _colon_before(
    doc: Doc, q: MarkedQuote, paras: list[tuple[int, int]], inside: set[int]
) -> Attribution | None:
    """'She said:' [paragraph break] '"We came here ..."': a quotation opening its paragraph
    after a paragraph that ends with a cue and a colon is that cue's."""
    text = doc_text(doc)
    lo, _hi = paras[q.paragraph]
    if q.paragraph == 0 or text[lo : q.open_mark].strip():
        return None
    start, end = paras[q.paragraph - 1]
    before = text[start:end].rstrip()
    if not before.endswith(":"):
        return None
    cut = _sentence_cut_left(text, start, start + len(before) - 1)
    tokens = window_tokens(doc, cut, start + len(before))
    # "..., read a statement on behalf of the family:": a text read out or issued
    cues = cues_in(tokens, inside) or [t for t in tokens if issues_text(t, inside)]
    return attribution_for(cues[-1], inside) if cues else None
