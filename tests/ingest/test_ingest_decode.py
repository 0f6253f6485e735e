"""Bytes to text: BOMs, UTF-8, legacy encodings, bad bytes and binary data."""

from __future__ import annotations

import codecs

import pytest

from tidings.errors import BinaryInput
from tidings.ingest.decode import decode_bytes, normalise_newlines

TEXT = (
    "Negotiators met in Doha on Thursday. “Both delegations came with proposals,” said "
    "Amélie Durand, the mediators’ spokeswoman, after the café meeting.\n\nTalks resume Friday."
)
# Latin-1 has no curly quotes.
LATIN1_TEXT = TEXT.replace("“", '"').replace("”", '"').replace("’", "'")


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-8"), "utf-8"),
    ],
)
def test_unicode_forms_decode_exactly(data: bytes, codec: str) -> None:
    decoded = decode_bytes(data, name="a.txt")
    assert decoded.text == TEXT
    assert decoded.encoding == codec
    assert decoded.warnings == ()


def test_cp1252_is_detected_and_reported() -> None:
    decoded = decode_bytes(TEXT.encode("cp1252"), name="a.txt")
    assert decoded.text == TEXT
    assert decoded.encoding == "cp1252"
    assert decoded.warnings == ("a.txt: no encoding was declared; decoded as cp1252 (detected)",)


def test_latin1_letters_survive() -> None:
    decoded = decode_bytes(LATIN1_TEXT.encode("latin-1"), name="a.txt")
    assert decoded.text == LATIN1_TEXT
    assert decoded.warnings and "decoded as" in decoded.warnings[0]


def test_shift_jis_is_detected() -> None:
    text = "東京で大きな地震があり、多くの人々が避難しました。政府は緊急会議を開きました。"
    decoded = decode_bytes(text.encode("shift_jis"), name="a.txt")
    assert decoded.text == text


def test_declared_charset_wins_when_it_decodes() -> None:
    decoded = decode_bytes(TEXT.encode("cp1252"), name="a.txt", declared="windows-1252")
    assert decoded.text == TEXT
    assert decoded.warnings == ()


def test_wrong_declared_charset_falls_back_to_detection() -> None:
    decoded = decode_bytes(TEXT.encode("utf-8"), name="a.txt", declared="ascii")
    assert decoded.text == TEXT


def test_unknown_declared_charset_is_ignored() -> None:
    decoded = decode_bytes(TEXT.encode("utf-8"), name="a.txt", declared="x-no-such-charset")
    assert decoded.text == TEXT


def test_invalid_utf8_bytes_are_replaced_not_fatal() -> None:
    data = TEXT.encode("utf-8") + b" broken \xff\xfe and \x80 here"
    decoded = decode_bytes(data, name="a.txt")
    assert decoded.text.startswith(TEXT)  # the valid UTF-8 is not re-read as a code page
    assert decoded.text.count("\ufffd") == 3
    assert decoded.warnings == (
        "a.txt: 3 byte sequence(s) were not valid utf-8 and were replaced with U+FFFD",
    )


def test_newlines_are_normalised() -> None:
    decoded = decode_bytes(b"one\r\ntwo\rthree\nfour", name="a.txt")
    assert decoded.text == "one\ntwo\nthree\nfour"
    assert normalise_newlines("a\u2028b\r\n") == "a\nb\n"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"MZ\x90\x00\x03\x00\x00\x00", "Windows executable"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image, audio or video"),
        (b"some text\x00\x00\x01\x02 then \x00 more", "NUL"),
    ],
)
def test_binary_data_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(BinaryInput, match=what) as raised:
        decode_bytes(data, name="a.bin")
    assert "a.bin" in str(raised.value) and "\n" not in str(raised.value)


def test_many_control_characters_are_binary() -> None:
    data = bytes(range(1, 32)) * 20 + b"some words"
    with pytest.raises(BinaryInput, match="control characters"):
        decode_bytes(data, name="a.bin")


def test_text_that_starts_like_a_weak_signature_is_still_text() -> None:
    decoded = decode_bytes(b"MZANSI reporters said the floods spread overnight.", name="a.txt")
    assert decoded.text.startswith("MZANSI")


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Señor Núñez dijo que la situación en Córdoba era “muy difícil”. ¿Por qué?", "cp1252"),
        (
            "„Beide Delegationen sind gekommen“, sagte die Sprecherin in Köln über Straßen.",
            "cp1252",
        ),
        ("Amélie Durand a déclaré que la crème brûlée était à la française.", "cp1252"),
        ("The mayor pledged £5m for the café owners, officials said.", "cp1252"),
        (
            "Władze w Łodzi poinformowały, że ewakuowano mieszkańców z terenów zalanych przez "
            "powódź. Zażółć gęślą jaźń.",
            "cp1250",
        ),
        ("Власти сообщили, что из зоны затопления эвакуированы тысячи жителей.", "cp1251"),
    ],
)
def test_legacy_code_pages_are_told_apart(text: str, codec: str) -> None:
    decoded = decode_bytes(text.encode(codec), name="a.txt")
    assert decoded.text == text
    assert decoded.encoding == codec


@pytest.mark.parametrize("label", ["iso-8859-1", "latin-1", "us-ascii"])
def test_latin1_and_ascii_labels_read_as_cp1252(label: str) -> None:
    # Curly quotes are C1 control characters in real latin-1: browsers read these as cp1252.
    decoded = decode_bytes(TEXT.encode("cp1252"), name="a.html", declared=label)
    assert decoded.text == TEXT
    assert decoded.encoding == "cp1252"
