"""Geoparsing evaluation on GeoWebNews, LGL and GeoVirus (../shared/eval; read each SOURCE.md).

Two measures, each beside a naive baseline: the most populous of the places the resolver's
candidate generation offers for the name (countries and regions included, our aliases and
demonyms applied; no context):

- **acc@161 given gold toponyms**: the resolver gets every gold toponym span of an article and
  the article text (so its context logic runs on them) and must land within 161 km of the gold
  coordinates. Only gold toponyms with coordinates are scored; an unresolved one counts wrong.
  Also reported on the subset whose gold names a GeoNames entry (GWN marks streets, buildings
  and other places GeoNames lacks by leaving ``geonamesID`` empty; LGL and GeoVirus toponyms
  all count), the usual basis for comparing geocoders.
- **end-to-end P/R/F1**: the full Tidings pipeline runs on the article text. A system toponym is a
  mention of a GPE/LOC/FAC/NORP entity with ``geo``; it is correct when it overlaps a gold toponym
  with coordinates and lands within 161 km of it. System mentions that overlap a gold toponym
  without coordinates are not scored (the gold cannot judge them); gold toponyms with
  coordinates that no correct system mention overlaps are misses. The baseline re-resolves the
  same entities by population alone.

Split: articles are numbered in file order within each corpus; odd numbers are the dev half (the
resolver was tuned on them), even numbers the held-out test half. GeoVirus offsets are 1-based
(SOURCE.md); GWN spans that do not match their text (5, SOURCE.md) are dropped.

    .venv/bin/python eval/geo.py [--data DIR] [--json PATH] [--e2e-limit N] [--no-e2e]
                                 [--half dev|test|both]

``--half dev`` scores only the dev half (what to run while tuning); the default scores both.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tidings.geo.gazetteer import Gazetteer, Place, default_gazetteer  # noqa: E402
from tidings.geo.resolve import Resolver, Toponym, by_population, distance_km  # noqa: E402

KM = 161.0
CORPORA = ("geowebnews", "lgl", "geovirus")
HALVES = {"dev": ("dev",), "test": ("test",), "both": ("dev", "test")}
PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP"}


@dataclass
class Gold:
    start: int
    end: int
    lat: float | None
    lon: float | None
    gid: bool = True  # the gold names a GeoNames entry (GWN: not streets, buildings, ...)


@dataclass
class Article:
    number: int
    text: str
    toponyms: list[Gold] = field(default_factory=list)

    @property
    def split(self) -> str:
        return "dev" if self.number % 2 else "test"


def _float(text: str | None) -> float | None:
    return float(text) if text not in (None, "") else None


def read_gwn(path: Path) -> Iterator[Article]:
    for n, a in enumerate(ET.parse(path).getroot().iter("article")):
        art = Article(n, a.findtext("text") or "")
        for t in a.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            if art.text[start:end] != t.findtext("extractedName"):
                continue
            lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
            art.toponyms.append(Gold(start, end, lat, lon, bool(t.findtext("geonamesID"))))
        yield art


def read_lgl(path: Path) -> Iterator[Article]:
    for n, a in enumerate(ET.parse(path).getroot().iter("article")):
        art = Article(n, a.findtext("text") or "")
        for t in a.iter("toponym"):
            tag = t.find("gaztag")
            lat = _float(tag.findtext("lat")) if tag is not None else None
            lon = _float(tag.findtext("lon")) if tag is not None else None
            art.toponyms.append(Gold(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                                     lat, lon))  # fmt: skip
        yield art


def read_geovirus(path: Path) -> Iterator[Article]:
    for n, a in enumerate(ET.parse(path).getroot().iter("article")):
        art = Article(n, a.findtext("text") or "")
        for t in a.iter("location"):
            start, end = int(t.findtext("start") or 1) - 1, int(t.findtext("end") or 1) - 1
            lat, lon = _float(t.findtext("lat")), _float(t.findtext("lon"))
            art.toponyms.append(Gold(start, end, lat, lon))
        yield art


READERS = {
    "geowebnews": ("GWN.xml", read_gwn),
    "lgl": ("lgl.xml", read_lgl),
    "geovirus": ("GeoVirus.xml", read_geovirus),
}


def load(data: Path, corpus: str) -> list[Article]:
    name, reader = READERS[corpus]
    return list(reader(data / corpus / name))


def _hit(place: Place | None, gold: Gold) -> bool:
    assert gold.lat is not None and gold.lon is not None
    return place is not None and distance_km(place.lat, place.lon, gold.lat, gold.lon) <= KM


def accuracy(
    articles: list[Article],
    resolver: Resolver,
    gaz: Gazetteer,
    splits: tuple[str, ...] = ("dev", "test"),
) -> dict[str, dict]:
    """acc@161 given gold toponyms, per split, ours and the population baseline."""
    out: dict[str, dict] = {}
    for split in splits:
        n = ours = base = n_gid = ours_gid = base_gid = 0
        for art in (a for a in articles if a.split == split):
            spans = sorted(art.toponyms, key=lambda g: g.start)
            picks, _ = resolver.resolve(art.text, [Toponym(g.start, g.end) for g in spans])
            for gold, pick in zip(spans, picks, strict=True):
                if gold.lat is None:
                    continue
                hit = _hit(pick, gold)
                base_hit = _hit(by_population(gaz, art.text[gold.start : gold.end]), gold)
                n, ours, base = n + 1, ours + hit, base + base_hit
                if gold.gid:
                    n_gid, ours_gid, base_gid = n_gid + 1, ours_gid + hit, base_gid + base_hit
        out[split] = {
            "n": n,
            "acc161": ours / max(1, n),
            "baseline": base / max(1, n),
            "n_gid": n_gid,
            "acc161_gid": ours_gid / max(1, n_gid),
            "baseline_gid": base_gid / max(1, n_gid),
        }
    return out


def end_to_end(
    articles: list[Article], gaz: Gazetteer, splits: tuple[str, ...] = ("dev", "test")
) -> dict[str, dict]:
    """P/R/F1 of the full pipeline's geocoded place mentions, per split, ours and baseline."""
    from tidings.nlp.pipeline import process

    counts = {s: {"ours": [0, 0, 0], "baseline": [0, 0, 0]} for s in splits}
    articles = [a for a in articles if a.split in splits]
    seconds = 0.0
    for art in articles:
        t0 = time.perf_counter()
        doc = process(art.text)
        seconds += time.perf_counter() - t0
        golds = [g for g in art.toponyms if g.end > g.start]
        for system in ("ours", "baseline"):
            c = counts[art.split][system]
            matched: set[int] = set()
            for entity in doc._.tidings_entities or []:
                if entity.label not in PLACE_LABELS:
                    continue
                if system == "ours":
                    place = entity.geo
                else:
                    place = by_population(gaz, entity.name, entity.label)
                if place is None:
                    continue
                for start, end in entity.mentions:
                    over = [i for i, g in enumerate(golds) if g.start < end and start < g.end]
                    if over and all(golds[i].lat is None for i in over):
                        continue  # the gold has no coordinates to judge it by
                    good = [i for i in over if golds[i].lat is not None and distance_km(
                        place.lat, place.lon, golds[i].lat, golds[i].lon) <= KM]  # fmt: skip
                    if good:
                        c[0] += 1
                        matched.update(good)
                    else:
                        c[1] += 1
            c[2] += sum(1 for i, g in enumerate(golds) if g.lat is not None and i not in matched)
    out: dict[str, dict] = {"seconds_per_article": seconds / max(1, len(articles))}
    for split, systems in counts.items():
        out[split] = {}
        for system, (tp, fp, fn) in systems.items():
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[split][system] = {"tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f1": f}
    return out


def evaluate(
    data: Path, *, e2e_limit: int | None = None, e2e: bool = True, half: str = "both"
) -> dict:
    """The figures for each corpus; ``half`` ("dev", "test" or "both") picks the splits scored."""
    splits = HALVES[half]
    gaz = default_gazetteer()
    resolver = Resolver(gaz)
    results: dict[str, dict] = {}
    for corpus in CORPORA:
        articles = load(data, corpus)
        results[corpus] = {
            "articles": len(articles),
            "acc": accuracy(articles, resolver, gaz, splits),
        }
        if e2e:
            subset = articles if e2e_limit is None else articles[:e2e_limit]
            results[corpus]["e2e_articles"] = sum(1 for a in subset if a.split in splits)
            results[corpus]["e2e"] = end_to_end(subset, gaz, splits)
    return results


def table(results: dict) -> str:
    lines = [
        "| corpus | split | n | acc@161 ours | pop. baseline | n (GeoNames id) | acc@161 ours "
        "| pop. baseline | e2e P / R / F1 ours | e2e P / R / F1 baseline |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for corpus, r in results.items():
        for split in ("dev", "test"):
            acc = r["acc"].get(split)
            if acc is None:
                continue
            e2e = r.get("e2e", {}).get(split)
            cells = ["-", "-"]
            if e2e:
                cells = [f"{e2e[s]['p']:.3f} / {e2e[s]['r']:.3f} / {e2e[s]['f1']:.3f}"
                         for s in ("ours", "baseline")]  # fmt: skip
            lines.append(
                f"| {corpus} | {split} | {acc['n']} | {acc['acc161']:.3f} | {acc['baseline']:.3f} "
                f"| {acc['n_gid']} | {acc['acc161_gid']:.3f} | {acc['baseline_gid']:.3f} "
                f"| {cells[0]} | {cells[1]} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = os.environ.get("TIDINGS_SHARED_EVAL") or str(ROOT.parent / "shared" / "eval")
    parser.add_argument("--data", type=Path, default=Path(default))
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument(
        "--e2e-limit",
        type=int,
        default=200,
        help="end-to-end on the first N articles of each corpus (default 200)",
    )
    parser.add_argument("--no-e2e", action="store_true", help="acc@161 only (fast)")
    parser.add_argument(
        "--half",
        choices=tuple(HALVES),
        default="both",
        help="score the dev half (odd articles, for tuning), the test half, or both (default)",
    )
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    results = evaluate(args.data, e2e_limit=args.e2e_limit, e2e=not args.no_e2e, half=args.half)
    print(table(results))
    print(f"({time.perf_counter() - t0:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
