"""The units of work an executor runs: module-level pure functions of picklable data.

Each takes one item and keyword arguments shared by every call, and returns plain model
values, so it can run in this process, in a worker process or on another machine with the
same result.  :mod:`policydiff.pipeline` decides what runs and in which order.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from policydiff.model import Change, Document, PairSimilarity, Pledge

#: Options whose values change what :func:`find_pledges` returns (cache keys hash these).
DETECTION_OPTIONS = ("min_confidence",)


def find_pledges(document: Document, *, min_confidence: float) -> tuple[Pledge, ...]:
    """Segment a document into sentences and detect its pledges, in reading order.

    Parameters
    ----------
    document : Document
        A document as read, with its final id (pledge ids are ``<document id>:p<n>``).
    min_confidence : float
        Lowest detection confidence, in [0, 1], kept as a pledge.
    """
    from policydiff.pledges import detect_pledges
    from policydiff.segment import segment

    return detect_pledges(document, segment(document), min_confidence=min_confidence)


def align_pair(pair: tuple[list[int], list[int]], *, pledges: tuple[Pledge, ...], scorer, options) -> list[Change]:
    """:func:`align` for one pair given as (positions of A's pledges, positions of B's)."""
    a_positions, b_positions = pair
    return align(a_positions, b_positions, pledges=pledges, scorer=scorer, options=options)


def count_pair(pair: tuple[list[int], list[int]], *, pledges: tuple[Pledge, ...], scorer, options) -> PairSimilarity:
    """:func:`align_pair`, reduced to the counts of shared and unshared pledges.

    For pairs whose change records are not kept (the non-consecutive pairs of an all-pairs
    chain): the alignment is the same as :func:`align_pair` would make, and only the small
    count record travels back from the worker.
    """
    a_positions, b_positions = pair
    changes = align(a_positions, b_positions, pledges=pledges, scorer=scorer, options=options)
    return PairSimilarity.from_changes(pledges[a_positions[0]].doc, pledges[b_positions[0]].doc, changes)


def align(a_positions, b_positions, *, pledges: tuple[Pledge, ...], scorer, options) -> list[Change]:
    """Candidate search, context, matching and classification for two sets of pledges.

    Parameters
    ----------
    a_positions, b_positions : sequence of int
        Positions in ``pledges`` of the earlier and the later side's pledges.
    pledges : tuple of Pledge
        Every pledge of the comparison, with topics set (a change takes its pledges' topic).
    scorer : fitted scorer
        Fitted on ``pledges``; its ``vectors_`` rows follow their order.
    options : CompareOptions
        ``top_k`` and ``block_size`` bound the candidate search.

    Returns
    -------
    list of Change
        One change per link, in the order :func:`policydiff.align.match_pair` gives.
    """
    from policydiff.align import match_pair
    from policydiff.classify import classify
    from policydiff.similarity import score_candidates
    from policydiff.similarity.context import add_context

    a_idx, b_idx = np.asarray(a_positions), np.asarray(b_positions)
    a_pledges, b_pledges = tuple(pledges[i] for i in a_idx), tuple(pledges[j] for j in b_idx)
    scores = score_candidates(scorer, a_idx, b_idx, k=options.top_k, block_size=options.block_size)
    links = match_pair(add_context(scores, a_pledges, b_pledges), a_pledges, b_pledges)
    by_id = {p.id: p for p in a_pledges + b_pledges}
    changes = [classify(link, by_id) for link in links]
    return [replace(change, topic=by_id[(change.a or change.b)[0]].topic) for change in changes]
