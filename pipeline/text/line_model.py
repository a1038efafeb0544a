"""A second opinion on the lines cleaning keeps: a model learned from the labelled pages.

The rules in clean know the furniture they were written for; a new site brings its own (a
"Carer's story" box, a drug-price widget, a hospital's parking notes). The model, a logistic
regression over each line's words, shape and neighbours (and what the rules did with them),
was trained on the tuning half of eval/ (`handout train-model`, pipeline.evaluation.training);
it removes a kept line only when it is sure, the line's words are ones it has seen, and the
line is none of what the rules vouch for: the page's title, a heading over content, a list
under its lead-in, advice on when to call. Its weights live in furniture_model.json beside
this module, with the settings it was trained with.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.models import SourceLine
from pipeline.text.publisher_names import GENERIC_NAME_WORDS as _GENERIC
from pipeline.text.publisher_names import fold_name

MODEL_FILE = Path(__file__).with_name("furniture_model.json")
REASON = "site furniture, by the model learned from labelled pages"
THRESHOLD = 0.9  # how sure the model must be to remove a line the rules kept
KNOWN_MIN = 0.5  # share of a line's words the model must have seen to judge it
LONG_PARAGRAPH_WORDS = 25  # a paragraph of two sentences or more this long is never the model's to take

SITE = "<site>"  # a word of the page's own site name
_WORD = re.compile(r"[^\W\d_]+|\d+")
_PHONE = re.compile(r"\d[\d\s().-]{6,}\d")
_MARKERS = re.compile(r"^[\s#>*+\-•]+")
_END = ".!?:;,)\"”’…"
_SENTENCE_END = re.compile(r"\w[.!?][\"'”’)]*(\s|$)")
_WORD_COUNTS = ((0, "0"), (1, "1"), (3, "2-3"), (6, "4-6"), (12, "7-12"), (25, "13-25"))
_NEIGHBOURS = ((-1, "p"), (1, "n"), (-2, "pp"), (2, "nn"))
_OWN = ("w:", "first:", "first2:", "s:", "linked", "region:", "marked:", "site-repeat")  # the line's own features


@dataclass(frozen=True)
class LineModel:
    """Weights of a logistic regression over line features, and the words it was trained on."""

    weights: Mapping[str, float]
    vocabulary: frozenset[str]
    threshold: float = THRESHOLD
    language: str = "en"  # the language of the pages it learned from: it judges no other

    def probability(self, features: Sequence[str]) -> float:
        """How likely the line with these features is furniture (0..1)."""
        return sigmoid(sum(self.weights.get(feature, 0.0) for feature in features))

    def own_evidence(self, features: Sequence[str]) -> float:
        """The weight of the line's own words and form, without its place and neighbours:
        above 0 where the line itself reads as furniture."""
        return sum(self.weights.get(f, 0.0) for f in features if f.startswith(_OWN))

    def knows(self, text: str, site: frozenset[str] = frozenset()) -> bool:
        """Tell whether most of the line's words (of three letters or more: "#", "l'" or "si" say
        little of a language) were seen in training: else it abstains."""
        found = [w for w in words(text, site) if len(w) >= 3]
        return not found or sum(w in self.vocabulary for w in found) >= KNOWN_MIN * len(found)


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def words(text: str, site: frozenset[str] = frozenset()) -> list[str]:
    """Lower-case words; every number is '#', so a phone number or a price is one kind of word, and
    every word of the page's own site name is SITE, so the model learns "names its site", never a name."""
    return ["#" if w.isdigit() else SITE if w in site else w for w in _WORD.findall(text.casefold())]


def site_words(names: Sequence[str]) -> frozenset[str]:
    """The distinctive words of a site's names ("wattle" of "Wattle Cancer Council") and the names
    run together, as in its web address ("wattlecancercouncil", "wattlecancer")."""
    found: set[str] = set()
    for name in names:
        parts = _WORD.findall(fold_name(name))
        found.update(w for w in parts if len(w) >= 3 and w not in _GENERIC and not w.isdigit())
        found.update("".join(parts[:k]) for k in range(2, len(parts) + 1))
    return frozenset(found)


def _shape(raw: str) -> list[str]:
    """Length, ending and form of a line: what a reader sees before reading it."""
    text = _MARKERS.sub("", raw.strip()).strip()
    count = len(words(text))
    shape = ["len:" + next((name for most, name in _WORD_COUNTS if count <= most), "26+")]
    end = text[-1:]
    shape.append("end:" + (end if end and end in _END else "w" if end.isalnum() else "other"))
    if _PHONE.search(text):
        shape.append("phone")
    if any(sign in text for sign in "$€£"):
        shape.append("money")
    if "http" in text or "www." in text or "@" in text:
        shape.append("address")
    stripped = raw.lstrip()
    for mark, name in (("#", "heading-mark"), (">", "quote-mark"), ("|", "table")):
        if stripped.startswith(mark):
            shape.append(name)
    if re.match(r"[-*+•]\s", stripped):
        shape.append("bullet")
    if text[:1] in "\"“‘'":
        shape.append("quoted")
    tokens = text.split()
    if len(tokens) >= 2 and sum(t[:1].isupper() for t in tokens) >= 0.7 * len(tokens):
        shape.append("title-case")
    return shape


def page_features(lines: Sequence[SourceLine], removed: Mapping[int, str], wanted: Sequence[int] | None = None,
                  site: frozenset[str] = frozenset(), repeats: frozenset[int] = frozenset()) -> dict[int, list[str]]:
    """Features of the wanted non-blank lines (default all): each line's words, first words,
    shape, HTML box and place on the page, whether another page of its site prints it too, and
    its neighbours' shape, words and whether the rules removed them or the site repeats them.
    site: the words of the page's own site name (site_words); repeats: indexes of the lines
    another page of the site prints too."""
    found = [words(line.text, site) for line in lines]
    shapes = [_shape(line.text) for line in lines]
    return {i: _line_features(lines, removed, found, shapes, i, repeats)
            for i in (range(len(lines)) if wanted is None else wanted)}


def _line_features(lines: Sequence[SourceLine], removed: Mapping[int, str], found: list[list[str]],
                   shapes: list[list[str]], i: int, repeats: frozenset[int]) -> list[str]:
    line, own = lines[i], found[i]
    features = ["bias"]
    features += ["w:" + w for w in dict.fromkeys(own)]
    if own:
        features.append("first:" + own[0])
    if len(own) > 1:
        features.append("first2:" + own[0] + "_" + own[1])
    features += ["s:" + s for s in shapes[i]]
    if line.linked:
        features.append("linked")
    if line.region:
        features.append("region:" + line.region)
    if line.marked:
        features.append("marked:" + line.marked)
    if i in repeats:
        features.append("site-repeat")
    features.append("pos:%d" % min(9, int(10 * i / max(1, len(lines) - 1))))
    for step, tag in _NEIGHBOURS:
        j = i + step
        if not 0 <= j < len(lines):
            features.append(tag + ":edge")
            continue
        features += [tag + "s:" + s for s in shapes[j]]
        if abs(step) == 1:
            features += [tag + "w:" + w for w in dict.fromkeys(found[j])]
        features.append(tag + "rule:" + ("removed" if j in removed else "kept"))
        if abs(step) == 1 and j in repeats:
            features.append(tag + "repeat")
    return features


def second_opinion(lines: Sequence[SourceLine], removed: dict[int, str], vouched: set[int],
                   model: LineModel, site: frozenset[str] = frozenset(), repeats: frozenset[int] = frozenset()) -> None:
    """Remove the kept lines the model is sure are furniture, except those the rules vouch for.

    A heading (no final punctuation) is left when the kept lines under it read as content to
    the model: a section's heading is judged by its section.
    """
    kept = [i for i in range(len(lines)) if i not in removed]
    features = page_features(lines, removed, kept, site, repeats)
    chances = {i: model.probability(features[i]) for i in kept}
    found = {}
    for pos, i in enumerate(kept):
        text = lines[i].text.strip()
        if chances[i] <= model.threshold or i in vouched or not model.knows(text, site) \
                or model.own_evidence(features[i]) <= 0 \
                or _is_long_paragraph(text):  # its place and neighbours alone never take a line, nor a paragraph
            continue
        under = [chances[k] for k in kept[pos + 1:pos + 3]]
        if not re.search(r"[.!?][\"'”’)]*$", text) and under and min(under) < 0.5:
            continue
        found[i] = chances[i]
    for i, chance in found.items():
        removed[i] = f"{REASON} ({chance:.2f})"


def _is_long_paragraph(text: str) -> bool:
    """Two sentences or more, 25 words or more: a story's paragraph ("Marisol Ortega had braced
    herself for the worst. Before her first round ..."), which the rules judge alone."""
    return len(text.split()) >= LONG_PARAGRAPH_WORDS and len(_SENTENCE_END.findall(text)) >= 2


@cache
def load_model(path: Path = MODEL_FILE) -> LineModel | None:
    """The trained model, or None where none was trained (the rules then decide alone)."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return LineModel(weights=data["weights"], vocabulary=frozenset(data["vocabulary"]),
                     threshold=data.get("threshold", THRESHOLD), language=data.get("language", "en"))
