"""Evaluate the events stage: detection, PLOVER type, actor/target, date and place.

    .venv/bin/python eval/events.py [--data DIR] [--json PATH] [--no-heldout] [--no-shared]
        [--errors]

Sets:

- ``eval/data/events_dev.json`` (invented articles, tuned on) and ``eval/data/events_heldout.json``
  (same format, never tuned on: scored once, reported apart). Format in their ``_doc`` key.
  Matching: gold and system events pair one-to-one, first by overlapping trigger spans, then,
  for those left, by lying in the same sentence with the same type. Detection precision =
  matched / system events, recall = matched / gold events. Over matched events: type accuracy
  (also over the trigger-overlap pairs alone, where the type was free to be wrong);
  per-type F1 (a pair counts for its type when both types agree; unmatched or mistyped system
  events are false positives of their type, gold ones false negatives) and macro-F1 over the
  types in the gold; actor / target match (the system entity's name or one of its aliases
  contains the head word -- the last word -- of the gold name, case-insensitive, or both are
  null); place match likewise; date match (equal TIMEX values, or both null).
- PLOVER GSR (``plover-gsr/PLOVER_GSR_CAMEO.json`` under ``--data``, default
  ``$TIDINGS_SHARED_EVAL`` or ``../shared/eval``): 322 one-sentence examples coded in PLOVER
  0.5b1. Their types map to ours: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE ->
  ACCUSE (mode investigate, as CAMEO2PLOVER-2021 does), FIGHT -> ASSAULT; the other fourteen
  are the same names. Per sentence the system event scored is the one whose trigger overlaps
  a gold ``(EVT: ...)`` span, else the first not embedded in another (not threatened/requested
  content), else none (a miss). Type accuracy is over all sentences; actor/target match as
  above against the first gold source/target ``actorText``.
- Giveme5W1H gold, test split (``sampling.json``): per article (title + text) our main event
  -- the first event in text order with an actor, else the first -- gives who (its actor), when
  (its date; when it has none, the first dated event's, else the publication date -- the
  5W1H task's "when" is the article's, while an event's own date stays null unless its clause
  states one) and where (its place). Who/where match when a content word of our entity's name
  is in one of the gold phrases (case-insensitive); when matches when our date and a gold
  ``parsed`` date agree to the precision we give (2016-11 agrees with 2016-11-09). Each is
  scored over the articles whose gold has an answer.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "eval" / "data" / "events_dev.json"
HELDOUT = ROOT / "eval" / "data" / "events_heldout.json"
TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
PLOVER_05 = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
STOP = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "in",
    "on",
    "at",
    "to",
    "for",
    "his",
    "her",
    "its",
    "their",
    "s",
}


def default_data() -> Path:
    env = os.environ.get("TIDINGS_SHARED_EVAL")
    return Path(env) if env else ROOT.parent / "shared" / "eval"


def _process(text: str, published: str | None) -> Any:
    from tidings.nlp.pipeline import process

    return process(text, published=published)


def _words(text: str | None) -> list[str]:
    return re.findall(r"[\w-]+", (text or "").lower())


def head_ok(gold: str | None, names: list[str] | None) -> bool:
    """Both null, or the gold name's last word is a word of our name or an alias."""
    if not gold:
        return not names
    if not names:
        return False
    head = _words(gold)[-1:] or [gold.lower()]
    return any(head[0] in _words(n) or head[0].rstrip("s") in _words(n) for n in names)


def find_nth(text: str, sub: str, n: int) -> int:
    at = -1
    for _ in range(max(n, 1)):
        at = text.find(sub, at + 1)
        if at < 0:
            return -1
    return at


# -- our set ---------------------------------------------------------------------------------


def _articles(data: Any) -> list[dict]:
    if isinstance(data, dict):
        if isinstance(data.get("articles"), list):
            return data["articles"]
        return [
            v | {"id": k} for k, v in data.items() if not k.startswith("_") and isinstance(v, dict)
        ]
    return list(data)


def _system_events(doc: Any) -> list[dict]:
    ents = doc._.tidings_entities or []

    def names(i: int | None) -> list[str] | None:
        return None if i is None else [ents[i].name, *ents[i].aliases]

    sents = [(s.start_char, s.end_char) for s in doc.sents]
    out = []
    for e in doc._.tidings_events or []:
        sent = next((s for s in sents if s[0] <= e.start < s[1]), (e.start, e.end))
        out.append({
            "type": e.type, "start": e.start, "end": e.end, "sent": sent, "trigger": e.trigger,
            "actor": names(e.actor), "target": names(e.target), "place": names(e.place),
            "date": e.date, "negated": e.negated, "modality": e.modality,
            "depth": _depth(doc, e.start),
                "counts": [(c.value, c.text) for c in e.counts],
        })  # fmt: skip
    return out


def _depth(doc: Any, start: int) -> int:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return 99
    token, depth = span[0], 0
    while token.head.i != token.i and depth < 99:
        token, depth = token.head, depth + 1
    return depth


def _gold_span(text: str, event: dict) -> tuple[int, int]:
    if "start" in event and "end" in event:
        return event["start"], event["end"]
    trigger = event["trigger"]
    at = find_nth(text, trigger, int(event.get("occurrence") or 0) + 1)  # occurrence is 0-based
    return (at, at + len(trigger)) if at >= 0 else (-1, -1)


def _name(article: dict, key: Any) -> str | None:
    if key is None:
        return None
    entities = article.get("entities") or {}
    value = entities.get(key, key) if isinstance(key, str) else key
    if isinstance(value, dict):  # {"<name>": {"type": ..., "actor_type": ...}}
        value = value.get("name") or key
    return value


def score_set(path: Path, errors: bool = False) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    pairs: list[tuple[dict, dict]] = []
    n_gold = n_sys = 0
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    tp: Counter[str] = Counter()
    for article in _articles(data):
        text = article["text"]
        doc = _process(text, article.get("published"))
        system = _system_events(doc)
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        gold = []
        for g in article.get("events", []):
            start, end = _gold_span(text, g)
            sent = next((s for s in sents if s[0] <= start < s[1]), (start, end))
            gold.append((g, start, end, sent))
        n_gold += len(gold)
        n_sys += len(system)
        used: set[int] = set()
        matched: dict[int, int] = {}
        for gi, (_g, start, end, _sent) in enumerate(gold):
            for si, s in enumerate(system):
                if si not in used and s["start"] < end and start < s["end"]:
                    matched[gi] = si
                    used.add(si)
                    break
        by_trigger = set(matched)
        for gi, (g, _start, _end, sent) in enumerate(gold):
            if gi in matched:
                continue
            for si, s in enumerate(system):
                if si not in used and s["sent"] == sent and s["type"] == g["type"]:
                    matched[gi] = si
                    used.add(si)
                    break
        for gi, (g, _gs, _ge, gsent) in enumerate(gold):
            if gi in matched:
                s = system[matched[gi]]
                pairs.append((g | {"_article": article, "_by_trigger": gi in by_trigger}, s))
                if s["type"] == g["type"]:
                    tp[g["type"]] += 1
                else:
                    fn[g["type"]] += 1
                    fp[s["type"]] += 1
            else:
                fn[g["type"]] += 1
                if errors:
                    print(
                        f"MISS {g['type']:9} {g['trigger']!r} | {text[gsent[0] : gsent[1]][:110]!r}"  # noqa: E501
                    )
        for si, s in enumerate(system):
            if si not in used:
                fp[s["type"]] += 1
                if errors:
                    print(
                        f"EXTRA {s['type']:9} {s['trigger']!r} | {text[s['sent'][0] : s['sent'][1]][:110]!r}"  # noqa: E501
                    )

    trigger_pairs = [(g, s) for g, s in pairs if g["_by_trigger"]]

    def share(check: Callable[[dict, dict], bool]) -> float:
        return sum(1 for g, s in pairs if check(g, s)) / len(pairs) if pairs else 0.0

    per_type = {}
    for t in TYPES:
        if tp[t] + fn[t] + fp[t] == 0:
            continue
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        r = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 0.0
        per_type[t] = {
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "gold": tp[t] + fn[t],
            "system_fp": fp[t],
        }
    gold_types = [t for t in per_type if per_type[t]["gold"]]
    if errors:
        for g, s in pairs:
            art = g["_article"]
            bad = [k for k, ok in (
                ("type", g["type"] == s["type"]),
                ("actor", head_ok(_name(art, g.get("actor")), s["actor"])),
                ("target", head_ok(_name(art, g.get("target")), s["target"])),
                ("date", g.get("date") == s["date"]),
                ("place", head_ok(_name(art, g.get("place")), s["place"])),
            ) if not ok]  # fmt: skip
            if bad:
                print(f"WRONG {bad} gold={g['type']} {g['trigger']!r} a={_name(art, g.get('actor'))} "  # noqa: E501
                      f"t={_name(art, g.get('target'))} d={g.get('date')} p={_name(art, g.get('place'))}"  # noqa: E501
                      f" | ours={s['type']} {s['trigger']!r} a={s['actor']} t={s['target']} d={s['date']} p={s['place']}")  # fmt: skip  # noqa: E501
    return {
        "gold": n_gold,
        "system": n_sys,
        "matched": len(pairs),
        "precision": len(pairs) / n_sys if n_sys else 0.0,
        "recall": len(pairs) / n_gold if n_gold else 0.0,
        "type_accuracy": share(lambda g, s: g["type"] == s["type"]),
        # The same-sentence pass only pairs events of one type, which flatters type_accuracy;
        # over the pairs whose triggers overlap the type was free to be wrong.
        "trigger_type_accuracy": (
            sum(1 for g, s in trigger_pairs if g["type"] == s["type"]) / len(trigger_pairs)
            if trigger_pairs
            else 0.0
        ),
        "macro_f1": sum(per_type[t]["f1"] for t in gold_types) / len(gold_types)
        if gold_types
        else 0.0,
        "per_type": per_type,
        "actor_match": share(
            lambda g, s: head_ok(_name(g["_article"], g.get("actor")), s["actor"])
        ),
        "target_match": share(
            lambda g, s: head_ok(_name(g["_article"], g.get("target")), s["target"])
        ),
        "date_match": share(lambda g, s: (g.get("date") or None) == s["date"]),
        "place_match": share(
            lambda g, s: head_ok(_name(g["_article"], g.get("place")), s["place"])
        ),
        "negated_match": share(lambda g, s: bool(g.get("negated")) == s["negated"]),
        "modality_match": share(lambda g, s: (g.get("modality") or None) == s["modality"]),
    }


def main_event(system: list[dict], contents: set[int] | None = None) -> dict | None:
    """The event nearest the root of its parse, not embedded in another; ties by text order."""
    candidates = [s for i, s in enumerate(system) if i not in (contents or set())]
    return min(candidates, key=lambda s: (s["depth"], s["start"])) if candidates else None


# -- PLOVER GSR ------------------------------------------------------------------------------


def score_plover(data: Path, errors: bool = False) -> dict:
    records = json.loads(
        (data / "plover-gsr" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8")
    )
    total = correct = detected = 0
    actor_ok = actor_n = target_ok = target_n = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for record in records:
        if record.get("event") in (None, "DOCUMENT") or not record.get("text"):
            continue
        gold_type = PLOVER_05.get(record["event"], record["event"])
        text = record["text"]
        doc = _process(text, None)
        system = _system_events(doc)
        evt = [
            m.group(1)
            for m in re.finditer(
                r"\(EVT: ([^)]*)\)",
                str(
                    (record.get("textInfo") or {}).get("markup", "")
                    if isinstance(record.get("textInfo"), dict)
                    else ""
                ),
            )
        ]
        spans = [(text.find(e), text.find(e) + len(e)) for e in evt if text.find(e) >= 0]
        contents = {i for i, e in enumerate(doc._.tidings_events or []) if any(
            o.content == i for o in doc._.tidings_events)}  # fmt: skip
        chosen = next(
            (s for s in system if any(s["start"] < b and a < s["end"] for a, b in spans)), None
        )
        if chosen is None:
            chosen = main_event(system, contents)
        total += 1
        if chosen is None:
            confusion[(gold_type, "-")] += 1
            if errors:
                print(f"GSR {gold_type}->- | {text[:140]!r}")
            continue
        detected += 1
        correct += chosen["type"] == gold_type
        if errors and chosen["type"] != gold_type:
            print(f"GSR {gold_type}->{chosen['type']} {chosen['trigger']!r} | {text[:140]!r}")
        confusion[(gold_type, chosen["type"])] += 1
        sources = record.get("source") or []
        targets = record.get("target") or []
        if isinstance(sources, list) and sources:
            actor_n += 1
            actor_ok += head_ok(sources[0].get("actorText"), chosen["actor"])
        if isinstance(targets, list) and targets:
            target_n += 1
            target_ok += head_ok(targets[0].get("actorText"), chosen["target"])
    return {
        "sentences": total,
        "detected": detected / total if total else 0.0,
        "type_accuracy": correct / total if total else 0.0,
        "actor_match": actor_ok / actor_n if actor_n else 0.0,
        "target_match": target_ok / target_n if target_n else 0.0,
        "confusion": {f"{g}->{s}": n for (g, s), n in confusion.most_common() if g != s},
    }


# -- Giveme5W1H --------------------------------------------------------------------------------


def _content(text: str) -> set[str]:
    return {w for w in _words(text) if w not in STOP and len(w) > 1}


def score_5w1h(data: Path) -> dict:
    root = data / "giveme5w1h-gold"
    test = json.loads((root / "sampling.json").read_text(encoding="utf-8"))["test"]
    hits: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for name in test:
        path = root / "data" / name
        if not path.is_file():
            continue
        article = json.loads(path.read_text(encoding="utf-8"))
        published = (article.get("date_publish") or "")[:10] or None
        text = f"{article.get('title') or ''}\n\n{article.get('text') or ''}"
        doc = _process(text, published)
        ents = doc._.tidings_entities or []
        events = sorted(doc._.tidings_events or [], key=lambda e: e.start)
        main = next((e for e in events if e.actor is not None), events[0] if events else None)
        gold = article["fiveWoneH"]
        for key, field in (("who", "actor"), ("where", "place")):
            phrases = [a["text"] for a in gold[key]["annotated"] if a.get("text")]
            if not phrases:
                continue
            counts[key] += 1
            index = getattr(main, field) if main is not None else None
            if index is not None:
                ours = _content(" ".join([ents[index].name, *ents[index].aliases]))
                hits[key] += any(ours & _content(p) for p in phrases)
        dates = [
            a.get("parsed") for a in gold["when"]["annotated"] if a.get("text") and a.get("parsed")
        ]
        if dates:
            counts["when"] += 1
            # 5W1H "when" is the article's: the main event's own date, else the first dated
            # event's, else the publication date (events themselves never default to it)
            dated = next((e.date for e in events if e.date), None)
            ours_date = (main.date if main is not None else None) or dated or published or ""
            hits["when"] += bool(ours_date) and any(
                str(d)[: len(ours_date)] == ours_date or ours_date[:10] == str(d)[:10]
                for d in dates
            )
    return {
        k: {"accuracy": hits[k] / counts[k] if counts[k] else 0.0, "articles": counts[k]}
        for k in ("who", "when", "where")
    }


# -- driver ------------------------------------------------------------------------------------


def evaluate(
    *, heldout: bool = True, shared: bool = True, data: Path | None = None, errors: bool = False
) -> dict:
    results: dict[str, Any] = {}
    if DEV.is_file():
        results["dev"] = score_set(DEV, errors=errors)
    if heldout and HELDOUT.is_file():
        results["heldout"] = score_set(HELDOUT)
    root = data or default_data()
    if shared and root.is_dir():
        results["plover_gsr"] = score_plover(root, errors=errors)
        results["giveme5w1h_test"] = score_5w1h(root)
    return results


def print_table(results: dict) -> None:
    for name in ("dev", "heldout"):
        if name not in results:
            continue
        r = results[name]
        print(f"\n{name}: {r['gold']} gold, {r['system']} system, {r['matched']} matched")
        print(
            "| P | R | type acc | type acc (trigger pairs) | macro-F1 | actor | target | date "
            "| place | negated | modality |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        keys = ("precision", "recall", "type_accuracy", "trigger_type_accuracy", "macro_f1",
                "actor_match", "target_match",
                "date_match", "place_match", "negated_match", "modality_match")  # fmt: skip
        print("| " + " | ".join(f"{r[k]:.3f}" for k in keys) + " |")
        print(
            "per type F1: "
            + ", ".join(f"{t} {v['f1']:.2f} ({v['gold']})" for t, v in r["per_type"].items())
        )
    if "plover_gsr" in results:
        r = results["plover_gsr"]
        print(
            f"\nPLOVER GSR ({r['sentences']} sentences): type accuracy {r['type_accuracy']:.3f}, "
            f"detected {r['detected']:.3f}, actor {r['actor_match']:.3f}, target {r['target_match']:.3f}"  # noqa: E501
        )
        print(
            "  confusions: " + ", ".join(f"{k} {v}" for k, v in list(r["confusion"].items())[:12])
        )
    if "giveme5w1h_test" in results:
        r = results["giveme5w1h_test"]
        print(
            "\nGiveme5W1H test: "
            + ", ".join(f"{k} {v['accuracy']:.3f} (n={v['articles']})" for k, v in r.items())
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="shared evaluation data root")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--no-heldout", action="store_true", help="skip the held-out set")
    parser.add_argument("--no-shared", action="store_true", help="skip PLOVER GSR and Giveme5W1H")
    parser.add_argument("--errors", action="store_true", help="print the dev-set errors")
    args = parser.parse_args()
    results = evaluate(
        heldout=not args.no_heldout, shared=not args.no_shared, data=args.data, errors=args.errors
    )
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
