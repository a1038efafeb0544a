"""Locale data for rendering (Babel) and the English page furniture translators start from.

The English strings below are the msgids of the `ui` catalog: `handout extract` writes them to
locales/ui.pot, and translations come back as locales/<lang>/LC_MESSAGES/ui.po (see
translations.py). A tuple is a message with plural forms: (singular, plural).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date

from pipeline.errors import HandoutError

Direction = Literal["ltr", "rtl"]

# Placeholders in braces are filled by the renderer ({page}/{pages} become CSS counters).
ENGLISH: dict[str, str | tuple[str, str]] = {
    "page_of": "Page {page} of {pages}",
    "sources": "Sources",
    "draws_on": ("This leaflet draws on {count} source text:", "This leaflet draws on {count} source texts:"),
    "contact": "Contact your care team",
    "contact_when": (
        "Call us if you have a side effect, if you feel unwell, or if you are "
        "not sure about something. Do not wait for your next appointment."
    ),
    "emergency": "In an emergency, call your local emergency number.",
    "questions": "Questions?",
    "side_effects_call": "Side effects?",
    "call": "Call",
    "address": "Address",
    "website": "Website",
    "version": "Version",
    "issued": "Issued",
    "next_review": "Next review",
    "common_side_effects": "Common side effects",
    "summary": "Summary",
    "stated": "stated",
    "not_advice": (
        "This leaflet gives general information. It does not replace the advice "
        "of your doctor or care team, who know your situation."
    ),
    "not_reviewed": "This translation has not yet been reviewed by a medical translator.",
    "rewrites_not_reviewed": "Some sentences were reworded to be easier to read and have not yet been checked by a clinician.",
    "untranslated": "Passages marked {marker} are not translated yet and are printed in English.",
}

# Where each string appears, for the translator's comments in ui.pot (msgctxt is the key).
WHERE = {
    "page_of": "page footer, at the outer edge of every page",
    "sources": "heading of the list of source texts at the end of the leaflet",
    "draws_on": "line under that heading, before the list",
    "contact": "heading of the contact box (leaflet and summary)",
    "contact_when": "first lines of the contact box: when to call",
    "emergency": "last line of the contact box",
    "questions": "label before the clinic's phone number (contact box and page header)",
    "side_effects_call": "label before the phone number to call about side effects",
    "call": "verb just before a phone number: 'Call +44 20 7946 0000'",
    "address": "label before the clinic's postal address",
    "website": "label before the clinic's website",
    "version": "before the handout's version number: 'Version 1.0'",
    "issued": "before the date of issue: 'Issued 22 November 2026'",
    "next_review": "before the date of the next review: 'Next review 22 November 2027'",
    "common_side_effects": "heading of the side-effects box on the one-page summary",
    "summary": "word under the title of the one-page summary",
    "stated": "in the list of sources, before the date a source gives for itself: '(stated 1 April 2020)'",
    "not_advice": "at the end of the leaflet and the summary",
    "not_reviewed": "small print at the end, while this translation is not reviewed by a medical translator",
    "rewrites_not_reviewed": "small print at the end, while some of the English sentences an editor reworded in "
                             "plain language are not checked by a clinician",
    "untranslated": "small print at the end, when some passages are printed in English",
}

# What each placeholder stands for, for the translator's comments in ui.pot.
PLACEHOLDERS = {
    "page": "{page} is the current page number",
    "pages": "{pages} is the total number of pages",
    "count": "{count} is the number of source texts",
    "marker": "{marker} is the small 'EN' tag printed before English passages",
}

SOURCE_LANGUAGE = "en"


def parse_locale(locale: str) -> Locale:
    """Return the Babel Locale for an identifier like "en", "en_GB" or "en-GB"."""
    if not isinstance(locale, str) or not locale.strip():
        raise HandoutError(f"unknown locale {locale!r}")
    try:
        return Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise HandoutError(f"unknown locale {locale!r}: {exc}") from exc


def format_date(iso: str, locale: str) -> str:
    """Format an ISO date (YYYY-MM-DD) in the locale's long form, e.g. "March 1, 2025"."""
    try:
        day = date.fromisoformat(iso)
    except (ValueError, TypeError) as exc:
        raise HandoutError(f"not an ISO date: {iso!r}") from exc
    return babel_format_date(day, format="long", locale=parse_locale(locale))


def text_direction(locale: str) -> Direction:
    """Return "rtl" for right-to-left scripts, else "ltr"."""
    return "rtl" if parse_locale(locale).text_direction == "rtl" else "ltr"


def language_tag(locale: str) -> str:
    """Return the BCP 47 tag for the lang attribute ("en_GB" -> "en-GB")."""
    return str(parse_locale(locale)).replace("_", "-")


def is_source_language(locale: str) -> bool:
    """True for English in any region: the handout's own text, nothing to translate."""
    return parse_locale(locale).language == SOURCE_LANGUAGE


# A folder under locales/ is named as `handout init` names it: a CLDR identifier, in its own case.
_FOLDER = re.compile(r"[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_(?:[A-Z]{2}|[0-9]{3}))?")
FOLDER_FORM = ("a CLDR locale identifier such as fr, fr_CA, pt_BR or zh_Hant (language in lower case, "
               "then _Script, then _REGION)")


def folder_locale(name: str) -> Locale:
    """Return the locale a folder under locales/ is named for; a name that is none is an error."""
    where = f"locales/{name}"
    if not _FOLDER.fullmatch(name):
        guess = _lenient(name)
        if guess is not None and guess.language == SOURCE_LANGUAGE:
            raise HandoutError(f"{where}: {_ENGLISH}")
        hint = f"; rename it locales/{guess}" if guess is not None else ""
        raise HandoutError(f"{where}: not a locale folder name: expected {FOLDER_FORM}{hint}")
    try:
        locale = Locale.parse(name)
    except (UnknownLocaleError, ValueError) as exc:
        raise HandoutError(f"{where}: unknown locale {name!r} (not in CLDR): expected {FOLDER_FORM}") from exc
    if locale.language != name.split("_")[0]:  # Babel reads "und" (undetermined) as en_US
        raise HandoutError(f"{where}: unknown locale {name!r} (not a language): expected {FOLDER_FORM}")
    if locale.language == SOURCE_LANGUAGE:
        raise HandoutError(f"{where}: {_ENGLISH}")
    return locale


_ENGLISH = ("English is the source language and has no translations folder (its files would never be "
            "read); name the folder after the language its files translate to")


def _lenient(name: str) -> Locale | None:
    """What a mis-written folder name ("EN", "fr-CA", "en_US.UTF-8") most likely means, if anything."""
    try:
        return Locale.parse(re.split(r"[.@]", name)[0].replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
