"""Tests for pipeline.ingest: encodings, NFC, line numbers, errors, the cheap HTML path."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from pipeline.errors import SourceError
from pipeline.text.ingest import ingest
from pipeline.models import SourceMeta

TEXT = "Immunotherapy “works” for café patients.\nSecond line – done.\n"


def _ingest(tmp_path: Path, name: str, data: bytes):
    """Write bytes to tmp_path/name and ingest them with tmp_path as root."""
    path = tmp_path / name
    path.write_bytes(data)
    return ingest(path, tmp_path, SourceMeta(filename=name))


def _texts(source) -> list[str]:
    """Return the text of every line of a source."""
    return [line.text for line in source.lines]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by the NUL-byte pattern
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),  # smart quotes 0x93/0x94, é 0xE9, en dash 0x96
    ],
    ids=["utf-8", "utf-8-sig", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be", "cp1252"],
)
def test_decodes_supported_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    source = _ingest(tmp_path, "a.txt", data)
    assert source.encoding == encoding
    assert _texts(source) == ["Immunotherapy “works” for café patients.", "Second line – done."]
    assert "\ufeff" not in source.lines[0].text


def test_path_is_relative_posix_and_meta_kept(tmp_path: Path) -> None:
    (tmp_path / "sources" / "topic").mkdir(parents=True)
    path = tmp_path / "sources" / "topic" / "a.md"
    path.write_text("# Title\n", encoding="utf-8")
    meta = SourceMeta(filename="a.md", publisher="Example")
    source = ingest(path, tmp_path, meta)
    assert source.path == "sources/topic/a.md"
    assert source.meta is meta


def test_normalizes_to_nfc(tmp_path: Path) -> None:
    source = _ingest(tmp_path, "a.txt", "Cafe\u0301 and re\u0301sume\u0301\n".encode("utf-8"))
    assert source.lines[0].text == "Café and résumé"
    assert len(source.lines[0].text) == len("Café and résumé")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_line_numbers_follow_the_original_file(tmp_path: Path, newline: str) -> None:
    text = newline.join(["Title", "", "First paragraph.", "", "", "Second paragraph.", ""])
    source = _ingest(tmp_path, "a.txt", text.encode("utf-8"))
    numbered = {line.number: line.text for line in source.lines}
    assert numbered[1] == "Title"
    assert numbered[3] == "First paragraph."
    assert numbered[6] == "Second paragraph."
    assert [line.number for line in source.lines] == list(range(1, len(source.lines) + 1))
    assert all("\r" not in line.text and "\n" not in line.text for line in source.lines)


def test_unicode_separators_do_not_split_lines(tmp_path: Path) -> None:
    # str.splitlines() would split on these and shift every later line number.
    text = "one\x0cstill one\u2028and still\u0085one\nTwo\n"
    source = _ingest(tmp_path, "a.txt", text.encode("utf-8"))
    assert [(line.number, line.text) for line in source.lines] == [
        (1, "one\x0cstill one\u2028and still\u0085one"), (2, "Two")]


def test_mixed_line_endings_keep_numbers(tmp_path: Path) -> None:
    source = _ingest(tmp_path, "a.txt", b"a\r\nb\rc\nd")
    assert [(line.number, line.text) for line in source.lines] == [
        (1, "a"), (2, "b"), (3, "c"), (4, "d")]


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "empty"),
        (b"  \r\n\t\n  ", "empty"),
        (codecs.BOM_UTF8 + b" \n", "empty"),
        (b"%PDF-1.4\n\x00\x01\x02\x03\xff\xfe\x00\x00binary", "binary"),
        (b"GIF89a" + bytes(range(1, 9)) * 20, "binary"),  # control characters, no NUL
    ],
    ids=["empty", "whitespace", "bom-only", "nul-bytes", "control-chars"],
)
def test_rejects_empty_and_binary_files(tmp_path: Path, data: bytes, fragment: str) -> None:
    with pytest.raises(SourceError) as caught:
        _ingest(tmp_path, "bad.txt", data)
    assert "bad.txt" in str(caught.value)
    assert fragment in str(caught.value)
    assert caught.value.path == "bad.txt"


def test_rejects_undecodable_bytes_naming_the_line(tmp_path: Path) -> None:
    # 0x81 and 0x8D are undefined in Windows-1252 and invalid as UTF-8.
    data = "Line one.\nLine two.\nBad \x81\x8d here.\n".encode("latin-1")
    with pytest.raises(SourceError) as caught:
        _ingest(tmp_path, "bad.txt", data)
    assert caught.value.line == 3
    assert str(caught.value).startswith("bad.txt:3: ")
    assert "UTF-8" in str(caught.value)


def test_rejects_damaged_utf8_instead_of_guessing_windows_1252(tmp_path: Path) -> None:
    data = "Café is fine.\n".encode("utf-8") + b"But this \xe9 is not.\n"
    with pytest.raises(SourceError) as caught:
        _ingest(tmp_path, "mixed.txt", data)
    assert caught.value.line == 2


def test_windows_1252_that_looks_like_utf8_here_and_there_is_still_windows_1252(
        tmp_path: Path) -> None:
    text = "Der Fuß“ ist groß. Schöne Grüße, café, naïve."  # "ß“" is a valid UTF-8 pair
    source = _ingest(tmp_path, "de.txt", text.encode("cp1252"))
    assert (source.encoding, source.lines[0].text) == ("cp1252", text)


def test_missing_file_and_unsupported_type(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="missing.txt: file not found"):
        ingest(tmp_path / "missing.txt", tmp_path, SourceMeta("missing.txt"))
    (tmp_path / "a.docx").write_bytes(b"PK")
    with pytest.raises(SourceError, match=r"a.docx: unsupported file type"):
        ingest(tmp_path / "a.docx", tmp_path, SourceMeta("a.docx"))


HTML = """<!DOCTYPE html>
<html><head><title>Site title</title>
<style>p { color: red }</style></head>
<body>
<h2>What is   immunotherapy?</h2>
<p>Immunotherapy helps the immune
system fight <b>cancer</b> cells &amp; tumours.</p>
<script>var s = "<p>not text</p>";</script>
<img src="a.jpg" alt="Doctor talking to a patient">
<noscript>Enable JavaScript</noscript>
<ul>
  <li>Fatigue</li>
  <li>Rash &eacute;</li>
</ul>
<p>First part<br>second part</p>
<p>Ask your team:<br>
What is the aim?<br/>
How long will it take?</p>
</body></html>
"""


def test_html_extracts_text_with_element_line_numbers(tmp_path: Path) -> None:
    source = _ingest(tmp_path, "page.html", HTML.replace("\n", "\r\n").encode("utf-8"))
    assert [(line.number, line.text) for line in source.lines] == [
        (5, "# What is immunotherapy?"),
        (6, "Immunotherapy helps the immune system fight cancer cells & tumours."),
        (12, "- Fatigue"),
        (13, "- Rash é"),
        (15, "First part"),
        (15, "second part"),
        # Text after a "<br>" (as browsers save it) is numbered by its own line, like after "<br/>".
        (16, "Ask your team:"),
        (17, "What is the aim?"),
        (18, "How long will it take?"),
    ]


@pytest.mark.parametrize(("figure", "expected"), [
    ("<figure><img src='a.jpg' alt='x'>\n<figcaption>A nurse at work.</figcaption></figure>",
     [(2, "Caption: A nurse at work.")]),
    ("<figure>\n<figcaption>\n<p>Our day unit.</p>\n<p>Photo: J. Roe</p>\n</figcaption>\n</figure>",
     [(3, "Caption: Our day unit."), (4, "Caption: Photo: J. Roe")]),
    ("<figure><blockquote>Treatment was easier than I feared.</blockquote>\n"
     "<figcaption>Maria, <b>patient</b></figcaption></figure>",
     [(1, "Treatment was easier than I feared."), (2, "Caption: Maria, patient")]),
    # A block whose class names it a caption is one too; a class such as "captioned" is not.
    ("<div class='figure'><img src='a.jpg' alt='x'>\n<div class='figure__caption'><p>Two 21-day cycles.</p></div></div>",
     [(2, "Caption: Two 21-day cycles.")]),
    ("<div class='captioned-box'>\n<p>Drink plenty of water.</p></div>",
     [(2, "Drink plenty of water.")]),
], ids=["caption", "paragraphs-in-caption", "quote-and-caption", "caption-class", "other-class"])
def test_html_figure_captions_are_marked_on_their_own_lines(
        tmp_path: Path, figure: str, expected: list[tuple[int, str]]) -> None:
    page = figure + "\n<p>After the figure.</p>\n"
    source = _ingest(tmp_path, "page.html", page.encode("utf-8"))
    after = page.count("\n")  # the paragraph is on the last line and is not a caption
    assert [(line.number, line.text) for line in source.lines] == expected + [(after, "After the figure.")]


def test_html_table_rows_on_one_line_read_as_a_browser_copies_them(tmp_path: Path) -> None:
    page = ("<table>\n<tr><th>Body area</th><th>What to watch for</th></tr>\n"
            "<tr><td>Bowels <b>(colitis)</b></td><td>Diarrhoea or <a href='/x'>belly pain</a></td></tr>\n"
            "<tr>\n<td>Skin</td>\n<td>A rash</td>\n</tr>\n"  # cells on lines of their own stay lines of their own
            "<tr><td><p>Layout cell</p><p>with paragraphs</p></td><td>Sidebar</td></tr>\n"
            "<tr><td>One cell <table><tr><td>inner</td><td>row</td></tr></table></td></tr>\n</table>\n")
    source = _ingest(tmp_path, "page.html", page.encode("utf-8"))
    assert [(line.number, line.text) for line in source.lines] == [
        (2, "Body area\tWhat to watch for"),
        (3, "Bowels (colitis)\tDiarrhoea or belly pain"),
        (5, "Skin"), (6, "A rash"),
        (8, "Layout cell"), (8, "with paragraphs"), (8, "Sidebar"),
        (9, "One cell"), (9, "inner\trow"),
    ]


def test_html_text_is_numbered_by_its_own_line_not_its_elements(tmp_path: Path) -> None:
    # Pretty-printed HTML: a fact must point at the line that holds it, for the editor to find it.
    page = ("<body>\n<a class='skip' href='#main'>Skip to main content</a>\n<p>\n  Chemotherapy kills cancer cells.\n</p>\n"
            "<table><tr><td>\n<b>Hours:</b> Monday to Friday\n</td></tr></table>\n</body>\n")
    source = _ingest(tmp_path, "page.html", page.encode("utf-8"))
    assert [(line.number, line.text) for line in source.lines] == [
        (2, "Skip to main content"), (4, "Chemotherapy kills cancer cells."), (7, "Hours: Monday to Friday")]


def test_html_without_text_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="empty.html: .*no readable text"):
        _ingest(tmp_path, "empty.html", b"<html><head><script>x()</script></head><body></body></html>")


def test_html_lines_all_in_link_text_are_marked_linked(tmp_path: Path) -> None:
    page = ('<ul><li><a href="/a">Cancer types</a></li>\n<li><a href="/b">Treatments</a> </li></ul>\n'
            '<p>Read our <a href="/guide">guide</a> before your first visit.</p>\n'
            '<p><a name="top">Anchor only</a></p>\n')
    source = _ingest(tmp_path, "page.html", page.encode("utf-8"))
    assert [(line.text, line.linked) for line in source.lines] == [
        ("- Cancer types", True), ("- Treatments", True),
        ("Read our guide before your first visit.", False),  # a sentence with a link in it
        ("Anchor only", False),  # an anchor without href leads nowhere
    ]



def test_a_tabs_name_shown_again_as_a_button_over_its_panel_is_its_link_and_an_accordions_title_is_not(
        tmp_path: Path) -> None:
    page = ('<ul role="tablist"><li><button role="tab">Overview</button></li><li><button role="tab">Before</button></li></ul>\n'
            '<div role="tabpanel"><button class="mobile-toggle" aria-expanded="true">Overview</button>\n'
            '<h3><button aria-expanded="false"><span>Before you start</span></button></h3>\n'
            '<button class="accordion">Side effects</button>\n'
            '<p>Most people have their treatment as a day patient.</p></div>\n')
    lines = {line.number: line for line in _ingest(tmp_path, "tabs.html", page.encode("utf-8")).lines}
    assert lines[2].text == "Overview" and lines[2].linked  # the phone's toggle repeats the tab
    assert lines[3].text == "# Before you start" and not lines[3].linked  # an accordion's heading
    assert lines[4].text == "Side effects" and not lines[4].linked  # a button that names no tab


def test_a_title_linked_to_its_own_address_is_the_pages_title_not_a_link(tmp_path: Path) -> None:
    # A forum's or blog's <h1> links to the post itself (its slug may be cut short); a logo's <h1>
    # links home, and a heading further down links to another page.
    page = ('<h1><a href="/t/radiation-therapy-a-community-wiki-guide/577">Radiation therapy: a community wiki guide '
            'to external beam treatment</a></h1>\n'
            '<h1><a href="/">Kindred Cancer Community</a></h1>\n'
            '<h2><a href="/t/radiation-therapy-a-community-wiki-guide/577">Radiation therapy: a community wiki guide</a></h2>\n')
    source = _ingest(tmp_path, "page.html", page.encode("utf-8"))
    assert [line.linked for line in source.lines] == [False, True, True]



def test_an_emails_hidden_preview_text_is_no_line_of_the_page(tmp_path: Path) -> None:
    # A preheader hides itself every way at once; an accordion's closed panel only by display:none.
    page = ('<span class="preview" style="display:none; font-size:0px; max-height:0px; mso-hide:all;">What this issue covers</span>\n'
            '<div style="display:none"><p>Most side effects settle within weeks.</p></div>\n'
            '<p>Radiotherapy uses high-energy rays.</p>\n')
    source = _ingest(tmp_path, "page.html", page.encode("utf-8"))
    assert [line.text for line in source.lines] == ["Most side effects settle within weeks.", "Radiotherapy uses high-energy rays."]


LANDMARK_PAGE = """<html><body>
<div role="alert"><p>Flu clinics are closed on Friday.</p></div>
<header><p>Example Health</p><nav><ul><li><a href="/">Home</a></li></ul></nav></header>
<main><article><h1>Radiotherapy</h1><p>Radiotherapy uses high-energy rays.</p>
<nav aria-label="On this page"><a href="#a">What it is</a></nav>
<aside><p>Key point: it does not hurt.</p></aside></article>
<form action="/feedback"><label>Was this page useful?</label><button>Yes</button></form></main>
<aside><p>Related services</p></aside>
<footer><p>1 Harbour Road</p></footer>
</body></html>
"""


def test_html_lines_know_the_page_landmark_they_sit_in(tmp_path: Path) -> None:
    source = _ingest(tmp_path, "page.html", LANDMARK_PAGE.encode())
    regions = {line.text: line.region for line in source.lines}
    assert regions["Flu clinics are closed on Friday."] == "alert"
    assert regions["Example Health"] == "header" and regions["- Home"] == "nav"
    assert regions["# Radiotherapy"] == regions["Radiotherapy uses high-energy rays."] == "main"
    assert regions["What it is"] == "nav"  # a menu inside the article is still a menu
    assert regions["Key point: it does not hurt."] == "main"  # a box inside the article is the article's
    assert regions["Was this page useful?"] == regions["Yes"] == "form"
    assert regions["Related services"] == "aside" and regions["1 Harbour Road"] == "footer"


def test_a_page_wrapped_in_one_big_form_is_not_taken_for_a_form(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>Paragraph {n} of the article.</p>\n" for n in range(30))
    page = f"<html><body><form id='aspnetForm'>\n{paragraphs}</form></body></html>"
    source = _ingest(tmp_path, "page.html", page.encode())
    assert {line.region for line in source.lines} == {""}


def test_text_files_have_no_landmarks(tmp_path: Path) -> None:
    source = _ingest(tmp_path, "a.txt", b"<main>Not markup here</main>\nSecond line\n")
    assert {line.region for line in source.lines} == {""}


def test_an_aside_beside_the_pages_article_is_a_sidebar_and_one_inside_it_the_articles(tmp_path: Path) -> None:
    page = ("<html><body><main><article><h1>CT scan</h1><p>A CT scan uses X-rays.</p>\n"
            "<aside><p>Key point: it does not hurt.</p></aside></article>\n"
            "<aside class='sidebar'><h2>Which procedure is right for me?</h2></aside></main></body></html>\n")
    regions = {line.text: line.region for line in _ingest(tmp_path, "page.html", page.encode()).lines}
    assert regions["Key point: it does not hurt."] == "main"
    assert regions["# Which procedure is right for me?"] == "aside"


def test_an_absurdly_long_word_is_refused_naming_its_line_and_a_long_one_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Title\n\nA chart: https://example.org/" + "a" * 200 + " shows it.\n\n"
                    "The picture data:image/png;base64," + "A" * 1_000_000 + " shows the cells.\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"page\.txt:5: a word of 1,000,0\d\d characters with no space \(data:image"):
        ingest(path, tmp_path, SourceMeta(filename="page.txt"))
    path.write_text("Title\n\nA chart: https://example.org/" + "a" * 200 + " shows it.\n", encoding="utf-8")
    assert "a" * 200 in ingest(path, tmp_path, SourceMeta(filename="page.txt")).lines[2].text


def test_html_marked_sections_are_dropped_as_a_browser_drops_them(tmp_path):
    """'<![if !IE]>' and unknown '<![x[...]]>' are bogus comments to a browser; Python's parser would assert."""
    page = tmp_path / "page.html"
    page.write_text("<p>One</p>\n<![if !IE]>\n<p>Two</p><![x[hidden]]>\n<![endif]>\n<p>Three</p>\n<![ broken",
                    encoding="utf-8")
    lines = ingest(page, tmp_path, SourceMeta("page.html")).lines
    assert [(line.number, line.text) for line in lines] == [(1, "One"), (3, "Two"), (5, "Three")]


def test_an_emails_conditional_comments_close_where_a_browser_closes_them(tmp_path):
    # An e-mail builder's Outlook comments: "<![endif]" inside a comment is its text; dropped as a
    # marked section, it left "<!--" open, and the rest of the newsletter read as no text at all.
    page = tmp_path / "page.html"
    page.write_text("<head><!--[if gte mso 15]>\n<xml>office</xml>\n<![endif]--></head><body>\n"
                    "<!--[if !gte mso 9]><!----><span>Preview text</span><!--<![endif]-->\n"
                    "<!--[if mso]><table><tr><td><![endif]-->\n<p>Chemotherapy is given in cycles.</p>\n"
                    "<!--[if mso]></td></tr></table><![endif]-->\n<p>Bring a snack.</p></body>", encoding="utf-8")
    lines = ingest(page, tmp_path, SourceMeta("page.html")).lines
    assert [(line.number, line.text) for line in lines] == [
        (4, "Preview text"), (6, "Chemotherapy is given in cycles."), (8, "Bring a snack.")]


def test_an_editors_list_item_wrapped_in_a_paragraph_is_still_an_item(tmp_path):
    # Substack, Google Docs and other editors save "<li><p>...</p></li>".
    page = ("<html><body><p>Common side effects include:</p>\n<ul>\n<li><p>Feeling tired</p></li>\n"
            "<li><p>Feeling sick</p><p>This usually settles within a day.</p></li>\n<li>Hair loss</li>\n"
            "<li><div><p>A sore mouth</p></div></li>\n<li></li>\n"
            "</ul>\n<p>Tell your nurse about any of them.</p></body></html>")
    source = _ingest(tmp_path, "page.html", page.encode("utf-8"))
    assert [line.text for line in source.lines] == [
        "Common side effects include:", "- Feeling tired", "- Feeling sick", "This usually settles within a day.",
        "- Hair loss", "- A sore mouth", "Tell your nurse about any of them."]


@pytest.mark.parametrize(("paragraph", "expected"), [
    ('<p class="c15 title" id="h.x"><span class="c3">Chemotherapy</span></p>', ("# Chemotherapy", 1)),
    ("<p class=MsoTitle>Having a CT scan</p>", ("# Having a CT scan", 1)),
    ('<p class="c8 subtitle">Information for patients</p>', ("Information for patients", 0)),
    ('<p class="card-title">Coping with tiredness</p>', ("Coping with tiredness", 0)),
], ids=["google-docs-title", "word-title", "subtitle", "card-title"])
def test_a_documents_title_style_paragraph_is_its_first_heading(
        tmp_path: Path, paragraph: str, expected: tuple[str, int]) -> None:
    source = _ingest(tmp_path, "page.html", (paragraph + "\n<p>Text.</p>\n").encode("utf-8"))
    assert (source.lines[0].text, source.lines[0].level) == expected


def test_a_small_block_around_a_slider_or_tick_box_is_a_form_and_its_neighbours_are_not(tmp_path: Path) -> None:
    page = ("<html><body><main><h1>Chemotherapy</h1><p>Chemotherapy lowers the chance of the cancer coming back.</p>\n"
            "<div class='values'><h3>How important is this to you?</h3><p>Avoiding time off work</p>\n"
            "<input type='range' min='0' max='4'><p><span>Not important</span> <span>Very important</span></p></div>\n"
            "<div><p>Most side effects go once treatment ends.</p><p>Tell your team about any new symptom.</p>\n"
            "<input type='hidden' name='token'><p>Hair grows back.</p></div>\n"
            "<div><p>A</p><p>B</p><p>C</p><p>D</p><p>E</p><input type='checkbox'></div></main></body></html>\n")
    regions = {line.text: line.region for line in _ingest(tmp_path, "page.html", page.encode()).lines}
    assert regions["# How important is this to you?"] == regions["Avoiding time off work"] == "form"
    assert regions["Not important Very important"] == "form"
    assert regions["Chemotherapy lowers the chance of the cancer coming back."] == "main"
    assert regions["Most side effects go once treatment ends."] == "main"  # a hidden field is no control
    assert regions["A"] == "main"  # a bigger block is not a widget's


def test_a_sections_own_header_and_box_are_not_the_pages_banner_or_sidebar(tmp_path: Path) -> None:
    # HTML-AAM: <header>, <footer> and an unnamed <aside> inside a <section> are the section's (an
    # e-book chapter's opener, a "Did you know?" box); at the top of the page they are the site's.
    page = ("<html><body><header><p>Site name</p></header>\n<section>\n<header><h1>Chemotherapy</h1></header>\n"
            "<p>Chemotherapy uses medicines to destroy cancer cells.</p>\n"
            "<aside><h3>Did you know?</h3><p>Many people shorten it to chemo.</p></aside>\n"
            "<aside aria-label='Related books'><p>More in this series</p></aside>\n"
            "<footer><p>End of chapter</p></footer>\n</section>\n<footer><p>Copyright</p></footer></body></html>\n")
    regions = {line.text: line.region for line in _ingest(tmp_path, "page.html", page.encode()).lines}
    assert regions["Site name"] == "header" and regions["Copyright"] == "footer"
    assert regions["# Chemotherapy"] == regions["Many people shorten it to chemo."] == ""
    assert regions["End of chapter"] == ""
    assert regions["More in this series"] == "aside"  # a named aside is a landmark wherever it is


def test_a_printed_books_page_number_is_marked_and_the_text_beside_it_is_not(tmp_path: Path) -> None:
    page = ('<html><body><div class="folio"><span epub:type="pagebreak" title="28">28</span></div>\n'
            '<p>Cycles last <span role="doc-pagebreak" title="29"/>three weeks.</p>\n'
            '<div><span role="doc-pagebreak">30</span></div>\n<p>Rest days help.</p></body></html>\n')
    marks = {line.text: line.marked for line in _ingest(tmp_path, "page.html", page.encode()).lines}
    assert marks == {"28": "doc-pagebreak", "Cycles last three weeks.": "", "30": "doc-pagebreak", "Rest days help.": ""}


@pytest.mark.parametrize(("element", "expected"), [
    ('<div role="heading" aria-level="1" class="pageTitle">Chemotherapy: what to expect</div>',
     ("# Chemotherapy: what to expect", 1)),
    ('<span role="heading">Side effects</span>', ("Side effects", 0)),  # inline: no line of its own
    ('<div role="heading">Side effects</div>', ("# Side effects", 2)),  # ARIA's default level
    ('<div role="heading" aria-level="9">Side effects</div>', ("# Side effects", 2)),
], ids=["level-1", "inline", "no-level", "bad-level"])
def test_an_aria_heading_is_a_heading(tmp_path: Path, element: str, expected: tuple[str, int]) -> None:
    source = _ingest(tmp_path, "page.html", (element + "\n<p>Text.</p>\n").encode("utf-8"))
    assert (source.lines[0].text, source.lines[0].level) == expected


def test_a_headings_text_after_a_box_inside_it_is_still_the_heading(tmp_path: Path) -> None:
    # A site builder's "copy heading link" widget opens the heading, its title text follows.
    page = ('<h2 id="h.1"><div class="CjVfdc"><div role="presentation"><a href="#h.1" aria-label="Copy heading link">'
            '</a></div><span>About immunotherapy</span></div></h2>\n<p>Immunotherapy helps the immune system.</p>\n')
    lines = _ingest(tmp_path, "page.html", page.encode()).lines
    assert [(line.text, line.level) for line in lines] == [
        ("# About immunotherapy", 2), ("Immunotherapy helps the immune system.", 0)]


@pytest.mark.parametrize(("page", "expected"), [
    # Google Sites: a small centred italic paragraph under the picture, no <figcaption>.
    ('<div><img src="card.png"></div>\n<div><p><span style="font-size: 10pt; font-style: italic;">The alert card: '
     'keep it in your wallet.</span></p></div>\n<p>Carry the card at all times.</p>\n',
     ["Caption: The alert card: keep it in your wallet.", "Carry the card at all times."]),
    ('<iframe src="https://video.example/x">Video: your first day (4:12)</iframe>\n'
     '<p><em>Film made by the radiotherapy team.</em></p>\n',
     ["Caption: Film made by the radiotherapy team."]),  # a browser shows no text inside an iframe
    # Italics with no picture above them, or a paragraph only partly in italics, are the article's.
    ('<p><em>Tell us if you feel unwell.</em></p>\n', ["Tell us if you feel unwell."]),
    ('<img src="a.png">\n<p>Tell us <em>straight away</em> if you feel unwell.</p>\n',
     ["Tell us straight away if you feel unwell."]),
], ids=["styled-span", "under-video", "no-picture", "partly-italic"])
def test_a_line_in_italics_right_under_a_picture_is_its_caption(tmp_path: Path, page: str, expected: list[str]) -> None:
    assert [line.text for line in _ingest(tmp_path, "page.html", page.encode()).lines] == expected
