"""Locale data for rendering: page-furniture strings, dates and text direction (Babel).

Only English is shipped for now; later work replaces the in-code table with gettext
PO catalogs. Every lookup is strict: an unknown locale or a missing key is an error,
never a silent fallback to English.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date

from pipeline.errors import HandoutError

Direction = Literal["ltr", "rtl"]

# Placeholders in braces are filled by the renderer ({page}/{pages} become CSS counters).
_ENGLISH: dict[str, str] = {
    "page_of": "Page {page} of {pages}",
    "sources": "Sources",
    "draws_on": "This leaflet draws on {count} source texts:",
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
}

_CATALOGS: dict[str, dict[str, str]] = {"en": _ENGLISH}


def _parse(locale: str) -> Locale:
    """Return the Babel Locale for an identifier like "en", "en_GB" or "en-GB"."""
    if not isinstance(locale, str) or not locale.strip():
        raise HandoutError(f"unknown locale {locale!r}")
    try:
        return Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise HandoutError(f"unknown locale {locale!r}: {exc}") from exc


def strings(locale: str) -> dict[str, str]:
    """Return the page-furniture strings for a locale (a fresh copy)."""
    parsed = _parse(locale)
    for key in (str(parsed), parsed.language):
        if key in _CATALOGS:
            return dict(_CATALOGS[key])
    shipped = ", ".join(sorted(_CATALOGS))
    raise HandoutError(f"no translations for locale {locale!r} (shipped: {shipped})")


def format_date(iso: str, locale: str) -> str:
    """Format an ISO date (YYYY-MM-DD) in the locale's long form, e.g. "March 1, 2025"."""
    try:
        day = date.fromisoformat(iso)
    except (ValueError, TypeError) as exc:
        raise HandoutError(f"not an ISO date: {iso!r}") from exc
    return babel_format_date(day, format="long", locale=_parse(locale))


def text_direction(locale: str) -> Direction:
    """Return "rtl" for right-to-left scripts, else "ltr"."""
    return "rtl" if _parse(locale).text_direction == "rtl" else "ltr"


def language_tag(locale: str) -> str:
    """Return the BCP 47 tag for the lang attribute ("en_GB" -> "en-GB")."""
    return str(_parse(locale)).replace("_", "-")
