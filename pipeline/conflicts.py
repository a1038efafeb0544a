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
   - figures: a number or range with its unit (%, "1 in 5", minutes, days to years,
     patients, °C and °F converted to °C) and the aspect named by the nearest cue word
     within a few content words ("respond", "side effects", "every", "lasts", "each
     treatment takes", "fever", "temperature" ...); a figure without an aspect, or in a
     negated clause, is not compared. A bound ("above 37.5°C", "38°C (100.4°F) or higher")
     makes a temperature a threshold, compared only with thresholds pointing the same way;
   - proportions in words ("all patients", "most", "a minority of", "few", "not all"),
     filed like percentages of patients;
   - stances: a positive evaluation ("effective", "promising results", "reference
     therapy") or a negative one ("not conclusive", "does not work", "ineffective")
     about the key terms it names after the cue or after "for"/"in" ("less effective" and
     "not more effective" are comparisons, no stance).
   Each sentence piece (cut at sentence ends and contrast words, not at "than") yields
   - comparisons of two treatments on side effects or effectiveness: "X causes fewer side
     effects than Y", "compared with Y, X is better tolerated", "X is not always gentler
     than Y". A treatment is a "...therapy" word or a modifier with a head ("targeted drugs"
     and "targeted therapies" are both "targeted therapy"); vague ones ("other drugs",
     "these treatments") and pronouns are not compared.
3. Groups: (unit, aspect, key terms of the clause) for figures and proportions, leaving
   out a key term that is the aspect's own cue ("fever"); (key term, the clause's other
   key terms before the cue) for stances; (aspect, the pair of treatments, other key
   terms) for comparisons. Synonyms, when given, make one subject of a group of words.
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
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import PurePosixPath

from .models import Cluster, Conflict

KINDS = ("negation", "numbers", "certainty")  # when a pair disagrees in several ways, the first wins
TOLERANCE = 0.05  # relative difference below which two figures are the same (6 months = 26 weeks)
# Absolute differences below which two figures are the same, where a relative one makes no
# sense: 100°F is 37.8°C, so a Fahrenheit figure rounded to a whole degree is within 0.25°C.
ABSOLUTE_TOLERANCE = {"temperature": 0.25}
WINDOW = 5  # content words between a figure and the cue word naming its aspect
COUNT_WINDOW = 2  # tighter for counts of patients, which are mostly study sizes
NEGATION_WINDOW = 5  # words between a negation and the evaluation it negates
SUBJECT_WINDOW = 6  # words between a treatment and its comparative ("are not always gentler")

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_NUM = r"(?:\d+(?:[.,]\d+)*|" + "|".join(_NUMBER_WORDS) + r")"
_TIME_OR_PERCENT = r"(?:%|per ?cent\b|minutes?\b|mins?\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b)"
_DEGREES = r"(?:[°º˚]\s?[CF]\b|℃|℉|degrees?\s+(?:celsius|centigrade|fahrenheit|[CF]\b))"
_UNIT = rf"(?:{_TIME_OR_PERCENT}|patients?\b|people\b|persons\b|{_DEGREES})"
# unit -> (dimension, factor to the dimension's base unit); temperatures are in °C, see _measure
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
    r"(?P<qual>(?:more|greater|higher|fewer|less|lower) than\s+|over\s+|above\s+|under\s+|below\s+|at least\s+|at most\s+|up to\s+)?"
    + _START + rf"(?P<a>{_NUM})\s*(?P<unit>{_UNIT})"
    # "38°C (100.4°F) or higher": a bound after the figure, past a conversion in brackets
    r"(?P<post>(?:\s*\([^()]{0,40}\))?,?\s+or\s+(?P<dir>higher|more|above|over|greater|lower|less|below|under)\b)?",
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
        "length of a session": r"\bsessions?\b|\binfusions?\b|\binjections?\b|(?<!the )\blasts?\b|\bduration\b"
        # "each treatment takes 15 minutes"; not "it takes 20 minutes to get here"
        r"|\b(?:treatments?|visits?|appointments?|procedures?|doses?)\s+(?:\w+\s+)?(?:takes?|took)\b",
        "time between sessions": r"\bevery\b|\bintervals?\b|\bapart\b",
    },
}
_ASPECTS["patients"] = _ASPECTS["percent"]
# A body temperature is a threshold (call above it), so thresholds are compared per direction.
_ASPECTS["temperature"] = {"body temperature": r"\bfever|\bfebrile\b|\bpyrexi|\btemperatures?\b|\bthermometer"}
# Qualifiers that make two figures about "side effects" or "response" different subjects.
_MODIFIERS = {
    "side effects": {
        "severe": r"\bsevere|\bserious|\blife-threatening|\bgrade [345]\b",
        "mild": r"\bmild|\bmoderate\b|\bminor\b",
    },
    "response": {"complete": r"\bcomplete\b", "partial": r"\bpartial\b"},
    "body temperature": {
        "normal": r"\bnormal\b|\busual\b|\baverage\b|\bhealthy\b",
        "storage": r"\broom\b|\bstor(?:e|ed|age|ing)\b|\bfridge\b|\brefrigerat",
    },
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
_COMPARATIVE_CUE = re.compile(r"\b(?:more|less|as|so)\s+$", re.IGNORECASE)
_UNIVERSAL = re.compile(r"\b(?:all|every|always)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that|where|when)\b", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\b(?:if|whether|unless)\b", re.IGNORECASE)
_TARGET_MARK = re.compile(r"\b(?:for|in|against)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r"[;:?!]|(?<=\.)\s+|\s[-–—]\s|\b(?:but|however|whereas|while|although|though|unlike|nevertheless"
    r"|nonetheless|on the other hand|in contrast|compared (?:to|with)|versus|vs\.?"
    # "than" starts a new subject, except in a bound: "higher than 38°C", "more than 20%"
    rf"|(?<!more )(?<!less )(?<!fewer )(?<!greater )(?<!higher )(?<!lower )than(?!\s+{_NUM}\b))\b",
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

# Comparisons of two treatments: aspect -> (X is better than Y, X is worse than Y).
_COMPARATIVES = {
    aspect: re.compile(rf"\b(?:(?P<better>{better})|(?P<worse>{worse}))\b", re.IGNORECASE)
    for aspect, (better, worse) in {
        "side effects": (
            (
                r"fewer (?:and (?:milder|less severe) )?(?:side[- ]effects|adverse (?:effects|events)|complications)"
                r"|less (?:severe |serious )?(?:side[- ]effects|toxic|toxicity|harsh)|milder|gentler|safer"
                r"|better tolerated|easier to tolerate|more tolerable|lower toxicity"
            ),
            (
                r"more (?:severe |serious )?(?:side[- ]effects|adverse (?:effects|events)|complications)|more toxic"
                r"|more toxicity|harsher|worse tolerated|less (?:well )?tolerated|harder to tolerate|less tolerable"
                r"|higher toxicity"
            ),
        ),
        "effectiveness": (
            r"more (?:effective|efficacious|successful)|works? better|better (?:results|outcomes)",
            r"less (?:effective|efficacious|successful)|works? less well|(?:worse|poorer) (?:results|outcomes)",
        ),
    }.items()
}  # fmt: skip
_THAN = re.compile(r"(?:\s+[\w-]+){0,3}?\s+than\b", re.IGNORECASE)  # "gentler on the body than"
_COMPARED = re.compile(r"\b(?:compared (?:to|with)|in comparison (?:to|with)|relative to|versus|vs\.?)(?=\s)", re.IGNORECASE)
_COMPARISON_BREAK = re.compile(
    r"[;:?!]|(?<=\.)\s+|\s[-–—]\s|\b(?:but|however|whereas|while|although|though|nevertheless|nonetheless"
    r"|on the other hand|in contrast)\b",
    re.IGNORECASE,
)
# A treatment: "chemotherapy", "targeted drugs", "hormone therapy", "checkpoint inhibitors".
_THERAPY_WORD = r"[^\W\d_]*therap(?:y|ies)|chemo|surgery|radiation"
_GENERIC_HEAD = r"therap(?:y|ies)|drugs?|treatments?|medicines?|medications?|agents?"
_TREATMENT = re.compile(
    rf"\b(?:(?P<mod>[^\W\d_][\w-]*)\s+)?(?P<head>{_GENERIC_HEAD}|inhibitors?|antibod(?:y|ies)|vaccines?)\b"
    rf"|\b(?P<word>{_THERAPY_WORD})\b",
    re.IGNORECASE,
)
# Words that do not tell one treatment from another ("other drugs", "standard treatment").
_VAGUE = frozenset(
    """other new newer older old modern standard traditional conventional classic classical current existing
    usual several different same similar certain various cancer anti-cancer anticancer each every both either
    all many most""".split()
)
_SOFT_NEGATION = re.compile(r"\s+(?:always|necessarily|all|every|universally)\b", re.IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:often|usually|generally|mostly|typically|frequently|sometimes|tends?|may|might|can|could|some|many"
    r"|most|certain|several|in general)\b",
    re.IGNORECASE,
)
_COMBINED = re.compile(r"\s+(?:with|plus|alongside|(?:combined|together) with)\s+", re.IGNORECASE)


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


@dataclass(frozen=True)
class _Mention:
    """A treatment named in a piece of text, with the name comparisons are grouped by."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class _Term:
    """A key term with its pattern; an alias matches only where the clause names its tail."""

    name: str
    pattern: re.Pattern[str]
    tail: re.Pattern[str] | None = None


def find_conflicts(
    clusters: Sequence[Cluster], key_terms: Sequence[str] = (), *, synonyms: Sequence[Sequence[str]] = ()
) -> tuple[Conflict, ...]:
    """List pairs of clusters that disagree: different figures, opposite evaluations, or certainty vs hedge.

    synonyms: groups of words that mean the same, the first preferred ("radiotherapy",
    "radiation therapy"); key terms and treatments of one group are one subject.
    """
    ordered = sorted(clusters, key=lambda c: (c.canonical.source, c.canonical.line, c.id))
    fold = {word.casefold(): group[0].casefold() for group in synonyms for word in group[1:]}
    terms = _compile_terms(key_terms, fold)
    groups: dict[tuple[object, ...], list[_Claim]] = defaultdict(list)
    for index, cluster in enumerate(ordered):
        for claim in _claims(index, cluster.canonical.text, terms, fold):
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


def _claims(index: int, text: str, terms: Sequence[_Term], fold: Mapping[str, str]) -> Iterator[_Claim]:
    """Every figure, proportion, stance and comparison in one wording."""
    if text.rstrip().endswith("?"):
        return  # a question states nothing
    text = text.replace("’", "'")
    for clause in _clauses(text):
        found = _terms_in(clause, terms)
        names = tuple(sorted({name for name, _ in found}))
        yield from _figures(index, clause, names)
        yield from _stances(index, clause, found)
    # Comparisons span "than", where clauses are cut, so they are read from larger pieces.
    for piece in _COMPARISON_BREAK.split(text):
        if piece and piece.strip():
            yield from _comparisons(index, piece, terms, fold)


def _comparisons(index: int, piece: str, terms: Sequence[_Term], fold: Mapping[str, str]) -> Iterator[_Claim]:
    """ "X causes fewer side effects than Y", "X is not always gentler than Y": grouped by aspect and pair."""
    mentions = [_Mention(m.start(), m.end(), name) for m in _TREATMENT.finditer(piece) if (name := _treatment(m, fold))]
    if len(mentions) < 2:
        return
    for aspect, pattern in sorted(_COMPARATIVES.items()):
        for comp in pattern.finditer(piece):
            if (compared := _compared(piece, comp, mentions)) is None:
                continue
            subject, objects = compared
            gap = piece[subject.end : comp.start()]
            negator = _NEGATOR.search(gap)
            soft = negator is not None and bool(_SOFT_NEGATION.match(gap, negator.end()))
            hedged = soft or bool(_HEDGE.search(piece))  # "often", "in some patients"
            spans = [(m.start, m.end) for m in (subject, *objects)]
            others = {n for n, at in _terms_in(piece, terms) if not any(s <= at < e for s, e in spans)}
            names = tuple(sorted(others))
            for obj in objects:
                first, second, positive = subject.name, obj.name, comp["better"] is not None
                if first == second:
                    continue
                if second < first:  # "Y is harsher than X" is "X is gentler than Y"
                    first, second, positive = second, first, not positive
                label = f"{aspect}: {first} vs {second}"
                label = f"{', '.join(names)}: {label}" if names else label
                quote = piece[min(subject.start, obj.start) : max(comp.end(), obj.end)]
                group = ("comparison", aspect, first, second, names)
                yield _Claim(index, group, label, positive=positive, negated=negator is not None, hedged=hedged, quote=quote)


def _compared(piece: str, comp: re.Match[str], mentions: list[_Mention]) -> tuple[_Mention, list[_Mention]] | None:
    """The treatment a comparative is said of and those it is compared with, or None."""
    marker = _THAN.match(piece, comp.end()) or _COMPARED.search(piece)
    objects = _objects(piece, marker.end(), mentions) if marker else []
    before = [m for m in mentions if m.end <= comp.start() and m not in objects]
    if not objects or not before:
        return None
    subject = before[-1]
    gap = piece[subject.end : comp.start()]
    if len(_TOKEN.findall(gap)) > SUBJECT_WINDOW or re.search(r"\bthan\b", gap, re.IGNORECASE):
        return None
    if any(_COMBINED.fullmatch(piece, m.end, subject.start) for m in mentions):
        return None  # "chemotherapy with immunotherapy is more effective" is about a combination
    return subject, objects


def _objects(piece: str, at: int, mentions: Sequence[_Mention]) -> list[_Mention]:
    """The treatments a comparison is made with: the first within three words of at, and those joined to it."""
    found: list[_Mention] = []
    listed: list[_Mention] = []  # joined by commas only: kept if the list ends with "and"/"or"
    for m in (m for m in mentions if m.start >= at):
        between = piece[(listed or found)[-1].end if found else at : m.start]
        if not found and len(_TOKEN.findall(between)) <= 3:
            found.append(m)
        elif found and re.fullmatch(r"\s*,?\s*(?:and|or)\s+", between, re.IGNORECASE):
            found += [*listed, m]
            listed = []
        elif found and re.fullmatch(r"\s*,\s*", between):
            listed.append(m)
        else:
            break
    return found


def _treatment(m: re.Match[str], fold: Mapping[str, str]) -> str:
    """The name a treatment is grouped by ("targeted drugs" -> "targeted therapy"); "" if too vague."""
    if m["word"]:
        name = _singular(m["word"].casefold())
    else:
        mod, head = (m["mod"] or "").casefold(), m["head"].casefold()
        if not mod or mod in _STOP or mod in _VAGUE:
            return ""
        if re.fullmatch(_THERAPY_WORD, mod):  # "chemotherapy drugs"
            name = _singular(mod)
        elif re.fullmatch(_GENERIC_HEAD, head):
            name = f"{mod} therapy"
        else:
            name = f"{mod} {_singular(head)}"
    written = " ".join(m[0].casefold().split())
    return fold.get(written, fold.get(name, name))


def _singular(word: str) -> str:
    """ "therapies" -> "therapy", "inhibitors" -> "inhibitor"."""
    return word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")


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
        # a key term that is a cue word of the aspect ("fever") names the aspect, not a subject
        cue = re.compile(rf"(?:{_ASPECTS[dimension][aspect]})\w*", re.IGNORECASE)
        subjects = tuple(n for n in names if not cue.fullmatch(n))
        label = _label(dimension, noun, f"{modifier} {aspect}".strip(), subjects)
        group = (dimension, noun, modifier, aspect, subjects)
        yield _Claim(index, group, label, low, high, worded, quote=quote)


def _numbers(clause: str) -> Iterator[tuple[tuple[int, int], str, str, float, float, str, bool]]:
    """(span, dimension, noun, low, high, quote, worded) for each figure, ranges first."""
    for m in _RANGE.finditer(clause):
        if m["sep"].lower() == "and" and not (m["pre"] or "").lower().startswith("between"):
            continue
        dimension, high = _measure(m["b"] or "0", m["unit"])
        first_unit = m["ua"] if m["ua"] and _measure("0", m["ua"])[0] == dimension else m["unit"]
        low = _measure(m["a"], first_unit)[1]
        high = math.inf if m["open"] else high
        yield m.span(), dimension, _noun(clause, m.end(), dimension), low, high, m[0], False
    for m in _FRACTION.finditer(clause):
        a, b = _value(m["a"]), _value(m["b"])
        if 0 < a <= b:
            yield m.span(), "percent", _noun(clause, m.end(), "percent"), 100 * a / b, 100 * a / b, m[0], False
    for m in _SINGLE.finditer(clause):
        dimension, value = _measure(m["a"], m["unit"])
        qual = (m["qual"] or m["dir"] or "").strip().lower()
        low, high = value, value
        if qual in ("more than", "greater than", "higher than", "over", "above", "at least", "higher", "more", "greater"):
            high = 100.0 if dimension == "percent" else math.inf
        elif qual:
            low = -math.inf if dimension == "temperature" else 0.0
        noun = _noun(clause, m.end(), dimension) if dimension != "temperature" else _direction(low, high)
        yield (m.start("a"), m.end()), dimension, noun, low, high, m[0].strip(), False
    for m in _QUANTIFIER.finditer(clause):
        low, high = _QUANTITIES.get(m["q"].lower(), _MINORITY)
        yield m.span(), "percent", "patients", low, high, m[0], True


def _measure(number: str, unit: str) -> tuple[str, float]:
    """Dimension and value in its base unit of a figure as written ("3", "Weeks" -> ("long time", 21))."""
    key = " ".join(unit.lower().split())
    if re.search(r"[°º˚℃℉]|degree", key):  # temperatures in °C; Fahrenheit has an offset
        value = _value(number)
        return "temperature", (value - 32) * 5 / 9 if re.search(r"f|℉", key) else value
    key = key if key in _UNITS else key.removesuffix("s")
    dimension, factor = _UNITS[key]
    return dimension, _value(number) * factor


def _direction(low: float, high: float) -> str:
    """Which way a temperature threshold points: "above 38°C", "below 36°C", or "" for a value."""
    return "above" if high == math.inf else "below" if low == -math.inf else ""


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
    elif dimension == "temperature" and noun:
        label = f"{aspect} ({noun} a threshold)"
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


def _compile_terms(key_terms: Sequence[str], fold: Mapping[str, str] | None = None) -> list[_Term]:
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
    fold = fold or {}
    return [_Term(fold.get(t.name, t.name), t.pattern, t.tail) for t in compiled]


def _word(phrase: str, whole: bool) -> re.Pattern[str]:
    """A phrase at a word start; whole: also at a word end."""
    return re.compile(r"\b" + re.escape(phrase) + (r"\b" if whole else ""), re.IGNORECASE)
