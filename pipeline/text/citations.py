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
# Inside a paragraph, a marker ends a sentence only when the next one starts after a space.
BEFORE_NEXT_SENTENCE = rf"(?:{_AFTER}{_MARKER})?"


def without_citation(text: str) -> str:
    """The text without a citation number glued to its end (the text itself when there is none)."""
    stripped = text.rstrip()
    return AT_END.sub("", stripped) if AT_END.search(stripped) else text
