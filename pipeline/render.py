"""Handout x locale -> HTML (Jinja2) -> PDF (WeasyPrint, restricted fetcher).

The leaflet is laid out once. The summary must fit one page: first the layout is
tightened (body class fit-0 .. fit-2, never below 11pt), then the least important
entries are dropped, using heights measured on an endless page to guess how many.
"""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from html import unescape
from pathlib import PurePosixPath

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.formatting_structure.boxes import BlockBox
from weasyprint.text.fonts import FontConfiguration

from pipeline import i18n
from pipeline.errors import HandoutError, RenderError
from pipeline.fetcher import ASSETS, AssetFetcher
from pipeline.fonts import describe, missing_glyphs
from pipeline.localize import MARKER, Localizer
from pipeline.models import Cluster, Entry, Handout, OutputKind, Rendered, Section
from pipeline.translations import Messages, Problem

TEMPLATES = ASSETS.parent
PX_PER_MM = 96 / 25.4
# (CSS size keyword, width px, height px); heights are needed to judge the fit.
PAGE_SIZES = {"A4": ("A4", 210 * PX_PER_MM, 297 * PX_PER_MM),
              "Letter": ("letter", 8.5 * 96, 11 * 96)}
FIT_LEVELS = 3  # body classes fit-0 (normal) .. fit-2 (tightest, 11pt body)
ENDLESS_PX = 20000  # a page tall enough that a summary never breaks while measured
SLACK_PX = 6.0  # measured heights are right to a few px (line metrics at the page end); try this close
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


@dataclass(frozen=True)
class Profile:
    """A print profile: an extra stylesheet, the PDF variant, how many pages a summary may take."""

    stylesheet: str | None
    pdf_variant: str
    summary_pages: int = 1


PROFILES = {
    "office": Profile(None, "pdf/ua-1"),
    # What print shops ask for: PDF/X-4 (still tagged, with title, language and bookmarks),
    # 3 mm bleed and crop marks. WeasyPrint writes one PDF variant per file, so not PDF/UA too.
    "print-shop": Profile("profile-print-shop.css", "pdf/x-4"),
    # Clear print: body text 16 pt or more; the summary may take two pages (and says so).
    "large-print": Profile("profile-large-print.css", "pdf/ua-1", summary_pages=2),
}

_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"], default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _provenance(cluster: Cluster) -> str:
    """Return "file:line ..." for every source statement of a cluster."""
    return " ".join(f"{fact.source}:{fact.line}" for fact in cluster.members)


_ENV.filters["provenance"] = _provenance


def render(handout: Handout, kind: OutputKind, locale: str = "en",
           page_size: str = "A4", messages: Messages | None = None, profile: str = "office") -> Rendered:
    """Render a leaflet or a one-page summary of the handout to HTML and PDF.

    messages holds the language's checked translations (translations.load_messages); without
    them only English can be rendered.
    """
    if page_size not in PAGE_SIZES:
        raise RenderError(f"unknown page size {page_size!r} (use {', '.join(PAGE_SIZES)})")
    if kind not in ("leaflet", "summary"):
        raise RenderError(f"unknown output kind {kind!r}")
    if profile not in PROFILES:
        raise RenderError(f"unknown print profile {profile!r} (use {', '.join(PROFILES)})")
    if messages is None:
        if not i18n.is_source_language(locale):
            raise RenderError(f"no translations given for locale {locale!r}")
        messages = Messages(locale=locale, source=True)
    with _captured_warnings() as warnings:
        if kind == "leaflet":
            page = _html(handout, "leaflet", locale, messages)
            fit = _Fit(page, _layout(page.html, page_size, profile=profile), 1, ())
        else:
            fit = _fit_summary(handout, locale, page_size, messages, profile)
        options = {**PDF_OPTIONS, "pdf_variant": PROFILES[profile].pdf_variant}
        identifier = _identifier(handout, kind, locale, page_size, profile)
        with _stable_document_id(identifier):
            pdf = fit.document.write_pdf(pdf_identifier=identifier, **options)
    return Rendered(kind=kind, locale=locale, html=_preview(fit.page.html), pdf=pdf,
                    pages=len(fit.document.pages), left_out=fit.left_out,
                    layout_passes=fit.passes, warnings=tuple(warnings),
                    untranslated=tuple(str(p) for p in fit.page.untranslated))


# ---- HTML ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Page:
    """A filled template, and what it had to print in English."""

    html: str
    untranslated: tuple[Problem, ...]


def _html(handout: Handout, kind: OutputKind, locale: str, messages: Messages, level: int = 0,
          sections: tuple[Section, ...] | None = None) -> _Page:
    """Fill the kind's template; the summary gets the sections chosen to fit."""
    direction = i18n.text_direction(locale)
    loc = Localizer(messages, handout.topic, direction)
    issued = i18n.format_date(handout.issued, locale)
    body_class = "leaflet" if kind == "leaflet" else f"summary fit-{level}"
    title = loc.title(handout.title)
    page_css = _page_css(handout, loc, title, issued, direction)  # before the body: it records too
    html = _ENV.get_template(f"{kind}.html").render(
        handout=handout, loc=loc, title=title, lang=i18n.language_tag(locale), dir=direction,
        issued=issued,
        review=i18n.format_date(handout.review, locale) if handout.review else "",
        sources=[_source_row(ref.path, ref.publisher, ref.date, locale)
                 for ref in handout.sources],
        sections=handout.summary if sections is None else sections,
        side_effects=handout.side_effects, body_class=body_class,
        reviewed=messages.reviewed, marker=MARKER, page_css=page_css)
    missing = missing_glyphs(_printed_text(html))
    if missing:
        raise RenderError(f"{handout.topic} ({locale}): no glyph in the bundled fonts for {describe(missing)}")
    return _Page(html, tuple(loc.untranslated.values()))


def _printed_text(html: str) -> str:
    """The text content of a page (tags dropped, entities decoded), for the glyph check."""
    return unescape(re.sub(r"<[^>]*>", " ", html))


def _source_row(path: str, publisher: str, date: str, locale: str) -> dict[str, str]:
    """Describe a source for the list: file name, publisher, localized stated date."""
    try:
        shown = i18n.format_date(date, locale) if date else ""
    except HandoutError:
        shown = date  # a stated date that is not ISO is printed as the source gave it
    return {"path": path, "name": PurePosixPath(path).name, "publisher": publisher,
            "date": shown}


def _page_css(handout: Handout, loc: Localizer, title: str, issued: str, direction: str) -> Markup:
    """Return the header and footer margin boxes; texts go in as escaped CSS strings.

    Every page names the clinic and its number: a page photocopied on its own still
    tells the patient whom to call.
    """
    left = f"{title} · {loc.ui_plain('version')} {handout.version} · {loc.ui_plain('issued')} {issued}"
    clinic = handout.clinic
    header = f"{loc.isolate(clinic.name)} · {loc.ui_plain('questions')} {loc.ui_plain('call')} {loc.isolate(clinic.phone)}"
    start, end = ("left", "right") if direction == "ltr" else ("right", "left")
    return Markup(
        f"@page {{ @bottom-{start} {{ content: {_css_string(left)}; text-align: {start} }}"
        f" @bottom-{end} {{ content: {_page_counter(loc.ui_plain('page_of'))}; text-align: {end} }}"
        f" @top-{end} {{ content: {_css_string(header)}; text-align: {end} }} }}")


def _page_counter(pattern: str) -> str:
    """Turn "Page {page} of {pages}" into CSS content with page counters."""
    parts = []
    for i, piece in enumerate(re.split(r"\{(\w+)\}", pattern)):
        if i % 2 == 0:
            parts.append(_css_string(piece) if piece else "")
        elif piece in ("page", "pages"):
            parts.append(f"counter({piece})")
        else:
            raise HandoutError(f"unknown placeholder {{{piece}}} in {pattern!r}")
    return " ".join(part for part in parts if part)


def _css_string(text: str) -> str:
    """Quote text as a CSS string; hex-escape all but letters, digits and spaces."""
    # Escaping everything else means no quote, backslash or "</style" can get through.
    # The space after each escape ends it and is eaten by the CSS parser.
    return '"' + "".join(
        c if (c.isascii() and c.isalnum()) or c == " " else f"\\{ord(c):x} "
        for c in text) + '"'


# ---- Layout ----------------------------------------------------------------------


@cache
def _font_config() -> FontConfiguration:
    """Return the process-wide font configuration (building one is slow)."""
    return FontConfiguration()


def _preview(html: str) -> str:
    """The HTML with print.css inlined, so the file opens styled in a browser."""
    css = (ASSETS / "print.css").read_text(encoding="utf-8")
    return html.replace("</head>", f"<style>\n{css}</style>\n</head>", 1)


@cache
def _stylesheet() -> CSS:
    """Return print.css parsed once; its @font-face rules go into the font config."""
    return CSS(filename=ASSETS / "print.css", font_config=_font_config(),
               url_fetcher=AssetFetcher())


@cache
def _profile_stylesheet(name: str) -> CSS:
    return CSS(filename=ASSETS / name, font_config=_font_config(), url_fetcher=AssetFetcher())


def _layout(html: str, page_size: str, endless: bool = False, profile: str = "office") -> Document:
    """Lay out html on the named page size (or on an endless page, for measuring)."""
    keyword, width, _ = PAGE_SIZES[page_size]
    size = f"{width:.3f}px {ENDLESS_PX}px" if endless else keyword
    size_css = CSS(string=f"@page {{ size: {size} }}", font_config=_font_config())
    document = HTML(string=html, base_url=TEMPLATES.as_uri() + "/",
                    url_fetcher=AssetFetcher())
    return document.render(font_config=_font_config(),
                           stylesheets=[_stylesheet(), *_extra(profile), size_css], **PDF_OPTIONS)


def _extra(profile: str) -> list[CSS]:
    name = PROFILES[profile].stylesheet
    return [_profile_stylesheet(name)] if name else []


@contextmanager
def _stable_document_id(identifier: bytes) -> Iterator[None]:
    """Make the XMP DocumentID WeasyPrint writes for PDF/X-4 depend on the edition, not chance.

    WeasyPrint 68 fills it with uuid4(), which would make every print-shop PDF differ from the
    last; the PDF /ID is already a stable hash, and the DocumentID now derives from it.
    """
    from weasyprint.pdf import metadata

    original = metadata.uuid4
    metadata.uuid4 = lambda: uuid.UUID(bytes=hashlib.sha256(identifier).digest()[:16], version=4)
    try:
        yield
    finally:
        metadata.uuid4 = original


@contextmanager
def _captured_warnings() -> Iterator[list[str]]:
    """Collect warnings WeasyPrint and the fetcher log while the block runs."""
    messages: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: messages.append(  # type: ignore[method-assign]
        f"{record.levelname}: {record.getMessage()}")
    loggers = [logging.getLogger("weasyprint"), logging.getLogger("pipeline.fetcher")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield messages
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


def _identifier(handout: Handout, kind: str, locale: str, page_size: str, profile: str = "office") -> bytes:
    """Return a PDF /ID that is stable across builds of the same handout edition."""
    parts = (handout.topic, handout.version, kind, locale, page_size) + (() if profile == "office" else (profile,))
    key = "\0".join(parts)
    return hashlib.sha256(key.encode()).hexdigest()[:32].encode()


# ---- Fitting the summary -----------------------------------------------------------


@dataclass(frozen=True)
class _Fit:
    """The layout chosen for a document, and how many layouts it took to find it."""

    page: _Page
    document: Document
    passes: int
    left_out: tuple[str, ...]


def _fit_summary(handout: Handout, locale: str, page_size: str, messages: Messages,
                 profile: str = "office") -> _Fit:
    """Lay out the summary on one page (two in large print): tighten first, then drop the least important.

    Every layout counts (README, "Performance"): one measuring pass on an endless page, then
    real layouts only where the measurement says they can fit.
    """
    passes = 0
    most = PROFILES[profile].summary_pages
    pages_text = "one page" if most == 1 else f"{most} pages"

    def attempt(level: int, dropped: frozenset[int], endless: bool = False) -> _Try:
        nonlocal passes
        passes += 1
        page = _html(handout, "summary", locale, messages, level, _keep(handout.summary, dropped))
        document = _layout(page.html, page_size, endless, profile)
        return _Try(len(document.pages) <= most, page, document)

    # Pass 1: everything at the tightest step, on an endless page: how far over the page(s)
    # is it, and how much would dropping each entry save?
    tight = FIT_LEVELS - 1
    excess, saves = _measure(attempt(tight, frozenset(), endless=True).document,
                             handout.summary, PAGE_SIZES[page_size][2], most)
    tried: dict[int, _Try] = {}  # by number of entries dropped, at the tightest step
    if excess <= 0:  # everything fits once tightened: find the least tightening that fits
        for level in range(FIT_LEVELS):
            result = attempt(level, frozenset())
            if result.fits:
                return _Fit(result.page, result.document, passes, ())
        tried[0] = result  # the measurement was a little optimistic: drop after all
    order = _drop_order(handout.summary)
    if saves(frozenset(order)) < excess:
        raise RenderError(
            f"{handout.topic}: the summary does not fit on {pages_text} ({page_size}) even "
            "with only the title, side effects and contact details")
    k = _search_drops(lambda k: attempt(tight, frozenset(order[:k])), len(order),
                      lambda k: saves(frozenset(order[:k])) - excess, tried)
    if k is None:
        raise RenderError(f"{handout.topic}: the summary does not fit on {pages_text} ({page_size})")
    entries = _entries(handout.summary)
    left_out = tuple(fid for index in sorted(order[:k]) for fid in _entry_ids(entries[index][2]))
    return _Fit(tried[k].page, tried[k].document, passes, left_out)


@dataclass(frozen=True)
class _Try:
    """One layout of the summary at real page size."""

    fits: bool
    page: _Page
    document: Document


def _search_drops(attempt: Callable[[int], _Try], most: int,
                  spare: Callable[[int], float], tried: dict[int, _Try]) -> int | None:
    """Return the fewest drops that fit, starting from the measured estimate."""
    # The estimate is the smallest k whose measured savings cover the excess, give or take
    # the slack; real layouts then walk one step at a time in whichever direction they disagree.
    k = next(k for k in range(most + 1) if spare(k) >= -SLACK_PX or k == most)
    while True:
        result = tried[k] = tried[k] if k in tried else attempt(k)
        if result.fits and (k == 0 or k - 1 in tried or spare(k - 1) < -SLACK_PX):
            return k  # k - 1 failed, or is measured too far from fitting to try
        if not result.fits and (k + 1 in tried or k == most):
            return k + 1 if k + 1 in tried else None  # k + 1 fitted (we came down)
        k += -1 if result.fits else 1


def _entries(sections: tuple[Section, ...]) -> list[tuple[int, int, Entry]]:
    """List (section index, position, entry) in document order."""
    return [(si, pi, entry) for si, section in enumerate(sections)
            for pi, entry in enumerate(section.entries)]


def _drop_order(sections: tuple[Section, ...]) -> list[int]:
    """Entry indexes, least important first: low support, late position, late section.

    Position before section: every section loses its second fact before any loses its
    first, so the summary keeps one essential of each section as long as it can.
    """
    entries = _entries(sections)
    return sorted(range(len(entries)), key=lambda i: (
        entries[i][2].cluster.support, -entries[i][1], -entries[i][0]))


def _keep(sections: tuple[Section, ...], dropped: frozenset[int]) -> tuple[Section, ...]:
    """Return sections without the dropped entries; a section with none left goes."""
    kept, index = [], 0
    for section in sections:
        entries = []
        for entry in section.entries:
            if index not in dropped:
                entries.append(entry)
            index += 1
        if entries:
            kept.append(replace(section, entries=tuple(entries)))
    return tuple(kept)


def _entry_ids(entry: Entry) -> list[str]:
    """Return the fact ids an entry prints: the statement, what follows it, its list items."""
    return [entry.cluster.id, *(c.id for c in entry.continued), *(item.id for item in entry.items)]


def _measure(document: Document, sections: tuple[Section, ...], page_height: float, pages: int = 1
             ) -> tuple[float, Callable[[frozenset[int]], float]]:
    """Return how far content overruns the pages and a function: dropped -> px saved."""
    page = document.pages[0]._page_box
    # Over several pages some space is lost where a page breaks; the search corrects the guess.
    available = (page_height - page.margin_top - page.margin_bottom) * pages
    html_box = next(child for child in page.children
                    if getattr(child, "element_tag", None) == "html")
    section_heights, entry_heights = [], []
    for box in html_box.descendants():
        if not isinstance(box, BlockBox):  # skip the line and text boxes inside
            continue
        classes = (box.element.get("class") or "").split()
        if "section" in classes and box.element_tag == "section":
            section_heights.append(box.margin_height())
        elif "entry" in classes:
            entry_heights.append(box.margin_height())
    # Entries only have a bottom margin (print.css), so a margin height is what
    # dropping an entry saves; a section that loses all entries saves its whole box.
    spans, start, printed = [], 0, iter(section_heights)
    for section in sections:
        if section.entries:  # empty sections are never printed
            spans.append((range(start, start + len(section.entries)), next(printed)))
        start += len(section.entries)

    def saves(dropped: frozenset[int]) -> float:
        total = 0.0
        for indexes, section_height in spans:
            gone = [i for i in indexes if i in dropped]
            whole = len(gone) == len(indexes)
            total += section_height if whole else sum(entry_heights[i] for i in gone)
        return total

    return html_box.margin_height() - _trailing_margin(html_box) - available, saves


def _trailing_margin(box: BlockBox) -> float:
    """The bottom margin the content ends with: at the end of a page it takes no room.

    Margins collapse through the last children (html, body, the last section, its last
    paragraph), so the space that is dropped is the largest of them.
    """
    margins = []
    while box is not None:
        margins.append(box.margin_bottom or 0)
        blocks = [child for child in getattr(box, "children", []) if isinstance(child, BlockBox)]
        box = blocks[-1] if blocks else None
    return max(margins, default=0.0)
