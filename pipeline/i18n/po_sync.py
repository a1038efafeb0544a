"""A language's PO files, started from the templates (init) and kept in step with them (update).

Two domains: `ui` (page furniture; msgctxt = its key in locale_data.ENGLISH) and `facts` (the printed
text of each topic: msgctxt "<topic>:title", "<topic>:section:<key>", or "<topic>:<fact id>"). Contexts
keep entries apart, so a translation can never attach to another fact that happens to share
its English wording, and update matches by context only: no fuzzy matching across entries,
because a one-word change ("not") can invert a medical statement. The one exception is an entry
a tool stripped of its msgctxt (an XLIFF round trip): it goes back to the one entry with exactly
its English, marked fuzzy for a translator to confirm, or stays as `#~` when several share it.
No translation is ever dropped: whatever update cannot place is kept as `#~` and reported.

The files are sources translators commit, so they must not change unless their content does:
entries are sorted by context, lines are not wrapped (one msgid per line keeps diffs to the
entry that changed, and no tool re-wraps what another wrapped), line ends are LF, and the
template header carries a fixed creation date instead of the clock's. Files saved by other tools
(wrapped, CRLF, a byte-order mark) are read as they are and written back in this one form.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Message

from pipeline.errors import HandoutError
from pipeline.i18n.locale_data import folder_locale, parse_locale
from pipeline.i18n.po_files import (
    DOMAINS,
    NOT_REVIEWED,
    REVIEW_FIELD,
    PoCatalog,
    legacy_context,
    new_catalog,
    po_path,
    read_catalog,
    sorted_catalog,
    template_path,
    write_text,
)

Text = str | tuple[str, ...]

# ---- init and update -----------------------------------------------------------------


@dataclass(frozen=True)
class Unplaced:
    """A translation whose msgctxt a tool lost and whose English names no single entry: kept as `#~`."""

    english: str
    line: int
    matches: tuple[str, ...] = ()  # the contexts that share this English (none: no entry has it)


@dataclass(frozen=True)
class Change:
    """What update did to one PO file; no translation is ever dropped, only kept as `#~`."""

    path: Path
    written: bool
    new: tuple[str, ...] = ()
    fuzzy: tuple[str, ...] = ()  # contexts whose English changed: translation kept, marked fuzzy
    obsolete: tuple[str, ...] = ()  # contexts gone from the template: translation kept as `#~`
    reattached: tuple[str, ...] = ()  # lost their msgctxt; attached by their exact English, marked fuzzy
    unplaced: tuple[Unplaced, ...] = ()

    def report(self) -> list[str]:
        """What update did, for the translator: a summary line, then one line per entry to look at."""
        state = "updated" if self.written else "unchanged"
        counts = (f"{len(self.new)} new, {len(self.fuzzy) + len(self.reattached)} now fuzzy, "
                  f"{len(self.obsolete) + len(self.unplaced)} kept as #~")
        lines = [f"{self.path}: {state} ({counts})"]
        lines += [f"  fuzzy    {context}: the English changed; review the translation" for context in self.fuzzy]
        lines += [f"  fuzzy    {context}: had lost its msgctxt, attached by its English; confirm the translation"
                  for context in self.reattached]
        lines += [f"  kept #~  {context}: no longer in the template; its translation is kept" for context in self.obsolete]
        for entry in self.unplaced:
            which = (f"{len(entry.matches)} entries have this English ({', '.join(entry.matches)})" if entry.matches
                     else "no entry has this English now")
            lines.append(f"  kept #~  {self.path}:{entry.line}: {entry.english!r} had lost its msgctxt and {which}; "
                         "add its msgctxt by hand")
        return lines


def init_language(root: Path, language: str) -> list[Path]:
    """Create locales/<language>/LC_MESSAGES/<domain>.po from the templates; never overwrite."""
    parsed = parse_locale(language)
    language = str(folder_locale(str(parsed)))  # "fr-CA" makes locales/fr_CA, a name the build reads
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


class _Earlier:
    """The old file's translations, handed out once each to the template entries they belong to.

    Candidates for a context, best first: its live entry, its `#~` entry (an earlier update
    retired it), the older shared heading's entry with the same English, and an entry that lost
    its msgctxt (an XLIFF round trip) whose exact English only this context has. Whatever is
    not handed out is kept as `#~`, so a translation is never lost.
    """

    def __init__(self, old: PoCatalog, template: PoCatalog) -> None:
        self.live: dict[str, Message] = {}
        self.duplicates: list[Message] = []  # a second entry for a context (a tool's merge): kept as `#~`
        self.orphans: dict[Text, list[Message]] = defaultdict(list)  # by English: lost their msgctxt
        for message in (m for m in old if m.id):
            if not message.context:
                self.orphans[_english(message)].append(message)
            elif message.context in self.live:
                self.duplicates.append(message)
            else:
                self.live[message.context] = message
        self.retired: dict[str, Message] = {}
        for message in (m for m in old.obsolete.values() if m.id):
            if message.context and message.context not in self.retired:
                self.retired[message.context] = message
            elif message.context:
                self.duplicates.append(message)
            else:
                self.orphans[_english(message)].append(message)
        self.sharing: dict[Text, list[str]] = defaultdict(list)  # English -> template contexts
        for message in (m for m in template if m.id):
            self.sharing[_english(message)].append(message.context or "")
        self.used: set[int] = set()  # handed out (by id: Babel's messages compare by msgid)
        self.served: set[int] = set()

    def take(self, message: Message) -> tuple[Message | None, str]:
        """The old entry whose translation this template entry carries on, and where it came from."""
        context = message.context or ""
        legacy = self.live.get(legacy_context(context)) or self.retired.get(legacy_context(context))
        candidates = [
            (self.live.get(context), "live"),
            (self.retired.get(context), "retired"),
            (legacy if legacy is not None and legacy.id == message.id else None, "legacy"),
            (self._orphan(message), "reattached"),
        ]
        # An old shared heading serves every topic whose heading has its English.
        found = [(old, how) for old, how in candidates
                 if old is not None and (how == "legacy" or id(old) not in self.used)]
        translated = [(old, how) for old, how in found if _has_text(old.string)]
        old, how = translated[0] if translated else found[0] if found and found[0][1] == "live" else (None, "")
        if old is not None:
            (self.served if how == "legacy" else self.used).add(id(old))
        return old, how

    def _orphan(self, message: Message) -> Message | None:
        english = _english(message)
        if len(self.sharing[english]) != 1:
            return None  # several facts say this: which one it translated is unknown
        return next((m for m in self.orphans.get(english, ()) if _has_text(m.string)), None)

    def left(self) -> list[Message]:
        """The translated old entries nothing took, in file order."""
        return [m for m in (*self.live.values(), *self.duplicates, *self.retired.values(),
                            *(m for group in self.orphans.values() for m in group))
                if id(m) not in self.used | self.served and _has_text(m.string)]

    def release(self, old: Message) -> None:
        """Give an entry back: its translation did not fit the template entry (kept as `#~`)."""
        self.used.discard(id(old))


def _update(path: Path, template_file: Path, language: str) -> Change:
    template = read_catalog(template_file)
    if not path.exists():
        raise HandoutError(f"{path}: missing (create it with `make init LOCALE={language}`)")
    old = read_catalog(path, locale=language)
    catalog = new_catalog(template.domain or path.stem, language)
    catalog.mime_headers = [(k, v) for k, v in old.mime_headers if k != "POT-Creation-Date"]
    catalog.creation_date = template.creation_date
    catalog.header_comment = old.header_comment
    catalog.fuzzy = False  # XLIFF tools flag the header fuzzy; gettext then ignores it
    earlier = _Earlier(old, template)
    new, fuzzy, reattached = [], [], []
    for message in template:
        if not message.id:
            continue
        context = message.context or ""
        before, how = earlier.take(message)
        empty = ("",) * catalog.num_plurals if message.pluralizable else ""
        entry = catalog[message.id] = _copy(message, string=empty)
        if before is None:
            new.append(context)
            continue
        if not _same_shape(before, message):  # a plural now, or no longer: its translation stays as `#~`
            earlier.release(before)
            continue
        entry.string = before.string
        entry.user_comments = list(before.user_comments)
        entry.flags |= {flag for flag in before.flags if flag != "python-brace-format"}
        entry.previous_id = before.previous_id
        if how == "reattached":
            reattached.append(context)
            entry.flags.add("fuzzy")  # which entry it was made for is a guess: a translator confirms
        elif before.id != message.id and _has_text(before.string):
            fuzzy.append(context)
            entry.flags.add("fuzzy")
            # Keep the English the translation was made from, even across several changes.
            entry.previous_id = (before.previous_id if "fuzzy" in before.flags and before.previous_id
                                 else [before.id] if isinstance(before.id, str) else list(before.id))
    kept = earlier.left()
    for message in kept:
        key = catalog._key_for(message.id, message.context)
        if key in catalog.obsolete:  # the same entry twice, translated two ways: keep both
            key = (key, message.lineno)
        catalog.obsolete[key] = message
    text = write_text(sorted_catalog(catalog))
    written = text.encode("utf-8") != path.read_bytes()
    if written:
        _save(path, text)
    retired = {id(m) for m in old.obsolete.values()}
    obsolete = sorted(m.context for m in kept if m.context and id(m) not in retired)
    unplaced = [Unplaced(m.id if isinstance(m.id, str) else m.id[0], m.lineno or 0,
                         tuple(earlier.sharing.get(_english(m), ())))
                for m in kept if not m.context and id(m) not in retired]
    return Change(path, written, tuple(new), tuple(fuzzy), tuple(obsolete), tuple(reattached),
                  tuple(sorted(unplaced, key=lambda u: u.line)))


def _english(message: Message) -> Text:
    return message.id if isinstance(message.id, str) else tuple(message.id)


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
