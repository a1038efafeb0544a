"""Prepared: a topic after the text stages, as the catalog, the renderer and the evaluation take it.

Its own module, light to import: a build that finds a topic's text stages cached
(build/text_cache.py) reads it back without loading the stages themselves. Both keys under which
a result is kept, in memory (prepare.py) and on disk (build/text_cache.py), digest the project's
files the stages read the same way (add_project_inputs).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.config import Config, Scheme, Topic
from pipeline.models import (
    CleanSource, Cluster, Conflict, DecisionResult, ForeignNumber, Handout, OtherPlace, Repeat, Source, SourceMeta,
    Spelling,
)
from pipeline.review.plain_language import PROJECT_FILE as PLAIN_WORDS

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
    numbers: tuple[ForeignNumber, ...] = ()  # phone numbers printed that are not the clinic's (never changed here)
    places: tuple[OtherPlace, ...] = ()  # printed statements naming another hospital or a source's organisation


def warn_stale(results: Sequence[DecisionResult]) -> None:
    """Say which of the editor's decisions no longer apply (each time a topic is prepared or reused)."""
    for result in results:
        if result.status != "applied":
            log.warning("%s: %s", result.decision.where, result.status)


def add_project_inputs(digest: hashlib._Hash, config: Config, topic: Topic,
                       files: Iterable[tuple[Path, SourceMeta]]) -> None:
    """Add to digest what the text stages read of the project beside a topic's sources: the topic's
    settings, the clinic, the files given (by path within the project, metadata and bytes) and the
    clinic's plain-words list. Paths count relative to the project, so a copy of a project at
    another place gives the same digest."""
    settings = replace(topic, folder=Path(topic.folder.name), sources=())
    digest.update(repr((settings, config.clinic)).encode("utf-8"))
    for path, meta in files:
        path = config.root / path  # as the stages read it (a path given absolute stays so)
        digest.update(repr((_relative(path, config.root), meta)).encode("utf-8"))
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"-")
    words = config.root / PLAIN_WORDS  # the clinic's own plain-words list, which the plain-language report reads
    digest.update(words.read_bytes() if words.is_file() else b"-")


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
