"""Blocked sparse top-k search equals brute force, and never builds a full dense matrix."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.preprocessing import normalize

from policydiff.similarity import candidates
from policydiff.similarity.candidates import brute_force_top_k, top_k


def _sparse_rows(rng: np.random.Generator, n: int) -> sp.csr_matrix:
    """n L2-normalised sparse rows (some all zero), as TF-IDF vectors would be."""
    dense = rng.random((n, 12)) * (rng.random((n, 12)) < 0.3)
    return normalize(sp.csr_matrix(dense)) if n else sp.csr_matrix((0, 12))


@settings(max_examples=120, deadline=None)
@given(
    n_a=st.integers(0, 30), n_b=st.integers(0, 30), k=st.integers(1, 6), block=st.integers(1, 8), seed=st.integers(0, 10_000)
)
def test_blocked_search_equals_brute_force(n_a, n_b, k, block, seed):
    rng = np.random.default_rng(seed)
    a, b = _sparse_rows(rng, n_a), _sparse_rows(rng, n_b)
    fast = top_k(a, b, k, block_size=block)
    assert fast.shape == (n_a, n_b)
    if n_a and n_b:
        np.testing.assert_allclose(fast.toarray(), brute_force_top_k(a, b, k).toarray())


def test_every_row_and_column_keeps_at_most_k_candidates_of_its_own():
    rng = np.random.default_rng(0)
    a = normalize(sp.csr_matrix(rng.random((50, 20))))
    b = normalize(sp.csr_matrix(rng.random((40, 20))))
    found = top_k(a, b, 3, block_size=7)
    assert found.nnz <= 3 * 50 + 3 * 40
    assert (found.getnnz(axis=1) >= 3).all() and (found.getnnz(axis=0) >= 3).all()


def test_blocks_are_bounded_however_large_the_documents(monkeypatch):
    largest = []
    real_block = candidates._merge_column_best

    def spy(block, *args):
        largest.append(block.size)
        return real_block(block, *args)

    monkeypatch.setattr(candidates, "MAX_BLOCK_CELLS", 500)
    monkeypatch.setattr(candidates, "_merge_column_best", spy)
    rng = np.random.default_rng(1)
    a = normalize(sp.csr_matrix(rng.random((300, 10))))
    b = normalize(sp.csr_matrix(rng.random((100, 10))))
    top_k(a, b, 2, block_size=10_000)
    assert max(largest) <= 500 and len(largest) > 1
