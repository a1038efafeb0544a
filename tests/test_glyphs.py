"""The glyph check of `handout check` and the build: every character a language prints (translations,
dates as Babel formats them, the clinic's wording) is in a font print.css loads; what is missing is
named with where it comes from and the font to add. And the clinic's wording per language."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.build.catalogs import check_language, load_catalogs
from pipeline.cli import main
from pipeline.config import clinic_in, load_config, untranslated_wording
from pipeline.errors import ConfigError
from pipeline.i18n.po_sync import init_language
from pipeline.i18n.translations import load_messages
from pipeline.render.glyph_check import font_to_add, loaded_fonts, missing_in_language
from tests.projects import copy_project

ROOT = Path(__file__).resolve().parent.parent
ENV = {"SOURCE_DATE_EPOCH": "1700000000"}
DATE_CHARS = "年月日"  # what Babel's long date format prints in Chinese besides digits: y年M月d日


def tiny_font(path: Path, chars: str, family: str = "Test Han") -> Path:
    """A TrueType font with a square glyph for each of chars (nothing downloaded)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    names = {char: f"uni{ord(char):04X}" for char in chars}
    order = [".notdef", *names.values()]
    pen = TTGlyphPen(None)
    pen.moveTo((100, 0)), pen.lineTo((100, 700)), pen.lineTo((800, 700)), pen.lineTo((800, 0)), pen.closePath()
    square = pen.glyph()
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({ord(char): name for char, name in names.items()})
    builder.setupGlyf({name: square for name in order})
    builder.setupHorizontalMetrics({name: (1000, 100) for name in order})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": family, "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    path.parent.mkdir(parents=True, exist_ok=True)
    builder.save(str(path))
    return path


def add_font(root: Path, font: Path, family: str = "Test Han", load: bool = True) -> None:
    """Add a font as a clinic does (README, "Adding a font"): the file under the project's
    templates/assets/fonts/, and, in its own print.css, an @font-face and the family in the font lists."""
    fonts = root / "templates/assets/fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    shutil.copy(font, fonts / font.name)
    if not load:
        return
    css = (ROOT / "templates/assets/print.css").read_text(encoding="utf-8")
    css = css.replace('"Handout Sans", "Handout Arabic"', f'"Handout Sans", "Handout Arabic", "{family}"')
    face = f'@font-face {{ font-family: "{family}"; src: url(fonts/{font.name}) format("truetype"); }}\n'
    (root / "templates/assets/print.css").write_text(face + css, encoding="utf-8")


@pytest.fixture
def zh_project(tmp_path: Path) -> Path:
    """A copy of the project with a Chinese translation just started (`handout init zh`)."""
    root = copy_project(tmp_path / "project", locales=())
    init_language(root, "zh")
    return root


def _translate(root: Path, domain: str, context: str, text: str) -> int:
    """Give one message of zh's PO file a translation; return the line of its msgctxt (msgid: the next)."""
    path = root / f"locales/zh/LC_MESSAGES/{domain}.po"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(f'msgctxt "{context}"')
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("msgstr"))
    lines[end] = f'msgstr "{text}"'
    path.write_text("\n".join(lines), encoding="utf-8")
    return start + 1


def test_a_new_chinese_translation_fails_on_the_date_format_naming_the_font(zh_project):
    result = CliRunner().invoke(main, ["check", "--root", str(zh_project), "zh"], env=ENV)
    assert result.exit_code == 1
    (line,) = [line for line in result.output.splitlines() if "the date format of locale zh" in line]
    assert all(f"'{char}' (U+{ord(char):04X}" in line for char in DATE_CHARS)
    assert 'add Noto Sans SC to templates/assets/fonts/ and to the font lists of print.css (see README, "Adding a font")' \
        in result.output
    assert "zh: 2 problem(s) with fonts or clinic wording" in result.output  # and the clinic's "(24 hours)"
    # The build leaves Chinese out for the same reason, and builds English (nothing rendered here).
    catalogs = load_catalogs(load_config(zh_project, ENV), ["en", "zh"])
    assert list(catalogs.messages) == ["en"]
    assert catalogs.not_built["zh"].startswith("no glyph in the bundled fonts for the date format of locale zh")


def test_a_font_added_as_a_clinic_does_passes_the_check(zh_project, tmp_path):
    font = tiny_font(tmp_path / "TestHan-Regular.ttf", DATE_CHARS)
    add_font(zh_project, font)
    config = load_config(zh_project, ENV)
    assert font.name in {path.name for path in loaded_fonts(config.templates)}
    assert check_language(config, "zh").glyphs == ""
    # A translation with a character the added font lacks is named by its PO file and line.
    line = _translate(zh_project, "ui", "sources", "来源")
    missing = missing_in_language(config, "zh", load_messages(zh_project, "zh"))
    assert [(m.where, m.chars) for m in missing] == [(f"locales/zh/LC_MESSAGES/ui.po:{line + 1} (sources)",
                                                      ("来", "源"))]


def test_a_font_in_the_folder_that_print_css_does_not_load_is_named(zh_project, tmp_path):
    add_font(zh_project, tiny_font(tmp_path / "TestHan-Regular.ttf", DATE_CHARS), load=False)
    problem = check_language(load_config(zh_project, ENV), "zh").glyphs
    assert "the date format of locale zh" in problem
    assert "assets/fonts/TestHan-Regular.ttf has them, but print.css does not load it" in problem


def test_the_shipped_languages_pass_the_glyph_check():
    config = load_config(ROOT, ENV)
    for language in ("ar", "es", "fr", "it", "tr"):
        assert missing_in_language(config, language, load_messages(ROOT, language)) == (), language


@pytest.mark.parametrize("char, locale, font", [
    ("年", "zh", "Noto Sans SC"), ("年", "zh_Hant", "Noto Sans TC"), ("年", "ja", "Noto Sans JP"),
    ("한", "ko", "Noto Sans KR"), ("ज", "hi", "Noto Sans Devanagari"), ("ก", "th", "Noto Sans Thai"),
    ("א", "he", "Noto Sans Hebrew"), ("✓", "fr", "a symbols font such as Noto Sans Symbols 2"),
])
def test_the_font_to_add_is_named_by_script(char, locale, font):
    assert font_to_add(char, locale) == font


# ---- The clinic's wording per language -------------------------------------------------------


def _clinic_project(tmp_path: Path, clinic: str) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    (root / "clinic.yaml").write_text(clinic, encoding="utf-8")
    shutil.copy(ROOT / "sections.yaml", root / "sections.yaml")
    shutil.copytree(ROOT / "sources", root / "sources")
    shutil.copytree(ROOT / "locales", root / "locales")
    return root


CLINIC = """name: Riverside Clinic
phone: "+44 20 7946 0000"
side_effects_phone:
  en: "+44 20 7946 0999 (24 hours)"
  fr: "+44 20 7946 0999 (24 h/24)"
"""


def test_clinic_wording_is_printed_per_language_and_english_where_there_is_none(tmp_path):
    root = _clinic_project(tmp_path, CLINIC)
    config = load_config(root, ENV)
    assert config.clinic.urgent_phone == "+44 20 7946 0999 (24 hours)"
    assert clinic_in(config, "fr").urgent_phone == "+44 20 7946 0999 (24 h/24)"
    assert clinic_in(config, "fr_CA").urgent_phone == "+44 20 7946 0999 (24 h/24)"
    assert clinic_in(config, "it").urgent_phone == "+44 20 7946 0999 (24 hours)"
    assert untranslated_wording(config, "fr") == () and untranslated_wording(config, "en") == ()
    (item,) = untranslated_wording(config, "it")
    assert item.setting == "side_effects_phone" and item.where.endswith("clinic.yaml:3")
    (problem,) = check_language(config, "it").problems
    assert re.search(r"clinic\.yaml:3: side_effects_phone: no it wording .*\(24 hours\).* is printed \(untranslated",
                     problem)
    assert check_language(config, "fr").problems == ()


@pytest.mark.parametrize("wording, error", [
    ('side_effects_phone:\n  fr: "+44 20 7946 0999 (24 h/24)"\n', r"clinic\.yaml:3: 'side_effects_phone': the English is required"),
    ('side_effects_phone:\n  en: "+44 20 7946 0999 (24 hours)"\n  fr: "+44 20 7946 0998 (24 h/24)"\n',
     r"clinic\.yaml:3: 'side_effects_phone': the fr wording .* is not the number of the English"),
    ('address:\n  en: "1 Example Street"\n  xx_nowhere: "?"\n', r"clinic\.yaml:3: 'address': 'xx_nowhere' is not a locale"),
])
def test_clinic_wording_mistakes_are_named_with_file_and_line(tmp_path, wording, error):
    root = _clinic_project(tmp_path, 'name: Riverside Clinic\nphone: "+44 20 7946 0000"\n' + wording)
    with pytest.raises(ConfigError, match=error):
        load_config(root, ENV)
