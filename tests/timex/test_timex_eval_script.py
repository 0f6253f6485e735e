"""eval/timex.py: choosing corpora (so that work never runs the test set), finding every dev
set, and listing errors on the corpora we may tune on."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ev() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "tidings_eval_timex_script", ROOT / "eval" / "timex.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_dev_set_is_scored(ev: ModuleType) -> None:
    names = [p.name for p in ev.dev_sets()]
    assert "timex_dev.json" in names and "timex_dev2.json" in names


@pytest.mark.parametrize("name", ["timex_dev.json", "timex_dev2.json"])
def test_dev_set_gold_is_well_formed(name: str) -> None:
    data = json.loads((ROOT / "eval" / "data" / name).read_text(encoding="utf-8"))
    for item in data["items"]:
        date.fromisoformat(item["published"])
        for gold in item["timexes"]:
            assert gold["text"] in item["text"]
            assert gold["type"] in ("DATE", "TIME", "DURATION", "SET")


def test_unknown_corpora_are_refused(ev: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown corpora"):
        ev.evaluate(tmp_path, [], ["meantime", "timebank"])


def test_evaluate_loads_only_the_chosen_corpora(
    ev: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    loaded: list[str] = []

    def loader(name: str) -> Callable[[Path], list[object]]:
        def load(data: Path) -> list[object]:
            loaded.append(name)
            return []

        return load

    monkeypatch.setattr(ev, "load_tempeval3", loader("tempeval3"))
    monkeypatch.setattr(ev, "load_meantime", loader("meantime"))
    assert ev.evaluate(tmp_path, [], ["meantime"]) == {}
    assert loaded == ["meantime"]


def test_score_lists_misses_spurious_and_wrong_values(ev: ModuleType) -> None:
    text = "Sales rose on Monday and fell in May, and again later."
    doc = ev.Document(
        "d",
        text,
        date(2020, 6, 3),
        [
            ev.Span(14, 20, "DATE", "2020-06-01"),  # Monday: found, right
            ev.Span(33, 36, "DATE", "2020-05"),  # May: found, wrong value
            ev.Span(48, 53, "DATE", "PAST_REF"),  # later: missed
        ],
    )
    system = [
        ev.Span(14, 20, "DATE", "2020-06-01"),
        ev.Span(33, 36, "DATE", "2019-05"),
        ev.Span(0, 5, "DATE", "2020"),  # spurious
    ]
    errors: list[dict[str, object]] = []
    figures = ev.score([doc], {"d": system}, errors)
    assert sorted(str(e["kind"]) for e in errors) == ["missed", "spurious", "value"]
    assert figures["relaxed_p"] == pytest.approx(2 / 3)
    assert figures["value_accuracy"] == pytest.approx(1 / 2)
