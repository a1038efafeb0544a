"""Section schemes per topic, placement by words (never substrings), and what it is measured against."""

import math
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.errors import ConfigError
from pipeline.evaluation.placement import read_section_labels, score_placement
from pipeline.i18n.po_files import legacy_context, section_context
from pipeline.models import Cluster, Entry, Fact, Handout, Section, Source, SourceLine, SourceMeta
from pipeline.render import fitting
from pipeline.text.compose import assign_section
from pipeline.text.dedupe import dedupe
from pipeline.text.keywords import count_keywords, word_stems
from pipeline.text.section_model import STEPS, SectionModel, step_between

ROOT = Path(__file__).resolve().parent.parent
RADIOTHERAPY = """\
sections:
  - key: planning
    title: Planning your {name}
    after: how-given
    keywords: [planning scan, tattoo]
  - key: side-effects
    title: Side effects during {name}
    add_keywords: [skin reaction]
  - key: living-with
    drop: true
"""


def project(tmp_path: Path, own_sections: str = "", name: str = "") -> Path:
    """The project's clinic and default scheme, the sample topic, and a second topic 'radiotherapy'."""
    for file in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / file, tmp_path / file)
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    second = tmp_path / "sources" / "radiotherapy"
    second.mkdir()
    (second / "a.txt").write_text("Radiotherapy uses high-energy rays.\n")
    (second / "topic.yaml").write_text("title: Radiotherapy\nversion: '1.0'\n" + (f"name: {name}\n" if name else ""))
    if own_sections:
        (second / "sections.yaml").write_text(own_sections)
    return tmp_path


def scheme_of(root: Path, topic: str):
    return next(t for t in load_config(root).topics if t.key == topic).scheme


def test_a_topic_extends_its_own_scheme_and_never_changes_another(tmp_path):
    root = project(tmp_path, RADIOTHERAPY)
    radio = scheme_of(root, "radiotherapy")
    keys = [rule.key for rule in radio.sections]
    assert keys[keys.index("how-given") + 1] == "planning"  # a new section goes where `after` says
    assert "living-with" not in keys and keys[-1] == "more"  # dropped; the fallback stays last
    titles = {rule.key: rule.title for rule in radio.sections}
    assert titles["about"] == "What is radiotherapy?"  # {name}: the title, lower case
    assert titles["planning"] == "Planning your radiotherapy" and titles["side-effects"] == "Side effects during radiotherapy"
    effects = next(rule for rule in radio.sections if rule.key == "side-effects")
    assert "skin reaction" in effects.keywords and "fatigue" in effects.keywords  # added, not replaced
    # The sample topic keeps its own scheme: none of radiotherapy's changes reach it.
    immuno = scheme_of(root, "immunotherapy")
    immuno_titles = {rule.key: rule.title for rule in immuno.sections}
    assert "planning" not in immuno_titles and immuno_titles["side-effects"] == "Possible side effects"
    assert immuno_titles["about"] == "What is immunotherapy?" and "types" in immuno_titles


def test_the_name_in_headings_comes_from_topic_yaml_and_acronyms_keep_their_case(tmp_path):
    root = project(tmp_path, name="a CT scan")
    assert {r.key: r.title for r in scheme_of(root, "radiotherapy").sections}["about"] == "What is a CT scan?"
    (root / "sources" / "radiotherapy" / "topic.yaml").write_text("title: CT scan\nversion: '1.0'\n")
    assert {r.key: r.title for r in scheme_of(root, "radiotherapy").sections}["about"] == "What is CT scan?"


@pytest.mark.parametrize("text, message", [
    ("sections:\n  - key: planning\n    after: nowhere\n    title: P\n", "sections.yaml:2: 'after': no section 'nowhere'"),
    ("sections:\n  - key: planning\n    keywords: [plan]\n", "sections.yaml:2: new section 'planning' needs a 'title'"),
    ("sections:\n  - key: planning\n    drop: true\n", "sections.yaml:2: cannot drop 'planning'"),
    ("sections:\n  - key: about\n    title: What is {topic}?\n", "unknown placeholder {topic}"),
    ("sections:\n  - key: about\n    colour: red\n", "unknown setting 'colour'"),
    ("replace: true\nsections:\n  - key: a\n    title: A\n", "exactly one section must have 'fallback: true'"),
])
def test_a_topic_scheme_mistake_names_the_file_and_line(tmp_path, text, message):
    root = project(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_config(root)
    assert message in str(error.value) and "sources/radiotherapy/sections.yaml" in str(error.value)


def test_a_move_decision_is_checked_against_the_topics_own_sections(tmp_path):
    root = project(tmp_path, RADIOTHERAPY)
    (root / "sources" / "radiotherapy" / "editorial.yaml").write_text(
        "decisions:\n  - action: move\n    fact: c1\n    section: planning\n")
    load_config(root)  # planning is radiotherapy's own section
    (root / "sources" / "immunotherapy" / "editorial.yaml").write_text(
        "decisions:\n  - action: move\n    fact: c1\n    section: planning\n")
    with pytest.raises(ConfigError, match=r"editorial.yaml:2: unknown section 'planning' \(this topic's sections: about"):
        load_config(root)


def test_keywords_match_whole_words_by_their_stems_never_parts_of_words():
    def matches(text, *keywords):
        return count_keywords(word_stems(text), keywords)

    assert matches("Side effects are common.", "side effect") == 1  # plural, by stem
    assert matches("We treat tumours.", "tumor") == 1  # British and American spellings
    assert matches("Flu-like symptoms", "flu-like") == 1
    assert matches("Call us if you are unwell.", "call us") == 1
    assert matches("You may be recalled for a second scan.", "call") == 0  # never inside a word
    assert matches("Speak to Dr Malone.", "alone") == 0
    assert matches("About 40% respond.", "%") == 1
    assert matches("We call these short-term effects.", "call us", "call your") == 0  # a phrase, not the word


def test_the_default_scheme_places_the_issues_examples_by_meaning():
    sections = load_config(ROOT).scheme.sections  # the default scheme
    assert assign_section("We call these short-term effects.", "", sections) == "side-effects"
    # "call" as naming is read as "named" by the section model; "call" to someone is not
    from pipeline.text.section_model import features
    assert "name" in features("This is called a CT scan.", "", "en") and "call" not in features("We call these X.", "", "en")
    assert "call" in features("Call them if you have a fever.", "", "en")
    immunotherapy = scheme_of(ROOT, "immunotherapy").sections
    assert assign_section("We call these short-term effects.", "", immunotherapy) != "contact-care-team"
    assert assign_section("Call your care team straight away if you have a temperature of 38C or above.", "",
                          sections) == "contact-care-team"
    assert assign_section("Report any new or worsening symptoms to your care team straight away.", "",
                          sections) == "contact-care-team"


def test_a_keyword_made_of_the_topics_name_says_nothing(tmp_path):
    from dataclasses import replace

    from pipeline.config import SectionRule, Scheme
    from pipeline.text.compose import compose
    from tests.test_compose import CLINIC, TOPIC, cluster

    rules = (SectionRule("expect", "What to expect", ("scan", "arrive")), SectionRule("more", "More", (), fallback=True))
    facts = [cluster("The scan shows the size of the tumour.", "a")]
    scan = replace(TOPIC, name="CT scan", scheme=Scheme(sections=rules))
    assert compose(facts, Scheme(sections=rules), replace(TOPIC, name="MRI"), CLINIC).sections[0].key == "expect"
    assert compose(facts, Scheme(sections=rules), scan, CLINIC).sections[0].key == "more"


def test_synonyms_and_spelling_variants_are_folded_before_comparing_never_in_print():
    vocabulary = load_config(ROOT).scheme.vocabulary
    a = "Radiation therapy is also useful in treating some noncancerous (benign) tumors."
    b = "Radiotherapy can also be used to treat non-cancerous (benign) tumours."
    facts = [Fact(id=f"f{i}", text=t, original=t, source=f"sources/t/{i}.txt", line=1,
                  kind="sentence") for i, t in enumerate((a, b))]
    (merged,) = dedupe(facts, vocabulary)
    assert {m.text for m in merged.members} == {a, b} and merged.canonical.text in (a, b)  # printed as written


def test_translations_of_the_old_shared_headings_carry_over_to_each_topic():
    assert section_context("radiotherapy", "about") == "radiotherapy:section:about"
    assert legacy_context("radiotherapy:section:about") == "section:about"
    assert legacy_context("radiotherapy:c0fc18f1156") == ""


def test_an_old_shared_heading_translation_is_carried_over_by_update(tmp_path):
    from pipeline.i18n.po_sync import update_language

    root = tmp_path
    (root / "locales" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    (root / "locales" / "ui.pot").write_text('msgid ""\nmsgstr ""\n')
    (root / "locales" / "fr" / "LC_MESSAGES" / "ui.po").write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n')
    (root / "locales" / "facts.pot").write_text(
        'msgid ""\nmsgstr ""\n\nmsgctxt "radiotherapy:section:about"\nmsgid "What is it?"\nmsgstr ""\n\n'
        'msgctxt "immunotherapy:section:about"\nmsgid "What is immunotherapy?"\nmsgstr ""\n')
    (root / "locales" / "fr" / "LC_MESSAGES" / "facts.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgctxt "section:about"\nmsgid "What is it?"\nmsgstr "Qu\'est-ce que c\'est ?"\n')
    update_language(root, "fr")
    text = (root / "locales" / "fr" / "LC_MESSAGES" / "facts.po").read_text()
    carried = text.split('msgctxt "radiotherapy:section:about"')[1].split("\n\n")[0]
    assert "Qu'est-ce que c'est ?" in carried  # same English: the translation carries over
    other = text.split('msgctxt "immunotherapy:section:about"')[1].split("\n\n")[0]
    assert 'msgstr ""' in other  # other English: never carried
    assert '#~ msgctxt "section:about"' not in text  # used, so not kept as obsolete


def _fact(text, line, source="sources/t/a.txt"):
    return Fact(id=f"f{line}", text=text, original=text, source=source, line=line, kind="sentence")


def _cluster(text, line):
    fact = _fact(text, line)
    return Cluster(id=f"c{line}", canonical=fact, members=(fact,), sources=(fact.source,))


def test_placement_counts_statements_under_their_labelled_section_and_the_summarys_mix_ups():
    from pipeline.config import Scheme, SectionRule

    scheme = Scheme(sections=(SectionRule("effects", "E", side_effects=True), SectionRule("call", "C"),
                              SectionRule("more", "M", fallback=True)))
    tired, rash, call = _cluster("Tiredness is common.", 1), _cluster("Rash", 2), _cluster("Call us if feverish.", 3)
    handout = Handout(
        topic="t", title="T", version="1", issued="", review="", clinic=None,
        sections=(Section("effects", "E", (Entry(tired), Entry(call, items=(rash,)))),),
        summary=(Section("effects", "E", (Entry(call),)),), side_effects=(rash,), sources=())
    labels = {("a.txt", 1): "effects", ("a.txt", 2): "effects", ("a.txt", 3): "call"}
    placement = score_placement(labels, handout, scheme)
    assert (placement.placed, placement.labelled, placement.summary_wrong) == (2, 3, 1)
    assert placement.confusions == (("call", "effects", 1),)
    assert any("labelled call" in miss and "a.txt:3" in miss for miss in placement.misses)


def test_a_statement_several_pages_make_is_labelled_as_most_of_them_are():
    from pipeline.config import Scheme, SectionRule

    scheme = Scheme(sections=(SectionRule("skin", "S"), SectionRule("call", "C"), SectionRule("more", "M", fallback=True)))
    facts = [_fact("We will show you how to care for it and may give you dressings.", 1, "sources/t/a.txt"),
             _fact("They may give you dressings.", 1, "sources/t/b.txt"), _fact("They can give you dressings.", 1, "sources/t/c.txt")]
    merged = Cluster(id="c1", canonical=facts[0], members=tuple(facts), sources=tuple(f.source for f in facts))
    handout = Handout(topic="t", title="T", version="1", issued="", review="", clinic=None,
                      sections=(Section("skin", "S", (Entry(merged),)),), summary=(Section("skin", "S", (Entry(merged),)),),
                      side_effects=(), sources=())
    labels = {("a.txt", 1): "call", ("b.txt", 1): "skin", ("c.txt", 1): "skin"}
    placement = score_placement(labels, handout, scheme)
    assert (placement.placed, placement.labelled, placement.summary_wrong) == (1, 1, 0)
    labels[("c.txt", 1)] = "more"  # a tie: the canonical's label
    assert score_placement(labels, handout, scheme).summary_wrong == 1


def test_section_labels_name_known_sections_of_the_sets_scheme(tmp_path):
    from pipeline.config import Scheme, SectionRule

    scheme = Scheme(sections=(SectionRule("effects", "E"), SectionRule("more", "M", fallback=True)))
    source = Source("eval/x/a.txt", "utf-8", (SourceLine(1, "One."), SourceLine(2, "Two.")), SourceMeta("a.txt"))
    (tmp_path / "section-labels.yaml").write_text("files:\n  a.txt:\n    1: effects\n    2: planning\n")
    with pytest.raises(ConfigError, match="a.txt: 2: unknown section 'planning'"):
        read_section_labels(tmp_path, {"a.txt": source}, scheme)
    (tmp_path / "section-labels.yaml").write_text("files:\n  a.txt:\n    1-2: effects\n")
    assert read_section_labels(tmp_path, {"a.txt": source}, scheme) == {("a.txt", 1): "effects", ("a.txt", 2): "effects"}
    assert read_section_labels(tmp_path / "none", {}, scheme) is None


def test_a_summary_that_must_shorten_drops_the_safety_sections_last():
    def entry(support, n):
        fact = _fact(f"Statement {n}.", n)
        return Entry(Cluster(id=f"c{n}", canonical=fact, members=(fact,), sources=tuple(f"s{i}" for i in range(support))))

    sections = (
        Section("about", "A", (entry(1, 1), entry(3, 2))),
        Section("contact-care-team", "C", (entry(1, 3),), safety=True),
        Section("more", "M", (entry(2, 4),)),
    )
    order = fitting._drop_order(sections)
    assert order[-1] == 2  # the contact section's one statement, though least supported, goes last
    assert order[:3] == [0, 3, 1]


def test_update_keeps_entries_it_commented_out_and_revives_one_whose_english_is_back(tmp_path):
    from pipeline.i18n.po_sync import update_language

    folder = tmp_path / "locales" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (tmp_path / "locales" / "ui.pot").write_text('msgid ""\nmsgstr ""\n')
    (folder / "ui.po").write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n')
    (folder / "facts.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n#~ msgctxt "t:c1"\n#~ msgid "Rest when tired."\n'
        '#~ msgstr "Reposez-vous."\n')
    template = tmp_path / "locales" / "facts.pot"
    template.write_text('msgid ""\nmsgstr ""\n\nmsgctxt "t:c2"\nmsgid "Drink water."\nmsgstr ""\n')
    update_language(tmp_path, "fr")
    assert '#~ msgstr "Reposez-vous."' in (folder / "facts.po").read_text()  # a second update loses nothing
    template.write_text('msgid ""\nmsgstr ""\n\nmsgctxt "t:c1"\nmsgid "Rest when tired."\nmsgstr ""\n')
    update_language(tmp_path, "fr")
    text = (folder / "facts.po").read_text()
    assert 'msgctxt "t:c1"\nmsgid "Rest when tired."\nmsgstr "Reposez-vous."' in text and "#~" not in text


def test_a_source_file_name_wrapped_at_its_own_hyphen_still_counts_as_listed():
    from pipeline.build.release_checks import _squeezed

    page = "Sources\nGreenshire Hospitals — greenshireleaflet_ct-\nscan.txt\nimmuno-\ntherapy"
    assert "greenshireleaflet_ct-scan.txt" in _squeezed(page)  # the name's own hyphen, at the wrap
    assert "immunotherapy" in _squeezed(page)  # a word hyphenated at the wrap, whole again


@pytest.mark.parametrize("name, page", [
    ("page.html", "<html><body><main><h1>Chemotherapy</h1><h2>Before you start</h2><h3>Teeth</h3>"
                  "<p>See your dentist before your first treatment if you can.</p>"
                  "<h2>Side effects</h2><p>Tiredness is the most common side effect of all.</p></main></body></html>"),
    ("page.md", "# Chemotherapy\n\n## Before you start\n\n### Teeth\n\nSee your dentist before your first treatment "
                "if you can.\n\n## Side effects\n\nTiredness is the most common side effect of all.\n"),
])
def test_a_statement_knows_the_section_heading_over_its_sub_heading_but_not_the_page_title(tmp_path, name, page):
    from pipeline.text.clean import clean
    from pipeline.text.facts import find_facts
    from pipeline.text.ingest import ingest

    (tmp_path / name).write_text(page)
    source = ingest(tmp_path / name, tmp_path, SourceMeta(name))
    facts = {f.text: f for f in find_facts([clean(source, frozenset(), None, {})])}
    dentist = facts["See your dentist before your first treatment if you can."]
    assert (dentist.heading, dentist.outer) == ("Teeth", "Before you start")
    tired = facts["Tiredness is the most common side effect of all."]
    assert (tired.heading, tired.outer) == ("Side effects", "")  # the h1 over it is the page's title


def test_each_topic_prints_and_extracts_only_its_own_headings(tmp_path):
    import os

    from pipeline.i18n.extraction import extract_templates
    from pipeline.prepare import prepare

    root = project(tmp_path, RADIOTHERAPY)
    config = load_config(root, {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    radio = next(t for t in config.topics if t.key == "radiotherapy")
    titles = {s.title for s in prepare(config, radio).handout.sections}
    assert titles and titles <= {rule.title for rule in radio.scheme.sections}
    assert not titles & {"Types of immunotherapy", "Which cancers can it treat?"}  # the sample's own
    facts = extract_templates(config)["facts"]
    headings = [line for line in facts.splitlines() if ":section:" in line]
    assert headings and all(h.startswith(('msgctxt "radiotherapy:section:', 'msgctxt "immunotherapy:section:'))
                            for h in headings)
    assert 'msgctxt "immunotherapy:section:types"' in facts and 'msgctxt "radiotherapy:section:types"' not in facts


def test_a_fitted_summary_leaves_out_safety_statements_only_after_every_other(full_build, prepared_topic):
    safety = {entry.cluster.id for section in prepared_topic.handout.summary if section.safety
              for entry in section.entries}
    assert safety  # the sample's summary has a "when to contact" and a side-effects statement
    for output in full_build.report.outputs:
        if output.kind == "summary":
            left = {item.id for item in output.left_out}
            others = {entry.cluster.id for section in prepared_topic.handout.summary if not section.safety
                      for entry in section.entries}
            assert not left & safety or others <= left, output.path  # in every language


# A model that has seen a paragraph's statements always stay in one section, the next paragraph
# under the same heading stay 3 times in 4, and a new heading move freely.
PARAGRAPH_MODEL = SectionModel(counts={}, statements={}, transitions={
    "para": {"expect": {"expect": 40}, "given": {"given": 40}},
    "same": {"expect": {"expect": 3, "given": 1}, "given": {"given": 3, "expect": 1}},
    "new": {"expect": {"expect": 1, "given": 1}, "given": {"given": 1, "expect": 1}}})


def _compose_scored(monkeypatch, scores, clusters, model=PARAGRAPH_MODEL, with_call=False):
    """Compose clusters whose statements score as given (model and keywords, by text) under a page
    model; each printed statement's section by cluster id. with_call: the scheme has a safety
    section "call" between "given" and "more"."""
    from pipeline.config import Scheme, SectionRule
    from pipeline.text import compose as composing
    from tests.test_compose import CLINIC, TOPIC

    call = (SectionRule("call", "C", safety=True),) if with_call else ()
    rules = (SectionRule("expect", "E"), SectionRule("given", "G"), *call, SectionRule("more", "M", fallback=True))
    monkeypatch.setattr(composing, "_section_scores",
                        lambda text, *_: (scores[text], dict.fromkeys(scores[text], 0), True))
    monkeypatch.setattr(composing, "load_section_model", lambda: model)
    scheme = Scheme(sections=rules)
    handout = composing.compose(clusters, scheme, replace(TOPIC, scheme=scheme), CLINIC)
    return {c.id: section.key for section in handout.sections for entry in section.entries
            for c in (entry.cluster, *entry.items)}


# A model that has seen pages stay in their section under one heading 9 times in 10, and move
# freely after a new heading; it knows no words (the scores below stand in for them).
PAGE_MODEL = SectionModel(counts={}, statements={}, transitions={
    "same": {"expect": {"expect": 9, "given": 1}, "given": {"given": 9, "expect": 1}},
    "new": {"expect": {"expect": 1, "given": 1, "call": 1}, "given": {"given": 1, "expect": 1, "call": 1}}})


def _place_page(monkeypatch, scores, headings, items=()):
    """Compose one page whose statements (the first len(headings) texts of scores, in order, under
    those headings) and list items ((lead's index, text)) score as given (model and keywords)."""
    from tests.test_compose import cluster

    page = [cluster(text, "sources/t/a.txt", line=n, heading=heading)
            for n, (text, heading) in enumerate(zip(list(scores)[:len(headings)], headings), 3)]
    listed = [cluster(text, "sources/t/a.txt", kind="item", lead=page[lead].canonical.id, line=50 + n)
              for n, (lead, text) in enumerate(items)]
    placed = _compose_scored(monkeypatch, scores, page + listed, PAGE_MODEL, with_call=True)
    return {c.canonical.text: placed[c.id] for c in page + listed if c.id in placed}


def test_a_page_is_placed_in_order_a_passage_together_but_not_a_clear_outlier(monkeypatch):
    scores = {  # each statement's own scores, as the model and keywords would give them
        "Arrive ten minutes early please.": {"expect": 3.0, "given": 0.0, "call": -5.0, "more": -5.0},
        "The drip runs for an hour or so.": {"expect": 0.0, "given": 1.0, "call": -5.0, "more": -5.0},  # close
        "Bring a book or some music along.": {"expect": 2.0, "given": 0.0, "call": -5.0, "more": -5.0},
        "A pump gives the medicine by tube.": {"expect": -4.0, "given": 3.0, "call": -5.0, "more": -5.0},  # clear
        "Call us if you feel unwell then.": {"expect": 0.5, "given": -5.0, "call": 1.5, "more": -5.0},
    }
    headings = ["On the day"] * 4 + ["If you feel ill"]
    placed = _place_page(monkeypatch, scores, headings)
    assert placed["The drip runs for an hour or so."] == "expect"  # a close call follows its passage
    assert placed["A pump gives the medicine by tube."] == "given"  # a clear outlier keeps its own
    assert placed["Call us if you feel unwell then."] == "call"  # after a new heading, a lead moves it
    # The same close call under its own heading is its own: the passage no longer holds it.
    placed = _place_page(monkeypatch, scores, ["On the day", "The drip", "On the day", "On the day", "If ill"])
    assert placed["The drip runs for an hour or so."] == "given"


def test_a_paragraph_stays_together_where_the_next_one_may_leave_its_heading(monkeypatch):
    from tests.test_compose import cluster

    scores = {
        "Arrive ten minutes early please.": {"expect": 3.0, "given": 0.0, "more": -5.0},
        "The drip itself runs for about an hour.": {"expect": 0.0, "given": 1.5, "more": -5.0},
    }
    first, second = scores
    # One paragraph (one block: its statements share its first line): the second sentence stays.
    together = [cluster(first, "sources/t/a.txt", line=3, heading="On the day"),
                cluster(second, "sources/t/a.txt", line=3, heading="On the day")]
    placed = _compose_scored(monkeypatch, scores, together)
    assert placed[together[1].id] == "expect"
    # The same sentence opening the next paragraph under that heading goes where its words say.
    apart = [cluster(first, "sources/t/a.txt", line=3, heading="On the day"),
             cluster(second, "sources/t/a.txt", line=5, heading="On the day")]
    placed = _compose_scored(monkeypatch, scores, apart)
    assert placed[apart[1].id] == "given"
    assert [step_between(3, "On the day", line, heading) for line, heading in
            ((3, "On the day"), (5, "On the day"), (5, "The drip"))] == ["para", "same", "new"]


def test_a_statement_several_pages_make_goes_where_most_of_their_flows_put_it(monkeypatch):
    from dataclasses import replace as replaced

    from tests.test_compose import cluster

    scores = {
        "Arrive ten minutes early please.": {"expect": 4.0, "given": 0.0, "more": -5.0},
        "A pump gives the medicine by tube.": {"expect": 0.0, "given": 4.0, "more": -5.0},
        "It takes about an hour in all.": {"expect": 0.0, "given": 0.0, "more": -5.0},  # says neither
    }
    arrive, pump, hour = scores
    # Three pages say "It takes about an hour in all." in one paragraph with what comes before it:
    # after arriving on the first page (the canonical wording's), after the pump on the other two.
    pages = {"sources/t/a.txt": arrive, "sources/t/b.txt": pump, "sources/t/c.txt": pump}
    before = [cluster(text, page, line=3) for page, text in pages.items()]
    wordings = [cluster(hour, page, line=3).canonical for page in pages]
    merged = replaced(cluster(hour, "sources/t/a.txt", line=3), members=tuple(wordings),
                      sources=tuple(pages), canonical=wordings[0])
    placed = _compose_scored(monkeypatch, scores, [*before, merged])
    assert placed[merged.id] == "given"
    # Made by the first page alone, its page's flow decides.
    alone = cluster(hour, "sources/t/a.txt", line=3)
    assert _compose_scored(monkeypatch, scores, [*before, alone])[alone.id] == "expect"


def test_a_lead_in_goes_where_its_list_says(monkeypatch):
    scores = {
        "Arrive ten minutes early please.": {"expect": 3.0, "given": 0.0, "call": -5.0, "more": -5.0},
        "Tell us straight away if you have:": {"expect": 0.0, "given": -5.0, "call": -0.5, "more": -5.0},
        "a temperature of 38C or higher": {"expect": -3.0, "given": -5.0, "call": 1.0, "more": -5.0},
        "shivering or feeling very unwell": {"expect": -3.0, "given": -5.0, "call": 1.0, "more": -5.0},
    }
    items = [(1, "a temperature of 38C or higher"), (1, "shivering or feeling very unwell")]
    placed = _place_page(monkeypatch, scores, ["Before you come", "Fever"], items)
    assert placed["Tell us straight away if you have:"] == "call"  # its own words lean the other way


def test_a_sections_prior_is_its_share_of_a_page_whose_scheme_has_it():
    # "side effects" is labelled on the pages of four topics, "late effects" on one topic's pages:
    # pooled, the first would be favoured fourfold on a page where both can be chosen.
    pooled = SectionModel(counts={"side": {"skin": 1}, "late": {"skin": 1}}, statements={"side": 400, "late": 100})
    per_page = replace(pooled, pages={"side": 400, "late": 100})
    keys = ["side", "late"]
    assert pooled.log_posteriors(["skin"], keys)["side"] > pooled.log_posteriors(["skin"], keys)["late"] + 1
    assert per_page.log_posteriors(["skin"], keys)["side"] == pytest.approx(per_page.log_posteriors(["skin"], keys)["late"])


def test_the_page_model_backs_off_to_staying_or_moving_for_a_section_it_never_saw():
    keys = ["expect", "given", "call", "own"]  # "own": a topic's own section, never labelled
    for step in STEPS:
        for previous in keys:
            total = sum(math.exp(PAGE_MODEL.log_transition(previous, key, step, keys)) for key in keys)
            assert total == pytest.approx(1.0)  # a distribution over the scheme's sections
    assert PAGE_MODEL.log_transition("expect", "own", "same", keys) > -math.inf
    stay, move = (PAGE_MODEL.log_transition("own", key, "same", keys) for key in ("own", "expect"))
    assert stay > move  # unseen: the plain prior, that a passage stays where it is
    flat = {key: 0.0 for key in keys}
    clear = {key: (4.0 if key == "own" else 0.0) for key in keys}
    assert PAGE_MODEL.best_path([flat, clear, flat], ["new", "same", "same"], keys)[1] == "own"
    assert PAGE_MODEL.best_path([], [], keys) == []
    with pytest.raises(ValueError, match="unknown step"):
        PAGE_MODEL.log_transition("own", "own", True, keys)  # type: ignore[arg-type]


def test_a_definition_of_the_topic_goes_under_the_first_heading_though_its_words_say_how_it_works(monkeypatch):
    from dataclasses import replace

    from pipeline.config import Scheme, SectionRule
    from pipeline.text import compose as composing
    from pipeline.text.statement_kinds import says_what_topic_is
    from tests.test_compose import CLINIC, TOPIC, cluster

    rules = (SectionRule("about", "What is chemotherapy?"),
             SectionRule("works", "How does it work?", keywords=("destroy", "cancer cells", "dividing")),
             SectionRule("more", "More", fallback=True))
    scheme = Scheme(sections=rules)
    topic = replace(TOPIC, scheme=scheme, name="chemotherapy")
    defined = "Chemotherapy, often called chemo, is a treatment that destroys cancer cells."
    working = "The medicines destroy cancer cells that are dividing."
    # Both statements' words say "how it works" (the model and keywords, as they score them).
    monkeypatch.setattr(composing, "_section_scores", lambda text, *_: (
        {"about": -2.0, "works": 2.0, "more": -6.0}, {"about": 0, "works": 2, "more": 0}, True))
    monkeypatch.setattr(composing, "load_section_model", lambda: PAGE_MODEL)
    page = [cluster(defined, "sources/t/a.txt", line=3, heading="Chemotherapy"),
            cluster(working, "sources/t/b.txt", line=4, heading="Chemotherapy")]
    handout = composing.compose(page, scheme, topic, CLINIC)
    placed = {entry.cluster.canonical.text: section.key for section in handout.sections for entry in section.entries}
    assert placed == {defined: "about", working: "works"}
    # What it is, not what is done with it or what it uses.
    assert says_what_topic_is("CT scans are among the most common tests.", "CT scan")
    assert says_what_topic_is("Immunotherapy (IO) means treatments that help your immune system.", "immunotherapy")
    assert not says_what_topic_is("Chemotherapy is given in cycles.", "chemotherapy")
    assert not says_what_topic_is("A CT scan uses X-rays, so there is a small dose of radiation.", "CT scan")
    assert not says_what_topic_is("Chemotherapy is a treatment that uses medicines.", "chemotherapy", "fr")


def test_a_verdict_on_the_topic_is_no_definition_of_it():
    from pipeline.text.statement_kinds import defines_topic, says_what_topic_is

    for verdict in ("Immunotherapy is a major hope in the fight against cancer.",
                    "Immunotherapy is one of the most promising advances in cancer care.",
                    "Immunotherapies are a real breakthrough."):
        assert not says_what_topic_is(verdict, "immunotherapy") and not defines_topic(verdict, "immunotherapy")
    # What it is, though its sentence goes on to what it gives.
    for definition in ("Immunotherapy is a treatment that gives hope to many people.",
                       "Immunotherapy is a type of treatment that helps your immune system, and a major advance."):
        assert says_what_topic_is(definition, "immunotherapy") and defines_topic(definition, "immunotherapy")
