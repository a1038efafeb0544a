"""Clusters -> Handout: sections a patient expects, a leaflet and a summary's content.

Assignment rule: a fact goes to the section whose keywords (sections.yaml) it matches
most; matches in the fact's own words count double those in the source heading above
it; ties go to the earlier section, no match to the fallback section. List items follow
their lead-in sentence. Within a section, facts an editor pinned come first, then facts
more sources state, then those that match the section's keywords best. An editor's move
(Cluster.section) overrides the keywords. The summary takes, per section, as many as the scheme says:
most sources first, then short sentences densest in the section's keywords.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipeline.config import Scheme, SectionRule, Topic
from pipeline.models import Clinic, Cluster, Entry, Handout, Section, SourceRef
from pipeline.text.ids import normalize_key

MIN_SENTENCE_WORDS = 4  # shorter non-list sentences are fragments, not statements
PIN_NONE = 10**6  # unpinned facts sort after every pinned one
SUMMARY_MAX_WORDS = 30  # longer sentences go into the summary only if nothing shorter is left
SIDE_EFFECTS_MAX = 12  # the summary's side-effects box: a page has room for about this many


@dataclass(frozen=True)
class Placed:
    """An entry with the section it goes to and its sort key."""

    section: str
    entry: Entry
    order: tuple[int, int, int, str, int]


def compose(
    clusters: Sequence[Cluster], scheme: Scheme, topic: Topic, clinic: Clinic
) -> Handout:
    """Arrange clusters into the leaflet's sections and pick the summary's essentials."""
    placed = _place(clusters, scheme)
    sections = tuple(
        Section(key=rule.key, title=rule.title, entries=entries)
        for rule in scheme.sections
        if (entries := tuple(p.entry for p in placed if p.section == rule.key))
    )
    return Handout(
        topic=topic.key,
        title=topic.title,
        version=topic.version,
        issued=topic.issued,
        review=topic.review,
        clinic=clinic,
        sections=sections,
        summary=_summary(sections, scheme),
        side_effects=_side_effects(sections, scheme),
        sources=tuple(
            SourceRef(path=f"{topic.folder.name}/{meta.filename}", publisher=meta.publisher, date=meta.date)
            for _, meta in topic.sources
        ),
    )


def assign_section(text: str, heading: str, rules: Sequence[SectionRule]) -> str:
    """Return the key of the section whose keywords the text (and heading) match most."""
    return _best_section(text, heading, rules)[0]


def _best_section(text: str, heading: str, rules: Sequence[SectionRule]) -> tuple[str, int]:
    """The best-matching section's key and its score (0 for the fallback)."""
    best_key, best_score = _fallback(rules), 0
    for rule in rules:
        score = 2 * _matches(text, rule.keywords) + _matches(heading, rule.keywords)
        if score > best_score:
            best_key, best_score = rule.key, score
    return best_key, best_score


def _place(clusters: Sequence[Cluster], scheme: Scheme) -> list[Placed]:
    """Assign every printable cluster to a section; attach list items to their lead-in."""
    by_fact = {fact.id: cluster for cluster in clusters for fact in cluster.members}
    items: dict[str, list[Cluster]] = defaultdict(list)
    continued: dict[str, list[tuple[int, Cluster]]] = defaultdict(list)
    statements: list[Cluster] = []
    hosts = _hosts(clusters, by_fact)
    for cluster in clusters:
        lead = _lead_of(cluster, by_fact)
        host, depth = hosts.get(cluster.id, (None, 0))
        if lead is not None and lead.id != cluster.id and _printable(lead):
            items[lead.id].append(cluster)
        elif host is not None and _printable(host) and _printable(cluster):
            continued[host.id].append((depth, cluster))
        elif _printable(cluster):
            statements.append(cluster)
    placed = []
    for cluster in statements:
        attached = tuple(sorted(items.get(cluster.id, ()), key=_position))
        if cluster.canonical.role == "lead" and not attached:
            continue  # a lead-in whose list went elsewhere says nothing on its own
        following = tuple(c for _, c in sorted(continued.get(cluster.id, ()), key=lambda d: (d[0], d[1].id))
                          if c.canonical.role != "lead" or items.get(c.id))
        # A lead-in that refers back ("These are common. They include:") prints after its host,
        # and its list under the two of them.
        attached += tuple(item for c in following for item in sorted(items.get(c.id, ()), key=_position))
        section, score = _best_section(cluster.canonical.text, cluster.canonical.heading, scheme.sections)
        section = cluster.section or section  # an editor's move wins over keywords
        pinned = cluster.pin or PIN_NONE
        order = (pinned, -cluster.support, -score, cluster.canonical.source, cluster.canonical.line)
        placed.append(Placed(section, Entry(cluster=cluster, items=attached, continued=following), order))
    return sorted(placed, key=lambda p: p.order)


def _hosts(clusters: Sequence[Cluster], by_fact: dict[str, Cluster]) -> dict[str, tuple[Cluster, int]]:
    """Map each sentence that refers back to the first statement of its chain, and its depth.

    "It ..." follows the cluster holding the sentence it refers to, even when that
    sentence merged into another wording of the same statement. Merging can close a loop
    (two sentences each in the other's cluster); the loop is cut at its smallest id.
    """
    parent = {
        c.id: by_fact[c.canonical.after]
        for c in clusters
        if c.canonical.after in by_fact and by_fact[c.canonical.after].id != c.id
    }
    for start in sorted(parent):
        path: list[str] = []
        current = start
        while current in parent and current not in path:
            path.append(current)
            current = parent[current].id
        if current in path:
            del parent[min(path[path.index(current):])]
    hosts = {}
    for cluster_id, host in parent.items():
        depth = 1
        while host.id in parent:
            host, depth = parent[host.id], depth + 1
        hosts[cluster_id] = (host, depth)
    return hosts


def _lead_of(cluster: Cluster, by_fact: dict[str, Cluster]) -> Cluster | None:
    """The cluster of the sentence introducing this list item, if it is one."""
    if cluster.canonical.kind != "item":
        return None
    for fact in (cluster.canonical, *cluster.members):
        if fact.lead and fact.lead in by_fact:
            return by_fact[fact.lead]
    return None


def _printable(cluster: Cluster) -> bool:
    """Questions and fragments are headings in disguise, unless they are a list's items or its
    lead-in ("You could ask:" + questions); excluded facts are never printed."""
    text = cluster.canonical.text
    if cluster.canonical.excluded:
        return False
    if cluster.canonical.kind == "item" or cluster.canonical.role == "lead":
        return True  # a lead-in prints only with its items (see _place)
    return not text.endswith("?") and len(text.split()) >= MIN_SENTENCE_WORDS


def _summary(sections: tuple[Section, ...], scheme: Scheme) -> tuple[Section, ...]:
    """The best-supported statements of each section, as many as the scheme allows."""
    rules = {rule.key: rule for rule in scheme.sections}
    chosen = []
    for section in sections:
        rule = rules[section.key]
        statements = [e.cluster for e in section.entries if not e.items and e.cluster.canonical.role != "lead"]
        ranked = sorted(statements, key=lambda c: _summary_rank(c, rule))
        best = tuple(Entry(cluster=c) for c in ranked[: rule.summary])
        if best:
            chosen.append(Section(key=section.key, title=section.title, entries=best))
    return tuple(chosen)


def _summary_rank(cluster: Cluster, rule: SectionRule) -> tuple[int, int, bool, float, str]:
    """Pinned first, then most sources; then short sentences dense in the section's keywords."""
    words = len(cluster.canonical.text.split())
    density = _matches(cluster.canonical.text, rule.keywords) / words
    return (cluster.pin or PIN_NONE, -cluster.support, words > SUMMARY_MAX_WORDS, -density, cluster.id)


def _side_effects(sections: tuple[Section, ...], scheme: Scheme) -> tuple[Cluster, ...]:
    """The list items of the side-effects sections for the summary's box: most supported first,
    each wording once ("Fatigue" listed under two lead-ins that say different things), at most
    SIDE_EFFECTS_MAX of them. The leaflet prints every item under its own lead-in."""
    keys = {rule.key for rule in scheme.sections if rule.side_effects}
    found = [item for s in sections if s.key in keys for e in s.entries for item in e.items]
    chosen: dict[str, Cluster] = {}
    for item in sorted(found, key=lambda c: (-c.support, *_position(c))):
        chosen.setdefault(normalize_key(item.canonical.text), item)
    return tuple(chosen.values())[:SIDE_EFFECTS_MAX]


def _position(cluster: Cluster) -> tuple[str, int]:
    """Where the canonical wording stands in its source."""
    return cluster.canonical.source, cluster.canonical.line


def _fallback(rules: Sequence[SectionRule]) -> str:
    """The section for facts no keyword matches."""
    return next((r.key for r in rules if r.fallback), rules[-1].key)


def _matches(text: str, keywords: Sequence[str]) -> int:
    """Count the keywords that occur in text at a word start."""
    lowered = text.casefold()
    return sum(1 for kw in keywords if _keyword_pattern(kw).search(lowered))


@lru_cache(maxsize=None)
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    """Compile a keyword once: a word-start match, or a plain one for symbols like %."""
    prefix = r"\b" if keyword[:1].isalnum() else ""
    return re.compile(prefix + re.escape(keyword))
