"""The report's PNG charts: what each one draws, that it is readable, and that it is reproducible."""

from __future__ import annotations

import colorsys
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import policydiff
from conftest import demo_paths
from policydiff.model import STATUSES, Change, Comparison, Document, Pledge
from policydiff.read import document_from_text
from policydiff.report.charts import CHARTS, draw_chart, flow, salience, scores, status_by_topic, style, write_charts
from policydiff.report.charts.style import OKABE_ITO, STATUS_COLOURS, STATUS_HATCHES

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def party_comparison() -> Comparison:
    """The three demo manifestos treated as three parties at one election."""
    return policydiff.compare(demo_paths(), mode="parties", labels=["Harbour", "Tide", "Anchor"],
                              parties=["Harbour", "Tide", "Anchor"], years=[2024, 2024, 2024])


@pytest.fixture(scope="module")
def disjoint_comparison() -> Comparison:
    """One pair of documents with nothing in common: every record is new or dropped."""
    earlier = document_from_text("# Plan\n\nWe will build a new bridge over the river Esk.\n\n"
                                 "We will open a museum of fishing in Port Ellis.\n", label="Before", markdown=True)
    later = document_from_text("# Plan\n\nWe will abolish tuition fees for nursing students.\n\n"
                               "We will cap rents for private tenants at inflation.\n", label="After", markdown=True)
    return policydiff.compare([earlier, later], years=[2020, 2024])


@pytest.fixture(scope="module")
def topicless_comparison(demo_comparison) -> Comparison:
    """The demo comparison with no topics and no recorded threshold (as an older file might be)."""
    return replace(
        demo_comparison,
        topics=(),
        pledges=tuple(replace(p, topic=None) for p in demo_comparison.pledges),
        changes=tuple(replace(c, topic=None) for c in demo_comparison.changes),
        topic_shifts=(),
        options={k: v for k, v in demo_comparison.options.items() if k != "min_link_score"},
    )


def synthetic_chain(documents: int) -> Comparison:
    """A chain of documents with six pledges each: per pair 3 unchanged, 1 changed, 2 dropped, 2 new."""
    docs = tuple(Document(id=f"d{i}", label=f"Plan {2000 + i}", text="", year=2000 + i) for i in range(documents))
    pledges = tuple(Pledge(id=f"d{i}:p{j}", doc=f"d{i}", start=0, end=0, text="", clean="", section=None,
                           confidence=1.0, sentence=j, topic=f"t{j % 3}") for i in range(documents) for j in range(6))
    changes = []
    for i in range(documents - 1):
        source, target = f"d{i}", f"d{i + 1}"
        for j, status in enumerate(("unchanged", "unchanged", "unchanged", "changed")):
            changes.append(Change(source, target, status, (f"{source}:p{j}",), (f"{target}:p{j}",),
                                  1.0 if status == "unchanged" else 0.7, topic=f"t{j % 3}"))
        changes += [Change(source, target, "dropped", (f"{source}:p{j}",), (), 0.0, topic=f"t{j % 3}") for j in (4, 5)]
        changes += [Change(source, target, "new", (), (f"{target}:p{j}",), 0.0, topic=f"t{j % 3}") for j in (4, 5)]
    return Comparison(documents=docs, pledges=pledges, changes=tuple(changes), options={"mode": "chain"})


def _axes(figure):
    """The chart's plotting axes (a colour bar, when present, comes after it)."""
    return figure.axes[0]


def _has_key(figure) -> bool:
    """A legend on the axes or the figure, or a labelled colour bar."""
    axes = _axes(figure)
    colour_bars = [a for a in figure.axes[1:] if a.get_ylabel() or a.get_xlabel()]
    return bool(axes.get_legend() or figure.legends or colour_bars)


def _texts(figure) -> list[str]:
    return [t.get_text() for t in _axes(figure).texts]


def _bars_by_label(axes) -> dict[str, list]:
    """The bar rectangles of each legend entry (status), from matplotlib's bar containers."""
    return {container.get_label(): list(container) for container in axes.containers}


# --- files -------------------------------------------------------------------------------------


def test_write_charts_writes_four_readable_pngs(tmp_path, demo_comparison):
    from PIL import Image

    written = write_charts(demo_comparison, tmp_path)
    assert written == {"status_by_topic": "status_by_topic.png", "salience": "salience.png",
                       "flow": "flow.png", "scores": "scores.png"}
    for name in written.values():
        data = (tmp_path / name).read_bytes()
        assert data.startswith(PNG_SIGNATURE)
        with Image.open(tmp_path / name) as image:
            width, height = image.size
            image.verify()
        # Wide enough to read at 100 % zoom, narrow enough for a report page.
        assert 900 <= width <= 1200 and 300 <= height <= 1300, (name, image.size)


def test_charts_are_byte_identical_across_runs_and_ignore_the_users_matplotlib_settings(tmp_path, demo_comparison):
    import matplotlib

    first = write_charts(demo_comparison, tmp_path / "first")
    with matplotlib.rc_context({"font.size": 22, "axes.facecolor": "black", "hatch.linewidth": 4}):
        write_charts(demo_comparison, tmp_path / "second")
    for name in first.values():
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes(), name
    assert matplotlib.rcParams["font.size"] != 22  # the user's settings are back after drawing


def test_charts_from_a_saved_comparison_json_are_the_same_bytes(tmp_path, demo_comparison):
    from policydiff.serialize import dumps, loads

    live = write_charts(demo_comparison, tmp_path / "live")
    write_charts(loads(dumps(demo_comparison)), tmp_path / "saved")
    for name in live.values():
        assert (tmp_path / "live" / name).read_bytes() == (tmp_path / "saved" / name).read_bytes(), name


def test_pngs_carry_no_software_version_or_date(tmp_path, demo_comparison):
    from PIL import Image

    write_charts(demo_comparison, tmp_path)
    with Image.open(tmp_path / "scores.png") as image:
        assert not {"Software", "Creation Time", "date:create"} & set(image.info)


def test_importing_charts_loads_no_matplotlib_and_drawing_leaves_pyplot_alone():
    probe = (
        "import sys\n"
        "import policydiff.report.charts as charts\n"
        "print('matplotlib' in sys.modules)\n"
        "from test_charts import synthetic_chain\n"
        "charts.draw_chart(synthetic_chain(3), 'flow')\n"
        "print('matplotlib.pyplot' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).parent)
    assert result.stdout.split() == ["False", "False"]


# --- every chart, every kind of comparison -----------------------------------------------------


@pytest.mark.parametrize("name", list(CHARTS))
@pytest.mark.parametrize("which", ["demo_comparison", "party_comparison", "disjoint_comparison",
                                   "topicless_comparison"])
def test_every_chart_has_a_title_labelled_axes_and_a_key(request, which, name):
    figure = draw_chart(request.getfixturevalue(which), name)
    axes = _axes(figure)
    assert axes.get_title(loc="left") or axes.get_title()
    assert axes.get_xlabel() and axes.get_ylabel()
    assert _has_key(figure)


def test_palette_is_colour_blind_safe_and_statuses_differ_in_greyscale():
    colours = {status: STATUS_COLOURS[status] for status in STATUSES}
    assert set(colours.values()) <= set(OKABE_ITO.values())
    assert len(set(colours.values())) == len(STATUSES)

    def hue_family(hex_colour: str) -> str:
        r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        hue, _, saturation = colorsys.rgb_to_hls(r, g, b)
        degrees = hue * 360
        if saturation < 0.5:
            return "grey"
        if degrees < 20 or degrees > 340:
            return "red"
        if 90 <= degrees <= 150:
            return "green"
        return "other"

    families = {hue_family(c) for c in colours.values()}
    assert "red" not in families and "green" not in families
    # Hatching, not colour alone, tells the statuses apart on a greyscale printout.
    assert len({STATUS_HATCHES[s] for s in STATUSES}) == len(STATUSES)


# --- status_by_topic ---------------------------------------------------------------------------


def test_status_bars_add_up_to_the_comparisons_counts(demo_comparison):
    axes = _axes(status_by_topic.draw(demo_comparison))
    bars = _bars_by_label(axes)
    assert list(bars) == list(STATUSES)
    assert {s: round(sum(r.get_width() for r in bars[s])) for s in STATUSES} == demo_comparison.counts()
    for status, rectangles in bars.items():
        assert {r.get_facecolor()[:3] for r in rectangles if r.get_width()} <= {
            tuple(int(STATUS_COLOURS[status][i : i + 2], 16) / 255 for i in (1, 3, 5))}


def test_largest_topics_come_first_and_the_rest_are_grouped(demo_comparison):
    rows = status_by_topic.topic_counts(demo_comparison)
    topics_with_records = {c.topic for c in demo_comparison.changes}
    assert len(topics_with_records) > status_by_topic.MAX_TOPICS
    assert len(rows) == status_by_topic.MAX_TOPICS + 1
    totals = [sum(counts.values()) for _, counts in rows[:-1]]
    assert totals == sorted(totals, reverse=True)
    assert rows[-1][0] == f"other topics ({len(topics_with_records) - status_by_topic.MAX_TOPICS})"
    labels = [t.get_text() for t in _axes(status_by_topic.draw(demo_comparison)).get_yticklabels()]
    assert labels == [label for label, _ in rows]


def test_records_without_topics_form_one_bar(topicless_comparison):
    rows = status_by_topic.topic_counts(topicless_comparison)
    assert rows == [(status_by_topic.NO_TOPIC, topicless_comparison.counts())]


def test_party_mode_names_statuses_as_the_summary_does(party_comparison):
    figure = status_by_topic.draw(party_comparison)
    legend = figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == ["same words", "reworded", "only in second", "only in first"]
    assert "pairs of parties" in _axes(figure).get_title(loc="left")


# --- salience ----------------------------------------------------------------------------------


def test_salience_lines_are_each_topics_share_of_each_documents_pledges(demo_comparison):
    axes = _axes(salience.draw(demo_comparison))
    assert "(lines)" in axes.get_title(loc="left")
    lines = [line for line in axes.get_lines() if not line.get_label().startswith("_")]
    assert len(lines) == salience.MAX_TOPICS
    sizes = {t.id: t.size for t in demo_comparison.topics}
    largest = sorted(sizes, key=lambda t: (-sizes[t], int(t[1:])))[: salience.MAX_TOPICS]
    labels = {t.id: t.label for t in demo_comparison.topics}
    for line, topic in zip(lines, largest):
        assert labels[topic].startswith(line.get_label().rstrip("…"))
        expected = [100 * sum(p.topic == topic for p in demo_comparison.pledges_of(d.id))
                    / len(demo_comparison.pledges_of(d.id)) for d in demo_comparison.documents]
        assert np.allclose(line.get_ydata(), expected)
    assert [t.get_text() for t in axes.get_xticklabels()] == [d.label for d in demo_comparison.documents]


def test_party_salience_is_a_heat_map_of_the_same_shares(party_comparison):
    figure = salience.draw(party_comparison)
    axes = _axes(figure)
    assert "(heat map)" in axes.get_title(loc="left")
    values = axes.images[0].get_array()
    rows = salience.salience(party_comparison)
    assert np.allclose(values, [[100 * s for s in shares] for _, shares in rows])
    assert f"{values[0, 0]:.0f}%" in _texts(figure)


def test_salience_without_topics_says_so(topicless_comparison):
    figure = salience.draw(topicless_comparison)
    assert "no topics were assigned to the pledges" in _texts(figure)


# --- flow --------------------------------------------------------------------------------------


def test_flow_bands_account_for_every_pledge_of_both_documents(demo_comparison):
    for (source, target), sides in flow.pair_flows(demo_comparison).items():
        assert sum(sides[s][0] for s in flow.DEPARTURES) == len(demo_comparison.pledges_of(source))
        assert sum(sides[s][1] for s in flow.ARRIVALS) == len(demo_comparison.pledges_of(target))
        assert sides["dropped"][0] == sum(len(c.a) for c in demo_comparison.changes_between(source, target)
                                          if c.status == "dropped")


def test_flow_columns_are_as_tall_as_each_documents_pledges(demo_comparison):
    axes = _axes(flow.draw(demo_comparison))
    heights: dict[int, float] = {}
    for rectangle in axes.patches:
        if type(rectangle).__name__ == "Rectangle":
            column = round(rectangle.get_x() + rectangle.get_width() / 2)
            heights[column] = heights.get(column, 0) + rectangle.get_height()
    sizes = [len(demo_comparison.pledges_of(d.id)) for d in demo_comparison.documents]
    # The first and last columns are drawn once; a middle column twice (arrivals and departures).
    assert heights == {0: sizes[0], 1: 2 * sizes[1], 2: sizes[2]}


def test_flow_prints_the_number_on_every_band(demo_comparison):
    texts = _texts(flow.draw(demo_comparison))
    for sides in flow.pair_flows(demo_comparison).values():
        for status in ("unchanged", "changed"):
            a, b = sides[status]
            assert (str(a) if a == b else f"{a} → {b}") in texts
        assert f"{sides['dropped'][0]} dropped" in texts and f"{sides['new'][1]} new" in texts


def test_flow_of_ten_documents_draws_ten_columns_and_nine_sets_of_bands():
    comparison = synthetic_chain(10)
    axes = _axes(flow.draw(comparison))
    assert [t.get_text() for t in axes.get_xticklabels()] == [d.label for d in comparison.documents]
    bands = [p for p in axes.patches if type(p).__name__ == "Polygon"]
    assert len(bands) == 9 * 4  # unchanged, changed, dropped and new between each pair
    assert _texts(axes.figure).count("3") == 9 and _texts(axes.figure).count("2") == 18


def test_flow_of_many_documents_falls_back_to_one_stacked_bar_per_pair():
    comparison = synthetic_chain(flow.MAX_COLUMNS + 2)
    axes = _axes(flow.draw(comparison))
    assert "stacked bars" in axes.get_title(loc="left")
    bars = _bars_by_label(axes)
    for status in STATUSES:
        assert [r.get_width() for r in bars[status]] == [comparison.counts(s, t)[status] for s, t in comparison.pairs]
    assert axes.get_yticklabels()[0].get_text() == "Plan 2000 → Plan 2001"


def test_flow_of_a_long_chain_stacks_areas_in_a_chart_of_screen_height():
    comparison = synthetic_chain(flow.MAX_BAR_PAIRS + 20)
    figure = flow.draw(comparison)
    axes = _axes(figure)
    assert "stacked areas" in axes.get_title(loc="left")
    assert figure.get_size_inches()[1] <= 6
    # Per pair 3 unchanged + 1 changed + 2 dropped + 2 new records: the top edge is 8 everywhere.
    assert axes.get_ylim()[1] == pytest.approx(8 * 1.05)
    labels = [t.get_text() for t in axes.get_xticklabels()]
    assert labels[0] == "Plan 2001" and len(labels) <= style.MAX_TICK_LABELS


def test_salience_of_a_long_chain_is_smoothed_and_labels_every_nth_document():
    comparison = synthetic_chain(salience.MAX_MARKED_DOCUMENTS + 30)
    axes = _axes(salience.draw(comparison))
    assert "moving average" in axes.get_title(loc="left")
    labels = [t.get_text() for t in axes.get_xticklabels()]
    assert labels[0] == "Plan 2000" and 1 < len(labels) <= style.MAX_TICK_LABELS
    # Every document holds two pledges of each topic, so the smoothed share stays at a third.
    for line in axes.get_lines():
        if not line.get_label().startswith("_"):
            assert np.allclose(line.get_ydata(), 100 / 3)


def test_moving_average_shrinks_its_window_at_both_ends():
    assert salience.moving_average([0.0, 3.0, 6.0, 9.0], 3) == [1.5, 3.0, 6.0, 7.5]


def test_party_flow_is_the_overlap_heat_map(party_comparison):
    figure = flow.draw(party_comparison)
    axes = _axes(figure)
    assert axes.get_title(loc="left") == "Shared pledges between parties (heat map)"
    values = axes.images[0].get_array()
    documents = [d.id for d in party_comparison.documents]
    for (first, second), share in party_comparison.overlap().items():
        assert values[documents.index(first), documents.index(second)] == pytest.approx(100 * share)
    assert np.isnan(np.diag(values.filled(np.nan))).all()


def test_flow_of_one_pair_draws_two_columns(disjoint_comparison):
    axes = _axes(flow.draw(disjoint_comparison))
    assert [t.get_text() for t in axes.get_xticklabels()] == ["Before", "After"]
    assert {"2 dropped", "2 new"} <= set(_texts(axes.figure))


# --- scores ------------------------------------------------------------------------------------


def test_score_histogram_counts_every_aligned_record_and_marks_the_threshold(demo_comparison):
    axes = _axes(scores.draw(demo_comparison))
    bars = _bars_by_label(axes)
    for status in ("unchanged", "changed"):
        label = next(label for label in bars if label.startswith(status))
        aligned = [c for c in demo_comparison.changes if c.status == status]
        assert label == f"{status} ({len(aligned)})"
        assert sum(r.get_height() for r in bars[label]) == len(aligned)
    threshold = demo_comparison.options["min_link_score"]
    marks = [line for line in axes.get_lines() if line.get_label().startswith("alignment threshold")]
    assert len(marks) == 1 and marks[0].get_xdata()[0] == threshold


def test_without_a_recorded_threshold_the_lowest_accepted_score_is_marked(topicless_comparison):
    lowest = min(c.score for c in topicless_comparison.changes if c.a and c.b)
    assert scores.threshold(topicless_comparison) == (lowest, f"lowest accepted score ({lowest:.2f})")
    axes = _axes(scores.draw(topicless_comparison))
    assert any(line.get_label().startswith("lowest accepted score") for line in axes.get_lines())


def test_no_aligned_pledges_still_gives_axes_a_legend_and_a_note(disjoint_comparison):
    assert disjoint_comparison.counts()["changed"] == disjoint_comparison.counts()["unchanged"] == 0
    figure = scores.draw(disjoint_comparison)
    axes = _axes(figure)
    assert "no aligned pledges: every record is new or dropped" in _texts(figure)
    assert axes.get_legend() is not None and axes.get_xlim() == (0.0, 1.0)
