"""Shared fixtures: the reference articles in ../shared (read in place) and the project's own
example articles, analysed once per test session with the real models."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the repository, as in CI; NEWSPRISM_SHARED points elsewhere (worktrees).
SHARED = Path(os.environ.get("NEWSPRISM_SHARED") or ROOT.parent / "shared")
VLADIVOSTOK = SHARED / "examples" / "vladivostok-2019"
HARBOUR = ROOT / "examples" / "harbour-strike"


@pytest.fixture(scope="session")
def vladivostok_dir() -> Path:
    if not VLADIVOSTOK.is_dir():
        pytest.skip("../shared/examples is not beside the repository")
    return VLADIVOSTOK


@pytest.fixture(scope="session")
def vladivostok(vladivostok_dir):
    """The briefing of the two Vladivostok articles (an analysis and an editorial)."""
    from newsprism.pipeline import brief

    return brief([vladivostok_dir])


@pytest.fixture(scope="session")
def harbour():
    """The briefing of the project's three example articles on a port strike."""
    from newsprism.pipeline import brief

    return brief([HARBOUR])


@pytest.fixture(scope="session")
def analyses(vladivostok_dir):
    from newsprism.analyse import analyse_articles
    from newsprism.ingest import read_articles

    return list(analyse_articles(read_articles([vladivostok_dir]).articles))


def document(briefing, outlet_or_id: str):
    return next(d for d in briefing.documents if outlet_or_id in (d.outlet, d.id))
