"""Clusters -> conflicts: statements that disagree, listed side by side for the editor.

Nothing is settled here: a conflict names both statements and their sources, and a
majority of sources never decides which one is right.

Method (group first, then compare within groups, so the work follows the claims, not
the pairs of clusters):
1. Each cluster's canonical wording is cut into clauses at sentence ends, ";", ":" and
   contrast words ("but", "however", "compared to", "whereas", "than" except in a bound such
   as "higher than 38°C" ...), so "25% ..., compared to only 11% with chemotherapy" yields
   two claims about two subjects.
2. Each clause yields
   - figures (pipeline/quantities.py): a number or range with its unit, or a proportion in
     words, and the aspect it quantifies ("side effects", "time between sessions", "body
     temperature" ...); a figure without an aspect, or in a negated clause, is not compared;
   - stances: a positive evaluation ("effective", "promising results", "reference
     therapy") or a negative one ("not conclusive", "does not work", "ineffective")
     about the key terms it names after the cue or after "for"/"in" ("less effective" and
     "not more effective" are comparisons, no stance).
   Each sentence piece (cut at sentence ends and contrast words, not at "than") yields
   comparisons of two treatments on side effects or effectiveness (pipeline/comparisons.py):
   "X causes fewer side effects than Y", "X is not always gentler than Y".
3. Groups: (unit, aspect, key terms of the clause) for figures and proportions, leaving
   out a key term that is the aspect's own cue ("fever"); (key term, the clause's other
   key terms before the cue) for stances; (aspect, the pair of treatments, other key
   terms) for comparisons. Synonyms, when given, make one subject of a group of words
   (how a clause names a key term, aliases included: pipeline/vocabulary.py).
4. Within a group, two figures conflict when they differ ("20 to 40%" vs "25%" is shown);
   a proportion in words conflicts only with what it excludes ("all" vs "a minority";
   "a minority" vs "25%" does not); temperatures less than 0.25°C apart are the same (a
   rounded conversion). A positive stance conflicts with a negative one. A comparison conflicts
   with its negation ("fewer side effects" vs "not gentler") and with the opposite claim
   ("gentler" vs "harsher"), but a hedge ("often", "some", "not always") excludes only a
   plain claim: "often gentler" and "not always gentler" agree.
One conflict per pair of clusters: when a pair disagrees in several ways, negation goes
before numbers before certainty, and the subjects of that kind are joined.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import PurePosixPath

from pipeline.models import Cluster, Conflict
from pipeline.review.comparisons import comparisons, pieces
from pipeline.review.quantities import NEGATOR, NUM, TOKEN, figures, not_all
from pipeline.vocabulary import Vocabulary

KINDS = ("negation", "numbers", "certainty")  # when a pair disagrees in several ways, the first wins
TOLERANCE = 0.05  # relative difference below which two figures are the same (6 months = 26 weeks)
# Absolute differences below which two figures are the same, where a relative one makes no
# sense: 100°F is 37.8°C, so a Fahrenheit figure rounded to a whole degree is within 0.25°C.
ABSOLUTE_TOLERANCE = {"temperature": 0.25}
NEGATION_WINDOW = 5  # words between a negation and the evaluation it negates

_POSITIVE = re.compile(
    r"\b(?:(?:good|better|best|positive|promising|encouraging|excellent|interesting|remarkable|convincing|impressive)"
    r" results?|effective|efficacious|promising|successful|beneficial|conclusive|proven|useful|indicated|approved"
    r"|works?(?= (?:well|for|against|best|in treating))|worked"
    r"|reference (?:therapy|treatment)|treatment of choice|standard (?:of care|treatment))\b",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(
    r"\b(?:ineffective|inefficient|inconclusive|unsuccessful|useless|disappointing|contraindicated"
    r"|no (?:benefit|effect|improvement)|little (?:benefit|effect)|fail(?:s|ed)? to (?:work|help|show))\b",
    re.IGNORECASE,
)
_COMPARATIVE_CUE = re.compile(r"\b(?:more|less|as|so)\s+$", re.IGNORECASE)
_UNIVERSAL = re.compile(r"\b(?:all|every|always)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that|where|when)\b", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\b(?:if|whether|unless)\b", re.IGNORECASE)
_TARGET_MARK = re.compile(r"\b(?:for|in|against)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r"[;:?!]|(?<=\.)\s+|\s[-–—]\s|\b(?:but|however|whereas|while|although|though|unlike|nevertheless"
    r"|nonetheless|on the other hand|in contrast|compared (?:to|with)|versus|vs\.?"
    # "than" starts a new subject, except in a bound: "higher than 38°C", "more than 20%"
    rf"|(?<!more )(?<!less )(?<!fewer )(?<!greater )(?<!higher )(?<!lower )than(?!\s+{NUM}\b))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Claim:
    """A figure, a proportion in words, a stance or a comparison, found in one cluster's wording."""

    cluster: int  # index into the sorted clusters
    group: tuple[object, ...]  # what the claim is about: only claims of one group are compared
    subject: str  # the group, as the editor reads it
    low: float = 0.0
    high: float = 0.0
    worded: bool = False  # a proportion in words ("most patients"), not a number
    positive: bool = False  # for stances; for comparisons: the first treatment of the group is better
    negated: bool = False  # for comparisons: "is not gentler than"
    hedged: bool = False  # for comparisons: "is often gentler", "is not always gentler"
    quote: str = ""  # the words the claim rests on, as written


def find_conflicts(clusters: Sequence[Cluster], vocabulary: Vocabulary = Vocabulary()) -> tuple[Conflict, ...]:
    """List pairs of clusters that disagree: different figures, opposite evaluations, or certainty vs hedge.

    vocabulary: the scheme's key terms (the subjects) and synonyms ("radiotherapy", "radiation
    therapy"): key terms and treatments of one synonym group are one subject.
    """
    ordered = sorted(clusters, key=lambda c: (c.canonical.source, c.canonical.line, c.id))
    groups: dict[tuple[object, ...], list[_Claim]] = defaultdict(list)
    for index, cluster in enumerate(ordered):
        for claim in _claims(index, cluster.canonical.text, vocabulary):
            groups[claim.group].append(claim)
    found: dict[tuple[int, int], list[tuple[str, _Claim, _Claim]]] = defaultdict(list)
    for key in sorted(groups, key=repr):
        for kind, a, b in _disagreements(groups[key]):
            found[(a.cluster, b.cluster)].append((kind, a, b))
    conflicts = [_conflict(ordered[i], ordered[j], found[(i, j)]) for i, j in sorted(found)]
    return tuple(conflicts)


def _disagreements(claims: list[_Claim]) -> Iterator[tuple[str, _Claim, _Claim]]:
    """Pairs of claims in one group, from different clusters, that cannot both be true."""
    distinct = sorted(set(claims), key=lambda c: (c.cluster, c.low, c.high, c.quote))
    for a, b in combinations(distinct, 2):
        if a.cluster == b.cluster:
            continue
        if a.group[0] == "stance":
            if a.positive != b.positive:
                yield "negation", a, b
        elif a.group[0] == "comparison":
            if _contradict(a, b):
                yield "negation", a, b
        elif a.worded or b.worded:
            if a.high < b.low or b.high < a.low:
                yield "certainty", a, b
        elif not (_same(a.low, b.low, a.group[0]) and _same(a.high, b.high, a.group[0])):
            yield "numbers", a, b


def _contradict(a: _Claim, b: _Claim) -> bool:
    """Two comparisons of one pair exclude each other; a hedge ("often", "not always") excludes only a plain claim."""
    if a.positive == b.positive:  # "X is gentler" vs "X is not gentler"
        return a.negated != b.negated and not (a.hedged and b.hedged)
    return not (a.negated or b.negated or a.hedged or b.hedged)  # "X is gentler" vs "X is harsher"


def _same(x: float, y: float, dimension: object = "") -> bool:
    """Two bounds are the same figure, allowing for rounding and unit conversion."""
    if dimension in ABSOLUTE_TOLERANCE:
        return x == y or abs(x - y) < ABSOLUTE_TOLERANCE[dimension]
    return x == y or math.isclose(x, y, rel_tol=TOLERANCE)


def _conflict(first: Cluster, second: Cluster, findings: list[tuple[str, _Claim, _Claim]]) -> Conflict:
    """One conflict for a pair of clusters, of the kind that matters most."""
    kind = min((k for k, _, _ in findings), key=KINDS.index)
    mine = sorted((f for f in findings if f[0] == kind), key=lambda f: (f[1].subject, f[1].quote, f[2].quote))
    subject = ", ".join(dict.fromkeys(a.subject for _, a, _ in mine))
    _, a, b = mine[0]
    fa, fb = first.canonical, second.canonical
    shared = sorted(set(first.sources) & set(second.sources))
    if shared:  # name the lines of the source that says both
        line_a = min(m.line for m in first.members if m.source == shared[0])
        line_b = min(m.line for m in second.members if m.source == shared[0])
        where = f"Within one source ({PurePosixPath(shared[0]).name}), line {line_a} says"
        other = f"line {line_b} says"
    else:
        where = f"{PurePosixPath(fa.source).name}:{fa.line} says"
        other = f"{PurePosixPath(fb.source).name}:{fb.line} says"
    reason = f'{where} "{a.quote}" but {other} "{b.quote}" about {subject}.'
    ids = sorted((first.id, second.id))
    return Conflict(id=f"{ids[0]}-{ids[1]}", kind=kind, subject=subject, first=first, second=second, reason=reason)


def _claims(index: int, text: str, vocabulary: Vocabulary) -> Iterator[_Claim]:
    """Every figure, proportion, stance and comparison in one wording."""
    if text.rstrip().endswith("?"):
        return  # a question states nothing
    text = text.replace("’", "'")
    for clause in _clauses(text):
        found = vocabulary.mentions_in(clause)
        names = tuple(sorted({name for name, _ in found}))
        for f in figures(clause, names):
            yield _Claim(index, f.group, f.subject, f.low, f.high, f.worded, quote=f.quote)
        yield from _stances(index, clause, found)
    # Comparisons span "than", where clauses are cut, so they are read from larger pieces.
    for piece in pieces(text):
        for c in comparisons(piece, vocabulary.mentions_in(piece), vocabulary.preferred):
            yield _Claim(
                index, c.group, c.subject, positive=c.positive, negated=c.negated, hedged=c.hedged, quote=c.quote
            )


def _clauses(text: str) -> list[str]:
    """Cut a wording where its subject may change."""
    return [part.strip(" ,") for part in _CLAUSE_BREAK.split(text) if part and part.strip(" ,")]


def _stances(index: int, clause: str, found: list[tuple[str, int]]) -> Iterator[_Claim]:
    """A positive or negative evaluation of the key terms the clause applies it to."""
    if not found or _CONDITIONAL.search(clause):
        return
    cues = [m for m in _POSITIVE.finditer(clause) if not _relative(clause, m.start())]
    positive = [m for m in cues if not _negated(clause, m.start())]
    negated = [m for m in cues if _negated(clause, m.start())]
    negated = [m for m in negated if not _UNIVERSAL.search(clause, m.end())]  # "not for all": a hedge
    negative = negated + list(_NEGATIVE.finditer(clause))
    if bool(positive) == bool(negative):
        return  # no evaluation, or both: nothing clear to compare
    cues = sorted(positive or negative, key=lambda m: m.start())
    cue = cues[0]
    quote = clause[_negation_start(clause, cue.start()) : cue.end()] if negated else cue[0]
    # What the evaluation is about: terms after the cue, up to a relative clause ("patients
    # who no longer respond to chemotherapy" is not about chemotherapy), or after "for"/"in".
    stop = _RELATIVE.search(clause, cue.end())
    end = stop.start() if stop else len(clause)
    targets = {n for n, at in found if cue.start() < at < end or _TARGET_MARK.search(clause[:at])}
    agents = tuple(sorted({n for n, _ in found} - targets))
    for name in sorted(targets):
        yield _Claim(index, ("stance", name, agents), name, positive=bool(positive), quote=quote)


def _relative(clause: str, at: int) -> bool:
    """True for a comparative that evaluates nothing alone: "less effective", "not more effective (than)"."""
    m = _COMPARATIVE_CUE.search(clause, 0, at)
    return m is not None and (m[0].lower().startswith("less") or _negated(clause, m.start()))


def _negated(clause: str, at: int) -> bool:
    """True when a negation stands a few words before position at ("is not conclusive")."""
    return _negation_start(clause, at) < at


def _negation_start(clause: str, at: int) -> int:
    """Where the negation before position at begins, or at itself if there is none."""
    before = clause[:at]
    words = list(TOKEN.finditer(before))[-NEGATION_WINDOW:]
    start = words[0].start() if words else at
    for m in NEGATOR.finditer(before, start):
        if not not_all(clause, m.end()) and not re.match(r"\s+only\b", clause[m.end() :], re.IGNORECASE):
            return m.start() if m[0].lower() != "n't" else before.rfind(" ", 0, m.start()) + 1
    return at
