"""Every source line accounted for: nothing a source says is lost without a trace.

After the text stages, each non-blank line of a source is a heading, a removal with its reason,
or a paragraph or list item that became at least one fact; and each fact is a member of exactly
one cluster. A line that is none of these would vanish from every output and record, so the
build stops and names it instead of printing a handout that silently lacks it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pipeline.models import CleanSource, Cluster, Fact, Source


def unaccounted(sources: Sequence[Source], cleaned: Sequence[CleanSource], facts: Sequence[Fact],
                clusters: Sequence[Cluster]) -> list[str]:
    """What the stages lost, one "file:line: why: text" each (empty: everything is on record)."""
    lost: list[str] = []
    with_facts = {(fact.source, fact.line) for fact in facts}
    for source, clean in zip(sources, cleaned, strict=True):
        kept = {line: block for block in clean.blocks for line in block.lines}
        removed = {removal.line for removal in clean.removed}
        for line in source.lines:
            if not line.text.strip() or line.number in removed:
                continue
            block = kept.get(line.number)
            if block is None:
                lost.append(f"{source.path}:{line.number}: neither kept nor removed: {line.text.strip()[:80]}")
            elif block.kind != "heading" and (source.path, block.line) not in with_facts:
                lost.append(f"{source.path}:{line.number}: kept, but no statement came of it: {block.text[:80]}")
    placed = Counter(member.id for cluster in clusters for member in cluster.members)
    for fact in facts:
        if placed[fact.id] != 1:
            where = "in no fact" if not placed[fact.id] else f"in {placed[fact.id]} facts"
            lost.append(f"{fact.source}:{fact.line}: the statement is {where}: {fact.text[:80]}")
    return lost
