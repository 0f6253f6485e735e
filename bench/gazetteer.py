"""Gazetteer costs: build time (once), load time and RSS in a fresh process, lookup time.

    .venv/bin/python bench/gazetteer.py [--rebuild] [--json out.json]

``--rebuild`` builds into a temporary directory (the user cache is left alone); without it the
cached index is used (built first if missing). Load and lookups run in a fresh subprocess so
that the figures are what a `tidings extract` process pays for the gazetteer: ``load_s`` and
``rss_added_mb`` are measured after ``import tidings`` (spaCy's own cost, reported apart).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Kabul", "Paris", "Georgia", "Springfield", "Panjshir", "New York", "Kiev", "Swat",
         "Texas", "Xyzzyqua"]  # fmt: skip

PROBE = r"""
import json, sys, time
def rss(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
t0 = time.perf_counter()
import tidings  # the package itself (spaCy & co.): not the gazetteer's cost
package_s = time.perf_counter() - t0
before = rss("VmRSS")
t0 = time.perf_counter()
from tidings.geo.gazetteer import Gazetteer, default_features
from tidings.geo.resolve import Resolver
gaz = Gazetteer(__import__("pathlib").Path(sys.argv[1]), default_features())
resolver = Resolver(gaz)
gaz.lookup("Kabul")
load = time.perf_counter() - t0
names = json.loads(sys.argv[2])
t0 = time.perf_counter()
for _ in range(20):
    for name in names:
        gaz._cache.clear()  # every lookup reaches SQLite
        gaz.lookup(name)
lookup = (time.perf_counter() - t0) / (20 * len(names))
print(json.dumps({"import_tidings_s": package_s, "load_s": load, "lookup_ms": lookup * 1000,
                  "rss_peak_mb": rss("VmHWM"), "rss_before_mb": before,
                  "rss_added_mb": rss("VmRSS") - before}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rebuild", action="store_true", help="time a fresh build")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from tidings.geo.build import build, ensure_built, index_path

    out: dict[str, float | str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.rebuild:
            path = index_path(Path(tmp))
            t0 = time.perf_counter()
            build(path)
            out["build_s"] = time.perf_counter() - t0
        else:
            path = ensure_built()
        out["index"] = str(path)
        out["index_mb"] = path.stat().st_size / 1e6
        probe = subprocess.run(
            [sys.executable, "-c", PROBE, str(path), json.dumps(NAMES)],
            capture_output=True, text=True, check=True, cwd=ROOT,
        )  # fmt: skip
        out.update(json.loads(probe.stdout))
    for key, value in out.items():
        print(f"{key:>14}: {value:.3f}" if isinstance(value, float) else f"{key:>14}: {value}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
