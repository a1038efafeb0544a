"""Render jobs in a pool of worker processes.

Each worker loads WeasyPrint once and keeps one FontConfiguration (fitting.font_config is
cached per process). After RECYCLE_AFTER jobs a worker, so a long build's memory stays bounded,
the pool is replaced by a fresh one: not by the executor's max_tasks_per_child, which on Python
3.11 to 3.13 stops scheduling once a worker leaves at its limit with work still queued, and a
build of more than RECYCLE_AFTER PDFs a worker then waits for ever (CPython gh-115634).

Workers are forked from a fork server (where the platform has one), never from the build: a fork
of the build would copy its state and threads into each worker. The server is a fresh process
that loads WeasyPrint and the rendering code once (PRELOAD); each worker forked from it starts with
them loaded, where a spawned worker would import them again (about 0.6 s of CPU each, on cores the
text stages need at the same time). Without a fork server (Windows) workers are spawned. With one
worker or one job, rendering happens in this process.

Workers die with the build's process, however it ends (SIGKILL included): a thread in each waits
for the build's end (die_with). A build that stops early (an error, Ctrl-C, SIGTERM) ends its
workers at once rather than waiting for the PDFs they are rendering.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass

from pipeline.models import FitHint, Handout, OutputKind, Rendered
from pipeline.render.time_limit import DEFAULT_TIME_LIMIT
from pipeline.i18n.translations import Messages
from pipeline.templates import TemplateSet

RECYCLE_AFTER = 40  # jobs per worker process before the pool is replaced
# What the fork server loads for every worker: the entry point (a worker unpickling its task may
# need it) and the rendering code with WeasyPrint.
PRELOAD = ["__main__", "pipeline.render.pdf"]


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
    fit_hint: FitHint | None = None  # a summary's fit in the last build of the same inputs


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(task: Task) -> Rendered:
    """Render one task (in whichever process calls it)."""
    from pipeline.render.pdf import render  # WeasyPrint loads only where something is rendered

    return render(task.handout, task.kind, task.locale, task.page_size, task.messages, profile=task.profile,
                  templates=task.templates, limit=task.time_limit, fit_hint=task.fit_hint)


def warm_up(templates: TemplateSet) -> None:
    """Load WeasyPrint, the stylesheet and the fonts: what every job of a worker reuses."""
    from pipeline.render.fitting import stylesheet

    stylesheet(templates)


def die_with(build: int) -> None:
    """In a worker: end when the build's process ends, however it ends (the pool's initializer).

    The build, not the worker's parent: a forked worker's parent is the fork server, which lives
    as long as any worker holds its pipe. Linux tells of the end through a pidfd; elsewhere a
    thread looks every half second.
    """
    try:
        handle: int | None = os.pidfd_open(build)
    except ProcessLookupError:  # the build has ended already
        os._exit(1)
    except (AttributeError, OSError):  # not Linux, or a kernel older than 5.3
        handle = None
    threading.Thread(target=_wait_for_end, args=(build, handle), daemon=True, name="die-with-build").start()


def _wait_for_end(build: int, handle: int | None) -> None:
    if handle is not None:
        select.select([handle], [], [])  # readable once the process has ended
    else:
        while _running(build):
            time.sleep(0.5)
    os._exit(1)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process now has the number: ours has ended
        return False
    return True


def start_executor(size: int) -> ProcessPoolExecutor:
    """size worker processes, forked from the fork server (else spawned), that end with this one."""
    return ProcessPoolExecutor(max_workers=size, mp_context=worker_context(), initializer=die_with,
                               initargs=(os.getpid(),))


def start_fork_server() -> None:
    """Start the fork server now, where there is one: it loads WeasyPrint (about half a second)
    while the caller reads the project. A server no pool uses ends with this process."""
    if worker_context().get_start_method() == "forkserver":
        import multiprocessing.forkserver

        multiprocessing.forkserver.ensure_running()


def worker_context() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)  # read when the server starts, the first time only
    return context


class Pool:
    """Worker processes started early, so they load WeasyPrint while the text stages run."""

    def __init__(self, workers: int, jobs: int, templates: TemplateSet | None,
                 work: Callable[[Task], Rendered] = run) -> None:
        self.size = min(workers, jobs)
        self.templates, self.work = templates, work  # work: run, or a stand-in in the tests
        self.executor: ProcessPoolExecutor | None = None
        self.starting: threading.Thread | None = None
        if self.size > 1:
            # From a thread: starting a worker waits until the fork server has loaded WeasyPrint
            # (about half a second), time this thread spends on the text stages meanwhile.
            self.starting = threading.Thread(target=self._start, name="render-pool-start", daemon=True)
            self.starting.start()

    def _start(self) -> None:
        self.executor = start_executor(self.size)
        if self.templates is not None:
            for _ in range(self.size):
                self.executor.submit(warm_up, self.templates)

    def _started(self) -> None:
        if self.starting is not None:
            self.starting.join()
            self.starting = None

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self._started()  # so that no worker is started after the pool is shut
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
        self._started()
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
