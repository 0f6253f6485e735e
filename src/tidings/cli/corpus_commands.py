"""The corpus commands: ``tidings ingest``, the queries, and ``tidings export``.

Each is thin over ``tidings.query``: parse options, call, print. Registered on the ``tidings``
group in ``main.py`` through ``COMMANDS``.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import click

from .. import query
from ..errors import InputError
from ..store import Store
from ..store import ingest as ingest_run
from ..store.export import FORMATS as EXPORT_FORMATS
from .options import (
    date_range_options,
    db_option,
    emit,
    format_option,
    published_option,
    query_options,
    reports_errors,
)


def _log_to_stderr() -> None:
    """Warnings from the store (a corpus stage that failed) as one ``tidings:`` line each."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("tidings: warning: %(message)s"))
    logger = logging.getLogger("tidings")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes that extract in parallel  [default: the number of cores].",
)
@published_option
@click.option("--retry-failed", is_flag=True, help="Try again the inputs that failed before.")
@click.option(
    "--allow-private",
    is_flag=True,
    help="Allow fetching URLs on private, loopback or link-local addresses.",
)
@reports_errors
def ingest_command(
    sources: tuple[str, ...],
    db: str,
    workers: int | None,
    published: str | None,
    retry_failed: bool,
    allow_private: bool,
) -> None:
    """Add articles to the store; a rerun skips what is already there.

    SOURCE is an article file (.txt, .html, optionally .gz), a folder (read recursively),
    a .jsonl file (one article a line), a .warc/.warc.gz archive, an RSS/Atom feed, an OPML
    list of feeds, an http(s) URL, or - for stdin.
    """
    _log_to_stderr()
    with Store.open(db) as store:
        work = ingest_run.plan(
            store, sources, allow_private=allow_private, retry_failed=retry_failed
        )
        if not work.pending and not work.skipped and not work.skipped_failed:
            raise InputError("found no articles in the sources given; check the paths")
        summary = _run_with_progress(store, work, workers, published, allow_private)
    for _origin, reason in summary.failures:
        click.echo(f"tidings: failed: {reason}", err=True)
    click.echo(f"tidings: {summary.line()}", err=True)
    if summary.failed and not summary.ingested and not summary.skipped:
        sys.exit(1)  # every input failed


def _run_with_progress(
    store: Store,
    work: ingest_run.Plan,
    workers: int | None,
    published: str | None,
    allow_private: bool,
) -> ingest_run.Summary:
    if not sys.stderr.isatty() or not work.pending:
        return ingest_run.run(
            store, work, workers=workers, published=published, allow_private=allow_private
        )
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=len(work.pending))
        return ingest_run.run(
            store,
            work,
            workers=workers,
            published=published,
            allow_private=allow_private,
            on_done=lambda item, outcome: progress.advance(task),
        )


@click.command("stats")
@db_option
@format_option
@reports_errors
def stats_command(db: str, output_format: str) -> None:
    """Counts of articles, entities, quotes, events, stories, failures, ..."""
    emit(query.stats(db), output_format)


@click.command("timeline")
@query_options
@click.option("--entity", metavar="NAME", help="Items about this entity (name, any case).")
@click.option("--place", metavar="NAME", help="Items at or about this place.")
@date_range_options
@reports_errors
def timeline_command(
    db: str,
    output_format: str,
    limit: int,
    entity: str | None,
    place: str | None,
    since: str | None,
    until: str | None,
) -> None:
    """Events, quotes and articles in date order."""
    rows = query.timeline(db, entity=entity, place=place, since=since, until=until, limit=limit)
    emit(rows, output_format)


@click.command("quotes")
@query_options
@click.option("--speaker", metavar="NAME", help="Quotes of this speaker.")
@click.option("--source", metavar="OUTLET", help="Quotes reported by this outlet.")
@date_range_options
@reports_errors
def quotes_command(
    db: str,
    output_format: str,
    limit: int,
    speaker: str | None,
    source: str | None,
    since: str | None,
    until: str | None,
) -> None:
    """Quotes and reported speech, by date."""
    rows = query.quotes(db, speaker=speaker, source=source, since=since, until=until, limit=limit)
    emit(rows, output_format)


@click.command("entities")
@query_options
@click.option("--type", "entity_type", metavar="T", help="PERSON, ORG, GPE, LOC, ...")
@reports_errors
def entities_command(db: str, output_format: str, limit: int, entity_type: str | None) -> None:
    """Entities across articles, with article and mention counts."""
    emit(query.entities(db, type=entity_type, limit=limit), output_format)


@click.command("events")
@query_options
@click.option("--type", "event_type", metavar="T", help="PLOVER type: PROTEST, ASSAULT, ...")
@click.option("--actor", metavar="NAME", help="Events this entity acted in.")
@click.option("--place", metavar="NAME", help="Events at this place.")
@date_range_options
@reports_errors
def events_command(
    db: str,
    output_format: str,
    limit: int,
    event_type: str | None,
    actor: str | None,
    place: str | None,
    since: str | None,
    until: str | None,
) -> None:
    """Events, by date."""
    rows = query.events(
        db, type=event_type, actor=actor, place=place, since=since, until=until, limit=limit
    )
    emit(rows, output_format)


@click.command("stories")
@query_options
@reports_errors
def stories_command(db: str, output_format: str, limit: int) -> None:
    """Stories (articles clustered across outlets), largest first."""
    emit(query.stories(db, limit=limit), output_format)


@click.command("search")
@click.argument("text", metavar="QUERY")
@db_option
@format_option
@click.option("--limit", type=int, default=20, show_default=True, help="At most this many hits.")
@reports_errors
def search_command(text: str, db: str, output_format: str, limit: int) -> None:
    """Full-text search over articles and quotes, best match first (word* for a prefix)."""
    emit(query.search(db, text, limit=limit), output_format)


@click.command("export")
@db_option
@click.option(
    "--format",
    "export_format",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="See docs/exports.md for the columns of each.",
)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    required=True,
    help="A file (jsonl, acled, gdelt, geojson), a folder (csv, parquet) or a .zip (csv).",
)
@reports_errors
def export_command(db: str, export_format: str, output: str) -> None:
    """Write the store out for other tools."""
    count = query.export(db, export_format, Path(output))
    click.echo(f"tidings: wrote {count} records to {os.fspath(output)}", err=True)


COMMANDS = (
    ingest_command,
    stats_command,
    timeline_command,
    quotes_command,
    entities_command,
    events_command,
    stories_command,
    search_command,
    export_command,
)
