"""Ingest throughput against the single-article pipeline (target: within 10%).

The bundled samples are copied N times into a temp folder (each copy gets a numbered closing
line, so each is a new article); then, in one warm process (model already loaded):

- pipeline: ``extract_document`` over every copy, seconds per article;
- ingest, 1 worker: ``tidings.query.ingest`` of the folder (discovery, reading, extraction,
  the store's writes and commits), seconds per article;
- ingest, N workers: the same with a process pool (each worker loads the model, included).

    .venv/bin/python bench/ingest.py [--copies 20] [--workers 0 (= cores)] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from tidings.extraction import extract_document
from tidings.ingest import read_source
from tidings.nlp.pipeline import load_pipeline
from tidings.query import ingest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"
TARGET_OVERHEAD = 0.10


def make_copies(folder: Path, copies: int) -> list[Path]:
    paths = []
    for n in range(copies):
        for sample in sorted(SAMPLES.iterdir()):
            target = folder / f"{n:03d}-{sample.name}"
            data = sample.read_text(encoding="utf-8")
            marker = f"This is copy number {n} of the sample article, for the benchmark."
            if sample.suffix == ".html":
                head, _, tail = data.partition("<p>")  # the first plain paragraph: the body
                data = f"{head}<p>{marker} {tail}"
            else:
                title, _, body = data.partition("\n\n")
                data = f"{title}\n\n{marker}\n\n{body}"
            target.write_text(data, encoding="utf-8")
            paths.append(target)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    workers = args.workers or os.cpu_count() or 1
    load_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        paths = make_copies(folder, args.copies)
        count = len(paths)
        t0 = time.perf_counter()
        for path in paths:
            extract_document(read_source(str(path)), published="2026-03-04")
        pipeline_s = (time.perf_counter() - t0) / count

        t0 = time.perf_counter()
        one = ingest(Path(tmp) / "one.db", [str(folder)], workers=1, published="2026-03-04")
        ingest_s = (time.perf_counter() - t0) / count
        assert one.ingested == count, one.line()

        t0 = time.perf_counter()
        many = ingest(Path(tmp) / "many.db", [str(folder)], workers=workers, published="2026-03-04")
        many_total = time.perf_counter() - t0
        assert many.ingested == count, many.line()

    overhead = ingest_s / pipeline_s - 1
    print(f"{count} articles")
    print(f"  pipeline (read + extract), warm : {pipeline_s * 1000:7.1f} ms/article")
    print(
        f"  ingest, 1 worker                : {ingest_s * 1000:7.1f} ms/article "
        f"({overhead:+.1%} vs pipeline; target <= +{TARGET_OVERHEAD:.0%})"
    )
    print(
        f"  ingest, {workers} workers               : {many_total / count * 1000:7.1f} ms/article "
        f"wall, {count / many_total:.1f} articles/s (worker start-up and model loads included)"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "articles": count,
                    "pipeline_ms": round(pipeline_s * 1000, 2),
                    "ingest_1_worker_ms": round(ingest_s * 1000, 2),
                    "overhead": round(overhead, 4),
                    "workers": workers,
                    "ingest_n_workers_ms": round(many_total / count * 1000, 2),
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
