"""End-to-end in every shipped language: text in its language, RTL Arabic, glyphs, one-page summaries."""

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipeline.render import pdf as render
from pipeline.build.builder import BuildOptions, build, build_locales
from pipeline.prepare import prepare
from pipeline.config import load_config
from pipeline.errors import RenderError
from pipeline.render.fonts import missing_glyphs
from pipeline.templates import shipped_templates
from pipeline.i18n.translations import Messages, load_messages
from pipeline.models import Untranslated as Problem

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow
LANGUAGES = ("ar", "es", "fr", "it", "tr")
# Words a page in each language cannot do without; none of them is English.
MARKERS = {
    "fr": ("immunothérapie", "système immunitaire"),
    "it": ("immunoterapia", "sistema immunitario"),
    "es": ("inmunoterapia", "sistema inmunitario"),
    "tr": ("immünoterapi", "bağışıklık"),
    "ar": ("العلاج المناعي", "الجهاز المناعي"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    output = tmp_path_factory.mktemp("localized")
    return output, build(load_config(ROOT), BuildOptions(output=output, topics=("immunotherapy",)))


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_english_and_every_shipped_language_are_built(built):
    output, report = built
    assert set(build_locales(ROOT)) == {"en", *LANGUAGES}
    assert {(o.locale, o.kind) for o in report.outputs} == {
        (lang, kind) for lang in ("en", *LANGUAGES) for kind in ("leaflet", "summary")}
    manifest = json.loads((output / "manifest.json").read_text())["outputs"]
    assert all(row["untranslated"] == 0 for row in manifest), "every shipped language is complete"
    assert {row["locale"]: row["reviewed"] for row in manifest}["fr"] is False


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_pdf_is_in_its_language_with_lang_title_and_one_page_summary(built, language):
    output, _ = built
    config = load_config(ROOT)
    for kind in ("leaflet", "summary"):
        path = output / f"{language}/immunotherapy-{kind}.pdf"
        reader = PdfReader(path)
        assert str(reader.trailer["/Root"]["/Lang"]) == language
        text = text_of(path)
        for word in MARKERS[language]:
            assert word in text or word in " ".join(text.split()), (kind, word)
        assert "the immune system" not in text  # no English fact left behind
        assert config.clinic.phone.lstrip("+") in text  # pypdf drops the "+" before digits in RTL text
        assert reader.metadata.title != "Immunotherapy for cancer"
    assert len(PdfReader(output / f"{language}/immunotherapy-summary.pdf").pages) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_unreviewed_translations_say_so(built, language):
    output, _ = built
    html = (output / f"{language}/immunotherapy-leaflet.html").read_text(encoding="utf-8")
    assert 'class="not-reviewed"' in html
    assert 'class="not-reviewed"' not in (output / "en/immunotherapy-leaflet.html").read_text(encoding="utf-8")


def test_arabic_lays_out_right_to_left_with_no_missing_glyph(built):
    output, _ = built
    html = (output / "ar/immunotherapy-leaflet.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    assert "@bottom-right" in html and "text-align: right" in html  # the footer starts on the right
    for kind in ("leaflet", "summary"):
        reader = PdfReader(output / f"ar/immunotherapy-{kind}.pdf")
        fonts = {str(font["/BaseFont"]).split("+")[-1]
                 for page in reader.pages for font in page["/Resources"]["/Font"].values()}
        assert "Handout-Arabic" in fonts and all(f.startswith("Handout-") for f in fonts)
        text = text_of(output / f"ar/immunotherapy-{kind}.pdf")
        assert not missing_glyphs(text, shipped_templates().font_files())
    # The clinic's phone number keeps its digit order inside right-to-left text.
    assert "\u2066+44 20 7946 0000\u2069" in html


def test_a_translation_the_bundled_fonts_cannot_draw_fails_the_build(tmp_path):
    messages = load_messages(ROOT, "fr")
    entries = dict(messages.entries)
    key = ("ui", "sources")
    entries[key] = type(entries[key])(entries[key].english, "Sources ✓", line=7)
    broken = Messages(locale="fr", reviewed=False, entries=entries, plural_forms=messages.plural_forms, files=messages.files)
    handout = prepare(
        load_config(ROOT), load_config(ROOT).topics[0]).handout
    with pytest.raises(RenderError, match=r"locales/fr/LC_MESSAGES/ui.po:7: sources: no glyph .*U\+2713"):
        render.render(handout, "leaflet", "fr", messages=broken)


def test_a_fuzzy_entry_prints_in_english_marked_and_is_reported(tmp_path):
    messages = load_messages(ROOT, "fr")
    entries = dict(messages.entries)
    key = next(k for k in sorted(entries) if k[0] == "facts" and k[1].startswith("immunotherapy:c"))
    problem = Problem("locales/fr/LC_MESSAGES/facts.po", 12, key[1], "fuzzy: needs review", "fuzzy")
    entries[key] = type(entries[key])(entries[key].english, None, problem, line=12)
    partial = Messages(locale="fr", reviewed=False, entries=entries, plural_forms=messages.plural_forms, files=messages.files)
    config = load_config(ROOT)
    handout = prepare(config, config.topics[0]).handout
    rendered = render.render(handout, "leaflet", "fr", messages=partial)
    fact_id = key[1].split(":")[1]
    assert f'data-fact="{fact_id}"' in rendered.html
    assert '<span class="untranslated" lang="en" dir="ltr">' in rendered.html
    assert 'class="untranslated-note"' in rendered.html
    assert rendered.untranslated == (problem,)
    assert str(problem) == "locales/fr/LC_MESSAGES/facts.po:12: " + key[1] + ": fuzzy: needs review"


def test_markup_in_a_translation_is_printed_as_text_never_executed():
    messages = load_messages(ROOT, "fr")
    entries = dict(messages.entries)
    key = ("ui", "sources")
    entries[key] = type(entries[key])(entries[key].english, '<img src="file:///etc/passwd">Sources', line=3)
    hostile = Messages(locale="fr", reviewed=False, entries=entries, plural_forms=messages.plural_forms, files=messages.files)
    config = load_config(ROOT)
    handout = prepare(config, config.topics[0]).handout
    rendered = render.render(handout, "leaflet", "fr", messages=hostile)
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;Sources" in rendered.html
    assert '<img src="file:///etc/passwd">' not in rendered.html
