"""policydiff: compare political manifestos across years and parties.

>>> import policydiff
>>> comparison = policydiff.compare(["2015-conservative.txt", "2017-conservative.txt"])  # doctest: +SKIP

Importing this package loads neither scikit-learn nor matplotlib; stages import what they
need when they run.
"""

from __future__ import annotations

from importlib import metadata

from policydiff.errors import InputError, MissingExtra, OptionError, OutputError, PolicydiffError, SchemaError
from policydiff.model import (
    Change,
    Comparison,
    Document,
    DocumentSimilarity,
    Lineage,
    Link,
    PairSimilarity,
    Pledge,
    Section,
    Sentence,
    Topic,
    WordOp,
)
from policydiff.options import CompareOptions

try:
    __version__ = metadata.version("policydiff")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"


def compare(sources, **options) -> Comparison:
    """Compare two or more documents; see :func:`policydiff.pipeline.compare`."""
    from policydiff.pipeline import compare as run

    return run(sources, **options)


def read(path, **metadata_) -> Document:
    """Read one document; see :func:`policydiff.read.read`."""
    from policydiff.read import read as read_document

    return read_document(path, **metadata_)


def load(path) -> Comparison:
    """Load a saved ``comparison.json``."""
    from pathlib import Path

    from policydiff.serialize import loads

    return loads(Path(path).read_text(encoding="utf-8"), path=str(path))


def __getattr__(name: str):
    if name == "Comparer":
        from policydiff.pipeline import Comparer

        return Comparer
    raise AttributeError(name)


__all__ = [
    "Change", "CompareOptions", "Comparer", "Comparison", "Document", "DocumentSimilarity", "InputError",
    "Lineage", "Link", "MissingExtra", "OptionError", "OutputError", "PairSimilarity", "Pledge",
    "PolicydiffError", "SchemaError", "Section", "Sentence", "Topic", "WordOp", "__version__", "compare",
    "load", "read",
]
