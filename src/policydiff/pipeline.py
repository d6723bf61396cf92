"""The pipeline: the one module that knows the order of the stages.

read → segment → detect pledges → topics (and policy domains) → fit similarity → for each
compared pair: candidate search → context → alignment → classification → revivals →
lineages and per-topic shifts → Comparison.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from policydiff.align import MIN_LINK_SCORE
from policydiff.errors import InputError, OptionError
from policydiff.model import Change, Comparison, Document, Pledge, Topic
from policydiff.options import CompareOptions

Source = str | os.PathLike[str] | Document

#: Share of a topic's pledges that must fall in one policy domain for the topic to carry it.
TOPIC_DOMAIN_SHARE = 0.5


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
    topic_model : object, optional
        Anything with ``fit(pledges)`` setting ``labels_`` (one topic id per pledge),
        ``topics_`` and ``examples_``, such as :class:`~policydiff.topics.TopicModel` or
        :class:`~policydiff.topics.PrecomputedTopics`.  Built from the options when omitted.
    """

    def __init__(self, options: CompareOptions | None = None, *, scorer=None, topic_model=None) -> None:
        self.options = options
        self.scorer = scorer
        self.topic_model = topic_model

    def compare(
        self,
        sources: Sequence[Source],
        *,
        labels: Sequence[str | None] | None = None,
        parties: Sequence[str | None] | None = None,
        years: Sequence[int | None] | None = None,
    ) -> Comparison:
        """Compare two or more documents.

        In chain mode each document is compared with the next; in party mode every pair is.
        ``labels``, ``parties`` and ``years``, when given, hold one value (or None) per
        source, in the order given, and override what file names suggest.
        """
        from policydiff.align import build_lineages
        from policydiff.salience import topic_shifts

        options = self._options()
        if len(sources) < 2:
            raise OptionError("compare needs at least two documents")
        documents, pledges, topics = self._prepare(sources, labels, parties, years, options)
        scorer = self._scorer(options).fit(pledges)
        pairs = _pairs(documents, options.mode)
        changes = self._diff(pairs, pledges, scorer, options)
        revivals = self._revivals(documents, pledges, changes, scorer, options) if options.mode == "chain" else ()
        order = tuple(d.id for d in documents)
        recorded = {**options.as_dict(), "min_link_score": MIN_LINK_SCORE}
        return Comparison(
            documents=documents,
            pledges=pledges,
            changes=changes,
            topics=topics,
            lineages=build_lineages(order, pledges, changes, revivals) if options.mode == "chain" else (),
            topic_shifts=topic_shifts(tuple((a.id, b.id) for a, b in pairs), pledges, changes),
            revivals=revivals,
            options=recorded,
        )

    def topics(self, sources: Sequence[Source], **metadata) -> Comparison:
        """Read documents and cluster their pledges into topics, without aligning them."""
        options = self._options()
        documents, pledges, topics = self._prepare(
            sources, metadata.get("labels"), metadata.get("parties"), metadata.get("years"), options
        )
        return Comparison(documents=documents, pledges=pledges, changes=(), topics=topics, options=options.as_dict())

    def _options(self) -> CompareOptions:
        return self.options or CompareOptions()

    def _prepare(self, sources, labels, parties, years, options):
        """Read, segment and detect pledges; cluster them into topics (and domains)."""
        from policydiff.pledges import detect_pledges
        from policydiff.segment import segment

        if not sources:
            raise OptionError("no documents given")
        documents = order_documents(_read_all(sources, labels, parties, years), options.order)
        pledges: list[Pledge] = []
        for document in documents:
            found = detect_pledges(document, segment(document), min_confidence=options.min_confidence)
            if not found:
                raise InputError(document.path or document.label, "no pledges found in the document")
            pledges.extend(found)
        return (documents, *self._with_topics(tuple(pledges), options))

    def _with_topics(self, pledges: tuple[Pledge, ...], options: CompareOptions):
        """Pledges with topic (and domain) set, and the topics."""
        from policydiff.topics import TopicModel

        model = self.topic_model or TopicModel(options.topics, clusterer=options.clusterer, seed=options.seed)
        model.fit(pledges)
        pledges = tuple(replace(p, topic=t) for p, t in zip(pledges, model.labels_))
        topics = tuple(replace(t, examples=model.examples_.get(t.id, ())) for t in model.topics_)
        if options.taxonomy == "domains":
            pledges, topics = _with_domains(pledges, topics)
        return pledges, topics

    def _scorer(self, options: CompareOptions):
        from policydiff.similarity import make_scorer

        if self.scorer is not None and not isinstance(self.scorer, str):
            return self.scorer
        return make_scorer(self.scorer or options.similarity)

    def _diff(self, pairs, pledges, scorer, options) -> tuple[Change, ...]:
        positions = _positions(pledges)
        changes: list[Change] = []
        for earlier, later in pairs:
            changes.extend(_align(positions[earlier.id], positions[later.id], pledges, scorer, options))
        return tuple(changes)

    def _revivals(self, documents, pledges, changes, scorer, options) -> tuple[Change, ...]:
        """Pledges dropped after one document and back in a later one (not the next)."""
        position = {p.id: i for i, p in enumerate(pledges)}
        dropped = {d.id: [] for d in documents}
        new = {d.id: [] for d in documents}
        for change in changes:
            if change.status == "dropped":
                dropped[change.source].extend(change.a)
            if change.status == "new":
                new[change.target].extend(change.b)
        revivals: list[Change] = []
        for i, earlier in enumerate(documents):
            for later in documents[i + 2 : i + 2 + options.max_gap]:
                gone = [position[p] for p in dropped[earlier.id] if p not in _claimed(revivals, "a")]
                back = [position[p] for p in new[later.id] if p not in _claimed(revivals, "b")]
                if gone and back:
                    found = _align(sorted(gone), sorted(back), pledges, scorer, options)
                    revivals.extend(c for c in found if c.a and c.b)
        return tuple(sorted(revivals, key=lambda c: (position[c.a[0]], position[c.b[0]])))


def compare(sources: Sequence[Source], **options) -> Comparison:
    """Compare documents in one call.

    Parameters
    ----------
    sources : sequence of paths or Documents
        Two or more ``.txt``/``.md`` files (or Documents made with
        :func:`policydiff.read.document_from_text`).
    **options
        Any field of :class:`~policydiff.options.CompareOptions` (``similarity``,
        ``top_k``, ``min_confidence``, ``order``, ``mode``, ``topics``, ``taxonomy``,
        ``seed``, …), plus ``labels``, ``parties`` and ``years`` (one value per source).

    Examples
    --------
    >>> comparison = compare(["2015-conservative.txt", "2017-conservative.txt"])  # doctest: +SKIP
    >>> comparison.counts()  # doctest: +SKIP
    {'unchanged': 0, 'changed': 29, 'new': 570, 'dropped': 604}
    """
    metadata = {key: options.pop(key, None) for key in ("labels", "parties", "years")}
    return Comparer(CompareOptions.from_kwargs(**options)).compare(sources, **metadata)


def cluster_topics(sources: Sequence[Source], **options) -> Comparison:
    """Pledges and topics of documents, without alignment (see :meth:`Comparer.topics`)."""
    metadata = {key: options.pop(key, None) for key in ("labels", "parties", "years")}
    return Comparer(CompareOptions.from_kwargs(**options)).topics(sources, **metadata)


def order_documents(documents: list[Document], order: str) -> tuple[Document, ...]:
    """Documents in comparison order, renumbered d0, d1, … in that order.

    "year" sorts by year (documents without a year keep their place after those with
    one); "given" keeps the order given.
    """
    from policydiff.read import renumber

    if order == "year":
        documents = sorted(documents, key=lambda d: (d.year is None, d.year or 0))
    return tuple(renumber(d, f"d{i}") for i, d in enumerate(documents))


def _pairs(documents: tuple[Document, ...], mode: str) -> list[tuple[Document, Document]]:
    if mode == "parties":
        return [(a, b) for i, a in enumerate(documents) for b in documents[i + 1 :]]
    return list(zip(documents, documents[1:]))


def _positions(pledges: tuple[Pledge, ...]) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = {}
    for position, pledge in enumerate(pledges):
        positions.setdefault(pledge.doc, []).append(position)
    return positions


def _align(a_positions, b_positions, pledges, scorer, options) -> list[Change]:
    """Candidate search, context, matching and classification for two sets of pledges."""
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


def _claimed(revivals: list[Change], side: str) -> set[str]:
    return {pledge for change in revivals for pledge in getattr(change, side)}


def _with_domains(pledges: tuple[Pledge, ...], topics: tuple[Topic, ...]):
    """Pledges tagged with a policy domain, and topics carrying their prevailing domain."""
    from policydiff.taxonomy import UNASSIGNED, DomainTagger

    domains = DomainTagger().fit(pledges).predict(pledges)
    pledges = tuple(replace(p, domain=d) for p, d in zip(pledges, domains))
    by_topic: dict[str, Counter[str]] = {}
    for pledge in pledges:
        by_topic.setdefault(pledge.topic, Counter())[pledge.domain] += 1
    tagged = []
    for topic in topics:
        counts = by_topic.get(topic.id, Counter())
        assigned = [(n, d) for d, n in counts.items() if d != UNASSIGNED]
        domain = UNASSIGNED
        if assigned:
            count, best = max(assigned, key=lambda item: (item[0], item[1]))
            domain = best if count >= TOPIC_DOMAIN_SHARE * topic.size else UNASSIGNED
        tagged.append(replace(topic, domain=domain))
    return pledges, tuple(tagged)


def _read_all(sources, labels, parties, years) -> list[Document]:
    from policydiff.read import read

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
            documents.append(replace(source, **{k: v for k, v in meta.items() if v is not None}))
        else:
            documents.append(read(source, doc_id=f"d{i}", **meta))
    return documents
