"""The pipeline: the one module that knows the order of the stages.

read → segment → detect pledges → topics (and policy domains) → fit similarity → for each
compared pair: candidate search → context → alignment → classification → (all pairs: the
same for every other pair, kept as counts → document-similarity matrix) → revivals →
lineages and per-topic shifts → Comparison.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from policydiff import work
from policydiff.align import MIN_LINK_SCORE
from policydiff.errors import InputError, OptionError
from policydiff.model import Change, Comparison, Document, PairSimilarity, Pledge, Topic
from policydiff.options import CompareOptions

Source = str | os.PathLike[str] | Document

#: Share of a topic's pledges that must fall in one policy domain for the topic to carry it.
TOPIC_DOMAIN_SHARE = 0.5
#: Arguments of :class:`Comparer` that say how to run, not what to compute.
RUN_SETTINGS = ("executor", "scheduler", "cache", "progress")


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
    executor : str or Executor, default="local"
        Where per-document and per-pair work runs: a name in
        :data:`policydiff.executors.EXECUTORS` or a ready executor (left open afterwards).
        Results are byte-identical whichever runs them.
    scheduler : str, optional
        Address of a running dask scheduler, for ``executor="dask"``.
    cache : path-like or DocumentCache, optional
        Where pledges found in documents are kept between runs, by content hash
        (:mod:`policydiff.cache`); None computes every document.
    progress : callable, optional
        Called as ``progress(stage, done, total)`` while documents are read ("documents")
        and pairs aligned ("pairs", then "other_pairs" for the rest of an all-pairs chain).
    """

    def __init__(
        self,
        options: CompareOptions | None = None,
        *,
        scorer=None,
        topic_model=None,
        executor="local",
        scheduler: str | None = None,
        cache=None,
        progress=None,
    ) -> None:
        self.options = options
        self.scorer = scorer
        self.topic_model = topic_model
        self.executor = executor
        self.scheduler = scheduler
        self.cache = cache
        self.progress = progress

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
        With ``all_pairs`` every pair is also aligned for the document-similarity matrix.
        ``labels``, ``parties`` and ``years``, when given, hold one value (or None) per
        source, in the order given, and override what file names suggest.
        """
        from policydiff.align import build_lineages
        from policydiff.executors import executor_for
        from policydiff.salience import topic_shifts

        options = self._options()
        if len(sources) < 2:
            raise OptionError("compare needs at least two documents")
        with executor_for(self.executor, self.scheduler) as executor:
            documents, pledges, topics = self._prepare(sources, labels, parties, years, options, executor)
            scorer = self._scorer(options).fit(pledges)
            pairs = _pairs(documents, options.mode)
            changes = self._diff(pairs, pledges, scorer, options, executor)
            similarity = self._similarity(documents, pairs, pledges, changes, scorer, options, executor)
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
            similarity=similarity,
        )

    def topics(self, sources: Sequence[Source], **metadata) -> Comparison:
        """Read documents and cluster their pledges into topics, without aligning them."""
        from policydiff.executors import executor_for

        options = self._options()
        with executor_for(self.executor, self.scheduler) as executor:
            documents, pledges, topics = self._prepare(
                sources, metadata.get("labels"), metadata.get("parties"), metadata.get("years"), options, executor
            )
        return Comparison(documents=documents, pledges=pledges, changes=(), topics=topics, options=options.as_dict())

    def _options(self) -> CompareOptions:
        return self.options or CompareOptions()

    def _prepare(self, sources, labels, parties, years, options, executor):
        """Read, segment and detect pledges; cluster them into topics (and domains)."""
        if not sources:
            raise OptionError("no documents given")
        documents = order_documents(_read_all(sources, labels, parties, years), options.order)
        pledges: list[Pledge] = []
        for document, found in zip(documents, self._find_pledges(documents, options, executor)):
            if not found:
                raise InputError(document.path or document.label, "no pledges found in the document")
            pledges.extend(found)
        return (documents, *self._with_topics(tuple(pledges), options))

    def _find_pledges(self, documents, options, executor) -> list[tuple[Pledge, ...]]:
        """Pledges of each document: from the cache when it holds them, else segmented and
        detected on the executor (and then cached)."""
        from policydiff.cache import open_cache

        cache = open_cache(self.cache)
        fingerprint = options.fingerprint(*work.DETECTION_OPTIONS)
        found = [cache.load(document, fingerprint) for document in documents]
        missing = [i for i, pledges in enumerate(found) if pledges is None]
        computed = executor.map(
            work.find_pledges,
            [documents[i] for i in missing],
            common={"min_confidence": options.min_confidence},
            progress=self._reporter("documents", len(documents), already=len(documents) - len(missing)),
        )
        for i, pledges in zip(missing, computed):
            cache.save(documents[i], fingerprint, pledges)
            found[i] = pledges
        return found

    def _reporter(self, stage: str, total: int, *, already: int = 0):
        """The executor's progress hook for one stage, or None when nobody listens."""
        if self.progress is None:
            return None
        self.progress(stage, already, total)
        return lambda done: self.progress(stage, already + done, total)

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

    def _diff(self, pairs, pledges, scorer, options, executor) -> tuple[Change, ...]:
        positions = _positions(pledges)
        aligned = executor.map(
            work.align_pair,
            [(positions[earlier.id], positions[later.id]) for earlier, later in pairs],
            common={"pledges": pledges, "scorer": scorer, "options": options},
            progress=self._reporter("pairs", len(pairs)),
        )
        return tuple(change for changes in aligned for change in changes)

    def _similarity(self, documents, pairs, pledges, changes, scorer, options, executor):
        """The document-similarity matrix when ``all_pairs`` is on, else None.

        Pairs already aligned (consecutive ones, or every pair in party mode) are counted
        from their change records; the others are aligned the same way on the executor and
        only their counts are kept, so the change records stay those of the mode's pairs.
        """
        from policydiff.document_similarity import every_pair, similarity_matrix

        if not options.all_pairs:
            return None
        order = [d.id for d in documents]
        by_pair: dict[tuple[str, str], list[Change]] = {(a.id, b.id): [] for a, b in pairs}
        for change in changes:
            by_pair[(change.source, change.target)].append(change)
        counted = [PairSimilarity.from_changes(a, b, records) for (a, b), records in by_pair.items()]
        others = [(a, b) for a, b in every_pair(order) if (a, b) not in by_pair]
        positions = _positions(pledges)
        counted += executor.map(
            work.count_pair,
            [(positions[a], positions[b]) for a, b in others],
            common={"pledges": pledges, "scorer": scorer, "options": options},
            progress=self._reporter("other_pairs", len(others)) if others else None,
        )
        return similarity_matrix(order, counted)

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
                    found = work.align(sorted(gone), sorted(back), pledges=pledges, scorer=scorer, options=options)
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
        ``top_k``, ``min_confidence``, ``order``, ``mode``, ``all_pairs``, ``topics``,
        ``taxonomy``, ``seed``, …), plus ``labels``, ``parties`` and ``years`` (one value per source),
        and how to run (see :class:`Comparer`): ``executor``, ``scheduler``, ``cache`` and
        ``progress``, which never change the result.

    Examples
    --------
    >>> comparison = compare(["2015-conservative.txt", "2017-conservative.txt"])  # doctest: +SKIP
    >>> comparison.counts()  # doctest: +SKIP
    {'unchanged': 0, 'changed': 29, 'new': 570, 'dropped': 604}
    >>> comparison = compare(addresses, executor="dask", cache="~/.cache/policydiff")  # doctest: +SKIP
    """
    metadata = {key: options.pop(key, None) for key in ("labels", "parties", "years")}
    running = {key: options.pop(key) for key in RUN_SETTINGS if key in options}
    return Comparer(CompareOptions.from_kwargs(**options), **running).compare(sources, **metadata)


def cluster_topics(sources: Sequence[Source], **options) -> Comparison:
    """Pledges and topics of documents, without alignment (see :meth:`Comparer.topics`)."""
    metadata = {key: options.pop(key, None) for key in ("labels", "parties", "years")}
    running = {key: options.pop(key) for key in RUN_SETTINGS if key in options}
    return Comparer(CompareOptions.from_kwargs(**options), **running).topics(sources, **metadata)


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
