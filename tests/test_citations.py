"""Footnote numbers glued to a sentence's end are the source's markers, not its words."""

from __future__ import annotations

import pytest

from pipeline.models import Source, SourceLine, SourceMeta
from pipeline.text.citations import without_citation, without_markers
from pipeline.text.clean import clean
from pipeline.text.facts import find_facts, split_sentences

PATH = "sources/t/guide.txt"


def page(*lines: str) -> Source:
    return Source(PATH, "utf-8", tuple(SourceLine(n, text) for n, text in enumerate(lines, start=1)),
                  SourceMeta("guide.txt"))


@pytest.mark.parametrize("text, expected", [
    ("Most people have no side effects.17", "Most people have no side effects."),
    ("Common side effects include:16", "Common side effects include:"),
    ("It is given every three weeks.3,4", "It is given every three weeks."),
    ("It is given every three weeks.2-5", "It is given every three weeks."),
    ("Tiredness is common.¹⁷", "Tiredness is common."),
    ("The drug (Keytruda).12", "The drug (Keytruda)."),
    # After a number a marker cannot be told from decimals: "1,000.3" is left to the editor.
    ("The risk is about 1 in 1,000.3", "The risk is about 1 in 1,000.3"),
    # Numbers that belong to the text stay.
    ("Each dose is 2.5", "Each dose is 2.5"),
    ("See section 4.2", "See section 4.2"),
    ("The normal pH is 7.4", "The normal pH is 7.4"),
    ("A dose of 1,250.5", "A dose of 1,250.5"),
    ("Call 111.", "Call 111."),
    ("Fig.3 shows the machine.", "Fig.3 shows the machine."),
])
def test_only_a_marker_glued_to_final_punctuation_goes(text, expected):
    assert without_citation(text) == expected


def test_a_marker_inside_a_paragraph_ends_its_sentence_and_is_left_out_of_the_fact():
    assert split_sentences("It works.17 Most people feel fine.") == ["It works.17", "Most people feel fine."]
    assert split_sentences("Doses of 2.5 Grays are given daily.") == ["Doses of 2.5 Grays are given daily."]


def test_paragraphs_ending_in_footnote_numbers_are_kept_and_printed_without_them():
    source = page(
        "Side effects of immunotherapy",
        "",
        "Immunotherapy can cause side effects, but many people have only mild ones or no side effects.17",
        "Your care team checks your blood before each treatment to find problems early on.18",
        "Common side effects include:16",
        "Tiredness",
        "Skin rash or itching",
        "",
        "Tell your nurse straight away if you notice any new symptom during treatment.19",
    )
    cleaned = clean(source)
    assert cleaned.removed == ()  # nothing taken for a caption or a heading
    facts = {fact.line: fact for fact in find_facts([cleaned])}
    assert facts[3].text.endswith("no side effects.") and facts[3].original.endswith("no side effects.17")
    assert facts[4].text.endswith("early on.")
    lead = facts[5]
    assert lead.text == "Common side effects include:" and lead.role == "lead"
    assert [facts[6].lead, facts[7].lead] == [lead.id, lead.id] and facts[6].kind == facts[7].kind == "item"
    assert facts[9].text == "Tell your nurse straight away if you notice any new symptom during treatment."


@pytest.mark.parametrize("text, expected", [
    ("Tiredness is common.[1][4]", "Tiredness is common."),
    ("A fever needs care the same day.[citation needed]", "A fever needs care the same day."),
    ("Uses[edit]", "Uses"),
    ("Side effects [ edit ]", "Side effects [ edit ]"),  # not the marker's form: left to the editor
    ("Rash is the most common sign.[a]", "Rash is the most common sign."),
    ("See [the guide](https://example.org/guide)", "See [the guide](https://example.org/guide)"),
    ("Doses are given on days [1] and [8] of each cycle", "Doses are given on days [1] and [8] of each cycle"),
    # Word's comment anchors, copied out with the text.
    ("Call us if you have any of the following:[A5]", "Call us if you have any of the following:"),
    ("some bowel and stomach cancers[LK1]", "some bowel and stomach cancers"),
    ("Ask for the form [A5] at reception", "Ask for the form [A5] at reception"),  # not glued: the text's own
])
def test_bracketed_markers_at_the_end_go(text, expected):
    assert without_citation(text) == expected


def test_bracketed_markers_inside_a_sentence_are_left_out_of_the_printed_fact():
    assert without_markers("detecting bleeding[3] in the brain") == "detecting bleeding in the brain"
    assert without_markers("Doses are given on days [1] and [8].") == "Doses are given on days [1] and [8]."
    assert split_sentences("It works.[2] Most people feel fine.") == ["It works.[2]", "Most people feel fine."]
    source = page("Chemotherapy", "", "Chemotherapy is a treatment with medicines that kill cancer cells.[1]", "",
                  "Uses[edit]", "Chemotherapy may cure some cancers.[3] It is often given with surgery[4] or radiotherapy.[5]")
    cleaned = clean(source)
    facts = find_facts([cleaned])
    assert [f.text for f in facts if f.line == 6] == [
        "Chemotherapy may cure some cancers.", "It is often given with surgery or radiotherapy."]
    assert all(f.heading == "Uses" for f in facts if f.line == 6)
