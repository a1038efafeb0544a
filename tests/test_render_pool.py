"""The render pool: many more PDFs than its recycling limit all render, on fresh workers batch
after batch (Python 3.11's max_tasks_per_child would stop scheduling, CPython gh-115634)."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from pipeline.build import render_pool


@dataclass(frozen=True)
class _Job:
    kind: str
    number: int


def _stand_in(job: _Job) -> tuple[int, int]:
    """What a worker does instead of rendering: double the number, say which process did it."""
    return job.number * 2, os.getpid()


def test_a_build_of_many_more_jobs_than_the_recycling_limit_finishes_on_fresh_workers(monkeypatch):
    monkeypatch.setattr(render_pool, "RECYCLE_AFTER", 2)  # 4 jobs a pool of 2 workers, then a new pool
    jobs = [_Job("leaflet" if n % 2 else "summary", n) for n in range(11)]
    done: dict[int, tuple[int, int]] = {}

    def render() -> None:
        with render_pool.Pool(2, len(jobs), None, work=_stand_in) as pool:
            done.update(pool.render_all(jobs))

    worker = threading.Thread(target=render, daemon=True)
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive(), "the pool stopped scheduling: a build would wait for ever"
    assert {index: result for index, (result, _) in done.items()} == {n: 2 * n for n in range(11)}
    assert len({pid for _, pid in done.values()}) >= 3  # three batches: workers replaced, not reused


def _parent(_job: _Job) -> int:
    return os.getppid()


def test_workers_fork_from_the_server_started_before_the_build_reads_the_project():
    import multiprocessing.forkserver

    if render_pool.worker_context().get_start_method() != "forkserver":
        return  # spawned workers (no fork server on this platform): nothing to start early
    render_pool.start_fork_server()
    server = multiprocessing.forkserver._forkserver._forkserver_pid
    assert server is not None and server != os.getpid()
    with render_pool.Pool(2, 2, None, work=_parent) as pool:
        parents = {parent for _, parent in pool.render_all([_Job("leaflet", 1), _Job("summary", 2)])}
    assert parents == {server}  # the pool used the server already running, not a new one
