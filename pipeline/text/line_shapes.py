"""The shape of a line of text, as cleaning reads it: its words, its ending, its marks.

Pure helpers shared by clean and the rules beside it (site_boxes): what a line says without its
list or heading marks, whether it ends a sentence, whether two lines touch (no blank line between
them), and the kind of block a kept line becomes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.models import BlockKind, SourceLine
from pipeline.text.citations import without_citation
from pipeline.text.bullets import BULLET

LABEL_MAX_WORDS = 6  # short lines that may belong to a contact block


TERMINAL = tuple(".!?:…")


SOFT_END = tuple(";,")


HEADING_MARK = re.compile(r"^\s*#{1,6}\s+|^\s*(\*\*|__)(?=.+(\*\*|__)\s*$)")


BOLD_END = re.compile(r"(\*\*|__)\s*$")


CLOSERS = "\"'”’»)]*` \t\u00a0"


EDGE_JUNK = " \t\u00a0*•·-–—>»›<«‹|:.!?¿¡…→←↑^()[]{}\"'“”‘’\\"


# A Markdown table row: "| Tiredness | Rest when you need to. |" (the "| --- |" rule has no words).
TABLE_ROW = re.compile(r"^\s*\|(.*\|){2,}\s*$")


@lru_cache(maxsize=65536)  # pure, and asked of each line many times
def bare_text(text: str) -> str:
    """Strip list and heading markers and surrounding whitespace; a table row's cells read
    "Tiredness – Rest when you need to."."""
    if TABLE_ROW.match(text):
        return " – ".join(cell.strip() for cell in text.strip().strip("|").split("|") if cell.strip())
    if "\t" in text.strip():  # a table's row copied from a page: its cells between tabs
        return " – ".join(cell.strip() for cell in BULLET.sub("", text, count=1).strip().split("\t") if cell.strip())
    if mark := HEADING_MARK.match(text):
        inner = text[mark.end():]
        return (BOLD_END.sub("", inner) if mark.group(1) else inner).strip()
    return BULLET.sub("", text, count=1).strip()


@lru_cache(maxsize=65536)  # pure, and asked of each line many times
def fold_text(text: str) -> str:
    """Casefold, unify apostrophes and collapse spaces, for matching."""
    return " ".join(text.lower().replace("’", "'").replace("‘", "'").split())


@lru_cache(maxsize=65536)  # pure, and asked of each line many times
def word_count(text: str) -> int:
    """Count whitespace-separated words."""
    return len(text.split())


@lru_cache(maxsize=65536)  # pure, and asked of each line many times
def line_ending(text: str) -> str:
    """Return the last meaningful character, ignoring closing quotes, brackets and a citation number."""
    stripped = without_citation(text.rstrip()).rstrip(CLOSERS)
    return stripped[-1:] if stripped else ""


def is_short_entry(text: str) -> bool:
    """A line that can be an entry of a contents list: a few words, no sentence end."""
    return 0 < word_count(bare_text(text)) <= 12 and line_ending(text) not in tuple(".!;,…")


def lines_touch(lines: list[SourceLine], i: int, j: int) -> bool:
    """Tell whether line j exists and follows or precedes line i with no blank line between."""
    return 0 <= j < len(lines) and lines_between(lines, i, j) == 0


def lines_between(lines: list[SourceLine], i: int, j: int) -> int:
    """How many file lines lie between lines i and j (either order), counted from where the
    first one ends: a paragraph read from several wrapped lines ends on its last."""
    first, second = sorted((lines[i], lines[j]), key=lambda line: line.number)
    return second.number - first.end - 1


def is_term_list(text: str) -> bool:
    """A line of terms separated by semicolons ("Radiotherapy; Radiation oncology; Brachytherapy"):
    a list of other names, not a caption or a heading."""
    return text.count("; ") >= 2 and line_ending(text) not in TERMINAL and word_count(text) <= 40


def is_sentence(text: str) -> bool:
    """Tell whether a line is a short sentence (three words or more, final punctuation)."""
    return word_count(bare_text(text)) >= 3 and line_ending(text) in tuple(".!…")


_MARKDOWN_LEVEL = re.compile(r"^\s*(#{1,6})\s+")


def heading_level(line: SourceLine) -> int:
    """A heading line's level: its HTML h1-h6, or its Markdown "#" count; 0 when the page does not say."""
    if line.level:
        return line.level
    marks = _MARKDOWN_LEVEL.match(line.text)
    return len(marks.group(1)) if marks else 0


_STATEMENT_BEFORE = re.compile(r"\w[.!]\s+[A-Z]")


LEAD_IN_HEADING_WORDS = 5
HEADING_MAX_WORDS = 25


def line_kind(text: str, is_item: bool) -> BlockKind:
    """Classify a kept line as heading, paragraph or item."""
    if HEADING_MARK.match(text):
        # A card's heading that is a list's lead-in ("Immediate action required: Call 999 if you have:")
        # is a sentence, printed with its list; a short "Side effects:" stays a heading.
        lead_in = line_ending(text) == ":" and word_count(text) >= LEAD_IN_HEADING_WORDS
        return "paragraph" if lead_in else "heading"
    if is_item:
        return "item"
    end = line_ending(text)
    if end == "?" and word_count(text) <= 15 and not _STATEMENT_BEFORE.search(text):
        return "heading"  # not "Waiting can be hard. What helps you?": a statement and a question
    if is_term_list(text):
        return "paragraph"  # other names for the treatment, not a heading
    # A printed paragraph cut off by a box in its column ("... If you are worried about your") is no
    # heading: no heading runs to a paragraph's length.
    long = word_count(text) > HEADING_MAX_WORDS
    return "paragraph" if end in TERMINAL or end in SOFT_END or long else "heading"
