"""PO files read as their bytes are: the header's charset, the locale folders' names, Language:."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import HandoutError
from pipeline.i18n.locale_data import folder_locale
from pipeline.i18n.po_files import languages, po_path, read_catalog, sorted_catalog, write_text
from pipeline.i18n.translations import load_messages
from tests.conftest import _copy_project

HEADER = """msgid ""
msgstr ""
"Project-Id-Version: handout 1\\n"
"Language: {language}\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset={charset}\\n"
"Content-Transfer-Encoding: 8bit\\n"

"""
CONTENT_TYPE_LINE = 7  # the line of "Content-Type: ..." in HEADER
FACT = 'msgctxt "t:f1"\nmsgid "Immunotherapy helps."\nmsgstr "L’immunothérapie aide."\n'
UI = 'msgctxt "sources"\nmsgid "Sources"\nmsgstr "Références"\n'


def _po(folder: Path, domain: str, body: str, charset: str = "UTF-8", encoding: str = "utf-8",
        language: str = "fr") -> Path:
    path = folder / "LC_MESSAGES" / f"{domain}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((HEADER.format(language=language, charset=charset) + body).encode(encoding))
    return path


def _language(root: Path, folder: str = "fr", charset: str = "UTF-8", encoding: str = "utf-8",
              language: str = "fr") -> Path:
    where = root / "locales" / folder
    _po(where, "ui", UI, charset, encoding, language)
    return _po(where, "facts", FACT.replace("’", "'") if encoding == "latin-1" else FACT, charset, encoding, language)


# ---- the charset the header declares ------------------------------------------------------------


def test_utf8_read_under_a_latin1_header_is_refused_not_garbled(tmp_path):
    path = _language(tmp_path, charset="ISO-8859-1")
    with pytest.raises(HandoutError) as caught:
        read_catalog(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{CONTENT_TYPE_LINE}: ")
    assert "looks UTF-8" in message and "ISO-8859-1" in message and "charset=UTF-8" in message


def test_an_unknown_charset_names_the_file_and_header_line(tmp_path):
    path = _language(tmp_path, charset="bogus-42")
    with pytest.raises(HandoutError, match=r"unknown charset 'bogus-42' in Content-Type") as caught:
        read_catalog(path)
    assert str(caught.value).startswith(f"{path}:{CONTENT_TYPE_LINE}: ")


@pytest.mark.parametrize("charset", ["base64", "rot13", "utf-16", "unicode_escape", "idna", "punycode"])
def test_a_codec_that_is_no_text_encoding_of_a_po_file_is_unknown(tmp_path, charset):
    with pytest.raises(HandoutError, match=f"unknown charset '{charset}'"):
        read_catalog(_language(tmp_path, charset=charset))


def test_a_latin1_file_declared_latin1_is_read_as_gettext_reads_it(tmp_path):
    path = _language(tmp_path, charset="ISO-8859-1", encoding="latin-1")
    assert "é".encode("latin-1") in path.read_bytes() and "é".encode() not in path.read_bytes()
    catalog = read_catalog(path)
    assert catalog.get("Immunotherapy helps.", "t:f1").string == "L'immunothérapie aide."
    if shutil.which("msgunfmt") and shutil.which("msgfmt"):  # gettext reads it the same way
        mo = tmp_path / "facts.mo"
        subprocess.run(["msgfmt", "-o", str(mo), str(path)], check=True)
        unpacked = subprocess.run(["msgunfmt", "--no-wrap", str(mo)], capture_output=True, check=True).stdout
        assert "L'immunothérapie aide.".encode("latin-1") in unpacked
    # Written back (make update) it is UTF-8, and says so.
    written = write_text(sorted_catalog(catalog))
    assert "charset=utf-8" in written and "L'immunothérapie aide." in written


def test_bytes_that_are_not_the_declared_charset_name_their_line(tmp_path):
    path = _language(tmp_path, charset="ascii", encoding="latin-1")
    with pytest.raises(HandoutError) as caught:
        read_catalog(path)
    line = next(n for n, text in enumerate(path.read_bytes().split(b"\n"), 1) if not text.isascii())
    assert str(caught.value).startswith(f"{path}:{line}: not ascii text")


def test_utf8_spellings_and_a_missing_content_type_read_as_utf8(tmp_path):
    for charset in ("utf8", "UTF-8", "utf_8"):
        assert read_catalog(_language(tmp_path / charset, charset=charset)).get(
            "Immunotherapy helps.", "t:f1").string == "L’immunothérapie aide."
    path = tmp_path / "bare.po"
    path.write_text(FACT, encoding="utf-8")
    assert read_catalog(path).get("Immunotherapy helps.", "t:f1").string == "L’immunothérapie aide."


def test_a_wrong_charset_stops_that_language_at_load_messages(tmp_path):
    path = _language(tmp_path, charset="ISO-8859-1")
    with pytest.raises(HandoutError) as caught:
        load_messages(tmp_path, "fr")
    assert "locales/fr/LC_MESSAGES/facts.po:7: the file looks UTF-8" in str(caught.value)
    _language(tmp_path, charset="UTF-8")
    assert load_messages(tmp_path, "fr").entries[("facts", "t:f1")].translation == "L’immunothérapie aide."
    assert path.is_file()


def test_check_names_the_broken_charset_and_checks_the_other_languages(tmp_path):
    root = _copy_project(tmp_path, languages=("fr", "es"))
    path = po_path(root, "fr", "facts")
    path.write_bytes(path.read_bytes().replace(b"charset=utf-8", b"charset=bogus-42", 1))
    result = CliRunner().invoke(main, ["check", "--root", str(root)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "locales/fr/LC_MESSAGES/facts.po:15: unknown charset 'bogus-42' in Content-Type" in result.output
    assert re.search(r"es/\(ui\.po\): (\d+)/\1 translated and clean", result.output)


# ---- the names of the folders under locales/ ---------------------------------------------------


@pytest.mark.parametrize("name", ["fr", "fr_CA", "pt_BR", "zh_Hant", "zh_TW", "es_419", "sr_Latn_RS"])
def test_cldr_identifiers_in_the_projects_form_are_folder_names(name):
    assert folder_locale(name).language == name.split("_")[0]


@pytest.mark.parametrize(("name", "says"), [
    ("en", "English is the source language"),
    ("EN", "English is the source language"),
    ("en_US", "English is the source language"),
    ("en_US.UTF-8", "English is the source language"),
    ("xx", "unknown locale 'xx'"),
    ("und", "unknown locale 'und'"),
    ("fr_XX", "unknown locale 'fr_XX'"),
    ("FR", "rename it locales/fr"),
    ("fr-CA", "rename it locales/fr_CA"),
    ("fr_ca", "rename it locales/fr_CA"),
    ("de@euro", "rename it locales/de"),
    ("français", "not a locale folder name"),
])
def test_a_folder_not_named_as_a_translation_language_is_an_error_naming_it(tmp_path, name, says):
    _language(tmp_path, folder=name)
    _language(tmp_path, folder="es", language="es")
    with pytest.raises(HandoutError) as caught:
        languages(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"locales/{name}: ") and says in message
    assert "Language: fr" in message  # what its files say they are, to rename it by


def test_a_folder_without_po_files_is_no_language(tmp_path):
    _language(tmp_path, folder="fr")
    (tmp_path / "locales" / "notes").mkdir()
    assert languages(tmp_path) == ("fr",)


@pytest.mark.parametrize("command", [["check"], ["stats"], ["build", "--output", "{out}"]])
def test_commands_name_a_misnamed_folder_without_a_traceback(tmp_path, command):
    root = _copy_project(tmp_path, languages=("fr",))
    (root / "locales" / "fr").rename(root / "locales" / "EN")
    args = [part.format(out=tmp_path / "out") for part in command]
    result = CliRunner().invoke(main, [*args, "--root", str(root)])
    assert result.exit_code != 0
    assert "locales/EN: English is the source language" in result.output
    assert not isinstance(result.exception, HandoutError) and "Traceback" not in result.output


# ---- Language: in the header against the folder -----------------------------------------------


@pytest.mark.parametrize(("folder", "declared"), [("fr", "fr"), ("fr", "fr_FR"), ("fr", "fr-FR"), ("fr", "FR"),
                                                  ("fr_CA", "fr"), ("pt_BR", "pt_BR"), ("zh_Hant", "zh_Hant_TW")])
def test_a_language_header_that_agrees_with_its_folder_is_read(tmp_path, folder, declared):
    read_catalog(_language(tmp_path, folder=folder, language=declared))


@pytest.mark.parametrize(("folder", "declared"), [("fr", "de"), ("pt_BR", "pt_PT"), ("zh_Hant", "zh_Hans")])
def test_a_language_header_that_contradicts_its_folder_is_an_error(tmp_path, folder, declared):
    path = _language(tmp_path, folder=folder, language=declared)
    with pytest.raises(HandoutError) as caught:
        read_catalog(path)
    assert str(caught.value).startswith(f"{path}:4: Language: {declared} in the header, but the file is in "
                                        f"locales/{folder}/")


def test_a_contradicting_language_header_stops_that_language_at_load_messages(tmp_path):
    _language(tmp_path, folder="fr", language="de")
    with pytest.raises(HandoutError, match=r"locales/fr/LC_MESSAGES/facts\.po:4: Language: de in the header"):
        load_messages(tmp_path, "fr")


def test_xgettexts_charset_placeholder_is_ascii(tmp_path):
    template = tmp_path / "ui.pot"
    template.write_text(HEADER.format(language="", charset="CHARSET") + 'msgid "Sources"\nmsgstr ""\n')
    assert read_catalog(template).get("Sources") is not None
    template.write_bytes(template.read_bytes().replace(b'"Sources"\nmsgstr', '"Sourcés"\nmsgstr'.encode()))
    with pytest.raises(HandoutError, match="looks UTF-8 while its header says charset=CHARSET"):
        read_catalog(template)


def test_a_plural_index_out_of_range_names_the_file(tmp_path):
    path = tmp_path / "fr.po"
    path.write_bytes(b'msgid "a"\nmsgid_plural "b"\nmsgstr[-3] "x"\n')
    with pytest.raises(HandoutError, match=rf"{re.escape(str(path))}: cannot read: a malformed entry"):
        read_catalog(path)
