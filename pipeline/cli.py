"""The `handout` command: options -> load_config -> library call; errors -> messages."""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pipeline.errors import HandoutError
from pipeline.render.profiles import DEFAULT_PAGE_SIZE, DEFAULT_PROFILE, KINDS, PAGE_SIZES, PRINT_PROFILES
from pipeline.render.time_limit import DEFAULT_TIME_LIMIT

if TYPE_CHECKING:
    from pipeline.config import Config
    from pipeline.i18n.completeness import Audit
    from pipeline.i18n.extraction import TemplateChanges
    from pipeline.i18n.review_status import ReviewStatus

ROOT_OPTION = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Project folder (holds clinic.yaml, sections.yaml, sources/, templates/).",
)


# What to build, and how many renders at once: `handout build` and `handout serve` alike.
TOPICS_OPTION = click.option("--topic", "topics", multiple=True, help="Topic folder under sources/ (repeatable; default all).")
LOCALES_OPTION = click.option("--locale", "locales", multiple=True,
                              help="Locale (repeatable; default: en and every language under locales/).")
KINDS_OPTION = click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS),
                            help="Output kind (repeatable; default: leaflet and summary).")
JOBS_OPTION = click.option("--jobs", "workers", type=click.IntRange(min=0), default=0,
                           help="Render processes (default: one per core; 1: render in this process).")


def user_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Show library errors as one clear message and exit non-zero, without a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except HandoutError as exc:
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:  # the machine's fault (a full disk, a read-only folder): named, no traceback
            from pipeline.atomic_files import fault

            raise click.ClickException(str(fault(exc, exc.filename or "?", "failed"))) from exc

    return wrapper


class Terminated(KeyboardInterrupt):
    """SIGTERM (a CI cancel, `kill`): stops a command the way Ctrl-C does, cleanup included."""


def load_config(root: Path) -> Config:
    """The project's configuration (pipeline.config, loaded here: `handout build` starts its
    render workers' server before reading it)."""
    from pipeline.config import load_config as load

    return load(root)


def _on_sigterm(signum: int, _frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends the process at once
    _echo_err("stopped by SIGTERM; cleaning up")
    raise Terminated()


@click.group()
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option("-v", "--verbose", is_flag=True, help="Also print what each stage decided.")
@click.version_option(package_name="handout")
def main(quiet: bool, verbose: bool) -> None:
    """Turn overlapping source texts into print-ready leaflets and one-page summaries."""
    if threading.current_thread() is threading.main_thread():  # CliRunner may run commands elsewhere
        signal.signal(signal.SIGTERM, _on_sigterm)
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


@main.command("build")
@ROOT_OPTION
@TOPICS_OPTION
@LOCALES_OPTION
@KINDS_OPTION
@click.option("--page-size", type=click.Choice(tuple(PAGE_SIZES)), default=DEFAULT_PAGE_SIZE, show_default=True)
@click.option("--profile", type=click.Choice(tuple(PRINT_PROFILES)), default=DEFAULT_PROFILE, show_default=True,
              help="Print profile: office printers, a print shop (bleed, crop marks, PDF/X-4), or large print.")
@JOBS_OPTION
@click.option("--shard", default="1/1", show_default=True,
              help="Build the I-th of N deterministic slices (CI matrix); join them with `handout merge-shards`.")
@click.option("--force", is_flag=True, help="Render everything, even what is up to date (a topic's text stages are "
              "read back from OUTPUT/.state/prepared/ while nothing they read has changed).")
@click.option("--time-limit", type=click.FloatRange(min=0), default=DEFAULT_TIME_LIMIT, show_default=True,
              help="Seconds one PDF may take to render before the build stops with a message (0: no limit).")
@click.option(
    "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("build"), show_default=True
)
@click.pass_context
@user_errors
def build_command(
    ctx: click.Context, root: Path, topics: tuple[str, ...], locales: tuple[str, ...], kinds: tuple[str, ...], page_size: str,
    profile: str, workers: int, shard: str, force: bool, time_limit: float, output: Path,
) -> None:
    """Build leaflet and summary PDFs (with HTML previews), facts.json and manifest.json.

    Only what changed since the last build into OUTPUT is rendered again (content hashes).
    """
    from pipeline.build import render_pool
    from pipeline.build.report import MANIFEST

    if (workers or render_pool.default_workers()) > 1 and (force or not (output / MANIFEST).is_file()):
        render_pool.start_fork_server()  # PDFs will be rendered: the workers' server loads while the builder does
    from pipeline.build.builder import BuildOptions, build, discard_summary
    from pipeline.build.plan import parse_shard

    from pipeline.build.lock import output_lock

    quiet = ctx.find_root().params["quiet"]
    with output_lock(output, notice=_echo_err):  # the project is read under the lock too
        try:
            config = load_config(root)
        except BaseException:  # a failed build (or Ctrl-C, SIGTERM), like any other: no manifest left looking current
            discard_summary(output, parse_shard(shard))
            raise
        options = BuildOptions(output=output, topics=topics, locales=locales, kinds=kinds, page_size=page_size,
                               profile=profile, workers=workers, shard=parse_shard(shard), force=force,
                               time_limit=time_limit)
        report = build(config, options, progress=(lambda _: None) if quiet else _echo_err)
    if not quiet:
        for item in report.outputs:
            if item.left_out and item.path in report.rendered:
                ids = ", ".join(fact.id for fact in item.left_out)
                _echo_err(f"{item.path}: left out to fit: {ids} (see {output}/report.json)")
        kept = f"; it also lists {len(report.kept)} of earlier builds, still current" if report.kept else ""
        _echo_err(f"built {len(report.outputs)} PDFs into {output}/ (see {output}/manifest.json{kept})")
    _fail_if_not_built(report.not_built, output)


def _fail_if_not_built(not_built: tuple[tuple[str, str], ...], output: Path) -> None:
    """Exit non-zero, naming each language a build could not make and why (the others were built)."""
    if not_built:
        raise click.ClickException("\n".join(f"{locale}: not built: {why}" for locale, why in not_built)
                                   + f"\n(every other language was built; see {output}/report.json)")


@main.command("serve")
@ROOT_OPTION
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=Path("build"), show_default=True,
              help="Output folder to build into and serve (as for `handout build`).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default serves this machine only).")
@TOPICS_OPTION
@LOCALES_OPTION
@KINDS_OPTION
@JOBS_OPTION
@click.pass_context
@user_errors
def serve_command(ctx: click.Context, root: Path, output: Path, port: int, host: str, topics: tuple[str, ...],
                  locales: tuple[str, ...], kinds: tuple[str, ...], workers: int) -> None:
    """Serve the HTML previews and rebuild them as the project's files change (Ctrl-C stops).

    Each page gets links to other languages and from each fact to its source lines and review
    entry, reloads itself when a rebuild changed it, and shows the error of a rebuild that failed.
    """
    from pipeline.serve import serve

    quiet = ctx.find_root().params["quiet"]
    serve(root, output, host=host, port=port, locales=locales, topics=topics, kinds=kinds, workers=workers,
          notice=_echo_err, progress=(lambda _: None) if quiet else _echo_err,
          ready=lambda url: click.echo(f"serving the previews of {output}/ at {url} (Ctrl-C to stop)"))
    _echo_err("stopped")


@main.command("merge-shards")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=Path("build"), show_default=True)
@user_errors
def merge_shards_command(output: Path) -> None:
    """Write manifest.json and report.json for a build made of shards (all in OUTPUT)."""
    from pipeline.build.shards import merge_shards

    report = merge_shards(output)
    click.echo(f"{output}/manifest.json: {len(report.outputs)} PDFs from every shard")
    _fail_if_not_built(report.not_built, output)


@main.command("facts")
@ROOT_OPTION
@click.argument("topic")
@click.option("--json", "as_json", is_flag=True, help="Print the fact catalog as JSON (as in facts.json).")
@user_errors
def facts_command(root: Path, topic: str, as_json: bool) -> None:
    """Show a topic's facts: section, sources, and the sentences each one stands for."""
    from pipeline.build.builder import select_topics
    from pipeline.i18n.fact_register import prepare_topic
    from pipeline.review.fact_catalog import fact_catalog

    config = load_config(root)
    prepared = prepare_topic(config, select_topics(config, [topic])[0])
    catalog = fact_catalog(prepared.handout, prepared.clusters, prepared.cleaned)
    if as_json:
        click.echo(catalog, nl=False)
        return
    for fact in json.loads(catalog)["facts"]:
        where = fact["section"] or "(not printed)"
        click.echo(f"{fact['id']}  [{where}]  support {fact['support']}")
        for member in fact["members"]:
            mark = "*" if member["canonical"] else " "
            click.echo(f"  {mark} {member['source']}:{member['line']}: {member['text']}")


@main.command("removed")
@ROOT_OPTION
@click.argument("topic")
@user_errors
def removed_command(root: Path, topic: str) -> None:
    """Show the lines cleaning removed from a topic's sources, and why."""
    from pipeline.build.builder import select_topics
    from pipeline.i18n.fact_register import prepare_topic

    config = load_config(root)
    prepared = prepare_topic(config, select_topics(config, [topic])[0])
    for source in prepared.cleaned:
        for removal in source.removed:
            click.echo(f"{removal.source}:{removal.line}: [{removal.reason}] {removal.text}")


@main.command("typos")
@ROOT_OPTION
@click.argument("topics", nargs=-1)
@click.option("--eval-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Measure instead: the check's flags per 1,000 words on every labelled set under this "
                   "folder (relative to --root), e.g. eval.")
@user_errors
def typos_command(root: Path, topics: tuple[str, ...], eval_dir: Path | None) -> None:
    """List possible typos in what the handouts print, each with the replace decision that corrects it.

    Nothing is changed: paste a decision into sources/<topic>/editorial.yaml under `decisions:`.
    """
    from pipeline.build.builder import select_topics
    from pipeline.i18n.fact_register import prepare_topic
    from pipeline.review.spelling import by_fact, replace_decision

    if eval_dir is not None:
        from pipeline.evaluation.spelling_rate import format_rates, spelling_rates

        click.echo(format_rates(spelling_rates(root / eval_dir, root)), nl=False)
        return
    config = load_config(root)
    for topic in select_topics(config, topics):
        spelling = prepare_topic(config, topic).spelling
        for group in by_fact(spelling.typos):
            changes = ", ".join(f"{t.word!r} -> {t.suggestion!r}" for t in group)
            click.echo(f"{group[0].source}:{group[0].line}: {changes}  [{group[0].fact}]")
            click.echo(f"    {group[0].text}")
            click.echo(replace_decision(group))
        for line in spelling.unchecked:
            _echo_err(f"{line} (not checked)")
        _echo_err(f"{topic.key}: {len(spelling.typos)} possible typo(s) in {spelling.words} printed words; "
                  f"nothing was changed (to correct one, paste its decision into {topic.folder}/editorial.yaml)")


def _echo_err(message: str) -> None:
    """Progress goes to stderr so stdout stays clean for data."""
    click.echo(message, err=True)


EVAL_DIR_OPTION = click.option(
    "--eval-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("eval"),
    show_default=True,
    help="Folder of labelled sets (each a folder with labels.yaml), relative to --root.",
)


@main.command("eval")
@ROOT_OPTION
@EVAL_DIR_OPTION
@click.option("--misses", is_flag=True, help="Also list every missed line and pair.")
@click.option("--one-page-per-site", "alone", is_flag=True,
              help="Clean each page without its site's pages in the sets beside it, as for a clinic "
                   "holding one page of each site.")
@click.pass_context
@user_errors
def eval_command(ctx: click.Context, root: Path, eval_dir: Path, misses: bool, alone: bool) -> None:
    """Score cleaning and merging against labelled sets; exit 1 if a target is missed."""
    from pipeline.evaluation.evaluate import evaluate, format_scores, meets_targets
    from pipeline.evaluation.plain_targets import format_readings, topic_reading

    scores = evaluate(root / eval_dir, root, site_pages=not alone)
    click.echo(format_scores(scores, misses=misses), nl=False)
    config = load_config(root)
    readings = [topic_reading(config, topic.key) for topic in config.topics]
    click.echo("\n" + "\n".join(format_readings(readings)))
    if not meets_targets(scores) or not all(reading.meets for reading in readings):
        ctx.exit(1)


@main.command("train-model")
@ROOT_OPTION
@EVAL_DIR_OPTION
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the model file is not what the labels train.")
@click.option("--cross-validate", "cross", is_flag=True,
              help="Also print the rules' and the models' scores with whole sites left out of training.")
@click.pass_context
@user_errors
def train_model_command(ctx: click.Context, root: Path, eval_dir: Path, check: bool, cross: bool) -> None:
    """Train the learned models on the gated labelled sets: cleaning's second opinion
    (pipeline/text/furniture_model.json) and section placement (pipeline/text/section_model.json)."""
    from pipeline.atomic_files import write_atomic
    from pipeline.evaluation.training import (
        cross_validate, cross_validate_sections, labelled_pages, model_json, section_model_json, train,
        train_sections,
    )
    from pipeline.text.line_model import MODEL_FILE
    from pipeline.text.section_model import MODEL_FILE as SECTION_MODEL_FILE

    pages = labelled_pages(root / eval_dir, root)
    texts = {MODEL_FILE: model_json(train(pages), pages),
             SECTION_MODEL_FILE: section_model_json(train_sections(pages), pages)}
    sites = len({page.site for page in pages})
    if cross:
        rules, learned = cross_validate(pages)
        click.echo(f"cross-validated, sites left out of training in turn: rules alone {rules}; "
                   f"with the model {learned}")
        right, labelled = cross_validate_sections(pages)
        click.echo(f"section model, sites left out in turn: {right} of {labelled} labelled statements and list items "
                   f"under their labelled section ({100 * right / max(labelled, 1):.1f}%; the model alone, no keywords)")
    for path, text in texts.items():
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        shown = os.path.relpath(path)
        if check:
            if current != text:
                click.echo(f"{shown}: out of date with the labels: run `handout train-model`", err=True)
                ctx.exit(1)
            click.echo(f"{shown}: up to date ({len(pages)} pages of {sites} sites)")
            continue
        write_atomic(path, text.encode("utf-8"))
        click.echo(f"{shown}: {'unchanged' if current == text else 'written'}, "
                   f"trained on {len(pages)} pages of {sites} sites")


@main.command("extract")
@ROOT_OPTION
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("locales"),
    show_default=True,
    help="Folder for ui.pot and facts.pot, relative to --root.",
)
@user_errors
def extract_command(root: Path, output: Path) -> None:
    """Write the translators' templates (ui.pot, facts.pot) and list what changed."""
    from pipeline.atomic_files import write_atomic
    from pipeline.i18n.extraction import extract_templates, template_changes

    templates = extract_templates(load_config(root))
    for domain, text in sorted(templates.items()):
        path = root / output / f"{domain}.pot"
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
        if text != old:
            write_atomic(path, text.encode("utf-8"))
        for line in _describe_changes(path, template_changes(old, text)):
            click.echo(line)


def _describe_changes(path: Path, changes: TemplateChanges) -> list[str]:
    """One line for the file, then one per new, removed and changed msgid."""
    if not changes.rewritten:
        summary = "unchanged"
    else:
        summary = f"{len(changes.added)} new, {len(changes.removed)} removed, {len(changes.changed)} changed"
        summary += "" if changes.added or changes.removed or changes.changed else " msgids (comments or references changed)"
    return [
        f"{path}: {changes.messages} messages, {summary}",
        *(f"  new      {c}: {english}" for c, english in changes.added),
        *(f"  removed  {c}: {english}" for c, english in changes.removed),
        *(f"  changed  {c}: {old!r} -> {new!r}" for c, old, new in changes.changed),
    ]


@main.command("init")
@ROOT_OPTION
@click.argument("language")
@user_errors
def init_command(root: Path, language: str) -> None:
    """Start a translation: locales/LANGUAGE/LC_MESSAGES/{ui,facts}.po from the templates."""
    from pipeline.i18n.po_sync import init_language

    for path in init_language(root, language):
        click.echo(f"{path}: created")


@main.command("update")
@ROOT_OPTION
@click.argument("languages", nargs=-1)
@user_errors
def update_command(root: Path, languages: tuple[str, ...]) -> None:
    """Merge the templates into every PO file (or the LANGUAGES given), matching by msgctxt.

    An entry whose English changed keeps its translation, marked fuzzy, with the English it
    was translated from as `#| msgid`, so the translator sees exactly what changed. No
    translation is dropped: one that fits no entry is kept as `#~` and listed.
    """
    from pipeline.i18n.po_files import languages as known_languages
    from pipeline.i18n.po_sync import update_language

    for language in languages or known_languages(root):
        for change in update_language(root, language):
            for line in change.report():
                click.echo(line)


@main.command("check")
@ROOT_OPTION
@click.argument("languages", nargs=-1)
@click.pass_context
@user_errors
def check_command(ctx: click.Context, root: Path, languages: tuple[str, ...]) -> None:
    """Check translations (msgfmt --check, numbers, placeholders, markup, sentences, completeness).

    Counts per topic against what the current sources print (not locales/*.pot, which may be
    older). Lists every entry that would print in English, with file and line; exit 1 if any.
    """
    from pipeline.build.catalogs import check_language
    from pipeline.i18n.completeness import describe
    from pipeline.i18n.po_files import languages as known_languages

    config = load_config(root)
    # Catalogs, fonts and clinic wording first: a broken catalog fails its language alone.
    checks = [check_language(config, language) for language in languages or known_languages(root)]
    readable = tuple(check.language for check in checks if not check.broken)
    audits = _audits(root, readable) if readable else ()
    for result in audits:
        for problem in result.problems:
            click.echo(str(problem))
    for check in checks:
        for line in check.problems:
            click.echo(line)
    reviews = _reviews(audits)
    for language, review in reviews.items():
        for line in review.describe(language):
            click.echo(line)
    for result in audits:
        state = "" if result.clean else f"; {describe(result.problems, result.total)}"
        click.echo(f"{result.label}: {result.translated}/{result.total} translated and clean{state}")
    for check in checks:
        if check.broken:
            click.echo(f"{check.language}: {check.broken}")
        elif check.problems:
            click.echo(f"{check.language}: {len(check.problems)} problem(s) with fonts or clinic wording (above)")
    broken_records = any(review.problem for review in reviews.values())
    if not all(result.clean for result in audits) or not all(check.clean for check in checks) or broken_records:
        ctx.exit(1)


@main.command("stats")
@ROOT_OPTION
@user_errors
def stats_command(root: Path) -> None:
    """Print translation progress per language and topic, against what the current sources print."""
    from pipeline.i18n.completeness import PROBLEM_KINDS

    audits = _audits(root, ())
    width = max([len("topic"), *(len(a.topic) for a in audits)]) + 2
    click.echo(f"{'language':<9}{'topic':<{width}}{'done':>6}{'total':>7}{'%':>6}"
               + "".join(f"{k:>{len(k) + 2}}" for k in PROBLEM_KINDS) + "  reviewed")
    for r in audits:
        cells = "".join(f"{r.count(k):>{len(k) + 2}}" for k in PROBLEM_KINDS)
        click.echo(f"{r.language:<9}{r.topic:<{width}}{r.translated:>6}{r.total:>7}"
                   f"{100 * r.translated // max(r.total, 1):>5}%{cells}  {'yes' if r.reviewed else 'no'}")
    for language, review in _reviews(audits).items():  # stdout stays the table
        _echo_err(review.describe(language, shown=0)[0])


def _reviews(audits: tuple[Audit, ...]) -> dict[str, ReviewStatus]:
    """Each language's medical review, once (every row of a language carries it)."""
    return {a.language: a.review for a in audits if a.review is not None}


def _audits(root: Path, languages: tuple[str, ...]) -> tuple[Audit, ...]:
    """Each language's audits (every language's when none is given); a stale template said on stderr."""
    from pipeline.i18n.completeness import audit_project

    found = audit_project(load_config(root), languages)
    for path in found.stale_templates:
        _echo_err(f"{path} is out of date: run `make extract` (the counts here are against the current sources)")
    return found.audits


@main.command("review-signoff")
@ROOT_OPTION
@click.argument("language")
@click.option("--by", default="", help="The medical translator who reviewed the translation (required to sign off).")
@click.option("--date", default="", help="Date of the review, YYYY-MM-DD (default: SOURCE_DATE_EPOCH's date, else today).")
@click.option("--changes", is_flag=True, help="Write nothing: list every entry changed since the last sign-off.")
@user_errors
def review_signoff_command(root: Path, language: str, by: str, date: str, changes: bool) -> None:
    """Record that a medical translator reviewed LANGUAGE as it stands (locales/LANGUAGE/review.yaml).

    Refused unless the language is completely translated and clean. A later change to an entry's
    English or translation makes the language "not reviewed" again until the next sign-off.
    """
    from pipeline.i18n.review_signoff import sign_off
    from pipeline.i18n.translations import load_messages

    if changes:
        review = load_messages(root, language).review
        for line in review.describe(language, shown=None) if review else [f"{language}: the source language"]:
            click.echo(line)
        return
    done = sign_off(load_config(root), language, by, date)
    click.echo(f"{done.record}: {language} signed off by {done.by} on {done.date} ({done.entries} entries)")
    for path in done.headers:
        click.echo(f"{path}: X-Medical-Review now names the record")


@main.command("editorial-signoff")
@ROOT_OPTION
@click.argument("topic")
@click.option("--by", default="", help="The clinician who checked the rewrites against their sources (required).")
@click.option("--date", default="", help="Date of the check, YYYY-MM-DD (default: SOURCE_DATE_EPOCH's date, else today).")
@click.option("--changes", is_flag=True, help="Write nothing: list every rewrite not yet checked.")
@user_errors
def editorial_signoff_command(root: Path, topic: str, by: str, date: str, changes: bool) -> None:
    """Record that a clinician checked TOPIC's rewrites (the replace decisions of its editorial.yaml).

    Until then, a page printing one says so in its small print, and `make release` lists them.
    Changing a rewrite's text makes it unchecked again until the next sign-off.
    """
    from pipeline.build.builder import select_topics
    from pipeline.config import checked_date
    from pipeline.review.rewrite_signoff import sign_off_rewrites, unreviewed_rewrites

    (chosen,) = select_topics(load_config(root), [topic])
    if changes:
        for line in unreviewed_rewrites(chosen) or [f"{topic}: every rewrite is checked"]:
            click.echo(line)
        return
    done = sign_off_rewrites(load_config(root), chosen, by, checked_date(date) if date else "")
    click.echo(f"{done.record}: {done.rewrites} rewrites of {topic} signed off by {done.by} on {done.date}")


@main.command("release")
@ROOT_OPTION
@click.option("--language", "languages", multiple=True,
              help="Release only these languages besides English (repeatable; default: every language under locales/).")
@click.option("--page-size", type=click.Choice(tuple(PAGE_SIZES)), default=DEFAULT_PAGE_SIZE, show_default=True)
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=Path("build"), show_default=True)
@user_errors
def release_command(root: Path, languages: tuple[str, ...], page_size: str, output: Path) -> None:
    """Build the release folder (OUTPUT/release): every topic in English, and in each language that
    translates it fully and cleanly; what is left out is listed with why."""
    from pipeline.build.lock import output_lock
    from pipeline.build.release import discard_release, release

    with output_lock(output, notice=_echo_err):
        try:
            config = load_config(root)
        except BaseException:  # refused like any other release: no older one left looking current
            discard_release(output)
            raise
        result = release(config, output, languages, page_size, progress=_echo_err)
    for name, why in result.not_included:
        _echo_err(f"not included: {name}: {why}")
    click.echo(f"released {len(result.files)} PDFs in {', '.join(result.languages)} into {result.folder}/ "
               f"(SHA256SUMS, manifest.json, release.json)")
    if result.not_reviewed:
        click.echo(f"not yet reviewed by a medical translator: {', '.join(result.not_reviewed)}")
    for topic, lines in result.rewrites_not_reviewed:
        click.echo(f"{topic}: {len(lines)} rewrites not yet checked by a clinician "
                   f"(`handout editorial-signoff {topic} --changes` lists them):")
        for line in lines:
            click.echo(f"  {line}")
