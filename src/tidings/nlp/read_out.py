"""A text read out or issued before a colon ("the victim's brother read a statement on behalf
of the family:"): the verb stands in for a speech cue, its subject for the speaker."""

from __future__ import annotations

from spacy.tokens import Token

TEXTS = frozenset({"statement", "letter", "message", "speech", "communique", "communiqué"})
ISSUE = frozenset({"read", "issue", "release", "deliver", "publish", "post"})


def issues_text(token: Token, inside: set[int]) -> bool:
    return (
        token.pos_ == "VERB"
        and token.i not in inside
        and token.lemma_.lower() in ISSUE
        and any(c.dep_ == "dobj" and c.lemma_.lower() in TEXTS for c in token.children)
    )
