"""A build reads a topic's text stages back from its output folder only while nothing they read
has changed: the sources, another topic's page, the clinic's plain words, the registered ids;
a cache file cut short or written for other inputs is prepared again, never trusted."""

from __future__ import annotations

import logging
import pickle
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.build import text_cache
from pipeline.config import load_config
from pipeline.errors import HandoutError
from tests.projects import small_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def runs(monkeypatch) -> list[str]:
    """The topics whose text stages really ran (not read back)."""
    ran: list[str] = []
    real = text_cache.prepare_topic
    monkeypatch.setattr(text_cache, "prepare_topic", lambda config, topic, ids: ran.append(topic.key)
                        or real(config, topic, ids))
    return ran


def _cached(root: Path, output: Path, progress=None):
    config = load_config(root)
    topic = next(t for t in config.topics if t.key == "small")
    return text_cache.prepare_cached(config, topic, output, progress or (lambda _: None))


def test_an_unchanged_topic_is_read_back_from_the_last_build(tmp_path, runs):
    root, output = small_project(tmp_path / "project"), tmp_path / "build"
    first = _cached(root, output)
    said: list[str] = []
    again = _cached(root, output, said.append)
    assert runs == ["small"] and again == first and again is not first  # read from the file, not memory
    assert "as cleaned and merged by the last build" in said[0]
    assert text_cache.cache_path(output, "small").is_file()
    # The project copied elsewhere reads the same bytes: still the same key.
    assert _cached(shutil.copytree(root, tmp_path / "copy"), output) == first and runs == ["small"]


@pytest.mark.parametrize("change", ["source", "other topic", "plain words", "registered ids", "decision"])
def test_any_change_of_what_the_stages_read_prepares_again(tmp_path, runs, change):
    root, output = small_project(tmp_path / "project"), tmp_path / "build"
    _cached(root, output)
    if change == "source":
        source = root / "sources/small/a.txt"
        source.write_text(source.read_text(encoding="utf-8").replace("fight cancer", "fight cancer cells"),
                          encoding="utf-8")
    elif change == "other topic":  # clean reads the project's other pages for the site's template
        (root / "sources/other").mkdir()
        (root / "sources/other/topic.yaml").write_text('title: Other\nversion: "1"\n', encoding="utf-8")
        (root / "sources/other/b.txt").write_text("Skin rash\n\nA rash is common.\n", encoding="utf-8")
    elif change == "plain words":
        (root / "plain-words.yaml").write_text("words:\n  - {word: immune system, plain: [\"body's defences\"]}\n",
                                               encoding="utf-8")
    elif change == "registered ids":
        (root / "locales").mkdir()
        (root / "locales/facts.pot").write_text(
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            '#: sources/small/a.txt:3\nmsgctxt "small:c0123456789a"\n'
            'msgid "Immunotherapy is a treatment that helps your immune system fight cancer."\nmsgstr ""\n',
            encoding="utf-8")
    else:
        (root / "sources/small/editorial.yaml").write_text(
            "decisions:\n  - action: drop\n    fact: c0000000000\n", encoding="utf-8")
    changed = _cached(root, output)
    assert runs == ["small", "small"]
    if change == "source":
        assert any("cancer cells" in c.canonical.text for c in changed.clusters)


@pytest.mark.parametrize("damage", ["cut short", "another key", "not a pickle", "empty"])
def test_a_damaged_or_foreign_cache_file_is_prepared_again_and_replaced(tmp_path, runs, damage):
    root, output = small_project(tmp_path / "project"), tmp_path / "build"
    first = _cached(root, output)
    path = text_cache.cache_path(output, "small")
    data = path.read_bytes()
    header = data[:data.index(b"\n", len(text_cache.MAGIC)) + 1]
    path.write_bytes({"cut short": data[:len(data) // 2],
                      "another key": text_cache.MAGIC + b"0" * 64 + b"\n" + data[len(header):],
                      "not a pickle": header + b"\x80\x05garbage",
                      "empty": b""}[damage])
    assert _cached(root, output) == first and runs == ["small", "small"]
    assert path.read_bytes() == data  # written afresh: the next build reads it back
    _cached(root, output)
    assert runs == ["small", "small"]


def test_a_read_back_topic_still_says_what_no_longer_applies(tmp_path, caplog):
    root, output = small_project(tmp_path / "project"), tmp_path / "build"
    (root / "sources/small/editorial.yaml").write_text("decisions:\n  - action: drop\n    fact: c0000000000\n",
                                                       encoding="utf-8")
    for _ in range(2):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="pipeline.prepare"):
            _cached(root, output)
        assert any("c0000000000" in record.getMessage() for record in caplog.records)


def test_a_topic_that_lost_a_line_is_refused_even_when_read_back(tmp_path, monkeypatch):
    root, output = small_project(tmp_path / "project"), tmp_path / "build"
    first = _cached(root, output)
    config = load_config(root)
    key = text_cache.inputs_key(config, config.topics[0], ())
    lost = replace(first, unaccounted=("sources/small/a.txt:3: dropped: text",))
    text_cache.cache_path(output, "small").write_bytes(text_cache.MAGIC + key.encode() + b"\n" + pickle.dumps(lost))
    with pytest.raises(HandoutError, match="a.txt:3"):
        _cached(root, output)


def test_the_code_digest_covers_the_package_and_the_stages_libraries():
    digest = text_cache.code_digest()
    assert len(digest) == 64 and digest == text_cache.code_digest()
    assert {"wordfreq", "pyspellchecker", "snowballstemmer"} <= set(text_cache.STAGE_LIBRARIES)
