"""Validate the PLOVER event gold files (eval/data/events_dev.json, eval/data/events_heldout.json).

Python 3 standard library only. Usage:

    python eval/data/check_events_gold.py [FILE ...]

With no arguments both gold files next to this script are checked. Prints a summary per file
(articles, events, counts per type / mode / modality / pattern) and every problem found; exits 1
on any error. The conventions are documented in the "_doc" string inside each file; the checks:
- file is {"_doc": str, "articles": [...]}, article and event keys exactly as documented,
  ids unique;
- entities: type and actor_type from the fixed lists, every entity name occurs in the text
  (case-insensitively);
- trigger: the occurrence-th match (0-based; str.find from the previous match's start + 1) exists,
  is at word boundaries and lies inside `sentence`; `sentence` is the sentence of the text that
  contains that match (same splitter as documented: paragraphs, then . ! ? + optional closing
  quote before whitespace and a capital, digit or opening quote);
- type and mode from the PLOVER lists; modality from the fixed list;
- actor / target: null or an entity name; actor_text / target_text: null or a substring of the
  sentence; place: null or a GPE/LOC/FAC entity whose name occurs in the sentence;
- date: null or a TIMEX3-ish value (YYYY, YYYY-MM, YYYY-MM-DD, 199X, 19XX, YYYY-Www, YYYY-Www-WE)
  that is a real date; a date after publication needs a non-null modality;
- count: null or {"value": positive int, "unit": non-empty str}; reported_by: null, an entity
  name, or a phrase that occurs in the text;
- patterns: known tags; the tags that follow from the fields (see PATTERN TAGS in _doc) are
  present exactly when they apply.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_FILES = [HERE / "events_dev.json", HERE / "events_heldout.json"]

ARTICLE_KEYS = {"id", "source", "published", "title", "text", "entities", "events"}
EVENT_KEYS = {
    "trigger",
    "occurrence",
    "sentence",
    "type",
    "mode",
    "actor",
    "actor_text",
    "target",
    "target_text",
    "place",
    "date",
    "negated",
    "modality",
    "count",
    "reported_by",
    "patterns",
}
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "GROUP"}
ACTOR_TYPES = {
    "state",
    "military",
    "police",
    "rebel",
    "party",
    "civilians",
    "media",
    "igo",
    "business",
    "labour",
    "other",
}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
TYPES = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
MODES = {
    "PROTEST": {"demonstrate", "hunger-strike", "strike", "boycott", "obstruct"},
    "ASSAULT": {"firearms", "explosives", "aerial", "sexual", "unspecified"},
    "COERCE": {
        "arrest",
        "detain",
        "seize",
        "expel",
        "censor",
        "restrict-movement",
        "curfew",
        "deport",
    },
    "MOBILIZE": {"troops", "police", "militia", "alert"},
    "AID": {"humanitarian", "economic", "military"},
    "SANCTION": {"economic", "diplomatic", "suspend"},
    "CONSULT": {"meet", "visit", "mediate", "phone"},
    "AGREE": {"ceasefire", "settle", "peace"},
    "RETREAT": {"withdraw", "release", "return", "disarm"},
    "REQUEST": {"aid"},
}
MODALITIES = {None, "threatened", "requested", "intended", "conditional", "possible", "planned"}

TYPE_TAG = {
    "PROTEST": "protest",
    "ASSAULT": "attack",
    "MOBILIZE": "troops",
    "CONSULT": "negotiation",
    "THREATEN": "threat",
    "REQUEST": "request",
    "AID": "aid",
    "SANCTION": "sanction",
    "ACCUSE": "accusation",
    "REJECT": "rejection",
}
MOD_TAG = {
    "threatened": "threat",
    "requested": "request",
    "conditional": "conditional",
    "intended": "intended",
    "planned": "planned",
    "possible": "possible",
}
DERIVED = {
    "protest",
    "strike",
    "attack",
    "troops",
    "negotiation",
    "threat",
    "request",
    "aid",
    "sanction",
    "arrest",
    "ceasefire",
    "accusation",
    "rejection",
    "negated",
    "conditional",
    "intended",
    "planned",
    "possible",
    "count",
    "reported",
    "group-actor",
    "multi-event",
}
MANUAL = {"passive", "nominal", "historical", "evacuation"}
PATTERNS = [
    "protest",
    "strike",
    "attack",
    "troops",
    "negotiation",
    "threat",
    "request",
    "aid",
    "sanction",
    "arrest",
    "ceasefire",
    "accusation",
    "rejection",
    "negated",
    "conditional",
    "intended",
    "planned",
    "possible",
    "historical",
    "count",
    "group-actor",
    "passive",
    "nominal",
    "reported",
    "multi-event",
    "evacuation",
]
SENT_END = re.compile(r'[.!?]["\u201d\u2019)]?(?=\s+["\u201c\u2018(A-Z0-9])')
DATE_RES = [
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day"),
    (re.compile(r"^\d{3}X$"), "decade"),
    (re.compile(r"^\d{2}XX$"), "century"),
    (re.compile(r"^\d{4}-W\d{2}(-WE)?$"), "week"),
]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for para in text.split("\n\n"):
        start = i = pos
        for m in SENT_END.finditer(para):
            end = start + m.end()
            spans.append((i, end))
            j = end
            while j < len(text) and text[j] == " ":
                j += 1
            i = j
        spans.append((i, start + len(para)))
        pos = start + len(para) + 2
    return [(a, b) for a, b in spans if b > a]


def find_nth(text: str, sub: str, n: int) -> int:
    pos = -1
    for _ in range(n + 1):
        pos = text.find(sub, pos + 1)
        if pos == -1:
            return -1
    return pos


def earliest_date(value: str) -> dt.date | None:
    """First day the TIMEX value covers; raises ValueError when it is not a real date."""
    kind = next((k for rx, k in DATE_RES if rx.match(value)), None)
    if kind is None:
        raise ValueError("not a TIMEX3-ish value")
    if kind == "year":
        return dt.date(int(value), 1, 1)
    if kind == "month":
        return dt.date(int(value[:4]), int(value[5:7]), 1)
    if kind == "day":
        return dt.date.fromisoformat(value)
    if kind == "week":
        return dt.date.fromisocalendar(
            int(value[:4]), int(value[6:8]), 6 if value.endswith("-WE") else 1
        )
    return None  # decade / century: nothing to compare


def derived_tags(ev: dict, entities: dict, shared: bool) -> set[str]:
    tags = set()
    typ, mode = ev.get("type"), ev.get("mode")
    if typ in TYPE_TAG:
        tags.add(TYPE_TAG[typ])
    if typ == "PROTEST" and mode == "strike":
        tags.add("strike")
    if typ == "COERCE" and mode in ("arrest", "detain"):
        tags.add("arrest")
    if typ == "AGREE":
        tags.add("ceasefire" if mode == "ceasefire" else "negotiation")
    if ev.get("modality") in MOD_TAG:
        tags.add(MOD_TAG[ev["modality"]])
    if ev.get("negated") is True:
        tags.add("negated")
    if ev.get("count") is not None:
        tags.add("count")
    if ev.get("reported_by") is not None:
        tags.add("reported")
    actor = ev.get("actor")
    if isinstance(actor, str) and entities.get(actor, {}).get("type") == "GROUP":
        tags.add("group-actor")
    if shared:
        tags.add("multi-event")
    return tags


def check_file(path: Path) -> tuple[list[str], dict]:
    errors: list[str] = []
    stats = {
        "articles": 0,
        "events": 0,
        "types": Counter(),
        "modes": Counter(),
        "modalities": Counter(),
        "patterns": Counter(),
        "negated": 0,
    }
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return [f"{path.name}: cannot read: {exc}"], stats
    if not isinstance(data, dict) or set(data) != {"_doc", "articles"}:
        return [f"{path.name}: top level must be {{'_doc', 'articles'}}"], stats
    if not isinstance(data["_doc"], str) or not data["_doc"].strip():
        errors.append(f"{path.name}: _doc must be a non-empty string")
    if not isinstance(data["articles"], list):
        return errors + [f"{path.name}: articles must be a list"], stats
    seen_ids = set()
    for ai, art in enumerate(data["articles"]):
        where = f"{path.name}[{ai}]"
        if not isinstance(art, dict) or set(art) != ARTICLE_KEYS:
            errors.append(
                f"{where}: article keys "
                f"{sorted(art) if isinstance(art, dict) else art!r} != {sorted(ARTICLE_KEYS)}"
            )
            continue
        where = f"{path.name}:{art['id']}"
        stats["articles"] += 1
        if art["id"] in seen_ids:
            errors.append(f"{where}: duplicate id")
        seen_ids.add(art["id"])
        for key in ("source", "title", "text"):
            if not isinstance(art[key], str) or not art[key].strip():
                errors.append(f"{where}: {key} must be a non-empty string")
        try:
            published = dt.date.fromisoformat(art["published"])
        except (TypeError, ValueError):
            errors.append(f"{where}: published {art['published']!r} is not YYYY-MM-DD")
            published = None
        text = art["text"] if isinstance(art["text"], str) else ""
        low = text.lower()
        entities = art["entities"] if isinstance(art["entities"], dict) else {}
        if not isinstance(art["entities"], dict):
            errors.append(f"{where}: entities must be an object")
        for name, info in entities.items():
            if not isinstance(info, dict) or set(info) != {"type", "actor_type"}:
                errors.append(f"{where}: entity {name!r} must be {{type, actor_type}}")
                continue
            if info["type"] not in ENTITY_TYPES:
                errors.append(f"{where}: entity {name!r} type {info['type']!r}")
            if info["actor_type"] not in ACTOR_TYPES:
                errors.append(f"{where}: entity {name!r} actor_type {info['actor_type']!r}")
            if name.lower() not in low:
                errors.append(f"{where}: entity {name!r} does not occur in the text")
        spans = sentence_spans(text)
        events = art["events"] if isinstance(art["events"], list) else []
        sent_count = Counter(ev.get("sentence") for ev in events if isinstance(ev, dict))
        seen_triggers = set()
        for ei, ev in enumerate(events):
            w = f"{where} event {ei}"
            if not isinstance(ev, dict) or set(ev) != EVENT_KEYS:
                errors.append(
                    f"{w}: keys "
                    f"{sorted(ev) if isinstance(ev, dict) else ev!r} != {sorted(EVENT_KEYS)}"
                )
                continue
            w = f"{where} event {ei} ({ev['trigger']!r})"
            stats["events"] += 1
            trig, occ, sent = ev["trigger"], ev["occurrence"], ev["sentence"]
            if not isinstance(trig, str) or not trig.strip():
                errors.append(f"{w}: empty trigger")
                continue
            if not isinstance(occ, int) or isinstance(occ, bool) or occ < 0:
                errors.append(f"{w}: occurrence must be an int >= 0")
                continue
            if (trig, occ) in seen_triggers:
                errors.append(f"{w}: same trigger occurrence used twice")
            seen_triggers.add((trig, occ))
            pos = find_nth(text, trig, occ)
            if pos == -1:
                errors.append(f"{w}: occurrence {occ} of trigger not in text")
                continue
            end = pos + len(trig)
            if (pos > 0 and text[pos - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                errors.append(f"{w}: trigger match at {pos} is not at word boundaries")
            if not isinstance(sent, str) or sent not in text:
                errors.append(f"{w}: sentence not found in text")
                continue
            containing = [(a, b) for a, b in spans if a <= pos and end <= b]
            if not containing:
                errors.append(f"{w}: trigger match crosses a sentence boundary")
            elif text[containing[0][0] : containing[0][1]] != sent:
                errors.append(
                    f"{w}: sentence is not the sentence containing the trigger: "
                    f"{text[containing[0][0] : containing[0][1]]!r}"
                )
            if ev["type"] not in TYPES:
                errors.append(f"{w}: type {ev['type']!r}")
            mode = ev["mode"]
            allowed = MODES.get(ev["type"])
            if mode is not None:
                if allowed is None:
                    errors.append(f"{w}: {ev['type']} takes mode null here, got {mode!r}")
                elif mode not in allowed:
                    errors.append(f"{w}: mode {mode!r} not in {sorted(allowed)}")
            for key in ("actor", "target"):
                if ev[key] is not None and ev[key] not in entities:
                    errors.append(f"{w}: {key} {ev[key]!r} not in entities")
            for key in ("actor_text", "target_text"):
                if ev[key] is not None and (not isinstance(ev[key], str) or ev[key] not in sent):
                    errors.append(f"{w}: {key} {ev[key]!r} not in sentence")
            place = ev["place"]
            if place is not None:
                if place not in entities:
                    errors.append(f"{w}: place {place!r} not in entities")
                elif entities[place].get("type") not in PLACE_TYPES:
                    errors.append(f"{w}: place {place!r} is not a GPE/LOC/FAC entity")
                if place not in sent:
                    errors.append(f"{w}: place {place!r} not in the event's sentence")
            if ev["date"] is not None:
                try:
                    first = earliest_date(ev["date"])
                except (TypeError, ValueError) as exc:
                    errors.append(f"{w}: date {ev['date']!r}: {exc}")
                    first = None
                if first and published and first > published and ev["modality"] is None:
                    errors.append(f"{w}: date {ev['date']} after publication needs a modality")
            if not isinstance(ev["negated"], bool):
                errors.append(f"{w}: negated must be true/false")
            if ev["modality"] not in MODALITIES:
                errors.append(f"{w}: modality {ev['modality']!r}")
            count = ev["count"]
            if count is not None and (
                not isinstance(count, dict)
                or set(count) != {"value", "unit"}
                or not isinstance(count["value"], int)
                or isinstance(count["value"], bool)
                or count["value"] <= 0
                or not isinstance(count["unit"], str)
                or not count["unit"]
            ):
                errors.append(f"{w}: count must be {{value: int > 0, unit: str}}")
            rep = ev["reported_by"]
            if rep is not None and (
                not isinstance(rep, str) or (rep not in entities and rep not in text)
            ):
                errors.append(
                    f"{w}: reported_by {rep!r} is neither an entity nor a phrase of the text"
                )
            pats = ev["patterns"]
            if (
                not isinstance(pats, list)
                or any(p not in PATTERNS for p in pats)
                or len(set(pats)) != len(pats)
            ):
                errors.append(f"{w}: patterns {pats!r} must be distinct tags from {PATTERNS}")
                continue
            want = derived_tags(ev, entities, sent_count[sent] > 1)
            have = set(pats) & DERIVED
            if want != have:
                errors.append(
                    f"{w}: derived pattern tags differ: missing {sorted(want - have)}, "
                    f"extra {sorted(have - want)}"
                )
            if "historical" in pats and ev["date"] is None:
                errors.append(f"{w}: historical event without a date")
            stats["types"][ev["type"]] += 1
            stats["modes"][f"{ev['type']}/{mode}"] += 1
            stats["modalities"][str(ev["modality"])] += 1
            stats["negated"] += ev["negated"] is True
            stats["patterns"].update(pats)
    return errors, stats


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or DEFAULT_FILES
    failed = False
    for path in files:
        errors, s = check_file(path)
        print(
            f"== {path.name}: {s['articles']} articles, {s['events']} events, "
            f"{s['negated']} negated"
        )
        print("  per type:    " + ", ".join(f"{t} {s['types'][t]}" for t in TYPES))
        print(
            "  per modality: " + ", ".join(f"{k} {v}" for k, v in sorted(s["modalities"].items()))
        )
        print("  per pattern: " + ", ".join(f"{p} {s['patterns'][p]}" for p in PATTERNS))
        print("  per mode:    " + ", ".join(f"{k} {v}" for k, v in sorted(s["modes"].items())))
        for e in errors:
            print("  ERROR " + e)
        print(f"  {'FAIL' if errors else 'OK'} ({len(errors)} errors)")
        failed = failed or bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
