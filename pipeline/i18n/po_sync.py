"""Translators' catalogs: POT templates out (extract), PO files kept in step (init, update).

Two domains: `ui` (page furniture; msgctxt = its key in i18n.ENGLISH) and `facts` (the printed
text of each topic: msgctxt "<topic>:title", "section:<key>", or "<topic>:<fact id>"). Contexts
keep entries apart, so a translation can never attach to another fact that happens to share
its English wording, and update matches by context only: no fuzzy matching across entries,
because a one-word change ("not") can invert a medical statement.

The files are sources translators commit, so they must not change unless their content does:
entries are sorted by context, lines are not wrapped (one msgid per line keeps diffs to the
entry that changed, and no tool re-wraps what another wrapped), and the template header carries
a fixed creation date instead of the clock's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from string import Formatter

from babel.messages.catalog import Catalog, Message

from pipeline.config import Config
from pipeline.errors import HandoutError
from pipeline.i18n.fact_register import prepare_topic
from pipeline.i18n.locale_data import ENGLISH, PLACEHOLDERS, WHERE, parse_locale
from pipeline.models import Cluster, Handout
from pipeline.i18n.po_files import (
    DOMAINS,
    entries,
    fact_context,
    section_context,
    title_context,
    NOT_REVIEWED,
    REVIEW_FIELD,
    PoCatalog,
    new_catalog,
    po_path,
    read_catalog,
    sorted_catalog,
    template_path,
    write_text,
)

# ---- extract ------------------------------------------------------------------------


def extract_catalogs(config: Config) -> dict[str, str]:
    """Return the text of the `ui` and `facts` POT templates, keyed by domain."""
    facts = new_catalog("facts")
    for rule in config.scheme.sections:
        facts.add(rule.title, context=section_context(rule.key), auto_comments=["section heading"],
                  locations=[("sections.yaml", None)])
    for topic in sorted(config.topics, key=lambda t: t.key):
        facts.add(topic.title, context=title_context(topic.key), auto_comments=["title of the handout"],
                  locations=[(f"sources/{topic.key}/topic.yaml", None)])
        for context, cluster, section in _printed(prepare_topic(config, topic).handout):
            _add_fact(facts, context, cluster, section)
    ui = new_catalog("ui")
    for key, english in ENGLISH.items():
        names = sorted({name for text in _forms(english) for _, name, _, _ in Formatter().parse(text) if name})
        comments = [WHERE[key], *(PLACEHOLDERS.get(name, f"keep {{{name}}} as it is") for name in names)]
        flags = ["python-brace-format"] if names else []
        ui.add(english, context=key, auto_comments=comments, flags=flags)
    return {"facts": write_text(sorted_catalog(facts)), "ui": write_text(sorted_catalog(ui))}


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
    catalog.add(cluster.canonical.text, context=context, locations=where, auto_comments=comments)


# ---- init and update -----------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """What update did to one PO file."""

    path: Path
    written: bool
    new: tuple[str, ...] = ()
    fuzzy: tuple[str, ...] = ()  # contexts whose English changed: translation kept, marked fuzzy
    obsolete: tuple[str, ...] = ()


def init_language(root: Path, language: str) -> list[Path]:
    """Create locales/<language>/LC_MESSAGES/<domain>.po from the templates; never overwrite."""
    parsed = parse_locale(language)
    created = []
    for domain in DOMAINS:
        path = po_path(root, language, domain)
        if path.exists():
            raise HandoutError(f"{path}: already exists (use `make update` to bring it up to date)")
        template = read_catalog(template_path(root, domain))
        catalog = new_catalog(domain, str(parsed))
        catalog.language_team = parsed.english_name or str(parsed)
        catalog.last_translator = "handout translators"
        for message in template:
            if message.id:
                catalog[message.id] = _copy(message, string=("",) * catalog.num_plurals if message.pluralizable else "")
        created.append(path)
        _write_po(path, catalog)
    return created


def update_language(root: Path, language: str) -> list[Change]:
    """Bring a language's PO files in step with the templates (matched by context only)."""
    return [_update(po_path(root, language, domain), template_path(root, domain), language) for domain in DOMAINS]


def _update(path: Path, template_file: Path, language: str) -> Change:
    template = read_catalog(template_file)
    if not path.exists():
        raise HandoutError(f"{path}: missing (create it with `make init LOCALE={language}`)")
    old = read_catalog(path, locale=language)
    previous = entries(old)
    catalog = new_catalog(template.domain or path.stem, language)
    catalog.mime_headers = [(k, v) for k, v in old.mime_headers if k != "POT-Creation-Date"]
    catalog.creation_date = template.creation_date
    catalog.header_comment = old.header_comment
    catalog.fuzzy = old.fuzzy
    new, fuzzy = [], []
    for message in template:
        if not message.id:
            continue
        context = message.context or ""
        before = previous.pop(context, None)
        empty = ("",) * catalog.num_plurals if message.pluralizable else ""
        if before is None:
            new.append(context)
            catalog[message.id] = _copy(message, string=empty)
            continue
        entry = _copy(message, string=before.string if _same_shape(before, message) else empty)
        entry.user_comments = list(before.user_comments)
        entry.flags |= {flag for flag in before.flags if flag != "python-brace-format"}
        entry.previous_id = before.previous_id
        if before.id != message.id and _has_text(before.string):
            fuzzy.append(context)
            entry.flags.add("fuzzy")
            # Keep the English the translation was made from, even across several changes.
            entry.previous_id = (before.previous_id if "fuzzy" in before.flags and before.previous_id
                                 else [before.id] if isinstance(before.id, str) else list(before.id))
        catalog[message.id] = entry
    for context, message in sorted(previous.items()):  # gone from the template: kept, commented out
        if _has_text(message.string):
            catalog.obsolete[(message.id, context) if context else message.id] = message
    text = write_text(sorted_catalog(catalog))
    written = text != path.read_text(encoding="utf-8")
    if written:
        _save(path, text)
    obsolete = tuple(c for c in sorted(previous) if _has_text(previous[c].string))
    return Change(path, written, tuple(new), tuple(fuzzy), obsolete)


def _copy(message: Message, string: str | tuple[str, ...]) -> Message:
    """A fresh message from a template entry: its English, comments and references, a given translation."""
    return Message(message.id, string, locations=list(message.locations), flags=set(message.flags),
                   auto_comments=list(message.auto_comments), context=message.context)


def _same_shape(before: Message, message: Message) -> bool:
    return before.pluralizable == message.pluralizable


def _has_text(string: str | tuple[str, ...] | list[str]) -> bool:
    return any(part for part in (string if isinstance(string, (tuple, list)) else (string,)))


def _write_po(path: Path, catalog: PoCatalog) -> None:
    catalog.fuzzy = False  # a header flagged fuzzy means "not filled in" to gettext tools
    catalog.mime_headers = [*catalog.mime_headers, (REVIEW_FIELD, NOT_REVIEWED)]
    _save(path, write_text(sorted_catalog(catalog)))


def _save(path: Path, text: str) -> None:
    from pipeline.atomic_files import write_atomic

    write_atomic(path, text.encode("utf-8"))
