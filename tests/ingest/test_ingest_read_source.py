"""``read_source`` end to end on files and stdin: every kind of input, good and bad."""

from __future__ import annotations

import codecs
import gzip
import io
import sys
from pathlib import Path

import pytest

from tidings.errors import (
    BinaryInput,
    EmptyInput,
    InputNotFound,
    InputTooLarge,
    UnsupportedInput,
)
from tidings.ingest import limits, read_source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
HTML = FIXTURES / "article.html"
CREDIT_HTML = FIXTURES / "article_credit.html"
TEXT = FIXTURES / "article.txt"
TEXT_CONTENT = TEXT.read_text(encoding="utf-8")
BOILERPLATE = [
    "READ MORE",
    "Read more\n",
    "Related",
    "Share this article",
    "Drought and debt",
    "ALSO READ",
    "Source:",
]


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_html_article(tmp_path: Path) -> None:
    doc = read_source(str(HTML))
    assert doc.title == "Floods cut off villages in Herat province"
    assert doc.source == "The Meridian Courier"
    assert doc.author == "Dalia Ferrante"
    assert doc.url == "https://meridian-courier.example/world/2024/03/12/herat-floods"
    assert doc.published == "2024-03-12"
    assert doc.language == "en"
    assert doc.origin == str(HTML)
    assert doc.warnings == ()
    assert "Flash floods swept through" in doc.text
    for line in BOILERPLATE:
        assert line not in doc.text


def test_trailing_credit_names_the_outlet() -> None:
    doc = read_source(str(CREDIT_HTML))
    assert doc.source == "Kabul Ledger"
    assert doc.title == "Aid convoy reaches Bamiyan after week-long delay"
    assert doc.text.endswith(
        "Officials said a second convoy would leave Kabul next week if the weather allowed."
    )
    assert "Winter fuel prices" not in doc.text and "Salang" not in doc.text


def test_plain_text_article() -> None:
    doc = read_source(str(TEXT))
    assert doc.title == "Ceasefire talks resume in Doha as fighting eases"
    assert doc.text.startswith("Ceasefire talks resume in Doha as fighting eases\n\nDOHA — ")
    assert "READ MORE" not in doc.text and "Related articles" not in doc.text
    # A sentence that merely starts like a teaser is part of the article.
    assert "Read more about the ceasefire terms in the annex, the minister said" in doc.text
    assert doc.language == "en"
    assert doc.source is None and doc.url is None and doc.published is None


@pytest.mark.parametrize(
    ("encoding", "bom", "warns"),
    [
        ("cp1252", b"", True),
        ("utf-8", codecs.BOM_UTF8, False),
        ("utf-16-le", codecs.BOM_UTF16_LE, False),
        ("utf-16-be", codecs.BOM_UTF16_BE, False),
    ],
)
def test_encodings_give_the_same_text(
    tmp_path: Path, encoding: str, bom: bytes, warns: bool
) -> None:
    path = write(tmp_path, f"article-{encoding}.txt", bom + TEXT_CONTENT.encode(encoding))
    doc = read_source(path)
    assert doc.text == read_source(str(TEXT)).text
    assert any(f"decoded as {encoding}" in w for w in doc.warnings) is warns


def test_latin1_file(tmp_path: Path) -> None:
    content = TEXT_CONTENT.replace("“", '"').replace("”", '"').replace("—", "-")
    doc = read_source(write(tmp_path, "latin1.txt", content.encode("latin-1")))
    assert "Amélie Durand" in doc.text and "café-side" in doc.text


def test_invalid_utf8_bytes_are_replaced(tmp_path: Path) -> None:
    data = TEXT_CONTENT.encode("utf-8").replace(b"month", b"mo\xffnth")
    doc = read_source(write(tmp_path, "broken.txt", data))
    assert "mo\ufffdnth" in doc.text and "Amélie" in doc.text
    assert any("replaced with U+FFFD" in w for w in doc.warnings)


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = HTML.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="windows-1252"')
    doc = read_source(write(tmp_path, "page.html", page.encode("cp1252", errors="replace")))
    assert "“We lost everything in one night" in doc.text
    assert doc.warnings == ()


@pytest.mark.parametrize("name", ["article.html.gz", "article.html", "article.bin"])
def test_gzipped_html_is_found_by_content(tmp_path: Path, name: str) -> None:
    doc = read_source(write(tmp_path, name, gzip.compress(HTML.read_bytes())))
    assert doc.title == "Floods cut off villages in Herat province"
    assert "READ MORE" not in doc.text


def test_gzipped_text(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, "article.txt.gz", gzip.compress(TEXT.read_bytes())))
    assert doc.text == read_source(str(TEXT)).text


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, "page.txt", HTML.read_bytes()))
    assert doc.source == "The Meridian Courier" and "<p>" not in doc.text


def test_html_without_suffix_is_sniffed(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, "download", HTML.read_bytes()))
    assert doc.title == "Floods cut off villages in Herat province"


@pytest.mark.parametrize(("name", "language"), [("article_fr.txt", "fr"), ("article_de.txt", "de")])
def test_non_english_text_is_returned_with_its_language(name: str, language: str) -> None:
    doc = read_source(str(FIXTURES / name))
    assert doc.language == language
    assert doc.text


def test_declared_html_language_wins(tmp_path: Path) -> None:
    page = HTML.read_text(encoding="utf-8").replace('lang="en-GB"', 'lang="fr"')
    assert read_source(write(tmp_path, "page.html", page.encode())).language == "fr"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HTML.read_bytes())))
    doc = read_source("-")
    assert doc.origin == "-" and doc.source == "The Meridian Courier"


def test_oversized_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x " * 1000)))
    with pytest.raises(InputTooLarge, match="stdin is larger than"):
        read_source("-")


def test_missing_file() -> None:
    with pytest.raises(InputNotFound, match="no such file: nope/missing.txt; check the path"):
        read_source("nope/missing.txt")


def test_bare_domain_gets_a_url_hint() -> None:
    with pytest.raises(InputNotFound, match="start it with https://"):
        read_source("www.example.com/news/article")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedInput, match="is a directory"):
        read_source(str(tmp_path))


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod 0 cannot stop root, who runs CI here, so the refusal is simulated at open().
    path = write(tmp_path, "secret.txt", b"text")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputNotFound, match="permission denied"):
        read_source(path)


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(EmptyInput, match="is empty"):
        read_source(write(tmp_path, "empty.txt", b""))


def test_whitespace_only_file(tmp_path: Path) -> None:
    with pytest.raises(EmptyInput, match="only white space"):
        read_source(write(tmp_path, "blank.txt", b" \n\t\r\n  \n"))


def test_boilerplate_only_file(tmp_path: Path) -> None:
    with pytest.raises(EmptyInput, match="boilerplate"):
        read_source(write(tmp_path, "teasers.txt", b"Read more\n\nShare this article\n"))


def test_empty_gzip(tmp_path: Path) -> None:
    with pytest.raises(EmptyInput, match="decompresses to nothing"):
        read_source(write(tmp_path, "empty.txt.gz", gzip.compress(b"")))


def test_html_page_without_article(tmp_path: Path) -> None:
    page = b"<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(EmptyInput, match="no article text"):
        read_source(write(tmp_path, "nav.html", page))


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32 + b"IHDR")
    with pytest.raises(BinaryInput, match="PNG image"):
        read_source(path)


def test_gzipped_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path, "doc.gz", gzip.compress(b"%PDF-1.4\n" + bytes(range(256))))
    with pytest.raises(BinaryInput, match="PDF"):
        read_source(path)


def test_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1000)
    path = write(tmp_path, "big.txt", b"word " * 201)
    with pytest.raises(InputTooLarge, match="larger than"):
        read_source(path)


def test_file_exactly_at_the_cap_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = TEXT.read_bytes()
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", len(content))
    assert read_source(write(tmp_path, "a.txt", content)).text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2026-03-02-pamir-courier-clashes.txt", "2026-03-02"),
        ("2026-03-02.txt", "2026-03-02"),
        ("2026-02-30-not-a-day.txt", None),
        ("report-2026-03-02.txt", None),
        ("20260302-clashes.txt", None),
    ],
)
def test_plain_text_takes_its_date_from_a_dated_file_name(
    tmp_path: Path, name: str, expected: str | None
) -> None:
    path = write(tmp_path, name, b"Fighting broke out on Sunday near Khorog, residents said.")
    assert read_source(path).published == expected


def test_a_date_in_the_page_beats_the_file_name(tmp_path: Path, fixtures: Path) -> None:
    html = (fixtures / "ingest" / "article.html").read_bytes()
    page = read_source(str(fixtures / "ingest" / "article.html"))
    dated = read_source(write(tmp_path, "1999-01-01-copy.html", html))
    assert page.published is not None
    assert dated.published == page.published
