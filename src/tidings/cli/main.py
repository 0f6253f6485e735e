"""Entry point for the ``tidings`` console script.

Errors reach the user as one line on stderr: exit 1 for bad input, 2 for bad usage.
"""

from __future__ import annotations

import json
import sys

import click

from .._version import __version__
from ..extraction import extract
from .corpus_commands import COMMANDS as CORPUS_COMMANDS
from .options import date_value, reports_errors
from .render import render_markdown


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="tidings")
def cli() -> None:
    """Turn news articles about unfolding crises into a sourced, structured record."""


@cli.command("extract")
@click.argument("source")
@click.option(
    "--published",
    metavar="YYYY-MM-DD",
    callback=date_value,
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
