"""Cross-party mode: every pair compared, shared and unique pledges, an overlap matrix."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import policydiff
from policydiff.cli import cli
from policydiff.read import document_from_text

RED = """# Our plan

We will scrap tuition fees for every student.

We will build 100,000 council homes a year.

We will nationalise the railways.
"""
BLUE = """# Our plan

We will cut income tax for working families.

We will build 100,000 council homes every year.

We will recruit 20,000 police officers.
"""
GOLD = """# Our plan

We will abolish tuition fees for every student.

We will recruit 20,000 more police officers.

We will hold a referendum on electoral reform.
"""


@pytest.fixture(scope="module")
def comparison():
    documents = [
        document_from_text(RED, label="Red", party="Red", markdown=True),
        document_from_text(BLUE, label="Blue", party="Blue", markdown=True),
        document_from_text(GOLD, label="Gold", party="Gold", markdown=True),
    ]
    return policydiff.compare(documents, mode="parties", years=[2024, 2024, 2024])


def test_every_pair_of_parties_is_compared(comparison):
    assert comparison.pairs == (("d0", "d1"), ("d0", "d2"), ("d1", "d2"))
    assert comparison.lineages == () and comparison.revivals == ()


def test_shared_and_unique_pledges(comparison):
    def shared(source, target):
        return sorted(
            (comparison.pledge(c.a[0]).clean, comparison.pledge(c.b[0]).clean)
            for c in comparison.changes_between(source, target)
            if c.status in ("unchanged", "changed")
        )

    assert shared("d0", "d1") == [("We will build 100,000 council homes a year.", "We will build 100,000 council homes every year.")]
    assert shared("d0", "d2") == [("We will scrap tuition fees for every student.", "We will abolish tuition fees for every student.")]
    assert shared("d1", "d2") == [("We will recruit 20,000 police officers.", "We will recruit 20,000 more police officers.")]
    only_red = [comparison.pledge(c.a[0]).clean for c in comparison.changes_between("d0", "d1") if c.status == "dropped"]
    assert "We will nationalise the railways." in only_red


def test_overlap_matrix_gives_each_partys_shared_share(comparison):
    overlap = comparison.overlap()
    assert overlap[("d0", "d1")] == pytest.approx(1 / 3)
    assert overlap[("d1", "d0")] == pytest.approx(1 / 3)
    assert set(overlap) == {(a, b) for a in ("d0", "d1", "d2") for b in ("d0", "d1", "d2") if a != b}


def test_the_command_prints_the_overlap_matrix(tmp_path):
    paths = []
    for name, text in (("2024-red.md", RED), ("2024-blue.md", BLUE), ("2024-gold.md", GOLD)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    result = CliRunner().invoke(cli, ["compare", "--mode", "parties", *paths])
    assert result.exit_code == 0, result.output
    assert "Shared pledges" in result.output and "only first" in result.output and "33%" in result.output
