"""Readability: syllables, sentences and the Flesch-Kincaid grade of known texts."""

import pytest

from pipeline.text.readability import flesch_kincaid_grade, syllable_count

SIMPLE = "The cat sat on the mat."
ACADEMIC = (
    "The epistemological considerations underlying contemporary immunotherapeutic interventions "
    "necessitate a comprehensive reevaluation of established oncological paradigms, particularly "
    "regarding the heterogeneity of individual immunological responses."
)
PATIENT = "You may feel tired. Call us if you have a rash. Drink plenty of water."


@pytest.mark.parametrize("word, syllables", [
    # one-syllable words, with silent endings
    ("the", 1), ("a", 1), ("cat", 1), ("make", 1), ("cells", 1), ("asked", 1), ("yields", 1),
    ("whose", 1), ("lives", 1),
    # words pyphen does not split at all, or too little
    ("every", 3), ("area", 3), ("idea", 3), ("via", 2), ("quiet", 2), ("medicine", 3),
    ("able", 2), ("very", 2), ("melanoma", 4), ("surgery", 3), ("leukaemia", 4),
    # spoken -es / -ed, hiatus, -le, y as a vowel or a consonant
    ("changes", 2), ("wanted", 2), ("going", 2), ("table", 2), ("rhythm", 2), ("employee", 3),
    # long words, where one-syllable endings (-tion, -cian) must not count twice
    ("immunotherapy", 6), ("chemotherapy", 5), ("inflammation", 4), ("physician", 3),
    ("completely", 3), ("epistemological", 7),
    # forms that are not plain words
    ("Patient's", 2), ("well-known", 2), ("naïve", 2),
])
def test_syllable_count(word, syllables):
    assert syllable_count(word) == syllables


def test_known_grades():
    # 6 words, 6 syllables, 1 sentence: 0.39*6 + 11.8 - 15.59 = -1.45
    assert flesch_kincaid_grade(SIMPLE) == pytest.approx(-1.45, abs=0.01)
    assert flesch_kincaid_grade(ACADEMIC) > 16
    assert flesch_kincaid_grade(PATIENT) < 3


def test_grade_rises_with_long_sentences_and_long_words():
    short = flesch_kincaid_grade("It is a drug. It helps you. It is safe.")
    long_sentence = flesch_kincaid_grade("It is a drug that helps you and it is safe.")
    long_words = flesch_kincaid_grade("Immunotherapy stimulates immunity. Medication supports recovery.")
    assert short < long_sentence < 8 < long_words


@pytest.mark.parametrize("text, language", [
    ("", "en"), ("   \n ", "en"), ("12 34 56.", "en"),  # no words
    ("Le chat est sur le tapis.", "fr"), ("Der Hund.", "de-DE"),  # no formula
])
def test_none_without_words_or_formula(text, language):
    assert flesch_kincaid_grade(text, language) is None


@pytest.mark.parametrize("language", ["en", "EN", "en-GB", "en_US"])
def test_english_variants(language):
    assert flesch_kincaid_grade(SIMPLE, language) == pytest.approx(-1.45, abs=0.01)


@pytest.mark.parametrize("joined, separate", [
    # a line is a sentence even without a full stop (list items, headings)
    ("Fatigue\nSkin rash\nDiarrhoea", "Fatigue. Skin rash. Diarrhoea."),
    # abbreviations and decimals do not end a sentence; a capital after a full stop does
    ("Take 2.5 mg, e.g. with food. Then rest.", "Take mg, e.g. with food. Then rest."),
    # closing quotes after the full stop
    ("He said “stop.” Then it ended!", "He said stop. Then it ended!"),
])
def test_sentence_boundaries(joined, separate):
    assert flesch_kincaid_grade(joined) == pytest.approx(flesch_kincaid_grade(separate))


def test_one_long_line_without_punctuation_is_one_sentence():
    items = "Fatigue\nRash\nNausea\nCough"
    assert flesch_kincaid_grade(items.replace("\n", " ")) > flesch_kincaid_grade(items)
