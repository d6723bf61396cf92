"""The calibration curve: F1 per status and macro-F1 against the link threshold, one panel per preset."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from calibrate import Point
from records import STATUSES

#: Colour, line style and marker of each curve: Okabe–Ito colours, which stay apart for the
#: common kinds of colour blindness, and line styles and markers that tell them apart in grey.
STYLES = {
    "unchanged": ("#009E73", ":", "s"),
    "changed": ("#0072B2", "-", "o"),
    "new": ("#E69F00", "--", "^"),
    "dropped": ("#D55E00", "-.", "v"),
    "macro_f1": ("#000000", "-", None),
}


def plot_calibration(
    sweeps: dict[str, Sequence[Point]],
    chosen: dict[str, float],
    current: float,
    title: str,
    path: Path,
    synthetic: dict[str, float] | None = None,
) -> None:
    """Write the curves of each preset's sweep side by side, marking the chosen and current thresholds.

    Parameters
    ----------
    sweeps : dict of str to sequence of Point
        Preset name → its sweep, in the order the panels are drawn.
    chosen : dict of str to float
        Preset name → the threshold the calibration rule chose.
    current : float
        ``align.MIN_LINK_SCORE`` as it is now.
    synthetic : dict of str to float, optional
        Preset name → what the calibration pairs alone would choose, marked when it differs.
    title, path
        The figure's title, and the PNG to write.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, len(sweeps), figsize=(5.5 * len(sweeps), 4.5), dpi=110, sharey=True, squeeze=False)
    for axis, (preset, points) in zip(axes[0], sweeps.items(), strict=True):
        _panel(axis, preset, points, chosen[preset], current, (synthetic or {}).get(preset))
    axes[0][0].set_ylabel("F1 on the calibration pairs")
    figure.suptitle(title)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def _panel(axis, preset: str, points: Sequence[Point], chosen: float, current: float, synthetic: float | None) -> None:
    """One preset's curves, with vertical lines at the chosen and the current threshold (and at
    the synthetic pairs' own choice when real text ruled it out)."""
    thresholds = [p.threshold for p in points]
    for status in STATUSES:
        colour, style, marker = STYLES[status]
        values = [p.summary[status]["f1"] for p in points]
        axis.plot(thresholds, values, linestyle=style, marker=marker, markersize=4, color=colour, label=f"{status} F1")
    colour, style, _ = STYLES["macro_f1"]
    axis.plot(thresholds, [p.summary["macro_f1"] for p in points], linestyle=style, linewidth=2.5, color=colour,
              label="macro-F1")
    axis.axvline(current, color="#777777", linestyle=":", linewidth=1.5, label=f"current constant {current:g}")
    axis.axvline(chosen, color="#000000", linestyle="--", linewidth=1.2, label=f"chosen {chosen:g}")
    if synthetic is not None and synthetic != chosen:
        axis.axvline(synthetic, color="#CC79A7", linestyle="-.", linewidth=1.2,
                     label=f"synthetic pairs alone {synthetic:g}")
    axis.set(title=f"similarity {preset}", xlabel="link threshold (align.MIN_LINK_SCORE)")
    axis.grid(alpha=0.3)
    axis.legend(fontsize=7, loc="lower left")
