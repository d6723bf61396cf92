"""Corpus manifests: the documents of a study, their checksums and its default options.

A manifest is a TOML file that makes a comparison reproducible: it lists each document
with its metadata and the SHA-256 of its bytes, and may set default options::

    name = "demo"
    description = "Three manifestos of the fictional Harbour Party"

    [defaults]              # any CompareOptions field; command-line flags override these
    taxonomy = "domains"
    seed = 0

    [[documents]]
    path = "demo/2016-harbour.md"   # relative to this file, or a source such as "sotu:2014-Obama"
    party = "Harbour"               # party, year and label default to what the file name says
    year = 2016
    label = "Harbour 2016"
    sha256 = "a763fe27…"            # reading fails if the bytes differ

Options are settled in one order everywhere: a value given explicitly (a command-line flag
or a keyword argument) beats the manifest's ``[defaults]``, which beat the defaults of
:class:`~policydiff.options.CompareOptions`.  The name ``sotu`` stands for the State of the
Union corpus, one president at a time (see :mod:`policydiff.read.sotu`).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from policydiff.errors import InputError, OptionError
from policydiff.model import Document
from policydiff.options import CompareOptions
from policydiff.read import SOTU_SCHEME, default_label, infer_metadata, read

#: Name that stands for the State of the Union corpus instead of a manifest file.
SOTU_CORPUS = "sotu"
#: Keys a ``[[documents]]`` entry may have, and keys allowed at the top of a manifest.
ENTRY_KEYS = ("path", "party", "year", "label", "sha256")
TOP_KEYS = ("name", "description", "defaults", "documents")
#: Hex digits of a checksum shown by :func:`describe` (enough to tell files apart by eye).
SHORT_CHECKSUM = 12
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?$")


@dataclass(frozen=True)
class Entry:
    """One document of a corpus.

    ``path`` is the file's path as it will be read (relative paths in the manifest are
    resolved against the manifest's folder) or a source address such as
    ``sotu:2014-Obama-1``.  ``party``, ``year`` and ``label`` are as listed, or inferred from
    the file name when not; ``sha256`` is the hex digest the document must have, or None
    when the manifest gives none.
    """

    path: str
    party: str | None = None
    year: int | None = None
    label: str | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class Corpus:
    """A set of documents to compare, as a manifest lists them.

    ``path`` is the manifest as named by the user ("sotu" for the State of the Union corpus);
    ``documents`` are in the manifest's order; ``defaults`` maps CompareOptions field names
    to the values the manifest sets.
    """

    path: str
    documents: tuple[Entry, ...]
    name: str = ""
    description: str = ""
    defaults: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Study:
    """What a comparison over a corpus needs: the chosen entries, their documents read and
    checked (in the corpus's order, ids d0, d1, …) and the settled options."""

    corpus: Corpus
    documents: tuple[Document, ...]
    options: CompareOptions


def load_corpus(path: str | os.PathLike[str]) -> Corpus:
    """Read a TOML corpus manifest (documents are not read yet).

    Raises
    ------
    InputError
        The manifest is missing, not valid TOML, lists no documents, or has an entry without
        a path, with a key or value it cannot use, or a default that is no valid option.
    """
    shown = str(path)
    manifest = Path(path)
    if not manifest.is_file():
        raise InputError(shown, "no such file" if not manifest.exists() else "is a directory, not a manifest")
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(shown, "is not valid UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(shown, f"is not valid TOML ({error})") from None
    _reject_unknown(shown, "the manifest", data, TOP_KEYS)
    listed = data.get("documents")
    if not isinstance(listed, list) or not listed:
        raise InputError(shown, "lists no documents (add [[documents]] tables, each with a path)")
    entries = tuple(_entry(shown, manifest.parent, number, item) for number, item in enumerate(listed, 1))
    _reject_repeats(shown, entries)
    return Corpus(
        path=shown,
        documents=entries,
        name=_text(shown, "name", data.get("name", "")),
        description=_text(shown, "description", data.get("description", "")),
        defaults=_defaults(shown, data.get("defaults", {})),
    )


def open_corpus(name: str, *, president: str | None = None) -> Corpus:
    """A manifest file, or with ``name`` "sotu" the addresses of one president.

    Raises
    ------
    OptionError
        "sotu" without a president, or a president with a manifest file.
    """
    if name == SOTU_CORPUS:
        if not president:
            raise OptionError("the sotu corpus needs a president, such as Obama")
        from policydiff.read.sotu import sotu_corpus

        return sotu_corpus(president)
    if president:
        raise OptionError(f"a president selects addresses of the sotu corpus, not of {name}")
    return load_corpus(name)


def select(
    corpus: Corpus,
    party: str | Iterable[str] | None = None,
    years: str | int | tuple[int, int] | None = None,
) -> Corpus:
    """The corpus narrowed to some parties and years, in the same order.

    Parameters
    ----------
    party : str or iterable of str, optional
        Keep documents of this party (or of any of these); case is ignored.  None or empty
        keeps every party.
    years : str, int or (int, int), optional
        Keep documents of these years: "2015", "2010-2019" (both ends included), 2015 or
        (2010, 2019).  None keeps every year.

    Raises
    ------
    OptionError
        The years are malformed, or nothing in the corpus matches.
    """
    parties = [party] if isinstance(party, str) else list(party or ())
    wanted = {p.casefold() for p in parties}
    span = parse_years(years) if years is not None else None
    kept = tuple(
        entry
        for entry in corpus.documents
        if (not wanted or (entry.party or "").casefold() in wanted)
        and (span is None or (entry.year is not None and span[0] <= entry.year <= span[1]))
    )
    if not kept:
        raise OptionError(f"no document of {corpus.path} matches {_criteria(parties, span)} ({_inventory(corpus)})")
    return replace(corpus, documents=kept)


def parse_years(years: str | int | tuple[int, int]) -> tuple[int, int]:
    """First and last year of a span written "2015", "2010-2019" (or with an en dash), 2015 or (2010, 2019)."""
    if isinstance(years, tuple) and len(years) == 2 and all(isinstance(y, int) for y in years):
        first, last = years
    elif isinstance(years, int) and not isinstance(years, bool):
        first = last = years
    else:
        match = _YEARS.match(str(years))
        if not match:
            raise OptionError(f"years must be a year (2015) or a span (2010-2019), not {years!r}")
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
    if first > last:
        raise OptionError(f"years {first}-{last} run backwards; write {last}-{first}")
    return first, last


def read_corpus(corpus: Corpus) -> tuple[Document, ...]:
    """Read every document of a corpus and check it against its listed checksum.

    Returns
    -------
    tuple of Document
        In the corpus's order, with ids d0, d1, … and the listed party, year and label.

    Raises
    ------
    InputError
        A document cannot be read (the reason ends with the manifest that lists it), or its
        bytes do not have the listed SHA-256: "checksum mismatch: expected …, found …".
    """
    return tuple(_read_entry(corpus, entry, f"d{i}") for i, entry in enumerate(corpus.documents))


def corpus_options(corpus: Corpus, **given: Any) -> CompareOptions:
    """Options of a comparison over the corpus: ``given`` > the manifest's defaults > CompareOptions'."""
    return CompareOptions.from_kwargs(**{**corpus.defaults, **given})


def open_study(
    name: str,
    *,
    party: str | Iterable[str] | None = None,
    years: str | int | tuple[int, int] | None = None,
    president: str | None = None,
    given: dict[str, Any] | None = None,
) -> Study:
    """Open a corpus (a manifest, or "sotu" with a president), select, read and settle options.

    ``given`` holds the options set explicitly (for the command line, the flags the user
    typed); they override the corpus's defaults.
    """
    corpus = select(open_corpus(name, president=president), party=party, years=years)
    return Study(corpus=corpus, documents=read_corpus(corpus), options=corpus_options(corpus, **(given or {})))


def verify(corpus: Corpus) -> tuple[str, ...]:
    """One status per document: "ok", "ok, no checksum listed", or why it cannot be used."""
    statuses = []
    for i, entry in enumerate(corpus.documents):
        try:
            _read_entry(corpus, entry, f"d{i}")
        except InputError as error:
            statuses.append(error.reason)
            continue
        statuses.append("ok" if entry.sha256 else "ok, no checksum listed")
    return tuple(statuses)


def describe(corpus: Corpus, *, check: bool = True) -> str:
    """A plain-text account of a corpus: what it is, its documents and its defaults.

    With ``check`` every document is read and its status (see :func:`verify`) shown.
    """
    heading = corpus.path + (f": {corpus.name}" if corpus.name else "")
    lines = [heading] + ([corpus.description] if corpus.description else [])
    header = ("label", "party", "year", "sha256", "path") + (("status",) if check else ())
    rows = [
        (
            entry.label or "",
            entry.party or "",
            "" if entry.year is None else str(entry.year),
            (entry.sha256 or "-")[:SHORT_CHECKSUM],
            entry.path,
        )
        for entry in corpus.documents
    ]
    if check:
        rows = [row + (status,) for row, status in zip(rows, verify(corpus))]
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows)]
    count = len(corpus.documents)
    lines.append(f"{count} document{'s' if count != 1 else ''}:")
    lines += ["  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in (header, *rows)]
    settings = ", ".join(f"{key} = {value}" for key, value in sorted(corpus.defaults.items()))
    lines.append(f"defaults: {settings or 'none'}")
    return "\n".join(lines)


def _read_entry(corpus: Corpus, entry: Entry, doc_id: str) -> Document:
    try:
        document = read(entry.path, doc_id=doc_id, label=entry.label, party=entry.party, year=entry.year)
    except InputError as error:
        if corpus.path == SOTU_CORPUS:
            raise
        raise InputError(error.path, f"{error.reason} (listed in {corpus.path})") from None
    if entry.sha256 and document.sha256 != entry.sha256:
        raise InputError(entry.path, f"checksum mismatch: expected {entry.sha256}, found {document.sha256}")
    return document


def _entry(shown: str, folder: Path, number: int, item: Any) -> Entry:
    where = f"document {number}"
    if not isinstance(item, dict):
        raise InputError(shown, f"{where} is not a table (write it as [[documents]] with path = …)")
    _reject_unknown(shown, where, item, ENTRY_KEYS)
    if "path" not in item:
        raise InputError(shown, f"{where} has no path")
    path = _text(shown, f"{where}: path", item["path"])
    if not path.strip():
        raise InputError(shown, f"{where} has an empty path")
    year = item.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise InputError(shown, f"{where}: year must be a whole number, not {year!r}")
    checksum = item.get("sha256")
    if checksum is not None and not _SHA256.match(_text(shown, f"{where}: sha256", checksum).lower()):
        raise InputError(shown, f"{where}: sha256 must be 64 hexadecimal digits, not {checksum!r}")
    party = _text(shown, f"{where}: party", item["party"]) if "party" in item else None
    label = _text(shown, f"{where}: label", item["label"]) if "label" in item else None
    if path.startswith(SOTU_SCHEME):
        return Entry(path=path, party=party, year=year, label=label, sha256=checksum and checksum.lower())
    resolved = os.path.normpath(os.path.join(folder, path))
    inferred_party, inferred_year = infer_metadata(Path(resolved).name)
    party = party or inferred_party
    year = year if year is not None else inferred_year
    return Entry(
        path=resolved,
        party=party,
        year=year,
        label=label or default_label(Path(resolved).stem, party, year),
        sha256=checksum and checksum.lower(),
    )


def _defaults(shown: str, table: Any) -> dict[str, Any]:
    """The ``[defaults]`` table, checked name by name and as a whole against CompareOptions."""
    if not isinstance(table, dict):
        raise InputError(shown, "[defaults] must be a table of option = value")
    known = {f.name: f.default for f in fields(CompareOptions)}
    for key, value in table.items():
        if key not in known:
            raise InputError(shown, f"[defaults]: unknown option {key!r} (options: {', '.join(known)})")
        # A field whose default is None (topics) takes a whole number; the others take the
        # type of their default, and an int may stand for a float.
        expected = int if known[key] is None else type(known[key])
        accepted = (int, float) if expected is float else (expected,)
        if isinstance(value, bool) != (expected is bool) or not isinstance(value, accepted):
            raise InputError(shown, f"[defaults]: {key} must be {expected.__name__}, not {value!r}")
    try:
        CompareOptions.from_kwargs(**table)
    except OptionError as error:
        raise InputError(shown, f"[defaults]: {error}") from None
    return dict(table)


def _text(shown: str, where: str, value: Any) -> str:
    if not isinstance(value, str):
        raise InputError(shown, f"{where} must be text, not {value!r}")
    return value


def _reject_unknown(shown: str, where: str, table: dict[str, Any], known: tuple[str, ...]) -> None:
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise InputError(shown, f"{where} has unknown key {unknown[0]!r} (known: {', '.join(known)})")


def _reject_repeats(shown: str, entries: tuple[Entry, ...]) -> None:
    first_seen: dict[str, int] = {}
    for number, entry in enumerate(entries, 1):
        if entry.path in first_seen:
            raise InputError(shown, f"document {number} repeats {entry.path} (document {first_seen[entry.path]})")
        first_seen[entry.path] = number


def _criteria(parties: list[str], span: tuple[int, int] | None) -> str:
    parts = []
    if parties:
        parts.append("party " + " or ".join(repr(p) for p in parties))
    if span is not None:
        parts.append(f"year {span[0]}" if span[0] == span[1] else f"years {span[0]}-{span[1]}")
    return " and ".join(parts) or "the selection"


def _inventory(corpus: Corpus) -> str:
    parties = sorted({e.party for e in corpus.documents if e.party})
    years = sorted({e.year for e in corpus.documents if e.year is not None})
    return f"parties: {', '.join(parties) or 'none listed'}; years: {', '.join(map(str, years)) or 'none listed'}"
