"""merge_shards(output): the manifest and report of a build made of shards (--shard I/N).

Each shard writes its records, losslessly, to shards/build-I-of-N.json beside its PDFs. Once
every shard's folder is copied into one, merging reads them back and writes manifest.json and
report.json with the very functions a full build uses, so the union is the full build, byte for byte.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pipeline.atomic_files import OutputWriter
from pipeline.build.builder import SHARDS, write_summary
from pipeline.build.report import report_from_json
from pipeline.errors import HandoutError
from pipeline.models import BuildReport

_NAME = re.compile(r"build-(\d+)-of-(\d+)\.json")


def merge_shards(output: Path) -> BuildReport:
    """Join the records of every shard in output/shards/ into manifest.json and report.json."""
    folder = output / SHARDS
    found = {int(m[1]): int(m[2]) for p in sorted(folder.glob("build-*-of-*.json")) if (m := _NAME.fullmatch(p.name))}
    if not found:
        raise HandoutError(f"{folder}: no shard records (build with --shard I/N first)")
    counts = set(found.values())
    if len(counts) != 1 or set(found) != set(range(1, max(counts) + 1)):
        raise HandoutError(f"{folder}: shards {sorted(found)} of {sorted(counts)}: every shard 1..N of one N is needed")
    parts = []
    for index, count in sorted(found.items()):
        path = folder / f"build-{index}-of-{count}.json"
        try:
            parts.append(report_from_json(json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise HandoutError(f"{path}: not a shard's record ({exc}); build the shard again") from None
    merged = BuildReport(
        outputs=tuple(sorted((o for part in parts for o in part.outputs), key=lambda o: o.path)),
        facts_files=tuple(sorted(f for part in parts for f in part.facts_files)),
        warnings=tuple(sorted({w for part in parts for w in part.warnings})),
        not_built=tuple(sorted({pair for part in parts for pair in part.not_built})),
    )
    write_summary(OutputWriter(output), merged)
    return merged
