"""The HTML handouts in a real browser (issue 15): Debian's Chromium, headless, driven by
Playwright, each page opened as a reader would open it, from disk and from a web server, with the
axe-core accessibility engine (pinned, tests/browser/) run inside it. Nothing here touches the
network: every request a page makes must be for a file of the output folder.

`make test` installs Chromium and axe-core when missing; run without them, these tests fail
saying so rather than pass unchecked."""

from __future__ import annotations

import functools
import http.server
import threading
from typing import Any

import pytest

from tests.browser_page import DESKTOP, Visit, requests_outside
from tests.projects import preview_pages

pytestmark = pytest.mark.slow  # they read the full build, which renders every PDF

# axe-core runs in both directions' pages (about 1 s a page): every language fills the same templates.
AXE_LOCALES = ("en", "ar")
HANDOUT_FONTS = {"en": {"Handout Sans"}, "fr": {"Handout Sans"}, "ar": {"Handout Arabic", "Handout Sans"}}


def test_every_handout_opens_from_disk_as_a_reader_sees_it(full_build, browser):
    """On a 375 px phone: every font and the logo load from the output folder, the bundled fonts
    are the ones in use, nothing is wider than the screen, Arabic reads right to left and the other
    languages left to right, and axe-core finds no violation, not even a moderate one (the issue
    asks for none serious or critical)."""
    output = full_build.output
    pages = preview_pages(output)
    assert len(pages) == 12
    problems: dict[str, list[str]] = {}
    for page in pages:
        visit = Visit(browser, page.as_uri())
        locale = page.parent.name
        found = list(visit.failures)
        found += [f"loads from outside the output folder: {url}"
                  for url in requests_outside(visit.requests, output.resolve().as_uri())]
        loaded = set(visit.js("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"))
        found += [f"font not in use: {family}" for family in HANDOUT_FONTS.get(locale, {"Handout Sans"}) - loaded]
        found += [f"font failed: {f}" for f in visit.js("[...document.fonts].filter(f => f.status === 'error')"
                                                          ".map(f => f.family)")]
        logo = visit.js("(() => { const i = document.querySelector('img.logo');"
                        " return i && {width: i.naturalWidth, alt: i.alt}; })()")
        if not logo or logo["width"] == 0 or not logo["alt"].strip():
            found.append(f"logo broken or without alt text: {logo}")
        found += [f"wider than the screen: {wide}" for wide in visit.wider_than_the_screen()]
        found += _direction_problems(visit, "rtl" if locale == "ar" else "ltr")
        if locale in AXE_LOCALES:
            found += visit.axe_violations()
        visit.close()
        if found:
            problems[f"{locale}/{page.name}"] = found
    assert not problems, problems


def _reading_edges(visit: Visit) -> list[dict[str, float]]:
    """For each heading and paragraph of the main text: where its first line of text starts and
    where its box is, as a reader sees it (left or right)."""
    return visit.js("""[...document.querySelectorAll('main h2, main p')].map(e => {
      const range = document.createRange(); range.selectNodeContents(e);
      const rects = [...range.getClientRects()], box = e.getBoundingClientRect();
      // The first line as drawn: every fragment beside the first (a number, a Latin name) is on it too.
      const line = rects.filter(r => r.top < rects[0].bottom && r.bottom > rects[0].top);
      return {text_left: Math.min(...line.map(r => r.left)) - box.left,
              text_right: box.right - Math.max(...line.map(r => r.right)),
              direction: getComputedStyle(e).direction, heading: e.tagName === 'H2'};
    })""")


def _direction_problems(visit: Visit, direction: str) -> list[str]:
    """What contradicts reading in direction: a line of the main text that does not begin flush
    with the reading side of its box, or headings that end flush with the other side (text merely
    aligned with `dir` set)."""
    edges = _reading_edges(visit)
    if len(edges) < 5 or {edge["direction"] for edge in edges} != {direction}:
        return [f"not read {direction}: {edges[:3]}"]
    start, end = ("text_right", "text_left") if direction == "rtl" else ("text_left", "text_right")
    found = [f"a line begins {edge[start]:.0f}px from the {direction} start" for edge in edges if edge[start] >= 2]
    headings = [edge[end] for edge in edges if edge["heading"]]
    if not headings or sum(gap > 20 for gap in headings) <= len(headings) / 2:
        found.append(f"headings end flush with the far side: {headings}")
    return found[:3]


def test_on_a_desktop_the_text_keeps_a_readable_measure(full_build, browser):
    visit = Visit(browser, (full_build.output / "en/immunotherapy-leaflet.html").as_uri(), DESKTOP)
    widths = visit.js("""[...document.querySelectorAll('main p')].map(p =>
        p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize))""")
    visit.close()
    # About 70-80 characters a line: a column no wider than 45 times the font size, not the window.
    assert widths and max(widths) <= 45, max(widths)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def test_the_handouts_load_the_same_from_a_web_server(full_build, browser):
    """A clinic's website serves the output folder as it is: the same relative links resolve."""
    handler = functools.partial(_Quiet, directory=str(full_build.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        for page in ("ar/immunotherapy-summary.html",):  # both fonts, the logo, one folder up
            visit = Visit(browser, origin + page)
            loaded = set(visit.js("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"))
            logo = visit.js("document.querySelector('img.logo').naturalWidth")
            failures, outside = visit.failures, requests_outside(visit.requests, origin)
            visit.close()
            assert not failures and not outside, (page, failures, outside)
            assert "Handout Sans" in loaded and logo > 0, (page, loaded, logo)
    finally:
        server.shutdown()
        server.server_close()


def test_the_review_page_has_no_accessibility_violation(full_build, browser):
    """The editor's review page is read on a desktop: landmarks, contrast, names of controls."""
    visit = Visit(browser, (full_build.output / "immunotherapy/review.html").as_uri(), DESKTOP)
    violations = visit.axe_violations()
    failures = visit.failures
    visit.close()
    assert not failures
    assert not violations
