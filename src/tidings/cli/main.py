"""Entry point for the ``tidings`` console script.

Errors reach the user as one line on stderr: exit 1 for bad input, 2 for bad usage.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from .._version import __version__
from ..errors import TidingsError
from ..extraction import check_date, extract
from .corpus_commands import COMMANDS as CORPUS_COMMANDS
from .render import render_markdown

F = TypeVar("F", bound=Callable[..., Any])

# Exit status for a failure that is Tidings' fault, not the input's (sysexits' EX_SOFTWARE).
INTERNAL_ERROR = 70


def reports_errors(command: F) -> F:
    """Turn a ``TidingsError`` into one stderr line and its exit code, never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except TidingsError as exc:
            click.echo(f"tidings: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("tidings: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:
            # A bug of ours, not bad input: still one line, with the way to see more.
            if os.environ.get("TIDINGS_DEBUG"):
                raise
            click.echo(
                f"tidings: internal error: {type(exc).__name__}: {exc}; "
                "rerun with TIDINGS_DEBUG=1 for the traceback and please report it",
                err=True,
            )
            sys.exit(INTERNAL_ERROR)

    return wrapper  # type: ignore[return-value]


def _published_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_date(value)
    except TidingsError as exc:
        raise click.BadParameter(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="tidings")
def cli() -> None:
    """Turn news articles about unfolding crises into a sourced, structured record."""


@cli.command("extract")
@click.argument("source")
@click.option(
    "--published",
    metavar="YYYY-MM-DD",
    callback=_published_option,
    help="Publication date; supplies or overrides what the source says.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "md"]),
    default="json",
    show_default=True,
    help="JSON (the tidings/article@1 contract) or a readable Markdown summary.",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Allow fetching URLs on private, loopback or link-local addresses.",
)
@reports_errors
def extract_command(
    source: str, published: str | None, output_format: str, allow_private: bool
) -> None:
    """Extract entities, quotes, dates and events from one article.

    SOURCE is a .txt or .html file (optionally .gz), - for stdin, or an http(s) URL.
    """
    result = extract(source, published=published, allow_private=allow_private)
    for warning in result.warnings:
        click.echo(f"tidings: warning: {warning}", err=True)
    if output_format == "md":
        click.echo(render_markdown(result))
    else:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))


for _command in CORPUS_COMMANDS:  # ingest, the queries and export: cli/corpus_commands.py
    cli.add_command(_command)


def main() -> None:
    """Run the CLI. Usage errors are one stderr line with exit 2, like input errors with 1."""
    try:
        cli.main(prog_name="tidings", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help() if exc.ctx else str(exc), err=True)
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
        click.echo(f"tidings: error: {exc.format_message().rstrip('.')}{hint}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("tidings: aborted", err=True)
        sys.exit(1)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
