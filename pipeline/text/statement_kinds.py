"""What a statement does for the patient reading a one-page summary: tell them what to do, or
give background (a definition, history, research) that can wait for the leaflet.

Judged from the sentence's shape, in English only (other languages: neither, so the summary
falls back to support and clarity). These are cues for ranking, never for changing a text:
a wrong guess only moves a statement down or up the summary's list.
"""

from __future__ import annotations

import re

# Addressed to the patient: an instruction, or what they should, can or need to do.
_TELLS = re.compile(
    r"^(?:please\s+)?(?:do not|don't|never|always|call|phone|ring|tell|contact|ask|let|seek|go|get|take|"
    r"drink|eat|avoid|keep|wash|use|check|wear|stop|try|rest|report|make sure|remember|bring|follow)\b"
    r"|\byou (?:should|must|need to|will need to|have to|can|may need to|might need to|may want to)\b"
    r"|\b(?:call|phone|contact|tell) (?:your|the|us|our)\b"
    r"|\bif you (?:have|get|notice|develop|feel|think)\b"
    r"|\b(?:must|should|needs? to) be reported\b|\bit is important to (?:tell|report|call|contact)\b",
    re.IGNORECASE)

_CONTACTS = re.compile(r"\b(call|phone|ring|dial|contact|tell|go to|seek|report|reported)\b", re.IGNORECASE)
# "this", "these" ... inside the sentence, but for the page itself ("this leaflet").
_POINTS_BACK = re.compile(r"(?<!^)\b(this|these|those|such)\b(?! (leaflet|page|guide|booklet|handout|information)\b)",
                          re.IGNORECASE)

# Background: what a term means, what something consists of, history and research findings.
_DEFINES = re.compile(
    r"\b(?:is|are) (?:called|known as|defined as|termed|referred to as)\b|\brefers? to\b|\bmeans? that\b"
    r"|\bconsists? of\b|\bis distinguished from\b|\bstands? for\b|\bthe term\b|\bdefinition\b",
    re.IGNORECASE)
_HISTORY_OR_RESEARCH = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)s?\b|\bcentury\b|\bhistory\b|\bhistoric(?:al|ally)?\b|\bdiscover(?:ed|y)\b"
    r"|\bnobel\b|\binvented\b|\bpioneer"
    r"|\b(?:clinical )?(?:trials?|studies|study)\b|\bresearch(?:ers)?\b|\bscientists?\b|\blaborator(?:y|ies)\b"
    r"|\bmedian\b|\bstatistic|\bsurvival (?:rate|time)s?\b|\brevolution\b|\bbreakthrough\b",
    re.IGNORECASE)


def tells_what_to_do(text: str, language: str = "en") -> bool:
    """True when the statement tells the patient what to do (call, tell, avoid, you should ...)."""
    return _is_english(language) and _TELLS.search(text) is not None


def is_background(text: str, language: str = "en") -> bool:
    """True for a definition, history or research: what a patient needs least on one page."""
    return _is_english(language) and (_DEFINES.search(text) is not None
                                       or _HISTORY_OR_RESEARCH.search(text) is not None)


def tells_whom_to_call(text: str, language: str = "en") -> bool:
    """True for an instruction to get in touch: what "When to contact your care team" is for
    ("Do not wait until the morning" alone says what not to do, not whom to call)."""
    return tells_what_to_do(text, language) and _CONTACTS.search(text) is not None


def points_back(text: str, language: str = "en") -> bool:
    """True when the sentence names something the one before it said: "Cancer cells are less able
    to repair this damage" (a ranking cue: such a sentence moves down a summary's list)."""
    return _is_english(language) and _POINTS_BACK.search(text) is not None


def defines_topic(text: str, name: str, language: str = "en") -> bool:
    """True for a sentence saying what the topic itself is ("Chemotherapy is a treatment that uses
    ...", "A CT scan (computed tomography) uses x-rays ..."): what "What is it?" needs first. Not
    what someone thinks of it ("Immunotherapy is a major hope in the fight against cancer")."""
    return _opens_with_topic(text, name, language, r"(?:is|are|uses|means|works by)\b" + _NO_VERDICT)


def says_what_topic_is(text: str, name: str, language: str = "en") -> bool:
    """True for a definition of the topic: "Chemotherapy, or chemo, is a group of medicines ...",
    "CT scans are among the most common tests", "Immunotherapy means ...". Not what it is given
    or used for ("Chemotherapy is given in cycles", "A CT scan uses X-rays, so ..."): those say
    how it is given or what it risks, and belong there."""
    return _opens_with_topic(text, name, language, _WHAT_IT_IS + _NO_VERDICT)


# After "<topic> is/are": a noun phrase saying what it is, not a participle saying what is done with it.
_WHAT_IT_IS = (r"(?:(?:is|are)\s+(?:an?|the|one|among|treatments?|therap(?:y|ies)|medicines?|drugs?|tests?|scans?"
               r"|procedures?|examinations?)\b|means\b)")
# A verdict is no definition: "is a major hope", "is one of the most promising advances", "are a
# real breakthrough" say what someone thinks of it, not what it is (the noun phrase only: "is a
# treatment that gives hope" is a definition).
_NO_VERDICT = (r"(?!(?:\s+(?!(?:that|which|who|whose|to|and|but|because)\b)[\w-]+){0,5}?\s+(?:hopes?|promise"
               r"|breakthroughs?|revolution|success(?:es)?|milestones?|advances?|step forward|game[- ]changers?)\b)")
# What may stand between the topic's name and its verb: "(chemo)", ", or chemo,", ", often called chemo,".
_ALSO_NAMED = (r"(?:\s*\([^)]{0,60}\)|,\s*(?:or|also called|often called|sometimes called|commonly called"
               r"|also known as|known as)\s+[^,]{1,40},)?")


def _opens_with_topic(text: str, name: str, language: str, verb: str) -> bool:
    if not _is_english(language) or not name.strip():
        return False
    topic = r"\s+".join(map(re.escape, name.split()))
    return re.match(rf"(?:an?\s+|the\s+)?{topic}s?\b{_ALSO_NAMED},?\s+{verb}", text, re.IGNORECASE) is not None


def _is_english(language: str) -> bool:
    return re.split(r"[-_]", language.strip().lower())[0] == "en"
