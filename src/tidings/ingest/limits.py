"""Size caps for every ingest path.

Modules read these through the module (``limits.MAX_INPUT_BYTES``), not by importing the
names, so a test can lower a cap with ``monkeypatch.setattr(limits, ...)`` in one place.
"""

from __future__ import annotations

MIB = 1024 * 1024

# A news article is tens of kilobytes even as a bloated HTML page; anything bigger than this
# is almost certainly not an article and would only make the pipeline slow.
MAX_INPUT_BYTES = 10 * MIB

# A gzip stream may expand far beyond its own size (a "gzip bomb"): decompression stops here.
MAX_DECOMPRESSED_BYTES = 50 * MIB


def megabytes(size: int) -> str:
    """``size`` bytes written for a message, e.g. ``10 MB``."""
    return f"{size / MIB:g} MB"
