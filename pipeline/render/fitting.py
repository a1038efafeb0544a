"""Layout with WeasyPrint, and fitting the summary on its page(s).

The leaflet is laid out once. The summary must fit one page (two in large print): first the
layout is tightened (body class fit-0 .. fit-2, never below 11pt), then the least important
entries are dropped, using heights measured on an endless page to guess how many.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.formatting_structure.boxes import BlockBox
from weasyprint.text.fonts import FontConfiguration

from pipeline.errors import RenderError
from pipeline.i18n.translations import Messages
from pipeline.models import Entry, FitHint, Handout, Section
from pipeline.render.fetcher import AssetFetcher
from pipeline.render.html import Page, page_html
from pipeline.render.profiles import DEFAULT_PROFILE, PAGE_SIZES, PRINT_PROFILES
from pipeline.templates import TemplateSet

FIT_LEVELS = 3  # body classes fit-0 (normal) .. fit-2 (tightest, 11pt body)
ENDLESS_PX = 20000  # a page tall enough that a summary never breaks while measured
SLACK_PX = 6.0  # measured heights are right to a few px (line metrics at the page end); try this close
LAYOUT_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}  # tags must be laid out to be written


@dataclass(frozen=True)
class Fit:
    """The layout chosen for a document, and how many layouts it took to find it."""

    page: Page
    document: Document
    passes: int
    left_out: tuple[str, ...]
    level: int = 0  # the tightening step (body class fit-N) it was laid out at


def fit_leaflet(handout: Handout, locale: str, page_size: str, messages: Messages, profile: str,
                templates: TemplateSet) -> Fit:
    """Lay out the leaflet: as many pages as it takes."""
    page = page_html(handout, "leaflet", locale, messages, templates)
    return Fit(page, layout(page.html, page_size, templates, profile=profile), 1, ())


# ---- Layout ----------------------------------------------------------------------


@cache
def font_config() -> FontConfiguration:
    """Return the process-wide font configuration (building one is slow)."""
    return FontConfiguration()


@cache
def stylesheet(templates: TemplateSet, name: str = "print.css") -> CSS:
    """An asset stylesheet parsed once per process; its @font-face rules go into the font config."""
    return CSS(filename=templates.asset(name), font_config=font_config(),
               url_fetcher=AssetFetcher(templates.asset_folders))


def layout(html: str, page_size: str, templates: TemplateSet, endless: bool = False,
           profile: str = DEFAULT_PROFILE) -> Document:
    """Lay out html on the named page size (or on an endless page, for measuring)."""
    size = PAGE_SIZES[page_size]
    keyword = f"{size.width_px:.3f}px {ENDLESS_PX}px" if endless else size.css
    size_css = CSS(string=f"@page {{ size: {keyword} }}", font_config=font_config())
    document = HTML(string=html, base_url=templates.base_url, url_fetcher=AssetFetcher(templates.asset_folders))
    extra = PRINT_PROFILES[profile].stylesheet
    sheets = [stylesheet(templates), *([stylesheet(templates, extra)] if extra else []), size_css]
    return document.render(font_config=font_config(), stylesheets=sheets, **LAYOUT_OPTIONS)


# ---- Fitting the summary -----------------------------------------------------------



def fit_summary(handout: Handout, locale: str, page_size: str, messages: Messages,
                profile: str, templates: TemplateSet, hint: FitHint | None = None) -> Fit:
    """Lay out the summary on one page (two in large print): tighten first, then drop the least important.

    Every layout counts (README, "Performance"): one measuring pass on an endless page, then
    real layouts only where the measurement says they can fit.

    hint: what fitted this very summary in the last build (the same inputs, by the output's key):
    laid out once, and kept if it fits with the same statements left out; else the search runs.
    """
    passes = 0
    most = PRINT_PROFILES[profile].summary_pages
    pages_text = "one page" if most == 1 else f"{most} pages"

    def attempt(level: int, dropped: frozenset[int], endless: bool = False) -> _Try:
        nonlocal passes
        passes += 1
        page = page_html(handout, "summary", locale, messages, templates, level, _keep(handout.summary, dropped))
        document = layout(page.html, page_size, templates, endless, profile)
        return _Try(len(document.pages) <= most, page, document)

    if hint is not None:
        dropped = frozenset(index for index, (_, _, entry) in enumerate(_entries(handout.summary))
                            if entry.cluster.id in hint.left_out)
        result = attempt(hint.level, dropped)
        if result.fits and _left_out(handout.summary, dropped) == hint.left_out:
            return Fit(result.page, result.document, passes, hint.left_out, hint.level)
    # Pass 1: everything at the tightest step, on an endless page: how far over the page(s)
    # is it, and how much would dropping each entry save?
    tight = FIT_LEVELS - 1
    excess, saves = _measure(attempt(tight, frozenset(), endless=True).document,
                             handout.summary, PAGE_SIZES[page_size].height_px, most)
    tried: dict[int, _Try] = {}  # by number of entries dropped, at the tightest step
    if excess <= 0:  # everything fits once tightened: find the least tightening that fits
        for level in range(FIT_LEVELS):
            result = attempt(level, frozenset())
            if result.fits:
                return Fit(result.page, result.document, passes, (), level)
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
    return Fit(tried[k].page, tried[k].document, passes, _left_out(handout.summary, frozenset(order[:k])), tight)


def _left_out(sections: tuple[Section, ...], dropped: frozenset[int]) -> tuple[str, ...]:
    """The fact ids the dropped entries print, in document order."""
    entries = _entries(sections)
    return tuple(fid for index in sorted(dropped) for fid in _entry_ids(entries[index][2]))


@dataclass(frozen=True)
class _Try:
    """One layout of the summary at real page size."""

    fits: bool
    page: Page
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
    """Entry indexes, least important first: the safety sections' (side effects, when to contact
    the care team) after every other; then low support, late position, late section.

    Position before section: every section loses its second fact before any loses its
    first, so the summary keeps one essential of each section as long as it can. (The
    side-effects box is never dropped.)
    """
    entries = _entries(sections)
    return sorted(range(len(entries)), key=lambda i: (
        sections[entries[i][0]].safety, entries[i][2].cluster.support, -entries[i][1], -entries[i][0]))


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
