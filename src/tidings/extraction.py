"""The main job for one article: a source in, a ``tidings/article@1`` record out."""

from __future__ import annotations

import datetime as dt
import re

from .errors import InvalidDate
from .ingest import read_source
from .ingest.raw import RawDocument
from .model import Article, Extraction, article_id
from .nlp.convert import records_from_doc
from .nlp.pipeline import process

# Languages the pipeline reads. Others get their language recorded and a warning.
SUPPORTED_LANGUAGES = frozenset({"en"})


def extract(
    source: str, *, published: str | None = None, allow_private: bool = False
) -> Extraction:
    """Read ``source`` (a path, ``-`` for stdin, or an http(s) URL) and extract from it.

    ``published`` (YYYY-MM-DD) supplies or overrides the publication date.
    """
    raw = read_source(source, allow_private=allow_private)
    return extract_document(raw, published=published)


def extract_document(raw: RawDocument, *, published: str | None = None) -> Extraction:
    """Run the NLP pipeline over an already-ingested document."""
    if published is not None:
        published = check_date(published)
    warnings = list(raw.warnings)
    article = Article(
        id=article_id(raw.text),
        title=raw.title,
        source=raw.source,
        url=raw.url,
        published=published or raw.published,
        language=raw.language,
        text=raw.text,
        author=raw.author,
    )
    if raw.language is not None and raw.language not in SUPPORTED_LANGUAGES:
        warnings.append(
            f"{raw.origin}: the article is in {raw.language!r}, and Tidings reads English only; "
            "entities, quotes, dates and events were not extracted"
        )
        return Extraction(article=article, warnings=tuple(warnings))
    doc = process(raw.text, published=article.published)
    records = records_from_doc(doc)
    return Extraction(
        article=article,
        entities=records.entities,
        quotes=records.quotes,
        timexes=records.timexes,
        events=records.events,
        warnings=tuple(warnings),
        focus=records.focus,
    )


def check_date(value: str) -> str:
    """``value`` if it is a calendar date written YYYY-MM-DD, else ``InvalidDate``."""
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    raise InvalidDate(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2021-08-19")
