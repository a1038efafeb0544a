"""Hostile files in sources/: links out of the project, devices, FIFOs, sockets, huge files,
hidden files and topics named like the build's own folders are refused or left out by name,
never followed, read, hung on or half-built (issue 13)."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.build import plan
from pipeline.build.lock import LOCK
from pipeline.build.records import STATE_DIR
from pipeline.build.release import RELEASE_DIR, STAGING
from pipeline.build.report import MANIFEST, REPORT
from pipeline.build.shards import SHARDS
from pipeline.cli import main
from pipeline.render.html import PREVIEW_ASSETS
from pipeline.config import MAX_SOURCE_BYTES, load_config, reserved_topic
from pipeline.errors import ConfigError, HandoutError, SourceError
from pipeline.i18n import po_files
from pipeline.models import MAX_LOGO_BYTES, SourceMeta
from pipeline.text.ingest import ingest
from tests.projects import copy_project

ROOT = Path(__file__).resolve().parent.parent
TOPIC = "immunotherapy"


@pytest.fixture(autouse=True)
def no_hang():
    """A read that blocks (a FIFO opened) fails the test instead of hanging the run."""
    def stop(signum, frame):
        raise TimeoutError("blocked: a FIFO or device was opened")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _symlink_out(folder: Path, tmp_path: Path) -> str:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("Private text that must never print in a leaflet.\n")
    (folder / "evil.txt").symlink_to(secret)
    return r"evil\.txt: a symbolic link to .*outside/secret\.txt, outside the project"


def _symlink_to_dev_zero(folder: Path, tmp_path: Path) -> str:
    (folder / "zero.txt").symlink_to("/dev/zero")
    return r"zero\.txt: a symbolic link to /dev/zero, outside the project"


def _fifo(folder: Path, tmp_path: Path) -> str:
    os.mkfifo(folder / "pipe.txt")
    return r"pipe\.txt: a named pipe \(FIFO\), not a regular file"


def _socket(folder: Path, tmp_path: Path) -> str:
    server = socket.socket(socket.AF_UNIX)
    cwd = os.getcwd()
    os.chdir(folder)  # a socket's path is limited to about 100 characters: bind by its name
    try:
        server.bind("talk.html")
    finally:
        os.chdir(cwd)
    server.close()  # the socket file stays
    return r"talk\.html: a socket, not a regular file"


def _folder(folder: Path, tmp_path: Path) -> str:
    (folder / "saved.html").mkdir()
    return r"saved\.html: a folder, not a regular file"


def _too_big(folder: Path, tmp_path: Path) -> str:
    with (folder / "dump.txt").open("wb") as file:
        file.truncate(MAX_SOURCE_BYTES + 1)  # sparse: nothing is written, only the size counts
    return (r"dump\.txt: 2,000,001 bytes, more than the 2,000,000 a source may have; if the file is right, "
            r"raise max_source_bytes in .*sources/immunotherapy/topic\.yaml")


def _hidden_listed(folder: Path, tmp_path: Path) -> str:
    (folder / ".extra-note.txt").write_text("A note the editor hid.\n")
    topic_file = folder / "topic.yaml"
    topic_file.write_text(topic_file.read_text() + "  - file: .extra-note.txt\n")
    return r"source '\.extra-note\.txt' is a hidden file, which is never read"


def _bad_limit(folder: Path, tmp_path: Path) -> str:
    topic_file = folder / "topic.yaml"
    topic_file.write_text(topic_file.read_text() + "max_source_bytes: 0\n")
    return r"topic\.yaml: 'max_source_bytes' must be a positive number of bytes, not 0"


def _bad_word_limit(folder: Path, tmp_path: Path) -> str:
    topic_file = folder / "topic.yaml"
    topic_file.write_text(topic_file.read_text() + "max_source_words: -5\n")
    return r"topic\.yaml: 'max_source_words' must be a positive number of words, not -5"


@pytest.mark.parametrize("make", [_symlink_out, _symlink_to_dev_zero, _fifo, _socket, _folder, _too_big,
                                  _hidden_listed, _bad_limit, _bad_word_limit],
                         ids=lambda make: make.__name__.strip("_"))
def test_a_hostile_source_is_refused_by_name(tmp_path, make):
    root = _project(tmp_path)
    expected = make(root / "sources" / TOPIC, tmp_path)
    with pytest.raises(ConfigError, match=expected):
        load_config(root, {})


def test_the_cli_names_the_file_and_exits_1_without_a_traceback(tmp_path):
    root = _project(tmp_path)
    _fifo(root / "sources" / TOPIC, tmp_path)
    result = CliRunner().invoke(main, ["facts", "--root", str(root), TOPIC])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert "pipe.txt: a named pipe (FIFO)" in result.output


def test_a_symlink_inside_the_project_is_followed(tmp_path):
    root = _project(tmp_path)
    shared = root / "shared" / "page.txt"
    shared.parent.mkdir()
    shared.write_text("Immunotherapy helps the immune system find cancer cells.\n")
    (root / "sources" / TOPIC / "page.txt").symlink_to(Path("..", "..", "shared", "page.txt"))
    (topic,) = load_config(root, {}).topics
    assert root / "sources" / TOPIC / "page.txt" in [path for path, _ in topic.sources]
    source = ingest(root / "sources" / TOPIC / "page.txt", root, SourceMeta("page.txt"))
    assert source.lines[0].text.startswith("Immunotherapy helps")


def test_a_larger_limit_in_topic_yaml_admits_a_larger_source(tmp_path):
    root = _project(tmp_path)
    folder = root / "sources" / TOPIC
    _too_big(folder, tmp_path)
    (folder / "topic.yaml").write_text((folder / "topic.yaml").read_text() + "max_source_bytes: 3000000\n")
    (topic,) = load_config(root, {}).topics
    assert topic.max_source_bytes == 3_000_000 and folder / "dump.txt" in [path for path, _ in topic.sources]


@pytest.mark.parametrize("name", sorted({RELEASE_DIR, STAGING, f".{RELEASE_DIR}.new", STATE_DIR, SHARDS, LOCK,
                                         MANIFEST, REPORT, PREVIEW_ASSETS, "en", "fr", "pt-BR", "zh_Hant"}))
def test_a_topic_named_like_a_folder_the_build_writes_is_a_config_error(tmp_path, name):
    root = _project(tmp_path)
    shutil.copytree(root / "sources" / TOPIC, root / "sources" / name)
    with pytest.raises(ConfigError, match=rf"sources/{name}: .*rename the folder"):
        load_config(root, {})


@pytest.mark.parametrize("name", ["immunotherapy", "ct-scan", "breast-cancer", "eye", "lung"])
def test_ordinary_topic_names_are_not_reserved(name):
    assert reserved_topic(name) == ""


def test_a_topic_folder_linked_from_outside_the_project_is_refused(tmp_path):
    root = _project(tmp_path)
    shutil.copytree(root / "sources" / TOPIC, tmp_path / "elsewhere")
    (root / "sources" / "linked").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ConfigError, match=r"sources/linked: a symbolic link to .*elsewhere, outside the project"):
        load_config(root, {})


def _keys(root: Path) -> tuple[list[Path], list[str]]:
    config = load_config(root, {})
    made = plan.make_plan(config, list(config.topics), ("en",), "A4", "office")
    return [path for path, _ in config.topics[0].sources], [job.key for job in made.jobs + made.topic_files]


def test_a_hidden_file_changes_neither_the_sources_read_nor_the_build_key(tmp_path, caplog):
    root = _project(tmp_path)
    folder = root / "sources" / TOPIC
    before = _keys(root)
    (folder / ".extra-note.txt").write_text("Hidden text that no leaflet may print.\n")
    with caplog.at_level(logging.WARNING, logger="pipeline.config"):
        assert _keys(root) == before
    assert ".extra-note.txt" in caplog.text and "not read as sources" in caplog.text
    # The control: a visible source's edit changes the key, so the comparison above can fail.
    first = before[0][0]
    first.write_text(first.read_text() + "\nOne more line.\n")
    assert _keys(root)[1] != before[1]


def test_every_source_read_is_in_the_key_even_one_the_tree_leaves_out(tmp_path, monkeypatch):
    root = _project(tmp_path)
    config = load_config(root, {})
    topic = config.topics[0]
    before = plan._topic_digest(topic, root)
    monkeypatch.setattr(plan, "_tree_digest", lambda folder, *digest: "tree")  # whatever the folder rule becomes
    without_tree = plan._topic_digest(topic, root)
    topic.sources[0][0].write_text("Changed.\n")
    assert plan._topic_digest(topic, root) != without_tree != before


def test_ingest_refuses_a_fifo_without_opening_it(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(SourceError, match=r"pipe\.txt: a named pipe \(FIFO\), not a regular file"):
        ingest(tmp_path / "pipe.txt", tmp_path, SourceMeta("pipe.txt"))


def test_ingest_refuses_a_device(tmp_path):
    with pytest.raises(SourceError, match=r"dev/zero: a character device, not a regular file"):
        ingest(Path("/dev/zero"), Path("/"), SourceMeta("zero"))


def test_ingest_refuses_a_link_out_of_the_project(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("Private.\n")
    (root / "page.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(SourceError, match=r"page\.txt: a symbolic link to .*secret\.txt, outside the project"):
        ingest(root / "page.txt", root, SourceMeta("page.txt"))


def test_ingest_refuses_a_file_over_its_limit(tmp_path):
    (tmp_path / "page.txt").write_text("Immunotherapy helps.\n" * 10)
    with pytest.raises(SourceError, match=r"page\.txt: 210 bytes, more than the 100 a source may have"):
        ingest(tmp_path / "page.txt", tmp_path, SourceMeta("page.txt"), max_bytes=100)


def test_ingest_refuses_more_words_than_its_limit_naming_the_line_that_passes_it(tmp_path):
    (tmp_path / "page.html").write_text("<p>Immunotherapy helps some people.</p>\n<p>It is given in a drip.</p>\n"
                                        "<p>Side effects can happen at any time.</p>\n")
    meta = SourceMeta("page.html")
    assert len(ingest(tmp_path / "page.html", tmp_path, meta, max_words=17).lines) == 3  # 17 words: markup is not counted
    with pytest.raises(SourceError, match=r"page\.html:2: more than 8 words of text by this line.*max_source_words"):
        ingest(tmp_path / "page.html", tmp_path, meta, max_words=8)


def test_a_source_over_the_topics_word_limit_stops_the_cli_naming_file_and_line(tmp_path):
    root = _project(tmp_path)
    topic_file = root / "sources" / TOPIC / "topic.yaml"
    topic_file.write_text(topic_file.read_text() + "max_source_words: 300\n")
    assert load_config(root, {}).topics[0].max_source_words == 300
    result = CliRunner().invoke(main, ["facts", "--root", str(root), TOPIC])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "more than 300 words of text by this line" in result.output
    assert f"sources/{TOPIC}/" in result.output.split(": more than")[0]  # file:line first


def test_a_po_file_that_is_a_fifo_or_too_big_is_named(tmp_path, monkeypatch):
    os.mkfifo(tmp_path / "facts.po")
    with pytest.raises(HandoutError, match=r"facts\.po: not a regular file"):
        po_files.read_catalog(tmp_path / "facts.po")
    header = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    (tmp_path / "ui.po").write_bytes(header)
    monkeypatch.setattr(po_files, "MAX_PO_BYTES", 10)
    with pytest.raises(HandoutError, match=rf"ui\.po: {len(header)} bytes, more than the 10 a catalog may have"):
        po_files.read_catalog(tmp_path / "ui.po")


def test_a_logo_too_big_to_embed_is_a_config_error(tmp_path):
    root = _project(tmp_path)
    assets = root / "templates" / "assets"
    assets.mkdir(parents=True)
    with (assets / "huge.png").open("wb") as file:
        file.truncate(MAX_LOGO_BYTES + 1)
    clinic = root / "clinic.yaml"
    clinic.write_text("\n".join(line for line in clinic.read_text().splitlines() if not line.startswith("logo:"))
                      + "\nlogo: huge.png\n")
    with pytest.raises(ConfigError, match=r"clinic\.yaml: logo 'huge\.png' is 2,000,001 bytes, more than the 2,000,000"):
        load_config(root, {})
    clinic.write_text(clinic.read_text() + "max_logo_bytes: 3000000\n")  # the setting that raises it
    assert load_config(root, {}).clinic.max_logo_bytes == 3_000_000
