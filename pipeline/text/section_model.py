"""Which section a statement belongs under: a model learned from labelled pages, with the keywords.

Keywords alone place a statement by the words it happens to use, and a word means different
things in different sections ("call" in "we call these short-term effects"). The model has two
parts, both counted from the section labels of the tuning half of eval/ (`handout train-model`,
pipeline.evaluation.training; the counts live in section_model.json beside this module):
- a naive Bayes over the stems of the statement and of the source headings above it, each once;
- how a page's labelled statements follow each other: within a paragraph a statement all but
  always stays in the section of the one before it (the labels are per line: a paragraph's
  sentences share one); in the next paragraph under one heading it mostly does; after a new
  heading it moves more often, and to some sections more than others. best_path places a
  page's statements together (Viterbi), as an editor reads a page's passage as one, while a
  statement whose own words clearly say otherwise still leaves it.

A topic's scheme decides: the model chooses only among the topic's sections, and a section it
never learned (a topic's own, such as "Recovery after surgery") competes through its keywords.
Each section's score is the model's log-probability plus the keyword matches (compose.py); a
language the model was not trained on is placed by the keywords alone.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pipeline.text.keywords import word_stems

MODEL_FILE = Path(__file__).with_name("section_model.json")
STEPS = ("para", "same", "new")  # how a statement follows the one before it: step_between
HEADING_WEIGHT = 1.0  # a heading word counts as a word of the statement: the page's order (best_path) keeps passages together
OUTER_WEIGHT = 1.0  # a word of the heading over that heading (an h2 over an h3) counts as one of the statement
PRIOR_WEIGHT = 5.0  # statements' worth of belief in the plain stay-or-move prior against the counted transitions
SMOOTHING = 0.2  # chosen by placing tuning sites left out in turn (`make model`; eval/README.md)
# Naive Bayes counts each word as independent evidence, and a statement's words are not: its
# posteriors come out near 0 or 1, and the page's order (best_path) has no say. Its
# log-likelihoods count this much (chosen as SMOOTHING: sites left out in turn, 88.5% -> 89.3%).
LIKELIHOOD_WEIGHT = 0.4
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
    # How a page's labelled statements follow each other (STEPS): in one paragraph ("para"), in the
    # next paragraph under the same heading ("same"), after a new heading ("new"): previous
    # section key -> next section key -> times seen.
    transitions: Mapping[str, Mapping[str, Mapping[str, int]]] = field(default_factory=dict)
    # Section key -> labelled pages whose topic's scheme has the section. The prior is a page's
    # share of statements in each section: "side effects" is in every topic's scheme, "late
    # effects" in radiotherapy's only, and pooled counts would favour the first fourfold.
    pages: Mapping[str, int] = field(default_factory=dict)

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
        per_page = {key: self.statements[key] / self.pages.get(key, 1) for key in known}
        total = sum(per_page.values())
        scores = {}
        for key in known:
            table, floor = logs[key], floors[key]
            scores[key] = math.log(per_page[key] / total) + LIKELIHOOD_WEIGHT * sum(
                weight * table.get(feature, floor) for feature, weight in weighted)
        top = max(scores.values())
        norm = top + math.log(sum(math.exp(s - top) for s in scores.values())) - math.log(len(known) / len(keys))
        return {key: score - norm for key, score in scores.items()}

    def log_transition(self, previous: str, key: str, step: str, keys: Sequence[str]) -> float:
        """log P(key | previous) between neighbouring statements of a page, among the scheme's keys.

        The counts are backed off to how often a page stays in its section at all (PRIOR_WEIGHT
        statements' worth), so a section the model never saw (a topic's own) can still be entered.
        """
        step = _known_step(self, step)
        table = self.transitions.get(step, {})
        stay = _stay_share(self, step)
        prior = stay if key == previous else (1 - stay) / max(1, len(keys) - 1)
        row = table.get(previous, {})
        return math.log((row.get(key, 0) + PRIOR_WEIGHT * prior) / (sum(row.values()) + PRIOR_WEIGHT))

    def log_opening(self, key: str, keys: Sequence[str]) -> float:
        """log P(a page's first statement is in key), backed off to an even share of the scheme's keys."""
        opening = self.transitions.get("start", {}).get("", {})
        return math.log((opening.get(key, 0) + PRIOR_WEIGHT / len(keys)) / (sum(opening.values()) + PRIOR_WEIGHT))

    def best_path(self, scores: Sequence[Mapping[str, float]], steps: Sequence[str],
                  keys: Sequence[str]) -> list[str]:
        """The likeliest sections of a page's statements in order (Viterbi): each statement's
        scores plus the log-probability of moving from the previous statement's section.
        steps[i]: how statement i follows statement i - 1 (one of STEPS; step_between)."""
        if not scores:
            return []
        moves = {step: {(p, k): self.log_transition(p, k, step, keys) for p in keys for k in keys}
                 for step in set(steps[1:])}
        best = [{key: scores[0][key] + self.log_opening(key, keys) for key in keys}]
        back: list[dict[str, str]] = [{}]
        for i in range(1, len(scores)):
            best.append({})
            back.append({})
            move = moves[steps[i]]
            for key in keys:
                score, previous = max((best[i - 1][p] + move[p, key], p) for p in keys)
                best[i][key], back[i][key] = score + scores[i][key], previous
        key = max(keys, key=lambda k: best[-1][k])
        path = [key]
        for i in range(len(scores) - 1, 0, -1):
            key = back[i][key]
            path.append(key)
        return path[::-1]


def features(text: str, heading: str, language: str, name: frozenset[str] = frozenset(), outer: str = "") -> list[str]:
    """The stems of a statement, ("h:" + stem) of its heading and ("o:" + stem) of the heading over
    that one, without stopwords and the topic's name."""
    def stems(words: str, prefix: str) -> list[str]:
        return [prefix + s for s in word_stems(words, language) if s not in STOPWORDS and s not in name]

    if language.split("_")[0].split("-")[0].lower() == "en":
        text = _NAMING_CALL.sub(lambda m: (m.group(1) or m.group(2)) + "named", text)
    # Each feature once: a word said twice in one sentence is no more evidence of its section.
    return list(dict.fromkeys(stems(text, "") + stems(heading, "h:") + stems(outer, "o:")))


# "Call" as naming is not a call to the care team: "This is called a CT scan.", "We call these
# short-term effects." The model reads it as "named".
_NAMING_CALL = re.compile(r"(\b(?:is|are|was|were|be|been|being|also|often|sometimes|usually|commonly|so)[ -]"
                          r"(?:also |often |sometimes |usually |commonly )?)called\b|"
                          r"(\b(?:we|they|doctors|people|nurses|some|many) (?:may |might |often |sometimes |also |usually )?)"
                          r"call(?= (?:this|these|it|them|that|those)\b)", re.IGNORECASE)


@cache
def load_section_model(path: Path = MODEL_FILE) -> SectionModel | None:
    """The trained model, or None when there is no model file (placement by keywords alone)."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return SectionModel(counts=data["counts"], statements=data["statements"], language=data["language"],
                        transitions=data.get("transitions", {}), pages=data.get("pages", {}))


_WEIGHTS = {"h:": HEADING_WEIGHT, "o:": OUTER_WEIGHT}


def step_between(previous_line: int, previous_heading: str, line: int, heading: str) -> str:
    """How a statement follows the one before it on its page: in its paragraph (a paragraph is
    one block, its statements share their first line), in the next one under the same heading,
    or after a new heading."""
    return "para" if line == previous_line else "same" if heading == previous_heading else "new"


def page_steps(places: Sequence[tuple[int, str]]) -> list[str]:
    """The steps between a page's statements in order, given as (paragraph's first line, heading):
    best_path's steps, the first one a new heading."""
    return ["new"] + [step_between(*previous, *place) for previous, place in zip(places, places[1:])]


def _known_step(model: SectionModel, step: str) -> str:
    """The step as the model counted it: a model trained before paragraphs were told apart knows
    "same" for both."""
    if step not in STEPS:
        raise ValueError(f"unknown step {step!r} between statements (one of {', '.join(STEPS)})")
    return step if step in model.transitions or step != "para" else "same"


@cache
def _stay_share(model: SectionModel, step: str) -> float:
    """How often a statement is in its predecessor's section, after the given step."""
    table = model.transitions.get(step, {})
    total = sum(n for row in table.values() for n in row.values())
    stayed = sum(row.get(key, 0) for key, row in table.items())
    return (stayed + 1) / (total + 2)


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
