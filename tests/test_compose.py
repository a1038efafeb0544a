"""Compose: sections by keywords, lists under their lead-in, summary picks the best supported."""

import hashlib
from dataclasses import replace
from pathlib import Path

from pipeline.text.compose import assign_section, compose
from pipeline.config import Scheme, SectionRule, Topic
from pipeline.models import Clinic, Cluster, Fact, SourceMeta
from pipeline.vocabulary import Vocabulary

RULES = (
    SectionRule("what", "What is it?", ("is a", "purpose"), summary=1),
    SectionRule("effects", "Side effects", ("side effect", "fatigue"), summary=1, side_effects=True),
    SectionRule("more", "More", (), fallback=True),
)
SCHEME = Scheme(sections=RULES)
TOPIC = Topic("t", Path("sources/t"), "Title", "1.0", "2026-01-01", "", "en", ((Path("a.txt"), SourceMeta("a.txt", "Pub")),))
CLINIC = Clinic(name="Clinic", phone="123")


def cluster(text, *sources, kind="sentence", lead="", heading="", line=1):
    members = tuple(
        Fact(id="f" + hashlib.sha1(f"{text}\0{s}".encode()).hexdigest()[:8], text=text, original=text, source=s, line=line, kind=kind, heading=heading, lead=lead)
        for s in sources
    )
    return Cluster(id="c" + members[0].id, canonical=members[0], members=members, sources=tuple(sorted(set(sources))))


def test_assign_section_prefers_own_words_then_heading_then_fallback():
    assert assign_section("Fatigue is a common side effect.", "", RULES) == "effects"
    assert assign_section("It can happen.", "Side effects", RULES) == "effects"
    assert assign_section("Its origins are old.", "", RULES) == "more"
    # tie between sections goes to the earlier one
    assert assign_section("The purpose of a side effect list.", "", RULES) == "what"


def test_compose_orders_by_support_attaches_items_and_skips_questions():
    weak = cluster("It is a treatment for some cancers.", "a", line=5)
    strong = cluster("It is a treatment that uses the immune system.", "a", "b", line=9)
    lead = cluster("Common side effects include:", "a", line=10)
    items = [cluster(t, "a", kind="item", lead=lead.canonical.id, line=11 + i) for i, t in enumerate(["Fatigue", "Rash"])]
    question = cluster("What is a side effect?", "a", line=3)
    fragment = cluster("Close", "a", line=2)
    handout = compose([weak, strong, lead, *items, question, fragment], SCHEME, TOPIC, CLINIC)
    what, effects = handout.sections
    assert [e.cluster for e in what.entries] == [strong, weak]
    (entry,) = effects.entries
    assert entry.cluster == lead and [i.canonical.text for i in entry.items] == ["Fatigue", "Rash"]
    printed = [e.cluster.canonical.text for s in handout.sections for e in s.entries]
    assert "What is a side effect?" not in printed and "Close" not in printed
    assert [s.key for s in handout.summary] == ["what"] and handout.summary[0].entries[0].cluster == strong
    assert [c.canonical.text for c in handout.side_effects] == ["Fatigue", "Rash"]
    assert handout.issued == "2026-01-01" and handout.clinic == CLINIC
    assert handout.sources[0].publisher == "Pub"


def test_a_short_lead_in_prints_with_its_questions():
    lead = cluster("You could ask:", "a", line=4)
    asks = [cluster(t, "a", kind="item", lead=lead.canonical.id, line=5 + i)
            for i, t in enumerate(["Will it hurt?", "How long will it take?"])]
    heading = cluster("Will it hurt?", "a", line=1)  # the same words as a heading stay unprinted
    handout = compose([heading, lead, *asks], SCHEME, TOPIC, CLINIC)
    (section,) = handout.sections
    (entry,) = section.entries
    assert entry.cluster == lead and [i.canonical.text for i in entry.items] == ["Will it hurt?", "How long will it take?"]


def test_a_lead_in_that_refers_back_prints_after_its_host_with_its_list():
    host = cluster("These side effects are the most common.", "a", line=3)
    lead = cluster("They are usually mild, but tell your nurse about any of them:", "a", line=3)
    lead = replace(lead, canonical=replace(lead.canonical, after=host.canonical.id),
                   members=(replace(lead.canonical, after=host.canonical.id),))
    items = [cluster(t, "a", kind="item", lead=lead.canonical.id, line=4 + i) for i, t in enumerate(["Fatigue", "Rash"])]
    handout = compose([host, lead, *items], SCHEME, TOPIC, CLINIC)
    entries = [e for s in handout.sections for e in s.entries]
    assert len(entries) == 1
    (entry,) = entries
    assert entry.cluster == host and entry.continued == (lead,)
    assert [i.canonical.text for i in entry.items] == ["Fatigue", "Rash"]


def test_lead_in_without_items_is_not_printed():
    lead = cluster("Common side effects include:", "a")
    handout = compose([lead], SCHEME, TOPIC, CLINIC)
    assert handout.sections == ()


def _chain(*texts):
    facts, previous = [], ""
    for i, text in enumerate(texts):
        f = Fact(id=f"g{i}", text=text, original=text, source="a", line=1, kind="sentence", after=previous)
        facts.append(f)
        previous = f.id
    return [Cluster(id="c" + f.id, canonical=f, members=(f,), sources=("a",)) for f in facts]


def test_sentences_that_refer_back_print_after_their_host():
    host, it, this = _chain(
        "Immunotherapy is a treatment that uses the immune system.",
        "It is given in a day hospital.",
        "This takes about an hour.",
    )
    handout = compose([this, it, host], SCHEME, TOPIC, CLINIC)
    entries = [e for s in handout.sections for e in s.entries]
    assert len(entries) == 1
    assert entries[0].cluster == host and entries[0].continued == (it, this)


def test_reference_to_a_merged_sentence_follows_the_merged_statement():
    host, it = _chain("Immunotherapy is a treatment that uses the immune system.", "It is given weekly in hospital.")
    other = Fact(id="o1", text="Immunotherapy is a therapy that uses the immune system.", original="x", source="b", line=3, kind="sentence")
    merged = Cluster(id="cm", canonical=other, members=(host.canonical, other), sources=("a", "b"))
    handout = compose([merged, it], SCHEME, TOPIC, CLINIC)
    (entry,) = [e for s in handout.sections for e in s.entries]
    assert entry.cluster == merged and entry.continued == (it,)


def test_a_loop_made_by_merging_is_cut_and_nothing_is_lost():
    first, second, third = _chain("However, some cancer cells escape the immune system.",
                                  "In such cases, immunotherapy activates the immune system.",
                                  "This can be achieved by vaccines given in hospital.")
    # "They ..." (after first) merged into the cluster of the second sentence: a loop
    they = Fact(id="t1", text="They can be destroyed by the immune system.", original="x", source="a", line=1, kind="sentence")
    loop_first = replace(first, canonical=replace(first.canonical, after="t1"))
    second = replace(second, members=(second.canonical, they))
    handout = compose([loop_first, second, third], SCHEME, TOPIC, CLINIC)
    printed = [c for s in handout.sections for e in s.entries for c in (e.cluster, *e.continued)]
    assert sorted(c.id for c in printed) == sorted(c.id for c in (loop_first, second, third))


EFFECTS = ["Nausea", "Hair loss", "Mouth sores", "Diarrhoea", "Skin rash", "Cough", "Headache", "Constipation",
           "Sore joints", "Itching", "Fever", "Dry eyes", "Hiccups", "Dizziness", "Swollen ankles", "Low mood",
           "Hoarse voice", "Nosebleeds"]


def test_the_summarys_side_effects_box_prints_each_wording_once_and_a_page_full_at_most():
    leads = [cluster(f"Side effects you may have, list {n}:", "a", line=10 * n) for n in range(1, 4)]
    items = [cluster(t, "a", kind="item", lead=lead.canonical.id, line=10 * n + 1 + i)
             for n, lead in enumerate(leads, start=1)
             for i, t in enumerate(["Fatigue", *EFFECTS[6 * (n - 1): 6 * n]])]
    handout = compose([*leads, *items], SCHEME, TOPIC, CLINIC)
    printed = [c.canonical.text for c in handout.side_effects]
    assert printed.count("Fatigue") == 1 and len(printed) == 12
    effects = next(s for s in handout.sections if s.key == "effects")
    assert sum(len(e.items) for e in effects.entries) == 21  # the leaflet keeps every item


def test_the_side_effects_box_names_each_side_effect_once_however_sources_word_it():
    # Three sources' lists: the box takes the best supported wording of each side effect; the
    # leaflet still prints every item under its own lead-in.
    lists = {1: ["Feeling sick (nausea) and vomiting", "Tiredness that is deeper than normal sleepiness",
                 "numbness or tingling in the hands and feet", "A higher risk of infection"],
             2: ["Tiredness that does not always get better with rest", "Tingling or numbness in the fingers",
                 "Diarrhea", "38°C", "Skin rash"],
             3: ["Diarrhoea or constipation", "Skin changes", "Feeling tired", "A higher chance of infection, "
                 "because chemotherapy lowers your white cells"]}
    leads = [cluster(f"Side effects you may have, list {n}:", "a", line=10 * n) for n in lists]
    items = [cluster(t, "a", kind="item", lead=lead.canonical.id, line=10 * n + 1 + i)
             for n, lead in zip(lists, leads) for i, t in enumerate(lists[n])]
    handout = compose([*leads, *items], SCHEME, TOPIC, CLINIC)
    assert [c.canonical.text for c in handout.side_effects] == [
        "Feeling sick (nausea) and vomiting", "Tiredness that is deeper than normal sleepiness",
        "numbness or tingling in the hands and feet", "A higher risk of infection", "Diarrhea", "38°C", "Skin rash",
        "Skin changes", "Feeling tired"]
    effects = next(s for s in handout.sections if s.key == "effects")
    assert sum(len(e.items) for e in effects.entries) == 13


def test_the_box_knows_one_side_effect_by_its_synonym_its_gloss_or_one_of_its_alternatives():
    lists = {1: ["tiredness (fatigue), which can build up over a course", "hair thinning or hair loss",
                 "feeling sick (nausea) or being sick", "a sore mouth"],
             2: ["Feeling very tired (fatigue) that rest does not relieve", "Hair loss, which starts after 2 weeks",
                 "Nausea and vomiting", "Skin rash"]}
    leads = [cluster(f"Side effects you may have, list {n}:", "a", line=10 * n) for n in lists]
    items = [cluster(t, "a", kind="item", lead=lead.canonical.id, line=10 * n + 1 + i)
             for n, lead in zip(lists, leads) for i, t in enumerate(lists[n])]
    scheme = replace(SCHEME, vocabulary=Vocabulary(synonyms=(("nausea", "feeling sick"),)))
    handout = compose([*leads, *items], scheme, TOPIC, CLINIC)
    assert [c.canonical.text for c in handout.side_effects] == [
        "tiredness (fatigue), which can build up over a course", "hair thinning or hair loss",
        "feeling sick (nausea) or being sick", "a sore mouth", "Skin rash"]


def test_where_only_a_list_says_when_to_call_the_summary_prints_that_list_whole():
    rules = (*RULES[:2], SectionRule("call", "When to contact your care team", ("call", "contact", "ask us"), summary=1,
                                     safety=True), RULES[2])
    vague = cluster("Please ask us anything about your treatment.", "a", "b", line=20)
    lead = cluster("Call us straight away if you have:", "a", line=22)
    items = [cluster(t, "a", kind="item", lead=lead.canonical.id, line=23 + i)
             for i, t in enumerate(["a temperature of 38°C or higher", "chest pain"])]
    handout = compose([vague, lead, *items], Scheme(sections=rules), TOPIC, CLINIC)
    (call,) = [s for s in handout.summary if s.key == "call"]
    (entry,) = call.entries
    assert entry.cluster == lead and [i.canonical.text for i in entry.items] == [
        "a temperature of 38°C or higher", "chest pain"]
    # A statement that already says whom to call keeps the summary's place.
    direct = cluster("Call us on the 24-hour line if you feel unwell.", "a", "b", line=30)
    handout = compose([direct, lead, *items], Scheme(sections=rules), TOPIC, CLINIC)
    (call,) = [s for s in handout.summary if s.key == "call"]
    assert [e.cluster for e in call.entries] == [direct]


def test_a_summary_shows_a_section_by_a_statement_that_clearly_belongs_there():
    rules = (*RULES[:2], SectionRule("rest", "Looking after yourself", ("tired",), summary=1), RULES[2])
    # As much a side effect as advice to rest (a tie, so the earlier section): the leaflet prints it
    # first, for two sources say it, but the summary's one place goes to the clear one.
    torn = cluster("Fatigue can make you tired.", "a", "b", line=5)
    clear = cluster("Fatigue is common in the weeks after each treatment.", "a", line=7)
    handout = compose([torn, clear], Scheme(sections=rules), TOPIC, CLINIC)
    (effects,) = [s for s in handout.sections if s.key == "effects"]
    assert [e.cluster for e in effects.entries] == [torn, clear]
    (summary,) = [s for s in handout.summary if s.key == "effects"]
    assert [e.cluster for e in summary.entries] == [clear]


def test_an_instruction_to_report_side_effects_tells_the_patient_to_get_in_touch():
    from pipeline.text.statement_kinds import tells_whom_to_call

    assert tells_whom_to_call("Any side effects must be reported: most are reversible when treated early.")
    assert tells_whom_to_call("Report any new symptom to your team straight away.")
    assert not tells_whom_to_call("Most side effects are mild and go away.")
    assert not tells_whom_to_call("The report goes to your consultant.")  # no instruction
    # In the summary's "When to contact" section it comes before a statement that names no one.
    rules = (*RULES[:2], SectionRule("call", "When to contact your care team", ("reported", "worried", "treated early"),
                                     summary=1, safety=True), RULES[2])
    vague = cluster("Do not worry if you are not sure, it is always treated early.", "a", "b", line=3)
    report = cluster("Any new symptom must be reported, because most are treated early.", "a", line=5)
    handout = compose([vague, report], Scheme(sections=rules), TOPIC, CLINIC)
    (call,) = [s for s in handout.summary if s.key == "call"]
    assert [e.cluster for e in call.entries] == [report]


def test_a_summary_judges_a_statement_by_its_own_words_not_the_heading_over_it():
    rules = (SectionRule("what", "What is it?", ("is a", "purpose"), summary=2), *RULES[1:])
    # Placed under "What is it?" by its heading only, though three sources say it.
    headed = cluster("Several treatments are already available.", "a", "b", "c", heading="Purpose", line=3)
    # Its own words put it there, and nowhere else.
    clear = cluster("The purpose of rest is a calmer mind.", "a", heading="Purpose", line=5)
    # Its own words put it there as much as under side effects (a tie goes to the earlier section).
    narrow = cluster("The purpose of rest is to ease fatigue.", "a", "b", heading="Purpose", line=7)
    handout = compose([headed, clear, narrow], Scheme(sections=rules), TOPIC, CLINIC)
    (what,) = [s for s in handout.sections if s.key == "what"]
    assert {e.cluster.id for e in what.entries} == {headed.id, clear.id, narrow.id}
    (summary,) = [s for s in handout.summary if s.key == "what"]
    assert [e.cluster for e in summary.entries] == [clear, narrow]
