"""Cold-start wall time of `tidings extract` on a 1,000-word article, model load included.

The target (issue 2) is <= 2 s per run. Each run is a fresh process, as a user's would be.
The article is built from the bundled sample articles, paragraph by paragraph, until it holds
at least 1,000 words, so the figure is reproducible from the repository alone.

Also reports where the time goes inside one warm process: model load, and each pipeline
component's share of processing, so later stages can be held to their budgets.

    .venv/bin/python bench/extract_cold.py [--runs 5] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"
TARGET_S = 2.0


def build_article(min_words: int = 1000) -> str:
    paragraphs = [
        p.strip()
        for path in sorted(SAMPLES.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if len(p.split()) > 12
    ]
    out: list[str] = []
    while sum(len(p.split()) for p in out) < min_words:
        out.append(paragraphs[len(out) % len(paragraphs)])
    return "\n\n".join(out) + "\n"


def cold_runs(path: Path, runs: int) -> list[float]:
    exe = Path(sys.executable).parent / "tidings"
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(
            [str(exe), "extract", "--published", "2026-03-04", str(path)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - t0)
    return times


def component_profile(text: str, repeats: int = 5) -> dict[str, float]:
    """Seconds per component per article, warm, best of ``repeats``."""
    t0 = time.perf_counter()
    from tidings.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    profile = {"(model load)": time.perf_counter() - t0}
    best: dict[str, float] = {}
    for _ in range(repeats):
        doc = nlp.make_doc(text)
        doc._.tidings_published = "2026-03-04"
        for name, component in nlp.pipeline:
            t = time.perf_counter()
            doc = component(doc)
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - t)
    profile.update(best)
    return profile


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()

    text = build_article()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(text, encoding="utf-8")
        times = cold_runs(path, args.runs)
    profile = component_profile(text)
    processing = sum(v for k, v in profile.items() if not k.startswith("("))

    print(f"article: {len(text.split())} words")
    print(
        f"cold `tidings extract`, {args.runs} runs: median {statistics.median(times):.2f} s, "
        f"max {max(times):.2f} s (target <= {TARGET_S:.1f} s)"
    )
    print(f"warm processing: {processing * 1000:.0f} ms per article")
    for name, seconds in profile.items():
        share = "" if name.startswith("(") else f"  {100 * seconds / processing:5.1f}%"
        print(f"  {name:24s} {seconds * 1000:8.1f} ms{share}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "words": len(text.split()),
                    "cold_seconds": times,
                    "cold_median_s": statistics.median(times),
                    "warm_components_s": profile,
                },
                indent=2,
            )
        )
    return 0 if max(times) <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
