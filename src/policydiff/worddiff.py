"""Word-level diffs between two pledges, with difflib's tags.

Words are compared case-insensitively and without surrounding punctuation, so "homes." and
"homes" are equal; the words reported keep their original spelling.
"""

from __future__ import annotations

import difflib
import re

from policydiff.model import WordOp

_TOKEN = re.compile(r"\S+")
_EDGE_PUNCTUATION = "\"'“”‘’()[],.;:!?"


def words(text: str) -> list[str]:
    """The words of a text, split on white space."""
    return _TOKEN.findall(text)


def word_diff(a: str, b: str) -> tuple[WordOp, ...]:
    """Operations that turn the words of ``a`` into the words of ``b``.

    Returns
    -------
    tuple of WordOp
        difflib opcodes over words: ``equal``, ``delete``, ``insert``, ``replace``, with word
        index ranges into ``a`` and ``b`` and the words themselves.
    """
    a_words, b_words = words(a), words(b)
    matcher = difflib.SequenceMatcher(
        None, [_key(w) for w in a_words], [_key(w) for w in b_words], autojunk=False
    )
    return tuple(
        WordOp(tag, i1, i2, j1, j2, " ".join(a_words[i1:i2]), " ".join(b_words[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def normalised_words(text: str) -> tuple[str, ...]:
    """Lower-case words without edge punctuation: what "same wording" compares."""
    return tuple(k for k in (_key(w) for w in words(text)) if k)


def _key(word: str) -> str:
    return word.strip(_EDGE_PUNCTUATION).lower()
