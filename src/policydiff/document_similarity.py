"""Document similarity: how much of their programmes two documents share, for every pair.

Each pair's alignment already says which pledges have a counterpart in the other document;
:func:`pair_similarity` counts them, and :func:`similarity_matrix` gathers one count per
pair of documents into a :class:`~policydiff.model.DocumentSimilarity`, whose matrix holds
the share of both documents' pledges that are aligned (see
:attr:`~policydiff.model.PairSimilarity.similarity` for why that measure).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from policydiff.model import Change, DocumentSimilarity, PairSimilarity

#: Statuses of change records whose pledges have a counterpart in the other document.
SHARED = ("unchanged", "changed")


def pair_similarity(source: str, target: str, changes: Iterable[Change]) -> PairSimilarity:
    """Counts of shared and unshared pledges of one aligned pair.

    Parameters
    ----------
    source, target : str
        Ids of the earlier and the later document of the pair.
    changes : iterable of Change
        Change records; those of other pairs are ignored.  Every pledge of both documents
        is in exactly one record of the pair, so the counts add up to their pledges.
    """
    counts = {"unchanged": 0, "changed": 0, "shared_a": 0, "shared_b": 0, "only_a": 0, "only_b": 0}
    for change in changes:
        if (change.source, change.target) != (source, target):
            continue
        if change.status in SHARED:
            counts[change.status] += 1
            counts["shared_a"] += len(change.a)
            counts["shared_b"] += len(change.b)
        else:
            counts["only_a"] += len(change.a)
            counts["only_b"] += len(change.b)
    return PairSimilarity(source=source, target=target, **counts)


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
