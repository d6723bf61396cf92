"""Markdown tables of benchmark results: systems side by side, and per edit type."""

from __future__ import annotations

from calibrate import Point
from realworld import Agreement
from records import STATUSES
from score import Cost, Outcome, summarise

#: Edit types in the order the per-edit table lists them: untouched and noise first (no
#: change should be found), then the edits to pledges, then insertions.
EDIT_ORDER = (
    "none", "rewrap", "hyphenation", "whitespace", "context",
    "number", "word-replace", "clause-add", "clause-remove", "hedge", "firm", "negate", "paraphrase",
    "paraphrase-heavy", "rewrite",
    "move", "split", "merge", "drop", "insert",
)


def systems_table(summaries: dict[str, dict], costs: dict[str, Cost]) -> str:
    """One row per system: P/R/F1 per status, macro-F1, kind accuracy and run time."""
    header = ["system"]
    for status in STATUSES:
        header += [f"{status} P", f"{status} R", f"{status} F1"]
    header += ["macro-F1", "kind acc", "kind in kinds", "seconds"]
    rows = []
    for name, summary in summaries.items():
        row = [name]
        for status in STATUSES:
            row += [_number(summary[status][k], 3) for k in ("precision", "recall", "f1")]
        row += [
            f"**{_number(summary['macro_f1'], 3)}**",
            _number(summary["kind_accuracy"]),
            _number(summary["kind_in_kinds"]),
            f"{costs[name].seconds:.0f}",
        ]
        rows.append(row)
    return _table(header, rows)


def support_line(summary: dict) -> str:
    """How many gold pledges each status has (the same for every system)."""
    parts = [f"{status} {summary[status]['support']}" for status in STATUSES]
    return "Gold pledges per status: " + ", ".join(parts) + "."


def detection_line(name: str, outcomes: list[Outcome]) -> str:
    """How many gold pledges of B a system found, and how many of its pledges match no gold one."""
    gold_b = [o for o in outcomes if o.side == "b" and o.edit != "spurious"]
    found = sum(1 for o in gold_b if o.predicted != "missing")
    spurious = sum(1 for o in outcomes if o.edit == "spurious")
    share = found / len(gold_b) if gold_b else 0.0
    return (
        f"{name} found {found} of the {len(gold_b)} gold pledges of the B documents ({share:.0%}); "
        f"{spurious} of the pledges it found (A and B) match no gold pledge."
    )


def corpus_table(outcomes: dict[str, list[Outcome]], corpora: list[str]) -> str:
    """Macro-F1 of each system on the pairs of each corpus."""
    header = ["system"] + corpora
    rows = []
    for name, found in outcomes.items():
        row = [name]
        for corpus in corpora:
            mine = [o for o in found if o.pair.startswith(f"{corpus}-")]
            row.append(_number(summarise(mine)["macro_f1"]) if mine else "—")
        rows.append(row)
    return _table(header, rows)


def edits_table(per_system: dict[str, dict[str, dict]], detailed: str) -> str:
    """One row per edit type: how often each system got the status right; kinds and errors of one system."""
    names = list(per_system)
    header = ["edit", "n", *(f"{name} status acc" for name in names), f"{detailed} kind acc (n)", f"{detailed} errors"]
    edits = [e for e in EDIT_ORDER if e in per_system[detailed]] + sorted(set(per_system[detailed]) - set(EDIT_ORDER))
    rows = []
    for edit in edits:
        row = [edit, str(per_system[detailed][edit]["n"])]
        row += [_number(per_system[name].get(edit, {}).get("accuracy")) for name in names]
        mine = per_system[detailed][edit]
        kind = _number(mine["kind_accuracy"])
        row.append(f"{kind} ({mine['kind_support']})" if mine["kind_support"] else "—")
        row.append(", ".join(f"{label} {count}" for label, count in mine["errors"].items()) or "—")
        rows.append(row)
    return _table(header, rows)


def sweep_table(
    points: list[Point], chosen: float, current: float, plateau: tuple[float, ...], real: list[Agreement] | None
) -> str:
    """One row per threshold: F1 of each status (changed with P and R), macro-F1, notes, and the real-text check.

    ``real`` adds, per threshold, the counterparts found among those a coder named in two real
    manifestos and the links the coder rejected (``realworld.py``).
    """
    header = ["threshold", "unchanged F1", "changed P", "changed R", "changed F1", "new F1", "dropped F1", "macro-F1",
              ""]
    if real:
        header += [f"real: found (of {real[0].found + real[0].missed})", "real: rejected links"]
    agreement = {a.threshold: a for a in real or ()}
    rows = []
    for point in points:
        summary = point.summary
        marks = (("chosen", chosen), ("current", current))
        notes = [label for label, value in marks if point.threshold == value]
        notes += ["plateau"] if point.threshold in plateau else []
        macro = _number(summary["macro_f1"], 3)
        rows.append([
            f"{point.threshold:.3f}",
            _number(summary["unchanged"]["f1"], 3),
            *(_number(summary["changed"][k], 3) for k in ("precision", "recall", "f1")),
            _number(summary["new"]["f1"], 3),
            _number(summary["dropped"]["f1"], 3),
            f"**{macro}**" if point.threshold == chosen else macro,
            ", ".join(notes),
        ])
        if real:
            rows[-1] += [str(agreement[point.threshold].found), str(agreement[point.threshold].wrong)]
    return _table(header, rows)


def semantic_table(
    summaries: dict[str, dict], per_edit: dict[str, dict[str, dict]], costs: dict[str, Cost], edits: tuple[str, ...]
) -> str:
    """One row per similarity preset: status accuracy on chosen edit types, F1s, and time and its ratio.

    Ratios are to the first preset's time.
    """
    first = costs[next(iter(costs))]
    counts = {edit: per_edit[next(iter(per_edit))].get(edit, {}).get("n", 0) for edit in edits}
    header = ["similarity", *(f"{edit} acc (n={counts[edit]})" for edit in edits), "changed F1", "macro-F1",
              "wall s", "CPU s", "wall ×", "CPU ×"]
    rows = []
    for preset, summary in summaries.items():
        cost = costs[preset]
        rows.append([
            preset,
            *(_number(per_edit[preset].get(edit, {}).get("accuracy"), 3) for edit in edits),
            _number(summary["changed"]["f1"], 3),
            _number(summary["macro_f1"], 3),
            f"{cost.seconds:.0f}",
            f"{cost.cpu_seconds:.0f}",
            f"{cost.seconds / first.seconds:.2f}",
            f"{cost.cpu_seconds / first.cpu_seconds:.2f}",
        ])
    return _table(header, rows)


def _number(value: float | None, places: int = 2) -> str:
    return "—" if value is None else f"{value:.{places}f}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
