"""Shared fixtures: the demo corpus, its comparison, and the real UK manifestos when present."""

from __future__ import annotations

from pathlib import Path

import pytest

import policydiff

ROOT = Path(__file__).resolve().parents[1]
DEMO_DIR = ROOT / "corpora" / "demo"
UK_DIR = ROOT.parent / "shared" / "corpora" / "uk-manifestos"


def demo_paths() -> list[Path]:
    """The three demo manifestos, in year order."""
    return sorted(DEMO_DIR.glob("20*"))


@pytest.fixture(scope="session")
def demo_comparison() -> policydiff.Comparison:
    return policydiff.compare(demo_paths())


@pytest.fixture(scope="session")
def uk_dir() -> Path:
    if not UK_DIR.is_dir():
        pytest.skip(f"real UK manifestos not found at {UK_DIR} (they live in ../shared beside the checkout)")
    return UK_DIR


@pytest.fixture(scope="session")
def uk_comparison(uk_dir) -> policydiff.Comparison:
    return policydiff.compare([uk_dir / "2015-conservative.txt", uk_dir / "2017-conservative.txt"])
