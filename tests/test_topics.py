"""Topic clustering: recovers policy areas, labels topics by their terms, is deterministic."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sklearn.metrics import adjusted_rand_score

from policydiff.model import Pledge
from policydiff.topics import PrecomputedTopics, TopicModel

DATA = Path(__file__).parent / "data"


def _labelled(name: str) -> tuple[tuple[Pledge, ...], list[str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    pledges = tuple(
        Pledge(id=f"d0:p{i}", doc="d0", start=0, end=len(r["text"]), text=r["text"], clean=r["text"],
               section=None, confidence=0.9, sentence=i)
        for i, r in enumerate(rows)
    )
    return pledges, [r["area"] for r in rows]


@pytest.fixture(scope="module")
def labelled():
    return _labelled("topic_pledges.tsv")


def test_clusters_recover_the_policy_areas_of_the_labelled_set(labelled):
    """Measured: ARI 0.744 with 16 topics (12 areas; 174 pledges written for the purpose).

    The policy-area lexicon was extended once after a first measurement on this set (ARI 0.52
    before); the held-out set below was never used for that.
    """
    pledges, areas = labelled
    model = TopicModel(seed=0).fit(pledges)
    ari = adjusted_rand_score(areas, model.labels_)
    print(f"adjusted Rand index {ari:.3f} with {len(model.topics_)} topics for {len(set(areas))} areas")
    assert len(pledges) >= 120 and len(set(areas)) >= 8
    assert ari >= 0.5


def test_clusters_on_the_held_out_set_stay_above_a_floor():
    """Written later by another author, in the manifesto styles of five countries, never used
    for tuning.  Measured: ARI 0.46 with 23 topics for 10 areas — vocabulary the lexicon has
    never seen (bulk-billing, Pharmac, franking credits) is the main cause."""
    pledges, areas = _labelled("topic_pledges_heldout.tsv")
    ari = adjusted_rand_score(areas, TopicModel(seed=0).fit(pledges).labels_)
    print(f"held-out adjusted Rand index {ari:.3f}")
    assert ari >= 0.4


def test_words_alone_would_not_find_the_areas(labelled):
    """Why the lexicon is there: short pledges share too few words (measured ARI ≈ 0.03)."""
    pledges, areas = labelled
    assert adjusted_rand_score(areas, TopicModel(lexicon_weight=0.0, seed=0).fit(pledges).labels_) < 0.2


def test_topics_are_labelled_by_distinctive_terms_and_numbered_by_size(labelled):
    pledges, _ = labelled
    model = TopicModel(n_topics=12, seed=0).fit(pledges)
    sizes = [t.size for t in model.topics_]
    assert [t.id for t in model.topics_] == [f"t{i}" for i in range(12)]
    assert sizes == sorted(sizes, reverse=True) and sum(sizes) == len(pledges)
    labels = " ".join(t.label for t in model.topics_)
    for word in ("police", "school", "tax", "homes", "asylum"):
        assert word in labels, labels
    for topic in model.topics_:
        assert topic.label == " · ".join(topic.terms[:3])
        assert not any(ch.isdigit() for ch in topic.label)
        assert 1 <= len(model.examples_[topic.id]) <= 3


def test_the_same_seed_gives_the_same_topics(labelled):
    pledges, _ = labelled
    first, second = TopicModel(seed=3).fit(pledges), TopicModel(seed=3).fit(pledges)
    assert first.labels_ == second.labels_ and first.topics_ == second.topics_


@pytest.mark.parametrize("clusterer", ["kmeans", "agglomerative"])
def test_a_fixed_number_of_topics_is_respected(labelled, clusterer):
    pledges, _ = labelled
    assert len(TopicModel(n_topics=7, clusterer=clusterer).fit(pledges).topics_) == 7


def test_precomputed_topics_are_kept_and_labelled(labelled):
    pledges, areas = labelled
    model = PrecomputedTopics(areas).fit(pledges)
    assert len(model.topics_) == len(set(areas))
    assert adjusted_rand_score(areas, model.labels_) == 1.0


def test_very_few_pledges_make_one_topic():
    pledges, _ = _labelled("topic_pledges.tsv")
    model = TopicModel().fit(pledges[:3])
    assert set(model.labels_) == {"t0"} and model.topics_[0].size == 3
