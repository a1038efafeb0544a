"""Facts: sentence splitting, typographic repair only, provenance and list lead-ins."""

import pytest

from pipeline.text.facts import find_facts, repair, split_sentences
from pipeline.text.ids import fact_id
from pipeline.models import Block, CleanSource, SourceMeta


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It works. It is given weekly.", ["It works.", "It is given weekly."]),
        ("Vaccines, e.g. BCG, are used. Then more.", ["Vaccines, e.g. BCG, are used.", "Then more."]),
        ("Ask Dr. Smith first. Then rest.", ["Ask Dr. Smith first.", "Then rest."]),
        ("A dose of 0.5 ml is given. It helps.", ["A dose of 0.5 ml is given.", "It helps."]),
        ("Is it safe? Mostly! Ask “your nurse.” Then go.", ["Is it safe?", "Mostly!", "Ask “your nurse.”", "Then go."]),
        ("Survival rose (see J. Doe) sharply. 25% responded.", ["Survival rose (see J. Doe) sharply.", "25% responded."]),
        ("no capital after. so one sentence", ["no capital after. so one sentence"]),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("melanoma (skin cancer)for which", "melanoma (skin cancer) for which"),
        ("the tumor(primary) grows", "the tumor (primary) grows"),
        ("it works.It helps", "it works. It helps"),
        ("For who ?", "For who?"),
        ("two  spaces\tand\u00a0nbsp", "two spaces and nbsp"),
        ("soft\u00adhyphen and zero\u200bwidth", "softhyphen and zerowidth"),
        ("the \"memory\" of the body's cells", "the “memory” of the body’s cells"),
        ("cancer,melanoma and 11,640 patients", "cancer, melanoma and 11,640 patients"),
        ("e.g. vaccines and www.example.org and 0.5 mg", "e.g. vaccines and www.example.org and 0.5 mg"),
        ("the \ufb01rst trial", "the first trial"),
    ],
)
def test_repair_is_typographic_only(raw, expected):
    assert repair(raw) == expected


def test_repair_keeps_french_space_before_punctuation():
    assert repair("Pour qui ?", "fr") == "Pour qui ?"


def _source(blocks, language="en"):
    meta = SourceMeta(filename="a.txt", language=language)
    return CleanSource(path="sources/t/a.txt", meta=meta, blocks=tuple(blocks), removed=())


def test_extract_keeps_provenance_heading_and_lead():
    blocks = [
        Block("sources/t/a.txt", 1, "heading", "Side effects"),
        Block("sources/t/a.txt", 3, "paragraph", "It can cause side effects. Common ones include:"),
        Block("sources/t/a.txt", 4, "item", "Fatigue"),
        Block("sources/t/a.txt", 5, "item", "Diarrhea"),
        Block("sources/t/a.txt", 7, "paragraph", "Most are mild."),
    ]
    facts = find_facts([_source(blocks)])
    assert [(f.text, f.line, f.kind) for f in facts] == [
        ("It can cause side effects.", 3, "sentence"),
        ("Common ones include:", 3, "sentence"),
        ("Fatigue", 4, "item"),
        ("Diarrhea", 5, "item"),
        ("Most are mild.", 7, "sentence"),
    ]
    lead = facts[1].id
    assert facts[2].lead == lead and facts[3].lead == lead
    assert facts[4].lead == "" and all(f.heading == "Side effects" for f in facts)
    assert all(f.source == "sources/t/a.txt" for f in facts)


def test_original_wording_is_kept_beside_the_repair():
    blocks = [Block("sources/t/a.txt", 2, "paragraph", "It helps for melanoma (skin cancer)for which it is used.")]
    (fact,) = find_facts([_source(blocks)])
    assert fact.text == "It helps for melanoma (skin cancer) for which it is used."
    assert fact.original == "It helps for melanoma (skin cancer)for which it is used."


def test_fact_ids_are_stable_and_distinct():
    assert fact_id("sources/t/a.txt", "It works.") == fact_id("other/root/a.txt", "it  works")
    assert fact_id("sources/t/a.txt", "It works.") != fact_id("sources/t/b.txt", "It works.")
    assert fact_id("sources/t/a.txt", "It works.", 0) != fact_id("sources/t/a.txt", "It works.", 1)
    blocks = [Block("sources/t/a.txt", 1, "paragraph", "Same here."), Block("sources/t/a.txt", 3, "paragraph", "Same here.")]
    facts = find_facts([_source(blocks)])
    assert len({f.id for f in facts}) == 2


def test_sentence_naming_the_publisher_is_kept_but_excluded():
    meta = SourceMeta(filename="a.txt", publisher="Health Portal (Portal Ltd)")
    text = "Immunotherapy uses the immune system. Health portal is proud to offer it."
    source = CleanSource("sources/t/a.txt", meta, (Block("sources/t/a.txt", 1, "paragraph", text),), ())
    first, second = find_facts([source])
    assert first.excluded == "" and second.excluded == "names the publishing site"


def test_items_right_under_a_paragraph_take_its_last_sentence_as_lead_in():
    blocks = [
        Block("sources/t/a.txt", 1, "heading", "At home"),
        Block("sources/t/a.txt", 2, "paragraph", "Infections are more likely. These steps help you stay well."),
        Block("sources/t/a.txt", 3, "item", "Wash your hands often"),
        Block("sources/t/a.txt", 4, "item", "Avoid people who are ill"),
        Block("sources/t/a.txt", 5, "heading", "Sources"),
        Block("sources/t/a.txt", 6, "item", "An item under a heading has no lead-in"),
    ]
    facts = find_facts([_source(blocks)])
    lead = next(f for f in facts if f.text == "These steps help you stay well.")
    assert [f.lead for f in facts if f.kind == "item"] == [lead.id, lead.id, ""]


def test_the_sentence_that_announces_a_list_is_its_lead_in_not_an_aside_after_it():
    blocks = [
        Block("sources/t/a.txt", 1, "paragraph", "CT scans are very safe, but there are some risks. "
                                                 "Your doctor asks for one only when it is needed."),
        Block("sources/t/a.txt", 3, "item", "Radiation: the dose is kept as low as possible"),
    ]
    facts = find_facts([_source(blocks)])
    cue = next(f for f in facts if f.text.startswith("CT scans"))
    assert facts[-1].lead == cue.id
