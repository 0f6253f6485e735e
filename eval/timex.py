"""Evaluate time-expression recognition and normalisation (TIMEX3) against gold corpora.

    .venv/bin/python eval/timex.py [--data DIR] [--json PATH] [--systems tidings,dateparser]
                                   [--corpora tempeval3,meantime,dev] [--misses] [--errors]

Corpora (under ``--data``, default ``$TIDINGS_SHARED_EVAL`` or ``../shared/eval`` beside the
repo): TempEval-3 platinum (``tempeval3-platinum/te3-platinum/*.tml``, the TEST set: never tune
rules on it) and MEANTIME English (``meantime-en/intra_cross-doc_annotation``, every TIMEX3 with
tokens, the document-creation date line included, over the six sentences it annotates), plus
our own dev sets ``eval/data/timex_dev*.json`` (value accuracy per expression). ``--corpora``
picks which of ``tempeval3``, ``meantime`` and ``dev`` to run (default all): work on rules with
``--corpora meantime,dev`` so that the test set stays unseen. ``--errors`` lists each corpus's
misses, spurious expressions and wrong values (never use it on ``tempeval3``).

Scores, the TempEval-3 way: strict (exact offsets) and relaxed (any overlap, one-to-one) span
P/R/F1; value F1 = relaxed F1 x value accuracy over the relaxed matches (the official
script's attribute F1); type accuracy over relaxed matches. Values are compared after writing
decades one way (``198X`` = ``198``) and decade/century durations in years (``P1DE`` = ``P10Y``).
Both systems get each document's creation date as the anchor: ours through the spaCy component
(``doc._.tidings_published``), dateparser through ``search_dates`` with RELATIVE_BASE.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import timeit
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "eval" / "data" / "timex_dev.json"
CORPORA = ("tempeval3", "meantime", "dev")


def dev_sets() -> list[Path]:
    """Every dev set we wrote: ``eval/data/timex_dev.json``, ``timex_dev2.json``, ..."""
    return sorted((ROOT / "eval" / "data").glob("timex_dev*.json"))


@dataclass
class Span:
    start: int
    end: int
    type: str
    value: str | None


@dataclass
class Document:
    name: str
    text: str
    dct: date
    gold: list[Span] = field(default_factory=list)


def default_data() -> Path:
    env = os.environ.get("TIDINGS_SHARED_EVAL")
    return Path(env) if env else (ROOT.parent / "shared" / "eval").resolve()


# --- corpora -----------------------------------------------------------------------------------


def _walk(node: ET.Element, parts: list[str], spans: list[Span]) -> None:
    """Flatten inline TimeML into text, recording each TIMEX3's character offsets."""
    start = sum(len(p) for p in parts)
    if node.text:
        parts.append(node.text)
    for child in node:
        _walk(child, parts, spans)
        if child.tail:
            parts.append(child.tail)
    if node.tag == "TIMEX3":
        end = sum(len(p) for p in parts)
        spans.append(Span(start, end, node.get("type", ""), node.get("value")))


def load_tempeval3(data: Path) -> list[Document]:
    docs = []
    for path in sorted((data / "tempeval3-platinum" / "te3-platinum").glob("*.tml")):
        root = ET.parse(path).getroot()
        dct = root.find("DCT/TIMEX3")
        text_node = root.find("TEXT")
        if dct is None or text_node is None:
            continue
        parts: list[str] = []
        spans: list[Span] = []
        _walk(text_node, parts, spans)
        spans = [s for s in spans if s.end > s.start]
        docs.append(
            Document(
                path.stem, "".join(parts), date.fromisoformat(dct.get("value", "")[:10]), spans
            )
        )
    return docs


# MEANTIME marks TIMEX3 only in sentences 0-5 (headline, date line, first four sentences; no
# TIMEX3 anchor in the 120 files lies beyond), while events go on: score only that part, or every
# correct date further down would count as a false positive.
MEANTIME_SENTENCES = 5
_NO_SPACE_BEFORE = {",", ".", ":", ";", "?", "!", ")", "'s", "n't", "%", "'", "''", "'re", "'ve"}
_NO_SPACE_AFTER = {"(", "$", "``", "#"}


def _date(value: str | None) -> date | None:
    """A creation date as written in the corpus: ISO, or (a few MEANTIME files) DD-MM-YYYY."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)|(\d\d)-(\d\d)-(\d{4})", value)
    if not m:
        return None
    if m.group(1):
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return date(int(m.group(6)), int(m.group(5)), int(m.group(4)))


def load_meantime(data: Path) -> list[Document]:
    docs = []
    folder = data / "meantime-en" / "intra_cross-doc_annotation"
    for path in sorted(folder.glob("*/*.xml")):
        root = ET.parse(path).getroot()
        offsets: dict[str, tuple[int, int]] = {}
        text = ""
        previous, sentence = "", None
        for token in root.iter("token"):
            if int(token.get("sentence", "0")) > MEANTIME_SENTENCES:
                break
            word = token.text or ""
            if sentence is not None and token.get("sentence") != sentence:
                text += "\n"
            elif text and word not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER:
                text += " "
            offsets[token.get("t_id", "")] = (len(text), len(text) + len(word))
            text += word
            previous, sentence = word, token.get("sentence")
        gold, dct = [], None
        for timex in root.iter("TIMEX3"):
            if timex.get("functionInDocument") == "CREATION_TIME":
                dct = timex.get("value")
            ids = [a.get("t_id", "") for a in timex.findall("token_anchor")]
            if not ids:
                continue  # an empty, non-text-consuming TIMEX3
            start = min(offsets[i][0] for i in ids)
            end = max(offsets[i][1] for i in ids)
            gold.append(Span(start, end, timex.get("type", ""), timex.get("value")))
        anchor = _date(dct)
        if anchor:
            docs.append(Document(path.stem, text, anchor, gold))
    return docs


# --- systems -----------------------------------------------------------------------------------

System = Callable[[str, date], list[Span]]


def tidings_system() -> System:
    from tidings.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    # Only the model's own components and ours: the timex stage does not read the entity
    # components' output, and leaving them out keeps this eval independent of their changes.
    skip = {"tidings_entity_rules", "tidings_entities"}
    steps = [proc for name, proc in nlp.pipeline if name not in skip]

    def run(text: str, dct: date) -> list[Span]:
        doc = nlp.make_doc(text)
        doc._.tidings_published = dct.isoformat()
        for proc in steps:
            doc = proc(doc)
        return [Span(t.start, t.end, t.type, t.value) for t in doc._.tidings_timexes]

    return run


def dateparser_system() -> System:
    warnings.filterwarnings("ignore")
    from dateparser.search import search_dates

    def run(text: str, dct: date) -> list[Span]:
        base = datetime(dct.year, dct.month, dct.day, 12, 0)
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        spans, cursor = [], 0
        for phrase, moment in found:
            at = text.find(phrase, cursor)
            if at < 0:
                continue
            cursor = at + len(phrase)
            has_clock = (moment.hour, moment.minute) not in ((0, 0), (12, 0))
            kind = "TIME" if has_clock else "DATE"
            value = moment.strftime("%Y-%m-%dT%H:%M") if has_clock else moment.date().isoformat()
            spans.append(Span(at, at + len(phrase), kind, value))
        return spans

    return run


SYSTEMS: dict[str, Callable[[], System]] = {
    "tidings": tidings_system,
    "dateparser": dateparser_system,
}


# --- scoring -----------------------------------------------------------------------------------


def canonical(value: str | None) -> str | None:
    if value is None:
        return None
    v = value.strip().upper()
    v = re.sub(r"^(\d{3})X$", r"\1", v)
    v = re.sub(r"^(\d{2})XX$", r"\1", v)
    v = re.sub(r"^P(\d+)DE$", lambda m: f"P{int(m.group(1)) * 10}Y", v)
    v = re.sub(r"^P(\d+)CE$", lambda m: f"P{int(m.group(1)) * 100}Y", v)
    return v


def _trim(text: str, span: Span) -> tuple[int, int]:
    chunk = text[span.start : span.end]
    lead = len(chunk) - len(chunk.lstrip())
    return span.start + lead, span.start + len(chunk.rstrip())


def score(
    docs: Iterable[Document],
    predictions: dict[str, list[Span]],
    errors: list[dict[str, object]] | None = None,
) -> dict[str, float]:
    """The TempEval-3 figures; with ``errors``, every miss, spurious expression, wrong value
    and wrong extent is appended to it (for error analysis on the corpora we may tune on)."""
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = 0
    for doc in docs:
        gold, system = doc.gold, predictions[doc.name]
        n_gold += len(gold)
        n_sys += len(system)
        used: set[int] = set()
        for g in gold:
            gs, ge = _trim(doc.text, g)
            hit = None
            for i, s in enumerate(system):
                if i in used:
                    continue
                ss, se = _trim(doc.text, s)
                if ss < ge and gs < se:
                    used.add(i)
                    relaxed += 1
                    strict += (ss, se) == (gs, ge)
                    value_ok += canonical(s.value) == canonical(g.value) is not None
                    type_ok += s.type == g.type
                    hit = s
                    break
            if errors is not None:
                _note(errors, doc, g, hit)
        if errors is not None:
            for i, s in enumerate(system):
                if i not in used:
                    _note(errors, doc, None, s)

    def prf(hits: int) -> tuple[float, float, float]:
        p = hits / n_sys if n_sys else 0.0
        r = hits / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = prf(strict)
    rp, rr, rf = prf(relaxed)
    value_acc = value_ok / relaxed if relaxed else 0.0
    return {
        "gold": n_gold,
        "system": n_sys,
        "strict_p": sp,
        "strict_r": sr,
        "strict_f1": sf,
        "relaxed_p": rp,
        "relaxed_r": rr,
        "relaxed_f1": rf,
        "value_accuracy": value_acc,
        "value_f1": rf * value_acc,
        "type_accuracy": type_ok / relaxed if relaxed else 0.0,
    }


def _note(errors: list[dict[str, object]], doc: Document, g: Span | None, s: Span | None) -> None:
    def show(span: Span | None) -> str | None:
        if span is None:
            return None
        return f"{doc.text[span.start : span.end]!r} {span.type} {span.value}"

    where = g or s
    if where is None:
        return
    if g is None:
        kind = "spurious"
    elif s is None:
        kind = "missed"
    elif canonical(s.value) != canonical(g.value):
        kind = "value"
    elif (s.start, s.end) != (g.start, g.end):
        kind = "extent"
    elif s.type != g.type:
        kind = "type"
    else:
        return
    line_start = doc.text.rfind("\n", 0, where.start) + 1
    line_end = doc.text.find("\n", where.end)
    context = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)]
    errors.append(
        {
            "kind": kind,
            "doc": doc.name,
            "dct": doc.dct.isoformat(),
            "gold": show(g),
            "system": show(s),
            "context": context[:300],
        }
    )


# --- the dev set -------------------------------------------------------------------------------


def dev_accuracy(run: System, path: Path | None = None) -> dict[str, object]:
    """Value (and type) accuracy over every gold expression of our dev sets (``path``: one of
    them; default: every ``eval/data/timex_dev*.json`` together, with each file's own figure
    under ``files``): the expression must be found (overlapping the gold span) with the gold
    value."""
    if path is None:
        parts = {p.name: dev_accuracy(run, p) for p in dev_sets()}
        total = sum(int(str(r["expressions"])) for r in parts.values())
        correct = sum(
            round(float(str(r["value_accuracy"])) * int(str(r["expressions"])))
            for r in parts.values()
        )
        typed = sum(
            round(float(str(r["type_accuracy"])) * int(str(r["expressions"])))
            for r in parts.values()
        )
        every_miss = [m for r in parts.values() for m in r["misses"]]  # type: ignore[attr-defined]
        return {
            "expressions": total,
            "value_accuracy": correct / total if total else 0.0,
            "type_accuracy": typed / total if total else 0.0,
            "misses": every_miss,
            "files": {
                name: {k: v for k, v in r.items() if k != "misses"} for name, r in parts.items()
            },
        }
    data = json.loads(path.read_text(encoding="utf-8"))
    total = correct = typed = 0
    misses = []
    for item in data["items"]:
        published = date.fromisoformat(item["published"])
        found = run(item["text"], published)
        cursor = 0
        for gold in item["timexes"]:
            total += 1
            # gold expressions are listed in text order: the second "Nov. 14" is the one after
            # the first (an expression listed out of order is looked up from the start)
            start = item["text"].find(gold["text"], cursor)
            if start < 0:
                start = item["text"].index(gold["text"])
            end = start + len(gold["text"])
            cursor = end
            hit = next((f for f in found if f.start < end and start < f.end), None)
            if hit and canonical(hit.value) == canonical(gold["value"]):
                correct += 1
                typed += hit.type == gold["type"]
            else:
                got = (item["text"][hit.start : hit.end], hit.value) if hit else None
                misses.append(
                    {"file": path.name, "text": gold["text"], "gold": gold["value"], "got": got}
                )
    return {
        "expressions": total,
        "value_accuracy": correct / total if total else 0.0,
        "type_accuracy": typed / total if total else 0.0,
        "misses": misses,
    }


# --- the run -----------------------------------------------------------------------------------


def evaluate(
    data: Path,
    systems: list[str],
    corpora: Iterable[str] = CORPORA,
    errors: dict[str, list[dict[str, object]]] | None = None,
) -> dict[str, dict[str, object]]:
    """Each system's figures on the chosen ``corpora`` (``tempeval3``, ``meantime``, ``dev``);
    with ``errors``, each gold corpus's error list is stored under ``system/corpus``."""
    chosen = set(corpora)
    unknown = chosen - set(CORPORA)
    if unknown:
        raise ValueError(f"unknown corpora: {sorted(unknown)}; known: {list(CORPORA)}")
    loaders = {"tempeval3": load_tempeval3, "meantime": load_meantime}
    gold = {name: load(data) for name, load in loaders.items() if name in chosen}
    results: dict[str, dict[str, object]] = {}
    for name in systems:
        run = SYSTEMS[name]()
        started = timeit.default_timer()
        results[name] = {}
        for corpus, docs in gold.items():
            if not docs:
                continue
            predictions = {d.name: run(d.text, d.dct) for d in docs}
            found: list[dict[str, object]] | None = None
            if errors is not None:
                found = errors.setdefault(f"{name}/{corpus}", [])
            results[name][corpus] = score(docs, predictions, found)
        if "dev" in chosen:
            results[name]["dev"] = dev_accuracy(run)
        results[name]["seconds"] = round(timeit.default_timer() - started, 1)
    return results


def print_table(results: dict[str, dict[str, object]]) -> None:
    metrics = ["strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1", "value_f1", "type_accuracy"]
    print(
        f"{'system':<11} {'corpus':<10} {'gold':>5} {'sys':>5} "
        + " ".join(f"{m:>13}" for m in metrics)
    )
    for system, by_corpus in results.items():
        for corpus, figures in by_corpus.items():
            if not isinstance(figures, dict) or "gold" not in figures:
                continue
            cells = " ".join(f"{figures[m]:>13.3f}" for m in metrics)
            print(f"{system:<11} {corpus:<10} {figures['gold']:>5} {figures['system']:>5} {cells}")
        dev = by_corpus.get("dev")
        if isinstance(dev, dict):
            print(
                f"{system:<11} {'dev':<10} {dev['expressions']:>5}       value accuracy "
                f"{dev['value_accuracy']:.3f}, type accuracy {dev['type_accuracy']:.3f}"
            )
            for file, part in dev.get("files", {}).items():
                print(
                    f"{'':<11} {'':<10} {part['expressions']:>5}       value accuracy "
                    f"{part['value_accuracy']:.3f}, type accuracy {part['type_accuracy']:.3f}"
                    f"   {file}"
                )
        print(f"{system:<11} ({by_corpus['seconds']} s in all)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--systems", default="tidings,dateparser")
    parser.add_argument(
        "--corpora",
        default=",".join(CORPORA),
        help="comma-separated, of tempeval3 (the test set), meantime, dev; default all",
    )
    parser.add_argument("--misses", action="store_true", help="list dev-set misses")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="list each gold corpus's errors (not for tempeval3: it is the test set)",
    )
    args = parser.parse_args(argv)
    systems = [s for s in args.systems.split(",") if s]
    corpora = [c.strip() for c in args.corpora.split(",") if c.strip()]
    errors: dict[str, list[dict[str, object]]] | None = {} if args.errors else None
    results = evaluate(args.data, systems, corpora, errors)
    print_table(results)
    if args.misses:
        for system, by_corpus in results.items():
            dev = by_corpus.get("dev")
            if isinstance(dev, dict):
                for miss in dev["misses"]:
                    print(system, miss)
    for key, found in (errors or {}).items():
        for error in found:
            print(key, json.dumps(error, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
