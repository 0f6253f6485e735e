"""Attributions the small parser gets wrong, read back from the sentence's shape.

Helpers of ``attribution.speaker_head``: a paragraph the parser ran into the one before
("..." [break] "A nurse ..., said"), a speaker hung as an apposition inside a fronted phrase
("In the village of X, Suparno, a fisherman, said"), a dateline taken for the subject
("OUAGADOUGOU, March 3 - Burkina Faso's government said") and the comma that splits a reported
clause from the attribution set after it ("Floods destroyed 3,000 homes in Niger, the agency
said", with "homes" taken for the subject).
"""

from __future__ import annotations

from spacy.tokens import Token


def _has_subject(verb: Token, inside: set[int]) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside for c in verb.children)


def inverted_split(cue: Token, inside: set[int]) -> int | None:
    """The comma between a reported clause and the attribution set after it ("Floods destroyed
    3,000 homes in Niger, the agency said"): the first comma after the head of the cue's
    reported clause, when that clause lies before the cue."""
    content = [c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i and c.i not in inside]
    if not content:
        return None
    doc = cue.doc
    for i in range(content[0].i + 1, cue.i):
        if i in inside:
            return None
        if doc[i].text == ",":
            return i
    return None


def dateline(token: Token) -> bool:
    """Whether ``token`` is the place of a dateline: an all-caps word opening a paragraph."""
    doc = token.doc
    start = paragraph_start(token)
    return (
        token.text.isupper()
        and len(token.text) > 2
        and token.i - start < 4
        and all(t.text.isupper() or t.is_punct for t in doc[start : token.i + 1])
    )


def paragraph_start(token: Token) -> int:
    doc = token.doc
    i = token.i
    while i > 0 and "\n" not in doc[i - 1].text_with_ws:
        i -= 1
    return i


def paragraph_opener(cue: Token, inside: set[int]) -> Token | None:
    """The speaker of a paragraph the parser ran into the one before ('..." [break] A nurse at
    the hospital, who ..., said ...', with "said" hung on the previous paragraph's verb): the
    first noun of the paragraph whose head lies before it."""
    start = paragraph_start(cue)
    if start == 0:
        return None
    top = cue
    for _ in range(4):  # "...' [break] X welcomed the moves but said ...": up the verbs
        if top.head.i == top.i or top.head.i < start:
            break
        if top.dep_ not in ("conj", "advcl", "xcomp", "ccomp") or _has_subject(top.head, inside):
            return None
        top = top.head
    if top.head.i >= start or top.head.i == top.i:
        return None
    for token in cue.doc[start : cue.i]:
        if token.i in inside or token.is_space or token.is_punct:
            continue
        if token.head.i < start and token.pos_ in ("NOUN", "PROPN", "PRON"):
            return token
    return None


def fronted_speaker(cue: Token, inside: set[int]) -> Token | None:
    """The speaker the parser hung as an apposition inside a fronted phrase: "In the village of
    X, Suparno, a fisherman, said ..." (Suparno an apposition of X), "In a letter seen by the
    Chronicle, its chairman, Y, wrote ..." (the chairman an apposition of the Chronicle). The
    first apposition of the phrase's last noun, when the appositions run up to the cue."""
    doc = cue.doc
    if cue.i < 3 or doc[cue.i - 1].text != "," or cue.i - 2 in inside:
        return None
    last = doc[cue.i - 2]
    while last.dep_ in ("compound", "flat") and last.head.i > last.i:
        last = last.head
    if last.dep_ != "appos":
        return None
    top = last
    while top.head.dep_ == "appos" and top.head.i < top.i:
        top = top.head
    host = top.head
    fronted = [c for c in cue.lefts if c.dep_ in ("prep", "advcl", "npadvmod")]
    if not any(host in f.subtree or host.i == f.i for f in fronted):
        return None
    first = min(
        (c for c in host.children if c.dep_ == "appos" and c.i > host.i),
        key=lambda c: c.i,
        default=None,
    )
    if first is None or first.i in inside or first.pos_ not in ("PROPN", "NOUN"):
        return None
    return first


def loose_subject(cue: Token, inside: set[int]) -> Token | None:
    """A name opening the sentence that the parser hung on the cue as a modifier rather than
    its subject ("Vân acknowledged that ...", "Vân" an ``npadvmod``): the name, when nothing
    else stands between it and the cue; or the name the parser made the sentence's root, with
    the cue hung on it as a clause after a comma, reporting a "that"-clause."""
    if _has_subject(cue, inside):
        return None
    doc = cue.doc
    head = cue.head
    if (
        cue.dep_ == "acl"
        and cue.tag_ in ("VBD", "VBN")
        and doc[cue.i - 1].text == ","
        and any(t.dep_ == "mark" and t.lower_ == "that" for t in cue.subtree)
        and head.dep_ == "ROOT"
        and head.pos_ == "PROPN"
        and head.i < cue.i
        and head.i not in inside
        and (head.left_edge.i == 0 or head.left_edge.is_sent_start)
    ):
        # "Minh, who has a million followers, denied in a video that ...": the parser made the
        # name the root and hung the cue on it
        return head
    for child in cue.lefts:
        if child.dep_ not in ("npadvmod", "nmod", "dep", "compound", "intj", "advmod"):
            continue
        edge = child.left_edge.i
        opens = edge == 0 or doc[edge].is_sent_start or "\n" in doc[edge - 1].text_with_ws
        if (
            opens
            and child.pos_ == "PROPN"
            and child.text[:1].isupper()
            and child.ent_type_ not in ("DATE", "TIME")
            and child.i not in inside
            and child.right_edge.i == cue.i - 1
        ):
            return child
    return None


def stranded_speaker(cue: Token, inside: set[int]) -> Token | None:
    """ "Jan Roe, an organiser for the union, called on ministers to act": the parser made the
    name the sentence's root and hung the cue on it, or on its apposition, as a clause after a
    comma. The name, when it opens the sentence and the cue asks something of somebody (a
    "to"-clause) or reports a "that"-clause."""
    doc = cue.doc
    if cue.dep_ != "acl" or cue.tag_ not in ("VBD", "VBN") or doc[cue.i - 1].text != ",":
        return None
    host = cue.head
    if host.dep_ == "appos" and host.head.i < host.i:
        host = host.head
    if (
        host.dep_ != "ROOT"
        or host.pos_ not in ("PROPN", "NOUN")
        or host.i in inside
        or not (host.left_edge.i == 0 or host.left_edge.is_sent_start)
        or not host.left_edge.text[:1].isupper()
    ):
        return None
    reports = any(t.dep_ == "mark" and t.lower_ == "that" for t in cue.subtree) or any(
        c.dep_ in ("xcomp", "advcl")
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in cue.children
    )
    return host if reports else None


DASHES = frozenset({"-", "\u2013", "\u2014"})


def past_dateline(subject: Token) -> Token:
    """ "LIMA, Peru (Andes Post) - Candidate X refused ...": the parser may join the dateline's
    place to the real subject (as a conjunct or an apposition); the subject is then the word it
    joined after the dash."""
    doc = subject.doc
    joined = [
        c
        for c in subject.children
        if c.dep_ in ("conj", "appos") and any(t.text in DASHES for t in doc[subject.i : c.i])
    ]
    return joined[-1] if joined else subject


def participle_subject(cue: Token, inside: set[int]) -> Token | None:
    """ "X, coordinator at the centre run by the charity, says ...": the parser reads the
    participle "run" as a verb with X for its subject and hangs it on the cue; X is the cue's."""
    for clause in cue.lefts:
        if clause.dep_ not in ("ccomp", "advcl") or clause.tag_ != "VBN" or clause.i in inside:
            continue
        for subject in clause.lefts:
            if (
                subject.dep_ == "nsubj"
                and subject.pos_ in ("PROPN", "NOUN")
                and subject.i not in inside
                and any(t.text == "," for t in subject.doc[subject.i : clause.i])
            ):
                return subject
    return None


def after_quote_speaker(cue: Token, inside: set[int]) -> Token | None:
    """'"...," Fenprof's secretary-general, Mario Branco, told reporters': when the parser
    hangs the cue on the quotation's own verb and leaves it no subject, the speaker is in the
    few words between the closing mark and the cue: the last person named there, else the
    first noun."""
    doc = cue.doc
    i = cue.i - 1
    window: list[Token] = []
    while i >= 0 and i not in inside and not doc[i].is_quote and cue.i - i <= 12:
        window.insert(0, doc[i])
        i -= 1
    if i < 0 or not (doc[i].is_quote or i in inside) or not window:
        return None
    people = [t for t in window if t.ent_type_ == "PERSON"]
    if people:
        return people[-1]
    return next((t for t in window if t.pos_ in ("PROPN", "NOUN")), None)
