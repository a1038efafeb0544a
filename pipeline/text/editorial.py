"""Clusters x an editor's decisions -> edited clusters, and what became of each decision.

Decisions (sources/<topic>/editorial.yaml) name stable fact ids, so they survive re-runs.
They apply in a fixed order whatever their order in the file: splits, then merges, then
drop / replace / move / pin, then conflict resolutions. Nothing is deleted: a dropped fact
stays on record as excluded, a replaced wording keeps the source wording beside it. A
decision whose fact no longer exists is reported as stale, never silently ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from pipeline.text.ids import cluster_id
from pipeline.models import Cluster, Decision, DecisionResult, Edited, Fact

PHASES = (("split",), ("merge",), ("drop", "replace", "move", "pin", "note"), ("resolve",))
APPLIED = "applied"

Clusters = dict[str, Cluster]


def edit(
    clusters: Sequence[Cluster], decisions: Sequence[Decision], conflict_ids: Collection[str] = ()
) -> Edited:
    """Apply the editor's decisions; report each as applied or stale."""
    by_id: Clusters = {cluster.id: cluster for cluster in clusters}
    status: dict[int, str] = {}
    for phase in PHASES:
        for index, decision in enumerate(decisions):
            if decision.action in phase:
                status[index] = _ACTIONS[decision.action](decision, by_id, conflict_ids)
    edited = sorted(by_id.values(), key=lambda c: (c.canonical.source, c.canonical.line, c.id))
    results = tuple(DecisionResult(d, status.get(i, f"stale: unknown action {d.action!r}")) for i, d in enumerate(decisions))
    return Edited(clusters=tuple(edited), results=results)


def _missing(decision: Decision, by_id: Clusters) -> str:
    """The stale reason when the decision's fact is gone, else empty."""
    if decision.fact not in by_id:
        return f"stale: fact {decision.fact} no longer exists (its wording or sources changed)"
    return ""


def _drop(decision: Decision, by_id: Clusters, _: Collection[str]) -> str:
    """Keep the fact on record but never print it."""
    if stale := _missing(decision, by_id):
        return stale
    cluster = by_id[decision.fact]
    reason = f"dropped by the editor: {decision.note}" if decision.note else "dropped by the editor"
    by_id[cluster.id] = _with_canonical(cluster, replace(cluster.canonical, excluded=reason))
    return APPLIED


def _replace(decision: Decision, by_id: Clusters, _: Collection[str]) -> str:
    """Print the editor's wording; the source wording and provenance stay on the fact."""
    if stale := _missing(decision, by_id):
        return stale
    cluster = by_id[decision.fact]
    canonical = replace(cluster.canonical, text=decision.text, edited=decision.note)
    by_id[cluster.id] = _with_canonical(cluster, canonical)
    return APPLIED


def _move(decision: Decision, by_id: Clusters, _: Collection[str]) -> str:
    """Print the fact in another section."""
    if stale := _missing(decision, by_id):
        return stale
    by_id[decision.fact] = replace(by_id[decision.fact], section=decision.section)
    return APPLIED


def _pin(decision: Decision, by_id: Clusters, _: Collection[str]) -> str:
    """Fix the fact's place in its section."""
    if stale := _missing(decision, by_id):
        return stale
    by_id[decision.fact] = replace(by_id[decision.fact], pin=decision.position)
    return APPLIED


def _merge(decision: Decision, by_id: Clusters, _: Collection[str]) -> str:
    """Join other clusters into this one; its canonical wording is printed."""
    if stale := _missing(decision, by_id):
        return stale
    gone = [other for other in decision.others if other not in by_id]
    if gone:
        return f"stale: fact {', '.join(gone)} no longer exists"
    target = by_id[decision.fact]
    joined = [by_id.pop(other) for other in decision.others if other != target.id]
    members = {fact.id: fact for cluster in (target, *joined) for fact in cluster.members}
    by_id[target.id] = _rebuilt(target, target.canonical, list(members.values()))
    return APPLIED


def _split(decision: Decision, by_id: Clusters, _: Collection[str]) -> str:
    """Take some sentences out of a cluster into a fact of their own."""
    if stale := _missing(decision, by_id):
        return stale
    cluster = by_id[decision.fact]
    taken = [fact for fact in cluster.members if fact.id in decision.others]
    unknown = sorted(set(decision.others) - {fact.id for fact in taken})
    if unknown:
        return f"stale: sentence {', '.join(unknown)} is not part of fact {cluster.id}"
    kept = [fact for fact in cluster.members if fact.id not in decision.others]
    if not kept:
        return f"stale: splitting would leave fact {cluster.id} empty"
    keep_canonical = cluster.canonical if cluster.canonical in kept else _earliest(kept)
    by_id[cluster.id] = _rebuilt(cluster, keep_canonical, kept)
    canonical = _earliest(taken)
    fresh = cluster_id(canonical.text)
    new = Cluster(id=fresh if fresh not in by_id else cluster_id(canonical.text, canonical.id), canonical=canonical,
                  members=(), sources=())
    by_id[new.id] = _rebuilt(new, canonical, taken)
    return APPLIED


def _note(decision: Decision, by_id: Clusters, _: Collection[str]) -> str:
    """Record what the editor decided a doubtful wording means; translators see it beside the fact."""
    if stale := _missing(decision, by_id):
        return stale
    cluster = by_id[decision.fact]
    by_id[cluster.id] = replace(cluster, notes=(*cluster.notes, decision.note))
    return APPLIED


def _resolve(decision: Decision, _: Clusters, conflict_ids: Collection[str]) -> str:
    """Record that the editor settled a conflict; the note goes into the review."""
    if decision.conflict not in conflict_ids:
        return f"stale: no conflict {decision.conflict} in this build"
    return APPLIED


def _with_canonical(cluster: Cluster, canonical: Fact) -> Cluster:
    """The cluster with a changed canonical fact, also changed among its members."""
    members = tuple(canonical if fact.id == canonical.id else fact for fact in cluster.members)
    return replace(cluster, canonical=canonical, members=members)


def _rebuilt(cluster: Cluster, canonical: Fact, members: Sequence[Fact]) -> Cluster:
    """The cluster with new members, sorted as dedupe sorts them."""
    ordered = tuple(sorted(members, key=lambda f: (f.source, f.line, f.id)))
    return replace(cluster, canonical=canonical, members=ordered, sources=tuple(sorted({f.source for f in ordered})))


def _earliest(facts: Sequence[Fact]) -> Fact:
    """The first fact in source order."""
    return min(facts, key=lambda f: (f.source, f.line, f.id))


_ACTIONS: dict[str, Callable[[Decision, Clusters, Collection[str]], str]] = {
    "drop": _drop,
    "replace": _replace,
    "move": _move,
    "pin": _pin,
    "merge": _merge,
    "split": _split,
    "resolve": _resolve,
    "note": _note,
}
