"""A list item's mark at the start of a line ("- ", "• ", "1. ", "a) ", a checkbox): in a module of its own,
so what only needs this (line shapes, a site's template) does not compile every furniture rule."""

from __future__ import annotations

import re

BULLET = re.compile(r"^\s*(?:[-*•·‣◦▪▫■□☐☑☒●○►▶➤✓✔–]|\d{1,2}[.)]|[a-z]\))\s+")
