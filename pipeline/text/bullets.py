"""A list item's mark at the start of a line ("- ", "• ", "1. ", "a) ", a checkbox): in a module of its own,
so what only needs this (line shapes, a site's template) does not compile every furniture rule."""

from __future__ import annotations

import re

# Text taken out of a PDF keeps a Symbol or Wingdings bullet as a private-use character
# (U+F0B7 "", U+F0A7 "", U+F076 "", U+F0D8 ""), as Acrobat's "Save as Text" and pdftotext give it.
BULLET = re.compile(r"^\s*(?:[-*•·‣◦▪▫■□☐☑☒●○►▶➤✓✔–\uf0b7\uf0a7\uf076\uf0d8\uf0fc]|\d{1,2}[.)]|[a-z]\))\s+")
