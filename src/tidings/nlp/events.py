"""PLOVER events: who did what to whom, where and when, from each clause.

The stage, in reading order (docs/events.md):

1. triggers: verbs from ``resources/plover_verbs.tsv`` ("attacked", "called on") and nouns from
   ``resources/plover_nouns.tsv`` ("clashes", "a strike", "sanctions") that the clause licenses
   (the object of a support verb, the subject of a happening verb, or a noun with its own place,
   date, actor or count);
2. arguments (``event_args``): actor and target from the parse (subject, object, passive agent,
   "between X and Y", "against X"), unnamed groups as GROUP entities, place, the date the
   clause governs (not the reporting date), counts;
3. negation and modality (``event_modality``): "no fighting", "threatened a stoppage";
4. provenance: the quotation the event is reported in, and agent codes (``events.agents``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..events.agents import group_noun
from ..events.lexicon import EMBED_ONLY, LIGHT, NounEntry, VerbEntry, load_nouns, load_verbs
from .event_args import ArgContext
from .event_filters import drop_uncoded, trigger_kind
from .event_modality import is_negated, modality, verb_entry
from .event_roles import agent, passive_subject, verb_args
from .event_stance import in_text_order, quote_of, stance_events
from .resolved import ResolvedCount, ResolvedEvent

# Verbs whose subject noun is an event that happened: "clashes erupted", "fighting killed 41".
_HAPPEN = {
    "erupt", "break", "continue", "rage", "escalate", "intensify", "resume", "begin", "start",
    "kill", "leave", "hit", "spread", "take", "flare", "ease", "end", "subside", "occur",
    "happen", "force", "injure", "wound", "destroy", "damage", "target", "claim", "paralyse",
    "paralyze", "halt", "disrupt", "shut", "close", "enter", "last", "cause",
}  # fmt: skip
_NOUN_ARG_PREPS = {
    "against",
    "on",
    "with",
    "by",
    "between",
    "in",
    "at",
    "near",
    "across",
    "over",
    "of",
    "from",
}
_ACCUSE_OF = {"accuse", "blame", "suspect", "convict", "charge"}
_KILL = {"kill", "murder", "massacre", "slaughter", "assassinate", "behead", "execute"}
_HURT = {"wound", "injure"}
_NOT_EVENT_COMPOUNDS = {"press", "news"}
# nouns that are an event only as a support verb's object: "sent troops", "sent arms"
_ONLY_AS_OBJECT = {
    "troop", "arm", "consensus", "asylum", "alert", "convoy", "camp", "supplies", "supply",
    "medicine", "grant", "loan", "mediator", "helicopter", "warship", "gunboat", "soldier",
    "reservist",
}  # fmt: skip


@Language.factory(
    "tidings_events",
    requires=["doc._.tidings_entities", "doc._.tidings_timexes", "doc._.tidings_quotes"],
    assigns=["doc._.tidings_events"],
)
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor()


@dataclass(slots=True)
class Trigger:
    token: Token  # the head word
    tokens: list[Token]  # every word of the trigger, in order
    type: str
    mode: str | None
    verbal: bool


def _span_text(doc: Doc, tokens: list[Token]) -> tuple[str, int, int]:
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    return doc.text[start:end], start, end


def _noun_entry(token: Token, nouns: dict[str, NounEntry]) -> tuple[NounEntry, list[Token]] | None:
    doc = token.doc
    lemma = token.lemma_.lower()
    # compounds written before the head: "air strike", "hunger strike", "martial law"
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod"):
            entry = nouns.get(f"{child.lemma_.lower()} {lemma}") or nouns.get(
                f"{child.lower_} {lemma}"
            )
            if entry is not None:
                return entry, [child, token]
    # hyphenated and "state of emergency"
    for width in (3, 2):
        window = doc[token.i : token.i + width]
        if len(window) == width:
            key = window.text.lower()
            lemmas = " ".join(t.lemma_.lower() for t in window)
            entry = nouns.get(key) or nouns.get(lemmas)
            if entry is not None:
                return entry, list(window)
    entry = nouns.get(lemma)
    return (entry, [token]) if entry is not None else None


class EventExtractor:
    def __init__(self) -> None:
        self.verbs: dict[str, VerbEntry] = load_verbs()
        self.nouns: dict[str, NounEntry] = load_nouns()

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            doc._.tidings_events = []
            return doc
        ctx = ArgContext(doc)
        quotes = doc._.tidings_quotes or []
        events: list[ResolvedEvent] = []
        for sent in doc.sents:
            by_token: dict[int, ResolvedEvent] = {}
            governed: list[tuple[int, int]] = []  # (event number, governing verb)
            made: list[tuple[ResolvedEvent, Token, Token | None, int]] = []
            for trigger in self.triggers(sent):
                event, governor = self.event(trigger, sent, ctx)
                if drop_uncoded(event, trigger.token, governor, events, self.verbs):
                    continue
                event.quote = quote_of(quotes, event.start, event.end)
                by_token[trigger.token.i] = event
                if governor is not None:
                    governed.append((len(events), governor.i))
                clause = None if trigger.verbal else self._governor(trigger.token)
                made.append((event, trigger.token, clause, len(events)))
                events.append(event)
            for number, governor_i in governed:  # "threatened a stoppage": the threat's content
                if governor_i in by_token and by_token[governor_i].content is None:
                    by_token[governor_i].content = number
            events.extend(stance_events(sent, made, ctx, events, quotes))
        doc._.tidings_events = in_text_order(events)
        return doc

    # -- triggers -----------------------------------------------------------------------------

    def triggers(self, sent: Span) -> list[Trigger]:
        found: list[Trigger] = []
        covered: set[int] = set()
        for token in sent:
            if token.i in covered:
                continue
            if token.pos_ == "VERB":
                entry = verb_entry(token, self.verbs)
                if entry is None or token.dep_ == "amod":
                    continue
                tokens = [token]
                if " " in entry.lemma:
                    word = entry.lemma.split(" ", 1)[1]
                    tokens += [c for c in token.children if c.lower_ == word or c.lemma_ == word]
                    tokens.sort(key=lambda t: t.i)
                    if tokens[-1].i - tokens[0].i > 3:
                        tokens = [token]
                kind_mode = trigger_kind(token, entry, self.nouns)
                if kind_mode is None:
                    continue
                kind, mode = kind_mode
                found.append(Trigger(token, tokens, kind, mode, True))
                covered.update(t.i for t in tokens)
            elif token.pos_ in ("NOUN", "PROPN") and (token.pos_ == "NOUN" or token.is_lower):
                match = _noun_entry(token, self.nouns)
                if match is None:
                    continue
                noun, tokens = match
                head = max(tokens, key=lambda t: t.i) if tokens[0].dep_ == "compound" else token
                if not self._licensed(head) or self._agreed(head, found):
                    continue
                governor = self._governor(head)
                if governor is not None and any(t.token.i == governor.i for t in found):
                    entry_g = verb_entry(governor, self.verbs)
                    if entry_g is not None and entry_g.type == LIGHT:
                        continue  # "ordered 5,000 soldiers into the streets": the verb is it
                if head.dep_ == "conj" and any(  # "flew helicopters and troops": one event
                    t.token.i == head.head.i and t.type == noun.type for t in found
                ):
                    continue
                found.append(Trigger(head, tokens, noun.type, noun.mode, False))
                covered.update(t.i for t in tokens)
        return found

    def _agreed(self, noun: Token, found: list[Trigger]) -> bool:
        """ "agreed to a ceasefire", "signed a peace accord": the AGREE verb is the one event,
        and takes the noun's mode."""
        token = noun.head if noun.dep_ == "pobj" else noun
        if token.dep_ not in ("dobj", "prep", "pobj"):
            return False
        for trigger in found:
            if trigger.token.i == token.head.i and trigger.type == "AGREE":
                entry = _noun_entry(noun, self.nouns)
                if entry is not None and entry[0].type == "AGREE":
                    trigger.mode = trigger.mode or entry[0].mode
                    return True
        return False

    def _licensed(self, noun: Token) -> bool:
        if noun.dep_ == "compound" or any(
            c.dep_ == "compound" and c.lower_ in _NOT_EVENT_COMPOUNDS for c in noun.children
        ):
            return False
        governor = self._governor(noun)
        if governor is not None:
            return True
        if noun.lemma_.lower() in _ONLY_AS_OBJECT:
            return False
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in _HAPPEN:
            return True
        if noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children):
            return True  # "there were clashes", "there had been no fighting"
        if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_ == "be":
            return True  # "have been on strike"
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in _NOUN_ARG_PREPS and child.lower_ != "of":
                return True
            if child.dep_ in ("poss", "nummod"):
                return True
            if child.dep_ in ("compound", "amod") and child.ent_type_ in (
                "GPE",
                "NORP",
                "ORG",
                "DATE",
            ):
                return True
        return False

    def _governor(self, noun: Token) -> Token | None:
        """The support or embedding verb a noun trigger is the object of ("launched an offensive",
        "called for talks", "went on strike", "warned of resistance"), if any."""
        token = noun
        if token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent"):
            token = token.head
        if token.dep_ not in ("dobj", "prep", "nsubjpass", "attr", "oprd"):
            return None
        head = token.head
        if head.pos_ not in ("VERB", "AUX"):
            return None
        entry = verb_entry(head, self.verbs)
        if entry is None:
            return None
        if entry.type in (LIGHT, EMBED_ONLY) or entry.embeds:
            return head
        return None

    # -- one event ----------------------------------------------------------------------------

    def event(
        self, trigger: Trigger, sent: Span, ctx: ArgContext
    ) -> tuple[ResolvedEvent, Token | None]:
        doc = sent.doc
        token = trigger.token
        clause = None if trigger.verbal else self._governor(token)
        if clause is None and not trigger.verbal and token.dep_ in ("nsubj", "nsubjpass"):
            happen = token.head
        else:
            happen = None
        actor_tok, target_tok = (
            verb_args(token, ctx.is_actor)
            if trigger.verbal
            else self._noun_args(token, clause, happen, ctx)
        )
        if (
            trigger.type == "MOBILIZE"
            and actor_tok is None
            and trigger.verbal
            and passive_subject(token) is not None
            and agent(token) is None
        ):
            actor_tok, target_tok = target_tok, None  # "Police were deployed": the force moves
        actor = ctx.entity_of(actor_tok)
        target = ctx.entity_of(target_tok)
        joint = ctx.joint(actor_tok)  # "Delegations from X and Y met", "the two sides agreed"
        if joint is not None:
            actor, target = joint[0], target if target is not None else joint[1]
        if target == actor:
            target = None
        anchors = [t for t in (token, clause, happen) if t is not None]
        place = ctx.place_of(anchors, sent, {i for i in (actor, target) if i is not None})
        date = ctx.date_of(anchors, sent)
        mod, governor = modality(token, clause, self.verbs)
        text, start, end = _span_text(doc, trigger.tokens)
        counts: list[ResolvedCount] = []
        lemma = token.lemma_.lower()
        target_role = "killed" if lemma in _KILL else "injured" if lemma in _HURT else "target"
        for tok, role in ((actor_tok, "actor"), (target_tok, target_role)):
            found = ctx.count(tok, role)
            if found is not None:
                counts.append(found)
        if happen is not None:  # "clashes killed 41 people"
            obj = next((c for c in happen.children if c.dep_ == "dobj"), None)
            hl = happen.lemma_.lower()
            role = "killed" if hl in _KILL else "injured" if hl in _HURT else "other"
            found = ctx.count(obj, role)
            if found is not None:
                counts.append(found)
        if actor is not None:
            ctx.last_actor = (sent.start_char, actor)
            ctx.acted[actor] = ctx.acted.get(actor, 0) + 1
            if target is not None and ctx.entities[target].label not in ("GPE", "LOC", "FAC"):
                ctx.last_pair = (actor, target)
        event = ResolvedEvent(
            type=trigger.type,
            trigger=text,
            start=start,
            end=end,
            mode=trigger.mode,
            actor=actor,
            target=target,
            place=place,
            date=date,
            negated=is_negated(token, clause),
            modality=mod,
            counts=counts,
            actor_code=ctx.code(actor),
            target_code=ctx.code(target),
            sentence=sent.start_char,
        )
        return event, governor

    def _noun_args(
        self, noun: Token, clause: Token | None, happen: Token | None, ctx: ArgContext
    ) -> tuple[Token | None, Token | None]:
        actor: Token | None = None
        target: Token | None = None
        for child in noun.children:
            if (
                child.dep_ == "poss"
                or (
                    child.dep_ in ("compound", "amod") and child.ent_type_ in ("ORG", "NORP", "GPE")
                )
                or (child.dep_ == "compound" and group_noun(child.lemma_) is not None)
            ):  # "the coalition's march", "a Taliban offensive", "a police raid"
                actor = actor or child
            elif child.dep_ == "prep":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if not objects:
                    continue
                if child.lower_ == "by":
                    actor = objects[0]
                elif child.lower_ == "between":
                    actor = objects[0]
                    conj = [c for c in objects[0].children if c.dep_ == "conj"]
                    target = conj[0] if conj else target
                elif child.lower_ in ("against", "on", "with", "upon"):
                    target = target or objects[0]
        if (
            actor is None
            and noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and noun.head.head.lemma_.lower() in _ACCUSE_OF
        ):  # "accused the police of beating students": the accused beat
            actor = next((c for c in noun.head.head.children if c.dep_ == "dobj"), None)
        if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_ == "be":
            clause = noun.head.head  # "miners have been on strike": the miners strike
        if clause is not None:
            if actor is None:
                actor = verb_args(clause, ctx.is_actor)[0]
            if target is None:
                for prep in clause.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("against", "on", "with"):
                        objects = [c for c in prep.children if c.dep_ == "pobj"]
                        target = objects[0] if objects else None
        if (
            happen is not None
            and target is None
            and happen.lemma_.lower() in _KILL | _HURT | {"target", "hit"}
        ):
            target = next((c for c in happen.children if c.dep_ == "dobj"), None)
        return actor, target
