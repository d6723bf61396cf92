"""Calibration of the link threshold: how each status's F1 moves with ``align.MIN_LINK_SCORE``.

Two pledges scoring below the threshold are never aligned, so it decides whether a
reworded pledge is reported changed or as one dropped and one new pledge.  Unchanged is
decided by identical wording, not by the threshold: such pairs score near 1 and link at any
threshold tried here.

Re-running the whole comparison per threshold would repeat pledge detection, topics,
similarity fitting and candidate search, none of which depends on the threshold.  So each
pair is compared once through the public API, with ``policydiff.align.match_pair`` wrapped
to record what it is given (the pledges of A and B and the candidate scores after context,
exactly as the pipeline computed them), and each threshold re-runs only ``match_pair(...,
min_score=t)`` and ``classify`` on those.  :func:`reproduced` checks, on every run, that at
the current constant this gives the pipeline's own records.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import scipy.sparse as sp
from records import Pair, Run
from score import score_pair, summarise
from systems import records_of, run_policydiff

from policydiff import Pledge, align
from policydiff.classify import classify

#: Thresholds swept: 0.30 to 0.80 in steps of 0.025.
THRESHOLDS = tuple(round(0.30 + 0.025 * step, 3) for step in range(21))
#: Macro-F1 within this of the best counts as a tie.  One pledge wrongly reported new and
#: dropped moves macro-F1 by about 0.0005 on 80 pairs, so this is a handful of pledges:
#: a smaller difference is not a reason to move the constant.
PLATEAU_TOLERANCE = 0.002
#: Most links a coder rejected, of the real pledges judged (``realworld.py``, 85), that a
#: chosen threshold may make: about one in a hundred.  The synthetic pairs hold almost no
#: near misses (another pledge on the same topic), so on their own they never charge a
#: lower threshold for the wrong links it makes in real manifestos; a wrong link is a false
#: story just as a wrong "dropped" is.
MAX_REJECTED_LINKS = 1


@dataclass(frozen=True)
class Captured:
    """What ``match_pair`` was given for one pair: candidate scores after context, and the pledges."""

    pair: Pair
    scores: sp.csr_matrix
    a_pledges: tuple[Pledge, ...]
    b_pledges: tuple[Pledge, ...]


@dataclass(frozen=True)
class Point:
    """The scores of one threshold on the calibration pairs (:func:`score.summarise` output)."""

    threshold: float
    summary: dict


class Recorder:
    """policydiff as a benchmark system that also keeps each pair's alignment inputs and run.

    Parameters
    ----------
    similarity : str
        The similarity preset compared with ("lexical" or "embedding").
    """

    def __init__(self, similarity: str = "lexical") -> None:
        self.similarity = similarity
        self.captured: dict[str, Captured] = {}
        self.runs: dict[str, Run] = {}

    def __call__(self, pair: Pair) -> Run:
        """Compare a pair with policydiff and record what it aligned."""
        with recording_alignments() as calls:
            run = run_policydiff(pair, self.similarity)
        if len(calls) != 1:
            raise RuntimeError(
                f"expected one call of policydiff.align.match_pair for pair {pair.id}, saw {len(calls)}: "
                "the pipeline no longer aligns a pair through it, so the sweep would not measure policydiff"
            )
        self.captured[pair.id] = Captured(pair, *calls[0])
        self.runs[pair.id] = run
        return run


@contextmanager
def recording_alignments() -> Iterator[list[tuple]]:
    """Within the block, every ``policydiff.align.match_pair`` call is recorded, then made.

    The pipeline looks the function up in its module when it aligns a pair, so replacing
    the module's attribute is enough; the original is always put back.
    """
    original = align.match_pair
    calls: list[tuple] = []

    def recording(scores, a_pledges, b_pledges, **options):
        calls.append((sp.csr_matrix(scores), tuple(a_pledges), tuple(b_pledges)))
        return original(scores, a_pledges, b_pledges, **options)

    align.match_pair = recording
    try:
        yield calls
    finally:
        align.match_pair = original


def run_at(captured: Captured, threshold: float) -> Run:
    """policydiff's verdicts on a pair, had the link threshold been ``threshold``."""
    pledges = captured.a_pledges + captured.b_pledges
    by_id = {p.id: p for p in pledges}
    links = align.match_pair(captured.scores, captured.a_pledges, captured.b_pledges, min_score=threshold)

    def span_of(pledge_id: str) -> tuple[int, int]:
        return by_id[pledge_id].start, by_id[pledge_id].end

    return Run(
        "policydiff",
        tuple((p.start, p.end) for p in captured.a_pledges),
        tuple((p.start, p.end) for p in captured.b_pledges),
        records_of((classify(link, by_id) for link in links), span_of),
    )


def sweep(captured: Sequence[Captured], thresholds: Sequence[float] = THRESHOLDS) -> list[Point]:
    """Per-status precision, recall and F1 and macro-F1 over all pairs, at each threshold."""
    points = []
    for threshold in thresholds:
        outcomes = [o for item in captured for o in score_pair(item.pair, run_at(item, threshold))]
        points.append(Point(threshold, summarise(outcomes)))
    return points


def plateau(points: Sequence[Point], tolerance: float = PLATEAU_TOLERANCE) -> tuple[float, ...]:
    """Thresholds whose macro-F1 is within ``tolerance`` of the best."""
    best = max(p.summary["macro_f1"] for p in points)
    return tuple(p.threshold for p in points if p.summary["macro_f1"] >= best - tolerance)


def choose(
    points: Sequence[Point],
    current: float,
    tolerance: float = PLATEAU_TOLERANCE,
    allowed: Collection[float] | None = None,
) -> float:
    """The calibrated threshold: on the plateau of best macro-F1, the one closest to ``current``.

    Preferring the current value among near-ties keeps the constant where it is unless the
    calibration pairs clearly favour another; of two equally close, the lower wins.  When
    ``allowed`` is given (the thresholds real text admits, see :data:`MAX_REJECTED_LINKS`),
    only those compete, unless none of them was swept.
    """
    candidates = [p for p in points if allowed is None or p.threshold in allowed] or list(points)
    return min(plateau(candidates, tolerance), key=lambda t: (abs(t - current), t))


def admitted(agreements, limit: int = MAX_REJECTED_LINKS) -> frozenset[float]:
    """Thresholds at which the coder-labelled real manifestos show at most ``limit`` rejected links."""
    return frozenset(a.threshold for a in agreements if a.wrong <= limit)


def reproduced(recorder: Recorder, threshold: float) -> int:
    """How many recorded pairs get, at ``threshold``, exactly the records the pipeline gave.

    At the constant the pipeline used, this should be every pair: otherwise the sweep is not
    measuring what policydiff does.
    """
    return sum(
        1 for pair_id, item in recorder.captured.items()
        if run_at(item, threshold).records == recorder.runs[pair_id].records
    )
