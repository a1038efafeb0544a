"""A clinic's own templates: its files first, file by file, then the shipped defaults, the same
for rendering, the incremental plan, the config checks and the release check."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from weasyprint.urls import fetch

from pipeline.build.builder import BuildOptions, build
from pipeline.build.release import STAGING, release
from pipeline.build.release_checks import missing_elements
from pipeline.config import load_config
from pipeline.errors import ConfigError, HandoutError
from pipeline.i18n.translations import Messages
from pipeline.render.fetcher import AssetFetcher
from pipeline.templates import shipped_folder, shipped_templates, template_set

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = shipped_folder()
ENGLISH = Messages(locale="en", source=True)


SMALL_TOPIC = ("Radiotherapy in brief\n\n"
               "Radiotherapy uses high-energy rays to destroy cancer cells in the treated area.\n\n"
               "Most people have a short session every weekday for a few weeks.\n\n"
               "Common side effects include:\n- tiredness\n- sore skin in the treated area\n\n"
               "Call the unit straight away if your skin blisters or you feel unwell.\n")


def clinic_project(root: Path) -> Path:
    """A clinic's folder with no templates of its own (and no translations: English only).

    One small topic, so each build renders a page or two.
    """
    (root / "sources" / "radiotherapy").mkdir(parents=True, exist_ok=True)
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, root / name)
    (root / "sources" / "radiotherapy" / "topic.yaml").write_text(
        'title: Radiotherapy\nversion: "2.1"\nissued: 2026-03-01\nreview: 2027-03-01\n', encoding="utf-8")
    (root / "sources" / "radiotherapy" / "unit.txt").write_text(SMALL_TOPIC, encoding="utf-8")
    return root


def own_template(root: Path, name: str, change=lambda text: text) -> Path:
    """Put a changed copy of a shipped template (or asset) into the project's templates/."""
    path = root / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(change((SHIPPED / name).read_text(encoding="utf-8")), encoding="utf-8")
    return path


# ---- Fast: where a file is found -----------------------------------------------------


def test_the_projects_own_file_wins_and_every_other_file_is_the_shipped_one(tmp_path):
    own_template(tmp_path, "base.html", lambda text: text.replace("<body", "<!-- ours --><body"))
    own_template(tmp_path, "assets/print.css")
    templates = template_set(tmp_path)
    assert templates.folders == (tmp_path / "templates", SHIPPED)
    assert templates.find("base.html") == tmp_path / "templates" / "base.html"
    assert templates.find("leaflet.html") == SHIPPED / "leaflet.html"
    assert templates.asset("print.css") == tmp_path / "templates" / "assets" / "print.css"
    assert templates.asset("fonts/NotoSans-Regular.ttf") == SHIPPED / "assets" / "fonts" / "NotoSans-Regular.ttf"
    assert templates.find("../clinic.yaml") is None  # nothing outside the templates folders
    files = templates.files()
    assert files["base.html"].parent == tmp_path / "templates" and files["summary.html"].parent == SHIPPED
    environment = templates.environment()
    assert "<!-- ours -->" in environment.loader.get_source(environment, "base.html")[0]
    assert environment.get_template("leaflet.html").filename == str(SHIPPED / "leaflet.html")
    # A project without templates/ uses the defaults alone; the checkout's own root is the defaults.
    assert template_set(tmp_path / "elsewhere").folders == (SHIPPED,)
    assert template_set(ROOT).folders == (SHIPPED,)


def test_a_template_uses_what_it_extends_includes_and_imports(tmp_path):
    templates = shipped_templates()
    assert templates.closure("leaflet.html") == {"leaflet.html", "base.html", "_macros.html"}
    assert templates.closure("review.html") == {"review.html"}
    own_template(tmp_path, "summary.html", lambda text: text + '{% include "extra.html" %}')
    (tmp_path / "templates" / "extra.html").write_text('{% include "more.html" %}', encoding="utf-8")
    (tmp_path / "templates" / "more.html").write_text("more", encoding="utf-8")
    assert template_set(tmp_path).closure("summary.html") == {
        "summary.html", "base.html", "_macros.html", "extra.html", "more.html"}
    # A name computed at render time may be any template.
    (tmp_path / "templates" / "extra.html").write_text("{% include which %}", encoding="utf-8")
    assert "leaflet.html" in template_set(tmp_path).closure("summary.html")


def test_a_projects_stylesheet_still_finds_the_shipped_fonts_and_nothing_outside(tmp_path):
    own_template(tmp_path, "assets/print.css")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    fetcher = AssetFetcher(template_set(tmp_path).asset_folders)
    own_font = tmp_path / "templates" / "assets" / "fonts" / "NotoSans-Regular.ttf"  # not there: shipped one
    with fetch(fetcher, own_font.as_uri()) as response:
        assert response.read() == (SHIPPED / "assets" / "fonts" / "NotoSans-Regular.ttf").read_bytes()
    with fetch(fetcher, (tmp_path / "templates" / "assets" / "print.css").as_uri()) as response:
        assert response.read() == (tmp_path / "templates" / "assets" / "print.css").read_bytes()
    with pytest.raises(Exception):
        with fetch(fetcher, (tmp_path / "templates" / "assets" / ".." / ".." / "secret.txt").as_uri()):
            pass


def test_the_logo_may_be_the_projects_own_asset_and_a_missing_one_names_both_folders(tmp_path):
    root = clinic_project(tmp_path)
    clinic = (root / "clinic.yaml").read_text(encoding="utf-8")
    (root / "clinic.yaml").write_text(clinic.replace("example-logo.svg", "our-logo.png"), encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"logo 'our-logo.png' is not a file in {root}/templates/assets \(nor in the shipped {SHIPPED}/assets\)"):
        load_config(root)
    (root / "templates" / "assets").mkdir(parents=True)
    shutil.copy(SHIPPED / "assets" / "example-logo.svg", root / "templates" / "assets" / "our-logo.png")
    assert load_config(root).clinic.logo == "our-logo.png"


# ---- Slow: builds with a clinic's own templates --------------------------------------


def _build(root: Path, output: Path, **options):
    return build(load_config(root, {"SOURCE_DATE_EPOCH": "1700000000"}),
                 BuildOptions(output=output, workers=1, **options))


@pytest.mark.slow
def test_a_clinics_template_changes_the_output_and_rerenders_only_what_uses_it(tmp_path):
    root = clinic_project(tmp_path / "clinic")
    output = tmp_path / "out"
    first = _build(root, output)
    assert sorted(first.rendered) == ["en/radiotherapy-leaflet.pdf", "en/radiotherapy-summary.pdf"]

    own_template(root, "summary.html", lambda text: text.replace(
        '<p class="not-advice">', '<p class="ours">Printed for the Example Clinic day unit.</p>\n  <p class="not-advice">'))
    second = _build(root, output)
    assert second.rendered == ("en/radiotherapy-summary.pdf",)  # the leaflet does not use summary.html
    assert "Printed for the Example Clinic day unit." in (output / "en/radiotherapy-summary.html").read_text()
    text = " ".join(page.extract_text() for page in PdfReader(output / "en/radiotherapy-summary.pdf").pages)
    assert "Printed for the Example Clinic day unit." in text

    own_template(root, "review.html", lambda text: text.replace("<body", "<!-- reviewed here --><body", 1))
    third = _build(root, output)
    assert third.rendered == ()  # no PDF uses review.html
    assert "<!-- reviewed here -->" in (output / "radiotherapy/review.html").read_text()

    own_template(root, "assets/print.css", lambda text: text + "\n.ours { font-weight: bold; }\n")
    assert sorted(_build(root, output).rendered) == sorted(first.rendered)  # both PDFs use print.css
    assert _build(root, output).rendered == ()


@pytest.mark.slow
def test_the_release_check_reads_the_pdf_not_the_default_templates_markup(tmp_path):
    root = clinic_project(tmp_path / "clinic")
    # Restyled: other class names and element kinds, the same things said.
    own_template(root, "_macros.html", lambda text: re.sub(r'class="(when|number|phone[^"]*|contact[^"]*)"',
                                                           'class="clinic-\\1"', text))
    own_template(root, "summary.html", lambda text: text.replace('<p class="not-advice">', '<div class="small-print">')
                 .replace("{{ loc.ui('not_advice') }}</p>", "{{ loc.ui('not_advice') }}</div>"))
    _build(root, tmp_path / "restyled", kinds=("summary",))
    config = load_config(root, {"SOURCE_DATE_EPOCH": "1700000000"})
    topic = config.topics[0]
    summary = tmp_path / "restyled/en/radiotherapy-summary.pdf"
    assert missing_elements(summary, "summary", "en", topic, config, ENGLISH) == []

    # The same template without the line: the check names it, and a release is refused for it. Built
    # where the release keeps its build (STAGING), so the release renders only the leaflet.
    own_template(root, "summary.html", lambda text: re.sub(r'\s*<p class="not-advice">.*?</p>', "", text, flags=re.S))
    without = tmp_path / "release" / STAGING / "office"
    _build(root, without, kinds=("summary",))
    summary = without / "en/radiotherapy-summary.pdf"
    assert missing_elements(summary, "summary", "en", topic, config, ENGLISH) == [
        "the 'does not replace medical advice' line"]
    with pytest.raises(HandoutError, match=r"radiotherapy-summary.pdf \(office\): missing the 'does not replace "
                                           r"medical advice' line"):
        release(config, tmp_path / "release", profiles=("office",))
    assert not (tmp_path / "release" / "release").exists()
