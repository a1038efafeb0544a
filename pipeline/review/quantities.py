"""Figures in a clause: numbers with their unit and proportions in words, each with the aspect it quantifies.

A figure is a number or range with its unit (%, "1 in 5", minutes, days to years, patients,
°C and °F converted to °C) and the aspect named by the nearest cue word within a few content
words ("respond", "side effects", "every", "lasts", "each treatment takes", "fever",
"temperature" ...); a figure without an aspect, or in a negated clause, is not compared. A
bound ("above 37.5°C", "38°C (100.4°F) or higher") makes a temperature a threshold, compared
only with thresholds pointing the same way. Proportions in words ("all patients", "most", "a
minority of", "few", "not all") are filed like percentages of patients. The words a clause is
counted in (tokens, stopwords) and its negations are defined here too, and shared with the
stances of pipeline/conflicts.py and with pipeline/comparisons.py.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

WINDOW = 5  # content words between a figure and the cue word naming its aspect
COUNT_WINDOW = 2  # tighter for counts of patients, which are mostly study sizes

# The words of a clause: content words measure distances, a negator cancels or reverses a claim.
TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*|%")
STOP = frozenset(
    """a an the of to in on at for with by from and or as is are was were be been being has have had will would
    may might can could should must it its this that these those their them they which who whom whose than then
    there here such also only very more most less some any our your his her he she we i you among about into
    over under after before during so not no""".split()
)
NEGATOR = re.compile(r"\b(?:not|no|never|cannot|neither|nor|hardly)\b|n't\b", re.IGNORECASE)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
NUM = r"(?:\d+(?:[.,]\d+)*|" + "|".join(_NUMBER_WORDS) + r")"
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
    _START + rf"(?P<pre>between\s+|from\s+)?(?P<a>{NUM})\s*(?P<ua>{_UNIT})?\s*(?P<sep>to|and|-|–|—)\s*"
    rf"(?:(?P<b>{NUM})|(?P<open>several|many|a few))\s*(?P<unit>{_UNIT})",
    re.IGNORECASE,
)
_SINGLE = re.compile(
    r"(?P<qual>(?:more|greater|higher|fewer|less|lower) than\s+|over\s+|above\s+|under\s+|below\s+|at least\s+|at most\s+|up to\s+)?"
    + _START + rf"(?P<a>{NUM})\s*(?P<unit>{_UNIT})"
    # "38°C (100.4°F) or higher": a bound after the figure, past a conversion in brackets
    r"(?P<post>(?:\s*\([^()]{0,40}\))?,?\s+or\s+(?P<dir>higher|more|above|over|greater|lower|less|below|under)\b)?",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    _START + rf"(?P<a>{NUM})\s+(?:in|out of)\s+(?P<b>{NUM})\b(?!\s*{_TIME_OR_PERCENT})", re.IGNORECASE
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


@dataclass(frozen=True)
class Figure:
    """A number or a proportion in words, filed under what it quantifies."""

    group: tuple[object, ...]  # (dimension, noun, modifier, aspect, key terms): figures of one group are compared
    subject: str  # the group, as the editor reads it
    low: float
    high: float
    worded: bool  # a proportion in words ("most patients"), not a number
    quote: str  # the words the figure rests on, as written


def figures(clause: str, names: tuple[str, ...]) -> Iterator[Figure]:
    """Numbers with a unit and proportions in words, each with the aspect it quantifies; names: the key terms."""
    tokens = _content_tokens(clause)
    negations = [m.start() for m in NEGATOR.finditer(clause) if not not_all(clause, m.end())]
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
        yield Figure(group, label, low, high, worded, quote)


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
    return [m.start() for m in TOKEN.finditer(clause) if m[0].lower() not in STOP]


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


def not_all(clause: str, end: int) -> bool:
    """True when a negation ending at end reads "not all" / "not every" / "not always"."""
    return bool(re.match(r"\s+(?:all|every|always)\b", clause[end:], re.IGNORECASE))
