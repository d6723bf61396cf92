"""The terminal summary: counts per status and the changes a reader should see first."""

from __future__ import annotations

from policydiff.model import STATUSES, Change, Comparison

#: Rows shown per list in the summary.
TOP_N = 5
#: Changes a reader should see first: reversals and changed figures before rewording.
SIGNIFICANCE = ("negated", "number-changed", "hedged", "firmed", "split", "merged", "clause-removed",
                "clause-added", "reworded", "moved")
_STATUS_STYLE = {"unchanged": "dim", "changed": "bold yellow", "new": "bold cyan", "dropped": "bold magenta"}


def render_summary(comparison: Comparison, console) -> None:
    """Print the summary of a comparison to a rich Console."""
    from rich.table import Table

    table = Table(title="policydiff: pledges between consecutive documents", title_justify="left")
    table.add_column("from → to")
    table.add_column("pledges", justify="right")
    for status in STATUSES:
        table.add_column(status, justify="right", style=_STATUS_STYLE[status])
    for earlier, later in zip(comparison.documents, comparison.documents[1:]):
        counts = comparison.counts(earlier.id, later.id)
        sizes = f"{len(comparison.pledges_of(earlier.id))} → {len(comparison.pledges_of(later.id))}"
        table.add_row(f"{earlier.label} → {later.label}", sizes, *(str(counts[s]) for s in STATUSES))
    console.print(table)
    for title, changes in _highlights(comparison):
        if changes:
            console.print(f"\n[bold]{title}[/bold]")
            for change in changes:
                console.print(_describe(comparison, change), highlight=False)


def _highlights(comparison: Comparison) -> list[tuple[str, list[Change]]]:
    changed = sorted(
        (c for c in comparison.changes if c.status == "changed"),
        key=lambda c: (SIGNIFICANCE.index(c.kind) if c.kind in SIGNIFICANCE else len(SIGNIFICANCE), -c.score),
    )
    def weightiest(status: str) -> list[Change]:
        def weight(change: Change) -> tuple[float, int]:
            pledge = comparison.pledge((change.a or change.b)[0])
            return (-pledge.confidence, -len(pledge.clean))
        return sorted((c for c in comparison.changes if c.status == status), key=weight)[:TOP_N]

    return [
        ("Most significant changes", changed[:TOP_N]),
        ("New pledges", weightiest("new")),
        ("Dropped pledges", weightiest("dropped")),
    ]


def _describe(comparison: Comparison, change: Change) -> str:
    from rich.markup import escape

    def quote(ids: tuple[str, ...]) -> str:
        texts = [comparison.pledge(i).clean for i in ids]
        if change.kind not in ("split", "merged"):
            texts = [max(texts, key=len)]
        return escape(_shorten(" / ".join(texts)))

    pair = f"{comparison.document(change.source).label} → {comparison.document(change.target).label}"
    if change.status == "new":
        return f"  + {quote(change.b)}  [dim]({pair})[/dim]"
    if change.status == "dropped":
        return f"  - {quote(change.a)}  [dim]({pair})[/dim]"
    return f"  ~ \\[{change.kind}] {quote(change.a)}\n      → {quote(change.b)}  [dim]({pair}, score {change.score:.2f})[/dim]"


def _shorten(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
