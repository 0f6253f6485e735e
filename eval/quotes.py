"""Evaluate quotation extraction: detection, speaker, venue and date, against gold sets.

    .venv/bin/python eval/quotes.py [--data DIR] [--json PATH] [--no-heldout] [--no-shared]

Sets:

- ``eval/data/quotes_dev.json`` (our invented articles, tuned on), every further
  ``eval/data/quotes_dev*.json`` (``quotes_dev2.json``: invented articles in other house styles
  -- wire copy with datelines and footers, a local paper, a present-tense magazine piece, a
  liveblog, an interview, a regional daily, a press conference; each scored and reported as its
  own dev set) and ``eval/data/quotes_heldout.json`` (same format, never tuned on: scored
  once, reported apart).
  Format in their ``_doc`` key; ``eval/data/check_quotes_gold.py`` validates them. Detection: a
  gold and a system quotation match (one-to-one, largest overlap first) when their character
  spans overlap by at least half of the shorter one. Over matched quotations: speaker accuracy
  (the system's entity has the gold speaker as its name or an alias, or both are null),
  venue accuracy (both null, or at least two thirds of the gold venue's content words are in
  ours), date accuracy (equal, null included). ``unsupported`` counts quotations we hand to a
  named entity where the gold speaker is anonymous; ``traps`` counts our direct/partial
  quotations that are one of the article's ``not_quotes``.
- MEANTIME English (``meantime-en/derived_speech_attributions.jsonl``, under ``--data``, default
  ``$TIDINGS_SHARED_EVAL`` or ``../shared/eval`` beside the repo): cue recall (a quotation's
  cue is the gold speech cue token) and speaker recall over cues with an Arg0 (that
  quotation's speaker phrase overlaps the Arg0 mention, or its entity has a mention there).
- GUM news (``gum-news/xml``): recall of ``<quote>`` spans by our direct/partial quotations
  (overlap of at least half the gold span, marks excluded). GUM has no speaker gold.

textacy 0.13's ``textacy.extract.triples.direct_quotations`` runs over the same parsed Docs
through the same scorer when textacy is installed (skipped with a note otherwise). Its
speaker tokens are looked up in our entity index (``tidings.nlp.lookup.entity_at``), which
gives it our name resolution for free; it has no venue or date, and only direct quotations.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "eval" / "data" / "quotes_dev.json"
DEV_SETS = sorted((ROOT / "eval" / "data").glob("quotes_dev*.json"))
HELDOUT = ROOT / "eval" / "data" / "quotes_heldout.json"
# every quotes_heldout*.json is held out: scored only without --no-heldout, never listed as dev
HELDOUT_SETS = sorted((ROOT / "eval" / "data").glob("quotes_heldout*.json"))
QUOTE_CHARS = "\"'“”‘’`« »\n\t"
STOP = {
    "a", "an", "the", "in", "on", "of", "to", "by", "with", "via", "at", "for", "from", "their",
    "his", "her", "its", "our", "told", "said", "wrote", "through", "during", "over", "and",
}  # fmt: skip


def default_data() -> Path:
    env = os.environ.get("TIDINGS_SHARED_EVAL")
    return Path(env) if env else (ROOT.parent / "shared" / "eval").resolve()


@dataclass
class Predicted:
    start: int
    end: int
    kind: str
    speaker_names: set[str] | None  # name and aliases of the speaker's entity; None: no entity
    venue: str | None
    date: str | None
    cue_span: tuple[int, int] | None
    speaker_span: tuple[int, int] | None
    speaker_entity_mentions: list[tuple[int, int]]


# --- systems -----------------------------------------------------------------------------------


def _parse(text: str, published: str | None) -> Any:
    from tidings.nlp.pipeline import process

    return process(text, published=published)


def tidings_system(doc: Any) -> list[Predicted]:
    from tidings.nlp.quotes import findings

    entities = doc._.tidings_entities or []
    out = []
    for f in findings(doc):
        q = f.quote
        entity = entities[q.speaker] if q.speaker is not None else None
        out.append(
            Predicted(
                q.start,
                q.end,
                q.kind,
                {entity.name, *entity.aliases} if entity else None,
                q.venue,
                q.date,
                f.cue_span,
                f.speaker_span,
                list(entity.mentions) if entity else [],
            )
        )
    return out


def textacy_available() -> bool:
    try:
        import textacy.extract.triples  # noqa: F401
    except Exception:
        return False
    return True


def textacy_system(doc: Any) -> list[Predicted]:
    from textacy.extract.triples import direct_quotations

    from tidings.nlp.lookup import entity_at

    out = []
    try:
        triples = list(direct_quotations(doc))
    except Exception:  # textacy gives up on a whole text with an odd number of marks
        return []
    for speaker, cue, content in triples:
        start, end = content.start_char, content.end_char
        text = doc.text
        while start < end and text[start] in QUOTE_CHARS + " ":
            start += 1
        while end > start and text[end - 1] in QUOTE_CHARS + " ":
            end -= 1
        names = None
        entity = None
        sp = None
        if speaker:
            sp = (speaker[0].idx, speaker[-1].idx + len(speaker[-1]))
            entity = entity_at(doc, *sp)
            if entity is not None:
                names = {entity.name, *entity.aliases}
        out.append(
            Predicted(
                start,
                end,
                "direct",
                names,
                None,
                None,
                (cue[0].idx, cue[-1].idx + len(cue[-1])) if cue else None,
                sp,
                list(entity.mentions) if entity else [],
            )
        )
    return out


# --- matching ----------------------------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> dict[int, int]:
    """gold index -> system index, one-to-one, largest overlap first; overlap >= half the
    shorter span."""
    pairs = []
    for g, gs in enumerate(gold):
        for s, ss in enumerate(system):
            ov = _overlap(gs, ss)
            shorter = max(1, min(gs[1] - gs[0], ss[1] - ss[0]))
            if ov * 2 >= shorter and ov > 0:
                pairs.append((ov, g, s))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _ov, g, s in sorted(pairs, reverse=True):
        if g not in out and s not in used:
            out[g] = s
            used.add(s)
    return out


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w'’-]+", text.lower()) if w not in STOP}


def venue_ok(gold: str | None, ours: str | None) -> bool:
    if gold is None or ours is None:
        return gold is None and ours is None
    words = _content_words(gold)
    if not words:
        return True
    return len(words & _content_words(ours)) * 3 >= len(words) * 2


def find_nth(text: str, sub: str, n: int) -> int:
    pos = -1
    for _ in range(n + 1):
        pos = text.find(sub, pos + 1)
        if pos < 0:
            return -1
    return pos


# --- gold sets ---------------------------------------------------------------------------------


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def score_gold_set(path: Path, systems: dict[str, Callable[[Any], list[Predicted]]]) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    totals: dict[str, dict[str, float]] = {
        name: dict.fromkeys(
            (
                "gold",
                "gold_direct",
                "system",
                "matched",
                "matched_direct",
                "speaker",
                "venue",
                "date",
                "unsupported",
                "traps",
            ),
            0,
        )  # fmt: skip
        for name in systems
    }
    errors: dict[str, list[str]] = {name: [] for name in systems}
    for article in data["articles"]:
        text = article["text"]
        doc = _parse(text, article.get("published"))
        gold = []
        for q in article["quotes"]:
            pos = find_nth(text, q["text"], q["occurrence"])
            if pos >= 0:
                gold.append((pos, pos + len(q["text"]), q))
        traps = [
            (m.start(), m.end())
            for nq in article["not_quotes"]
            for m in re.finditer(re.escape(nq), text)
        ]
        for name, system in systems.items():
            t = totals[name]
            predicted = system(doc)
            t["gold"] += len(gold)
            t["gold_direct"] += sum(1 for g in gold if g[2]["kind"] == "direct")
            t["system"] += len(predicted)
            pairs = match([(s, e) for s, e, _ in gold], [(p.start, p.end) for p in predicted])
            for gi, (_gs, _ge, gq) in enumerate(gold):
                if gi not in pairs:
                    errors[name].append(f"{article['id']}: missed {gq['kind']} {gq['text'][:60]!r}")
                    continue
                p = predicted[pairs[gi]]
                t["matched"] += 1
                t["matched_direct"] += gq["kind"] == "direct"
                speaker = gq["speaker"]
                ok = (speaker is None and p.speaker_names is None) or (
                    speaker is not None
                    and p.speaker_names is not None
                    and speaker in p.speaker_names
                )
                t["speaker"] += ok
                if not ok:
                    errors[name].append(
                        f"{article['id']}: speaker {speaker!r} got {sorted(p.speaker_names or [])}"
                        f" for {gq['text'][:50]!r}"
                    )
                if speaker is None and p.speaker_names is not None:
                    t["unsupported"] += 1
                v_ok = venue_ok(gq["venue"], p.venue)
                t["venue"] += v_ok
                if not v_ok and name == "tidings":
                    errors[name].append(
                        f"{article['id']}: venue {gq['venue']!r} got {p.venue!r} for "
                        f"{gq['text'][:40]!r}"
                    )
                t["date"] += gq["date"] == p.date
                if gq["date"] != p.date and name == "tidings":
                    errors[name].append(
                        f"{article['id']}: date {gq['date']!r} ({gq['date_text']!r}) got {p.date!r}"
                        f" for {gq['text'][:40]!r}"
                    )
            matched_system = set(pairs.values())
            for si, p in enumerate(predicted):
                if si not in matched_system:
                    errors[name].append(
                        f"{article['id']}: spurious {p.kind} {text[p.start : p.end][:60]!r}"
                    )
                if p.kind != "indirect" and any(
                    _overlap((p.start, p.end), tr) * 2 >= max(1, p.end - p.start) for tr in traps
                ):
                    t["traps"] += 1
    results = {}
    for name, t in totals.items():
        precision = _ratio(t["matched"], t["system"])
        recall = _ratio(t["matched"], t["gold"])
        results[name] = {
            "gold": t["gold"],
            "system": t["system"],
            "matched": t["matched"],
            "precision": precision,
            "recall": recall,
            "f1": _ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0,
            "recall_direct": _ratio(t["matched_direct"], t["gold_direct"]),
            "speaker_accuracy": _ratio(t["speaker"], t["matched"]),
            "venue_accuracy": _ratio(t["venue"], t["matched"]),
            "date_accuracy": _ratio(t["date"], t["matched"]),
            "unsupported": t["unsupported"],
            "traps": t["traps"],
            "errors": errors[name],
        }
    return results


# --- MEANTIME ----------------------------------------------------------------------------------


def _meantime_text(path: Path) -> tuple[str, dict[str, tuple[int, int]]]:
    root = ET.parse(path).getroot()
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    position, sentence = 0, None
    for token in root.iter("token"):
        if sentence is not None and token.get("sentence") != sentence:
            parts.append("\n\n")
            position += 2
        elif parts:
            parts.append(" ")
            position += 1
        sentence = token.get("sentence")
        word = token.text or ""
        offsets[token.get("t_id", "")] = (position, position + len(word))
        parts.append(word)
        position += len(word)
    return "".join(parts), offsets


def score_meantime(data: Path, systems: dict[str, Callable[[Any], list[Predicted]]]) -> dict:
    path = data / "meantime-en" / "derived_speech_attributions.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    by_doc: dict[str, list[dict]] = {}
    for row in rows:
        by_doc.setdefault(row["doc"], []).append(row)
    counts = {n: {"cues": 0, "cue_found": 0, "arg0": 0, "speaker_found": 0} for n in systems}
    for name_doc, doc_rows in by_doc.items():
        text, offsets = _meantime_text(data / "meantime-en" / name_doc)
        doc = _parse(text, None)
        for name, system in systems.items():
            predicted = [p for p in system(doc) if p.cue_span is not None]
            c = counts[name]
            for row in doc_rows:
                cue = [offsets[t] for t in row["cue"]["t_ids"] if t in offsets]
                if not cue:
                    continue
                cue_span = (cue[0][0], cue[-1][1])
                c["cues"] += 1
                hits = [p for p in predicted if p.cue_span and _overlap(p.cue_span, cue_span) > 0]
                c["cue_found"] += bool(hits)
                if not row["arg0"]:
                    continue
                c["arg0"] += 1
                arg0 = [
                    (offsets[m["t_ids"][0]][0], offsets[m["t_ids"][-1]][1])
                    for m in row["arg0"]
                    if m["t_ids"] and m["t_ids"][0] in offsets and m["t_ids"][-1] in offsets
                ]
                found = any(
                    (p.speaker_span and any(_overlap(p.speaker_span, a) > 0 for a in arg0))
                    or any(_overlap(m, a) > 0 for m in p.speaker_entity_mentions for a in arg0)
                    for p in hits
                )
                c["speaker_found"] += found
    return {
        name: {
            "cues": c["cues"],
            "cue_recall": _ratio(c["cue_found"], c["cues"]),
            "with_arg0": c["arg0"],
            "speaker_recall": _ratio(c["speaker_found"], c["arg0"]),
        }
        for name, c in counts.items()
    }


# --- GUM ---------------------------------------------------------------------------------------


def _gum_text(path: Path) -> tuple[str, list[tuple[int, int]]]:
    """Tokens joined by spaces (paragraphs by blank lines, the parts of a ``<w>`` glued);
    ``<quote>`` spans from their first word to their last, marks excluded."""
    parts: list[str] = []
    position = 0
    quotes: list[tuple[int, int]] = []
    open_quotes: list[list[int]] = []  # [start, end] of the words so far, per open quote
    in_word = first_in_word = paragraph = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("<"):
            tag = line[1:].split()[0].rstrip(">")
            if tag == "p":
                paragraph = True
            elif tag == "quote":
                open_quotes.append([-1, -1])
            elif tag == "/quote" and open_quotes:
                s, e = open_quotes.pop()
                if s >= 0:
                    quotes.append((s, e))
            elif tag == "w":
                in_word = first_in_word = True
            elif tag == "/w":
                in_word = False
            continue
        word = line.split("\t")[0]
        if parts and not (in_word and not first_in_word):
            sep = "\n\n" if paragraph else " "
            parts.append(sep)
            position += len(sep)
        paragraph = first_in_word = False
        start = position
        parts.append(word)
        position += len(word)
        if word not in ('"', "``", "''", "'", "“", "”", "‘", "’"):
            for q in open_quotes:
                if q[0] < 0:
                    q[0] = start
                q[1] = position
    return "".join(parts), quotes


def score_gum(data: Path, systems: dict[str, Callable[[Any], list[Predicted]]]) -> dict:
    counts = {n: {"gold": 0, "found": 0} for n in systems}
    for path in sorted((data / "gum-news" / "xml").glob("*.xml")):
        text, gold = _gum_text(path)
        if not gold:
            continue
        doc = _parse(text, None)
        for name, system in systems.items():
            spans = [(p.start, p.end) for p in system(doc) if p.kind != "indirect"]
            counts[name]["gold"] += len(gold)
            counts[name]["found"] += sum(
                any(_overlap(g, s) * 2 >= g[1] - g[0] for s in spans) for g in gold
            )
    return {
        n: {"gold": c["gold"], "span_recall": _ratio(c["found"], c["gold"])}
        for n, c in counts.items()
    }


# --- report ------------------------------------------------------------------------------------


def evaluate(
    data: Path | None = None,
    *,
    dev: Path = DEV,
    more_dev: list[Path] | None = None,
    heldout: Path | None = HELDOUT,
    shared: bool = True,
    baseline: bool = True,
) -> dict:
    systems: dict[str, Callable[[Any], list[Predicted]]] = {"tidings": tidings_system}
    notes = []
    if baseline and textacy_available():
        systems["textacy"] = textacy_system
    elif baseline:
        notes.append("textacy not installed: baseline skipped (pip install textacy==0.13.0)")
    results: dict[str, Any] = {"notes": notes}
    if dev.is_file():
        results["dev"] = score_gold_set(dev, systems)
    else:
        notes.append(f"no dev set at {dev}")
    for extra in DEV_SETS if more_dev is None else more_dev:
        if extra != dev and extra.is_file():
            results[extra.stem.removeprefix("quotes_")] = score_gold_set(extra, systems)
    if heldout is not None:
        for held in sorted({heldout, *HELDOUT_SETS}):
            if held.is_file():
                results[held.stem.removeprefix("quotes_")] = score_gold_set(held, systems)
    data = data or default_data()
    if shared and (data / "meantime-en").is_dir():
        results["meantime"] = score_meantime(data, systems)
    elif shared:
        notes.append(f"no MEANTIME under {data}")
    if shared and (data / "gum-news").is_dir():
        results["gum"] = score_gum(data, systems)
    elif shared:
        notes.append(f"no GUM under {data}")
    return results


def print_table(results: dict) -> None:
    for note in results.get("notes", []):
        print(f"note: {note}")
    splits = [k for k in results if k.startswith(("dev", "heldout"))]
    for split in splits:
        if split not in results:
            continue
        print(f"\n{split}: detection and attribution")
        print(
            f"{'system':10} {'gold':>5} {'sys':>5} {'P':>6} {'R':>6} {'F1':>6} {'R(dir)':>7}"
            f" {'speaker':>8} {'venue':>6} {'date':>6} {'unsup':>6} {'traps':>6}"
        )
        for name, r in results[split].items():
            print(
                f"{name:10} {r['gold']:>5} {r['system']:>5} {r['precision']:6.3f}"
                f" {r['recall']:6.3f} {r['f1']:6.3f} {r['recall_direct']:7.3f}"
                f" {r['speaker_accuracy']:8.3f} {r['venue_accuracy']:6.3f}"
                f" {r['date_accuracy']:6.3f} {r['unsupported']:>6} {r['traps']:>6}"
            )
    if "meantime" in results:
        print("\nMEANTIME speech cues")
        for name, r in results["meantime"].items():
            print(
                f"{name:10} cues {r['cues']}: cue recall {r['cue_recall']:.3f};"
                f" with Arg0 {r['with_arg0']}: speaker recall {r['speaker_recall']:.3f}"
            )
    if "gum" in results:
        print("\nGUM news <quote> spans")
        for name, r in results["gum"].items():
            print(f"{name:10} gold {r['gold']}: span recall {r['span_recall']:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="shared evaluation data root")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--no-heldout", action="store_true", help="skip the held-out set")
    parser.add_argument("--no-shared", action="store_true", help="skip MEANTIME and GUM")
    parser.add_argument("--no-baseline", action="store_true", help="skip textacy")
    parser.add_argument("--errors", action="store_true", help="print the dev-set errors")
    parser.add_argument("--only", help="score only this dev set (dev, dev2, ...)")
    args = parser.parse_args()
    results = evaluate(
        args.data,
        heldout=None if args.no_heldout else HELDOUT,
        shared=not args.no_shared,
        baseline=not args.no_baseline,
    )
    print_table(results)
    if args.errors:
        for split in [k for k in results if k.startswith("dev")]:
            if args.only and split != args.only:
                continue
            print(f"\n{split}-set errors (tidings):")
            for line in results[split]["tidings"]["errors"]:
                print("  " + line)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
