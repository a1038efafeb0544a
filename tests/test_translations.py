"""The translators' workflow: init, update (fuzzy with the old English), checks, look-ups, release."""

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.i18n.extraction import extract_templates
from pipeline.i18n.po_sync import init_language, update_language
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.errors import HandoutError
from pipeline.i18n.po_files import po_path, read_catalog
from pipeline.i18n.checks import check, numbers
from pipeline.i18n.completeness import audit_project
from pipeline.i18n.locale_data import ENGLISH
from pipeline.i18n.translations import load_messages
from tests.stand_in import french_stand_in

ROOT = Path(__file__).resolve().parent.parent


# ---- checks on one translation -----------------------------------------------------------


@pytest.mark.parametrize(("locale", "text", "values"), [
    ("fr", "environ 0,5 % de 10 000 patients (1960)", {"0.5", "10000", "1960"}),
    ("fr", "environ 0,5\u202f% de 10\u202f000 patients", {"0.5", "10000"}),
    ("it", "circa lo 0,5% di 10.000 pazienti", {"0.5", "10000"}),
    ("tr", "hastaların %25'i", {"25"}),
    ("ar", "حوالي ٢٥٪ من المرضى و 0.5", {"25", "0.5"}),
    ("en", "about 0.5% of 10,000 people", {"0.5", "10000"}),
])
def test_numbers_are_read_with_the_locales_symbols(locale, text, values):
    assert {format(v, "f") for v in numbers(text, locale)} == values


def test_a_number_written_with_the_wrong_decimal_sign_is_missing():
    assert check("About 0.5% respond.", "Environ 0,5 % répondent.", "fr") == []
    assert "number 0.5" in check("About 0.5% respond.", "Environ 0.5 % répondent.", "fr")[0]
    assert "number 25" in check("About 25% respond.", "Environ 26 % répondent.", "fr")[0]
    assert check("About 25% respond.", "Hastaların %25'i yanıt verir.", "tr") == []


def test_placeholders_markup_and_dropped_sentences_are_caught():
    assert "placeholders differ" in check("Page {page} of {pages}", "Page {page}", "fr", brace_format=True)[0]
    assert "markup" in check("It works.", 'Ça marche <img src="file:///etc/passwd">.', "fr")[0]
    assert "missing" in check("It works. It is safe.", "Ça marche.", "fr")[0]
    assert check("It works. It is safe.", "Ça marche. C’est sûr.", "fr") == []
    assert check("It works.", "Ça marche. Vraiment, c’est prouvé.", "fr") == []  # splitting is fine


# ---- a project copy with a French catalog --------------------------------------------------


def _project(tmp_path: Path) -> Path:
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "locales").mkdir()
    for domain in ("ui", "facts"):
        shutil.copy(ROOT / f"locales/{domain}.pot", tmp_path / f"locales/{domain}.pot")
    (tmp_path / "templates").symlink_to(ROOT / "templates")
    return tmp_path


def _stand_in(english: str) -> str:
    """A 'French' stand-in that keeps every number and passes the checks (tests/stand_in.py)."""
    return french_stand_in(english)


def _translate_all(root: Path, language: str, text=_stand_in) -> None:
    """Fill every entry with a stand-in translation that keeps numbers and placeholders."""
    from pipeline.i18n.po_files import sorted_catalog, write_text

    for domain in ("ui", "facts"):
        path = po_path(root, language, domain)
        catalog = read_catalog(path, locale=language)
        for message in catalog:
            if message.id:
                message.string = (tuple(text(message.id[-1]) for _ in range(catalog.num_plurals))
                                  if message.pluralizable else text(message.id))
        path.write_text(write_text(sorted_catalog(catalog)), encoding="utf-8")


@pytest.fixture()
def project(tmp_path):
    root = _project(tmp_path)
    init_language(root, "fr")
    _translate_all(root, "fr")
    return root


def test_init_writes_a_header_translators_tools_accept(project):
    catalog = read_catalog(po_path(project, "fr", "ui"), locale="fr")
    assert catalog.header("X-Medical-Review") == "not reviewed"
    assert catalog.num_plurals == 2 and catalog.plural_expr == "(n > 1)"
    with pytest.raises(HandoutError, match="already exists"):
        init_language(project, "fr")


def test_update_on_unchanged_templates_changes_no_file(project):
    before = {p: p.read_bytes() for p in (project / "locales").rglob("*.po")}
    changes = update_language(project, "fr")
    assert not any(change.written for change in changes)
    assert before == {p: p.read_bytes() for p in (project / "locales").rglob("*.po")}


def _reword_a_source_sentence(root: Path) -> tuple[str, str, str]:
    """Change one English source sentence (add a word); return (context, old English, new English)."""
    facts = read_catalog(root / "locales/facts.pot")
    decided = (root / "sources/immunotherapy/editorial.yaml").read_text(encoding="utf-8")
    for message in facts:
        context = message.context or ""
        if not context.startswith("immunotherapy:c") or context.split(":")[1] in decided:
            continue
        (source, line), = message.locations[:1]
        path = root / source
        lines = path.read_text(encoding="utf-8").split("\n")
        if message.id in lines[line - 1] and " is " in message.id and len(message.locations) == 1:
            new = message.id.replace(" is ", " is not ", 1)
            lines[line - 1] = lines[line - 1].replace(message.id, new)
            path.write_text("\n".join(lines), encoding="utf-8")
            return context, message.id, new
    raise AssertionError("no single-source sentence with ' is ' to reword")


def test_a_changed_source_sentence_makes_exactly_that_entry_fuzzy_with_the_old_english(project):
    context, old, new = _reword_a_source_sentence(project)
    templates = extract_templates(load_config(project))
    for domain, text in templates.items():
        (project / f"locales/{domain}.pot").write_text(text, encoding="utf-8")
    changes = update_language(project, "fr")
    assert [c for change in changes for c in change.fuzzy] == [context]  # the id survived the rewording
    entry = {m.context: m for m in read_catalog(po_path(project, "fr", "facts"), locale="fr")}[context]
    assert entry.id == new and entry.previous_id == [old] and "fuzzy" in entry.flags
    assert entry.string == _stand_in(old)  # kept for the translator to revise
    text = po_path(project, "fr", "facts").read_text(encoding="utf-8")
    assert f'#| msgid "{old}"' in text
    audits = {audit.topic: audit for audit in audit_project(load_config(project), ["fr"]).audits}
    assert [(p.context, p.kind) for p in audits.pop("immunotherapy").problems] == [(context, "fuzzy")]
    assert all(audit.clean for audit in audits.values())  # what the topics share, the page furniture
    # Updating again keeps the English the translation was made from.
    assert update_language(project, "fr")[0].written is False


def test_fuzzy_matching_never_moves_a_translation_to_another_fact(project):
    """A new fact with nearly the wording of another gets an empty entry, not its translation."""
    pot = project / "locales/facts.pot"
    text = pot.read_text(encoding="utf-8")
    text += '\nmsgctxt "immunotherapy:cnew0000000"\nmsgid "Immunotherapy is not a chemotherapy."\nmsgstr ""\n'
    pot.write_text(text, encoding="utf-8")
    change = update_language(project, "fr")[0]
    assert change.new == ("immunotherapy:cnew0000000",) and not change.fuzzy
    entry = {m.context: m for m in read_catalog(po_path(project, "fr", "facts"), locale="fr")}["immunotherapy:cnew0000000"]
    assert entry.string == "" and "fuzzy" not in entry.flags


def _edit_entry(root: Path, context: str, translation: str) -> int:
    path = po_path(root, "fr", "facts")
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index(f'msgctxt "{context}"')
    assert lines[at + 2].startswith("msgstr ")
    lines[at + 2] = "msgstr " + translation
    path.write_text("\n".join(lines), encoding="utf-8")
    return at + 2


def _fact_with_number(root: Path) -> tuple[str, str]:
    for message in read_catalog(root / "locales/facts.pot"):
        if message.id and numbers(message.id, "en") and (message.context or "").startswith("immunotherapy:c"):
            return message.context, message.id
    raise AssertionError("no fact with a number")


def test_a_missing_number_or_injected_markup_is_reported_with_file_and_line(project):
    context, english = _fact_with_number(project)
    _edit_entry(project, context, '"Un chiffre manque ici."')
    result = CliRunner().invoke(main, ["check", "--root", str(project), "fr"])
    assert result.exit_code == 1
    line = next(l for l in result.output.splitlines() if context in l)
    assert line.startswith("locales/fr/LC_MESSAGES/facts.po:") and "number" in line and "missing" in line
    _edit_entry(project, context, f'"{english} <script>alert(1)</script>"')
    result = CliRunner().invoke(main, ["check", "--root", str(project), "fr"])
    assert result.exit_code == 1 and "markup that is not in the English" in result.output


def test_a_po_syntax_error_names_file_and_line(project):
    path = po_path(project, "fr", "facts")
    lines = path.read_text(encoding="utf-8").split("\n")
    broken = next(i for i, l in enumerate(lines) if l.startswith("msgstr ") and lines[i - 2].startswith("msgctxt"))
    lines[broken] = 'msgstr "unterminated'
    path.write_text("\n".join(lines), encoding="utf-8")
    # msgfmt names the line where the string ran out: the broken one or the next.
    where = rf"locales/fr/LC_MESSAGES/facts.po:({broken + 1}|{broken + 2}): .*end-of-line"
    with pytest.raises(HandoutError, match=where):
        load_messages(project, "fr")
    result = CliRunner().invoke(main, ["check", "--root", str(project), "fr"])
    assert result.exit_code == 1 and re.search(where, result.output) and "Traceback" not in result.output


def test_lookups_print_only_clean_translations_of_the_current_english(project):
    context, english = _fact_with_number(project)
    messages = load_messages(project, "fr")
    assert messages.lookup("facts", context, english) == (_stand_in(english), None)
    text, problem = messages.lookup("facts", context, english + " Changed.")
    assert text == english + " Changed." and problem.kind == "stale"
    text, problem = messages.lookup("facts", "immunotherapy:cunknown", "Anything.")
    assert text == "Anything." and problem.kind == "missing"
    assert not messages.reviewed


def test_plural_forms_follow_the_languages_rule(tmp_path):
    root = _project(tmp_path)
    init_language(root, "ar")
    messages = load_messages(root, "ar")
    # The order of Babel's Plural-Forms for Arabic: 0, 1, 2, 3-10, 0-2 mod 100 (100, 101), the rest (11).
    forms = ("f0", "f1", "f2", "f3", "f4", "f5")
    assert [messages.choose(forms, n, True) for n in (0, 1, 2, 5, 100, 11)] == list(forms)
    assert messages.choose(("source text", "source texts"), 1, False) == "source text"


def test_stats_counts_each_language(project):
    context, _ = _fact_with_number(project)
    _edit_entry(project, context, '""')
    result = CliRunner().invoke(main, ["stats", "--root", str(project)])
    assert result.exit_code == 0
    header, *rows = (line.split() for line in result.output.splitlines())
    assert header == ["language", "topic", "done", "total", "%", "untranslated", "fuzzy", "stale", "missing",
                      "failing", "reviewed"]
    row = dict(zip(header, next(r for r in rows if r[:2] == ["fr", "immunotherapy"]), strict=True))
    assert int(row["done"]) == int(row["total"]) - 1 and row["untranslated"] == "1" and row["reviewed"] == "no"
    furniture = dict(zip(header, next(r for r in rows if r[:2] == ["fr", "(ui.po)"]), strict=True))
    assert furniture["done"] == furniture["total"] == str(len(ENGLISH))


def test_building_a_language_without_translations_says_how_to_start_one(tmp_path):
    root = _project(tmp_path)
    result = CliRunner().invoke(main, ["build", "--root", str(root), "--locale", "de", "--output", str(tmp_path / "out"),
                                       "--jobs", "1"])
    assert result.exit_code == 1 and "make init LOCALE=de" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out/manifest.json").exists()
