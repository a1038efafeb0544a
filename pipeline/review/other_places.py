"""Printed statements -> the ones that name another hospital, or the organisation a source came from.

A source page speaks for its own hospital: "Radiotherapy is not given at Brambleford.", "You will have
it at our partner hospital, the Severnmouth Cancer Centre, about 28 miles away.", "Asterwood patients
can park free on treatment days." Printed in the clinic's leaflet, a patient takes these as the
clinic's own arrangements. They are listed in the review report and the build says how many there
are; the statement stays as the source wrote it until the editor rewords it (`replace`) or leaves
it out (`drop`): which hospital a patient goes to is the editor's to say, never the pipeline's.

A name counts when it is a source's publisher as topic.yaml gives it (or the distinctive first word
a site goes by, "Asterwood"), or a name written as one and ending in a word for a place of care
("St Mary's Hospital", "the Severnmouth Cancer Centre", "Mercyvale Cancer Institute"). The clinic's
own name never counts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from pipeline.models import Handout, OtherPlace, Source
from pipeline.text.publisher_names import fold_name, publisher_names, short_names

# Capitalised words (or "St", "of", "and") before a word for a place of care, as English names one.
_PLACE = re.compile(r"\b(?:(?:St\.?|Saint|[A-Z][\w'’&.-]*)\s+(?:(?:of|and|for|on|&)\s+)?){1,5}"
                    r"(?:Hospitals?|Infirmary|Clinic|Hospice|Institute|(?:Cancer|Medical|Health|Treatment|Radiotherapy|"
                    r"Oncology|Imaging|Proton)\s+(?:Centre|Center|Unit))\b")
_ARTICLE = re.compile(r"^(?:The|A|An|Our|Your|This|That|At|In|Every|Each|Any|Most|Some)\s+")
# A person's post before the name it is at: "CEO of Harlan Creek Medical Center".
_POST_OF = re.compile(r"^(?:[A-Z][a-z]+\s+)?(?:CEO|Director|Head|Chair|President|Dean|Professor|Chief|Manager|Lead)\s+of\s+")


def other_places(handout: Handout, sources: Iterable[Source]) -> tuple[OtherPlace, ...]:
    """The printed statements that name a source's organisation or another place of care."""
    clinic = fold_name(handout.clinic.name)
    publishers = tuple(dict.fromkeys(name for source in sources for name in publisher_names(source.meta.publisher)
                                     if name not in clinic))
    short = tuple(name for name in short_names(publishers) if name not in clinic)
    found = []
    for cluster in handout.printed_clusters():
        fact = cluster.canonical
        named = _publisher_named(fact.text, publishers + short)
        place = None if named else next((m for m in place_names(fact.text) if fold_name(m) not in clinic), None)
        if named or place:
            found.append(OtherPlace(cluster.id, named or place or "", fact.text, fact.source, fact.line, bool(named)))
    return tuple(found)


def drop_decision(found: OtherPlace) -> str:
    """The `drop` decision, for editorial.yaml's `decisions:`, that leaves the statement out (or
    write a `replace` with the clinic's own arrangement)."""
    note = f"Names {found.name!r} ({found.source}:{found.line}): not the clinic's arrangement"
    return f"  - action: drop\n    fact: {found.fact}\n    note: {json.dumps(note, ensure_ascii=False)}\n"


def _publisher_named(text: str, names: tuple[str, ...]) -> str:
    """The words of text that name one of the names ("" when none does), as printed."""
    for name in names:
        found = re.search(r"(?<!\w)" + r"\W+".join(re.escape(word) for word in name.split()) + r"(?!\w)", text,
                          re.IGNORECASE)
        if found and any(ch.isupper() for ch in found.group(0)):  # "asterwood" in lower case is no name
            return found.group(0)
    return ""


def place_names(text: str) -> list[str]:
    """The names of places of care text writes, without an article before them."""
    names = [_POST_OF.sub("", _ARTICLE.sub("", match.group(0))) for match in _PLACE.finditer(text)]
    return [name for name in names if len(name.split()) >= 2]  # "Most hospitals": no name
