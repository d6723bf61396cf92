"""CSV exports and `policydiff report`: spreadsheet rows, texts beside results, regeneration."""

from __future__ import annotations

import csv

from click.testing import CliRunner

from conftest import demo_paths
from policydiff.cli import cli
from policydiff.report import write_reports
from policydiff.report.tables import CHANGE_COLUMNS, PLEDGE_COLUMNS


def _rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_pledge_row_per_pledge_with_labels_and_statuses(tmp_path, demo_comparison):
    out = write_reports(demo_comparison, tmp_path / "out")
    rows = _rows(out / "pledges.csv")
    assert tuple(rows[0]) == PLEDGE_COLUMNS
    assert [r["id"] for r in rows] == [p.id for p in demo_comparison.pledges]
    negated = next(r for r in rows if r["text"] == "We will not introduce congestion charging in Port Ellis."
                   and r["document"] == "Harbour 2020")
    assert (negated["status_from_previous"], negated["kind_from_previous"], negated["status_to_next"]) == (
        "changed", "negated", "unchanged")
    first = next(r for r in rows if r["doc"] == "d0")
    assert first["status_from_previous"] == "" and first["year"] == "2016" and first["topic_label"]


def test_one_change_row_per_record_with_both_texts(tmp_path, demo_comparison):
    out = write_reports(demo_comparison, tmp_path / "out")
    rows = _rows(out / "changes.csv")
    assert tuple(rows[0]) == CHANGE_COLUMNS and len(rows) == len(demo_comparison.changes)
    hedged = [r for r in rows if r["kind"] == "hedged"]
    assert any(r["a_text"].startswith("We will abolish car parking") and "aim to" in r["b_text"] for r in hedged)
    assert {r["status"] for r in rows} == {"unchanged", "changed", "new", "dropped"}


def test_texts_as_read_are_saved_so_every_offset_can_be_checked(tmp_path, demo_comparison):
    out = write_reports(demo_comparison, tmp_path / "out")
    for pledge in demo_comparison.pledges:
        text = (out / "texts" / f"{pledge.doc}.txt").read_text(encoding="utf-8")
        assert text[pledge.start : pledge.end] == pledge.text


def test_report_regenerates_the_same_files_from_comparison_json(tmp_path):
    runner = CliRunner()
    first, second = tmp_path / "first", tmp_path / "second"
    assert runner.invoke(cli, ["compare", *map(str, demo_paths()), "--out", str(first), "-q"]).exit_code == 0
    result = runner.invoke(cli, ["report", str(first / "comparison.json"), "--out", str(second)])
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert written == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in written:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_report_refuses_missing_input_and_existing_output(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(cli, ["report", str(tmp_path / "nope.json"), "--out", str(tmp_path / "o")])
    assert (missing.exit_code, missing.output) == (2, f"Error: {tmp_path / 'nope.json'}: no such file\n")
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    result = runner.invoke(cli, ["report", str(bad), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "is not a policydiff comparison" in result.output
    assert not (tmp_path / "o").exists()
