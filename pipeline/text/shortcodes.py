"""A page builder's shortcodes left in a WordPress page's text: "[et_pb_section fb_built="1"]",
"[/et_pb_text]", "[vc_column_text]", "[caption id="attachment_12"]".

A theme or plugin that no longer understands them prints them as text, around and inside the
article's paragraphs. They are markup, never words of the page: a line of nothing but shortcodes
is removed, and shortcodes glued to a paragraph are left out of it. A toggle's or an accordion
item's `title` is the question the page shows above its answer, so it is kept as text.
"""

from __future__ import annotations

import re

# An attribute's value, in the quotes WordPress's texturizer may have curled ("1", ”1″, “1”), or bare.
_VALUE = r"(?:[\"“”″]([^\"“”″\]]*)[\"“”″]|'([^'\]]*)'|[^\s\]\"“”″']+)"
_ATTRIBUTE = rf"\s+([a-z_][\w-]*)={_VALUE}"
# A builder's name joins words with "_" or "-" (et_pb_text, vc_row, fusion_builder_column); a plain
# word in brackets is a shortcode only with attributes ("[caption id=...]"): "[edit]" and "[sic]" are not.
_JOINED = r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+"
_NAME = r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*"
SHORTCODE = re.compile(rf"\[(?:/(?:{_JOINED}|caption|gallery|embed|video|audio)|{_JOINED}(?:{_ATTRIBUTE})*\s*/?|"
                       rf"{_NAME}(?:{_ATTRIBUTE})+\s*/?)\](?!\()")
_TITLE = re.compile(rf"\stitle={_VALUE}")


def is_shortcodes_only(text: str) -> bool:
    """Whether a line holds shortcodes and nothing else the page would show."""
    return "[" in text and bool(SHORTCODE.search(text)) and not without_shortcodes(text).strip()


def without_shortcodes(text: str) -> str:
    """The line's words without its shortcodes; a toggle's title stays, as the page shows it."""
    if "[" not in text:
        return text
    return re.sub(r"[ \t]{2,}", " ", SHORTCODE.sub(_shown, text)).strip()


def _shown(match: re.Match[str]) -> str:
    title = _TITLE.search(match.group(0))
    return f" {title.group(1) or title.group(2) or ''} " if title else " "
