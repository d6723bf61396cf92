"""rapidfuzz token scores, computed only on candidate pairs.

``token_sort_ratio`` rewards the same words in another order (reordered clauses);
``token_set_ratio`` rewards one pledge containing the other (a clause added or removed).
Their mean is less fooled than either alone: ``token_set_ratio`` is 100 for any short pledge
whose words all occur in a long one.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy as np

from policydiff.model import Pledge

#: rapidfuzz token_sort_ratio (0–100) over content words at which two pledges of one
#: document are the same pledge stated twice (a summary box and the body): near-copies score
#: 92–100, while distinct pledges sharing a template ("recruit 5,000 more …") stay under 85.
RESTATEMENT_RATIO = 90.0

#: Share of pledges a word may occur in before the token scores ignore it, and the count
#: below which no word is ignored (small comparisons have no stock phrases to speak of).
COMMON_SHARE = 0.1
COMMON_MIN_COUNT = 5

_WORD = re.compile(r"[a-z0-9£$€%][a-z0-9£$€%'.,-]*[a-z0-9%]|[a-z0-9]", re.I)
#: Function words and the commitment frame ("we will", "our government"), which say nothing
#: about *which* commitment a pledge is.
FRAME_WORDS = frozenset(
    "a an and are as at be by for from has have in into is it its of on or our that the their "
    "them they this to was we were which will with would shall ll also all i my us".split()
)


def content_sequence(text: str) -> list[str]:
    """Lower-case content words of a text in reading order (see :func:`content_words`)."""
    return [w for w in (m.group().lower().rstrip(".,") for m in _WORD.finditer(text)) if w not in FRAME_WORDS]


def content_words(text: str) -> frozenset[str]:
    """Lower-case words of a text without function words, numbers kept ("12,000", "£2.5")."""
    return frozenset(content_sequence(text))


def is_restatement(first: str, second: str) -> bool:
    """Whether two pledge texts of one document state the same commitment in nearly the same words.

    Only content words count, so a summary-box item ("recruit 5,000 more nurses by 2024") is
    a restatement of the body's "We will recruit 5,000 more nurses by 2024."
    """
    return keys_are_restatements(restatement_key(first), restatement_key(second))


@lru_cache(maxsize=1 << 16)
def restatement_key(text: str) -> str:
    """Sorted content words: what two statements of one pledge have in common."""
    return " ".join(sorted(content_words(text)))


def keys_are_restatements(first: str, second: str) -> bool:
    """:func:`is_restatement` on two :func:`restatement_key` values.

    Keys whose lengths alone rule the ratio out are answered without rapidfuzz: the ratio is
    at most 100 · (1 − |a − b| / (a + b)) for lengths a and b, and a long comparison asks
    this millions of times.
    """
    from rapidfuzz import fuzz

    total = len(first) + len(second)
    if total and 100.0 * (total - abs(len(first) - len(second))) / total < RESTATEMENT_RATIO:
        return False
    return fuzz.ratio(first, second, score_cutoff=RESTATEMENT_RATIO) >= RESTATEMENT_RATIO


class FuzzyScorer:
    """Mean of rapidfuzz ``token_sort_ratio`` and ``token_set_ratio`` over content words, in [0, 1]."""

    def fit(self, pledges: tuple[Pledge, ...]) -> FuzzyScorer:
        """Keep the content words of each pledge in order (the commitment frame and function
        words left out, so "We will …" shared by every pledge does not make them alike).

        Words found in more than :data:`COMMON_SHARE` of all pledges are left out too: in a
        party's manifestos those are its name and stock phrases ("Conservative government",
        "Saltmere"), which say nothing about which commitment a pledge is."""
        sequences = [content_sequence(p.clean) for p in pledges]
        frequency = Counter(w for words in sequences for w in set(words))
        common = max(COMMON_SHARE * len(sequences), COMMON_MIN_COUNT)
        self.common_words_ = frozenset(w for w, n in frequency.items() if n > common)
        self.texts_ = tuple(" ".join(w for w in words if w not in self.common_words_) for words in sequences)
        return self

    def score(self, a_idx: np.ndarray, b_idx: np.ndarray) -> np.ndarray:
        """Token score in [0, 1] of each pair of fitted pledges."""
        from rapidfuzz import fuzz

        scores = [
            (fuzz.token_sort_ratio(self.texts_[i], self.texts_[j]) + fuzz.token_set_ratio(self.texts_[i], self.texts_[j]))
            / 200.0
            for i, j in zip(np.asarray(a_idx).tolist(), np.asarray(b_idx).tolist())
        ]
        return np.asarray(scores, dtype=np.float64)
