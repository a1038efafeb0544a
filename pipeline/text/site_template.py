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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.errors import SourceError
from pipeline.models import Source, SourceMeta
from pipeline.text.ingest import ingest
from pipeline.text.publisher_names import publisher_names
from pipeline.text.bullets import BULLET
from pipeline.text.line_shapes import heading_level

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


@dataclass(frozen=True)
class SitePage:
    """What another page of a site prints, line by line, to tell the site's template from an article."""

    site: frozenset[str]  # the names its publisher goes by (site_keys; none: the page is no site's)
    path: str
    texts: frozenset[str]  # its lines' folded texts
    titles: frozenset[str] = frozenset()  # the folded texts of its top-level headings


def site_page(source: Source) -> SitePage:
    """A source as a page of its publisher's site."""
    return SitePage(site_keys(source.meta.publisher), source.path,
                    frozenset(filter(None, (fold_line(line.text) for line in source.lines))),
                    frozenset(fold_line(line.text) for line in source.lines if heading_level(line) == 1))


@lru_cache(maxsize=4096)
def _read_site_page(path: Path, root: Path, meta: SourceMeta, signature: tuple[int, int]) -> SitePage:
    """Another topic's source as a site page, read once while its signature (size, mtime) holds."""
    return site_page(ingest(path, root, meta))


def site_pages(sources: Sequence[Source], files: Sequence[tuple[Path, SourceMeta]], root: Path) -> list[SitePage]:
    """The topic's own pages, and those of the files (the project's other pages) from the same publishers."""
    pages = list(map(site_page, sources))
    for path, meta in same_site_files([source.meta for source in sources], files):
        try:
            stat = path.stat()
            pages.append(_read_site_page(path, root, meta, (stat.st_size, stat.st_mtime_ns)))
        except (OSError, SourceError):
            continue  # no evidence: its own topic reports the file
    return pages


def same_site_files(metas: Sequence[SourceMeta], files: Sequence[tuple[Path, SourceMeta]]) -> list[tuple[Path, SourceMeta]]:
    """The files published by one of the publishers of metas (the sources of a topic)."""
    own = frozenset().union(*(site_keys(meta.publisher) for meta in metas))
    return [(path, meta) for path, meta in files if site_keys(meta.publisher) & own]


def site_repeats(sources: Sequence[Source], pages: Sequence[SitePage]) -> dict[str, dict[int, str]]:
    """For each source (by path), its lines another page of the same site prints too: number -> that page.

    A site prints its banners, boxes, appeals and footers on every page; an article is its own.
    pages: the site pages the project holds (the topic's own sources may be among them).
    """
    found: dict[str, dict[int, str]] = {}
    for source in sources:
        site = site_keys(source.meta.publisher)
        others = [page for page in pages if page.site & site and page.path != source.path]
        found[source.path] = {line.number: where for line in source.lines
                              if (where := _printed_on(fold_line(line.text), others, heading_level(line) == 1))}
    return found


def _printed_on(folded: str, pages: Sequence[SitePage], title: bool = False) -> str:
    """The first of the pages that prints the folded line ("" none, or a line without words).
    A page's top-level heading counts only as another page's top-level heading too (the site's
    name over every page), not as a link to it there ("Related: Chemotherapy")."""
    if not folded:
        return ""
    return next((page.path for page in pages if folded in (page.titles if title else page.texts)), "")


def fold_line(text: str) -> str:
    """A line's words, casefolded, without its marks ("## Need help?" and "Need help" are one line)."""
    return " ".join(_NON_WORD.sub(" ", text).casefold().split())


@lru_cache(maxsize=4096)  # pure, and asked of every page of every topic when a build is planned
def site_keys(publisher: str) -> frozenset[str]:
    """The names a publisher goes by, so that "NHS", "NHS website (nhs.uk)" and "nhs.uk" are one
    site: each name as topic.yaml gives it, run together ("cancerresearchuk"), and a web
    address without "www." and, for a name.tld address, without its ending ("nhs")."""
    keys = set()
    for name in publisher_names(publisher):
        keys.update((name, name.replace(" ", "")))
        host = name.removeprefix("www.")
        if "." in host and " " not in host:
            keys.add(host)
            if host.count(".") == 1:
                keys.add(host.split(".")[0])
    return frozenset(key for key in keys if len(key) >= 2)


_NON_WORD = re.compile(r"[\W_]+")
