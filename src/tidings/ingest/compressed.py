"""Gzip input, recognised by its magic bytes and inflated under a size cap."""

from __future__ import annotations

import zlib

from ..errors import InputTooLarge, UnsupportedInput
from . import limits

GZIP_MAGIC = b"\x1f\x8b"
# Inflate in slices so a bomb is stopped after at most one slice past the cap, not after it
# has filled memory.
_CHUNK = 256 * 1024


def is_gzip(data: bytes) -> bool:
    """True when ``data`` starts with the gzip signature, whatever the file is called."""
    return data.startswith(GZIP_MAGIC)


def gunzip(data: bytes, *, name: str) -> bytes:
    """Decompress a gzip stream (all its members) without letting it grow past
    ``limits.MAX_DECOMPRESSED_BYTES``; ``name`` is the input as given, for messages."""
    cap = limits.MAX_DECOMPRESSED_BYTES
    out = bytearray()
    pending = data
    try:
        while pending:
            inflater = zlib.decompressobj(wbits=31)
            chunk = inflater.decompress(pending, _CHUNK)
            while True:
                out += chunk
                if len(out) > cap:
                    raise InputTooLarge(
                        f"{name} decompresses to more than {limits.megabytes(cap)}; "
                        "give a smaller article (this may be a gzip bomb)"
                    )
                tail = inflater.unconsumed_tail
                if inflater.eof or (not tail and len(chunk) < _CHUNK):
                    break
                # An empty tail with a full slice means output is still buffered inside zlib.
                chunk = inflater.decompress(tail, _CHUNK)
            if not inflater.eof:
                raise UnsupportedInput(
                    f"{name} is a truncated gzip file; re-download or re-compress it"
                )
            # Concatenated gzip members are valid gzip; trailing NUL padding is common too.
            pending = inflater.unused_data.lstrip(b"\x00")
            if pending and not is_gzip(pending):
                break
    except zlib.error as exc:
        raise UnsupportedInput(
            f"{name} is not a valid gzip file ({exc}); re-compress it or give it uncompressed"
        ) from exc
    return bytes(out)
