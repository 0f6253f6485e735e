"""Sources to ``RawDocument``: files, stdin, gzip, HTML pages and URLs.

One module per concern: ``source`` dispatches, ``fetch`` downloads, ``compressed`` inflates,
``decode`` turns bytes into text, ``html`` and ``text`` find the article, ``boilerplate``
strips teaser and credit lines, ``language`` names the language when the source does not.
"""

from __future__ import annotations

from .raw import RawDocument
from .source import read_source

__all__ = ["RawDocument", "read_source"]
