"""Key terms and synonyms as statements are compared (by dedupe and the repeats check)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

Term = tuple[str, re.Pattern[str]]


def compile_terms(key_terms: Sequence[str]) -> list[Term]:
    """Key terms match at a word start; short ones (like "ent") only as whole words."""
    return [
        (term, re.compile(r"\b" + re.escape(term.casefold()) + (r"\b" if len(term) <= 3 else "")))
        for term in sorted(set(key_terms))
    ]


def compile_synonyms(groups: Sequence[Sequence[str]]) -> Callable[[str], str]:
    """A function writing every synonym as its group's preferred (first) word, for comparing only."""
    preferred = {word.casefold(): group[0].casefold() for group in groups for word in group[1:]}
    if not preferred:
        return str
    # Longest first, so "radiation therapy" wins over a shorter synonym inside it.
    alternatives = "|".join(re.escape(word) for word in sorted(preferred, key=lambda w: (-len(w), w)))
    pattern = re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
    return lambda text: pattern.sub(lambda m: preferred[m.group().casefold()], text)
