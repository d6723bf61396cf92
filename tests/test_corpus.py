"""Corpus manifests: documents with checksums, selection by party and years, default options."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from conftest import DEMO_DIR, ROOT, demo_paths
from policydiff.errors import InputError, OptionError
from policydiff.options import CompareOptions
from policydiff.pipeline import Comparer
from policydiff.read.corpus import (
    corpus_options,
    describe,
    load_corpus,
    open_corpus,
    open_study,
    parse_years,
    read_corpus,
    select,
    verify,
)
from policydiff.serialize import dumps

DEMO = ROOT / "corpora" / "demo.toml"
UK_DEMO = ROOT / "corpora" / "uk-demo.toml"


def _manifest(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "study.toml"
    path.write_text(body, encoding="utf-8")
    return path


def _demo_copy(tmp_path: Path) -> Path:
    """The demo manifest and its documents, copied so a test may change them."""
    shutil.copytree(DEMO_DIR, tmp_path / "demo")
    return Path(shutil.copy(DEMO, tmp_path / "demo.toml"))


def test_the_demo_manifest_lists_the_three_demo_documents_with_their_real_checksums():
    corpus = load_corpus(DEMO)
    assert [Path(e.path).resolve() for e in corpus.documents] == [p.resolve() for p in demo_paths()]
    assert [(e.party, e.year, e.label) for e in corpus.documents] == [
        ("Harbour", 2016, "Harbour 2016"), ("Harbour", 2020, "Harbour 2020"), ("Harbour", 2024, "Harbour 2024"),
    ]
    for entry in corpus.documents:
        assert entry.sha256 == hashlib.sha256(Path(entry.path).read_bytes()).hexdigest()
    assert corpus.defaults == {"mode": "chain", "taxonomy": "domains", "seed": 0}
    assert verify(corpus) == ("ok", "ok", "ok")


def test_paths_are_relative_to_the_manifest_not_to_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = load_corpus(DEMO)
    assert all(Path(e.path).is_file() for e in corpus.documents)
    assert corpus.documents[0].path == str(DEMO_DIR / "2016-harbour.md")


def test_reading_gives_documents_in_manifest_order_with_the_listed_metadata():
    documents = read_corpus(load_corpus(DEMO))
    assert [d.id for d in documents] == ["d0", "d1", "d2"]
    assert [d.label for d in documents] == ["Harbour 2016", "Harbour 2020", "Harbour 2024"]
    assert [d.source_format for d in documents] == ["markdown", "markdown", "text"]


def test_a_changed_document_stops_the_read_with_a_checksum_mismatch(tmp_path):
    manifest = _demo_copy(tmp_path)
    changed = tmp_path / "demo" / "2020-harbour.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("12,000", "14,000"), encoding="utf-8")
    corpus = load_corpus(manifest)
    with pytest.raises(InputError) as caught:
        read_corpus(corpus)
    expected = corpus.documents[1].sha256
    found = hashlib.sha256(changed.read_bytes()).hexdigest()
    assert caught.value.path == str(changed)
    assert caught.value.reason == f"checksum mismatch: expected {expected}, found {found}"
    assert verify(corpus)[1] == caught.value.reason


def test_a_missing_document_is_named_with_the_manifest_that_lists_it(tmp_path):
    manifest = _demo_copy(tmp_path)
    (tmp_path / "demo" / "2024-harbour.txt").unlink()
    with pytest.raises(InputError) as caught:
        read_corpus(load_corpus(manifest))
    assert caught.value.path == str(tmp_path / "demo" / "2024-harbour.txt")
    assert caught.value.reason == f"no such file (listed in {manifest})"


def test_party_year_and_label_default_to_what_the_file_name_says(tmp_path):
    manifest = _manifest(tmp_path, '[[documents]]\npath = "2015-labour.txt"\n\n[[documents]]\npath = "notes.txt"\n')
    first, second = load_corpus(manifest).documents
    assert (first.party, first.year, first.label, first.sha256) == ("Labour", 2015, "Labour 2015", None)
    assert (second.party, second.year, second.label) == (None, None, "notes")


def test_selection_by_party_ignores_case_and_keeps_manifest_order():
    corpus = load_corpus(UK_DEMO)
    labour = select(corpus, party="labour")
    assert [e.label for e in labour.documents] == ["Labour 2010", "Labour 2015", "Labour 2017"]
    both = select(corpus, party=["Labour", "CONSERVATIVE"])
    assert len(both.documents) == 6
    assert select(corpus, party=()).documents == corpus.documents


@pytest.mark.parametrize(
    "years, labels",
    [
        ("2015", ["Conservative 2015", "Labour 2015"]),
        ("2015-2019", ["Conservative 2015", "Labour 2015", "Conservative 2017", "Labour 2017"]),
        (2010, ["Conservative 2010", "Labour 2010"]),
        ((2016, 2017), ["Conservative 2017", "Labour 2017"]),
    ],
)
def test_selection_by_years_includes_both_ends(years, labels):
    assert [e.label for e in select(load_corpus(UK_DEMO), years=years).documents] == labels


def test_selection_by_party_and_years_together():
    chosen = select(load_corpus(UK_DEMO), party="Conservative", years="2010-2015")
    assert [e.label for e in chosen.documents] == ["Conservative 2010", "Conservative 2015"]


def test_a_selection_that_matches_nothing_says_what_the_corpus_has():
    with pytest.raises(OptionError) as caught:
        select(load_corpus(UK_DEMO), party="Green", years="2011-2014")
    assert str(caught.value) == (
        f"no document of {UK_DEMO} matches party 'Green' and years 2011-2014 "
        "(parties: Conservative, Labour; years: 2010, 2015, 2017)"
    )


@pytest.mark.parametrize(
    "written, span",
    [("2015", (2015, 2015)), ("2010-2019", (2010, 2019)), (" 2010 – 2019 ", (2010, 2019)), (2001, (2001, 2001))],
)
def test_years_are_a_year_or_an_inclusive_span(written, span):
    assert parse_years(written) == span


@pytest.mark.parametrize(
    "written, message",
    [
        ("2019-2010", "years 2019-2010 run backwards; write 2010-2019"),
        ("last decade", "years must be a year (2015) or a span (2010-2019), not 'last decade'"),
        ("15-19", "years must be a year (2015) or a span (2010-2019), not '15-19'"),
    ],
)
def test_malformed_years_are_refused(written, message):
    with pytest.raises(OptionError) as caught:
        parse_years(written)
    assert str(caught.value) == message


def test_options_come_from_the_given_values_then_the_manifest_then_compare_options():
    corpus = load_corpus(DEMO)
    assert corpus_options(corpus) == CompareOptions(taxonomy="domains", mode="chain", seed=0)
    assert corpus_options(corpus, taxonomy="none", top_k=4) == CompareOptions(taxonomy="none", top_k=4)
    assert corpus_options(corpus).top_k == CompareOptions().top_k


def test_a_study_over_the_demo_manifest_gives_the_comparison_of_its_files(demo_comparison):
    study = open_study(str(DEMO), given={"taxonomy": "none"})
    assert study.options == CompareOptions()
    comparison = Comparer(study.options).compare(study.documents)
    assert dumps(comparison) == dumps(demo_comparison)


def test_a_study_selects_before_reading(tmp_path):
    manifest = _demo_copy(tmp_path)
    (tmp_path / "demo" / "2016-harbour.md").unlink()
    study = open_study(str(manifest), years="2020-2024")
    assert [d.label for d in study.documents] == ["Harbour 2020", "Harbour 2024"]
    assert study.options.taxonomy == "domains"


def test_the_uk_manifest_checksums_match_the_shared_corpus(uk_dir):
    corpus = load_corpus(UK_DEMO)
    assert [Path(e.path).resolve().parent for e in corpus.documents] == [uk_dir.resolve()] * 6
    assert verify(corpus) == ("ok",) * 6


def test_describe_lists_documents_checksums_status_and_defaults():
    text = describe(load_corpus(DEMO))
    lines = text.splitlines()
    assert lines[0] == f"{DEMO}: Harbour Party demo"
    assert "3 documents:" in lines
    assert lines[-1] == "defaults: mode = chain, seed = 0, taxonomy = domains"
    row = next(line for line in lines if "Harbour 2020" in line)
    assert row.split()[-1] == "ok" and "d7960080664c" in row and "2020-harbour.md" in row


def test_describe_without_checking_reads_no_document(tmp_path):
    manifest = _manifest(tmp_path, '[[documents]]\npath = "gone/2015-labour.txt"\n')
    text = describe(load_corpus(manifest), check=False)
    assert "status" not in text and "Labour 2015" in text and "defaults: none" in text
    assert "no such file" in describe(load_corpus(manifest))


def test_sotu_needs_a_president_and_a_president_needs_sotu():
    with pytest.raises(OptionError, match="the sotu corpus needs a president"):
        open_corpus("sotu")
    with pytest.raises(OptionError, match="a president selects addresses of the sotu corpus"):
        open_corpus(str(DEMO), president="Obama")


GOOD_ENTRY = '[[documents]]\npath = "2015-labour.txt"\n'
BAD_MANIFESTS = [
    ("no documents", 'name = "empty"\n', "lists no documents (add [[documents]] tables, each with a path)"),
    ("documents not tables", 'documents = ["2015-labour.txt"]\n',
     "document 1 is not a table (write it as [[documents]] with path = …)"),
    ("entry without path", GOOD_ENTRY + '\n[[documents]]\nyear = 2017\n', "document 2 has no path"),
    ("empty path", '[[documents]]\npath = " "\n', "document 1 has an empty path"),
    ("misspelt key", '[[documents]]\npath = "a.txt"\nyeer = 2017\n',
     "document 1 has unknown key 'yeer' (known: path, party, year, label, sha256)"),
    ("misspelt top key", 'titel = "x"\n' + GOOD_ENTRY,
     "the manifest has unknown key 'titel' (known: name, description, defaults, documents)"),
    ("year as text", '[[documents]]\npath = "a.txt"\nyear = "2017"\n', "document 1: year must be a whole number, not '2017'"),
    ("path as number", '[[documents]]\npath = 2017\n', "document 1: path must be text, not 2017"),
    ("short checksum", '[[documents]]\npath = "a.txt"\nsha256 = "abc123"\n',
     "document 1: sha256 must be 64 hexadecimal digits, not 'abc123'"),
    ("repeated path", GOOD_ENTRY + GOOD_ENTRY, f"document 2 repeats {Path('2015-labour.txt')} (document 1)"),
    ("unknown default", '[defaults]\ncolour = "red"\n' + GOOD_ENTRY,
     ("[defaults]: unknown option 'colour' (options: similarity, top_k, block_size, min_confidence, order, seed, "
      "mode, topics, clusterer, taxonomy, max_gap, all_pairs)")),
    ("default of the wrong type", '[defaults]\nseed = "0"\n' + GOOD_ENTRY, "[defaults]: seed must be int, not '0'"),
    ("default of a bad value", '[defaults]\nmode = "zigzag"\n' + GOOD_ENTRY,
     "[defaults]: unknown mode 'zigzag'; choose from chain, parties"),
    ("defaults not a table", 'defaults = 3\n' + GOOD_ENTRY, "[defaults] must be a table of option = value"),
]


@pytest.mark.parametrize("body, reason", [c[1:] for c in BAD_MANIFESTS], ids=[c[0] for c in BAD_MANIFESTS])
def test_a_faulty_manifest_gives_one_line_naming_the_manifest_and_the_fault(tmp_path, body, reason):
    manifest = _manifest(tmp_path, body)
    with pytest.raises(InputError) as caught:
        load_corpus(manifest)
    assert caught.value.path == str(manifest)
    assert caught.value.reason.replace(str(tmp_path) + "/", "") == reason


def test_invalid_toml_is_refused_with_the_parsers_account_of_where(tmp_path):
    manifest = _manifest(tmp_path, "name = unquoted\n" + GOOD_ENTRY)
    with pytest.raises(InputError) as caught:
        load_corpus(manifest)
    assert caught.value.reason.startswith("is not valid TOML (")
    assert "line 1" in caught.value.reason and "\n" not in caught.value.reason


def test_a_missing_manifest_or_a_folder_is_refused(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_corpus(tmp_path / "absent.toml")
    with pytest.raises(InputError, match="is a directory, not a manifest"):
        load_corpus(tmp_path)

