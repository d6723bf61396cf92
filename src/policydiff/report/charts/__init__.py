"""The report's PNG charts, one module per figure, drawn with matplotlib's Agg canvas.

Each module has ``draw(comparison) -> Figure``, which builds the figure without writing it
(so a notebook can show or restyle it), and :func:`write_charts` saves them all: the
charts of :data:`CHARTS` always, and those of :data:`OPTIONAL_CHARTS` when the comparison
holds what they show.  The same
comparison always gives byte-identical PNGs.  matplotlib is imported only when a chart is
drawn, never by ``import policydiff``.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from policydiff.model import Comparison

#: Chart name → module that draws it; the PNG is "<name>.png".
CHARTS = {
    "status_by_topic": "policydiff.report.charts.status_by_topic",
    "salience": "policydiff.report.charts.salience",
    "flow": "policydiff.report.charts.flow",
    "scores": "policydiff.report.charts.scores",
}
#: Charts drawn only for comparisons that hold their data: name → module, whose
#: ``applies(comparison)`` says whether to draw it.  similarity.png needs the
#: document-similarity matrix of an all-pairs comparison.
OPTIONAL_CHARTS = {
    "similarity": "policydiff.report.charts.similarity",
}


def draw_chart(comparison: Comparison, name: str):
    """The Figure of one chart by name (a key of :data:`CHARTS` or :data:`OPTIONAL_CHARTS`);
    raises KeyError otherwise."""
    return import_module({**CHARTS, **OPTIONAL_CHARTS}[name]).draw(comparison)


def chart_names(comparison: Comparison) -> list[str]:
    """Names of the charts drawn for a comparison: every one of :data:`CHARTS`, then the
    optional charts that apply to it."""
    return list(CHARTS) + [name for name, module in OPTIONAL_CHARTS.items()
                           if import_module(module).applies(comparison)]


def write_charts(comparison: Comparison, out_dir: Path) -> dict[str, str]:
    """Draw every chart and write it into ``out_dir`` as a PNG.

    Parameters
    ----------
    comparison : Comparison
    out_dir : pathlib.Path
        Folder to write into; created if missing.  Existing files of the same names are
        replaced.

    Returns
    -------
    dict of str to str
        Chart name (``"status_by_topic"``, ``"salience"``, ``"flow"``, ``"scores"``, and
        ``"similarity"`` for an all-pairs comparison) → name of the file written into ``out_dir``.
    """
    from policydiff.report.charts.style import save

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in chart_names(comparison):
        file_name = f"{name}.png"
        save(draw_chart(comparison, name), out / file_name)
        written[name] = file_name
    return written
