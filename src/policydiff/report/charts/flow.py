"""flow.png: where the pledges of each document went in the next one.

Chain mode draws an alluvial diagram.  Each document is a column as tall as its number of
pledges.  The left half of a column shows how its pledges arrived from the previous document
(unchanged, changed, new) and the right half what became of them in the next (unchanged,
changed, dropped); the first document has only the right half and the last only the left,
each drawn full width.  Bands join the right half of one column to the left half of the
next: unchanged to unchanged and changed to changed, while dropped pledges fade out of their
column and new ones fade into theirs.  Band ends are measured in pledges of each document,
so a pledge split in two widens its band; the number on a band reads "17" when both ends
hold the same number of pledges and "10 → 12" when they differ.

With more than :data:`MAX_COLUMNS` documents the columns would be too thin to read, and the
chart falls back to one stacked bar per pair of consecutive documents, counting change
records by status as ``comparison.counts(source, target)`` does.  Beyond
:data:`MAX_BAR_PAIRS` pairs (every State of the Union address) bars would make a chart
metres tall, so the counts become stacked areas along the chain instead.

Party mode has no order to flow along: the chart is instead a heat map of the share of each
party's pledges that another party shares (``comparison.overlap()``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policydiff.model import STATUSES, Comparison
from policydiff.report.charts.style import (
    EDGE_COLOUR,
    STATUS_COLOURS,
    STATUS_HATCHES,
    count_label,
    document_ticks,
    empty_note,
    heat_map,
    new_figure,
    stacked_bars,
    status_names,
    styled,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Most documents drawn as columns.  At 1000 pixels wide, twelve columns leave gaps of about
#: 65 pixels between them, just enough for a band label such as "10 → 12".
MAX_COLUMNS = 12
#: Most pairs drawn as one horizontal bar each (0.32 inch a bar: 40 fill a screen).
MAX_BAR_PAIRS = 40
#: Width of a column, in units of the distance between two columns.
COLUMN_WIDTH = 0.16
#: How far a dropped or new band reaches into the gap between columns, as a share of it.
REACH = 0.4
#: Opacity of band fills; the hatch lines over them are drawn in the full status colour.
BAND_ALPHA = 0.35
#: Points along each band edge; 64 makes the S-curves smooth at 100 dpi.
CURVE_POINTS = 64
#: Bands thinner than this share of the tallest column carry no printed number (it would
#: cover the neighbouring bands); the legend and the columns still account for them.
LABEL_MIN_SHARE = 0.025
#: Where along a dropped band (from its column) or a new band (towards its column) the count
#: is printed, as a share of the band's length: near the column, where the band is thickest,
#: but far enough out that a one- or two-digit label clears the column with twelve columns.
LABEL_AT = 0.35
#: Up to this many documents the gaps are wide enough to print "10 dropped" rather than "10"
#: on a fading band (a 10-document chart made the worded labels of neighbouring bands collide).
WORDED_COLUMNS = 5
#: Height of the party overlap heat map: room for title and labels, plus a row per party,
#: up to a height that still fits a screen (rows then shrink; the printed shares stay legible
#: to about twenty parties).
OVERLAP_FRAME_INCHES = 1.9
OVERLAP_ROW_INCHES = 0.6
OVERLAP_MAX_INCHES = 9.0
#: Statuses stacked in a column, bottom first, on each side.
ARRIVALS = ("unchanged", "changed", "new")
DEPARTURES = ("unchanged", "changed", "dropped")


def pair_flows(comparison: Comparison) -> dict[tuple[str, str], dict[str, tuple[int, int]]]:
    """Pledges moved per compared pair and status: ``(pledges of source, pledges of target)``.

    For an unchanged or changed record both sides count; a dropped record has only source
    pledges and a new one only target pledges.  Because every pledge of a pair's documents is
    in exactly one record, the source sides add up to the source's pledges and the target
    sides to the target's.
    """
    flows = {}
    for source, target in comparison.pairs:
        sides = dict.fromkeys(STATUSES, (0, 0))
        for change in comparison.changes_between(source, target):
            a, b = sides[change.status]
            sides[change.status] = (a + len(change.a), b + len(change.b))
        flows[(source, target)] = sides
    return flows


def draw(comparison: Comparison) -> Figure:
    """The chart as a Figure: alluvial, stacked bars for many documents, or party overlap."""
    with styled():
        if comparison.options.get("mode") == "parties":
            return _overlap(comparison)
        if len(comparison.pairs) > MAX_BAR_PAIRS:
            return _stacked_areas(comparison)
        if len(comparison.documents) > MAX_COLUMNS:
            return _stacked_pairs(comparison)
        return _alluvial(comparison)


def _alluvial(comparison: Comparison) -> Figure:
    from matplotlib.patches import Patch

    flows = pair_flows(comparison)
    names = status_names(comparison)
    figure = new_figure(5.8)
    axes = figure.add_subplot()
    documents = [d.id for d in comparison.documents]
    tallest = max((len(comparison.pledges_of(d)) for d in documents), default=0) or 1
    outgoing = {source: sides for (source, _), sides in flows.items()}
    incoming = {target: sides for (_, target), sides in flows.items()}
    for x, doc in enumerate(documents):
        left, right = x - COLUMN_WIDTH / 2, x + COLUMN_WIDTH / 2
        if doc in incoming:
            end = x if doc in outgoing else right
            _column(axes, left, end, [(s, incoming[doc][s][1]) for s in ARRIVALS])
        if doc in outgoing:
            start = x if doc in incoming else left
            _column(axes, start, right, [(s, outgoing[doc][s][0]) for s in DEPARTURES])
        axes.text(x, len(comparison.pledges_of(doc)) + tallest * 0.02, str(len(comparison.pledges_of(doc))),
                  ha="center", va="bottom", fontweight="bold")
    for (source, target), sides in flows.items():
        _bands(axes, documents.index(source), documents.index(target), sides, tallest, names,
               worded=len(documents) <= WORDED_COLUMNS)
    document_ticks(axes, [comparison.document(d).label for d in documents])
    axes.set_xlim(-0.5, len(documents) - 0.5)
    axes.set_ylim(0, tallest * 1.1)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_xlabel("document (in comparison order); the number above a column is its pledges")
    axes.set_ylabel("pledges")
    axes.set_title("Flow of pledges between consecutive documents", loc="left")
    handles = [Patch(facecolor=STATUS_COLOURS[s], hatch=STATUS_HATCHES[s], edgecolor=EDGE_COLOUR, label=names[s])
               for s in STATUSES]
    figure.legend(handles=handles, loc="outside lower center", ncols=4, frameon=False,
                  handleheight=1.4, handlelength=2.2,
                  title="left half of a column: how its pledges arrived; right half: what became of them")
    if not flows:
        empty_note(axes, "no document pairs were compared")
    return figure


def _column(axes, x0: float, x1: float, blocks: list[tuple[str, int]]) -> None:
    """One half (or all) of a document's column: blocks stacked bottom up."""
    bottom = 0
    for status, height in blocks:
        if height:
            axes.bar(x0, height, width=x1 - x0, bottom=bottom, align="edge", color=STATUS_COLOURS[status],
                     hatch=STATUS_HATCHES[status], edgecolor=EDGE_COLOUR, linewidth=0.8)
        bottom += height


def _bands(axes, x_source: int, x_target: int, sides: dict[str, tuple[int, int]], tallest: int,
           names: dict[str, str], *, worded: bool) -> None:
    """The bands of one pair, from the source column's right edge to the target's left edge."""
    import numpy as np

    start, end = x_source + COLUMN_WIDTH / 2, x_target - COLUMN_WIDTH / 2
    x = np.linspace(start, end, CURVE_POINTS)
    below_a = below_b = 0
    for status in ("unchanged", "changed"):
        a, b = sides[status]
        if a or b:
            _band(axes, status, x, _edge(x, start, end, below_a, below_b),
                  _edge(x, start, end, below_a + a, below_b + b))
            if max(a, b) >= LABEL_MIN_SHARE * tallest:
                count_label(axes, (start + end) / 2, (below_a + below_b + (a + b) / 2) / 2,
                            str(a) if a == b else f"{a} \N{RIGHTWARDS ARROW} {b}")
        below_a, below_b = below_a + a, below_b + b
    reach = REACH * (end - start)
    dropped, new = sides["dropped"][0], sides["new"][1]
    if dropped:
        fade = np.linspace(start, start + reach, CURVE_POINTS)
        lower = _edge(fade, start, start + reach, below_a, below_a + dropped)
        _fading_band(axes, "dropped", fade, lower, _edge(fade, start, end, below_a, below_b), below_a + dropped,
                     _count(dropped, names["dropped"], tallest, worded), at=LABEL_AT)
    if new:
        fade = np.linspace(end - reach, end, CURVE_POINTS)
        lower = _edge(fade, end - reach, end, below_b + new, below_b)
        _fading_band(axes, "new", fade, lower, _edge(fade, start, end, below_a, below_b), below_b + new,
                     _count(new, names["new"], tallest, worded), at=1 - LABEL_AT)


def _count(pledges: int, status: str, tallest: int, worded: bool) -> str | None:
    """Label of a fading band ("10 dropped" or "10"), or None when the band is too thin for one."""
    if pledges < LABEL_MIN_SHARE * tallest:
        return None
    return f"{pledges} {status}" if worded else str(pledges)


def _fading_band(axes, status: str, x, lower, floor, top: float, label: str | None, *, at: float) -> None:
    """A dropped or new band tapering to nothing at its open end, above the kept bands.

    ``floor`` is the upper edge of the changed band beneath: the tapering edge never dips
    below it, so the bands never overlap however much taller one column is than the next.
    ``label``, when given, is printed at the point ``at`` (0 = the band's left end, 1 = right).
    """
    import numpy as np

    lower = np.minimum(np.maximum(lower, floor), top)
    upper = np.full_like(lower, top)
    _band(axes, status, x, lower, upper)
    if label is not None:
        point = round(at * (len(x) - 1))
        count_label(axes, x[point], (lower[point] + upper[point]) / 2, label)


def _edge(x, x0: float, x1: float, y0: float, y1: float):
    """Height of a band edge at ``x`` on an S-curve from (x0, y0) to (x1, y1), flat beyond them."""
    import numpy as np

    t = np.clip((x - x0) / (x1 - x0), 0.0, 1.0)
    return y0 + (y1 - y0) * t * t * (3 - 2 * t)


def _band(axes, status: str, x, lower, upper) -> None:
    """A band between two edges sampled at ``x``, filled pale and hatched in the status colour."""
    import numpy as np
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Polygon

    outline = np.column_stack([np.concatenate([x, x[::-1]]), np.concatenate([lower, upper[::-1]])])
    colour = STATUS_COLOURS[status]
    axes.add_patch(Polygon(outline, closed=True, facecolor=to_rgba(colour, BAND_ALPHA), edgecolor=colour,
                           linewidth=0, hatch=STATUS_HATCHES[status]))


def _stacked_pairs(comparison: Comparison) -> Figure:
    names = status_names(comparison)
    pairs = comparison.pairs
    figure = new_figure(1.9 + 0.32 * max(len(pairs), 2))
    axes = figure.add_subplot()
    stacked_bars(axes, [comparison.counts(source, target) for source, target in pairs], names)
    labels = [f"{comparison.document(s).label} → {comparison.document(t).label}" for s, t in pairs]
    axes.set_yticks(range(len(pairs)), labels)
    axes.set_xlabel(f"change records ({len(comparison.documents)} documents are too many to draw as a flow)")
    axes.set_ylabel("pair of consecutive documents")
    axes.set_title("Pledges between consecutive documents (stacked bars instead of a flow)", loc="left")
    figure.legend(loc="outside lower center", ncols=4, frameon=False, handleheight=1.4, handlelength=2.2)
    return figure


def _stacked_areas(comparison: Comparison) -> Figure:
    """Change records by status for every consecutive pair, stacked, pairs along the x axis."""
    names = status_names(comparison)
    pairs = comparison.pairs
    counts = [comparison.counts(source, target) for source, target in pairs]
    figure = new_figure(5.2)
    axes = figure.add_subplot()
    positions = list(range(len(pairs)))
    bottom = [0] * len(pairs)
    for status in STATUSES:
        top = [b + c[status] for b, c in zip(bottom, counts)]
        axes.fill_between(positions, bottom, top, step="mid", facecolor=STATUS_COLOURS[status],
                          hatch=STATUS_HATCHES[status], edgecolor=EDGE_COLOUR, linewidth=0, label=names[status])
        bottom = top
    document_ticks(axes, [comparison.document(target).label for _, target in pairs])
    axes.set_xlim(-0.5, len(pairs) - 0.5)
    axes.set_ylim(0, max(max(bottom, default=0) * 1.05, 1))
    axes.set_xlabel(f"later document of each consecutive pair ({len(pairs)} pairs)")
    axes.set_ylabel("change records")
    axes.set_title("Pledges between consecutive documents (stacked areas)", loc="left")
    figure.legend(loc="outside lower center", ncols=4, frameon=False, handleheight=1.4, handlelength=2.2)
    return figure


def _overlap(comparison: Comparison) -> Figure:
    import numpy as np

    documents = comparison.documents
    shares = comparison.overlap()
    values = np.full((len(documents), len(documents)), np.nan)
    for row, first in enumerate(documents):
        for column, second in enumerate(documents):
            if (first.id, second.id) in shares:
                values[row, column] = 100 * shares[(first.id, second.id)]
    figure = new_figure(min(OVERLAP_FRAME_INCHES + OVERLAP_ROW_INCHES * len(documents), OVERLAP_MAX_INCHES))
    axes = figure.add_subplot()
    heat_map(figure, axes, values, colour_label="share of the row party's pledges shared (%)")
    labels = [d.label for d in documents]
    document_ticks(axes, labels)
    axes.set_yticks(range(len(documents)), labels)
    axes.set_xlabel("…found in this party's manifesto")
    axes.set_ylabel("share of this party's pledges…")
    axes.set_title("Shared pledges between parties (heat map)", loc="left")
    return figure
