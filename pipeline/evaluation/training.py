"""Train the line model (pipeline.text.line_model) on the labelled sets, and measure it fairly.

Training reads every gated set under eval/ that is not held out (the tuning half and the sample's
sets; the held-out half says `held_out: true` and is never read here), cleans each page with the rules alone, and fits a
logistic regression (AdaGrad, L2, a fixed seed, so the same labels give the same weights on
any machine) to tell the lines labelled furniture from the rest. Cross-validation leaves whole
sites out, as a new clinic's site is new: eval files are named <site>_<topic>.<ext>.
"""

from __future__ import annotations

import json
import math
import random
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TypeVar

from pipeline.config import load_config
from pipeline.errors import HandoutError
from pipeline.evaluation.labels import LABELS, parse_labels
from pipeline.evaluation.evaluate import read_set, sibling_files
from pipeline.evaluation.placement import read_section_labels
from pipeline.models import CleanSource, Source
from pipeline.text.clean import clean
from pipeline.text.facts import find_facts
from pipeline.text.keywords import word_stems
from pipeline.text.section_model import STEPS, SectionModel, page_steps
from pipeline.text.section_model import features as section_features
from pipeline.text.ingest import ingest
from pipeline.text.line_model import THRESHOLD, LineModel, page_features, sigmoid, site_words
from pipeline.text.publisher_names import publisher_names
from pipeline.text.site_template import shared_furniture, site_pages, site_repeats

EPOCHS = 8
RATE = 0.1
L2 = 1e-4
SEED = 1
FOLDS = 5
MIN_WEIGHT = 0.01  # smaller weights change no decision worth a line in the model file
T = TypeVar("T")
MIN_STATEMENTS = 20  # labelled statements (list items too) a section needs to be learned
MIN_SITES = 2  # sites a feature must be seen on; a word of fewer is not known, and the model abstains on such lines


@dataclass(frozen=True)
class LabelledPage:
    """One labelled source page: the site it comes from, its lines and which are furniture."""

    site: str
    source: Source
    shared: frozenset[int]  # lines another page of its set repeats (site_template)
    repeated: Mapping[int, str]  # lines another page of its site prints too, in any set beside (site_repeats)
    cleaned: CleanSource  # by the rules alone, once: both models learn from what the rules kept
    furniture: frozenset[int]  # numbers of the lines labelled furniture
    sections: Mapping[int, str] = field(default_factory=dict)  # line -> labelled section (section-labels.yaml)
    name: str = ""  # the topic's name, which says nothing of a statement's section
    keys: tuple[str, ...] = ()  # the sections of its set's scheme


@dataclass(frozen=True)
class Scores:
    """Lines of furniture removed and of content kept, over some pages."""

    furniture_removed: int
    furniture: int
    content_kept: int
    content: int

    def __str__(self) -> str:
        return (f"furniture removed {_share(self.furniture_removed, self.furniture)}, "
                f"content kept {_share(self.content_kept, self.content)}")


def labelled_pages(eval_root: Path, project_root: Path) -> list[LabelledPage]:
    """The pages of every gated set under eval_root that is not held out (a set not yet gated is
    held out too)."""
    config = load_config(project_root)
    pages = []
    for folder in sorted(path.parent for path in eval_root.rglob(LABELS)):
        raw, topic = read_set(folder, config.scheme)
        sources = tuple(ingest(path, config.root, meta) for path, meta in topic.sources)
        by_name = {Path(source.path).name: source for source in sources}
        labels = parse_labels(raw, folder / LABELS, by_name)
        if not labels.gated or labels.held_out:
            continue
        sections = read_section_labels(folder, by_name, topic.scheme) or {}
        shared = shared_furniture(sources)
        repeated = site_repeats(sources, site_pages(sources, sibling_files(folder), config.root))
        for name, source in by_name.items():
            furniture = frozenset(n for (file, n) in labels.boilerplate if file == name)
            own = {n: key for (file, n), key in sections.items() if file == name}
            cleaned = clean(source, shared[source.path], None, repeated[source.path])
            pages.append(LabelledPage(name.split("_")[0], source, shared[source.path], repeated[source.path], cleaned,
                                      furniture, own, topic.name, tuple(r.key for r in topic.scheme.sections)))
    return pages


def examples(page: LabelledPage) -> list[tuple[list[str], bool]]:
    """Each non-blank line's features, as the model sees them after the rules, and its label."""
    gone = {removal.line for removal in page.cleaned.removed}
    lines = [line for line in page.source.lines if line.text.strip()]
    removed = {i: "" for i, line in enumerate(lines) if line.number in gone}
    repeats = frozenset(i for i, line in enumerate(lines) if line.number in page.repeated)
    features = page_features(lines, removed, site=site_words(publisher_names(page.source.meta.publisher)),
                             repeats=repeats)
    return [(features[i], line.number in page.furniture) for i, line in enumerate(lines)]


@dataclass(frozen=True)
class LabelledStatement:
    """A labelled statement of a page as the section model sees it, with its list's items."""

    features: tuple[str, ...]  # its words' and its headings' (section_model.features)
    heading: str  # the source heading above it
    section: str  # the labelled section
    items: tuple[tuple[str, ...], ...] = ()  # the features of the list items it leads in, if any
    line: int = 0  # its paragraph's first line


def section_sequence(page: LabelledPage) -> list[LabelledStatement]:
    """The page's labelled statements in order (list items with their lead-in)."""
    language = page.source.meta.language
    name = frozenset(word_stems(page.name, language))
    facts = find_facts([page.cleaned])
    listed: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for fact in facts:
        if fact.kind == "item" and fact.lead:
            listed[fact.lead].append(tuple(section_features(fact.text, fact.heading, language, name, fact.outer)))
    return [LabelledStatement(tuple(section_features(fact.text, fact.heading, language, name, fact.outer)),
                              fact.heading, page.sections[fact.line], items=tuple(listed.get(fact.id, ())),
                              line=fact.line)
            for fact in facts if fact.kind != "item" and fact.line in page.sections]


def train_sections(pages: Sequence[LabelledPage]) -> SectionModel:
    """Count each section's features over the labelled statements and the items of their lists
    (an item is labelled with its lead-in: what a list says is evidence of where the two go;
    features of one site only left out), and how the statements follow each other on a page."""
    sequences = [(page.site, section_sequence(page)) for page in pages]
    spread: dict[str, set[str]] = defaultdict(set)
    for site, sequence in sequences:
        for statement in sequence:
            for features in (statement.features, *statement.items):
                spread.update((f, spread.get(f, set()) | {site}) for f in features)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    statements: dict[str, int] = defaultdict(int)  # labelled statements and list items
    for _, sequence in sequences:
        for statement in sequence:
            statements[statement.section] += 1 + len(statement.items)
            for features in (statement.features, *statement.items):
                for f in features:
                    if len(spread[f]) >= MIN_SITES:
                        counts[statement.section][f] += 1
    # A section labelled a handful of times is not learned: naive Bayes would favour it for any
    # statement of unusual words. It competes by its keywords, as a topic's own section does.
    learned = sorted(key for key, n in statements.items() if n >= MIN_STATEMENTS)
    labelled = [page for page in pages if page.sections]
    return SectionModel(counts={k: dict(sorted(counts[k].items())) for k in learned},
                        statements={k: statements[k] for k in learned}, language=_language(pages),
                        transitions=_transitions([sequence for _, sequence in sequences]),
                        pages={k: sum(k in page.keys for page in labelled) for k in learned})


def _transitions(sequences: Sequence[Sequence[LabelledStatement]]) -> dict[str, dict[str, dict[str, int]]]:
    """How often one labelled section follows another on a page after each step (in a paragraph,
    to the next under the same heading, after a new heading), and which opens a page."""
    table: dict[str, dict[str, dict[str, int]]] = {step: defaultdict(dict) for step in (*STEPS, "start")}
    for sequence in sequences:
        if sequence:
            row = table["start"][""]
            row[sequence[0].section] = row.get(sequence[0].section, 0) + 1
        steps = page_steps([(statement.line, statement.heading) for statement in sequence])
        for previous, statement, step in zip(sequence, sequence[1:], steps[1:]):
            row = table[step][previous.section]
            row[statement.section] = row.get(statement.section, 0) + 1
    return {kind: {key: dict(sorted(row.items())) for key, row in sorted(rows.items())}
            for kind, rows in table.items()}


def _examples_and_sites(pages: Sequence[LabelledPage], examples_of: Callable[[LabelledPage], list[tuple[list[str], T]]]
                        ) -> tuple[list[tuple[list[str], T]], dict[str, set[str]]]:
    """Every page's examples, and for each feature the sites it was seen on."""
    data, spread = [], defaultdict(set)
    for page in pages:
        for features, label in examples_of(page):
            data.append((features, label))
            for f in features:
                spread[f].add(page.site)
    return data, spread


def section_model_json(model: SectionModel, pages: Sequence[LabelledPage]) -> str:
    """The section model file's text: what it was trained on, and its counts."""
    labelled = [page for page in pages if page.sections]
    return json.dumps({
        "about": "pipeline/text/section_model.py; written by `handout train-model` (pipeline/evaluation/training.py)",
        "trained_on": {"folders": sorted({str(PurePosixPath(page.source.path).parent) for page in labelled}),
                       "pages": len(labelled), "sites": len({page.site for page in labelled})},
        "settings": {"min_sites": MIN_SITES, "min_statements": MIN_STATEMENTS},
        "language": model.language,
        "statements": dict(model.statements),
        "pages": dict(model.pages),
        "transitions": {kind: {key: dict(row) for key, row in rows.items()} for kind, rows in model.transitions.items()},
        "counts": {key: dict(counts) for key, counts in model.counts.items()},
    }, ensure_ascii=False, indent=0) + "\n"


def train(pages: Sequence[LabelledPage]) -> LineModel:
    """Fit the model to the pages' labelled lines."""
    data, spread = _examples_and_sites(pages, examples)
    # A feature of one site only (its name, its menu's words) says nothing of another site's: left out.
    data = [([f for f in features if len(spread[f]) >= MIN_SITES], furniture) for features, furniture in data]
    weights: dict[str, float] = defaultdict(float)
    squares: dict[str, float] = defaultdict(float)
    order = list(range(len(data)))
    shuffle = random.Random(SEED).shuffle
    for _ in range(EPOCHS):
        shuffle(order)
        for k in order:
            features, furniture = data[k]
            error = sigmoid(sum(weights[f] for f in features)) - furniture
            for f in features:
                gradient = error + L2 * weights[f]
                squares[f] += gradient * gradient
                weights[f] -= RATE * gradient / math.sqrt(squares[f] + 1e-8)
    kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= MIN_WEIGHT}
    known = frozenset(f[2:] for f, sites in spread.items() if f.startswith("w:") and len(sites) >= MIN_SITES)
    return LineModel(weights=kept, language=_language(pages), vocabulary=known)


def score(pages: Sequence[LabelledPage], model: LineModel | None) -> Scores:
    """Clean the pages (with the model, or by the rules alone) and count what their labels say."""
    tally = [0, 0, 0, 0]
    for page in pages:
        kept = {n for block in clean(page.source, page.shared, model, page.repeated).blocks for n in block.lines}
        for line in page.source.lines:
            if not line.text.strip():
                continue
            if line.number in page.furniture:
                tally[0] += line.number not in kept
                tally[1] += 1
            else:
                tally[2] += line.number in kept
                tally[3] += 1
    return Scores(*tally)


def cross_validate(pages: Sequence[LabelledPage], folds: int = FOLDS) -> tuple[Scores, Scores]:
    """Scores of the rules alone and of the rules with the model, each fold of sites cleaned by a
    model trained on the other folds."""
    sites = sorted({page.site for page in pages})
    random.Random(SEED).shuffle(sites)
    rules, learned = Scores(0, 0, 0, 0), Scores(0, 0, 0, 0)
    for fold in range(folds):
        left_out = set(sites[fold::folds])
        model = train([page for page in pages if page.site not in left_out])
        tested = [page for page in pages if page.site in left_out]
        rules, learned = _add(rules, score(tested, None)), _add(learned, score(tested, model))
    return rules, learned


def cross_validate_sections(pages: Sequence[LabelledPage], folds: int = FOLDS) -> tuple[int, int]:
    """Labelled statements and list items the section model alone (no keywords; each page's
    statements in order, best_path) puts under their label, each fold of sites placed by a model
    trained on the other folds: (right, labelled)."""
    sites = sorted({page.site for page in pages})
    random.Random(SEED).shuffle(sites)
    right = total = 0
    for fold in range(folds):
        left_out = set(sites[fold::folds])
        model = train_sections([page for page in pages if page.site not in left_out])
        for page in (page for page in pages if page.site in left_out):
            sequence = section_sequence(page)
            # A list prints with its lead-in: each item counts, as in `handout eval` (placement.py).
            total += sum(1 + len(statement.items) for statement in sequence)
            if len(set(model.statements) & set(page.keys)) < 2:
                continue  # compose places by keywords alone: the model has no say
            scores = [_statement_scores(model, statement, page.keys) for statement in sequence]
            path = model.best_path(scores, page_steps([(s.line, s.heading) for s in sequence]), page.keys)
            right += sum(1 + len(statement.items) for placed, statement in zip(path, sequence)
                         if placed == statement.section)
    return right, total


def _statement_scores(model: SectionModel, statement: LabelledStatement, keys: Sequence[str]) -> dict[str, float]:
    """A statement's section scores as compose.py reckons them without keywords: its own, plus its items'."""
    no_opinion = math.log(1 / len(keys))  # a section the model never learned: its share
    scores = dict.fromkeys(keys, 0.0)
    for features in (statement.features, *statement.items):
        known = model.log_posteriors(features, keys)
        for key in keys:
            scores[key] += known.get(key, no_opinion)
    return scores


def model_json(model: LineModel, pages: Sequence[LabelledPage]) -> str:
    """The model file's text: what it was trained on, its settings, vocabulary and weights."""
    return json.dumps({
        "about": "pipeline/text/line_model.py; written by `handout train-model` (pipeline/evaluation/training.py)",
        "trained_on": {"folders": sorted({str(PurePosixPath(page.source.path).parent) for page in pages}),
                       "pages": len(pages), "sites": len({page.site for page in pages})},
        "settings": {"epochs": EPOCHS, "rate": RATE, "l2": L2, "seed": SEED, "min_weight": MIN_WEIGHT,
                     "min_sites": MIN_SITES},
        "threshold": THRESHOLD,
        "language": model.language,
        "vocabulary": sorted(model.vocabulary),
        "weights": dict(model.weights),
    }, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def _language(pages: Sequence[LabelledPage]) -> str:
    """The one language of the training pages (the model judges pages of that language only)."""
    languages = {page.source.meta.language.split("-")[0].lower() for page in pages}
    if len(languages) != 1:
        raise HandoutError(f"the gated sets mix languages ({', '.join(sorted(languages))}): "
                           "train one model per language")
    return languages.pop()


def _add(a: Scores, b: Scores) -> Scores:
    return Scores(*(x + y for x, y in zip(vars(a).values(), vars(b).values(), strict=True)))


def _share(hits: int, total: int) -> str:
    return f"{math.floor(1000 * hits / total) / 10:.1f}% ({hits}/{total})" if total else "n/a"

