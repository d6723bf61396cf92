"""Topic clustering: pledges of all compared documents grouped by subject, ids shared.

Each pledge is described twice: by its own words (TF-IDF over word uni- and bigrams,
reduced by truncated SVD to a dense space where synonyms that co-occur draw together) and
by the policy areas it speaks of (:mod:`policydiff.policy_areas`).  The two descriptions are
weighted, stacked and clustered, by k-means by default.  Manifesto pledges are too short for
words alone: on our labelled set of 174 pledges in 12 areas, words alone reach an adjusted
Rand index of 0.03, the lexicon alone 0.71, and the blend 0.74 (``tests/test_topics.py``; 0.46
on a held-out set in the styles of five countries).

The number of topics is chosen, unless given, as the one with the best silhouette (cosine)
among the candidates: the grouping whose pledges sit closest to their own topic and farthest
from the next.  Each topic is labelled by its most distinctive terms under class-based
TF-IDF (a term's frequency in the topic, weighted by how rare it is across topics).
"""

from __future__ import annotations

import numpy as np

from policydiff.model import Pledge, Topic

#: Share of the description given to the policy-area lexicon (the rest to the words).
#: 0.8 gave the best adjusted Rand index on the labelled set among 0.5–1.0 in steps of 0.1;
#: between 0.7 and 0.9 the index moved by under 0.03.
LEXICON_WEIGHT = 0.8
#: Dimensions kept by the SVD of the word vectors.
SVD_COMPONENTS = 50
#: Terms kept per topic, and how many of them make its label.
TOP_TERMS = 10
LABEL_TERMS = 3
#: Pledges per topic, on average, below which more topics are not tried: a topic of two or
#: three pledges is an accident of wording, not a subject.
MIN_PLEDGES_PER_TOPIC = 5
#: Most pledges on which the number of topics is chosen: above this, every candidate number
#: is fitted and scored on a seeded sample of this many, and only the chosen one on all
#: pledges, so the search costs the same for 250 documents as for 20.  The silhouette costs
#: n² distances (2000² in float64 is 32 MB), which bounds it.
K_SEARCH_SAMPLE = 2000
#: k-means initialisations of the chosen number of topics: the best of four seeded starts.
KMEANS_INIT = 4
#: …and of each candidate number while searching.  The search only ranks the candidates by
#: silhouette, and one start ranks them as well: on our labelled set the index was 0.744 with
#: one start per candidate and 0.725 with four, on the held-out set 0.46 either way, at about
#: a third of the search's cost.
SEARCH_INIT = 1
#: Representative pledges kept per topic.
EXAMPLES = 3

CLUSTERERS = ("kmeans", "agglomerative")
#: Words of three letters or more, no digits: figures ("000", "2030") say how much, not what about.
WORD_PATTERN = r"(?u)\b[^\W\d_][^\W\d_'’-]{2,}\b"
#: Words too common in pledges of any subject to name a topic.
LABEL_STOP_WORDS = frozenset("cent year years day days per time number people country local national".split())


class TopicModel:
    """Cluster pledges into topics shared across documents.

    Parameters
    ----------
    n_topics : int or None, default=None
        Number of topics; None chooses it by silhouette between ``min_topics`` and
        ``max_topics``.
    clusterer : {"kmeans", "agglomerative"}, default="kmeans"
        k-means (centroids, fast, the default) or Ward agglomerative clustering (no
        randomness; slower above a few thousand pledges).
    lexicon_weight : float, default=LEXICON_WEIGHT
        Share of the policy-area lexicon in each pledge's description, in [0, 1].
    min_topics, max_topics : int
        Range searched when ``n_topics`` is None.
    seed : int, default=0
        Seed of the SVD and of k-means.

    Attributes
    ----------
    labels_ : tuple of str
        Topic id of each fitted pledge, in the order given.
    topics_ : tuple of Topic
        Topics, largest first ("t0" is the largest).
    examples_ : dict of str to tuple of str
        Ids of each topic's most central pledges.
    """

    def __init__(
        self,
        n_topics: int | None = None,
        *,
        clusterer: str = "kmeans",
        lexicon_weight: float = LEXICON_WEIGHT,
        min_topics: int = 2,
        max_topics: int = 30,
        seed: int = 0,
    ) -> None:
        self.n_topics = n_topics
        self.clusterer = clusterer
        self.lexicon_weight = lexicon_weight
        self.min_topics = min_topics
        self.max_topics = max_topics
        self.seed = seed

    def fit(self, pledges: tuple[Pledge, ...]) -> TopicModel:
        """Cluster the pledges and label the topics."""
        if self.clusterer not in CLUSTERERS:
            raise ValueError(f"unknown clusterer {self.clusterer!r}; choose from {', '.join(CLUSTERERS)}")
        import sklearn.cluster  # noqa: F401  (loaded before the limit, or the limit misses its thread pools)
        import sklearn.decomposition  # noqa: F401
        from threadpoolctl import threadpool_limits

        texts = [p.clean for p in pledges]
        # One thread: k-means on a few thousand short vectors runs tens of times faster
        # without OpenMP's start-up cost per call, and the result cannot depend on threads.
        with threadpool_limits(limits=1):
            features = self._describe(texts)
            raw = self._cluster(features)
        order = _by_size(raw)
        self.labels_ = tuple(f"t{order[label]}" for label in raw)
        self.topics_, self.examples_ = _topics(texts, [p.id for p in pledges], self.labels_, features)
        return self

    def _describe(self, texts: list[str]) -> np.ndarray:
        from sklearn.preprocessing import normalize

        from policydiff.policy_areas import area_scores

        words = _word_space(texts, self.seed)
        areas = area_scores(texts)
        return normalize(np.hstack([np.sqrt(1 - self.lexicon_weight) * words, np.sqrt(self.lexicon_weight) * areas]))

    def _cluster(self, features: np.ndarray) -> np.ndarray:
        n = features.shape[0]
        if n < 2 * max(self.min_topics, 2):
            return np.zeros(n, dtype=int)
        if self.n_topics is not None:
            return self._cluster_k(features, min(self.n_topics, n))
        return self._best_k(features)

    def _best_k(self, features: np.ndarray) -> np.ndarray:
        from sklearn.metrics import silhouette_score
        from sklearn.metrics.pairwise import cosine_distances

        n = features.shape[0]
        upper = max(self.min_topics, min(self.max_topics, n // MIN_PLEDGES_PER_TOPIC))
        searched = features
        if n > K_SEARCH_SAMPLE:
            rows = np.random.default_rng(self.seed).choice(n, K_SEARCH_SAMPLE, replace=False)
            searched = features[np.sort(rows)]
        # Every candidate is judged on the same pledges, so their distances are computed
        # once (at most K_SEARCH_SAMPLE² of them) instead of once per candidate.
        distances = cosine_distances(searched)
        best_k, best_score = None, -2.0
        for k in range(self.min_topics, upper + 1):
            labels = self._cluster_k(searched, k, n_init=SEARCH_INIT)
            if len(set(labels.tolist())) < 2:
                continue
            score = silhouette_score(distances, labels, metric="precomputed")
            if score > best_score + 1e-9:
                best_k, best_score = k, score
        if best_k is None:
            return np.zeros(n, dtype=int)
        return self._cluster_k(features, best_k)

    def _cluster_k(self, features: np.ndarray, k: int, *, n_init: int = KMEANS_INIT) -> np.ndarray:
        """Labels of ``k`` clusters; ``n_init`` seeded k-means starts (Ward has no randomness)."""
        if self.clusterer == "agglomerative":
            from sklearn.cluster import AgglomerativeClustering

            return AgglomerativeClustering(n_clusters=k).fit_predict(features)
        from sklearn.cluster import KMeans

        return KMeans(n_clusters=k, n_init=n_init, random_state=self.seed).fit_predict(features)


class PrecomputedTopics:
    """The null topic model: topics given by the caller, one label per pledge.

    Parameters
    ----------
    labels : sequence of hashable
        A topic for each pledge, in the order they will be fitted.
    """

    def __init__(self, labels) -> None:
        self.labels = labels

    def fit(self, pledges: tuple[Pledge, ...]) -> PrecomputedTopics:
        """Number the given topics t0, t1, … by size and label them by their terms."""
        if len(self.labels) != len(pledges):
            raise ValueError(f"{len(self.labels)} topic labels given for {len(pledges)} pledges")
        names = sorted(set(self.labels), key=str)
        raw = np.array([names.index(label) for label in self.labels])
        order = _by_size(raw)
        self.labels_ = tuple(f"t{order[label]}" for label in raw)
        texts = [p.clean for p in pledges]
        self.topics_, self.examples_ = _topics(texts, [p.id for p in pledges], self.labels_, None)
        return self


def _word_space(texts: list[str], seed: int) -> np.ndarray:
    """L2-normalised SVD coordinates of the pledges' word TF-IDF vectors."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    try:
        matrix = TfidfVectorizer(
            stop_words=_stop_words(), token_pattern=WORD_PATTERN, sublinear_tf=True, ngram_range=(1, 2)
        ).fit_transform(texts)
    except ValueError:
        return np.zeros((len(texts), 1))
    components = min(SVD_COMPONENTS, matrix.shape[1] - 1, matrix.shape[0] - 1)
    if components < 1:
        return normalize(matrix.toarray())
    return normalize(TruncatedSVD(n_components=components, random_state=seed).fit_transform(matrix))


def _stop_words() -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from policydiff.vocabulary import MANIFESTO_STOP_WORDS

    return sorted(ENGLISH_STOP_WORDS | MANIFESTO_STOP_WORDS | LABEL_STOP_WORDS)


def _by_size(raw: np.ndarray) -> dict[int, int]:
    """New number of each raw cluster: largest first, ties by first appearance."""
    first = {label: i for i, label in reversed(list(enumerate(raw.tolist())))}
    sizes = {label: int((raw == label).sum()) for label in first}
    ranked = sorted(first, key=lambda label: (-sizes[label], first[label]))
    return {label: rank for rank, label in enumerate(ranked)}


def _topics(texts, ids, labels, features) -> tuple[tuple[Topic, ...], dict[str, tuple[str, ...]]]:
    """Topics with class-based TF-IDF terms, and each topic's most central pledges."""
    topic_ids = sorted(set(labels), key=lambda t: int(t[1:]))
    terms = class_tfidf_terms(texts, labels, topic_ids)
    topics, examples = [], {}
    for topic_id in topic_ids:
        members = [i for i, label in enumerate(labels) if label == topic_id]
        top = terms.get(topic_id, ())
        label = " · ".join(top[:LABEL_TERMS]) if top else "miscellaneous"
        topics.append(Topic(id=topic_id, label=label, terms=top, size=len(members)))
        examples[topic_id] = tuple(ids[i] for i in _central(members, features, texts))
    return tuple(topics), examples


def class_tfidf_terms(texts: list[str], labels, topic_ids: list[str]) -> dict[str, tuple[str, ...]]:
    """The most distinctive terms of each topic under class-based TF-IDF.

    All pledges of a topic are read as one document; a term weighs its frequency in that
    topic (normalised by the topic's length) times log(1 + A / f), where A is the average
    number of words per topic and f the term's frequency across all topics.
    """
    from sklearn.feature_extraction.text import CountVectorizer

    joined = [" ".join(t for t, label in zip(texts, labels) if label == topic_id) for topic_id in topic_ids]
    try:
        vectorizer = CountVectorizer(stop_words=_stop_words(), token_pattern=WORD_PATTERN, ngram_range=(1, 2))
        counts = vectorizer.fit_transform(joined).toarray().astype(float)
    except ValueError:
        return {}
    vocabulary = vectorizer.get_feature_names_out()
    tf = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1.0)
    average = counts.sum() / max(len(topic_ids), 1)
    idf = np.log(1.0 + average / np.maximum(counts.sum(axis=0), 1.0))
    weights = tf * idf
    result = {}
    for row, topic_id in enumerate(topic_ids):
        # The vocabulary is in alphabetical order, so a stable sort breaks ties alphabetically.
        ranked = np.argsort(-weights[row], kind="stable")[:TOP_TERMS]
        result[topic_id] = tuple(str(vocabulary[j]) for j in ranked if weights[row, j] > 0)
    return result


def _central(members: list[int], features: np.ndarray | None, texts: list[str]) -> list[int]:
    """Members closest to their topic's centroid, one per wording (the same pledge repeated
    in several documents is shown once)."""
    order = list(range(len(members)))
    if features is not None and members:
        block = features[members]
        similarity = block @ block.mean(axis=0)
        order.sort(key=lambda i: (-round(float(similarity[i]), 9), members[i]))
    chosen, seen = [], set()
    for i in order:
        wording = " ".join(texts[members[i]].lower().split())
        if wording not in seen:
            seen.add(wording)
            chosen.append(members[i])
        if len(chosen) == EXAMPLES:
            break
    return chosen
