"""Tests for pipeline.text.visit_summary: a printed visit summary's record goes, its sheet stays."""

from __future__ import annotations

from pipeline.models import Source, SourceLine, SourceMeta
from pipeline.text.clean import clean
from pipeline.text.visit_summary import VISIT_RECORD

HEADER = ["Northfield Health", "AFTER VISIT SUMMARY", "",
          "Sam K. Doe\tMRN: 40028817\tDOB: 2/9/1961 (64 y.o.)", "3/14/2025 9:30 AM\tMedical Oncology\tA. Rao, MD", ""]
VISIT = ["Today's Visit", "You saw A. Rao, MD on Friday, March 14, 2025. The following issues were addressed:",
         "Colon cancer, stage III", "Chemotherapy teaching visit", "",
         "Instructions from A. Rao, MD",
         "Sam, your first cycle starts on Tuesday. Please pick up your anti-nausea tablets before then.", ""]
GIVEN = ["Patient Education", "The following information was given to you during this visit:",
         "Chemotherapy: What to Expect (Meridell Health Library)", ""]
SHEET = ["Chemotherapy: What to Expect", "",
         "Chemotherapy is the use of medicines to kill cancer cells or stop them from growing.", "",
         "Ask whether you should arrange a ride home after your first treatment."]


def _clean(lines: list[str]):
    numbered = tuple(SourceLine(n, text) for n, text in enumerate(lines, start=1))
    source = Source("sources/t/avs.txt", "utf-8", numbered, SourceMeta("avs.txt"))
    result = clean(source)
    return {b.line: b.text for b in result.blocks}, {r.line: r.reason for r in result.removed}


def test_the_visit_record_above_the_sheet_it_gives_is_removed_and_the_sheet_kept() -> None:
    lines = HEADER + VISIT + GIVEN + SHEET
    kept, reasons = _clean(lines)
    sheet_start = len(HEADER + VISIT + GIVEN) + 1
    assert kept[sheet_start] == "Chemotherapy: What to Expect"
    assert set(kept) == {sheet_start, sheet_start + 2, sheet_start + 4}
    instructions = lines.index(VISIT[6]) + 1
    assert reasons[instructions] == VISIT_RECORD  # a note to one patient is not a leaflet's


def test_without_a_patients_record_at_the_top_nothing_is_taken_as_a_visit() -> None:
    # A leaflet that says what it gives, with no MRN or date of birth above: an ordinary page.
    lines = ["Chemotherapy at Northfield", ""] + VISIT[5:] + GIVEN + SHEET
    kept, _ = _clean(lines)
    assert "Sam, your first cycle starts on Tuesday. Please pick up your anti-nausea tablets before then." \
        in kept.values()


def test_a_listed_sheet_never_printed_below_leaves_the_file_as_it_is() -> None:
    lines = HEADER + VISIT + GIVEN + SHEET[2:]  # the sheet's title is not printed again
    _, reasons = _clean(lines)
    assert VISIT_RECORD not in reasons.values()


LETTER = ["Back to inbox", "Letter 2 of 12", "", "Fenmoor Hospital", "Our ref: RAD/CT/0488213", "NHS number: 485 777 3456",
          "", "Mr Sam Doe", "4 Ouse Road", "", "Dear Mr Doe,", "Your CT scan",
          "We have booked your scan for Thursday 17 April 2025 at 9:15am.",
          "Please arrive 15 minutes early and book in at the X-ray reception.", "Yours sincerely", "Marcus Dunmore",
          "Booking Clerk", "cc: Dr Laura Fairweather, Marsh Road Medical Centre", "Enc: Having a CT scan (FDH/RAD/014)",
          "Page 1 of 3    Our ref: RAD/CT/0488213", "", "Fenmoor Hospital", "Patient information", "Having a CT scan", "",
          "A CT scan uses X-rays and a computer to make detailed pictures of the inside of your body.", "",
          "The scan itself usually takes less than ten minutes, although you may be in the department for an hour."]


def test_an_appointment_letter_above_the_leaflet_it_encloses_is_removed() -> None:
    kept, reasons = _clean(LETTER)
    title = LETTER.index("Having a CT scan") + 1
    assert kept[title] == "Having a CT scan" and {title + 2, title + 4} <= set(kept)
    assert reasons[LETTER.index("Please arrive 15 minutes early and book in at the X-ray reception.") + 1] == VISIT_RECORD
    assert not any(n < title for n in kept)


def test_a_letter_without_a_patients_number_keeps_its_text() -> None:
    letter = [line for line in LETTER if not line.startswith("NHS number")]
    _, reasons = _clean(letter)
    assert VISIT_RECORD not in reasons.values()
