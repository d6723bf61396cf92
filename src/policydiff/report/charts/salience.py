"""salience.png: how much room each large topic takes in each document.

A topic's salience in a document is its share of that document's pledges, the usual
measure of emphasis in manifesto research.  Documents compared over time (chain mode) are
drawn as one line per topic across the documents in order, so rises and falls read at a
glance; parties at one election (party mode) have no order to draw a line along, so they
are drawn as a heat map of topics by party with the share printed in each cell.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from policydiff.model import Comparison
from policydiff.report.charts.style import (
    LINE_COLOURS,
    WIDE,
    document_ticks,
    empty_note,
    heat_map,
    new_figure,
    styled,
    topic_names,
    topic_order,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Topics drawn: the largest ones by pledges in all documents.  Eight lines are as many as
#: the eye can follow, and as many as there are distinct marker and dash combinations below.
MAX_TOPICS = 8
#: Markers and dash patterns of the lines, so topics stay apart in greyscale too.
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
DASHES = ("-", "--", "-.", ":")
#: Most documents drawn with a marker at every point; beyond this the markers merge into a
#: smear, and the lines are drawn as a centred moving average over :data:`SMOOTHING`
#: documents, since a topic's share in a single address jumps by tens of points.
MAX_MARKED_DOCUMENTS = 30
SMOOTHING = 9


def salience(comparison: Comparison) -> list[tuple[str, list[float]]]:
    """(topic label, share of each document's pledges in [0, 1]), largest topics first.

    Documents are in ``comparison.documents`` order; at most :data:`MAX_TOPICS` topics, ranked
    by their pledges in all documents (ties by topic id).  Pledges without a topic are left out.
    """
    per_document = Counter(p.doc for p in comparison.pledges)
    per_topic = Counter((p.topic, p.doc) for p in comparison.pledges if p.topic is not None)
    sizes = Counter(p.topic for p in comparison.pledges if p.topic is not None)
    ranked = sorted(sizes, key=lambda t: (-sizes[t], topic_order(t)))[:MAX_TOPICS]
    names = topic_names(comparison)
    return [
        (names.get(topic, topic),
         [per_topic[(topic, d.id)] / max(per_document[d.id], 1) for d in comparison.documents])
        for topic in ranked
    ]


def draw(comparison: Comparison) -> Figure:
    """The chart as a Figure: lines in chain mode, a heat map in party mode."""
    rows = salience(comparison)
    with styled():
        if comparison.options.get("mode") == "parties":
            return _heat_map(comparison, rows)
        return _lines(comparison, rows)


def _lines(comparison: Comparison, rows) -> Figure:
    figure = new_figure(5.2, width=WIDE)
    axes = figure.add_subplot()
    positions = list(range(len(comparison.documents)))
    long_chain = len(positions) > MAX_MARKED_DOCUMENTS
    for i, (label, shares) in enumerate(rows):
        values = moving_average(shares, SMOOTHING) if long_chain else shares
        axes.plot(positions, [100 * s for s in values], label=label, color=LINE_COLOURS[i % len(LINE_COLOURS)],
                  marker=None if long_chain else MARKERS[i % len(MARKERS)], linestyle=DASHES[i % len(DASHES)],
                  linewidth=1.6 if long_chain else 2, markersize=7)
    _document_axis(axes, comparison)
    axes.set_xlim(-0.3, max(len(positions) - 0.7, 0.3))
    axes.set_ylim(0, None if rows else 100)
    axes.set_ylabel("share of the document's pledges (%)")
    drawn = f"moving average over {SMOOTHING} documents" if long_chain else "lines"
    axes.set_title(f"Topic salience: the {_largest(rows)} across documents ({drawn})", loc="left")
    axes.grid(axis="y", color="#DDDDDD", linewidth=0.8)
    axes.set_axisbelow(True)
    if rows:
        axes.legend(title="topic", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
                    handlelength=3.2)
    else:
        axes.plot([], [], color=LINE_COLOURS[0], label="no topics")
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        empty_note(axes, "no topics were assigned to the pledges")
    return figure


def moving_average(values: list[float], window: int) -> list[float]:
    """Centred mean over ``window`` values, the window shrinking at both ends (no padding)."""
    half = window // 2
    averaged = []
    for i in range(len(values)):
        span = values[max(i - half, 0) : i + half + 1]
        averaged.append(sum(span) / len(span))
    return averaged


def _heat_map(comparison: Comparison, rows) -> Figure:
    import numpy as np

    figure = new_figure(1.9 + 0.45 * max(len(rows), 2), width=WIDE)
    axes = figure.add_subplot()
    values = np.array([[100 * s for s in shares] for _, shares in rows]).reshape(len(rows), len(comparison.documents))
    heat_map(figure, axes, values, colour_label="share of the party's pledges (%)")
    axes.set_yticks(range(len(rows)), [label for label, _ in rows])
    axes.set_ylabel("topic")
    _document_axis(axes, comparison)
    axes.set_title(f"Topic salience: the {_largest(rows)} by party (heat map)", loc="left")
    if not rows:
        empty_note(axes, "no topics were assigned to the pledges")
    return figure


def _largest(rows) -> str:
    """How the title names the topics drawn: "8 largest topics", "largest topic"."""
    if not rows:
        return "largest topics (none assigned)"
    return "largest topic" if len(rows) == 1 else f"{len(rows)} largest topics"


def _document_axis(axes, comparison: Comparison) -> None:
    """Documents on the x axis, labelled and in comparison order."""
    document_ticks(axes, [d.label for d in comparison.documents])
    parties = comparison.options.get("mode") == "parties"
    axes.set_xlabel("party" if parties else "document (in comparison order)")
