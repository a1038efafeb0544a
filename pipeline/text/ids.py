"""Stable ids for facts and clusters: editors, translators and reviews refer to them.

A fact's id starts as a hash of its wording (cluster_id), so it is the same on every machine.
Translators and editors hold on to that id (msgctxt, editorial.yaml). When a source's sentence
is reworded, its wording and so its fresh id change; carry_ids gives the new fact back the
registered id of the statement it replaces: the same source line, or the same source file and
mostly the same words, with nothing else claiming either. The PO entry then turns fuzzy with
the old English shown (`make update`) instead of vanishing, and editorial decisions still apply.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from pipeline.models import Cluster, Registered

SIMILAR = 0.6  # word-sequence similarity for a moved line to count as the same statement


def normalize_key(text: str) -> str:
    """Lower-case letters and digits only: the identity of a wording."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def fact_id(source: str, text: str, occurrence: int = 0) -> str:
    """Id of one source sentence: its file name, its normalized text, which repeat it is."""
    name = source.rsplit("/", 1)[-1]
    key = f"{name}\n{normalize_key(text)}\n{occurrence}"
    return "f" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def cluster_id(text: str, apart_from: str = "") -> str:
    """Id of a printed fact, from its canonical wording (unchanged by unrelated sources).

    apart_from tells apart two facts whose wordings differ only in what the id ignores (case,
    punctuation, "®"): the later one is named after its canonical sentence's own id too.
    """
    key = normalize_key(text) + (f"\n{apart_from}" if apart_from else "")
    return "c" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def distinct_ids(clusters: Sequence[Cluster]) -> tuple[Cluster, ...]:
    """Give every cluster an id of its own: two statements that are not one fact never share one.

    Dedupe keeps apart wordings it must not merge ("Side effects include:" introducing a list,
    "Side effects include." as a sentence; one item under two different lead-ins), and those can
    normalise to the same key. The earliest (by source and line) keeps the plain id, so adding a
    source never renames a fact that had its id alone.
    """
    groups: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        groups.setdefault(cluster.id, []).append(cluster)
    renamed: dict[int, str] = {}
    for group in groups.values():
        later = sorted(group, key=lambda c: (c.canonical.source, c.canonical.line, c.canonical.id))[1:]
        renamed.update({id(c): cluster_id(c.canonical.text, c.canonical.id) for c in later})
    return tuple(replace(c, id=renamed[id(c)]) if id(c) in renamed else c for c in clusters)


def carry_ids(clusters: tuple[Cluster, ...], known: tuple[Registered, ...]) -> tuple[Cluster, ...]:
    """Give reworded facts back their registered ids; everything else keeps its own."""
    current = {cluster.id for cluster in clusters}
    orphans = [entry for entry in known if entry.id not in current]
    fresh = [cluster for cluster in clusters if cluster.id not in {entry.id for entry in known}]
    pairs = sorted(
        ((score, i, j) for i, cluster in enumerate(fresh) for j, entry in enumerate(orphans)
         if (score := _likeness(cluster, entry)) is not None),
        reverse=True)
    renamed: dict[str, str] = {}
    taken: set[int] = set()
    for _, i, j in pairs:
        if fresh[i].id in renamed or j in taken:
            continue
        renamed[fresh[i].id] = orphans[j].id
        taken.add(j)
    return tuple(replace(c, id=renamed[c.id]) if c.id in renamed else c for c in clusters)


def _likeness(cluster: Cluster, entry: Registered) -> tuple[int, float] | None:
    """How surely a fresh fact is a registered one reworded: (same line?, similarity), or None."""
    where = {(member.source, member.line) for member in cluster.members}
    similarity = SequenceMatcher(None, _words(cluster.canonical.text), _words(entry.text), autojunk=False).ratio()
    if where & entry.locations:
        return (1, similarity)
    files = {source for source, _ in where}
    if files & {source for source, _ in entry.locations} and similarity >= SIMILAR:
        return (0, similarity)
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())
