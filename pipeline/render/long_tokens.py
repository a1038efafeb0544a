"""Long unbreakable tokens (URLs, data: URIs, identifiers): printed breakable, or refused.

A "word" of hundreds of characters has no break opportunity: WeasyPrint lets it run off the
page, and with `hyphens: auto` it tries every hyphenation point of it, which for a 100k-letter
word takes hours. Such a token is wrapped in a span that print.css lets break anywhere and
never hyphenates, so the text a reader copies from the PDF is unchanged (no hyphen, no
zero-width space). A token past MAX_TOKEN characters is no text for a patient (a pasted data:
URI or blob): it is refused with the place it comes from, before any layout.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from pipeline.errors import RenderError
from pipeline.models import Handout

LONG_TOKEN = 60  # longer than any word of the supported languages; shorter breaks as words do
MAX_TOKEN = 5000  # ~1.5 lines of a page per 100 characters: this is already pages of one token
_LONG = re.compile(rf"\S{{{LONG_TOKEN + 1},}}")
_TOO_LONG = re.compile(rf"\S{{{MAX_TOKEN + 1},}}")
CLASS = "long-token"  # print.css: overflow-wrap: anywhere; hyphens: manual


def breakable(text: str) -> Markup:
    """Escape text, wrapping each token longer than LONG_TOKEN in a span that may break anywhere."""
    parts, start = [], 0
    for match in _LONG.finditer(text):
        parts.append(escape(text[start:match.start()]))
        parts.append(Markup('<span class="{}">{}</span>').format(CLASS, match.group()))
        start = match.end()
    parts.append(escape(text[start:]))
    return Markup("").join(parts)


def too_long(text: str) -> str:
    """Describe the first token of text longer than MAX_TOKEN, or return ""."""
    match = _TOO_LONG.search(text)
    if match is None:
        return ""
    token = match.group()
    return (f"a word of {len(token):,} characters with no space ({token[:40]}...): "
            f"at most {MAX_TOKEN:,} are printed; remove it from the source (a pasted data: URI or "
            "file?) or replace it with a short link")


def check_handout(handout: Handout) -> None:
    """Refuse a handout that would print a token longer than MAX_TOKEN, naming its source lines."""
    clusters = [cluster for section in (*handout.sections, *handout.summary) for entry in section.entries
                for cluster in (entry.cluster, *entry.items, *entry.continued)]
    for cluster in (*clusters, *handout.side_effects):
        problem = too_long(cluster.canonical.text)
        if problem:
            places = dict.fromkeys(f"{member.source}:{member.line}" for member in cluster.members)
            raise RenderError(f"{', '.join(list(places)[:5])}: {handout.topic}: {problem}")
    for what, text in (("title", handout.title),
                       *((f"section {section.key!r}", section.title) for section in handout.sections)):
        problem = too_long(text)
        if problem:
            raise RenderError(f"{handout.topic}: the {what}: {problem}")
