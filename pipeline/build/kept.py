"""What a partial build (--topic, --locale, --kind) keeps listing of the outputs earlier builds made.

A partial build renders its selection only, but manifest.json and report.json describe the whole
output folder. Another output stays listed while it is current: its file is there with the
sha256 of the record beside it, and the record's key is the key the current plan computes for it
(its sources, translations, templates and the code unchanged since). One that is not current is
left out, with a warning naming it and the command that refreshes it: a stale file is never
listed as current. An output of a topic or language no longer in the project cannot be refreshed:
any build removes it, as a full build does.

The outputs looked at are those the last manifest lists and those of the default build (every
topic, English and every language, both kinds) that have a record: a manifest removed by a failed
build does not make the outputs before it disappear from the next one.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.build import records
from pipeline.build.plan import Job, Plan, make_plan, pdf_path
from pipeline.build.report import MANIFEST
from pipeline.config import Config
from pipeline.errors import HandoutError
from pipeline.i18n.locale_data import is_source_language
from pipeline.i18n.po_files import languages
from pipeline.models import Output, OutputKind
from pipeline.render.profiles import DEFAULT_PAGE_SIZE, DEFAULT_PROFILE, KINDS

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Listed:
    """An output as a manifest lists it."""

    path: str
    topic: str
    locale: str
    kind: str


@dataclass(frozen=True)
class Kept:
    """Earlier outputs a partial build lists beside its own, and what it says about the others."""

    outputs: tuple[Output, ...] = ()
    facts_files: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # kept topics' warnings, and every output left out as out of date
    gone: tuple[str, ...] = ()  # listed outputs of a topic or language no longer in the project: to remove


def previous_listing(directory: Path) -> tuple[Listed, ...]:
    """The outputs the last build's manifest lists (none if it is missing or unreadable)."""
    try:
        rows = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))["outputs"]
        return tuple(Listed(str(r["path"]), str(r["topic"]), str(r["locale"]), str(r["kind"])) for r in rows)
    except (OSError, ValueError, KeyError, TypeError):
        return ()


def kept_outputs(config: Config, output: Path, plan: Plan, previous: Sequence[Listed],
                 default_locales: tuple[str, ...], page_size: str, profile: str) -> Kept:
    """The outputs outside plan that are still current, and a warning for each earlier one that is not."""
    planned = {(job.topic, job.locale, job.kind) for job in plan.jobs}
    listed = _triples(previous)
    default = {(topic.key, locale, kind) for topic in config.topics for locale in default_locales for kind in KINDS}
    recorded = {triple for triple in default if records.exists(output, pdf_path(*triple, profile))}
    known, gone = _split_known(config, (listed | recorded) - planned)
    kept, stale = [], []
    for job in sorted(_jobs(config, known, page_size, profile), key=lambda job: job.path):
        record = records.current(output, job.path, job.key)
        if record is not None:
            kept.append(records.as_output(job, record))
        elif (job.topic, job.locale, job.kind) in listed or records.exists(output, job.path):
            stale.append(job)
    files, warnings = _topic_files(config, output, plan, {o.topic for o in kept}, page_size, profile)
    notices = _stale_notices(stale, output, page_size, profile)
    for notice in notices:
        log.warning("%s", notice)
    removed = tuple(sorted(row.path for row in previous if (row.topic, row.locale, row.kind) in gone))
    return Kept(tuple(kept), files, tuple(sorted({*warnings, *notices})), removed)


def _triples(listing: Iterable[Listed]) -> set[tuple[str, str, str]]:
    return {(row.topic, row.locale, row.kind) for row in listing}


def _split_known(config: Config, candidates: set[tuple[str, str, str]]) -> tuple[set, set]:
    """Candidates whose topic, language and kind are still in the project, and the others."""
    topics = {topic.key for topic in config.topics}
    present = set(languages(config.root))
    known = {c for c in candidates if c[0] in topics and c[2] in KINDS and _has_language(c[1], present)}
    return known, candidates - known


def _has_language(locale: str, present: set[str]) -> bool:
    try:
        return is_source_language(locale) or bool({locale, locale.replace("-", "_").split("_")[0]} & present)
    except HandoutError:  # not a locale at all: a manifest written by hand
        return False


def _jobs(config: Config, triples: set[tuple[str, str, str]], page_size: str, profile: str) -> list[Job]:
    """The current plan's job (with its key) for each (topic, locale, kind)."""
    if not triples:
        return []
    topics = [topic for topic in config.topics if topic.key in {t for t, _, _ in triples}]
    locales = tuple(sorted({locale for _, locale, _ in triples}))
    kinds: tuple[OutputKind, ...] = tuple(k for k in KINDS if k in {kind for _, _, kind in triples})
    plan = make_plan(config, topics, locales, page_size, profile, kinds=kinds)
    return [job for job in plan.jobs if (job.topic, job.locale, job.kind) in triples]


def _topic_files(config: Config, output: Path, plan: Plan, topics: set[str], page_size: str,
                 profile: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """facts.json of the kept outputs' topics (when current), and those topics' own warnings."""
    topics -= {files.topic for files in plan.topic_files}
    if not topics:
        return (), ()
    chosen = [topic for topic in config.topics if topic.key in topics]
    files, warnings = [], []
    for topic_files in make_plan(config, chosen, (), page_size, profile).topic_files:
        first = topic_files.paths[0]
        record = records.current(output, first, topic_files.key)
        if record is not None:
            files.append(first)
            warnings += record.warnings
    return tuple(files), tuple(warnings)


def _stale_notices(stale: Sequence[Job], output: Path, page_size: str, profile: str) -> list[str]:
    """One warning per topic: its outputs that are out of date, and the command that refreshes them."""
    notices = []
    for topic in sorted({job.topic for job in stale}):
        jobs = [job for job in stale if job.topic == topic]
        command = ["handout build", f"--topic {topic}", *(f"--locale {l}" for l in sorted({j.locale for j in jobs}))]
        kinds = sorted({job.kind for job in jobs})
        command += [f"--kind {kind}" for kind in kinds] if len(kinds) < len(KINDS) else []
        command += [f"--page-size {page_size}"] if page_size != DEFAULT_PAGE_SIZE else []
        command += [f"--profile {profile}"] if profile != DEFAULT_PROFILE else []
        command.append(f"--output {output}")
        notices.append(f"{', '.join(job.path for job in jobs)}: out of date (its inputs changed since it was "
                       f"built), left out of {MANIFEST}; refresh with `{' '.join(command)}`")
    return notices
