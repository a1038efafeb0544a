"""A patient portal's printed visit summary ("After Visit Summary", discharge instructions), and
an appointment letter with its leaflet enclosed.

An electronic health record prints the visit first: the patient's name and record number, who
was seen and why, vitals, allergies, tests and appointments, the clinician's note to this
patient, the medication list, and the list of education sheets given at the visit. Then each
sheet follows, under its own title. A hospital's letter ("Dear Mrs ...", the appointment, "Yours
sincerely", "Enc: Having a CT scan") comes before the leaflet it encloses in the same way. The
record is one patient's, not a leaflet: everything above the first sheet is removed, and each
line keeps the reason another rule gave it.

A file counts as such a printout only when it names the patient's record (MRN, date of birth,
NHS or hospital number) above the list of the sheets it gives, and one of those sheets is
printed below the list.
"""

from __future__ import annotations

import re

from pipeline.models import SourceLine
from pipeline.text.line_shapes import bare_text, fold_text, lines_touch

VISIT_RECORD = "the patient's visit record (a printed visit summary's, not a leaflet)"
_IDENTIFIERS = re.compile(r"\b(MRN|DOB)\b|\bdate of birth\b|\b(medical record|nhs|hospital|chi|patient) (number|no)\b",
                          re.IGNORECASE)
# A letter's enclosure: "Enc: Having a CT scan (FDH/RAD/014)".
_ENCLOSED = re.compile(r"^(enc|encl|enclosures?|enclosed)\s*[:.]\s*(?P<title>\S.{2,120})$", re.IGNORECASE)
# The sentence over the list of the sheets given.
_GIVEN = re.compile(r"\b(information|materials?|handouts?|education|sheets?) (was|were|is|are) (given|provided|printed) "
                    r"(to|for) you\b", re.IGNORECASE)
_SOURCE = re.compile(r"\s*\([^()]*\)$")  # "Chemotherapy: What to Expect (Meridell Health Library)"


def remove_visit_record(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove a printed visit summary's record: every line above the first education sheet it
    lists, where the file names a patient's record at its top."""
    titles, listed_end = _sheets_given(lines, texts, removed)
    if not any(_IDENTIFIERS.search(texts[i]) for i in range(listed_end)):
        return
    start = next((i for i in range(listed_end, len(texts)) if i not in removed and _key(texts[i]) in titles), None)
    if start is None:
        return
    for i in range(start):
        removed.setdefault(i, VISIT_RECORD)


def _sheets_given(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> tuple[set[str], int]:
    """The titles of the sheets the summary lists as given ("The following information was given
    to you during this visit:" over their titles), and where the list ends."""
    for i, text in enumerate(texts):
        if enclosed := _ENCLOSED.match(bare_text(text).strip()):
            return {_key(enclosed["title"])}, i + 1
        if not _GIVEN.search(text):
            continue
        k, titles = i + 1, set()
        while k < len(texts) and lines_touch(lines, k - 1, k) and k not in removed and len(texts[k].split()) <= 15:
            titles.add(_key(texts[k]))
            k += 1
        if titles:
            return titles, k
    return set(), len(texts)


def _key(text: str) -> str:
    """A sheet's title as listed and as printed: without the library's name after it."""
    return fold_text(_SOURCE.sub("", bare_text(text))).strip(" .:")
