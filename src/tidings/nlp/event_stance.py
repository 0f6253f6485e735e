"""Stated stances towards an action: commitments, announced intentions, demands, refusals.

PLOVER codes what an actor says it will do, not only what it does (docs/events.md, "Stances"):

- a commitment or announced intention to cooperate -- "is willing to withdraw", "is ready to
  host", "said it will release", "will give Tanzania a grant" -- is an AGREE event (CAMEO 03x
  "express intent to ...", which CAMEO2PLOVER maps to AGREE); the action itself is still coded,
  with modality ``planned`` (will) or ``intended`` (willing, ready);
- an announced coercive action -- "said they would boycott", "is prepared to impose martial
  law" -- is a THREATEN event plus the action (modality ``threatened``);
- "X must do Y" is a REQUEST by the speaker of the clause (the subject of "said") to X, plus Y
  with modality ``requested``;
- a negated agreement -- "will not accept", "failed to reach agreement" -- is a REJECT.

The new events get the aux or adjective as their trigger ("will", "willing", "must").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from .event_roles import subject
from .resolved import ResolvedEvent

if TYPE_CHECKING:
    from .event_args import ArgContext

COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
COERCIVE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST"}
_WILLING = {"willing", "ready", "prepared", "committed", "determined", "eager"}
_FUTURE = {"will", "would", "shall", "'ll"}
_CONDITION_MARKS = {"if", "unless", "until"}

# (trigger token, type, actor token, target token, content event index)
Stance = tuple[Token, str, Token | None, Token | None, int | None]


def _aux(verb: Token, words: set[str]) -> Token | None:
    return next(
        (c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in words), None
    )


def _in_condition(verb: Token) -> bool:
    token = verb
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in token.children):
            return True
        if token.dep_ not in ("conj", "xcomp", "advcl") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _willing(verb: Token) -> Token | None:
    """'is willing to withdraw' -> the adjective 'willing' the verb is the complement of."""
    if verb.dep_ == "xcomp" and verb.head.lower_ in _WILLING:
        return verb.head
    return None


def _unless(verb: Token) -> bool:
    """'will withdraw its force unless X arranges a ceasefire': a threat, whatever the action."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in verb.children
    )


def _musts(sent: Span) -> list[Token]:
    return [
        t
        for t in sent
        if t.pos_ in ("VERB", "AUX")
        and t.dep_ != "aux"
        and any(c.dep_ == "aux" and c.lower_ == "must" for c in t.children)
    ]


def _failed(verb: Token) -> bool:
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail"


def stances(
    sent: Span,
    events: list[tuple[ResolvedEvent, Token, Token | None, int]],
    is_actor: Callable[[Token], bool],
) -> list[Stance]:
    """New stance events for one sentence's events; also retypes refusals in place.

    ``events``: (event, trigger head, clause verb for a noun trigger, index in the document).
    """
    out: list[Stance] = []
    seen: set[int] = set()
    for event, token, clause, number in events:
        verb = token if token.pos_ in ("VERB", "AUX") else clause
        if verb is None or verb.i in seen:
            continue
        if event.type == "AGREE" and (event.negated or _failed(verb)):
            event.type, event.mode, event.negated = "REJECT", None, False
            continue
        if event.negated or event.modality in ("requested", "threatened", "refused", "denied"):
            continue
        if any(c.dep_ == "nsubjpass" for c in verb.children) or _in_condition(verb):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children):
            continue  # "Under the deal, forces will withdraw": the terms of a coded agreement
        must = _aux(verb, {"must"})
        if must is not None:
            speaker = None
            if verb.dep_ == "ccomp":
                speaker = subject(verb.head, is_actor)
            out.append((must, "REQUEST", speaker, subject(verb, is_actor), number))
            event.modality = "requested"
            seen.add(verb.i)
            continue
        if event.type == "AGREE":
            continue
        willing = _willing(verb)
        cooperative = COOPERATIVE | ({"MOBILIZE"} if willing is not None else set())
        kind = (
            "AGREE" if event.type in cooperative else "THREATEN" if event.type in COERCIVE else None
        )
        if _unless(verb):
            kind = "THREATEN"
        if kind is None:
            continue
        stance_word = willing if willing is not None else _aux(verb, _FUTURE)
        if stance_word is None:
            continue
        actor = subject(verb, is_actor)
        if actor is None or actor.lower_ in ("it", "there") and actor.dep_ == "expl":
            continue
        out.append((stance_word, kind, actor, None, number))
        event.modality = (
            "threatened" if kind == "THREATEN" else "planned" if willing is None else "intended"
        )
        seen.add(verb.i)
    for verb in _musts(sent):
        if verb.i in seen or verb.dep_ != "ccomp":
            continue  # only "X said Y must ...": a demand reported with its speaker
        must = next(c for c in verb.children if c.dep_ == "aux" and c.lower_ == "must")
        inner = [n for e, tok, clause, n in events if verb.i in {tok.i, getattr(clause, "i", -1)}]
        content = inner[0] if inner else None
        out.append(
            (must, "REQUEST", subject(verb.head, is_actor), subject(verb, is_actor), content)
        )
    return out


def stance_events(
    sent: Span,
    made: list[tuple[ResolvedEvent, Token, Token | None, int]],
    ctx: ArgContext,
    events: list[ResolvedEvent],
    quotes: list[Any],
) -> list[ResolvedEvent]:
    """The stance events of one sentence as ``ResolvedEvent``s (see ``stances``)."""
    out: list[ResolvedEvent] = []
    for word, kind, actor_tok, target_tok, content in stances(sent, made, ctx.is_actor):
        actor = ctx.entity_of(actor_tok)
        if content is not None:
            inner = events[content]
            target = ctx.entity_of(target_tok) if target_tok is not None else inner.target
            place, date, quote = inner.place, inner.date, inner.quote
        else:  # "China must drop barriers": no PLOVER content, still a demand
            target = ctx.entity_of(target_tok)
            place = ctx.place_of([word.head], sent, {i for i in (actor, target) if i is not None})
            date = ctx.date_of([word.head], sent)
            quote = quote_of(quotes, word.idx, word.idx + len(word.text))
        target = target if target != actor else None
        out.append(
            ResolvedEvent(
                type=kind,
                trigger=word.text,
                start=word.idx,
                end=word.idx + len(word.text),
                actor=actor,
                target=target,
                place=place,
                date=date,
                content=content,
                sentence=sent.start_char,
                actor_code=ctx.code(actor),
                target_code=ctx.code(target),
                quote=quote,
            )  # fmt: skip
        )
    return out


def in_text_order(events: list[ResolvedEvent]) -> list[ResolvedEvent]:
    """Events in text order, with ``content`` indices following the reordering."""
    order = sorted(range(len(events)), key=lambda i: (events[i].start, events[i].end))
    new_index = {old: new for new, old in enumerate(order)}
    out = [events[i] for i in order]
    for event in out:
        if event.content is not None:
            event.content = new_index.get(event.content)
    return out


def quote_of(quotes: list[Any], start: int, end: int) -> int | None:
    best, best_len = None, 10**9
    for number, quote in enumerate(quotes):
        if quote.start <= start and end <= quote.end and quote.end - quote.start < best_len:
            best, best_len = number, quote.end - quote.start
    return best
