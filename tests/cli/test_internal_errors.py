"""A bug inside Tidings still reaches the user as one line, not a traceback."""

from __future__ import annotations

import sys

import pytest

from tidings.cli import main as cli_main
from tidings.cli.options import INTERNAL_ERROR


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("stage exploded")


def test_unexpected_exception_is_one_line_with_exit_70(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TIDINGS_DEBUG", raising=False)
    monkeypatch.setattr(cli_main, "extract", _boom)
    monkeypatch.setattr(sys, "argv", ["tidings", "extract", "article.txt"])
    with pytest.raises(SystemExit) as exited:
        cli_main.main()
    assert exited.value.code == INTERNAL_ERROR
    err = capsys.readouterr().err
    assert err.startswith("tidings: internal error: RuntimeError: stage exploded")
    assert len(err.strip().splitlines()) == 1


def test_debug_variable_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIDINGS_DEBUG", "1")
    monkeypatch.setattr(cli_main, "extract", _boom)
    monkeypatch.setattr(sys, "argv", ["tidings", "extract", "article.txt"])
    with pytest.raises(RuntimeError, match="stage exploded"):
        cli_main.main()
