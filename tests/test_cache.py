"""The document cache: pledges found once per document content, reused whatever else changes."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

import policydiff
from policydiff import work
from policydiff.cli import cli
from policydiff.cache import DocumentCache, NoCache, default_cache_dir, open_cache
from policydiff.options import CompareOptions
from policydiff.pipeline import Comparer
from policydiff.read import read
from policydiff.serialize import dumps

DEMO = sorted((Path(__file__).resolve().parents[1] / "corpora" / "demo").glob("20*"))
FINGERPRINT = CompareOptions().fingerprint(*work.DETECTION_OPTIONS)


@pytest.fixture
def detected(monkeypatch) -> list[str]:
    """Labels of the documents segmented and searched for pledges, in order, call by call."""
    calls: list[str] = []
    real = work.find_pledges

    def counting(document, **options):
        calls.append(document.label)
        return real(document, **options)

    monkeypatch.setattr(work, "find_pledges", counting)
    return calls


def _entries(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.json"))


def test_adding_one_document_to_a_study_recomputes_only_that_document(tmp_path, detected):
    first, middle, last = DEMO
    Comparer(cache=tmp_path).compare([first, last])
    assert detected == ["Harbour 2016", "Harbour 2024"]
    detected.clear()
    grown = Comparer(cache=tmp_path).compare([first, middle, last])
    assert detected == ["Harbour 2020"]
    assert dumps(grown) == dumps(Comparer().compare(DEMO))


def test_a_cached_rerun_computes_nothing_and_gives_byte_identical_json(tmp_path, detected):
    uncached = dumps(Comparer().compare(DEMO))
    detected.clear()
    assert dumps(Comparer(cache=tmp_path).compare(DEMO)) == uncached
    assert dumps(Comparer(cache=tmp_path).compare(DEMO)) == uncached
    assert detected == ["Harbour 2016", "Harbour 2020", "Harbour 2024"]


def test_options_that_do_not_change_detection_reuse_the_cache(tmp_path, detected):
    Comparer(cache=tmp_path).compare(DEMO)
    detected.clear()
    Comparer(CompareOptions(top_k=3, seed=7, mode="parties"), cache=tmp_path).compare(DEMO)
    assert detected == []


def test_a_new_min_confidence_recomputes_every_document(tmp_path, detected):
    Comparer(cache=tmp_path).compare(DEMO)
    detected.clear()
    Comparer(CompareOptions(min_confidence=0.7), cache=tmp_path).compare(DEMO)
    assert len(detected) == 3


def test_corrupted_entries_are_ignored_and_rewritten(tmp_path, detected):
    expected = dumps(Comparer(cache=tmp_path).compare(DEMO))
    entries = _entries(tmp_path)
    assert len(entries) == 3
    entries[0].write_text("{not json", encoding="utf-8")
    entries[1].write_bytes(b"")
    entries[2].write_text(json.dumps(["a", "list"]), encoding="utf-8")
    detected.clear()
    assert dumps(Comparer(cache=tmp_path).compare(DEMO)) == expected
    assert len(detected) == 3
    for entry in _entries(tmp_path):
        assert json.loads(entry.read_text(encoding="utf-8"))["format"] == "policydiff/document-cache-v1"


def test_an_entry_whose_spans_do_not_match_the_text_is_ignored(tmp_path):
    document = read(DEMO[0])
    cache = DocumentCache(tmp_path)
    pledges = work.find_pledges(document, min_confidence=0.5)
    cache.save(document, FINGERPRINT, pledges)
    [entry] = _entries(tmp_path)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["pledges"][0]["start"] += 1
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert cache.load(document, FINGERPRINT) is None


def test_cached_pledges_take_the_ids_of_the_documents_current_place(tmp_path):
    document = read(DEMO[0], doc_id="d0")
    cache = DocumentCache(tmp_path)
    cache.save(document, FINGERPRINT, work.find_pledges(document, min_confidence=0.5))
    moved = replace(document, id="d4")
    assert cache.load(moved, FINGERPRINT) == work.find_pledges(moved, min_confidence=0.5)


@pytest.mark.parametrize(
    "change",
    [
        {"text": "We will build a bridge.", "sha256": None},
        {"sha256": "0" * 64},
        {"party": "Other"},
        {"source_format": "html"},
        {"sections": ()},
        {"categories": ((0, 10, "501"),)},
    ],
    ids=["text", "content hash", "party", "format", "sections", "codes"],
)
def test_the_key_changes_with_everything_detection_depends_on(change):
    document = read(DEMO[0])
    cache = DocumentCache()
    assert cache.key(replace(document, **change), FINGERPRINT) != cache.key(document, FINGERPRINT)


def test_the_key_ignores_the_documents_id_label_and_year():
    document = read(DEMO[0])
    cache = DocumentCache()
    renamed = read(DEMO[0], doc_id="d9", label="Another label", year=1999)
    assert cache.key(renamed, FINGERPRINT) == cache.key(document, FINGERPRINT)


def test_the_key_changes_with_the_detection_options_fingerprint():
    document = read(DEMO[0])
    other = CompareOptions(min_confidence=0.6).fingerprint(*work.DETECTION_OPTIONS)
    assert DocumentCache().key(document, other) != DocumentCache().key(document, FINGERPRINT)


def test_a_failed_write_leaves_neither_an_entry_nor_a_temporary_file(tmp_path, monkeypatch):
    document = read(DEMO[0])

    def refuse(*args):
        raise OSError("disk full")

    monkeypatch.setattr("policydiff.cache.os.replace", refuse)
    DocumentCache(tmp_path).save(document, FINGERPRINT, work.find_pledges(document, min_confidence=0.5))
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_cache_folder_that_cannot_be_written_does_not_stop_the_run(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert dumps(Comparer(cache=blocked).compare(DEMO)) == dumps(Comparer().compare(DEMO))


def test_the_one_call_form_takes_a_cache_folder_too(tmp_path, detected):
    policydiff.compare(DEMO, cache=tmp_path)
    policydiff.compare(DEMO, cache=tmp_path, top_k=3)
    assert len(detected) == 3


def test_without_a_cache_every_run_computes_every_document(detected):
    assert isinstance(open_cache(None), NoCache)
    Comparer().compare(DEMO)
    Comparer().compare(DEMO)
    assert len(detected) == 6


def test_the_command_line_fills_the_cache_dir_and_no_cache_leaves_it_alone(tmp_path):
    paths = [str(p) for p in DEMO]
    filled, untouched = tmp_path / "filled", tmp_path / "untouched"
    result = CliRunner().invoke(cli, ["compare", *paths, "--quiet", "--cache-dir", str(filled)])
    assert result.exit_code == 0, result.output
    assert len(_entries(filled)) == 3
    result = CliRunner().invoke(cli, ["compare", *paths, "--quiet", "--no-cache", "--cache-dir", str(untouched)])
    assert result.exit_code == 0, result.output
    assert not untouched.exists()


def test_the_default_folder_is_the_users_cache_folder(monkeypatch, tmp_path):
    assert default_cache_dir().name == "policydiff"
    monkeypatch.setitem(sys.modules, "platformdirs", None)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / ".cache" / "policydiff"
