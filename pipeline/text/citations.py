"""Citation numbers glued to the end of a sentence: "…no side effects.17", "include:16", "effects.¹⁷".

Pages copied from the browser keep their footnote markers as plain digits straight after the
final punctuation. They are not part of what the sentence says: cleaning reads the sentence as
ending in its punctuation, and the printed fact leaves the number out (its `original` keeps it).
Only digits after a letter's punctuation count, so "2.5", "version 4.2" and "pH 7.4" are untouched.
"""

from __future__ import annotations

import re

# A letter (or a closing bracket or quote), punctuation, then 1-3 digits (lists: "17,18", "3-5")
# or superscript digits: a marker only where the line or sentence ends there.
_MARKER = r"(?:\d{1,3}(?:[,–-]\d{1,3})*|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
_AFTER = r"(?<=(?:[^\W\d_]|[)\]”’\"'])[.!?:;])"
AT_END = re.compile(rf"{_AFTER}{_MARKER}$")
# Bracketed markers wikis and journals print in the text: footnote references ("[3]", "[2][5]",
# "[a]", "[note 1]", Markdown's "[^1]"), editors' tags ("[citation needed]") and MediaWiki's
# "[edit]" section links. They are not words of the sentence either, wherever they stand.
# Word's comment anchors copied with the text ("cancers[LK1]", "following:[A5]") are markers too.
_BRACKETED = (r"\[(?:\d{1,3}(?:\s?[,–-]\s?\d{1,3})*|[a-z]|(?:note|nb|n)\s?\d{1,3}|\^\w{1,4}|[A-Z]{1,4}\d{1,3}|"
              r"citation needed|clarification needed|better source needed|verification needed|"
              r"according to whom\?|by whom\?|when\?|which\?|who\?|dubious|edit|edit source|update)\](?!\()")
# Glued to the word or punctuation before them: "days [1] and [8]" are the text's own brackets.
BRACKETED = re.compile(rf"(?<=\S)(?:{_BRACKETED})+")
_BRACKETED_AT_END = re.compile(rf"(?<=\S)(?:{_BRACKETED})+$")
# Inside a paragraph, a marker ends a sentence only when the next one starts after a space.
BEFORE_NEXT_SENTENCE = rf"(?:{_AFTER}{_MARKER}|(?:{_BRACKETED})+)?"


# An answer engine's or a wiki's citation as a Markdown link, glued to the text it backs:
# "... destroy cancer cells.[1](https://...)", "... in the hand[3](https://...)[4](https://...)".
_CITATION_LINKS = re.compile(r"(?<=\S)(?:\[\^?\d{1,3}\]\([^)\s]*\))+")


def without_citation_links(text: str) -> str:
    """The text without the citation links glued to it; its words and its own links stay."""
    return _CITATION_LINKS.sub("", text) if "](" in text else text


def without_citation(text: str) -> str:
    """The text without a citation marker at its end: a number glued to its final punctuation,
    or bracketed markers ("[3]", "[citation needed]", "[edit]"); the text itself when there is none."""
    stripped = text.rstrip()
    if _BRACKETED_AT_END.search(stripped):
        stripped = _BRACKETED_AT_END.sub("", stripped)
        return AT_END.sub("", stripped)
    return AT_END.sub("", stripped) if AT_END.search(stripped) else text


def without_markers(text: str) -> str:
    """The text without its bracketed markers, wherever they stand ("bleeding[3] in the brain")."""
    return BRACKETED.sub("", text) if "[" in text else text
