"""Checks on one translated message: numbers, units, negation, drug names, placeholders, markup, length.

A translation that fails a check is never printed as if it were right: the build prints the
English instead, marked, and `handout check` fails. What each check compares is explained in its
module: check_numbers.py (values as a multiset, and order where it carries meaning), check_units.py
(units of time and dose in CLDR's words), check_negation.py (a "not" kept, none added),
check_drugs.py (drug names kept). A translation that is the English itself is not a translation
(`copies_english`), unless the entry says it is meant to be (`# same-as-english`). The marker on
a translation that is not the English says nothing (a translator who rewords "Sources" need not
remember to delete it); a copy made later under it is the one case it lets through.

A reviewer may waive one kind of check on one entry with a flag (WAIVERS, e.g. `#, no-number-check`)
and a translator comment giving the reason (`# waived: ordinal written as Roman numerals`), or with
a translator comment alone that names the marker and the reason (`# no-number-check: ordinal written
as Roman numerals`; `# same-as-english`). gettext's msgcat and msgattrib and XLIFF round trips drop
flags they do not know but keep translator comments, so the comment form survives any tool. A waiver
without a reason is reported and not applied; a waiver whose check passes is reported as not needed,
so a waiver never outlives the problem it was written for. Placeholders and markup cannot be waived:
the page would be wrong or unsafe.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from string import Formatter

from pipeline.i18n.check_drugs import drug_names, drug_problems
from pipeline.i18n.check_negation import negation_problems
from pipeline.i18n.check_numbers import number_problems, number_spans, numbers, roman_ordinals
from pipeline.i18n.check_units import unit_problems, with_units

__all__ = ["SAME_AS_ENGLISH", "WAIVERS", "check", "check_plural", "copies_english", "markers", "numbers", "placeholders",
           "sentences", "weighted_length"]

SAME_AS_ENGLISH = "same-as-english"
# Kind of check -> the flag that waives it on one entry (gettext's msgfmt --check accepts any flag).
WAIVERS = {
    "numbers": "no-number-check",
    "units": "no-unit-check",
    "negation": "no-negation-check",
    "drug names": "no-drug-name-check",
    "length": "no-length-check",  # the dropped-sentence and much-shorter checks
}
WAIVER_REASON = "waived:"  # a translator comment starting so gives the reason

_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
_CLOSERS = "\"'”’»)\\]」』）"
# A sentence ends with . ! ? or the Arabic question mark, then a space or the end; or with a
# full-width 。！？, which Chinese and Japanese follow with no space.
_SENTENCE_END = re.compile(rf"[.!?؟][{_CLOSERS}]*(?=\s|$)|[。！？][{_CLOSERS}]*")
_ENGLISH_SENTENCE_END = re.compile(r"[.!?](?:[\"'”’)\]]*)(?=\s+[A-Z0-9\"“‘(]|$)")
SHORTER_THAN = 0.5  # a translation under half the English's weighted length has probably lost a part
# How many English characters one character of a script stands for (measured on translations of
# the shipped facts: Chinese needs 2.9-4.1 times fewer characters than English, Arabic about 0.85 times).
_EXTRA_WEIGHT = (
    (re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]"), 2.0),  # Han, kana
    (re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"), 1.5),  # Hangul
    (re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"), 0.2),  # Hebrew, Arabic
)
_NOT_WORDS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\{[^{}]*\}|\S*\d\S*")


@dataclass(frozen=True)
class Finding:
    """One problem of a translation, and the kind of check that found it (a key of WAIVERS, or another)."""

    kind: str
    text: str


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


def weighted_length(text: str) -> float:
    """The length of text in English characters: a Chinese character counts 3, an Arabic letter 1.2."""
    return len(text) + sum(weight * len(pattern.findall(text)) for pattern, weight in _EXTRA_WEIGHT)


def _same(text: str) -> str:
    """Text as compared for sameness: Unicode-normalized, case, whitespace and apostrophes ignored."""
    return " ".join(unicodedata.normalize("NFKC", text).replace("’", "'").casefold().split())


def _nothing_to_translate(english: str) -> bool:
    """Only numbers, codes (PD-1), URLs, e-mail and phone numbers, placeholders and drug names."""
    inns, brands = drug_names(english)
    rest = _NOT_WORDS.sub(" ", english)
    for name in sorted(inns | brands, key=len, reverse=True):
        rest = re.sub(re.escape(name), " ", rest, flags=re.IGNORECASE)
    return not any(c.isalpha() for c in rest)


def copies_english(english: str | Sequence[str], forms: Sequence[str]) -> bool:
    """Whether a translation is the English itself (every form), with something in it to translate."""
    originals = [english] if isinstance(english, str) else list(english)
    return _identical(english, forms) and not all(_nothing_to_translate(text) for text in originals)


def _findings(english: str, translation: str, locale: str, brace_format: bool) -> list[Finding]:
    """Every problem of one translation, by kind of check."""
    found = []
    english_numbers = with_units(english, number_spans(english, "en"), "en")
    spans = sorted(number_spans(translation, locale) + roman_ordinals(english, translation), key=lambda q: q.start)
    translated_numbers = with_units(translation, spans, locale)
    found += [Finding("numbers", p) for p in number_problems(english_numbers, translated_numbers)]
    found += [Finding("units", p) for p in unit_problems(english_numbers, translated_numbers, locale)]
    found += [Finding("negation", p) for p in negation_problems(english, translation, locale)]
    found += [Finding("drug names", p) for p in drug_problems(english, translation)]
    if brace_format and placeholders(english) != placeholders(translation):
        want, got = sorted(placeholders(english)), sorted(placeholders(translation))
        found.append(Finding("placeholders", f"placeholders differ: English has {want}, translation has {got}"))
    extra = sorted(set(_MARKUP.findall(translation)) - set(_MARKUP.findall(english)))
    if extra:
        found.append(Finding("markup", f"markup that is not in the English: {' '.join(extra)} (it would print as text)"))
    found += [Finding("length", p) for p in _length_problems(english, translation)]
    return found


def _length_problems(english: str, translation: str) -> list[str]:
    """A sentence dropped, or a translation much shorter than the English (in English characters)."""
    if sentences(translation, english=False) < sentences(english, english=True):
        return [f"a sentence seems to be missing: the English has {sentences(english, True)}, "
                f"the translation {sentences(translation, False)}"]
    if len(english) >= 40 and weighted_length(translation) < SHORTER_THAN * len(english):
        return ["much shorter than the English: part of it may be missing"]
    return []


def markers(flags: Collection[str], comments: Sequence[str]) -> frozenset[str]:
    """The entry's flags, with the markers its translator comments name (`# same-as-english`,
    `# no-number-check: why`): tools that drop unknown flags keep comments."""
    named = {SAME_AS_ENGLISH, *WAIVERS.values()}
    found = {comment.strip().split(":", 1)[0].strip().lower() for comment in comments}
    return frozenset(flags) | (found & named)


def _reasons(comments: Sequence[str]) -> list[str]:
    """The reasons translator comments give for a waiver: `# waived: why` or `# no-...-check: why`."""
    reasons = []
    for comment in comments:
        head, _, rest = comment.strip().partition(":")
        if head.strip().lower() + ":" == WAIVER_REASON or head.strip().lower() in WAIVERS.values():
            reasons.append(rest.strip())
    return reasons


def _waived(findings: Sequence[Finding], flags: Collection[str], comments: Sequence[str]) -> list[str]:
    """The problems left once the entry's waivers are applied, and those of the waivers themselves."""
    flags = markers(flags, comments)
    reasons = _reasons(comments)
    problems = []
    waived = set()
    for kind, flag in WAIVERS.items():
        if flag not in flags:
            continue
        if not any(reasons):
            problems.append(f"`#, {flag}` has no reason: add a translator comment `# {WAIVER_REASON} <why>` (not applied)")
        elif not any(f.kind == kind for f in findings):
            problems.append(f"`#, {flag}` is not needed: the {kind} check passes (remove the flag)")
        else:
            waived.add(kind)
    return [f.text for f in findings if f.kind not in waived] + problems


def _identical(english: str | Sequence[str], forms: Sequence[str]) -> bool:
    """Whether every form is one of the English texts (case, whitespace and apostrophes aside)."""
    originals = {_same(text) for text in ([english] if isinstance(english, str) else english)}
    return bool(forms) and all(_same(form) in originals for form in forms)


def check(english: str, translation: str, locale: str, brace_format: bool = False,
          flags: Collection[str] = (), comments: Sequence[str] = ()) -> list[str]:
    """Return what is wrong with a translation of english into locale (empty: nothing).

    flags and comments are the PO entry's: waivers (WAIVERS) and their translator comment.
    """
    return _waived(_findings(english, translation, locale, brace_format), flags, comments)


def check_plural(english: tuple[str, str], forms: tuple[str, ...], locale: str, brace_format: bool,
                 flags: Collection[str] = (), comments: Sequence[str] = ()) -> list[str]:
    """Checks for a message with plural forms: each form against the English plural."""
    findings = []
    for index, form in enumerate(forms):
        findings += [Finding(f.kind, f"plural form {index}: {f.text}")
                     for f in _findings(english[1], form, locale, brace_format=False)]
        if brace_format and not placeholders(form) <= placeholders(english[1]):
            findings.append(Finding("placeholders", f"plural form {index}: placeholders not in the English: "
                                    f"{sorted(placeholders(form) - placeholders(english[1]))}"))
    if brace_format and forms and placeholders(english[1]) - set().union(*(placeholders(f) for f in forms)):
        findings.append(Finding("placeholders", "placeholders of the English are used in no plural form"))
    return _waived(findings, flags, comments)
