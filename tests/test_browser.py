"""The HTML handouts in a real browser (issue 15): Debian's Chromium, headless, driven by
Playwright, each page opened as a reader would open it, from disk and from a web server, with the
axe-core accessibility engine (pinned, tests/browser/) run inside it. Nothing here touches the
network: every request a page makes must be for a file of the output folder.

`make test` installs Chromium and axe-core when missing; run without them, these tests fail
saying so rather than pass unchecked."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.projects import ROOT

pytestmark = pytest.mark.slow  # they read the full build, which renders every PDF

AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
# Chromium's own calls home, refused by a closed network anyway: off, so they cannot pass for the page's.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-quic"]
# axe-core runs in both directions' pages (about 1 s a page): every language fills the same templates.
AXE_LOCALES = ("en", "ar")
HANDOUT_FONTS = {"en": {"Handout Sans"}, "fr": {"Handout Sans"}, "ar": {"Handout Arabic", "Handout Sans"}}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = shutil.which("chromium")
    if chromium is None or not AXE.is_file():
        pytest.fail("Chromium or axe-core is missing: `make test` installs both (Makefile, browser-tools)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Visit:
    """One page opened in a fresh tab, with every request, failed load and console error it made."""

    def __init__(self, browser: Any, url: str, viewport: dict[str, int] = PHONE) -> None:
        self.page = browser.new_page(viewport=viewport)
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("requestfailed", lambda request: self.failures.append(f"{request.url}: {request.failure}"))
        # A server's answer to the browser's own favicon request is not the page's; its other loads are.
        self.page.on("response", lambda response: response.status >= 400 and not response.url.endswith("/favicon.ico")
                     and self.failures.append(f"{response.url}: HTTP {response.status}"))
        self.page.on("console", lambda message: message.type == "error"
                     and not message.text.startswith("Failed to load resource")  # the two listeners above
                     and self.failures.append(message.text))
        self.page.goto(url, wait_until="load")
        self.page.evaluate("document.fonts.ready.then(() => true)")

    def js(self, script: str) -> Any:
        return self.page.evaluate(script)

    def axe_violations(self) -> list[str]:
        self.page.add_script_tag(path=str(AXE))
        result = self.js("axe.run(document, {resultTypes: ['violations']})")
        return [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
                for v in result["violations"]]

    def close(self) -> None:
        self.page.close()


def _previews(output: Path) -> list[Path]:
    return sorted(pdf.with_suffix(".html") for pdf in output.glob("*/*.pdf"))


def _requests_outside(requests: list[str], origin: str) -> list[str]:
    """The requests for anything but the output folder (or the server's origin) and inline data."""
    return [url for url in requests if not (url.startswith(origin) or url.startswith("data:"))]


def test_every_handout_opens_from_disk_as_a_reader_sees_it(full_build, browser):
    """On a 375 px phone: every font and the logo load from the output folder, the bundled fonts
    are the ones in use, nothing is wider than the screen, and axe-core finds no violation, not
    even a moderate one (the issue asks for none serious or critical)."""
    output = full_build.output
    pages = _previews(output)
    assert len(pages) == 12
    problems: dict[str, list[str]] = {}
    for page in pages:
        visit = Visit(browser, page.as_uri())
        locale = page.parent.name
        found = list(visit.failures)
        found += [f"loads from outside the output folder: {url}"
                  for url in _requests_outside(visit.requests, output.resolve().as_uri())]
        loaded = set(visit.js("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"))
        found += [f"font not in use: {family}" for family in HANDOUT_FONTS.get(locale, {"Handout Sans"}) - loaded]
        found += [f"font failed: {f}" for f in visit.js("[...document.fonts].filter(f => f.status === 'error')"
                                                          ".map(f => f.family)")]
        logo = visit.js("(() => { const i = document.querySelector('img.logo');"
                        " return i && {width: i.naturalWidth, alt: i.alt}; })()")
        if not logo or logo["width"] == 0 or not logo["alt"].strip():
            found.append(f"logo broken or without alt text: {logo}")
        found += [f"wider than the screen: {wide}" for wide in visit.js(_WIDER_THAN_SCREEN)]
        if locale in AXE_LOCALES:
            found += visit.axe_violations()
        visit.close()
        if found:
            problems[f"{locale}/{page.name}"] = found
    assert not problems, problems


_WIDER_THAN_SCREEN = """(() => {
  const out = [];
  if (document.documentElement.scrollWidth > innerWidth) out.push(`page ${document.documentElement.scrollWidth}px`);
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width && (r.left < -0.5 || r.right > innerWidth + 0.5))
      out.push(`${e.tagName.toLowerCase()}.${e.className} ${Math.round(r.left)}..${Math.round(r.right)}px`);
  }
  return out.slice(0, 5);
})()"""


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


def test_arabic_reads_right_to_left_and_english_left_to_right(full_build, browser):
    for locale, direction in (("ar", "rtl"), ("en", "ltr")):
        for kind in ("leaflet", "summary"):
            visit = Visit(browser, (full_build.output / locale / f"immunotherapy-{kind}.html").as_uri())
            assert visit.js("document.documentElement.dir") == direction
            edges = _reading_edges(visit)
            visit.close()
            assert len(edges) > 5 and {edge["direction"] for edge in edges} == {direction}
            # A line begins on the reading side: flush with that edge of its box.
            start = "text_right" if direction == "rtl" else "text_left"
            assert all(edge[start] < 2 for edge in edges), (locale, kind, edges[:5])
            # and the other edge is ragged: headings, shorter than the column, end away from it
            end = "text_left" if direction == "rtl" else "text_right"
            headings = [edge[end] for edge in edges if edge["heading"]]
            assert headings and sum(gap > 20 for gap in headings) > len(headings) / 2, (locale, kind, headings)


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
        for page in ("en/immunotherapy-leaflet.html", "ar/immunotherapy-summary.html"):
            visit = Visit(browser, origin + page)
            loaded = set(visit.js("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"))
            logo = visit.js("document.querySelector('img.logo').naturalWidth")
            failures, outside = visit.failures, _requests_outside(visit.requests, origin)
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
