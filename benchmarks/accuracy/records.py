"""Plain data shared by the generator, the systems and the scorer.

Spans are half-open ``(start, end)`` Python ``str`` offsets into a document's text, the
same rule as policydiff's own model, so ``text[start:end]`` is the span itself.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

Span = tuple[int, int]

#: Statuses scored, in the order tables list them (policydiff's four).
STATUSES = ("unchanged", "changed", "new", "dropped")


@dataclass(frozen=True)
class GoldPledge:
    """What truly happened to one pledge of a generated pair.

    ``side`` is "a" for a pledge of the earlier document and "b" for one of the later.
    ``status`` is "unchanged", "changed" or "dropped" on side a and "unchanged", "changed"
    or "new" on side b.  ``counterparts`` are the spans on the other side that state the
    same commitment (two for a split, one for each part of a merge).  ``edit`` names the
    edit that produced it ("none" when untouched, "rewrap" when only its lines were
    re-wrapped, "drop", "split", …) and ``kind`` the change kind a perfect system would
    report (None for a plain unchanged pledge).
    """

    side: str
    start: int
    end: int
    status: str
    edit: str
    kind: str | None
    counterparts: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Pair:
    """A generated benchmark item: a real document, its edited copy and the gold labels."""

    id: str
    corpus: str
    source: str
    donor: str
    party: str | None
    year: int | None
    text_a: str
    text_b: str
    gold: tuple[GoldPledge, ...]

    def side(self, side: str) -> tuple[GoldPledge, ...]:
        """The gold pledges of one side, in reading order."""
        return tuple(sorted((g for g in self.gold if g.side == side), key=lambda g: (g.start, g.end)))

    def as_json(self) -> dict:
        """The pair as plain JSON values (texts included; for the local cache only)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Pair:
        """A pair from :meth:`as_json` output."""
        gold = tuple(
            GoldPledge(**{**g, "counterparts": tuple(tuple(s) for s in g["counterparts"])}) for g in data["gold"]
        )
        return cls(**{**data, "gold": gold})


@dataclass(frozen=True)
class Record:
    """One verdict of a system: pledges of A and of B it judged to be one commitment.

    Mirrors a policydiff change record: ``a`` empty means new, ``b`` empty means dropped.
    ``kind`` is the change kind reported (None when the system reports none) and ``kinds``
    every kind it detected.
    """

    status: str
    a: tuple[Span, ...]
    b: tuple[Span, ...]
    kind: str | None = None
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Run:
    """A system's output on one pair: the pledges it saw on each side and its records.

    ``seconds`` is the wall time the system took and ``cpu_seconds`` the CPU time of this
    process meanwhile (all its threads), when measured: wall time alone is disturbed by
    whatever else the machine is doing.
    """

    system: str
    a_pledges: tuple[Span, ...]
    b_pledges: tuple[Span, ...]
    records: tuple[Record, ...]
    seconds: float = 0.0
    cpu_seconds: float = 0.0
