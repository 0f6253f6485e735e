"""Ingesting many inputs into a store: discovery, parallel extraction, one writer.

Workers (a process pool; each loads the model once, in its initializer) read and extract; the
main process is the only one that writes, committing each document in its own transaction
together with its fingerprint in the ingest log. A run killed at any point loses at most the
documents in flight, and the same command then skips what was committed and does the rest.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import TidingsError
from ..extraction import check_date, extract_document
from ..ingest.discover import Item, expand
from ..model import Extraction
from .store import Store

log = logging.getLogger(__name__)

# Test hook: exit abruptly (as kill -9 would leave things) after this many documents are
# committed, so the tests can check that a rerun finishes the job. Never set it otherwise.
CRASH_AFTER_ENV = "TIDINGS_TEST_CRASH_AFTER"


@dataclass
class Plan:
    """What a run will do: the items to process, and what discovery already skipped."""

    pending: list[Item] = field(default_factory=list)
    skipped: int = 0  # inputs already stored
    skipped_failed: int = 0  # inputs that failed before, not retried


@dataclass
class Summary:
    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    skipped_failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.ingested + self.skipped + self.failed + self.skipped_failed

    def line(self) -> str:
        text = (
            f"ingested {self.ingested}, skipped {self.skipped} (already stored), "
            f"failed {self.failed}"
        )
        if self.skipped_failed:
            text += f"; {self.skipped_failed} failed before (--retry-failed tries them again)"
        return text


def plan(
    store: Store, sources: Iterable[str], *, allow_private: bool = False, retry_failed: bool = False
) -> Plan:
    """Expand ``sources`` and drop the inputs the ingest log says are done."""
    result = Plan()
    queued: set[str] = set()
    for item in expand(sources, allow_private=allow_private):
        fingerprint = item.fingerprint
        if fingerprint is not None:
            if fingerprint in queued:  # the same input named twice in one run
                result.skipped += 1
                continue
            status = store.document_status(fingerprint)
            if status in ("stored", "duplicate"):
                result.skipped += 1
                continue
            if status == "failed" and not retry_failed:
                result.skipped_failed += 1
                continue
            queued.add(fingerprint)
        result.pending.append(item)
    return result


# -- workers ---------------------------------------------------------------------------------

_published: str | None = None
_allow_private = False


def _init_worker(published: str | None, allow_private: bool) -> None:
    """Pool initializer: remember the run's options and load the model, once per process."""
    global _published, _allow_private
    _published, _allow_private = published, allow_private
    from ..nlp.pipeline import load_pipeline

    load_pipeline()


def _work(item: Item) -> tuple[Item, Extraction | None, str | None]:
    """Read and extract one item; a failure comes back as its reason, never as an exception,
    so that one bad document cannot stop the pool."""
    try:
        raw = item.load(allow_private=_allow_private)
        return item, extract_document(raw, published=_published), None
    except TidingsError as exc:
        return item, None, str(exc)
    except Exception as exc:  # a bug on one page must not end the run; its reason is kept
        log.debug("unexpected error on %s", item.origin, exc_info=True)
        return item, None, f"{item.origin}: unexpected error: {type(exc).__name__}: {exc}"


def _results(
    items: list[Item], workers: int, published: str | None, allow_private: bool
) -> Iterator[tuple[Item, Extraction | None, str | None]]:
    if workers <= 1 or len(items) <= 1:
        _init_worker(published, allow_private)
        yield from map(_work, items)
        return
    # spawn, not fork: a forked child would inherit the writer's SQLite handle and threads.
    context = multiprocessing.get_context("spawn")
    with context.Pool(
        min(workers, len(items)), initializer=_init_worker, initargs=(published, allow_private)
    ) as pool:
        yield from pool.imap_unordered(_work, items, chunksize=1)


def run(
    store: Store,
    work: Plan,
    *,
    workers: int | None = None,
    published: str | None = None,
    allow_private: bool = False,
    on_done: Callable[[Item, str], None] | None = None,
) -> Summary:
    """Process ``work.pending``, writing each result as it comes; ``on_done(item, outcome)``
    (``ingested``, ``skipped``, ``failed``) reports progress."""
    summary = Summary(skipped=work.skipped, skipped_failed=work.skipped_failed)
    crash_after = int(os.environ.get(CRASH_AFTER_ENV, "0") or 0)
    count = workers if workers is not None else (os.cpu_count() or 1)
    if published is not None:
        published = check_date(published)
    results = _results(work.pending, count, published, allow_private)
    for committed, (item, record, reason) in enumerate(results, start=1):
        if record is not None:
            added = store.add(record, origin=item.origin, fingerprint=item.fingerprint)
            outcome = "ingested" if added else "skipped"
            if added:
                summary.ingested += 1
            else:
                summary.skipped += 1
        else:
            reason = reason or f"{item.origin}: failed"
            store.record_failure(item.origin, reason, fingerprint=item.fingerprint)
            summary.failed += 1
            summary.failures.append((item.origin, reason))
            outcome = "failed"
        if on_done is not None:
            on_done(item, outcome)
        if crash_after and committed >= crash_after:
            os._exit(137)
    if summary.ingested:
        store.rebuild_corpus()
    return summary


def ingest(
    store: Store,
    sources: Iterable[str],
    *,
    workers: int | None = None,
    published: str | None = None,
    allow_private: bool = False,
    retry_failed: bool = False,
) -> Summary:
    """Ingest every input ``sources`` holds into ``store``: ``tidings ingest`` from Python."""
    work = plan(store, sources, allow_private=allow_private, retry_failed=retry_failed)
    return run(store, work, workers=workers, published=published, allow_private=allow_private)
