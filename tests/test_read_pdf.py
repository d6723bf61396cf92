"""Reading PDFs: reading order across columns, page furniture dropped, headings as sections,
and the same pledges as the same words in a plain-text file.

Every PDF here is drawn by the test itself with reportlab, from the fictional manifesto below.
"""

from __future__ import annotations

import io
import re
import sys

import pytest

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

import policydiff
from policydiff.errors import InputError, MissingExtra
from policydiff.pledges import detect_pledges
from policydiff.read import read
from policydiff.read.pdf import NO_TEXT_LAYER
from policydiff.read.pdf_layout import (
    Line,
    Word,
    find_gutter,
    layout_blocks,
    physical_lines,
    reading_order,
)
from policydiff.segment import segment

#: Where the generated manifesto breaks a word across a line end ("infra-" / "structure").
BREAK = "\u00ad"
HEADER = "Lantern Party Manifesto 2024"

MANIFESTO = [
    ("title", "A Fairer Eastmoor"),
    ("heading", "Housing"),
    ("para", ("Eastmoor needs homes that families can afford. Rents have risen faster than wages "
              "for a decade, and too many young people have given up hope of owning a home.")),
    ("para", ("We will build 12,000 social homes by 2029. We will give councils the power to buy "
              "empty land at fair prices, so that new estates are planned around the people who "
              "will live in them.")),
    ("para", ("We will invest in the infra" + BREAK + "structure that new estates need before the "
              "first residents move in.")),
    ("heading", "Health and care"),
    ("para", ("Our hospitals have been stretched to breaking point. Since 2019 we have opened three "
              "new surgeries in the valleys. We will recruit 2,000 more nurses and keep every "
              "community hospital open.")),
    ("para", "We will:"),
    ("bullet", "abolish car parking charges at all hospitals"),
    ("bullet", "cut waiting times for mental health support to four weeks, wherever people live"),
    ("bullet", "open a walk-in dental clinic in every district"),
    ("heading", "Transport"),
    ("para", ("Buses are the lifeline of our towns and villages, and fares have doubled since the "
              "last election while services have been cut back year after year. We will freeze "
              "bus fares for three years and electrify the coastal line by 2030. We will reopen "
              "the Marsh Road station and run trains every half hour to the county town.")),
    ("heading", "Environment"),
    ("para", ("We will plant one million trees and insulate 50,000 homes. A Lantern government "
              "will ban fracking across Eastmoor. We will clean up every river that flows "
              "into the bay, and we will fine the water companies that pollute them.")),
    ("heading", "Work and wages"),
    ("para", ("Too many jobs in Eastmoor pay too little and offer no security. We will raise the "
              "minimum wage to £12 an hour and ban zero-hours contracts. We will create a "
              "regional investment bank with £500 million to lend to small firms, and we will "
              "cut business rates for every shop on the high street.")),
    ("para", "We will:"),
    ("bullet", "give every worker the right to flexible hours from the first day"),
    ("bullet", "double the number of apprenticeships in our colleges"),
    ("heading", "Schools"),
    ("para", ("We will provide free school meals for every primary pupil and hire 500 new "
              "teachers. We will cap class sizes at thirty.")),
]

# Layout of the generated pages (points): a wide, short page so the text runs over three
# pages, two columns with a 24 pt gutter, a running header and a page-number footer.
PAGE_WIDTH, PAGE_HEIGHT = 595, 300
MARGIN, TOP, BOTTOM, GUTTER = 50, 50, 45, 24
COLUMN_WIDTH = (PAGE_WIDTH - 2 * MARGIN - GUTTER) / 2
BODY_SIZE, LEADING, BULLET_INDENT = 10, 13, 10


def _fonts() -> tuple[str, str]:
    """Bitstream Vera (shipped with reportlab), embedded so the text extracts as Unicode."""
    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
    pdfmetrics.registerFont(TTFont("Vera-Bold", "VeraBd.ttf"))
    return "Vera", "Vera-Bold"


def _wrap(text: str, width: float, font: str) -> list[str]:
    """Greedy line breaking; a word containing BREAK is always hyphenated there."""
    lines, current = [], ""
    for word in text.split():
        if BREAK in word:
            head, tail = word.split(BREAK)
            lines.append(f"{current} {head}-".strip())
            current = tail
            continue
        trial = f"{current} {word}".strip()
        if current and pdfmetrics.stringWidth(trial, font, BODY_SIZE) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return lines + [current] if current else lines


def make_pdf(blocks, header: str = HEADER) -> tuple[bytes, list[tuple[str, int, int, int]]]:
    """A two-column PDF of the blocks, and where each line of body text went.

    Returns the bytes and, for every body line drawn, (its text, page from 1, column 0 or
    1, number of its block in ``blocks``).
    """
    body_font, bold_font = _fonts()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1)
    at = {"page": 1, "column": 0, "y": PAGE_HEIGHT - TOP, "top": PAGE_HEIGHT - TOP}
    drawn = []

    def furniture():
        pdf.setFont(body_font, 8)
        pdf.drawString(MARGIN, PAGE_HEIGHT - 25, header)
        pdf.drawCentredString(PAGE_WIDTH / 2, 20, f"Page {at['page']}")

    def room_for(height):
        if at["y"] - height >= BOTTOM:
            return
        if at["column"] == 0:
            at["column"] = 1
        else:
            furniture()
            pdf.showPage()
            at.update(page=at["page"] + 1, column=0, top=PAGE_HEIGHT - TOP)
        at["y"] = at["top"]

    for block_number, (kind, text) in enumerate(blocks):
        x = MARGIN + at["column"] * (COLUMN_WIDTH + GUTTER)
        if kind == "title":
            pdf.setFont(bold_font, 20)
            pdf.drawCentredString(PAGE_WIDTH / 2, at["y"] - 20, text)
            at["y"] = at["top"] = at["y"] - 36
            continue
        if kind == "heading":
            room_for(36)
            x = MARGIN + at["column"] * (COLUMN_WIDTH + GUTTER)
            pdf.setFont(bold_font, 14)
            pdf.drawString(x, at["y"] - 20, text)
            at["y"] -= 26
            continue
        indent = BULLET_INDENT if kind == "bullet" else 0
        for number, line in enumerate(_wrap(text, COLUMN_WIDTH - indent, body_font)):
            room_for(LEADING)
            at["y"] -= LEADING
            x = MARGIN + at["column"] * (COLUMN_WIDTH + GUTTER)
            pdf.setFont(body_font, BODY_SIZE)
            if kind == "bullet" and number == 0:
                pdf.drawString(x, at["y"], "\u2022")
            pdf.drawString(x + indent, at["y"], line)
            drawn.append((line, at["page"], at["column"], block_number))
        at["y"] -= 2 if kind == "bullet" else 6
    furniture()
    pdf.showPage()
    pdf.save()
    return out.getvalue(), drawn


def as_plain_text(blocks) -> str:
    """The same manifesto as a .txt file: one line per paragraph, heading or "- " item."""
    parts = []
    for kind, text in blocks:
        text = text.replace(BREAK, "")
        line = f"- {text}" if kind == "bullet" else text
        joiner = "\n" if kind == "bullet" and parts and parts[-1].startswith("- ") else "\n\n"
        parts.append((joiner if parts else "") + line)
    return "".join(parts) + "\n"


@pytest.fixture(scope="module")
def manifesto(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    data, drawn = make_pdf(MANIFESTO)
    (folder / "2024-lantern.pdf").write_bytes(data)
    (folder / "2024-lantern.txt").write_text(as_plain_text(MANIFESTO), encoding="utf-8")
    return read(folder / "2024-lantern.pdf"), read(folder / "2024-lantern.txt"), drawn


def _pledges(document):
    return [p.clean for p in detect_pledges(document, segment(document))]


def test_the_generated_pdf_has_two_columns_over_three_pages_and_paragraphs_across_breaks(manifesto):
    _, _, drawn = manifesto
    assert {(page, column) for _, page, column, _ in drawn} >= {(1, 0), (1, 1), (2, 0), (2, 1), (3, 0)}
    places = {}
    for _, page, column, block in drawn:
        places.setdefault(block, set()).add((page, column))
    across = sorted(sorted(p) for p in places.values() if len(p) > 1)
    assert any(a[0] == b[0] for a, b in across), "a paragraph runs from the left column to the right"
    assert any(a[0] < b[0] for a, b in across), "a paragraph runs on to the next page"


def test_a_pdf_is_read_as_format_pdf_with_the_file_hash(manifesto):
    document, _, _ = manifesto
    assert document.source_format == "pdf"
    assert (document.party, document.year) == ("Lantern", 2024)
    assert len(document.sha256) == 64


def test_columns_are_read_left_before_right_and_pages_in_order(manifesto):
    document, _, drawn = manifesto
    positions = [document.text.index(line) for line, _, _, _ in drawn if len(line) > 20]
    assert positions == sorted(positions)


def test_running_header_footer_and_page_numbers_are_dropped(manifesto):
    document, _, _ = manifesto
    assert "Lantern Party Manifesto" not in document.text
    assert "Page " not in document.text
    assert not re.search(r"^\s*\d+\s*$", document.text, re.MULTILINE)


def test_a_word_hyphenated_across_lines_is_kept_in_the_text_and_rejoined_in_sentences(manifesto):
    document, _, _ = manifesto
    assert "infra-\nstructure" in document.text
    sentence = next(s for s in segment(document) if "structure" in s.clean)
    assert "We will invest in the infrastructure that new estates need" in sentence.clean
    assert document.text[sentence.start : sentence.end].startswith("We will invest")


def test_headings_become_sections_with_exact_offsets(manifesto):
    document, _, _ = manifesto
    titles = [(s.title, s.level) for s in document.sections]
    assert titles == [("A Fairer Eastmoor", 1)] + [
        (text, 2) for kind, text in MANIFESTO if kind == "heading"
    ]
    for section in document.sections:
        assert document.text[section.start : section.end].startswith(section.title)
    assert document.section_at(document.text.index("cap class sizes")).title == "Schools"


def test_bullets_become_list_items_under_their_lead_in(manifesto):
    document, _, _ = manifesto
    items = [s for s in segment(document) if s.is_item]
    assert [s.clean for s in items][:3] == [
        "abolish car parking charges at all hospitals",
        "cut waiting times for mental health support to four weeks, wherever people live",
        "open a walk-in dental clinic in every district",
    ]
    assert all(segment(document)[s.lead_in].clean == "We will:" for s in items)


def test_the_pdf_gives_the_same_pledges_as_the_same_words_in_plain_text(manifesto):
    document, plain, _ = manifesto
    assert _pledges(document) == _pledges(plain)
    assert len(_pledges(document)) >= 15


def test_extraction_is_deterministic(manifesto, tmp_path):
    document, _, _ = manifesto
    (tmp_path / "2024-lantern.pdf").write_bytes(make_pdf(MANIFESTO)[0])
    again = read(tmp_path / "2024-lantern.pdf")
    assert (again.text, again.sections) == (document.text, document.sections)


def test_a_pdf_without_a_text_layer_is_refused_with_the_reason(tmp_path):
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    pdf.setFillGray(0.2)
    pdf.rect(40, 40, 300, 200, fill=1)
    pdf.showPage()
    pdf.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(out.getvalue())
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.reason == NO_TEXT_LAYER
    assert str(caught.value) == f"{path}: has no text layer (a scanned PDF? run OCR first)"


def test_a_damaged_pdf_is_refused_in_one_line(tmp_path):
    data, _ = make_pdf(MANIFESTO)
    path = tmp_path / "broken.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.reason.startswith("is a damaged PDF (")
    assert "\n" not in str(caught.value)


def test_a_file_that_is_not_a_pdf_at_all_is_refused(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("We will build homes.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"is not a PDF \(no %PDF- signature at the start\)$"):
        read(path)


def test_a_password_protected_pdf_is_refused_with_the_reason(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    out = io.BytesIO()
    pdf = canvas.Canvas(out, encrypt=StandardEncryption("secret"))
    pdf.drawString(72, 720, "We will build homes.")
    pdf.showPage()
    pdf.save()
    path = tmp_path / "locked.pdf"
    path.write_bytes(out.getvalue())
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.reason == "is encrypted and needs a password to open"


def test_comparing_two_pdfs_finds_a_changed_number(tmp_path):
    later = [
        (kind, text.replace("12,000 social homes", "15,000 social homes")) for kind, text in MANIFESTO
    ]
    (tmp_path / "2019-lantern.pdf").write_bytes(make_pdf(MANIFESTO, "Lantern Party Manifesto 2019")[0])
    (tmp_path / "2024-lantern.pdf").write_bytes(make_pdf(later)[0])
    comparison = policydiff.compare([tmp_path / "2019-lantern.pdf", tmp_path / "2024-lantern.pdf"])
    changed = [c for c in comparison.changes if c.status == "changed"]
    assert [
        ([comparison.pledge(i).clean for i in c.a], [comparison.pledge(i).clean for i in c.b], c.kind)
        for c in changed
    ] == [
        (["We will build 12,000 social homes by 2029."], ["We will build 15,000 social homes by 2029."],
         "number-changed")
    ]
    assert comparison.counts()["unchanged"] == len(comparison.pledges_of("d0")) - 1


# Layout rules, on word boxes placed by hand (points from the top-left corner).


def _words(text: str, x: float, top: float, *, size: float = 10.0, bold: bool = False):
    """Word boxes of one printed line: 5 pt per character, 3 pt spaces."""
    words = []
    for token in text.split():
        words.append(Word(token, x, x + 5 * len(token), top, top + size, size, bold))
        x += 5 * len(token) + 3
    return words


def _page(*printed):
    return physical_lines([w for line in printed for w in _words(*line)])


COLUMN_LINES = ["one two three four five", "six seven eight nine ten", "eleven twelve thirteen fourteen",
                "fifteen sixteen seventeen", "eighteen nineteen twenty"]


def test_columns_whose_baselines_do_not_line_up_are_still_read_left_then_right():
    left = [(text, 50, 100 + 13 * i) for i, text in enumerate(COLUMN_LINES)]
    right = [(text.upper(), 320, 106 + 13 * i) for i, text in enumerate(COLUMN_LINES)]
    lines = reading_order(_page(*left, *right), page=0, body_size=10)
    assert [line.text for line in lines] == COLUMN_LINES + [t.upper() for t in COLUMN_LINES]
    assert {line.column for line in lines} == {"left", "right"}


def test_a_title_across_both_columns_is_read_first_and_cuts_the_page_into_bands():
    title = ("A title set across the whole width of the page", 150, 60)
    left = [(text, 50, 100 + 13 * i) for i, text in enumerate(COLUMN_LINES)]
    right = [(text.upper(), 320, 100 + 13 * i) for i, text in enumerate(COLUMN_LINES)]
    under = ("A closing paragraph that runs right across both of the columns above it", 50, 200)
    lines = reading_order(_page(title, *left, *right, under), page=0, body_size=10)
    assert [line.text for line in lines] == (
        [title[0]] + COLUMN_LINES + [t.upper() for t in COLUMN_LINES] + [under[0]]
    )


def test_single_column_text_and_a_table_of_figures_have_no_gutter():
    prose = [("We will build homes and we will cut the rents that families pay", 50, 100 + 13 * i)
             for i in range(8)]
    assert find_gutter(_page(*prose), 10) is None
    table = [(f"Policy number {i} costs", 50, 100 + 13 * i) for i in range(6)] + [
        (f"£{i}m", 400, 100 + 13 * i) for i in range(6)
    ]
    assert find_gutter(_page(*table), 10) is None


def test_a_bold_sentence_is_body_text_but_a_short_bold_line_is_a_heading():
    lines = [
        Line(tuple(_words("Our plan for homes", 50, 80, bold=True))),
        Line(tuple(_words("Rents are too high.", 50, 100))),
        Line(tuple(_words("We will build 12,000 homes.", 50, 120, bold=True))),
    ]
    blocks = layout_blocks(lines, body_size=10)
    assert [(b.kind, b.lines) for b in blocks] == [
        ("heading", ("Our plan for homes",)),
        ("paragraph", ("Rents are too high.",)),
        ("paragraph", ("We will build 12,000 homes.",)),
    ]


def test_a_bold_opening_sentence_runs_on_into_the_body_text_of_its_paragraph():
    lines = [
        Line(tuple(_words("Housing", 50, 60, bold=True))),
        Line(tuple(_words("We will build twelve thousand social homes and cut", 50, 73, bold=True))),
        Line(tuple(_words("rents by a fifth. Councils will get new powers to", 50, 86))),
        Line(tuple(_words("buy land.", 50, 99))),
    ]
    blocks = layout_blocks(lines, body_size=10)
    assert [(b.kind, b.lines) for b in blocks] == [
        ("heading", ("Housing",)),
        ("paragraph", tuple(line.text for line in lines[1:])),
    ]


def test_without_pdfplumber_reading_a_pdf_names_the_extra_to_install(tmp_path, monkeypatch):
    path = tmp_path / "2024-lantern.pdf"
    path.write_bytes(make_pdf(MANIFESTO)[0])
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(MissingExtra, match=r"reading PDF files needs: pip install 'policydiff\[pdf\]'"):
        read(path)
