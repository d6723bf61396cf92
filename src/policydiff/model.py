"""The data model that flows through every stage of policydiff.

Every type here is a frozen dataclass of plain values, so stages can pass them around
without copying, hash them, and never mutate what another stage produced.

One rule holds for every type with ``start`` and ``end``: they are half-open Python
``str`` indices into :attr:`Document.text`, the text exactly as read, so
``document.text[start:end]`` is the span itself.  Ids are short, stable, sortable
strings ("d0", "d0:p12", "t3").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "policydiff/comparison-v1"

#: Statuses a change record can have, in the order reports list them.
STATUSES = ("unchanged", "changed", "new", "dropped")

#: Kinds of change the classifier can report (see ``classify.py`` for how each is detected).
KINDS = (
    "reworded",
    "number-changed",
    "hedged",
    "firmed",
    "negated",
    "clause-added",
    "clause-removed",
    "moved",
    "split",
    "merged",
)


@dataclass(frozen=True)
class Section:
    """A heading and the stretch of text it governs.

    ``start``/``end`` cover the heading line and everything up to the next heading of the
    same or a higher level; ``level`` is 1 for a top heading (``#``), 2 for ``##`` and so on.
    """

    doc: str
    start: int
    end: int
    title: str
    level: int = 1


@dataclass(frozen=True)
class Document:
    """One input document (a manifesto, a speech, a programme for government).

    ``text`` is the text exactly as read (after UTF-8 decoding and dropping a BOM), so
    every offset elsewhere points into it.  ``sha256`` is the hash of the file's bytes.
    ``source_format`` names the reader that produced it ("text", "markdown", …).
    ``categories`` holds codes that the input gives to spans of the text, as
    ``(start, end, code)`` in order of ``start`` and never overlapping (a Manifesto Project
    CSV gives each quasi-sentence its ``cmp_code``); it is empty when the input has none.
    """

    id: str
    label: str
    text: str
    path: str | None = None
    sha256: str | None = None
    party: str | None = None
    year: int | None = None
    sections: tuple[Section, ...] = ()
    source_format: str = "text"
    categories: tuple[tuple[int, int, str], ...] = ()

    def category_at(self, offset: int) -> str | None:
        """The code of the category span that contains ``offset``, or None outside every span."""
        index = bisect.bisect_right(self.categories, offset, key=lambda span: span[0]) - 1
        if index >= 0 and offset < self.categories[index][1]:
            return self.categories[index][2]
        return None

    def section_at(self, offset: int) -> Section | None:
        """The innermost section that contains ``offset``, or None before the first heading."""
        found = None
        for section in self.sections:
            if section.start <= offset < section.end:
                if found is None or section.level >= found.level:
                    found = section
        return found


@dataclass(frozen=True)
class Sentence:
    """A sentence or list item of a document.

    ``clean`` is the sentence as a reader would quote it: line breaks and runs of spaces
    folded to one space, words hyphenated across a line break rejoined, the bullet or
    list number dropped.  ``is_item`` is true for a bullet or numbered list item;
    ``lead_in`` is the index of the sentence that introduced its list ("We will:"), or None.
    """

    doc: str
    start: int
    end: int
    index: int
    clean: str
    section: str | None = None
    is_item: bool = False
    lead_in: int | None = None


@dataclass(frozen=True)
class Pledge:
    """A commitment found in a document.

    ``text`` is ``document.text[start:end]`` exactly; ``clean`` is the same words as
    a reader would quote them (see :class:`Sentence`).  ``confidence`` in [0, 1] is how
    sure the detector is that the sentence commits its author to a future action.
    ``category`` is an external code when the input carries one (e.g. a Manifesto
    Project ``cmp_code``); ``topic`` is set by topic clustering.
    """

    id: str
    doc: str
    start: int
    end: int
    text: str
    clean: str
    section: str | None
    confidence: float
    sentence: int
    category: str | None = None
    topic: str | None = None
    domain: str | None = None


@dataclass(frozen=True)
class Topic:
    """A cluster of pledges shared across documents.

    ``label`` joins the most distinctive ``terms``; ``size`` counts its pledges in all
    documents; ``domain`` is the Manifesto Project policy domain most of its pledges fall in
    (None unless a taxonomy was applied); ``examples`` are ids of its most central pledges.
    """

    id: str
    label: str
    terms: tuple[str, ...]
    size: int
    domain: str | None = None
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicShift:
    """What happened to one topic between two documents.

    The counts are change records of the pair whose pledges are in the topic.  ``share_source``
    and ``share_target`` are the topic's share of each document's pledges (its salience), in
    [0, 1]; ``shift`` is their difference (positive when the topic grew).
    """

    topic: str
    source: str
    target: str
    unchanged: int
    changed: int
    new: int
    dropped: int
    share_source: float
    share_target: float
    shift: float


@dataclass(frozen=True)
class Link:
    """Pledges of two documents that the aligner judged to be the same commitment.

    ``a`` holds ids from the earlier document, ``b`` from the later one.  One of each is a
    plain match; one-to-many is a split, many-to-one a merge; one side empty means the
    pledge has no counterpart.  ``score`` in [0, 1] is the similarity of the pair (0 when
    one side is empty).
    """

    source: str
    target: str
    a: tuple[str, ...]
    b: tuple[str, ...]
    score: float


@dataclass(frozen=True)
class WordOp:
    """One operation of a word-level diff, with difflib's tags.

    ``a_start``/``a_end`` index the words of the earlier pledge's clean text and
    ``b_start``/``b_end`` the later one's; ``text_a``/``text_b`` are those words joined.
    """

    tag: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    text_a: str
    text_b: str


@dataclass(frozen=True)
class Change:
    """The verdict on one link: what happened to a pledge between two documents.

    ``status`` is one of :data:`STATUSES`; ``kind`` one of :data:`KINDS` or None; ``kinds``
    lists every kind detected (``kind`` is the most telling of them).
    """

    source: str
    target: str
    status: str
    a: tuple[str, ...]
    b: tuple[str, ...]
    score: float
    kind: str | None = None
    kinds: tuple[str, ...] = ()
    diff: tuple[WordOp, ...] = ()
    topic: str | None = None


@dataclass(frozen=True)
class Lineage:
    """A chain of aligned pledges followed across documents in order."""

    id: str
    pledges: tuple[str, ...]
    first: str
    last: str
    flags: tuple[str, ...] = ()


#: What ``Comparison.similarity`` measures, as recorded in ``comparison.json``.
SIMILARITY_DEFINITION = (
    "share of the two documents' pledges aligned with a pledge of the other: "
    "(shared_a + shared_b) / (pledges_a + pledges_b), in [0, 1]; 1 on the diagonal"
)


@dataclass(frozen=True)
class PairSimilarity:
    """How many pledges two documents share, from the alignment of the pair.

    ``source`` is the earlier document of the pair and ``target`` the later one, as in a
    :class:`Change`.  ``unchanged`` and ``changed`` count the change records linking pledges
    of both (same words, other words); ``shared_a`` and ``shared_b`` count the pledges of
    ``source`` and of ``target`` in those records, and ``only_a`` and ``only_b`` the pledges
    with no counterpart (dropped and new records).  A split or a merge links one pledge of
    one side to several of the other, so ``shared_a`` and ``shared_b`` may differ.
    """

    source: str
    target: str
    unchanged: int
    changed: int
    shared_a: int
    shared_b: int
    only_a: int
    only_b: int

    @classmethod
    def from_changes(cls, source: str, target: str, changes: Iterable[Change]) -> PairSimilarity:
        """Count the shared and unshared pledges of one aligned pair from its change records.

        Records of other pairs are ignored.  Every pledge of both documents is in exactly one
        record of the pair, so the counts add up to their pledges.
        """
        counts = {"unchanged": 0, "changed": 0, "shared_a": 0, "shared_b": 0, "only_a": 0, "only_b": 0}
        for change in changes:
            if (change.source, change.target) != (source, target):
                continue
            if change.status in ("unchanged", "changed"):
                counts[change.status] += 1
                counts["shared_a"] += len(change.a)
                counts["shared_b"] += len(change.b)
            else:
                counts["only_a"] += len(change.a)
                counts["only_b"] += len(change.b)
        return cls(source=source, target=target, **counts)

    @property
    def similarity(self) -> float:
        """Share of the two documents' pledges that have a counterpart in the other, in [0, 1].

        ``(shared_a + shared_b) / (shared_a + shared_b + only_a + only_b)``: the Dice
        coefficient of the two pledge sets under the alignment, which for one-to-one links
        is ``2·|aligned pairs| / (|A| + |B|)``.  Counting aligned pledges rather than
        averaging scores keeps the measure on the same footing as the change records (a
        pledge either has a counterpart or it has not) and independent of how scores are
        spread below the alignment threshold.  0 when neither document has a pledge.
        """
        total = self.shared_a + self.shared_b + self.only_a + self.only_b
        return (self.shared_a + self.shared_b) / total if total else 0.0


@dataclass(frozen=True)
class DocumentSimilarity:
    """The document-similarity matrix of a comparison in which every pair was aligned.

    ``documents`` holds the document ids in comparison order (the matrix's rows and
    columns); ``pairs`` one :class:`PairSimilarity` per pair ``(documents[i], documents[j])``
    with ``i < j``, in order of ``i`` then ``j``.
    """

    documents: tuple[str, ...]
    pairs: tuple[PairSimilarity, ...]
    definition: str = SIMILARITY_DEFINITION

    def matrix(self) -> list[list[float]]:
        """Similarity of every document with every other, rows and columns in ``documents`` order.

        Symmetric, with 1.0 on the diagonal (a document shares all its pledges with itself)
        and :attr:`PairSimilarity.similarity` elsewhere.
        """
        index = {doc: i for i, doc in enumerate(self.documents)}
        values = [[1.0 if i == j else 0.0 for j in range(len(self.documents))] for i in range(len(self.documents))]
        for pair in self.pairs:
            i, j = index[pair.source], index[pair.target]
            values[i][j] = values[j][i] = pair.similarity
        return values

    def between(self, first: str, second: str) -> float:
        """Similarity of two documents by id, in either order (1.0 for a document with itself)."""
        if first == second:
            return 1.0
        for pair in self.pairs:
            if {pair.source, pair.target} == {first, second}:
                return pair.similarity
        raise KeyError((first, second))

    def ranked(self) -> tuple[PairSimilarity, ...]:
        """The pairs from most to least similar (ties in pair order)."""
        return tuple(sorted(self.pairs, key=lambda pair: -pair.similarity))

    def extremes(self, n: int) -> tuple[tuple[PairSimilarity, ...], tuple[PairSimilarity, ...]]:
        """The ``n`` most similar pairs (most first) and the ``n`` least similar (least first).

        No pair is named twice: with fewer than ``2 n`` pairs the more similar half (the
        larger half, when odd) is the first list, so one pair gives ``((pair,), ())``.
        """
        ranked = self.ranked()
        most = ranked[: min(n, -(-len(ranked) // 2))]
        least = ranked[len(most) :][::-1][:n]
        return most, least


@dataclass(frozen=True)
class Comparison:
    """The result of comparing documents: everything a report needs, and nothing else.

    ``options`` records the options that produced it (as plain JSON values), so a saved
    comparison says how to reproduce itself.  ``similarity`` is the document-similarity
    matrix when every pair of documents was aligned (``all_pairs``), else None; its pairs
    that are not among :attr:`pairs` keep only their counts, not their change records.
    """

    documents: tuple[Document, ...]
    pledges: tuple[Pledge, ...]
    changes: tuple[Change, ...]
    topics: tuple[Topic, ...] = ()
    lineages: tuple[Lineage, ...] = ()
    topic_shifts: tuple[TopicShift, ...] = ()
    revivals: tuple[Change, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    schema: str = SCHEMA
    similarity: DocumentSimilarity | None = None

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """The document pairs compared, in order (consecutive, or every pair in party mode)."""
        seen: dict[tuple[str, str], None] = {}
        for change in self.changes:
            seen.setdefault((change.source, change.target), None)
        return tuple(seen)

    def overlap(self) -> dict[tuple[str, str], float]:
        """Share of each document's pledges aligned with the other document, per compared pair.

        ``overlap()[(x, y)]`` in [0, 1] is the share of x's pledges that have a counterpart
        in y (unchanged or changed); both directions are given for every pair.
        """
        shares = {}
        for source, target in self.pairs:
            counted = PairSimilarity.from_changes(source, target, self.changes_between(source, target))
            shares[(source, target)] = counted.shared_a / max(len(self.pledges_of(source)), 1)
            shares[(target, source)] = counted.shared_b / max(len(self.pledges_of(target)), 1)
        return shares

    def pledge(self, pledge_id: str) -> Pledge:
        """The pledge with this id (raises KeyError when absent)."""
        return self._pledges_by_id()[pledge_id]

    def document(self, doc_id: str) -> Document:
        """The document with this id (raises KeyError when absent)."""
        for document in self.documents:
            if document.id == doc_id:
                return document
        raise KeyError(doc_id)

    def pledges_of(self, doc_id: str) -> tuple[Pledge, ...]:
        """The pledges of one document, in reading order."""
        return tuple(p for p in self.pledges if p.doc == doc_id)

    def changes_between(self, source: str, target: str) -> tuple[Change, ...]:
        """The change records of one document pair."""
        return tuple(c for c in self.changes if c.source == source and c.target == target)

    def counts(self, source: str | None = None, target: str | None = None) -> dict[str, int]:
        """Number of change records per status, for one pair or for all pairs."""
        counts = dict.fromkeys(STATUSES, 0)
        for change in self.changes:
            if source is not None and change.source != source:
                continue
            if target is not None and change.target != target:
                continue
            counts[change.status] += 1
        return counts

    def _pledges_by_id(self) -> dict[str, Pledge]:
        cache = self.__dict__.get("_by_id")
        if cache is None:
            cache = {p.id: p for p in self.pledges}
            object.__setattr__(self, "_by_id", cache)
        return cache
