"""PO files as translators' tools save them: read as they are, written back in one form, no translation lost.

The tools are the real ones: gettext's msgcat and msgattrib, translate-toolkit's po2xliff and
xliff2po (what a CAT tool's XLIFF round trip does), on copies of the committed catalogs.
"""

import codecs
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import HandoutError
from pipeline.i18n.po_files import po_path, read_catalog
from pipeline.i18n.po_sync import update_language
from pipeline.i18n.translations import load_messages

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE = "fr"

needs_gettext = pytest.mark.skipif(shutil.which("msgcat") is None or shutil.which("msgattrib") is None,
                                   reason="gettext's msgcat/msgattrib are not installed")
# translate-toolkit's console scripts, beside this Python (xliff2po cannot be run with `-m`).
TOOLKIT = Path(sys.executable).parent
needs_toolkit = pytest.mark.skipif(not all((TOOLKIT / tool).is_file() for tool in ("po2xliff", "xliff2po")),
                                   reason="translate-toolkit (po2xliff, xliff2po) is not installed")


# The flags gettext's tools keep; msgcat, msgattrib and an XLIFF round trip drop any other.
GETTEXT_FLAG = re.compile(r"fuzzy|(no-)?[a-z0-9+-]+-format|no-wrap|wrap|range: *\d+\.\.\d+")


def _gettext_flags_only(path: Path) -> None:
    """Drop the flags no gettext tool keeps, so the tests below see only what the tools do to the rest."""
    lines = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("#, "):
            kept = [flag for flag in line[3:].split(", ") if GETTEXT_FLAG.fullmatch(flag.strip())]
            if not kept:
                continue
            line = "#, " + ", ".join(kept)
        lines.append(line)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    """A project's locales/ only: the committed templates and one language, brought in step once."""
    (tmp_path / "locales").mkdir()
    for domain in ("ui", "facts"):
        shutil.copy(ROOT / f"locales/{domain}.pot", tmp_path / f"locales/{domain}.pot")
    shutil.copytree(ROOT / "locales" / LANGUAGE, tmp_path / "locales" / LANGUAGE)
    for domain in ("ui", "facts"):
        _gettext_flags_only(po_path(tmp_path, LANGUAGE, domain))
    update_language(tmp_path, LANGUAGE)  # the form update writes: what every test compares with
    return tmp_path


def _facts(root: Path) -> Path:
    return po_path(root, LANGUAGE, "facts")


def _forms(string: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(string) if isinstance(string, (list, tuple)) else (string,)


def _translations(path: Path) -> dict[str, tuple[str, ...]]:
    """Every translated live entry: context -> its translation (all plural forms)."""
    return {m.context or "": _forms(m.string) for m in read_catalog(path) if m.id and any(_forms(m.string))}


def _fuzzy(path: Path) -> set[str]:
    return {m.context or "" for m in read_catalog(path) if m.id and "fuzzy" in m.flags}


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)


# ---- reading -------------------------------------------------------------------------------


def _with_bom(text: bytes) -> bytes:
    return codecs.BOM_UTF8 + text


def _crlf(text: bytes) -> bytes:
    return text.replace(b"\n", b"\r\n")


def _poedit_header(text: bytes) -> bytes:
    """The header as Poedit saves it: its own order and fields, `Language` in another case."""
    head, _, body = text.decode("utf-8").partition("\n\n")
    lines = head.split("\n")
    start = lines.index('msgstr ""') + 1
    fields = [line for line in lines[start:] if not line.startswith('"Language:')]
    fields = list(reversed(fields)) + ['"language: FR\\n"', '"X-Generator: Poedit 3.4.2\\n"',
                                       '"X-Poedit-SourceCharset: UTF-8\\n"', '"X-Poedit-Basepath: ../../..\\n"']
    return ("\n".join([*lines[:start], *fields]) + "\n\n" + body).encode("utf-8")


def _region(text: bytes) -> bytes:
    return text.replace(b'"Language: fr\\n"', b'"Language: fr_fr\\n"')


@pytest.mark.parametrize("resave", [_with_bom, _crlf, lambda t: _with_bom(_crlf(t)), _poedit_header, _region],
                         ids=["bom", "crlf", "bom+crlf", "poedit-header", "language-fr_fr"])
def test_a_file_saved_by_a_translators_tool_is_read_and_built_as_it_was(root, resave):
    path = _facts(root)
    before, printed = _translations(path), _printed(root)
    assert len(printed) > 100
    path.write_bytes(resave(path.read_bytes()))
    assert _translations(path) == before
    assert _printed(root) == printed


def _printed(root: Path) -> dict[str, str]:
    """The build's path: msgfmt --check (on the bytes as handout reads them), every check, the translations."""
    messages = load_messages(root, LANGUAGE)
    assert messages.plural_forms == "(n > 1)"
    return {context: entry.translation for (domain, context), entry in messages.entries.items()
            if domain == "facts" and entry.translation is not None}


def test_a_syntax_error_in_a_file_with_a_byte_order_mark_names_the_files_own_line(root):
    path = _facts(root)
    lines = path.read_text(encoding="utf-8").split("\n")
    broken = next(i for i, line in enumerate(lines) if line.startswith("msgstr ") and i > 20)
    lines[broken] = 'msgstr "unterminated'
    path.write_bytes(_with_bom("\n".join(lines).encode("utf-8")))
    with pytest.raises(HandoutError, match=rf"facts\.po:({broken + 1}|{broken + 2}): .*end-of-line") as error:
        load_messages(root, LANGUAGE)
    assert "facts.po:1:" not in str(error.value)  # the mark itself is no error


# ---- update writes one form ------------------------------------------------------------------


def _msgcat(path: Path, *options: str) -> None:
    _run("msgcat", *options, str(path), "-o", str(path))


@needs_gettext
@pytest.mark.parametrize("resave", [
    lambda p: _msgcat(p),  # gettext's default: wrapped at 79 columns (as Poedit's default)
    lambda p: _msgcat(p, "--width=40"),
    lambda p: p.write_bytes(_crlf(p.read_bytes())),
    lambda p: (_msgcat(p), p.write_bytes(_with_bom(_crlf(p.read_bytes())))),
    # Weblate's msgmerge add-on against the template, and a re-sort by English (msgattrib)
    lambda p: _run("msgmerge", "--quiet", "-o", str(p), str(p), str(p.parents[2] / f"{p.stem}.pot")),
    lambda p: _run("msgattrib", "--sort-output", str(p), "-o", str(p)),
], ids=["msgcat", "msgcat-width-40", "crlf", "msgcat+crlf+bom", "msgmerge", "msgattrib-sort"])
def test_update_writes_a_resaved_file_back_byte_for_byte(root, resave):
    catalogs = [po_path(root, LANGUAGE, domain) for domain in ("facts", "ui")]
    original = {path: path.read_bytes() for path in catalogs}
    translations = {path: _translations(path) for path in catalogs}
    for path in catalogs:
        resave(path)
        assert path.read_bytes() != original[path]  # the tool did change the file
    changes = update_language(root, LANGUAGE)
    assert all(change.written for change in changes)
    assert not any(change.new or change.fuzzy or change.obsolete or change.reattached or change.unplaced
                   for change in changes)
    for path in catalogs:
        assert path.read_bytes() == original[path]  # an empty diff
        assert _translations(path) == translations[path]


@needs_gettext
def test_a_retired_entry_survives_msgcat_and_the_next_update(root):
    template = root / "locales/facts.pot"
    context, english, translation = next((m.context, m.id, m.string) for m in read_catalog(_facts(root))
                                         if m.id and len(m.id) > 90 and m.string)
    text = template.read_text(encoding="utf-8")
    entry = next(block for block in text.split("\n\n") if f'msgctxt "{context}"' in block)
    template.write_text(text.replace("\n\n" + entry, ""), encoding="utf-8")
    change = update_language(root, LANGUAGE)[0]
    assert change.obsolete == (context,)
    retired = _facts(root).read_bytes()
    _msgcat(_facts(root))  # wraps the long #~ lines too
    assert _facts(root).read_bytes() != retired
    assert update_language(root, LANGUAGE)[0].obsolete == ()  # not retired again: it already was
    assert _facts(root).read_bytes() == retired
    kept = [m for m in read_catalog(_facts(root)).obsolete.values() if m.context == context]
    assert [(m.id, m.string) for m in kept] == [(english, translation)]
    # The fact comes back with other English: the translation is live again, fuzzy, with the old English.
    template.write_text(text.replace(f'msgid "{english}"', 'msgid "A reworded statement."'), encoding="utf-8")
    change = update_language(root, LANGUAGE)[0]
    assert change.fuzzy == (context,)
    back = {m.context: m for m in read_catalog(_facts(root)) if m.id}[context]
    assert (back.id, back.string, back.previous_id) == ("A reworded statement.", translation, [english])
    assert "fuzzy" in back.flags
    assert context not in {m.context for m in read_catalog(_facts(root)).obsolete.values()}
    assert f'#| msgid "{english}"' in _facts(root).read_text(encoding="utf-8")


# ---- an XLIFF round trip (msgctxt lost) ------------------------------------------------------


def _xliff_round_trip(path: Path, work: Path) -> None:
    """What a CAT tool does to a PO file: PO -> XLIFF -> PO (translate-toolkit, as Weblate and others)."""
    xliff = work / (path.stem + ".xlf")
    _run(str(TOOLKIT / "po2xliff"), "--progress=none", str(path), str(xliff))
    _run(str(TOOLKIT / "xliff2po"), "--progress=none", str(xliff), str(path))


@needs_toolkit
@needs_gettext
def test_an_xliff_round_trip_loses_no_translation(root, tmp_path):
    catalogs = {domain: po_path(root, LANGUAGE, domain) for domain in ("facts", "ui")}
    before = {domain: _translations(path) for domain, path in catalogs.items()}
    original = {domain: path.read_bytes() for domain, path in catalogs.items()}
    retired = {m.id: m.string for m in read_catalog(catalogs["facts"]).obsolete.values()}
    assert retired  # the committed facts.po keeps a retired heading
    for path in catalogs.values():
        _xliff_round_trip(path, tmp_path)
        assert not any(m.context for m in read_catalog(path) if m.id)  # what the issue saw: every msgctxt gone
    changes = {change.path.stem: change for change in update_language(root, LANGUAGE)}
    for domain, path in catalogs.items():
        assert _translations(path) == before[domain]  # every translation, on its own entry
        assert _fuzzy(path) == set(before[domain])  # to be confirmed: the context was a guess
        assert set(changes[domain].reattached) == set(before[domain])
        assert not changes[domain].new
    # The tool made the retired entries live, without msgctxt: update lists them and keeps them as #~.
    assert sorted(u.english for u in changes["facts"].unplaced) == sorted(retired) and not changes["ui"].unplaced
    assert {m.id: m.string for m in read_catalog(catalogs["facts"]).obsolete.values()} == retired
    # The translator confirms (gettext's msgattrib, which wraps again); update then gives back the
    # committed file, but for the tool's own X-Generator line and the retired entry's lost msgctxt.
    for path in catalogs.values():
        _run("msgattrib", "--clear-fuzzy", str(path), "-o", str(path))
    update_language(root, LANGUAGE)
    for domain, path in catalogs.items():
        assert _translations(path) == before[domain] and not _fuzzy(path)
        lines = [line for line in path.read_text(encoding="utf-8").split("\n") if "X-Generator" not in line]
        expected = [line for line in original[domain].decode("utf-8").split("\n") if not line.startswith("#~ msgctxt")]
        assert lines == expected
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(catalogs["facts"])], check=True)


def _tiny_project(root: Path, template: str, po: str) -> Path:
    folder = root / "locales" / LANGUAGE / "LC_MESSAGES"
    folder.mkdir(parents=True)
    header = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    (root / "locales" / "ui.pot").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    (folder / "ui.po").write_text(header, encoding="utf-8")
    (root / "locales" / "facts.pot").write_text('msgid ""\nmsgstr ""\n\n' + template, encoding="utf-8")
    (folder / "facts.po").write_text(header + po, encoding="utf-8")
    return folder / "facts.po"


def test_english_several_entries_share_is_attached_to_none_and_kept(tmp_path):
    path = _tiny_project(
        tmp_path,
        'msgctxt "a:title"\nmsgid "Side effects"\nmsgstr ""\n\n'
        'msgctxt "b:title"\nmsgid "Side effects"\nmsgstr ""\n\n'
        'msgctxt "a:c1"\nmsgid "Rest when tired."\nmsgstr ""\n',
        'msgid "Side effects"\nmsgstr "Effets secondaires"\n\n'
        'msgid "Rest when tired."\nmsgstr "Reposez-vous."\n\n'
        'msgid "Nobody says this any more."\nmsgstr "Plus personne ne le dit."\n\n'
        'msgid "Drink water."\nmsgstr ""\n')
    change = update_language(tmp_path, LANGUAGE)[0]
    assert change.reattached == ("a:c1",)
    assert [(u.english, u.matches) for u in change.unplaced] == [
        ("Side effects", ("a:title", "b:title")), ("Nobody says this any more.", ())]
    catalog = read_catalog(path)
    live = {m.context: m for m in catalog if m.id}
    assert live["a:c1"].string == "Reposez-vous." and "fuzzy" in live["a:c1"].flags
    assert live["a:title"].string == live["b:title"].string == ""  # never a guess between two facts
    assert {(m.id, m.string) for m in catalog.obsolete.values()} == {
        ("Side effects", "Effets secondaires"), ("Nobody says this any more.", "Plus personne ne le dit.")}
    assert "Drink water." not in path.read_text(encoding="utf-8")  # untranslated: nothing to keep
    # The CLI lists each kept entry; the next update keeps them without listing them again.
    result = CliRunner().invoke(main, ["update", "--root", str(tmp_path), LANGUAGE])
    assert result.exit_code == 0 and "kept #~" not in result.output
    assert {(m.id, m.string) for m in read_catalog(path).obsolete.values()} == {
        ("Side effects", "Effets secondaires"), ("Nobody says this any more.", "Plus personne ne le dit.")}


def test_the_cli_lists_every_entry_update_retires_or_reattaches(tmp_path):
    _tiny_project(
        tmp_path,
        'msgctxt "a:c1"\nmsgid "Rest when tired."\nmsgstr ""\n\n'
        'msgctxt "a:title"\nmsgid "Side effects"\nmsgstr ""\n\n'
        'msgctxt "b:title"\nmsgid "Side effects"\nmsgstr ""\n',
        'msgctxt "a:c0"\nmsgid "Gone from the sources."\nmsgstr "Disparu."\n\n'
        'msgid "Rest when tired."\nmsgstr "Reposez-vous."\n\n'
        'msgid "Side effects"\nmsgstr "Effets secondaires"\n')
    result = CliRunner().invoke(main, ["update", "--root", str(tmp_path), LANGUAGE])
    assert result.exit_code == 0, result.output
    assert "(2 new, 1 now fuzzy, 2 kept as #~)" in result.output
    assert "fuzzy    a:c1: had lost its msgctxt" in result.output
    assert "kept #~  a:c0: no longer in the template" in result.output
    assert "'Side effects' had lost its msgctxt and 2 entries have this English (a:title, b:title)" in result.output


def test_a_translation_whose_entry_became_a_plural_is_kept(tmp_path):
    path = _tiny_project(
        tmp_path,
        'msgctxt "draws_on"\nmsgid "{count} source"\nmsgid_plural "{count} sources"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        'msgctxt "draws_on"\nmsgid "{count} source"\nmsgstr "{count} source"\n')
    change = update_language(tmp_path, LANGUAGE)[0]
    assert change.obsolete == ("draws_on",)
    catalog = read_catalog(path)
    assert [m.string for m in catalog.obsolete.values()] == ["{count} source"]
    assert [m.string for m in catalog if m.id] == [("", "")]


def test_two_translations_of_one_context_are_both_kept(tmp_path):
    path = _tiny_project(
        tmp_path,
        'msgctxt "a:c1"\nmsgid "Rest when tired."\nmsgstr ""\n',
        'msgctxt "a:c1"\nmsgid "Rest when tired."\nmsgstr "Reposez-vous."\n\n'
        'msgctxt "a:c1"\nmsgid "Rest if tired."\nmsgstr "Reposez-vous si besoin."\n\n'
        '#~ msgctxt "a:c2"\n#~ msgid "Drink water."\n#~ msgstr "Buvez de l\'eau."\n\n'
        '#~ msgctxt "a:c2"\n#~ msgid "Drink."\n#~ msgstr "Buvez."\n')
    change = update_language(tmp_path, LANGUAGE)[0]
    assert change.obsolete == ("a:c1",)  # the one of the two live entries that was not used
    catalog = read_catalog(path)
    assert [(m.context, m.string) for m in catalog if m.id] == [("a:c1", "Reposez-vous.")]
    assert sorted(m.string for m in catalog.obsolete.values()) == ["Buvez de l'eau.", "Buvez.", "Reposez-vous si besoin."]
