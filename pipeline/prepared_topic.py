"""Prepared: a topic after the text stages, as the catalog, the renderer and the evaluation take it.

Its own module, light to import: a build that finds a topic's text stages cached
(build/text_cache.py) reads it back without loading the stages themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.config import Scheme
from pipeline.models import CleanSource, Cluster, Conflict, DecisionResult, Handout, Repeat, Source, Spelling

if TYPE_CHECKING:
    from pipeline.review.plain_language import PlainReport

log = logging.getLogger("pipeline.prepare")  # the stages' own logger: messages read the same from a cache


@dataclass(frozen=True)
class Prepared:
    """A topic after the text stages: what the catalog, the renderer and the evaluation need."""

    cleaned: tuple[CleanSource, ...]
    clusters: tuple[Cluster, ...]  # after the editor's decisions
    conflicts: tuple[Conflict, ...]
    decisions: tuple[DecisionResult, ...]
    handout: Handout
    repeats: tuple[Repeat, ...] = ()  # statements of one section that may say the same thing
    repeat_method: str = ""  # how they were found: "minilm" or "tfidf"
    sources: tuple[Source, ...] = ()  # the source files as read, before cleaning (what labels are checked against)
    unaccounted: tuple[str, ...] = ()  # "file:line: why: text" of each source line lost without a trace
    scheme: Scheme = Scheme(sections=())  # the topic's sections, key terms and synonyms, as the stages used them
    spelling: Spelling = Spelling()  # suspected typos in what the handout prints (never corrected here)
    plain: PlainReport | None = None  # how the leaflet and summary read, statement by statement (the review page's)


def warn_stale(results: Sequence[DecisionResult]) -> None:
    """Say which of the editor's decisions no longer apply (each time a topic is prepared or reused)."""
    for result in results:
        if result.status != "applied":
            log.warning("%s: %s", result.decision.where, result.status)
