"""End-to-end in every shipped language: text in its language, RTL Arabic, glyphs, one-page summaries.

The build of every language is shared with other modules (full_build, tests/conftest.py).
"""

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipeline.build.builder import build_locales
from pipeline.config import load_config
from pipeline.errors import RenderError
from pipeline.i18n.po_files import title_context
from pipeline.i18n.translations import Messages, load_messages
from pipeline.models import Untranslated as Problem
from pipeline.render import html as page
from pipeline.render import pdf as render
from pipeline.render.fonts import missing_glyphs
from pipeline.templates import shipped_templates

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


@pytest.fixture()
def built(full_build):
    return full_build.output, full_build.report


def text_of(shared, path: str) -> str:
    """The text of one of the build's PDFs (extracted with the build), words joined by single spaces."""
    return " ".join(shared.text(path).split())


def test_english_and_every_shipped_language_are_built(built):
    output, report = built
    assert set(build_locales(ROOT)) == {"en", *LANGUAGES}
    assert {(o.locale, o.kind) for o in report.outputs} == {
        (lang, kind) for lang in ("en", *LANGUAGES) for kind in ("leaflet", "summary")}
    manifest = json.loads((output / "manifest.json").read_text())["outputs"]
    assert all(row["untranslated"] == 0 for row in manifest), "every shipped language is complete"
    assert {row["locale"]: row["reviewed"] for row in manifest}["fr"] is False


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_pdf_is_in_its_language_with_lang_title_and_one_page_summary(full_build, language):
    output = full_build.output
    config = load_config(ROOT)
    topic = config.topics[0]
    title, untranslated = load_messages(ROOT, language).lookup("facts", title_context(topic.key), topic.title)
    assert untranslated is None and title != topic.title
    for kind in ("leaflet", "summary"):
        path = output / f"{language}/immunotherapy-{kind}.pdf"
        reader = PdfReader(path)
        assert str(reader.trailer["/Root"]["/Lang"]) == language
        text = text_of(full_build, f"{language}/immunotherapy-{kind}.pdf")
        for word in MARKERS[language]:
            assert word in text, (kind, word)
        assert "the immune system" not in text  # no English fact left behind
        assert config.clinic.phone.lstrip("+") in text  # pypdf drops the "+" before digits in RTL text
        assert reader.metadata.title == title  # the translated title
    assert len(PdfReader(output / f"{language}/immunotherapy-summary.pdf").pages) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_unreviewed_translations_say_so(built, language):
    output, _ = built
    html = (output / f"{language}/immunotherapy-leaflet.html").read_text(encoding="utf-8")
    assert 'class="not-reviewed"' in html
    assert 'class="not-reviewed"' not in (output / "en/immunotherapy-leaflet.html").read_text(encoding="utf-8")


def test_arabic_lays_out_right_to_left_with_no_missing_glyph(full_build):
    output = full_build.output
    html = (output / "ar/immunotherapy-leaflet.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    assert "@bottom-right" in html and "text-align: right" in html  # the footer starts on the right
    for kind in ("leaflet", "summary"):
        reader = PdfReader(output / f"ar/immunotherapy-{kind}.pdf")
        fonts = {str(font["/BaseFont"]).split("+")[-1]
                 for page in reader.pages for font in page["/Resources"]["/Font"].values()}
        assert "Handout-Arabic" in fonts and all(f.startswith("Handout-") for f in fonts)
        text = text_of(full_build, f"ar/immunotherapy-{kind}.pdf")
        assert not missing_glyphs(text, shipped_templates().font_files())
    # The clinic's phone number keeps its digit order inside right-to-left text.
    assert "\u2066+44 20 7946 0000\u2069" in html


def test_a_translation_the_bundled_fonts_cannot_draw_fails_the_build(prepared_topic):
    messages = load_messages(ROOT, "fr")
    entries = dict(messages.entries)
    key = ("ui", "sources")
    entries[key] = type(entries[key])(entries[key].english, "Sources ✓", line=7)
    broken = Messages(locale="fr", reviewed=False, entries=entries, plural_forms=messages.plural_forms, files=messages.files)
    with pytest.raises(RenderError, match=r"locales/fr/LC_MESSAGES/ui.po:7: sources: no glyph .*U\+2713"):
        render.render(prepared_topic.handout, "leaflet", "fr", messages=broken)


def test_a_fuzzy_entry_prints_in_english_marked_and_is_reported(prepared_topic):
    messages = load_messages(ROOT, "fr")
    entries = dict(messages.entries)
    key = next(k for k in sorted(entries) if k[0] == "facts" and k[1].startswith("immunotherapy:c"))
    problem = Problem("locales/fr/LC_MESSAGES/facts.po", 12, key[1], "fuzzy: needs review", "fuzzy")
    entries[key] = type(entries[key])(entries[key].english, None, problem, line=12)
    partial = Messages(locale="fr", reviewed=False, entries=entries, plural_forms=messages.plural_forms, files=messages.files)
    rendered = render.render(prepared_topic.handout, "leaflet", "fr", messages=partial)
    fact_id = key[1].split(":")[1]
    english = entries[key].english
    assert f'data-fact="{fact_id}"' in rendered.html
    assert f'<span class="untranslated" lang="en" dir="ltr">{english}' in rendered.html
    assert 'class="untranslated-note"' in rendered.html
    printed = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(rendered.pdf)).pages).split())
    assert " ".join(english.split()) in printed  # printed in English, in the French PDF
    assert rendered.untranslated == (problem,)
    assert str(problem) == "locales/fr/LC_MESSAGES/facts.po:12: " + key[1] + ": fuzzy: needs review"


def test_markup_in_a_translation_is_printed_as_text_never_executed(prepared_topic):
    messages = load_messages(ROOT, "fr")
    entries = dict(messages.entries)
    key = ("ui", "sources")
    entries[key] = type(entries[key])(entries[key].english, '<img src="file:///etc/passwd">Sources', line=3)
    hostile = Messages(locale="fr", reviewed=False, entries=entries, plural_forms=messages.plural_forms, files=messages.files)
    # The escaping is the template's: the page's HTML is what WeasyPrint lays out.
    html = page.page_html(prepared_topic.handout, "leaflet", "fr", hostile, shipped_templates()).html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;Sources" in html
    assert '<img src="file:///etc/passwd">' not in html
