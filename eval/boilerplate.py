"""Score Tidings' HTML extraction (trafilatura + our settings + boilerplate stripping) against
two public benchmarks, with plain ``trafilatura.extract`` as the baseline, in one run.

    .venv/bin/python eval/boilerplate.py [--data ../shared/eval] [--json results.json]

article-extraction-benchmark (Zyte): 181 pages with a gold ``articleBody``. Scored as the
benchmark's own ``evaluate.py`` does (re-implemented here): text → ``\\w+`` tokens → 4-token
shingles (multisets); per page TP/FP/FN are the multiset overlaps, normalised to sum to 1;
precision and recall are averaged over pages (a page with TP+FP = 0 is left out of precision,
one with TP+FN = 0 out of recall; an exact match scores 1); F1 comes from the two averages.

trafilatura-eval-en: 148 English pages with "with" snippets (must appear in the output) and
"without" snippets (must not). As trafilatura's ``tests/evaluate.py``: a "with" snippet found
is a TP, missing a FN; a "without" snippet found is a FP, missing a TN; an empty output counts
every "with" as FN and every "without" as TN. Counts are summed over pages; precision, recall,
F1 and accuracy come from the sums.

The data is read from ``--data`` (default: ``$TIDINGS_SHARED_EVAL``, else ``../shared/eval``
beside the repository); nothing from it is copied into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trafilatura

from tidings.errors import InputError
from tidings.ingest.source import document_from_bytes

ROOT = Path(__file__).resolve().parent.parent
AEB = "article-extraction-benchmark"
TRAF = "trafilatura-eval-en"
SHINGLE = 4
_TOKEN = re.compile(r"\w+")

Extractor = Callable[[bytes, str], str]


def default_data_root() -> Path:
    """``$TIDINGS_SHARED_EVAL`` if set, else ``../shared/eval`` beside the repository."""
    env = os.environ.get("TIDINGS_SHARED_EVAL")
    return Path(env) if env else ROOT.parent / "shared" / "eval"


def tidings_extract(data: bytes, name: str) -> str:
    """Our extraction, through the same function ``read_source`` uses for a file."""
    try:
        return document_from_bytes(data, origin=name, name=name, kind="html").text
    except InputError:
        return ""


def trafilatura_extract(data: bytes, name: str) -> str:
    """The baseline: trafilatura's defaults, given the page's bytes as a user would."""
    if data.startswith(b"\x1f\x8b"):
        data = gzip.decompress(data)
    return trafilatura.extract(data) or ""


EXTRACTORS: dict[str, Extractor] = {"tidings": tidings_extract, "trafilatura": trafilatura_extract}


# --- article-extraction-benchmark -----------------------------------------------------------


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    # Texts shorter than n tokens still give one (short) shingle, as in the benchmark.
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def shingle_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of ``predicted`` against ``gold`` over 4-token shingles."""
    truth, guess = shingles(gold), shingles(predicted)
    tp = float(sum((truth & guess).values()))
    fp = float(sum((guess - truth).values()))
    fn = float(sum((truth - guess).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_metrics(counts: Iterable[tuple[float, float, float]]) -> dict[str, float]:
    counts = list(counts)
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def score_article_benchmark(
    data_root: Path, extractors: dict[str, Extractor], *, limit: int | None = None
) -> dict[str, dict[str, float]]:
    folder = data_root / AEB
    gold: dict[str, dict[str, str]] = json.loads(
        (folder / "ground-truth.json").read_text(encoding="utf-8")
    )
    keys = select(sorted(gold), limit)
    counts: dict[str, list[tuple[float, float, float]]] = {name: [] for name in extractors}
    for key in keys:
        page = (folder / "html" / f"{key}.html.gz").read_bytes()
        for name, extractor in extractors.items():
            output = extractor(page, f"{key}.html.gz")
            counts[name].append(shingle_counts(gold[key].get("articleBody", ""), output))
    return {name: {**shingle_metrics(c), "pages": len(c)} for name, c in counts.items()}


# --- trafilatura-eval-en --------------------------------------------------------------------


@dataclass
class SnippetCounts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    pages: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, output: str, item: dict[str, Any]) -> None:
        self.pages += 1
        wanted, unwanted = item.get("with", []), item.get("without", [])
        if not output:
            self.fn += len(wanted)
            self.tn += len(unwanted)
            return
        for snippet in wanted:
            if snippet in output:
                self.tp += 1
            else:
                self.fn += 1
        for snippet in unwanted:
            if snippet in output:
                self.fp += 1
            else:
                self.tn += 1

    def metrics(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        total = self.tp + self.fn + self.fp + self.tn
        return {
            "precision": precision,
            "recall": recall,
            "f1": _f1(precision, recall),
            "accuracy": (self.tp + self.tn) / total if total else 0.0,
            "tp": self.tp,
            "fn": self.fn,
            "fp": self.fp,
            "tn": self.tn,
            "pages": self.pages,
        }


def score_trafilatura_eval(
    data_root: Path, extractors: dict[str, Extractor], *, limit: int | None = None
) -> dict[str, dict[str, float]]:
    folder = data_root / TRAF
    items: dict[str, dict[str, Any]] = json.loads(
        (folder / "evaldata-en.json").read_text(encoding="utf-8")
    )
    urls = select(sorted(items), limit)
    counts = {name: SnippetCounts() for name in extractors}
    for url in urls:
        item = items[url]
        page = (folder / "html" / f"{item['file']}.gz").read_bytes()
        for name, extractor in extractors.items():
            counts[name].add(extractor(page, item["file"]), item)
    return {name: c.metrics() for name, c in counts.items()}


# --- shared ---------------------------------------------------------------------------------


def select(keys: list[str], limit: int | None) -> list[str]:
    """All ``keys``, or ``limit`` of them spread evenly over the sorted list (deterministic)."""
    if limit is None or limit >= len(keys):
        return keys
    step = len(keys) / limit
    return [keys[int(i * step)] for i in range(limit)]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def run(data_root: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Both benchmarks, both extractors: ``{benchmark: {extractor: metrics}}``."""
    started = time.perf_counter()
    results: dict[str, Any] = {
        AEB: score_article_benchmark(data_root, EXTRACTORS, limit=limit),
        TRAF: score_trafilatura_eval(data_root, EXTRACTORS, limit=limit),
    }
    results["seconds"] = round(time.perf_counter() - started, 1)
    results["limit"] = limit
    return results


def print_table(results: dict[str, Any]) -> None:
    print(
        f"{'benchmark':<30} {'extractor':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'acc':>6}"
    )
    for benchmark in (AEB, TRAF):
        for name, metrics in results[benchmark].items():
            accuracy = f"{metrics['accuracy']:.3f}" if "accuracy" in metrics else "-"
            print(
                f"{benchmark:<30} {name:<12} {metrics['precision']:>9.3f} "
                f"{metrics['recall']:>7.3f} {metrics['f1']:>6.3f} {accuracy:>6}"
            )
    print(f"({results['seconds']} s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=None, help="the shared eval folder")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--limit", type=int, default=None, help="score N pages per benchmark")
    args = parser.parse_args(argv)
    data_root = args.data or default_data_root()
    if not data_root.is_absolute() and not data_root.exists():
        data_root = ROOT / data_root
    missing = [b for b in (AEB, TRAF) if not (data_root / b).is_dir()]
    if missing:
        print(f"boilerplate eval: no {', '.join(missing)} under {data_root}", file=sys.stderr)
        return 2
    results = run(data_root, limit=args.limit)
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
