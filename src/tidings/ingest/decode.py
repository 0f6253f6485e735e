"""Bytes to text: BOMs, UTF-8, detected legacy encodings, and refusing binary data."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from ..errors import BinaryInput

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# File signatures of formats people are likely to hand us by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip stream inside a gzip stream"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
)
# Signatures short or printable enough to open a real text ("MZ…", "ID3…"): they only name
# the format of data already found to hold NUL bytes.
_WEAK_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "a Windows executable"),
    (b"ID3", "an MP3 audio file"),
    (b"BZh", "a bzip2 archive"),
)
# RIFF containers (WebP, WAV, AVI) and ISO media (MP4, MOV, HEIC) carry their type further in.
_RIFF = b"RIFF"
_ISO_MEDIA = b"ftyp"

# Share of control characters above which decoded "text" is really binary data.
MAX_CONTROL_RATIO = 0.02
_SAMPLE = 64 * 1024
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# Single-byte Latin code pages that charset-normalizer confuses with cp1252.
_LATIN_SIBLINGS = frozenset(
    {"cp1250", "cp1254", "cp1257", "cp1258", "latin_1", "mac_roman", "mac_latin2", "cp850"}
    | {f"iso8859_{n}" for n in (2, 3, 4, 9, 10, 13, 14, 15, 16)}
)
_PLAUSIBLE_SIGNS = frozenset("£¥¢€¡¿ºª°§©®«»“”‘’–—…•")
# Icelandic letters: where cp1252 makes them, the bytes are usually Turkish ğ ş ı in cp1254.
_RARE_LETTERS = frozenset("ðÐþÞýÝ")
_NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, the codec used, and what the user should know about it."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, *, name: str, declared: str | None = None) -> Decoded:
    """Decode ``data`` to text with newlines normalised to ``\\n``; never fails on bad bytes.

    Order: a BOM, the ``declared`` charset (HTTP header or HTML meta) when the bytes decode
    cleanly with it, UTF-8, then charset-normalizer's guess. Bytes that do not decode are
    replaced with U+FFFD. ``name`` is the input as the user gave it, for messages.
    Raises ``BinaryInput`` for data that is not text.
    """
    check_not_binary(data, name=name)
    bom_codec = _bom_codec(data)
    if bom_codec is not None:
        codec, bom_len = bom_codec
        text = data[bom_len:].decode(codec, errors="replace")
        return _finish(text, codec, name=name, notes=_replacement_note(text, codec))
    if declared:
        codec_name = _codec_name(declared)
        if codec_name is not None:
            try:
                return _finish(data.decode(codec_name), codec_name, name=name)
            except UnicodeDecodeError:
                pass  # a wrong declaration is common; fall through to detection
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        text = data.decode(utf16, errors="replace")
        return _finish(text, utf16, name=name, notes=_replacement_note(text, utf16))
    try:
        return _finish(data.decode("utf-8"), "utf-8", name=name)
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        text = data.decode("utf-8", errors="replace")
        return _finish(text, "utf-8", name=name, notes=_replacement_note(text, "utf-8"))
    return _detected(data, name=name)


def check_not_binary(data: bytes, *, name: str) -> None:
    """Raise ``BinaryInput`` when ``data`` starts with a known binary signature or holds NULs
    that no UTF-16/32 text would explain."""
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise BinaryInput(_binary_message(name, what))
    if head.startswith(_RIFF) or head[4:8] == _ISO_MEDIA:
        raise BinaryInput(_binary_message(name, "an image, audio or video file"))
    sample = data[:_SAMPLE]
    if b"\x00" in sample and _bom_codec(sample) is None and _utf16_without_bom(sample) is None:
        kind = next(
            (w for magic, w in _WEAK_MAGIC if head.startswith(magic)),
            "binary data (it contains NUL bytes)",
        )
        raise BinaryInput(_binary_message(name, kind))


def normalise_newlines(text: str) -> str:
    """``\\r\\n``, lone ``\\r`` and Unicode line separators become ``\\n``."""
    return _NEWLINES.sub("\n", text)


def _binary_message(name: str, what: str) -> str:
    return f"{name} looks like {what}, not text or HTML; give the article as a .txt or .html file"


def _bom_codec(data: bytes) -> tuple[str, int] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the NUL bytes fall in the pattern of BOM-less UTF-16 text
    that is mostly Latin script (every other byte a NUL); else ``None``."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(even)
    even_nuls, odd_nuls = even.count(0) / half, odd.count(0) / half
    if odd_nuls > 0.7 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.7 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> bool:
    """True when ``data`` is UTF-8 with a few corrupt bytes rather than a legacy encoding:
    it holds well-formed multi-byte sequences and the bad bytes are rare."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = len(_NON_ASCII.findall(text))
    return multibyte > 0 and bad <= max(3, multibyte // 2, len(text) // 1000)


def _detected(data: bytes, *, name: str) -> Decoded:
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        text = data.decode("utf-8", errors="replace")
        return _finish(text, "utf-8", name=name, notes=_replacement_note(text, "utf-8"))
    codec = _prefer_western(data, best.encoding)
    text = data.decode(codec, errors="replace")
    notes = [f"no encoding was declared; decoded as {codec} (detected)"]
    notes.extend(_replacement_note(text, codec))
    return _finish(text, codec, name=name, notes=tuple(notes))


def _prefer_western(data: bytes, guess: str) -> str:
    """cp1252 instead of a sibling Latin code page when it reads the bytes at least as well.

    charset-normalizer often names cp1250 (Central European) for short English, French or
    German copy in cp1252. Where the two decodings differ, count the characters each makes
    that could stand in running text (letters, currency, Spanish marks): Polish in cp1250
    gives letters where cp1252 gives ``³ ¹``, so the guess keeps its lead there; Western text
    ties and cp1252, by far the more common for news copy, wins.
    """
    if guess not in _LATIN_SIBLINGS:
        return guess
    try:
        western, other = data.decode("cp1252"), data.decode(guess)
    except UnicodeDecodeError:
        return guess
    differing = [(w, o) for w, o in zip(western, other, strict=False) if w != o]
    western_score = sum(_plausible(w) for w, _ in differing)
    other_score = sum(_plausible(o) for _, o in differing)
    return "cp1252" if western_score >= other_score else guess


def _plausible(ch: str) -> bool:
    return (ch.isalpha() and ch not in _RARE_LETTERS) or ch in _PLAUSIBLE_SIGNS


def _replacement_note(text: str, codec: str) -> tuple[str, ...]:
    count = text.count("\ufffd")
    if not count:
        return ()
    return (f"{count} byte sequence(s) were not valid {codec} and were replaced with U+FFFD",)


def _finish(text: str, codec: str, *, name: str, notes: tuple[str, ...] = ()) -> Decoded:
    text = normalise_newlines(text.removeprefix("\ufeff"))
    _check_controls(text, name=name)
    return Decoded(text=text, encoding=codec, warnings=tuple(f"{name}: {n}" for n in notes))


def _check_controls(text: str, *, name: str) -> None:
    sample = text[:_SAMPLE]
    if not sample:
        return
    controls = sum(
        1 for ch in sample if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    if controls / len(sample) > MAX_CONTROL_RATIO:
        raise BinaryInput(_binary_message(name, "binary data (many control characters)"))


def _codec_name(label: str) -> str | None:
    """Python's codec name for a charset label, or ``None`` when Python does not know it."""
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    # Pages labelled latin-1 or ASCII are nearly always cp1252 (curly quotes at 0x93/0x94),
    # which is why browsers read those labels as cp1252 too (WHATWG Encoding standard).
    return "cp1252" if name in {"iso8859-1", "ascii"} else name
