"""A French stand-in for a translation, for tests that need a language translated without a translator.

It keeps the English words (so a test can find them) but passes handout's checks the way a real
French translation would: numbers in the French way (10 000, 0,5), a negation where the English
has one, and CLDR's French words for the units of time after a number.
"""

from __future__ import annotations

import re

_NEGATIONS = ((r"\bnot\b", "ne pas"), (r"n't\b", " pas"), (r"\bno\b", "aucun"), (r"\bnever\b", "jamais"),
              (r"\bwithout\b", "sans"), (r"\bnone\b", "aucun"))
_UNITS = {"minute": "minute", "hour": "heure", "day": "jour", "week": "semaine", "month": "mois", "year": "an"}


def french_stand_in(english: str) -> str:
    """«english», written with French numbers, negations and units of time."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "\u202f", english)
    text = re.sub(r"(?<=\d)\.(?=\d)", ",", text)
    for pattern, french in _NEGATIONS:
        text = re.sub(pattern, french, text, flags=re.IGNORECASE)
    for unit, french in _UNITS.items():
        plural = french if french.endswith("s") else french + "s"
        text = re.sub(rf"\b{unit}s\b", plural, text)
        text = re.sub(rf"\b{unit}\b", french, text)
    return f"«{text}»"
