"""build(config, options) -> BuildReport: plan, skip what is up to date, prepare, render, write.

Reads top to bottom:
1. plan every output of the build (or of one shard) with a key hashing all it depends on; by
   default a language is left out of a topic it translates none of (plan.languages_not_begun);
2. keep outputs whose key and bytes match the record of the last build (records.py);
3. run the text stages for the topics that still need work;
4. render the PDFs that still need work in a pool of worker processes;
5. write everything atomically, then the manifest and the report, which a partial build
   (--topic, --locale, --kind) makes of its outputs and the others still current (kept.py).
A failed build (any error, Ctrl-C and SIGTERM included) leaves no manifest.json or report.json
and removes what it was about to replace, so an old output is never passed off as new. One build
at a time per output folder (lock.py). A language whose catalog is broken (or whose text a bundled
font cannot draw) is not built, and stops nothing else (catalogs.py): the report names it and
why (`not_built`), and its earlier outputs stay on disk but out of the manifest.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.atomic_files import OutputWriter, fault
from pipeline.build import records
from pipeline.build.kept import Kept, Listed, kept_outputs, previous_listing
from pipeline.build.lock import output_lock
from pipeline.build.plan import Job, Plan, TopicFiles, languages_not_begun, make_plan, not_begun_notices
from pipeline.build.render_pool import Pool, Task, default_workers
from pipeline.build.report import MANIFEST, REPORT, log_printed_in_english, manifest_json, report_json, to_json
from pipeline.config import Config, Topic, clinic_in
from pipeline.errors import HandoutError
from pipeline.i18n.locale_data import is_source_language
from pipeline.i18n.po_files import languages
from pipeline.i18n.translations import facts_file
from pipeline.models import BuildReport, FitHint, LeftOut, Output, OutputKind, Rendered
from pipeline.render.time_limit import DEFAULT_TIME_LIMIT
from pipeline.render.profiles import DEFAULT_PAGE_SIZE, DEFAULT_PROFILE, KINDS, PAGE_SIZES, PRINT_PROFILES

if TYPE_CHECKING:
    from pipeline.i18n.translations import Messages
    from pipeline.prepared_topic import Prepared

log = logging.getLogger(__name__)

SHARDS = "shards"  # a shard's records: shards/build-1-of-4.json

__all__ = ["BuildOptions", "build", "discard_summary", "build_locales", "select_topics", "write_summary"]


@dataclass(frozen=True)
class BuildOptions:
    """What to build and where."""

    output: Path
    topics: tuple[str, ...] = ()  # empty: every topic
    # Empty: English, and every language under locales/ that translates some of the topic.
    locales: tuple[str, ...] = ()
    translated_only: bool = False  # also leave out given languages that translate none of a topic (release)
    kinds: tuple[OutputKind, ...] = ()  # empty: leaflet and summary
    page_size: str = DEFAULT_PAGE_SIZE
    profile: str = DEFAULT_PROFILE  # a key of PRINT_PROFILES
    workers: int = 0  # render processes; 0: one per core
    shard: tuple[int, int] = (1, 1)  # (I, N): build the I-th of N deterministic slices
    force: bool = False  # render everything, whatever the last build recorded
    time_limit: float = DEFAULT_TIME_LIMIT  # seconds one PDF's render may take (0: no limit)


def build(
    config: Config, options: BuildOptions, progress: Callable[[str], None] = lambda _: None
) -> BuildReport:
    """Build every selected topic and locale into options.output, holding its lock (lock.py)."""
    with output_lock(options.output):
        try:
            return _build(config, options, progress)
        except BaseException:
            discard_summary(options.output, options.shard)
            raise


def discard_summary(output: Path, shard: tuple[int, int] = (1, 1)) -> None:
    """Remove the manifest and report (or a shard's records): the build that fails leaves none."""
    for name in _summary_files(shard):
        try:
            (output / name).unlink(missing_ok=True)
        except OSError as exc:  # already failing: say so, and let the first error be the one reported
            log.error("%s", fault(exc, output / name, "cannot remove"))


def _build(config: Config, options: BuildOptions, progress: Callable[[str], None]) -> BuildReport:
    started = time.monotonic()
    topics = select_topics(config, options.topics)
    sharded = options.shard != (1, 1)
    partial = bool(options.topics or options.locales or options.kinds)
    only_begun = options.translated_only or not options.locales
    options = replace(options, locales=options.locales or build_locales(config.root))
    _check_options(options, topics, config.root)
    memory = None if sharded else options.output
    not_begun = languages_not_begun(config, topics, options.locales, memory) if only_begun else ()
    plan = make_plan(config, topics, options.locales, options.page_size, options.profile, options.shard,
                     options.kinds or KINDS, left_out=not_begun)
    notices = not_begun_notices(config, not_begun)
    if not options.translated_only:  # a release lists them its own way
        for notice in notices:
            log.warning("%s", notice)
    summary_files = _summary_files(options.shard)
    previous = () if sharded else previous_listing(options.output)
    # A failed build must not leave last run's manifest or PDFs looking like this run's.
    for name in summary_files:
        _unlink(options.output / name)

    kept, todo = _up_to_date(options, plan)
    writer = OutputWriter(options.output)
    try:
        done, not_built = _prepare_and_render(config, options, topics, plan, todo, writer, progress)
    except BaseException:
        planned = [job.path for job in todo.jobs] + [p for f in todo.topic_files for p in f.paths]
        try:
            _remove_unwritten(options.output, planned, writer.written)
        except HandoutError as cleanup:  # the first error is the one to report
            log.error("%s", cleanup)
        raise
    done.update(kept)
    _write_preview_assets(config, options.output, writer)
    outputs = tuple(records.as_output(job, done[job.path]) for job in plan.jobs if job.path in done)
    others = Kept() if sharded else _the_rest(config, options, plan, outputs, previous, partial, set(not_built))
    report = BuildReport(
        outputs=outputs,
        facts_files=tuple(sorted({*(f.paths[0] for f in plan.topic_files), *others.facts_files})),
        warnings=tuple(sorted({*(w for f in plan.topic_files for w in done[f.paths[0]].warnings),
                               *notices, *others.warnings,
                               *_held_back(options.output, plan, previous, not_built)})),
        rendered=tuple(job.path for job in todo.jobs if job.locale not in not_built),
        kept=others.outputs,
        not_begun=not_begun,
        not_built=tuple(sorted(not_built.items())),
    )
    if sharded:
        writer.write(summary_files[0], to_json(report))  # merge-shards writes the manifest and report
    else:
        write_summary(writer, report)
    rendered, up_to_date = len(report.rendered), len(plan.jobs) - len(todo.jobs)
    held = f", {len(todo.jobs) - rendered} not built ({', '.join(sorted(not_built))})" if not_built else ""
    progress(f"{rendered} of {len(plan.jobs)} PDFs rendered, {up_to_date} up to date{held} "
             f"({time.monotonic() - started:.1f} s)")
    return report


def _the_rest(config: Config, options: BuildOptions, plan: Plan, outputs: Sequence[Output],
              previous: Sequence[Listed], partial: bool, not_built: set[str]) -> Kept:
    """What the manifest lists beside this build's outputs, and removing what no manifest may list.

    A partial build keeps listing the other outputs that are still current (kept.py); a full
    build lists its own alone, and removes the other outputs the last manifest listed. The
    earlier outputs of a language not built stay on disk, unlisted (_held_back says so).
    """
    written = [o.path for o in outputs]
    if not partial:
        _remove_unwritten(options.output, [row.path for row in previous if row.locale not in not_built], written)
        return Kept()
    others = kept_outputs(config, options.output, plan, previous, build_locales(config.root),
                          options.page_size, options.profile)
    # Earlier names of this build's outputs (a 2-page summary now on one), and outputs of what is gone.
    planned = {(job.topic, job.locale, job.kind) for job in plan.jobs}
    renamed = [row.path for row in previous if (row.topic, row.locale, row.kind) in planned
               and row.locale not in not_built]
    _remove_unwritten(options.output, [*renamed, *others.gone], written)
    return others


def _held_back(output: Path, plan: Plan, previous: Sequence[Listed], not_built: dict[str, str]) -> list[str]:
    """Per language not built: why, and its earlier outputs still on disk, which no manifest lists."""
    notices = []
    planned = {(job.topic, job.locale, job.kind) for job in plan.jobs}
    for locale, why in sorted(not_built.items()):
        # Those outside the plan are the partial build's to judge (kept.py: out of date).
        paths = sorted({job.path for job in plan.jobs if job.locale == locale}
                       | {row.path for row in previous if (row.topic, row.locale, row.kind) in planned
                          and row.locale == locale})
        earlier = [path for path in paths if (output / path).is_file()]
        notices.append(f"{locale}: not built: {why}")
        if earlier:
            notices.append(f"{', '.join(earlier)}: from an earlier build, left out of {MANIFEST} "
                           f"({locale} was not built this time)")
            log.warning("%s", notices[-1])
    return notices


def write_summary(writer: OutputWriter, report: BuildReport) -> None:
    """Write report.json, then manifest.json (last: its presence means the build succeeded)."""
    log_printed_in_english(report.outputs)  # those kept were reported by the build that made them
    writer.write(REPORT, report_json(report))
    writer.write(MANIFEST, manifest_json((*report.outputs, *report.kept)))


def _check_options(options: BuildOptions, topics: Sequence[Topic], root: Path) -> None:
    if options.page_size not in PAGE_SIZES:
        raise HandoutError(f"unknown page size {options.page_size!r} (use {' or '.join(PAGE_SIZES)})")
    if options.profile not in PRINT_PROFILES:
        raise HandoutError(f"unknown print profile {options.profile!r} (use {', '.join(PRINT_PROFILES)})")
    unknown = sorted(set(options.kinds) - set(KINDS))
    if unknown:
        raise HandoutError(f"unknown output kind {', '.join(unknown)} (use {' or '.join(KINDS)})")
    for locale in options.locales:  # a language with no folder under locales/ is a mistake in the command
        if not is_source_language(locale):
            facts_file(root, locale)
    undated = [topic for topic in topics if not topic.issued]
    if undated:
        raise HandoutError("\n".join(
            f"{topic.folder / 'topic.yaml'}: no 'issued' date, and SOURCE_DATE_EPOCH is not set "
            "(a handout is never dated by the clock; `make` sets it to the last commit's time)" for topic in undated))


def _up_to_date(options: BuildOptions, plan: Plan) -> tuple[dict[str, records.Record], Plan]:
    """Split the plan into outputs the last build already made, and the plan of what is left."""
    kept: dict[str, records.Record] = {}
    jobs, files = [], []
    for job in plan.jobs:
        record = None if options.force else records.current(options.output, job.path, job.key)
        if record is None:
            jobs.append(job)
        else:
            kept[job.path] = record
    for topic_files in plan.topic_files:
        first = topic_files.paths[0]
        record = None if options.force else records.current(options.output, first, topic_files.key)
        if record is None:
            files.append(topic_files)
        else:
            kept[first] = record
    return kept, Plan(tuple(jobs), tuple(files))


def _prepare_and_render(config: Config, options: BuildOptions, topics: list[Topic], plan: Plan, todo: Plan,
          writer: OutputWriter, progress: Callable[[str], None]) -> tuple[dict[str, records.Record], dict[str, str]]:
    """Prepare the topics that need work, render the PDFs that need it, write them all.

    Returns what was written, and each language not built with why.
    """
    done: dict[str, records.Record] = {}
    if not todo.jobs and not todo.topic_files:
        return done, {}  # everything is up to date: not even the text stages are loaded
    from pipeline.build.catalogs import load_catalogs
    from pipeline.build.text_cache import prepare_cached

    by_key = {topic.key: topic for topic in topics}
    with Pool(options.workers or default_workers(), len(todo.jobs), config.templates) as pool:  # workers load meanwhile
        # Loaded and checked once: a broken PO file stops its language here, before any work.
        catalogs = load_catalogs(config, {job.locale for job in todo.jobs})
        messages = catalogs.messages
        jobs = [job for job in todo.jobs if job.locale in messages]
        prepared: dict[str, Prepared] = {}
        for key in sorted({job.topic for job in jobs} | {f.topic for f in todo.topic_files}):
            prepared[key] = prepare_cached(config, by_key[key], options.output, progress)
            if typos := prepared[key].spelling.typos:  # printed as the sources wrote them until the editor decides
                progress(f"{key}: {len(typos)} possible typo(s) in what it prints (see {options.output}/{key}/review.html "
                         f"or `handout typos {key}`)")
            if numbers := prepared[key].numbers:  # another hospital's line, printed until the editor decides
                log.warning("%s: %d printed statement(s) give a phone number that is not the clinic's, such as %r "
                            "(%s:%d); the ready `replace` decisions are in %s/%s/review.html#numbers", key, len(numbers),
                            numbers[0].number, numbers[0].source, numbers[0].line, options.output, key)
            if places := prepared[key].places:  # another hospital's arrangements, printed until the editor decides
                log.warning("%s: %d printed statement(s) name another hospital or a source's organisation, such as %r "
                            "(%s:%d); see %s/%s/review.html#places", key, len(places), places[0].name, places[0].source,
                            places[0].line, options.output, key)
        for files in todo.topic_files:
            done[files.paths[0]] = _write_topic_files(config, by_key[files.topic], prepared[files.topic], files,
                                                      writer, options)
        # The clinic's details in each language's own wording, where clinic.yaml gives one.
        tasks = [Task(replace(prepared[job.topic].handout, clinic=clinic_in(config, job.locale)), job.kind,
                      job.locale, options.page_size, options.profile, messages[job.locale], config.templates,
                      options.time_limit, _fit_hint(options, job))
                 for job in jobs]
        count, total = len(plan.jobs) - len(todo.jobs), len(plan.jobs) - len(todo.jobs) + len(jobs)
        for index, rendered in pool.render_all(tasks):
            job = jobs[index]
            done[job.path] = _write_pdf(options, job, rendered, prepared[job.topic], messages[job.locale], writer)
            count += 1
            progress(f"[{count}/{total}] {done[job.path].file or job.path} "
                     f"({rendered.pages} page{'s' * (rendered.pages > 1)})")
    return done, dict(catalogs.not_built)


def _fit_hint(options: BuildOptions, job: Job) -> FitHint | None:
    """A summary rendered again with nothing it depends on changed (--force): how the last build
    fitted it, so it is laid out once instead of searched for (the same inputs fit the same way)."""
    if job.kind != "summary" or (record := records.current(options.output, job.path, job.key)) is None \
            or record.fit_level < 0:
        return None
    return FitHint(record.fit_level, tuple(row.id for row in record.left_out))


def _write_pdf(options: BuildOptions, job: Job, rendered: Rendered, prepared: Prepared, messages: Messages,
               writer: OutputWriter) -> records.Record:
    """Write one rendered PDF and its HTML preview, and record them."""
    path = _final_path(job, rendered.pages, options.profile)
    preview = path.removesuffix(".pdf") + ".html"
    companions = ((preview, writer.write(preview, rendered.html)),)
    digest = writer.write(path, rendered.pdf)
    texts = {c.id: c.canonical.text for c in prepared.clusters}
    record = records.Record(job.key, digest, rendered.pages, rendered.layout_passes,
                            tuple(LeftOut(i, texts[i]) for i in rendered.left_out), rendered.untranslated,
                            messages.reviewed, rendered.warnings, file=path if path != job.path else "",
                            printed=rendered.printed, companions=companions,
                            fit_level=rendered.fit_level if job.kind == "summary" else -1)
    for message in rendered.warnings:
        log.warning("%s: %s", path, message)
    records.save(options.output, job.path, record)
    return record


def _write_preview_assets(config: Config, output: Path, writer: OutputWriter) -> None:
    """The fonts and logo the HTML previews link to (build/assets/), where missing or changed."""
    from pipeline.render.html import preview_assets

    for relative, source in sorted(preview_assets(config.templates, config.clinic.logo).items()):
        data = source.read_bytes()
        target = output / relative
        if not target.is_file() or target.read_bytes() != data:
            writer.write(relative, data)


def _final_path(job: Job, pages: int, profile: str) -> str:
    """A summary on more than one page (where its profile allows that) says so in its name."""
    if job.kind == "summary" and pages > 1 and PRINT_PROFILES[profile].summary_pages > 1:
        return job.path.removesuffix(".pdf") + f"-{pages}-pages.pdf"
    return job.path


def _write_topic_files(config: Config, topic: Topic, prepared: Prepared, files: TopicFiles,
                       writer: OutputWriter, options: BuildOptions) -> records.Record:
    """Write facts.json and review.html for one topic, and record them."""
    from pipeline.review.fact_catalog import fact_catalog
    from pipeline.review.review_page import review_page

    digest = writer.write(files.paths[0], fact_catalog(prepared.handout, prepared.clusters, prepared.cleaned))
    review = writer.write(files.paths[1], review_page(
        topic.key, topic.title, prepared.cleaned, prepared.clusters, prepared.handout,
        prepared.conflicts, prepared.decisions, topic.language, prepared.repeats, prepared.repeat_method,
        templates=config.templates, spelling=prepared.spelling, plain=prepared.plain, numbers=prepared.numbers,
        places=prepared.places))
    warnings = tuple(f"{r.decision.where}: {r.status}" for r in prepared.decisions if r.status != "applied")
    record = records.Record(files.key, digest, warnings=warnings, companions=((files.paths[1], review),))
    records.save(options.output, files.paths[0], record)
    return record


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


def _summary_files(shard: tuple[int, int]) -> tuple[str, ...]:
    """What a build writes last: the report and manifest, or a shard's records under shards/."""
    if shard == (1, 1):
        return REPORT, MANIFEST
    index, count = shard
    return (f"{SHARDS}/build-{index}-of-{count}.json",)


def _remove_unwritten(directory: Path, planned: Sequence[str], written: Sequence[str]) -> None:
    """Delete planned outputs this run did not write (or keep): they are from an earlier run."""
    for relative in sorted(set(planned) - set(written)):
        for path in (directory / relative, directory / (relative.removesuffix(".pdf") + ".html")):
            if path.exists() or path.is_symlink():
                log.warning("%s: removed, it is from an earlier build", path)
                _unlink(path)
        records.forget(directory, relative)


def _unlink(path: Path) -> None:
    """Remove one file; a folder in its place or a read-only folder is a HandoutError naming it."""
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise fault(exc, path, "cannot remove") from None
