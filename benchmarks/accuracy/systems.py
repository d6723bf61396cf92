"""The systems compared: policydiff through its public API, and the baselines.

Each system is a function ``(pair) -> Run``.  policydiff reads both documents and finds its
own pledges; the baselines are handed the gold pledge lists (as policydiff segments them),
so they are judged on alignment alone and never lose points for detection.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

import baselines
from records import Pair, Record, Run, Span

import policydiff
from policydiff import Change, Document
from policydiff.read import document_from_text


def run_policydiff(pair: Pair, similarity: str = "lexical") -> Run:
    """policydiff with default options but ``similarity`` on documents A and B.

    Wall and CPU time are measured around the comparison alone (not reading the pair).
    """
    documents = pair_documents(pair)
    began, began_cpu = time.perf_counter(), time.process_time()
    comparison = policydiff.compare(documents, similarity=similarity)
    seconds, cpu_seconds = time.perf_counter() - began, time.process_time() - began_cpu
    first, second = (d.id for d in comparison.documents)

    def span_of(pledge_id: str) -> Span:
        return comparison.pledge(pledge_id).start, comparison.pledge(pledge_id).end

    return Run(
        "policydiff",
        tuple(span_of(p.id) for p in comparison.pledges_of(first)),
        tuple(span_of(p.id) for p in comparison.pledges_of(second)),
        records_of(comparison.changes_between(first, second), span_of),
        seconds,
        cpu_seconds,
    )


def pair_documents(pair: Pair) -> list[Document]:
    """Documents A and B of a pair as policydiff reads them (B dated a year after A)."""
    later = pair.year + 1 if pair.year is not None else None
    return [
        document_from_text(pair.text_a, label="A", party=pair.party, year=pair.year),
        document_from_text(pair.text_b, label="B", party=pair.party, year=later),
    ]


def records_of(changes: Iterable[Change], span_of: Callable[[str], Span]) -> tuple[Record, ...]:
    """policydiff's change records as the scorer's records, pledge ids turned into spans."""
    return tuple(
        Record(change.status, tuple(map(span_of, change.a)), tuple(map(span_of, change.b)), change.kind, change.kinds)
        for change in changes
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


def systems(
    include_dmp: bool = True, policydiff_system: Callable[[Pair], Run] | None = None
) -> dict[str, Callable[[Pair], Run]]:
    """Every system to run, by name, in the order tables list them.

    ``policydiff_system`` replaces policydiff with default options (a preset chosen, or a
    runner that also records what it aligned); ``diff-match-patch`` is left out when
    ``include_dmp`` is false (the package is optional).
    """
    found = {"policydiff": policydiff_system or run_policydiff, "difflib": baselines.run_difflib}
    if include_dmp:
        found["diff-match-patch"] = baselines.run_dmp
    return found

