"""Conflicts: differing figures, opposite evaluations and certainty vs hedge are listed, nothing else."""

import os
from pathlib import Path

import pytest

from pipeline.models import Cluster, Fact
from pipeline.review.conflicts import find_conflicts
from pipeline.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parents[1]
TERMS = [
    "melanoma", "lung cancer", "skin cancer", "breast cancer", "prostate cancer", "kidney cancer",
    "bladder cancer", "skin reaction", "chemotherapy", "fatigue", "diarrh", "rash", "ent",
]  # fmt: skip
WORDS = Vocabulary(tuple(TERMS))


def cluster(text, source="s1.txt", line=1):
    fact = Fact(id=f"f{line}", text=text, original=text, source=f"sources/t/{source}", line=line, kind="sentence")
    return Cluster(id=f"c{source[:2]}{line:03d}", canonical=fact, members=(fact,), sources=(fact.source,))


def conflicts_between(a, b):
    return find_conflicts([cluster(a, "s1.txt", 1), cluster(b, "s2.txt", 2)], WORDS)


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
        # a comparative is no evaluation of its own
        ("It is less effective for melanoma.", "It is effective for melanoma."),
        ("It is not more effective for melanoma than chemotherapy.", "It is effective for melanoma."),
        # hedges that do not exclude each other
        ("Only a minority of patients respond.", "25% of patients respond."),
        ("Not all patients experience side effects.", "15% of patients have severe side effects."),
        ("A minority of patients have side effects.", "Most patients respond to it."),
    ],
)
def test_agreement_or_different_subjects_is_not_listed(a, b):
    assert conflicts_between(a, b) == ()


@pytest.mark.parametrize(
    "a, b, subject",
    [
        # thresholds of body temperature, °F converted to °C
        ("Ring the ward if your temperature rises above 38°C.", "Phone us when your temperature is over 38.5°C.", "body temperature (above a threshold)"),
        ("Seek help for a fever of 101°F or above.", "Seek help if your temperature is higher than 38°C.", "body temperature (above a threshold)"),
        ("A fever means a temperature of 38 ℃ or more.", "A fever means a temperature of 99.5 degrees Fahrenheit or more.", "body temperature (above a threshold)"),
        ("Tell the nurse if your temperature drops below 35°C.", "Tell the nurse if your temperature is lower than 36°C.", "body temperature (below a threshold)"),
        # "fever" names the aspect, not a subject of its own
        ("Phone us if you get a fever above 37.8°C.", "Phone us if your temperature goes above 38.5°C.", "body temperature (above a threshold)"),
    ],
)
def test_different_temperature_thresholds_are_listed(a, b, subject):
    (conflict,) = conflicts_between(a, b)
    assert (conflict.kind, conflict.subject) == ("numbers", subject)


@pytest.mark.parametrize(
    "a, b",
    [
        # one threshold in two units, or rounded in conversion
        ("Phone us for a fever of 100.4°F (38°C) or higher.", "Phone us if your temperature is 38°C or above."),
        ("Phone us if your temperature is over 100°F.", "Phone us if your temperature is over 38°C."),
        ("Phone us if your temperature reaches 38 degrees C or more.", "Phone us for a fever of 100.4 ℉ or above."),
        # thresholds pointing different ways, a normal value, storage, a plain value, a negated figure
        ("Phone us if your temperature drops below 36°C.", "Phone us if your temperature goes above 38°C."),
        ("A normal temperature is about 37°C.", "Phone us if your temperature is 38°C or higher."),
        ("Keep the vials at room temperature, below 25°C.", "Phone us if your temperature falls below 35°C."),
        ("A high temperature is 38°C.", "Phone us if your temperature goes above 37.5°C."),
        ("Do not take paracetamol if your temperature is above 37.5°C.", "Phone us if your temperature is above 38°C."),
        # degrees of an angle are no temperature
        ("Sit at 45° during the infusion.", "Sit at 30° during the infusion."),
    ],
)
def test_same_or_unrelated_temperatures_are_not_listed(a, b):
    assert conflicts_between(a, b) == ()


@pytest.mark.parametrize(
    "a, b",
    [
        ("Each treatment takes 10 minutes.", "Each session lasts 20 minutes."),
        ("A treatment usually takes 20 to 30 minutes.", "Each treatment takes about an hour and a half, or 90 minutes."),
        ("Every visit takes 2 hours.", "Each visit takes 45 minutes."),
    ],
)
def test_different_session_lengths_with_takes_are_listed(a, b):
    (conflict,) = conflicts_between(a, b)
    assert (conflict.kind, conflict.subject) == ("numbers", "length of a session")


@pytest.mark.parametrize(
    "a, b",
    [
        ("Each visit takes about 2 hours.", "Each visit takes about 120 minutes."),
        ("Each treatment takes 10 minutes.", "It takes 30 minutes to drive to the clinic."),
        ("The scan takes 20 minutes.", "Each treatment takes 10 minutes."),
        ("Each treatment takes 10 minutes.", "The whole course of treatment takes 6 weeks."),
    ],
)
def test_same_or_other_durations_with_takes_are_not_listed(a, b):
    assert conflicts_between(a, b) == ()


@pytest.mark.parametrize(
    "a, b, subject",
    [
        # a comparison and its negation, "not always" against a plain claim
        ("Hormone drugs cause fewer side effects than chemotherapy.", "Hormone therapies are not always gentler than chemotherapy.", "side effects: chemotherapy vs hormone therapy"),
        ("Immunotherapy causes fewer side effects than chemotherapy.", "Immunotherapy is not better tolerated than chemotherapy.", "side effects: chemotherapy vs immunotherapy"),
        ("Compared with chemotherapy, biological drugs are milder.", "Biological therapy is not necessarily gentler than chemotherapy.", "side effects: biological therapy vs chemotherapy"),
        ("Immunotherapy works better than chemotherapy.", "Immunotherapy is no more effective than chemotherapy.", "effectiveness: chemotherapy vs immunotherapy"),
        # opposite claims, the pair named either way round
        ("Checkpoint inhibitors are better tolerated than chemotherapy.", "Checkpoint inhibitors are less well tolerated than chemotherapy.", "side effects: checkpoint inhibitor vs chemotherapy"),
        ("Hormone therapy is gentler than chemotherapy.", "Chemotherapy is gentler than hormone drugs.", "side effects: chemotherapy vs hormone therapy"),
        ("Immunotherapy is more effective than chemotherapy.", "Chemotherapy works better than immunotherapy.", "effectiveness: chemotherapy vs immunotherapy"),
        # one of several treatments compared with; a key term naming the case
        ("Immunotherapy is gentler than chemotherapy, radiotherapy and surgery.", "Immunotherapy is not gentler than surgery.", "side effects: immunotherapy vs surgery"),
        ("For melanoma, immunotherapy is more effective than chemotherapy.", "For melanoma, immunotherapy is not more effective than chemotherapy.", "melanoma: effectiveness: chemotherapy vs immunotherapy"),
    ],
)
def test_contradicting_comparisons_are_listed(a, b, subject):
    (conflict,) = conflicts_between(a, b)
    assert (conflict.kind, conflict.subject) == ("negation", subject)
    assert "than" in conflict.reason or "ompared" in conflict.reason


@pytest.mark.parametrize(
    "a, b",
    [
        # the same claim in other words, or from the other side
        ("Targeted drugs cause fewer side effects than chemotherapy.", "Targeted therapies are better tolerated than chemotherapy."),
        ("Targeted drugs cause fewer side effects than chemotherapy.", "Chemotherapy causes more side effects than targeted drugs."),
        # a hedge against a hedge; a denial against the opposite claim
        ("Targeted drugs often cause fewer side effects than chemotherapy.", "Targeted therapies are not always gentler than chemotherapy."),
        ("Targeted drugs are not more toxic than chemotherapy.", "Targeted drugs are gentler than chemotherapy."),
        ("Targeted drugs are not gentler than chemotherapy.", "Targeted drugs are harsher than chemotherapy."),
        ("Targeted drugs can be gentler than chemotherapy.", "Targeted drugs are harsher than chemotherapy."),
        # other treatments, other aspects, other cancers
        ("Targeted drugs cause fewer side effects than chemotherapy.", "Immunotherapy is not always gentler than chemotherapy."),
        ("Targeted drugs cause fewer side effects than chemotherapy.", "Targeted drugs are not gentler than radiotherapy."),
        ("Targeted drugs cause fewer side effects than chemotherapy.", "Targeted therapies are not always more effective than chemotherapy."),
        ("For melanoma, immunotherapy is more effective than chemotherapy.", "For lung cancer, immunotherapy is not more effective than chemotherapy."),
        # vague or missing treatments, combinations, comparisons with no treatment, questions
        ("These drugs cause fewer side effects than chemotherapy.", "Other drugs are not gentler than chemotherapy."),
        ("They cause fewer side effects than chemotherapy.", "It is not gentler than chemotherapy."),
        ("Chemotherapy with immunotherapy is more effective than radiotherapy.", "Immunotherapy is not more effective than radiotherapy."),
        ("Immunotherapy gives better results than expected.", "Immunotherapy is not more effective than chemotherapy."),
        ("Is immunotherapy gentler than chemotherapy?", "Immunotherapy is not gentler than chemotherapy."),
        ("Side effects are milder than with chemotherapy.", "Radiotherapy is not gentler than chemotherapy."),
    ],
)
def test_agreeing_or_unrelated_comparisons_are_not_listed(a, b):
    assert conflicts_between(a, b) == ()


@pytest.mark.parametrize(
    "a, b, kind, subject",
    [
        ("Surgery is more effective than radiotherapy.", "Radiation therapy is more effective than surgery.", "negation", "effectiveness: radiotherapy vs surgery"),
        ("Surgery is gentler than radiotherapy.", "Radiation treatment is gentler than surgery.", "negation", "side effects: radiotherapy vs surgery"),
        ("Each radiotherapy session lasts 15 minutes.", "Each radiation therapy session lasts 40 minutes.", "numbers", "radiotherapy: length of a session"),
        ("Radiotherapy is effective for lung cancer.", "Radiation therapy does not work for lung cancer.", "negation", "lung cancer"),
    ],
)
def test_synonyms_make_one_subject(a, b, kind, subject):
    terms = [*TERMS, "radiotherapy", "radiation therapy"]
    clusters = [cluster(a, "s1.txt", 1), cluster(b, "s2.txt", 2)]
    assert find_conflicts(clusters, Vocabulary(tuple(terms))) == ()  # without synonyms: two subjects
    synonyms = (("radiotherapy", "radiation therapy", "radiation treatment"),)
    (conflict,) = find_conflicts(clusters, Vocabulary(tuple(terms), synonyms))
    assert (conflict.kind, conflict.subject) == (kind, subject)


def test_a_source_contradicting_itself_is_listed_as_such():
    a = cluster("It is effective for melanoma.", "s1.txt", 3)
    b = cluster("It is not effective for melanoma.", "s1.txt", 9)
    (conflict,) = find_conflicts([a, b], WORDS)
    assert conflict.within_one_source
    assert conflict.reason.startswith("Within one source (s1.txt), line 3")


def test_a_shared_source_is_named_with_its_own_lines():
    a = cluster("It is effective for melanoma.", "s1.txt", 3)
    b = cluster("It is not effective for melanoma.", "s2.txt", 4)
    copy = Fact(id="f40", text=b.canonical.text, original=b.canonical.text, source="sources/t/s1.txt", line=40, kind="sentence")
    b = Cluster(id=b.id, canonical=b.canonical, members=(copy, b.canonical), sources=("sources/t/s1.txt", "sources/t/s2.txt"))
    (conflict,) = find_conflicts([a, b], WORDS)
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
    found = find_conflicts(clusters, WORDS)
    assert find_conflicts(list(reversed(clusters)), WORDS) == found
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
    (conflict,) = find_conflicts([a, b], WORDS)
    assert conflict.kind == "negation" and conflict.subject == "melanoma"
    assert '"effective"' in conflict.reason and '"not effective"' in conflict.reason


def test_samples_show_the_known_disagreements(monkeypatch):
    from pipeline.prepare import prepare
    from pipeline.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", os.environ.get("SOURCE_DATE_EPOCH", "1700000000"))
    config = load_config(ROOT)
    topic = next(t for t in config.topics if t.key == "immunotherapy")
    # Found on the sources' wording, before the editor's decisions (the shipped ones reword both sides).
    found = prepare(config, topic).conflicts
    pairs = {(c.kind, c.first.canonical.text, c.second.canonical.text): c for c in found}

    def pair(kind, *snippets):
        return [c for (k, x, y), c in pairs.items() if k == kind and all(s in x + " " + y for s in snippets)]

    (cancers,) = pair("negation", "not conclusive for breast cancer", "promising results for prostate")
    assert cancers.subject == "breast cancer, prostate cancer"
    assert cancers.first.sources != cancers.second.sources
    (figures,) = pair("numbers", "20 to 40% of patients", "25% of those treated")
    assert "20 to 40%" in figures.reason and "25%" in figures.reason
    assert len(found) == 2  # nothing else: no false alarms on the sample topic
