"""merge_shards(output): the manifest and report of a build made of shards (--shard I/N).

Each shard writes shards/manifest-I-of-N.json and shards/report-I-of-N.json beside its PDFs.
Once every shard's folder is copied into one, merging writes manifest.json and report.json
exactly as a full build would, so the union is the full build, byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path

from .build import COUNT_LINE, MANIFEST, REPORT, SHARDS, count_line
from .errors import HandoutError
from .models import BuildReport, Output
from .output import OutputWriter


def merge_shards(output: Path) -> BuildReport:
    """Join the manifests and reports of every shard in output/shards/ into manifest.json and report.json.

    The result is byte for byte what a full build writes, so a CI matrix can share one build.
    """
    folder = output / SHARDS
    manifests = sorted(folder.glob("manifest-*-of-*.json"))
    if not manifests:
        raise HandoutError(f"{folder}: no shard manifests (build with --shard I/N first)")
    counts = {int(p.stem.rsplit("-of-", 1)[1]) for p in manifests}
    indexes = {int(p.stem.split("-")[1]) for p in manifests}
    if len(counts) != 1 or indexes != set(range(1, max(counts) + 1)):
        raise HandoutError(f"{folder}: shards {sorted(indexes)} of {sorted(counts)}: every shard 1..N of one N is needed")
    rows, left, warnings = [], {}, set()
    for path in manifests:
        rows += json.loads(path.read_text(encoding="utf-8"))["outputs"]
        report = json.loads((folder / path.name.replace("manifest-", "report-")).read_text(encoding="utf-8"))
        left.update(report["left_out"])
        warnings |= {w for w in report["warnings"] if not _is_count_line(w)}
    outputs = [Output(r["path"], r["topic"], r["locale"], r["kind"], r["pages"], r["sha256"]) for r in rows]
    lines = sorted(w for w in warnings if "(printed in English)" not in w)
    untranslated = sorted(w for w in warnings if "(printed in English)" in w)
    merged_warnings = lines + _count_lines(untranslated)
    writer = OutputWriter(output)
    manifest_rows = sorted(rows, key=lambda r: r["path"])
    writer.write(REPORT, json.dumps({"left_out": dict(sorted(left.items())), "warnings": merged_warnings},
                                    ensure_ascii=False, indent=2) + "\n")
    writer.write(MANIFEST, json.dumps({"outputs": manifest_rows}, indent=2) + "\n")
    return BuildReport(outputs=tuple(outputs), warnings=tuple(merged_warnings))


def _is_count_line(line: str) -> bool:
    return COUNT_LINE in line


def _count_lines(problems: list[str]) -> list[str]:
    """The report's per-language lines, rebuilt from the problems (as _translation_warnings writes them)."""
    lines = []
    by_locale: dict[str, list[str]] = {}
    for problem in problems:
        locale = problem.split("/")[1] if problem.startswith("locales/") else "?"
        by_locale.setdefault(locale, []).append(problem)
    for locale in sorted(by_locale):
        lines += by_locale[locale]
        lines.append(count_line(locale, len(by_locale[locale])))
    return lines
