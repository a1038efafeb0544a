"""prepare() gives the same result for the same inputs without running the stages again, and runs
them again for any change of what they read: a source's bytes, another topic's page, a decision."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pipeline.prepare as preparing
from pipeline.config import load_config
from tests.projects import small_project

ROOT = Path(__file__).resolve().parent.parent


def _prepared(root: Path) -> preparing.Prepared:
    config = load_config(root)
    return preparing.prepare(config, config.topics[0])


def test_the_same_inputs_are_prepared_once_and_any_change_prepares_again(tmp_path, monkeypatch):
    runs = []
    real = preparing._prepare
    monkeypatch.setattr(preparing, "_prepare", lambda *a: runs.append(a[1].key) or real(*a))
    root = small_project(tmp_path / "one")
    first = _prepared(root)
    assert _prepared(root) is first and len(runs) == 1
    # A copy of the project elsewhere reads the same bytes: the same result.
    assert _prepared(shutil.copytree(root, tmp_path / "two")) is first and len(runs) == 1
    source = root / "sources/small/a.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("fight cancer", "fight cancer cells"),
                      encoding="utf-8")
    changed = _prepared(root)
    assert len(runs) == 2 and any("cancer cells" in c.canonical.text for c in changed.clusters)
    (root / "sources/other").mkdir()  # another topic's page: clean reads it for the site's template
    (root / "sources/other/topic.yaml").write_text('title: Other\nversion: "1"\n', encoding="utf-8")
    (root / "sources/other/b.txt").write_text("Skin rash\n\nA rash is common.\n", encoding="utf-8")
    config = load_config(root)
    preparing.prepare(config, next(t for t in config.topics if t.key == "small"))
    assert len(runs) == 3


def test_a_stale_decision_is_reported_on_every_call(tmp_path, caplog):
    root = small_project(tmp_path / "one")
    (root / "sources/small/editorial.yaml").write_text("decisions:\n  - action: drop\n    fact: c0000000000\n",
                                                       encoding="utf-8")
    for _ in range(2):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="pipeline.prepare"):
            _prepared(root)
        assert any("c0000000000 no longer exists" in record.getMessage() for record in caplog.records)
