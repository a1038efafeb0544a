"""How far each language translates each topic, counted against what the current sources print.

`handout check` and `handout stats` count here, and `handout release` judges the page furniture.
The templates are the ones extraction.extract_templates makes in memory, not locales/*.pot, which
may be older than the sources: a new topic then counts as untranslated instead of not at all.
A facts message belongs to the topic its msgctxt names (po_files.topic_of); those that name none
(section headings, as long as every topic shares them) are counted once, on a row of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Message

from pipeline.config import Config
from pipeline.i18n.extraction import extract_templates, stale_templates
from pipeline.i18n.po_files import languages as known_languages
from pipeline.i18n.po_files import parse_catalog, topic_of
from pipeline.i18n.review_status import ReviewStatus
from pipeline.i18n.translations import Messages, Text, load_messages
from pipeline.models import Untranslated

PROBLEM_KINDS = ("untranslated", "fuzzy", "stale", "missing", "failing")
# Audit.topic of what no topic owns: the facts messages every topic shares, the page furniture (ui.po).
SHARED, FURNITURE = "(shared)", "(ui.po)"


@dataclass(frozen=True)
class Audit:
    """How complete and clean one language is for one topic (or for the page furniture)."""

    language: str
    topic: str  # a topic's key, SHARED or FURNITURE
    total: int
    problems: tuple[Untranslated, ...]
    reviewed: bool
    review: ReviewStatus | None = None  # the language's, the same on each of its rows (review_status.py)

    def count(self, kind: str) -> int:
        return sum(1 for p in self.problems if p.kind == kind)

    @property
    def translated(self) -> int:
        return self.total - len(self.problems)

    @property
    def clean(self) -> bool:
        return not self.problems

    @property
    def label(self) -> str:
        """"fr/immunotherapy", "fr/(shared)", "fr/(ui.po)"."""
        return f"{self.language}/{self.topic}"


@dataclass(frozen=True)
class Completeness:
    """The audits of a project's languages, and the template files older than its sources."""

    audits: tuple[Audit, ...]
    stale_templates: tuple[str, ...]  # e.g. "locales/facts.pot": `make extract` would rewrite it


def audit_project(config: Config, languages: Sequence[str] = ()) -> Completeness:
    """Every language (or those given) per topic and for the page furniture, against the current sources."""
    templates = extract_templates(config)
    topics = sorted(topic.key for topic in config.topics)
    audits = tuple(audit for language in languages or known_languages(config.root)
                   for audit in audit_language(config.root, language, templates, topics))
    return Completeness(audits, stale_templates(config.root, templates))


def audit_language(root: Path, language: str, templates: Mapping[str, str], topics: Sequence[str]) -> tuple[Audit, ...]:
    """Per topic, then what the topics share, then the page furniture: every message of the
    templates against the language's PO files."""
    messages = load_messages(root, language)
    facts = _live(parse_catalog(templates["facts"], "facts"))
    known = frozenset(topics)
    owners = [(topic_of(message.context or "", known) or SHARED, message) for message in facts]
    rows = [audit_messages(messages, "facts", [m for owner, m in owners if owner == topic], topic)
            for topic in (*topics, SHARED)]
    return (*(row for row in rows if row.total or row.topic != SHARED), audit_furniture(messages, templates["ui"]))


def audit_furniture(messages: Messages, ui_template: str) -> Audit:
    """The page furniture (the `ui` template's text) against the language's ui.po."""
    return audit_messages(messages, "ui", _live(parse_catalog(ui_template, "ui")), FURNITURE)


def audit_messages(messages: Messages, domain: str, template: Iterable[Message], topic: str) -> Audit:
    """Look up each template message as the renderer would: what would print in English, and why."""
    problems, total = [], 0
    for message in template:
        total += 1
        english: Text = tuple(message.id) if message.pluralizable else message.id
        _, problem = messages.lookup(domain, message.context or "", english)
        if problem is not None:
            problems.append(problem)
    return Audit(messages.locale, topic, total, tuple(problems), messages.reviewed, messages.review)


def describe(problems: Sequence[Untranslated], total: int) -> str:
    """"12 of 40 messages not translated, 3 stale": missing and empty ones first, then each other kind."""
    counts = {kind: sum(1 for p in problems if p.kind == kind) for kind in PROBLEM_KINDS}
    parts = [(counts["untranslated"] + counts["missing"], "not translated"),
             *((counts[kind], kind) for kind in ("fuzzy", "stale", "failing"))]
    shown = [f"{count} {what}" for count, what in parts if count]
    if not shown:
        return f"all {total} messages translated and clean"
    first, *rest = shown
    number, what = first.split(" ", 1)
    return ", ".join([f"{number} of {total} messages {what}", *rest])


def _live(catalog: Iterable[Message]) -> list[Message]:
    return [message for message in catalog if message.id]
