"""Context: where a pledge stands is evidence of what it is.

A reworded pledge often shares few words with its earlier self ("cut the wait for a GP
appointment to 48 hours" → "guarantee every patient a GP appointment within two days"), but
it usually keeps its place: under a heading on the same subject, between pledges that
survived almost word for word.  This step raises the score of a candidate pair when

* its neighbours are *anchors* — nearby pledges on both sides that are each other's
  best match with a high score, in the same order; and
* the two section headings share their content words.

Only pairs whose words already make them plausible (score ≥ :data:`CONTEXT_FLOOR`) are
raised, so context can tip a close call but never pair two unrelated pledges.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from policydiff.model import Pledge
from policydiff.similarity.fuzzy import content_words

#: A pair is an anchor when both are each other's best candidate with at least this score
#: (on the demo corpus every pair scoring above 0.65 is a true counterpart).
ANCHOR_SCORE = 0.65
#: How far, in pledges, an anchor may stand from a candidate pair and still vouch for it.
NEIGHBOURHOOD = 3
#: Raise for an anchor before the pair and another for one after it.
NEIGHBOUR_BONUS = 0.04
#: Raise when the headings of the two pledges share most of their content words.
SECTION_BONUS = 0.04
#: Jaccard overlap of heading words at which two headings are "the same subject".
SECTION_OVERLAP = 0.5
#: Pairs scoring below this on their words get no help from context.
CONTEXT_FLOOR = 0.3


def add_context(scores: sp.csr_matrix, a_pledges: tuple[Pledge, ...], b_pledges: tuple[Pledge, ...]) -> sp.csr_matrix:
    """Candidate scores raised by neighbour and section agreement, clipped to [0, 1].

    Parameters
    ----------
    scores : scipy.sparse.csr_matrix of shape (|A|, |B|)
        Word-based scores of candidate pairs.
    a_pledges, b_pledges : tuple of Pledge
        The pledges of both documents in reading order (the matrix's order).
    """
    coo = scores.tocoo()
    anchors = _anchors(scores)
    a_sections = [content_words(p.section or "") for p in a_pledges]
    b_sections = [content_words(p.section or "") for p in b_pledges]
    raised = coo.data.copy()
    for n, (i, j, score) in enumerate(zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist())):
        if score < CONTEXT_FLOOR or (i, j) in anchors:
            continue
        raised[n] += NEIGHBOUR_BONUS * _flanking_anchors(i, j, anchors)
        if _overlap(a_sections[i], b_sections[j]) >= SECTION_OVERLAP:
            raised[n] += SECTION_BONUS
    return sp.csr_matrix((np.minimum(raised, 1.0), (coo.row, coo.col)), shape=scores.shape)


def _anchors(scores: sp.csr_matrix) -> set[tuple[int, int]]:
    """Pairs that are each other's best candidate with a score of at least ANCHOR_SCORE."""
    if scores.nnz == 0:
        return set()
    dense_rows = scores.tocsr()
    row_best = np.asarray(dense_rows.argmax(axis=1)).ravel()
    col_best = np.asarray(dense_rows.tocsc().argmax(axis=0)).ravel()
    return {
        (i, int(j))
        for i, j in enumerate(row_best.tolist())
        if dense_rows[i, j] >= ANCHOR_SCORE and col_best[j] == i
    }


def _flanking_anchors(i: int, j: int, anchors: set[tuple[int, int]]) -> int:
    """Anchors just before and just after the pair, in the same order on both sides (0–2)."""
    before = any((i - d, j - e) in anchors for d in range(1, NEIGHBOURHOOD + 1) for e in range(1, NEIGHBOURHOOD + 2))
    after = any((i + d, j + e) in anchors for d in range(1, NEIGHBOURHOOD + 1) for e in range(1, NEIGHBOURHOOD + 2))
    return int(before) + int(after)


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)
