"""build(config, options) -> BuildReport: plan, skip what is up to date, prepare, render, write.

Reads top to bottom:
1. plan every output of the build (or of one shard) with a key hashing all it depends on;
2. keep outputs whose key and bytes match the record of the last build (state.py);
3. run the text stages for the topics that still need work;
4. render the PDFs that still need work in a pool of worker processes;
5. write everything atomically, then the manifest and the report.
A failed build leaves no manifest.json and removes what it was about to replace, so an old
output is never passed off as new.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import state
from .config import PAGE_SIZES, Config, Topic
from .errors import HandoutError
from .localize import MARKER
from .models import BuildReport, Output, Rendered
from .output import OutputWriter
from .plan import PROFILES, Job, Plan, TopicFiles, make_plan
from .pofiles import languages
from .workers import Pool, Task, default_workers

if TYPE_CHECKING:
    from .stages import Prepared
    from .translations import Messages

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
REPORT = "report.json"
SHARDS = "shards"  # a shard's manifest and report: shards/manifest-1-of-4.json

__all__ = ["BuildOptions", "build", "build_locales", "select_topics"]


def __getattr__(name: str) -> Any:
    """prepare() lives in stages.py; loaded on first use, so a no-op build stays quick."""
    if name in ("prepare", "Prepared"):
        from . import stages

        return getattr(stages, name)
    raise AttributeError(name)


@dataclass(frozen=True)
class BuildOptions:
    """What to build and where."""

    output: Path
    topics: tuple[str, ...] = ()  # empty: every topic
    locales: tuple[str, ...] = ()  # empty: English and every language under locales/
    page_size: str = "A4"
    profile: str = "office"  # office | print-shop | large-print
    workers: int = 0  # render processes; 0: one per core
    shard: tuple[int, int] = (1, 1)  # (I, N): build the I-th of N deterministic slices
    force: bool = False  # render everything, whatever the last build recorded


def build(
    config: Config, options: BuildOptions, progress: Callable[[str], None] = lambda _: None
) -> BuildReport:
    """Build every selected topic and locale into options.output."""
    started = time.monotonic()
    topics = select_topics(config, options.topics)
    options = replace(options, locales=options.locales or build_locales(config.root))
    _check_options(options)
    plan = make_plan(config, topics, options.locales, options.page_size, options.profile, options.shard)
    sharded = options.shard != (1, 1)
    manifest_name, report_name = _summary_files(options.shard)
    previous = [] if sharded else _previous_outputs(options.output)
    # A failed build must not leave last run's manifest or PDFs looking like this run's.
    for name in (manifest_name, report_name):
        (options.output / name).unlink(missing_ok=True)

    kept, todo = _up_to_date(options, plan)
    writer = OutputWriter(options.output)
    try:
        records = _make(config, options, topics, plan, todo, writer, progress)
    except BaseException:
        planned = [job.path for job in todo.jobs] + [p for f in todo.topic_files for p in f.paths]
        _remove_unwritten(options.output, planned, writer.written)
        raise
    records.update(kept)
    outputs = [_output(job, records[job.path]) for job in plan.jobs]
    if not options.topics and not sharded:  # a full build also clears outputs of topics that are gone
        _remove_unwritten(options.output, previous, [o.path for o in outputs])
    warnings = sorted({w for f in plan.topic_files for w in records[f.paths[0]].warnings}
                      | {w for job in plan.jobs for w in records[job.path].warnings})
    warnings += _translation_warnings(outputs)
    left_out = [(job.path, tuple(i for i, _ in records[job.path].left_out),
                 tuple(t for _, t in records[job.path].left_out)) for job in plan.jobs if records[job.path].left_out]
    writer.write(report_name, _report(left_out, warnings))
    writer.write(manifest_name, _manifest(outputs))
    rendered = len(todo.jobs)
    progress(f"{rendered} of {len(plan.jobs)} PDFs rendered, {len(plan.jobs) - rendered} up to date "
             f"({time.monotonic() - started:.1f} s)")
    return BuildReport(
        outputs=tuple(outputs),
        left_out=tuple(left_out),
        facts_files=tuple(f.paths[0] for f in plan.topic_files),
        warnings=tuple(warnings),
        rendered=tuple(job.path for job in todo.jobs),
    )


def _check_options(options: BuildOptions) -> None:
    if options.page_size not in PAGE_SIZES:
        raise HandoutError(f"unknown page size {options.page_size!r} (use {' or '.join(PAGE_SIZES)})")
    if options.profile not in PROFILES:
        raise HandoutError(f"unknown print profile {options.profile!r} (use {', '.join(PROFILES)})")


def _up_to_date(options: BuildOptions, plan: Plan) -> tuple[dict[str, state.Record], Plan]:
    """Split the plan into outputs the last build already made, and the plan of what is left."""
    kept: dict[str, state.Record] = {}
    jobs, files = [], []
    for job in plan.jobs:
        record = None if options.force else state.current(options.output, job.path, job.key)
        if record is None:
            jobs.append(job)
        else:
            kept[job.path] = record
    for topic_files in plan.topic_files:
        first, *others = topic_files.paths
        record = None if options.force else state.current(options.output, first, topic_files.key, tuple(others))
        if record is None:
            files.append(topic_files)
        else:
            kept[first] = record
    return kept, Plan(tuple(jobs), tuple(files))


def _make(config: Config, options: BuildOptions, topics: list[Topic], plan: Plan, todo: Plan,
          writer: OutputWriter, progress: Callable[[str], None]) -> dict[str, state.Record]:
    """Prepare the topics that need work, render the PDFs that need it, write them all."""
    from .stages import prepare
    from .translations import load_messages

    by_key = {topic.key: topic for topic in topics}
    records: dict[str, state.Record] = {}
    with Pool(options.workers or default_workers(), len(todo.jobs)) as pool:  # workers load meanwhile
        # Loaded and checked once: a broken PO file stops the build here, before any work.
        messages = {locale: load_messages(config.root, locale) for locale in sorted({j.locale for j in todo.jobs})}
        prepared: dict[str, Prepared] = {}
        for key in sorted({job.topic for job in todo.jobs} | {f.topic for f in todo.topic_files}):
            progress(f"{key}: cleaning and merging {len(by_key[key].sources)} sources")
            prepared[key] = prepare(config, by_key[key])
        for files in todo.topic_files:
            records[files.paths[0]] = _write_topic_files(by_key[files.topic], prepared[files.topic], files, writer,
                                                         options)
        tasks = [Task(prepared[job.topic].handout, job.kind, job.locale, options.page_size, options.profile,
                      messages[job.locale]) for job in todo.jobs]
        done = len(plan.jobs) - len(tasks)
        for index, rendered in pool.render_all(tasks):
            job = todo.jobs[index]
            records[job.path] = _write_pdf(options, job, rendered, prepared[job.topic], messages[job.locale], writer)
            done += 1
            progress(f"[{done}/{len(plan.jobs)}] {records[job.path].file or job.path} "
                     f"({rendered.pages} page{'s' * (rendered.pages > 1)})")
    return records


def _write_pdf(options: BuildOptions, job: Job, rendered: Rendered, prepared: Prepared, messages: Messages,
               writer: OutputWriter) -> state.Record:
    """Write one rendered PDF and its HTML preview, and record them."""
    path = _final_path(job, rendered.pages, options.profile)
    writer.write(path.removesuffix(".pdf") + ".html", rendered.html)
    digest = writer.write(path, rendered.pdf)
    texts = {c.id: c.canonical.text for c in prepared.clusters}
    record = state.Record(job.key, digest, rendered.pages, rendered.layout_passes,
                          [[i, texts[i]] for i in rendered.left_out], list(rendered.untranslated),
                          messages.reviewed, [f"{path}: {m}" for m in rendered.warnings],
                          file=path if path != job.path else "")
    for message in rendered.warnings:
        log.warning("%s: %s", path, message)
    state.save(options.output, job.path, record)
    return record


def _final_path(job: Job, pages: int, profile: str) -> str:
    """A large-print summary that needs two pages says so in its name."""
    if profile == "large-print" and job.kind == "summary" and pages > 1:
        return job.path.removesuffix(".pdf") + "-2-pages.pdf"
    return job.path


def _write_topic_files(topic: Topic, prepared: Prepared, files: TopicFiles, writer: OutputWriter,
                       options: BuildOptions) -> state.Record:
    """Write facts.json and review.html for one topic, and record them."""
    from .catalog import fact_catalog
    from .review import review_page

    digest = writer.write(files.paths[0], fact_catalog(prepared.handout, prepared.clusters, prepared.cleaned))
    writer.write(files.paths[1], review_page(
        topic.key, topic.title, prepared.cleaned, prepared.clusters, prepared.handout,
        prepared.conflicts, prepared.decisions, topic.language, prepared.repeats, prepared.repeat_method))
    warnings = [f"{r.decision.where}: {r.status}" for r in prepared.decisions if r.status != "applied"]
    record = state.Record(files.key, digest, warnings=warnings)
    state.save(options.output, files.paths[0], record)
    return record


def _output(job: Job, record: state.Record) -> Output:
    return Output(record.file or job.path, job.topic, job.locale, job.kind, record.pages, record.sha256,
                  tuple(record.untranslated), record.reviewed)


def select_topics(config: Config, wanted: Sequence[str]) -> list[Topic]:
    """The topics to build, in name order; an unknown name is an error."""
    known = {topic.key: topic for topic in config.topics}
    unknown = sorted(set(wanted) - set(known))
    if unknown:
        raise HandoutError(f"unknown topic {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    return [known[key] for key in sorted(set(wanted) or known)]


def build_locales(root: Path) -> tuple[str, ...]:
    """English, then every language with PO files under locales/."""
    return ("en", *(language for language in languages(root) if language != "en"))


def _translation_warnings(outputs: Sequence[Output]) -> list[str]:
    """Per language: each message printed in English (in the report), and a count on screen.

    Translations that are wrong (failing a check) or outdated are also printed on screen one
    by one, with file and line; merely untranslated ones are counted (`handout stats`).
    """
    lines: list[str] = []
    for locale in sorted({o.locale for o in outputs}):
        problems = sorted({p for o in outputs if o.locale == locale for p in o.untranslated})
        lines.extend(f"{problem} (printed in English)" for problem in problems)
        for problem in problems:
            if ": not translated" not in problem and "not in the PO file" not in problem:
                log.warning("%s (printed in English)", problem)
        if problems:
            lines.append(count_line(locale, len(problems)))
            log.warning("%s", lines[-1])
    return lines


COUNT_LINE = "message(s) printed in English, marked"


def count_line(locale: str, count: int) -> str:
    """The report's line counting one language's messages printed in English."""
    return f"{locale}: {count} {COUNT_LINE} {MARKER} (list: report.json; details: handout check)"


def _summary_files(shard: tuple[int, int]) -> tuple[str, str]:
    """Where the manifest and report go: the top of the output folder, or shards/ for a shard."""
    if shard == (1, 1):
        return MANIFEST, REPORT
    index, count = shard
    return f"{SHARDS}/manifest-{index}-of-{count}.json", f"{SHARDS}/report-{index}-of-{count}.json"


def _manifest(outputs: Sequence[Output]) -> str:
    """The manifest: every PDF with its topic, locale, kind, pages, sha256 and translation state."""
    rows = [
        {"path": o.path, "topic": o.topic, "locale": o.locale, "kind": o.kind, "pages": o.pages, "sha256": o.sha256,
         "untranslated": len(o.untranslated), "reviewed": o.reviewed}
        for o in sorted(outputs, key=lambda o: o.path)
    ]
    return json.dumps({"outputs": rows}, indent=2) + "\n"


def _report(left_out: Sequence[tuple[str, tuple[str, ...], tuple[str, ...]]], warnings: Sequence[str]) -> str:
    """The build report: what each summary left out to fit one page, and any warnings."""
    rows = {path: [{"id": i, "text": t} for i, t in zip(ids, texts, strict=True)]
            for path, ids, texts in sorted(left_out)}
    return json.dumps({"left_out": rows, "warnings": list(warnings)}, ensure_ascii=False, indent=2) + "\n"


def _previous_outputs(directory: Path) -> list[str]:
    """The PDFs the last build's manifest lists (none if it is missing or unreadable)."""
    try:
        rows = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))["outputs"]
        return [str(row["path"]) for row in rows]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _remove_unwritten(directory: Path, planned: Sequence[str], written: Sequence[str]) -> None:
    """Delete planned outputs this run did not write (or keep): they are from an earlier run."""
    for relative in sorted(set(planned) - set(written)):
        for path in (directory / relative, directory / (relative.removesuffix(".pdf") + ".html")):
            if path.exists():
                log.warning("%s: removed, it is from an earlier build", path)
                path.unlink()
        state.forget(directory, relative)
