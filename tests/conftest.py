"""Shared fixtures: the real model, loaded once per test session, and paths to our fixtures."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_EVAL = Path(os.environ.get("TIDINGS_SHARED_EVAL", ROOT.parent / "shared" / "eval"))


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full Tidings pipeline over the real English model."""
    from tidings.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """``../shared/eval``; evaluation gates are skipped when it is not beside the checkout."""
    if not SHARED_EVAL.is_dir():
        pytest.skip(f"no evaluation data at {SHARED_EVAL}")
    return SHARED_EVAL


def _tidings_command() -> list[str]:
    exe = shutil.which("tidings", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "tidings"]


@pytest.fixture(scope="session")
def run_cli():
    """Run the real ``tidings`` console script; returns the CompletedProcess."""

    def run(
        *args: str, stdin: bytes | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*_tidings_command(), *args],
            input=stdin,
            capture_output=True,
            timeout=timeout,
        )

    return run
