"""Time expressions, normalised against the publication date.

The rules live in the spaCy-free package ``tidings.timex``; this component supplies what only the
parse knows (the tense of the verb that governs each expression) and the anchor date:
``doc._.tidings_published`` when given, else a dateline the story states at its top (kept in
``doc._.tidings_dateline``), else none, in which case relative expressions keep value None.
"""

from __future__ import annotations

from datetime import date

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..model import Timex
from ..timex import DateNormaliser
from ..timex.direction import FUTURE, FUTURE_IN_PAST, PAST, PRESENT

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "going"}
# Verbs whose "to"-complement happens later: "plans to meet on Monday".
_FUTURE_GOVERNORS = {"plan", "expect", "schedule", "intend", "aim", "set", "due", "hope", "want"}
_FUTURE_GOVERNORS.add("hop")  # the model's lemma of "hopes", "hoped"
# Adjectives (and adjectival participles) whose "to"-complement is still to come: "were unlikely
# to meet again before the fall", "is poised to resume flights on Monday": a prospect, never a
# report of what happened. Not "able", "sure", "ready": "was able to land on Monday", "made sure
# to vote on Tuesday" are told of the past.
_FUTURE_GOVERNORS |= {"likely", "unlikely", "poised", "poise", "bound", "certain", "about"}
# Participles that put their date ahead: "scheduled for June", "a vote slated for May 3".
_SCHEDULED = {"schedule", "plan", "slate", "set", "due", "expect", "reschedule", "postpone"}
# Verbs of a scheduled event: in the present tense news uses them for what is to come ("the talks
# begin on Wednesday", "the trial opens Monday"), unlike the headline present ("Apple unveils").
_SCHEDULED_EVENTS = {"begin", "start", "open", "resume", "reopen", "convene", "arrive", "meet"}
_SCHEDULED_EVENTS |= {"vote", "expire", "kick", "commence", "reconvene", "adjourn"}
# Modal auxiliaries: what could, may or should happen lies ahead of the report.
_MODALS = {"could", "may", "might", "should", "must", "can", "ca"}
# Verbs of expectation: what they expect lies ahead of the expecting ("forecasters expect rain
# through the weekend": the coming one; "officials said they expected a decision by Friday":
# the Friday after the report). "hop" is the model's lemma of "hopes", "hoped".
_EXPECTING = {"expect", "forecast", "predict", "anticipate", "hope", "hop", "plan", "await"}
# The dependents that hold what is expected ("expect [a decision] by Friday").
_COMPLEMENTS = {"dobj", "ccomp", "xcomp", "attr", "oprd", "dative"}


@spacy.registry.misc("tidings.date_normaliser.v1")
def make_date_normaliser() -> DateNormaliser:
    return DateNormaliser()


@Language.factory(
    "tidings_timexes",
    assigns=["doc._.tidings_timexes", "doc._.tidings_dateline"],
    default_config={"normaliser": {"@misc": "tidings.date_normaliser.v1"}},
)
def make_timexes(nlp: Language, name: str, normaliser: DateNormaliser) -> TimexTagger:
    return TimexTagger(normaliser)


def _verb_tense(verb: Token, depth: int = 0) -> str | None:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in aux):
        return FUTURE
    if any(a.lower_ in ("would", "'d") for a in aux):
        # "would have won" looks back; "said it would open in March" is the future of a report
        return PAST if any(a.lemma_ == "have" for a in aux) else FUTURE_IN_PAST
    if any(a.lower_ in _MODALS for a in aux):
        # "a vote could come as early as Friday": what may happen is ahead ("could have": back)
        return PAST if any(a.lemma_ == "have" for a in aux) else FUTURE
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if not aux and not subject and verb.tag_ in ("VB", "VBP") and verb.dep_ == "conj" and depth < 3:
        # "will close on Thursday and remain shut on Friday": the verb shares the first one's
        return _verb_tense(verb.head, depth + 1)
    if any(a.lower_ == "to" for a in aux) and verb.head.i != verb.i and depth < 3:
        head = verb.head
        if head.lemma_.lower() in _FUTURE_GOVERNORS:
            return FUTURE
        if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
            return FUTURE  # "the summit is to be held in March"
        return _verb_tense(head, depth + 1)
    past_aux = any(a.tag_ == "VBD" for a in aux)
    scheduled = verb.lemma_.lower() in _SCHEDULED and not any(
        c.dep_ == "prt" for c in verb.children
    )
    if verb.tag_ == "VBN" and scheduled and not past_aux:
        return FUTURE  # "a hearing has been scheduled for June 3", "the vote, set for May"
    passive = any(a.dep_ == "auxpass" for a in aux)
    if verb.tag_ == "VBN" and verb.lemma_.lower() == "expect" and past_aux and passive:
        return FUTURE_IN_PAST  # "an accord was not expected before the summer": after then
    if verb.tag_ == "VBD" or past_aux:
        return PAST
    if verb.tag_ == "VBN" and aux:
        return PAST if any(a.lemma_ == "have" for a in aux) else None
    if verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in verb.children):
        return PAST  # a participle with an active subject is a mis-tagged past: "it opened"
    if verb.tag_ in ("VBZ", "VBP") and not aux and verb.lemma_.lower() in _SCHEDULED_EVENTS:
        return FUTURE  # the present of a scheduled event: "the talks begin on Wednesday"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return PRESENT
    return None


def _expected_tense(verb: Token, span_start: int) -> str | None:
    """The tense of an expression inside what a verb of expectation expects: future from a
    present or future "expect", future in the past from a past one (the report's own date is
    told apart later); None when the expression is not after the verb's complement (then it
    dates the expecting itself: "On Monday, analysts expected ...") or the verb is a past
    perfect ("had expected a profit for the quarter": the period is over, the outcome known)."""
    if verb.lemma_.lower() not in _EXPECTING or span_start <= verb.i:
        return None
    if not any(c.dep_ in _COMPLEMENTS and verb.i < c.i < span_start for c in verb.children):
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    tense = _verb_tense(verb)
    if tense == PAST:
        return None if any(a.lemma_ == "have" for a in aux) else FUTURE_IN_PAST
    if tense in (PRESENT, None):
        return FUTURE
    return tense


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """Tense of the nearest verb governing the characters ``start:end`` (None when unknown)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(6):  # climb to the governing verb; a few steps reach it in news syntax
        if token.pos_ in ("VERB", "AUX") and token not in span:
            return _expected_tense(token, span.start) or _verb_tense(token)
        if token.head.i == token.i:
            return _verb_tense(token) if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def _anchor(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


class TimexTagger:
    def __init__(self, normaliser: DateNormaliser) -> None:
        self.normaliser = normaliser

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        anchor = _anchor(doc._.tidings_published)
        dateline = self.normaliser.dateline(text)
        doc._.tidings_dateline = dateline.isoformat() if dateline else None
        anchor = anchor or dateline
        parsed = doc.has_annotation("DEP")
        found = self.normaliser.find(
            text, anchor, tense_of=(lambda s, e: tense_at(doc, s, e)) if parsed else None
        )
        doc._.tidings_timexes = [
            Timex(text=f.text, type=f.type, value=f.value, start=f.start, end=f.end) for f in found
        ]
        return doc
