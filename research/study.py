"""What every study here shares: run a comparison, write it with its provenance, summarise.

Each study script calls policydiff's public API (``policydiff.compare``,
``policydiff.report.write_reports``, ``policydiff.provenance``) and this module, and writes
to ``reports/<study>/``.  Rerunning a study gives a byte-identical ``comparison.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import policydiff
from policydiff import provenance
from policydiff.report import write_reports

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
UK_MANIFESTOS = ROOT.parent / "shared" / "corpora" / "uk-manifestos"


def run_study(name: str, sources: list, *, out_root: Path = REPORTS, **options) -> policydiff.Comparison:
    """Compare ``sources`` and write every report, with provenance, to ``out_root/name``."""
    comparison = policydiff.compare(sources, **options)
    script = Path(sys.argv[0]).resolve().relative_to(ROOT).as_posix()
    record = provenance.collect(comparison, command=["python", script])
    record["study"] = name
    write_reports(comparison, out_root / name, force=True, provenance=provenance.dumps(record))
    return comparison


def write_summary(out_dir: Path, title: str, lines: list[str]) -> None:
    """A short Markdown summary of a study's findings, beside its reports."""
    (out_dir / "SUMMARY.md").write_text(f"# {title}\n\n" + "\n".join(lines) + "\n", encoding="utf-8")


def out_root_from_argv() -> Path:
    """``--out-root DIR`` (for tests), else ``reports/``."""
    if "--out-root" in sys.argv:
        return Path(sys.argv[sys.argv.index("--out-root") + 1])
    return REPORTS


def dump_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, sort_keys=True, indent=1) + "\n", encoding="utf-8")
