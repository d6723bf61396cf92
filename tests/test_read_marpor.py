"""Reading Manifesto Project corpus CSVs: quasi-sentences joined with offsets, codes kept.

The fixture ``tests/data/2022-tidewater.csv`` is a manifesto of a fictional party, written
for these tests and coded by hand the way the Manifesto Project codes real ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import policydiff
from policydiff.errors import InputError
from policydiff.pledges import detect_pledges
from policydiff.read import read
from policydiff.segment import segment
from policydiff.taxonomy import DomainTagger, domain_of_code

FIXTURE = Path(__file__).parent / "data" / "2022-tidewater.csv"
HEADER = '"text","cmp_code","eu_code","pos"\n'


def _pledges(document):
    return detect_pledges(document, segment(document))


def _write(tmp_path, body: str, name: str = "2022-tidewater.csv") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_quasi_sentences_are_joined_one_per_line_and_each_coded_span_is_its_cell():
    document = read(FIXTURE)
    lines = document.text.splitlines()
    assert lines[0] == "A Fair Deal for Tidewater"
    assert lines[2] == "We will raise the family allowance by £15 a week,"
    assert len(lines) == 18 and document.text.endswith("\n")
    spans = {document.text[start:end]: code for start, end, code in document.categories}
    assert spans["We will raise the family allowance by £15 a week,"] == "504"
    assert spans["and we will extend free school meals to every primary pupil."] == "506"
    assert spans["We will put 400 more police officers on the streets of our towns."] == "605.1"
    assert spans["Our opponents promise everything, and deliver nothing."] == "000"
    assert spans["Thank you for reading our plan."] == "0"


def test_heading_rows_become_sections_and_carry_no_category():
    document = read(FIXTURE)
    assert [s.title for s in document.sections] == [
        "A Fair Deal for Tidewater", "Safe Streets", "Work That Pays", "A Greener Coast",
    ]
    assert all(s.level == 1 for s in document.sections)
    police = document.text.index("We will put 400")
    assert document.section_at(police).title == "Safe Streets"
    assert document.category_at(document.text.index("Safe Streets")) is None


def test_metadata_comes_from_the_file_name_and_the_checksum_from_its_bytes():
    import hashlib

    document = read(FIXTURE)
    assert (document.party, document.year, document.label) == ("Tidewater", 2022, "Tidewater 2022")
    assert document.source_format == "marpor"
    assert document.sha256 == hashlib.sha256(FIXTURE.read_bytes()).hexdigest()


def test_every_pledge_carries_the_code_of_the_quasi_sentence_it_starts_in():
    document = read(FIXTURE)
    codes = {p.clean: p.category for p in _pledges(document)}
    assert codes["We will put 400 more police officers on the streets of our towns."] == "605.1"
    assert codes["We will cut business rates for shops with fewer than ten staff."] == "402"
    assert codes["We will ban new drilling in the bay."] == "501"
    # A sentence coded as two quasi-sentences takes the code of the first.
    both = "We will raise the family allowance by £15 a week, and we will extend free school meals to every primary pupil."
    assert codes[both] == "504"
    assert codes["We will invest £200 million in a coastal technology fund, so that new industries can grow here."] == "411"


def test_the_coders_category_decides_the_policy_domain():
    pledges = _pledges(read(FIXTURE))
    domains = DomainTagger().fit(pledges).predict(pledges)
    for pledge, domain in zip(pledges, domains):
        assert domain == domain_of_code(pledge.category)
    police = next(d for p, d in zip(pledges, domains) if "police" in p.clean)
    assert police == "Fabric of Society"


def test_codes_reach_the_pledges_of_a_comparison(tmp_path):
    later = FIXTURE.read_text(encoding="utf-8").replace("400 more police", "600 more police").replace("2027", "2030")
    comparison = policydiff.compare([FIXTURE, _write(tmp_path, later, "2026-tidewater.csv")], taxonomy="domains")
    police = [p for p in comparison.pledges if "police officers" in p.clean]
    assert [p.category for p in police] == ["605.1", "605.1"]
    assert {p.domain for p in police} == {"Fabric of Society"}
    kinds = {c.kind for c in comparison.changes if c.status == "changed"}
    assert "number-changed" in kinds


def test_uncoded_rows_and_cells_with_commas_quotes_and_line_breaks_are_kept(tmp_path):
    body = HEADER + (
        '"We will build 2,000 homes, and ""mean it"".","NA","","1"\n'
        '"We will open\ntwo clinics.","","NA","2"\n'
        '"We will fix the pier.","504","NA","3"\n'
    )
    document = read(_write(tmp_path, body))
    assert document.text == 'We will build 2,000 homes, and "mean it".\nWe will open\ntwo clinics.\nWe will fix the pier.\n'
    assert [code for *_, code in document.categories] == ["504"]
    assert document.category_at(document.text.index("We will fix")) == "504"
    assert document.category_at(0) is None


def test_rows_with_empty_text_are_left_out(tmp_path):
    document = read(_write(tmp_path, HEADER + '"","H","NA","1"\n"We will act now.","504","NA","2"\n'))
    assert document.text == "We will act now.\n"
    assert document.sections == ()


BAD_FILES = [
    ("missing column", '"text","cmp_code"\n"We will act.","504"\n',
     "lacks the required column 'eu_code' (header has: text, cmp_code)"),
    ("two missing columns", '"text"\n"We will act."\n',
     "lacks the required columns 'cmp_code', 'eu_code' (header has: text)"),
    ("semicolons", 'text;cmp_code;eu_code\nWe will act.;504;NA\n',
     ("lacks the required columns 'text', 'cmp_code', 'eu_code' (header has: text;cmp_code;eu_code); "
      "the file must be comma-separated")),
    ("header only", HEADER, "has a header but no rows"),
    ("only empty text", HEADER + '"","504","NA","1"\n', "has no quasi-sentences (every 'text' cell is empty)"),
    ("short row", HEADER + '"We will act.","504","NA","1"\n"We will build.","504"\n',
     "line 3 has 2 fields where the header has 4"),
    ("long row", HEADER + '"We will act.","504","NA","1","extra"\n', "line 2 has 5 fields where the header has 4"),
    ("word as code", HEADER + '"We will act.","504","NA","1"\n"We will build.","housing","NA","2"\n',
     "line 3: cmp_code 'housing' is not a Manifesto Project code (a number such as 504 or 605.1, or H, NA, 0, 000)"),
    ("bad eu_code", HEADER + '"We will act.","504","n/a","1"\n',
     "line 2: eu_code 'n/a' is not a Manifesto Project code (a number such as 504 or 605.1, or H, NA, 0, 000)"),
    ("broken quoting", HEADER + '"We will act."x,"504","NA","1"\n',
     "is not valid CSV (line 2: ',' expected after '\"')"),
]


@pytest.mark.parametrize("body, reason", [case[1:] for case in BAD_FILES], ids=[case[0] for case in BAD_FILES])
def test_a_malformed_file_gives_one_line_naming_the_column_or_line(tmp_path, body, reason):
    path = _write(tmp_path, body)
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.path == str(path)
    assert caught.value.reason == reason
    assert "\n" not in str(caught.value)


def test_an_empty_file_is_refused_before_parsing(tmp_path):
    with pytest.raises(InputError, match="is empty"):
        read(_write(tmp_path, ""))


@pytest.mark.parametrize("code", ["504", "605.1", "202_2", "0", "000", "h", " 411 "])
def test_codes_as_the_codebook_writes_them_are_accepted(tmp_path, code):
    document = read(_write(tmp_path, HEADER + f'"Heading or not","{code}","NA","1"\n"We will act.","504","NA","2"\n'))
    assert document.text.startswith("Heading or not\n")
