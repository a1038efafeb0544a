"""Conflicts: differing figures, opposite evaluations and certainty vs hedge are listed, nothing else."""

import os
from pathlib import Path

import pytest

from pipeline.conflicts import find_conflicts
from pipeline.models import Cluster, Fact

ROOT = Path(__file__).resolve().parents[1]
TERMS = [
    "melanoma", "lung cancer", "skin cancer", "breast cancer", "prostate cancer", "kidney cancer",
    "bladder cancer", "skin reaction", "chemotherapy", "fatigue", "diarrh", "rash", "ent",
]  # fmt: skip


def cluster(text, source="s1.txt", line=1):
    fact = Fact(id=f"f{line}", text=text, original=text, source=f"sources/t/{source}", line=line, kind="sentence")
    return Cluster(id=f"c{source[:2]}{line:03d}", canonical=fact, members=(fact,), sources=(fact.source,))


def conflicts_between(a, b):
    return find_conflicts([cluster(a, "s1.txt", 1), cluster(b, "s2.txt", 2)], TERMS)


@pytest.mark.parametrize(
    "a, b, kind, subject",
    [
        # differing figures on one subject
        ("It is only effective for 20 to 40% of patients.", "About 25% of patients had a lasting response.", "numbers", "% of patients (response)"),
        ("The infusion is given every 2 weeks.", "The infusion is given every 3 weeks.", "numbers", "time between sessions"),
        ("Treatment usually lasts 6 months.", "Treatment lasts up to 2 years.", "numbers", "length of treatment"),
        ("About 15% of patients have severe side effects.", "Serious side effects affect 30% of patients.", "numbers", "% of patients (severe side effects)"),
        ("One in five patients responds to it.", "40% of patients respond to it.", "numbers", "% of patients (response)"),
        ("Each session lasts 30 minutes.", "Sessions last 60 to 90 minutes.", "numbers", "length of a session"),
        ("In melanoma, 40% of patients respond.", "In melanoma, 60 percent of patients respond.", "numbers", "melanoma: % of patients (response)"),
        ("Twenty to thirty percent of people respond.", "It works for 50% of patients.", "numbers", "% of patients (response)"),
        # a positive and a negative evaluation of the same cancer
        ("Immunotherapy is effective for lung cancer.", "It does not work for lung cancer.", "negation", "lung cancer"),
        ("It is the reference therapy for melanoma.", "It is ineffective in melanoma.", "negation", "melanoma"),
        ("It gives promising results in kidney and bladder tumours.", "It is not effective for kidney cancer.", "negation", "kidney cancer"),
        ("It has not been shown to be effective for breast cancer.", "It works well for breast cancer.", "negation", "breast cancer"),
        # certainty against a hedge
        ("All patients respond to immunotherapy.", "Only a minority of patients respond to immunotherapy.", "certainty", "% of patients (response)"),
        ("Most patients respond to the treatment.", "Only 20% of patients respond to the treatment.", "certainty", "% of patients (response)"),
    ],
)
def test_disagreement_is_listed(a, b, kind, subject):
    (conflict,) = conflicts_between(a, b)
    assert (conflict.kind, conflict.subject) == (kind, subject)
    assert {conflict.first.canonical.text, conflict.second.canonical.text} == {a, b}
    assert "s1.txt:1" in conflict.reason and "s2.txt:2" in conflict.reason
    assert not conflict.within_one_source


@pytest.mark.parametrize(
    "a, b",
    [
        # the same figure in other words or units
        ("20 to 40% of patients respond.", "Between 20 and 40 percent of patients respond."),
        ("One in four patients responds.", "25% of patients respond."),
        ("Infusions are given every 2 weeks.", "Infusions are given every 14 days."),
        ("Treatment lasts 6 months.", "Treatment lasts 26 weeks."),
        ("About 3,5% of patients have severe side effects.", "About 3.5% of patients have severe side effects."),
        ("Data on 1.250.000 patients show that 20% respond.", "Data on 1,250 patients show that 20% respond."),
        # different units are never compared
        ("Response is seen in 25% of patients.", "A response may take 16 weeks to appear."),
        ("19 studies show that many patients respond.", "25% of patients respond."),
        # figures about different subjects
        ("15% of patients have severe side effects.", "25% of patients respond to treatment."),
        ("10% of patients have mild side effects.", "15% of patients have severe side effects."),
        ("Infusions are given every 3 weeks.", "Treatment continues for 2 years."),
        ("In melanoma, 40% of patients respond.", "In lung cancer, 20% of patients respond."),
        ("25% respond to it, compared to only 11% with chemotherapy.", "25% of patients respond to it."),
        ("Studies on 11,640 patients were analysed.", "Studies on 500 patients were analysed."),
        ("It was among the developments of the last 10 years.", "Treatment extends from 6 months to several years."),
        ("It shrinks 30% of tumours.", "It works for 20% of patients."),
        # a negated figure says nothing simple
        ("It does not work in 60% of patients.", "It works for 40% of patients."),
        # evaluations of different cancers, by different agents, or not really negated
        ("It is effective for melanoma.", "It is not effective for breast cancer."),
        ("Chemotherapy is not effective for melanoma.", "Immunotherapy is effective for melanoma."),
        ("Immunotherapy does not work for all types of lung cancer.", "It is effective for lung cancer."),
        ("It is not effective for breast cancer.", "It is ineffective in breast cancer."),
        ("Is it effective for breast cancer?", "It is not effective for breast cancer."),
        ("It gives positive results in patients who no longer respond to chemotherapy.", "It is not effective after chemotherapy."),
        ("It gives promising results for skin cancer.", "Skin reactions are not effective signs of response."),
        # "kidney" stands for "kidney cancer" only where the clause speaks of cancers or tumours
        ("It is effective for kidney cancer.", "It is not effective for kidney inflammation."),
        # ... and "skin" never stands for "skin cancer", since "skin reaction" is a key term too
        ("It is effective for skin cancer.", "It is not effective for skin reactions in cancer patients."),
        ("It is not only effective for melanoma but also for lung cancer.", "It is effective for melanoma."),
        # hedges that do not exclude each other
        ("Only a minority of patients respond.", "25% of patients respond."),
        ("Not all patients experience side effects.", "15% of patients have severe side effects."),
        ("A minority of patients have side effects.", "Most patients respond to it."),
    ],
)
def test_agreement_or_different_subjects_is_not_listed(a, b):
    assert conflicts_between(a, b) == ()


def test_a_source_contradicting_itself_is_listed_as_such():
    a = cluster("It is effective for melanoma.", "s1.txt", 3)
    b = cluster("It is not effective for melanoma.", "s1.txt", 9)
    (conflict,) = find_conflicts([a, b], TERMS)
    assert conflict.within_one_source
    assert conflict.reason.startswith("Within one source (s1.txt), line 3")


def test_a_shared_source_is_named_with_its_own_lines():
    a = cluster("It is effective for melanoma.", "s1.txt", 3)
    b = cluster("It is not effective for melanoma.", "s2.txt", 4)
    copy = Fact(id="f40", text=b.canonical.text, original=b.canonical.text, source="sources/t/s1.txt", line=40, kind="sentence")
    b = Cluster(id=b.id, canonical=b.canonical, members=(copy, b.canonical), sources=("sources/t/s1.txt", "sources/t/s2.txt"))
    (conflict,) = find_conflicts([a, b], TERMS)
    assert conflict.within_one_source
    assert conflict.reason.startswith('Within one source (s1.txt), line 3 says "effective" but line 40 says "not effective"')


def test_one_conflict_per_pair_with_stable_id_and_order():
    clusters = [
        cluster("In melanoma, it is effective for 40% of patients.", "s2.txt", 5),
        cluster("In melanoma, only 10% of patients respond.", "s1.txt", 7),
        cluster("It is effective for 20% of patients with lung cancer.", "s3.txt", 1),
        cluster("It does not work for lung cancer.", "s1.txt", 2),
        cluster("It works well for lung cancer in 35% of patients.", "s2.txt", 9),
        cluster("Fatigue is common.", "s4.txt", 1),
    ]
    found = find_conflicts(clusters, TERMS)
    assert find_conflicts(list(reversed(clusters)), TERMS) == found
    assert [(c.first.id, c.second.id, c.kind, c.subject) for c in found] == [
        ("cs1002", "cs2009", "negation", "lung cancer"),
        ("cs1002", "cs3001", "negation", "lung cancer"),
        ("cs1007", "cs2005", "numbers", "melanoma: % of patients (response)"),
        ("cs2009", "cs3001", "numbers", "lung cancer: % of patients (response)"),
    ]
    assert [c.id for c in found] == ["cs1002-cs2009", "cs1002-cs3001", "cs1007-cs2005", "cs2009-cs3001"]


def test_negation_wins_over_numbers_for_one_pair():
    a = cluster("It is effective for melanoma in 40% of patients.", "s1.txt", 1)
    b = cluster("It is not effective for melanoma; 10% of patients with melanoma respond.", "s2.txt", 1)
    (conflict,) = find_conflicts([a, b], TERMS)
    assert conflict.kind == "negation" and conflict.subject == "melanoma"
    assert '"effective"' in conflict.reason and '"not effective"' in conflict.reason


def test_samples_show_the_known_disagreements(monkeypatch):
    from pipeline.build import prepare
    from pipeline.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", os.environ.get("SOURCE_DATE_EPOCH", "1700000000"))
    config = load_config(ROOT)
    topic = next(t for t in config.topics if t.key == "immunotherapy")
    found = find_conflicts(prepare(config, topic).clusters, config.scheme.key_terms)
    pairs = {(c.kind, c.first.canonical.text, c.second.canonical.text): c for c in found}

    def pair(kind, *snippets):
        return [c for (k, x, y), c in pairs.items() if k == kind and all(s in x + " " + y for s in snippets)]

    (cancers,) = pair("negation", "not conclusive for breast cancer", "promising results for prostate")
    assert cancers.subject == "breast cancer, prostate cancer"
    assert cancers.first.sources != cancers.second.sources
    (figures,) = pair("numbers", "20 to 40% of patients", "25% of those treated")
    assert "20 to 40%" in figures.reason and "25%" in figures.reason
