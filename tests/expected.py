"""Parse ``corpora/demo/EXPECTED.md`` into findings the tests check pledge by pledge."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1] / "corpora" / "demo"


@dataclass(frozen=True)
class Finding:
    """One row of an EXPECTED.md table: pledge prefixes on each side, status and kind."""

    pair: str
    status: str
    kind: str | None
    before: tuple[str, ...]
    after: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.pair} {self.status}/{self.kind or '-'}: {' | '.join(self.before or self.after)[:60]}"


@dataclass(frozen=True)
class ExpectedLineage:
    """One row of the Lineages table: the pledge prefixes per year (empty where absent)."""

    name: str
    cells: dict[int, tuple[str, ...]]
    flags: tuple[str, ...]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _prefixes(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def findings() -> list[Finding]:
    """Every row of the per-pair tables."""
    rows, pair = [], None
    for line in (DEMO / "EXPECTED.md").read_text(encoding="utf-8").splitlines():
        heading = re.match(r"## (\d{4}) → (\d{4})", line)
        if heading:
            pair = f"{heading.group(1)}→{heading.group(2)}"
        elif line.startswith("## "):
            pair = None
        elif pair and line.startswith("|") and not line.startswith(("| status", "|---")):
            status, kind, before, after = _cells(line)
            rows.append(Finding(pair, status, kind or None, _prefixes(before), _prefixes(after)))
    return rows


def lineages() -> list[ExpectedLineage]:
    """Every row of the Lineages table."""
    text = (DEMO / "EXPECTED.md").read_text(encoding="utf-8")
    section = text.split("## Lineages", 1)[1]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    years = [int(y) for y in _cells(lines[0])[1:-1]]
    found = []
    for line in lines[2:]:
        cells = _cells(line)
        found.append(
            ExpectedLineage(
                name=cells[0],
                cells={year: _prefixes(cell) for year, cell in zip(years, cells[1:-1])},
                flags=tuple(f.strip() for f in cells[-1].split(";") if f.strip()),
            )
        )
    return found
