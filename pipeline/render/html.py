"""Handout x locale -> the HTML of a leaflet or summary (Jinja2, autoescaped, strict).

The page header and footer are CSS margin boxes, so their texts go in as escaped CSS strings.
Every character printed must be drawable by the bundled fonts (fonts.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path, PurePosixPath

from markupsafe import Markup

from pipeline.errors import HandoutError, RenderError
from pipeline.i18n import locale_data
from pipeline.i18n.translations import Messages
from pipeline.models import Handout, OutputKind, Section, Untranslated
from pipeline.render.fonts import describe, missing_glyphs
from pipeline.render.localizer import MARKER, Localizer
from pipeline.templates import TemplateSet


@dataclass(frozen=True)
class Page:
    """A filled template, and what it had to print in English."""

    html: str
    untranslated: tuple[Untranslated, ...]
    printed: tuple[str, ...] = ()  # msgctxt of each `facts` message printed, sorted


def page_html(handout: Handout, kind: OutputKind, locale: str, messages: Messages, templates: TemplateSet,
              level: int = 0, sections: tuple[Section, ...] | None = None) -> Page:
    """Fill the kind's template; the summary gets the sections chosen to fit, at a tightening level."""
    direction = locale_data.text_direction(locale)
    loc = Localizer(messages, handout.topic, direction, templates.font_files())
    issued = locale_data.format_date(handout.issued, locale)
    body_class = "leaflet" if kind == "leaflet" else f"summary fit-{level}"
    title = loc.title(handout.title)
    page_css = _page_css(handout, loc, title, issued, direction)  # before the body: it records too
    chosen = handout.summary if sections is None else sections
    html = templates.environment().get_template(f"{kind}.html").render(
        handout=handout, loc=loc, title=title, lang=locale_data.language_tag(locale), dir=direction,
        issued=issued,
        review=locale_data.format_date(handout.review, locale) if handout.review else "",
        sources=[_source_row(ref.path, ref.publisher, ref.date, locale)
                 for ref in handout.sources],
        sections=chosen,
        side_effects=handout.side_effects, body_class=body_class,
        reviewed=messages.reviewed, marker=MARKER, page_css=page_css,
        rewrites_unreviewed=_prints_unreviewed(handout, handout.sections if kind == "leaflet" else chosen,
                                               kind == "summary"))
    missing = missing_glyphs(_printed_text(html), templates.font_files())
    if missing:
        raise RenderError(f"{handout.topic} ({locale}): no glyph in the bundled fonts for {describe(missing)}"
                          + _where_printed(handout, missing))
    return Page(html, tuple(loc.untranslated.values()), tuple(sorted(loc.printed)))


def _prints_unreviewed(handout: Handout, sections: tuple[Section, ...], with_box: bool) -> bool:
    """Whether the page prints a statement in an editor's wording that no clinician has checked."""
    if not handout.unreviewed:
        return False
    printed = {cluster.id for section in sections for entry in section.entries
               for cluster in (entry.cluster, *entry.items, *entry.continued)}
    printed |= {cluster.id for cluster in handout.side_effects} if with_box else set()
    return bool(printed & set(handout.unreviewed))


def _where_printed(handout: Handout, chars: list[str]) -> str:
    """The source lines of the statements that print the characters, so the editor can find them
    (to remove the line by an editorial decision, or to add a font)."""
    clusters = [cluster for section in (*handout.sections, *handout.summary) for entry in section.entries
                for cluster in (entry.cluster, *entry.items, *entry.continued)]
    places = dict.fromkeys(f"{member.source}:{member.line}" for cluster in (*clusters, *handout.side_effects)
                           for member in cluster.members if any(char in member.text for char in chars))
    return f" (printed from {', '.join(list(places)[:5])})" if places else ""


PREVIEW_ASSETS = "assets"  # beside the locale folders of the output: build/assets/fonts/..., build/assets/<logo>


def with_stylesheet(html: str, templates: TemplateSet) -> str:
    """The HTML preview that opens in a browser as the PDF prints: print.css and screen.css inlined,
    and its fonts and logo linked from the output's assets folder (build/assets/, which the build
    writes: preview_assets), one level up from the page in build/<locale>/."""
    css = templates.asset("print.css").read_text(encoding="utf-8").replace("url(fonts/", f"url(../{PREVIEW_ASSETS}/fonts/")
    screen = templates.asset("screen.css").read_text(encoding="utf-8")
    html = html.replace(' src="assets/', f' src="../{PREVIEW_ASSETS}/')
    return html.replace("</head>", f"<style>\n{css}</style>\n<style>\n{screen}</style>\n</head>", 1)


def preview_assets(templates: TemplateSet, logo: str) -> dict[str, Path]:
    """The files the previews link to, by path under the output folder: the fonts and the logo."""
    fonts = {name: path for name, path in templates.files().items() if name.startswith(f"{PREVIEW_ASSETS}/fonts/")}
    found = templates.find(f"{PREVIEW_ASSETS}/{logo}") if logo else None
    return {**fonts, **({f"{PREVIEW_ASSETS}/{logo}": found} if found is not None else {})}


def _printed_text(html: str) -> str:
    """The text content of a page (tags dropped, entities decoded), for the glyph check."""
    return unescape(re.sub(r"<[^>]*>", " ", html))


def _source_row(path: str, publisher: str, date: str, locale: str) -> dict[str, str]:
    """Describe a source for the list: file name, publisher, localized stated date."""
    try:
        shown = locale_data.format_date(date, locale) if date else ""
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
