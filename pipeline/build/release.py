"""release(config) -> build/release/: every topic in English, and in each language that translates it.

A topic is included in a language when it is fully translated and clean there, judged from what
the current build prints (release_scope.py); the pairs left out are listed with why, on stderr and
in release.json's `not_included`, and hold nothing else back: a language whose catalog is broken
is left out as "catalog broken: file:line: cause", the others released. English is always included.

Refused (HandoutError, nothing written, an earlier release folder removed) when:
- a topic lacks what a leaflet must state: version, date of issue (topic.yaml, or the date of
  SOURCE_DATE_EPOCH; never the clock), date of next review;
- a PDF to release lacks a required element (title, version, dates, sources, the clinic's
  contact, what to do about side effects, the "does not replace medical advice" line), or a
  summary takes more pages than its profile allows.
A subset of languages can be released on purpose (`--language fr`). Translations not yet
reviewed by a medical translator are released and listed in the report.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path

from pipeline.atomic_files import fault
from pipeline.build.builder import BuildOptions, build, build_locales
from pipeline.build.lock import output_lock
from pipeline.build.release_checks import missing_elements
from pipeline.build.release_scope import Scope, release_scope
from pipeline.config import Config
from pipeline.errors import HandoutError
from pipeline.i18n.locale_data import SOURCE_LANGUAGE
from pipeline.i18n.translations import load_messages
from pipeline.models import Output
from pipeline.render.profiles import DEFAULT_PAGE_SIZE, DEFAULT_PROFILE, PRINT_PROFILES
from pipeline.review.rewrite_signoff import unreviewed_rewrites

RELEASE_DIR = "release"
STAGING = ".release-build"
SUMS = "SHA256SUMS"


@dataclass(frozen=True)
class Release:
    """What a release contains, and what it leaves out."""

    folder: Path
    files: tuple[str, ...]
    languages: tuple[str, ...]  # those with at least one topic released
    not_reviewed: tuple[str, ...]
    not_included: tuple[tuple[str, str], ...] = ()  # ("fr/radiotherapy", why)
    # Per released topic, its rewrites no clinician has checked: "editorial.yaml:12: c1234: wording".
    rewrites_not_reviewed: tuple[tuple[str, tuple[str, ...]], ...] = ()


def release(config: Config, output: Path, languages: tuple[str, ...] = (), page_size: str = DEFAULT_PAGE_SIZE,
            progress: Callable[[str], None] = lambda _: None, profiles: tuple[str, ...] = tuple(PRINT_PROFILES)) -> Release:
    """Build output/release, or raise with every reason it is refused (one release or build at a time)."""
    with output_lock(output):
        return _release(config, output, languages, page_size, progress, profiles)


def discard_release(output: Path) -> None:
    """Remove output/release: a refused release leaves none from before looking current."""
    _remove_tree(output / RELEASE_DIR)


def _release(config: Config, output: Path, languages: tuple[str, ...], page_size: str,
             progress: Callable[[str], None], profiles: tuple[str, ...]) -> Release:
    folder = output / RELEASE_DIR
    _remove_tree(folder)  # never leave an older release looking current
    for left in output.glob(f".{RELEASE_DIR}.*"):  # private folders of a release that was killed
        _remove_tree(left)
    every = build_locales(config.root)
    chosen = tuple(dict.fromkeys([SOURCE_LANGUAGE, *languages])) if languages else every
    problems = _topic_problems(config)
    if problems:
        raise _refused(problems)
    built: list[tuple[str, Output]] = []
    not_begun: set[tuple[str, str]] = set()
    not_built: dict[str, str] = {}
    for profile in profiles:
        staging = output / STAGING / profile  # kept: the next release renders only what changed
        options = BuildOptions(output=staging, locales=chosen, page_size=page_size, profile=profile,
                               translated_only=True)
        report = build(config, options, progress)
        built += [(profile, item) for item in report.outputs]
        not_begun |= set(report.not_begun)
        not_built.update(report.not_built)  # every profile's build finds the same
    scope = release_scope(config.root, sorted(t.key for t in config.topics), [item for _, item in built],
                          sorted(not_begun), chosen, every, not_built)
    included = [(profile, item) for profile, item in built if (item.topic, item.locale) in scope.included]
    for profile in profiles:
        problems += _output_problems(config, output / STAGING / profile, profile,
                                     tuple(item for p, item in included if p == profile))
    if problems:
        raise _refused(problems)
    return _assemble(config, output, folder, included, replace(scope, rewrites_unchecked=_unchecked(config, scope)))


def _refused(problems: list[str]) -> HandoutError:
    return HandoutError("release refused:\n  " + "\n  ".join(problems))


def _topic_problems(config: Config) -> list[str]:
    problems = []
    for topic in config.topics:
        where = f"sources/{topic.key}/topic.yaml"
        if not topic.issued:
            problems.append(f"{where}: no 'issued' date, and SOURCE_DATE_EPOCH is not set (a release never uses the clock)")
        if not topic.review:
            problems.append(f"{where}: no 'review' date (the date of next review is required)")
    return problems


def _output_problems(config: Config, folder: Path, profile: str, outputs: tuple[Output, ...]) -> list[str]:
    """What each built PDF lacks, read from the PDF itself (release_checks.py)."""
    problems = []
    topics = {topic.key: topic for topic in config.topics}
    messages = {locale: load_messages(config.root, locale) for locale in sorted({o.locale for o in outputs})}
    for item in outputs:
        if item.pages > PRINT_PROFILES[profile].summary_pages and item.kind == "summary":
            problems.append(f"{item.path} ({profile}): the summary takes {item.pages} pages")
        missing = missing_elements(folder / item.path, item.kind, item.locale, topics[item.topic], config,
                                   messages[item.locale])
        problems += [f"{item.path} ({profile}): missing {what}" for what in missing]
    return problems


def release_name(profile: str, item: Output) -> str:
    """<topic>-<kind>-<locale>.pdf: a name that stands alone when emailed."""
    name = f"{item.topic}-{item.kind}-{item.locale}"
    if profile != DEFAULT_PROFILE:
        name += f"-{profile}"
    pages = re.search(r"-\d+-pages\.pdf$", item.path)
    if pages:
        name += pages.group().removesuffix(".pdf")
    return name + ".pdf"


def _assemble(config: Config, output: Path, folder: Path, outputs: list[tuple[str, Output]], scope: Scope) -> Release:
    # Assembled in a folder of its own, then renamed into place: build/release is complete or absent.
    try:
        fresh = Path(tempfile.mkdtemp(prefix=f".{RELEASE_DIR}.", dir=output))
    except OSError as exc:
        raise fault(exc, output) from None
    try:
        files, released = _fill(config, output, fresh, outputs, scope)
        _swap(fresh, folder)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return Release(folder, tuple(files), released, scope.not_reviewed, scope.left_out, scope.rewrites_unchecked)


def _unchecked(config: Config, scope: Scope) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The rewrites no clinician has checked, of each topic the release includes."""
    included = {topic for topic, _ in scope.included}
    return tuple((t.key, tuple(lines)) for t in sorted(config.topics, key=lambda t: t.key)
                 if t.key in included and (lines := unreviewed_rewrites(t)))


def _swap(fresh: Path, folder: Path) -> None:
    """Rename fresh to folder; one already there (not made under the lock) is set aside first."""
    try:
        if folder.exists() or folder.is_symlink():
            old = Path(tempfile.mkdtemp(prefix=f".{RELEASE_DIR}.", dir=folder.parent)) / "old"
            folder.rename(old)
            fresh.rename(folder)
            shutil.rmtree(old.parent, ignore_errors=True)
        else:
            fresh.rename(folder)
    except OSError as exc:
        raise fault(exc, folder) from None


def _remove_tree(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    except OSError as exc:
        raise fault(exc, path, "cannot remove") from None


def _fill(config: Config, output: Path, fresh: Path, outputs: list[tuple[str, Output]],
          scope: Scope) -> tuple[list[str], tuple[str, ...]]:
    """Copy the released PDFs into fresh and write SHA256SUMS, manifest.json and release.json."""
    try:
        return _write_release(config, output, fresh, outputs, scope)
    except OSError as exc:
        raise fault(exc, getattr(exc, "filename", None) or fresh) from None


def _write_release(config: Config, output: Path, fresh: Path, outputs: list[tuple[str, Output]],
                   scope: Scope) -> tuple[list[str], tuple[str, ...]]:
    rows = []
    for profile, item in sorted(outputs, key=lambda pair: release_name(*pair)):
        name = release_name(profile, item)
        shutil.copyfile(output / STAGING / profile / item.path, fresh / name)
        rows.append({"file": name, "topic": item.topic, "locale": item.locale, "kind": item.kind,
                     "profile": profile, "pages": item.pages, "sha256": item.sha256})
    files = [row["file"] for row in rows]
    (fresh / SUMS).write_text("".join(f"{row['sha256']}  {row['file']}\n" for row in rows), encoding="utf-8")
    (fresh / "manifest.json").write_text(json.dumps({"outputs": rows}, indent=2) + "\n", encoding="utf-8")
    released = tuple(sorted({locale for _, locale in scope.included}, key=lambda l: (l != SOURCE_LANGUAGE, l)))
    report = {
        "topics": {t.key: {"title": t.title, "version": t.version, "issued": t.issued,
                           "next_review": t.review} for t in sorted(config.topics, key=lambda t: t.key)},
        "languages": list(released),
        "included": {t.key: sorted(l for topic, l in scope.included if topic == t.key)
                     for t in sorted(config.topics, key=lambda t: t.key)},
        "not_included": dict(scope.left_out),
        "not_reviewed_by_a_medical_translator": list(scope.not_reviewed),
        "rewrites_not_checked_by_a_clinician": {key: list(lines) for key, lines in scope.rewrites_unchecked},
        "profiles": sorted({p for p, _ in outputs}),
        "software": _versions(config.source_date_epoch),
        "files": files,
    }
    (fresh / "release.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return files, released


def _versions(source_date_epoch: str) -> dict[str, str]:
    """Versions the PDF bytes depend on: Python packages, and the system's Pango and HarfBuzz."""
    found = {}
    for name in ("handout", "weasyprint", "pydyf", "fonttools", "pyphen", "jinja2", "babel"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    try:
        from weasyprint.text.ffi import pango

        version = pango.pango_version()
        found["pango"] = f"{version // 10000}.{version // 100 % 100}.{version % 100}"
    except (ImportError, OSError, AttributeError):
        found["pango"] = "unknown"
    found["SOURCE_DATE_EPOCH"] = source_date_epoch
    return found


def sums_ok(folder: Path) -> bool:
    """True when every file listed in SHA256SUMS has that digest."""
    for line in (folder / SUMS).read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        if hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest:
            return False
    return True
