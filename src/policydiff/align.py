"""Alignment: which pledge of one document is which pledge of the next.

Candidate pairs and their scores arrive as a sparse matrix.  They become the weighted
edges of a bipartite networkx graph, and the alignment is its maximum-weight matching: the
one-to-one pairing with the largest total similarity, so one strong pair is never broken
up for two weak ones.  Pledges left over are then offered to links they complete:

* a *split*: a leftover pledge of B that carries the missing part of a pledge of A already
  matched to another pledge of B ("cut bus fares and extend night buses" → two pledges);
* a *merge*: the same, the other way round;
* a *restatement*: pledges of one document that repeat each other nearly word for word (a
  manifesto's summary box and its body) are grouped before matching and move as one.

What is still left over has no counterpart: dropped (A) or new (B).
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import scipy.sparse as sp

from policydiff.model import Change, Lineage, Link, Pledge
from policydiff.similarity.fuzzy import content_words, keys_are_restatements, restatement_key

#: Lowest combined score at which two pledges can be the same commitment.  Calibrated by the
#: accuracy benchmark (``benchmarks/accuracy/RESULTS.md``, curve in ``calibration.png``): on
#: its calibration pairs macro-F1 is flat from 0.375 to 0.45 (0.991) and 0.985 at 0.5, but
#: below 0.5 a coder's judgements of two real manifestos show links to the wrong pledge (5
#: of 85 at 0.45, none at 0.5), and the demo's new Kestrel Bay station pledge is linked to
#: another; 0.5 is the best threshold that real text admits.
MIN_LINK_SCORE = 0.5
#: A leftover pledge joins a split or merge only if at least this share of its content
#: words occur in the pledge it came from…
SPLIT_MIN_PRECISION = 0.6
#: …and adding it covers at least this much more of that pledge's content words,
SPLIT_MIN_GAIN = 0.2
#: …or, for a short part ("We will reduce the deficit." cut from a long list of aims), at
#: least this share of its own content words are ones the other parts leave out…
SPLIT_MIN_NOVELTY = 0.4
#: …and, either way, at least this many such words: one shared word is chance.  The three
#: values were set on the development seed of the accuracy benchmark, where a fixed 0.2
#: gain left short parts of long pledges as "new".
SPLIT_MIN_NEW_WORDS = 2


def match_pair(
    scores: sp.csr_matrix,
    a_pledges: tuple[Pledge, ...],
    b_pledges: tuple[Pledge, ...],
    *,
    min_score: float | None = None,
) -> tuple[Link, ...]:
    """Align the pledges of two documents.

    Parameters
    ----------
    scores : scipy.sparse.csr_matrix of shape (|A|, |B|)
        Similarity in [0, 1] of candidate pairs; absent cells are not candidates.
    a_pledges, b_pledges : tuple of Pledge
        The pledges of the earlier and the later document, in the matrix's order.
    min_score : float, optional
        Pairs scoring below this are never aligned; :data:`MIN_LINK_SCORE` when omitted.

    Returns
    -------
    tuple of Link
        Every pledge of A in exactly one link's ``a`` and every pledge of B in exactly
        one link's ``b``; ordered by A's reading order, then new pledges by B's.
    """
    scores = sp.csr_matrix(scores)
    a_units = restatement_groups(scores, a_pledges)
    b_units = restatement_groups(scores.T.tocsr(), b_pledges)
    unit_scores = _unit_scores(scores, a_units, b_units)
    a_reps = [_representative(a_pledges, unit) for unit in a_units]
    b_reps = [_representative(b_pledges, unit) for unit in b_units]
    matched = _matching(unit_scores, MIN_LINK_SCORE if min_score is None else min_score)
    groups = {a: ([a], [b], float(unit_scores[a, b])) for a, b in matched}
    partner_of_b = {b: a for a, b in matched}
    leftover_a = sorted(set(range(len(a_units))) - set(partner_of_b.values()))
    leftover_b = sorted(set(range(len(b_units))) - set(partner_of_b))
    by_column = unit_scores.tocsc()
    for b in list(leftover_b):
        a = _completed_group(_slice(by_column, b), b_reps[b], b_reps, a_reps, groups)
        if a is not None:
            groups[a][1].append(b)
            leftover_b.remove(b)
    by_b = {b: (groups[a][1], groups[a][0], groups[a][2]) for b, a in partner_of_b.items()}
    for a in list(leftover_a):
        b = _completed_group(_slice(unit_scores, a), a_reps[a], a_reps, b_reps, by_b)
        if b is not None:
            groups[partner_of_b[b]][0].append(a)
            leftover_a.remove(a)
    source = a_pledges[0].doc if a_pledges else ""
    target = b_pledges[0].doc if b_pledges else ""

    def ids(pledges, units, chosen):
        return tuple(pledges[i].id for i in sorted(i for u in chosen for i in units[u]))

    links = [Link(source, target, ids(a_pledges, a_units, a_side), ids(b_pledges, b_units, b_side), round(score, 4))
             for a_side, b_side, score in groups.values()]
    links += [Link(source, target, ids(a_pledges, a_units, [a]), (), 0.0) for a in leftover_a]
    position = {p.id: i for i, p in enumerate(a_pledges)}
    links.sort(key=lambda link: min(position[i] for i in link.a))
    b_position = {p.id: i for i, p in enumerate(b_pledges)}
    new = [Link(source, target, (), ids(b_pledges, b_units, [b]), 0.0) for b in leftover_b]
    return tuple(links + sorted(new, key=lambda link: min(b_position[i] for i in link.b)))


def restatement_groups(scores: sp.csr_matrix, pledges: tuple[Pledge, ...]) -> list[tuple[int, ...]]:
    """Pledges of one document grouped with their restatements, in reading order.

    Only pledges that are candidates of one same pledge of the other document are
    compared, which keeps the work proportional to the candidate lists.
    """
    parent = list(range(len(pledges)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    keys = [restatement_key(p.clean) for p in pledges]
    checked: set[tuple[int, int]] = set()
    columns = scores.T.tocsr()
    for column in range(columns.shape[0]):
        rows = sorted(columns.indices[columns.indptr[column] : columns.indptr[column + 1]].tolist())
        for n, first in enumerate(rows):
            for second in rows[n + 1 :]:
                if (first, second) in checked or root(first) == root(second):
                    continue
                checked.add((first, second))
                if keys_are_restatements(keys[first], keys[second]):
                    parent[max(root(first), root(second))] = min(root(first), root(second))
    units: dict[int, list[int]] = {}
    for i in range(len(pledges)):
        units.setdefault(root(i), []).append(i)
    return [tuple(members) for _, members in sorted(units.items())]


def _unit_scores(scores: sp.csr_matrix, a_units, b_units) -> sp.csr_matrix:
    """Scores between groups: the best score of any two members."""
    a_of = np.empty(scores.shape[0], dtype=np.int64)
    b_of = np.empty(scores.shape[1], dtype=np.int64)
    for u, members in enumerate(a_units):
        a_of[list(members)] = u
    for u, members in enumerate(b_units):
        b_of[list(members)] = u
    coo = scores.tocoo()
    best: dict[tuple[int, int], float] = {}
    for r, c, v in zip(a_of[coo.row].tolist(), b_of[coo.col].tolist(), coo.data.tolist()):
        if v > best.get((r, c), 0.0):
            best[(r, c)] = v
    keys = sorted(best)
    return sp.csr_matrix(
        ([best[k] for k in keys], ([k[0] for k in keys], [k[1] for k in keys])),
        shape=(len(a_units), len(b_units)),
    )


def _representative(pledges: tuple[Pledge, ...], unit: tuple[int, ...]) -> Pledge:
    """The fullest statement of a group: its longest pledge (the body, not the summary box)."""
    return max((pledges[i] for i in unit), key=lambda p: (len(p.clean), -p.start))


def _matching(scores: sp.csr_matrix, min_score: float) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one matching over candidate pairs at or above ``min_score``."""
    graph = nx.Graph()
    coo = scores.tocoo()
    for a, b, score in sorted(zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist())):
        if score >= min_score:
            graph.add_edge(("a", a), ("b", b), weight=round(score, 9))
    pairs = []
    for left, right in nx.max_weight_matching(graph):
        a_node, b_node = (left, right) if left[0] == "a" else (right, left)
        pairs.append((a_node[1], b_node[1]))
    return sorted(pairs)


def _slice(matrix: sp.csr_matrix | sp.csc_matrix, i: int) -> list[tuple[float, int]]:
    """(score, unit of the other document) of one row of a CSR matrix or one column of a CSC
    matrix, read from its arrays: one slice of a sparse matrix costs tens of microseconds,
    and a long comparison takes tens of thousands."""
    start, end = matrix.indptr[i], matrix.indptr[i + 1]
    return list(zip(matrix.data[start:end].tolist(), matrix.indices[start:end].tolist()))


def _completed_group(candidates: list[tuple[float, int]], leftover: Pledge, own_reps, other_reps, groups) -> int | None:
    """The key of the group a leftover pledge completes as a split or merge part, if any.

    ``candidates`` are (score, unit of the other document) pairs; ``groups`` maps a key unit
    of the other document to (its side, the own side, score).  Candidates are tried from the
    highest score down.
    """
    ranked = sorted(candidates, key=lambda item: (-item[0], item[1]))
    for _, key in ranked:
        if key in groups and _completes(other_reps[key], [own_reps[i] for i in groups[key][1]], leftover):
            return key
    return None


def _completes(whole: Pledge, parts: list[Pledge], extra: Pledge) -> bool:
    """Whether ``extra`` carries a further part of ``whole`` that ``parts`` leave out."""
    whole_words = content_words(whole.clean)
    extra_words = content_words(extra.clean)
    if not whole_words or not extra_words:
        return False
    precision = len(extra_words & whole_words) / len(extra_words)
    covered = set().union(*(content_words(p.clean) for p in parts)) & whole_words
    uncovered = (extra_words & whole_words) - covered
    gain = len(uncovered) / len(whole_words)
    novelty = len(uncovered) / len(extra_words)
    return (
        precision >= SPLIT_MIN_PRECISION
        and len(uncovered) >= SPLIT_MIN_NEW_WORDS
        and (gain >= SPLIT_MIN_GAIN or novelty >= SPLIT_MIN_NOVELTY)
    )


def build_lineages(
    document_order: tuple[str, ...],
    pledges: tuple[Pledge, ...],
    changes: tuple[Change, ...],
    revivals: tuple[Change, ...] = (),
) -> tuple[Lineage, ...]:
    """Chains of aligned pledges across documents.

    The alignment graph has a node per pledge and an edge per aligned pair (every pledge of
    a record's ``a`` with every pledge of its ``b``), consecutive documents and revivals
    alike.  Each connected part spanning two or more documents is a lineage.

    Returns
    -------
    tuple of Lineage
        Ordered by their first pledge; ids "l0", "l1", …  ``pledges`` are in document order,
        then reading order; ``flags`` may hold "revived" (it skips a document), "split" and
        "merged".
    """
    graph = alignment_graph(pledges, changes, revivals)
    rank = {doc: i for i, doc in enumerate(document_order)}
    place = {p.id: (rank[p.doc], p.start, p.id) for p in pledges}
    lineages = []
    for component in nx.connected_components(graph):
        members = sorted(component, key=place.__getitem__)
        if len({place[m][0] for m in members}) < 2:
            continue
        edges = [graph.edges[e] for e in graph.subgraph(component).edges]
        flags = tuple(
            flag
            for flag, present in (
                ("revived", any(e["revived"] for e in edges)),
                ("split", any(e["kind"] == "split" for e in edges)),
                ("merged", any(e["kind"] == "merged" for e in edges)),
            )
            if present
        )
        lineages.append((members, flags))
    lineages.sort(key=lambda item: place[item[0][0]])
    return tuple(
        Lineage(
            id=f"l{n}",
            pledges=tuple(members),
            first=document_order[place[members[0]][0]],
            last=document_order[place[members[-1]][0]],
            flags=flags,
        )
        for n, (members, flags) in enumerate(lineages)
    )


def alignment_graph(pledges: tuple[Pledge, ...], changes: tuple[Change, ...], revivals: tuple[Change, ...] = ()) -> nx.Graph:
    """The alignment graph: pledges as nodes, aligned pairs as edges (with status, kind, score)."""
    graph = nx.Graph()
    for pledge in pledges:
        graph.add_node(pledge.id, doc=pledge.doc)
    for change, revived in [(c, False) for c in changes] + [(c, True) for c in revivals]:
        if not (change.a and change.b):
            continue
        for a in change.a:
            for b in change.b:
                graph.add_edge(a, b, status=change.status, kind=change.kind or "", score=change.score, revived=revived)
    return graph
