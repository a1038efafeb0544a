"""Printed statements -> the phone numbers they give that are not the clinic's.

A source page's advice often gives its own number ("Call the Mercyvale Cancer Institute nurse line
at 1-800-555-0147, day or night, if you have:"). Printed in the clinic's leaflet, it sends the
clinic's patient to another hospital's line. The advice is the article's and stays as written: the
statement is listed in the review report, the build says how many there are, and each comes with
the `replace` decision that prints the clinic's number in its place, for the editor to paste into
editorial.yaml. The pipeline itself never changes the statement (medical text is the editor's).

A phone number here is a run of digits written as one, with spaces, dots, dashes or brackets
between its groups and seven digits or more ("01632 960 999", "(555) 014-2200", "+44 20 7946
0999", "1-800-555-0147"); a date, a dose or a temperature has fewer digits or no such groups. It is
the clinic's when its digits end as the digits of clinic.yaml's phone or side-effects phone do (a
country code or a leading 0 written or left out).
"""

from __future__ import annotations

import json
import re
from pipeline.models import ForeignNumber, Handout

PHONE_MIN_DIGITS = 7
COMPARED_DIGITS = 9  # the number's last digits compared with the clinic's: a country code or trunk 0 aside
_YEARS = re.compile(r"(19|20)\d\d ?[-–] ?((19|20)?\d\d)")  # "2024-2025": a span of years, no number to call
_PHONE = re.compile(r"(?<![\w.,/])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,5}(?:[ .-]\d{2,6}){1,4}(?![\w/]|[.,]\d)")


def foreign_numbers(handout: Handout) -> tuple[ForeignNumber, ...]:
    """The phone numbers the leaflet prints that are not the clinic's, each with the statement giving it."""
    clinic = {_key(found.group(0)) for setting in (handout.clinic.phone, handout.clinic.side_effects_phone)
              for found in _PHONE.finditer(setting)}  # the number, not the words after it ("(24 hours)")
    found = []
    for cluster in handout.printed_clusters():
        fact = cluster.canonical
        for match in _PHONE.finditer(fact.text):
            number = match.group(0)
            if len(_digits(number)) >= PHONE_MIN_DIGITS and _key(number) not in clinic and not _YEARS.fullmatch(number):
                suggestion = fact.text[:match.start()] + handout.clinic.phone + fact.text[match.end():]
                found.append(ForeignNumber(cluster.id, number, fact.text, fact.source, fact.line, suggestion))
    return tuple(found)


def replace_decision(found: ForeignNumber) -> str:
    """The `replace` decision, for editorial.yaml's `decisions:`, that prints the clinic's number instead."""
    note = f"Phone number: '{found.number}' (the source's, {found.source}:{found.line}) -> the clinic's"
    return (f"  - action: replace\n    fact: {found.fact}\n"
            f"    text: {json.dumps(found.suggestion, ensure_ascii=False)}\n"
            f"    note: {json.dumps(note, ensure_ascii=False)}\n")


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def _key(number: str) -> str:
    return _digits(number)[-COMPARED_DIGITS:]
