"""prepare(config, topic, registered): the text stages of one topic, source files to a composed handout.

ingest -> clean -> facts -> dedupe -> (ids carried over) -> conflicts -> editorial -> compose
-> repeats -> spelling. No rendering and no reading of locales/: the fact ids the translators' template
registers are passed in. The catalog, the translators' templates and the build all start here.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from pipeline.config import Config, Topic, other_topics_files
from pipeline.errors import HandoutError
from pipeline.models import Cluster, Decision, Registered, Repeat, Source, SourceMeta
from pipeline.prepared_topic import Prepared, add_project_inputs, warn_stale
from pipeline.review.conflicts import find_conflicts
from pipeline.review.embeddings import load_embedder
from pipeline.review.other_places import other_places
from pipeline.review.phone_numbers import foreign_numbers
from pipeline.review.repeats import MINILM, TFIDF, find_repeats
from pipeline.review.plain_language import load_plain_words, plain_report
from pipeline.review.spelling import find_typos
from pipeline.rewrite_review import unreviewed
from pipeline.text.accounting import unaccounted
from pipeline.text.clean_many import clean_and_split
from pipeline.text.compose import compose, known_words
from pipeline.text.dedupe import dedupe
from pipeline.text.editorial import edit
from pipeline.text.ids import carry_ids
from pipeline.text.ingest import ingest
from pipeline.text.line_model import LineModel, load_model
from pipeline.text.section_model import load_section_model
from pipeline.text.site_template import shared_furniture, site_pages, site_repeats

__all__ = ["Prepared", "prepare"]

log = logging.getLogger(__name__)
MEMO_SIZE = 16  # prepared topics kept in memory, by their inputs (_inputs_key)
_PREPARED: dict[str, tuple[Prepared, tuple[object, ...]]] = {}


def prepare(config: Config, topic: Topic, registered: tuple[Registered, ...] = (),
            site_files: Sequence[tuple[Path, SourceMeta]] | None = None) -> Prepared:
    """Run the text stages for one topic: ingest, clean, facts, dedupe, conflicts, edit, compose, repeats, spelling.

    registered: the topic's fact ids in the translators' template (i18n.fact_register), which
    reworded facts take back.
    site_files: other pages of the project, whose sites' template clean removes from this topic's
    pages; None: the sources of the project's other topics.
    """
    sources = tuple(ingest(path, config.root, meta, max_words=topic.max_source_words) for path, meta in topic.sources)
    files = other_topics_files(config, topic) if site_files is None else site_files
    model = load_model()
    models = (model, load_section_model(), load_embedder())
    key = _inputs_key(config, topic, registered, sources, files, models)
    if key in _PREPARED and all(a is b for a, b in zip(_PREPARED[key][1], models)):
        prepared = _PREPARED[key][0]
        warn_stale(prepared.decisions)
        return prepared
    prepared = _prepare(config, topic, registered, sources, files, model)
    _PREPARED[key] = (prepared, models)  # the models kept alive: their ids in the key stay theirs
    while len(_PREPARED) > MEMO_SIZE:
        del _PREPARED[next(iter(_PREPARED))]
    return prepared


def _prepare(config: Config, topic: Topic, registered: tuple[Registered, ...], sources: tuple[Source, ...],
             files: Sequence[tuple[Path, SourceMeta]], model: LineModel | None) -> Prepared:
    """The text stages themselves (prepare)."""
    shared = shared_furniture(sources)
    repeated = site_repeats(sources, site_pages(sources, files, config.root))
    cleaned, facts = clean_and_split(sources, shared, repeated, model)
    vocabulary = topic.scheme.vocabulary
    clusters = dedupe(facts, vocabulary)
    lost = tuple(unaccounted(sources, cleaned, facts, clusters))  # the build refuses to print any of it
    clusters = carry_ids(clusters, registered)  # reworded facts keep their ids
    conflicts = find_conflicts(clusters, vocabulary)
    edited = edit(clusters, topic.decisions, {conflict.id for conflict in conflicts})
    warn_stale(edited.results)
    handout = compose(edited.clusters, topic.scheme, topic, config.clinic)
    embed = load_embedder()  # None without the optional semantic extra: the lexical method
    repeats = find_repeats(handout, vocabulary, embed)
    method = MINILM if embed else TFIDF
    if topic.scheme.repeats == "suppress" and repeats:
        # Suppressing is merging, done as the editor would: members and provenance stay on record.
        decisions = topic.decisions + tuple(_merge_repeat(r) for r in repeats)
        edited = edit(clusters, decisions, {conflict.id for conflict in conflicts})
        handout = compose(edited.clusters, topic.scheme, topic, config.clinic)
    _check_distinct_ids(edited.clusters)
    applied = [result.decision for result in edited.results if result.status == "applied"]
    handout = replace(handout, unreviewed=tuple(sorted({d.fact for d in unreviewed(applied, topic.rewrite_review)})))
    spelling = find_typos(handout, edited.clusters, vocabulary, cleaned, sources)
    plain = plain_report(handout, topic.language, load_plain_words(config.root), known_words(topic.scheme, topic),
                         edited.clusters)
    return Prepared(cleaned, edited.clusters, conflicts, edited.results, handout, repeats, method, sources, lost,
                    topic.scheme, spelling, plain, foreign_numbers(handout), other_places(handout, sources))


def _inputs_key(config: Config, topic: Topic, registered: tuple[Registered, ...], sources: tuple[Source, ...],
                files: Sequence[tuple[Path, SourceMeta]], models: tuple[object, ...]) -> str:
    """A digest of everything the text stages read: the topic's sources as read, the registered ids
    and the models loaded, with the project's inputs (add_project_inputs: settings, clinic, the
    other pages' bytes, the plain-words list). Two calls with the same inputs give the same
    Prepared (a build and `extract` in one process, the tests' many copies of the sample project),
    so the second is not computed again."""
    digest = hashlib.sha256()
    for part in (registered, sources, tuple(id(m) for m in models)):
        digest.update(repr(part).encode("utf-8"))
    add_project_inputs(digest, config, topic, files)
    return digest.hexdigest()


def _check_distinct_ids(clusters: tuple[Cluster, ...]) -> None:
    """Two statements under one id would silently lose one of them in every output: stop instead."""
    seen: dict[str, Cluster] = {}
    for cluster in clusters:
        other = seen.setdefault(cluster.id, cluster)
        if other is not cluster:
            first, second = other.canonical, cluster.canonical
            raise HandoutError(f"fact id {cluster.id} names two statements: {first.source}:{first.line} "
                               f"{first.text!r} and {second.source}:{second.line} {second.text!r} (a defect: please report it)")


def _merge_repeat(repeat: Repeat) -> Decision:
    """The merge decision sections.yaml's 'repeats: suppress' makes for one likely repeat."""
    note = f"likely repeat ({repeat.method} {repeat.score:.2f}), merged by 'repeats: suppress'"
    return Decision(action="merge", where="sections.yaml: repeats", fact=repeat.first.id, others=(repeat.second.id,), note=note)
