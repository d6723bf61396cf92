"""What every chart shares: palette, hatches, status names, figure size rules and saving.

Charts are drawn on a bare :class:`matplotlib.figure.Figure` with an Agg canvas attached,
never through ``pyplot``, so drawing one neither switches the backend of a notebook nor
registers figures that would have to be closed.  Styling is fixed inside :func:`styled`
(matplotlib's defaults plus the few settings below) so a user's ``matplotlibrc`` cannot
change the pictures, and :func:`save` writes PNGs without a version or date, so the same
comparison always gives the same bytes.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from policydiff.model import STATUSES, Comparison

if TYPE_CHECKING:
    from collections.abc import Iterator

    from matplotlib.figure import Figure

#: Pixels per inch of every PNG.  At 100 a 10-point label is about 14 pixels high, readable
#: at 100 % zoom, and a 10-inch-wide chart (1000 pixels) fits an HTML report without scaling.
DPI = 100
#: Width of a chart in inches (1000 pixels at :data:`DPI`).
WIDTH = 10.0
#: Width of a chart with its legend or colour bar beside the plot: an inch more, so the plot
#: keeps about the same room.
WIDE = 11.0
#: Base font size in points; titles are two points larger.
FONT_SIZE = 10

#: The Okabe–Ito palette (Okabe & Ito 2008), chosen so that its colours stay distinct for
#: readers with protanopia, deuteranopia or tritanopia.  Pure red and pure green are absent.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}

#: Colour of each status: four Okabe–Ito colours of different hue families (blue, orange,
#: green, purple), none of them pure red or pure green.
STATUS_COLOURS = {
    "unchanged": OKABE_ITO["blue"],
    "changed": OKABE_ITO["orange"],
    "new": OKABE_ITO["bluish green"],
    "dropped": OKABE_ITO["reddish purple"],
}
#: Hatch of each status, so statuses stay apart when printed in greyscale, where orange and
#: reddish purple (and blue and bluish green) come out as almost the same grey.
STATUS_HATCHES = {"unchanged": "", "changed": "//", "new": "..", "dropped": "xx"}
#: Colour of hatch lines and of the thin lines between stacked blocks.
EDGE_COLOUR = "white"
#: Colours of topic lines, in order: dark and mid Okabe–Ito colours first; yellow is left
#: out because a thin yellow line vanishes on white.
LINE_COLOURS = tuple(OKABE_ITO[name] for name in (
    "blue", "vermillion", "bluish green", "black", "orange", "reddish purple", "sky blue"))
#: Colour map of heat maps: cividis varies in lightness alone for colour-blind readers and
#: prints as an even grey ramp.
HEAT_MAP = "cividis"
#: Heat-map cells darker than this share of the colour range get white figures, lighter ones
#: black: cividis passes mid-grey at about the middle of its range.
DARK_CELL = 0.55

#: Status names in party mode, as the terminal summary words them: comparing two parties at
#: one election, "new" means "only in the second party's manifesto".
PARTY_STATUS_NAMES = {
    "unchanged": "same words",
    "changed": "reworded",
    "new": "only in second",
    "dropped": "only in first",
}
#: Smallest bar segment, as a share of the longest bar, that gets its count printed inside;
#: below it the digits would not fit (about 25 pixels on a 1000-pixel-wide chart).
LABEL_MIN_SHARE = 0.03
#: Document labels on an x axis are turned beyond this many documents, so they do not collide
#: (at 1000 pixels wide, seven labels such as "Conservative 2015" still fit side by side).
UPRIGHT_LABELS = 6
#: …or more characters of labels in all than fit side by side under a chart.
UPRIGHT_CHARS = 60
#: Most document labels printed along an axis: beyond this they overlap however they are
#: turned, so every n-th is printed (the others keep a small tick).
MAX_TICK_LABELS = 20
#: Characters of a topic label kept on an axis or in a legend before it is cut with "…".
LABEL_CHARS = 42

#: Settings on top of matplotlib's defaults, fixed so every run draws the same picture.
_RC = {
    "font.family": "DejaVu Sans",
    "font.size": FONT_SIZE,
    "axes.titlesize": FONT_SIZE + 2,
    "axes.titleweight": "bold",
    "axes.labelsize": FONT_SIZE,
    "legend.fontsize": FONT_SIZE - 1,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@contextmanager
def styled() -> Iterator[None]:
    """Draw (and save) inside this block to get the fixed policydiff style.

    matplotlib reads its settings at drawing time, so both drawing and saving happen inside
    it; the user's settings are restored afterwards.
    """
    import matplotlib

    defaults = {k: v for k, v in matplotlib.rcParamsDefault.items() if k != "backend"}
    with matplotlib.rc_context({**defaults, **_RC}):
        yield


def new_figure(height: float, width: float = WIDTH) -> Figure:
    """An empty figure (size in inches) drawn by the Agg canvas, outside pyplot."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def save(figure: Figure, path: Path) -> None:
    """Write a figure as a PNG whose bytes depend on the picture alone (no version or date)."""
    with styled():
        figure.savefig(path, format="png", dpi=DPI, facecolor="white", metadata={"Software": None})


def status_names(comparison: Comparison) -> dict[str, str]:
    """What to call each status in a legend: party wording in party mode."""
    if comparison.options.get("mode") == "parties":
        return dict(PARTY_STATUS_NAMES)
    return {status: status for status in STATUSES}


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` characters, ending with "…" when it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def topic_names(comparison: Comparison) -> dict[str, str]:
    """Short label of each topic, by topic id."""
    return {topic.id: shorten(topic.label) for topic in comparison.topics}


def count_label(axes, x: float, y: float, text: str) -> None:
    """A number printed on a coloured block, on a small white box so it reads over any fill."""
    axes.text(x, y, text, ha="center", va="center", fontsize=FONT_SIZE - 1,
              bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})


def empty_note(axes, text: str) -> None:
    """A note in the middle of an axes that has nothing to plot."""
    axes.text(0.5, 0.5, text, transform=axes.transAxes, ha="center", va="center",
              fontsize=FONT_SIZE + 1, color="#555555", bbox={"facecolor": "white", "edgecolor": "none"})


def document_ticks(axes, labels: list[str]) -> None:
    """Label the x axis with document labels at 0, 1, 2, …, turned when there are many.

    Above :data:`MAX_TICK_LABELS` documents only every n-th label is printed (the first
    always), and the rest are marked by minor ticks.
    """
    many = len(labels) > UPRIGHT_LABELS or sum(map(len, labels)) > UPRIGHT_CHARS
    step = -(-len(labels) // MAX_TICK_LABELS) if labels else 1
    shown = list(range(0, len(labels), step))
    axes.set_xticks(shown, [labels[i] for i in shown], rotation=30 if many else 0,
                    ha="right" if many else "center", rotation_mode="anchor" if many else "default")
    if step > 1:
        axes.set_xticks(range(len(labels)), minor=True)


def topic_order(topic_id: str) -> tuple[int, str]:
    """Sort key putting topic ids in number order ("t2" before "t10")."""
    digits = topic_id[1:]
    return (int(digits), topic_id) if digits.isdigit() else (-1, topic_id)


def heat_map(figure: Figure, axes, values, *, colour_label: str, missing: str = "–"):
    """Draw a matrix of percentages in [0, 100] with each value printed in its cell.

    NaN cells stay blank and show ``missing``.  The colour scale runs from 0 to the largest
    value so small differences stay visible; the printed figures carry the exact values.
    Returns the colour bar, whose label is ``colour_label``.
    """
    import numpy as np

    finite = values[np.isfinite(values)]
    top = max(float(finite.max()) if finite.size else 0.0, 1.0)
    image = axes.imshow(values, cmap=HEAT_MAP, vmin=0, vmax=top, aspect="auto")
    for (row, column), value in np.ndenumerate(values):
        if np.isnan(value):
            axes.text(column, row, missing, ha="center", va="center", color="#555555", fontsize=FONT_SIZE)
            continue
        colour = "white" if value < DARK_CELL * top else "black"
        axes.text(column, row, f"{value:.0f}%", ha="center", va="center", color=colour, fontsize=FONT_SIZE)
    axes.spines[["top", "right", "left", "bottom"]].set_visible(False)
    bar = figure.colorbar(image, ax=axes, shrink=0.9)
    bar.set_label(colour_label)
    return bar


def stacked_bars(axes, rows: list[dict[str, int]], names: dict[str, str]) -> list[int]:
    """Horizontal bars, top row first, stacked by status, with each segment's count printed.

    ``rows`` holds one count per status for each bar; ``names`` what the legend calls each
    status.  A count is printed inside its segment when the segment is at least
    :data:`LABEL_MIN_SHARE` of the longest bar, and every bar's total after its end.
    Returns the totals, top row first.
    """
    positions = list(range(len(rows)))
    left = [0] * len(rows)
    longest = max((sum(row.values()) for row in rows), default=0)
    for status in STATUSES:
        widths = [row[status] for row in rows]
        axes.barh(positions, widths, left=left, height=0.72, color=STATUS_COLOURS[status],
                  hatch=STATUS_HATCHES[status], edgecolor=EDGE_COLOUR, linewidth=0.8, label=names[status])
        for y, start, width in zip(positions, left, widths):
            if width and width >= LABEL_MIN_SHARE * longest:
                count_label(axes, start + width / 2, y, str(width))
        left = [a + b for a, b in zip(left, widths)]
    for y, total in zip(positions, left):
        axes.text(total + longest * 0.01, y, str(total), va="center", fontsize=FONT_SIZE - 1, color="#333333")
    axes.set_xlim(0, max(longest * 1.08, 1))
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.invert_yaxis()
    return left
