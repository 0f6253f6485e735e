"""Where to cut an average-linkage run: the cut whose clusters have the best mean silhouette.

A fixed similarity threshold does not carry over between collections: on Giveme5W1H
news_cluster the threshold tuned on one half of the events was far from the best one on the
other half (0.7 against 2.1 standard deviations, in either direction), because how alike two
reports of one event are depends on the mix of stories in the collection. The silhouette
(Rousseeuw 1987) asks of each article how much nearer it is, on average, to its own story than
to the nearest other one; the cut with the best mean silhouette is read from the collection
itself, with nothing to transfer.

Evaluating every cut would cost O(n^2 k); the merges update per-cluster distance sums in O(n)
each, and the silhouette is computed at most at ``MAX_CANDIDATES`` cuts spread over the run.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# Cuts at which the silhouette is computed at most (every cut below this many merges).
MAX_CANDIDATES = 300


def mean_silhouette(sums: np.ndarray, sizes: np.ndarray, label: np.ndarray) -> float:
    """Mean silhouette, given ``sums[i, c]`` (summed distance from item i to cluster c, zero for
    dead columns), ``sizes[c]`` (0 for dead clusters) and each item's cluster ``label``.
    Singletons score 0, as in Rousseeuw's definition."""
    n = len(label)
    alive = sizes > 0
    if int(alive.sum()) < 2:
        return 0.0
    rows = np.arange(n)
    own_size = sizes[label]
    within = sums[rows, label] / np.maximum(own_size - 1, 1)  # an item's own distance is 0
    means = np.full(sums.shape, np.inf)
    means[:, alive] = sums[:, alive] / sizes[alive]
    means[rows, label] = np.inf
    nearest = means.min(axis=1)
    scores = (nearest - within) / np.maximum(np.maximum(nearest, within), 1e-12)
    scores[own_size == 1] = 0.0
    return float(scores.mean())


def silhouette_threshold(
    sims: np.ndarray, merges: Sequence[tuple[float, int, int]], *, always: float = np.inf
) -> float:
    """The similarity at which to cut ``merges`` (``vectors.linkage_merges`` over ``sims``): the
    value of the merge after which the mean silhouette of the clusters is highest, distances
    being ``1 - sims``. Merges at ``always`` or above are taken whatever the silhouette (near
    copies are one story even where the collection has no other). With fewer than two merges
    to choose between, every merge is taken."""
    n = sims.shape[0]
    if len(merges) < 2 or n < 3:
        return merges[-1][0] if merges else np.inf
    distances = 1.0 - np.where(np.isfinite(sims), sims, 1.0)
    np.fill_diagonal(distances, 0.0)
    sums = distances.copy()  # sums[i, c]: distance from i to the members of cluster c
    sizes = np.ones(n)
    label = np.arange(n)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    step = max(1, len(merges) // MAX_CANDIDATES)
    best = (-np.inf, merges[-1][0])
    for k, (value, a, b) in enumerate(merges):
        sums[:, a] += sums[:, b]
        sums[:, b] = 0.0
        sizes[a] += sizes[b]
        sizes[b] = 0
        moved = members.pop(b)
        label[moved] = a
        members[a].extend(moved)
        if value >= always or (k % step and k != len(merges) - 1):
            continue
        score = mean_silhouette(sums, sizes, label)
        if score > best[0] + 1e-12:
            best = (score, value)
    return best[1]
