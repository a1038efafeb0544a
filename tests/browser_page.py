"""Pages opened in headless Chromium (Debian's, driven by Playwright), for the browser tests:
every request, failed load and console error a page makes is kept, and axe-core (pinned in
tests/browser/, read from disk) runs inside it on demand."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from tests.projects import ROOT

AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
# Chromium's own calls home, refused by a closed network anyway: off, so they cannot pass for the page's.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-quic"]


# A tab whose visit has closed, per browser context, for the next Visit: opening a tab costs about
# 0.15 s, going to another page in it about 0.01 s.
_SPARE_TABS: dict[Any, Any] = {}


@contextmanager
def chromium() -> Iterator[Any]:
    """Headless Chromium's one browser context, whose tabs Visit opens (a context per tab costs about
    0.15 s); a test fails (never passes unchecked) when Chromium or axe-core is missing."""
    executable = shutil.which("chromium")
    if executable is None or not AXE.is_file():
        pytest.fail("Chromium or axe-core is missing: `make test` installs both (Makefile, browser-tools)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context()
        try:
            yield context
        finally:
            _SPARE_TABS.pop(context, None)
            browser.close()


class Visit:
    """One page opened in a tab of its own (a closed visit's, reused), with every request, failed
    load and console error it made."""

    def __init__(self, browser: Any, url: str, viewport: dict[str, int] = PHONE) -> None:
        self.browser = browser
        self.page = _SPARE_TABS.pop(browser, None) or browser.new_page()
        self.page.set_viewport_size(viewport)
        self.requests: list[str] = []
        self.failures: list[str] = []
        self._listeners: list[tuple[str, Any]] = [
            ("request", lambda request: self.requests.append(request.url)),
            ("requestfailed", lambda request: self.failures.append(f"{request.url}: {request.failure}")),
            # A server's answer to the browser's own favicon request is not the page's; its other loads are.
            ("response", lambda response: response.status >= 400 and not response.url.endswith("/favicon.ico")
             and self.failures.append(f"{response.url}: HTTP {response.status}")),
            ("console", lambda message: message.type == "error"
             and not message.text.startswith("Failed to load resource")  # the two listeners above
             and self.failures.append(message.text)),
        ]
        for event, listener in self._listeners:
            self.page.on(event, listener)
        self.page.goto(url, wait_until="load")
        self.page.evaluate("document.fonts.ready.then(() => true)")

    def js(self, script: str) -> Any:
        return self.page.evaluate(script)

    def axe_violations(self) -> list[str]:
        """axe-core's violations of the page as it is now, as "impact rule: help at [targets]"."""
        self.page.add_script_tag(path=str(AXE))
        result = self.js("axe.run(document, {resultTypes: ['violations']})")
        return [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
                for v in result["violations"]]

    def wider_than_the_screen(self) -> list[str]:
        """The page's width, and the first elements, past the window's edges."""
        return self.js(_WIDER_THAN_SCREEN)

    def close(self) -> None:
        """Stop listening and leave the page (its scripts stop: a served page polls its server); the
        blank tab is the next visit's."""
        for event, listener in self._listeners:
            self.page.remove_listener(event, listener)
        self.page.goto("about:blank")
        _SPARE_TABS[self.browser] = self.page


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


def requests_outside(requests: list[str], origin: str) -> list[str]:
    """The requests for anything but origin (the output folder or the server) and inline data."""
    return [url for url in requests if not (url.startswith(origin) or url.startswith("data:"))]
