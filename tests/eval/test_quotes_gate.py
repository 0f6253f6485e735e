"""The quotation gate: detection and attribution on our dev sets, cue/speaker recall on MEANTIME,
quote-span recall on GUM news, each at least the figure last reached; and the held-out sets may
not slide back."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Reached by `.venv/bin/python eval/quotes.py` (tidings rows, rounded down to 2 decimals).
# Dev sets (tuned on): dev P 0.994 R 0.994 speaker 1.000 venue 0.976 date 0.976; dev2 (wire copy,
# local paper, magazine, liveblog, interview, regional daily, press conference) P 1.000 R 0.991
# speaker 0.981 venue 0.991 date 0.972; dev3 (court, health, sport, election, interpreter,
# strike, obituary, police) P 1.000 R 1.000 speaker 0.945 venue 0.973 date 0.973; dev4 (wire and
# regional styles, many non-Anglo names, reported speech) P 1.000 R 1.000 speaker 0.970 venue
# 1.000 date 1.000. dev5, dev6 and dev7 were held-out sets 3, 4 and 5, each scored once (speaker
# 0.807 / 0.894 / 0.901, recall 0.919 / 0.946 / 0.934) and then tuned on: dev5 P 1.000 R 1.000
# speaker 0.992; dev6 P 0.993 R 1.000 speaker 0.987; dev7 P 0.993 R 0.987 speaker 0.980.
# dev8 was held-out set 6, scored once (R 0.972, speaker 0.865, 6 anonymous quotes handed to a
# named person) and then used to fix that error class: P 0.993 R 0.972 speaker 1.000, none.
# dev9 was held-out set 7, scored once (P 0.993 R 0.987 speaker 0.921, 2 anonymous quotes handed
# to a named person) and then tuned on: P 0.993 R 0.987 speaker 0.987 venue 0.987 date 0.954.
# dev10 was held-out set 8, scored once (P 0.993 R 0.986 speaker 0.889, 3 anonymous quotes
# handed to a named person) and then tuned on: P 0.993 R 0.993 speaker 0.986, none.
# dev11 was held-out set 9, scored once (P 0.993 R 0.974 speaker 0.852, 2 anonymous quotes
# handed to a named person) and then tuned on: P 0.993 R 0.974 speaker 0.933, none.
# dev12 was held-out set 10, scored once (P 1.000 R 0.981 speaker 0.873, none handed to a named
# person) and then tuned on: P 1.000 R 0.981 speaker 0.968, none.
# dev13 was held-out set 11, scored once (P 1.000 R 0.955 speaker 0.853, 6 anonymous quotes
# handed to a named person) and then tuned on: P 1.000 R 0.962 speaker 0.894, none.
# Held-out sets (never tuned on; this gate only keeps them from sliding back): heldout R 0.943
# speaker 0.864; heldout2 R 0.959 speaker 0.860.
DEV_SETS = {
    # set: (precision, recall, speaker, venue, date)
    "quotes_dev2.json": (1.00, 0.99, 0.98, 0.99, 0.97),
    "quotes_dev3.json": (1.00, 1.00, 0.94, 0.97, 0.97),
    "quotes_dev4.json": (1.00, 1.00, 0.96, 1.00, 1.00),
    "quotes_dev5.json": (1.00, 1.00, 0.99, 1.00, 1.00),
    "quotes_dev6.json": (0.99, 1.00, 0.98, 0.97, 0.97),
    "quotes_dev7.json": (0.99, 0.98, 0.97, 0.97, 0.97),
    "quotes_dev8.json": (0.99, 0.97, 1.00, 0.97, 0.97),
    "quotes_dev9.json": (0.99, 0.98, 0.98, 0.98, 0.95),
    "quotes_dev10.json": (0.99, 0.99, 0.98, 0.97, 0.97),
    "quotes_dev11.json": (0.99, 0.97, 0.93, 0.98, 0.97),
    "quotes_dev12.json": (1.00, 0.98, 0.96, 0.98, 0.98),
    "quotes_dev13.json": (1.00, 0.96, 0.90, 0.99, 0.96),
    "quotes_dev14.json": (0.99, 0.96, 0.97, 0.98, 0.98),
}
HELDOUT_SETS = {
    # set: (recall, speaker, most quotes handed to a named person where the gold is anonymous)
    "quotes_heldout.json": (0.94, 0.86, 0),
    "quotes_heldout2.json": (0.95, 0.86, 0),
}
DEV_PRECISION = 0.99
DEV_RECALL = 0.99
DEV_SPEAKER_ACCURACY = 0.99
DEV_VENUE_ACCURACY = 0.97
DEV_DATE_ACCURACY = 0.97
MEANTIME_CUE_RECALL = 0.38
MEANTIME_SPEAKER_RECALL = 0.39
GUM_SPAN_RECALL = 0.42


def _quotes_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "tidings_eval_quotes", ROOT / "eval" / "quotes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_dev_set_detection_and_attribution() -> None:
    module = _quotes_module()
    if not module.DEV.is_file():
        pytest.skip("no dev set at eval/data/quotes_dev.json")
    ours = module.evaluate(heldout=None, shared=False, baseline=False)["dev"]["tidings"]
    assert ours["precision"] >= DEV_PRECISION
    assert ours["recall"] >= DEV_RECALL
    assert ours["speaker_accuracy"] >= DEV_SPEAKER_ACCURACY
    assert ours["venue_accuracy"] >= DEV_VENUE_ACCURACY
    assert ours["date_accuracy"] >= DEV_DATE_ACCURACY


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DEV_SETS))
def test_further_dev_sets_detection_and_attribution(name: str) -> None:
    module = _quotes_module()
    ours = module.score_gold_set(
        module.ROOT / "eval" / "data" / name, {"tidings": module.tidings_system}
    )["tidings"]
    precision, recall, speaker, venue, date = DEV_SETS[name]
    assert ours["precision"] >= precision
    assert ours["recall"] >= recall
    assert ours["speaker_accuracy"] >= speaker
    assert ours["venue_accuracy"] >= venue
    assert ours["date_accuracy"] >= date
    assert ours["unsupported"] == 0


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HELDOUT_SETS))
def test_heldout_sets_do_not_slide_back(name: str) -> None:
    module = _quotes_module()
    ours = module.score_gold_set(
        module.ROOT / "eval" / "data" / name, {"tidings": module.tidings_system}
    )["tidings"]
    recall, speaker, unsupported = HELDOUT_SETS[name]
    assert ours["recall"] >= recall
    assert ours["speaker_accuracy"] >= speaker
    assert ours["unsupported"] <= unsupported


@pytest.mark.slow
def test_meantime_cues_and_gum_spans(shared_eval: Path) -> None:
    module = _quotes_module()
    systems = {"tidings": module.tidings_system}
    meantime = module.score_meantime(shared_eval, systems)["tidings"]
    assert meantime["cue_recall"] >= MEANTIME_CUE_RECALL
    assert meantime["speaker_recall"] >= MEANTIME_SPEAKER_RECALL
    assert module.score_gum(shared_eval, systems)["tidings"]["span_recall"] >= GUM_SPAN_RECALL
