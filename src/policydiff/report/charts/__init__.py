"""The report's PNG charts, one module per figure, drawn with matplotlib's Agg canvas.

Each module has ``draw(comparison) -> Figure``, which builds the figure without writing it
(so a notebook can show or restyle it), and :func:`write_charts` saves them all.  The same
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


def draw_chart(comparison: Comparison, name: str):
    """The Figure of one chart by name (a key of :data:`CHARTS`); raises KeyError otherwise."""
    return import_module(CHARTS[name]).draw(comparison)


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
        Chart name (``"status_by_topic"``, ``"salience"``, ``"flow"``, ``"scores"``) → name of
        the file written into ``out_dir``.
    """
    from policydiff.report.charts.style import save

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in CHARTS:
        file_name = f"{name}.png"
        save(draw_chart(comparison, name), out / file_name)
        written[name] = file_name
    return written
