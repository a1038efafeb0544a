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


def names_publisher_by_name(text: str, names: tuple[str, ...]) -> bool:
    """names_publisher, where the name is written as a name: "Between Cycles" names the newsletter,
    "looking after yourself between cycles" does not (a name of ordinary words, in lower case)."""
    for name in names:
        if not names_publisher(text, (name,)):
            continue
        found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
        if found is None or not found.group(0)[:1].islower():
            return True  # written as a name, or only found once folded (accents, apostrophes): as before
    return False


# First words that name no site on their own ("National ...", "St ...", "Cancer ...").
GENERIC_NAME_WORDS = frozenset("""the a an national royal university general community regional county city state
american british canadian australian irish scottish welsh english european international cancer health
healthcare hospital hospitals medical clinic clinics centre center care saint st new north south east west
central children's women's mount mercy united first global public private family""".split())


def short_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """The distinctive first word a site goes by in its own text ("asterwood hospitals" -> "asterwood",
    "the lunglight foundation" -> "lunglight": an article before it is no part of the name)."""
    return tuple(dict.fromkeys(
        first for name in names if len(words := _without_article(name.split())) > 1
        and len(first := words[0]) >= 5 and first not in GENERIC_NAME_WORDS))


def _without_article(words: list[str]) -> list[str]:
    return words[1:] if words and words[0] in ("the", "a", "an") else words
