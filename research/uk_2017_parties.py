"""Study (b): the parties of one election — the UK general election of 2017.

The Conservative, Labour, Liberal Democrat, Green, SNP and UKIP manifestos compared in
party mode: which pledges the parties share, and how much of each party's programme another
party also offers.  The manifestos are the parties' copyright and are read from
``../shared/corpora/uk-manifestos/`` beside the checkout; only figures are committed
(``SUMMARY.md`` and ``overlap.json``) — the full outputs, which quote the manifestos, stay
out of the repository (see ``.gitignore``).  Writes ``reports/uk-2017-parties/``.

    python research/uk_2017_parties.py
"""

from __future__ import annotations

import sys

from study import UK_MANIFESTOS, dump_json, out_root_from_argv, run_study, write_summary

STUDY = "uk-2017-parties"
PARTIES = ("conservative", "labour", "liberal-democrats", "green", "snp", "ukip")


def main() -> None:
    if not UK_MANIFESTOS.is_dir():
        sys.exit(f"{UK_MANIFESTOS}: the UK manifestos are not there (they live in ../shared beside the checkout)")
    out_root = out_root_from_argv()
    sources = [UK_MANIFESTOS / f"2017-{party}.txt" for party in PARTIES]
    comparison = run_study(STUDY, sources, out_root=out_root, mode="parties", taxonomy="domains", seed=0)
    overlap = comparison.overlap()
    labels = {d.id: d.label for d in comparison.documents}
    dump_json(out_root / STUDY / "overlap.json",
              {f"{labels[a]} → {labels[b]}": round(share, 4) for (a, b), share in sorted(overlap.items())})
    header = "| pledges of ↓ found in → | " + " | ".join(labels[d.id] for d in comparison.documents) + " |"
    lines = [
        "Share of each party's pledges (rows) that the other party's manifesto (columns) also makes,",
        "as aligned by policydiff's default lexical matching (cautious: reworded shared pledges are missed).",
        "",
        header,
        "|---" * (len(comparison.documents) + 1) + "|",
    ]
    for row in comparison.documents:
        cells = ["—" if row.id == col.id else f"{overlap[(row.id, col.id)]:.1%}" for col in comparison.documents]
        lines.append(f"| {row.label} ({len(comparison.pledges_of(row.id))} pledges) | " + " | ".join(cells) + " |")
    write_summary(out_root / STUDY, "UK general election 2017: pledges shared between parties", lines)


if __name__ == "__main__":
    main()
