"""What the templates print in one language: translations, or the English visibly marked.

One Localizer serves one rendering. It hands the templates escaped text (autoescape still
applies: a translation's markup prints as text), records every message printed in English
instead, and refuses a translation with a character the bundled fonts cannot draw.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from pipeline.errors import RenderError
from pipeline.i18n.locale_data import ENGLISH
from pipeline.i18n.po_files import fact_context, section_context, title_context
from pipeline.i18n.translations import Messages, Text
from pipeline.models import Untranslated
from pipeline.models import Cluster
from pipeline.render.fonts import describe, missing_glyphs
from pipeline.render.long_tokens import breakable, too_long

MARKER = "EN"  # printed before each passage left in English (print.css, .untranslated)


@dataclass
class Localizer:
    """Look-ups for one rendering of one topic in one language."""

    messages: Messages
    topic: str
    direction: str = "ltr"
    fonts: tuple[Path, ...] = ()  # the bundled fonts every translation must be drawable with
    untranslated: dict[str, Untranslated] = field(default_factory=dict)
    # Contexts of the `facts` messages printed, in English or not: what a topic's translation
    # must cover in this document (release.py counts "12 of 40 messages not translated").
    printed: set[str] = field(default_factory=set)

    # ---- what the templates call ----

    def fact(self, cluster: Cluster) -> Markup:
        return self._marked("facts", fact_context(self.topic, cluster.id), cluster.canonical.text)

    def section(self, key: str, english: str) -> Markup:
        return self._marked("facts", section_context(self.topic, key), english)

    def title(self, english: str) -> str:
        """The handout title as plain text (for <title>, headers and footers)."""
        return str(self._text("facts", title_context(self.topic), english)[0])

    def heading(self, english: str) -> Markup:
        """The handout title for the page itself, marked when it is still in English."""
        return self._marked("facts", title_context(self.topic), english)

    def ui(self, key: str, **values: object) -> Markup:
        english = ENGLISH[key]
        assert isinstance(english, str), f"{key} has plural forms: use ui_count"
        text, translated = self._text("ui", key, english)
        return self._wrap(str(text).format(**values) if values else str(text), translated)

    def ui_plain(self, key: str) -> str:
        english = ENGLISH[key]
        assert isinstance(english, str)
        return str(self._text("ui", key, english)[0])

    def ui_count(self, key: str, count: int) -> Markup:
        """A message with plural forms, in the form the language uses for count."""
        english = ENGLISH[key]
        assert isinstance(english, tuple)
        forms, translated = self._text("ui", key, english)
        assert isinstance(forms, tuple)
        return self._wrap(self.messages.choose(forms, count, translated).format(count=count), translated)

    def isolate(self, text: str) -> str:
        """Latin-script data (phone, email, clinic name) kept in its own order on an RTL page.

        Without the isolate, the bidi algorithm lays "+44 20 7946 0000" out right to left as
        "0000 7946 20 44+": a wrong number to call.
        """
        return f"\u2066{text}\u2069" if self.direction == "rtl" and text else text

    @property
    def any_untranslated(self) -> bool:
        return bool(self.untranslated)

    # ---- helpers ----

    def _marked(self, domain: str, context: str, english: str) -> Markup:
        text, translated = self._text(domain, context, english)
        return self._wrap(str(text), translated)

    def _text(self, domain: str, context: str, english: Text) -> tuple[Text, bool]:
        if domain == "facts":
            self.printed.add(context)
        text, problem = self.messages.lookup(domain, context, english)
        if problem is not None:
            self.untranslated.setdefault(f"{domain}:{context}", problem)
            return english, False
        if not self.messages.source:
            self._check_glyphs(domain, context, text)
            self._check_tokens(domain, context, text)
        return text, True

    def _wrap(self, text: str, translated: bool) -> Markup:
        # Long tokens (a URL, an identifier) get a span that lets them break (long_tokens.py).
        if translated or self.messages.source:
            return breakable(text)
        return Markup('<span class="untranslated" lang="en" dir="ltr">{}</span>').format(breakable(text))

    def _check_glyphs(self, domain: str, context: str, text: Text) -> None:
        missing = missing_glyphs("".join(text) if isinstance(text, tuple) else text, self.fonts)
        if missing:
            raise RenderError(f"{self._where(domain, context)}: {context}: no glyph in the bundled fonts for {describe(missing)}")

    def _check_tokens(self, domain: str, context: str, text: Text) -> None:
        problem = too_long(" ".join(text) if isinstance(text, tuple) else text)
        if problem:
            raise RenderError(f"{self._where(domain, context)}: {context}: {problem}")

    def _where(self, domain: str, context: str) -> str:
        """Return file:line of the translation of context, for messages."""
        entry = self.messages.entries.get((domain, context))
        return f"{self.messages.files.get(domain, domain)}:{entry.line if entry else 0}"
