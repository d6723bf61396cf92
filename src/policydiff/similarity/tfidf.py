"""TF-IDF similarity over word and character n-grams (scikit-learn).

Word uni- and bigrams capture shared policy terms ("social homes", "rail fares"); character
n-grams within word boundaries survive inflection, typos and hyphenation left by PDF
extraction ("nurse"/"nurses", "infra-structure").  Both are L2-normalised and stacked with
weights whose squares sum to 1, so the dot product of two rows is the weighted mean of
the two cosines and stays in [0, 1].
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from policydiff.model import Pledge
from policydiff.vocabulary import MANIFESTO_STOP_WORDS

#: Weight of the word-n-gram cosine in the TF-IDF score (the character cosine gets the rest).
WORD_WEIGHT = 0.6



class TfidfScorer:
    """Cosine similarity of TF-IDF vectors of word (1–2) and character (3–5) n-grams.

    Parameters
    ----------
    word_weight : float, default=0.6
        Share of the word cosine in the score, in [0, 1].
    """

    def __init__(self, word_weight: float = WORD_WEIGHT) -> None:
        self.word_weight = word_weight

    def fit(self, pledges: tuple[Pledge, ...]) -> TfidfScorer:
        """Learn vocabularies and document frequencies from every pledge of the comparison."""
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

        texts = [p.clean for p in pledges]
        stop_words = sorted(ENGLISH_STOP_WORDS | MANIFESTO_STOP_WORDS)
        words = TfidfVectorizer(
            ngram_range=(1, 2), sublinear_tf=True, stop_words=stop_words, dtype=np.float64
        )
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, dtype=np.float64)
        self.vectors_ = sp.hstack(
            [
                np.sqrt(self.word_weight) * _fit_or_empty(words, texts),
                np.sqrt(1 - self.word_weight) * _fit_or_empty(chars, texts),
            ],
            format="csr",
        )
        return self

    def score(self, a_idx: np.ndarray, b_idx: np.ndarray) -> np.ndarray:
        """Cosine in [0, 1] of each pair of fitted pledges."""
        a = self.vectors_[np.asarray(a_idx)]
        b = self.vectors_[np.asarray(b_idx)]
        return np.clip(np.asarray(a.multiply(b).sum(axis=1)).ravel(), 0.0, 1.0)


def _fit_or_empty(vectorizer, texts: list[str]) -> sp.csr_matrix:
    """TF-IDF matrix, or an all-zero column when no text has a usable term."""
    try:
        return vectorizer.fit_transform(texts).tocsr()
    except ValueError:
        return sp.csr_matrix((len(texts), 1))
