"""Publisher and site names as they appear in running text (used by clean and facts)."""

from __future__ import annotations

import re
import unicodedata

_EDGE = " \t\u00a0*•·-–—>»›<«‹|:.!?¿¡…→←↑^()[]{}\"'“”‘’"


def fold_name(text: str) -> str:
    """Casefold, unify apostrophes, collapse spaces and drop accents ('Santé' == 'sante')."""
    folded = " ".join(text.lower().replace("’", "'").replace("‘", "'").split())
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def publisher_names(publisher: str) -> tuple[str, ...]:
    """Split 'Example.org (Example Ltd)' into the folded names a text may use."""
    parts = re.split(r"[()\[\];/,]|\s[-–—|]\s", publisher)
    return tuple(name for name in (fold_name(p).strip(_EDGE) for p in parts) if len(name) >= 3)


def names_publisher(text: str, names: tuple[str, ...]) -> bool:
    """True when text mentions one of the names as a whole word or phrase."""
    if not names:
        return False
    folded = fold_name(text)
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded) for name in names)
