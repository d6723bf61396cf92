"""Lineages over N documents: pledges followed through the demo corpus, and the graph files."""

from __future__ import annotations

import json

import networkx as nx
import pytest

import policydiff
from conftest import demo_paths
from expected import lineages as expected_lineages
from policydiff.report import write_reports

EXPECTED = expected_lineages()


def _pledge_ids(comparison, doc_id, prefixes):
    found = set()
    for prefix in prefixes:
        hits = [p.id for p in comparison.pledges_of(doc_id) if p.clean.startswith(prefix)]
        assert len(hits) == 1, (doc_id, prefix, hits)
        found.add(hits[0])
    return found


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda x: x.name)
def test_expected_lineage(demo_comparison, expected):
    doc_of_year = {d.year: d.id for d in demo_comparison.documents}
    wanted = set()
    for year, prefixes in expected.cells.items():
        wanted |= _pledge_ids(demo_comparison, doc_of_year[year], prefixes)
    holding = [x for x in demo_comparison.lineages if wanted & set(x.pledges)]
    assert len(holding) == 1, [x.id for x in holding]
    lineage = holding[0]
    assert wanted <= set(lineage.pledges)
    years = [year for year, prefixes in expected.cells.items() if prefixes]
    assert lineage.first == doc_of_year[min(years)] and lineage.last == doc_of_year[max(years)]
    for flag in ("revived", "split", "merged"):
        assert (flag in lineage.flags) == (flag in expected.flags), (flag, lineage.flags, expected.flags)


def test_the_revived_pledge_is_linked_across_the_gap(demo_comparison):
    assert len(demo_comparison.revivals) == 1
    revival = demo_comparison.revivals[0]
    assert (revival.source, revival.target, revival.status) == ("d0", "d2", "unchanged")
    assert "tourist levy" in demo_comparison.pledge(revival.a[0]).clean


def test_lineage_pledges_run_in_document_order(demo_comparison):
    rank = {d.id: i for i, d in enumerate(demo_comparison.documents)}
    for lineage in demo_comparison.lineages:
        docs = [rank[demo_comparison.pledge(p).doc] for p in lineage.pledges]
        assert docs == sorted(docs) and len(set(docs)) >= 2


def test_no_revivals_when_no_gap_is_allowed():
    comparison = policydiff.compare(demo_paths(), max_gap=0)
    assert comparison.revivals == ()
    assert not any("revived" in x.flags for x in comparison.lineages)


def test_graph_files_open_in_networkx_and_match_the_comparison(tmp_path, demo_comparison):
    out = write_reports(demo_comparison, tmp_path / "out")
    graph = nx.read_graphml(out / "alignment.graphml")
    assert graph.number_of_nodes() == len(demo_comparison.pledges)
    pledge = demo_comparison.pledges[0]
    assert graph.nodes[pledge.id]["text"] == pledge.clean and graph.nodes[pledge.id]["doc"] == pledge.doc
    revived = [(a, b) for a, b, data in graph.edges(data=True) if data["revived"]]
    assert len(revived) == 1
    linked = nx.node_link_graph(json.loads((out / "alignment.json").read_text(encoding="utf-8")), edges="links")
    assert {frozenset(e) for e in linked.edges} == {frozenset(e) for e in graph.edges}
    components = [c for c in nx.connected_components(graph) if len({graph.nodes[n]["doc"] for n in c}) > 1]
    assert len(components) == len(demo_comparison.lineages)


def test_topic_shifts_cover_every_topic_and_pair(demo_comparison):
    shifts = demo_comparison.topic_shifts
    assert len(shifts) == len(demo_comparison.topics) * (len(demo_comparison.documents) - 1)
    for source, target in demo_comparison.pairs:
        pair = [s for s in shifts if s.source == source and s.target == target]
        assert sum(s.share_source for s in pair) == pytest.approx(1.0)
        assert sum(s.share_target for s in pair) == pytest.approx(1.0)
        records = demo_comparison.changes_between(source, target)
        assert sum(s.new + s.dropped + s.changed + s.unchanged for s in pair) == len(records)
        for shift in pair:
            assert shift.shift == pytest.approx(shift.share_target - shift.share_source)
