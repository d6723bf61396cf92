"""The accuracy benchmark's calibration sweep: what it records, what it re-runs, and what it chooses.

The sweep (``benchmarks/accuracy/calibrate.py``) compares each pair once and re-runs only the
alignment and classification per threshold, so these tests check on tiny hand-built pairs
that it sees what the pipeline aligns, that a threshold moves a reworded pledge between
changed and dropped + new, and that the choice rule keeps the current constant on a tie.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "accuracy"))

from calibrate import Captured, Point, Recorder, admitted, choose, plateau, reproduced, run_at, sweep
from records import GoldPledge, Pair

from policydiff import InputError, Pledge, align

TEXT_A = "We will build homes. We will cut taxes. We will scrap the toll.\n"
TEXT_B = "We will build homes. We will lower taxes for families. We will plant trees.\n"


def _span(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def _pledge(doc: str, n: int, text: str, sentence: str) -> Pledge:
    start, end = _span(text, sentence)
    return Pledge(id=f"{doc}:p{n}", doc=doc, start=start, end=end, text=sentence, clean=sentence, section=None,
                  confidence=0.9, sentence=n)


def _pair() -> Pair:
    """A pair whose first pledge is untouched, whose second is reworded, and whose third is replaced."""
    a0, a1 = _span(TEXT_A, "We will build homes."), _span(TEXT_A, "We will cut taxes.")
    b0, b1 = _span(TEXT_B, "We will build homes."), _span(TEXT_B, "We will lower taxes for families.")
    a2, b2 = _span(TEXT_A, "We will scrap the toll."), _span(TEXT_B, "We will plant trees.")
    gold = (
        GoldPledge("a", *a0, "unchanged", "none", None, (b0,)),
        GoldPledge("b", *b0, "unchanged", "none", None, (a0,)),
        GoldPledge("a", *a1, "changed", "paraphrase", "reworded", (b1,)),
        GoldPledge("b", *b1, "changed", "paraphrase", "reworded", (a1,)),
        GoldPledge("a", *a2, "dropped", "drop", None),
        GoldPledge("b", *b2, "new", "insert", None),
    )
    return Pair("uk-000", "uk", "hand-built", "", None, 2015, TEXT_A, TEXT_B, gold)


def _captured(reworded_score: float) -> Captured:
    """The pair as the pipeline would hand it to match_pair, the reworded pledges scoring ``reworded_score``."""
    a = tuple(_pledge("d0", n, TEXT_A, s) for n, s in enumerate(("We will build homes.", "We will cut taxes.",
                                                                 "We will scrap the toll.")))
    b = tuple(_pledge("d1", n, TEXT_B, s) for n, s in enumerate(("We will build homes.",
                                                                 "We will lower taxes for families.",
                                                                 "We will plant trees.")))
    scores = sp.csr_matrix([[1.0, 0.0, 0.0], [0.0, reworded_score, 0.0], [0.0, 0.0, 0.0]])
    return Captured(_pair(), scores, a, b)


def test_below_the_threshold_a_reworded_pledge_is_dropped_and_new():
    statuses = {t: sorted(r.status for r in run_at(_captured(0.6), t).records) for t in (0.5, 0.7)}
    assert statuses[0.5] == ["changed", "dropped", "new", "unchanged"]
    assert statuses[0.7] == ["dropped", "dropped", "new", "new", "unchanged"]


def test_the_sweep_scores_each_threshold_against_the_gold():
    low, high = sweep([_captured(0.6)], (0.5, 0.7))
    assert low.summary["macro_f1"] == 1.0
    assert high.summary["unchanged"]["f1"] == 1.0
    assert high.summary["changed"]["recall"] == 0.0
    assert high.summary["dropped"]["precision"] == high.summary["new"]["precision"] == 0.5


def _points(macro: dict[float, float]) -> list[Point]:
    return [Point(t, {"macro_f1": value}) for t, value in macro.items()]


def test_the_plateau_is_every_threshold_within_the_tolerance_of_the_best():
    points = _points({0.4: 0.90, 0.45: 0.950, 0.5: 0.9495, 0.55: 0.951, 0.6: 0.93})
    assert plateau(points, tolerance=0.002) == (0.45, 0.5, 0.55)


def test_on_a_plateau_the_current_constant_is_kept():
    points = _points({0.4: 0.90, 0.45: 0.950, 0.5: 0.9495, 0.55: 0.951, 0.6: 0.93})
    assert choose(points, current=0.5, tolerance=0.002) == 0.5


def test_a_clearly_better_threshold_replaces_the_current_one():
    points = _points({0.4: 0.96, 0.45: 0.95, 0.5: 0.94})
    assert choose(points, current=0.5, tolerance=0.002) == 0.4


def test_off_the_plateau_the_closest_value_on_it_wins_and_ties_go_low():
    points = _points({0.4: 0.95, 0.45: 0.90, 0.5: 0.90, 0.55: 0.90, 0.6: 0.95})
    assert choose(points, current=0.5, tolerance=0.002) == 0.4
    assert choose(points, current=0.55, tolerance=0.002) == 0.6


def test_thresholds_that_make_wrong_links_on_real_text_do_not_compete():
    from realworld import Agreement

    points = _points({0.4: 0.96, 0.45: 0.95, 0.5: 0.94, 0.55: 0.93})
    real = [Agreement(0.4, 85, 36, 19, 12), Agreement(0.45, 85, 31, 24, 5), Agreement(0.5, 85, 24, 31, 1),
            Agreement(0.55, 85, 21, 34, 0)]
    assert admitted(real, limit=1) == {0.5, 0.55}
    assert choose(points, current=0.5, tolerance=0.002, allowed=admitted(real, limit=1)) == 0.5
    assert choose(points, current=0.5, tolerance=0.002) == 0.4


def test_the_recorder_sees_what_the_pipeline_aligns_and_reproduces_it():
    """If the pipeline stops aligning through align.match_pair, the sweep would measure nothing."""
    pair = Pair("uk-001", "uk", "hand-built", "", None, 2015,
                "We will build 3,000 homes.\n\nWe will cut income tax for families.\n",
                "We will build 5,000 homes.\n\nWe will cut income tax for working families.\n", ())
    original = align.match_pair
    recorder = Recorder("lexical")
    recorder(pair)
    assert align.match_pair is original
    captured = recorder.captured[pair.id]
    assert len(captured.a_pledges) == len(captured.b_pledges) == 2
    assert captured.scores.shape == (2, 2)
    assert reproduced(recorder, align.MIN_LINK_SCORE) == 1


def test_a_failing_comparison_still_puts_match_pair_back():
    pair = Pair("uk-002", "uk", "hand-built", "", None, 2015, "No pledges here.\n", "None here either.\n", ())
    original = align.match_pair
    with pytest.raises(InputError):
        Recorder("lexical")(pair)
    assert align.match_pair is original
