"""A progress bar on standard error, one line per platform, only for a person watching."""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn


@contextmanager
def platform_progress(targets, *, enabled: bool):
    if not enabled:
        yield lambda outcome: None
        return
    totals = Counter(target.info.platform for target in targets)
    with Progress(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        tasks = {name: progress.add_task(name, total=n) for name, n in totals.items()}
        yield lambda outcome: progress.advance(tasks[outcome.platform])
