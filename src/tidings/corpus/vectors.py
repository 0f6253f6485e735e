"""Sparse weighted vectors, their pairwise cosines, and average-linkage clustering.

Numpy only (it comes with spaCy); no scipy or scikit-learn. A vector is a ``dict`` from a
feature (a word, a canonical entity id, a date) to a weight. ``pairwise_cosine`` accumulates
dot products term by term through an inverted index, so the cost follows the number of
document pairs that share a feature, not the vocabulary; the result is a dense n x n matrix,
which is what clustering needs and fits comfortably up to a few thousand articles (cluster a
larger store window by window).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from .names import fold

_WORD = re.compile(r"[a-z][a-z0-9'-]*[a-z0-9]|[0-9]{4}")


def tokens(text: str) -> list[str]:
    """Lower-case content words of ``text``: no stop words, no one-letter words; numbers only
    as four-digit years (a bare "3" says nothing about which event this is)."""
    return [w for w in _WORD.findall(fold(text)) if w not in STOP_WORDS]


def idf_weights(docs: Sequence[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency, scikit-learn's formula: ln((1+n)/(1+df)) + 1."""
    df: Counter[str] = Counter()
    for features in docs:
        df.update(set(features))
    n = len(docs)
    return {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}


def tfidf(
    docs: Sequence[Counter[str]], idf: dict[str, float] | None = None
) -> list[dict[str, float]]:
    """L2-normalised vectors with sublinear term frequency (1 + ln tf) x idf."""
    idf = idf if idf is not None else idf_weights(docs)
    out = []
    for counts in docs:
        vector = {t: (1.0 + math.log(c)) * idf.get(t, 0.0) for t, c in counts.items() if c > 0}
        norm = math.sqrt(sum(v * v for v in vector.values()))
        out.append({t: v / norm for t, v in vector.items()} if norm else {})
    return out


def pairwise_cosine(vectors: Sequence[dict[str, float]]) -> np.ndarray:
    """n x n dot products of normalised vectors (cosines); the diagonal is set to 1."""
    n = len(vectors)
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings.setdefault(term, []).append((i, weight))
    sims = np.zeros((n, n))
    for entries in postings.values():
        if len(entries) < 2:  # a feature of one document adds to no pair
            continue
        index = np.fromiter((i for i, _ in entries), dtype=np.intp, count=len(entries))
        weights = np.fromiter((w for _, w in entries), dtype=float, count=len(entries))
        sims[np.ix_(index, index)] += np.outer(weights, weights)
    np.fill_diagonal(sims, 1.0)
    return sims


def linkage_merges(sims: np.ndarray, floor: float = -np.inf) -> list[tuple[float, int, int]]:
    """Average-linkage merges, best first, down to ``floor``: ``(similarity, a, b)`` where the
    cluster whose smallest index is ``b`` joins the one whose smallest index is ``a``.
    Deterministic: ties go to the lowest indices. Average linkage never merges at a higher
    similarity than an earlier merge, so the clustering at any threshold is a prefix of this
    list (the evaluation tunes the threshold by cutting one run)."""
    n = sims.shape[0]
    totals = sims.astype(float).copy()  # totals[a, b]: summed similarity of clusters a and b
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    merges: list[tuple[float, int, int]] = []
    for _ in range(n - 1):
        mean = totals / np.outer(sizes, sizes)
        mask = np.outer(alive, alive)
        np.fill_diagonal(mask, False)
        mean[~mask] = -np.inf
        a, b = divmod(int(np.argmax(mean)), n)
        best = float(mean[a, b])
        if not best >= floor:
            break
        a, b = min(a, b), max(a, b)
        totals[a, :] += totals[b, :]
        totals[:, a] += totals[:, b]
        sizes[a] += sizes[b]
        alive[b] = False
        merges.append((best, a, b))
    return merges


def cut(n: int, merges: Sequence[tuple[float, int, int]], threshold: float) -> list[list[int]]:
    """The clusters after the merges at ``threshold`` or above: sorted index lists, ordered by
    their first index."""
    parent = list(range(n))
    for value, a, b in merges:
        if value < threshold:
            break
        parent[b] = a  # a and b are their clusters' smallest indices, so roots stay roots
    groups: dict[int, list[int]] = {}
    for i in range(n):
        root = i
        while parent[root] != root:
            root = parent[root]
        groups.setdefault(root, []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def average_linkage(sims: np.ndarray, threshold: float) -> list[list[int]]:
    """Agglomerative clustering: merge the two clusters whose mean pairwise similarity is
    highest while it is at least ``threshold``."""
    return cut(sims.shape[0], linkage_merges(sims, threshold), threshold)
