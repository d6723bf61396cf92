"""Manifesto Project corpus files: coded quasi-sentences in a CSV table.

The Manifesto Project (MARPOR) publishes each manifesto as a table with one row per
*quasi-sentence* (a sentence, or a part of one, that makes one statement) and the category a
human coder gave it: ``text``, ``cmp_code`` and ``eu_code``, often with more columns such as
``pos`` that this reader ignores.  The document text is the quasi-sentences in order, one
per line; the table does not say where paragraphs break, so none are invented.  Rows coded
``H`` are headings and become sections.  Every other coded row keeps its ``cmp_code`` as a
category span ``(start, end, code)`` over its line, so a pledge found in that text carries
the coder's judgement (:meth:`policydiff.model.Document.category_at`).
"""

from __future__ import annotations

import csv
import io
import re

from policydiff.errors import InputError
from policydiff.model import Section
from policydiff.read.text import decode

#: Columns every Manifesto Project corpus file has; the reader needs all three.
REQUIRED_COLUMNS = ("text", "cmp_code", "eu_code")
#: ``cmp_code`` of a heading row.
HEADING_CODE = "H"
#: Values that mean "not coded" (the R export writes NA; an empty cell says the same).
MISSING_CODES = frozenset({"NA", ""})
#: A category code: digits with an optional sub-category after a dot or underscore
#: ("504", "605.1", "202_2", "000"), as the codebook (version 5 and earlier) writes them.
_CODE = re.compile(r"^\d{1,4}(?:[._]\d{1,2})?$")
#: Separators that, found in a one-column header, mean the file is not comma-separated
#: (spreadsheets in many European locales save CSV with semicolons).
_DELIMITER_HINTS = (";", "\t", "|")

Categories = tuple[tuple[int, int, str], ...]


def parse_marpor(path: str, raw: bytes) -> tuple[str, tuple[Section, ...], str, Categories]:
    """Reader for ``.csv``: a Manifesto Project corpus file.

    Parameters
    ----------
    path : str
        The file as the user named it, for error messages.
    raw : bytes
        The file's bytes (UTF-8, a byte-order mark is tolerated).

    Returns
    -------
    text : str
        The quasi-sentences joined with ``"\\n"`` (each kept exactly as in its cell), with a
        final newline; rows with an empty ``text`` cell are left out.
    sections : tuple of Section
        One level-1 section per heading row (``cmp_code`` H), from its line to the next heading.
    source_format : str
        Always "marpor".
    categories : tuple of (int, int, str)
        ``(start, end, cmp_code)`` per coded quasi-sentence, in text order: ``text[start:end]``
        is the quasi-sentence and ``cmp_code`` the code as written ("504", "605.1", "000").
        Headings and uncoded rows (NA or empty) have none.

    Raises
    ------
    InputError
        The file is not UTF-8 text or not valid CSV, lacks a required column, has no rows,
        has a row with the wrong number of fields, or a code that is not a Manifesto Project
        code; the reason names the column and the line.
    """
    rows = _rows(path, decode(path, raw))
    lines: list[str] = []
    headings: list[tuple[int, str]] = []
    categories: list[tuple[int, int, str]] = []
    offset = 0
    for line_number, cells in rows:
        text = cells["text"]
        code = _checked_code(path, line_number, "cmp_code", cells["cmp_code"])
        _checked_code(path, line_number, "eu_code", cells["eu_code"])
        if not text.strip():
            continue
        if code == HEADING_CODE:
            headings.append((offset, text.strip()))
        elif code is not None:
            categories.append((offset, offset + len(text), code))
        lines.append(text)
        offset += len(text) + 1
    if not lines:
        raise InputError(path, "has no quasi-sentences (every 'text' cell is empty)")
    document_text = "\n".join(lines) + "\n"
    return document_text, _sections(document_text, headings), "marpor", tuple(categories)


def _rows(path: str, text: str) -> list[tuple[int, dict[str, str]]]:
    """Data rows as (line number, cells by lower-case column name); checks header and widths."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [name.strip().lower() for name in next(reader)]
        missing = [name for name in REQUIRED_COLUMNS if name not in header]
        if missing:
            raise InputError(path, _missing_columns_reason(missing, header))
        positions = {name: header.index(name) for name in REQUIRED_COLUMNS}
        rows = []
        for cells in reader:
            if not cells:
                continue
            if len(cells) != len(header):
                raise InputError(
                    path, f"line {reader.line_num} has {len(cells)} fields where the header has {len(header)}"
                )
            rows.append((reader.line_num, {name: cells[i] for name, i in positions.items()}))
    except csv.Error as error:
        raise InputError(path, f"is not valid CSV (line {reader.line_num}: {error})") from None
    if not rows:
        raise InputError(path, "has a header but no rows")
    return rows


def _missing_columns_reason(missing: list[str], header: list[str]) -> str:
    names = ", ".join(f"'{name}'" for name in missing)
    found = ", ".join(header) if any(header) else "nothing"
    reason = f"lacks the required column{'s' if len(missing) > 1 else ''} {names} (header has: {found})"
    if len(header) == 1 and any(mark in header[0] for mark in _DELIMITER_HINTS):
        reason += "; the file must be comma-separated"
    return reason


def _checked_code(path: str, line_number: int, column: str, value: str) -> str | None:
    """The code as written (stripped), None when uncoded; InputError for anything else."""
    code = value.strip()
    if code.upper() in MISSING_CODES:
        return None
    if code.upper() == HEADING_CODE:
        return HEADING_CODE
    if not _CODE.match(code):
        raise InputError(
            path,
            f"line {line_number}: {column} {value!r} is not a Manifesto Project code "
            "(a number such as 504 or 605.1, or H, NA, 0, 000)",
        )
    return code


def _sections(text: str, headings: list[tuple[int, str]]) -> tuple[Section, ...]:
    """Each heading governs the text up to the next heading (the table has no heading levels)."""
    ends = [start for start, _ in headings[1:]] + [len(text)]
    return tuple(
        Section(doc="", start=start, end=end, title=title, level=1)
        for (start, title), end in zip(headings, ends)
    )
