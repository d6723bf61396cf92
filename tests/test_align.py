"""Alignment: maximum-weight matching, splits, merges and restatements."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from policydiff.align import match_pair
from policydiff.model import Pledge


def pledges(doc: str, texts: list[str]) -> tuple[Pledge, ...]:
    return tuple(
        Pledge(id=f"{doc}:p{i}", doc=doc, start=0, end=len(t), text=t, clean=t, section=None, confidence=0.9, sentence=i)
        for i, t in enumerate(texts)
    )


def links_of(scores: list[list[float]], a_texts: list[str], b_texts: list[str]):
    a, b = pledges("d0", a_texts), pledges("d1", b_texts)
    return [(link.a, link.b) for link in match_pair(sp.csr_matrix(np.array(scores)), a, b)]


def test_one_strong_pair_is_not_broken_up_for_a_greedy_choice():
    # Greedy would take the 0.9 pair and leave 0.45 + nothing; the matching takes 0.85 + 0.8.
    found = links_of([[0.85, 0.9], [0.0, 0.8]], ["cut rail fares", "build homes"], ["freeze fares", "cut rail fares now"])
    assert found == [(("d0:p0",), ("d1:p0",)), (("d0:p1",), ("d1:p1",))]


def test_pairs_below_the_threshold_are_new_and_dropped():
    found = links_of([[0.2]], ["We will ban fracking."], ["We will build a station."])
    assert found == [(("d0:p0",), ()), ((), ("d1:p0",))]


def test_a_leftover_that_carries_the_rest_of_a_pledge_joins_it_as_a_split():
    a = ["We will cut bus fares for under-25s and extend night bus services to every town."]
    b = ["We will cut bus fares for under-25s by a third.", "We will extend night bus services to every town."]
    assert links_of([[0.7, 0.55]], a, b) == [(("d0:p0",), ("d1:p0", "d1:p1"))]


def test_a_short_part_cut_from_a_long_list_of_aims_is_still_a_split():
    # The short part covers little of the whole (2 of 13 content words) but almost all of
    # its own words are ones the other part leaves out.
    a = ["We will reduce the deficit, break up the banks, and ensure that Britain leads in developing the green economy."]
    b = [
        "We will break up the banks, and ensure that Britain leads in developing the green economy.",
        "We will reduce the deficit.",
    ]
    assert links_of([[0.8, 0.52]], a, b) == [(("d0:p0",), ("d1:p0", "d1:p1"))]


def test_one_shared_word_does_not_make_a_split_part():
    a = ["We will reduce the deficit, break up the banks, and ensure that Britain leads in developing the green economy."]
    b = ["We will break up the banks, and ensure that Britain leads in developing the green economy.", "We will cut the deficit of nurses in rural hospitals."]
    assert links_of([[0.8, 0.52]], a, b) == [(("d0:p0",), ("d1:p0",)), ((), ("d1:p1",))]


def test_two_pledges_completing_one_are_a_merge():
    a = ["We will insulate 50,000 homes across Saltmere.", "We will offer grants for heat pumps to 10,000 households."]
    b = ["We will insulate 50,000 homes across Saltmere and offer grants for heat pumps to 10,000 households."]
    assert links_of([[0.7], [0.6]], a, b) == [(("d0:p0", "d0:p1"), ("d1:p0",))]


def test_a_related_but_different_pledge_is_not_a_split_part():
    a = ["We will cut bus fares for under-25s by a third."]
    b = ["We will cut bus fares for under-25s by a third.", "We will build a new bus station in Greyhaven."]
    assert links_of([[1.0, 0.45]], a, b) == [(("d0:p0",), ("d1:p0",)), ((), ("d1:p1",))]


def test_a_pledge_stated_twice_in_one_document_moves_as_one():
    a = ["recruit 5,000 more nurses by 2024", "We will build homes.", "We will recruit 5,000 more nurses by 2024."]
    b = ["We will recruit 5,000 more nurses by 2024."]
    found = links_of([[0.95], [0.1], [1.0]], a, b)
    assert found == [(("d0:p0", "d0:p2"), ("d1:p0",)), (("d0:p1",), ())]


def test_every_pledge_is_in_exactly_one_link_on_random_scores():
    rng = np.random.default_rng(3)
    for _ in range(30):
        n_a, n_b = rng.integers(1, 12, size=2)
        dense = rng.random((n_a, n_b)) * (rng.random((n_a, n_b)) < 0.4)
        a = pledges("d0", [f"pledge {i} about topic {i % 3}" for i in range(n_a)])
        b = pledges("d1", [f"pledge {j} about topic {j % 4}" for j in range(n_b)])
        links = match_pair(sp.csr_matrix(dense), a, b)
        assert sorted(i for link in links for i in link.a) == sorted(p.id for p in a)
        assert sorted(j for link in links for j in link.b) == sorted(p.id for p in b)
