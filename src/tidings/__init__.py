"""Tidings: news articles about unfolding crises, turned into a sourced, structured record.

>>> import tidings
>>> result = tidings.extract("article.html", published="2021-08-22")
>>> result.as_dict()["schema"]
'tidings/article@1'
"""

from __future__ import annotations

from ._version import __version__
from .errors import (
    BinaryInput,
    EmptyInput,
    FetchError,
    FetchRefused,
    InputError,
    InputNotFound,
    InputTooLarge,
    InvalidDate,
    ModelNotInstalled,
    TidingsError,
    UnsupportedInput,
)
from .extraction import extract, extract_document
from .ingest import RawDocument, read_source
from .model import SCHEMA, Article, Entity, Event, Extraction, Geo, Mention, Quote, Timex

__all__ = [
    "Article",
    "BinaryInput",
    "EmptyInput",
    "Entity",
    "Event",
    "Extraction",
    "FetchError",
    "FetchRefused",
    "Geo",
    "InputError",
    "InputNotFound",
    "InputTooLarge",
    "InvalidDate",
    "Mention",
    "ModelNotInstalled",
    "Quote",
    "RawDocument",
    "SCHEMA",
    "TidingsError",
    "Timex",
    "UnsupportedInput",
    "__version__",
    "extract",
    "extract_document",
    "read_source",
]
