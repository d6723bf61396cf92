"""Study (a): every State of the Union address of one presidency, year over year.

Barack Obama's addresses of 2010–2016 (2009 was an address to Congress, not a State of
the Union) compared each with the next: which commitments recur, which are dropped, how
their wording moves.  Writes ``reports/sotu-obama/``.

    python research/sotu_obama.py
"""

from __future__ import annotations

from study import out_root_from_argv, run_study, write_summary

from policydiff.read.sotu import sotu_documents

STUDY = "sotu-obama"


def main() -> None:
    out_root = out_root_from_argv()
    comparison = run_study(STUDY, sotu_documents("Obama"), out_root=out_root, seed=0)
    lines = ["| from → to | pledges | unchanged | changed | new | dropped |", "|---|---|---|---|---|---|"]
    for source, target in comparison.pairs:
        counts = comparison.counts(source, target)
        a, b = comparison.document(source), comparison.document(target)
        lines.append(
            f"| {a.label} → {b.label} | {len(comparison.pledges_of(source))} → {len(comparison.pledges_of(target))} "
            f"| {counts['unchanged']} | {counts['changed']} | {counts['new']} | {counts['dropped']} |"
        )
    recurring = [x for x in comparison.lineages if len(x.pledges) >= 2]
    lines += ["", f"{len(recurring)} commitments recur in two or more addresses:", ""]
    for lineage in recurring:
        first = comparison.pledge(lineage.pledges[0])
        years = sorted({comparison.document(comparison.pledge(p).doc).year for p in lineage.pledges})
        lines.append(f"- {', '.join(map(str, years))}: {first.clean}")
    write_summary(out_root / STUDY, "State of the Union addresses of Barack Obama, 2010–2016", lines)


if __name__ == "__main__":
    main()
