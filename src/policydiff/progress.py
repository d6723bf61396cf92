"""Progress bars on stderr for long runs (documents read, pairs aligned).

The pipeline reports progress through a plain callable ``progress(stage, done, total)``
and knows nothing of terminals; this module turns those calls into rich progress bars.
Nothing is drawn when stderr is not a terminal (a pipe, a log file, CI), so logs stay clean.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

#: What each pipeline stage is called on its bar.
STAGE_DESCRIPTIONS = {
    "documents": "Reading documents",
    "pairs": "Aligning pairs",
    "other_pairs": "Aligning the other pairs",
}

ProgressCallback = Callable[[str, int, int], None]


@contextmanager
def progress_bars(*, enabled: bool = True) -> Iterator[ProgressCallback | None]:
    """A progress callback drawing one bar per stage on stderr, or None when nothing is to be drawn.

    Parameters
    ----------
    enabled : bool
        False (``--quiet``) draws nothing; so does a stderr that is not a terminal.

    Yields
    ------
    callable or None
        ``progress(stage, done, total)``: ``done`` of ``total`` units of ``stage`` finished.
    """
    if not enabled:
        yield None
        return
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bars = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True,
    )
    tasks: dict[str, int] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bars.add_task(STAGE_DESCRIPTIONS.get(stage, stage), total=total)
        bars.update(tasks[stage], completed=done, total=total)

    with bars:
        yield report
