"""Similarity backends, chosen by name.

``SCORERS`` maps a name to a ``"module:Class"`` string imported only when chosen, so
``policydiff --help`` can list names without importing scikit-learn.  A *preset* is what
``--similarity`` selects: a weighted combination of scorers.
"""

from __future__ import annotations

import importlib

import numpy as np
import scipy.sparse as sp

from policydiff.errors import OptionError
from policydiff.model import Pledge
from policydiff.similarity.base import Scorer
from policydiff.similarity.candidates import top_k

SCORERS = {
    "tfidf": "policydiff.similarity.tfidf:TfidfScorer",
    "fuzzy": "policydiff.similarity.fuzzy:FuzzyScorer",
}

#: Weights of each scorer in a preset.  "lexical" gives TF-IDF and token scores equal say:
#: on the demo corpus's reworded pairs TF-IDF ranks the true counterpart first more often,
#: while token scores separate a clause change from a different pledge on the same topic.
PRESETS = {
    "lexical": {"tfidf": 0.5, "fuzzy": 0.5},
}


def make_scorer(name: str) -> Scorer:
    """A new, unfitted scorer by registry name or preset name."""
    if name in PRESETS:
        return CombinedScorer(PRESETS[name])
    if name not in SCORERS:
        choices = ", ".join(sorted(set(SCORERS) | set(PRESETS)))
        raise OptionError(f"unknown similarity {name!r}; choose from {choices}")
    module_name, class_name = SCORERS[name].split(":")
    return getattr(importlib.import_module(module_name), class_name)()


class CombinedScorer:
    """Weighted mean of several scorers; candidates come from the TF-IDF vectors.

    Parameters
    ----------
    weights : dict of str to float
        Scorer name → weight; weights are normalised to sum to 1.
    """

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights

    def fit(self, pledges: tuple[Pledge, ...]) -> CombinedScorer:
        """Fit every member scorer (and a TF-IDF scorer for candidate search) on all pledges."""
        total = sum(self.weights.values())
        self.members_ = tuple(
            (name, weight / total, make_scorer(name).fit(pledges)) for name, weight in sorted(self.weights.items())
        )
        tfidf = [scorer for name, _, scorer in self.members_ if name == "tfidf"]
        self.vectors_ = tfidf[0].vectors_ if tfidf else make_scorer("tfidf").fit(pledges).vectors_
        return self

    def score(self, a_idx: np.ndarray, b_idx: np.ndarray) -> np.ndarray:
        """Weighted mean score in [0, 1] of each pair."""
        total = np.zeros(len(a_idx))
        for _, weight, scorer in self.members_:
            total += weight * scorer.score(a_idx, b_idx)
        return total


def score_candidates(
    scorer: CombinedScorer,
    a_idx: np.ndarray,
    b_idx: np.ndarray,
    *,
    k: int,
    block_size: int,
) -> sp.csr_matrix:
    """Combined scores of the candidate pairs between two sets of fitted pledges.

    Returns a sparse matrix of shape (|a_idx|, |b_idx|) whose non-zero cells are the
    scores of candidate pairs (the k nearest by TF-IDF cosine, in either direction).
    """
    vectors = scorer.vectors_
    candidates = top_k(vectors[a_idx], vectors[b_idx], k, block_size=block_size).tocoo()
    scores = scorer.score(np.asarray(a_idx)[candidates.row], np.asarray(b_idx)[candidates.col])
    matrix = sp.coo_matrix((np.maximum(scores, 1e-9), (candidates.row, candidates.col)), shape=candidates.shape)
    return matrix.tocsr()
