"""The systems compared: policydiff through its public API, and the baselines.

Each system is a function ``(pair) -> Run``.  policydiff reads both documents and finds its
own pledges; the baselines are handed the gold pledge lists (as policydiff segments them),
so they are judged on alignment alone and never lose points for detection.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import baselines
from records import Pair, Record, Run

import policydiff
from policydiff.read import document_from_text


def run_policydiff(pair: Pair) -> Run:
    """policydiff with default options on documents A and B (B dated a year after A)."""
    later = pair.year + 1 if pair.year is not None else None
    documents = [
        document_from_text(pair.text_a, label="A", party=pair.party, year=pair.year),
        document_from_text(pair.text_b, label="B", party=pair.party, year=later),
    ]
    began = time.perf_counter()
    comparison = policydiff.compare(documents)
    seconds = time.perf_counter() - began
    first, second = (d.id for d in comparison.documents)

    def spans(ids) -> tuple[tuple[int, int], ...]:
        return tuple((comparison.pledge(i).start, comparison.pledge(i).end) for i in ids)

    records = tuple(
        Record(change.status, spans(change.a), spans(change.b), change.kind, change.kinds)
        for change in comparison.changes_between(first, second)
    )
    return Run(
        "policydiff",
        spans(p.id for p in comparison.pledges_of(first)),
        spans(p.id for p in comparison.pledges_of(second)),
        records,
        seconds,
    )


def run_gold(pair: Pair) -> Run:
    """The gold labels themselves, as a system's records: the oracle every score is bounded by."""
    groups: dict[tuple, list] = {}
    records = []
    for gold in pair.side("a"):
        if gold.status == "dropped":
            records.append(Record("dropped", ((gold.start, gold.end),), ()))
        else:
            groups.setdefault(gold.counterparts, []).append(gold)
    for counterparts, members in groups.items():
        kind = members[0].kind
        spans = tuple((g.start, g.end) for g in members)
        records.append(Record(members[0].status, spans, counterparts, kind, (kind,) if kind else ()))
    records += [Record("new", (), ((g.start, g.end),)) for g in pair.side("b") if g.status == "new"]
    a_spans = tuple((g.start, g.end) for g in pair.side("a"))
    b_spans = tuple((g.start, g.end) for g in pair.side("b"))
    return Run("gold", a_spans, b_spans, tuple(records))


def systems(include_dmp: bool = True) -> dict[str, Callable[[Pair], Run]]:
    """Every system to run, by name, in the order tables list them.

    ``diff-match-patch`` is left out when ``include_dmp`` is false (the package is optional).
    """
    found = {"policydiff": run_policydiff, "difflib": baselines.run_difflib}
    if include_dmp:
        found["diff-match-patch"] = baselines.run_dmp
    return found
