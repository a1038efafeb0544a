"""The pages the preview server makes itself: the index of previews, a source file's numbered
lines, and "not found". Plain HTML documents; page_tools.inject() adds the toolbar to each.

Every text that comes from the project (topic and file names, a source's lines) is escaped here.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from pipeline.render.profiles import KINDS



@dataclass(frozen=True)
class Preview:
    """One PDF the output folder holds, with its HTML preview (as the manifest lists it)."""

    path: str  # the PDF, relative to the output folder: "en/immunotherapy-leaflet.pdf"
    topic: str
    locale: str
    kind: str

    @property
    def html(self) -> str:
        return self.path.removesuffix(".pdf") + ".html"


_STYLE = """<style>
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2a30;background:#fff}
main{box-sizing:border-box;max-width:60rem;padding:0 1rem 2rem}
h1{font-size:1.5rem;overflow-wrap:anywhere}h2{font-size:1.2rem;margin-top:1.5rem}
table{border-collapse:collapse;max-width:100%}th,td{text-align:start;padding:.25rem .75rem .25rem 0;vertical-align:top}
a{color:#0b5cab}a:focus-visible{outline:2px solid #ffbf47;outline-offset:2px}
.missing{color:#5b6770}
.source{margin:0;padding:0;font:14px/1.5 ui-monospace,monospace}
.line{display:flex;scroll-margin-top:4rem}
.line:target{background:#fff3bf;outline:1px solid #e0b400}
.n{flex:none;min-width:3.5em;padding-inline-end:.75em;text-align:end;color:#5b6770;user-select:none;
text-decoration:none}
.t{flex:1;min-width:0;white-space:pre-wrap;overflow-wrap:anywhere}
</style>"""


def _document(title: str, body: str) -> str:
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n{_STYLE}\n</head>\n"
            f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")


def index_page(previews: Sequence[Preview], existing: set[str], reviews: dict[str, bool]) -> str:
    """Every topic's previews, a row per language and a column per kind, and its review page.

    existing: the paths (relative to the output folder) that are on disk now; the others are
    named but not linked (a failed build removes what it was about to replace).
    reviews: topic -> whether its review page is on disk.
    """
    topics = sorted({p.topic for p in previews} | set(reviews))
    parts = [f"<h1>{html.escape('Previews')}</h1>"]
    if not topics:
        parts.append("<p>Nothing is built yet: the page reloads when the first build is done.</p>")
    for topic in topics:
        parts.append(f"<section aria-labelledby=\"topic-{html.escape(topic)}\">"
                     f"<h2 id=\"topic-{html.escape(topic)}\">{html.escape(topic)}</h2>")
        review = f"{topic}/review.html"
        parts.append(f"<p>{_link(review, 'Review page', reviews.get(topic, False))}</p>")
        mine = [p for p in previews if p.topic == topic]
        kinds = [kind for kind in KINDS if any(p.kind == kind for p in mine)]
        locales = list(dict.fromkeys(p.locale for p in sorted(mine, key=lambda p: (p.locale != "en", p.locale))))
        if mine:
            head = "".join(f'<th scope="col">{html.escape(kind.capitalize())}</th>' for kind in kinds)
            parts.append(f'<table><thead><tr><th scope="col">Language</th>{head}</tr></thead><tbody>')
            for locale in locales:
                cells = []
                for kind in kinds:
                    found = [p for p in mine if p.locale == locale and p.kind == kind]
                    cells.append("<td>" + " ".join(
                        f"{_link(p.html, 'preview', p.html in existing)} · {_link(p.path, 'PDF', p.path in existing)}"
                        for p in found) + "</td>")
                parts.append(f'<tr><th scope="row">{html.escape(locale)}</th>{"".join(cells)}</tr>')
            parts.append("</tbody></table>")
        parts.append("</section>")
    return _document("Handout previews", "\n".join(parts))


def _link(path: str, label: str, exists: bool) -> str:
    if not exists:
        return f'<span class="missing">{html.escape(label)} (not on disk)</span>'
    return f'<a href="/{html.escape(quote(path, safe="/"))}">{html.escape(label)}</a>'


def source_page(shown: str, lines: Sequence[str]) -> str:
    """A source file's lines, numbered as the pipeline numbers them (ingest.file_lines), each with
    id="L<n>" (the :target line is highlighted)."""
    rows = "\n".join(
        f'<div class="line" id="L{n}"><a class="n" href="#L{n}" aria-label="line {n}">{n}</a>'
        f'<span class="t">{html.escape(line)}</span></div>'
        for n, line in enumerate(lines, start=1))
    return _document(shown, f"<h1>{html.escape(shown)}</h1>\n<div class=\"source\">\n{rows}\n</div>")


def not_found_page(path: str) -> str:
    return _document("Not found", f"<h1>Not found</h1>\n<p>{html.escape(path)} is not here. "
                                  '<a href="/">All previews</a></p>')
