"""The bundled fonts and the characters they can draw: no blank boxes, ever.

Pango falls back to any system font for a character the bundled fonts lack, which would make
the PDF depend on the machine, or draw a box. So every printed character must be covered by
a font under templates/assets/fonts/ (a project's own, or the shipped ones); the renderer
refuses text that is not.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path


@cache
def coverage(fonts: tuple[Path, ...]) -> frozenset[int]:
    """Every code point one of the fonts has a glyph for."""
    from fontTools.ttLib import TTFont  # loaded only when a page is checked

    points: set[int] = set()
    for path in fonts:
        with TTFont(path, lazy=True) as font:
            points.update(font.getBestCmap())
    return frozenset(points)


def missing_glyphs(text: str, fonts: tuple[Path, ...]) -> list[str]:
    """The distinct characters of text none of the fonts can draw (spaces and controls need none)."""
    have = coverage(fonts)
    missing = []
    for char in dict.fromkeys(text):
        if ord(char) in have or char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
            continue
        missing.append(char)
    return missing


def describe(chars: list[str]) -> str:
    """'ⓧ' (U+24E7 CIRCLED LATIN SMALL LETTER X), ... for an error message."""
    return ", ".join(f"{c!r} (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in chars)
