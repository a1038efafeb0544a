"""The translators' templates (locales/ui.pot, locales/facts.pot): written from the sources, and
what changed in them, so `handout extract` can tell translators exactly which English changed.

`ui` holds the page furniture (msgctxt = its key in locale_data.ENGLISH); `facts` the printed
text of each topic (msgctxt "<topic>:title", "<topic>:section:<key>" for each heading the
leaflet prints, "<topic>:<fact id>"), with the section and the file:line of every source
sentence behind a fact as comments. The files are
sorted by context and unwrapped, with a fixed creation date: unchanged sources, unchanged bytes.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from string import Formatter

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from pipeline.config import Config
from pipeline.i18n.fact_register import prepare_topic
from pipeline.i18n.locale_data import ENGLISH, PLACEHOLDERS, WHERE
from pipeline.i18n.po_files import (
    fact_context,
    new_catalog,
    section_context,
    sorted_catalog,
    template_path,
    title_context,
    write_text,
)
from pipeline.models import Cluster, Handout


def extract_templates(config: Config) -> dict[str, str]:
    """Return the text of the `ui` and `facts` POT templates, keyed by domain."""
    facts = new_catalog("facts")
    for topic in sorted(config.topics, key=lambda t: t.key):
        facts.add(topic.title, context=title_context(topic.key), auto_comments=["title of the handout"],
                  locations=[(f"sources/{topic.key}/topic.yaml", None)])
        handout = prepare_topic(config, topic).handout
        own = f"sources/{topic.key}/sections.yaml"
        where = own if (config.root / own).is_file() else "sections.yaml"
        for section in handout.sections:
            facts.add(section.title, context=section_context(topic.key, section.key),
                      auto_comments=[f"section heading of {topic.key}"], locations=[(where, None)])
        for context, cluster, section_title in _printed(handout):
            _add_fact(facts, context, cluster, section_title)
    return {"facts": write_text(sorted_catalog(facts)), "ui": ui_template()}


def ui_template() -> str:
    """The text of the `ui` template: the page furniture, which depends on no source."""
    ui = new_catalog("ui")
    for key, english in ENGLISH.items():
        names = sorted({name for text in _forms(english) for _, name, _, _ in Formatter().parse(text) if name})
        comments = [WHERE[key], *(PLACEHOLDERS.get(name, f"keep {{{name}}} as it is") for name in names)]
        flags = ["python-brace-format"] if names else []
        ui.add(english, context=key, auto_comments=comments, flags=flags)
    return write_text(sorted_catalog(ui))


def stale_templates(root: Path, templates: Mapping[str, str]) -> tuple[str, ...]:
    """The template files (locales/<domain>.pot) that are not what the sources give now: run `make extract`."""
    stale = []
    for domain, text in sorted(templates.items()):
        path = template_path(root, domain)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(path.relative_to(root).as_posix())
    return tuple(stale)


def _forms(english: str | tuple[str, ...]) -> tuple[str, ...]:
    return english if isinstance(english, tuple) else (english,)


def _printed(handout: Handout) -> list[tuple[str, Cluster, str]]:
    """Every cluster the leaflet prints, as (context, cluster, section title), sorted by context."""
    rows: dict[str, tuple[Cluster, str]] = {}
    for section in handout.sections:
        for entry in section.entries:
            for cluster in (entry.cluster, *entry.continued, *entry.items):
                rows[fact_context(handout.topic, cluster.id)] = (cluster, section.title)
    return [(context, *rows[context]) for context in sorted(rows)]


def _add_fact(catalog: Catalog, context: str, cluster: Cluster, section: str) -> None:
    """Add one printed fact with its section and the source lines behind it."""
    where = sorted({(member.source, member.line) for member in cluster.members})
    comments = [f"section: {section}", "sources: " + " ".join(f"{path}:{line}" for path, line in where)]
    # What the editor decided (a rewording, what a doubtful phrase means): the translator needs it too.
    edited = [cluster.canonical.edited] if cluster.canonical.edited else []
    comments += [f"editor: {' '.join(note.split())}" for note in (*edited, *cluster.notes)]
    catalog.add(cluster.canonical.text, context=context, locations=where, auto_comments=comments)


@dataclass(frozen=True)
class TemplateChanges:
    """What changed between two versions of a template, entries matched by msgctxt."""

    messages: int  # entries in the new version
    added: tuple[tuple[str, str], ...] = ()  # (msgctxt, English)
    removed: tuple[tuple[str, str], ...] = ()
    changed: tuple[tuple[str, str, str], ...] = ()  # (msgctxt, old English, new English)
    rewritten: bool = False  # the file's text differs (comments or references may be all that changed)


def template_changes(old: str, new: str) -> TemplateChanges:
    """Compare two texts of a template (old is "" for a new file)."""
    before, after = _english_by_context(old), _english_by_context(new)
    return TemplateChanges(
        messages=len(after),
        added=tuple((c, after[c]) for c in sorted(after.keys() - before.keys())),
        removed=tuple((c, before[c]) for c in sorted(before.keys() - after.keys())),
        changed=tuple((c, before[c], after[c]) for c in sorted(before.keys() & after.keys()) if before[c] != after[c]),
        rewritten=old != new,
    )


def _english_by_context(text: str) -> dict[str, str]:
    return {m.context or "": str(m.id) for m in read_po(io.StringIO(text)) if m.id} if text else {}
