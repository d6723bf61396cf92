"""Sentence segmentation: golden cases, PDF-style text, and offsets that always round-trip."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydiff.read import document_from_text
from policydiff.segment import segment


def sentences_of(text: str, markdown: bool = False) -> list[str]:
    return [s.clean for s in segment(document_from_text(text, markdown=markdown))]


GOLDEN = [
    ("We will act. They will not.", ["We will act.", "They will not."]),
    ("Mr. Smith met Dr. Jones. We will help.", ["Mr. Smith met Dr. Jones.", "We will help."]),
    ("The U.S. Army will stay. We will too.", ["The U.S. Army will stay.", "We will too."]),
    ("Trade with the U.S. We will grow it.", ["Trade with the U.S.", "We will grow it."]),
    ("We will fund e.g. libraries and parks. Then more.", ["We will fund e.g. libraries and parks.", "Then more."]),
    ("We will spend £2.5 billion on roads. It is needed.", ["We will spend £2.5 billion on roads.", "It is needed."]),
    ("We will restore the No. 10 bus. It matters.", ["We will restore the No. 10 bus.", "It matters."]),
    ("Is it fair? No! We will fix it.", ["Is it fair?", "No!", "We will fix it."]),
    ("He said \"we will win.\" We did.", ["He said \"we will win.\"", "We did."]),
    ("Rates rose 3.5% in 2015. We will cut them.", ["Rates rose 3.5% in 2015.", "We will cut them."]),
    ("See section 4 etc. for details.", ["See section 4 etc. for details."]),
    ("We will act, i.e. now. Then review.", ["We will act, i.e. now.", "Then review."]),
]


@pytest.mark.parametrize(("text", "expected"), GOLDEN)
def test_golden_sentence_boundaries(text, expected):
    assert sentences_of(text) == expected


def test_lines_wrapped_inside_a_paragraph_are_one_sentence():
    text = "We will build 12,000 new social\nhomes over the next four\nyears. Then we rest.\n"
    assert sentences_of(text) == ["We will build 12,000 new social homes over the next four years.", "Then we rest."]


def test_words_hyphenated_across_a_line_break_are_rejoined():
    text = "We will invest in infra-\nstructure and cre-\nate jobs for all house-\nholds.\n"
    assert sentences_of(text) == ["We will invest in infrastructure and create jobs for all households."]


def test_a_compound_the_document_hyphenates_elsewhere_keeps_its_hyphen():
    text = "A well-known plan.\n\nWe will back the well-\nknown scheme.\n"
    assert sentences_of(text)[-1] == "We will back the well-known scheme."


def test_bullets_and_numbered_items_are_separate_units_with_their_lead_in():
    text = "We will:\n\n• scrap tolls on the\n  Eastbridge crossing\n- cut fares\n2. hire 3,000 nurses\n(a) end waits\n"
    found = segment(document_from_text(text))
    assert [s.clean for s in found] == [
        "We will:", "scrap tolls on the Eastbridge crossing", "cut fares", "hire 3,000 nurses", "end waits",
    ]
    assert [s.is_item for s in found] == [False, True, True, True, True]
    assert {s.lead_in for s in found[1:]} == {0}


def test_page_numbers_and_headings_are_not_sentences():
    text = "HEALTH\n\nWe will act on\n12\nwaiting lists.\n\nPage 3 of 40\n\nWe will hire.\n"
    assert sentences_of(text) == ["We will act on waiting lists.", "We will hire."]


def test_markdown_quotes_and_emphasis_are_dropped_from_the_quoted_words():
    text = "# Pledges\n\n> **Our promise**\n>\n> - recruit *5,000* nurses\n"
    assert sentences_of(text, markdown=True) == ["Our promise", "recruit 5,000 nurses"]


def test_each_sentence_knows_its_section():
    text = "# Health\n\nWe will act.\n\n# Housing\n\nWe will build.\n"
    found = segment(document_from_text(text, markdown=True))
    assert [(s.clean, s.section) for s in found] == [("We will act.", "Health"), ("We will build.", "Housing")]


_paragraph_text = st.lists(
    st.sampled_from(
        ["We will", "act", "now.", "Mr.", "U.S.", "infra-\nstructure", "£2.5", "billion", "\n", "\n\n", "• ", "- ",
         "No.", "10", "?", "It", "is", "e.g.", "well-", "\u00a0", "\t", "“quoted”", "Café", "1.", "#", "> "]
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_paragraph_text, st.booleans())
def test_offsets_always_point_at_the_sentence_in_the_text(text, markdown):
    document = document_from_text(text, markdown=markdown)
    found = segment(document)
    previous_end = 0
    for sentence in found:
        span = text[sentence.start : sentence.end]
        assert sentence.start >= previous_end and sentence.end > sentence.start
        assert span == span.strip() and span
        assert sentence.clean and "\n" not in sentence.clean
        # Every character of the quoted sentence comes from its span, in order (page
        # numbers, bullets, quote marks and line-break hyphens may be dropped, nothing added).
        assert _is_subsequence("".join(sentence.clean.split()), "".join(span.split()))
        previous_end = sentence.end


def _is_subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(char in remaining for char in short)


def test_a_heading_glued_to_its_paragraph_by_pdf_extraction_is_cut_off():
    text = "We will protect animal welfare The quality of our food depends on high standards.\n"
    assert sentences_of(text) == ["We will protect animal welfare", "The quality of our food depends on high standards."]


def test_titles_with_capitals_inside_a_sentence_are_not_cut():
    text = "We will back the Office for Budget Responsibility and keep The Times in print.\n"
    assert len(sentences_of(text)) == 1
