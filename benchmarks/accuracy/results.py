"""RESULTS.md: what was run on which pairs, and every table, written from one run's measurements."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from calibrate import MAX_REJECTED_LINKS, PLATEAU_TOLERANCE, Point, Recorder
from realworld import Agreement
from records import Pair
from report import corpus_table, detection_line, edits_table, semantic_table, support_line, sweep_table, systems_table
from score import Cost, Outcome, by_edit, summarise
from sources import sources

import policydiff
from policydiff import align

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
FIGURE = HERE / "calibration.png"
#: Edit types the similarity presets are compared on: those that reword a pledge.
REWORDING_EDITS = ("paraphrase", "paraphrase-heavy", "rewrite", "word-replace")


@dataclass(frozen=True)
class Evaluation:
    """Every system's outcomes and cost on one set of pairs, what policydiff aligned, and gold-span problems."""

    pairs: list[Pair]
    outcomes: dict[str, list[Outcome]]
    costs: dict[str, Cost]
    recorder: Recorder
    problems: list[str]


@dataclass(frozen=True)
class Semantic:
    """policydiff's outcomes and cost on the held-out pairs with each similarity preset, the first as reference."""

    outcomes: dict[str, list[Outcome]]
    costs: dict[str, Cost]


@dataclass(frozen=True)
class Calibration:
    """One preset's sweep of the link threshold and what was chosen from it.

    ``reproduced`` counts the pairs whose records at the current constant are exactly the
    pipeline's; ``held_out`` is the held-out summary at the threshold the synthetic pairs
    alone choose (None when the held-out pairs were run with another preset); ``real`` is
    agreement with the coder's labels of two real manifestos at each threshold (None when
    they are not at hand); ``synthetic`` is what the calibration pairs alone would choose,
    ``chosen`` what they choose among the thresholds real text admits.
    """

    points: list[Point]
    chosen: float
    plateau: tuple[float, ...]
    reproduced: int
    pairs: int
    held_out: dict | None
    real: list[Agreement] | None
    synthetic: float


def document(held_out: Evaluation, semantic: Semantic, calibration: dict[str, Calibration], roles, args,
             elapsed: float, notes: dict[str, str]) -> str:
    """The whole RESULTS.md of a full run."""
    options = f"--pairs {args.pairs} --calibration-pairs {args.calibration_pairs} --similarity {args.similarity}"
    lines = [
        "# Measured accuracy",
        "",
        f"Command: `nox -s bench-accuracy`, which runs `python benchmarks/accuracy/run.py` (here: `{options}`)  ",
        f"Date: {datetime.now(UTC).strftime('%Y-%m-%d')}  ",
        (f"policydiff {policydiff.__version__}; link threshold `align.MIN_LINK_SCORE` = {align.MIN_LINK_SCORE:g}; "
         f"{elapsed:.0f} s in all on {os.cpu_count()} cores."),
        "",
        *_roles_section(roles),
        *_held_out_section(held_out, args.similarity, roles["held-out test"][0], notes),
        *_semantic_section(semantic, roles["held-out test"][0]),
        *_calibration_section(calibration, roles["calibration"][0]),
    ]
    return "\n".join(lines)


def seed_report(evaluation: Evaluation, label: str, similarity: str, elapsed: float, notes: dict[str, str]) -> str:
    """The tables of one seed (or the slice), for the terminal."""
    lines = [f"# Measured accuracy: {label}", "", f"policydiff similarity {similarity}; {elapsed:.0f} s in all.", ""]
    lines += _systems_lines(evaluation, notes)
    return "\n".join(lines)


def _roles_section(roles) -> list[str]:
    rows = [
        ("development", "looked at while improving policydiff, errors and all: its score flatters; not run here"),
        ("calibration", "the link threshold is chosen on it, and nothing else"),
        ("held-out test", "never used for choosing anything: every table below but the calibration comes from it"),
    ]
    table = ["| role | seed | pairs | use |", "| --- | --- | --- | --- |"]
    table += [f"| {role} | {roles[role][0]} | {roles[role][1] or '—'} | {use} |" for role, use in rows]
    return [
        "## Seeds and their roles",
        "",
        "Pairs are generated from real text (`generate.py`): a stretch of a real document is A, and B is A",
        "with known edits, so every pledge has a gold status, change kind and counterpart spans. The",
        "same seed gives the same pairs; each seed has one role.",
        "",
        *table,
        "",
    ]


def _held_out_section(evaluation: Evaluation, similarity: str, seed: int, notes: dict[str, str]) -> list[str]:
    return [
        f"## Held-out test (seed {seed})",
        "",
        f"policydiff with default options (similarity {similarity}) against the baselines.",
        "",
        *_systems_lines(evaluation, notes),
    ]


def _systems_lines(evaluation: Evaluation, notes: dict[str, str]) -> list[str]:
    """Corpora used, the systems table, the per-corpus table and the per-edit table of one set of pairs."""
    summaries = {name: summarise(found) for name, found in evaluation.outcomes.items()}
    first = next(iter(evaluation.outcomes))
    pairs = evaluation.pairs
    return [
        *_corpus_lines(pairs, notes),
        f"- gold spans of B that are not one sentence of B's segmentation: {len(evaluation.problems)}",
        "",
        "Unchanged, changed and dropped are scored on the pledges of A, new on those of B. Unchanged and",
        "changed count only with the right counterpart(s). Kind accuracy is over gold-changed pledges with",
        "one intended kind that the system aligned correctly (`kind in kinds`: the gold kind is among all",
        "kinds it reported). Baselines are given the gold pledge lists; policydiff finds its own pledges.",
        "Seconds are wall time of the comparisons alone.",
        "",
        systems_table(summaries, evaluation.costs),
        "",
        support_line(summaries[first]),
        "",
        detection_line(first, evaluation.outcomes[first]),
        "",
        "Macro-F1 by corpus:",
        "",
        corpus_table(evaluation.outcomes, sorted({p.corpus for p in pairs})),
        "",
        "### Per edit type",
        "",
        "Share of the pledges given each edit whose status (and counterpart) each system got right;",
        "`none` are untouched pledges, `rewrap`/`hyphenation`/`whitespace`/`context` untouched pledges in a",
        "paragraph given that noise (no change should be found), `paraphrase` a clause moved and up to three",
        "synonyms swapped (two rewordings at least), `paraphrase-heavy` a clause moved where possible and two",
        "to eight words or phrases swapped from a larger synonym table, replacing at least two fifths of the",
        "pledge's content words, `rewrite` several edits at once (no single gold kind), `insert` the",
        "pledges added to B. In the errors column, `missing` means the system did not",
        "take the pledge for a pledge, `changed≠` that it linked it to the wrong pledge(s), and `dropped",
        "(counterpart undetected)` that it did not take the edited pledge of B for a pledge.",
        "",
        edits_table({name: by_edit(found) for name, found in evaluation.outcomes.items()}, first),
        "",
    ]


def _corpus_lines(pairs: list[Pair], notes: dict[str, str]) -> list[str]:
    lines = []
    for corpus in ("uk", "sotu"):
        mine = [p for p in pairs if p.corpus == corpus]
        if notes[corpus]:
            lines.append(f"- {corpus}: not used ({notes[corpus]})")
        elif mine:
            documents = len({p.source.split("[")[0] for p in mine})
            a_pledges = sum(len(p.side("a")) for p in mine)
            b_pledges = sum(len(p.side("b")) for p in mine)
            lines.append(
                f"- {corpus}: {len(mine)} pairs from {documents} of the corpus's {len(sources(corpus))} documents; "
                f"{a_pledges} pledges in the A documents, {b_pledges} in the B documents"
            )
    return lines


def _semantic_section(semantic: Semantic, seed: int) -> list[str]:
    summaries = {preset: summarise(found) for preset, found in semantic.outcomes.items()}
    per_edit = {preset: by_edit(found) for preset, found in semantic.outcomes.items()}
    lines = [
        f"## Similarity presets on the held-out pairs (seed {seed})",
        "",
        "policydiff on the same held-out pairs with each `--similarity` preset, in the same run: status",
        "accuracy on the edits that reword a pledge, F1 and time. Times are the sum over pairs of the",
        "comparison alone (the embedding preset loads its model in every comparison, as a user's run",
        "would), after one untimed comparison with each preset so that neither carries the imports;",
        "CPU time is this process's, all threads. Ratios are to the first row.",
        "",
        semantic_table(summaries, per_edit, semantic.costs, REWORDING_EDITS),
        "",
    ]
    if len(summaries) < 2:
        return lines + ["Only one preset could run here (the embedding preset needs the 'semantic' extra).", ""]
    first, *others = summaries
    for other in others:
        lines.append(_semantic_sentence(first, other, summaries, per_edit, semantic.costs))
    return lines + [""]


def _semantic_sentence(first: str, other: str, summaries, per_edit, costs) -> str:
    changes = ", ".join(
        f"{edit} {_share(per_edit[first], edit)} → {_share(per_edit[other], edit)}" for edit in REWORDING_EDITS
    )
    return (
        f"From {first} to {other}: status accuracy {changes}; macro-F1 {summaries[first]['macro_f1']:.3f} → "
        f"{summaries[other]['macro_f1']:.3f}; {costs[other].seconds / costs[first].seconds:.1f}× the wall time and "
        f"{costs[other].cpu_seconds / costs[first].cpu_seconds:.1f}× the CPU time."
    )


def _share(table: dict, edit: str) -> str:
    value = table.get(edit, {}).get("accuracy")
    return "—" if value is None else f"{value:.3f}"


def _calibration_section(calibration: dict[str, Calibration], seed: int) -> list[str]:
    current = align.MIN_LINK_SCORE
    pairs = next(iter(calibration.values())).pairs
    lines = [
        f"## Calibration of the link threshold (seed {seed}, {pairs} pairs)",
        "",
        "`align.MIN_LINK_SCORE` is the score below which two pledges are never aligned: it decides whether",
        "a reworded pledge is reported changed or as one dropped and one new pledge. Whether a linked",
        "pledge is unchanged or changed is decided by its wording, not by the threshold (identical",
        "pledges score near 1 and link at every threshold tried), so the curve is about changed, new and",
        "dropped. Each pair is compared once; each threshold then re-runs only `align.match_pair(...,",
        "min_score=t)` and classification on the scores the pipeline computed (`calibrate.py`).",
        "",
        (f"Rule: the threshold with the best macro-F1 on the calibration pairs; all within {PLATEAU_TOLERANCE} of "
         "the best count as a tie (the plateau), and among them the one closest to the current constant "
         f"({current:g}) is chosen, so the constant moves only when the calibration pairs clearly favour another "
         "value. Where the coder-labelled real manifestos are at hand (`realworld.py`), only thresholds at which "
         f"they show at most {MAX_REJECTED_LINKS} link the coder rejected compete: the synthetic pairs hold almost "
         "no near misses (another pledge on the same topic), so on their own they never charge a lower "
         "threshold for the wrong links it makes on real text, and a wrong link is as false a story as a wrong "
         "\"dropped\"."),
        "",
        "![F1 per status and macro-F1 against the link threshold](calibration.png)",
        "",
    ]
    for preset, found in calibration.items():
        lines += _preset_lines(preset, found, current)
    return lines


def _preset_lines(preset: str, found: Calibration, current: float) -> list[str]:
    points = {p.threshold: p.summary for p in found.points}
    best = max(found.points, key=lambda p: (p.summary["macro_f1"], -abs(p.threshold - current)))
    lines = [
        f"### Similarity {preset}",
        "",
        (f"Best macro-F1 {best.summary['macro_f1']:.3f} at {best.threshold:.3f}; plateau "
         f"{_span(found.plateau, [p.threshold for p in found.points])}; the synthetic pairs alone would choose "
         f"{found.synthetic:.3f} (macro-F1 {points[found.synthetic]['macro_f1']:.3f}). {_edge_note(found)}"
         f"**Chosen {found.chosen:.3f}** (macro-F1 {points[found.chosen]['macro_f1']:.3f}){_admitted_note(found)}; "
         f"the current constant {current:g} scores {points[current]['macro_f1']:.3f}. At {current:g} the sweep "
         f"gives exactly the pipeline's records on {found.reproduced} of {found.pairs} pairs."),
        "",
    ]
    if found.held_out is not None and found.synthetic != current:
        lines += [
            (f"On the held-out pairs (which chose nothing), {preset} at {found.synthetic:.3f} would score macro-F1 "
             f"{found.held_out['macro_f1']:.3f} (changed F1 {found.held_out['changed']['f1']:.3f}, new "
             f"{found.held_out['new']['f1']:.3f}, dropped {found.held_out['dropped']['f1']:.3f}); the systems table "
             f"above is at {current:g}."),
            "",
        ]
    lines += _real_lines(found, current)
    return lines + [sweep_table(found.points, found.chosen, current, found.plateau, found.real), ""]


def _real_lines(found: Calibration, current: float) -> list[str]:
    """What the chosen threshold does on the coder-labelled real manifestos, next to the current constant."""
    if found.real is None:
        return ["The coder-labelled real manifestos (`realworld.py`) are not here: the choice is unchecked on real",
                "text.", ""]
    real = {a.threshold: a for a in found.real}
    now, then = real[current], real[found.synthetic]
    wanted = now.found + now.missed
    line = (
        f"On real manifestos (a coder's judgements of {now.judged} pledges of the 2015 Conservative manifesto against "
        f"2017, `realworld.py`): at {current:g}, {now.found} of {wanted} counterparts found and {now.wrong} "
        f"{_links(now.wrong)} the coder rejected"
    )
    line += (f"; at {found.synthetic:.3f}, {then.found} found and {then.wrong} rejected." if then is not now else ".")
    if then.wrong > now.wrong:
        line += (
            " The synthetic pairs have few near misses (pledges on the same topic that are not the same pledge), so "
            "they barely charge a lower threshold for the wrong links it makes on real text."
        )
    return [line, ""]


def _links(count: int) -> str:
    return "link" if count == 1 else "links"


def _admitted_note(found: Calibration) -> str:
    """Why the choice differs from the synthetic one: real text admits only higher thresholds."""
    if found.real is None or found.chosen == found.synthetic:
        return ""
    rejected = {a.threshold: a.wrong for a in found.real}[found.synthetic]
    return (f", the best of the thresholds with at most {MAX_REJECTED_LINKS} rejected "
            f"{_links(MAX_REJECTED_LINKS)} on real text ({found.synthetic:.3f} makes {rejected})")


def _edge_note(found: Calibration) -> str:
    """A sentence when the synthetic choice sits at an edge of the plateau, with what one step beyond costs."""
    grid = [p.threshold for p in found.points]
    at = grid.index(found.synthetic)
    notes = []
    for step, side in ((1, "upper"), (-1, "lower")):
        beyond = at + step
        if 0 <= beyond < len(grid) and grid[beyond] not in found.plateau:
            macro = found.points[beyond].summary["macro_f1"]
            notes.append(f"the plateau's {side} edge (at {grid[beyond]:.3f} macro-F1 is {macro:.3f})")
    return ("That value is at " + "; ".join(notes) + ". ") if notes else ""


def _span(chosen: tuple[float, ...], grid: list[float]) -> str:
    """Thresholds as "a–b (n of N)" when they are consecutive on the grid, else listed."""
    positions = [grid.index(t) for t in chosen]
    if positions == list(range(positions[0], positions[-1] + 1)):
        text = f"{chosen[0]:.3f}–{chosen[-1]:.3f}" if len(chosen) > 1 else f"{chosen[0]:.3f}"
    else:
        text = ", ".join(f"{t:.3f}" for t in chosen)
    return f"{text} ({len(chosen)} of {len(grid)} thresholds within {PLATEAU_TOLERANCE} of the best)"
