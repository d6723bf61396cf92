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


@dataclass(frozen=True)
class Comparison:
    """The result of comparing documents: everything a report needs, and nothing else.

    ``options`` records the options that produced it (as plain JSON values), so a saved
    comparison says how to reproduce itself.
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
            records = self.changes_between(source, target)
            shared_a = sum(len(c.a) for c in records if c.status in ("unchanged", "changed"))
            shared_b = sum(len(c.b) for c in records if c.status in ("unchanged", "changed"))
            shares[(source, target)] = shared_a / max(len(self.pledges_of(source)), 1)
            shares[(target, source)] = shared_b / max(len(self.pledges_of(target)), 1)
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
