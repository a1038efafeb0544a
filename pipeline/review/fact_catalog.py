"""The fact catalog (facts.json): every fact, its section, and the sentences behind it."""

from __future__ import annotations

import json
from collections.abc import Sequence

from pipeline.models import CleanSource, Cluster, Handout


def fact_catalog(handout: Handout, clusters: Sequence[Cluster], cleaned: Sequence[CleanSource]) -> str:
    """Return the catalog as stable, sorted JSON text."""
    placement: dict[str, tuple[str, str]] = {}
    for section in handout.sections:
        for entry in section.entries:
            placement[entry.cluster.id] = (section.key, "")
            for attached in (*entry.continued, *entry.items):
                placement[attached.id] = (section.key, entry.cluster.id)
    facts = [_fact(cluster, *placement.get(cluster.id, ("", ""))) for cluster in clusters]
    document = {
        "topic": handout.topic,
        "title": handout.title,
        "canonical_rule": "not excluded, most numbers and key terms, most content words, earliest source and line",
        "sources": [_source(source) for source in sorted(cleaned, key=lambda s: s.path)],
        "facts": sorted(facts, key=lambda f: (f["section"] == "", f["section"], f["id"])),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _fact(cluster: Cluster, section: str, printed_with: str) -> dict[str, object]:
    """One catalog entry: printed (with its section) or not (section empty)."""
    return {
        "id": cluster.id,
        "section": section,
        "printed": bool(section),
        "printed_with": printed_with,  # the statement it follows or the lead-in of its list
        "text": cluster.canonical.text,
        "support": cluster.support,
        "members": [
            {
                "id": fact.id,
                "text": fact.text,
                "original": fact.original,
                "source": fact.source,
                "line": fact.line,
                "canonical": fact.id == cluster.canonical.id,
                "excluded": fact.excluded,
                "edited": fact.edited,
            }
            for fact in cluster.members
        ],
    }


def _source(source: CleanSource) -> dict[str, object]:
    """What the catalog records of a source: metadata, its headings, every removed line with its reason.

    With the facts' members, that is every non-blank line of the source (text/accounting.py).
    """
    return {
        "path": source.path,
        "publisher": source.meta.publisher,
        "date": source.meta.date,
        "found_metadata": dict(source.found_metadata),
        "headings": [{"line": b.line, "text": b.text} for b in source.blocks if b.kind == "heading"],
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in source.removed],
    }
