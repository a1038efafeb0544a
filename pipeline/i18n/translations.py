"""A language's translations, loaded from its PO files and checked, ready for the renderer.

Policy (README, "Translations"): only a clean translation of the current English is printed.
A message that is missing, empty, fuzzy, translated from older English, or failing a check
(checks.py) is printed in English, marked, and counted in the build report;
`handout check` and `handout release` refuse it. A PO file that does not parse (or that
msgfmt rejects) stops the build with its file and line: nothing in it can be trusted.
"""

from __future__ import annotations

import gettext
import hashlib
import logging
import shutil
import subprocess
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from babel.messages.catalog import Message

from pipeline.i18n.po_files import DOMAINS, PoCatalog, po_path, read_catalog, topic_of
from pipeline.i18n.review_status import (
    ReviewEntry, ReviewStatus, catalog_entries, header_claim, record_path, review_status,
)
from pipeline.errors import HandoutError
from pipeline.models import Untranslated
from pipeline.i18n.locale_data import is_source_language, parse_locale
from pipeline.i18n.checks import SAME_AS_ENGLISH, check, check_plural, copies_english, markers

log = logging.getLogger(__name__)

Text = str | tuple[str, ...]


@dataclass(frozen=True)
class CheckedMessage:
    """One message of a PO file as the build sees it: usable translation, or why not."""

    english: Text
    translation: Text | None  # None: not usable (see problem)
    problem: Untranslated | None = None
    line: int = 0


@dataclass(frozen=True)
class Messages:
    """Every usable translation of one language, by (domain, context)."""

    locale: str
    source: bool = False  # English itself: nothing is looked up
    reviewed: bool = True  # review.reviewed: signed off by a medical translator, nothing changed since
    entries: Mapping[tuple[str, str], CheckedMessage] = field(default_factory=dict)
    plural_forms: str = "(n != 1)"  # the PO header's plural expression (C syntax)
    files: Mapping[str, str] = field(default_factory=dict)  # domain -> PO path
    review: ReviewStatus | None = None  # the sign-off and what changed since (None: English)

    def lookup(self, domain: str, context: str, english: Text) -> tuple[Text, Untranslated | None]:
        """The translation of english, or english itself and the reason it is not translated."""
        if self.source:
            return english, None
        entry = self.entries.get((domain, context))
        if entry is None:
            return english, Untranslated(self.files.get(domain, domain), 0, context,
                                    "not in the PO file (run `make update`)", "missing")
        if entry.english != english:
            return english, Untranslated(self.files[domain], entry.line, context,
                                    "the English changed since it was translated (run `make update`)", "stale")
        if entry.translation is None:
            return english, entry.problem or Untranslated(self.files[domain], entry.line, context, "not usable")
        return entry.translation, None

    def choose(self, forms: tuple[str, ...], count: int, translated: bool) -> str:
        """The plural form for count: the language's rule for a translation, English's otherwise."""
        index = _plural_rule(self.plural_forms)(count) if translated else int(count != 1)
        return forms[min(index, len(forms) - 1)]


def load_messages(root: Path, locale: str) -> Messages:
    """Read and check a language's PO files (English needs none)."""
    if is_source_language(locale):
        return Messages(locale=locale, source=True)
    language = _folder(root, locale)
    files = [po_path(root, language, domain) for domain in DOMAINS] + [record_path(root, language)]
    return _load_messages(root, locale, language, tuple(_stamp(path) for path in files))


def _stamp(path: Path) -> str | None:
    """What says a file changed: a digest of its bytes (None: it does not exist). A time stamp
    would miss two writes of the same size within the clock's tick."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@lru_cache(maxsize=32)
def _load_messages(root: Path, locale: str, language: str, _stamps: tuple[str | None, ...]) -> Messages:
    """load_messages for files as they are now (_stamps): `check` and a build read each language
    more than once (its completeness, its glyphs, its pages), and msgfmt and the checks cost."""
    parsed = parse_locale(locale)
    entries: dict[tuple[str, str], CheckedMessage] = {}
    files, plural, claims = {}, "", []
    current: list[ReviewEntry] = []  # every live entry, as the medical review compares them
    for domain in DOMAINS:
        path = po_path(root, language, domain)
        if not path.is_file():
            raise HandoutError(f"{path}: missing; no {domain} translations for {locale} (run `make init LOCALE={language}`)")
        relative = _relative(path, root)
        files[domain] = relative
        _msgfmt(path, relative)
        catalog = read_catalog(path, locale=str(parsed))
        current += catalog_entries(catalog, domain, relative)
        claims.append(header_claim(catalog, relative))
        plural = plural or _checked_plural(catalog, relative)
        for message in catalog:
            if message.id:
                entries[(domain, message.context or "")] = _entry(message, relative, str(parsed))
    review = review_status(root, language, current, claims)
    return Messages(locale=locale, reviewed=review.reviewed, entries=entries,
                    plural_forms=plural or "(n != 1)", files=files, review=review)


def begun_topics(root: Path, locale: str, topics: Iterable[str]) -> frozenset[str]:
    """The topics the language's facts.po translates at least one message of (fuzzy or not).

    A topic none of whose messages is translated is not built in that language by default: its
    PDFs would be the English behind EN tags. Without a facts.po every topic counts as begun, so
    the build goes on to stop with its usual message (`make init`).
    """
    topics = tuple(topics)
    if is_source_language(locale):
        return frozenset(topics)
    path = po_path(root, _folder(root, locale), "facts")
    if not path.is_file():
        return frozenset(topics)
    known = frozenset(topics)
    return frozenset(topic_of(message.context or "", known) for message in read_catalog(path)
                     if message.id and _has_text(message.string)) - {""}


def facts_file(root: Path, locale: str) -> str:
    """The language's facts.po, as messages name it (relative to the project)."""
    return _relative(po_path(root, _folder(root, locale), "facts"), root)


def _has_text(string: str | tuple[str, ...] | list[str]) -> bool:
    return any(string) if isinstance(string, (tuple, list)) else bool(string)


def _entry(message: Message, path: str, locale: str) -> CheckedMessage:
    """Decide whether one PO message may be printed."""
    english: Text = tuple(message.id) if message.pluralizable else message.id
    string = message.string
    forms = tuple(string) if isinstance(string, (tuple, list)) else (string,)
    line = message.lineno or 0

    def refused(reason: str, kind: str = "failing") -> CheckedMessage:
        return CheckedMessage(english, None, Untranslated(path, line, message.context or "", reason, kind), line)

    if not any(forms):
        return refused("not translated", "untranslated")
    if "fuzzy" in message.flags:
        return refused("fuzzy: the English changed and the translation needs review", "fuzzy")
    if not all(forms):
        return refused("a plural form is not translated")
    flags, comments = markers(message.flags, message.user_comments), tuple(message.user_comments)
    if copies_english(english, forms) and SAME_AS_ENGLISH not in flags:
        # msgen and CAT tools fill a translation with the English: not a translation.
        return refused(f"the same as the English: not translated (if it is meant to be, add the translator "
                       f"comment `# {SAME_AS_ENGLISH}`)", "untranslated")
    brace = "python-brace-format" in message.flags
    # Flags and translator comments carry the reviewer's waivers (checks.WAIVERS) and their reasons.
    problems = (check_plural(english, forms, locale, brace, flags, comments)  # type: ignore[arg-type]
                if message.pluralizable else check(message.id, forms[0], locale, brace, flags, comments))
    if problems:
        return refused("; ".join(problems))
    return CheckedMessage(english, forms if message.pluralizable else forms[0], line=line)


def _checked_plural(catalog: PoCatalog, path: str) -> str:
    """The Plural-Forms expression of a catalog, checked by gettext's own parser."""
    try:
        _plural_rule(catalog.plural_expr)
    except (ValueError, SyntaxError) as exc:
        raise HandoutError(f"{path}: bad Plural-Forms {catalog.plural_expr!r}: {exc}") from exc
    return catalog.plural_expr


@cache
def _plural_rule(expression: str) -> Callable[[int], int]:
    """A plural expression as a function (kept as text in Messages, so it can go to a worker)."""
    return gettext.c2py(expression)


def _msgfmt(path: Path, shown: str) -> None:
    """Run `msgfmt --check` (when gettext is installed); its errors stop the build."""
    from pipeline.i18n.po_files import po_bytes

    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        log.warning("msgfmt not found (install gettext): %s was checked by handout only", shown)
        return
    # The bytes as handout reads them (msgfmt stops at the byte-order mark Windows editors write).
    result = subprocess.run([msgfmt, "--check", "-o", "/dev/null", "-"], input=po_bytes(path),
                            capture_output=True, check=False)
    if result.returncode != 0:
        stderr = result.stderr.decode("utf-8", "replace")
        lines = [line.replace("<stdin>", shown) for line in stderr.splitlines() if line.strip()]
        raise HandoutError("msgfmt --check failed:\n" + "\n".join(lines))


def _folder(root: Path, locale: str) -> str:
    """The locales/ folder for a locale: "fr_CA" uses fr_CA/ if it exists, else fr/."""
    parsed = parse_locale(locale)
    for name in (str(parsed), parsed.language):
        if (root / "locales" / name / "LC_MESSAGES").is_dir():
            return name
    raise HandoutError(f"no translations for locale {locale!r}: locales/{parsed.language}/ does not exist "
                       f"(start one with `make init LOCALE={parsed.language}`)")


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
