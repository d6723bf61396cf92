"""status_by_topic.png: what happened to the pledges of each topic, summed over all pairs.

One horizontal bar per topic, largest first, stacked by status: unchanged, changed, new and
dropped change records whose (first) pledge is in the topic.  The bars add up to
``comparison.counts()``: every change record of every compared pair is in exactly one bar.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from policydiff.model import STATUSES, Comparison
from policydiff.report.charts.style import (
    empty_note,
    new_figure,
    stacked_bars,
    status_names,
    styled,
    topic_names,
    topic_order,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Topics given a bar of their own; the rest share one "other topics" bar.  Fifteen bars
#: still fit a 1000-pixel-wide chart about 700 pixels high with labels at 10 points, and in
#: the demo corpus and the UK manifestos the fifteen largest topics hold most records.
MAX_TOPICS = 15
#: Height of the chart in inches per bar: a bar of about 30 pixels, a gap of about 12.
BAR_INCHES = 0.42
#: Height in inches of everything but the bars: title, x axis and legend.
FRAME_INCHES = 1.9
#: Label of the bar for change records whose pledge has no topic.
NO_TOPIC = "no topic"


def topic_counts(comparison: Comparison) -> list[tuple[str, dict[str, int]]]:
    """Bars of the chart: (label, change records per status), top bar first.

    Topics are ordered by their number of records (most first; ties by topic id).  After
    :data:`MAX_TOPICS` bars the remaining topics are summed into "other topics (n)"; records
    without a topic form a last bar of their own.
    """
    per_topic: dict[str | None, Counter] = {}
    for change in comparison.changes:
        per_topic.setdefault(change.topic, Counter())[change.status] += 1
    names = topic_names(comparison)
    topics = [t for t in per_topic if t is not None]
    ranked = sorted(topics, key=lambda t: (-sum(per_topic[t].values()), topic_order(t)))
    bars = [(names.get(t, t), _per_status(per_topic[t])) for t in ranked[:MAX_TOPICS]]
    rest = ranked[MAX_TOPICS:]
    if rest:
        summed = sum((per_topic[t] for t in rest), Counter())
        bars.append((f"other topics ({len(rest)})", _per_status(summed)))
    if None in per_topic:
        bars.append((NO_TOPIC, _per_status(per_topic[None])))
    return bars


def draw(comparison: Comparison) -> Figure:
    """The chart as a Figure (see the module docstring)."""
    bars = topic_counts(comparison)
    names = status_names(comparison)
    with styled():
        figure = new_figure(FRAME_INCHES + BAR_INCHES * max(len(bars), 2))
        axes = figure.add_subplot()
        stacked_bars(axes, [counts for _, counts in bars], names)
        axes.set_yticks(range(len(bars)), [label for label, _ in bars])
        axes.set_xlabel("change records, summed over all compared pairs")
        axes.set_ylabel("topic")
        axes.set_title(_title(comparison), loc="left")
        figure.legend(loc="outside lower center", ncols=4, frameon=False, handleheight=1.4, handlelength=2.2)
        if not bars:
            empty_note(axes, "no change records to count")
    return figure


def _title(comparison: Comparison) -> str:
    pairs = len(comparison.pairs)
    what = "of parties" if comparison.options.get("mode") == "parties" else "of documents"
    return f"Pledges by topic and status ({pairs} {'pair' if pairs == 1 else 'pairs'} {what})"


def _per_status(counts: Counter) -> dict[str, int]:
    return {status: counts[status] for status in STATUSES}
