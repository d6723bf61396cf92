"""The pipeline: the one module that knows the order of the stages.

read → segment → detect pledges → fit similarity → for each consecutive pair: candidate
search → context → alignment → classification → Comparison.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from policydiff.errors import InputError, OptionError
from policydiff.model import Comparison, Document, Pledge
from policydiff.options import CompareOptions

Source = str | os.PathLike[str] | Document


class Comparer:
    """Compares documents with a fixed set of options and components.

    Parameters
    ----------
    options : CompareOptions, optional
        Every knob; defaults when omitted.
    scorer : str or Scorer, optional
        A similarity preset or backend name, or a ready scorer object (anything with
        ``fit(pledges)`` and ``score(a_idx, b_idx)`` and, for candidate search,
        ``vectors_``).  Defaults to ``options.similarity``.
    """

    def __init__(self, options: CompareOptions | None = None, *, scorer=None) -> None:
        self.options = options
        self.scorer = scorer

    def compare(
        self,
        sources: Sequence[Source],
        *,
        labels: Sequence[str | None] | None = None,
        parties: Sequence[str | None] | None = None,
        years: Sequence[int | None] | None = None,
    ) -> Comparison:
        """Compare two or more documents, each with the next in order.

        ``labels``, ``parties`` and ``years``, when given, hold one value (or None) per
        source, in the order given, and override what file names suggest.
        """
        from policydiff.pledges import detect_pledges
        from policydiff.segment import segment

        options = self.options or CompareOptions()
        documents = order_documents(_read_all(sources, labels, parties, years), options.order)
        pledges: list[Pledge] = []
        for document in documents:
            found = detect_pledges(document, segment(document), min_confidence=options.min_confidence)
            if not found:
                raise InputError(document.path or document.label, "no pledges found in the document")
            pledges.extend(found)
        changes = self._diff_consecutive(documents, tuple(pledges), options)
        return Comparison(
            documents=documents,
            pledges=tuple(pledges),
            changes=changes,
            options=options.as_dict(),
        )

    def _diff_consecutive(self, documents, pledges, options):
        from policydiff.align import match_pair
        from policydiff.classify import classify
        from policydiff.similarity import make_scorer, score_candidates
        from policydiff.similarity.context import add_context

        scorer = self.scorer if self.scorer is not None and not isinstance(self.scorer, str) else make_scorer(
            self.scorer or options.similarity
        )
        scorer.fit(pledges)
        by_id = {p.id: p for p in pledges}
        positions: dict[str, list[int]] = {}
        for position, pledge in enumerate(pledges):
            positions.setdefault(pledge.doc, []).append(position)
        changes = []
        for earlier, later in zip(documents, documents[1:]):
            a_idx, b_idx = np.asarray(positions[earlier.id]), np.asarray(positions[later.id])
            a_pledges, b_pledges = tuple(pledges[i] for i in a_idx), tuple(pledges[j] for j in b_idx)
            scores = score_candidates(scorer, a_idx, b_idx, k=options.top_k, block_size=options.block_size)
            links = match_pair(add_context(scores, a_pledges, b_pledges), a_pledges, b_pledges)
            changes.extend(classify(link, by_id) for link in links)
        return tuple(changes)


def compare(sources: Sequence[Source], **options) -> Comparison:
    """Compare documents in one call.

    Parameters
    ----------
    sources : sequence of paths or Documents
        Two or more ``.txt``/``.md`` files (or Documents made with
        :func:`policydiff.read.document_from_text`).
    **options
        Any field of :class:`~policydiff.options.CompareOptions` (``similarity``,
        ``top_k``, ``min_confidence``, ``order``, ``seed``, …), plus ``labels``, ``parties``
        and ``years`` (one value per source).

    Examples
    --------
    >>> comparison = compare(["2015-conservative.txt", "2017-conservative.txt"])  # doctest: +SKIP
    >>> comparison.counts()  # doctest: +SKIP
    {'unchanged': 80, 'changed': 95, 'new': 210, 'dropped': 160}
    """
    metadata = {key: options.pop(key, None) for key in ("labels", "parties", "years")}
    return Comparer(CompareOptions.from_kwargs(**options)).compare(sources, **metadata)


def order_documents(documents: list[Document], order: str) -> tuple[Document, ...]:
    """Documents in comparison order, renumbered d0, d1, … in that order.

    "year" sorts by year (documents without a year keep their place after those with
    one); "given" keeps the order given.
    """
    from policydiff.read import renumber

    if order == "year":
        documents = sorted(documents, key=lambda d: (d.year is None, d.year or 0))
    return tuple(renumber(d, f"d{i}") for i, d in enumerate(documents))


def _read_all(sources, labels, parties, years) -> list[Document]:
    from policydiff.read import read

    if len(sources) < 2:
        raise OptionError("compare needs at least two documents")
    for name, values in (("labels", labels), ("parties", parties), ("years", years)):
        if values is not None and len(values) not in (0, len(sources)):
            raise OptionError(f"give one of {name} per document ({len(sources)}), or none")
    documents = []
    for i, source in enumerate(sources):
        meta = {
            "label": labels[i] if labels else None,
            "party": parties[i] if parties else None,
            "year": years[i] if years else None,
        }
        if isinstance(source, Document):
            documents.append(_with_metadata(source, meta))
        else:
            documents.append(read(source, doc_id=f"d{i}", **meta))
    return documents


def _with_metadata(document: Document, meta: dict) -> Document:
    from dataclasses import replace

    return replace(document, **{k: v for k, v in meta.items() if v is not None})
