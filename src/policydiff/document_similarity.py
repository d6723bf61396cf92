"""Document similarity: how much of their programmes two documents share, for every pair.

Each pair's alignment already says which pledges have a counterpart in the other document;
``PairSimilarity.from_changes`` counts them, and :func:`similarity_matrix` gathers one count per
pair of documents into a :class:`~policydiff.model.DocumentSimilarity`, whose matrix holds
the share of both documents' pledges that are aligned (see
:attr:`~policydiff.model.PairSimilarity.similarity` for why that measure).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from policydiff.model import DocumentSimilarity, PairSimilarity

def every_pair(documents: Sequence[str]) -> list[tuple[str, str]]:
    """Every pair ``(documents[i], documents[j])`` with ``i < j``, in order of ``i`` then ``j``."""
    return [(first, second) for i, first in enumerate(documents) for second in documents[i + 1 :]]


def similarity_matrix(documents: Sequence[str], pairs: Iterable[PairSimilarity]) -> DocumentSimilarity:
    """The document-similarity matrix from the counts of every pair.

    Parameters
    ----------
    documents : sequence of str
        Document ids in comparison order.
    pairs : iterable of PairSimilarity
        Exactly one per pair of :func:`every_pair`, in any order.

    Raises
    ------
    ValueError
        A pair is missing, repeated or names a document not in ``documents``.
    """
    by_pair = {}
    for pair in pairs:
        key = (pair.source, pair.target)
        if key in by_pair:
            raise ValueError(f"pair {key} given twice")
        by_pair[key] = pair
    expected = every_pair(documents)
    if set(by_pair) != set(expected):
        raise ValueError(f"expected the {len(expected)} pairs of {len(documents)} documents, got {sorted(by_pair)}")
    return DocumentSimilarity(documents=tuple(documents), pairs=tuple(by_pair[key] for key in expected))
