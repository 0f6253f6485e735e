"""Validate the quote gold files (eval/data/quotes_dev*.json, eval/data/quotes_heldout.json).

Python 3.11 standard library only. Usage:

    python eval/data/check_quotes_gold.py [FILE ...]

With no arguments every gold file next to this script is checked. Prints a summary per file
(articles, quotes per kind, pattern coverage) and every problem found; exits 1 on any error.

Conventions the checks encode (see also the "_doc" string inside each file):
- quotes[].text is a substring of the article text; the occurrence-th (0-based) match is meant.
- direct and partial quotes: text is everything between the quote marks (a trailing comma or
  full stop inside the marks is kept), so the character before the match is an opening quote mark
  and the character after it a closing one. A multi-paragraph quote's text runs from the first
  word after the opening mark to the last word before the final closing mark and contains the
  paragraph break(s). A quote tagged "odd-quotes" is the typo'd, unclosed one: only its opening
  mark is checked.
- venue, when given, is a phrase that occurs in the article text.
- date is YYYY-MM-DD or null; a day-level date_text (weekday name, yesterday, today, "on 19
  August") must agree with date resolved against the publication date; coarser expressions
  ("last week", "earlier this month") have date null. A weekday resolves to the latest such
  day on or before publication (so "on Thursday" in a Thursday wire story is that day).
- speaker is null exactly when speaker_type is ANON.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_FILES = [*sorted(HERE.glob("quotes_dev*.json")), HERE / "quotes_heldout.json"]

ARTICLE_KEYS = {"id", "source", "published", "title", "text", "quotes", "not_quotes"}
QUOTE_KEYS = {
    "text",
    "occurrence",
    "kind",
    "speaker",
    "speaker_text",
    "speaker_type",
    "cue",
    "venue",
    "date",
    "date_text",
    "multi_paragraph",
    "patterns",
}
KINDS = {"direct", "partial", "indirect"}
SPEAKER_TYPES = {"PERSON", "ORG", "ANON"}
PATTERNS = [
    "attribution-before",
    "attribution-after",
    "attribution-middle",
    "colon",
    "according-to",
    "nested",
    "multi-paragraph",
    "orphan",
    "partial",
    "indirect",
    "surname",
    "same-surname",
    "pronoun",
    "role-nominal",
    "organisation",
    "anonymous",
    "venue",
    "date",
    "straight-quotes",
    "curly-quotes",
    "odd-quotes",
]
OPEN_MARKS = {'"', "\u201c"}
CLOSE_MARKS = {'"', "\u201d"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
COARSE = re.compile(r"\b(week|month|year|weekend|recent|recently|earlier this|days ago)\b", re.I)


def find_nth(text: str, sub: str, n: int) -> int:
    pos = -1
    for _ in range(n + 1):
        pos = text.find(sub, pos + 1)
        if pos < 0:
            return -1
    return pos


def expected_date(date_text: str, published: dt.date) -> dt.date | None:
    """Resolve a day-level expression; None when it is not one this checker understands."""
    t = date_text.lower()
    if re.search(r"\byesterday\b|\blast night\b", t):
        return published - dt.timedelta(days=1)
    if re.search(r"\btoday\b|\bthis morning\b|\bthis afternoon\b|\btonight\b", t):
        return published
    for i, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", t):
            delta = (published.weekday() - i) % 7  # same weekday = publication day (wire style)
            return published - dt.timedelta(days=delta)
    m = re.search(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")\b", t) or re.search(
        r"\b(" + "|".join(MONTHS) + r") (\d{1,2})\b", t
    )
    if m:
        a, b = m.groups()
        day, month = (int(a), b) if a.isdigit() else (int(b), a)
        d = dt.date(published.year, MONTHS.index(month) + 1, day)
        if d > published:
            d = d.replace(year=published.year - 1)
        return d
    return None


def check_file(path: Path) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    warnings: list[str] = []
    data = json.loads(path.read_text(encoding="utf-8"))
    if set(data) != {"_doc", "articles"}:
        errors.append(f"top-level keys {sorted(data)}")
    arts = data.get("articles", [])
    kinds: Counter[str] = Counter()
    pats: Counter[str] = Counter()
    stypes: Counter[str] = Counter()
    ids: set[str] = set()
    odd_articles: list[str] = []
    for art in arts:
        aid = art.get("id", "?")
        where = f"{path.name}:{aid}"
        if set(art) != ARTICLE_KEYS:
            errors.append(f"{where}: article keys {sorted(set(art) ^ ARTICLE_KEYS)}")
            continue
        if aid in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(aid)
        text = art["text"]
        try:
            pub = dt.date.fromisoformat(art["published"])
        except ValueError:
            errors.append(f"{where}: bad published {art['published']!r}")
            continue
        words = len(text.split())
        if not 150 <= words <= 450:
            errors.append(f"{where}: {words} words (want 150-450)")
        if "\n\n\n" in text or text != text.strip():
            errors.append(f"{where}: paragraph layout (blank-line separated, no edge space)")
        n_straight = text.count('"')
        n_open, n_close = text.count("\u201c"), text.count("\u201d")
        odd = n_straight % 2 == 1 or n_open != n_close
        has_mp = any(q.get("multi_paragraph") for q in art["quotes"])
        has_oddq = any("odd-quotes" in q.get("patterns", []) for q in art["quotes"])
        if odd and not has_mp:
            odd_articles.append(aid)
        if has_oddq and not odd:
            errors.append(f"{where}: has an odd-quotes quote but balanced quote marks")
        if odd and not has_mp and not has_oddq:
            errors.append(f"{where}: unbalanced quote marks but no quote tagged odd-quotes")
        for nq in art["not_quotes"]:
            if nq not in text:
                errors.append(f"{where}: not_quotes {nq!r} not in text")
        for qi, q in enumerate(art["quotes"]):
            qw = f"{where}#{qi}"
            if set(q) != QUOTE_KEYS:
                errors.append(f"{qw}: quote keys {sorted(set(q) ^ QUOTE_KEYS)}")
                continue
            qt, occ = q["text"], q["occurrence"]
            if not isinstance(occ, int) or occ < 0:
                errors.append(f"{qw}: bad occurrence {occ!r}")
                continue
            pos = find_nth(text, qt, occ)
            if pos < 0:
                errors.append(f"{qw}: text not found (occurrence {occ}): {qt[:60]!r}")
                continue
            if text.count(qt) > 1:
                warnings.append(
                    f"{qw}: text occurs {text.count(qt)}x, occurrence={occ}: {qt[:50]!r}"
                )
            if qt != qt.strip():
                errors.append(f"{qw}: text has edge whitespace")
            if q["text"] in art["not_quotes"]:
                errors.append(f"{qw}: text is also listed in not_quotes")
            kind = q["kind"]
            if kind not in KINDS:
                errors.append(f"{qw}: bad kind {kind!r}")
            kinds[kind] += 1
            if kind in ("direct", "partial"):
                before = text[pos - 1] if pos else ""
                after = text[pos + len(qt)] if pos + len(qt) < len(text) else ""
                if before not in OPEN_MARKS:
                    errors.append(f"{qw}: no opening mark before {qt[:40]!r}")
                if "odd-quotes" not in q["patterns"] and after not in CLOSE_MARKS:
                    errors.append(f"{qw}: no closing mark after {qt[-40:]!r}")
            else:
                if any(c in qt for c in '"\u201c\u201d'):
                    warnings.append(f"{qw}: indirect quote contains quote marks")
            mp = q["multi_paragraph"]
            has_break = "\n\n" in qt
            if not isinstance(mp, bool) or mp != has_break:
                errors.append(
                    f"{qw}: multi_paragraph={mp!r} but paragraph break present={has_break}"
                )
            if mp != ("multi-paragraph" in q["patterns"]):
                errors.append(f"{qw}: multi_paragraph flag and pattern tag disagree")
            st = q["speaker_type"]
            if st not in SPEAKER_TYPES:
                errors.append(f"{qw}: bad speaker_type {st!r}")
            stypes[st] += 1
            if (q["speaker"] is None) != (st == "ANON"):
                errors.append(f"{qw}: speaker {q['speaker']!r} with speaker_type {st}")
            if q["speaker"] is not None and q["speaker"] not in text:
                errors.append(f"{qw}: speaker {q['speaker']!r} not written in the article")
            if not q["speaker_text"] or q["speaker_text"] not in text:
                errors.append(f"{qw}: speaker_text {q['speaker_text']!r} not in text")
            if not q["cue"] or q["cue"] not in text:
                errors.append(f"{qw}: cue {q['cue']!r} not in text")
            if q["venue"] is not None and q["venue"] not in text:
                errors.append(f"{qw}: venue {q['venue']!r} not in text")
            if (q["venue"] is not None) != ("venue" in q["patterns"]):
                errors.append(f"{qw}: venue and 'venue' tag disagree")
            d, dtxt = q["date"], q["date_text"]
            if (dtxt is not None) != ("date" in q["patterns"]):
                errors.append(f"{qw}: date_text and 'date' tag disagree")
            if d is not None:
                try:
                    dd = dt.date.fromisoformat(d)
                except ValueError:
                    errors.append(f"{qw}: bad date {d!r}")
                    dd = None
                if dtxt is None:
                    errors.append(f"{qw}: date without date_text")
                elif dd is not None:
                    exp = expected_date(dtxt, pub)
                    if exp is None:
                        warnings.append(f"{qw}: cannot verify date_text {dtxt!r}")
                    elif exp != dd:
                        errors.append(f"{qw}: date {d} but {dtxt!r} resolves to {exp}")
                    if dd > pub:
                        errors.append(f"{qw}: date after publication")
            elif dtxt is not None:
                if dtxt not in text:
                    errors.append(f"{qw}: date_text {dtxt!r} not in text")
                if expected_date(dtxt, pub) is not None and not COARSE.search(dtxt):
                    errors.append(f"{qw}: day-level {dtxt!r} but date null")
            if dtxt is not None and dtxt not in text:
                errors.append(f"{qw}: date_text {dtxt!r} not in text")
            for p in q["patterns"]:
                if p not in PATTERNS:
                    warnings.append(f"{qw}: unlisted pattern {p!r}")
                pats[p] += 1
            if kind in ("partial", "indirect") and kind not in q["patterns"]:
                errors.append(f"{qw}: kind {kind} not in patterns")
            if st == "ANON" and "anonymous" not in q["patterns"]:
                errors.append(f"{qw}: ANON speaker without 'anonymous' tag")
            if st == "ORG" and "organisation" not in q["patterns"]:
                errors.append(f"{qw}: ORG speaker without 'organisation' tag")
    total = sum(kinds.values())
    print(
        f"== {path.name}: {len(arts)} articles, {total} quotes "
        f"({', '.join(f'{k} {kinds[k]}' for k in sorted(KINDS))}); "
        f"speakers {dict(sorted(stypes.items()))}"
    )
    print(f"   articles with unbalanced quote marks (typo): {odd_articles}")
    print("   pattern coverage:")
    for p in PATTERNS:
        print(f"     {p:20s} {pats[p]:4d}")
    extra = sorted(set(pats) - set(PATTERNS))
    if extra:
        print("     (other tags: " + ", ".join(f"{p} {pats[p]}" for p in extra) + ")")
    return errors, warnings


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or DEFAULT_FILES
    bad = 0
    for f in files:
        errors, warnings = check_file(f)
        for w in warnings:
            print("   warning:", w)
        for e in errors:
            print("   ERROR:", e)
        bad += len(errors)
    mins = {
        "quotes_dev.json": (18, 90),
        "quotes_dev2.json": (8, 60),
        "quotes_heldout.json": (7, 35),
    }
    for f in files:
        if f.name in mins:
            data = json.loads(f.read_text(encoding="utf-8"))
            n_art = len(data["articles"])
            n_q = sum(len(a["quotes"]) for a in data["articles"])
            want_a, want_q = mins[f.name]
            if n_art < want_a or n_q < want_q:
                print(
                    f"   ERROR: {f.name}: {n_art} articles / {n_q} quotes, "
                    f"want >= {want_a} / {want_q}"
                )
                bad += 1
    print("OK" if not bad else f"{bad} error(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
