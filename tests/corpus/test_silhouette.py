"""The silhouette cut: the mean silhouette against its definition, and where it cuts."""

from __future__ import annotations

import numpy as np

from tidings.corpus.silhouette import mean_silhouette, silhouette_threshold
from tidings.corpus.stories import OPEN_COLLECTION, Params, story_groups
from tidings.corpus.vectors import cut, linkage_merges


def _brute_force(distances: np.ndarray, labels: list[int]) -> float:
    """Rousseeuw's definition, item by item (singletons score 0)."""
    scores = []
    for i, own in enumerate(labels):
        mates = [j for j, c in enumerate(labels) if c == own and j != i]
        if not mates:
            scores.append(0.0)
            continue
        within = float(np.mean([distances[i, j] for j in mates]))
        nearest = min(
            float(np.mean([distances[i, j] for j, c in enumerate(labels) if c == other]))
            for other in set(labels) - {own}
        )
        scores.append((nearest - within) / max(nearest, within))
    return float(np.mean(scores))


def _sums(distances: np.ndarray, labels: list[int]) -> tuple[np.ndarray, np.ndarray]:
    n = len(labels)
    sums = np.zeros((n, n))
    sizes = np.zeros(n)
    for j, c in enumerate(labels):
        sums[:, c] += distances[:, j]
        sizes[c] += 1
    return sums, sizes


def test_mean_silhouette_matches_the_definition() -> None:
    rng = np.random.default_rng(3)
    points = rng.random((9, 2))
    distances = np.linalg.norm(points[:, None] - points[None, :], axis=-1)
    labels = [0, 0, 0, 3, 3, 5, 5, 5, 8]  # clusters named by an index, one singleton
    sums, sizes = _sums(distances, labels)
    got = mean_silhouette(sums, sizes, np.array(labels))
    assert abs(got - _brute_force(distances, labels)) < 1e-9


def _block_sims(sizes: list[int], within: float, between: float) -> np.ndarray:
    n = sum(sizes)
    sims = np.full((n, n), between)
    start = 0
    for size in sizes:
        sims[start : start + size, start : start + size] = within
        start += size
    sims += np.random.default_rng(0).uniform(-0.01, 0.01, (n, n))
    sims = (sims + sims.T) / 2
    np.fill_diagonal(sims, np.inf)
    return sims


def test_cut_finds_well_separated_groups_whatever_their_similarity_level() -> None:
    # The same structure at two similarity levels: a fixed threshold suits one or the other.
    for within, between in ((0.30, 0.05), (0.12, 0.01)):
        sims = _block_sims([4, 3, 5, 2], within, between)
        merges = linkage_merges(sims, 0.0)
        groups = cut(sims.shape[0], merges, silhouette_threshold(sims, merges))
        assert [len(g) for g in groups] == [4, 3, 5, 2]


def test_merges_at_always_are_taken_whatever_the_silhouette() -> None:
    sims = _block_sims([3, 3], 0.8, 0.6)
    merges = linkage_merges(sims, 0.0)
    assert len(cut(6, merges, silhouette_threshold(sims, merges))) == 2
    assert len(cut(6, merges, silhouette_threshold(sims, merges, always=0.5))) == 1


def test_two_articles_are_one_story_only_above_the_floor() -> None:
    params = OPEN_COLLECTION
    for sim, stories in ((params.threshold + 0.01, 1), (params.threshold - 0.01, 2)):
        sims = np.array([[np.inf, sim], [sim, np.inf]])
        assert len(story_groups(sims, params)) == stories


def test_threshold_cut_is_unchanged() -> None:
    sims = _block_sims([2, 2], 0.5, 0.1)
    assert story_groups(sims, Params(relative=False, threshold=0.3)) == [[0, 1], [2, 3]]
