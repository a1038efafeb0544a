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
    return frozenset().union(*(_font_coverage(path) for path in fonts))


@cache
def _font_coverage(path: Path) -> frozenset[int]:
    """One font file's code points, read once however many font lists hold it (the bundled fonts,
    those print.css loads)."""
    from fontTools.ttLib import TTFont  # loaded only when a page is checked

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


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
