"""manifest.json and report.json, written from the build's structured records.

A full build and the merge of its shards call the same functions with the same records, so
they write the same bytes; nothing here is formatted to a string and parsed back.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields
from typing import Any

from pipeline.models import BuildReport, LeftOut, Output, Untranslated
from pipeline.render.localizer import MARKER

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
REPORT = "report.json"


def manifest_json(outputs: Sequence[Output]) -> str:
    """The manifest: every PDF with its topic, locale, kind, pages, sha256 and translation state."""
    rows = [
        {"path": o.path, "topic": o.topic, "locale": o.locale, "kind": o.kind, "pages": o.pages, "sha256": o.sha256,
         "untranslated": len(o.untranslated), "reviewed": o.reviewed}
        for o in sorted(outputs, key=lambda o: o.path)
    ]
    return json.dumps({"outputs": rows}, indent=2) + "\n"


def report_json(report: BuildReport) -> str:
    """The build report: what each summary left out, warnings, what each language printed in English, and
    the languages not built."""
    outputs = sorted((*report.outputs, *report.kept), key=lambda o: o.path)
    document = {
        "left_out": {o.path: [_fields(fact) for fact in o.left_out] for o in outputs if o.left_out},
        "warnings": warnings(report),
        "printed_in_english": {locale: [_fields(message) for message in messages]
                               for locale, messages in printed_in_english(outputs).items()},
        # Languages this build could not make, with why ("catalog broken: file:line: cause").
        "not_built": dict(sorted(report.not_built)),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _fields(row: LeftOut | Untranslated) -> dict[str, Any]:
    """A flat record's fields in order, as dataclasses.asdict gives them, without its deep copy
    (a clinic's report has tens of thousands of rows)."""
    return {field.name: getattr(row, field.name) for field in fields(row)}


def warnings(report: BuildReport) -> list[str]:
    """The topics' and the renderer's warnings, sorted, each once."""
    outputs = (*report.outputs, *report.kept)
    return sorted({*report.warnings, *(f"{o.path}: {w}" for o in outputs for w in o.warnings)})


def printed_in_english(outputs: Iterable[Output]) -> dict[str, list[Untranslated]]:
    """Per language, every message some output printed in English (each once, sorted)."""
    found: dict[str, set[Untranslated]] = {}
    for output in outputs:
        found.setdefault(output.locale, set()).update(output.untranslated)
    key = (lambda m: (m.path, m.line, m.context, m.reason, m.kind))
    return {locale: sorted(found[locale], key=key) for locale in sorted(found) if found[locale]}


def log_printed_in_english(outputs: Iterable[Output]) -> None:
    """On screen: wrong or outdated translations one by one with file:line, and a count per language.

    Merely untranslated messages are only counted (`handout stats` lists them).
    """
    for locale, messages in printed_in_english(outputs).items():
        for message in messages:
            if message.kind not in ("untranslated", "missing"):
                log.warning("%s (printed in English)", message)
        log.warning("%s: %d message(s) printed in English, marked %s (list: report.json; details: handout check)",
                    locale, len(messages), MARKER)


def report_from_json(data: dict[str, Any]) -> BuildReport:
    """A BuildReport as to_json() wrote it: how a shard hands its records to the merge."""
    outputs = tuple(
        Output(**{**row, "untranslated": tuple(Untranslated(**u) for u in row["untranslated"]),
                  "left_out": tuple(LeftOut(**f) for f in row["left_out"]), "warnings": tuple(row["warnings"]),
                  "printed": tuple(row["printed"])})
        for row in data["outputs"])
    return BuildReport(outputs=outputs, facts_files=tuple(data["facts_files"]), warnings=tuple(data["warnings"]),
                       not_built=tuple((str(locale), str(why)) for locale, why in data.get("not_built", ())))


def to_json(report: BuildReport) -> str:
    """Every record of a build (a shard's, to be merged), losslessly."""
    data = {"outputs": [asdict(o) for o in sorted(report.outputs, key=lambda o: o.path)],
            "facts_files": list(report.facts_files), "warnings": list(report.warnings),
            "not_built": [list(pair) for pair in report.not_built]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
