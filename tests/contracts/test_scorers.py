"""One battery of checks that every similarity backend and preset must pass."""

from __future__ import annotations

import numpy as np
import pytest

from policydiff.model import Pledge
from policydiff.errors import MissingExtra
from policydiff.similarity import PRESETS, SCORERS, make_backend, make_scorer

TEXTS = [
    "We will recruit 3,000 more nurses by 2020.",
    "We will recruit 5,000 more nurses by 2024.",
    "We will abolish tuition fees for students.",
    "Tuition fees for students will be abolished by a Harbour government.",
    "We will plant one million trees across Saltmere.",
    "!!!",
]


def pledges() -> tuple[Pledge, ...]:
    return tuple(
        Pledge(id=f"d0:p{i}", doc="d0", start=0, end=len(t), text=t, clean=t, section=None, confidence=0.9, sentence=i)
        for i, t in enumerate(TEXTS)
    )


@pytest.fixture(params=[f"backend {n}" for n in sorted(SCORERS)] + [f"preset {n}" for n in sorted(PRESETS)])
def scorer(request):
    """Each backend alone and each preset ("embedding" names both); skipped where its extra is missing."""
    kind, name = request.param.split()
    made = make_backend(name) if kind == "backend" else make_scorer(name)
    try:
        made.fit(pledges())
    except MissingExtra as missing:
        pytest.skip(str(missing))
    return made


def test_fit_returns_the_scorer_itself(scorer):
    assert scorer.fit(pledges()) is scorer


def test_scores_are_in_unit_range_one_per_pair(scorer):
    scorer.fit(pledges())
    a = np.array([0, 0, 2, 5, 4])
    b = np.array([1, 4, 3, 5, 0])
    scores = scorer.score(a, b)
    assert scores.shape == (5,)
    assert np.all((scores >= 0) & (scores <= 1 + 1e-9))


def test_identical_wording_scores_highest_and_scores_are_symmetric(scorer):
    scorer.fit(pledges())
    same = scorer.score(np.array([0]), np.array([0]))[0]
    close = scorer.score(np.array([0]), np.array([1]))[0]
    far = scorer.score(np.array([0]), np.array([4]))[0]
    assert same >= close > far
    assert same == pytest.approx(1.0, abs=1e-6)
    forward = scorer.score(np.array([0, 2]), np.array([1, 3]))
    backward = scorer.score(np.array([1, 3]), np.array([0, 2]))
    np.testing.assert_allclose(forward, backward)


def test_a_paraphrase_scores_above_an_unrelated_pledge(scorer):
    scorer.fit(pledges())
    paraphrase = scorer.score(np.array([2]), np.array([3]))[0]
    unrelated = scorer.score(np.array([2]), np.array([4]))[0]
    assert paraphrase > unrelated


def test_unknown_names_are_refused_with_the_choices():
    from policydiff.errors import OptionError

    with pytest.raises(OptionError, match="choose from embedding, fuzzy, lexical, tfidf"):
        make_scorer("bert")
