"""What the preview server adds to an HTML page as it serves it; the file on disk is never changed.

inject() is a pure function (HTML text in, HTML text out), so what an editor sees in the browser
and what the build wrote can never be confused: the toolbar, the live-reload script, the error
banner and each fact's links to its source lines and review entry exist in the served copy only.
Everything taken from the page (data-sources, data-fact) or from a failed build (its message) is
HTML-escaped before it is put back into markup; URLs are percent-quoted first.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote

SOURCE_PREFIX = "/__source/"  # the source view's URLs
STATE_PATH = "/__handout/state"  # what the script polls: {"build": n, "building": bool, "error": str | null}
POLL_MS = 1000


@dataclass(frozen=True)
class Language:
    """One entry of the language switcher: the same page in another locale folder."""

    code: str
    href: str
    current: bool = False


@dataclass(frozen=True)
class ServedPage:
    """What the served copy of a page says beyond the file: the build it shows and the way to others."""

    build: int  # the build counter when served; the script reloads the page when it changes
    error: str | None = None  # the last rebuild's error message (names file:line), None if it succeeded
    languages: tuple[Language, ...] = ()
    topic: str | None = None  # the topic whose review page the fact links point to (None: no such links)
    title: str = ""  # for pages the server makes itself (index, source view): shown in the toolbar


# Tokens of the page: comments and the raw text of <script>/<style> are skipped whole, so a "<span"
# inside CSS is never taken for a tag; a tag's quoted attribute values may hold ">".
_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<(?P<raw>script|style)\b[^>]*>.*?</(?P=raw)\s*>"
    r"|<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL | re.IGNORECASE,
)
_ATTRIBUTE = r"""\s{name}\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))"""
_SOURCES = re.compile(_ATTRIBUTE.format(name="data-sources"), re.IGNORECASE)
_FACT = re.compile(_ATTRIBUTE.format(name="data-fact"), re.IGNORECASE)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_BODY_START = re.compile(r"<body\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


def inject(page_html: str, page: ServedPage) -> str:
    """page_html with the preview tools: styles in <head>, the toolbar (and error banner) first in
    <body>, each fact's links before its closing tag, and the live-reload script last."""
    text = _with_fact_links(page_html, page.topic)
    head = _HEAD_END.search(text)
    tools = toolbar(page)
    if head:
        text = text[:head.start()] + STYLE + text[head.start():]
        after_head = head.end() + len(STYLE)
    else:  # a page without <head>: the styles go with the bar
        tools, after_head = STYLE + tools, 0
    body = _BODY_START.search(text, after_head)
    at = body.end() if body else after_head  # never before <!DOCTYPE>: that would be quirks mode
    if not body and not head:
        doctype = re.match(r"\s*<!DOCTYPE[^>]*>", text, re.IGNORECASE)
        at = doctype.end() if doctype else 0
    text = text[:at] + tools + text[at:]
    end = None
    for end in _BODY_END.finditer(text):
        pass  # the last </body>: one inside a comment or script comes earlier
    script = _script(page.build)
    return text[:end.start()] + script + text[end.start():] if end else text + script


def toolbar(page: ServedPage) -> str:
    """The bar at the top of every served page, and the error banner when the last rebuild failed."""
    # English and left to right in every page, an Arabic one too: the tools' own words are English.
    parts = ['<div class="hs-bar" role="region" aria-label="Preview tools" lang="en" dir="ltr">',
             '<a class="hs-home" href="/">All previews</a>']
    if page.title:
        parts.append(f'<span class="hs-title">{html.escape(page.title)}</span>')
    if page.languages:
        links = "".join(
            f'<a href="{html.escape(language.href)}" lang="{html.escape(language.code)}"'
            + (' aria-current="page" class="hs-current"' if language.current else "")
            + f">{html.escape(language.code)}</a>"
            for language in page.languages)
        parts.append(f'<nav class="hs-languages" aria-label="Languages">{links}</nav>')
    parts.append('<button type="button" class="hs-toggle" id="hs-toggle" aria-pressed="true" hidden>'
                 "Source links</button>")
    parts.append('<span class="hs-status" id="hs-status" aria-live="polite">live</span></div>')
    if page.error is not None:
        parts.append('<div class="hs-error" role="alert" lang="en" dir="ltr"><strong>The last rebuild failed;</strong> '
                     "this is the page of the last good build. Fix the file and save: the page reloads."
                     f"<pre>{html.escape(page.error)}</pre></div>")
    return "".join(parts)


def fact_links(sources: str, fact: str | None, topic: str | None) -> str:
    """The links of one printed fact: each "file:line" of its data-sources to the source view's
    line, and its review entry (when the topic is known), as small real <a> elements."""
    links = []
    for item in sources.split():
        file, colon, line = item.rpartition(":")
        if not colon or not line.isdigit():
            file, line = item, ""
        href = SOURCE_PREFIX + quote(file.lstrip("/"), safe="/") + (f"#L{line}" if line else "")
        where = f"{file}, line {line}" if line else file
        label = _short(file, line)  # the accessible name starts with what is shown (WCAG 2.5.3)
        links.append(f'<a class="hs-src" href="{html.escape(href)}" title="{html.escape(where)}" '
                     f'aria-label="{html.escape(f"{label}: source {where}")}">{html.escape(label)}</a>')
    if fact and topic:
        href = f"/{quote(topic, safe='')}/review.html#cluster-{quote(fact, safe='')}"
        links.append(f'<a class="hs-review" href="{html.escape(href)}" '
                     f'aria-label="{html.escape(f"review entry of fact {fact}")}">review</a>')
    return f'<sup class="hs-refs" lang="en" dir="ltr">{" ".join(links)}</sup>' if links else ""


def _short(file: str, line: str) -> str:
    """A compact label (the full path is in the link's title and accessible name)."""
    name = PurePosixPath(file).name or file
    stem, dot, _ = name.rpartition(".")
    if dot and len(stem) > 10:
        name = f"{stem[:6]}…"
    elif len(name) > 14:
        name = f"{name[:10]}…"
    return f"{name}:{line}" if line else name


def _with_fact_links(text: str, topic: str | None) -> str:
    """text with fact_links() inserted before the closing tag of every element with data-sources.

    Each such element waits for its own closing tag: only tags of its name count for nesting.
    """
    out: list[str] = []
    last = 0
    open_: list[list] = []  # [tag name, depth, links] of elements waiting for their closing tag
    for token in _TOKEN.finditer(text):
        name = token.group("name")
        if not name:
            continue
        name = name.lower()
        closing = token.group("close") == "/"
        if closing:
            for waiting in reversed(open_):
                if waiting[0] == name:
                    waiting[1] -= 1
                    if waiting[1] == 0:
                        out.append(text[last:token.start()])
                        out.append(waiting[2])
                        last = token.start()
                        open_.remove(waiting)
                    break
            continue
        attrs = token.group("attrs")
        if attrs.rstrip().endswith("/"):
            continue  # self-closed: nothing to wait for
        for waiting in open_:
            if waiting[0] == name:
                waiting[1] += 1
        sources = _attribute(_SOURCES, attrs)
        if sources is not None:
            open_.append([name, 1, fact_links(sources, _attribute(_FACT, attrs), topic)])
    out.append(text[last:])
    return "".join(out)


def _attribute(pattern: re.Pattern[str], attrs: str) -> str | None:
    found = pattern.search(attrs)
    if not found:
        return None
    raw = next(value for value in found.group("dq", "sq", "bare") if value is not None)
    return html.unescape(raw)


def _script(build: int) -> str:
    return f'<script data-build="{int(build)}">{SCRIPT}</script>'


# Scoped to hs- classes so the page's own styles are left alone; the bar wraps at 375 px, the
# fact links are small inline superscripts that wrap with the text.
STYLE = """<style>
.hs-bar{position:sticky;top:0;z-index:2147483647;display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;
box-sizing:border-box;max-width:100%;margin:0 0 .5rem;padding:.35rem .6rem;background:#1f2a30;color:#fff;
font:14px/1.4 system-ui,sans-serif;text-align:start}
.hs-bar a{color:#fff;text-decoration:underline}
.hs-bar a:focus-visible,.hs-bar button:focus-visible,.hs-refs a:focus-visible{outline:2px solid #ffbf47;
outline-offset:2px}
.hs-title{font-weight:600;overflow-wrap:anywhere}
.hs-languages{display:flex;flex-wrap:wrap;gap:.1rem .5rem}
.hs-languages .hs-current{font-weight:700;text-decoration:none}
.hs-toggle{font:inherit;color:#1f2a30;background:#fff;border:0;border-radius:3px;padding:0 .4rem}
.hs-status{margin-inline-start:auto;opacity:.8}
.hs-error{box-sizing:border-box;max-width:100%;margin:0 0 .75rem;padding:.6rem .8rem;background:#fde8e8;color:#7a1010;
border:2px solid #b42318;font:14px/1.4 system-ui,sans-serif}
.hs-error pre{margin:.4rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.4 ui-monospace,monospace}
.hs-refs{font:11px/1 system-ui,sans-serif;vertical-align:super;margin-inline-start:.15em;overflow-wrap:anywhere}
.hs-refs a{color:#5b6770;text-decoration:underline dotted}
.hs-refs a:hover{color:#1f2a30}
.hs-hide-refs .hs-refs{display:none}
</style>"""

# Polls the server once a second; reloads when a build finished since the page was served.
# The counter comes from the script's own attribute; nothing from the server is put into markup.
SCRIPT = """
(function () {
  var me = document.currentScript, seen = me.getAttribute("data-build");
  var status = document.getElementById("hs-status"), toggle = document.getElementById("hs-toggle");
  function show(text) { if (status) status.textContent = text; }
  function poll() {
    fetch("%(state)s", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (String(s.build) !== seen) { location.reload(); return; }
      show(s.building ? "rebuilding\\u2026" : "live");
      setTimeout(poll, %(poll)d);
    }, function () { show("server stopped"); setTimeout(poll, %(poll)d * 2); });
  }
  setTimeout(poll, %(poll)d);
  if (toggle && document.querySelector(".hs-refs")) {
    var key = "handout-serve-source-links";
    function set(on) {
      document.body.classList.toggle("hs-hide-refs", !on);
      toggle.setAttribute("aria-pressed", on ? "true" : "false");
      try { localStorage.setItem(key, on ? "on" : "off"); } catch (e) {}
    }
    var stored = null;
    try { stored = localStorage.getItem(key); } catch (e) {}
    set(stored !== "off");
    toggle.hidden = false;
    toggle.addEventListener("click", function () { set(toggle.getAttribute("aria-pressed") !== "true"); });
  }
})();
""" % {"state": STATE_PATH, "poll": POLL_MS}
