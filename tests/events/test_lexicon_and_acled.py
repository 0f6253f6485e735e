"""The spaCy-free parts: lexicons load and check their types, agent codes, ACLED crosswalk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.events.acled import crosswalk, geo_precision, inter_code, time_precision
from tidings.events.agents import agent_code, sector
from tidings.events.lexicon import PLOVER_TYPES, load_nouns, load_verbs
from tidings.model import Count, Entity, Event, Geo


def test_lexicons_hold_known_entries() -> None:
    verbs, nouns = load_verbs(), load_nouns()
    assert verbs["attack"].type == "ASSAULT"
    assert verbs["call on"].embeds == "requested"
    assert verbs["threaten"].embeds == "threatened"
    assert nouns["air strike"].mode == "heavy-weapons"
    assert nouns["strike"].type == "PROTEST"
    assert {e.type for e in nouns.values()} <= set(PLOVER_TYPES)


def test_a_wrong_type_in_a_lexicon_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "verbs.tsv"
    path.write_text(
        "# x\nlemma\ttype\tmode\tembeds\tnotes\nattack\tFIGHT\t-\t-\t\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="FIGHT"):
        load_verbs(path)


def test_agent_codes() -> None:
    assert sector("Afghan border police") == "COP"
    assert sector("Taliban") == "REB"
    assert sector("hundreds of its fighters") == "REB"
    assert sector("dockworkers") == "LAB"
    assert agent_code("COP", "AF") == "AFGCOP"
    assert agent_code(None, None) is None


def _event(**kw: object) -> Event:
    base: dict[str, object] = dict(
        id="ev1", type="ASSAULT", mode=None, actor="e1", target="e2", place="e3",
        date="2026-03-01", negated=False, modality=None, trigger="attacked", start=0, end=8,
    )  # fmt: skip
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


def test_crosswalk_battle_and_violence_against_civilians() -> None:
    place = Entity("e3", "GPE", "Khorog", geo=Geo(37.5, 71.5, 1, "TJ", "P.PPLA"))
    entities = [Entity("e1", "GROUP", "militia"), Entity("e2", "GROUP", "police"), place]
    battle = crosswalk(_event(actor_code="REB", target_code="TJKCOP"), entities)
    assert (battle["event_type"], battle["sub_event_type"]) == ("Battles", "Armed clash")
    assert (battle["inter1"], battle["inter2"], battle["interaction"]) == (2, 1, 12)
    assert battle["time_precision"] == 1 and battle["geo_precision"] == 1
    killed = (Count(41, "41 people", "people", "killed"),)
    vac = crosswalk(_event(actor_code="REB", target_code="CVL", counts=killed), entities)
    assert vac["event_type"] == "Violence against civilians" and vac["fatalities"] == 41
    assert vac["interaction"] == 27


def test_crosswalk_protest_and_non_acled_types() -> None:
    protest = crosswalk(_event(type="PROTEST", mode="boycott", actor_code="LAB", target=None))
    assert protest["event_type"] == "Protests" and protest["inter1"] == 6
    assert protest["interaction"] == 60
    talks = crosswalk(_event(type="CONSULT", date=None), published="2026-03-02")
    assert talks["event_type"] is None
    assert talks["event_date"] == "2026-03-02" and talks["time_precision"] == 2


def test_precisions_and_inter_codes() -> None:
    assert time_precision("2026-W09") == 2 and time_precision("2001") == 3
    assert time_precision(None) is None
    region = Entity("e1", "GPE", "Badakhshan", geo=Geo(1, 1, 1, "AF", "A.ADM1"))
    assert geo_precision(region) == 3 and geo_precision(None) is None
    assert inter_code("USAMIL", None, "AFG") == 8  # a state's forces abroad are external
    assert inter_code("AFGMIL", None, "AFG") == 1
