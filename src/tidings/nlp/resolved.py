"""The working form of an entity inside the pipeline, before it becomes a ``model.Entity``."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ResolvedEntity:
    """One real-world referent in one article.

    ``mentions`` are (start_char, end_char) pairs into ``doc.text``, in text order. ``name`` is
    the fullest form the article uses; ``aliases`` are the other surface forms.
    """

    label: str
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
