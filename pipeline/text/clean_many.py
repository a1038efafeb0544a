"""Cleaning many sources at once, and splitting them into facts: over the machine's cores when
there are enough to pay for it.

A topic of a few pages is cleaned in this process. Hundreds of pages (a clinic's whole library fed
in as one topic, the text-stage benchmark) are split over worker processes, as many as there are
cores: cleaning is most of the text stages' time, and each source is cleaned on its own, so the
result is the same either way, source by source and in order. A source's facts depend on that
source alone, so a worker splits the source it cleaned too (clean_and_split), rather than this
process splitting them all afterwards.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor

from pipeline.models import CleanSource, Fact, Source
from pipeline.text.clean import clean
from pipeline.text.facts import find_facts, source_facts
from pipeline.text.line_model import LineModel

# Below this many sources a pool costs more than it saves: each worker starts a Python process and
# imports the text stages (about a second), while a source takes about 10 ms to clean.
PARALLEL_FROM = 300

_Job = tuple[Source, frozenset[int], Mapping[int, str] | None]
_worker_model: LineModel | None = None


def clean_and_split(sources: Sequence[Source], shared: Mapping[str, frozenset[int]] | None = None,
                    repeated: Mapping[str, Mapping[int, str]] | None = None, model: LineModel | None = None,
                    workers: int = 0) -> tuple[tuple[CleanSource, ...], tuple[Fact, ...]]:
    """clean() of every source, in order, and find_facts() of the result; shared and repeated by
    source path (see clean()).

    workers: processes to use for many sources (0: one per core; 1: this process only).
    """
    jobs: list[_Job] = [(source, (shared or {}).get(source.path, frozenset()), (repeated or {}).get(source.path))
                        for source in sources]
    count = workers or os.cpu_count() or 1
    if count == 1 or len(jobs) < PARALLEL_FROM:
        cleaned = tuple(clean(source, lines, model, seen) for source, lines, seen in jobs)
        return cleaned, find_facts(cleaned)
    # spawn, not fork: a build forking while its render pool's threads run could copy a held lock.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_start_worker,
                             initargs=(model,)) as pool:
        done = list(pool.map(_clean_and_split_job, jobs, chunksize=max(1, len(jobs) // (count * 8))))
    by_path: dict[str, list[Fact]] = {}
    for cleaned_source, facts in done:
        by_path.setdefault(cleaned_source.path, []).extend(facts)
    # In find_facts' order: by source path (a stable sort keeps equal paths in source order).
    return tuple(c for c, _ in done), tuple(f for path in sorted(by_path) for f in by_path[path])


def _start_worker(model: LineModel | None) -> None:
    global _worker_model
    _worker_model = model  # sent once per worker, not with every source


def _clean_job(job: _Job) -> CleanSource:
    source, lines, seen = job
    return clean(source, lines, _worker_model, seen)


def _clean_and_split_job(job: _Job) -> tuple[CleanSource, tuple[Fact, ...]]:
    cleaned = _clean_job(job)
    return cleaned, tuple(source_facts(cleaned))
