"""What the corpus commands share: their options (defined once, as decorators), error
reporting, and the rendering of query results as JSON, CSV or a table."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar

import click

from ..errors import TidingsError
from ..extraction import check_date
from ..store import DEFAULT_DB
from ..store.queries import DEFAULT_LIMIT

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("json", "table", "csv")


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


def date_value(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_date(value)
    except TidingsError as exc:
        raise click.BadParameter(str(exc)) from exc


def db_option(command: F) -> F:
    return click.option(
        "--db",
        "db",
        metavar="PATH",
        default=DEFAULT_DB,
        show_default=True,
        envvar="TIDINGS_DB",
        help="The store (SQLite file); also $TIDINGS_DB.",
    )(command)


def format_option(command: F) -> F:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(FORMATS),
        default="json",
        show_default=True,
        help="JSON (an array for lists), CSV with a header, or an aligned table.",
    )(command)


def limit_option(command: F) -> F:
    return click.option(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        show_default=True,
        help="At most this many rows; 0 for all.",
    )(command)


def date_range_options(command: F) -> F:
    command = click.option(
        "--until", metavar="YYYY-MM-DD", callback=date_value, help="Up to this day, inclusive."
    )(command)
    return click.option(
        "--since", metavar="YYYY-MM-DD", callback=date_value, help="From this day on."
    )(command)


def published_option(command: F) -> F:
    return click.option(
        "--published",
        metavar="YYYY-MM-DD",
        callback=date_value,
        help="Publication date for every input; supplies or overrides what each source says.",
    )(command)


def query_options(command: F) -> F:
    """``--db``, ``--format`` and ``--limit``: what every list query takes."""
    return db_option(format_option(limit_option(command)))


# -- output ----------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return " ".join(_cell(v) for v in value)
    return str(value)


def emit(rows: Sequence[dict[str, Any]] | dict[str, Any], output_format: str) -> None:
    """Print ``rows`` (or one object, like ``stats``) in ``output_format`` on stdout."""
    if output_format == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = [rows] if isinstance(rows, dict) else list(rows)
    columns = list(table[0]) if table else []
    if output_format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        if columns:
            writer.writerow(columns)
        writer.writerows([_cell(row[c]) for c in columns] for row in table)
        return
    if isinstance(rows, dict):  # one object reads best as name/value pairs
        table = [{"name": k, "value": v} for k, v in rows.items()]
        columns = ["name", "value"]
    _print_table(table, columns)


def _print_table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    if not rows:
        click.echo("(no rows)", err=True)
        return
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*(_cell(row[c]) for c in columns))
        Console().print(table)
        return
    # Plain aligned columns when piped: no colour, no wrapping, one line a row.
    cells = [[_cell(row[c]).replace("\n", " ") for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for r in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())
