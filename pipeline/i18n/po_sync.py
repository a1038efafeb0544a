"""A language's PO files, started from the templates (init) and kept in step with them (update).

Two domains: `ui` (page furniture; msgctxt = its key in locale_data.ENGLISH) and `facts` (the printed
text of each topic: msgctxt "<topic>:title", "<topic>:section:<key>", or "<topic>:<fact id>"). Contexts
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

from babel.messages.catalog import Message

from pipeline.errors import HandoutError
from pipeline.i18n.locale_data import parse_locale
from pipeline.i18n.po_files import (
    DOMAINS,
    NOT_REVIEWED,
    REVIEW_FIELD,
    PoCatalog,
    entries,
    legacy_context,
    new_catalog,
    po_path,
    read_catalog,
    sorted_catalog,
    template_path,
    write_text,
)

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
    # Entries an earlier update commented out stay in the file (a translation is never lost),
    # and one whose English is back, as it was, is live again.
    retired = {message.context or "": message for message in old.obsolete.values() if message.id}
    legacy = {}  # headings were once shared by all topics ("section:<key>"): their translations carry over
    for message in template:
        if not message.id:
            continue
        context = message.context or ""
        before = previous.pop(context, None)
        if before is None and context in retired and retired[context].id == message.id:
            before = retired.pop(context)
        old_context = legacy_context(context)
        earlier = previous.get(old_context) or retired.get(old_context)
        if before is None and earlier is not None and earlier.id == message.id:
            before = legacy[old_context] = earlier
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
    for context in legacy:
        previous.pop(context, None)
        retired.pop(context, None)
    for context, message in sorted(previous.items()):  # gone from the template: kept, commented out
        if _has_text(message.string):
            catalog.obsolete[(message.id, context) if context else message.id] = message
    for context, message in retired.items():
        if _has_text(message.string):
            catalog.obsolete.setdefault((message.id, context) if context else message.id, message)
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
