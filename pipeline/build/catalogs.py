"""Each language's catalogs, loaded and checked once per build: a broken one stops that language only.

A PO file that does not parse, or that `msgfmt --check` rejects, cannot be trusted in any part,
so its language is not built: none of its outputs is rendered or listed in the manifest, the
build names the file, line and cause, and the command exits non-zero. English and the other
languages are built as usual. A language whose translations, dates or clinic wording hold a
character no bundled font can draw is not built either (render/glyph_check.py): Pango would take
the glyph from whatever font the machine has, or draw a box.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pipeline.config import Config, untranslated_wording
from pipeline.errors import HandoutError
from pipeline.i18n.translations import Messages, load_messages
from pipeline.render.glyph_check import explain, missing_in_language

log = logging.getLogger(__name__)

_COUNT = re.compile(r"\S*msgfmt: found \d+ fatal error")  # msgfmt's closing count, not an error of its own
BROKEN = "catalog broken"  # how a release names the reason (release.json, `not_included`)


@dataclass(frozen=True)
class Catalogs:
    """The languages a build can render, and those it cannot, with why."""

    messages: Mapping[str, Messages] = field(default_factory=dict)
    not_built: Mapping[str, str] = field(default_factory=dict)  # locale -> "catalog broken: file:line: cause"


def load_catalogs(config: Config, locales: Iterable[str]) -> Catalogs:
    """Load and check each locale's catalogs; say (on stderr) why each one that fails is not built."""
    messages: dict[str, Messages] = {}
    not_built: dict[str, str] = {}
    for locale in sorted(set(locales)):
        try:
            loaded = load_messages(config.root, locale)
        except HandoutError as exc:
            not_built[locale] = f"{BROKEN}: {one_line(exc)}"
            log.error("%s: not built: %s", locale, exc)
            continue
        missing = missing_in_language(config, locale, loaded)
        if missing:
            not_built[locale] = explain(missing, locale, config.templates, one_line=True)
            log.error("%s: not built: %s", locale, explain(missing, locale, config.templates))
            continue
        messages[locale] = loaded
        for item in untranslated_wording(config, locale):
            log.warning("%s: %s: no %s wording, printed in English (see `handout check %s`)",
                        item.where, item.setting, locale, locale)
    return Catalogs(messages, not_built)


def one_line(error: HandoutError) -> str:
    """The error's file:line messages on one line (msgfmt's header and error count dropped)."""
    lines = [line.strip() for line in str(error).splitlines()
             if line.strip() and not line.startswith("msgfmt --check failed") and not _COUNT.match(line)]
    return "; ".join(lines) or str(error).replace("\n", " ")


@dataclass(frozen=True)
class LanguageCheck:
    """What `handout check` finds in a language beyond its messages."""

    language: str
    broken: str = ""  # "catalog broken: file:line: cause": nothing else can be checked
    glyphs: str = ""  # the characters no loaded font draws, where from, and the font to add
    wording: tuple[str, ...] = ()  # clinic.yaml settings worded per language, printed in English here

    @property
    def problems(self) -> tuple[str, ...]:
        return (*self.wording, *([self.glyphs] if self.glyphs else []))

    @property
    def clean(self) -> bool:
        return not self.broken and not self.problems


def check_language(config: Config, language: str) -> LanguageCheck:
    """Check that a language's catalogs load, that the fonts draw all it prints, and that the clinic's
    wording is its own."""
    try:
        messages = load_messages(config.root, language)
    except HandoutError as exc:
        return LanguageCheck(language, broken=f"{BROKEN}: {one_line(exc)}")
    wording = tuple(f"{item.where}: {item.setting}: no {language} wording in clinic.yaml, the English "
                    f"{item.english!r} is printed (untranslated; add `{language}:` to it)"
                    for item in untranslated_wording(config, language))
    missing = missing_in_language(config, language, messages)
    return LanguageCheck(language, glyphs=explain(missing, language, config.templates) if missing else "",
                         wording=wording)
