"""The terminal summary: counts per status, topics, lineages, and the changes to read first."""

from __future__ import annotations

from rich.markup import escape

from policydiff.model import STATUSES, Change, Comparison

#: Rows shown per list in the summary.
TOP_N = 5
#: Topics shown in the summary table.
TOP_TOPICS = 8
#: Pairs named as the most and as the least similar when every pair was aligned.
SIMILAR_PAIRS = 3
#: Changes a reader should see first: reversals and changed figures before rewording.
SIGNIFICANCE = ("negated", "number-changed", "hedged", "firmed", "split", "merged", "clause-removed",
                "clause-added", "reworded", "moved")
#: Column names in party mode, where "new" means "only in the second party's manifesto".
_PARTY_COLUMNS = {"unchanged": "same words", "changed": "reworded", "new": "only second", "dropped": "only first"}
_STATUS_STYLE = {"unchanged": "dim", "changed": "bold yellow", "new": "bold cyan", "dropped": "bold magenta"}


def render_summary(comparison: Comparison, console) -> None:
    """Print the summary of a comparison to a rich Console."""
    console.print(_pairs_table(comparison))
    if comparison.options.get("mode") == "parties":
        console.print(_overlap_table(comparison))
    if comparison.similarity is not None:
        _print_similarity(comparison, console)
    if comparison.topics:
        console.print(_topics_table(comparison))
    if comparison.lineages:
        flagged = {flag: sum(flag in x.flags for x in comparison.lineages) for flag in ("revived", "split", "merged")}
        details = ", ".join(f"{n} {flag}" for flag, n in flagged.items() if n)
        console.print(f"\n{len(comparison.lineages)} lineages follow pledges across documents" + (f" ({details})." if details else "."))
    for title, changes in _highlights(comparison):
        if changes:
            console.print(f"\n[bold]{title}[/bold]")
            for change in changes:
                console.print(_describe(comparison, change), highlight=False)


def render_topics(comparison: Comparison, console, *, examples: int = 2) -> None:
    """Print every topic: label, domain, pledges per document, and example pledges."""
    counts: dict[tuple[str, str | None], int] = {}
    for pledge in comparison.pledges:
        counts[(pledge.doc, pledge.topic)] = counts.get((pledge.doc, pledge.topic), 0) + 1
    labels = " / ".join(escape(d.label) for d in comparison.documents)
    console.print(f"[bold]{len(comparison.topics)} topics[/bold] in {len(comparison.pledges)} pledges "
                  f"(pledges per document: {labels})")
    for topic in comparison.topics:
        per_document = " / ".join(str(counts.get((d.id, topic.id), 0)) for d in comparison.documents)
        domain = f"  [dim]{escape(topic.domain)}[/dim]" if topic.domain else ""
        console.print(f"\n[bold]{topic.id}[/bold]  {escape(topic.label)}  ({topic.size}: {per_document}){domain}",
                      highlight=False)
        for pledge_id in topic.examples[:examples]:
            console.print(f"    • {escape(_shorten(comparison.pledge(pledge_id).clean, 100))}", highlight=False)


def _pairs_table(comparison: Comparison):
    from rich.table import Table

    parties = comparison.options.get("mode") == "parties"
    table = Table(title="policydiff: " + ("pledges shared between parties" if parties else "pledges between documents"),
                  title_justify="left")
    table.add_column("first ↔ second" if parties else "from → to")
    table.add_column("pledges", justify="right")
    for status in STATUSES:
        table.add_column(_PARTY_COLUMNS[status] if parties else status, justify="right", style=_STATUS_STYLE[status])
    for source, target in comparison.pairs:
        earlier, later = comparison.document(source), comparison.document(target)
        counts = comparison.counts(source, target)
        sizes = f"{len(comparison.pledges_of(source))} → {len(comparison.pledges_of(target))}"
        arrow = "↔" if parties else "→"
        table.add_row(f"{escape(earlier.label)} {arrow} {escape(later.label)}", sizes, *(str(counts[s]) for s in STATUSES))
    return table


def _overlap_table(comparison: Comparison):
    """Share of each row document's pledges that the column document shares."""
    from rich.table import Table

    overlap = comparison.overlap()
    table = Table(title="Shared pledges: share of the row party's pledges found in the column party's",
                  title_justify="left")
    table.add_column("")
    for document in comparison.documents:
        table.add_column(escape(document.label), justify="right")
    for row in comparison.documents:
        cells = ["—" if row.id == col.id else f"{overlap.get((row.id, col.id), 0.0):.0%}" for col in comparison.documents]
        table.add_row(escape(row.label), *cells)
    return table


def _print_similarity(comparison: Comparison, console) -> None:
    """The most and least similar pairs of documents, a line each."""
    similarity = comparison.similarity
    most, least = similarity.extremes(SIMILAR_PAIRS)
    console.print(f"\n[bold]Document similarity[/bold] (share of both documents' pledges aligned, "
                  f"{len(similarity.pairs)} {'pair' if len(similarity.pairs) == 1 else 'pairs'})", highlight=False)
    for title, pairs in (("most similar", most), ("least similar", least)):
        for i, pair in enumerate(pairs):
            first, second = comparison.document(pair.source), comparison.document(pair.target)
            shared, total = pair.shared_a + pair.shared_b, pair.shared_a + pair.shared_b + pair.only_a + pair.only_b
            console.print(f"  {title if i == 0 else '':<13}  {pair.similarity:.3f}  {escape(first.label)} ↔ "
                          f"{escape(second.label)}  [dim]({shared} of {total} pledges)[/dim]", highlight=False)
    console.print()


def _topics_table(comparison: Comparison):
    """The largest topics with their salience in the first and last document."""
    from rich.table import Table

    first, last = comparison.documents[0], comparison.documents[-1]
    share = {}
    for document in (first, last):
        pledges = comparison.pledges_of(document.id)
        for topic in comparison.topics:
            share[(document.id, topic.id)] = sum(p.topic == topic.id for p in pledges) / max(len(pledges), 1)
    table = Table(title=f"Largest topics (share of pledges, {escape(first.label)} → {escape(last.label)})",
                  title_justify="left")
    for column in ("topic", "label", "pledges", "share", "shift"):
        table.add_column(column, justify="right" if column in ("pledges", "share", "shift") else "left")
    for topic in sorted(comparison.topics, key=lambda t: (-t.size, t.id))[:TOP_TOPICS]:
        before, after = share[(first.id, topic.id)], share[(last.id, topic.id)]
        table.add_row(topic.id, escape(topic.label), str(topic.size), f"{before:.0%} → {after:.0%}",
                      f"{(after - before) * 100:+.1f} pts")
    return table


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
    def quote(ids: tuple[str, ...]) -> str:
        texts = [comparison.pledge(i).clean for i in ids]
        if change.kind not in ("split", "merged"):
            texts = [max(texts, key=len)]
        return escape(_shorten(" / ".join(texts)))

    pair = f"{escape(comparison.document(change.source).label)} → {escape(comparison.document(change.target).label)}"
    if change.status == "new":
        return f"  + {quote(change.b)}  [dim]({pair})[/dim]"
    if change.status == "dropped":
        return f"  - {quote(change.a)}  [dim]({pair})[/dim]"
    return (f"  ~ \\[{change.kind}] {quote(change.a)}\n      → {quote(change.b)}"
            f"  [dim]({pair}, score {change.score:.2f})[/dim]")


def _shorten(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
