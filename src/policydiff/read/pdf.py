"""PDF documents: the text layer in reading order, without page furniture.

pdfplumber (over pdfminer.six) is used because it gives every word with its position, font
name and size, which is what reading order, running headers and headings are decided from;
text-only extractors (pypdf) lose that layout, and renderers (PyMuPDF) carry an AGPL licence.

How a PDF becomes text:

1. Words are taken from each page with their boxes, font size and boldness; rotated text
   (side labels, watermarks) is left out, and characters printed twice over (fake bold)
   are kept once.
2. Words are grouped into *physical lines* across the whole page width.
3. Running headers and footers are dropped: a line among the top or bottom lines of a page
   whose text, with digits masked, recurs at about the same height on many pages.  Bare page
   numbers ("7", "Page 7 of 20", "– 7 –") among those lines go even on a single page.
4. Columns are found per page (:mod:`policydiff.read.pdf_layout`): a vertical gutter that
   many lines leave empty.  Lines that cross the gutter (a title over both columns) cut the
   page into bands, and each band is read left column first, then right.
5. Lines become blocks: a new paragraph starts at a vertical gap clearly larger than the
   document's line spacing, or, at a column or page break, after a line that ends a sentence.
   A short run of lines in a clearly larger font than the body's median, or all bold, that
   reads like a title (no closing stop, colon or comma; not a list item) is a heading.
6. The blocks are laid out by :func:`policydiff.read.blocks.assemble`, which gives the exact
   section offsets.  Wrapped lines are kept as lines, so a word hyphenated across a line end
   stays "infra-\\nstructure" in the text and :mod:`policydiff.segment` rejoins it in the
   sentence it quotes, with its offset map; this keeps one de-hyphenation rule (it also
   knows to keep "well-known" when the document writes it so elsewhere) and keeps the text
   a faithful record of the page.

The extraction is deterministic: the same bytes always give the same text.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from statistics import median

from policydiff.errors import InputError, MissingExtra
from policydiff.model import Section
from policydiff.read.blocks import assemble
from policydiff.read.pdf_layout import (
    Line,
    Word,
    layout_blocks,
    physical_lines,
    reading_order,
    weighted_median,
)

#: Reason given for a PDF whose pages carry no text, only images.
NO_TEXT_LAYER = "has no text layer (a scanned PDF? run OCR first)"
#: How far into the file the "%PDF-" signature may start (the PDF specification allows
#: leading garbage; Acrobat accepts it within the first 1024 bytes).
SIGNATURE_WINDOW = 1024
#: Widest gap between two letters of one word, in ems of their font.  pdfplumber's fixed
#: 3 pt default ran most words of a tightly set 17-page specification together; kerning
#: and letter gaps inside words stay under a tenth of an em, and word spaces (a quarter
#: to a third of an em) rarely shrink below a fifth even in justified lines.
WORD_GAP_EM = 0.2
#: Points within which the same character printed twice is one character (pdfplumber's
#: own default for deduplication): fake bold offsets its copy by a fraction of a point.
OVERPRINT_TOLERANCE = 1.0
#: Lines at the top and at the bottom of each page that may be running headers, footers or
#: page numbers: a header line and a page-number line above it is the deepest furniture seen.
FURNITURE_DEPTH = 2
#: Share of pages a line must recur on to count as a running header or footer.  Below one
#: half, so headers that alternate between odd and even pages are caught; body text does not
#: recur verbatim at the same height on two pages in five.
FURNITURE_SHARE = 0.4
#: …and the fewest pages, so that on a two-page document a line must be on both.
FURNITURE_MIN_PAGES = 2
#: A line set in a font this much smaller than the body is small print (running headers and
#: footers usually are: 8 pt under a 10 pt body).
SMALL_PRINT_RATIO = 0.9
#: Points two occurrences of a running header may differ in height and still be the same
#: furniture (about half a line of body text).
FURNITURE_HEIGHT_TOLERANCE = 6.0
#: Bare page numbers, with the decorations publishers put around them.
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—|·•]*(?:page\s+)?(?:\d{1,4}|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))"
    r"(?:\s*(?:of|/)\s*\d{1,4})?[\s\-–—|·•]*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
#: Font names that mark bold type ("Helvetica-Bold", "ABCDEF+Arial-BoldMT", "Lato-Black").
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


def parse_pdf(path: str, raw: bytes) -> tuple[str, tuple[Section, ...], str]:
    """Reader for ``.pdf``: reading-order text, sections from headings, format "pdf".

    Parameters
    ----------
    path : str
        The file as shown in messages.
    raw : bytes
        The file's bytes.

    Returns
    -------
    text : str
        The extracted text: paragraphs separated by blank lines, each heading on a line of
        its own; every offset of the later stages points into it.
    sections : tuple of Section
        One per heading found from the layout.
    source_format : str
        "pdf".

    Raises
    ------
    InputError
        Not a PDF, damaged, encrypted with a password, or without a text layer.
    MissingExtra
        pdfplumber is not installed.
    """
    pages = extract_words(path, raw)
    lines = [physical_lines(words) for words in pages]
    lines = _drop_furniture(lines)
    if not any(any(c.isalpha() for c in line.text) for page in lines for line in page):
        raise InputError(path, NO_TEXT_LAYER)
    body_size = _body_size(lines)
    ordered = [
        line
        for number, page_lines in enumerate(lines)
        for line in reading_order(page_lines, page=number, body_size=body_size)
    ]
    text, sections = assemble(layout_blocks(ordered, body_size))
    return text, sections, "pdf"


def extract_words(path: str, raw: bytes) -> list[list[Word]]:
    """The upright words of each page, as pdfplumber finds them.

    Raises
    ------
    InputError
        The bytes are not a PDF, are damaged, or need a password.
    MissingExtra
        pdfplumber is not installed.
    """
    if b"%PDF-" not in raw[:SIGNATURE_WINDOW]:
        raise InputError(path, "is not a PDF (no %PDF- signature at the start)")
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        from pdfplumber.utils.exceptions import PdfminerException
    except ImportError:
        raise MissingExtra("pdf", "reading PDF files") from None

    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            return [_page_words(page) for page in pdf.pages]
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, PDFPasswordIncorrect):
            raise InputError(path, "is encrypted and needs a password to open") from None
        if isinstance(cause, PDFEncryptionError):
            raise InputError(path, f"is encrypted in a way that cannot be read ({_describe(cause)})") from None
        raise InputError(path, f"is a damaged PDF ({_describe(cause)})") from None
    except Exception as error:  # noqa: BLE001 - pdfminer raises many kinds on broken content
        raise InputError(path, f"is a damaged PDF ({_describe(error)})") from None


def _page_words(page) -> list[Word]:
    """Upright words of a pdfplumber page, with their median size and boldness."""
    from pdfplumber.utils import extract_words as group_words

    words = []
    chars = _without_overprint(page.chars)
    for found in group_words(chars, return_chars=True, x_tolerance_ratio=WORD_GAP_EM):
        if not found["upright"]:
            continue
        inked = [c for c in found["chars"] if not c["text"].isspace()]
        words.append(
            Word(
                text=found["text"],
                x0=float(found["x0"]),
                x1=float(found["x1"]),
                top=float(found["top"]),
                bottom=float(found["bottom"]),
                size=float(median(c["size"] for c in inked)),
                bold=all(_BOLD_FONT.search(c["fontname"] or "") for c in inked),
            )
        )
    return words


def _without_overprint(chars: list[dict]) -> list[dict]:
    """Characters without the copies printed over them (fake bold, shadows).

    A character is a copy when the same character was already drawn less than
    :data:`OVERPRINT_TOLERANCE` away, both across and down.  (pdfplumber's ``dedupe_chars``
    does the same but took two thirds of the reading time on a 36-page manual.)
    """
    grid: dict[tuple[str, int, int], list[dict]] = defaultdict(list)
    kept = []
    for char in chars:
        cell_x, cell_y = int(char["x0"] // OVERPRINT_TOLERANCE), int(char["top"] // OVERPRINT_TOLERANCE)
        near = (
            other
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for other in grid.get((char["text"], cell_x + dx, cell_y + dy), ())
        )
        if any(
            abs(other["x0"] - char["x0"]) < OVERPRINT_TOLERANCE
            and abs(other["top"] - char["top"]) < OVERPRINT_TOLERANCE
            for other in near
        ):
            continue
        grid[(char["text"], cell_x, cell_y)].append(char)
        kept.append(char)
    return kept


def _drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages' lines without running headers, running footers and page numbers.

    A top or bottom line is furniture when its text, digits masked, recurs at about the same
    height on :data:`FURNITURE_SHARE` of the pages; or on just two pages when it is the
    outermost line and carries a number or small print, as a chapter's running header
    ("Chapter 2: Housing 14") does.
    """
    body_size = _body_size(pages)
    candidates: dict[tuple[str, str], list[tuple[int, bool, Line]]] = defaultdict(list)
    for number, lines in enumerate(pages):
        for zone, outermost, line in _margin_lines(lines):
            marked = outermost and (
                _DIGITS.search(line.text) is not None or line.size < SMALL_PRINT_RATIO * body_size
            )
            key = (zone, _DIGITS.sub("#", line.text.lower()))
            candidates[key].append((number, marked, line))
    strict = max(FURNITURE_MIN_PAGES, FURNITURE_SHARE * len(pages))
    furniture: set[int] = set()
    for places in candidates.values():
        usual = median(line.top for _, _, line in places)
        steady = [p for p in places if abs(p[2].top - usual) <= FURNITURE_HEIGHT_TOLERANCE]
        pages_with = len({n for n, _, _ in steady})
        if pages_with >= strict or (pages_with >= FURNITURE_MIN_PAGES and all(m for _, m, _ in steady)):
            furniture.update(id(line) for _, _, line in steady)
    for lines in pages:
        furniture.update(id(line) for _, _, line in _margin_lines(lines) if _PAGE_NUMBER.match(line.text))
    return [[line for line in lines if id(line) not in furniture] for lines in pages]


def _margin_lines(lines: list[Line]) -> list[tuple[str, bool, Line]]:
    """The top and bottom lines of a page that may be furniture: (zone, outermost, line)."""
    top = [("top", depth == 0, line) for depth, line in enumerate(lines[:FURNITURE_DEPTH])]
    bottom_start = max(FURNITURE_DEPTH, len(lines) - FURNITURE_DEPTH)
    bottom = lines[bottom_start:]
    return top + [("bottom", depth == len(bottom) - 1, line) for depth, line in enumerate(bottom)]


def _body_size(pages: list[list[Line]]) -> float:
    """Median font size of the text in points, counting each character once (0 if none)."""
    return weighted_median([(line.size, len(line.text)) for page in pages for line in page])


def _describe(error: BaseException) -> str:
    """A short one-line account of a parser error."""
    message = " ".join(str(error).split())[:80]
    return f"{type(error).__name__}: {message}" if message else type(error).__name__
