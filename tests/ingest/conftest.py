"""Fixtures for the ingest tests; the server lives in ``ingest_server`` so tests can import
its constants without importing a module named ``conftest``."""

from __future__ import annotations

from ingest_server import local_server

__all__ = ["local_server"]
