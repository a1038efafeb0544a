"""Evaluate: score cleaning and merging against hand-labelled sets (eval/<set>/labels.yaml).

Each set runs through the text stages exactly as a build runs a topic (pipeline.prepare, with
the project's sections.yaml and no editorial decisions), and the result is compared with the
labels: labelled boilerplate lines removed (overall and for contact data, forms and credits),
content lines kept, merged fact pairs against the labelled duplicate groups, labelled
contradictions found, and merges whose canonical wording drops a number or key term of a member.
The labels are read and checked by pipeline/evaluation/labels.py.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from pipeline.config import Config, Scheme, Topic, load_config, load_source_folder, read_yaml
from pipeline.errors import ConfigError, HandoutError
from pipeline.evaluation.labels import CATEGORIES, LABELS, Labels, Statement, line_texts, locate, parse_labels
from pipeline.evaluation.placement import describe, read_section_labels, score_placement
from pipeline.evaluation.plain_targets import summary_fills
from pipeline.models import CleanSource, Cluster, Conflict, Fact, Source, SourceMeta
from pipeline.prepare import Prepared, prepare
from pipeline.vocabulary import Vocabulary

TOPIC = "topic.yaml"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Ratio:
    """How many of the counted items came out right."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        """The share of hits, or None when there was nothing to count."""
        return self.hits / self.total if self.total else None


@dataclass(frozen=True)
class SetScore:
    """How the text stages did on one labelled set."""

    name: str
    files: int
    facts: int
    clusters: int
    boilerplate: Ratio  # labelled boilerplate lines removed
    categories: tuple[tuple[str, Ratio], ...]  # the same per category
    content: Ratio  # labelled content lines kept
    merge_precision: Ratio  # merged fact pairs that the labels call duplicates
    merge_recall: Ratio  # labelled duplicate pairs that were merged
    hidden_merges: int  # clusters whose canonical lacks a member's number or key term
    contradictions: Ratio | None  # labelled contradictions found; None without conflicts.py
    unlabelled_conflicts: int  # conflicts reported that the labels do not list
    misses: tuple[str, ...]  # every missed line and pair, for whoever improves the rules
    lists: Ratio = Ratio(0, 0)  # labelled lists printed whole, with their lead-in, in one section
    placement: Ratio = Ratio(0, 0)  # printed statements under the section their label names
    summary_misplaced: int = 0  # summary statements (and side-effects box items) labelled for another section
    confusions: tuple[str, ...] = ()  # the most frequent "labelled -> placed" section mix-ups
    unaccounted: int = 0  # source lines the stages lost without a trace
    side_effects_box: bool | None = None  # the summary lists common side effects in its box
    contact_filled: bool | None = None  # its contact section holds a statement (None: the scheme has none)
    gated: bool = True  # False: printed, not yet held to the targets

    def category(self, name: str) -> Ratio:
        """Boilerplate lines of one category removed."""
        return dict(self.categories).get(name, Ratio(0, 0))


# The targets, each met on every set: (measure, value of a score, lowest passing share, as printed).
TARGETS: tuple[tuple[str, Callable[[SetScore], Ratio], float, str], ...] = (
    ("contact data removed", lambda s: s.category("contact"), 1.0, "100%"),
    ("login/comment forms removed", lambda s: s.category("form"), 1.0, "100%"),
    ("credits removed", lambda s: s.category("credit"), 1.0, "100%"),
    ("navigation removed", lambda s: s.category("navigation"), 1.0, "100%"),
    ("site alerts removed", lambda s: s.category("alert"), 1.0, "100%"),
    ("browser and cookie notices removed", lambda s: s.category("notice"), 1.0, "100%"),
    ("boilerplate removed", lambda s: s.boilerplate, 0.98, ">= 98%"),
    ("content lines kept", lambda s: s.content, 0.99, ">= 99%"),
    ("merged pairs correct (precision)", lambda s: s.merge_precision, 0.90, ">= 90%"),
    ("lists printed whole under their lead-in", lambda s: s.lists, 1.0, "100%"),
)
# Section placement (eval/<set>/section-labels.yaml): printed against its target, not yet gated;
# the section model learns from the tuning half's labels, so only the held-out half measures it.
PLACEMENT_TARGET = 0.90


def evaluate(eval_root: Path, project_root: Path, site_pages: bool = True) -> tuple[SetScore, ...]:
    """Score the text stages on every labelled set (a folder with labels.yaml, at any depth) under eval_root.

    site_pages: clean each page with its site's pages in the sets beside its own, as a project's
    other topics (False: as its site's only page).
    """
    config = load_config(project_root)
    folders = sorted(path.parent for path in eval_root.rglob(LABELS))
    if not folders:
        raise HandoutError(f"{eval_root}: no evaluation set (a folder holding {LABELS})")
    return tuple(_score_set(folder, folder.relative_to(eval_root).as_posix(), config, site_pages)
                 for folder in folders)


def meets_targets(scores: Sequence[SetScore]) -> bool:
    """True when every gated set meets every target."""
    return all(verdict != "MISS" for score in scores if score.gated for *_, verdict in _rows(score))


def format_scores(scores: Sequence[SetScore], misses: bool = False) -> str:
    """A plain table per set: each measure, its target and PASS or MISS; misses listed on request."""
    parts = []
    for score in scores:
        lines = [
            f"{score.name}: {score.files} files, {score.content.total} content and "
            f"{score.boilerplate.total} boilerplate lines, {score.facts} facts in {score.clusters} clusters"
            + ("" if score.gated else " (not gated: scored, not yet held to the targets)")
        ]
        lines += _table([("measure", "score", "target", ""), *_rows(score)])
        if score.confusions:
            lines.append("  sections mixed up most (labelled -> placed): " + ", ".join(score.confusions))
        if misses and score.misses:
            lines += ["  misses:"] + [f"    {miss}" for miss in score.misses]
        parts.append("\n".join(lines))
    gated = [score for score in scores if score.gated]
    failed = [score.name for score in gated if not meets_targets([score])]
    verdict = (f"targets missed on: {', '.join(failed)}" if failed
               else f"all targets met on every gated set ({len(gated)})")
    ungated = [score.name for score in scores if not score.gated and not _all_pass(score)]
    if ungated:
        verdict += f"; not yet gated, missing targets: {', '.join(ungated)}"
    return "\n\n".join([*parts, verdict]) + "\n"


def _all_pass(score: SetScore) -> bool:
    return all(verdict != "MISS" for *_, verdict in _rows(score))


def _table(rows: Sequence[tuple[str, str, str, str]]) -> list[str]:
    """Rows as indented lines with aligned columns."""
    widths = [max(len(row[col]) for row in rows) for col in range(len(rows[0]))]
    return ["  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in rows]


def _rows(score: SetScore) -> list[tuple[str, str, str, str]]:
    """The table rows of one set: measure, score, target, verdict (empty when there is no target)."""
    rows = []
    for measure, read, lowest, target in TARGETS:
        ratio = read(score)
        passed = ratio.value is None or ratio.value >= lowest
        rows.append((measure, _ratio(ratio), target, "PASS" if passed else "MISS"))
    rows.append(("source lines lost without a trace", str(score.unaccounted), "0",
                 "PASS" if score.unaccounted == 0 else "MISS"))
    if score.placement.total:
        placed = score.placement.value is not None and score.placement.value >= PLACEMENT_TARGET
        rows.append(("statements under their labelled section", _ratio(score.placement), ">= 90%",
                     "PASS" if placed else "below (not gated)"))
        rows.append(("summary statements from another section", str(score.summary_misplaced), "0",
                     "PASS" if score.summary_misplaced == 0 else "below (not gated)"))
    if score.side_effects_box is not None:
        rows.append(("summary's side-effects box filled", _yes(score.side_effects_box), "yes",
                     "PASS" if score.side_effects_box else "below (not gated)"))
    if score.contact_filled is not None:
        rows.append(("summary's contact section filled", _yes(score.contact_filled), "yes",
                     "PASS" if score.contact_filled else "below (not gated)"))
    rows.append(("duplicate pairs merged (recall)", _ratio(score.merge_recall), "", ""))
    rows.append(("merges hiding a number or key term", str(score.hidden_merges), "0",
                 "PASS" if score.hidden_merges == 0 else "MISS"))
    if score.contradictions is None:
        found = "n/a (no pipeline/conflicts.py)"
    else:
        found = f"{_ratio(score.contradictions)}, {score.unlabelled_conflicts} more not labelled"
    rows.append(("labelled contradictions found", found, "", ""))
    return rows


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _ratio(ratio: Ratio) -> str:
    """'97.4% (38/39)'; rounded down, so a score just under a target never prints as meeting it."""
    if ratio.value is None:
        return "n/a (none)"
    return f"{math.floor(ratio.value * 1000) / 10:.1f}% ({ratio.hits}/{ratio.total})"


def run_set(folder: Path, config: Config, site_pages: bool = True) -> tuple[Labels, dict[str, Source], Prepared]:
    """Run one labelled set through prepare as a topic; return its checked labels and sources by file name.

    site_pages: the sets beside it are the project's other topics, the same sites' pages on
    other subjects (False: the set is the whole project).
    """
    raw, topic = read_set(folder, config.scheme)
    prepared = prepare(config, topic, site_files=sibling_files(folder) if site_pages else [])
    sources = {file.name: source for (file, _), source in zip(topic.sources, prepared.sources, strict=True)}
    return parse_labels(raw, folder / LABELS, sources), sources, prepared


def sibling_files(folder: Path) -> list[tuple[Path, SourceMeta]]:
    """The source files of the labelled sets beside folder (its half of the corpus)."""
    siblings = sorted(path.parent for path in folder.parent.glob(f"*/{LABELS}") if path.parent != folder)
    return [file for sibling in siblings for file in read_set(sibling)[1].sources]


def read_set(folder: Path, default: Scheme | None = None) -> tuple[dict[str, Any], Topic]:
    """A labelled set's labels.yaml, as read, and its source files as a topic (with the default
    scheme changed by a sections.yaml beside its topic.yaml, when a default is given)."""
    path = folder / LABELS
    problems: list[str] = []
    raw = read_yaml(path, problems)
    if raw is None:
        raise ConfigError(problems)
    sources_dir = (folder / str(raw.get("sources") or ".")).resolve()
    if not sources_dir.is_dir():
        raise ConfigError([f"{path}: sources: no such folder {sources_dir}"])
    described_by = next((p for p in (folder / TOPIC, sources_dir / TOPIC) if p.is_file()), None)
    return raw, load_source_folder(folder.name, sources_dir, described_by, default)


def all_facts(clusters: Sequence[Cluster]) -> list[Fact]:
    """Every fact the text stages found (each is a member of exactly one cluster), in source order."""
    return sorted((fact for cluster in clusters for fact in cluster.members), key=lambda f: (f.source, f.line, f.id))


def _score_set(folder: Path, name: str, config: Config, site_pages: bool) -> SetScore:
    """Run the text stages on one set and compare the result with its labels."""
    labels, sources, prepared = run_set(folder, config, site_pages)
    cleaned, clusters, conflicts = prepared.cleaned, prepared.clusters, prepared.conflicts
    facts = all_facts(clusters)
    # A statement on a line a wrapped paragraph runs over is found in that paragraph's facts.
    first_line = {(block.source, line): block.line for source in cleaned for block in source.blocks for line in block.lines}
    located = locate(labels, sources, facts, first_line)
    boilerplate, categories, content, line_misses = _line_scores(labels, sources, cleaned)
    precision, recall, pair_misses = (_pair_scores(labels, located, facts, clusters) if labels.merges_labelled
                                      else (Ratio(0, 0), Ratio(0, 0), []))  # no duplicates labelled: not scored
    hidden, hidden_misses = _hidden_merges(clusters, prepared.scheme.vocabulary)
    contradictions, unlabelled, conflict_misses = _conflict_scores(labels, located, clusters, conflicts)
    lists, list_misses = _list_scores(labels, located, sources, facts, prepared)
    lost = [f"lost without a trace: {line}" for line in prepared.unaccounted]
    section_labels = read_section_labels(folder, sources, prepared.scheme)
    placement = score_placement(section_labels, prepared.handout, prepared.scheme) if section_labels else None
    box, contact = summary_fills(prepared)
    return SetScore(
        name=name, files=len(sources), facts=len(facts), clusters=len(clusters),
        boilerplate=boilerplate, categories=categories, content=content,
        merge_precision=precision, merge_recall=recall, hidden_merges=hidden,
        contradictions=contradictions, unlabelled_conflicts=unlabelled,
        misses=tuple(line_misses + lost + list_misses + pair_misses + hidden_misses + conflict_misses
                     + list(placement.misses if placement else ())),
        lists=lists, unaccounted=len(prepared.unaccounted), gated=labels.gated,
        placement=Ratio(placement.placed, placement.labelled) if placement else Ratio(0, 0),
        summary_misplaced=placement.summary_wrong if placement else 0,
        confusions=tuple(describe(placement)) if placement else (),
        side_effects_box=box, contact_filled=contact,
    )


def _list_scores(labels: Labels, located: Mapping[Statement, Fact | None], sources: Mapping[str, Source],
                 facts: Sequence[Fact], prepared: Prepared) -> tuple[Ratio, list[str]]:
    """Labelled lists whose items all print under their lead-in, in one entry of one section."""
    if not labels.lists:
        return Ratio(0, 0), []
    entry_of: dict[str, tuple[str, str]] = {}  # fact id -> (section, lead-in cluster id) as printed
    for section in prepared.handout.sections:
        for entry in section.entries:
            for cluster in (entry.cluster, *entry.continued, *entry.items):
                for member in cluster.members:
                    entry_of[member.id] = (section.key, entry.cluster.id)
    on_line: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    for fact in facts:
        on_line[fact.source, fact.line].append(fact)
    # An item wrapped over several lines is one fact, dated by its first line.
    first_line = {(block.source, line): block.line
                  for source in prepared.cleaned for block in source.blocks for line in block.lines}
    whole, misses = 0, []
    for labelled in labels.lists:
        path = sources[labelled.lead.file].path
        lead = located[labelled.lead]
        printed = entry_of.get(lead.id) if lead else None
        item_facts = {n: on_line[path, first_line.get((path, n), n)] for n in labelled.items}
        astray = [n for n, found in item_facts.items()
                  if not found or any(entry_of.get(f.id) != printed for f in found)]
        if printed and not astray:
            whole += 1
        else:
            where = "its lead-in is not printed" if not printed else f"items apart from it at lines {astray}"
            misses.append(f"list not printed whole ({where}): {labelled.lead}")
    return Ratio(whole, len(labels.lists)), misses


def _line_scores(
    labels: Labels, sources: Mapping[str, Source], cleaned: Sequence[CleanSource]
) -> tuple[Ratio, tuple[tuple[str, Ratio], ...], Ratio, list[str]]:
    """Boilerplate removed (overall, per category) and content kept, with every miss."""
    kept = {(block.source, line) for source in cleaned for block in source.blocks for line in block.lines}
    reasons = {(r.source, r.line): r.reason for source in cleaned for r in source.removed}
    removed: dict[str, list[int]] = {category: [0, 0] for category in CATEGORIES}
    content = [0, 0]
    misses = []
    for name, source in sources.items():
        for number, text in sorted(line_texts(source).items()):
            category = labels.boilerplate.get((name, number))
            is_kept = (source.path, number) in kept
            tally = removed[category] if category else content
            tally[0] += is_kept != bool(category)  # boilerplate counts when removed, content when kept
            tally[1] += 1
            if category and is_kept:
                misses.append(f"boilerplate kept [{category}] {name}:{number}: {text}")
            elif not category and not is_kept:
                misses.append(f"content lost [{reasons.get((source.path, number), '?')}] {name}:{number}: {text}")
    overall = Ratio(sum(h for h, _ in removed.values()), sum(t for _, t in removed.values()))
    categories = tuple((c, Ratio(*removed[c])) for c in CATEGORIES)
    return overall, categories, Ratio(*content), misses


def _pair_scores(
    labels: Labels, located: Mapping[Statement, Fact | None], facts: Sequence[Fact], clusters: Sequence[Cluster]
) -> tuple[Ratio, Ratio, list[str]]:
    """Precision of the merged fact pairs and recall of the labelled duplicate pairs."""
    cluster_of = {fact.id: cluster.id for cluster in clusters for fact in cluster.members}
    wanted = list(dict.fromkeys((a, b) for group in labels.duplicates for a, b in combinations(group, 2)))
    same: set[frozenset[str]] = set()  # fact pairs that say the same thing
    found, misses = 0, []
    for a, b in wanted:
        fa, fb = located[a], located[b]
        if fa is None or fb is None:
            misses.append(f"duplicate not merged (a quote is no fact: line removed or split): {a}  ==  {b}")
            continue
        same.add(frozenset((fa.id, fb.id)))
        if cluster_of[fa.id] == cluster_of[fb.id]:
            found += 1
        else:
            misses.append(f"duplicate not merged: {a}  ==  {b}")
    identical = [pair for pair in _identical_pairs(facts) if pair not in same]  # need no label
    same.update(identical)
    found += sum(len({cluster_of[i] for i in pair}) == 1 for pair in identical)
    merged = [pair for cluster in clusters for pair in combinations(cluster.members, 2)]
    wrong = [(fa, fb) for fa, fb in merged if frozenset((fa.id, fb.id)) not in same]
    misses += [f"wrong merge: {_where(fa)}: {fa.text}  ==  {_where(fb)}: {fb.text}" for fa, fb in wrong]
    return Ratio(len(merged) - len(wrong), len(merged)), Ratio(found, len(wanted) + len(identical)), misses


def _identical_pairs(facts: Sequence[Fact]) -> list[frozenset[str]]:
    """Pairs of facts with the same wording (ignoring case and punctuation)."""
    by_words: dict[str, list[str]] = defaultdict(list)
    for fact in facts:
        by_words[" ".join(re.findall(r"\w+", fact.text.casefold()))].append(fact.id)
    return [frozenset(pair) for ids in by_words.values() for pair in combinations(ids, 2)]


def _where(fact: Fact) -> str:
    """'file:line' of a fact, with the file name only."""
    return f"{fact.source.rsplit('/', 1)[-1]}:{fact.line}"


def key_info(text: str, vocabulary: Vocabulary) -> set[str]:
    """The numbers (digits) and key terms a wording states, as the hidden-merge check reads them."""
    folded = text.casefold()
    return {n.replace(",", "") for n in _NUMBER.findall(folded)} | vocabulary.terms_in(folded)


def _hidden_merges(clusters: Sequence[Cluster], vocabulary: Vocabulary) -> tuple[int, list[str]]:
    """How many clusters' canonical wording lacks a number or key term a member states, and which."""
    hidden: dict[str, list[str]] = defaultdict(list)
    for cluster in clusters:
        carried = key_info(cluster.canonical.text, vocabulary)
        for member in cluster.members:
            if lost := sorted(key_info(member.text, vocabulary) - carried):
                hidden[cluster.id].append(f"merge hides {', '.join(lost)}: {_where(member)}: {member.text}  "
                                          f"(canonical {_where(cluster.canonical)}: {cluster.canonical.text})")
    return len(hidden), [miss for misses in hidden.values() for miss in misses]


def _conflict_scores(
    labels: Labels,
    located: Mapping[Statement, Fact | None],
    clusters: Sequence[Cluster],
    conflicts: Sequence[Conflict],
) -> tuple[Ratio, int, list[str]]:
    """Labelled contradictions found as conflicts, conflicts the labels lack, and the misses."""
    cluster_of = {fact.id: cluster.id for cluster in clusters for fact in cluster.members}
    reported = {frozenset((c.first.id, c.second.id)): c for c in conflicts}
    misses, matched = [], set()
    for a, b in labels.contradictions:
        fa, fb = located[a], located[b]
        pair = None if fa is None or fb is None else frozenset((cluster_of[fa.id], cluster_of[fb.id]))
        if pair in reported:
            matched.add(pair)
            continue
        why = "merged into one cluster" if pair and len(pair) == 1 else "not reported"
        misses.append(f"contradiction {why}: {a}  <>  {b}")
    extra = [c for pair, c in reported.items() if pair not in matched]
    misses += [f"conflict not in the labels: {_where(c.first.canonical)}: {c.first.canonical.text}  <>  "
               f"{_where(c.second.canonical)}: {c.second.canonical.text}" for c in extra]
    return Ratio(len(matched), len(labels.contradictions)), len(extra), misses
