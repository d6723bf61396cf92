"""The pipeline end to end through the Python API: contract, offsets, determinism, symmetry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import policydiff
from conftest import demo_paths
from policydiff.model import STATUSES
from policydiff.read import read
from policydiff.serialize import dumps


def _check_every_pledge_in_exactly_one_record_per_pair(comparison):
    for earlier, later in zip(comparison.documents, comparison.documents[1:]):
        records = comparison.changes_between(earlier.id, later.id)
        a_ids = sorted(i for r in records for i in r.a)
        b_ids = sorted(i for r in records for i in r.b)
        assert a_ids == sorted(p.id for p in comparison.pledges_of(earlier.id))
        assert b_ids == sorted(p.id for p in comparison.pledges_of(later.id))
        for record in records:
            assert record.status in STATUSES
            assert (record.status == "new") == (not record.a)
            assert (record.status == "dropped") == (not record.b)


def _check_offsets_round_trip(comparison):
    texts = {d.id: read(d.path).text for d in comparison.documents}
    for pledge in comparison.pledges:
        assert texts[pledge.doc][pledge.start : pledge.end] == pledge.text
        assert pledge.text.split()[-1].rstrip(".!") .split("-")[-1] in pledge.clean


def test_demo_comparison_follows_the_contract(demo_comparison):
    assert [d.year for d in demo_comparison.documents] == [2016, 2020, 2024]
    assert [d.id for d in demo_comparison.documents] == ["d0", "d1", "d2"]
    _check_every_pledge_in_exactly_one_record_per_pair(demo_comparison)
    _check_offsets_round_trip(demo_comparison)


def test_real_manifestos_follow_the_contract(uk_comparison):
    _check_every_pledge_in_exactly_one_record_per_pair(uk_comparison)
    _check_offsets_round_trip(uk_comparison)
    counts = uk_comparison.counts()
    assert counts["changed"] > 20 and counts["new"] > 100 and counts["dropped"] > 100


def test_reruns_give_byte_identical_json():
    first = dumps(policydiff.compare(demo_paths()))
    second = dumps(policydiff.compare(list(reversed(demo_paths()))))
    assert first == second


def test_swapping_the_documents_swaps_new_with_dropped():
    paths = demo_paths()[:2]
    forward = policydiff.compare(paths)
    backward = policydiff.compare(list(reversed(paths)), order="given")
    f, b = forward.counts(), backward.counts()
    assert (f["new"], f["dropped"]) == (b["dropped"], b["new"])
    assert f["unchanged"] == b["unchanged"]
    unchanged_forward = {(c.a, c.b) for c in forward.changes if c.status == "unchanged"}
    relabel = {"d0": "d1", "d1": "d0"}
    unchanged_backward = {
        (tuple(relabel[i[:2]] + i[2:] for i in c.b), tuple(relabel[i[:2]] + i[2:] for i in c.a))
        for c in backward.changes if c.status == "unchanged"
    }
    assert unchanged_forward == unchanged_backward


def test_documents_can_be_given_as_objects_with_metadata_options():
    from policydiff.read import document_from_text

    a = document_from_text("We will build 1,000 homes.\n\nWe will ban fracking.\n", label="A")
    b = document_from_text("We will build 2,000 homes.\n\nWe will plant trees.\n", label="B")
    comparison = policydiff.compare([a, b], years=[2019, 2015])
    assert [d.label for d in comparison.documents] == ["B", "A"]
    assert comparison.counts() == {"unchanged": 0, "changed": 1, "new": 1, "dropped": 1}


def test_the_comparison_records_the_options_that_made_it(demo_comparison):
    assert demo_comparison.options["similarity"] == "lexical"
    assert demo_comparison.options["seed"] == 0


def test_unknown_options_are_refused():
    with pytest.raises(policydiff.OptionError, match="unknown option"):
        policydiff.compare(demo_paths(), colour="blue")


def test_json_round_trips_through_load(tmp_path, demo_comparison):
    path = tmp_path / "comparison.json"
    path.write_text(dumps(demo_comparison), encoding="utf-8")
    loaded = policydiff.load(path)
    assert dumps(loaded) == path.read_text(encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "policydiff/comparison-v1"
    assert set(data) >= {"schema", "documents", "topics", "pledges", "changes"}
    assert {"id", "label", "path", "sha256", "year", "party"} <= set(data["documents"][0])
    assert {"id", "doc", "text", "start", "end", "section", "confidence", "topic"} <= set(data["pledges"][0])
    assert {"from", "to", "status", "a", "b", "score", "kind", "diff"} <= set(data["changes"][0])


def test_loading_something_else_gives_a_schema_error(tmp_path):
    path = tmp_path / "comparison.json"
    path.write_text('{"schema": "other"}', encoding="utf-8")
    with pytest.raises(policydiff.SchemaError, match="is not a policydiff comparison"):
        policydiff.load(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(policydiff.SchemaError, match="is not valid JSON"):
        policydiff.load(Path(path))
