"""The editor's review report: one standalone HTML page per topic (build/<topic>/review.html).

It shows what the pipeline did so an editor can trust or correct it: every line cleaning
removed and why, every cluster with the source sentences behind it (printed ones by
section, then the rest with the reason they are not printed), the conflicts between
sources, the editor's decisions (applied or stale), a readability grade per leaflet
section, and the statements of one section that possibly repeat each other (suggestions,
each with the editorial.yaml merge decision that would join them), and the words of printed
statements that look misspelled (each with the replace decision that would correct them:
nothing is corrected without the editor). Everything is sorted and there are no timestamps:
the same inputs give the same bytes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from markupsafe import Markup, escape

from pipeline.models import (CleanSource, Cluster, Conflict, DecisionResult, Entry, ForeignNumber, Handout, OtherPlace,
                             Repeat, Section, Spelling, Typo)
from pipeline.review.other_places import drop_decision as place_decision
from pipeline.review.phone_numbers import replace_decision as number_decision
from pipeline.review.plain_language import PlainReport, plain_report
from pipeline.text.readability import LONG_SENTENCE_WORDS, PATIENT_GRADE, RARE_ZIPF
from pipeline.review.spelling import by_fact, replace_decision
from pipeline.templates import TemplateSet, shipped_templates

TEMPLATE = "review.html"
STYLESHEET = "review.css"  # under the templates' assets/, inlined into the page
FRAGMENT_WORDS = 4  # as compose.MIN_SENTENCE_WORDS: shorter non-list sentences are not printed

@dataclass(frozen=True)
class _Placed:
    """A cluster as the leaflet prints it: its role and the statement it hangs on."""

    cluster: Cluster
    role: str  # "statement", "continues" (refers back to `host`) or "item" (of the list `host` leads in)
    host: str = ""


@dataclass(frozen=True)
class _DecisionRow:
    """An editorial decision as the report lists it."""

    where: str  # "file:line" of the decision (or the setting that made it, e.g. "sections.yaml: repeats")
    action: str
    fact: str
    note: str
    status: str  # "applied" or "stale: <reason>"


@dataclass(frozen=True)
class _Side:
    """One side of a conflict: the statement and the sources that make it."""

    id: str
    text: str
    sources: tuple[str, ...]


def review_page(
    topic: str,
    title: str,
    cleaned: Sequence[CleanSource],
    clusters: Sequence[Cluster],
    handout: Handout,
    conflicts: Sequence[Conflict] = (),
    decisions: Sequence[DecisionResult] = (),
    language: str = "en",
    repeats: Sequence[Repeat] = (),
    repeat_method: str = "",
    templates: TemplateSet | None = None,
    spelling: Spelling = Spelling(),
    plain: PlainReport | None = None,
    numbers: Sequence[ForeignNumber] = (),
    places: Sequence[OtherPlace] = (),
) -> str:
    """Return the review report for one topic as a standalone, printable HTML page.

    plain: how the leaflet and summary read (plain_language.plain_report, with the clinic's word
    list and the topic's key terms); default: measured with the team's list alone.
    """
    sources = sorted(cleaned, key=lambda s: s.path)
    placed = [(section, _placed(section)) for section in handout.sections]
    printed = {p.cluster.id for _, rows in placed for p in rows}
    unprinted = sorted((c for c in clusters if c.id not in printed), key=_unprinted_order)
    known = {c.id: c for c in clusters} | {p.cluster.id: p.cluster for _, rows in placed for p in rows}
    conflict_rows = sorted(conflicts, key=lambda c: (c.kind, c.subject, c.id))
    decision_rows = sorted((_decision_row(d) for d in decisions), key=_decision_order)
    templates = templates or shipped_templates()
    return templates.environment().get_template(TEMPLATE).render(
        topic=topic,
        title=title,
        css=_css(templates),
        target=PATIENT_GRADE,
        long_words=LONG_SENTENCE_WORDS,
        rare_zipf=RARE_ZIPF,
        counts=_counts(sources, clusters, printed, conflicts, decision_rows, spelling, numbers, places),
        reasons=_reasons(sources),
        sources=sources,
        placed=placed,
        unprinted=[(cluster, _why_not_printed(cluster, known)) for cluster in unprinted],
        conflicts=[(c, _side(c.first), _side(c.second), _resolution(c, decision_rows)) for c in conflict_rows],
        decisions=decision_rows,
        known=known,
        conflict_ids={c.id for c in conflicts},
        plain=plain or plain_report(handout, language),
        repeats=_repeats(handout.sections, repeats),
        repeat_method=repeat_method or next((r.method for r in repeats), ""),
        typos=[_typo_row(group) for group in by_fact(spelling.typos)],
        numbers=[(found, number_decision(found)) for found in numbers],
        places=[(found, place_decision(found)) for found in places],
        spelling=spelling,
    )


# ---- What the leaflet prints ---------------------------------------------------------


def _placed(section: Section) -> list[_Placed]:
    """The clusters of a section in print order: statement, what follows it, its list."""
    return [row for entry in section.entries for row in _entry_rows(entry)]


def _entry_rows(entry: Entry) -> list[_Placed]:
    """An entry's clusters in print order, with the role each plays."""
    host = entry.cluster.id
    return [_Placed(entry.cluster, "statement"),
            *(_Placed(c, "continues", host) for c in entry.continued),
            *(_Placed(c, "item", host) for c in entry.items)]


def _why_not_printed(cluster: Cluster, known: dict[str, Cluster]) -> str:
    """Say why compose left a cluster out, where the cluster itself shows it."""
    fact = cluster.canonical
    if fact.excluded:
        return f"excluded: {fact.excluded}"
    if fact.text.rstrip().endswith("?"):
        return "a question (a heading in disguise, not a statement)"
    if fact.kind == "item":
        lead = next((c.id for c in known.values() for m in c.members if fact.lead and m.id == fact.lead), "")
        return f"a list item whose lead-in {lead} is not printed" if lead else "a list item without its lead-in"
    if fact.text.rstrip().endswith(":"):
        return "a lead-in whose list items are not printed with it"
    words = len(fact.text.split())
    if words < FRAGMENT_WORDS:
        return f"a fragment ({words} word{'s' * (words != 1)}), not a statement"
    return ""


def _unprinted_order(cluster: Cluster) -> tuple[str, int, str]:
    """Unprinted clusters in source order."""
    return cluster.canonical.source, cluster.canonical.line, cluster.id


# ---- Summary numbers -------------------------------------------------------------------


def _counts(sources: Sequence[CleanSource], clusters: Sequence[Cluster], printed: set[str],
            conflicts: Sequence[Conflict], decisions: Sequence[_DecisionRow], spelling: Spelling,
            numbers: Sequence[ForeignNumber], places: Sequence[OtherPlace]) -> list[tuple[str, int]]:
    """The headline numbers, in a fixed order."""
    stale = sum(1 for d in decisions if d.status != "applied")
    return [
        ("sources", len(sources)),
        ("lines removed as boilerplate", sum(len(s.removed) for s in sources)),
        ("facts (source sentences and list items)", sum(len(c.members) for c in clusters)),
        ("clusters", len(clusters)),
        ("merged clusters (stated by more than one source)", sum(1 for c in clusters if c.support > 1)),
        ("clusters printed in the leaflet", len(printed)),
        ("conflicts", len(conflicts)),
        ("editorial decisions", len(decisions)),
        ("stale decisions", stale),
        ("possible typos in printed statements", len(spelling.typos)),
        ("phone numbers printed that are not the clinic's", len(numbers)),
        ("printed statements naming another hospital or a source's organisation", len(places)),
    ]


def _reasons(sources: Sequence[CleanSource]) -> list[tuple[str, int]]:
    """How many lines each cleaning rule removed, most first."""
    counted = Counter(r.reason for s in sources for r in s.removed)
    return sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))


# ---- Conflicts and decisions -------------------------------------------------------------


def _side(cluster: Cluster) -> _Side:
    """One side of a conflict or repeat: the cluster's printed wording and every source line behind it."""
    members = sorted({f"{f.source}:{f.line}" for f in cluster.members}, key=_natural)
    return _Side(cluster.id, cluster.canonical.text, tuple(members))


def _resolution(conflict: Conflict, decisions: Sequence[_DecisionRow]) -> _DecisionRow | None:
    """The editor's decision that resolves this conflict, if there is one."""
    return next((d for d in decisions if d.action == "resolve" and d.fact == conflict.id), None)


def _decision_row(result: DecisionResult) -> _DecisionRow:
    """A decision as the report lists it: where it is written, what it does, and what became of it."""
    return _DecisionRow(result.decision.where, result.action, result.fact, result.note, result.status)


def _decision_order(row: _DecisionRow) -> tuple[tuple[int | str, ...], str, str]:
    """Decisions in file order, then by fact and action."""
    return _natural(row.where), row.fact, row.action


def _natural(text: str) -> tuple[int | str, ...]:
    """A sort key that orders "a.txt:9" before "a.txt:10"."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))


# ---- Possible repeats --------------------------------------------------------------------


@dataclass(frozen=True)
class _RepeatRow:
    """Two statements of a section that may say the same thing, and the decision joining them."""

    first: _Side
    second: _Side
    score: float
    method: str

    @property
    def snippet(self) -> str:
        """The merge decision to paste under `decisions:` in editorial.yaml."""
        return f"  - action: merge\n    fact: {self.first.id}\n    facts: [{self.second.id}]\n"


def _repeats(sections: Sequence[Section], repeats: Sequence[Repeat]) -> list[tuple[Section, list[_RepeatRow]]]:
    """Each section that has possible repeats with them, most similar first."""
    rows: dict[str, list[_RepeatRow]] = {}
    for r in repeats:
        rows.setdefault(r.section, []).append(_RepeatRow(_side(r.first), _side(r.second), r.score, r.method))
    return [(s, sorted(rows[s.key], key=lambda row: (-row.score, row.first.id, row.second.id)))
            for s in sections if s.key in rows]


# ---- Possible typos ----------------------------------------------------------------------


@dataclass(frozen=True)
class _TypoRow:
    """The suspected typos of one printed statement, and the decision that would correct them."""

    fact: str
    words: tuple[Typo, ...]
    sentence: Markup  # the statement as printed, each suspected word marked
    snippet: str  # the replace decision to paste under `decisions:` in editorial.yaml


def _typo_row(typos: Sequence[Typo]) -> _TypoRow:
    """One statement's suspected typos as the report lists them."""
    text, parts, at = typos[0].text, [], 0
    for typo in sorted(typos, key=lambda t: t.start):
        parts += [escape(text[at:typo.start]), Markup("<mark>%s</mark>") % typo.word]
        at = typo.start + len(typo.word)
    return _TypoRow(typos[0].fact, tuple(typos), Markup("").join([*parts, escape(text[at:])]), replace_decision(typos))


@cache
def _css(templates: TemplateSet) -> Markup:
    """The report's stylesheet, inlined so the page opens styled with nothing beside it."""
    return Markup(templates.asset(STYLESHEET).read_text(encoding="utf-8"))
