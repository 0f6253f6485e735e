"""HTML pages to article text and page metadata, through trafilatura and htmldate."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from htmldate import find_date
from trafilatura.settings import Document

from ..errors import EmptyInput
from .language import normalise_language

# Both libraries log extraction trouble at WARNING/ERROR. With no handler configured,
# Python would print those on stderr, where the CLI promises one line per error.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_SNIFF_CHARS = 4096
_STRONG_MARKUP = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_WEAK_MARKUP = re.compile(
    r"</?(?:p|div|article|section|span|br|h[1-6]|a\s+href|meta|title|script|ul|li)\b[^>]*>",
    re.IGNORECASE,
)
_MIN_WEAK_TAGS = 3
_HTML_LANG = re.compile(
    r"<html\b[^>]*?\b(?:xml:)?lang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)",
    re.IGNORECASE,
)
_META_LANG = re.compile(
    r"<meta\b[^>]*?(?:http-equiv\s*=\s*[\"']?content-language|property\s*=\s*[\"']?og:locale)"
    r"[^>]*?\bcontent\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(
    rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE
)
_SITE_FROM_URL = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Extracted "bodies" shorter than this are a menu or a caption that trafilatura picked up
# from a page with no article; a whole-page fallback must be longer still to be prose.
MIN_BODY_WORDS = 8
MIN_FALLBACK_WORDS = 25

# Settings for the article body: precision over recall, since every boilerplate sentence
# that gets in becomes entities and events in the record.
_BODY_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "deduplicate": False,
    "with_metadata": True,
}


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """What one page gives: paragraphs separated by blank lines, and what it says of itself."""

    text: str
    title: str | None = None
    author: str | None = None
    site_name: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    warnings: tuple[str, ...] = ()


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` is HTML markup rather than prose."""
    if has_document_markup(text):
        return True
    return len(_WEAK_MARKUP.findall(text[:_SNIFF_CHARS])) >= _MIN_WEAK_TAGS


def has_document_markup(text: str) -> bool:
    """True when the start of ``text`` has a doctype, ``<html>``, ``<head>`` or ``<body>``."""
    return _STRONG_MARKUP.search(text[:_SNIFF_CHARS]) is not None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its start, if any."""
    match = _META_CHARSET.search(data[:_SNIFF_CHARS])
    return match.group(1).decode("ascii") if match else None


def read_html(html: str, *, url: str | None, name: str) -> HtmlArticle:
    """The article in ``html``; ``url`` is where it came from (``None`` for a file).

    Raises ``EmptyInput`` when no article text can be found.
    """
    warnings: list[str] = []
    document = trafilatura.bare_extraction(html, url=url, favor_precision=True, **_BODY_OPTIONS)
    text = _paragraphs(document)
    if not text:
        # Pages with little markup structure defeat the precise settings; the balanced ones
        # still strip navigation.
        looser = trafilatura.bare_extraction(html, url=url, **_BODY_OPTIONS)
        text = _paragraphs(looser)
        if text:
            warnings.append(f"{name}: the article body was found only with looser extraction")
            document = document or looser
    if not text:
        text = _paragraphs_of(trafilatura.html2txt(html))
        if len(text.split()) < MIN_FALLBACK_WORDS:
            raise EmptyInput(
                f"{name}: no article text found in the HTML page; "
                "check it is an article page, or paste the article as a .txt file"
            )
        warnings.append(f"{name}: no article body found; used the whole page's text")
    meta = document if isinstance(document, Document) else None
    canonical = _http_url(meta.url if meta else None) or url
    return HtmlArticle(
        text=text,
        title=_clean(meta.title if meta else None),
        author=_clean(meta.author if meta else None),
        site_name=_site_name(meta.sitename if meta else None, canonical),
        url=canonical,
        published=_published(html, canonical),
        language=declared_language(html),
        warnings=tuple(warnings),
    )


def declared_language(html: str) -> str | None:
    """ISO 639-1 code from ``<html lang>``, else from a content-language or og:locale meta."""
    head = html[: _SNIFF_CHARS * 4]
    for pattern in (_HTML_LANG, _META_LANG):
        match = pattern.search(head)
        if match:
            language = normalise_language(match.group(1))
            if language is not None:
                return language
    return None


def _paragraphs(document: Document | dict[str, Any] | None) -> str:
    if isinstance(document, Document):
        text = _paragraphs_of(document.text)
        return text if len(text.split()) >= MIN_BODY_WORDS else ""
    return ""


def _paragraphs_of(text: str | None) -> str:
    """trafilatura puts one block per line; the pipeline wants blank lines between them."""
    if not text:
        return ""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _published(html: str, url: str | None) -> str | None:
    found = find_date(html, url=url, original_date=True, extensive_search=False)
    return found if isinstance(found, str) and _ISO_DATE.fullmatch(found) else None


def _site_name(site_name: str | None, url: str | None) -> str | None:
    """The outlet's name, unless trafilatura only made it up from the URL's host name."""
    site_name = _clean(site_name)
    if site_name is None:
        return None
    match = _SITE_FROM_URL.match(url or "")
    if match and site_name.lower() == match.group(1).lower():
        return None
    return site_name


def _http_url(value: str | None) -> str | None:
    if not value:
        return None
    parts = urlsplit(value)
    return value if parts.scheme in {"http", "https"} and parts.netloc else None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None
