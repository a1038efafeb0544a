"""A page clipped to Markdown prints its words, never its marks: emphasis, call-out boxes, code."""

from __future__ import annotations

import pytest

from pipeline.models import Source, SourceLine, SourceMeta
from pipeline.text.clean import clean
from pipeline.text.facts import find_facts
from pipeline.text.markdown_inline import plain_markdown, unquoted


@pytest.mark.parametrize("written, printed", [
    ("**Tell your nurse** if you have ulcers.", "Tell your nurse if you have ulcers."),
    ("Ulcers *can get infected*, so __tell us__ early.", "Ulcers can get infected, so tell us early."),
    ("_Keep_ your lips moist with a **lip balm**.", "Keep your lips moist with a lip balm."),
    ("Call if it is over `38°C`.", "Call if it is over 38°C."),
    ("***Do not*** drive after the scan.", "Do not drive after the scan."),
    ("Rinse with a salt\\_water mouthwash\\*.", "Rinse with a salt_water mouthwash*."),
    ("Your dose is calculated for you.\\", "Your dose is calculated for you."),
])
def test_marks_are_dropped_and_every_word_kept(written, printed):
    assert plain_markdown(written) == printed


@pytest.mark.parametrize("text", [
    "The dose is 2 * 3 mg a day, or 5* as written on the chart.",  # a lone star opens nothing
    "Name the file patient_notes_final.txt before you send it.",    # underscores inside words
    "Rates were 10%* lower (*adjusted for age).",                    # a footnote star, no closing mark
    "Take 1 tablet 2-3 times a day.",
])
def test_text_that_only_looks_like_a_mark_is_kept_as_written(text):
    assert plain_markdown(text) == text


def test_a_quoted_box_is_read_inside_its_marks():
    assert unquoted("> **Important:** call us") == "**Important:** call us"
    assert unquoted("> > - Drink plenty") == "- Drink plenty"
    assert unquoted("Scores > 5 need a review.") == "Scores > 5 need a review."


def _markdown_source(lines: list[str], suffix: str) -> Source:
    numbered = tuple(SourceLine(n, text) for n, text in enumerate(lines, start=1))
    return Source(f"sources/t/page{suffix}", "utf-8", numbered, SourceMeta(f"page{suffix}"))


PAGE = [
    "# Chemotherapy and your mouth",
    "",
    "Chemotherapy can make the inside of your mouth sore. **Tell your nurse** if you have ulcers, "
    "because *they can get infected*.",
    "",
    "> **Important:** If you have a temperature of 38°C or higher, call the 24-hour line straight away.",
    "",
    "> ⚠️ Do not take ibuprofen unless your doctor says it is safe.",
    "",
    "Use a soft toothbrush and a mouthwash without alcohol. Sucking ice chips during some treatments "
    "can __lower the risk__ of mouth sores.",
]


def test_a_markdown_page_prints_sentences_without_marks_and_traced_to_their_lines():
    facts = find_facts([clean(_markdown_source(PAGE, ".md"))])
    printed = {fact.text: fact.line for fact in facts}
    assert printed == {
        "Chemotherapy can make the inside of your mouth sore.": 3,
        # The sentence after the bold words is a sentence of its own, as the page reads.
        "Tell your nurse if you have ulcers, because they can get infected.": 3,
        "Important: If you have a temperature of 38°C or higher, call the 24-hour line straight away.": 5,
        "⚠️ Do not take ibuprofen unless your doctor says it is safe.": 7,
        "Use a soft toothbrush and a mouthwash without alcohol.": 9,
        "Sucking ice chips during some treatments can lower the risk of mouth sores.": 9,
    }


def test_text_saved_from_a_browser_is_printed_as_written():
    # A star in a .txt page is what the page showed, not a mark.
    facts = find_facts([clean(_markdown_source(PAGE, ".txt"))])
    assert any("**Tell your nurse**" in fact.text for fact in facts)
