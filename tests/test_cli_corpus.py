"""The corpus command line: `corpus show`, `compare --corpus` and option precedence."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import ROOT
from policydiff.cli import cli

DEMO = str(ROOT / "corpora" / "demo.toml")


def test_corpus_show_lists_documents_with_their_checksum_status():
    result = CliRunner().invoke(cli, ["corpus", "show", DEMO])
    assert result.exit_code == 0
    assert result.output.count("  ok\n") == 3 and "defaults: mode = chain, seed = 0, taxonomy = domains" in result.output


def test_compare_corpus_takes_manifest_defaults_unless_a_flag_is_given(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["compare", "--corpus", DEMO, "--years", "2020-2024", "--out", str(tmp_path / "a"), "-q"]).exit_code == 0
    assert runner.invoke(cli, ["compare", "--corpus", DEMO, "--taxonomy", "none", "--out", str(tmp_path / "b"), "-q"]).exit_code == 0
    first = json.loads((tmp_path / "a" / "comparison.json").read_text(encoding="utf-8"))
    second = json.loads((tmp_path / "b" / "comparison.json").read_text(encoding="utf-8"))
    assert [d["label"] for d in first["documents"]] == ["Harbour 2020", "Harbour 2024"]
    assert (first["options"]["taxonomy"], second["options"]["taxonomy"]) == ("domains", "none")


def test_corpus_errors_are_one_line_with_exit_code_2(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["compare", "--corpus", DEMO, "--party", "Green"])
    assert result.exit_code == 2
    assert result.output == (
        f"Error: no document of {DEMO} matches party 'Green' (parties: Harbour; years: 2016, 2020, 2024)\n"
    )
    result = runner.invoke(cli, ["compare", "a.txt", "b.txt", "--years", "2015"])
    assert (result.exit_code, result.output) == (2, "Error: --years and --president choose documents of a --corpus\n")


def test_topics_of_a_corpus_use_its_documents_and_defaults():
    result = CliRunner().invoke(cli, ["topics", "--corpus", DEMO, "--years", "2020-2024", "--examples", "0"])
    assert result.exit_code == 0
    assert "(pledges per document: Harbour 2020 / Harbour 2024)" in " ".join(result.output.split())
    # The manifest's default taxonomy names a policy domain beside each topic.
    assert "Welfare and Quality of Life" in " ".join(result.output.split())


def test_topics_without_documents_or_a_corpus_says_what_to_give():
    result = CliRunner().invoke(cli, ["topics"])
    assert (result.exit_code, result.output) == (2, "Error: give DOCUMENTS or --corpus FILE\n")
