"""Spreadsheet exports: ``pledges.csv`` (one row per pledge) and ``changes.csv`` (one row per
change record), UTF-8, comma-separated, with document and topic labels spelled out so a
spreadsheet user needs no lookups.
"""

from __future__ import annotations

import csv
from pathlib import Path

from policydiff.model import Comparison

PLEDGES_FILE = "pledges.csv"
CHANGES_FILE = "changes.csv"

PLEDGE_COLUMNS = (
    "id", "doc", "document", "party", "year", "section", "start", "end", "topic", "topic_label", "domain",
    "category", "confidence", "status_from_previous", "kind_from_previous", "status_to_next", "text",
)
CHANGE_COLUMNS = (
    "from", "from_label", "to", "to_label", "status", "kind", "kinds", "score", "topic", "topic_label",
    "a", "b", "a_text", "b_text",
)


def write_tables(comparison: Comparison, out_dir: Path) -> tuple[str, str]:
    """Write both CSV files into ``out_dir``; returns their names."""
    _write(out_dir / PLEDGES_FILE, PLEDGE_COLUMNS, pledge_rows(comparison))
    _write(out_dir / CHANGES_FILE, CHANGE_COLUMNS, change_rows(comparison))
    return PLEDGES_FILE, CHANGES_FILE


def pledge_rows(comparison: Comparison) -> list[dict[str, object]]:
    """One row per pledge, with its status against the previous and the next document.

    ``status_from_previous`` is how the pledge arrived (new, unchanged, changed) from the
    document before it, ``status_to_next`` what became of it (unchanged, changed, dropped) in
    the one after; both are empty where there is no such document (and in party mode).
    """
    documents = {d.id: d for d in comparison.documents}
    topics = {t.id: t.label for t in comparison.topics}
    arrived, left = {}, {}
    if comparison.options.get("mode", "chain") == "chain":
        for change in comparison.changes:
            for pledge_id in change.b:
                arrived[pledge_id] = change
            for pledge_id in change.a:
                left[pledge_id] = change
    rows = []
    for pledge in comparison.pledges:
        document = documents[pledge.doc]
        before, after = arrived.get(pledge.id), left.get(pledge.id)
        rows.append({
            "id": pledge.id, "doc": pledge.doc, "document": document.label, "party": document.party or "",
            "year": "" if document.year is None else document.year, "section": pledge.section or "",
            "start": pledge.start, "end": pledge.end, "topic": pledge.topic or "",
            "topic_label": topics.get(pledge.topic, ""), "domain": pledge.domain or "",
            "category": pledge.category or "", "confidence": f"{pledge.confidence:.4f}",
            "status_from_previous": before.status if before else "",
            "kind_from_previous": (before.kind or "") if before else "",
            "status_to_next": after.status if after else "", "text": pledge.clean,
        })
    return rows


def change_rows(comparison: Comparison) -> list[dict[str, object]]:
    """One row per change record, both sides' texts joined with " / "."""
    labels = {d.id: d.label for d in comparison.documents}
    topics = {t.id: t.label for t in comparison.topics}
    rows = []
    for change in comparison.changes:
        rows.append({
            "from": change.source, "from_label": labels[change.source], "to": change.target,
            "to_label": labels[change.target], "status": change.status, "kind": change.kind or "",
            "kinds": ";".join(change.kinds), "score": f"{change.score:.4f}", "topic": change.topic or "",
            "topic_label": topics.get(change.topic, ""), "a": ";".join(change.a), "b": ";".join(change.b),
            "a_text": " / ".join(comparison.pledge(i).clean for i in change.a),
            "b_text": " / ".join(comparison.pledge(i).clean for i in change.b),
        })
    return rows


def _write(path: Path, columns: tuple[str, ...], rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
