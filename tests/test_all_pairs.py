"""All-pairs mode: every pair of documents aligned, a document-similarity matrix and its heat map.

A pair's similarity is the share of the two documents' pledges aligned with a pledge of the
other, (shared_a + shared_b) / (|A| + |B|).  The chain's own results (consecutive changes,
lineages, revivals) must not move when the matrix is asked for.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import policydiff
from conftest import demo_paths
from policydiff.cli import cli
from policydiff.document_similarity import every_pair, similarity_matrix
from policydiff.errors import OptionError
from policydiff.model import Comparison, Document, DocumentSimilarity, PairSimilarity
from policydiff.options import CompareOptions
from policydiff.pipeline import Comparer
from policydiff.read import document_from_text
from policydiff.read.corpus import open_study
from policydiff.report import write_reports
from policydiff.report.charts import CHARTS, chart_names, draw_chart, similarity, write_charts
from policydiff.serialize import dumps, loads, to_dict
from test_executors import dask_scheduler  # noqa: F401  (the two-worker cluster fixture)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _party(label: str, *pledges: str) -> Document:
    return document_from_text("# Our plan\n\n" + "\n\n".join(pledges) + "\n", label=label, party=label, markdown=True)


#: Four parties at one election.  Red and Blue share three of their four pledges (two word
#: for word, one with a word added), Red and Gold one (the minimum wage), and Green none.
RED = _party("Red", "We will scrap tuition fees for every university student.",
             "We will build 100,000 council homes every year.",
             "We will nationalise the railways and the water companies.",
             "We will raise the minimum wage to £15 an hour.")
GOLD = _party("Gold", "We will raise the minimum wage to £15 an hour.",
              "We will hold a referendum on proportional representation.",
              "We will plant two billion trees by 2040.",
              "We will legalise and regulate cannabis.")
GREEN = _party("Green", "We will ban fracking across the country.",
               "We will double funding for mental health research.",
               "We will restore the coastal wetlands of the east.",
               "We will protect every ancient woodland from development.")
BLUE = _party("Blue", "We will scrap tuition fees for every university student.",
              "We will build 100,000 new council homes every year.",
              "We will nationalise the railways and the water companies.",
              "We will cut corporation tax to 15 per cent.")


@pytest.fixture(scope="module")
def demo_all_pairs() -> Comparison:
    """The demo chain (2016, 2020, 2024) with every pair aligned."""
    return policydiff.compare(demo_paths(), all_pairs=True)


@pytest.fixture(scope="module", params=["chain", "parties"])
def four_parties(request) -> Comparison:
    """Red, Gold, Green, Blue in that order, so Red and Blue are not neighbours in a chain."""
    return policydiff.compare([RED, GOLD, GREEN, BLUE], years=[2024] * 4, order="given", all_pairs=True,
                              mode=request.param)


@pytest.fixture(scope="module")
def written(demo_all_pairs, tmp_path_factory) -> Path:
    """The demo's all-pairs result written with every report."""
    return write_reports(demo_all_pairs, tmp_path_factory.mktemp("all-pairs") / "out")


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- the matrix --------------------------------------------------------------------------


def test_the_matrix_is_symmetric_with_ones_on_the_diagonal_and_values_in_0_1(demo_all_pairs):
    matrix = np.array(demo_all_pairs.similarity.matrix())
    assert matrix.shape == (3, 3)
    assert np.array_equal(matrix, matrix.T)
    assert np.all(np.diag(matrix) == 1.0)
    assert np.all((matrix >= 0.0) & (matrix <= 1.0))


def test_rows_and_columns_are_the_documents_and_every_pair_is_listed_once_in_order(demo_all_pairs):
    similarity = demo_all_pairs.similarity
    assert similarity.documents == ("d0", "d1", "d2")
    assert [(p.source, p.target) for p in similarity.pairs] == [("d0", "d1"), ("d0", "d2"), ("d1", "d2")]


def test_each_pairs_counts_account_for_every_pledge_of_both_documents(demo_all_pairs):
    for pair in demo_all_pairs.similarity.pairs:
        assert pair.shared_a + pair.only_a == len(demo_all_pairs.pledges_of(pair.source))
        assert pair.shared_b + pair.only_b == len(demo_all_pairs.pledges_of(pair.target))


def test_a_value_is_the_share_of_both_documents_pledges_aligned(demo_all_pairs):
    similarity = demo_all_pairs.similarity
    for pair in similarity.pairs:
        sizes = len(demo_all_pairs.pledges_of(pair.source)) + len(demo_all_pairs.pledges_of(pair.target))
        expected = (pair.shared_a + pair.shared_b) / sizes
        assert pair.similarity == pytest.approx(expected)
        assert similarity.between(pair.source, pair.target) == similarity.between(pair.target, pair.source) == (
            pytest.approx(expected))


def test_neighbouring_demo_manifestos_are_more_alike_than_2016_and_2024(demo_all_pairs):
    matrix = demo_all_pairs.similarity.matrix()
    assert matrix[0][2] < matrix[0][1] and matrix[0][2] < matrix[1][2]
    # The far pair still shares pledges: the demo keeps a core of commitments throughout.
    assert matrix[0][2] > 0.3


def test_consecutive_pairs_are_counted_from_their_change_records(demo_all_pairs):
    for source, target in demo_all_pairs.pairs:
        pair = next(p for p in demo_all_pairs.similarity.pairs if (p.source, p.target) == (source, target))
        counts = demo_all_pairs.counts(source, target)
        assert (pair.unchanged, pair.changed) == (counts["unchanged"], counts["changed"])
        records = demo_all_pairs.changes_between(source, target)
        assert pair.only_a == sum(len(c.a) for c in records if c.status == "dropped")
        assert pair.only_b == sum(len(c.b) for c in records if c.status == "new")


# --- what all-pairs leaves alone ---------------------------------------------------------


def test_chain_results_are_exactly_those_of_a_run_without_all_pairs(demo_all_pairs, demo_comparison):
    with_matrix, without = to_dict(demo_all_pairs), to_dict(demo_comparison)
    for key in ("documents", "pledges", "topics", "changes", "lineages", "revivals", "topic_shifts"):
        assert json.dumps(with_matrix[key], sort_keys=True) == json.dumps(without[key], sort_keys=True), key
    assert demo_all_pairs.pairs == (("d0", "d1"), ("d1", "d2"))
    assert {k: v for k, v in with_matrix["options"].items() if k != "all_pairs"} == {
        k: v for k, v in without["options"].items() if k != "all_pairs"}
    assert (with_matrix["options"]["all_pairs"], without["options"]["all_pairs"]) == (True, False)


def test_without_all_pairs_there_is_no_matrix_in_either_mode(demo_comparison):
    assert demo_comparison.similarity is None and "similarity" not in json.loads(dumps(demo_comparison))
    parties = policydiff.compare([RED, BLUE], years=[2024, 2024], mode="parties")
    assert parties.similarity is None and "similarity" not in json.loads(dumps(parties))


def test_the_matrix_is_the_same_in_chain_and_party_mode(demo_all_pairs):
    parties = policydiff.compare(demo_paths(), all_pairs=True, mode="parties")
    assert parties.similarity == demo_all_pairs.similarity


# --- a small case whose answer is known --------------------------------------------------


def test_the_two_parties_sharing_three_pledges_are_the_most_similar(four_parties):
    most = four_parties.similarity.ranked()[0]
    assert (four_parties.document(most.source).label, four_parties.document(most.target).label) == ("Red", "Blue")
    assert (most.shared_a, most.shared_b, most.only_a, most.only_b) == (3, 3, 1, 1)
    assert most.similarity == pytest.approx(0.75)


def test_known_shares_of_the_four_parties(four_parties):
    labels = [d.label for d in four_parties.documents]
    assert labels == ["Red", "Gold", "Green", "Blue"]
    assert four_parties.similarity.matrix() == [
        [1.0, 0.25, 0.0, 0.75],
        [0.25, 1.0, 0.0, 0.0],
        [0.0, 0.0, 1.0, 0.0],
        [0.75, 0.0, 0.0, 1.0],
    ]


def test_extremes_name_each_pair_at_most_once(four_parties):
    most, least = four_parties.similarity.extremes(3)
    assert [(p.source, p.target) for p in most] == [("d0", "d3"), ("d0", "d1"), ("d0", "d2")]
    assert not set(most) & set(least) and len(least) == 3
    assert all(p.similarity == 0.0 for p in least)
    one = DocumentSimilarity(("d0", "d1"), (PairSimilarity("d0", "d1", 1, 0, 1, 1, 0, 0),))
    assert one.extremes(3) == (one.pairs, ())


def test_a_matrix_needs_exactly_one_count_per_pair():
    pair = PairSimilarity("d0", "d1", 0, 0, 0, 0, 1, 1)
    assert every_pair(["d0", "d1", "d2"]) == [("d0", "d1"), ("d0", "d2"), ("d1", "d2")]
    with pytest.raises(ValueError, match="expected the 3 pairs of 3 documents"):
        similarity_matrix(["d0", "d1", "d2"], [pair])
    with pytest.raises(ValueError, match="given twice"):
        similarity_matrix(["d0", "d1"], [pair, pair])


# --- options and reproducibility ---------------------------------------------------------


def test_all_pairs_is_an_option_recorded_and_fingerprinted_like_the_others():
    assert CompareOptions().all_pairs is False
    assert CompareOptions(all_pairs=True).as_dict()["all_pairs"] is True
    assert CompareOptions(all_pairs=True).fingerprint() != CompareOptions().fingerprint()
    with pytest.raises(OptionError, match="all_pairs must be true or false"):
        CompareOptions(all_pairs="yes")


def test_a_corpus_manifest_may_ask_for_all_pairs(tmp_path):
    documents = "".join(f'[[documents]]\npath = "{path.as_posix()}"\n\n' for path in demo_paths())
    manifest = tmp_path / "study.toml"
    manifest.write_text(f'name = "demo"\n[defaults]\nall_pairs = true\n\n{documents}', encoding="utf-8")
    assert open_study(str(manifest)).options.all_pairs is True


def test_reruns_and_a_saved_copy_give_byte_identical_json(demo_all_pairs):
    text = dumps(demo_all_pairs)
    assert dumps(policydiff.compare(demo_paths(), all_pairs=True)) == text
    assert dumps(loads(text)) == text
    assert loads(text).similarity == demo_all_pairs.similarity


def test_progress_reports_the_pairs_beyond_the_chain():
    calls = []
    Comparer(CompareOptions(all_pairs=True), progress=lambda *call: calls.append(call)).compare(demo_paths())
    assert ("pairs", 2, 2) in calls and ("other_pairs", 1, 1) in calls


def test_the_dask_executor_gives_byte_identical_json(dask_scheduler, demo_all_pairs):  # noqa: F811
    remote = Comparer(CompareOptions(all_pairs=True), executor="dask", scheduler=dask_scheduler).compare(demo_paths())
    assert dumps(remote) == dumps(demo_all_pairs)


# --- the heat map and the report ---------------------------------------------------------


def test_the_heat_map_is_written_only_for_an_all_pairs_comparison(tmp_path, demo_all_pairs, demo_comparison):
    from PIL import Image

    assert chart_names(demo_comparison) == list(CHARTS)
    assert write_charts(demo_all_pairs, tmp_path)["similarity"] == "similarity.png"
    data = (tmp_path / "similarity.png").read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    with Image.open(tmp_path / "similarity.png") as image:
        width, height = image.size
        image.verify()
    assert 600 <= width <= 1200 and 400 <= height <= 1100


def test_the_heat_map_has_a_title_labelled_axes_a_colour_bar_and_its_values_in_the_cells(demo_all_pairs):
    figure = draw_chart(demo_all_pairs, "similarity")
    axes, bar = figure.axes
    assert axes.get_title(loc="left") == "Document similarity of 3 documents (heat map)"
    assert axes.get_xlabel() == axes.get_ylabel() == "document"
    assert "similarity" in bar.get_ylabel()
    assert [t.get_text() for t in axes.get_xticklabels()] == ["Harbour 2016", "Harbour 2020", "Harbour 2024"]
    assert axes.images[-1].get_cmap().name in ("cividis", "viridis")
    matrix = demo_all_pairs.similarity.matrix()
    texts = [t.get_text() for t in axes.texts]
    assert f"{matrix[0][2]:.3f}" in texts and f"{matrix[1][2]:.3f}" in texts


def test_drawn_without_a_matrix_the_heat_map_says_how_to_get_one(demo_comparison):
    axes = draw_chart(demo_comparison, "similarity").axes[0]
    assert [t.get_text() for t in axes.texts] == ["no document-similarity matrix: compare with --all-pairs"]


def test_values_are_left_out_of_the_cells_beyond_fifteen_documents():
    ids = [f"d{i}" for i in range(similarity.MAX_ANNOTATED + 1)]
    documents = tuple(Document(id=d, label=f"Plan {2000 + i}", text="") for i, d in enumerate(ids))
    pairs = [PairSimilarity(a, b, 1, 0, 1, 1, 3, 3) for a, b in every_pair(ids)]
    comparison = Comparison(documents=documents, pledges=(), changes=(), similarity=similarity_matrix(ids, pairs))
    axes = draw_chart(comparison, "similarity").axes[0]
    assert len(axes.texts) == 0 and len(axes.images[-1].get_array()) == len(ids)


def test_the_heat_map_is_byte_identical_when_redrawn_from_the_saved_json(tmp_path, demo_all_pairs):
    write_charts(demo_all_pairs, tmp_path / "live")
    write_charts(loads(dumps(demo_all_pairs)), tmp_path / "saved")
    assert (tmp_path / "live" / "similarity.png").read_bytes() == (tmp_path / "saved" / "similarity.png").read_bytes()


def test_the_report_has_a_document_similarity_section_with_the_heat_map(written):
    page = (written / "report.html").read_text(encoding="utf-8")
    section = page.split('<section id="similarity"', 1)[1].split("</section>", 1)[0]
    assert "<h2 id=\"similarity-title\">Document similarity</h2>" in section
    assert '<figure id="chart-similarity">' in section and "data:image/png;base64," in section
    assert "Least similar: Harbour 2016 and Harbour 2024" in section
    assert '<a href="#similarity">Document similarity</a>' in page
    # The heat map sits in its own section, not a second time among the other charts.
    assert page.count('id="chart-similarity"') == 1


def test_report_regenerates_every_file_byte_for_byte_from_comparison_json(written, tmp_path):
    result = CliRunner().invoke(cli, ["report", str(written / "comparison.json"), "--out", str(tmp_path / "again")])
    assert result.exit_code == 0, result.output
    assert _files(tmp_path / "again") == _files(written)
    assert "similarity.png" in _files(written)


# --- the command line --------------------------------------------------------------------


def test_the_command_writes_the_matrix_and_prints_the_most_and_least_similar_pairs(tmp_path):
    paths = [str(p) for p in demo_paths()]
    result = CliRunner().invoke(cli, ["compare", *paths, "--all-pairs", "--no-cache", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Document similarity"))
    assert "3 pairs" in lines[start]
    assert lines[start + 1].split()[:2] == ["most", "similar"]
    assert lines[start + 3].split()[:2] == ["least", "similar"] and "Harbour 2016 ↔ Harbour 2024" in lines[start + 3]
    saved = json.loads((tmp_path / "out" / "comparison.json").read_text(encoding="utf-8"))
    assert saved["similarity"]["documents"] == ["d0", "d1", "d2"] and saved["options"]["all_pairs"] is True
    assert (tmp_path / "out" / "similarity.png").is_file()


def test_the_command_without_the_flag_writes_no_heat_map_and_prints_no_similarity(tmp_path):
    paths = [str(p) for p in demo_paths()]
    result = CliRunner().invoke(cli, ["compare", *paths, "--no-cache", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Document similarity" not in result.output
    assert not (tmp_path / "out" / "similarity.png").exists()


def test_the_flag_is_documented_in_the_help():
    help_text = " ".join(CliRunner().invoke(cli, ["compare", "--help"]).output.split())
    assert "--all-pairs Also align every pair of documents" in help_text
