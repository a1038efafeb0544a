"""Page sizes, print profiles and output kinds: defined once, for the renderer, the plan,
the command line and the release check alike."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.models import OutputKind

PX_PER_MM = 96 / 25.4
KINDS: tuple[OutputKind, ...] = ("leaflet", "summary")


@dataclass(frozen=True)
class PageSize:
    """A paper size: its CSS keyword, and its size in CSS px (heights are needed to judge the fit)."""

    css: str
    width_px: float
    height_px: float


DEFAULT_PAGE_SIZE = "A4"
PAGE_SIZES = {
    "A4": PageSize("A4", 210 * PX_PER_MM, 297 * PX_PER_MM),
    "Letter": PageSize("letter", 8.5 * 96, 11 * 96),
}


@dataclass(frozen=True)
class PrintProfile:
    """A print profile: an extra stylesheet, the PDF variant, how many pages a summary may take."""

    stylesheet: str | None
    pdf_variant: str
    summary_pages: int = 1


PRINT_PROFILES = {
    "office": PrintProfile(None, "pdf/ua-1"),
    # What print shops ask for: PDF/X-4 (still tagged, with title, language and bookmarks),
    # 3 mm bleed and crop marks. WeasyPrint writes one PDF variant per file, so not PDF/UA too.
    "print-shop": PrintProfile("profile-print-shop.css", "pdf/x-4"),
    # Clear print: body text 16 pt or more; the summary may take two pages (and says so).
    "large-print": PrintProfile("profile-large-print.css", "pdf/ua-1", summary_pages=2),
}
DEFAULT_PROFILE = "office"
