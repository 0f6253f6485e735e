"""The words of reported speech: the clause a cue reports ("said that ...", "urged X to ...",
"according to Y, ...")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .attribution import is_cue
from .misparse import inverted_split, paragraph_start

# cues whose "to"-clause is what was said ("urged the governor to intervene")
_TO_CUES = {
    "urge", "call", "tell", "order", "appeal", "promise", "vow", "pledge", "threaten", "warn",
}  # fmt: skip


def content_of(cue: Token, inside: set[int]) -> Span | None:
    if cue.lower_ == "according":
        clause = cue.head if cue.head.i != cue.i else None
        if clause is None:
            return None
        skip = {t.i for t in cue.subtree}
        tokens = [t.i for t in clause.subtree if t.i not in skip and not t.is_punct]
    else:
        heads = [
            c
            for c in cue.children
            if c.i not in inside
            and (c.dep_ == "ccomp" or (c.dep_ == "xcomp" and cue.lemma_.lower() in _TO_CUES))
        ]
        kept = [
            h
            for h in heads
            if not (h.i < cue.i and any(c.tag_ in ("WRB", "WDT", "WP") for c in h.subtree))
        ]
        if kept:
            # "In X, where operators charge five dinars, families said they ...": a relative
            # clause the parser hung on the cue is no part of what was said
            heads = kept
        heads = heads or _to_clause(cue, inside)
        # "denied in a video posted on Monday that ...": the clause hung on the venue first
        heads = heads or clause_on_venue(cue, inside)
        if not heads and cue.lemma_.lower() in ("deny", "call", "urge"):
            heads = [c for c in cue.children if c.dep_ == "dobj" and c.i not in inside]
            heads += [
                g
                for c in cue.children
                if c.dep_ == "prep" and c.i not in inside
                for g in c.children
                if g.dep_ == "pobj"
            ]
        heads = heads or clause_on_venue(cue, inside)
        if not heads:
            return _inverted(cue, inside)
        tokens = [t.i for h in heads for t in h.subtree if t.i not in own_reports(h)]
        to_clause = [h for h in heads if h.dep_ in ("xcomp", "advcl")]
        if to_clause:
            # "called on the assembly to intervene": the addressee belongs to what was asked
            addressees = [c for c in cue.children if c.dep_ == "dobj" and c.i < to_clause[0].i]
            addressees += [
                g
                for c in cue.children
                if c.dep_ == "prep" and c.i < to_clause[0].i
                for g in c.children
                if g.dep_ == "pobj"
            ]
            tokens += [t.i for a in addressees for t in a.subtree if t.i not in inside]
        comma = inverted_split(cue, inside)
        if comma is not None and all(h.i < comma for h in heads):
            # "Floods have destroyed 3,000 homes in Niger, the agency said": the parser may
            # give the clause's object to the cue; the clause runs to the comma
            tokens = list(range(min(tokens), comma))
    return _words(cue.doc, tokens, inside)


def conjoined_of(cue: Token, inside: set[int]) -> list[Span]:
    """ "said that the damage was "significant" and that repairs would take weeks": the further
    "that"-clauses joined to the reported one, each a report of its own by the same cue where
    a partial quotation stands for the first (``quotes._reported`` asks only then)."""
    if cue.lower_ == "according":
        return []
    # the clause's own head may sit inside a partial quotation ("that it 'would not be
    # misread' and that ..."): the further clause is still outside it
    heads = [c for c in cue.children if c.dep_ == "ccomp"]
    out = []
    for head in heads or clause_on_venue(cue, inside):
        for clause in _conjoined(head):
            tokens = [t.i for t in clause.subtree if t.i not in own_reports(clause)]
            words = _words(cue.doc, tokens, inside)
            if words is not None:
                out.append(words)
    return out


def first_clause_of(cue: Token, inside: set[int]) -> Span | None:
    """ "said no one had been hurt, and that repairs would take 'at least three weeks'" / "wrote
    that his party would back it: '...'": where the cue's quoted words lie outside its reported
    clause, that clause (up to a further "that"-clause or a colon before quoted words) is a
    report of its own."""
    if cue.lower_ == "according":
        return None
    heads = [c for c in cue.children if c.dep_ == "ccomp" and c.i not in inside]
    if len(heads) != 1:
        return None
    head = heads[0]
    doc = cue.doc
    skip = own_reports(head)
    stops = [_before_joiner(doc, c.left_edge.i) for c in _conjoined(head)]
    stops += [t.i for t in head.subtree if t.text == ":" and t.i + 1 in inside]
    limit = min(stops, default=head.right_edge.i + 1)
    if limit in inside and doc[limit].is_quote:
        return None  # 'had given him "every opportunity"': the quotation goes on with it
    tokens = [t.i for t in head.subtree if t.i < limit and t.i not in skip]
    if not tokens or any(i in inside for i in tokens):
        return None
    return _words(doc, tokens, inside)


def comma_joined(cue: Token, inside: set[int]) -> list[Span]:
    """ "said staff had learned of it by email, and that their own proposal had never been
    discussed": two reports, the first clause and each further one after ", and that"."""
    heads = [c for c in cue.children if c.dep_ == "ccomp" and c.i not in inside]
    if not heads and cue.dep_ == "parataxis":
        return _around_parenthetical(cue, inside)
    if not heads:
        return _asked_twice(cue, inside)
    if len(heads) != 1 or cue.lower_ == "according":
        return []
    doc = cue.doc
    # "said that nine planes were flying and that more were coming": a "that" straight after
    # the cue and another after "and" make two parallel reports, comma or not
    parallel = cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ == "that"
    joined = [
        c
        for c in _conjoined(heads[0])
        if c.left_edge.i >= 2
        and doc[c.left_edge.i - 1].lower_ == "and"
        and (parallel or doc[c.left_edge.i - 2].text == ",")
    ]
    first = first_clause_of(cue, inside) if joined else None
    if first is None:
        return []
    return [first, *conjoined_of(cue, inside)]


def _asked_twice(cue: Token, inside: set[int]) -> list[Span]:
    """ "called on both sides to avoid violence and on the government to open talks": each
    addressee with its "to"-clause is a report of its own."""
    doc = cue.doc
    clauses = [
        c
        for c in cue.children
        if c.dep_ in ("xcomp", "advcl")
        and c.i > cue.i
        and any(g.dep_ == "aux" and g.lower_ == "to" and g.i < c.i for g in c.children)
    ]
    second = [c for c in cue.children if c.dep_ == "conj" and c.pos_ == "ADP" and c.i > cue.i]
    if cue.lemma_.lower() not in _TO_CUES or len(clauses) != 2 or len(second) != 1:
        return []
    first, later = clauses
    if not first.i < second[0].i < later.left_edge.i:
        return []
    particles = [c.i for c in cue.children if c.dep_ in ("prep", "prt") and c.i < first.i]
    start = max(particles, default=cue.i) + 1
    spans = [
        _words(doc, list(range(start, first.right_edge.i + 1)), inside),
        _words(doc, list(range(second[0].i + 1, later.right_edge.i + 1)), inside),
    ]
    return [w for w in spans if w is not None] if all(spans) else []


def _around_parenthetical(cue: Token, inside: set[int]) -> list[Span]:
    """ "Crews would return twice, she said, and teams would visit the camps": the clause
    before the cue and the one joined after its ", and" are two reports."""
    doc = cue.doc
    root = cue.head
    if root.i > cue.i or root.i in inside or cue.right_edge.i + 3 >= len(doc):
        return []
    comma = cue.right_edge.i if cue.right_edge.text == "," else cue.right_edge.i + 1
    further = [
        c
        for c in root.children
        if c.dep_ == "conj"
        and c.left_edge.i == comma + 2
        and doc[comma].text == ","
        and doc[comma + 1].lower_ == "and"
        and c.pos_ in ("VERB", "AUX")
        and not is_cue(c)
        and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    if len(further) != 1:
        return []
    before = [t.i for t in root.subtree if t.i < cue.left_edge.i]
    first = _words(doc, before, inside)
    second = _words(doc, [t.i for t in further[0].subtree], inside)
    return [first, second] if first is not None and second is not None else []


def _before_joiner(doc: Doc, i: int) -> int:
    """``i`` moved back over the ", and" before a further clause."""
    while i > 0 and (doc[i - 1].is_punct or doc[i - 1].dep_ == "cc"):
        i -= 1
    return i


def _conjoined(head: Token) -> list[Token]:
    return [
        c
        for c in head.children
        if c.dep_ == "conj"
        and c.i > head.i
        and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)
    ]


def _words(doc: Doc, tokens: list[int], inside: set[int]) -> Span | None:
    tokens = [i for i in tokens if not (doc[i].dep_ == "mark" and doc[i].lower_ == "that")]
    if not tokens:
        return None
    lo, hi = min(tokens), max(tokens)
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].lower_ == "that"):
        lo += 1
    # "said on Wednesday it would recall ...": the day of the saying, hung on the clause
    if doc[lo].pos_ == "ADP" and lo + 1 < hi and doc[lo + 1].ent_type_ in ("DATE", "TIME"):
        end = max(t.i for t in doc[lo].subtree)
        if end + 1 < hi and all(
            doc[i].ent_type_ in ("DATE", "TIME") for i in range(lo + 1, end + 1)
        ):
            lo = end + 1
            while lo < hi and doc[lo].lower_ in (",", "that"):
                lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if sum(1 for i in range(lo, hi + 1) if i in inside) > (hi - lo + 1) / 2:
        return None  # the words are a direct quotation, found already
    return doc[lo : hi + 1]


def own_reports(head: Token) -> set[int]:
    """A cue joined to the reported clause ("said that it had opened shelters and called for
    calm"): its words are a report of their own."""
    out: set[int] = set()
    for child in head.children:
        if child.dep_ == "conj" and is_cue(child):
            out.update(t.i for t in child.subtree)
            out.update(c.i for c in head.children if c.dep_ == "cc" and c.i < child.i)
        elif _participle_report(child):
            # "denied that the dykes had been neglected, saying 14 million had been spent"
            out.update(range(child.left_edge.i - 1, child.right_edge.i + 1))
    return out


def _participle_report(token: Token) -> bool:
    """A speech participle set off by a comma after the clause (", saying ...")"""
    doc = token.doc
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and token.i > token.head.i
        and token.left_edge.i == token.i
        and token.i > 0
        and doc[token.i - 1].text == ","
        and is_cue(token)
        and any(c.dep_ == "ccomp" for c in token.children)
    )


def _inverted(cue: Token, inside: set[int]) -> Span | None:
    """The clause before an attribution set after it ("More than 2,000 refugees are crossing
    into Chad, the UN refugee agency said, as ..."): the words of the verb the cue hangs from,
    up to the comma before the cue's subject."""
    head = cue.head
    if (
        cue.dep_ not in ("parataxis", "ccomp")
        or head.i >= cue.i
        or head.pos_ not in ("VERB", "AUX")
    ):
        return None
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i]
    if not subjects:
        return None
    edge = subjects[0].left_edge.i
    doc = cue.doc
    if edge == 0 or doc[edge - 1].text != ",":
        return None
    tokens = [t.i for t in head.subtree if t.i < edge - 1 and t.i not in inside]
    if not tokens:
        return None
    lo, hi = min(tokens), max(tokens)
    if lo != head.left_edge.i or any(t.is_sent_start for t in doc[lo + 1 : hi + 1]):
        return None
    return doc[lo : hi + 1]


def clause_on_venue(cue: Token, inside: set[int]) -> list[Token]:
    """The "that"-clause the parser hung on a phrase of the cue rather than on the cue: "said in
    a statement that ...", "told a briefing in Jakarta that ..."."""
    out = []
    for child in cue.rights:
        if child.i in inside or child.dep_ not in ("prep", "dobj", "dative"):
            continue
        for token in child.subtree:
            if (
                token.dep_ in ("ccomp", "acl", "relcl", "advcl")
                and token.i > child.i
                and token.i not in inside
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
            ):
                out.append(token)
                break
    return out[:1]


def negated(cue: Token) -> bool:
    """ "did not say how long", "declined to say whether": no speech reported."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    head = cue.head
    return cue.dep_ == "xcomp" and head.lemma_.lower() in ("decline", "refuse")


def reported_within(cue: Token) -> bool:
    """A cue inside another cue's reported clause ("argued that the strike was illegal because
    a court had ordered the union to suspend it"): part of that report, not one of its own."""
    if _participle_report(cue):
        return False  # ", saying that ...": a report of its own
    child = cue
    start = paragraph_start(cue)
    for ancestor in cue.ancestors:
        if ancestor.i < start:
            return False  # the parser ran over a paragraph break
        if child.dep_ == "conj":
            return False  # "acknowledged that ... but insisted that ...": a report of its own
        if child.dep_ == "ccomp" and is_cue(ancestor) and ancestor.i < cue.i:
            return True
        child = ancestor
    return False


def _to_clause(cue: Token, inside: set[int]) -> list[Token]:
    """ "called on both sides to avoid violence": the "to"-clause the parser hung on the cue as
    an adverbial clause, after an addressee ("on both sides")."""
    if cue.lemma_.lower() not in _TO_CUES:
        return []
    addressed = any(c.dep_ in ("dobj", "prep") and c.i > cue.i for c in cue.children)
    return [
        c
        for c in cue.children
        if c.dep_ == "advcl"
        and c.i > cue.i
        and c.i not in inside
        and addressed
        and any(g.dep_ == "aux" and g.lower_ == "to" and g.i < c.i for g in c.children)
    ][:1]


def calls_it(token: Token, quoted: Span) -> bool:
    """ "calling the fraud 'a cold and calculated betrayal'", "had called 'a fantasy'": the
    quoted words are what the subject of "call" called something."""
    lemma = token.lemma_.lower()
    if lemma not in ("call", *AS_VERBS) or token.tag_ in ("VB", "VBP"):
        return False  # "which locals call 'the pit'": a name, not words said once
    if any(c.tag_ in ("WDT", "WP") for c in token.children):
        return False
    if lemma != "call":
        return _as_object(token, quoted)
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return any(
        t.dep_ == "oprd"
        and t.head.i == token.i
        or t.dep_ == "appos"
        and t.head in objects
        and t.head.i < quoted.start
        for t in quoted
    )


# verbs whose "X as 'Y'" gives what the subject called X: "dismissed the plan as 'crumbs'"
AS_VERBS = ("dismiss", "describe", "condemn", "denounce", "hail", "criticise", "criticize")


def _as_object(token: Token, quoted: Span) -> bool:
    """ "dismissed the plan as 'crumbs'": the quoted words are the object of an "as" hung on
    the verb or on its object."""
    hosts = {token.i} | {t.i for c in token.children if c.dep_ == "dobj" for t in c.subtree}
    return any(
        t.dep_ == "pobj" and t.head.lower_ == "as" and t.head.head.i in hosts for t in quoted
    )
