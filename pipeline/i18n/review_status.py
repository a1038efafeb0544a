"""Medical review: who signed off a language's translation, and which entries changed since.

A medical translator's sign-off (`handout review-signoff fr --by NAME`, review_signoff.py) writes
locales/<lang>/review.yaml: who, when, and for every entry of the language's PO files its msgctxt
with a short hash of its English and one of its translation. The language is reviewed while every
entry still has the English and the translation signed off. A new entry, a changed English (the
entry `make update` marks fuzzy: it stays changed once the flag is cleared over the old
translation) or a changed translation makes it "not reviewed" again, with those entries listed,
until the next sign-off. An entry that is gone changes nothing a reader sees, so it is ignored.

The record is the one source of the status. The PO header field X-Medical-Review is no longer
read for it; a header that still claims "reviewed ..." (as the README once said to write) is
reported by `handout check` whenever the record does not back it, so the two never disagree
silently, and a sign-off points the field at the record.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog

from pipeline.atomic_files import write_atomic
from pipeline.config import read_yaml
from pipeline.i18n.po_files import DOMAINS, LOCALES_DIR, REVIEW_FIELD, PoCatalog

Text = str | tuple[str, ...]
Hashes = dict[tuple[str, str], tuple[str, str]]  # (domain, msgctxt) -> (English hash, translation hash)

RECORD_NAME = "review.yaml"
# Hex digits kept of each SHA-256: a change goes unnoticed with odds of 1 in 16**10.
HASH_LENGTH = 10
# The header field's value once a language has a record: it no longer says anything itself.
POINTER = "see {record}"
_HEADER_LINE = re.compile(rb'^"' + REVIEW_FIELD.encode() + rb':[^"\r\n]*\\n"', re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class ReviewEntry:
    """One live entry of a PO file, as a sign-off records it and the status compares it."""

    domain: str
    context: str
    english: Text
    translation: Text
    path: str  # the PO file, relative to the project
    line: int

    @property
    def hashes(self) -> tuple[str, str]:
        return fingerprint(self.english), fingerprint(self.translation)


@dataclass(frozen=True)
class Changed:
    """An entry whose English or translation is not the one signed off."""

    path: str
    line: int
    context: str
    what: str  # "new", "English changed", "translation changed", "English and translation changed"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.context}: {self.what}"


@dataclass(frozen=True)
class ReviewStatus:
    """A language's medical review: the sign-off on record, and what changed since."""

    record: str  # locales/<lang>/review.yaml, relative to the project
    by: str = ""  # "": never signed off
    date: str = ""
    changed: tuple[Changed, ...] = ()
    problem: str = ""  # the record cannot be read: not reviewed
    claims: tuple[str, ...] = ()  # "file: X-Medical-Review: reviewed ...", headers that claim a review

    @property
    def reviewed(self) -> bool:
        return bool(self.by) and not self.problem and not self.changed

    def describe(self, language: str, shown: int | None = 5) -> list[str]:
        """"fr: medically reviewed (...)" or "fr: not reviewed: ...", then the first changed entries (None: all)."""
        if self.problem:
            lines = [f"{language}: not reviewed: {self.problem}"]
        elif not self.by:
            lines = [f"{language}: not reviewed: no sign-off ({self.record}); once a medical translator has "
                     f"reviewed it: make signoff LOCALE={language} BY=\"<name>\""]
        elif not self.changed:
            lines = [f"{language}: medically reviewed (signed off by {self.by} on {self.date})"]
        else:
            lines = [f"{language}: not reviewed: {len(self.changed)} "
                     f"{'entry' if len(self.changed) == 1 else 'entries'} changed since the sign-off by "
                     f"{self.by} on {self.date} ({self.record})"]
            lines += [f"  {change}" for change in self.changed[:shown]]
            if shown is not None and len(self.changed) > shown:
                lines.append(f"  ... and {len(self.changed) - shown} more (all: handout review-signoff {language} --changes)")
        if not self.reviewed:
            lines += [f"{claim}: ignored, the review status is {self.record}'s" for claim in self.claims]
        return lines


def record_path(root: Path, folder: str) -> Path:
    """The sign-off record of the language in locales/<folder>/."""
    return root / LOCALES_DIR / folder / RECORD_NAME


def fingerprint(text: Text) -> str:
    """A short hash of an English or a translation (plural forms joined by NUL, which no PO text holds)."""
    joined = text if isinstance(text, str) else "\0".join(text)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def catalog_entries(catalog: Catalog, domain: str, path: str) -> list[ReviewEntry]:
    """The live entries of one PO catalog, whatever their state (empty, fuzzy, failing)."""
    found = []
    for message in catalog:
        if message.id:
            english = tuple(message.id) if message.pluralizable else message.id
            string = message.string
            translation = tuple(string) if isinstance(string, (tuple, list)) else string
            found.append(ReviewEntry(domain, message.context or "", english, translation, path, message.lineno or 0))
    return found


def header_claim(catalog: PoCatalog, path: str) -> str:
    """The catalog's X-Medical-Review header when it claims a review ("" when it does not)."""
    value = catalog.header(REVIEW_FIELD)
    return f"{path}: {REVIEW_FIELD}: {value}" if value.strip().lower().startswith("reviewed") else ""


def review_status(root: Path, folder: str, entries: Sequence[ReviewEntry], claims: Iterable[str] = ()) -> ReviewStatus:
    """Compare a language's current entries with its sign-off record."""
    path = record_path(root, folder)
    shown, claims = _relative(path, root), tuple(claim for claim in claims if claim)
    if not path.is_file():
        return ReviewStatus(shown, claims=claims)
    problems: list[str] = []
    data = read_yaml(path, problems)
    signed = _signed(data, shown, problems) if data is not None else None
    if signed is None:
        return ReviewStatus(shown, problem="; ".join(problems), claims=claims)
    by, date, hashes = signed
    found = (_compare(entry, hashes.get((entry.domain, entry.context))) for entry in entries)
    changed = tuple(sorted((c for c in found if c is not None), key=lambda c: (c.path, c.line, c.context)))
    return ReviewStatus(shown, by, date, changed, claims=claims)


def write_record(path: Path, entries: Sequence[ReviewEntry], by: str, date: str) -> Path:
    """Write the sign-off record (record_path) of these entries, in one stable form (sorted, unwrapped)."""
    folder = path.parent.name
    head = {"language": folder, "signed_off_by": by, "date": date}
    body = {domain: {entry.context: list(entry.hashes) for entry in sorted(entries, key=lambda e: e.context)
                     if entry.domain == domain} for domain in DOMAINS}
    text = "".join([
        f"# The medical review of locales/{folder}/: the reviewer and date, then for each entry of its PO\n",
        "# files its msgctxt: [hash of the English, hash of the translation] as signed off. Written by\n",
        f"# `make signoff LOCALE={folder} BY=\"<name>\"`; do not edit. `handout check {folder}` lists the\n",
        "# entries changed since; once a medical translator has reviewed them, sign off again.\n",
        yaml.safe_dump(head, allow_unicode=True, sort_keys=False, width=10_000),
        yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=None),
    ])
    write_atomic(path, text.encode("utf-8"))
    return path


def point_header_at_record(po_file: Path, record: str) -> bool:
    """Set the PO file's X-Medical-Review field to name the record, changing no other byte."""
    data = po_file.read_bytes()
    value = f'"{REVIEW_FIELD}: {POINTER.format(record=record)}\\n"'.encode()
    updated = _HEADER_LINE.sub(lambda _: value, data, count=1)
    if updated == data:
        return False
    write_atomic(po_file, updated)
    return True


def _signed(data: Mapping[str, object], shown: str, problems: list[str]) -> tuple[str, str, Hashes] | None:
    """(by, date, hashes) of a record, or None with the problems said."""
    by, date = data.get("signed_off_by"), data.get("date")
    if not isinstance(by, str) or not by.strip():
        problems.append(f"{shown}: no 'signed_off_by' (sign off again)")
    if not date:
        problems.append(f"{shown}: no 'date' (sign off again)")
    hashes: Hashes = {}
    for domain in DOMAINS:
        recorded = data.get(domain) or {}
        if not isinstance(recorded, dict):
            problems.append(f"{shown}: '{domain}' is not a mapping of msgctxt to hashes (sign off again)")
            continue
        for context, pair in recorded.items():
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(h, str) for h in pair)):
                problems.append(f"{shown}: {domain}: {context}: expected [English hash, translation hash]")
                continue
            hashes[(domain, str(context))] = (pair[0], pair[1])
    return None if problems else (str(by).strip(), str(date), hashes)


def _compare(entry: ReviewEntry, recorded: tuple[str, str] | None) -> Changed | None:
    if recorded is None:
        return Changed(entry.path, entry.line, entry.context, "new")
    english, translation = (now != then for now, then in zip(entry.hashes, recorded, strict=True))
    what = ("English and translation changed" if english and translation else "English changed" if english
            else "translation changed" if translation else "")
    return Changed(entry.path, entry.line, entry.context, what) if what else None


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
