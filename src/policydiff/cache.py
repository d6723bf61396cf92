"""A content-hash cache of the pledges found in documents.

Segmenting a document and detecting its pledges is most of the cost of reading it, and the
result depends only on the document's content, its party (another party named as the
subject is no commitment of the author), the detection options and the code.  The cache
keeps that result as one JSON file per document, under a key hashing exactly those, so a
study that gains one document recomputes that document alone.

Entries are written to a temporary file and renamed into place, so a reader never sees half
an entry; an entry that cannot be parsed, or whose spans no longer match the document's
text, is ignored (and rewritten by the run that recomputes it).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, fields, is_dataclass, replace
from functools import lru_cache
from pathlib import Path

from policydiff.model import Document, Pledge

#: Format of an entry; a new format gets a new name, so old entries are simply missed.
ENTRY_FORMAT = "policydiff/document-cache-v1"
#: Name of the cache folder under the user's cache directory.
APP_NAME = "policydiff"
#: Pledge fields not stored: the document id (and the id made from it) change with the
#: document's place in each comparison, and topic and domain are set after detection.
_UNSTORED = frozenset({"id", "doc", "topic", "domain"})
#: Document fields that cannot change the pledges found in it: the id changes only their ids,
#: and ``doc`` is that id again inside sections.  Every other field is keyed, so a field added
#: to Document later keys the cache without anyone remembering to add it here.
_UNKEYED = frozenset({"id", "doc", "label", "path", "year"})


def default_cache_dir() -> Path:
    """The user's cache folder for policydiff (platformdirs' choice, else ``~/.cache/policydiff``)."""
    try:
        from platformdirs import user_cache_dir
    except ImportError:
        return Path.home() / ".cache" / APP_NAME
    return Path(user_cache_dir(APP_NAME, appauthor=False))


class NoCache:
    """The null cache: never has an entry, keeps nothing."""

    def load(self, document: Document, fingerprint: str) -> tuple[Pledge, ...] | None:
        """Always None: every document is computed."""
        return None

    def save(self, document: Document, fingerprint: str, pledges: tuple[Pledge, ...]) -> None:
        """Keep nothing."""


class DocumentCache:
    """Pledges of documents, stored on disk by content hash.

    Parameters
    ----------
    directory : path-like, optional
        Folder of the entries; :func:`default_cache_dir` when omitted.  Created on first save.
    """

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self.directory = directory

    def key(self, document: Document, fingerprint: str) -> str:
        """The entry's key: a sha256 of everything the document's pledges depend on.

        Parameters
        ----------
        document : Document
            The document as read: its text (hashed), party, sections, format, codes and
            content hash count; its id, label, path and year do not (they change the ids of
            the pledges found, or nothing).
        fingerprint : str
            :meth:`CompareOptions.fingerprint` of the options that change detection.
        """
        payload = {
            "document": _keyed(replace(document, text="")),
            "text": hashlib.sha256(document.text.encode("utf-8")).hexdigest(),
            "options": fingerprint,
            "code": code_version(),
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True, default=repr).encode("utf-8")).hexdigest()

    def load(self, document: Document, fingerprint: str) -> tuple[Pledge, ...] | None:
        """The document's pledges (with ids of its current id), or None when not cached or unusable."""
        key = self.key(document, fingerprint)
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
            if entry["format"] != ENTRY_FORMAT or entry["key"] != key:
                return None
            pledges = tuple(_pledge(record, document) for record in entry["pledges"])
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None
        return pledges

    def save(self, document: Document, fingerprint: str, pledges: tuple[Pledge, ...]) -> None:
        """Store the document's pledges; a folder that cannot be written is skipped silently,
        since a cache only saves time and the run has its result either way."""
        key = self.key(document, fingerprint)
        entry = {
            "format": ENTRY_FORMAT,
            "key": key,
            "pledges": [_record(p) for p in pledges],
        }
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(path, json.dumps(entry, sort_keys=True, ensure_ascii=False))
        except OSError:
            return

    def _path(self, key: str) -> Path:
        root = Path(self.directory).expanduser() if self.directory is not None else default_cache_dir()
        return root / "documents" / key[:2] / f"{key}.json"


def open_cache(cache) -> DocumentCache | NoCache:
    """The cache a comparison uses: None → :class:`NoCache`; a folder → a :class:`DocumentCache`
    there; a cache object is used as it is."""
    if cache is None:
        return NoCache()
    if isinstance(cache, (str, os.PathLike)):
        return DocumentCache(cache)
    return cache


@lru_cache(maxsize=1)
def code_version() -> str:
    """The installed policydiff version and a hash of its source files.

    The version alone is not enough: an editable install keeps its version while the code
    that segments and detects changes under it.
    """
    from importlib import metadata

    try:
        version = metadata.version("policydiff")
    except metadata.PackageNotFoundError:
        version = "unknown"
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode("utf-8"))
        digest.update(source.read_bytes())
    return f"{version}+{digest.hexdigest()[:16]}"


def _keyed(value):
    """A value as plain JSON data for a key, dataclass fields in :data:`_UNKEYED` left out."""
    if is_dataclass(value):
        return {f.name: _keyed(getattr(value, f.name)) for f in fields(value) if f.name not in _UNKEYED}
    if isinstance(value, (tuple, list)):
        return [_keyed(item) for item in value]
    return value


def _record(pledge: Pledge) -> dict:
    record = {name: value for name, value in asdict(pledge).items() if name not in _UNSTORED}
    record["local_id"] = pledge.id.split(":", 1)[1]
    return record


def _pledge(record: dict, document: Document) -> Pledge:
    stored = {f.name for f in fields(Pledge)} - _UNSTORED
    if set(record) != stored | {"local_id"}:
        raise ValueError("entry fields differ from Pledge's")
    values = {name: record[name] for name in stored}
    pledge = Pledge(id=f"{document.id}:{record['local_id']}", doc=document.id, **values)
    if document.text[pledge.start : pledge.end] != pledge.text:
        raise ValueError("entry's span does not match the document's text")
    return pledge


def _write_atomically(path: Path, text: str) -> None:
    """Write a file whole or not at all: a temporary file in the same folder, then a rename."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
