"""The numbers of a translation against the English: the same values, as often, in an order that keeps the meaning.

Numbers are read as values, each side with its own language's decimal and grouping symbols, so
"0,5" in French matches "0.5" and "0.5" in French does not; "25 %", "%25" and "25%" all carry 25.
An ordinal of the English may be a Roman numeral in the translation ("19th century": "XIXe siècle").
They are compared as a multiset: a number missing, added or written once more than in the English
is a problem. Order is compared only where it carries meaning: when the English has two or more
different values each followed by the same kind of unit (two percentages, two durations in weeks,
two doses in mg), those values must come in the same order in the translation ("25% ... 11%"
turned into "11 % ... 25 %" swaps who gets what). Other numbers may move with the sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from babel.numbers import get_decimal_symbol, get_group_symbol

from pipeline.i18n.locale_data import parse_locale

# Arabic-Indic and Extended Arabic-Indic digits, and the Arabic separators, as ASCII.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_SPACES = "\u0020\u00a0\u202f\u2009"


@dataclass(frozen=True)
class Quantity:
    """A number written in digits, where it ends in the text, and the kind of unit it carries ("" for none)."""

    value: Decimal
    start: int
    end: int
    unit: str = ""


@cache
def _number_pattern(locale: str) -> tuple[re.Pattern[str], str, str]:
    """A regex for numbers written in the locale, and its decimal and group symbols."""
    parsed = parse_locale(locale)
    decimal, group = get_decimal_symbol(parsed), get_group_symbol(parsed)
    groups = set(group) | (set(_SPACES) if group in _SPACES or group == "." else set())
    groups.discard(decimal)
    group_class = "[" + re.escape("".join(sorted(groups))) + "]"
    pattern = rf"\d+(?:{group_class}\d{{3}})*(?:{re.escape(decimal)}\d+)?"
    return re.compile(pattern), decimal, "".join(sorted(groups))


def number_spans(text: str, locale: str) -> list[Quantity]:
    """Every number written in digits in text, in order, read the locale's way (no unit yet)."""
    pattern, decimal, groups = _number_pattern(locale)
    found = []
    # The digit translation keeps every character's position, so spans index the original text.
    for match in pattern.finditer(text.translate(DIGITS)):
        plain = "".join(c for c in match.group() if c not in groups).replace(decimal, ".")
        try:
            found.append(Quantity(Decimal(plain).normalize(), match.start(), match.end()))
        except InvalidOperation:
            continue
    return found


_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_ROMAN = re.compile(r"(?<![\w])([IVXLC]{1,8})(?=e\b|er\b|ème\b|º|°|\.|[^\w]|$)")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def roman_ordinals(english: str, translation: str) -> list[Quantity]:
    """Roman numerals of the translation standing for ordinals of the English ("19th century": "XIXe siècle")."""
    ordinals = {int(m.group(1)) for m in _ORDINAL.finditer(english)}
    if not ordinals:
        return []
    return [Quantity(Decimal(_roman(m.group(1))), m.start(), m.end()) for m in _ROMAN.finditer(translation)
            if _roman(m.group(1)) in ordinals]


def numbers(text: str, locale: str) -> set[Decimal]:
    """The values of the numbers written in digits in text, read the locale's way."""
    return {quantity.value for quantity in number_spans(text, locale)}


def _shown(values: Sequence[Decimal] | Counter[Decimal]) -> str:
    return ", ".join(format(value, "f") for value in sorted(values))


def number_problems(english: Sequence[Quantity], translation: Sequence[Quantity]) -> list[str]:
    """What is wrong with the translation's numbers: missing, added, repeated, or swapped."""
    want = Counter(q.value for q in english)
    got = Counter(q.value for q in translation)
    problems = []
    missing, extra = want - got, got - want
    if missing:
        problems.append(f"number {_shown(missing)} of the English is missing (written with the locale's decimal sign?)")
    if extra:
        once_more = [v for v in extra if v in want]
        added = [v for v in extra if v not in want]
        if added:
            problems.append(f"number {_shown(added)} is not in the English")
        if once_more:
            problems.append(f"number {_shown(once_more)} appears more often than in the English")
    if not problems:
        problems.extend(_order_problems(english, translation))
    return problems


def _order_problems(english: Sequence[Quantity], translation: Sequence[Quantity]) -> list[str]:
    """Swapped values among numbers carrying the same kind of unit in the English."""
    problems = []
    for unit in sorted({q.unit for q in english if q.unit}):
        values = {q.value for q in english if q.unit == unit}
        if len(values) < 2:
            continue
        # Compare the order of every occurrence of those values, so another number between them does not matter.
        want = [q.value for q in english if q.value in values]
        got = [q.value for q in translation if q.value in values]
        if want != got:
            problems.append(f"numbers in another order: the English has {', '.join(format(v, 'f') for v in want)} "
                            f"({unit}), the translation {', '.join(format(v, 'f') for v in got)}; "
                            "swapping them changes the meaning")
    return problems
