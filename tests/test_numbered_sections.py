"""A handout written in a word processor: numbered sections, document control, forms at the end.

Saved as plain text ("Save As > Plain Text"), such a handout numbers its headings ("7.<TAB>Risks",
"7.1<TAB>Radiation"), opens with a document-control table and a form box, and ends with a
phone-number table, a revision history and a patient's acknowledgement. The numbers make its
headings look like a numbered list; its boxes are the practice's, not the article's.
"""

from __future__ import annotations

from pipeline.models import Source, SourceLine, SourceMeta
from pipeline.text.clean import clean
from pipeline.text.facts import find_facts

HANDOUT = [
    "Harlow Oncology Group\tPatient Handout",                                        # 1
    "",
    "PATIENT HANDOUT",                                                                 # 3
    "Having a Bone Scan",                                                              # 4
    "",
    "Document control",                                                                # 6
    "Document no.\tHOG-PI-022",                                                        # 7
    "Version\t2.1",                                                                    # 8
    "Approved by\tDr Mira Salk, Clinical Lead",                                        # 9
    "Date approved\tJune 3, 2025",                                                     # 10
    "",
    "Your appointment",                                                                # 12
    "Date: ____________\tTime: ________",                                              # 13
    "Scan of: ☐ Whole body ☐ Spine ☐ Other: ________",                                 # 14
    "",
    "1.\tAbout this handout",                                                          # 16
    "This handout is for adults having a bone scan in our imaging unit. Please read it before you come.",  # 17
    "2.\tWhat is a bone scan?",                                                        # 18
    "A bone scan uses a small amount of a radioactive tracer to show how your bones are working.",  # 19
    "2.1\tHow the tracer works",                                                       # 20
    "The tracer collects in areas where bone is being repaired or rebuilt.",           # 21
    "3.\tRisks",                                                                       # 22
    "The dose of radiation is small. Possible problems include:",                      # 23
    "•\tslight bruising where the needle went in",                                     # 24
    "•\ta rare allergic reaction to the tracer",                                       # 25
    "Tell us straight away if you feel unwell after the injection.",                   # 26
    "4.\tGetting your results",                                                        # 27
    "A radiologist will look at the pictures and send a report to your doctor within a week.",  # 28
    "5.\tImportant phone numbers",                                                     # 29
    "Service\tNumber\tHours",                                                          # 30
    "Imaging unit\t(555) 013-7700\tMon–Fri, 8:00 a.m.–5:00 p.m.",                      # 31
    "",
    "Revision history",                                                                # 33
    "Version\tDate\tSummary of changes",                                               # 34
    "1.0\t02/2021\tNew handout",                                                       # 35
    "2.1\t06/2025\tTracer section rewritten",                                          # 36
    "",
    "Patient acknowledgment",                                                          # 38
    "☐ I have read this handout and my questions have been answered.",                 # 39
    "Patient name: ______________________\tDate: ____________",                        # 40
]


def _cleaned():
    numbered = tuple(SourceLine(n, text) for n, text in enumerate(HANDOUT, start=1))
    source = Source("sources/t/bone-scan.txt", "utf-8", numbered, SourceMeta("bone-scan.txt"))
    return clean(source)


def test_numbered_section_titles_are_headings_and_their_lists_stay_whole():
    result = _cleaned()
    kinds = {block.line: (block.kind, block.text) for block in result.blocks}
    assert kinds[18] == ("heading", "What is a bone scan?")  # the number is not printed
    assert kinds[22] == ("heading", "Risks")
    assert kinds[27] == ("heading", "Getting your results")  # not the risks list's third item
    assert [kinds[n][0] for n in (24, 25)] == ["item", "item"]
    facts = find_facts([result])
    risks = [fact for fact in facts if fact.line in (24, 25)]
    lead = next(fact for fact in facts if fact.line == 23 and fact.text.startswith("Possible problems"))
    assert {fact.lead for fact in risks} == {lead.id}


def test_the_practices_boxes_are_removed_and_the_article_kept():
    result = _cleaned()
    kept = {block.line for block in result.blocks}
    removed = {removal.line: removal.reason for removal in result.removed}
    assert {4, 19, 21, 23, 24, 25, 26, 28} <= kept  # the title and the article
    # Document control, the appointment box, who the handout is for, the phone table, the
    # revision history and the acknowledgement: all the practice's.
    assert {6, 7, 8, 9, 10, 12, 13, 14, 16, 17, 29, 30, 31, 33, 34, 35, 36, 38, 39, 40} <= set(removed)
    assert removed[9] == "metadata: approved"
    assert removed[16].startswith("who this page is for")
    assert removed[29].startswith("contact box")
    # The removal records the line as written, its number and tab included.
    assert next(r.text for r in result.removed if r.line == 16) == "1.\tAbout this handout"


def test_a_numbered_list_stays_a_list():
    lines = ["A bone scan shows how your bones are working. It is safe and painless for most people.", "",
             "Before your scan:", "1. Drink two glasses of water.", "2. Empty your bladder", "3. Remove any metal",
             "", "The scan takes about 30 minutes. You lie still on a table."]
    numbered = tuple(SourceLine(n, text) for n, text in enumerate(lines, start=1))
    result = clean(Source("sources/t/a.txt", "utf-8", numbered, SourceMeta("a.txt")))
    assert [(b.line, b.kind) for b in result.blocks][1:5] == [(3, "paragraph"), (4, "item"), (5, "item"), (6, "item")]
