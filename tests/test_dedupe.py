"""Dedupe: same statements cluster, distinct content never merges, near-linear blocking."""

from dataclasses import replace

import pytest

from pipeline.models import Fact
from pipeline.text.dedupe import dedupe, profile
from pipeline.vocabulary import Vocabulary

TERMS = ("melanoma", "lung cancer", "skin cancer", "chemotherapy", "fatigue", "diarrh", "rash", "vaccine")
WORDS = Vocabulary(TERMS)

# Filler sentences give the rarity weights a realistic corpus to work from.
FILLER = [
    "The immune system protects the body against infections.",
    "Doctors monitor patients closely during the treatment.",
    "Studies are still being conducted on new combinations.",
    "Treatment is given in a day hospital by a nurse.",
    "Cancer cells can hide from the immune system.",
    "Patients should talk to their doctor about the benefits.",
    "Research in this field continues to progress quickly.",
    "Some treatments act directly on tumour cells.",
]


def fact(index, text, source="s1.txt"):
    return Fact(id=f"f{index:03d}", text=text, original=text, source=f"sources/t/{source}", line=index, kind="sentence")


def clusters_of(pairs):
    facts = [fact(i, t, s) for i, (t, s) in enumerate(pairs, start=1)]
    facts += [fact(100 + i, t, "filler.txt") for i, t in enumerate(FILLER)]
    return dedupe(facts, WORDS)


def together(clusters, a, b):
    return any({a, b} <= {m.text for m in c.members} for c in clusters)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Immunotherapy is better tolerated than chemotherapy.", "Immunotherapy is generally better tolerated than chemotherapy."),
        ("The immune system is the body’s natural defence system.", "The immune system is the body's natural defense system."),
        ("Tumours can escape the immune system.", "Tumors can escape the immune system."),
        ("Side effects must be reported early to the care team.", "All side effects must be reported early to your care team."),
        ("It is used in lung cancer and melanoma.", "It is used in melanoma and lung cancer."),
    ],
)
def test_same_statement_merges(a, b):
    clusters = clusters_of([(a, "s1.txt"), (b, "s2.txt")])
    assert together(clusters, a, b)
    (merged,) = [c for c in clusters if a in {m.text for m in c.members}]
    assert merged.support == 2 and merged.sources == ("sources/t/s1.txt", "sources/t/s2.txt")


@pytest.mark.parametrize(
    "a, b",
    [
        # differing numbers, durations, negation, drug class, side effect, cancer type
        ("About 15% of patients have severe side effects.", "About 25% of patients have severe side effects."),
        ("Sessions last 30 minutes every 2 weeks.", "Sessions last 30 minutes every 3 weeks."),
        ("Immunotherapy is effective for breast cancer.", "Immunotherapy is not effective for breast cancer."),
        ("It is often combined with chemotherapy in practice.", "It is often combined with a vaccine in practice."),
        ("A common side effect is fatigue after each dose.", "A common side effect is diarrhoea after each dose."),
        ("It works best in melanoma among all cancers.", "It works best in lung cancer among all cancers."),
    ],
)
def test_distinct_content_never_merges(a, b):
    clusters = clusters_of([(a, "s1.txt"), (b, "s2.txt")])
    assert not together(clusters, a, b)


def test_canonical_carries_all_key_information():
    short = "Immunotherapy is used to treat melanoma."
    full = "Immunotherapy is used to treat melanoma, a type of skin cancer."
    clusters = clusters_of([(short, "s1.txt"), (full, "s2.txt")])
    (cluster,) = [c for c in clusters if short in {m.text for m in c.members}]
    assert cluster.canonical.text == full
    assert {m.text for m in cluster.members} == {short, full}


def test_contained_statement_joins_the_longer_one():
    short = "The immune system is the body’s natural defense system."
    long = "The goal of immunotherapy is to fight cancer by stimulating the immune system, our body’s natural defense system."
    clusters = clusters_of([(short, "s1.txt"), (long, "s2.txt")])
    assert together(clusters, short, long)


def test_every_fact_lands_in_exactly_one_cluster_and_output_is_deterministic():
    pairs = [(t, f"s{i % 3}.txt") for i, t in enumerate(FILLER * 3)]
    first = clusters_of(pairs)
    members = [m.id for c in first for m in c.members]
    assert len(members) == len(set(members)) == len(pairs) + len(FILLER)
    assert [c.id for c in clusters_of(pairs)] == [c.id for c in first]
    exact = [c for c in first if c.canonical.text == FILLER[0]]
    assert len(exact) == 1 and len(exact[0].members) == 4


def test_profile_reads_numbers_terms_and_negation():
    prof = profile("Diarrhoea does not occur in 20 to 40% of patients.", Vocabulary(("diarrh",)))
    assert prof.numbers == {"20", "40"} and prof.terms == {"diarrh"} and prof.negated


def test_synonyms_join_wordings_but_key_terms_are_read_as_written():
    a, b = "Radiotherapy does not make you radioactive at all.", "Radiation therapy does not make you radioactive at all."
    facts = [fact(1, a, "s1.txt"), fact(2, b, "s2.txt")] + [fact(100 + i, t, "filler.txt") for i, t in enumerate(FILLER)]
    assert not together(dedupe(facts, WORDS), a, b)
    assert together(dedupe(facts, Vocabulary(TERMS, (("radiotherapy", "radiation therapy"),))), a, b)
    items = [Fact(id=f"i{i}", text=t, original=t, source=f"sources/t/s{i}.txt", line=1, kind="item")
             for i, t in enumerate(["Tiredness", "Tiredness (fatigue)"])]
    (merged,) = dedupe(items, Vocabulary(TERMS, (("fatigue", "tiredness"),)))
    assert merged.canonical.text == "Tiredness (fatigue)"  # it names the key term; nothing hidden


def _item(fid, text, lead, source):
    return Fact(id=fid, text=text, original=text, source=f"sources/t/{source}", line=5, kind="item", lead=lead)


def _lead(fid, text, source):
    return Fact(id=fid, text=text, original=text, source=f"sources/t/{source}", line=4, kind="sentence")


def test_list_items_merge_only_under_lists_about_the_same_thing():
    same = [_lead("l1", "Common side effects include:", "a.txt"), _item("i1", "Fatigue", "l1", "a.txt"),
            _lead("l2", "The most common side effects are:", "b.txt"), _item("i2", "Fatigue", "l2", "b.txt")]
    assert sum(len(c.members) for c in dedupe(same, WORDS) if c.canonical.text == "Fatigue") == 2
    other = [_lead("l1", "Common side effects of chemotherapy include:", "a.txt"), _item("i1", "Fatigue", "l1", "a.txt"),
             _lead("l2", "Common side effects of a vaccine include:", "b.txt"), _item("i2", "Fatigue", "l2", "b.txt")]
    assert [len(c.members) for c in dedupe(other, WORDS) if c.canonical.text == "Fatigue"] == [1, 1]
    # Alike lead-ins whose lists share an item introduce one list: they merge, so it prints whole.
    (lead,) = [c for c in dedupe(same, WORDS) if c.canonical.role == "lead"]
    assert {m.id for m in lead.members} == {"l1", "l2"}
    # A lead-in means what its list says: alike lead-ins of lists with nothing in common stay apart,
    # and so do lead-ins of different meaning, whatever their lists share.
    apart = [_lead("l1", "Common side effects include:", "a.txt"), _item("i1", "Fatigue", "l1", "a.txt"),
             _lead("l2", "The most common side effects are:", "b.txt"), _item("i2", "Rash", "l2", "b.txt")]
    assert sum(c.canonical.role == "lead" for c in dedupe(apart, WORDS)) == 2
    urgent = [_lead("l1", "Common side effects include:", "a.txt"), _item("i1", "Fatigue", "l1", "a.txt"),
              _lead("l2", "Call the hotline straight away if you have:", "b.txt"), _item("i2", "Fatigue", "l2", "b.txt")]
    assert sum(c.canonical.role == "lead" for c in dedupe(urgent, WORDS)) == 2


def test_a_lead_in_that_points_back_means_what_its_sentence_before_says():
    # "They can include:" after late effects and after early side effects are two lists: merging
    # the lead-ins would print one list of both under one heading, late effects among early ones.
    def page(source, host, items):
        facts = [Fact(id=f"{source}-h", text=host, original=host, source=f"sources/t/{source}", line=3, kind="sentence"),
                 replace(_lead(f"{source}-l", "They can include:", source), after=f"{source}-h")]
        return facts + [_item(f"{source}-i{n}", text, f"{source}-l", source) for n, text in enumerate(items)]

    late = page("a.txt", "Some side effects develop months or years after treatment.",
                ["Swelling of an arm or leg (lymphoedema)", "Changes to fertility"])
    early = page("b.txt", "Side effects build up slowly over the weeks of treatment.",
                 ["Red, dry or itchy skin", "Changes to fertility"])
    clusters = dedupe(late + early + [fact(100 + i, t, "filler.txt") for i, t in enumerate(FILLER)], WORDS)
    assert sum(c.canonical.role == "lead" for c in clusters) == 2
    assert sum(c.canonical.text == "Changes to fertility" for c in clusters) == 2
    # The same words after the same kind of sentence still introduce one list, printed whole.
    again = page("c.txt", "Some side effects can develop months or years after treatment.",
                 ["Changes to fertility", "Scarring in the treated area"])
    leads = [c for c in dedupe(late + again, WORDS) if c.canonical.role == "lead"]
    assert [len(c.members) for c in leads] == [2]


def test_an_item_shared_by_lists_of_different_meaning_stays_in_both():
    # "Hair loss" is in a list of common side effects and in a list of what to report: merging the
    # two items would leave one of the lists short of it, so each list keeps its own.
    facts = [_lead("l1", "Common side effects of chemotherapy include:", "a.txt"),
             _item("i1", "Hair loss in the treated area", "l1", "a.txt"), _item("i2", "Tiredness", "l1", "a.txt"),
             _lead("l2", "Tell your nurse about any of these:", "b.txt"),
             _item("i3", "Hair loss in the treated area", "l2", "b.txt"), _item("i4", "A fever", "l2", "b.txt")]
    clusters = dedupe(facts + [fact(100 + i, t, "filler.txt") for i, t in enumerate(FILLER)], WORDS)
    lead_of = {m.id: c.canonical.id for c in clusters for m in c.members if c.canonical.role == "lead"}
    for cluster in clusters:
        if cluster.canonical.kind == "item":
            assert len({lead_of[m.lead] for m in cluster.members}) == 1, "an item cluster spans two lists"
    assert sum(c.canonical.text == "Hair loss in the treated area" for c in clusters) == 2


@pytest.mark.parametrize(
    "kind, text, role",
    [("item", "Fatigue", "item"), ("item", "Common ones:", "item"), ("sentence", "Side effects include:", "lead"),
     ("sentence", "Side effects include: ", "lead"), ("sentence", "Fatigue is common.", "sentence")],
)
def test_a_fact_role_is_what_dedupe_and_repeats_compare_within(kind, text, role):
    assert Fact(id="f1", text=text, original=text, source="sources/t/a.txt", line=1, kind=kind).role == role


def test_wordings_kept_apart_never_share_an_id():
    # A lead-in and a sentence, and one item under two lead-ins naming different treatments:
    # dedupe must not merge them, and their wordings normalise to the same key.
    facts = [
        Fact("f001", "Common side effects include:", "Common side effects include:", "sources/t/a.txt", 3, "sentence"),
        Fact("f002", "Common side effects include.", "Common side effects include.", "sources/t/b.txt", 9, "sentence"),
        Fact("f003", "Pembrolizumab (Keytruda)", "Pembrolizumab (Keytruda)", "sources/t/a.txt", 4, "item",
             lead="f001"),
        Fact("f004", "Pembrolizumab (Keytruda®)", "Pembrolizumab (Keytruda®)", "sources/t/b.txt", 12, "item",
             lead="f009"),
        Fact("f009", "Melanoma is treated with:", "Melanoma is treated with:", "sources/t/b.txt", 11, "sentence"),
    ] + [fact(100 + i, t, "filler.txt") for i, t in enumerate(FILLER)]
    clusters = dedupe(facts, WORDS)
    ids = [c.id for c in clusters]
    assert len(ids) == len(set(ids)), "two clusters share an id: one would vanish from every output"
    kept = {m.id for c in clusters for m in c.members}
    assert kept == {f.id for f in facts}
    lead = next(c for c in clusters if c.canonical.id == "f001")
    sentence = next(c for c in clusters if c.canonical.id == "f002")
    assert lead.id != sentence.id
    # The earliest keeps the plain id of its wording: adding a source never renames it.
    from pipeline.text.ids import cluster_id

    assert lead.id == cluster_id("Common side effects include:")


def test_lead_ins_that_differ_in_how_soon_to_call_never_merge_under_the_projects_key_terms():
    from pathlib import Path
    from pipeline.config import load_config
    words = load_config(Path(__file__).resolve().parent.parent).scheme.vocabulary
    soon = profile("Call your oncology team right away if you have:", words)
    today = profile("Call your oncology team the same day if you:", words)
    assert "right away" in soon.key_info and "same day" in today.key_info
    assert soon.key_info != today.key_info  # different advice: their lists must not join


def test_a_sentence_that_refers_back_never_speaks_for_other_wordings() -> None:
    # "It is one of ..." has the most words of the three, so it would be printed for them all, and
    # the leaflet would say "It" where the sources say "Chemotherapy".
    opener = fact(1, "Chemotherapy uses medicines to destroy cancer cells.", "a.txt")
    back = replace(fact(2, "It is one of the most common cancer treatments in the whole country.", "a.txt"),
                   after=opener.id)
    others = [fact(3, "Chemotherapy is one of the most common cancer treatments.", "b.txt"),
              fact(4, "Chemotherapy is one of the most common cancer treatments now.", "c.txt")]
    # The topic's own name is no key term of its scheme: every sentence of the topic has it.
    clusters = dedupe([opener, back, *others, *(fact(100 + i, t, "filler.txt") for i, t in enumerate(FILLER))],
                      Vocabulary(("melanoma",)))
    merged = next(c for c in clusters if back in c.members)
    assert len(merged.members) == 3 and merged.canonical.text.startswith("Chemotherapy"), merged.canonical.text
