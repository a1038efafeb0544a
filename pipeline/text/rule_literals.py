"""The words a furniture pattern cannot match without: a quick test before the regular expression.

Cleaning tries some hundred phrase patterns on every line, and nearly every line of an article
matches none. Each pattern holds, in each of its alternatives, some fixed text ("we use cookies",
"all rights reserved", one of " work with" / " accept" after an optional "we're"): when none of
those texts occurs in the line, the pattern cannot match, and the regular expression need not run.
`required_literals` reads a compiled pattern (with the parser the `re` module itself uses) and
returns such a set of texts, lower-cased; it returns None where a pattern has none, and that
pattern always runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre
from re import _parser as sre_parse

_MAX_TEXTS = 64  # beyond this a pattern is cheaper to run than to pre-test
_MAX_DEPTH = 4  # groups nested deeper end the fixed text
_MIN_LENGTH = 2
# How often a line holds a text of this length (a word inside another word counts): a rough guess
# from article lines, where "we" is in most and " a cookie" in none.
_HIT_RATE = {1: 0.9, 2: 0.5, 3: 0.25, 4: 0.1, 5: 0.04, 6: 0.02}
_HIT_RATE_LONG = 0.01
_PATTERN_COST = 60  # a pattern's search, in substring tests


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased texts one of which any match of the pattern contains (None: no such set).

    Of the sets the pattern's parts require (the fixed text it starts with, the alternatives of a
    group every match goes through, a fixed stretch between its other parts such as "@"), the
    one whose shortest text is longest: " a cookie" tells more than "use" in
    "(use|set|save|store) a cookie".
    """
    try:
        parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
    except re.error:
        return None
    best = _best(_scan(parsed, 0).found)
    return None if best is None else frozenset(text.lower() for text in best)


def may_match(literals: frozenset[str] | None, lowered: str) -> bool:
    """True unless the pre-test proves the pattern cannot match the (lower-cased) line."""
    return literals is None or any(literal in lowered for literal in literals)


@dataclass
class _Scan:
    """What a parsed sequence holds: sets of texts one of which every match contains."""

    found: list[list[str]]  # each: a set of texts, one of which any match contains
    head: list[str]  # the texts a match starts with ([""]: no fixed start)
    fixed: bool  # the sequence is nothing but fixed text: head is all of it


def _scan(items: list, depth: int) -> _Scan:
    found: list[list[str]] = []
    head: list[str] | None = None
    current = [""]  # the fixed texts since the last part that is not fixed text

    def close() -> None:
        nonlocal current, head
        if head is None:
            head = current
        if current != [""]:
            found.append(current)
        current = [""]

    for op, argument in items:
        if op is sre.AT:
            continue  # \b, ^, $: no text, the texts either side stay adjacent
        if op is sre.LITERAL:
            current = [text + chr(argument) for text in current]
            continue
        inner = _group(op, argument, depth)
        if inner is None:
            close()  # a class, a wildcard, an optional part: the fixed text ends here
            continue
        best = [_best(alternative.found) for alternative in inner]
        if all(best):  # every way through the group holds one of these
            found.append(sorted({text for texts in best for text in texts}))
        joined = [text + start for text in current for alternative in inner for start in alternative.head]
        if len(joined) > _MAX_TEXTS:
            close()
            continue
        current = joined
        if not all(alternative.fixed for alternative in inner):
            close()  # an alternative goes on past its fixed start: what follows is not adjacent
    fixed = head is None
    close()
    return _Scan(found, head, fixed)


def _group(op, argument, depth: int) -> list[_Scan] | None:
    """The ways through a group or a set of alternatives that every match passes once or more."""
    if depth >= _MAX_DEPTH:
        return None
    if op is sre.SUBPATTERN:
        items = list(argument[-1])
        if len(items) == 1 and items[0][0] is sre.BRANCH:
            return [_scan(list(branch), depth + 1) for branch in items[0][1][1]]
        return [_scan(items, depth + 1)]
    if op is sre.BRANCH:
        return [_scan(list(branch), depth + 1) for branch in argument[1]]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and argument[0] >= 1:
        inner = _scan(list(argument[2]), depth + 1)
        # Repeated: its texts are required, but a second round is not adjacent to what follows.
        return [_Scan(inner.found, inner.head, False)]
    return None


def _best(found: list[list[str]]) -> list[str] | None:
    """The set cheapest to test with: few texts, each long enough to be rare (None: none usable).

    Each text costs a substring test; a short one ("we", "is") also occurs inside most lines
    ("were", "this"), and then the regular expression runs anyway.
    """
    usable = [texts for texts in found if all(_useful(text) for text in texts)]
    if not usable:
        return None
    return min(usable, key=lambda texts: (_cost(texts), -min(map(len, texts))))


def _cost(texts: list[str]) -> float:
    """Rough cost, in substring tests, of pre-testing with these texts and running the pattern."""
    hit = min(1.0, sum(_HIT_RATE.get(len(text), _HIT_RATE_LONG) for text in texts))
    return len(texts) + hit * _PATTERN_COST


def _useful(text: str) -> bool:
    """Long enough to test for: two characters, or one sign such as "@" or "?"."""
    return len(text) >= _MIN_LENGTH or (len(text) == 1 and not text.isalnum() and not text.isspace())
