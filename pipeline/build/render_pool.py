"""Render jobs in a pool of worker processes.

Each worker loads WeasyPrint once and keeps one FontConfiguration (fitting.font_config is
cached per process), and is replaced after RECYCLE_AFTER jobs so a long build's memory stays
bounded. Workers are spawned, not forked: a fork would copy the parent's state (and its
threads) into each worker. With one worker or one job, rendering happens in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass

from pipeline.models import Handout, OutputKind, Rendered
from pipeline.i18n.translations import Messages
from pipeline.templates import TemplateSet

RECYCLE_AFTER = 20  # jobs per worker process before it is replaced


@dataclass(frozen=True)
class Task:
    """Everything a worker needs to render one PDF."""

    handout: Handout
    kind: OutputKind
    locale: str
    page_size: str
    profile: str
    messages: Messages  # loaded and checked once, in the build's process
    templates: TemplateSet  # the project's own templates first, then the shipped ones


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(task: Task) -> Rendered:
    """Render one task (in whichever process calls it)."""
    from pipeline.render.pdf import render  # WeasyPrint loads only where something is rendered

    return render(task.handout, task.kind, task.locale, task.page_size, task.messages, profile=task.profile,
                  templates=task.templates)


def warm_up(templates: TemplateSet) -> None:
    """Load WeasyPrint, the stylesheet and the fonts: what every job of a worker reuses."""
    from pipeline.render.fitting import stylesheet

    stylesheet(templates)


class Pool:
    """Worker processes started early, so they load WeasyPrint while the text stages run."""

    def __init__(self, workers: int, jobs: int, templates: TemplateSet) -> None:
        self.size = min(workers, jobs)
        self.executor: ProcessPoolExecutor | None = None
        if self.size > 1:
            context = multiprocessing.get_context("spawn")
            self.executor = ProcessPoolExecutor(max_workers=self.size, mp_context=context,
                                                max_tasks_per_child=RECYCLE_AFTER)
            for _ in range(self.size):
                self.executor.submit(warm_up, templates)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.executor is not None:
            self.executor.shutdown(cancel_futures=True)

    def render_all(self, tasks: list[Task]) -> Iterator[tuple[int, Rendered]]:
        """Yield (index, rendered) for every task as it is done; leaflets (the longest) start first."""
        if self.executor is None:
            for index, task in enumerate(tasks):
                yield index, run(task)
            return
        order = sorted(range(len(tasks)), key=lambda i: tasks[i].kind != "leaflet")
        futures = {self.executor.submit(run, tasks[i]): i for i in order}
        for future in as_completed(futures):
            yield futures[future], future.result()
