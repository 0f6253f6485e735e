"""Markdown summary of one extraction, for people rather than programs."""

from __future__ import annotations

from ..model import Extraction


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def render_markdown(result: Extraction) -> str:
    a = result.article
    lines = [f"# {a.title or '(untitled)'}", ""]
    facts = [
        ("Source", a.source),
        ("Author", a.author),
        ("Published", a.published),
        ("URL", a.url),
        ("Language", a.language),
        ("Article id", a.id),
    ]
    lines += [f"- **{label}:** {value}" for label, value in facts if value]
    lines += ["", f"{len(a.text.split())} words.", ""]

    lines += ["## Entities", ""]
    if result.entities:
        lines += ["| id | type | name | titles | mentions |", "|---|---|---|---|---|"]
        for e in result.entities:
            aliases = f" (also: {', '.join(e.aliases)})" if e.aliases else ""
            lines.append(
                f"| {e.id} | {e.type} | {_cell(e.name + aliases)} | "
                f"{_cell('; '.join(e.titles))} | {len(e.mentions)} |"
            )
    else:
        lines.append("None found.")
    names = {e.id: e.name for e in result.entities}

    if result.quotes:
        lines += ["", "## Quotes", ""]
        for q in result.quotes:
            who = names.get(q.speaker or "", q.speaker_text or "unattributed")
            extra = ", ".join(x for x in (q.venue, q.date) if x)
            lines.append(f"- “{_cell(q.text)}” — {who}{f' ({extra})' if extra else ''}")
    if result.timexes:
        lines += ["", "## Dates", ""]
        lines += [f"- {_cell(t.text)} → {t.value or '?'} ({t.type})" for t in result.timexes]
    if result.events:
        lines += ["", "## Events", ""]
        for ev in result.events:
            actor = names.get(ev.actor or "", "?")
            target = names.get(ev.target or "", "")
            neg = "not " if ev.negated else ""
            lines.append(f"- {ev.type}: {actor} {neg}{_cell(ev.trigger)} {target}".rstrip())
    return "\n".join(lines) + "\n"
