"""Sparse candidate search: the k most similar pledges of B for each pledge of A, and back.

Cosine similarities are computed as sparse matrix products one block of A's rows at a
time, so memory is bounded by ``block_size × |B|`` floats however large the documents are;
no dense |A|×|B| matrix is ever built beyond a block.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

#: Largest number of dense cells computed at once (≈ 32 MB of float64).
MAX_BLOCK_CELLS = 4_000_000


def top_k(
    a_vectors: sp.csr_matrix,
    b_vectors: sp.csr_matrix,
    k: int,
    *,
    block_size: int = 2048,
) -> sp.csr_matrix:
    """Candidate pairs by cosine similarity of L2-normalised row vectors.

    Parameters
    ----------
    a_vectors, b_vectors : scipy sparse matrices, rows L2-normalised
        One row per pledge of A and of B.
    k : int
        Neighbours kept per row of A *and* per column of B: a pair is a candidate when
        either side ranks the other among its k nearest.
    block_size : int
        Rows of A multiplied at once (further capped so a block has at most
        :data:`MAX_BLOCK_CELLS` cells).

    Returns
    -------
    scipy.sparse.csr_matrix of shape (|A|, |B|)
        Cosine similarity in [0, 1] at candidate pairs with positive similarity; zero elsewhere.
    """
    n_a, n_b = a_vectors.shape[0], b_vectors.shape[0]
    if n_a == 0 or n_b == 0:
        return sp.csr_matrix((n_a, n_b))
    rows = max(1, min(block_size, MAX_BLOCK_CELLS // max(n_b, 1)))
    b_transposed = b_vectors.T.tocsc()
    k_row, k_col = min(k, n_b), min(k, n_a)
    col_best_score = np.full((k_col, n_b), -1.0)
    col_best_row = np.zeros((k_col, n_b), dtype=np.int64)
    kept_rows, kept_cols, kept_vals = [], [], []
    for first in range(0, n_a, rows):
        block = (a_vectors[first : first + rows] @ b_transposed).toarray()
        row_cols = _best(block, k_row, axis=1)
        row_ids = np.repeat(np.arange(block.shape[0]), k_row)
        kept_rows.append(row_ids + first)
        kept_cols.append(row_cols.ravel())
        kept_vals.append(block[row_ids, row_cols.ravel()])
        _merge_column_best(block, first, col_best_score, col_best_row)
    cols = np.tile(np.arange(n_b), k_col)
    kept_rows.append(col_best_row.ravel())
    kept_cols.append(cols)
    kept_vals.append(col_best_score.ravel())
    return _to_matrix(np.concatenate(kept_rows), np.concatenate(kept_cols), np.concatenate(kept_vals), (n_a, n_b))


def _merge_column_best(block: np.ndarray, first: int, best_score: np.ndarray, best_row: np.ndarray) -> None:
    """Fold one block into the running k best rows of every column (in place)."""
    k = best_score.shape[0]
    take = min(k, block.shape[0])
    local = _best(block, take, axis=0)
    local_scores = np.take_along_axis(block, local, axis=0)
    scores = np.vstack([best_score, local_scores])
    rows = np.vstack([best_row, local + first])
    order = np.argsort(-scores, axis=0, kind="stable")[:k]
    best_score[:] = np.take_along_axis(scores, order, axis=0)
    best_row[:] = np.take_along_axis(rows, order, axis=0)


def _best(block: np.ndarray, k: int, axis: int) -> np.ndarray:
    """Indices of the k largest values along an axis; ties go to the lower index, so results
    never depend on block boundaries or on the sort's internals."""
    order = np.argsort(-block, axis=axis, kind="stable")
    return order[:, :k] if axis == 1 else order[:k]


def _to_matrix(rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, shape: tuple[int, int]) -> sp.csr_matrix:
    """Sparse matrix of the positive candidate scores, each pair once."""
    keep = vals > 0
    rows, cols, vals = rows[keep], cols[keep], np.minimum(vals[keep], 1.0)
    _, first = np.unique(rows * shape[1] + cols, return_index=True)
    matrix = sp.csr_matrix((vals[first], (rows[first], cols[first])), shape=shape)
    matrix.sort_indices()
    return matrix


def brute_force_top_k(a_vectors: sp.csr_matrix, b_vectors: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Reference implementation on the full dense matrix, for tests on small inputs."""
    dense = (a_vectors @ b_vectors.T).toarray()
    n_a, n_b = dense.shape
    keep = np.zeros_like(dense, dtype=bool)
    for i in range(n_a):
        keep[i, np.argsort(-dense[i], kind="stable")[: min(k, n_b)]] = True
    for j in range(n_b):
        keep[np.argsort(-dense[:, j], kind="stable")[: min(k, n_a)], j] = True
    keep &= dense > 0
    return sp.csr_matrix(np.where(keep, np.minimum(dense, 1.0), 0.0))
