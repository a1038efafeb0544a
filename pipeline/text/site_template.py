"""Lines two sources share as page furniture: a site's menu, copied with each of its pages.

A clinic often feeds several pages of one site into a topic ("Overview", "Side effects",
"Living with ..."), and each copy carries the site's template. A run of four or more short
labels (no bullet, no sentence punctuation, not under a lead-in) found in the same order in
another source is that template, whatever words it uses; clean removes it before its other rules.
Sentences are never taken this way, even when two sources print the same ones: those are
statements, and merging them is dedupe's job.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from pipeline.models import Source
from pipeline.text.web_furniture import BULLET

RUN = 4  # consecutive labels that make a template block
_LABEL_MAX_WORDS = 6
_HEADING = re.compile(r"^\s*#{1,6}\s")


def shared_furniture(sources: Sequence[Source]) -> dict[str, frozenset[int]]:
    """The line numbers of each source (by path) that lie in a run of labels another source repeats."""
    runs = {source.path: _label_runs(source) for source in sources}
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for path, found in runs.items():
        for window, _ in found:
            owners[window].add(path)
    headings = {source.path: {line.number for line in source.lines if _HEADING.match(line.text)} for source in sources}
    # A marked heading can close a menu and open the article's box ("Key points"): it is left to clean.
    return {path: frozenset(n for window, numbers in found if len(owners[window]) > 1 for n in numbers
                            if n not in headings[path])
            for path, found in runs.items()}


def _label_runs(source: Source) -> list[tuple[tuple[str, ...], tuple[int, ...]]]:
    """Every window of RUN consecutive non-blank label lines: (their folded texts, their numbers).
    A run of labels right under a lead-in ("Side effects include:") is a list, and never counts."""
    lines = [line for line in source.lines if line.text.strip()]
    windows = []
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and _is_label(lines[end].text):
            end += 1
        under_lead_in = start > 0 and lines[start - 1].text.rstrip().endswith(":")
        if end - start >= RUN and not under_lead_in:
            for first in range(start, end - RUN + 1):
                chunk = lines[first:first + RUN]
                windows.append((tuple(" ".join(line.text.casefold().split()) for line in chunk),
                                tuple(line.number for line in chunk)))
        start = end + 1
    return windows


def _is_label(text: str) -> bool:
    """A menu entry's shape: a few words, no bullet, no sentence punctuation at the end."""
    stripped = text.strip()
    return (not BULLET.match(stripped) and len(stripped.split()) <= _LABEL_MAX_WORDS
            and stripped[-1:] not in ".!?:;,")
