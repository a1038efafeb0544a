"""Rendering: HTML by template, PDFs checked by structure (pages, text, fonts, tags)."""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader
from weasyprint.formatting_structure.boxes import TextBox
from weasyprint.urls import URLFetchingError, fetch

from pipeline.i18n import locale_data as i18n
from pipeline.errors import HandoutError, RenderError
from pipeline.i18n.translations import Messages
from pipeline.models import Clinic, Cluster, Entry, Fact, FitHint, Handout, Rendered, Section, SourceRef
from pipeline.render import fitting
from pipeline.render import html as page_html
from pipeline.render import pdf as render
from pipeline.render.fetcher import AssetFetcher
from pipeline.templates import shipped_folder, shipped_templates

ENGLISH = Messages(locale="en", source=True)

TEMPLATES = shipped_templates()
ASSETS = TEMPLATES.asset_folders[0]
FONT = ASSETS / "fonts" / "NotoSans-Regular.ttf"
BODY_MIN_PX = 11 * 96 / 72  # 11pt in CSS px
LONG = ("Your care team checks your blood and asks how you feel before each "
        "treatment, so that a problem is found early and treated before it gets worse. ")


def cluster(text: str, support: int = 1, line: int = 1) -> Cluster:
    """Make a cluster stated by `support` sources at the same line."""
    paths = [f"sources/t/{name}.txt" for name in "abcde"[:support]]
    fid = hashlib.sha1(text.encode()).hexdigest()[:12]
    members = tuple(Fact(fid, text, text, path, line, "sentence") for path in paths)
    return Cluster(fid, members[0], members, tuple(paths))


CLINIC = Clinic(name="Riverside Oncology Centre", phone="020 7946 0123",
                address="12 Riverside Road, London", side_effects_phone="020 7946 0999",
                email="oncology@riverside.example")
SIDE_EFFECTS = tuple(cluster(text, 2, 40 + i) for i, text in enumerate(
    ["Tiredness", "Skin rash or itching", "Diarrhoea", "Feeling sick"]))
SOURCES = (SourceRef("sources/t/a.txt", "Cancer Research Org", "2020-04-01"),
           SourceRef("sources/t/b.txt", "Health Service", ""))


def handout(sections: tuple[Section, ...], **changes) -> Handout:
    """Make a handout whose leaflet and summary both print these sections."""
    base = Handout(topic="immunotherapy", title="Immunotherapy: what to expect",
                   version="1.0", issued="2025-03-01", review="2026-03-01", clinic=CLINIC,
                   sections=sections, summary=sections, side_effects=SIDE_EFFECTS,
                   sources=SOURCES)
    return replace(base, **changes)


SMALL = handout((
    Section("what", "What is immunotherapy?", (
        Entry(cluster("Immunotherapy helps your immune system destroy cancer cells.", 3, 3)),
        Entry(cluster("It can be given in several ways:", 2, 5), (
            cluster("as a drip into a vein;", 2, 6), cluster("as tablets.", 1, 7))),
    )),
    Section("during", "During treatment", (
        Entry(cluster("Treatment is usually given every two to four weeks.", 1, 10)),
    )),
    Section("effects", "Side effects", (
        Entry(cluster("Side effects can start months after treatment ends.", 2, 20)),
    )),
))
BIG = handout(tuple(
    Section(f"s{s}", f"Section {s + 1}", tuple(
        Entry(cluster(f"Point {s + 1}.{p + 1}. " + LONG * (1 + p % 3), 1 + (s + p) % 4,
                      100 * s + p))
        for p in range(8)))
    for s in range(5)), topic="big")


@cache
def rendered_big(kind: str, page_size: str = "A4") -> Rendered:
    """BIG rendered once per run for the tests that only read the result (Rendered is frozen)."""
    return render.render(BIG, kind, page_size=page_size)  # type: ignore[arg-type]


def pdf(rendered: Rendered) -> PdfReader:
    return PdfReader(io.BytesIO(rendered.pdf))


def text(rendered: Rendered) -> str:
    return "\n".join(page.extract_text() for page in pdf(rendered).pages)


# ---- Fast: strings, HTML, choices -----------------------------------------------


def test_i18n_locale_data_and_strict_locales():
    assert i18n.ENGLISH["sources"] == "Sources"
    assert i18n.is_source_language("en-GB") and not i18n.is_source_language("fr")
    assert i18n.format_date("2025-03-01", "en") == "March 1, 2025"
    assert i18n.format_date("2025-03-01", "fr") == "1 mars 2025"
    assert (i18n.text_direction("en"), i18n.text_direction("ar")) == ("ltr", "rtl")
    assert i18n.language_tag("en_GB") == "en-GB"
    for bad in ("xx", ""):  # unknown to Babel, empty
        with pytest.raises(HandoutError):
            i18n.parse_locale(bad)
    with pytest.raises(HandoutError):
        i18n.format_date("01/04/2020", "en")
    with pytest.raises(RenderError, match="no translations"):
        render.render(SMALL, "leaflet", locale="fr")  # a language needs its checked messages


def test_unknown_page_size_kind_or_locale():
    with pytest.raises(RenderError, match="page size"):
        render.render(SMALL, "leaflet", page_size="A5")
    with pytest.raises(RenderError):
        render.render(SMALL, "poster")  # type: ignore[arg-type]
    with pytest.raises(HandoutError):
        render.render(SMALL, "leaflet", locale="xx")


def test_html_head_provenance_and_structure():
    html = page_html.page_html(SMALL, "leaflet", "en", ENGLISH, TEMPLATES).html
    assert '<html lang="en" dir="ltr">' in html
    assert "<title>Immunotherapy: what to expect</title>" in html
    assert '<meta name="author" content="Riverside Oncology Centre">' in html
    assert '<meta name="dcterms.created" content="2025-03-01">' in html
    lead = SMALL.sections[0].entries[1]
    assert (f'data-fact="{lead.cluster.id}" '
            'data-sources="sources/t/a.txt:5 sources/t/b.txt:5"') in html
    assert (f'<li data-fact="{lead.items[1].id}" '
            'data-sources="sources/t/a.txt:7">as tablets.</li>') in html
    assert html.count(f'data-fact="{lead.cluster.id}"') == 1  # each fact printed once
    assert html.count("<h2>") == 3  # the sections ("Sources" has an id, the contact box a class)
    assert '<h2 id="sources-heading">' in html
    assert "Cancer Research Org — a.txt (stated April 1, 2020)" in html


def test_one_number_is_printed_once():
    clinic = replace(CLINIC, side_effects_phone="")
    html = page_html.page_html(replace(SMALL, clinic=clinic), "summary", "en", ENGLISH, TEMPLATES).html
    body = html.split("</head>", 1)[1]  # the page header (in <head> CSS) names it too
    assert body.count("020 7946 0123") == 1 and "Questions? Side effects?" in body


def test_fact_text_is_escaped_in_html():
    hostile = '<img src="file:///etc/passwd"> <script>alert(1)</script>'
    html = page_html.page_html(handout((Section("x", "X <b>", (Entry(cluster(hostile)),)),)),
                          "summary", "en", ENGLISH, TEMPLATES).html
    assert "<img" not in html and "<script" not in html and "<b>" not in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html


def test_css_strings_cannot_break_out():
    quoted = page_html._css_string('A "b" \\ </style> · é')
    assert quoted.startswith('"') and quoted.endswith('"')
    assert not set(quoted[1:-1]) & set('"<>\'')
    assert page_html._page_counter("Page {page} of {pages}") == (
        '"Page " counter(page) " of " counter(pages)')
    with pytest.raises(HandoutError):
        page_html._page_counter("Page {pgae}")


def test_drop_order_support_then_later_position_then_later_section():
    sections = (Section("a", "A", (Entry(cluster("a0", 2)), Entry(cluster("a1", 1)), Entry(cluster("a2", 1)))),
                Section("b", "B", (Entry(cluster("b0", 1)), Entry(cluster("b1", 3)))))
    # Indexes in document order: a0=0 a1=1 a2=2 b0=3 b1=4. Among support 1, every
    # second-or-later fact goes before any section's first fact.
    assert fitting._drop_order(sections) == [2, 1, 3, 0, 4]
    kept = fitting._keep(sections, frozenset({3, 4}))
    assert [s.key for s in kept] == ["a"]  # "b" lost its last entry, heading goes too


# ---- Fast: the fetcher ------------------------------------------------------------


def test_fetcher_serves_assets_and_data_urls():
    fetcher = AssetFetcher(TEMPLATES.asset_folders)
    with fetch(fetcher, FONT.as_uri()) as response:
        assert response.read() == FONT.read_bytes()
        assert response.content_type == "font/ttf"
    with fetch(fetcher, "data:text/plain;base64,aGk=") as response:
        assert response.read() == b"hi"


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    (ASSETS / "fonts").as_uri() + "/../../../pipeline/render/pdf.py",
    ASSETS.as_uri() + "/%2e%2e/base.html",
    "file://evil.example/share/x.css",
    "http://example.com/x.png",
    "https://example.com/x.css",
    "ftp://example.com/x",
])
def test_fetcher_refuses_everything_else(url, caplog):
    with caplog.at_level(logging.WARNING, logger="pipeline.render.fetcher"):
        with pytest.raises(URLFetchingError):
            with fetch(AssetFetcher(TEMPLATES.asset_folders), url):
                pass
    assert url in caplog.text


def test_fetcher_refuses_symlink_out_of_assets(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    root = tmp_path / "assets"
    root.mkdir()
    (root / "link.css").symlink_to(outside)
    with pytest.raises(URLFetchingError):
        with fetch(AssetFetcher((root,)), (root / "link.css").as_uri()):
            pass


# ---- Slow: PDFs ------------------------------------------------------------------


def font_descriptors(reader: PdfReader):
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            yield font["/FontDescriptor"].get_object()


@pytest.mark.slow
def test_leaflet_pdf_structure():
    result = render.render(SMALL, "leaflet")
    reader = pdf(result)
    assert result.pages == len(reader.pages) >= 1
    assert (result.warnings, result.left_out, result.layout_passes) == ((), (), 1)
    printed = text(result)
    for needle in ("Immunotherapy: what to expect", "020 7946 0123", "020 7946 0999",
                   "Page 1 of", "Sources", "Contact your care team", "as tablets.",
                   "Version 1.0 · Issued March 1, 2025", "does not replace"):
        assert needle in printed
    assert "data-fact" not in printed
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    assert reader.metadata.title == "Immunotherapy: what to expect"
    assert reader.metadata["/Author"] == "Riverside Oncology Centre"
    assert reader.metadata["/CreationDate"] == "D:20250301"  # the issue date, not the clock
    for descriptor in font_descriptors(reader):
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor)
        assert "Handout-Sans" in descriptor["/FontName"]  # nothing but the bundled family
    outline = reader.outline
    assert outline[0].title == SMALL.title  # h1 at level 1
    assert [item.title for item in outline[1]][:3] == [s.title for s in SMALL.sections]


@pytest.mark.slow
def test_small_summary_fits_at_once():
    result = render.render(SMALL, "summary")
    # One measuring layout, then the real one.
    assert (result.pages, result.left_out, result.layout_passes) == (1, (), 2)
    assert result.warnings == ()
    printed = text(result)
    assert "Common side effects" in printed and "Skin rash or itching" in printed
    assert "020 7946 0123" in printed and "Page 1 of 1" in printed


@pytest.mark.slow
def test_summary_that_fits_only_tightened_is_tightened_not_cut():
    six = handout((Section("s", "Section", tuple(
        Entry(cluster(f"Point {p}. " + LONG * 2, 1, p)) for p in range(6))),), topic="tight")
    result = render.render(six, "summary")
    # The measuring layout says tightening is enough: fit-0 and fit-1 overflow, fit-2 fits.
    assert (result.pages, result.left_out, result.layout_passes) == (1, (), 4)
    assert '<body class="summary fit-2">' in result.html


@pytest.mark.slow
@pytest.mark.parametrize("page_size, media_box", [("A4", (595, 842)), ("Letter", (612, 792))])
def test_big_summary_is_one_page(page_size, media_box):
    result = rendered_big("summary", page_size)
    reader = pdf(result)
    assert result.pages == len(reader.pages) == 1
    assert tuple(round(float(v)) for v in reader.pages[0].mediabox[2:]) == media_box
    assert result.left_out and result.warnings == ()
    assert result.layout_passes <= 5
    printed = text(result)
    assert "020 7946 0123" in printed and "Diarrhoea" in printed  # never dropped
    # Whatever was dropped had no more support than anything kept.
    entries = [entry for section in BIG.summary for entry in section.entries]
    dropped = [e.cluster.support for e in entries if e.cluster.id in result.left_out]
    kept = [e.cluster.support for e in entries if e.cluster.id not in result.left_out]
    assert kept and max(dropped) <= min(kept)
    assert all(f'data-fact="{fid}"' not in result.html for fid in result.left_out)


@pytest.mark.slow
def test_a_summary_fitted_before_is_laid_out_once_from_its_hint_and_prints_the_same():
    searched = rendered_big("summary")
    hint = FitHint(searched.fit_level, searched.left_out)
    again = render.render(BIG, "summary", fit_hint=hint)
    assert (again.layout_passes, again.left_out, again.fit_level) == (1, searched.left_out, searched.fit_level)
    assert again.pdf == searched.pdf and again.html == searched.html
    # A hint that does not fit (nothing left out, untightened) costs one layout, then the search runs.
    wrong = render.render(BIG, "summary", fit_hint=FitHint(0, ()))
    assert wrong.left_out == searched.left_out and wrong.layout_passes == searched.layout_passes + 1
    assert wrong.pdf == searched.pdf


@pytest.mark.slow
def test_summary_body_text_never_below_11pt():
    result = rendered_big("summary")
    assert 'class="summary fit-2"' in result.html  # the tightest step was needed
    document = fitting.layout(result.html, "A4", TEMPLATES)
    html_box = document.pages[0]._page_box.children[0]  # the flow, not the footer
    sizes = {box.style["font_size"] for box in html_box.descendants()
             if isinstance(box, TextBox)}
    assert min(sizes) >= BODY_MIN_PX - 1e-6


@pytest.mark.slow
def test_summary_that_cannot_fit_raises():
    crowded = replace(SMALL, side_effects=tuple(cluster(LONG * 2, 1, i) for i in range(30)))
    with pytest.raises(RenderError, match="does not fit"):
        render.render(crowded, "summary")


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["leaflet", "summary"])
def test_renders_are_byte_identical(kind, monkeypatch):
    first = rendered_big(kind)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # nothing reads the clock anyway
    assert render.render(BIG, kind).pdf == first.pdf


@pytest.mark.slow
def test_hostile_fact_text_prints_literally_and_fetches_nothing(monkeypatch):
    asked: list[str] = []
    original = AssetFetcher.fetch

    def recording(self, url, headers=None):
        asked.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(AssetFetcher, "fetch", recording)
    hostile = '<img src="file:///etc/passwd"> <script>alert(1)</script>'
    result = render.render(handout((Section("x", "X", (Entry(cluster(hostile)),)),)),
                           "leaflet")
    assert '<img src="file:///etc/passwd">' in text(result)
    assert not any("passwd" in url for url in asked)
    assert result.warnings == ()
    for page in pdf(result).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        assert all(x.get_object().get("/Subtype") != "/Image" for x in xobjects.values())


@pytest.mark.slow
def test_image_outside_assets_is_refused_with_a_warning():
    # Templates never print raw HTML, so go one level down and lay out a page directly.
    with render._captured_warnings() as warnings:
        document = fitting.layout('<p>x</p><img src="file:///etc/passwd" alt="">', "A4", TEMPLATES)
    assert len(document.pages) == 1
    assert any("/etc/passwd" in message for message in warnings)


def test_shipped_templates_are_the_checkouts_templates_folder():
    assert shipped_folder() == Path(__file__).resolve().parent.parent / "templates"
    assert TEMPLATES.asset("print.css") == shipped_folder() / "assets" / "print.css"


def test_a_character_no_font_draws_is_reported_with_the_source_line_that_prints_it():
    starred = handout((Section("what", "What is immunotherapy?", (
        Entry(cluster("\u2605\u2605\u2605\u2605\u2605 The nurses were wonderful.", 1, 120)),)),))
    with pytest.raises(RenderError, match=r"U\+2605 BLACK STAR.*printed from sources/t/a\.txt:120"):
        page_html.page_html(starred, "leaflet", "en", ENGLISH, TEMPLATES)


@pytest.mark.slow
def test_emoji_a_page_uses_as_markers_print_in_the_bundled_emoji_font():
    # Clinics' pages mark advice with emoji ("⚠️", "❌", "📌"); dropping one could turn a
    # "don't" into a "do", so they print, in one colour, from templates/assets/fonts.
    marked = handout((Section("what", "What is immunotherapy?", (
        Entry(cluster("\u26a0\ufe0f Do not take ibuprofen \u274c unless your doctor says so \U0001F4CC.", 1, 7)),)),))
    result = render.render(marked, "leaflet")
    fonts = {font.get_object()["/BaseFont"].split("+")[-1]
             for page in pdf(result).pages for font in page["/Resources"]["/Font"].values()}
    assert "Handout-Emoji" in fonts and "Handout-Sans" in fonts
    assert "\u274c" in text(result)
