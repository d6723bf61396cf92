"""Every finding listed in corpora/demo/EXPECTED.md, checked pledge by pledge."""

from __future__ import annotations

import pytest

from expected import findings

FINDINGS = findings()


def test_expected_md_lists_every_kind_of_change():
    kinds = {f.kind for f in FINDINGS}
    assert {"number-changed", "hedged", "firmed", "negated", "clause-added", "clause-removed", "reworded", "moved",
            "split", "merged"} <= kinds
    assert {f.status for f in FINDINGS} == {"unchanged", "changed", "new", "dropped"}


def _pledge_ids(comparison, doc_id: str, prefixes: tuple[str, ...]) -> set[str]:
    ids = set()
    for prefix in prefixes:
        hits = [p.id for p in comparison.pledges_of(doc_id) if p.clean.startswith(prefix)]
        assert len(hits) == 1, f"{doc_id}: expected one pledge starting {prefix!r}, found {len(hits)}"
        ids.add(hits[0])
    return ids


@pytest.mark.parametrize("finding", FINDINGS, ids=str)
def test_finding(demo_comparison, finding):
    doc_of_year = {d.year: d.id for d in demo_comparison.documents}
    source, target = (doc_of_year[int(y)] for y in finding.pair.split("→"))
    a_ids = _pledge_ids(demo_comparison, source, finding.before)
    b_ids = _pledge_ids(demo_comparison, target, finding.after)
    records = [c for c in demo_comparison.changes_between(source, target) if a_ids & set(c.a) or b_ids & set(c.b)]
    assert len(records) == 1, records
    record = records[0]
    assert a_ids <= set(record.a) and b_ids <= set(record.b)
    assert record.status == finding.status
    if finding.kind:
        assert finding.kind == record.kind or finding.kind in record.kinds, (record.kind, record.kinds)
