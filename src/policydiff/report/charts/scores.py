"""scores.png: how similar the aligned pledges are, and where the aligner draws the line.

A histogram of the similarity scores of every change record with pledges on both sides
(unchanged and changed, stacked), with the alignment threshold as a vertical line.  The
threshold is read from ``comparison.options["min_link_score"]``, which the pipeline records;
a comparison without it (saved by an older version) shows the lowest score it accepted
instead, labelled as such.  Scores crowding just above the line would mean the threshold
decides many alignments; a gap above it means the choice is clear.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policydiff.model import Comparison
from policydiff.report.charts.style import (
    EDGE_COLOUR,
    STATUS_COLOURS,
    STATUS_HATCHES,
    empty_note,
    new_figure,
    status_names,
    styled,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Bins of the histogram over [0, 1]: 0.025 wide, fine enough to show whether scores crowd
#: the threshold and coarse enough that a few hundred records make visible bars.
BINS = 40
#: Statuses whose records have both sides, and so a score, stacked bottom first.
ALIGNED = ("unchanged", "changed")


def aligned_scores(comparison: Comparison) -> dict[str, list[float]]:
    """Scores in [0, 1] of the unchanged and of the changed records, in record order."""
    return {status: [c.score for c in comparison.changes if c.status == status and c.a and c.b]
            for status in ALIGNED}


def threshold(comparison: Comparison) -> tuple[float | None, str]:
    """The score marked on the chart and what to call it.

    The alignment threshold when the comparison records it; otherwise the lowest score among
    aligned records ("lowest accepted score"); None when there is neither.
    """
    recorded = comparison.options.get("min_link_score")
    if recorded is not None:
        return float(recorded), f"alignment threshold ({float(recorded):.2f})"
    scores = [s for values in aligned_scores(comparison).values() for s in values]
    if scores:
        return min(scores), f"lowest accepted score ({min(scores):.2f})"
    return None, "alignment threshold (not recorded)"


def draw(comparison: Comparison) -> Figure:
    """The chart as a Figure (see the module docstring)."""
    import numpy as np

    scores = aligned_scores(comparison)
    names = status_names(comparison)
    edges = np.linspace(0.0, 1.0, BINS + 1)
    with styled():
        figure = new_figure(4.8)
        axes = figure.add_subplot()
        bottom = np.zeros(BINS)
        for status in ALIGNED:
            counts, _ = np.histogram(scores[status], bins=edges)
            axes.bar(edges[:-1], counts, width=np.diff(edges), bottom=bottom, align="edge",
                     color=STATUS_COLOURS[status], hatch=STATUS_HATCHES[status], edgecolor=EDGE_COLOUR,
                     linewidth=0.8, label=f"{names[status]} ({len(scores[status])})")
            bottom += counts
        line, label = threshold(comparison)
        if line is not None:
            axes.axvline(line, color="black", linestyle="--", linewidth=1.5, label=label)
        axes.set_xlim(0, 1)
        axes.set_ylim(0, max(float(bottom.max()) * 1.1, 1))
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.set_xlabel("similarity score of the aligned pledges (0 = unrelated, 1 = same wording)")
        axes.set_ylabel("change records")
        axes.set_title("Similarity of aligned pledges (histogram, stacked by status)", loc="left")
        axes.legend(loc="upper left", frameon=False, handleheight=1.4, handlelength=2.2)
        if not bottom.any():
            empty_note(axes, "no aligned pledges: every record is new or dropped")
    return figure
