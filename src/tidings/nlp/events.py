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

from ..events.lexicon import EMBED_ONLY, LIGHT, NounEntry, VerbEntry, load_nouns, load_verbs
from .event_args import ArgContext
from .event_modality import is_negated, modality, verb_entry
from .resolved import ResolvedCount, ResolvedEvent

# Verbs whose subject noun is an event that happened: "clashes erupted", "fighting killed 41".
_HAPPEN = {
    "erupt", "break", "continue", "rage", "escalate", "intensify", "resume", "begin", "start",
    "kill", "leave", "hit", "spread", "take", "flare", "ease", "end", "subside", "occur",
    "happen", "force", "injure", "wound", "destroy", "damage", "target", "claim", "paralyse",
    "paralyze", "halt", "disrupt", "shut", "close", "enter", "last", "cause",
}  # fmt: skip
_TARGET_PREPS = {"against", "on", "upon", "with", "at", "to", "toward", "towards"}
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
_KILL = {"kill", "murder", "massacre", "slaughter", "assassinate", "behead", "execute"}
_HURT = {"wound", "injure"}
_NOT_EVENT_COMPOUNDS = {"press", "news"}
# nouns that are an event only as a support verb's object: "sent troops", "sent arms"
_ONLY_AS_OBJECT = {"troop", "arm", "consensus", "asylum"}


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
            for trigger in self.triggers(sent):
                event, governor = self.event(trigger, sent, ctx)
                event.quote = _quote_of(quotes, event.start, event.end)
                by_token[trigger.token.i] = event
                if governor is not None:
                    governed.append((len(events), governor.i))
                events.append(event)
            for number, governor_i in governed:  # "threatened a stoppage": the threat's content
                if governor_i in by_token and by_token[governor_i].content is None:
                    by_token[governor_i].content = number
        doc._.tidings_events = events
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
                if entry is None or entry.type in (LIGHT, EMBED_ONLY) or token.dep_ == "amod":
                    continue
                tokens = [token]
                if " " in entry.lemma:
                    word = entry.lemma.split(" ", 1)[1]
                    tokens += [c for c in token.children if c.lower_ == word or c.lemma_ == word]
                    tokens.sort(key=lambda t: t.i)
                    if tokens[-1].i - tokens[0].i > 3:
                        tokens = [token]
                kind, mode = entry.type, entry.mode
                if entry.lemma == "strike" and not any(c.dep_ == "dobj" for c in token.children):
                    kind, mode = "PROTEST", "boycott"  # "dockworkers strike", not "struck a convoy"
                found.append(Trigger(token, tokens, kind, mode, True))
                covered.update(t.i for t in tokens)
            elif token.pos_ in ("NOUN", "PROPN") and (token.pos_ == "NOUN" or token.is_lower):
                match = _noun_entry(token, self.nouns)
                if match is None:
                    continue
                noun, tokens = match
                head = max(tokens, key=lambda t: t.i) if tokens[0].dep_ == "compound" else token
                if not self._licensed(head):
                    continue
                found.append(Trigger(head, tokens, noun.type, noun.mode, False))
                covered.update(t.i for t in tokens)
        return found

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
            _verb_args(token) if trigger.verbal else self._noun_args(token, clause, happen)
        )
        actor = ctx.entity_of(actor_tok)
        target = ctx.entity_of(target_tok)
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
        self, noun: Token, clause: Token | None, happen: Token | None
    ) -> tuple[Token | None, Token | None]:
        actor: Token | None = None
        target: Token | None = None
        for child in noun.children:
            if child.dep_ == "poss" or (
                child.dep_ in ("compound", "amod") and child.ent_type_ in ("ORG", "NORP", "GPE")
            ):
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
        if clause is not None:
            if actor is None:
                actor = _verb_args(clause)[0]
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


def _subject(verb: Token, depth: int = 0) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    if depth > 3:
        return None
    head = verb.head
    if verb.dep_ == "relcl":
        return head
    if verb.dep_ == "xcomp":
        # object control: "urged the government to", "called on the Taliban to"
        for child in head.children:
            if child.dep_ == "dobj":
                return child
            if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        return _subject(head, depth + 1)
    if verb.dep_ in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return _subject(head, depth + 1) if verb.dep_ == "conj" or verb.tag_ == "VBG" else None
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return head
    return None


def _verb_args(verb: Token) -> tuple[Token | None, Token | None]:
    """(actor, target) heads for a verb: passive subjects are targets, "by" agents actors."""
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        passive = verb.head  # "41 people killed in the attack"
    if passive is not None:
        actor = None
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                actor = objects[0] if objects else None
        return actor, passive
    actor = _subject(verb)
    target = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    if target is None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    target = objects[0]
                    break
    return actor, target


def _quote_of(quotes: list, start: int, end: int) -> int | None:
    best, best_len = None, 10**9
    for number, quote in enumerate(quotes):
        if quote.start <= start and end <= quote.end and quote.end - quote.start < best_len:
            best, best_len = number, quote.end - quote.start
    return best
