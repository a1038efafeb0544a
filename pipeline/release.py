"""release(config) -> the release folder: every topic in every releasable language, or a refusal.

A language is releasable when every message of the templates has a clean translation of the
current English (translations.audit). Any language that is not refuses the whole release:
CI must not ship a leaflet with English passages by accident. A subset can be released on
purpose (`handout release --language en --language fr`). Translations not yet reviewed by a
medical translator are released, and listed as such in the release report.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .build import BuildOptions, build, build_locales
from .config import Config
from .errors import HandoutError
from .i18n import is_source_language
from .translations import Audit, audit

RELEASE_DIR = "release"
SUMS = "SHA256SUMS"


@dataclass(frozen=True)
class Release:
    """What a release contains."""

    folder: Path
    files: tuple[str, ...]
    languages: tuple[str, ...]
    not_reviewed: tuple[str, ...]


def refusals(audits: dict[str, Audit]) -> list[str]:
    """Why each language that cannot be released is refused, one line each."""
    lines = []
    for language, result in sorted(audits.items()):
        if result.releasable:
            continue
        counts = ", ".join(f"{result.count(kind)} {kind}" for kind in
                           ("untranslated", "fuzzy", "stale", "missing", "failing") if result.count(kind))
        lines.append(f"{language}: {result.translated}/{result.total} translated and clean ({counts})")
    return lines


def release(config: Config, output: Path, languages: tuple[str, ...] = (), page_size: str = "A4",
            progress: Callable[[str], None] = lambda _: None) -> Release:
    """Build the release folder output/release, or raise with the reasons it is refused."""
    chosen = languages or build_locales(config.root)
    audits = {lang: audit(config.root, lang) for lang in chosen if not is_source_language(lang)}
    refused = refusals(audits)
    if refused:
        raise HandoutError("release refused: not every language is fully translated and clean\n  "
                           + "\n  ".join(refused)
                           + "\n(`handout check LANGUAGE` lists each entry; or release fewer languages)")
    staging = output / ".release-build"
    report = build(config, BuildOptions(output=staging, locales=tuple(chosen), page_size=page_size), progress)
    folder = output / RELEASE_DIR
    fresh = output / f".{RELEASE_DIR}.new"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    files = []
    for item in sorted(report.outputs, key=lambda o: o.path):
        name = f"{item.topic}-{item.kind}-{item.locale}.pdf"  # stands alone when emailed
        shutil.copyfile(staging / item.path, fresh / name)
        files.append(name)
    sums = "".join(f"{hashlib.sha256((fresh / name).read_bytes()).hexdigest()}  {name}\n" for name in files)
    (fresh / SUMS).write_text(sums, encoding="utf-8")
    shutil.copyfile(staging / "manifest.json", fresh / "manifest.json")
    not_reviewed = tuple(sorted(lang for lang, result in audits.items() if not result.reviewed))
    (fresh / "release.json").write_text(json.dumps({
        "languages": list(chosen),
        "not_reviewed": list(not_reviewed),
        "topics": sorted({o.topic for o in report.outputs}),
        "files": files,
    }, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    fresh.rename(folder)  # the folder appears complete or not at all
    shutil.rmtree(staging, ignore_errors=True)
    return Release(folder, tuple(files), tuple(chosen), not_reviewed)
