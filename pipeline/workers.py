"""Render jobs in a pool of worker processes.

Each worker loads WeasyPrint once and keeps one FontConfiguration (render._font_config is
cached per process), and is replaced after RECYCLE_AFTER jobs so a long build's memory stays
bounded. Workers are spawned, not forked: a fork would copy the parent's state (and its
threads) into each worker. With one worker or one job, rendering happens in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .models import Handout, OutputKind, Rendered

RECYCLE_AFTER = 20  # jobs per worker process before it is replaced


@dataclass(frozen=True)
class Task:
    """Everything a worker needs to render one PDF."""

    root: Path
    handout: Handout
    kind: OutputKind
    locale: str
    page_size: str
    profile: str


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(task: Task) -> Rendered:
    """Render one task (in whichever process calls it)."""
    from .render import render  # WeasyPrint loads only where something is rendered

    return render(task.handout, task.kind, task.locale, task.page_size, _messages(task.root, task.locale),
                  profile=task.profile)


@cache
def _messages(root: Path, locale: str):  # noqa: ANN202 - Messages, imported lazily
    from .translations import load_messages

    return load_messages(root, locale)


def render_all(tasks: list[Task], workers: int) -> Iterator[tuple[int, Rendered]]:
    """Yield (index, rendered) for every task, in task order."""
    if workers <= 1 or len(tasks) <= 1:
        for index, task in enumerate(tasks):
            yield index, run(task)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=context,
                             max_tasks_per_child=RECYCLE_AFTER) as pool:
        yield from enumerate(pool.map(run, tasks))
