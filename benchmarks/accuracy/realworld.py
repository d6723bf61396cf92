"""The link threshold on real manifestos: agreement with a coder's judgements, at each threshold.

The synthetic pairs have few near misses: an inserted pledge shares little with A's pledges
and a dropped one leaves nothing like it behind, so a lower threshold costs them little.
Real manifestos are full of different pledges on one topic.  ``tests/data/
uk_conservative_2015_2017_alignment.tsv`` holds a coder's judgements of pledges of the 2015
Conservative manifesto against their best 2017 candidates (``tests/test_real_world_alignment.py``
asserts on them at the current constant); this scores policydiff's links on them at any
threshold, from one comparison, the way ``calibrate.py`` does.  Those labels are the ones the
constant was first set on, so they are a check on the synthetic calibration, not a held-out score.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass

from calibrate import recording_alignments
from sources import ROOT, UK_DIR

import policydiff
from policydiff import align

LABELS = ROOT / "tests" / "data" / "uk_conservative_2015_2017_alignment.tsv"
DOCUMENTS = ("2015-conservative.txt", "2017-conservative.txt")


@dataclass(frozen=True)
class Agreement:
    """Links against the coder at one threshold: counterparts found and missed, links the coder
    rejected, and rows where policydiff and the coder agree (the right counterpart, or none for both)."""

    threshold: float
    judged: int
    found: int
    missed: int
    wrong: int
    agreed: int = 0


def available() -> bool:
    """Whether the labelled manifestos and their labels are here."""
    return LABELS.is_file() and all((UK_DIR / name).is_file() for name in DOCUMENTS)


def agreement(thresholds: Sequence[float], similarity: str) -> list[Agreement]:
    """Agreement with the coder at each threshold, the two manifestos compared once with ``similarity``."""
    with recording_alignments() as calls:
        policydiff.compare([UK_DIR / name for name in DOCUMENTS], similarity=similarity)
    scores, earlier, later = calls[0]
    judged = judgements(earlier, later)
    found = []
    for threshold in thresholds:
        links = align.match_pair(scores, earlier, later, min_score=threshold)
        linked = {a: set(link.b) for link in links for a in link.a}
        found.append(score(threshold, judged, linked))
    return found


def judgements(earlier, later) -> list[tuple[str | None, set[str]]]:
    """Each judged (not vague) row: the 2015 pledge's id (None if not detected) and the 2017 ids the coder wanted."""
    rows = []
    with LABELS.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["judgement"] == "vague":
                continue
            wanted = {p.id for p in (_pledge_at(later, span) for span in _spans(row["b_spans"])) if p}
            pledge = _pledge_at(earlier, (int(row["a_start"]), int(row["a_end"])))
            rows.append((pledge.id if pledge else None, wanted))
    return rows


def score(threshold: float, judged, linked: dict[str, set[str]]) -> Agreement:
    """Agreement of ``linked`` (2015 pledge id → linked 2017 ids) with the :func:`judgements`."""
    found = missed = wrong = agreed = 0
    for pledge, wanted in judged:
        got = linked.get(pledge, set()) if pledge else set()
        if wanted:
            found += bool(got & wanted)
            missed += not (got & wanted)
        wrong += bool(got) and not (got & wanted)
        agreed += (not wanted and not got) or bool(got & wanted)
    return Agreement(threshold, len(judged), found, missed, wrong, agreed)


def _spans(cell: str) -> list[tuple[int, int]]:
    return [tuple(int(x) for x in part.split("-")) for part in cell.split(";") if part]


def _pledge_at(pledges, span: tuple[int, int]):
    """The pledge overlapping a labelled span most, if it covers half of it (segmentation may have moved its edges)."""
    best, best_overlap = None, 0
    for pledge in pledges:
        overlap = min(pledge.end, span[1]) - max(pledge.start, span[0])
        if overlap > best_overlap:
            best, best_overlap = pledge, overlap
    return best if best_overlap >= (span[1] - span[0]) / 2 else None

