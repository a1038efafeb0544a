"""The text stages' results kept between builds, by the content hash of everything they read.

`handout build --force` after a template change, or CI building sources that did not change,
renders every PDF again without cleaning and merging the sources again: a topic's Prepared is
read back from <output>/.state/prepared/<topic>.pickle when the key written before it matches.

The key is a sha256 of what the text stages read (the topic's settings, the clinic, the ids the
translators' template registers, the bytes of the topic's sources, of the other topics' pages and
of the clinic's plain-words list)
and of what reads them (every file of the pipeline package, the Python version, the versions of
the libraries the stages use). Any change makes a new key, so an old run's result is never passed
off as new. A file that cannot be read back (cut short, another version's) is prepared again.

Pickle, because the result is a tree of frozen dataclasses read back in milliseconds. It is read
only from the build's own output folder and only under a matching key; whoever can write build/
can also write the project's sources and Makefile, so it trusts nothing more than they do.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import sys
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path

import pipeline
from pipeline.atomic_files import write_atomic
from pipeline.build.records import STATE_DIR
from pipeline.config import Config, Topic, other_topics_files
from pipeline.i18n.fact_register import check_accounted, prepare_topic, registered
from pipeline.models import Registered
from pipeline.prepared_topic import Prepared, add_project_inputs, warn_stale

log = logging.getLogger(__name__)

CACHE_DIR = "prepared"
MAGIC = b"handout-prepared 1\n"
# The distributions whose behaviour the text stages' results depend on (a missing one counts too).
STAGE_LIBRARIES = ("babel", "markdown", "pyyaml", "snowballstemmer", "pyspellchecker", "wordfreq",
                   "sentence-transformers")


def prepare_cached(config: Config, topic: Topic, output: Path,
                   progress: Callable[[str], None] = lambda _: None) -> Prepared:
    """The topic's text stages: read back from the output's cache when nothing they read changed."""
    ids = registered(config.root, topic.key)
    key = inputs_key(config, topic, ids)
    path = cache_path(output, topic.key)
    cached = _read(path, key)
    if cached is not None:
        progress(f"{topic.key}: {len(topic.sources)} sources as cleaned and merged by the last build (nothing they "
                 "depend on changed)")
        warn_stale(cached.decisions)
        check_accounted(topic, cached)
        return cached
    progress(f"{topic.key}: cleaning and merging {len(topic.sources)} sources")
    prepared = prepare_topic(config, topic, ids)
    try:
        write_atomic(path, MAGIC + key.encode() + b"\n" + pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError as exc:  # only time is lost: the next build prepares the topic again
        log.warning("%s: cannot keep the text stages' result (%s)", path, exc.strerror or exc)
    return prepared


def cache_path(output: Path, topic: str) -> Path:
    return output / STATE_DIR / CACHE_DIR / f"{topic}.pickle"


def inputs_key(config: Config, topic: Topic, ids: tuple[Registered, ...]) -> str:
    """A sha256 of everything the text stages read for the topic, and of the code that reads it."""
    digest = hashlib.sha256(code_digest().encode())
    # Sorted: a frozenset's order changes from one process to the next.
    digest.update(repr([(r.id, r.text, sorted(r.locations)) for r in ids]).encode("utf-8"))
    add_project_inputs(digest, config, topic, (*topic.sources, *other_topics_files(config, topic)))
    return digest.hexdigest()


@cache
def code_digest() -> str:
    """A sha256 of the pipeline package's files, the Python version and the stages' libraries."""
    package = Path(pipeline.__file__).resolve().parent
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for name in STAGE_LIBRARIES:
        digest.update(f"{name}={_version(name)}\n".encode())
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _read(path: Path, key: str) -> Prepared | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = MAGIC + key.encode() + b"\n"
    if not data.startswith(header):
        return None
    try:
        prepared = pickle.loads(data[len(header):])
    except Exception:  # cut short or unreadable: prepare again (pickle raises many kinds)
        return None
    return prepared if isinstance(prepared, Prepared) else None
