"""Checks a medical reviewer can trust on one translated message (issue 12): numbers as a multiset and
in order, units of time and dose in each language's CLDR words, negation, drug names, copies of the
English, waivers, and a length rule that knows scripts."""

import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.i18n.checks import SAME_AS_ENGLISH, WAIVERS, check, check_plural, copies_english, weighted_length
from pipeline.i18n.translations import load_messages

MSGFMT = shutil.which("msgfmt")

# Chinese translations of sentences of the shipped facts (written for these tests).
ZH = [
    ("Immunotherapy does not work for all types of cancers.", "免疫疗法并非对所有类型的癌症都有效。"),
    ("Depending on the cancer, treatment extends from 6 months to several years.",
     "根据癌症类型的不同，治疗时间从6个月到数年不等。"),
    ("The drugs are given intravenously (infusion).", "这些药物通过静脉给药（输注）。"),
    ("In general, there are no absolute contraindications to immunotherapy.", "一般来说，免疫疗法没有绝对禁忌症。"),
    ("The management is done in a day hospital, according to sessions of 30 to 90 minutes of injection, "
     "interspersed with rest periods of 2 to 4 weeks.", "治疗在日间医院进行，每次注射30至90分钟，期间间隔2至4周的休息期。"),
    ("It provides protection against diseases, and recognizes and destroys invasive microorganisms and tumor "
     "cells formed in tissues.", "它能抵御疾病，并识别和摧毁入侵的微生物以及在组织中形成的肿瘤细胞。"),
    ("Immunotherapies have been among the most important developments in cancer treatment in the last 10 years.",
     "免疫疗法是过去10年来癌症治疗领域最重要的进展之一。"),
    ("Since immunotherapeutic drugs do not act on tumor cells directly but stimulate the immune system’s defense "
     "mechanisms, their benefit may become apparent after a longer time period than with other therapies: in "
     "certain cases, 16-20 weeks may be required before a response is observed.",
     "由于免疫治疗药物并不直接作用于肿瘤细胞，而是刺激免疫系统的防御机制，因此与其他疗法相比，其疗效可能需要更长时间才能"
     "显现：在某些情况下，可能需要16-20周才能观察到反应。"),
    ("This leaflet gives general information. It does not replace the advice of your doctor or care team, who "
     "know your situation.", "本手册提供一般性信息。它不能代替了解您情况的医生或医疗团队的建议。"),
]


def _problems(english, translation, locale, **kwargs):
    return " | ".join(check(english, translation, locale, **kwargs))


# ---- numbers: a multiset, and in order where the order carries meaning ----------------------


@pytest.mark.parametrize(("english", "translation", "locale", "expected"), [
    ("25% of patients respond and 11% have side effects.",
     "11 % des patients répondent et 25 % ont des effets secondaires.", "fr", "another order"),
    ("Give 5 mg on day 1 and 10 mg on day 8.", "Administrer 10 mg le jour 1 et 5 mg le jour 8.", "fr", "another order"),
    ("25% of patients respond.", "25 % des patients répondent, 50 % rechutent.", "fr", "number 50 is not in the English"),
    ("Take 2 tablets.", "Prenez 2 comprimés, 2 fois.", "fr", "number 2 appears more often"),
    ("About 25% respond and 11% relapse.", "Hastaların %25'i yanıt verir, %11'i nüks eder.", "tr", ""),
    # Order is free where no unit ties the numbers to what they count.
    ("In 2011, 3 studies were published.", "3 études ont été publiées en 2011.", "fr", ""),
    # An ordinal may be written the language's way, in Roman numerals; another century is still wrong.
    ("In the 19th century.", "Au XIXe siècle.", "fr", ""),
    ("In the 19th century.", "En el siglo XIX.", "es", ""),
    ("In the 19th century.", "Au XVIIIe siècle.", "fr", "number 19 of the English is missing"),
])
def test_numbers_are_a_multiset_and_ordered_where_units_tie_them(english, translation, locale, expected):
    problems = _problems(english, translation, locale)
    assert (expected in problems) if expected else problems == ""


# ---- units of time and dose, in CLDR's words for each language ------------------------------


@pytest.mark.parametrize(("english", "translation", "locale", "expected"), [
    ("Treatment lasts 6 months.", "El tratamiento dura 6 semanas.", "es", "the English has months ×1 where the translation has weeks ×1"),
    ("Treatment lasts 6 months.", "El tratamiento dura 6 meses.", "es", ""),
    ("Rest periods of 2 to 4 weeks.", "Periodi di riposo da 2 a 4 giorni.", "it", "weeks ×1 where the translation has days ×1"),
    ("Rest periods of 2 to 4 weeks.", "Periodi di riposo da 2 a 4 settimane.", "it", ""),
    ("Rest periods of 2 to 4 weeks.", "Periodos de descanso de 2 a 4 semanas.", "es", ""),  # "a" is not "años"
    ("In the last 10 years.", "Au cours des 10 dernières années.", "fr", ""),  # one word between, an ending
    ("Once every 6 months.", "6 ayda bir kez.", "tr", ""),  # a Turkish case ending
    ("Once every 6 months.", "6 haftada bir kez.", "tr", "months ×1 where the translation has weeks ×1"),
    ("It was proposed in 2011.", "2011 yılında önerildi.", "tr", ""),  # the year 2011, not 2011 years
    ("It may take 16-20 weeks.", "قد يلزم مرور 16 إلى 20 أسبوعا.", "ar", ""),
    ("It may take 16-20 weeks.", "قد يلزم مرور 16 إلى 20 يوما.", "ar", "weeks ×1 where the translation has days ×1"),
    ("After 6 months.", "Nach 6 Monaten.", "de", ""),
    ("After 6 months.", "6个月后。", "zh", ""),
    ("After 6 months.", "6周后。", "zh", "months ×1 where the translation has weeks ×1"),
    ("A dose of 5 mg.", "Une dose de 5 ml.", "fr", "mg ×1 where the translation has mL ×1"),
    ("Every 3 weeks.", "Toutes les 3 semaines pendant 2 ans.", "fr", "units not in the English: the translation has years ×1"),
])
def test_units_after_numbers_are_compared_in_the_languages_words(english, translation, locale, expected):
    problems = _problems(english, translation, locale)
    assert (expected in problems) if expected else problems == ""


# ---- negation: kept, and never added ----------------------------------------------------------


@pytest.mark.parametrize(("english", "translation", "locale", "expected"), [
    ("Immunotherapy does not work for all types of cancers.",
     "L’immunothérapie fonctionne pour tous les types de cancers.", "fr", "no negation"),
    ("Immunotherapy does not work for all types of cancers.",
     "L’immunothérapie ne fonctionne pas pour tous les types de cancers.", "fr", ""),
    ("Immunotherapy works for all types of cancers.",
     "La inmunoterapia no funciona en todos los tipos de cáncer.", "es", "negation ('no') that the English has not"),
    ("However, it works.", "Sin embargo, funciona.", "es", ""),  # "sin embargo" is "however"
    ("This therapy is never used alone.", "Questa terapia viene usata da sola.", "it", "no negation"),
    ("Take it without food.", "Nehmen Sie es mit dem Essen.", "de", "no negation"),
    ("Immunotherapy does not work for all types of cancers.", "İmmünoterapi her kanser türünde işe yaramaz.", "tr", ""),
    ("Immunotherapy does not work for all types of cancers.", "İmmünoterapi her kanser türünde işe yarar.", "tr", "no negation"),
    ("It recognizes and destroys tumor cells.", "Tümör hücrelerini tanır ve yok eder.", "tr", ""),  # yok etmek = destroy
    ("Immunotherapy is a technique which continues to progress.", "العلاج المناعي تقنية حديثة لا تزال تتطور.", "ar", ""),
    ("Immunotherapy does not work for all types of cancers.", "العلاج المناعي فعال في كل أنواع السرطان.", "ar", "no negation"),
    ("A cancer-free survival time.", "Un tiempo de supervivencia sin cáncer.", "es", ""),  # "-free" may become "sin"
    ("Non-small cell lung cancer.", "Cáncer de pulmón no microcítico.", "es", ""),
    ("Immunotherapy does not work for all types of cancers.", "免疫疗法对所有类型的癌症都有效。", "zh", "no negation"),
    ("Cancer cells differ from normal cells.", "癌细胞与正常细胞不同。", "zh", ""),  # 不同 = different
    ("Immunotherapy does not work for all types of cancers.", "免疫療法はすべての癌に効きます。", "ja", ""),  # no table: not checked
])
def test_negation_must_be_kept_and_not_added(english, translation, locale, expected):
    problems = _problems(english, translation, locale)
    assert (expected in problems) if expected else problems == ""


# ---- drug names --------------------------------------------------------------------------------


ENGLISH_DRUGS = "Pembrolizumab (Keytruda) is given with cisplatin every 3 weeks."


@pytest.mark.parametrize(("translation", "locale", "expected"), [
    ("Le pembrolizumab (Keytruda) est administré avec la cisplatine toutes les 3 semaines.", "fr", ""),
    ("El pembrolizumab (Keytruda) se administra con cisplatino cada 3 semanas.", "es", ""),
    ("Pembrolizumab (Keytruda) her 3 haftada bir sisplatin ile verilir.", "tr", ""),
    ("Le pembrolizumab est administré avec la cisplatine toutes les 3 semaines.", "fr", "Keytruda"),
    ("Le nivolumab (Keytruda) est administré avec la cisplatine toutes les 3 semaines.", "fr", "Pembrolizumab"),
    ("Le pembrolizumab (Keytruda) est administré avec le carboplatine toutes les 3 semaines.", "fr", "cisplatin"),
    ("يعطى بيمبروليزوماب (كيترودا) مع سيسبلاتين كل 3 أسابيع.", "ar", ""),  # another script: not checked
])
def test_drug_names_are_kept_in_the_languages_spelling(translation, locale, expected):
    problems = _problems(ENGLISH_DRUGS, translation, locale)
    assert ("drug name" in problems and expected in problems) if expected else problems == ""


def test_a_registered_brand_must_be_kept():
    assert "Opdivo" in _problems("Opdivo® is an immunotherapy.", "C’est une immunothérapie.", "fr")
    assert _problems("Opdivo® is an immunotherapy.", "Opdivo® est une immunothérapie.", "fr") == ""


# ---- a translation that is the English -------------------------------------------------------


@pytest.mark.parametrize(("english", "forms", "copied"), [
    ("Fatigue", ["Fatigue"], True),
    ("Call your care team.", ["  call your  CARE team. "], True),  # case and spaces do not make a translation
    ("It’s fine.", ["It's fine."], True),
    ("Fatigue", ["La fatigue"], False),
    ("Nivolumab (Opdivo®)", ["Nivolumab (Opdivo®)"], False),  # nothing to translate
    ("PD-1", ["PD-1"], False),
    ("www.e-cancer.fr", ["www.e-cancer.fr"], False),
    ("+33 1 23 45 67 89", ["+33 1 23 45 67 89"], False),
    ("{page}/{pages}", ["{page}/{pages}"], False),
    (("{count} source", "{count} sources"), ["{count} source", "{count} sources"], True),
    (("{count} source", "{count} sources"), ["{count} source", "{count} fontes"], False),
])
def test_a_copy_of_the_english_is_found(english, forms, copied):
    assert copies_english(english, forms) is copied


def _language(root: Path, ui_entries: str, facts_entries: str = "") -> Path:
    folder = root / "locales/fr/LC_MESSAGES"
    folder.mkdir(parents=True)
    header = ('msgid ""\nmsgstr ""\n"Project-Id-Version: t\\n"\n"Language: fr\\n"\n"MIME-Version: 1.0\\n"\n'
              '"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
              '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n"X-Medical-Review: not reviewed\\n"\n\n')
    (folder / "ui.po").write_text(header + ui_entries, encoding="utf-8")
    (folder / "facts.po").write_text(header + facts_entries, encoding="utf-8")
    return root


def test_a_copy_prints_in_english_as_untranslated_unless_flagged(tmp_path):
    root = _language(tmp_path, (
        'msgctxt "sources"\nmsgid "Sources"\nmsgstr "Sources"\n\n'
        f'#, {SAME_AS_ENGLISH}\nmsgctxt "version"\nmsgid "Version"\nmsgstr "Version"\n\n'
        f'#, {SAME_AS_ENGLISH}\nmsgctxt "summary"\nmsgid "Summary"\nmsgstr "Résumé"\n\n'
        f'# {SAME_AS_ENGLISH}: the same word in French (a comment survives msgcat, a flag does not)\n'
        'msgctxt "page"\nmsgid "Page"\nmsgstr "Page"\n'))
    messages = load_messages(root, "fr")
    text, problem = messages.lookup("ui", "sources", "Sources")
    assert text == "Sources" and problem is not None and problem.kind == "untranslated"
    assert SAME_AS_ENGLISH in problem.reason and problem.line == 12  # the msgid line, as Babel counts
    assert messages.lookup("ui", "version", "Version") == ("Version", None)
    assert messages.lookup("ui", "page", "Page") == ("Page", None)
    # A translator who rewords a word once the same need not remember the marker.
    assert messages.lookup("ui", "summary", "Summary") == ("Résumé", None)


# ---- waivers -----------------------------------------------------------------------------------


IN_WORDS = ("Wait 2 hours after the infusion.", "Attendez deux heures après la perfusion.")


def test_a_waiver_with_a_reason_lifts_one_check():
    english, french = IN_WORDS
    assert "number 2" in _problems(english, french, "fr") and "hours" in _problems(english, french, "fr")
    assert "number 2" not in _problems(english, french, "fr", flags={"no-number-check"},
                                       comments=["waived: a number under 10 written as a word"])
    assert check(english, french, "fr", flags={"no-number-check", "no-unit-check"},
                 comments=["waived: a number under 10 written as a word"]) == []


def test_a_waiver_without_a_reason_is_reported_and_not_applied():
    english, french = IN_WORDS
    problems = _problems(english, french, "fr", flags={"no-number-check"}, comments=["checked by Anne"])
    assert "number 2" in problems and "has no reason" in problems


def test_a_waiver_of_a_check_that_passes_is_reported():
    problems = _problems("Take 2 tablets.", "Prenez 2 comprimés.", "fr", flags={"no-negation-check"},
                         comments=["waived: no reason any more"])
    assert "`#, no-negation-check` is not needed" in problems


def test_a_waiver_lifts_only_its_own_kind():
    problems = _problems("Do not take 2 tablets.", "Prenez 3 comprimés.", "fr", flags={"no-number-check"},
                         comments=["waived: test"])
    assert "number" not in problems.split("|")[0] and "no negation" in problems


def test_waivers_apply_across_plural_forms():
    english = ("{count} dose a day for 1 week", "{count} doses a day for 1 week")
    forms = ("{count} dose par jour pendant une semaine", "{count} doses par jour pendant une semaine")
    assert any("number 1" in p for p in check_plural(english, forms, "fr", True))
    assert check_plural(english, forms, "fr", True, flags={"no-number-check", "no-unit-check"},
                        comments=["waived: one written as a word"]) == []


@pytest.mark.skipif(MSGFMT is None, reason="gettext's msgfmt is not installed")
def test_msgfmt_check_accepts_every_flag_handout_reads(tmp_path):
    flags = ", ".join(["python-brace-format", SAME_AS_ENGLISH, *WAIVERS.values()])
    root = _language(tmp_path, f'# waived: a test of the flags\n#, {flags}\nmsgctxt "page_of"\n'
                               'msgid "Page {page}"\nmsgstr "Page {page}"\n')
    result = subprocess.run([MSGFMT, "--check", "-o", "/dev/null", str(root / "locales/fr/LC_MESSAGES/ui.po")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


# ---- length, per script ----------------------------------------------------------------------


@pytest.mark.parametrize(("english", "chinese"), ZH)
def test_a_complete_chinese_translation_passes(english, chinese):
    assert check(english, chinese, "zh") == []


def test_a_chinese_translation_missing_half_fails():
    english, chinese = ZH[7]
    half = chinese[:len(chinese) // 2] + "。"
    assert "much shorter" in _problems(english, half, "zh", flags={"no-number-check", "no-unit-check"},
                                       comments=["waived: test"])


def test_a_dropped_chinese_sentence_is_found():
    english, chinese = ZH[8]
    assert "a sentence seems to be missing" in _problems(english, chinese.split("。")[0] + "。", "zh")


def test_the_weighted_length_counts_scripts():
    assert weighted_length("abc") == 3
    assert weighted_length("免疫") == 6
    assert weighted_length("لا") == pytest.approx(2.4)
    assert "much shorter" in _problems("Immunotherapy does not work for all types of cancers.", "Non.", "fr")


@pytest.mark.skipif(shutil.which("msgen") is None, reason="gettext's msgen is not installed")
def test_a_catalog_filled_by_msgen_counts_as_untranslated(tmp_path):
    root = _language(tmp_path, "")
    ui = root / "locales/fr/LC_MESSAGES/ui.po"
    ui.write_text(ui.read_text(encoding="utf-8") + '#. a heading\nmsgctxt "summary"\nmsgid "Summary"\nmsgstr ""\n\n'
                  'msgctxt "phone"\nmsgid "+33 1 23 45 67 89"\nmsgstr ""\n', encoding="utf-8")
    subprocess.run(["msgen", "-o", str(ui), str(ui)], check=True, capture_output=True)
    messages = load_messages(root, "fr")
    text, problem = messages.lookup("ui", "summary", "Summary")
    assert text == "Summary" and problem is not None and problem.kind == "untranslated"
    assert messages.lookup("ui", "phone", "+33 1 23 45 67 89") == ("+33 1 23 45 67 89", None)  # nothing to translate


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="gettext's msgcat is not installed")
def test_markers_written_as_comments_survive_msgcat_and_flags_do_not(tmp_path):
    root = _language(tmp_path, (
        f'# {SAME_AS_ENGLISH}: the same word in French\nmsgctxt "version"\nmsgid "Version"\nmsgstr "Version"\n\n'
        f'#, {SAME_AS_ENGLISH}\nmsgctxt "sources"\nmsgid "Sources"\nmsgstr "Sources"\n'))
    po = root / "locales/fr/LC_MESSAGES/ui.po"
    subprocess.run(["msgcat", "-o", str(po), str(po)], check=True)  # as a translator's tool re-saves it
    messages = load_messages(root, "fr")
    assert messages.lookup("ui", "version", "Version") == ("Version", None)  # the comment kept its meaning
    text, problem = messages.lookup("ui", "sources", "Sources")  # msgcat dropped the unknown flag
    assert problem is not None and problem.kind == "untranslated"
