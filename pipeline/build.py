"""build(config) -> BuildReport: the stages in order, then atomic writes and a manifest."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .catalog import fact_catalog
from .clean import clean
from .compose import compose
from .config import PAGE_SIZES, Config, Topic, source_date
from .conflicts import find_conflicts
from .dedupe import dedupe
from .editorial import edit
from .errors import HandoutError
from .facts import extract
from .ingest import ingest
from .ledger import carry_ids, registered
from .localize import MARKER
from .pofiles import languages
from .translations import load_messages
from .models import (
    BuildReport,
    CleanSource,
    Cluster,
    Conflict,
    Decision,
    DecisionResult,
    Handout,
    Output,
    OutputKind,
    Repeat,
)
from .output import OutputWriter
from .render import render
from .repeats import MINILM, TFIDF, find_repeats
from .review import review_page
from .semantic import load_embedder

log = logging.getLogger(__name__)

KINDS: tuple[OutputKind, ...] = ("leaflet", "summary")
MANIFEST = "manifest.json"
REPORT = "report.json"


@dataclass(frozen=True)
class BuildOptions:
    """What to build and where."""

    output: Path
    topics: tuple[str, ...] = ()  # empty: every topic
    locales: tuple[str, ...] = ()  # empty: English and every language under locales/
    page_size: str = "A4"


@dataclass(frozen=True)
class Prepared:
    """A topic after the text stages: what the catalog and the renderer need."""

    cleaned: tuple[CleanSource, ...]
    clusters: tuple[Cluster, ...]  # after the editor's decisions
    conflicts: tuple[Conflict, ...]
    decisions: tuple[DecisionResult, ...]
    handout: Handout
    repeats: tuple[Repeat, ...] = ()  # statements of one section that may say the same thing
    repeat_method: str = ""  # how they were found: "minilm" or "tfidf"


def build(
    config: Config, options: BuildOptions, progress: Callable[[str], None] = lambda _: None
) -> BuildReport:
    """Build every selected topic and locale into options.output."""
    topics = select_topics(config, options.topics)
    options = replace(options, locales=options.locales or build_locales(config.root))
    if options.page_size not in PAGE_SIZES:
        raise HandoutError(f"unknown page size {options.page_size!r} (use {' or '.join(PAGE_SIZES)})")
    planned = [f"{t.key}/{name}" for t in topics for name in ("facts.json", "review.html")]
    planned += [_pdf_path(t.key, locale, kind) for t in topics for locale in options.locales for kind in KINDS]
    # A failed build must not leave last run's manifest or PDFs looking like this run's.
    previous = _previous_outputs(options.output)
    for name in (MANIFEST, REPORT):
        (options.output / name).unlink(missing_ok=True)
    writer = OutputWriter(options.output)
    try:
        outputs, left_out, warnings = _build_all(config, options, topics, writer, progress)
    except BaseException:
        _remove_unwritten(options.output, planned, writer.written)
        raise
    if not options.topics:  # a full build also clears outputs of topics that are gone
        _remove_unwritten(options.output, previous, writer.written)
    writer.write(REPORT, _report(left_out, warnings))
    writer.write(MANIFEST, _manifest(outputs))
    return BuildReport(
        outputs=tuple(outputs),
        left_out=tuple(left_out),
        facts_files=tuple(f"{t.key}/facts.json" for t in topics),
        warnings=tuple(warnings),
    )


def prepare(config: Config, topic: Topic) -> Prepared:
    """Run the text stages for one topic: ingest, clean, facts, dedupe, conflicts, edit, compose, repeats."""
    sources = [ingest(path, config.root, meta) for path, meta in topic.sources]
    cleaned = tuple(clean(source) for source in sources)
    facts = extract(cleaned)
    clusters = dedupe(facts, config.scheme.key_terms, config.scheme.synonyms)
    clusters = carry_ids(clusters, registered(config.root, topic.key))  # reworded facts keep their ids
    conflicts = find_conflicts(clusters, config.scheme.key_terms, synonyms=config.scheme.synonyms)
    edited = edit(clusters, topic.decisions, {conflict.id for conflict in conflicts})
    for result in edited.results:
        if result.status != "applied":
            log.warning("%s: %s", result.decision.where, result.status)
    issued = source_date(dict(os.environ))
    handout = compose(edited.clusters, config.scheme, topic, config.clinic, issued)
    embed = load_embedder()  # None without the optional semantic extra: the lexical method
    repeats = find_repeats(handout, config.scheme.key_terms, config.scheme.synonyms, embed)
    method = MINILM if embed else TFIDF
    if config.scheme.repeats == "suppress" and repeats:
        # Suppressing is merging, done as the editor would: members and provenance stay on record.
        decisions = topic.decisions + tuple(_merge_repeat(r) for r in repeats)
        edited = edit(clusters, decisions, {conflict.id for conflict in conflicts})
        handout = compose(edited.clusters, config.scheme, topic, config.clinic, issued)
    return Prepared(cleaned, edited.clusters, conflicts, edited.results, handout, repeats, method)


def _merge_repeat(repeat: Repeat) -> Decision:
    """The merge decision sections.yaml's 'repeats: suppress' makes for one likely repeat."""
    note = f"likely repeat ({repeat.method} {repeat.score:.2f}), merged by 'repeats: suppress'"
    return Decision(action="merge", where="sections.yaml: repeats", fact=repeat.first.id, others=(repeat.second.id,), note=note)


def select_topics(config: Config, wanted: Sequence[str]) -> list[Topic]:
    """The topics to build, in name order; an unknown name is an error."""
    known = {topic.key: topic for topic in config.topics}
    unknown = sorted(set(wanted) - set(known))
    if unknown:
        raise HandoutError(f"unknown topic {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    return [known[key] for key in sorted(set(wanted) or known)]


def _build_all(
    config: Config,
    options: BuildOptions,
    topics: list[Topic],
    writer: OutputWriter,
    progress: Callable[[str], None],
) -> tuple[list[Output], list[tuple[str, tuple[str, ...], tuple[str, ...]]], list[str]]:
    """Prepare each topic once, then render each locale and kind."""
    outputs: list[Output] = []
    left_out: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    warnings: list[str] = []
    decisions: list[DecisionResult] = []
    total = len(topics) * len(options.locales) * len(KINDS)
    messages = {locale: load_messages(config.root, locale) for locale in options.locales}
    for topic in topics:
        progress(f"{topic.key}: cleaning and merging {len(topic.sources)} sources")
        prepared = prepare(config, topic)
        decisions.extend(prepared.decisions)
        writer.write(f"{topic.key}/facts.json", fact_catalog(prepared.handout, prepared.clusters, prepared.cleaned))
        writer.write(f"{topic.key}/review.html", _review(topic, prepared))
        for locale in options.locales:
            for kind in KINDS:
                rendered = render(prepared.handout, kind, locale, options.page_size, messages[locale])
                path = _pdf_path(topic.key, locale, kind)
                writer.write(path.removesuffix(".pdf") + ".html", rendered.html)
                digest = writer.write(path, rendered.pdf)
                outputs.append(Output(path, topic.key, locale, kind, rendered.pages, digest,
                                      rendered.untranslated, messages[locale].reviewed))
                for message in rendered.warnings:
                    warnings.append(f"{path}: {message}")
                    log.warning("%s: %s", path, message)
                if rendered.left_out:
                    texts = {c.id: c.canonical.text for c in prepared.clusters}
                    left_out.append((path, rendered.left_out, tuple(texts[i] for i in rendered.left_out)))
                    log.info("%s: left out to fit one page: %s", path, ", ".join(rendered.left_out))
                progress(f"[{len(outputs)}/{total}] {path} ({rendered.pages} page{'s' * (rendered.pages > 1)})")
    warnings.extend(f"{r.decision.where}: {r.status}" for r in decisions if r.status != "applied")
    warnings.extend(_translation_warnings(outputs))
    return outputs, left_out, warnings


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
            lines.append(f"{locale}: {len(problems)} message(s) printed in English, marked {MARKER} "
                         "(list: report.json; details: handout check)")
            log.warning("%s", lines[-1])
    return lines


def build_locales(root: Path) -> tuple[str, ...]:
    """English, then every language with PO files under locales/."""
    return ("en", *(language for language in languages(root) if language != "en"))


def _review(topic: Topic, prepared: Prepared) -> str:
    """The editor's review page for one topic."""
    return review_page(
        topic.key, topic.title, prepared.cleaned, prepared.clusters, prepared.handout,
        prepared.conflicts, prepared.decisions, topic.language, prepared.repeats, prepared.repeat_method,
    )


def _pdf_path(topic: str, locale: str, kind: OutputKind) -> str:
    """Where a topic's PDF goes, relative to the output directory."""
    return f"{locale}/{topic}-{kind}.pdf"


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
    rows = {path: [{"id": i, "text": t} for i, t in zip(ids, texts, strict=True)] for path, ids, texts in left_out}
    return json.dumps({"left_out": rows, "warnings": list(warnings)}, ensure_ascii=False, indent=2) + "\n"


def _previous_outputs(directory: Path) -> list[str]:
    """The PDFs the last build's manifest lists (none if it is missing or unreadable)."""
    try:
        rows = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))["outputs"]
        return [str(row["path"]) for row in rows]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _remove_unwritten(directory: Path, planned: Sequence[str], written: Sequence[str]) -> None:
    """Delete planned outputs this run did not write: they are from an earlier run."""
    for relative in sorted(set(planned) - set(written)):
        for path in (directory / relative, directory / (relative.removesuffix(".pdf") + ".html")):
            if path.exists():
                log.warning("%s: removed, it is from an earlier build", path)
                path.unlink()
