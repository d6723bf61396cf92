"""Writing results: every artefact comes from a Comparison alone.

:func:`write_reports` fills a temporary folder beside the destination and renames it into
place only when everything was written, so a failed run leaves no half-written output and
an earlier result is replaced only by a complete new one.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from policydiff.errors import OutputError
from policydiff.model import Comparison

#: Name of the machine-readable result inside the output folder.
COMPARISON_FILE = "comparison.json"
#: Folder of the documents' texts as read, beside the results.
TEXTS_FOLDER = "texts"


def check_output_dir(out_dir: str | Path, *, force: bool = False) -> Path:
    """The output folder, after checking it may be written (call before long work)."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(str(out), "exists and is not a folder")
    if out.exists() and not force:
        raise OutputError(str(out), "already exists; use --force to replace it")
    return out


def write_reports(
    comparison: Comparison,
    out_dir: str | Path,
    *,
    force: bool = False,
    texts_from: str | Path | None = None,
    provenance: str | None = None,
) -> Path:
    """Write every artefact of a comparison into ``out_dir``, all or nothing.

    ``comparison.json``; ``report.html`` (self-contained) and its PNG charts; the alignment
    graph (``alignment.graphml``, ``alignment.json``); ``pledges.csv`` and ``changes.csv``;
    and ``texts/<doc>.txt``, the text of each document
    as read, which every offset points into.  A comparison loaded from JSON carries no
    texts: ``texts_from`` names an earlier output folder whose ``texts/`` are copied instead.
    ``provenance``, when given, is written as ``provenance.json`` (see
    :mod:`policydiff.provenance`).

    Returns the output folder.  Raises OutputError when it exists and ``force`` is off.
    """
    from policydiff.report.charts import write_charts
    from policydiff.report.graph import write_graph
    from policydiff.report.html import write_html
    from policydiff.report.tables import write_tables
    from policydiff.serialize import dumps

    out = check_output_dir(out_dir, force=force)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        (staging / COMPARISON_FILE).write_text(dumps(comparison), encoding="utf-8")
        write_graph(comparison, staging)
        write_tables(comparison, staging)
        write_html(comparison, staging, write_charts(comparison, staging))
        _write_texts(comparison, staging, texts_from)
        if provenance is not None:
            (staging / "provenance.json").write_text(provenance, encoding="utf-8")
        _replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out


def _write_texts(comparison: Comparison, out: Path, texts_from: str | Path | None) -> None:
    """``texts/<doc>.txt``: each document's text as read, from the comparison or a copy."""
    folder = out / TEXTS_FOLDER
    folder.mkdir()
    for document in comparison.documents:
        name = f"{document.id}.txt"
        if document.text:
            (folder / name).write_text(document.text, encoding="utf-8", newline="")
        elif texts_from is not None and (Path(texts_from) / TEXTS_FOLDER / name).is_file():
            shutil.copyfile(Path(texts_from) / TEXTS_FOLDER / name, folder / name)


def _replace(staging: Path, out: Path) -> None:
    """Move the staging folder into place, removing an earlier result only afterwards."""
    if not out.exists():
        staging.rename(out)
        return
    retired = out.with_name(f".{out.name}.old-{staging.name}")
    out.rename(retired)
    try:
        staging.rename(out)
    except BaseException:
        retired.rename(out)
        raise
    shutil.rmtree(retired, ignore_errors=True)
