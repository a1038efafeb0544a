"""Checks on one translated message: numbers, placeholders, markup, sentences.

A translation that fails a check is never printed as if it were right: the build prints the
English instead, marked, and `handout check` fails. Numbers are compared as values, each side
parsed with its own language's decimal and grouping symbols, so "0,5" in French matches "0.5"
and "0.5" in French does not; "25 %", "%25" and "25%" all carry 25.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache
from string import Formatter

from babel.numbers import get_decimal_symbol, get_group_symbol

from pipeline.i18n.locale_data import parse_locale

# Arabic-Indic and Extended Arabic-Indic digits, and the Arabic separators, as ASCII.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_SPACES = "\u0020\u00a0\u202f\u2009"
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
# A sentence ends with . ! ? or the Arabic question mark, then a space or the end.
_SENTENCE_END = re.compile(r"[.!?؟。](?:[\"'”’»)\]]*)(?=\s|$)")
_ENGLISH_SENTENCE_END = re.compile(r"[.!?](?:[\"'”’)\]]*)(?=\s+[A-Z0-9\"“‘(]|$)")
SHORTER_THAN = 0.4  # a translation under 40% of the English's length has probably lost a part


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


def numbers(text: str, locale: str) -> set[Decimal]:
    """The values of the numbers written in digits in text, read the locale's way."""
    pattern, decimal, groups = _number_pattern(locale)
    values = set()
    for token in pattern.findall(text.translate(_DIGITS)):
        plain = "".join(c for c in token if c not in groups).replace(decimal, ".")
        try:
            values.add(Decimal(plain).normalize())
        except InvalidOperation:
            continue
    return values


def placeholders(text: str) -> set[str]:
    """The {name} placeholders of a python-brace-format string (a broken one counts as none)."""
    try:
        return {name for _, name, _, _ in Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def sentences(text: str, english: bool) -> int:
    """How many sentences the text has (English: only ends followed by a capital)."""
    pattern = _ENGLISH_SENTENCE_END if english else _SENTENCE_END
    count = len(pattern.findall(text.strip()))
    return max(count, 1 if text.strip() else 0)


def check(english: str, translation: str, locale: str, brace_format: bool = False) -> list[str]:
    """Return what is wrong with a translation of english into locale (empty: nothing)."""
    problems = []
    missing = numbers(english, "en") - numbers(translation, locale)
    if missing:
        shown = ", ".join(sorted(format(value, "f") for value in missing))
        problems.append(f"number {shown} of the English is missing (written with the locale's decimal sign?)")
    if brace_format and placeholders(english) != placeholders(translation):
        want, got = sorted(placeholders(english)), sorted(placeholders(translation))
        problems.append(f"placeholders differ: English has {want}, translation has {got}")
    extra = sorted(set(_MARKUP.findall(translation)) - set(_MARKUP.findall(english)))
    if extra:
        problems.append(f"markup that is not in the English: {' '.join(extra)} (it would print as text)")
    if sentences(translation, english=False) < sentences(english, english=True):
        problems.append(
            f"a sentence seems to be missing: the English has {sentences(english, True)}, "
            f"the translation {sentences(translation, False)}")
    elif len(english) >= 40 and len(translation) < SHORTER_THAN * len(english):
        problems.append("much shorter than the English: part of it may be missing")
    return problems


def check_plural(english: tuple[str, str], forms: tuple[str, ...], locale: str, brace_format: bool) -> list[str]:
    """Checks for a message with plural forms: each form against the English plural."""
    problems = []
    for index, form in enumerate(forms):
        for problem in check(english[1], form, locale, brace_format=False):
            problems.append(f"plural form {index}: {problem}")
        if brace_format and not placeholders(form) <= placeholders(english[1]):
            problems.append(f"plural form {index}: placeholders not in the English: {sorted(placeholders(form) - placeholders(english[1]))}")
    if brace_format and forms and placeholders(english[1]) - set().union(*(placeholders(f) for f in forms)):
        problems.append("placeholders of the English are used in no plural form")
    return problems
