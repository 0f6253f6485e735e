"""Gzip input: recognised by content, inflated under a cap, corrupt streams refused."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import pytest

from tidings.errors import InputTooLarge, UnsupportedInput
from tidings.ingest import limits
from tidings.ingest.compressed import gunzip, is_gzip

TEXT = b"Flash floods swept through villages in Herat province on Monday night.\n" * 50


def test_gzip_is_recognised_by_magic_bytes() -> None:
    assert is_gzip(gzip.compress(TEXT))
    assert not is_gzip(TEXT)


def test_round_trip() -> None:
    assert gunzip(gzip.compress(TEXT), name="a.gz") == TEXT


def test_concatenated_members_are_all_read() -> None:
    data = gzip.compress(b"first part. ") + gzip.compress(b"second part.")
    assert gunzip(data, name="a.gz") == b"first part. second part."


def test_gzip_bomb_stops_at_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cap = 1024 * 1024
    monkeypatch.setattr(limits, "MAX_DECOMPRESSED_BYTES", cap)
    bomb = tmp_path / "bomb.txt.gz"
    # 64 MB of zeros packs into about 64 KB.
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1024 * 1024)
    bomb.write_bytes(b"".join(packer.compress(block) for _ in range(64)) + packer.flush())
    assert bomb.stat().st_size < 100_000
    with pytest.raises(InputTooLarge, match="decompresses to more than 1 MB"):
        gunzip(bomb.read_bytes(), name=str(bomb))


def test_exactly_at_the_cap_is_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_DECOMPRESSED_BYTES", len(TEXT))
    assert gunzip(gzip.compress(TEXT), name="a.gz") == TEXT


def test_default_caps_are_the_documented_ones() -> None:
    assert limits.MAX_INPUT_BYTES == 10 * 1024 * 1024
    assert limits.MAX_DECOMPRESSED_BYTES == 50 * 1024 * 1024


def test_truncated_gzip_is_refused() -> None:
    data = gzip.compress(TEXT)
    with pytest.raises(UnsupportedInput, match="truncated"):
        gunzip(data[: len(data) // 2], name="a.gz")


def test_corrupt_gzip_is_refused() -> None:
    data = bytearray(gzip.compress(TEXT))
    data[12:20] = b"\xff" * 8
    with pytest.raises(UnsupportedInput, match="not a valid gzip file"):
        gunzip(bytes(data), name="a.gz")
