"""Plain language (issue 14): readability the editor can act on, and a summary that puts what a
patient can use first. Nothing here may change a printed text by itself."""

from __future__ import annotations

from dataclasses import replace

import pytest
import yaml

from pipeline.config import Scheme, SectionRule
from pipeline.errors import ConfigError
from pipeline.models import Clinic, Cluster, Entry, Fact, Handout, Section
from pipeline.review.plain_language import (PROJECT_FILE, PlainWord, PlainWords, load_plain_words, measure,
                                             plain_report, read_statements)
from pipeline.review.review_page import review_page
from pipeline.text import compose
from pipeline.text.facts import refers_back
from pipeline.text.readability import rare_words
from pipeline.text.statement_kinds import defines_topic, is_background, tells_what_to_do

WORDS = PlainWords([
    PlainWord("intravenously", ("through a drip into a vein",)),
    PlainWord("adverse effects", ("side effects",)),
    PlainWord("administer", ("give",)),
    PlainWord("oedema", ("swelling",), note="fluid under the skin"),
    PlainWord("oral", ("by mouth",)),
    PlainWord("in order to", ("to",)),
])


def _cluster(text: str, fid: str, support: int = 1, kind: str = "sentence") -> Cluster:
    fact = Fact(id=fid, text=text, original=text, source="a.txt", line=1, kind=kind)
    return Cluster(id=fid, canonical=fact, members=(fact,), sources=tuple(f"s{i}.txt" for i in range(support)))


# ---- matching the word list ----------------------------------------------------------------------


def test_listed_words_match_by_stem_and_spelling_as_whole_words_only():
    found = WORDS.find("The nurse administered it intravenously; edema and Adverse Effects followed.")
    assert [(h.text, h.entry.word) for h in found] == [
        ("administered", "administer"), ("intravenously", "intravenously"), ("edema", "oedema"),
        ("Adverse Effects", "adverse effects")]
    assert WORDS.find("A moral question about coral.") == ()  # never inside another word


def test_a_phrase_matches_whole_and_before_its_words():
    (hard,) = WORDS.find("Rest in order to recover.")
    assert (hard.text, hard.start) == ("in order to", 5)


# ---- measuring -------------------------------------------------------------------------------------


def test_list_items_are_judged_by_their_words_not_the_formula():
    readings = read_statements([("f1", "Endocrinopathies", "item"), ("f2", "Dizziness", "item")], WORDS, "en",
                               frozenset())
    assert [r.grade for r in readings] == [None, None]
    assert readings[0].rare == ("Endocrinopathies",) and readings[0].needs_work
    assert readings[1].rare == () and not readings[1].needs_work  # an everyday word
    section = measure("Side effects", "side-effects", readings, "en")
    assert section.grade is None and (section.items, section.hard_items) == (2, 1)


def test_prose_is_graded_alone_and_long_sentences_and_rare_words_are_counted():
    long = " ".join(["You can rest at home and drink water"] * 4) + "."
    rows = [("f1", "You may feel tired.", "prose"), ("f2", long, "prose"), ("f3", "Pruritus", "item")]
    readings = read_statements(rows, WORDS, "en", frozenset())
    section = measure("S", "s", readings, "en")
    assert readings[1].long and not readings[0].long
    assert (section.sentences, section.long) == (2, 1) and section.long_share == 0.5
    assert section.grade is not None and section.grade < 8  # the item does not drive it up
    assert section.rare == 1  # "Pruritus"


def test_key_terms_and_the_treatments_name_are_not_rare():
    text = "Pembrolizumab is a kind of immunotherapy."
    assert rare_words(text, "en") == ("Pembrolizumab", "immunotherapy")
    assert rare_words(text, "en", frozenset({"pembrolizumab", "immunotherapy"})) == ()
    assert rare_words("Des effets indésirables rares.", "xx") == ()  # a language without frequency data


def test_a_hard_sentence_comes_with_alternatives_and_a_decision_to_paste():
    (reading,) = read_statements([("c1a2b3", "Nurses administer it intravenously.", "prose")], WORDS, "en",
                                 frozenset())
    assert reading.needs_work and [h.entry.plain[0] for h in reading.hard] == ["give", "through a drip into a vein"]
    (decision,) = yaml.safe_load(reading.decision())
    assert decision["action"] == "replace" and decision["fact"] == "c1a2b3"
    assert decision["text"] == "Nurses give it through a drip into a vein."
    assert decision["note"].startswith("Plain language: 'administer' -> 'give', 'intravenously' -> ")
    (first,) = read_statements([("c9", "Administer with food.", "prose")], WORDS, "en", frozenset())
    assert yaml.safe_load(first.decision())[0]["text"] == "Give with food."  # the case of the word it replaces


def test_the_review_page_shows_the_measures_and_drafts_but_the_handout_is_unchanged():
    hard = _cluster("Nurses administer the drug intravenously over a period of approximately thirty minutes.", "c1")
    item = _cluster("Endocrinopathies", "c2", kind="item")
    lead = _cluster("Side effects include:", "c3")
    section = Section("how", "How is it given?", (Entry(hard), Entry(lead, items=(item,))))
    handout = Handout("t", "T", "1", "2026-01-01", "", Clinic("C", "1"), (section,), (section,), (item,), ())
    page = review_page("t", "T", (), (hard, item, lead), handout, plain=plain_report(handout, "en", WORDS))
    assert 'id="plain-c1"' in page and "through a drip into a vein" in page and "action: replace" in page
    assert 'id="plain-c2"' in page and "rare in everyday language" in page
    assert "One-page summary" in page and "1 of 1" in page  # one list item with a hard word, of one
    assert hard.canonical.text == "Nurses administer the drug intravenously over a period of approximately thirty minutes."


# ---- the word list files ---------------------------------------------------------------------------


def test_the_shipped_list_has_the_everyday_words_the_issue_asks_for():
    words = load_plain_words()
    assert len(words.entries) >= 300
    plain = {e.word: e.plain for e in words.entries}
    assert "through a drip into a vein" in " ".join(plain["intravenously"])
    assert plain["adverse effect"] == ("side effect",)
    assert [h.entry.word for h in words.find("Adverse effects are rare.")] == ["adverse effect"]  # its plural too
    assert any("cancer" in p for p in plain["neoplastic"])


def test_a_clinics_list_adds_and_overrides_entries(tmp_path):
    (tmp_path / PROJECT_FILE).write_text(
        'words:\n  - word: "intravenously"\n    plain: ["into a vein"]\n'
        '  - word: "Port-a-cath"\n    plain: ["a small device under the skin for your drip"]\n', encoding="utf-8")
    words = load_plain_words(tmp_path)
    plain = {e.word: e.plain for e in words.entries}
    assert plain["intravenously"] == ("into a vein",) and "port-a-cath" in plain
    assert len(words.entries) == len(load_plain_words().entries) + 1


@pytest.mark.parametrize("text, message", [
    ('words:\n  - word: "oral"\n    plain: ["by mouth"]\n  - word: "Oral"\n    plain: ["x"]\n',
     r"plain-words\.yaml:4: 'oral' is listed twice \(first at plain-words\.yaml:2\)"),
    ('words:\n  - word: "oral"\n    plain: by mouth\n', r"plain-words\.yaml:2: 'plain' must be a list"),
    ('words:\n  - word: "oral"\n    plain: [yes]\n', r"plain-words\.yaml:2: 'plain' must be a list"),
    ('- oral\n', r"plain-words\.yaml: expected `words:`"),
])
def test_a_broken_clinic_list_names_file_and_line(tmp_path, text, message):
    (tmp_path / PROJECT_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_plain_words(tmp_path)


# ---- the summary's choice --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Call your care team straight away if you have a fever.",
    "Tell your nurse about any new cough.",
    "You should drink plenty of fluids.",
    "Do not drive on the day of treatment.",
    "If you notice a rash, contact the clinic.",
])
def test_instructions_to_the_patient_are_recognised(text):
    assert tells_what_to_do(text) and not is_background(text)


@pytest.mark.parametrize("text", [
    "A lasting response consists of having a survival time three times the median.",
    "Local immunotherapy is distinguished from general immunotherapy.",
    "The first vaccine of this kind was approved in 2010.",
    "A study of 11,640 patients found that a quarter responded.",
    "The term biosimilar refers to a copy of a biological medicine.",
])
def test_definitions_history_and_research_are_background(text):
    assert is_background(text) and not tells_what_to_do(text)


def test_neither_cue_applies_outside_english():
    assert not tells_what_to_do("Appelez votre équipe si vous avez de la fièvre.", "fr")
    assert not is_background("Une étude de 2010 le montre.", "fr")


def test_the_summary_prefers_what_the_patient_can_use_over_support_alone():
    rule = SectionRule("care", "Looking after yourself", keywords=("drink",), summary=2)
    definition = _cluster("Mucositis is defined as inflammation of the lining of the digestive tract.", "d", 3)
    plain = _cluster("You should drink plenty of water every day.", "p", 1)
    formal = _cluster("Adequate hydration is considered beneficial throughout the therapeutic course.", "f", 1)
    section = Section("care", rule.title, tuple(Entry(c) for c in (definition, formal, plain)))
    (summary,) = compose._summary((section,), Scheme(sections=(rule,)), "en")
    assert [e.cluster.id for e in summary.entries] == ["p", "f"]  # the definition last, though three sources say it
    pinned = replace(definition, pin=1)
    (summary,) = compose._summary((replace(section, entries=(Entry(pinned), Entry(plain))),),
                                  Scheme(sections=(rule,)), "en")
    assert summary.entries[0].cluster.id == "d"  # an editor's pin still wins


def test_an_empty_contact_section_is_filled_first_from_a_statement_that_says_to_report():
    contact = SectionRule("contact", "When to contact your care team", keywords=("reported", "call your"), summary=1,
                          safety=True)
    effects = SectionRule("effects", "Side effects", keywords=("rash",), summary=1, side_effects=True, safety=True)
    report = _cluster("Any rash must be reported: most are mild when treated early.", "r", 1)
    rash = _cluster("A rash is common in the first weeks.", "x", 2)
    section = Section("effects", effects.title, (Entry(rash), Entry(report)), safety=True)
    summary = compose._summary((section,), Scheme(sections=(effects, contact)), "en")
    assert [(s.key, [e.cluster.id for e in s.entries]) for s in summary] == [("effects", ["x"]), ("contact", ["r"])]
    # Nothing that tells the patient to contact or report: the section stays out of the summary.
    quiet = Section("effects", effects.title, (Entry(rash),), safety=True)
    assert [s.key for s in compose._summary((quiet,), Scheme(sections=(effects, contact)), "en")] == ["effects"]


def test_the_review_shows_how_much_the_editors_rewrites_lower_the_median_grade():
    hard = "Immunotherapeutic interventions necessitate comprehensive evaluation of individual immunological responses."
    plain = "Your team checks how your body responds."
    rewritten = _cluster(plain, "c1")
    rewritten = replace(rewritten, canonical=replace(rewritten.canonical, original=hard, edited="Plain language"))
    other = _cluster("You may feel tired after each session.", "c2")
    section = Section("s", "S", (Entry(rewritten), Entry(other)))
    handout = Handout("t", "T", "1", "2026-01-01", "", Clinic("C", "1"), (section,), (), (), ())
    report = plain_report(handout, "en", WORDS, clusters=(rewritten, other))
    assert report.rewrites == 1 and report.median_printed < report.median_sources
    page = review_page("t", "T", (), (rewritten, other), handout, plain=report)
    assert "as the sources word it" in page and f"{report.median_printed - report.median_sources:+.1f}" in page


def test_the_summary_opens_what_is_it_with_what_the_topic_is():
    rule = SectionRule("about", "What is chemotherapy?", keywords=("cancer cells",), summary=1)
    reach = _cluster("Because the medicines travel in the blood, chemo can reach cancer cells anywhere.", "r", 4)
    defined = _cluster("Chemotherapy is a treatment that uses medicines to destroy cancer cells.", "d", 2)
    section = Section("about", rule.title, (Entry(reach), Entry(defined)))
    (summary,) = compose._summary((section,), Scheme(sections=(rule,)), "en", name="chemotherapy")
    assert summary.entries[0].cluster.id == "d"  # though four sources say the other
    assert defines_topic("A CT scan (computed tomography) uses x-rays to make pictures.", "CT scan")
    assert not defines_topic("Chemotherapy can damage healthy cells too.", "chemotherapy")
    assert not defines_topic("Chemotherapy is a treatment that uses medicines.", "chemotherapy", "fr")


def test_the_summary_never_prints_a_sentence_that_leans_on_the_one_before_it():
    rule = SectionRule("how", "How does it work?", keywords=("cells",), summary=1)
    catch = _cluster("The trouble is that some healthy cells divide quickly too.", "t", 5)
    host = _cluster("Chemotherapy works on cells that divide quickly.", "h", 1)
    section = Section("how", rule.title, (Entry(catch), Entry(host)))
    (summary,) = compose._summary((section,), Scheme(sections=(rule,)), "en")
    assert summary.entries[0].cluster.id == "h"
    leaning = replace(host, canonical=replace(host.canonical, after="x1"))  # linked by facts to its host
    plain = _cluster("Healthy cells recover between cycles.", "p", 1)
    (summary,) = compose._summary((replace(section, entries=(Entry(leaning), Entry(plain))),),
                                  Scheme(sections=(rule,)), "en")
    assert summary.entries[0].cluster.id == "p"
    damage = _cluster("Cancer cells are less able to repair this damage than healthy cells.", "d", 4)
    (summary,) = compose._summary((replace(section, entries=(Entry(damage), Entry(plain))),),
                                  Scheme(sections=(rule,)), "en")
    assert summary.entries[0].cluster.id == "p"  # "this damage": said in the sentence before
    answer = _cluster("No. You will not see or feel the radiation.", "a", 1)  # the question was a heading
    (summary,) = compose._summary((replace(section, entries=(Entry(answer), Entry(plain))),),
                                  Scheme(sections=(rule,)), "en")
    assert summary.entries[0].cluster.id == "p"
    assert not refers_back("No special preparation is needed.", "en") and refers_back("Yes, you can drive.", "en")
    # Surely placed, it still reads wrong alone: a statement that stands alone but was placed by
    # its page's flow (its own words put it elsewhere) comes first.
    (summary,) = compose._summary((replace(section, entries=(Entry(leaning), Entry(plain))),),
                                  Scheme(sections=(rule,)), "en", fits={"p": compose.ELSEWHERE})
    assert summary.entries[0].cluster.id == "p"


def test_a_safety_sections_summary_tells_the_patient_whom_to_call():
    rule = SectionRule("contact", "When to contact your care team", keywords=("infection",), summary=1, safety=True)
    warning = _cluster("An infection can become serious very quickly during chemotherapy.", "w", 3)
    wait = _cluster("Do not wait until the morning or your next appointment.", "d", 2)  # an instruction, no one to call
    call = _cluster("Call the 24-hour line if your temperature is 38°C or higher.", "c", 1)
    section = Section("contact", rule.title, (Entry(warning), Entry(wait), Entry(call)), safety=True)
    (summary,) = compose._summary((section,), Scheme(sections=(rule,)), "en")
    assert summary.entries[0].cluster.id == "c"


def test_a_summary_section_makes_a_point_once_though_two_sources_word_it():
    rule = SectionRule("how", "How is it given?", keywords=("cycles",), summary=2)
    one = _cluster("Chemo is usually given in cycles: a treatment day, or a few days, followed by a rest period "
                   "of one to four weeks, so your healthy cells have time to recover.", "a", 3)
    two = _cluster("Each cycle is made up of one or more treatment days followed by a rest period, often of two "
                   "to four weeks, so that your body can recover.", "b", 2)
    drip = _cluster("Most chemotherapy is given through a drip into a vein.", "c", 1)
    section = Section("how", rule.title, (Entry(one), Entry(two), Entry(drip)))
    (summary,) = compose._summary((section,), Scheme(sections=(rule,)), "en")
    assert [e.cluster.id for e in summary.entries] == ["a", "c"]


def test_the_summary_takes_statements_that_surely_belong_to_a_section_first():
    rule = SectionRule("care", "Looking after yourself", keywords=("drink",), summary=1)
    flowed = _cluster("You should drink plenty of water every day.", "a", 2)  # placed by its page's flow
    own = _cluster("Drink a glass of water with each meal.", "b", 1)
    section = Section("care", rule.title, (Entry(flowed), Entry(own)))
    (summary,) = compose._summary((section,), Scheme(sections=(rule,)), "en")
    assert summary.entries[0].cluster.id == "a"
    (summary,) = compose._summary((section,), Scheme(sections=(rule,)), "en", fits={"a": compose.ELSEWHERE})
    assert summary.entries[0].cluster.id == "b"
    # Its own words put it there, if narrowly: still before one they put elsewhere.
    (summary,) = compose._summary((section,), Scheme(sections=(rule,)), "en",
                                  fits={"a": compose.NARROWLY, "b": compose.ELSEWHERE})
    assert summary.entries[0].cluster.id == "a"
    (summary,) = compose._summary((section,), Scheme(sections=(rule,)), "en",
                                  fits={"a": compose.NARROWLY, "b": compose.CLEARLY})
    assert summary.entries[0].cluster.id == "b"


def test_the_shipped_sample_summary_reads_at_grade_8_with_no_long_sentence_and_the_leaflet_got_plainer():
    from pathlib import Path

    from pipeline.config import load_config
    from pipeline.evaluation.plain_targets import format_readings, topic_reading

    reading = topic_reading(load_config(Path(__file__).resolve().parents[1], {"SOURCE_DATE_EPOCH": "1700000000"}),
                            "immunotherapy")
    assert reading.meets and reading.summary_grade <= 8 and reading.summary_long == 0
    assert reading.median_printed < reading.median_sources - 2 and reading.rewrites > 40
    assert "PASS" in format_readings([reading])[1]
