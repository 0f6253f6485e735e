"""A paragraph that ends with a sentence's last mark ends the sentence: the parser otherwise runs
"..., says X:" into the quoted paragraph after it, and the quote's own verb then governs the
attribution. Runs before the parser, which keeps the boundaries it is given. A paragraph
without such a mark (a headline) is left to the parser, as are single line breaks (hard-wrapped
text)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

ENDS = frozenset({".", "!", "?", ":", '"', "\u201d", "'", "\u2019"})


@Language.component("tidings_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Mark the first word after a blank line as a sentence start when the word before the
    blank line ends a sentence."""
    last = None  # the last non-space token
    blank = False  # a blank line since it
    for token in doc:
        if token.is_space:
            blank = blank or "\n\n" in token.text
            continue
        if last is not None and (blank or "\n\n" in last.whitespace_) and last.text in ENDS:
            token.is_sent_start = True
        last, blank = token, False
    return doc
