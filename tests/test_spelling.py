"""The spelling check: suspected typos in printed statements, listed for the editor, never corrected."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from markupsafe import escape

from pipeline.cli import main
from pipeline.models import Block, CleanSource, Cluster, Entry, Fact, Handout, Clinic, Section, Source, SourceLine, SourceMeta
from pipeline.review.review_page import review_page
from pipeline.review.spelling import corrected, find_typos, known_word, replace_decision
from pipeline.review.word_forms import medical_shape, variants
from pipeline.vocabulary import Vocabulary
from tests.projects import one_topic_project, prepared_one_topic, printed_texts

ROOT = Path(__file__).resolve().parent.parent
A, B = "sources/t/a.txt", "sources/t/b.txt"
MEDICAL = ("pembrolizumab", "nivolumab", "Keytruda", "ipilimumab", "CAR-T", "lymphoedema", "neutropenia",
           "mucositis", "oncologist")


def fact(text: str, source: str = A, line: int = 1, **fields) -> Fact:
    fid = "f" + hashlib.sha1(f"{source}:{line}:{text}".encode()).hexdigest()[:10]
    return Fact(fid, text, text, source, line, fields.pop("kind", "sentence"), **fields)


def cluster(*members: Fact) -> Cluster:
    return Cluster("c" + members[0].id[1:], members[0], members, tuple(sorted({m.source for m in members})))


def check(*texts: str, others: tuple[Fact, ...] = (), language: str = "en", vocabulary: Vocabulary = Vocabulary()):
    """find_typos on a handout printing one statement per text (each its own line of a.txt)."""
    printed = [cluster(fact(text, line=n)) for n, text in enumerate(texts, 1)]
    handout = Handout("t", "T", "1", "2026-01-01", "", Clinic("C", "1"),
                      (Section("s", "S", tuple(Entry(c) for c in printed)),), (), (), ())
    cleaned = [CleanSource(path, SourceMeta(path.rsplit("/", 1)[1], language=language), (), ()) for path in (A, B)]
    return find_typos(handout, [*printed, *(cluster(f) for f in others)], vocabulary, cleaned)


@pytest.mark.parametrize("text, word, suggestion", [
    ("Radiotherpay is given in short daily sessions.", "Radiotherpay", "Radiotherapy"),
    ("The raditation is aimed at the area being treated.", "raditation", "radiation"),
    ("Tell your nurse if you are feelign sick.", "feelign", "feeling"),
    ("These medicines can releive the pain.", "releive", "relieve"),
    ("Teh nurse will explain what happens.", "Teh", "The"),
    ("Pembrolizuamb is given every three weeks.", "Pembrolizuamb", "Pembrolizumab"),
])
def test_a_typo_is_flagged_with_its_correction(text, word, suggestion):
    (typo,) = check(text).typos
    assert (typo.word, typo.suggestion) == (word, suggestion)
    assert text[typo.start:typo.start + len(word)] == word and (typo.source, typo.line) == (A, 1)


def test_medical_words_and_regular_forms_are_not_flagged():
    text = (f"You may have {', '.join(MEDICAL[:3])} or {MEDICAL[3]}; {MEDICAL[4]} cells can cause "
            f"{MEDICAL[5]}, {MEDICAL[6]} or {MEDICAL[7]}, so your {MEDICAL[8]} checks your blood.")
    spelling = check(
        text,
        "Durvalumab, cemiplimab and tislelizumab are newer drugs; carboplatin and docetaxel are older.",  # drug stems
        "Hypophysitis and colitis are rare; pseudoprogression and neurotoxicity are rarer.",  # medical affixes
        "The tumour centre will recognise your colour of moisturiser and oesophagus travelling.",  # British
        "Your PD-1 result, 5-FU dose and MRI scan are in MyChart at www.example-clinic.org.",  # digits, acronyms
        "Wear an unperfumed cream and a chairside blanket from the pre-chemo visit.",  # compounds
    )
    assert spelling.typos == () and spelling.words > 60


def test_words_the_topic_agrees_on_and_names_are_not_flagged():
    agreed = "Use a scalp cooler named Paxman before your sesion."
    spelling = check(agreed, "Dr Marcus Feld says Feld is a common name.",
                     others=(fact("Ask about the sesion times.", B, 3),))
    assert spelling.typos == ()  # two sources write "sesion"; "Feld" is written as a name mid sentence
    assert [t.word for t in check(agreed).typos] == ["sesion"]  # one source alone: flagged


def test_a_name_one_edit_from_a_word_the_topic_uses_is_still_flagged():
    spelling = check("Book your Radiotherpay session at the desk.", "Radiotherapy is planned first.")
    assert [(t.word, t.suggestion) for t in spelling.typos] == [("Radiotherpay", "Radiotherapy")]


def test_key_terms_and_synonyms_of_the_scheme_are_words():
    vocabulary = Vocabulary(("zolbetuximab",), (("pruritis", "itching"),))
    assert check("Zolbetuximab can cause pruritis.", vocabulary=vocabulary).typos == ()


def test_statements_in_another_language_or_without_a_dictionary_are_listed_not_flagged():
    foreign = check("Nuestros navegadores de pacientes hablan español y llame de lunes a viernes.")
    assert foreign.typos == () and "another language" in foreign.unchecked[0]
    assert foreign.unchecked[0].startswith(f"{A}:1:")
    unknown = check("Radiotherpay is given daily.", language="tr")
    assert unknown.typos == () and "no spelling dictionary for language 'tr'" in unknown.unchecked[0]


def test_the_editors_wording_is_not_checked_again():
    edited = cluster(fact("Radiotherpay is given daily.", edited="checked with the source"))
    handout = Handout("t", "T", "1", "2026-01-01", "", Clinic("C", "1"), (Section("s", "S", (Entry(edited),)),), (), (), ())
    assert find_typos(handout, [edited], Vocabulary(), []).typos == ()


def test_a_wrapped_list_item_names_the_line_the_word_is_on():
    item = fact("rashes or itchy skin (unreleived) that does not releive with cream", line=4, kind="item")
    raw = Source(A, "utf-8", (SourceLine(4, "- rashes or itchy skin (unreleived) that does"),
                              SourceLine(5, "  not releive with cream")),
                 SourceMeta("a.txt"))
    cleaned = [CleanSource(A, SourceMeta("a.txt"), (Block(A, 4, "item", item.text, last_line=5),), ())]
    handout = Handout("t", "T", "1", "2026-01-01", "", Clinic("C", "1"),
                      (Section("s", "S", (Entry(cluster(item)),)),), (), (), ())
    (typo,) = find_typos(handout, [cluster(item)], Vocabulary(), cleaned, [raw]).typos
    assert (typo.source, typo.line) == (A, 5)


def test_the_decision_snippet_is_valid_yaml_with_every_correction():
    text = 'Say "stop" if raditation makes you feelign sick: call us.'
    typos = check(text).typos
    assert corrected(text, typos) == 'Say "stop" if radiation makes you feeling sick: call us.'
    (decision,) = yaml.safe_load(replace_decision(typos))
    assert decision == {"action": "replace", "fact": typos[0].fact, "text": corrected(text, typos),
                        "note": f"Spelling: 'raditation' -> 'radiation', 'feelign' -> 'feeling' (source {A}:1)"}


@pytest.mark.parametrize("british, american", [("tumours", "tumors"), ("haematology", "hematology"),
                                                ("diarrhoea", "diarrhea"), ("counsellor", "counselor")])
def test_british_spellings_have_their_american_form(british, american):
    assert american in variants(british)


def test_known_word_answers_as_the_check_does():
    assert known_word("tumour") and known_word("Keytruda") and known_word("itching")
    assert not known_word("feelign") and not known_word("tumour", language="tr")
    assert known_word("zolbetuximab", vocabulary=Vocabulary(("zolbetuximab",)))


def test_medical_shapes_need_a_stem():
    assert medical_shape("tislelizumab") and medical_shape("hypophysitis")
    assert not medical_shape("mab") and not medical_shape("itis") and not medical_shape("feelign")


# ---- Through the pipeline: a tiny project --------------------------------------------------


TYPO_SOURCE = """Radiotherapy

Radiotherpay uses high-energy rays to treat cancer.

Tell your nurse if you are feelign sick after a session.

Pembrolizumab and nivolumab are not used here.
"""


def _project(root: Path, editorial: str = "") -> Path:
    return one_topic_project(root, TYPO_SOURCE, editorial)


def test_typos_are_listed_never_corrected_until_the_editor_decides(tmp_path):
    before = prepared_one_topic(_project(tmp_path / "p"))
    assert [(t.word, t.suggestion, t.line) for t in before.spelling.typos] == [
        ("Radiotherpay", "Radiotherapy", 3), ("feelign", "feeling", 5)]
    printed = printed_texts(before)
    assert "Radiotherpay uses high-energy rays to treat cancer." in printed  # unchanged without a decision
    assert "Tell your nurse if you are feelign sick after a session." in printed

    page = review_page("radio", "Radiotherapy", before.cleaned, before.clusters, before.handout, spelling=before.spelling)
    assert "sources/radio/a.txt:5" in page and "<mark>feelign</mark>" in page
    snippets = [replace_decision([t]) for t in before.spelling.typos]
    assert all(str(escape(snippet)) in page for snippet in snippets)

    # The editor pastes the first snippet: that fact prints corrected and is no longer listed.
    after = prepared_one_topic(_project(tmp_path / "q", "decisions:\n" + snippets[0]))
    assert [r.status for r in after.decisions] == ["applied"]
    assert [t.word for t in after.spelling.typos] == ["feelign"]
    assert "Radiotherapy uses high-energy rays to treat cancer." in printed_texts(after)
    assert "Tell your nurse if you are feelign sick after a session." in printed_texts(after)


def test_typos_command_lists_each_with_its_decision(tmp_path):
    root = _project(tmp_path)
    result = CliRunner().invoke(main, ["typos", "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert "sources/radio/a.txt:3: 'Radiotherpay' -> 'Radiotherapy'" in result.stdout
    assert "  - action: replace\n" in result.stdout and 'text: "Tell your nurse if you are feeling sick' in result.stdout
    assert "radio: 2 possible typo(s)" in result.stderr and "nothing was changed" in result.stderr
    assert (root / "sources/radio/a.txt").read_text(encoding="utf-8") == TYPO_SOURCE


def test_typos_command_measures_false_flags_on_labelled_sets(tmp_path):
    root = _project(tmp_path)
    folder = root / "eval" / "tiny"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(TYPO_SOURCE, encoding="utf-8")
    (folder / "labels.yaml").write_text("files:\n  a.txt:\n    boilerplate: {}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["typos", "--root", str(root), "--eval-dir", "eval"])
    assert result.exit_code == 0, result.output
    row = next(line.split() for line in result.stdout.splitlines() if line.startswith("tiny"))
    words = int(row[1])
    assert row[2] == "2" and row[3] == f"{2000 / words:.2f}"
    assert "eval/tiny/a.txt:5: feelign -> feeling" in result.stdout.replace(str(root) + "/", "")


@pytest.mark.slow
def test_a_build_prints_the_sources_wording_and_says_where_the_typos_are_listed(tmp_path):
    root = _project(tmp_path / "p")
    result = CliRunner().invoke(main, ["build", "--root", str(root), "--output", str(tmp_path / "out"),
                                       "--locale", "en", "--kind", "summary", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert f"radio: 2 possible typo(s) in what it prints (see {tmp_path / 'out'}/radio/review.html" in result.stderr
    summary = (tmp_path / "out/en/radio-summary.html").read_text(encoding="utf-8")
    assert "feelign sick" in summary  # printed as the source wrote it
    assert "<mark>feelign</mark>" in (tmp_path / "out/radio/review.html").read_text(encoding="utf-8")
