"""Which section a statement belongs under: a model learned from labelled pages, with the keywords.

Keywords alone place a statement by the words it happens to use, and a word means different
things in different sections ("call" in "we call these short-term effects"). The model, a naive
Bayes over the stems of the statement and of the source heading above it (heading words
weighing double: editors place by the page's own heading first), was trained on the section
labels of the tuning half of eval/ (`handout train-model`, pipeline.evaluation.training). Its
counts live in section_model.json beside this module.

A topic's scheme decides: the model chooses only among the topic's sections, and a section it
never learned (a topic's own, such as "Recovery after surgery") competes through its keywords.
Each section's score is the model's log-probability plus the keyword matches (compose.py); a
language the model was not trained on is placed by the keywords alone.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.text.keywords import word_stems

MODEL_FILE = Path(__file__).with_name("section_model.json")
HEADING_WEIGHT = 2.0  # a heading word counts twice a word of the statement
OUTER_WEIGHT = 1.0  # a word of the heading over that heading (an h2 over an h3) counts as one of the statement
SMOOTHING = 0.2  # chosen by placing tuning sites left out in turn (`make model`): 81.4% against 80.7% at 0.5
# Words that say nothing of a section (the dedupe stopwords would also drop "how", "what",
# "before" and "after", which headings use to name sections).
STOPWORDS = frozenset("""a an and are as at be been by can for from has have i if in into is it its
    of on or our so such than that the their them then there these they this those to was we
    were will with you your""".split())


@dataclass(frozen=True, eq=False)  # compared by identity: cached per loaded model
class SectionModel:
    """Per section: how many labelled statements, and how often each feature occurred in them."""

    counts: Mapping[str, Mapping[str, int]]  # section key -> feature -> occurrences
    statements: Mapping[str, int]  # section key -> labelled statements
    language: str = "en"

    def log_posteriors(self, features: Sequence[str], keys: Sequence[str]) -> dict[str, float]:
        """log P(section | features) for the given sections the model knows (empty: it knows none).

        The sections it knows share the probability their number's share of the scheme allows:
        knowing one section of three, the model never speaks for more than a third.
        """
        known = [key for key in keys if key in self.statements]
        if not known:
            return {}
        logs, vocabulary = _log_probabilities(self)
        floors = _floors(self)
        weighted = [(feature, _WEIGHTS.get(feature[:2], 1.0)) for feature in features if feature in vocabulary]
        total = sum(self.statements[key] for key in known)
        scores = {}
        for key in known:
            table, floor = logs[key], floors[key]
            scores[key] = math.log(self.statements[key] / total) + sum(
                weight * table.get(feature, floor) for feature, weight in weighted)
        top = max(scores.values())
        norm = top + math.log(sum(math.exp(s - top) for s in scores.values())) - math.log(len(known) / len(keys))
        return {key: score - norm for key, score in scores.items()}


def features(text: str, heading: str, language: str, name: frozenset[str] = frozenset(), outer: str = "") -> list[str]:
    """The stems of a statement, ("h:" + stem) of its heading and ("o:" + stem) of the heading over
    that one, without stopwords and the topic's name."""
    def stems(words: str, prefix: str) -> list[str]:
        return [prefix + s for s in word_stems(words, language) if s not in STOPWORDS and s not in name]

    return stems(text, "") + stems(heading, "h:") + stems(outer, "o:")


@cache
def load_section_model(path: Path = MODEL_FILE) -> SectionModel | None:
    """The trained model, or None when there is no model file (placement by keywords alone)."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return SectionModel(counts=data["counts"], statements=data["statements"], language=data["language"])


_WEIGHTS = {"h:": HEADING_WEIGHT, "o:": OUTER_WEIGHT}


@cache
def _log_probabilities(model: SectionModel) -> tuple[dict[str, dict[str, float]], frozenset[str]]:
    """Per section, log P(feature | section) of the features seen in it; and the vocabulary."""
    vocabulary = frozenset(feature for counts in model.counts.values() for feature in counts)
    logs = {}
    for key, counts in model.counts.items():
        size = sum(counts.values()) + SMOOTHING * len(vocabulary)
        logs[key] = {feature: math.log((count + SMOOTHING) / size) for feature, count in counts.items()}
    return logs, vocabulary


@cache
def _floors(model: SectionModel) -> dict[str, float]:
    """Per section, log P(feature | section) of a known feature never seen in it (smoothing)."""
    vocabulary = len(_log_probabilities(model)[1])
    return {key: math.log(SMOOTHING / (sum(counts.values()) + SMOOTHING * vocabulary))
            for key, counts in model.counts.items()}
