"""Quotations and reported speech with speaker, venue and date.

The stage, in reading order:

1. ``quote_marks`` pairs quotation marks paragraph by paragraph (apostrophes, odd counts and
   quotes over several paragraphs handled there);
2. each quoted stretch is judged: a direct quotation (a sentence or more, or set off by
   punctuation), a partial quotation (words quoted inside reported speech), or neither (scare
   quotes, glosses, titles of works), which is dropped;
3. a direct quotation's attribution is looked for in the clause after its closing mark, then
   before its opening mark (``attribution``); one without its own attribution takes the one
   of the quotation it continues: the previous stretch of the same paragraph or quotation,
   then the next, then, for a paragraph that is all quotation, the previous speaker;
4. reported speech: a cue verb with a clausal complement ("said that ...", "warned ...",
   "called on ... to", "said in a statement that ...", "X will cut jobs, the company said"), or
   "according to Y" (``reported_clause``); not a negated cue ("did not say how long") nor one
   inside another's report ("argued that a court had ordered the union to ...");
5. the speaker phrase becomes an entity (``speakers``), and the venue (``venues``) and the
   date (``quote_dates``) are read off the cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .attribution import (
    CONTENT_DEPS,
    Attribution,
    attribution_for,
    doc_text,
    is_cue,
    sentence_of,
)
from .direct_attribution import direct_attribution
from .quote_dates import date_of
from .quote_judge import judge
from .quote_marks import MarkedQuote, find_quotes, paragraphs
from .reported_clause import (
    calls_it,
    comma_joined,
    conjoined_of,
    content_of,
    first_clause_of,
    negated,
    reported_within,
)
from .resolved import ResolvedQuote
from .speakers import SpeakerContext, Spoken, resolve
from .venues import venue_of

# cues whose reported clause is a question, not something said ("asked whether ...")
_QUESTION_CUES = {"ask", "wonder", "inquire", "enquire"}
# "NAIROBI — ", "LAGOS, June 12 (Meridian Wire) - ", "LIMA (Andes Post) - "
_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_](?:[^\W\d_]|[ .'-])+)"
    r"(?:,[^—–\-\n(]{1,40})?(?: *\([^)\n]{1,40}\))? *[—–-]+ *"
)


@Language.factory(
    "tidings_quotes",
    requires=["doc._.tidings_entities", "doc._.tidings_timexes"],
    assigns=["doc._.tidings_quotes"],
)
def make_quotes(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor()


class QuoteExtractor:
    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_quotes = [f.quote for f in findings(doc)] if doc.has_annotation("DEP") else []
        return doc


@dataclass(frozen=True, slots=True)
class Finding:
    """A quotation with the evidence behind it: the character spans of its cue and of its
    speaker phrase (None when inherited or absent), for evaluation and debugging."""

    quote: ResolvedQuote
    cue_span: tuple[int, int] | None
    speaker_span: tuple[int, int] | None


@dataclass(slots=True)
class _Said:
    """One quotation on its way to a ResolvedQuote."""

    marked: MarkedQuote | None
    kind: str
    start: int
    end: int
    attribution: Attribution | None = None
    inherited_from: _Said | None = None
    whole: bool = True  # inherit the venue and date along with the speaker
    last_paragraph: int = -1  # where a quotation over several paragraphs ends


def extract(doc: Doc) -> list[ResolvedQuote]:
    """The quotations of a parsed Doc whose entity and dates stages have run."""
    return [f.quote for f in findings(doc)]


def findings(doc: Doc) -> list[Finding]:
    text = doc_text(doc)
    paras = paragraphs(text)
    marked = find_quotes(text)
    spans = {
        id(q): doc.char_span(q.open_mark, q.outer_end, alignment_mode="expand") for q in marked
    }
    inside = {t.i for s in spans.values() if s is not None for t in s}
    ctx = SpeakerContext.build(doc, paras, inside)

    said: list[_Said] = []
    by_paragraph: dict[int, list[MarkedQuote]] = {}
    for q in marked:
        by_paragraph.setdefault(q.paragraph, []).append(q)
    used_cues: set[int] = set()
    freed: set[int] = set()  # a quoted term ("jhupri"): no quotation, so no bar to a report
    for q in marked:
        span = spans[id(q)]
        if span is None:
            continue
        kind = judge(text, q, paras[q.paragraph][0])
        if kind == "direct":
            item = _Said(q, "direct", q.start, q.end)
            item.attribution = direct_attribution(doc, q, by_paragraph[q.paragraph], paras, inside)
        elif kind == "partial":
            attribution = _partial_attribution(span, inside)
            if attribution is None:
                continue  # scare quotes: nobody is said to have said them
            item = _Said(q, "partial", q.start, q.end, attribution)
        else:
            if len(text[q.start : q.end].split()) <= 2:
                freed.update(t.i for t in span)
            continue
        if item.attribution is not None:
            used_cues.add(item.attribution.cue.i)
        said.append(item)
    said = _merge_continued(said)
    _inherit(said, text, paras)
    said += _reported(doc, inside - freed, used_cues, paras)
    said.sort(key=lambda s: (s.start, s.end))
    out: list[Finding] = []
    history: list[Spoken] = []
    for item in sorted(said, key=lambda s: _speaker_start(s)):
        finding = _resolve(doc, ctx, item, inside, history)
        out.append(finding)
        if finding.speaker_span is not None:
            speaker = _own(item).attribution
            plural = (
                speaker is not None
                and speaker.speaker is not None
                and (
                    speaker.speaker.root.tag_ in ("NNS", "NNPS")
                    or speaker.speaker.root.lower_ in ("they", "we")
                )
            )
            end = finding.speaker_span[1]
            if speaker is not None and speaker.speaker is not None:
                # the phrase with its "in Ndirande", "from Tacna": nobody named in it spoke
                edge = speaker.speaker.root.right_edge
                end = max(end, edge.idx + len(edge)) if edge.i not in inside else end
            history.append(Spoken(finding.speaker_span[0], finding.quote.speaker, plural, end))
            history.sort(key=lambda h: h.start)
    return sorted(out, key=lambda f: (f.quote.start, f.quote.end))


def _own(item: _Said) -> _Said:
    seen = 0
    while item.attribution is None and item.inherited_from is not None and seen < 50:
        item, seen = item.inherited_from, seen + 1
    return item


def _speaker_start(item: _Said) -> int:
    """Attributions are resolved in the order their speakers are written."""
    own = _own(item)
    if own.attribution is not None and own.attribution.speaker is not None:
        return own.attribution.speaker.start_char
    return item.start


def _merge_continued(said: list[_Said]) -> list[_Said]:
    """A quotation over several paragraphs becomes one, from its first word to its last."""
    out: list[_Said] = []
    for item in said:
        q = item.marked
        if q is not None:
            item.last_paragraph = q.paragraph
        previous = out[-1] if out else None
        if (
            q is not None
            and q.continues
            and previous is not None
            and previous.kind == "direct"
            and previous.marked is not None
            and previous.last_paragraph == q.paragraph - 1
        ):
            previous.end = item.end
            previous.last_paragraph = q.paragraph
            previous.attribution = previous.attribution or item.attribution
            continue
        out.append(item)
    return out


# --- attribution of direct quotations ----------------------------------------------------------


def _inherit(said: list[_Said], text: str, paras: list[tuple[int, int]]) -> None:
    """Quotations without their own attribution take a neighbour's."""
    direct = [s for s in said if s.kind == "direct" and s.marked is not None]
    for item in direct:
        if item.attribution is not None or item.marked is None:
            continue
        q = item.marked
        same = [
            s
            for s in direct
            if s.marked is not None
            and q.paragraph in (s.marked.paragraph, s.last_paragraph)
            and s.attribution
        ]
        earlier = [s for s in same if s.start < item.start]
        later = [s for s in same if s.start > item.start]
        if earlier:
            item.inherited_from = earlier[-1]
        elif later:
            item.inherited_from = later[0]
    # a paragraph that is all quotation continues the previous speaker
    for number, item in enumerate(direct):
        if item.attribution is not None or item.inherited_from is not None or not item.marked:
            continue
        lo, hi = paras[item.marked.paragraph][0], paras[item.last_paragraph][1]
        outside = text[lo:hi].replace(text[item.start : item.end], "").strip(" \"“”'‘’\n")
        if len(outside) > 3:
            continue
        for previous in reversed(direct[:number]):
            if previous.last_paragraph < item.marked.paragraph - 2:
                break
            if previous.attribution is not None or previous.inherited_from is not None:
                item.inherited_from, item.whole = previous, False
                break


# --- partial quotations and reported speech ----------------------------------------------------


def _partial_attribution(span: Span, inside: set[int]) -> Attribution | None:
    """The cue whose reported words hold this quoted stretch, in the same sentence: the
    nearest cue above it in the parse, else (for a stretch of two words or more) the last cue
    before it."""
    sentence = sentence_of(span[0])
    tokens = list(sentence)
    if sentence.start == span.start and span.start > 0 and not span.doc[span.start - 1].is_punct:
        # the model broke the sentence at the opening mark ('had given him "every chance"')
        tokens = list(sentence_of(span.doc[span.start - 1])) + tokens
    cues = [t for t in tokens if t.i not in inside and (is_cue(t) or calls_it(t, span))]
    if not cues:
        return None
    governing = []
    for token in span:
        for depth, ancestor in enumerate(token.ancestors):
            if ancestor in cues:
                governing.append((depth, ancestor))
                break
    for _depth, cue in sorted(governing, key=lambda g: g[0]):
        if _nested(cue, cues):
            continue
        attribution = attribution_for(cue, inside)
        if attribution.speaker is not None:
            return attribution
    words = [t for t in span if t.i in inside and not t.is_punct]
    before = [c for c in cues if c.i < span.start]
    if before and len(words) >= 2:
        attribution = attribution_for(before[-1], inside)
        if attribution.speaker is not None:
            return attribution
    return None


def _nested(cue: Token, cues: list[Token]) -> bool:
    """A cue with no words of its own inside another cue's report ("said that the search would
    continue 'as long as ...'"): the quoted words belong to the outer cue."""
    if any(c.dep_ == "auxpass" for c in cue.children):
        # "said he had 'never once' been asked by inspectors": words the outer speaker quotes
        return any(a in cues for a in cue.ancestors)
    if any(c.dep_ in CONTENT_DEPS for c in cue.children):
        return False
    return any(a in cues for a in cue.ancestors)


def _reported(
    doc: Doc, inside: set[int], used: set[int], paras: list[tuple[int, int]]
) -> list[_Said]:
    out = []
    joined: set[int] = set()  # heads of "... and that ..." clauses reported with their cue
    for token in doc:
        if token.i in inside or token.i in joined or not is_cue(token):
            continue
        if token.lemma_.lower() in _QUESTION_CUES or negated(token) or reported_within(token):
            continue
        content = None if token.i in used else content_of(token, inside)
        contents: list[Span | None] = [content]
        clipped = _clipped(doc, token, content, paras)
        if content is None or clipped is not None and any(t.i in inside for t in clipped):
            # "said that the damage was "significant" and that ...": the partial quotation
            # stands for the first clause; the further "that"-clauses are reports of their own
            further = conjoined_of(token, inside)
            joined.update(c.root.i for c in further)
            contents = [first_clause_of(token, inside), *further]
        elif split := comma_joined(token, inside):
            joined.update(c.root.i for c in split[1:])
            contents = list(split)
        attribution = None
        for content in contents:
            words = _clipped(doc, token, content, paras)
            if words is None or any(t.i in inside for t in words):
                continue  # words quoted inside it: the partial quotation stands for it
            attribution = attribution or attribution_for(token, inside)
            if attribution.speaker is None or any(c.i in inside for c in attribution.speaker):
                break
            out.append(_Said(None, "indirect", words.start_char, words.end_char, attribution))
    return out


def _clipped(
    doc: Doc, cue: Token, content: Span | None, paras: list[tuple[int, int]]
) -> Span | None:
    """The reported words within the cue's paragraph, without a dateline; None when too short."""
    if content is None:
        return None
    lo, hi = next(((s, e) for s, e in paras if s <= cue.idx < e), (0, len(doc_text(doc))))
    words = doc.char_span(
        max(lo, content.start_char), min(hi, content.end_char), alignment_mode="contract"
    )
    if words is None or len(words) < 3:
        return None
    dateline = _DATELINE.match(words.text)
    if dateline and dateline.group("place").isupper():
        words = doc.char_span(
            words.start_char + dateline.end(), words.end_char, alignment_mode="contract"
        )
        if words is None or len(words) < 3:
            return None
    return words


# --- resolution --------------------------------------------------------------------------------


def _resolve(
    doc: Doc, ctx: SpeakerContext, item: _Said, inside: set[int], history: list[Spoken]
) -> Finding:
    text = doc_text(doc)
    quote = ResolvedQuote(
        text=text[item.start : item.end], kind=item.kind, start=item.start, end=item.end
    )
    source, whole = item, True
    seen = 0
    while source.attribution is None and source.inherited_from is not None and seen < 50:
        whole = whole and source.whole
        source, seen = source.inherited_from, seen + 1
    attribution = source.attribution
    if attribution is None:
        return Finding(quote, None, None)
    speaker, cue = attribution.speaker, attribution.cue
    quote = replace(quote, cue=attribution.cue_text)
    if speaker is not None:
        quote = replace(
            quote,
            speaker=resolve(ctx, speaker, attribution.appositions, history),
            speaker_text=speaker.text,
        )
    if whole:
        content = _content_indices(cue, inside)
        quote = replace(quote, venue=venue_of(cue, inside), date=date_of(doc, cue, inside, content))
    own = source is item
    return Finding(
        quote,
        (cue.idx, cue.idx + len(cue)) if own else None,
        (speaker.start_char, speaker.end_char) if own and speaker is not None else None,
    )


def _content_indices(cue: Token, inside: set[int]) -> set[int]:
    return {
        t.i for c in cue.children if c.dep_ in CONTENT_DEPS and c.i not in inside for t in c.subtree
    }
