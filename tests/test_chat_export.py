"""A clinic's information group exported from a messaging app, and a research study's information
sheet around the care it explains: the clinic's posts and the care are kept, the rest is removed."""

from __future__ import annotations

from pipeline.models import Source, SourceLine, SourceMeta
from pipeline.text.clean import clean

WELCOME = ["[20/02/2025, 19:50] Harlow Cancer Clinic: Welcome to everyone who joined this week 👋",
           "This group is run by the nurses of the Day Unit. We share general information and unit news.",
           "☎️ 24-hour advice line: 01632 555 014"]
SERIES = ["[03/03/2025, 08:30] Harlow Cancer Clinic: *Part 1: What is radiotherapy?*",
          "Radiotherapy uses high-energy X-rays to destroy cancer cells in one part of the body.",
          "",
          "It is given as short daily treatments, usually from Monday to Friday, over a few weeks.",
          "– Ellen, review radiographer"]
CHAT = ["[14/01/2025, 10:02] Harlow Day Unit – Info: \u200eMessages and calls are end-to-end encrypted.",
        "[14/01/2025, 10:02] Harlow Day Unit – Info: \u200eHarlow Cancer Clinic created this group",
        *WELCOME,
        "[20/02/2025, 20:06] Carol Ashby: Thanks for adding me 😊",
        "[03/03/2025, 08:29] Harlow Cancer Clinic: Good morning everyone ☀️",
        *SERIES,
        "[03/03/2025, 08:41] Carol Ashby: I had radiotherapy last year and my skin was very sore, use the cream!",
        "[03/03/2025, 08:55] +44 7700 900417: Is there parking?",
        "[03/03/2025, 09:12] Harlow Cancer Clinic: @\u2068+44 7700 900417\u2069 yes, in the multi-storey 😊",
        "[03/03/2025, 10:21] Marcus Tiller: <Media omitted>",
        "[05/03/2025, 12:15] Harlow Cancer Clinic: POLL:",
        "Which topic would you like next month?",
        "OPTION: Eating well (14 votes)",
        "[06/03/2025, 08:30] Harlow Cancer Clinic: *Part 2: Side effects*",
        "Your skin in the treated area may become red, dry and itchy after a week or two. ‎<This message was edited>"]


def _source(lines: list[str], name: str = "a.txt", publisher: str = "") -> Source:
    numbered = tuple(SourceLine(n, text) for n, text in enumerate(lines, start=1))
    return Source(f"sources/t/{name}", "utf-8", numbered, SourceMeta(name, publisher=publisher))


def _printed(lines: list[str], publisher: str = "") -> dict[int, str]:
    return {block.line: block.text for block in clean(_source(lines, publisher=publisher)).blocks}


def _kept_lines(lines: list[str], publisher: str = "") -> set[int]:
    return {n for block in clean(_source(lines, publisher=publisher)).blocks for n in block.lines}


def test_a_chat_keeps_the_clinics_posts_without_their_prefix_and_removes_everyone_elses() -> None:
    assert _kept_lines(CHAT, publisher="Harlow Cancer Clinic") == {8, 9, 11, 20, 21}
    printed = _printed(CHAT, publisher="Harlow Cancer Clinic")
    assert printed[8] == "Part 1: What is radiotherapy?" and printed[20] == "Part 2: Side effects"  # no prefix, no *bold*
    assert printed[21] == "Your skin in the treated area may become red, dry and itchy after a week or two."


def test_a_chat_records_why_each_line_went() -> None:
    reasons = {r.line: r.reason for r in clean(_source(CHAT, publisher="Harlow Cancer Clinic")).removed}
    assert reasons[1].startswith("chat: the app's notice") and reasons[2].startswith("chat: the app's notice")
    assert {reasons[k] for k in (3, 4, 5)} == {"chat: the group's welcome (what it is for, its rules)"}
    assert reasons[6] == reasons[13] == reasons[14] == "chat: a member's message (not the publisher's)"
    assert reasons[7] == "chat: small talk (a greeting or thanks)"
    assert reasons[12] == "chat: the writer's name under the post"
    assert reasons[15] == "chat: the publisher's reply to a member"
    assert reasons[16] == "chat: the app's notice"  # "<Media omitted>"
    assert {reasons[k] for k in (17, 18, 19)} == {"chat: a poll (its question and options)"}


def test_without_the_publishers_name_the_sender_who_wrote_most_is_the_clinic() -> None:
    printed = _printed(CHAT)  # no publisher given: the clinic is who wrote the most
    assert "Part 1: What is radiotherapy?" in printed.values()
    assert not any("sore, use the cream" in text for text in printed.values())


def test_the_android_format_is_read_the_same_way() -> None:
    android = [line.replace("[", "").replace("] ", " - ", 1) for line in CHAT]
    android[0] = "14/01/2025, 10:02 - Messages and calls are end-to-end encrypted."  # no sender at all
    assert _kept_lines(android, publisher="Harlow Cancer Clinic") == {8, 9, 11, 20, 21}


def test_a_few_dated_lines_are_no_chat() -> None:
    lines = ["Your appointments", "", "[03/03/2025, 08:30] Radiotherapy planning: bring your medicines list.",
             "", "Radiotherapy uses high-energy X-rays to destroy cancer cells in one part of the body."]
    printed = _printed(lines)
    assert any(text.startswith("[03/03/2025, 08:30]") for text in printed.values()), printed


STUDY_SHEET = [
    "PARTICIPANT INFORMATION SHEET",
    "",
    "Invitation to take part",
    "We would like to invite you to take part in a research study called BRIGHT-RT.",
    "This sheet is in two parts. Part 1 is about radiotherapy and Part 2 about the study.",
    "What is radiotherapy?",
    "Radiotherapy uses high-energy X-rays to destroy cancer cells in one part of the body.",
    "It is given as short daily treatments, usually from Monday to Friday, over a few weeks.",
    "What are the side effects?",
    "Your skin in the treated area may become red, dry and itchy after a week or two.",
    "PART 2: ABOUT THE BRIGHT-RT STUDY",
    "Why have I been invited?",
    "You have been invited because you are about to start radiotherapy for breast cancer.",
    "Do I have to take part?",
    "No. If you decide not to take part, your care will not change.",
    "What are the possible benefits and disadvantages of taking part?",
    "We cannot promise the study will help you. The main disadvantage is the time it takes.",
    "Who has reviewed the study?",
    "A research ethics committee has reviewed the study and given it a favourable opinion.",
    "CONSENT FORM",
    "Please initial each box",
    "1. I confirm that I have read the information sheet for the above study.",
    "2. I agree to take part in the BRIGHT-RT study.",
]


def test_a_study_sheet_keeps_the_care_it_explains_and_removes_the_studys_own_sections() -> None:
    assert _kept_lines(STUDY_SHEET) == {6, 7, 8, 9, 10}
    reasons = {r.line: r.reason for r in clean(_source(STUDY_SHEET)).removed}
    assert {reasons[k] for k in (*range(3, 6), *range(11, 20))} == {"the research study (not the treatment)"}, reasons
    assert {reasons[k] for k in range(20, 24)} == {"form (to fill in and sign)"}, reasons


def test_a_pages_own_benefits_and_risks_are_no_study_section() -> None:
    lines = ["Having a CT scan", "What are the benefits and risks?",
             "A CT scan uses X-rays, but the dose is small and the benefit of finding out what is wrong is greater.",
             "What happens on the day?", "You lie on a couch that moves slowly through a ring-shaped scanner."]
    assert _kept_lines(lines) == {1, 2, 3, 4, 5}
