"""Reading .txt and .md files: text kept exactly, headings as sections, metadata, bad input."""

from __future__ import annotations

import pytest

from policydiff.errors import InputError
from policydiff.read import document_from_text, infer_metadata, read


def test_text_is_kept_exactly_as_read_and_a_bom_is_dropped(tmp_path):
    path = tmp_path / "2015-labour.txt"
    body = "HEALTH\n\nWe will  recruit\r\n3,000 nurses.\n"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    document = read(path)
    assert document.text == body
    assert document.sha256 and len(document.sha256) == 64


def test_markdown_headings_become_nested_sections():
    text = "# Manifesto\n\nIntro.\n\n## Health\n\nWe will act.\n\n## Housing\n\nWe will build.\n"
    document = document_from_text(text, markdown=True)
    titles = [(s.title, s.level) for s in document.sections]
    assert titles == [("Manifesto", 1), ("Health", 2), ("Housing", 2)]
    assert document.section_at(text.index("We will act")).title == "Health"
    assert document.section_at(text.index("We will build")).title == "Housing"
    assert document.section_at(text.index("Intro")).title == "Manifesto"


def test_short_standalone_lines_of_plain_text_are_headings():
    text = (
        "A STRONGER ECONOMY\n\nWe will cut taxes for small firms.\n\n"
        "Safer streets\n\nWe will hire 1,000 police officers.\n\n"
        "This paragraph is one long line that runs on well past any heading length, and ends without a stop\n\n"
        "We will act:\n\nFinal words here.\n"
    )
    document = document_from_text(text)
    assert [s.title for s in document.sections] == ["A STRONGER ECONOMY", "Safer streets"]
    assert document.sections[0].level == 1 and document.sections[1].level == 2
    assert document.section_at(text.index("We will hire")).title == "Safer streets"


@pytest.mark.parametrize(
    ("name", "party", "year"),
    [
        ("2015-conservative.txt", "Conservative", 2015),
        ("2017-liberal-democrats.md", "Liberal Democrats", 2017),
        ("labour_2019.txt", "Labour", 2019),
        ("2015-snp.txt", "SNP", 2015),
        ("manifesto.txt", None, None),
        ("51320_201505.csv", "51320", 2015),
        ("51620_199704.csv", "51620", 1997),
    ],
)
def test_party_and_year_are_inferred_from_file_names(name, party, year):
    assert infer_metadata(name) == (party, year)


def test_options_override_what_the_file_name_suggests(tmp_path):
    path = tmp_path / "2015-labour.txt"
    path.write_text("We will act.\n", encoding="utf-8")
    document = read(path, label="Labour (Scotland)", party="Scottish Labour", year=2016)
    assert (document.label, document.party, document.year) == ("Labour (Scotland)", "Scottish Labour", 2016)
    assert read(path).label == "Labour 2015"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b"  \n\n ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file, not text"),
        ("Caf\xe9 policy".encode("latin-1"), "is not valid UTF-8 (byte 3: 0xe9)"),
    ],
)
def test_unreadable_files_give_one_line_reasons(tmp_path, content, reason):
    path = tmp_path / "2015-labour.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        read(path)
    assert str(raised.value) == f"{path}: {reason}"


def test_a_directory_is_not_a_document(tmp_path):
    with pytest.raises(InputError, match="is a directory, not a document"):
        read(tmp_path)


def test_unknown_file_types_are_refused_by_name(tmp_path):
    path = tmp_path / "manifesto.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match=r"unsupported file type '\.docx'"):
        read(path)


def test_a_sentence_that_lost_its_full_stop_is_not_a_heading():
    text = "Our record\n\nWe have halved the deficit as a share of our economy\n\nWe will balance the books.\n"
    assert [s.title for s in document_from_text(text).sections] == ["Our record"]
