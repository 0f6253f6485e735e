"""Where an article comes from (a file, stdin, a URL) and the steps from its bytes to a
``RawDocument``."""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import replace
from pathlib import Path, PurePath
from typing import BinaryIO, Literal
from urllib.parse import urlsplit

from ..errors import EmptyInput, FetchError, InputNotFound, InputTooLarge, UnsupportedInput
from . import limits
from .boilerplate import strip_boilerplate
from .compressed import gunzip, is_gzip
from .decode import decode_bytes
from .fetch import fetch
from .html import declared_charset, has_document_markup, looks_like_html, read_html
from .language import detect_language
from .raw import RawDocument
from .text import read_plain_text

STDIN = "-"
Kind = Literal["html", "text"] | None

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")
_ANY_TAG = re.compile(r"<[A-Za-z!/]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LEADING_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[-_. T]|$)")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml", "text/xml"})


def read_source(source: str, *, allow_private: bool = False) -> RawDocument:
    """Read ``source``: ``-`` for stdin, an http(s) URL, or a path to a text/HTML file,
    optionally gzipped. Raises an ``InputError`` subclass with a one-line message."""
    if source == STDIN:
        return document_from_bytes(_read_stdin(), origin=source, name="stdin")
    name = display_name(source)
    match = _SCHEME.match(source)
    scheme = match.group(1).lower() if match else ""
    if scheme in {"http", "https"}:
        if name != source:
            raise FetchError(f"{name}: the URL holds control characters; check it")
        page = fetch(source, allow_private=allow_private)
        return document_from_bytes(
            page.content,
            origin=source,
            name=name,
            url=page.url,
            charset=page.charset,
            kind=_kind_of_media(page.content_type) or _kind_of_suffix(urlsplit(page.url).path),
        )
    if scheme:
        raise UnsupportedInput(
            f"{name}: Tidings reads http and https URLs only; "
            "download the page and give the file instead"
        )
    document = document_from_bytes(
        _read_file(source, name), origin=source, name=name, kind=_kind_of_suffix(source)
    )
    if document.published is None:
        # Archives often name files by date ("2026-03-02-khorog-clashes.txt"); plain text
        # carries no date of its own, and without one every relative date stays unresolved.
        document = replace(document, published=date_in_file_name(source))
    return document


def date_in_file_name(path: str) -> str | None:
    """The YYYY-MM-DD a file's name starts with, if it is a real calendar date."""
    match = _LEADING_DATE.match(PurePath(path).name)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None


def display_name(source: str) -> str:
    """``source`` as messages show it: quoted when it holds control characters, so that an
    error stays on one line."""
    return repr(source) if _CONTROL.search(source) else source


def document_from_bytes(
    data: bytes,
    *,
    origin: str,
    name: str,
    url: str | None = None,
    charset: str | None = None,
    kind: Kind = None,
) -> RawDocument:
    """The article in ``data``: gunzipped if gzip, decoded, then read as HTML or plain text.

    ``name`` is how messages refer to the input; ``kind`` is what the file name or the
    Content-Type suggests, which the content can overrule.
    """
    if not data:
        raise EmptyInput(f"{name} is empty; give a file that holds the article")
    if is_gzip(data):
        data = gunzip(data, name=name)
        if not data:
            raise EmptyInput(f"{name} decompresses to nothing; give a file that holds the article")
    decoded = decode_bytes(data, name=name, declared=charset or declared_charset(data))
    if not decoded.text.strip():
        raise EmptyInput(f"{name} holds only white space; give a file that holds the article")
    warnings = list(decoded.warnings)
    title = site_name = author = published = language = None
    is_html = _is_html(decoded.text, kind)
    if is_html:
        page = read_html(decoded.text, url=url, name=name)
        body, url = page.text, page.url
        title, site_name, author = page.title, page.site_name, page.author
        published, language = page.published, page.language
        warnings.extend(page.warnings)
    else:
        body = decoded.text
    stripped = strip_boilerplate(body)
    text = stripped.text
    if not is_html:
        plain = read_plain_text(text)
        text, title = plain.text, plain.title
    if not text.strip():
        raise EmptyInput(
            f"{name} holds no article text once boilerplate is removed; give the article itself"
        )
    return RawDocument(
        text=text,
        title=title,
        source=site_name or stripped.credit,
        author=author,
        url=url,
        published=published,
        language=language or detect_language(text),
        origin=origin,
        warnings=tuple(warnings),
    )


def _is_html(text: str, kind: Kind) -> bool:
    if kind == "html":
        return _ANY_TAG.search(text[:4096]) is not None
    if kind == "text":
        # A .txt file that is really a saved web page.
        return has_document_markup(text)
    return looks_like_html(text)


def _kind_of_suffix(path: str) -> Kind:
    suffixes = [s.lower() for s in Path(path).suffixes]
    if suffixes and suffixes[-1] in {".gz", ".gzip"}:
        suffixes.pop()
    if not suffixes:
        return None
    if suffixes[-1] in _HTML_SUFFIXES:
        return "html"
    if suffixes[-1] in _TEXT_SUFFIXES:
        return "text"
    return None


def _kind_of_media(media_type: str) -> Kind:
    if media_type in _HTML_TYPES or media_type.endswith("+xml"):
        return "html"
    if media_type == "text/plain":
        return "text"
    return None


def _read_file(source: str, name: str) -> bytes:
    path = Path(source)
    try:
        if path.is_dir():
            raise UnsupportedInput(
                f"{name} is a directory; give one article file (.txt or .html, optionally .gz)"
            )
        with path.open("rb") as stream:
            return _read_capped(stream, name=name)
    except FileNotFoundError as exc:
        hint = "; if it is a URL, start it with https://" if _looks_like_bare_url(source) else ""
        raise InputNotFound(f"no such file: {name}; check the path{hint}") from exc
    except PermissionError as exc:
        raise InputNotFound(
            f"cannot read {name}: permission denied; check the file's permissions"
        ) from exc
    except IsADirectoryError as exc:
        raise UnsupportedInput(f"{name} is a directory; give one article file") from exc
    except OSError as exc:
        raise InputNotFound(f"cannot read {name}: {exc.strerror or exc}; check the path") from exc


def _read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputNotFound(
            "there is no standard input to read; pipe the article in, or give a file"
        )
    return _read_capped(stream, name="stdin")


def _read_capped(stream: BinaryIO, *, name: str) -> bytes:
    cap = limits.MAX_INPUT_BYTES
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputTooLarge(
            f"{name} is larger than {limits.megabytes(cap)}; "
            "give a single article (trim or split the input)"
        )
    return data


def _looks_like_bare_url(source: str) -> bool:
    head = source.split("/", 1)[0]
    return head.startswith("www.") or ("." in head and "/" in source and not head.startswith("."))
