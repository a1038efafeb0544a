"""Section placement scored against a set's section labels (eval/<set>/section-labels.yaml).

The labels say, for each content line, the section of the set's scheme a careful editor would
print it under, decided from what it says (eval/README.md). Scored: the printed statements
(sentences, list items, sentences that follow another) whose section is the one labelled for
their source line, and the summary's statements labelled for another section than the one
they fill (a summary section, or the side-effects box, holding what belongs elsewhere).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import Scheme, read_yaml
from pipeline.errors import ConfigError
from pipeline.evaluation.labels import line_numbers, line_texts
from pipeline.models import Cluster, Handout, Source

SECTION_LABELS = "section-labels.yaml"


@dataclass(frozen=True)
class Placement:
    """How the statements of one set were placed against their section labels."""

    placed: int  # labelled statements printed under their labelled section
    labelled: int  # printed statements whose source line has a section label
    summary_wrong: int  # summary statements (and side-effects box items) labelled for another section
    misses: tuple[str, ...] = ()
    confusions: tuple[tuple[str, str, int], ...] = ()  # (labelled, placed, how many), most first


def read_section_labels(folder: Path, sources: Mapping[str, Source], scheme: Scheme) -> dict[tuple[str, int], str] | None:
    """(file name, line) -> section key, or None when the set has no section labels."""
    path = folder / SECTION_LABELS
    if not path.is_file():
        return None
    problems: list[str] = []
    raw = read_yaml(path, problems) or {}
    keys = {rule.key for rule in scheme.sections}
    files = raw.get("files") or {}
    labels: dict[tuple[str, int], str] = {}
    for name, ranges in files.items() if isinstance(files, dict) else ():
        where = f"{path}: files: {name}"
        if name not in sources:
            problems.append(f"{where}: no such source file in the set")
            continue
        texts = line_texts(sources[name])
        for key, section in (ranges or {}).items():
            if section not in keys:
                problems.append(f"{where}: {key}: unknown section {section!r} (the set's sections: {', '.join(sorted(keys))})")
                continue
            for number in line_numbers(key, texts, f"{where}: {key}", problems):
                if labels.setdefault((name, number), section) != section:
                    problems.append(f"{where}: line {number} is labelled twice")
    if problems:
        raise ConfigError(problems)
    return labels


def score_placement(labels: Mapping[tuple[str, int], str], handout: Handout, scheme: Scheme) -> Placement:
    """Compare where the handout prints each statement with where the labels put it."""

    def label(cluster: Cluster) -> str | None:
        # A statement several sources make is labelled as most of them are (the canonical's first
        # on a tie): "They may give you special dressings." is skin care on four pages and the
        # contact section on the fifth, which words it "We will show you how to care for it and ...".
        facts = (cluster.canonical, *(member for member in cluster.members if member is not cluster.canonical))
        found = [labels.get((Path(fact.source).name, fact.line)) for fact in facts]
        votes = Counter(section for section in found if section is not None)
        return max(votes, key=lambda section: (votes[section], -found.index(section))) if votes else None

    placed = labelled = 0
    misses: list[str] = []
    confusions: Counter[tuple[str, str]] = Counter()
    for section in handout.sections:
        for entry in section.entries:
            for cluster in (entry.cluster, *entry.continued, *entry.items):
                wanted = label(cluster)
                if wanted is None:
                    continue
                labelled += 1
                if wanted == section.key:
                    placed += 1
                    continue
                confusions[wanted, section.key] += 1
                fact = cluster.canonical
                misses.append(f"placed in {section.key}, labelled {wanted}: {fact.source}:{fact.line}: {fact.text[:90]}")
    summary_wrong = 0
    box_sections = {rule.key for rule in scheme.sections if rule.side_effects}
    for section in handout.summary:
        for entry in section.entries:
            wanted = label(entry.cluster)
            if wanted is not None and wanted != section.key:
                summary_wrong += 1
                fact = entry.cluster.canonical
                misses.append(f"summary's {section.key}, labelled {wanted}: {fact.source}:{fact.line}: {fact.text[:90]}")
    for item in handout.side_effects:
        wanted = label(item)
        if wanted is not None and wanted not in box_sections:
            summary_wrong += 1
            misses.append(f"side-effects box, labelled {wanted}: {item.canonical.source}:{item.canonical.line}: "
                          f"{item.canonical.text[:90]}")
    ranked = tuple((a, b, n) for (a, b), n in sorted(confusions.items(), key=lambda c: (-c[1], c[0])))
    return Placement(placed, labelled, summary_wrong, tuple(misses), ranked)


def describe(placement: Placement, top: int = 6) -> list[str]:
    """The most frequent (labelled -> placed) confusions, for whoever tunes the keywords."""
    return [f"{wanted} -> {got}: {count}" for wanted, got, count in placement.confusions[:top]]
