"""Sign off a language's medical review: refuse an unfinished translation, then record what was reviewed.

A reviewer signs a complete translation: every message the current sources print, in every
topic, the headings the topics share and the page furniture, translated and clean (as
`handout check` counts them, completeness.py). The record (review_status.py) then holds the
English and translation of every entry as they stood.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.config import Config, checked_date, signoff_date
from pipeline.errors import HandoutError
from pipeline.i18n.completeness import audit_project, describe
from pipeline.i18n.locale_data import is_source_language
from pipeline.i18n.po_files import read_catalog
from pipeline.i18n.review_status import catalog_entries, point_header_at_record, write_record
from pipeline.i18n.translations import load_messages


@dataclass(frozen=True)
class SignOff:
    """A sign-off just recorded."""

    record: Path
    by: str
    date: str
    entries: int
    headers: tuple[str, ...]  # PO files whose X-Medical-Review field now names the record


def sign_off(config: Config, language: str, by: str, date: str = "") -> SignOff:
    """Record that a medical translator reviewed the language's translation as it stands now."""
    by = " ".join(by.split())
    if not by:
        raise HandoutError("--by: give the name of the medical translator who reviewed the translation")
    date = checked_date(date) if date else signoff_date(config.source_date_epoch)
    if is_source_language(language):
        raise HandoutError(f"{language}: English is the source language; there is no translation to sign off")
    unfinished = [audit for audit in audit_project(config, [language]).audits if not audit.clean]
    if unfinished:
        rows = "\n".join(f"  {a.label}: {a.translated}/{a.total} translated and clean; {describe(a.problems, a.total)}"
                         for a in unfinished)
        raise HandoutError(f"{language}: not signed off: a medical review signs off a complete translation, and this "
                           f"one is not complete and clean:\n{rows}\n`handout check {language}` lists each entry "
                           "with its file and line")
    messages = load_messages(config.root, language)
    assert messages.review is not None  # load_messages always judges a translation's review
    entries = [entry for domain, shown in sorted(messages.files.items())
               for entry in catalog_entries(read_catalog(config.root / shown), domain, shown)]
    record = write_record(config.root / messages.review.record, entries, by, date)
    headers = tuple(shown for shown in sorted(messages.files.values())
                    if point_header_at_record(config.root / shown, messages.review.record))
    return SignOff(record, by, date, len(entries), headers)
