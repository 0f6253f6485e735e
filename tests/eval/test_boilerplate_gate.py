"""The boilerplate gate: our HTML extraction on two public benchmarks, against raw trafilatura."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
# F1 reached by `.venv/bin/python eval/boilerplate.py` over all pages (rounded down):
# article-extraction-benchmark 0.9602 (shingle F1), trafilatura-eval-en 0.9099 (snippet F1).
ARTICLE_BENCHMARK_F1 = 0.96
TRAFILATURA_EVAL_F1 = 0.90


@cache
def _boilerplate_eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "tidings_eval_boilerplate", ROOT / "eval" / "boilerplate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered before running it: its dataclasses look their module up by name.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results(shared_eval: Path) -> dict:
    # The whole of both sets: about 20 s.
    return _boilerplate_eval().run(shared_eval)


@pytest.mark.slow
def test_article_extraction_benchmark(results: dict) -> None:
    scores = results["article-extraction-benchmark"]
    assert scores["tidings"]["pages"] == 181
    assert scores["tidings"]["f1"] >= ARTICLE_BENCHMARK_F1
    assert scores["tidings"]["f1"] >= scores["trafilatura"]["f1"]
    # The settings trade recall for precision: boilerplate turns into false entities.
    assert scores["tidings"]["precision"] > scores["trafilatura"]["precision"]


@pytest.mark.slow
def test_trafilatura_eval(results: dict) -> None:
    scores = results["trafilatura-eval-en"]
    assert scores["tidings"]["pages"] == 148
    assert scores["tidings"]["f1"] >= TRAFILATURA_EVAL_F1
    assert scores["tidings"]["precision"] > scores["trafilatura"]["precision"]


def test_shingle_scoring_matches_the_benchmark_definition() -> None:
    module = _boilerplate_eval()
    gold = "one two three four five six"
    # Identical texts: a perfect page, however short.
    assert module.shingle_metrics([module.shingle_counts(gold, gold)])["f1"] == 1.0
    # Half of the predicted shingles are wrong, all gold shingles are found.
    tp, fp, fn = module.shingle_counts(gold, gold + " x y z")
    assert fn == 0 and tp == fp
    metrics = module.shingle_metrics([(tp, fp, fn)])
    assert metrics["precision"] == pytest.approx(0.5) and metrics["recall"] == 1.0
    # Nothing extracted: no precision to average, recall 0.
    assert module.shingle_metrics([module.shingle_counts(gold, "")])["recall"] == 0.0


def test_snippet_scoring_counts_like_trafilatura() -> None:
    counts = _boilerplate_eval().SnippetCounts()
    item = {"with": ["kept one", "kept two"], "without": ["menu", "footer"]}
    counts.add("text with kept one and a menu", item)
    counts.add("", item)  # nothing extracted: misses every wanted snippet, avoids the rest
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (1, 3, 1, 3)
    metrics = counts.metrics()
    assert metrics["precision"] == 0.5 and metrics["recall"] == 0.25
    assert metrics["accuracy"] == 0.5
