"""Corpora and the extraction cache for ``eval/stories.py`` (story clustering).

Two corpora under ``--data`` (default ``$TIDINGS_SHARED_EVAL`` or ``../shared/eval``):

- ECB+ (``ecbplus/doc_clusters.jsonl``): 982 documents, 43 topics x 2 sub-topics. Gold cluster =
  ``<topic>_<subtopic>``; the two sub-topics of a topic are two different events of the same
  kind. Texts are tokenised (spaces around punctuation); they have no publication date.
- Giveme5W1H news_cluster (``giveme5w1h-newscluster/clusters.jsonl`` + ``data/*.json``):
  383 articles, 69 events (gold = ``EventId``), with titles, outlets and publication dates.

Every document goes through the real pipeline (``extract_document``) once; the records are
cached as JSONL under ``$TIDINGS_CACHE_DIR/eval`` (else ``~/.cache/tidings/eval``), one file per
package version and code fingerprint, keyed by a hash of what the pipeline was given, so reruns
skip the NLP.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from tidings import __version__
from tidings.model import Article, Extraction, article_id


@dataclass(frozen=True)
class EvalDoc:
    doc_id: str
    group: str  # ECB+: the topic (clustering runs within it); newscluster: one group
    gold: str  # the gold cluster
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None


def load_ecbplus(data: Path) -> list[EvalDoc]:
    docs = []
    with (data / "ecbplus" / "doc_clusters.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            docs.append(
                EvalDoc(
                    doc_id=row["doc"],
                    group=str(row["topic"]),
                    gold=row["cluster"],
                    # Sentences are one a line; a blank line between them keeps the pipeline's
                    # paragraph handling from gluing a headline onto the first sentence.
                    text=row["text"].replace("\n", "\n\n"),
                )
            )
    return docs


def load_newscluster(data: Path) -> list[EvalDoc]:
    base = data / "giveme5w1h-newscluster"
    docs = []
    with (base / "clusters.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            body = json.loads((base / row["file"]).read_text(encoding="utf-8"))
            text = (body.get("text") or body.get("description") or "").strip()
            published = (row.get("date_publish") or "")[:10] or None
            docs.append(
                EvalDoc(
                    doc_id=row["dId"],
                    group="all",
                    gold=str(row["EventId"]),
                    text=text,
                    title=row.get("title"),
                    published=published,
                    source=row.get("source_domain"),
                )
            )
    return docs


def cache_file() -> Path:
    explicit = os.environ.get("TIDINGS_CACHE_DIR")
    base = (
        Path(explicit)
        if explicit
        else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tidings"
    )
    return base / "eval" / f"stories-extractions-{__version__}-{pipeline_fingerprint()}.jsonl"


# Package folders the extraction pipeline does not import (checked: extraction.py, nlp/, events/,
# timex/, geo/, ingest/ never import them).
_NOT_EXTRACTION = frozenset({"corpus", "store", "cli"})


def pipeline_fingerprint() -> str:
    """A hash of the package's code and data, so a changed pipeline never reads stale results.

    The cross-article code (``corpus/``, ``store/``, ``cli/``) is left out: extraction never
    imports it, and tuning the story clustering should not cost a cold extraction each edit."""
    import tidings

    root = Path(tidings.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.relative_to(root).parts[0] in _NOT_EXTRACTION:
            continue
        if path.is_file() and path.suffix in {".py", ".tsv", ".json", ".jsonl", ".txt"}:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def doc_key(doc: EvalDoc) -> str:
    payload = json.dumps([doc.text, doc.title, doc.published, doc.source])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


def _read_cache(path: Path) -> dict[str, dict]:
    cached: dict[str, dict] = {}
    if path.is_file():
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:  # a run killed mid-write leaves a torn last line
                    continue
                cached[row["key"]] = row["record"]
    return cached


def _bare(doc: EvalDoc, warning: str) -> dict:
    article = Article(
        id=article_id(doc.text),
        title=doc.title,
        source=doc.source,
        url=None,
        published=doc.published,
        language="en",
        text=doc.text,
    )
    return Extraction(article=article, warnings=(warning,)).as_dict()


def extract_all(
    docs: Iterable[EvalDoc], *, refresh: bool = False, log: Callable[[str], None] | None = None
) -> dict[str, Extraction]:
    """doc_id -> Extraction, from the cache where it has the document, else from the pipeline."""
    from tidings.extraction import extract_document
    from tidings.ingest.raw import RawDocument

    docs = list(docs)
    path = cache_file()
    cached = {} if refresh else _read_cache(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    out: dict[str, Extraction] = {}
    todo = [d for d in docs if doc_key(d) not in cached]
    if log and todo:
        log(f"extracting {len(todo)} documents (cache: {path})")
    with path.open("a", encoding="utf-8") as handle:
        for n, doc in enumerate(todo, 1):
            raw = RawDocument(
                text=doc.text, title=doc.title, source=doc.source, published=doc.published
            )
            try:
                record = extract_document(raw).as_dict()
            except Exception as error:  # noqa: BLE001 - a pipeline bug must not end the eval
                # Keep the document (TF-IDF still sees its text) and say what went wrong.
                record = _bare(doc, f"extraction failed: {type(error).__name__}: {error}")
                if log:
                    log(f"  {doc.doc_id}: {record['warnings'][0]}")
            cached[doc_key(doc)] = record
            handle.write(json.dumps({"key": doc_key(doc), "record": record}) + "\n")
            handle.flush()
            if log and n % 100 == 0:
                log(f"  {n}/{len(todo)}")
    for doc in docs:
        out[doc.doc_id] = Extraction.from_dict(cached[doc_key(doc)])
    return out
