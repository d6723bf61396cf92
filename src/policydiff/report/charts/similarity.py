"""similarity.png: how alike every pair of documents is, as a heat map.

Drawn only for a comparison that holds a document-similarity matrix (``--all-pairs``).
Rows and columns are the documents in comparison order, so in a chain the cells next to
the diagonal are consecutive documents and the far corners the first against the last.
A cell's value is the share of the two documents' pledges aligned with a pledge of the
other (:attr:`policydiff.model.PairSimilarity.similarity`), printed in the cell for up to
:data:`MAX_ANNOTATED` documents.  The diagonal (a document against itself, 1 by
definition) is left grey so that the colour scale can run from 0 to the most similar pair
and small differences between pairs stay visible; the colour bar gives that scale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policydiff.model import Comparison
from policydiff.report.charts.style import (
    DARK_CELL,
    FONT_SIZE,
    HEAT_MAP,
    WIDE,
    document_ticks,
    empty_note,
    new_figure,
    shorten,
    styled,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Most documents whose cells carry their printed value: fifteen documents on the largest
#: square (760 pixels) make cells some 50 pixels wide, room for "0.754" at 9 points (about
#: 30 pixels); beyond that the colour bar alone gives the scale.
MAX_ANNOTATED = 15
#: Cells are square: an edge of this many inches per document, kept between the two bounds
#: below (a two-document chart still has room for its title; forty-five documents still
#: fit a screen, their cells shrinking to about 17 pixels).
CELL_INCHES = 0.55
MIN_SIDE_INCHES = 3.0
MAX_SIDE_INCHES = 7.6
#: Room around the square: title and rotated document labels below it (height), document
#: labels and the colour bar beside it (width).
FRAME_HEIGHT_INCHES = 2.4
FRAME_WIDTH_INCHES = 4.6
#: Colour of the diagonal cells, outside the colour scale.
DIAGONAL_COLOUR = "#DDDDDD"
#: Characters of a document label kept on an axis.
LABEL_CHARS = 28


def applies(comparison: Comparison) -> bool:
    """Whether the chart has anything to show: the comparison holds a similarity matrix."""
    return comparison.similarity is not None


def values(comparison: Comparison):
    """The matrix as a NumPy array, rows and columns in document order, with NaN on the diagonal."""
    import numpy as np

    matrix = np.array(comparison.similarity.matrix(), dtype=float)
    np.fill_diagonal(matrix, np.nan)
    return matrix


def draw(comparison: Comparison) -> Figure:
    """The chart as a Figure (see the module docstring); a note when there is no matrix."""
    with styled():
        return _heat_map(comparison) if applies(comparison) else _no_matrix()


def _no_matrix() -> Figure:
    """A titled, empty chart saying why there is no heat map."""
    figure = new_figure(3.0, width=WIDE)
    axes = figure.add_subplot()
    axes.set_xlabel("document")
    axes.set_ylabel("document")
    axes.set_title("Document similarity (heat map)", loc="left")
    empty_note(axes, "no document-similarity matrix: compare with --all-pairs")
    return figure


def _heat_map(comparison: Comparison) -> Figure:
    import numpy as np
    from matplotlib.colors import ListedColormap

    cells = values(comparison)
    size = len(cells)
    off_diagonal = cells[np.isfinite(cells)]
    top = max(float(off_diagonal.max()) if off_diagonal.size else 0.0, 0.01)
    side = min(max(CELL_INCHES * size, MIN_SIDE_INCHES), MAX_SIDE_INCHES)
    figure = new_figure(side + FRAME_HEIGHT_INCHES, width=min(side + FRAME_WIDTH_INCHES, WIDE))
    axes = figure.add_subplot()
    axes.imshow(np.where(np.eye(size, dtype=bool), 0.0, np.nan), cmap=ListedColormap([DIAGONAL_COLOUR]))
    image = axes.imshow(cells, cmap=HEAT_MAP, vmin=0.0, vmax=top)
    if size <= MAX_ANNOTATED:
        _annotate(axes, cells, top)
    axes.spines[["top", "right", "left", "bottom"]].set_visible(False)
    bar = figure.colorbar(image, ax=axes, shrink=0.9)
    bar.set_label("similarity (share of pledges aligned)")
    _ticks(axes, [shorten(comparison.document(doc).label, LABEL_CHARS) for doc in comparison.similarity.documents])
    axes.set_xlabel("document")
    axes.set_ylabel("document")
    axes.set_title(f"Document similarity of {size} documents (heat map)", loc="left")
    return figure


def _annotate(axes, cells, top: float) -> None:
    """Each off-diagonal value in its cell, in white on dark cells and black on light ones."""
    import numpy as np

    for (row, column), value in np.ndenumerate(cells):
        if np.isnan(value):
            axes.text(column, row, "1", ha="center", va="center", color="#555555", fontsize=FONT_SIZE - 1)
            continue
        colour = "white" if value < DARK_CELL * top else "black"
        axes.text(column, row, f"{value:.3f}", ha="center", va="center", color=colour, fontsize=FONT_SIZE - 1)


def _ticks(axes, labels: list[str]) -> None:
    """Document labels on both axes, thinned and turned as on every chart's document axis."""
    document_ticks(axes, labels)
    axes.set_yticks(axes.get_xticks(), [label.get_text() for label in axes.get_xticklabels()])
    if len(axes.get_xticks(minor=True)):
        axes.set_yticks(range(len(labels)), minor=True)
