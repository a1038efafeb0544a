"""The pre-test before each furniture pattern may skip a pattern only when it cannot match."""

from __future__ import annotations

import re

import pytest

from pipeline.text.line_shapes import bare_text, fold_text
from pipeline.text.rule_literals import may_match, required_literals
from pipeline.text.web_furniture import ANYWHERE, CONTACT
from tests.test_clean import CONTENT_LIKE_FURNITURE, FURNITURE_IN_BODY


@pytest.mark.parametrize(("pattern", "literals"), [
    (r"\bwe use cookies\b|\ball rights reserved\b", {"we use cookies", "all rights reserved"}),
    (r"^advertisement\b|^sponsored\b", {"advertisement", "sponsored"}),  # "^" taken out in front by the parser
    # An optional letter ends one fixed text; the alternatives after it start the next, longer one.
    (r"\bmasks? (are|is) on", {" are on", " is on"}),
    # A group of fixed alternatives joins the fixed text after it.
    (r"\b(use|set|save|store) a cookie\b", {"use a cookie", "set a cookie", "save a cookie", "store a cookie"}),
    (r"^\W*(photo|image)s?\s*:", {"photo", "image"}),  # optional before any text is skipped
    (r"[\w.+-]+@[\w-]+", {"@"}),  # no fixed start: the sign it always holds
    (r"^[\"“]{2}.{10,}$", None),  # nothing fixed at all: always run
    # Past an optional start ("we", "we're", "we are"), the group every match goes through.
    (r"\bwe('re| are)? (work with|accept|recogni[sz]ed by)", {" work with", " accept", " recogni"}),
    # Alternatives sharing a start the parser takes out ("price"): their own optional "s" ends the
    # fixed text there, it does not join "price" to " were" ("prices were ..." must still be tested).
    (r"^prices? (were|was) accurate|^prices? (are|is) indicative",
     {" were accurate", " was accurate", " are indicative", " is indicative"}),
    # A group some alternative of which goes on past fixed text: what follows is not joined to it.
    (r"\b(read|see\w*) more about", {" more about"}),
])
def test_the_fixed_start_of_a_pattern(pattern: str, literals: set[str] | None) -> None:
    found = required_literals(re.compile(pattern, re.IGNORECASE))
    assert (found if found is None else set(found)) == literals


def test_the_pretest_never_skips_a_pattern_that_matches() -> None:
    lines = [line for line, _ in FURNITURE_IN_BODY] + list(CONTENT_LIKE_FURNITURE)
    matched = 0
    for rule, _ in ANYWHERE + CONTACT:
        literals = required_literals(rule)
        for line in lines:
            for text in (fold_text(bare_text(line)), line):
                if rule.search(text):
                    matched += 1
                    assert may_match(literals, text.lower()), (rule.pattern[:60], line)
    assert matched > len(FURNITURE_IN_BODY)  # the furniture table exercises the patterns


def test_most_patterns_have_a_pretest() -> None:
    rules = ANYWHERE + CONTACT
    assert sum(required_literals(rule) is not None for rule, _ in rules) >= 0.9 * len(rules)
