"""When a quotation was said: the time expression that governs its attribution.

The dates stage has already found and normalised every time expression against the
publication date (``doc._.tidings_timexes``, TIMEX3 values); this module only picks the one
that belongs to the saying. It looks, in order, at

1. expressions on the cue itself or its frame, not inside the reported words ("On Sunday, X
   told Reuters", "X said by telephone on Monday", "wrote ... on 19 August");
2. expressions elsewhere in the attribution's sentence, outside the quotation and outside the
   reported clause.

The first expression found decides: a day-level value (``2021-08-22``, ``2021-08-20TMO``) gives
its day; a week- or month-level one ("last week") gives None. Nothing falls back to the
publication date.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..model import Timex
from .attribution import sentence_of

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|T)")
_CONTENT = ("ccomp", "xcomp", "dobj", "conj", "parataxis", "advcl", "relcl", "acl")


def day_of(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from a TIMEX3 value at day level or finer, else None."""
    match = _DAY.match(value or "")
    return match.group(1) if match else None


def _frame(cue: Token, inside: set[int]) -> set[int]:
    """Token indices of the cue's own clause: its dependents minus the reported words."""
    keep: set[int] = set()
    stack = [c for c in cue.children if c.dep_ not in _CONTENT]
    while stack:
        token = stack.pop()
        if token.i in inside:
            continue
        keep.add(token.i)
        stack.extend(token.children)
    return keep


def _timex_on(doc: Doc, timexes: list[Timex], indices: set[int]) -> Timex | None:
    """The first DATE/TIME expression that overlaps one of the tokens ``indices``."""
    return next(iter(_timexes_on(doc, timexes, indices)), None)


def _timexes_on(doc: Doc, timexes: list[Timex], indices: set[int]) -> list[Timex]:
    """The DATE/TIME expressions that overlap one of the tokens ``indices``, in text order."""
    chars = [(doc[i].idx, doc[i].idx + len(doc[i])) for i in sorted(indices)]
    return [
        timex
        for timex in sorted(timexes, key=lambda t: t.start)
        if timex.type in ("DATE", "TIME")
        and any(s < timex.end and e > timex.start for s, e in chars)
    ]


def date_of(doc: Doc, cue: Token, inside: set[int], content: set[int]) -> str | None:
    """The day the words at ``cue`` were said, or None.

    ``inside`` holds the tokens inside quotation marks, ``content`` those of the reported
    clause; neither can date the saying."""
    timexes: list[Timex] = list(doc._.tidings_timexes or [])
    if not timexes:
        return None
    found = _timex_on(doc, timexes, _frame(cue, inside) - content)
    after = cue.i + 1
    if (
        found is None
        and after + 1 < len(doc)
        and doc[after].pos_ == "ADP"
        and doc[after + 1].ent_type_ in ("DATE", "TIME")
    ):
        # "said on Wednesday it would ...": the parser hangs the day on the reported clause
        found = _timex_on(doc, timexes, {t.i for t in doc[after].subtree} - inside)
    if found is None and cue.dep_ == "conj" and cue.head.pos_ == "VERB":
        # "cut its forecast late on Tuesday and warned that ...": the day of the verb it joins
        frame = _frame(cue.head, inside) - content - {t.i for t in cue.subtree}
        found = next(
            (t for t in _timexes_on(doc, timexes, frame) if day_of(t.value) is not None), None
        )
    absolute = cue.dep_ == "pcomp" and cue.head.lower_ == "with"
    # "jailed on Thursday, with the judge calling it ...": the day is the jailing's
    if found is None and not absolute:
        sentence = {t.i for t in sentence_of(cue)} - inside - content
        found = _timex_on(doc, timexes, sentence - _reported(cue, inside))
    return day_of(found.value) if found is not None else None


def _reported(cue: Token, inside: set[int]) -> set[int]:
    """Tokens of clauses that report what was said (the cue's complements, other cues' too)."""
    out: set[int] = set()
    for token in sentence_of(cue):
        if token.dep_ in ("ccomp", "xcomp") or (token.dep_ == "dobj" and token.head.i == cue.i):
            out.update(t.i for t in token.subtree)
    return out
