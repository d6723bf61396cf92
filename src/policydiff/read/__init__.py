"""Reading documents: pick a reader by file suffix, check the file, return a Document.

Only this package opens input files.  Each reader is named in :data:`READERS` by a
``"module:function"`` string and imported only when a file of its kind is read, so adding a
format (PDF, HTML, …) touches this table and one new module.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import re
from dataclasses import replace
from pathlib import Path

from policydiff.errors import InputError
from policydiff.model import Document, Section

#: Reader by file suffix: "module:function" taking (path, raw bytes) and returning
#: (text as read, sections, source format), or those and the category spans
#: ((start, end, code), …) when the file carries codes (Manifesto Project CSV).
READERS = {
    ".txt": "policydiff.read.text:parse_plain",
    ".text": "policydiff.read.text:parse_plain",
    "": "policydiff.read.text:parse_plain",
    ".md": "policydiff.read.text:parse_markdown",
    ".markdown": "policydiff.read.text:parse_markdown",
    ".csv": "policydiff.read.marpor:parse_marpor",
    ".pdf": "policydiff.read.pdf:parse_pdf",
    ".html": "policydiff.read.html:parse_html",
    ".htm": "policydiff.read.html:parse_html",
}

#: Sources with this prefix are State of the Union addresses (see read/sotu.py), not files.
SOTU_SCHEME = "sotu:"

_YEAR = re.compile(r"(?<!\d)(1[6-9]\d\d|20\d\d)(?!\d)")
#: The Manifesto Project's file names: party code, underscore, year and month of the
#: election ("51320_201505" is code 51320, May 2015).
_MARPOR_NAME = re.compile(r"^(?P<party>\d{5,6})_(?P<year>1[6-9]\d\d|20\d\d)(?:0[1-9]|1[0-2])$")
#: Party slugs whose title-casing would be wrong.
_PARTY_SPELLINGS = {"snp": "SNP", "ukip": "UKIP", "sdp": "SDP", "dup": "DUP", "sdlp": "SDLP"}


def read(
    path: str | os.PathLike[str],
    *,
    doc_id: str = "d0",
    label: str | None = None,
    party: str | None = None,
    year: int | None = None,
) -> Document:
    """Read one document from a file.

    Parameters
    ----------
    path : path-like
        A ``.txt`` or ``.md`` file (UTF-8, a byte-order mark is tolerated), a Manifesto
        Project ``.csv``, or a State of the Union address written ``sotu:2014-Obama``.
    doc_id : str
        Id given to the document ("d0", "d1", …); the pipeline renumbers after ordering.
    label, party, year : optional
        Metadata; whatever is not given is inferred from the file name
        (``2015-conservative.txt`` → party "Conservative", year 2015).

    Raises
    ------
    InputError
        The file is missing, a directory, empty, binary, not UTF-8, or of a type no
        reader handles.  The message names the file and the reason in one line.
    MissingExtra
        A ``sotu:`` source without the sotu package installed.
    """
    if isinstance(path, str) and path.startswith(SOTU_SCHEME):
        from policydiff.read.sotu import read_sotu

        return read_sotu(path, doc_id=doc_id, label=label, party=party, year=year)
    path = Path(path)
    shown = str(path)
    raw = _read_bytes(path, shown)
    reader = _reader_for(path, shown)
    text, sections, source_format, *categories = reader(shown, raw)
    inferred_party, inferred_year = infer_metadata(path.name)
    party = party or inferred_party
    year = year if year is not None else inferred_year
    document = Document(
        id=doc_id,
        label=label or default_label(path.stem, party, year),
        text=text,
        path=shown,
        sha256=hashlib.sha256(raw).hexdigest(),
        party=party,
        year=year,
        sections=tuple(replace(s, doc=doc_id) for s in sections),
        source_format=source_format,
    )
    return replace(document, categories=categories[0]) if categories else document


def document_from_text(
    text: str,
    *,
    doc_id: str = "d0",
    label: str = "document",
    party: str | None = None,
    year: int | None = None,
    markdown: bool = False,
) -> Document:
    """Make a Document from a string, as if read from a file (for notebooks and tests)."""
    from policydiff.read.text import find_markdown_sections, find_plain_sections

    finder = find_markdown_sections if markdown else find_plain_sections
    return Document(
        id=doc_id,
        label=label,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        party=party,
        year=year,
        sections=tuple(replace(s, doc=doc_id) for s in finder(text)),
        source_format="markdown" if markdown else "text",
    )


def renumber(document: Document, doc_id: str) -> Document:
    """The same document under another id (sections follow)."""
    return replace(
        document,
        id=doc_id,
        sections=tuple(replace(s, doc=doc_id) for s in document.sections),
    )


def infer_metadata(file_name: str) -> tuple[str | None, int | None]:
    """Party and year from a file name such as ``2015-conservative.txt``.

    The year is the first four-digit number between 1600 and 2099; the party is what is
    left of the stem once the year is removed, with separators turned into spaces.  A
    Manifesto Project name such as ``51320_201505.csv`` gives the party code ("51320") and
    the year of the election.
    """
    stem = file_name.split(".")[0]
    coded = _MARPOR_NAME.match(stem)
    if coded:
        return coded.group("party"), int(coded.group("year"))
    match = _YEAR.search(stem)
    year = int(match.group(1)) if match else None
    rest = _YEAR.sub(" ", stem) if match else stem
    words = [w for w in re.split(r"[-_\s]+", rest) if w]
    if not words or not match:
        return None, year
    party = " ".join(_PARTY_SPELLINGS.get(w.lower(), w.capitalize()) for w in words)
    return party, year


def default_label(stem: str, party: str | None, year: int | None) -> str:
    """"Conservative 2015" when party and year are known, else the file stem."""
    if party and year is not None:
        return f"{party} {year}"
    return stem


def _read_bytes(path: Path, shown: str) -> bytes:
    if not path.exists():
        raise InputError(shown, "no such file")
    if path.is_dir():
        raise InputError(shown, "is a directory, not a document")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(shown, f"cannot be read ({error.strerror or error})") from None
    if not raw.strip():
        raise InputError(shown, "is empty")
    return raw


def _reader_for(path: Path, shown: str):
    suffix = path.suffix.lower()
    target = READERS.get(suffix)
    if target is None:
        known = ", ".join(sorted(s for s in READERS if s))
        raise InputError(shown, f"unsupported file type '{suffix}' (policydiff reads {known})")
    module_name, function_name = target.split(":")
    return getattr(importlib.import_module(module_name), function_name)


__all__ = ["READERS", "SOTU_SCHEME", "Section", "document_from_text", "infer_metadata", "read", "renumber"]
