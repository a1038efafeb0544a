"""The HTML written beside each PDF opens on its own in a browser (issue 15, first part): every
font and the logo it links to are in the output folder, it says its language and direction, and
its landmarks and headings are in order, and it prints what its PDF prints. Checked here by
reading the files; test_browser.py opens them in Chromium."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tests.projects import preview_pages


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.headings: list[int] = []
        self.tags: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self.root: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.root = values
        if tag == "img":
            self.images.append(values)
        if values.get("src"):
            self.links.append(str(values["src"]))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))


def test_every_preview_links_only_to_files_the_output_folder_holds(full_build):
    pages = preview_pages(full_build.output)
    assert len(pages) == 12
    for page in pages:
        html = page.read_text(encoding="utf-8")
        outline = _Outline()
        outline.feed(html)
        links = outline.links + re.findall(r"url\(([^)]+)\)", html)
        assert any("fonts/NotoSans-Regular.ttf" in link for link in links), page
        for link in links:
            assert not re.match(r"[a-z]+:", link), f"{page}: {link} would load from outside the output folder"
            assert (page.parent / link).resolve().is_file(), f"{page}: {link} is not in the output folder"


def test_every_preview_says_its_language_direction_and_has_its_landmarks_in_order(full_build):
    for page in preview_pages(full_build.output):
        outline = _Outline()
        outline.feed(page.read_text(encoding="utf-8"))
        locale = page.parent.name
        assert outline.root.get("lang", "").startswith(locale[:2]), page
        assert outline.root.get("dir") == ("rtl" if locale == "ar" else "ltr"), page
        assert outline.tags.count("main") == 1 and outline.headings[0] == 1 and outline.headings.count(1) == 1, page
        assert all(b - a <= 1 for a, b in zip(outline.headings, outline.headings[1:])), f"{page}: a heading level skipped"
        assert all(image.get("alt") for image in outline.images), f"{page}: an image without alt text"


def test_the_screen_stylesheet_keeps_a_readable_measure_and_print_unchanged(full_build):
    html = (full_build.output / "en/immunotherapy-leaflet.html").read_text(encoding="utf-8")
    screen = html[html.index("@media screen"):]
    assert "max-width: 40rem" in screen and "overflow-wrap: anywhere" in screen
    assert html.count("@media screen") == 1 and "@page" in html  # print.css inlined as it is


class _PrintedFacts(HTMLParser):
    """The text of each element carrying a fact (data-fact), in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.facts: list[str] = []
        self._open: list[str] | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._open is not None:
            self._depth += 1
        elif "data-fact" in dict(attrs):
            self._open, self._depth = [], 0

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and self._depth == 0:
            self.facts.append("".join(self._open))
            self._open = None
        elif self._open is not None:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)


def _letters(text: str) -> str:
    """Letters and digits only: line breaks, hyphenation and spacing differ between HTML and PDF."""
    return re.sub(r"[\W_]", "", text).casefold()


def test_a_preview_prints_the_same_facts_in_the_same_order_as_its_pdf(full_build):
    """What a reader sees on the web is what the patient holds: every fact of the preview is in the
    PDF, in the same order (left-to-right languages: text taken from an Arabic PDF comes out in
    drawing order, not reading order)."""
    checked = 0
    for page in preview_pages(full_build.output):
        if page.parent.name == "ar":
            continue
        printed = _PrintedFacts()
        printed.feed(page.read_text(encoding="utf-8"))
        # The PDF's text without its running header and footer, extracted with the build (tests/conftest.py).
        pdf = _letters(full_build.body(page.relative_to(full_build.output).with_suffix(".pdf").as_posix()))
        position = 0
        assert len(printed.facts) > 5, page
        for fact in printed.facts:
            found = pdf.find(_letters(fact), position)
            assert found >= 0, f"{page}: not in the PDF where the preview has it: {fact!r}"
            position = found + len(_letters(fact))
        checked += 1
    assert checked == 10
