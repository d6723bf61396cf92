"""The interface every similarity backend follows.

A scorer learns what it needs from all pledges of a comparison at once (so, for TF-IDF,
document frequencies are shared by every document) and then scores pairs of pledges by
their positions in that list.  Scores are floats in [0, 1]; 1 means the same wording.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np

from policydiff.model import Pledge


@runtime_checkable
class Scorer(Protocol):
    """Scores pairs of pledges.

    ``fit(pledges)`` learns from the pledges of every compared document and returns self.
    ``score(a_idx, b_idx)`` returns one score in [0, 1] per pair ``(a_idx[i], b_idx[i])`` of
    positions in the fitted list.
    """

    def fit(self, pledges: tuple[Pledge, ...]) -> Scorer: ...  # pragma: no cover

    def score(self, a_idx: np.ndarray, b_idx: np.ndarray) -> np.ndarray: ...  # pragma: no cover
