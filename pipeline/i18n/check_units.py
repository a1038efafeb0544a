"""Units of time and dose after numbers, in each language's own words from CLDR (Babel's locale data).

A unit counts when it follows a number written in digits, directly or after one word ("6 months",
"16-20 weeks", "5 mg", "les 10 dernières années"). For each kind (day, week, month, ..., mg, mL) the
translation must have as many as the English: "6 meses" turned into "6 semanas" is a month lost and a
week gained, and the problem names both. A unit written without a number ("every week") is not
counted on either side, and a number written in words carries no unit.

The words come from `babel.units` (every plural form and the long, short and narrow names), never from
a hand-written list. How a word after a number is matched:
- the English: exactly one of CLDR's English (and British English) forms;
- a translation: a long name may take an ending CLDR does not list ("années" for "an", "Monaten" for
  "Monat", "haftada" for "hafta"): up to 4 more letters, or any ending in languages that build words
  with suffixes (AGGLUTINATIVE) and in scripts written without spaces (Chinese, Japanese);
- short names ("sem.", "hf.") must match exactly; a one-letter name ("h", "a") only when no number
  follows it, so the "a" of Spanish "2 a 4 semanas" is not read as "años";
- a word CLDR gives to two kinds in the same language (English "m": month and minute) is left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from babel.core import UnknownLocaleError
from babel.units import format_unit, get_unit_name

from pipeline.i18n.check_numbers import DIGITS, Quantity
from pipeline.i18n.locale_data import parse_locale

# CLDR unit id -> the name problems show.
UNITS = {
    "duration-minute": "minutes", "duration-hour": "hours", "duration-day": "days",
    "duration-week": "weeks", "duration-month": "months", "duration-year": "years",
    "mass-microgram": "µg", "mass-milligram": "mg", "mass-gram": "g", "mass-kilogram": "kg",
    "volume-milliliter": "mL", "volume-liter": "L",
}
# Numbers that between them reach every plural category CLDR has (zero, one, two, few, many, other).
_SAMPLES = (0, 1, 2, 3, 5, 11, 21, 100, 101, 1.5, 1000000)
# Languages whose words take case and derivation suffixes (Turkish "haftada", "aylık").
AGGLUTINATIVE = frozenset({"tr", "az", "fi", "hu", "et", "ja", "ko"})
MAX_ENDING = 4
_MARKS = "\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_WORD = rf"(?:[^\W\d_]|[{_MARKS}])+"
# After a number: spaces or a hyphen, then a word; then maybe one more word.
_AFTER = re.compile(rf"[\s\u00a0\u202f\u2009]*[-‐‑–]?[\s\u00a0\u202f\u2009]*(?P<word>{_WORD})(?P<dot>\.?)")
_PERCENT_AFTER = re.compile(r"[\s\u00a0\u202f\u2009]*[%٪]")
_NUMBER_NEXT = re.compile(r"[\s\u00a0\u202f\u2009]*[-‐‑–]?[\s\u00a0\u202f\u2009]*\d")
_NOT_FORM = re.compile(r"[\d\s\u00a0\u202f\u2009\u200e\u200f\u061c.,'’٫٬]+")


@cache
def vocabulary(locale: str) -> dict[str, tuple[str, bool]]:
    """The locale's words for the units: casefolded word -> (unit, may take an ending)."""
    words: dict[str, set[str]] = {}
    abbreviated = set()
    for unit in UNITS:
        for form, period in _forms(locale, unit):
            words.setdefault(form, set()).add(unit)
            if period:
                abbreviated.add(form)
    symbols = _symbols()
    # A word two kinds share says nothing; an abbreviation ("sem.") or a symbol ("mg") takes no ending.
    return {form: (next(iter(units)), len(form) > 1 and form not in abbreviated and form not in symbols)
            for form, units in words.items() if len(units) == 1}


@cache
def _symbols() -> frozenset[str]:
    """The English short names ("mg", "min", "wk"): symbols and abbreviations, wherever they appear."""
    return frozenset(form for unit in UNITS for length in ("short", "narrow")
                     for form, _ in _forms("en", unit, (length,), display_names=False))


@cache
def _english() -> dict[str, tuple[str, bool]]:
    """English's words for the units, American and British spellings ("milliliter", "millilitre")."""
    return {**vocabulary("en_GB"), **vocabulary("en")}


@cache
def _samples(locale: str) -> tuple[float, ...]:
    """One number of each plural category of the locale (each category has its own unit word)."""
    rule = parse_locale(locale).plural_form
    chosen: dict[str, float] = {}
    for number in _SAMPLES:
        chosen.setdefault(rule(number), number)
    return tuple(chosen.values())


def _forms(locale: str, unit: str, lengths: tuple[str, ...] = ("long", "short", "narrow"),
           display_names: bool = True) -> set[tuple[str, bool]]:
    """CLDR's names of unit in the locale, the number taken out: (casefolded name, written with a period)."""
    forms = set()
    for length in lengths:
        names = [get_unit_name(unit, length=length, locale=locale) or ""] if display_names else []
        for number in _samples(locale):
            try:
                names.append(format_unit(number, unit, length=length, locale=locale))
            except (KeyError, ValueError, UnknownLocaleError):
                continue
        for name in names:
            form = _NOT_FORM.sub(" ", name).strip().casefold()
            # Babel falls back to the unit id ("5 duration-day") where CLDR has no pattern.
            if form and " " not in form and unit.casefold() not in form and "-" not in form:
                forms.add((form, f"{form}." in name.casefold()))
    return forms


@cache
def _language(locale: str) -> str:
    return parse_locale(locale).language


@cache
def _known(locale: str) -> frozenset[str]:
    """The units the locale has words for."""
    return frozenset(unit for unit, _ in vocabulary(str(parse_locale(locale))).values())


def _spaceless(word: str) -> bool:
    """Scripts written without spaces: a "word" runs on into the next one."""
    return any("\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in word[:1])


def _unit_of(word: str, locale: str, english: bool, number_next: bool) -> str:
    """The unit a word names in the locale ("" for none)."""
    words = _english() if english else vocabulary(locale)
    word = word.casefold()
    exact = words.get(word)
    if exact and (len(word) > 1 or not number_next):
        return exact[0]
    if english:
        return ""
    spaceless = _spaceless(word)
    free = spaceless or _language(locale) in AGGLUTINATIVE
    for size in range(len(word) - 1, 0 if spaceless else 1, -1):
        found = words.get(word[:size])
        if found and (found[1] or spaceless) and (free or len(word) - size <= MAX_ENDING):
            return found[0]
    return ""


def with_units(text: str, spans: Sequence[Quantity], locale: str) -> list[Quantity]:
    """The numbers of text, each with the unit (or "percent") it carries."""
    english = _language(locale) == "en"
    digits = text.translate(DIGITS)
    found = []
    for quantity in spans:
        unit = ""
        if _PERCENT_AFTER.match(digits, quantity.end) or text[max(0, quantity.start - 1):quantity.start] in ("%", "٪"):
            unit = "percent"
        position = quantity.end
        for _ in range(2):  # the word after the number, or the one after that
            if unit or _NUMBER_NEXT.match(digits, position):
                break
            match = _AFTER.match(digits, position)
            if not match:
                break
            position = match.end()
            unit = _unit_of(match.group("word"), locale, english, bool(_NUMBER_NEXT.match(digits, position)))
        if unit == "duration-year" and _calendar_year(quantity):
            unit = ""  # "2011 yılında", "2011年": the year 2011, not a duration of 2011 years
        found.append(Quantity(quantity.value, quantity.start, quantity.end, unit))
    return found


def _calendar_year(quantity: Quantity) -> bool:
    return quantity.value == quantity.value.to_integral_value() and 1000 <= quantity.value <= 2199


def unit_problems(english: Sequence[Quantity], translation: Sequence[Quantity], locale: str) -> list[str]:
    """Units of time and dose the translation has more or fewer of than the English."""
    known = _known(locale)
    want = Counter(q.unit for q in english if q.unit in UNITS and q.unit in known)
    got = Counter(q.unit for q in translation if q.unit in UNITS and q.unit in known)
    if want == got:
        return []
    lost = ", ".join(f"{UNITS[u]} ×{n}" for u, n in sorted((want - got).items()))
    gained = ", ".join(f"{UNITS[u]} ×{n}" for u, n in sorted((got - want).items()))
    if lost and gained:
        return [f"units differ: the English has {lost} where the translation has {gained}"]
    if lost:
        return [f"units missing: the English has {lost} after a number, the translation does not"]
    return [f"units not in the English: the translation has {gained} after a number"]
