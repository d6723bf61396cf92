"""Scoring: a system's records, mapped to per-pledge verdicts and compared with the gold.

A system's pledges are matched to gold pledges by span overlap (a system may cut a sentence
a little differently).  Each gold pledge then gets the status of the system record holding
its match, or "missing" when the system did not see it as a pledge.  A status of unchanged
or changed counts as right only if the record also links the pledge to its gold
counterpart(s) — all of them for a split — and to nothing unrelated: the right word about
the wrong pledge is still a false story.

The four statuses are scored where they can be claimed: unchanged, changed and dropped on
the pledges of A; new on the pledges of B.  System pledges that match no gold pledge are
scored too, as claims about something that is no pledge (they lower precision only).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from records import STATUSES, Pair, Record, Run, Span

#: Share of the shorter of two spans that must overlap for a system pledge to be taken as
#: a gold pledge: half tolerates a sentence boundary placed a word or a clause away.
MATCH_SHARE = 0.5
#: Side on which each status is claimed and scored.
STATUS_SIDE = {"unchanged": "a", "changed": "a", "dropped": "a", "new": "b"}


@dataclass(frozen=True)
class Outcome:
    """One pledge's verdict next to its gold label.

    ``edit`` is the gold edit ("spurious" for a system pledge matching no gold pledge, whose
    ``gold`` is then "none"); ``predicted`` the system's status or "missing"; ``aligned``
    whether the system linked the pledge to exactly its gold counterparts; ``seen`` whether
    the system took at least one of those counterparts for a pledge at all (when it did not,
    a wrong "dropped" is a detection failure rather than an alignment one).
    """

    pair: str
    side: str
    edit: str
    gold: str
    predicted: str
    aligned: bool
    gold_kind: str | None = None
    kind: str | None = None
    kinds: tuple[str, ...] = ()
    seen: bool = True

    @property
    def correct(self) -> bool:
        """Right status, and for unchanged or changed, the right counterparts."""
        return self.predicted == self.gold and (self.gold not in ("unchanged", "changed") or self.aligned)


@dataclass(frozen=True)
class Cost:
    """What a system took over all pairs: wall seconds, and CPU seconds of this process."""

    seconds: float
    cpu_seconds: float


def score_pairs(pairs: Iterable[Pair], system: Callable[[Pair], Run]) -> tuple[list[Outcome], Cost]:
    """Run a system on every pair; its outcomes and what it cost in all."""
    outcomes, seconds, cpu_seconds = [], 0.0, 0.0
    for pair in pairs:
        run = system(pair)
        seconds += run.seconds
        cpu_seconds += run.cpu_seconds
        outcomes.extend(score_pair(pair, run))
    return outcomes, Cost(seconds, cpu_seconds)


def score_pair(pair: Pair, run: Run) -> list[Outcome]:
    """The outcome of every gold pledge of a pair (both sides) and of every spurious one."""
    gold = {side: pair.side(side) for side in ("a", "b")}
    mine = {"a": run.a_pledges, "b": run.b_pledges}
    to_gold = {side: _match(mine[side], [(g.start, g.end) for g in gold[side]]) for side in ("a", "b")}
    record_of = {}
    for record in run.records:
        for span in record.a:
            record_of[("a", span)] = record
        for span in record.b:
            record_of[("b", span)] = record
    outcomes = []
    for side, other in (("a", "b"), ("b", "a")):
        gold_index = {(g.start, g.end): n for n, g in enumerate(gold[other])}
        found = {g: s for s, g in to_gold[side].items()}
        found_other = set(to_gold[other].values())
        for n, item in enumerate(gold[side]):
            span = found.get(n)
            record = record_of.get((side, span)) if span is not None else None
            seen = not item.counterparts or any(gold_index.get(tuple(c)) in found_other for c in item.counterparts)
            if record is None:
                outcomes.append(Outcome(pair.id, side, item.edit, item.status, "missing", False, item.kind, seen=seen))
                continue
            aligned = _aligned(item, record, side, gold, gold_index, to_gold)
            verdict = (record.status, aligned, item.kind, record.kind, record.kinds, seen)
            outcomes.append(Outcome(pair.id, side, item.edit, item.status, *verdict))
        for span in mine[side]:
            if span not in to_gold[side] and (side, span) in record_of:
                outcomes.append(Outcome(pair.id, side, "spurious", "none", record_of[(side, span)].status, False))
    return outcomes


def summarise(outcomes: list[Outcome]) -> dict:
    """Per-status precision, recall and F1, their macro average, and change-kind accuracy.

    Returns
    -------
    dict
        ``{status: {"precision", "recall", "f1", "support"}}`` for each of the four
        statuses, ``"macro_f1"``, ``"kind_accuracy"`` and ``"kind_in_kinds"`` (None when the
        system reports no kinds) over gold-changed pledges with one gold kind that it
        aligned correctly, and
        ``"kind_support"``, the number of those pledges.
    """
    summary: dict = {}
    for status in STATUSES:
        scored = [o for o in outcomes if o.side == STATUS_SIDE[status]]
        hits = sum(1 for o in scored if o.gold == status and o.correct)
        claimed = sum(1 for o in scored if o.predicted == status)
        support = sum(1 for o in scored if o.gold == status)
        precision = hits / claimed if claimed else 0.0
        recall = hits / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        summary[status] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    summary["macro_f1"] = sum(summary[s]["f1"] for s in STATUSES) / len(STATUSES)
    kinded = [o for o in outcomes if o.side == "a" and o.gold == "changed" and _kind_scorable(o)]
    reports_kinds = any(o.kind for o in outcomes)
    summary["kind_support"] = len(kinded)
    summary["kind_accuracy"] = _share(kinded, lambda o: o.kind == o.gold_kind) if reports_kinds else None
    summary["kind_in_kinds"] = _share(kinded, lambda o: o.gold_kind in o.kinds) if reports_kinds else None
    return summary


def by_edit(outcomes: list[Outcome]) -> dict[str, dict]:
    """Status accuracy and kind accuracy per gold edit type.

    Pledges of A are grouped by the edit they received; inserted pledges of B form the
    "insert" group.  ``kind_accuracy`` is over pledges with a gold kind that the system
    aligned correctly (None when there are none or the system reports no kinds);
    ``errors`` counts what the wrong verdicts were ("changed≠" is changed but linked to the
    wrong pledge; "dropped (counterpart undetected)" a drop because the system did not take
    the edited pledge of B for a pledge).
    """
    reports_kinds = any(o.kind for o in outcomes)
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        if outcome.side == "a" or outcome.edit == "insert":
            groups.setdefault(outcome.edit, []).append(outcome)
    table = {}
    for edit, group in groups.items():
        kinded = [o for o in group if _kind_scorable(o)]
        errors = Counter(_error(o) for o in group if not o.correct)
        table[edit] = {
            "n": len(group),
            "accuracy": _share(group, lambda o: o.correct),
            "kind_accuracy": _share(kinded, lambda o: o.kind == o.gold_kind) if reports_kinds and kinded else None,
            "kind_support": len(kinded),
            "errors": dict(errors.most_common()),
        }
    return table


def _error(outcome: Outcome) -> str:
    """How a wrong verdict was wrong, in a word or two."""
    if outcome.predicted == outcome.gold:
        return f"{outcome.predicted}≠"
    if outcome.predicted == "dropped" and not outcome.seen:
        return "dropped (counterpart undetected)"
    return outcome.predicted


def _kind_scorable(outcome: Outcome) -> bool:
    """A pledge with one gold kind that the system linked to its right counterpart(s)."""
    return bool(outcome.gold_kind) and outcome.aligned and outcome.predicted in ("unchanged", "changed")


def _share(items: list[Outcome], test: Callable[[Outcome], bool]) -> float | None:
    return sum(1 for o in items if test(o)) / len(items) if items else None


def _match(spans: Iterable[Span], gold: list[Span]) -> dict[Span, int]:
    """Each system span → index of the gold span it overlaps most, when it overlaps enough."""
    matched = {}
    for span in spans:
        best, best_overlap = None, 0
        for n, (start, end) in enumerate(gold):
            overlap = min(span[1], end) - max(span[0], start)
            if overlap > best_overlap:
                best, best_overlap = n, overlap
        if best is not None:
            start, end = gold[best]
            if best_overlap >= MATCH_SHARE * min(span[1] - span[0], end - start):
                matched[span] = best
    return matched


def _aligned(item, record: Record, side: str, gold, gold_index, to_gold) -> bool:
    """Whether a record links a gold pledge to all its counterparts and nothing unrelated."""
    other = "b" if side == "a" else "a"
    own_spans, other_spans = (record.a, record.b) if side == "a" else (record.b, record.a)
    linked = {to_gold[other].get(span) for span in other_spans}
    wanted = {gold_index[tuple(span)] for span in item.counterparts if tuple(span) in gold_index}
    if not wanted or not wanted <= linked or None in linked:
        return False
    own = {to_gold[side].get(span) for span in own_spans} - {None}
    allowed = {
        gold_index[tuple(span)]
        for n in own
        for span in gold[side][n].counterparts
        if tuple(span) in gold_index
    }
    return linked <= allowed
