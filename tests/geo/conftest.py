"""The real gazetteer index (built once into the user cache, or ``$TIDINGS_CACHE_DIR``, and
shared with the pipeline tests) with our tiny invented physical-features table beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.geo.build import ensure_built
from tidings.geo.gazetteer import Gazetteer
from tidings.geo.resolve import Resolver


@pytest.fixture(scope="session")
def features(fixtures: Path) -> Path:
    return fixtures / "geo" / "features.tsv"


@pytest.fixture(scope="session")
def gazetteer(features: Path) -> Gazetteer:
    return Gazetteer(ensure_built(), features)


@pytest.fixture(scope="session")
def resolver(gazetteer: Gazetteer) -> Resolver:
    return Resolver(gazetteer)
