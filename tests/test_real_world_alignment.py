"""Agreement with a person's judgement on two real manifestos (Conservative 2015 → 2017).

``tests/data/uk_conservative_2015_2017_alignment.tsv`` holds 94 pledges of the 2015
manifesto, drawn at random within bands of their best candidate score (so hard and easy
cases are both present), each shown to a coder with its three best 2017 candidates.  The
coder said which candidate states the same commitment (``counterpart``; ``split`` when two
do), that none does (``no-counterpart``), or that the 2015 sentence is too vague to be a
checkable pledge (``vague``, left out here).  Only character offsets into the files of
``../shared/corpora/uk-manifestos/`` and the judgements are stored, never the texts.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

LABELS = Path(__file__).parent / "data" / "uk_conservative_2015_2017_alignment.tsv"


def _spans(cell: str) -> set[tuple[int, int]]:
    return {tuple(int(x) for x in part.split("-")) for part in cell.split(";") if part}


def _pledge_at(pledges, span: tuple[int, int]):
    """The pledge overlapping a labelled span most (segmentation may have moved its edges)."""
    best, best_overlap = None, 0
    for pledge in pledges:
        overlap = min(pledge.end, span[1]) - max(pledge.start, span[0])
        if overlap > best_overlap:
            best, best_overlap = pledge, overlap
    return best if best_overlap >= (span[1] - span[0]) / 2 else None


@pytest.fixture(scope="module")
def agreement(uk_comparison):
    earlier, later = (uk_comparison.pledges_of(d.id) for d in uk_comparison.documents)
    linked = {a: set(change.b) for change in uk_comparison.changes for a in change.a}
    found = missed = wrong = agreed = judged = 0
    with LABELS.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["judgement"] == "vague":
                continue
            judged += 1
            wanted = {p.id for p in (_pledge_at(later, span) for span in _spans(row["b_spans"])) if p}
            pledge = _pledge_at(earlier, (int(row["a_start"]), int(row["a_end"])))
            got = linked.get(pledge.id, set()) if pledge else set()
            if wanted:
                found += bool(got & wanted)
                missed += not (got & wanted)
            wrong += bool(got) and not (got & wanted)
            agreed += (not wanted and not got) or bool(got & wanted)
    return {"judged": judged, "found": found, "missed": missed, "wrong": wrong, "agreed": agreed}


def test_enough_pledges_were_judged():
    with LABELS.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["judgement"] != "vague"]
    assert len(rows) >= 60


def test_agreement_with_the_coder_does_not_regress(agreement):
    """Measured with the lexical default: agreement 54/85, counterparts found 24/55, no wrong link."""
    print(agreement)
    assert agreement["agreed"] / agreement["judged"] >= 0.6
    assert agreement["found"] / (agreement["found"] + agreement["missed"]) >= 0.4


def test_links_that_contradict_the_coder_stay_rare(agreement):
    assert agreement["wrong"] <= 3
