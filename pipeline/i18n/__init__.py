"""Translations: locale data (Babel), the translators' PO/POT files, checks, and the localizer
the templates print through."""
