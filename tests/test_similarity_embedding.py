"""Sentence-embedding similarity (``--similarity embedding``, extra ``semantic``).

Tests that run the model are skipped, with the reason, where the extra is not installed;
the tests of what happens without it always run.
"""

from __future__ import annotations

import builtins
import importlib.metadata
import importlib.util
import re
import subprocess
import sys

import numpy as np
import pytest
from click.testing import CliRunner

import policydiff
import test_demo_expected as demo_expected
from conftest import demo_paths
from expected import findings
from policydiff.errors import MissingExtra, OptionError
from policydiff.model import Pledge
from policydiff.similarity import embedding, make_scorer
from policydiff.similarity.embedding import EmbeddingScorer, embed_texts

# The real-world agreement fixture, here computed on this module's uk_comparison (below).
from test_real_world_alignment import agreement  # noqa: F401

HINT = "similarity 'embedding' needs: pip install 'policydiff[semantic]'"


def _missing_extra() -> str | None:
    """Why the extra cannot be used here, or None when it can."""
    for module in ("onnxruntime", "tokenizers"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed"
    try:
        embedding.locate_model_files()
    except MissingExtra:
        return "the all-MiniLM-L6-v2 model files are not installed"
    return None


MISSING = _missing_extra()
needs_extra = pytest.mark.skipif(
    MISSING is not None, reason=f"extra 'semantic' unavailable ({MISSING}): pip install 'policydiff[semantic]'"
)

TEXTS = [
    "We will cut the wait for a GP appointment to 48 hours.",
    "Every patient will be guaranteed a GP appointment within two days.",
    "We will plant one million trees across Saltmere.",
    "We will abolish tuition fees for students.",
    "We will recruit 3,000 more nurses by 2020.",
    "!!!",
]


def pledges() -> tuple[Pledge, ...]:
    return tuple(
        Pledge(id=f"d0:p{i}", doc="d0", start=0, end=len(t), text=t, clean=t, section=None, confidence=0.9, sentence=i)
        for i, t in enumerate(TEXTS)
    )


@pytest.fixture(scope="module")
def fitted() -> EmbeddingScorer:
    return EmbeddingScorer().fit(pledges())


@needs_extra
def test_fit_returns_the_scorer_with_one_unit_vector_per_pledge():
    scorer = EmbeddingScorer()
    assert scorer.fit(pledges()) is scorer
    assert scorer.embeddings_.shape == (len(TEXTS), embedding.DIMENSIONS)
    np.testing.assert_allclose(np.linalg.norm(scorer.embeddings_, axis=1), 1.0, atol=1e-9)
    np.testing.assert_array_equal(scorer.vectors_.toarray(), scorer.embeddings_)


@needs_extra
def test_scores_are_in_unit_range_one_per_pair(fitted):
    scores = fitted.score(np.array([0, 0, 2, 5, 4]), np.array([1, 4, 3, 5, 0]))
    assert scores.shape == (5,)
    assert np.all((scores >= 0) & (scores <= 1))


@needs_extra
def test_identical_wording_scores_one_and_scores_are_symmetric(fitted):
    assert fitted.score(np.array([0]), np.array([0]))[0] == pytest.approx(1.0, abs=1e-6)
    forward = fitted.score(np.array([0, 2, 3]), np.array([1, 4, 5]))
    backward = fitted.score(np.array([1, 4, 5]), np.array([0, 2, 3]))
    np.testing.assert_array_equal(forward, backward)


@needs_extra
def test_a_paraphrase_scores_higher_with_embeddings_than_lexically(fitted):
    lexical = make_scorer("lexical").fit(pledges())
    paraphrase, unrelated = np.array([0, 0]), np.array([1, 2])
    semantic = fitted.score(paraphrase, unrelated)
    assert semantic[0] > lexical.score(paraphrase[:1], unrelated[:1])[0] + 0.1
    assert semantic[0] > semantic[1] + 0.5


@needs_extra
def test_embeddings_agree_with_the_published_sentence_transformers_example():
    """The sentence-transformers documentation's example for all-MiniLM-L6-v2 prints cosines
    0.6660, 0.1046 and 0.1411 (float32 PyTorch); the int8 ONNX model stays within 0.005."""
    vectors = embed_texts(["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."])
    cosines = vectors @ vectors.T
    np.testing.assert_allclose([cosines[0, 1], cosines[0, 2], cosines[1, 2]], [0.6660, 0.1046, 0.1411], atol=0.005)


@needs_extra
def test_embeddings_do_not_depend_on_batching_or_threads_and_reruns_are_identical():
    texts = TEXTS * 3 + [f"We will build {n} new homes in district {n}." for n in range(20)]
    default = embed_texts(texts)
    np.testing.assert_array_equal(default, embed_texts(texts))
    np.testing.assert_allclose(embed_texts(texts, batch_size=1, threads=2), default, atol=1e-6)
    np.testing.assert_allclose(embed_texts(texts[::-1])[::-1], default, atol=1e-6)


@needs_extra
def test_text_beyond_the_model_length_is_cut_not_refused():
    start = "We will invest in roads, railways and broadband in every region. " * 40
    first, second = embed_texts([start + "We will also cut fuel duty.", start + "Nothing else."])
    np.testing.assert_array_equal(first, second)


def test_a_floor_outside_zero_to_one_is_refused_before_any_model_is_loaded():
    with pytest.raises(OptionError, match="floor"):
        EmbeddingScorer(floor=1.0).fit(pledges())


@needs_extra
def test_no_pledges_give_no_embeddings():
    assert EmbeddingScorer().fit(()).embeddings_.shape == (0, embedding.DIMENSIONS)


def _without(monkeypatch, module: str) -> None:
    """Make ``import module`` fail as it does where the package is not installed."""
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == module or name.startswith(module + "."):
            raise ImportError(f"No module named {module!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, module, raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)


@pytest.mark.parametrize("module", ["onnxruntime", "tokenizers"])
def test_a_missing_package_raises_missing_extra_with_the_pip_hint_on_use(monkeypatch, module):
    _without(monkeypatch, module)
    scorer = EmbeddingScorer()
    with pytest.raises(MissingExtra, match=re.escape(HINT)) as raised:
        scorer.fit(pledges())
    assert raised.value.extra == "semantic"


def test_missing_model_files_raise_missing_extra(monkeypatch):
    def not_installed(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "distribution", not_installed)
    with pytest.raises(MissingExtra) as raised:
        embedding.locate_model_files()
    assert str(raised.value) == HINT


def test_the_command_line_names_the_extra_and_exits_2_when_it_is_missing(monkeypatch):
    from policydiff.cli import cli

    _without(monkeypatch, "onnxruntime")
    result = CliRunner().invoke(cli, ["compare", *map(str, demo_paths()), "--similarity", "embedding"])
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines()[-1] == f"Error: {HINT}"


def test_importing_the_backend_loads_neither_onnxruntime_nor_tokenizers():
    probe = (
        "import sys, policydiff.similarity.embedding\n"
        "print(sorted(m for m in ('onnxruntime', 'tokenizers') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.fixture(scope="module")
def demo_embedding() -> policydiff.Comparison:
    return policydiff.compare(demo_paths(), similarity="embedding")


@needs_extra
@pytest.mark.parametrize("finding", findings(), ids=str)
def test_the_embedding_preset_finds_every_expected_demo_finding(demo_embedding, finding):
    demo_expected.test_finding(demo_embedding, finding)


@needs_extra
def test_the_embedding_preset_records_its_name_and_reruns_identically(demo_embedding):
    assert demo_embedding.options["similarity"] == "embedding"
    again = policydiff.compare(demo_paths(), similarity="embedding")
    assert [(c.a, c.b, c.score, c.status) for c in again.changes] == [
        (c.a, c.b, c.score, c.status) for c in demo_embedding.changes
    ]


@pytest.fixture(scope="module")
def uk_comparison(uk_dir) -> policydiff.Comparison:
    """The UK 2015 → 2017 Conservative comparison, with embeddings (overrides conftest's)."""
    if MISSING is not None:
        pytest.skip(f"extra 'semantic' unavailable ({MISSING})")
    return policydiff.compare(
        [uk_dir / "2015-conservative.txt", uk_dir / "2017-conservative.txt"], similarity="embedding"
    )


def test_embeddings_find_more_real_counterparts_than_lexical_scores_and_stay_cautious(agreement):  # noqa: F811
    """Lexical scores (tests/test_real_world_alignment.py) agree on about 55 of 85 and find
    24–25 of 55 counterparts, with no wrong link.  The "embedding" preset measured: agreement
    60/85, found 30/55, one wrong link (North Sea oil and gas linked to the decommissioning
    pledge beside the one the coder chose)."""
    print(agreement)
    assert agreement["agreed"] >= 58
    assert agreement["found"] >= 28
    assert agreement["wrong"] <= 2
