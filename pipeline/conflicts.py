"""Clusters -> conflicts: statements that disagree, listed side by side for the editor.

Nothing is settled here: a conflict names both statements and their sources, and a
majority of sources never decides which one is right.

Method (group first, then compare within groups, so the work follows the claims, not
the pairs of clusters):
1. Each cluster's canonical wording is cut into clauses at sentence ends, ";", ":" and
   contrast words ("but", "however", "compared to", "whereas" ...), so "25% ..., compared
   to only 11% with chemotherapy" yields two claims about two subjects.
2. Each clause yields
   - figures: a number or range with its unit (%, "1 in 5", minutes, days to years,
     patients) and the aspect named by the nearest cue word within a few content words
     ("respond", "side effects", "every", "lasts" ...); a figure without an aspect, or in
     a negated clause, is not compared;
   - proportions in words ("all patients", "most", "a minority of", "few", "not all"),
     filed like percentages of patients;
   - stances: a positive evaluation ("effective", "promising results", "reference
     therapy") or a negative one ("not conclusive", "does not work", "ineffective")
     about the key terms it names after the cue or after "for"/"in".
3. Groups: (unit, aspect, key terms of the clause) for figures and proportions;
   (key term, the clause's other key terms before the cue) for stances.
4. Within a group, two figures conflict when they differ ("20 to 40%" vs "25%" is shown);
   a proportion in words conflicts only with what it excludes ("all" vs "a minority";
   "a minority" vs "25%" does not). A positive stance conflicts with a negative one.
One conflict per pair of clusters: when a pair disagrees in several ways, negation goes
before numbers before certainty, and the subjects of that kind are joined.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import PurePosixPath

from .models import Cluster, Conflict

KINDS = ("negation", "numbers", "certainty")  # when a pair disagrees in several ways, the first wins
TOLERANCE = 0.05  # relative difference below which two figures are the same (6 months = 26 weeks)
WINDOW = 5  # content words between a figure and the cue word naming its aspect
COUNT_WINDOW = 2  # tighter for counts of patients, which are mostly study sizes
NEGATION_WINDOW = 5  # words between a negation and the evaluation it negates

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_NUM = r"(?:\d+(?:[.,]\d+)*|" + "|".join(_NUMBER_WORDS) + r")"
_TIME_OR_PERCENT = r"(?:%|per ?cent\b|minutes?\b|mins?\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b)"
_UNIT = rf"(?:{_TIME_OR_PERCENT}|patients?\b|people\b|persons\b)"
# unit -> (dimension, factor to the dimension's base unit)
_UNITS = {
    "%": ("percent", 1.0), "percent": ("percent", 1.0), "per cent": ("percent", 1.0),
    "minute": ("short time", 1.0), "min": ("short time", 1.0), "hour": ("short time", 60.0),
    "day": ("long time", 1.0), "week": ("long time", 7.0), "month": ("long time", 30.44),
    "year": ("long time", 365.25), "patient": ("patients", 1.0), "people": ("patients", 1.0),
    "persons": ("patients", 1.0),
}  # fmt: skip
_START = r"(?<![\w.,\-])"
_RANGE = re.compile(
    _START + rf"(?P<pre>between\s+|from\s+)?(?P<a>{_NUM})\s*(?P<ua>{_UNIT})?\s*(?P<sep>to|and|-|–|—)\s*"
    rf"(?:(?P<b>{_NUM})|(?P<open>several|many|a few))\s*(?P<unit>{_UNIT})",
    re.IGNORECASE,
)
_SINGLE = re.compile(
    r"(?P<qual>(?:more|greater|fewer|less) than\s+|over\s+|above\s+|under\s+|below\s+|at least\s+|at most\s+|up to\s+)?"
    + _START + rf"(?P<a>{_NUM})\s*(?P<unit>{_UNIT})",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    _START + rf"(?P<a>{_NUM})\s+(?:in|out of)\s+(?P<b>{_NUM})\b(?!\s*{_TIME_OR_PERCENT})", re.IGNORECASE
)
_QUANTIFIER = re.compile(
    r"\b(?P<q>not all|almost all|nearly all|all|every|most|the majority of|a majority of|only a minority of"
    r"|a minority of|only a few|very few|(?<!a )few|a small number of|a small proportion of|only some|no)"
    r"\s+(?:of\s+)?(?:the\s+|these\s+|those\s+)?(?:patients?|people|persons|individuals|subjects)\b",
    re.IGNORECASE,
)
_QUANTITIES = {  # proportion of patients, in %, that a word claims (bounds inclusive)
    "not all": (0.0, 99.9), "all": (100.0, 100.0), "every": (100.0, 100.0), "no": (0.0, 0.0),
    "almost all": (50.1, 100.0), "nearly all": (50.1, 100.0), "most": (50.1, 100.0),
    "the majority of": (50.1, 100.0), "a majority of": (50.1, 100.0),
}  # fmt: skip
_MINORITY = (0.1, 49.9)  # "a minority of", "few", "only some" ...
_PEOPLE = frozenset(
    "patient patients people persons those them subjects participants cases individuals treated all".split()
)

# Cue words naming what a figure is about, per dimension; the nearest one wins.
_ASPECTS = {
    "percent": {
        "side effects": r"\bside[- ]effects?|\badverse|\btoxicit|\bcomplications?\b|\breactions?\b",
        "response": r"\brespon|\beffective\b|\befficac|\bbenefit|\bremission|\bworks?\b|\bsuccess|\bcured?\b|\bshrink",
        "survival": r"\bsurviv|\balive\b",
        "eligibility": r"\beligib|\bsuitable\b|\bcandidates?\b",
    },
    "long time": {
        "time between sessions": r"\bevery\b|\bintervals?\b|\brest\b|\bapart\b|\bcycles?\b",
        "time before a response": r"\brespon|\bbenefit|\bimprove|\bshrink",
        "length of treatment": r"(?<!the )(?<!past )\blasts?\b|\bduration\b|\bextends?\b|\bcontinues?\b",
    },
    "short time": {
        "length of a session": r"\bsessions?\b|\binfusions?\b|\binjections?\b|(?<!the )\blasts?\b|\bduration\b",
        "time between sessions": r"\bevery\b|\bintervals?\b|\bapart\b",
    },
}
_ASPECTS["patients"] = _ASPECTS["percent"]
# Qualifiers that make two figures about "side effects" or "response" different subjects.
_MODIFIERS = {
    "side effects": {
        "severe": r"\bsevere|\bserious|\blife-threatening|\bgrade [345]\b",
        "mild": r"\bmild|\bmoderate\b|\bminor\b",
    },
    "response": {"complete": r"\bcomplete\b", "partial": r"\bpartial\b"},
}
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
_NEGATOR = re.compile(r"\b(?:not|no|never|cannot|neither|nor|hardly)\b|n't\b", re.IGNORECASE)
_UNIVERSAL = re.compile(r"\b(?:all|every|always)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that|where|when)\b", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\b(?:if|whether|unless)\b", re.IGNORECASE)
_TARGET_MARK = re.compile(r"\b(?:for|in|against)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r"[;:?!]|(?<=\.)\s+|\s[-–—]\s|\b(?:but|however|whereas|while|although|though|unlike|nevertheless"
    r"|nonetheless|on the other hand|in contrast|compared (?:to|with)|versus|vs\.?|than)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*|%")
_STOP = frozenset(
    """a an the of to in on at for with by from and or as is are was were be been being has have had will would
    may might can could should must it its this that these those their them they which who whom whose than then
    there here such also only very more most less some any our your his her he she we i you among about into
    over under after before during so not no""".split()
)
# A key term "X cancer" also matches plain "X" in a clause that speaks of cancers or tumours.
_TAIL_SYNONYMS = {"cancer": r"\b(?:cancer|tumou?r|carcinoma|malignan|neoplas)"}


@dataclass(frozen=True)
class _Claim:
    """A figure, a proportion in words or a stance, found in one cluster's wording."""

    cluster: int  # index into the sorted clusters
    group: tuple[object, ...]  # what the claim is about: only claims of one group are compared
    subject: str  # the group, as the editor reads it
    low: float = 0.0
    high: float = 0.0
    worded: bool = False  # a proportion in words ("most patients"), not a number
    positive: bool = False  # for stances
    quote: str = ""  # the words the claim rests on, as written


@dataclass(frozen=True)
class _Term:
    """A key term with its pattern; an alias matches only where the clause names its tail."""

    name: str
    pattern: re.Pattern[str]
    tail: re.Pattern[str] | None = None


def find_conflicts(clusters: Sequence[Cluster], key_terms: Sequence[str] = ()) -> tuple[Conflict, ...]:
    """List pairs of clusters that disagree: different figures, opposite evaluations, or certainty vs hedge."""
    ordered = sorted(clusters, key=lambda c: (c.canonical.source, c.canonical.line, c.id))
    terms = _compile_terms(key_terms)
    groups: dict[tuple[object, ...], list[_Claim]] = defaultdict(list)
    for index, cluster in enumerate(ordered):
        for claim in _claims(index, cluster.canonical.text, terms):
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
        elif a.worded or b.worded:
            if a.high < b.low or b.high < a.low:
                yield "certainty", a, b
        elif not (_same(a.low, b.low) and _same(a.high, b.high)):
            yield "numbers", a, b


def _same(x: float, y: float) -> bool:
    """Two bounds are the same figure, allowing for rounding and unit conversion."""
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


def _claims(index: int, text: str, terms: Sequence[_Term]) -> Iterator[_Claim]:
    """Every figure, proportion and stance in one wording."""
    if text.rstrip().endswith("?"):
        return  # a question states nothing
    for clause in _clauses(text.replace("’", "'")):
        found = _terms_in(clause, terms)
        names = tuple(sorted({name for name, _ in found}))
        yield from _figures(index, clause, names)
        yield from _stances(index, clause, found)


def _clauses(text: str) -> list[str]:
    """Cut a wording where its subject may change."""
    return [part.strip(" ,") for part in _CLAUSE_BREAK.split(text) if part and part.strip(" ,")]


def _figures(index: int, clause: str, names: tuple[str, ...]) -> Iterator[_Claim]:
    """Numbers with a unit and proportions in words, each with the aspect it quantifies."""
    tokens = _content_tokens(clause)
    negations = [m.start() for m in _NEGATOR.finditer(clause) if not _not_all(clause, m.end())]
    taken: list[tuple[int, int]] = []
    for span, dimension, noun, low, high, quote, worded in _numbers(clause):
        if any(s < span[1] and span[0] < e for s, e in taken):
            continue
        taken.append(span)
        negated = any(p < span[0] for p in negations)
        if worded and negated:
            if quote.lower().startswith(("all", "every")):
                low, high, quote = 0.0, 99.9, "not " + quote
            else:
                continue
        elif negated:
            continue  # "does not work in 60%" says nothing simple about the other 40%
        window = COUNT_WINDOW if dimension == "patients" else WINDOW
        aspect = _nearest(clause, tokens, span, _ASPECTS[dimension], window)
        if not aspect:
            continue
        modifier = _nearest(clause, tokens, span, _MODIFIERS.get(aspect, {}), window)
        label = _label(dimension, noun, f"{modifier} {aspect}".strip(), names)
        group = (dimension, noun, modifier, aspect, names)
        yield _Claim(index, group, label, low, high, worded, quote=quote)


def _numbers(clause: str) -> Iterator[tuple[tuple[int, int], str, str, float, float, str, bool]]:
    """(span, dimension, noun, low, high, quote, worded) for each figure, ranges first."""
    for m in _RANGE.finditer(clause):
        if m["sep"].lower() == "and" and not (m["pre"] or "").lower().startswith("between"):
            continue
        dimension, factor = _unit(m["unit"])
        first_factor = _unit(m["ua"])[1] if m["ua"] and _unit(m["ua"])[0] == dimension else factor
        low = _value(m["a"]) * first_factor
        high = math.inf if m["open"] else _value(m["b"]) * factor
        yield m.span(), dimension, _noun(clause, m.end(), dimension), low, high, m[0], False
    for m in _FRACTION.finditer(clause):
        a, b = _value(m["a"]), _value(m["b"])
        if 0 < a <= b:
            yield m.span(), "percent", _noun(clause, m.end(), "percent"), 100 * a / b, 100 * a / b, m[0], False
    for m in _SINGLE.finditer(clause):
        dimension, factor = _unit(m["unit"])
        value = _value(m["a"]) * factor
        qual = (m["qual"] or "").strip().lower()
        low, high = value, value
        if qual in ("more than", "greater than", "over", "above", "at least"):
            high = 100.0 if dimension == "percent" else math.inf
        elif qual:
            low = 0.0
        yield (m.start("a"), m.end()), dimension, _noun(clause, m.end(), dimension), low, high, m[0].strip(), False
    for m in _QUANTIFIER.finditer(clause):
        low, high = _QUANTITIES.get(m["q"].lower(), _MINORITY)
        yield m.span(), "percent", "patients", low, high, m[0], True


def _unit(word: str) -> tuple[str, float]:
    """Dimension and factor of a unit as written ("Weeks" -> ("long time", 7))."""
    key = " ".join(word.lower().split())
    key = key if key in _UNITS else key.removesuffix("s")
    return _UNITS[key]


def _value(word: str) -> float:
    """A number as written: digits ("11,640", "2.5") or a word ("three")."""
    word = word.lower()
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word])
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", word):  # 11,640 or 1,250.5
        word = word.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", word):  # 1.250.000
        word = word.replace(".", "")
    word = word.replace(",", ".")  # 2,5 (decimal comma)
    return float(word) if word.count(".") <= 1 else float(word.replace(".", ""))


def _noun(clause: str, end: int, dimension: str) -> str:
    """What a percentage is a share of: patients unless it says otherwise ("30% of tumours")."""
    if dimension != "percent":
        return ""
    m = re.match(r"\s+of\s+(?:the\s+|these\s+)?([^\W\d_]+)", clause[end:])
    if m is None or m[1].lower() in _PEOPLE:
        return "patients"
    return m[1].lower()


def _label(dimension: str, noun: str, aspect: str, names: tuple[str, ...]) -> str:
    """A group as the editor reads it: "melanoma: % of patients (response)"."""
    if dimension == "percent":
        label = f"% of {noun} ({aspect})"
    elif dimension == "patients":
        label = f"number of patients ({aspect})"
    else:
        label = aspect
    return f"{', '.join(names)}: {label}" if names else label


def _content_tokens(clause: str) -> list[int]:
    """Start offsets of the clause's content words (stopwords do not count as distance)."""
    return [m.start() for m in _TOKEN.finditer(clause) if m[0].lower() not in _STOP]


def _nearest(clause: str, tokens: list[int], span: tuple[int, int], cues: dict[str, str], window: int) -> str:
    """The label of the cue nearest to span, within window content words; "" if none."""
    lo = bisect_right(tokens, span[0] - 1)  # content words before the span
    hi = bisect_right(tokens, span[1] - 1)  # content words starting before its end
    best: tuple[int, int, str] | None = None
    for rank, (label, pattern) in enumerate(cues.items()):
        for m in re.finditer(pattern, clause, re.IGNORECASE):
            if span[0] <= m.start() < span[1]:
                continue
            at = bisect_right(tokens, m.start()) - 1
            distance = lo - at if at < lo else at - hi + 1
            if distance <= window and (best is None or (distance, rank) < best[:2]):
                best = (distance, rank, label)
    return best[2] if best else ""


def _stances(index: int, clause: str, found: list[tuple[str, int]]) -> Iterator[_Claim]:
    """A positive or negative evaluation of the key terms the clause applies it to."""
    if not found or _CONDITIONAL.search(clause):
        return
    positive = [m for m in _POSITIVE.finditer(clause) if not _negated(clause, m.start())]
    negated = [m for m in _POSITIVE.finditer(clause) if _negated(clause, m.start())]
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


def _negated(clause: str, at: int) -> bool:
    """True when a negation stands a few words before position at ("is not conclusive")."""
    return _negation_start(clause, at) < at


def _negation_start(clause: str, at: int) -> int:
    """Where the negation before position at begins, or at itself if there is none."""
    before = clause[:at]
    words = list(_TOKEN.finditer(before))[-NEGATION_WINDOW:]
    start = words[0].start() if words else at
    for m in _NEGATOR.finditer(before, start):
        if not _not_all(clause, m.end()) and not re.match(r"\s+only\b", clause[m.end() :], re.IGNORECASE):
            return m.start() if m[0].lower() != "n't" else before.rfind(" ", 0, m.start()) + 1
    return at


def _not_all(clause: str, end: int) -> bool:
    """True when a negation ending at end reads "not all" / "not every" / "not always"."""
    return bool(re.match(r"\s+(?:all|every|always)\b", clause[end:], re.IGNORECASE))


def _terms_in(clause: str, terms: Sequence[_Term]) -> list[tuple[str, int]]:
    """(term, offset) for every key term the clause names, aliases included."""
    found = []
    for term in terms:
        if term.tail is not None and not term.tail.search(clause):
            continue
        found += [(term.name, m.start()) for m in term.pattern.finditer(clause)]
    return sorted(found, key=lambda f: (f[1], f[0]))


def _compile_terms(key_terms: Sequence[str]) -> list[_Term]:
    """Key terms match at a word start (short ones as whole words), as in dedupe.

    A term ending in a word other terms also end in ("breast cancer", "lung cancer")
    also matches its distinctive part ("breast") where the clause names the tail or a
    synonym ("prostate and breast tumours"), unless that part occurs in another term.
    """
    names = sorted({t.casefold().strip() for t in key_terms if t.strip()})
    compiled = [_Term(n, _word(n, whole=len(n) <= 3)) for n in names]
    tails: dict[str, int] = defaultdict(int)
    for name in names:
        if " " in name:
            tails[name.rsplit(" ", 1)[1]] += 1
    words_elsewhere: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for word in name.split():
            words_elsewhere[word].add(name)
    for name in names:
        if " " not in name:
            continue
        head, tail = name.rsplit(" ", 1)
        if tails[tail] < 2 or len(head) <= 3 or any(words_elsewhere[w] - {name} for w in head.split()):
            continue
        synonyms = _TAIL_SYNONYMS.get(tail, r"\b" + re.escape(tail))
        compiled.append(_Term(name, _word(head, whole=True), re.compile(synonyms, re.IGNORECASE)))
    return compiled


def _word(phrase: str, whole: bool) -> re.Pattern[str]:
    """A phrase at a word start; whole: also at a word end."""
    return re.compile(r"\b" + re.escape(phrase) + (r"\b" if whole else ""), re.IGNORECASE)
