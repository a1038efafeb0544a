"""Comparisons of two treatments on side effects or effectiveness, read from one piece of a wording.

A piece is a sentence or part of one, cut at sentence ends and contrast words but not at
"than", so that "X causes fewer side effects than Y", "compared with Y, X is better tolerated"
and "X is not always gentler than Y" are read whole. A treatment is a "...therapy" word or a
modifier with a head ("targeted drugs" and "targeted therapies" are both "targeted therapy");
vague ones ("other drugs", "these treatments") and pronouns are not compared. Each comparison is
filed under its aspect, the pair of treatments in alphabetical order ("Y is harsher than X" is
"X is gentler than Y") and the other key terms of the piece, and records whether it is negated
("is not gentler") or hedged ("often", "some", "not always"), which pipeline/conflicts.py needs
to tell a contradiction from a qualified agreement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from pipeline.review.quantities import NEGATOR, STOP, TOKEN

SUBJECT_WINDOW = 6  # words between a treatment and its comparative ("are not always gentler")

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
class Comparison:
    """One treatment said to be better or worse than another on one aspect."""

    group: tuple[object, ...]  # ("comparison", aspect, first treatment, second treatment, other key terms)
    subject: str  # the group, as the editor reads it
    positive: bool  # the first treatment of the group is the better one
    negated: bool  # "is not gentler than"
    hedged: bool  # "is often gentler", "is not always gentler"
    quote: str  # the words the comparison rests on, as written


@dataclass(frozen=True)
class _Mention:
    """A treatment named in a piece of text, with the name comparisons are grouped by."""

    start: int
    end: int
    name: str


def pieces(text: str) -> list[str]:
    """Cut a wording where a comparison cannot continue (not at "than", unlike clauses)."""
    return [piece for piece in _COMPARISON_BREAK.split(text) if piece and piece.strip()]


def comparisons(piece: str, found: Sequence[tuple[str, int]], fold: Mapping[str, str]) -> Iterator[Comparison]:
    """ "X causes fewer side effects than Y", "X is not always gentler than Y": grouped by aspect and pair.

    found: (key term, offset) for every key term the piece names; fold: synonym -> preferred word
    (the scheme's Vocabulary.preferred).
    """
    mentions = [_Mention(m.start(), m.end(), name) for m in _TREATMENT.finditer(piece) if (name := _treatment(m, fold))]
    if len(mentions) < 2:
        return
    for aspect, pattern in sorted(_COMPARATIVES.items()):
        for comp in pattern.finditer(piece):
            if (compared := _compared(piece, comp, mentions)) is None:
                continue
            subject, objects = compared
            gap = piece[subject.end : comp.start()]
            negator = NEGATOR.search(gap)
            soft = negator is not None and bool(_SOFT_NEGATION.match(gap, negator.end()))
            hedged = soft or bool(_HEDGE.search(piece))  # "often", "in some patients"
            spans = [(m.start, m.end) for m in (subject, *objects)]
            others = {n for n, at in found if not any(s <= at < e for s, e in spans)}
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
                yield Comparison(group, label, positive, negated=negator is not None, hedged=hedged, quote=quote)


def _compared(piece: str, comp: re.Match[str], mentions: list[_Mention]) -> tuple[_Mention, list[_Mention]] | None:
    """The treatment a comparative is said of and those it is compared with, or None."""
    marker = _THAN.match(piece, comp.end()) or _COMPARED.search(piece)
    objects = _objects(piece, marker.end(), mentions) if marker else []
    before = [m for m in mentions if m.end <= comp.start() and m not in objects]
    if not objects or not before:
        return None
    subject = before[-1]
    gap = piece[subject.end : comp.start()]
    if len(TOKEN.findall(gap)) > SUBJECT_WINDOW or re.search(r"\bthan\b", gap, re.IGNORECASE):
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
        if not found and len(TOKEN.findall(between)) <= 3:
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
        if not mod or mod in STOP or mod in _VAGUE:
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
