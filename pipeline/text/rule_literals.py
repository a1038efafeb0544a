"""The words a furniture pattern cannot match without: a quick test before the regular expression.

Cleaning tries some forty phrase patterns on every line, and nearly every line of an article
matches none. Each pattern starts, in each of its alternatives, with some fixed text ("we use
cookies", "all rights reserved", ...): when none of those texts occurs in the line, the pattern
cannot match, and the regular expression need not run. `required_literals` reads a compiled
pattern's alternatives (with the parser the `re` module itself uses) and returns those starting
texts, lower-cased; it returns None where a pattern has no such text, and that pattern always runs.
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser as sre_parse

_MAX_PREFIXES = 64  # beyond this a pattern is cheaper to run than to pre-test
_MIN_LENGTH = 2


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased texts one of which any match of the pattern contains (None: no such set).

    Per alternative: the fixed text it starts with, or the longest fixed text it holds between
    its other parts ("@" in an e-mail address, " logo" in "<name> logo") when that is longer.
    """
    try:
        parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
    except re.error:
        return None
    branches = parsed[0][1][1] if len(parsed) == 1 and parsed[0][0] is sre.BRANCH else [parsed]
    found: set[str] = set()
    for branch in branches:
        prefixes = _prefixes(list(branch), 0)
        run = _longest_run(list(branch))
        usable = bool(prefixes) and all(_useful(prefix) for prefix in prefixes)
        # The more telling test: "(use|set|save|store) a cookie" holds " a cookie", rarer than "use".
        if usable and (min(map(len, prefixes)) >= len(run) or not _useful(run)):
            found.update(prefixes)
            continue
        if not _useful(run):
            return None
        found.add(run)
    return frozenset(text.lower() for text in found)


def _useful(text: str) -> bool:
    """Long enough to test for: two characters, or one sign such as "@" or "?"."""
    return len(text) >= _MIN_LENGTH or (len(text) == 1 and not text.isalnum() and not text.isspace())


def _longest_run(items: list) -> str:
    """The longest stretch of plain characters a sequence always contains."""
    best = current = ""
    for op, argument in items:
        if op is sre.LITERAL:
            current += chr(argument)
            best = max(best, current, key=len)
        else:
            current = ""  # any other part (a class, a group, an optional part) breaks the stretch
    return best


def may_match(literals: frozenset[str] | None, lowered: str) -> bool:
    """True unless the pre-test proves the pattern cannot match the (lower-cased) line."""
    return literals is None or any(literal in lowered for literal in literals)


def _alternatives(items: list, depth: int, after_text: bool) -> list[str] | None:
    """The literal prefixes of a parsed expression: one per alternative of a top-level branch."""
    if len(items) == 1 and items[0][0] is sre.BRANCH:
        return _branches(items[0][1][1], depth, after_text)
    return _prefixes(items, depth, after_text)


def _branches(branches: list, depth: int, after_text: bool = False) -> list[str] | None:
    """The literal prefixes of each alternative, together."""
    found: list[str] = []
    for branch in branches:
        prefixes = _prefixes(list(branch), depth, after_text)
        if prefixes is None:
            return None
        found += prefixes
    return found


def _prefixes(items: list, depth: int, after_text: bool = False) -> list[str] | None:
    """The fixed text a sequence starts with, after anchors and optional parts before it.

    after_text: the sequence follows fixed text (a group after "price", or the alternatives the
    parser split off after their shared start, "price" + "s? were|s? are"), so an optional part
    at its start ends the prefix there instead of being skipped."""
    prefixes = [""]
    for op, argument in items:
        if op is sre.AT:
            continue  # \b, ^, $: no text
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and argument[0] == 0:
            if prefixes == [""] and not after_text:
                continue  # optional before any text: the prefix starts after it
            break  # optional after some text: the text so far is the prefix
        if op is sre.LITERAL:
            prefixes = [prefix + chr(argument) for prefix in prefixes]
            continue
        if op in (sre.SUBPATTERN, sre.BRANCH) and depth < 3:
            # A group, or alternatives whose shared start ("^") the parser took out in front.
            started = after_text or prefixes != [""]
            inner = (_alternatives(list(argument[-1]), depth + 1, started) if op is sre.SUBPATTERN
                     else _branches(argument[1], depth + 1, started))
            if inner is None:
                break
            prefixes = [prefix + alternative for prefix in prefixes for alternative in inner]
            if len(prefixes) > _MAX_PREFIXES:
                return None
        break  # a class, a wildcard or a group: the prefix ends here
    return prefixes
