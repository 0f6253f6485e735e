"""Exceptions raised by Tidings.

Every message says what happened and what to do about it: the CLI prints the message alone,
on one line, so it must make sense without a traceback.
"""

from __future__ import annotations


class TidingsError(Exception):
    """Base class. ``exit_code`` is what the CLI exits with when this reaches it."""

    exit_code = 1


class InputError(TidingsError):
    """The input cannot be turned into an article."""


class InputNotFound(InputError):
    """A path that does not exist or cannot be read."""


class EmptyInput(InputError):
    """The input holds no text (an empty file, or a page with no article body)."""


class BinaryInput(InputError):
    """The input is not text or HTML (an image, a PDF, an archive we do not read)."""


class InputTooLarge(InputError):
    """The input, or its decompressed stream, is over the size cap."""


class UnsupportedInput(InputError):
    """A kind of input Tidings does not read (an unknown URL scheme, say)."""


class FetchError(InputError):
    """A URL could not be fetched: unreachable, timed out, an HTTP error, too many redirects."""


class FetchRefused(FetchError):
    """A URL points at a private, loopback or link-local address and private fetches are off."""


class ModelNotInstalled(TidingsError):
    """The spaCy model the pipeline needs is missing from this environment."""


class InvalidDate(TidingsError):
    """A date given by the user is not a calendar date in YYYY-MM-DD form."""

    exit_code = 2
