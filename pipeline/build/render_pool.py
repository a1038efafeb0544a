"""Render jobs in a pool of worker processes.

Each worker loads WeasyPrint once and keeps one FontConfiguration (fitting.font_config is
cached per process). After RECYCLE_AFTER jobs a worker, so a long build's memory stays bounded,
the pool is replaced by a fresh one: not by the executor's max_tasks_per_child, which on Python
3.11 to 3.13 stops scheduling once a worker leaves at its limit with work still queued, and a
build of more than RECYCLE_AFTER PDFs a worker then waits for ever (CPython gh-115634). Workers are spawned, not forked: a fork would copy the parent's state (and its
threads) into each worker. With one worker or one job, rendering happens in this process.

Workers die with the build's process, however it ends (SIGKILL included): on Linux each asks the
kernel for SIGTERM when its parent goes (prctl PR_SET_PDEATHSIG); elsewhere a thread in each
watches os.getppid(). A build that stops early (an error, Ctrl-C, SIGTERM) ends its workers
at once rather than waiting for the PDFs they are rendering.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass

from pipeline.models import Handout, OutputKind, Rendered
from pipeline.render.time_limit import DEFAULT_TIME_LIMIT
from pipeline.i18n.translations import Messages
from pipeline.templates import TemplateSet

RECYCLE_AFTER = 40  # jobs per worker process before the pool is replaced


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
    time_limit: float = DEFAULT_TIME_LIMIT  # seconds a render may take (0: no limit)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(task: Task) -> Rendered:
    """Render one task (in whichever process calls it)."""
    from pipeline.render.pdf import render  # WeasyPrint loads only where something is rendered

    return render(task.handout, task.kind, task.locale, task.page_size, task.messages, profile=task.profile,
                  templates=task.templates, limit=task.time_limit)


def warm_up(templates: TemplateSet) -> None:
    """Load WeasyPrint, the stylesheet and the fonts: what every job of a worker reuses."""
    from pipeline.render.fitting import stylesheet

    stylesheet(templates)


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """In a worker: end when the process that started it ends (the pool's initializer)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent ended before prctl: no signal will come
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def start_executor(size: int) -> ProcessPoolExecutor:
    """size spawned worker processes that end with this one."""
    return ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context("spawn"),
                               initializer=die_with_parent, initargs=(os.getpid(),))


class Pool:
    """Worker processes started early, so they load WeasyPrint while the text stages run."""

    def __init__(self, workers: int, jobs: int, templates: TemplateSet | None,
                 work: Callable[[Task], Rendered] = run) -> None:
        self.size = min(workers, jobs)
        self.templates, self.work = templates, work  # work: run, or a stand-in in the tests
        self.executor: ProcessPoolExecutor | None = None
        if self.size > 1:
            self._start()

    def _start(self) -> None:
        self.executor = start_executor(self.size)
        if self.templates is not None:
            for _ in range(self.size):
                self.executor.submit(warm_up, self.templates)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if self.executor is None:
            return
        if kind is None:
            self.executor.shutdown(cancel_futures=True)
            return
        # Stopping early: end the workers now (the executor would wait for their current PDFs).
        workers = list(getattr(self.executor, "_processes", {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in workers:
            process.terminate()
        for process in workers:
            process.join(timeout=5)

    def render_all(self, tasks: list[Task]) -> Iterator[tuple[int, Rendered]]:
        """Yield (index, rendered) for every task as it is done; leaflets (the longest) start first."""
        if self.executor is None:
            for index, task in enumerate(tasks):
                yield index, self.work(task)
            return
        order = sorted(range(len(tasks)), key=lambda i: tasks[i].kind != "leaflet")
        batch = self.size * RECYCLE_AFTER
        for start in range(0, len(order), batch):
            if start:  # fresh workers for the next batch: the old ones' memory goes with them
                self.executor.shutdown()
                self._start()
            assert self.executor is not None
            futures = {self.executor.submit(self.work, tasks[i]): i for i in order[start:start + batch]}
            for future in as_completed(futures):
                yield futures[future], future.result()
